package loader

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/loader/corpus"
	"github.com/actorgraph/actorgraph/loader/lexicon"
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

// TestGroupEventsScoresEveryPairThatCounts checks that groupEvents,
// which scores only the pairs of articles that share an actor near the same
// day, groups the events as scoring every pair would: on the seeds, our own
// articles and 600 generated ones.
func TestGroupEventsScoresEveryPairThatCounts(t *testing.T) {
	x := newTestExtractor(t)
	arts := readDir(t, "../testdata/articles", "../testdata/eval/articles")
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	gen, err := corpus.New(lex, 7)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := gen.Write(context.Background(), dir, 600); err != nil {
		t.Fatal(err)
	}
	arts = append(arts, readDir(t, dir)...)
	var docs []*doc
	for _, a := range arts {
		if d := x.read(a); d.main != nil {
			docs = append(docs, d)
		}
	}
	ev := make([]eventEvidence, len(docs))
	for i, d := range docs {
		ev[i] = d.evidence()
	}
	group := groupEvents(ev)

	sets, merged := groupEveryPair(ev)
	if merged < 10 {
		t.Fatalf("only %d same-event pairs among %d articles: the test needs more", merged, len(docs))
	}
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			want := sets.find(i) == sets.find(j)
			if got := group[i] == group[j]; got != want {
				t.Errorf("%s / %s: one event %v, scoring every pair says %v", docs[i].art.Name, docs[j].art.Name, got, want)
			}
		}
	}
}

// TestGroupEventsRandom compares groupEvents with scoring every pair on
// random evidence drawn from small pools, so that shared actors, nearby
// days, months, years and missing dates all occur often.
func TestGroupEventsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	ids := []graph.ID{"a", "b", "c", "d", "e"}
	places := []graph.ID{"", "rabat", "fes"}
	some := func() map[graph.ID]bool {
		m := map[graph.ID]bool{}
		for range rng.IntN(3) {
			m[ids[rng.IntN(len(ids))]] = true
		}
		return m
	}
	date := func() string {
		day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(40))
		switch rng.IntN(6) {
		case 0:
			return ""
		case 1:
			return day.Format("2006-01")
		case 2:
			return day.Format("2006")
		}
		return day.Format("2006-01-02")
	}
	for trial := range 50 {
		ev := make([]eventEvidence, 60)
		for i := range ev {
			ev[i] = eventEvidence{place: places[rng.IntN(len(places))], date: newPeriod(date()), published: newPeriod(date()),
				organizers: some(), partners: some(), campaigns: some()}
		}
		group := groupEvents(ev)
		// No group joins two places or days more than three apart.
		places, days := map[int]map[graph.ID]bool{}, map[int][]int64{}
		for i, e := range ev {
			if places[group[i]] == nil {
				places[group[i]] = map[graph.ID]bool{}
			}
			if e.place != "" {
				places[group[i]][e.place] = true
			}
			if d, ok := e.date.day(); ok {
				days[group[i]] = append(days[group[i]], d)
			}
		}
		for g := range places {
			if len(places[g]) > 1 || len(days[g]) > 0 && slices.Max(days[g])-slices.Min(days[g]) > 3 {
				t.Fatalf("trial %d: a group of places %v and days %v", trial, places[g], days[g])
			}
		}
		// Each group is connected by pairs at the threshold.
		sets, _ := groupEveryPair(ev)
		for i := range ev {
			for j := i + 1; j < len(ev); j++ {
				if (sets.find(i) == sets.find(j)) != (group[i] == group[j]) {
					t.Fatalf("trial %d: events %d and %d: grouped %v, every pair says %v", trial, i, j, group[i] == group[j], sets.find(i) == sets.find(j))
				}
			}
		}
	}
}

// groupEveryPair groups events by scoring every pair, each article with
// the earlier ones in order, as groupEvents would without its shortcuts; it
// also returns the number of pairs at the threshold.
func groupEveryPair(ev []eventEvidence) (disjointSets, int) {
	groups := newEventGroups(ev)
	pairs := 0
	for i := range ev {
		for j := range i {
			if sameEventScore(ev[i], ev[j]) >= sameEventThreshold {
				groups.join(i, j)
				pairs++
			}
		}
	}
	return groups.sets, pairs
}
