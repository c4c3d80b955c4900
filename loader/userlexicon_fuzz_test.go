package loader

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/actorgraph/actorgraph/loader/lexicon"
)

// fuzzBaseLexicon stands for the built-in lexicon in FuzzUserLexicon: a few
// entries of each kind that user files refer to or collide with. The whole
// built-in lexicon takes about 35 ms per extractor, too slow to fuzz.
const fuzzBaseLexicon = `
{"id":"un","type":"Organization","name":"United Nations","names":{"ar":["الأمم المتحدة"],"fr":["Nations unies"],"en":["United Nations"]},"acronyms":["ONU","UN"]}
{"id":"unodc","type":"Organization","name":"United Nations Office on Drugs and Crime","parent":"un","names":{"ar":["مكتب الأمم المتحدة المعني بالمخدرات والجريمة"],"fr":["Office des Nations unies contre la drogue et le crime"],"en":["United Nations Office on Drugs and Crime"]},"acronyms":["UNODC","ONUDC"]}
{"id":"ministry-justice","type":"Organization","name":"Ministry of Justice","names":{"ar":["وزارة العدل"],"fr":["ministère de la Justice"],"en":["Ministry of Justice"]}}
{"id":"ouahbi","type":"Person","name":"Abdellatif Ouahbi","names":{"ar":["عبد اللطيف وهبي"],"fr":["Abdellatif Ouahbi"],"en":["Abdellatif Ouahbi"]}}
{"id":"minister-justice","type":"Role","name":"Minister of Justice","role":"minister of justice","org":"ministry-justice","names":{"ar":["وزير العدل"],"fr":["ministre de la Justice"],"en":["Minister of Justice"]},"holders":[{"person":"ouahbi","from":"2021-10-07"}]}
{"id":"rabat","type":"Place","name":"Rabat","names":{"ar":["الرباط"],"fr":["Rabat"],"en":["Rabat"]},"kind":"city"}
{"id":"law-27-14","type":"Law","name":"Law 27.14 on Combating Trafficking in Persons","year":"2016","names":{"ar":["القانون رقم 27.14"],"fr":["loi n° 27-14"],"en":["Law 27.14"]}}
`

// FuzzUserLexicon: a user lexicon file (--lexicon) is untrusted input.
// Whatever it holds, reading it, merging it into the base lexicon and
// building an extractor never panics; a refused merge leaves the lexicon
// as it was; and the extractor, over any text, gives consistent facts
// whose mentions and evidence are quoted from the text.
func FuzzUserLexicon(f *testing.F) {
	base, err := lexicon.Parse(strings.NewReader(fuzzBaseLexicon), "base.jsonl")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []struct{ lex, text string }{
		{`{"id":"acme","type":"Organization","name":"Acme Aid","names":{"fr":["Association Acme"],"en":["Acme Aid"]},"acronyms":["AA"]}`,
			"L'Association Acme (AA) a organisé jeudi à Rabat un atelier avec l'ONUDC."},
		{`{"id":"unodc","type":"Organization","names":{"en":["the drugs office"]},"acronyms":["DO"]}`,
			"Minister of Justice Abdellatif Ouahbi met the drugs office (DO) in Rabat on 3 May 2024."},
		{`{"id":"unodc","type":"Person","name":"X"}`, "UNODC"},
		{`{"id":"p","type":"Person","name":"P","names":{"ar":["وهبي"]}}` + "\n" +
			`{"id":"minister-justice","type":"Role","holders":[{"person":"p","from":"2020","to":"2021-10-06"}]}`,
			"قال وزير العدل، عبد اللطيف وهبي، أمس الخميس بالرباط إن القانون رقم 27.14 يحمي الضحايا."},
		{`{"id":"x","type":"Organization","name":"X","parent":"x"}`, "X"},
		{`{"id":"y","type":"Organization","name":"Y","names":{"en":["a","the","(",","]},"acronyms":["A"]}`, "a ( the , A"},
		{`{"id":"z","type":"Law","name":"Z","year":"2016","names":{"fr":["loi n° 27-14"]}}`, "La loi n° 27-14 de 2016."},
	} {
		f.Add([]byte(s.lex), s.text)
	}
	f.Fuzz(func(t *testing.T, file []byte, text string) {
		if len(file) > 4096 || len(text) > 4096 {
			return // larger inputs find nothing more, only slower
		}
		lex, err := lexicon.New(base)
		if err != nil {
			t.Fatal(err)
		}
		entries, err := lexicon.Parse(bytes.NewReader(file), "user.jsonl")
		if err != nil {
			return
		}
		if err := lex.Merge(entries); err != nil {
			if diff := cmp.Diff(base, lex.Entries()); diff != "" {
				t.Fatalf("a refused merge (%v) changed the lexicon (-before +after):\n%s", err, diff)
			}
			return
		}
		x, err := NewExtractor(lex)
		if err != nil {
			return
		}
		a := &Article{ID: "fuzz", Name: "fuzz.txt", Text: text, Lang: DetectLang(text), Published: "2024-07-25", Sentences: Sentences(text)}
		a.Dates = FindDates(text, a.Lang, a.Published)
		got := x.Extract(a)
		if err := got.Validate(); err != nil && len(got.Entities) > 0 {
			t.Fatalf("inconsistent extraction of %q: %v", text, err)
		}
		for _, e := range got.Entities {
			for _, m := range e.Mentions {
				if !strings.Contains(text, m) {
					t.Fatalf("mention %q of %s is not in the text %q", m, e.ID, text)
				}
			}
		}
		for _, r := range got.Relations {
			if !strings.Contains(text, r.Evidence) {
				t.Fatalf("evidence %q is not in the text %q", r.Evidence, text)
			}
		}
	})
}
