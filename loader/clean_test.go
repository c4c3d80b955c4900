package loader

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestClean(t *testing.T) {
	const (
		arBody  = "تابعت اللجنة الوطنية لتنسيق إجراءات مكافحة الاتجار بالبشر صدور التقرير السنوي."
		arBody2 = "وأبرزت اللجنة، في بلاغ لها، أن التقرير أشار إلى ارتفاع عدد المتابعات."
		frBody  = "La Commission nationale a organisé, jeudi à Rabat, un séminaire interactif."
		frBody2 = "Cette rencontre a été initiée en partenariat avec l’ONUDC."
		enBody  = "The National Commission met on Thursday in Rabat with its partners."
		enBody2 = "The meeting follows a two-day workshop held in Tangier."
	)
	// tenLines are ten different paragraphs: a dateline after them is in
	// the middle of the text.
	var tenLines string
	for i := range 10 {
		tenLines += "Paragraphe numéro " + string(rune('A'+i)) + " de l’article.\n"
	}
	tests := []struct {
		name, text, body, published string
	}{
		// Line endings and blank lines.
		{"unchanged", frBody, frBody, ""},
		{"crlf and bom", "\ufeffTitre\r\n\r\n" + frBody + "\r\n", "Titre\n\n" + frBody, ""},
		{"blank runs", "\n\n  \nTitre\n\n\n\n" + frBody + "\n \n", "Titre\n\n" + frBody, ""},
		{"single newlines kept", "Un.\nDeux.\nTrois.", "Un.\nDeux.\nTrois.", ""},
		{"lines kept verbatim", "  indented line  \n" + frBody, "  indented line  \n" + frBody, ""},
		// Datelines.
		{"fr dateline", " date 2024-07 vendredi, 26 juillet, 2024 à 23:48\n\n" + frBody, frBody, "2024-07-26"},
		{"ar dateline", "الثلاثاء 09 يوليو 2024 على الساعة 09:00\n\n" + arBody, arBody, "2024-07-09"},
		{"en published on", "Published on March 5, 2024\n" + enBody, enBody, "2024-03-05"},
		{"published le", "Publié le 14/03/2024 à 10h30\n" + frBody, frBody, "2024-03-14"},
		{"ar published label", "نشر في 13 يونيو 2024 | 18:30\n" + arBody, arBody, "2024-06-13"},
		{"updated after published", "Publié le 14 mars 2024\nMis à jour le 15 mars 2024\n" + frBody, frBody, "2024-03-14"},
		{"updated only", "Mis à jour le 15 mars 2024\n" + frBody, frBody, "2024-03-15"},
		{"place and date", "Rabat, 14 mars 2024\n" + frBody, frBody, "2024-03-14"},
		{"byline and date", "Par Karim Benali - 14 mars 2024\n" + frBody, frBody, "2024-03-14"},
		{"dateline at the end", frBody + "\n\n26/07/2024\n", frBody, "2024-07-26"},
		{"inline dateline", "Rabat, 14 mars 2024 (MAP) - " + frBody, "Rabat, 14 mars 2024 (MAP) - " + frBody, "2024-03-14"},
		{"ar inline dateline", "الرباط - 14 مارس 2024: " + arBody, "الرباط - 14 مارس 2024: " + arBody, "2024-03-14"},
		{"a title with a date stays", "مساهمة المملكة المغربية في مجموعة عمل الاتجار بالبشر التابعة للأمم المتحدة يومي 12 و13 أكتوبر 2021 بفيينا\n\n" + arBody,
			"مساهمة المملكة المغربية في مجموعة عمل الاتجار بالبشر التابعة للأمم المتحدة يومي 12 و13 أكتوبر 2021 بفيينا\n\n" + arBody, ""},
		{"short title with a date stays", "Séminaire national le 26 juillet 2024\n" + frBody, "Séminaire national le 26 juillet 2024\n" + frBody, ""},
		{"event date is not a dateline", "Le 14 mars 2024, " + frBody, "Le 14 mars 2024, " + frBody, ""},
		{"site byline after the date", "Publié le 21/02/2024 à 17:40 | Le Matin\n\n" + frBody, frBody, "2024-02-21"},
		{"site byline before the date", "Morocco World News | Feb 28, 2024\n\n" + enBody, enBody, "2024-02-28"},
		{"edition number byline", "Edition N°:6770 Le 15/05/2024\n\n" + frBody, frBody, "2024-05-15"},
		{"month only is not a dateline", "juillet 2024\n" + frBody, "juillet 2024\n" + frBody, ""},
		{"dateline in the middle stays", tenLines + "14 mars 2024\n" + tenLines, tenLines + "14 mars 2024\n" + strings.TrimSuffix(tenLines, "\n"), ""},
		// Site phrases.
		{"ar comments closed", arBody + "\nعذراً التعليقات مغلقة", arBody, ""},
		{"en comments closed", enBody + "\nComments are closed.", enBody, ""},
		{"fr leave a comment", frBody + "\n\nLaisser un commentaire\n3 commentaires", frBody, ""},
		{"ar ticker", "عاجل\n" + arBody, arBody, ""},
		{"en ticker", "BREAKING NEWS\n" + enBody, enBody, ""},
		{"share line", frBody + "\nPartager sur Facebook Twitter WhatsApp", frBody, ""},
		{"ar share label", arBody + "\nشارك المقال: فيسبوك | تويتر | واتساب", arBody, ""},
		{"read also label", frBody + "\nÀ lire aussi : Le Maroc renforce la protection des travailleurs domestiques\n" + frBody2, frBody + "\n" + frBody2, ""},
		{"tags", enBody + "\nTags: trafficking, Morocco, IOM", enBody, ""},
		{"copyright", enBody + "\n© 2024 North Africa Post. All rights reserved.", enBody, ""},
		{"breadcrumb", "Accueil > Société > Justice\n" + frBody, frBody, ""},
		{"ticker label with a headline stays", "عاجل: تفكيك شبكة للاتجار بالبشر بطنجة\n" + arBody, "عاجل: تفكيك شبكة للاتجار بالبشر بطنجة\n" + arBody, ""},
		{"a sentence with a site word stays", "Share the news with the victims’ families.\n" + enBody, "Share the news with the victims’ families.\n" + enBody, ""},
		{"symbols and urls", frBody + "\n***\nhttps://example.ma/article/123\n" + frBody2, frBody + "\n" + frBody2, ""},
		// Lists of headlines.
		{"read also list", enBody + "\n\nRelated articles\n- Morocco, Spain sign migration deal\n- IOM opens new office in Oujda\n\n" + enBody2, enBody + "\n\n" + enBody2, ""},
		{"read also list after a blank line", arBody + "\nاقرأ أيضا\n\n• الداخلية تكشف حصيلة 2023\n• توقيف مهاجرين بالناظور\n\n" + arBody2, arBody + "\n\n" + arBody2, ""},
		{"read also list ends at a paragraph", enBody + "\nRead more\n- IOM opens new office in Oujda\n" + enBody2, enBody + "\n" + enBody2, ""},
		{"headline block", "• الاستقلال: التحولات الكبرى التي يعرفها المغرب\n  • بنعبد الله يرد على لشكر\n  • “الكتاب” للحكومة: واش تنمية 2030 غادي توصل؟\n\n" + arBody, arBody, ""},
		{"single bullet stays", "• Un seul point\n" + frBody, "• Un seul point\n" + frBody, ""},
		{"list after the body stays", frBody + "\n- premier point;\n- second point.", frBody + "\n- premier point;\n- second point.", ""},
		{"list of sentences stays", "- Le ministre a présidé la réunion de la Commission nationale.\n- La Commission a adopté son rapport annuel.\n" + frBody,
			"- Le ministre a présidé la réunion de la Commission nationale.\n- La Commission a adopté son rapport annuel.\n" + frBody, ""},
		{"only bullets stay", "• un\n• deux", "• un\n• deux", ""},
		// Duplicates.
		{"title twice", "Titre de l’article\n\nTitre de l’article\n\n" + frBody, "Titre de l’article\n\n" + frBody, ""},
		{"title twice with other spacing", "Titre  de l’article\nTitre de l’article \n" + frBody, "Titre  de l’article\n" + frBody, ""},
		{"repeat later stays", "Oui.\n" + frBody + "\nOui.", "Oui.\n" + frBody + "\nOui.", ""},
		// Everything is boilerplate.
		{"only boilerplate", "عاجل\nShare\nComments are closed.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, published := Clean(tt.text)
			if diff := cmp.Diff(tt.body, body); diff != "" {
				t.Errorf("Clean body mismatch (-want +got):\n%s", diff)
			}
			if published != tt.published {
				t.Errorf("Clean published = %q, want %q", published, tt.published)
			}
		})
	}
}

