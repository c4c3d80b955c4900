package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/actorgraph/actorgraph/loader/eval"
	"github.com/actorgraph/actorgraph/loader/lexicon"
)

func newTestGenerator(t *testing.T, seed uint64) *Generator {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	g, err := New(lex, seed)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func collect(t *testing.T, g *Generator, n int) []Article {
	t.Helper()
	var out []Article
	for a, err := range g.Articles(n) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	if len(out) != n {
		t.Fatalf("got %d articles, want %d", len(out), n)
	}
	return out
}

func TestDeterministic(t *testing.T) {
	a := collect(t, newTestGenerator(t, 7), 300)
	b := collect(t, newTestGenerator(t, 7), 300)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("same seed, different articles (-first +second):\n%s", diff)
	}
	again := collect(t, newTestGenerator(t, 7), 100)
	if diff := cmp.Diff(a[:100], again); diff != "" {
		t.Errorf("a shorter run is not a prefix of the longer one (-long +short):\n%s", diff)
	}
	c := collect(t, newTestGenerator(t, 8), 300)
	same := 0
	for i := range a {
		if a[i].Text == c[i].Text {
			same++
		}
	}
	if same > 0 {
		t.Errorf("seeds 7 and 8 gave %d identical articles", same)
	}
}

// TestGoldIsInText checks, independently of the generator's own check,
// that every mention and evidence is an exact substring of its article,
// and that the gold scores perfectly against itself.
func TestGoldIsInText(t *testing.T) {
	arts := collect(t, newTestGenerator(t, 1), 1500)
	var golds []eval.Document
	for _, a := range arts {
		for _, e := range a.Gold.Entities {
			for _, m := range e.Mentions {
				if !strings.Contains(a.Text, m) {
					t.Fatalf("%s: mention %q of %s is not in the article:\n%s", a.Name, m, e.ID, a.Text)
				}
			}
		}
		for _, r := range a.Gold.Relations {
			if !strings.Contains(a.Text, r.Evidence) {
				t.Fatalf("%s: evidence %q is not in the article", a.Name, r.Evidence)
			}
		}
		if a.Gold.Document != a.Name || !strings.HasSuffix(a.Name, "_"+a.Lang+".txt") {
			t.Errorf("article %s has gold for %s in %s", a.Name, a.Gold.Document, a.Lang)
		}
		golds = append(golds, a.Gold)
	}
	if err := Validate(golds); err != nil {
		t.Errorf("the gold of 1500 articles does not validate:\n%v", err)
	}
	s := eval.Evaluate(golds, golds)
	for name, prf := range map[string]eval.PRF{"entities": s.Entities, "relations": s.Relations, "coref": s.Coref} {
		if prf.F1 != 1 {
			t.Errorf("gold against itself: %s %+v, want F1 1", name, prf)
		}
	}
}

// TestCoverage checks that the corpus exercises what the extractor must
// find: every language, entity type and predicate, and events reported
// in several languages.
func TestCoverage(t *testing.T) {
	arts := collect(t, newTestGenerator(t, 3), 2000)
	langs, types, preds := map[string]int{}, map[string]int{}, map[string]int{}
	eventLangs := map[string]map[string]bool{}
	for _, a := range arts {
		langs[a.Lang]++
		for _, e := range a.Gold.Entities {
			types[e.Type]++
			if e.Type == tEvent {
				if eventLangs[e.ID] == nil {
					eventLangs[e.ID] = map[string]bool{}
				}
				eventLangs[e.ID][a.Lang] = true
			}
		}
		for _, r := range a.Gold.Relations {
			preds[r.Predicate]++
		}
	}
	for _, l := range languages {
		if langs[l] < 500 {
			t.Errorf("%d articles in %s out of 2000", langs[l], l)
		}
	}
	for typ := range entityTypes {
		if types[typ] == 0 {
			t.Errorf("no entity of type %s", typ)
		}
	}
	for p := range signatures {
		if preds[p] == 0 {
			t.Errorf("no relation %s", p)
		}
	}
	multi := 0
	for _, ls := range eventLangs {
		if len(ls) > 1 {
			multi++
		}
	}
	if multi < 100 {
		t.Errorf("%d events are reported in more than one language, want at least 100", multi)
	}
}

