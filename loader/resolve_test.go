package loader

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

// goldMainEvent returns, per article name, the id of the gold event that
// the article's extracted main event matches.
func goldEvents(t *testing.T, dirs ...string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, dir := range dirs {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			var g struct {
				Document string
				Entities []struct{ ID, Type string }
			}
			if err := json.Unmarshal(data, &g); err != nil {
				t.Fatal(err)
			}
			for _, e := range g.Entities {
				if e.Type == string(graph.Event) {
					out[g.Document] = append(out[g.Document], e.ID)
				}
			}
		}
	}
	return out
}

// TestEventPairs measures the same-event decision on every pair of
// articles, seeds and our own, whose main event was found: pairs whose
// gold events share an id must score at or above sameEventThreshold, the
// others below. It logs the score of each pair, so that the threshold can
// be set between the two groups.
func TestEventPairs(t *testing.T) {
	x := newTestExtractor(t)
	var docs []*doc
	for _, a := range readDir(t, "../testdata/articles", "../testdata/eval/articles") {
		if d := x.read(a); d.main != nil {
			docs = append(docs, d)
		}
	}
	gold := goldEvents(t, "../testdata/gold", "../testdata/eval/gold")
	var same, different []int
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			a, b := docs[i], docs[j]
			score := sameEventScore(a.evidence(), b.evidence())
			want := shareAny(gold[a.art.Name], gold[b.art.Name]) && bothMainGold(a, b, gold)
			if want {
				same = append(same, score)
			} else {
				different = append(different, score)
			}
			if got := score >= sameEventThreshold; got != want {
				t.Errorf("%s / %s: score %d, same event %v, want %v", a.art.Name, b.art.Name, score, got, want)
			}
		}
	}
	sort.Ints(same)
	sort.Ints(different)
	t.Logf("threshold %d; same-event pairs (%d) scored %v; different-event pairs (%d) scored from %d to %d",
		sameEventThreshold, len(same), same, len(different), first(different), last(different))
	if len(same) < 3 {
		t.Errorf("only %d same-event pairs found; the test articles hold more", len(same))
	}
}

// bothMainGold reports whether the articles' main events are the events
// they share in gold: the first gold event of each, by the convention that
// gold lists an article's main event first.
func bothMainGold(a, b *doc, gold map[string][]string) bool {
	ga, gb := gold[a.art.Name], gold[b.art.Name]
	return len(ga) > 0 && len(gb) > 0 && ga[0] == gb[0]
}

func shareAny(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y && strings.HasPrefix(x, "event-") {
				return true
			}
		}
	}
	return false
}

func first(s []int) int {
	if len(s) == 0 {
		return 0
	}
	return s[0]
}

func last(s []int) int {
	if len(s) == 0 {
		return 0
	}
	return s[len(s)-1]
}

// TestPersonAcrossScripts checks that a person the lexicon does not know,
// named in Arabic in one article and in French in another, gets one id, and
// that a spelling of a known person the lexicon lacks resolves to it.
func TestPersonAcrossScripts(t *testing.T) {
	x := newTestExtractor(t)
	texts := []string{
		"من جهتها، أبرزت صوفيا موريتي أن حماية الضحايا أولوية.",
		"Sofia Moretti, coordinatrice du programme à l'OIM, a souligné que la protection des victimes est une priorité.",
		"Le ministre de la Justice, Abdelatif Wahbi, a souligné l'importance de la loi.",
	}
	var arts []*Article
	for i, text := range texts {
		lang := DetectLang(text)
		arts = append(arts, &Article{ID: string(rune('a' + i)), Name: string(rune('a' + i)), Text: text, Lang: lang, Sentences: Sentences(text)})
	}
	got := x.ExtractAll(arts)
	personIn := func(a *graph.Article, mention string) graph.ID {
		for _, e := range a.Entities {
			for _, m := range e.Mentions {
				if m == mention && e.Type == graph.Person {
					return e.ID
				}
			}
		}
		return ""
	}
	ar, fr := personIn(got[0], "صوفيا موريتي"), personIn(got[1], "Sofia Moretti")
	if ar == "" || ar != fr {
		t.Errorf("Arabic and French names of one person: ids %q and %q, want one", ar, fr)
	}
	if id := personIn(got[2], "Abdelatif Wahbi"); id != "ouahbi" {
		t.Errorf("Abdelatif Wahbi resolved to %q, want the lexicon's ouahbi", id)
	}
}
