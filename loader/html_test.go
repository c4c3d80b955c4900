package loader

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

const htmlBody = "<p>La Commission nationale de lutte contre la traite des êtres humains a présenté hier à Rabat son rapport annuel, en présence de ses partenaires.</p>"

func TestParseHTML(t *testing.T) {
	tests := []struct {
		name, page                   string
		title, published, textPrefix string
	}{
		{
			name:       "title from head, prepended",
			page:       "<html><head><title>Le rapport annuel de la Commission | Le Site</title></head><body><article>" + htmlBody + "</article></body></html>",
			title:      "Le rapport annuel de la Commission",
			textPrefix: "Le rapport annuel de la Commission\n\nLa Commission",
		},
		{
			name:       "title not repeated",
			page:       "<html><head><title>Rapport annuel</title></head><body><article><h1>Rapport annuel</h1>" + htmlBody + "</article></body></html>",
			title:      "Rapport annuel",
			textPrefix: "Rapport annuel\n\nLa Commission",
		},
		{
			name:       "meta published time",
			page:       `<html><head><title>T</title><meta property="article:published_time" content="2024-07-26T23:48:00+01:00"></head><body><article>` + htmlBody + "</article></body></html>",
			title:      "T",
			published:  "2024-07-26",
			textPrefix: "T\n\nLa Commission",
		},
		{
			name:       "json-ld date",
			page:       `<html><head><title>T</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"T","datePublished":"2024-03-05"}</script></head><body><article>` + htmlBody + "</article></body></html>",
			title:      "T",
			published:  "2024-03-05",
			textPrefix: "T\n\nLa Commission",
		},
		{
			name:       "dateline in the page text",
			page:       "<html><head><title>T</title></head><body><article><p>Publié le 14 mars 2024</p>" + htmlBody + "</article></body></html>",
			title:      "T",
			published:  "2024-03-14",
			textPrefix: "T\n\nLa Commission",
		},
		{
			name:       "no title",
			page:       "<html><body><article>" + htmlBody + "</article></body></html>",
			textPrefix: "La Commission",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := Parse("page.html", []byte(tt.page), ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			a := arts[0]
			if a.Title != tt.title || a.Published != tt.published || !strings.HasPrefix(a.Text, tt.textPrefix) {
				t.Errorf("Title, Published, Text = %q, %q, %q; want %q, %q, %q…", a.Title, a.Published, a.Text, tt.title, tt.published, tt.textPrefix)
			}
			if tt.published == "2024-07-26" && (len(a.Dates) == 0 || a.Dates[0].Value != "2024-07-25") {
				t.Errorf("hier = %v, want 2024-07-25 from the page's published time", a.Dates)
			}
		})
	}
}

// TestParseHTMLCharset reads a page in windows-1256 that declares it, and
// the same page undeclared.
func TestParseHTMLCharset(t *testing.T) {
	const body = "<p>نظمت اللجنة الوطنية لتنسيق إجراءات مكافحة الاتجار بالبشر والوقاية منه يوما تواصليا في الرباط لفائدة الأطفال والمراهقين.</p>"
	enc, err := charmap.Windows1256.NewEncoder().String(body)
	if err != nil {
		t.Fatal(err)
	}
	page := `<html><head><meta charset="windows-1256"><title>t</title></head><body><article>` + enc + "</article></body></html>"
	arts, err := Parse("ar.html", []byte(page), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(arts[0].Text, "نظمت اللجنة الوطنية") || arts[0].Lang != "ar" {
		t.Errorf("Text, Lang = %q, %q", arts[0].Text, arts[0].Lang)
	}
	undeclared := "<html><body><article>" + enc + "</article></body></html>"
	_, err = Parse("ar.html", []byte(undeclared), ReadOptions{})
	checkInputError(t, err, "ar.html", 0, ErrInvalidUTF8)
}

func TestParseHTMLTooManyElements(t *testing.T) {
	page := "<html><body><article>" + htmlBody + strings.Repeat("<b></b>", maxHTMLElements) + "</article></body></html>"
	_, err := Parse("big.html", []byte(page), ReadOptions{})
	checkInputError(t, err, "big.html", 0, ErrTooLarge)
}

// TestParseHTMLBoilerplate checks that the page of testdata/reading with
// heavy boilerplate keeps none of it.
func TestParseHTMLBoilerplate(t *testing.T) {
	arts, err := ReadFile(readingDir+"/ar_marrakech_workshop.html", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	for _, junk := range []string{
		"الرئيسية", "عاجل", "القدرة الشرائية", "فيسبوك", "صورة", "الوسوم", "مقالات ذات صلة", "الأكثر قراءة",
		"تعليقات", "مبادرة مهمة", "أضف تعليقا", "جميع الحقوق", "gtag", "font-family", "اقرأ أيضا", "نبض المغرب",
		"ملفات تعريف الارتباط",
	} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("boilerplate %q kept", junk)
		}
	}
	if a.Published != "2024-08-02" || a.Title != "ورشة بمراكش لتعزيز قدرات المتدخلين في حماية ضحايا الاتجار بالبشر" {
		t.Errorf("Published, Title = %q, %q", a.Published, a.Title)
	}
	if n := bytes.Count([]byte(a.Text), []byte("\n\n")); n != 6 {
		t.Errorf("%d paragraph breaks, want 6 (title and six paragraphs)", n)
	}
}