// TestPlainSentencesNameNothing checks that the sentences added around
// the facts, the quotes and the topics name no entry of the lexicon, which
// the gold would then miss.
func TestPlainSentencesNameNothing(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	var names, acronyms []string
	for _, e := range lex.Entries() {
		for _, ns := range e.Names {
			names = append(names, ns...)
		}
		acronyms = append(acronyms, e.Acronyms...)
	}
	check := func(lang, text string) {
		for _, n := range names {
			if holdsName(strings.ToLower(text), strings.ToLower(n), lang == "ar") {
				t.Errorf("%q names %q", text, n)
			}
		}
		for _, a := range acronyms { // matched case-sensitively
			if holdsName(text, a, false) {
				t.Errorf("%q names %q", text, a)
			}
		}
	}
	for lang, list := range fillers {
		for _, f := range list {
			check(lang, f)
		}
	}
	for lang, list := range reportFillers {
		for _, f := range list {
			check(lang, f)
		}
	}
	for lang, list := range quotes {
		for _, q := range list {
			check(lang, q)
		}
	}
	for _, tp := range topics {
		for lang, text := range tp.text {
			check(lang, text)
		}
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	g := newTestGenerator(t, 5)
	n, err := g.Write(context.Background(), dir, 20)
	if err != nil {
		t.Fatal(err)
	}
	texts, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	golds, _ := filepath.Glob(filepath.Join(dir, "gold", "*.json"))
	if len(texts) != 20 || len(golds) != 20 {
		t.Fatalf("wrote %d articles and %d gold files, want 20 of each", len(texts), len(golds))
	}
	var total int64
	want := collect(t, g, 20)
	for i, path := range texts {
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		total += int64(len(text))
		data, err := os.ReadFile(golds[i])
		if err != nil {
			t.Fatal(err)
		}
		var d eval.Document
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatalf("%s: %v", golds[i], err)
		}
		if diff := cmp.Diff(want[i].Gold, d); diff != "" || string(text) != want[i].Text {
			t.Errorf("%s differs from what Articles gives (-want +got):\n%s", path, diff)
		}
	}
	if total != n {
		t.Errorf("Write reported %d bytes, the files hold %d", n, total)
	}
}

func TestValidateCatches(t *testing.T) {
	ok := eval.Document{Document: "x.txt", Lang: "fr", Date: "2024-01-02",
		Entities: []eval.Entity{
			{ID: "cnclt", Type: tOrg, Name: "CNCLT", Mentions: []string{"CNCLT"}},
			{ID: "event-x", Type: tEvent, Name: "Event X", Mentions: []string{"atelier"}},
		},
		Relations: []eval.Relation{{Subject: "event-x", Predicate: "organized_by", Object: "cnclt", Evidence: "e"}},
	}
	for _, tc := range []struct {
		name  string
		edit  func(d *eval.Document)
		other *eval.Document // a second document, for cross-document rules
		want  string
	}{
		{"bad lang", func(d *eval.Document) { d.Lang = "de" }, nil, `lang "de"`},
		{"bad date", func(d *eval.Document) { d.Date = "2 janvier" }, nil, "date"},
		{"bad type", func(d *eval.Document) { d.Entities[0].Type = "Role" }, nil, "type"},
		{"bad id", func(d *eval.Document) { d.Entities[0].ID = "Bad ID" }, nil, "bad id"},
		{"no mention", func(d *eval.Document) { d.Entities[0].Mentions = nil }, nil, "no mention"},
		{"wrong subject type", func(d *eval.Document) { d.Relations[0].Subject = "cnclt" }, nil, "subject type"},
		{"undeclared object", func(d *eval.Document) { d.Relations[0].Object = "unodc" }, nil, "undeclared object"},
		{"unknown predicate", func(d *eval.Document) { d.Relations[0].Predicate = "likes" }, nil, "unknown predicate"},
		{"bad literal", func(d *eval.Document) {
			d.Relations = append(d.Relations, eval.Relation{Subject: "event-x", Predicate: "held_on", Object: "2024/01/02", Evidence: "e"})
		}, nil, "bad literal"},
		{"duplicate relation", func(d *eval.Document) { d.Relations = append(d.Relations, d.Relations[0]) }, nil, "duplicate relation"},
		{"no evidence", func(d *eval.Document) { d.Relations[0].Evidence = "" }, nil, "no evidence"},
		{"id with two names", func(d *eval.Document) {}, &eval.Document{Document: "y.txt", Lang: "en",
			Entities: []eval.Entity{{ID: "cnclt", Type: tOrg, Name: "Another name", Mentions: []string{"x"}}}}, "id cnclt"},
		{"name with two ids", func(d *eval.Document) {}, &eval.Document{Document: "y.txt", Lang: "en",
			Entities: []eval.Entity{{ID: "other", Type: tOrg, Name: "CNCLT", Mentions: []string{"x"}}}}, "used by"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := ok
			d.Entities = append([]eval.Entity{}, ok.Entities...)
			d.Relations = append([]eval.Relation{}, ok.Relations...)
			tc.edit(&d)
			docs := []eval.Document{d}
			if tc.other != nil {
				docs = append(docs, *tc.other)
			}
			err := Validate(docs)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Validate = %v, want an error with %q", err, tc.want)
			}
		})
	}
	if err := Validate([]eval.Document{ok}); err != nil {
		t.Errorf("Validate(valid document) = %v", err)
	}
}

