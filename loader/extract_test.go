package loader

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/loader/eval"
	"github.com/actorgraph/actorgraph/loader/lexicon"
)

var dumpExtraction = flag.String("dump", "", "write the seed extraction as JSON Lines to this file")

// newTestExtractor returns an extractor over the built-in lexicon.
func newTestExtractor(tb testing.TB) *Extractor {
	tb.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		tb.Fatal(err)
	}
	x, err := NewExtractor(lex)
	if err != nil {
		tb.Fatal(err)
	}
	return x
}

// readDir reads every article of the folders.
func readDir(tb testing.TB, dirs ...string) []*Article {
	tb.Helper()
	var arts []*Article
	for _, dir := range dirs {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, p := range paths {
			as, err := ReadFile(p, ReadOptions{})
			if err != nil {
				tb.Fatalf("read %s: %v", p, err)
			}
			arts = append(arts, as...)
		}
	}
	if len(arts) == 0 {
		tb.Fatalf("no articles in %v", dirs)
	}
	return arts
}

// extractDir reads and extracts every article of dir.
func extractDir(t testing.TB, dir string) []*graph.Article {
	t.Helper()
	return newTestExtractor(t).ExtractAll(readDir(t, dir))
}

func readGold(t testing.TB, dir string) []eval.Document {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	var docs []eval.Document
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var d eval.Document
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		docs = append(docs, d)
	}
	return docs
}

func asEval(t testing.TB, arts []*graph.Article) []eval.Document {
	t.Helper()
	data, err := json.Marshal(arts)
	if err != nil {
		t.Fatal(err)
	}
	var docs []eval.Document
	if err := json.Unmarshal(data, &docs); err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestSeedScores(t *testing.T) {
	arts := extractDir(t, "../testdata/articles")
	if *dumpExtraction != "" {
		f, err := os.Create(*dumpExtraction)
		if err != nil {
			t.Fatal(err)
		}
		enc := json.NewEncoder(f)
		enc.SetEscapeHTML(false)
		for _, a := range arts {
			enc.Encode(a)
		}
		f.Close()
	}
	for _, a := range arts {
		if err := a.Validate(); err != nil {
			t.Errorf("invalid extraction: %v", err)
		}
	}
	s := eval.Evaluate(readGold(t, "../testdata/gold"), asEval(t, arts))
	t.Logf("entities %+v", s.Entities)
	t.Logf("relations %+v", s.Relations)
	t.Logf("coref %+v", s.Coref)
	// Floors the issue asks for (entity 0.95, relation 0.85, coref 0.95):
	// a change that drops below them is a regression.
	if s.Entities.F1 < 0.95 || s.Relations.F1 < 0.85 || s.Coref.F1 < 0.95 {
		t.Errorf("seed scores fell below the floors: entities %.3f relations %.3f coref %.3f", s.Entities.F1, s.Relations.F1, s.Coref.F1)
	}
}

func TestEvalSetScores(t *testing.T) {
	arts := extractDir(t, "../testdata/eval/articles")
	s := eval.Evaluate(readGold(t, "../testdata/eval/gold"), asEval(t, arts))
	t.Logf("entities %+v", s.Entities)
	t.Logf("relations %+v", s.Relations)
	t.Logf("coref %+v", s.Coref)
	// Floors at the level reached so far on articles of our own (see
	// testdata/eval/README.md): a change that drops below is a regression.
	if s.Entities.F1 < 0.93 || s.Relations.F1 < 0.88 || s.Coref.F1 < 0.95 {
		t.Errorf("eval-set scores fell below the floors: entities %.3f relations %.3f coref %.3f", s.Entities.F1, s.Relations.F1, s.Coref.F1)
	}
	if *dumpExtraction != "" {
		f, err := os.Create(*dumpExtraction + ".eval")
		if err != nil {
			t.Fatal(err)
		}
		enc := json.NewEncoder(f)
		enc.SetEscapeHTML(false)
		for _, a := range arts {
			enc.Encode(a)
		}
		f.Close()
	}
}

// BenchmarkExtract measures extraction (tokenizing, matching, relations,
// resolution) over the seed and eval articles, in MB/s of article text.
func BenchmarkExtract(b *testing.B) {
	x := newTestExtractor(b)
	arts := readDir(b, "../testdata/articles", "../testdata/eval/articles")
	size := 0
	for _, a := range arts {
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		x.ExtractAll(arts)
	}
}

// FuzzExtract checks, for any text, that extraction does not panic, that
// its output is consistent (every relation's ends are its entities), that
// every evidence is quoted from the text as written, and every mention too
// but for bidi controls, which names never keep.
func FuzzExtract(f *testing.F) {
	x := newTestExtractor(f)
	for _, s := range []string{
		"نظمت اللجنة الوطنية لتنسيق إجراءات مكافحة الاتجار بالبشر والوقاية منه، أمس الخميس، يومًا تواصليًا في الرباط بشراكة مع مكتب الأمم المتحدة المعني بالجريمة والمخدرات.",
		"La CNCLT a organisé, jeudi à Rabat, un séminaire en partenariat avec l'ONUDC (ONUDC), avec le soutien financier de l'Union européenne.",
		"Minister of Justice Abdellatif Ouahbi said Law 27.14, which Morocco adopted in 2016, protects victims.",
		"القانون 14.27 سنة 2016 (", ", , ( ) «»", "",
		"وقعت \u202bوزارة العدل\u202c اتفاقية مع \u2067المجلس الوطني لحقوق الإنسان\u2069 و\u200fمحمد\u200f \u202eالإدريسي\u202c.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a := &Article{ID: "fuzz", Name: "fuzz.txt", Text: text, Lang: DetectLang(text), Sentences: Sentences(text)}
		a.Dates = FindDates(text, a.Lang, "")
		got := x.Extract(a)
		if err := got.Validate(); err != nil && len(got.Entities) > 0 {
			t.Fatalf("inconsistent extraction of %q: %v", text, err)
		}
		visible := strings.Map(func(r rune) rune {
			if isBidiControl(r) {
				return -1
			}
			return r
		}, text)
		for _, e := range got.Entities {
			for _, m := range append([]string{e.Name}, e.Mentions...) {
				if strings.IndexFunc(m, isBidiControl) >= 0 {
					t.Fatalf("name %q of %s keeps bidi controls", m, e.ID)
				}
			}
			for _, m := range e.Mentions {
				if !strings.Contains(visible, m) {
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