// TestCleanSeeds checks the boilerplate of the seeds: the headline block,
// ticker, dateline and second title of 004, the comment notice of 000, the
// dateline of 003, and that 002's title line stays.
func TestCleanSeeds(t *testing.T) {
	for _, a := range readSeedArticles(t) {
		first, _, _ := strings.Cut(a.Text, "\n")
		switch a.Name[:3] {
		case "000":
			if strings.Contains(a.Text, "التعليقات مغلقة") || !strings.HasSuffix(a.Text, "وتكريم شركاء الحملة.") {
				t.Errorf("000: comment notice kept or last paragraph lost: …%s", a.Text[len(a.Text)-80:])
			}
		case "002":
			if !strings.HasPrefix(first, "مساهمة المملكة المغربية") {
				t.Errorf("002: title line dropped, text starts %q", first)
			}
		case "003":
			if !strings.HasPrefix(first, "Rabat – La Commission") {
				t.Errorf("003: text starts %q", first)
			}
		case "004":
			if first != "تقرير الخارجية الأمريكية حول الاتجار بالبشر.. تنويه بجهود المغرب في التصدي للجريمة" ||
				strings.Count(a.Text, first) != 1 || strings.Contains(a.Text, "•") || strings.Contains(a.Text, "عاجل") {
				t.Errorf("004: boilerplate kept:\n%s", a.Text[:400])
			}
		}
	}
}