func TestNewNeedsLexicon(t *testing.T) {
	lex, err := lexicon.New([]lexicon.Entry{{ID: "x", Type: lexicon.TypeOrganization, Name: "X", Acronyms: []string{"XX"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(lex, 1); !errors.Is(err, ErrLexicon) {
		t.Errorf("New(tiny lexicon) = %v, want ErrLexicon", err)
	}
}

func TestFrench(t *testing.T) {
	for _, tc := range []struct{ prep, name, want string }{
		{"de", "Conseil de l'Europe", "du Conseil de l'Europe"},
		{"de", "Commission nationale", "de la Commission nationale"},
		{"de", "Organisation internationale pour les migrations", "de l'Organisation internationale pour les migrations"},
		{"à", "Haut Commissariat des Nations unies pour les réfugiés", "au Haut Commissariat des Nations unies pour les réfugiés"},
		{"", "Union européenne", "l'Union européenne"},
		{"de", "UNICEF", "d'UNICEF"},
		{"", "Ministère de la Justice", "le Ministère de la Justice"},
	} {
		if got := frWith(tc.prep, tc.name); got != tc.want {
			t.Errorf("frWith(%q, %q) = %q, want %q", tc.prep, tc.name, got, tc.want)
		}
	}
	for _, tc := range []struct{ full, short, want string }{
		{"Commission nationale chargée de ...", "CNCLT", "la "},
		{"Organisation internationale pour les migrations", "OIM", "l'"},
		{"Agence allemande de coopération internationale", "GIZ", "la "},
		{"Haut Commissariat des Nations unies pour les réfugiés", "HCR", "le "},
	} {
		if got := frArticleOfShort(tc.full, tc.short); got != tc.want {
			t.Errorf("frArticleOfShort(%q, %q) = %q, want %q", tc.full, tc.short, got, tc.want)
		}
	}
}

func TestHoldsName(t *testing.T) {
	for _, tc := range []struct {
		text, name string
		ar, want   bool
	}{
		{"le Maroc a", "Maroc", false, true},
		{"marocain", "Maroc", false, false},
		{"au Marocain", "Maroc", false, false},
		{"وصادق المغرب على", "المغرب", true, true},
		{"بالمغرب", "المغرب", true, true},
		{"المغربية", "المغرب", true, false},
		{"كالمغرب", "المغرب", false, false},
	} {
		if got := holdsName(tc.text, tc.name, tc.ar); got != tc.want {
			t.Errorf("holdsName(%q, %q, %v) = %v, want %v", tc.text, tc.name, tc.ar, got, tc.want)
		}
	}
}
