package loader

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

// sentenceTexts returns the text of each sentence of s.
func sentenceTexts(s string) []string {
	var out []string
	for _, sp := range Sentences(s) {
		out = append(out, s[sp.Start:sp.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"space only", " \n\t\n ", nil},
		{"no terminator", "مساهمة المملكة المغربية في مجموعة عمل الاتجار بالبشر", []string{"مساهمة المملكة المغربية في مجموعة عمل الاتجار بالبشر"}},
		// Arabic.
		{"ar period", "نظمت اللجنة يوما تواصليا. الحدث يهدف إلى تعزيز الوعي.", []string{"نظمت اللجنة يوما تواصليا.", "الحدث يهدف إلى تعزيز الوعي."}},
		{"ar comma is not an end", "نظمت اللجنة، أمس الخميس، يوما تواصليا.", []string{"نظمت اللجنة، أمس الخميس، يوما تواصليا."}},
		{"ar question mark", "هل تكفي المقاربة الأمنية؟ يرى فاعلون أن الوقاية أهم.", []string{"هل تكفي المقاربة الأمنية؟", "يرى فاعلون أن الوقاية أهم."}},
		{"ar semicolon", "دعم مشاريع الجمعيات؛ تعزيز القدرات؛", []string{"دعم مشاريع الجمعيات؛", "تعزيز القدرات؛"}},
		{"ar semicolon without space", "دعم الجمعيات؛تعزيز القدرات", []string{"دعم الجمعيات؛", "تعزيز القدرات"}},
		{"ar double period", "تقرير الخارجية الأمريكية.. تنويه بجهود المغرب", []string{"تقرير الخارجية الأمريكية..", "تنويه بجهود المغرب"}},
		{"ar law number", "بتبني القانون 14.27 المتعلق بمكافحة الاتجار بالبشر سنة 2016.", []string{"بتبني القانون 14.27 المتعلق بمكافحة الاتجار بالبشر سنة 2016."}},
		{"ar quote then period", "تحت شعار “القلب الأزرق”. الحدث كان ناجحا.", []string{"تحت شعار “القلب الأزرق”.", "الحدث كان ناجحا."}},
		{"ar agency initials", "الرباط (و.م.ع) أكد الوزير ذلك.", []string{"الرباط (و.م.ع) أكد الوزير ذلك."}},
		// French.
		{"fr abbreviations", "M. Ouahbi et Mme. Ouchelh ont reçu le Dr. Benali. La réunion a duré.", []string{"M. Ouahbi et Mme. Ouchelh ont reçu le Dr. Benali.", "La réunion a duré."}},
		{"fr numbers", "Le décret n° 2.18.123 et la loi 27.14 sont entrés en vigueur. Fin.", []string{"Le décret n° 2.18.123 et la loi 27.14 sont entrés en vigueur.", "Fin."}},
		{"fr etc before capital", "Des jeux, des réseaux, etc. Les travaux continuent.", []string{"Des jeux, des réseaux, etc.", "Les travaux continuent."}},
		{"fr etc before lower case", "Des jeux, etc. et des réseaux.", []string{"Des jeux, etc. et des réseaux."}},
		{"fr guillemets", "Il a demandé : « Où va-t-on ? » Le public a applaudi.", []string{"Il a demandé : « Où va-t-on ? »", "Le public a applaudi."}},
		{"fr question then lower case", "« Où va-t-on ? » a demandé le ministre.", []string{"« Où va-t-on ? » a demandé le ministre."}},
		{"fr initials", "Le rapport de J.-C. Martin est paru. Il est long.", []string{"Le rapport de J.-C. Martin est paru.", "Il est long."}},
		{"fr art.", "Selon l’art. 448-1 du code pénal, la traite est punie.", []string{"Selon l’art. 448-1 du code pénal, la traite est punie."}},
		// English.
		{"en abbreviations", "Mr. Carter of the U.S. Embassy met Dr. Bennani. They spoke.", []string{"Mr. Carter of the U.S. Embassy met Dr. Bennani.", "They spoke."}},
		{"en No.", "Law No. 27.14 applies. It was adopted in 2016.", []string{"Law No. 27.14 applies.", "It was adopted in 2016."}},
		{"en exclamation and question", "Stop trafficking! Who is responsible? Everyone.", []string{"Stop trafficking!", "Who is responsible?", "Everyone."}},
		{"en quote", `"Victims must be protected." The minister agreed.`, []string{`"Victims must be protected."`, "The minister agreed."}},
		{"en ellipsis", "The talks went on… The end came late.", []string{"The talks went on…", "The end came late."}},
		{"en decimal and url", "It rose 1.5 percent, see www.example.ma for more.", []string{"It rose 1.5 percent, see www.example.ma for more."}},
		{"en a.m.", "The meeting opened at 9 a.m. Tuesday in Rabat.", []string{"The meeting opened at 9 a.m. Tuesday in Rabat."}},
		// Lines and lists.
		{"line breaks", "Title line\nFirst paragraph.\n\nSecond paragraph", []string{"Title line", "First paragraph.", "Second paragraph"}},
		{"crlf", "One\r\nTwo", []string{"One", "Two"}},
		{"bullets", "Initiatives:\n- first item;\n• second item\n* third item", []string{"Initiatives:", "- first item;", "• second item", "* third item"}},
		{"numbered list", "1. Prevention\n2. Protection of victims. Then prosecution.", []string{"1. Prevention", "2. Protection of victims.", "Then prosecution."}},
		{"leading and trailing space", "  Hello world.   Bye.  ", []string{"Hello world.", "Bye."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Sentences(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// checkSentences reports what is wrong with spans as the sentences of
// text: out of range, not on rune boundaries, not trimmed, out of order,
// overlapping, or leaving non-space text uncovered.
func checkSentences(text string, spans []Span) string {
	covered := make([]bool, len(text))
	prev := 0
	for _, s := range spans {
		switch {
		case s.Start < prev || s.End <= s.Start || s.End > len(text):
			return "span out of order or range: " + spanString(s)
		case !onRuneBoundary(text, s.Start) || !onRuneBoundary(text, s.End):
			return "span not on rune boundaries: " + spanString(s)
		case strings.TrimSpace(text[s.Start:s.End]) != text[s.Start:s.End]:
			return "span not trimmed: " + spanString(s)
		}
		for i := s.Start; i < s.End; i++ {
			covered[i] = true
		}
		prev = s.End
	}
	for i, r := range text {
		if !covered[i] && !unicode.IsSpace(r) {
			return "byte not covered at " + spanString(Span{Start: i, End: i + 1})
		}
	}
	return ""
}

func TestSentencesCoverSeeds(t *testing.T) {
	for _, a := range readSeedArticles(t) {
		if msg := checkSentences(a.Text, a.Sentences); msg != "" {
			t.Errorf("%s: %s", a.Name, msg)
		}
	}
}

func ExampleSentences() {
	text := "M. Ouahbi a rappelé la loi n° 27.14. Elle date de 2016؛ وقد صدرت، بعد ذلك، مراسيم تطبيقية.\n- premier point"
	for _, s := range Sentences(text) {
		fmt.Println(text[s.Start:s.End])
	}
	// Output:
	// M. Ouahbi a rappelé la loi n° 27.14.
	// Elle date de 2016؛
	// وقد صدرت، بعد ذلك، مراسيم تطبيقية.
	// - premier point
}