// TestCleanKeepsGold checks that every gold mention and evidence of the
// seeds is a substring of the cleaned text, and that every evidence lies
// within one sentence.
func TestCleanKeepsGold(t *testing.T) {
	gold := readSeedGold(t)
	for _, a := range readSeedArticles(t) {
		g, ok := gold[a.Name]
		if !ok {
			t.Fatalf("no gold for %s", a.Name)
		}
		for _, m := range g.mentions {
			if !strings.Contains(a.Text, m) {
				t.Errorf("%s: mention %q lost", a.Name, m)
			}
		}
		for _, e := range g.evidence {
			i := strings.Index(a.Text, e)
			if i < 0 {
				t.Errorf("%s: evidence %q lost", a.Name, e)
				continue
			}
			if !withinOneSentence(a.Sentences, i, i+len(e)) {
				t.Errorf("%s: evidence %q crosses a sentence boundary", a.Name, e)
			}
		}
	}
}

func withinOneSentence(sents []Span, start, end int) bool {
	for _, s := range sents {
		if s.Start <= start && end <= s.End {
			return true
		}
	}
	return false
}

func ExampleClean() {
	text := "• Other headline one\n• Other headline two\nBREAKING\n" +
		"Published on March 5, 2024\n\n" +
		"Morocco steps up victim protection\n\nMorocco steps up victim protection\n\n" +
		"The National Commission met on Thursday in Rabat.\n" +
		"Comments are closed.\n"
	body, published := Clean(text)
	fmt.Printf("%s\n--\n%s\n", body, published)
	// Output:
	// Morocco steps up victim protection
	//
	// The National Commission met on Thursday in Rabat.
	// --
	// 2024-03-05
}
