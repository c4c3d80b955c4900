package loader

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDetectLang(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		// Documents and paragraphs.
		{"ar paragraph", "نظمت اللجنة الوطنية لتنسيق إجراءات مكافحة الاتجار بالبشر والوقاية منه يوما تواصليا في الرباط.", "ar"},
		{"ar with latin acronym", "بشراكة مع مكتب الأمم المتحدة المعني بالجريمة والمخدرات (ONUDC) والمرصد الوطني للإجرام", "ar"},
		{"fr paragraph", "La Commission nationale a organisé, jeudi à Rabat, un séminaire interactif pour les membres du Parlement de l’Enfant.", "fr"},
		{"fr without accents", "Le ministre de la Justice a preside la reunion avec les partenaires de la commission", "fr"},
		{"en paragraph", "The National Commission met on Thursday with representatives of the U.S. Embassy to review the national plan.", "en"},
		{"en headline", "Morocco steps up victim protection ahead of trafficking review", "en"},
		{"fr with arabic name", "Le rapport, intitulé « الاتجار بالبشر », a été présenté à Rabat par la Commission nationale.", "fr"},
		// Short strings.
		{"ar short", "وزير العدل", "ar"},
		{"fr short", "Office des Nations Unies contre la drogue et le crime", "fr"},
		{"en short", "United Nations Office on Drugs and Crime", "en"},
		{"fr elision", "l’Observatoire", "fr"},
		{"en possessive", "Morocco's plan", "en"},
		{"latin, no evidence", "Rabat", "fr"},
		{"digits only", "2023-2030", ""},
		{"empty", "", ""},
		{"punctuation", "« … » — !", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectLang(tt.text); got != tt.want {
				t.Errorf("DetectLang(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestDetectLangSeeds checks every seed document and every seed paragraph
// of three words or more against the seed's language.
func TestDetectLangSeeds(t *testing.T) {
	want := map[string]string{"000": "ar", "001": "ar", "002": "ar", "003": "fr", "004": "ar"}
	files, err := filepath.Glob("testdata/reading/00?_*.txt")
	if err != nil || len(files) != len(want) {
		t.Fatalf("seeds: %v, %v", files, err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lang := want[filepath.Base(f)[:3]]
		body, _ := Clean(string(data))
		if got := DetectLang(body); got != lang {
			t.Errorf("%s: DetectLang = %q, want %q", f, got, lang)
		}
		for _, p := range strings.Split(body, "\n") {
			if len(strings.Fields(p)) < 3 {
				continue
			}
			if got := DetectLang(p); got != lang {
				t.Errorf("%s: DetectLang(%q) = %q, want %q", f, p, got, lang)
			}
		}
	}
}

func TestParagraphLang(t *testing.T) {
	text := "Le ministre a reçu la délégation de l’ONUDC à Rabat.\n" +
		"وزير العدل يستقبل وفدا أمميا\n" +
		"(ONUDC)\n" +
		"2023-2030\n"
	got := paragraphSpans(text, "fr")
	want := []string{"fr", "ar", "fr", "fr"}
	if len(got) != len(want) {
		t.Fatalf("paragraphSpans = %v, want %d paragraphs", got, len(want))
	}
	for i, p := range got {
		if p.Lang != want[i] {
			t.Errorf("paragraph %q: Lang = %q, want %q", text[p.Start:p.End], p.Lang, want[i])
		}
	}
	// In an English article, an unclear Latin line takes the article's language.
	if got := paragraphSpans("Rabat", "en"); got[0].Lang != "en" {
		t.Errorf("unclear line in an English article: Lang = %q, want en", got[0].Lang)
	}
}

func ExampleDetectLang() {
	fmt.Println(DetectLang("اللجنة الوطنية لتنسيق إجراءات مكافحة الاتجار بالبشر (CNCLT)"))
	fmt.Println(DetectLang("La Commission nationale a organisé un séminaire."))
	fmt.Println(DetectLang("The Commission met with the partners."))
	fmt.Println(DetectLang("2023-2030") == "")
	// Output:
	// ar
	// fr
	// en
	// true
}
