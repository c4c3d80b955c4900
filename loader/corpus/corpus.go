package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/actorgraph/actorgraph/loader/eval"
	"github.com/actorgraph/actorgraph/loader/lexicon"
)

// Article is one generated article and its gold annotation.
type Article struct {
	// Name is the article's file name, "000042_fr.txt"; its gold file is
	// the same name with .json.
	Name string
	Lang string
	Text string
	Gold eval.Document
}

// The period the stories fall in, and the number of invented experts.
var (
	firstDay = time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)
	lastDay  = time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)
)

const numExperts = 150

// ErrLexicon is returned by New when the lexicon lacks what the stories
// need: Moroccan cities, organizations, Morocco itself.
var ErrLexicon = errors.New("lexicon too small for the generator")

// Generator writes articles from a lexicon. It is safe for concurrent use:
// each call of Articles draws from its own random stream.
type Generator struct {
	seed uint64
	lex  *lexicon.Lexicon

	entries map[string]lexicon.Entry // every entry the stories may use, by id

	cities, bodies, ngos, internationals, funders, guests []string
	plans, laws, campaigns, reports                       []string
	ratified                                              []ratification
	decrees                                               []string // laws that establish a body and implement a law
	roles                                                 []string // Role entries with holders

	nested map[string][]nested // by language: names listed wherever they occur
}

type ratification struct {
	law  string
	year int
}

// New returns a generator of articles over lex for a seed. The same lexicon
// and seed give the same articles.
func New(lex *lexicon.Lexicon, seed uint64) (*Generator, error) {
	g := &Generator{seed: seed, lex: lex, entries: map[string]lexicon.Entry{}}
	for _, e := range lex.Entries() {
		g.entries[e.ID] = e
	}
	// keep returns the ids of the list that the lexicon has, with a name
	// in every language, of the given type.
	keep := func(ids []string, typ string) []string {
		var out []string
		for _, id := range ids {
			e, ok := g.entries[id]
			if ok && e.Type == typ && hasAllNames(e) {
				out = append(out, id)
			}
		}
		return out
	}
	g.cities = keep(moroccanCities, lexicon.TypePlace)
	g.bodies = keep(moroccanBodies, lexicon.TypeOrganization)
	g.ngos = keep(ngos, lexicon.TypeOrganization)
	g.internationals = keep(internationals, lexicon.TypeOrganization)
	g.funders = keep(funders, lexicon.TypeOrganization)
	g.guests = keep(guestCountries, lexicon.TypePlace)
	g.plans = keep(eventPlans, lexicon.TypePlan)
	g.laws = keep(moroccanLaws, lexicon.TypeLaw)
	g.reports = keep(reportsByOrg, lexicon.TypeReport)
	var campaignIDs []string
	for _, id := range slices.Sorted(mapKeys(campaignDays)) {
		campaignIDs = append(campaignIDs, id)
	}
	g.campaigns = keep(campaignIDs, lexicon.TypeCampaign)
	for _, r := range ratifications {
		if len(keep([]string{r.law}, lexicon.TypeLaw)) == 1 {
			g.ratified = append(g.ratified, ratification(r))
		}
	}
	for _, e := range lex.Entries() {
		switch {
		case e.Type == lexicon.TypeLaw && e.Establishes != "" && e.Implements != "" && hasAllNames(e) &&
			hasAllNames(g.entries[e.Establishes]) && hasAllNames(g.entries[e.Implements]):
			g.decrees = append(g.decrees, e.ID)
		case e.Type == lexicon.TypeRole && len(e.Holders) > 0 && hasAllNames(e):
			g.roles = append(g.roles, e.ID)
		}
	}
	g.nested = map[string][]nested{}
	for _, e := range lex.Entries() {
		if (e.Type == lexicon.TypeLaw || e.Type == lexicon.TypePlan || e.Type == lexicon.TypeCampaign || e.ID == "morocco") && hasAllNames(e) {
			for _, l := range languages {
				for _, n := range e.Names[l] {
					g.nested[l] = append(g.nested[l], nested{g.ent(e.ID), n})
				}
			}
		}
	}
	if len(g.cities) == 0 || len(g.bodies) == 0 || len(g.funders) == 0 || !hasAllNames(g.entries["morocco"]) {
		return nil, fmt.Errorf("%w: need Moroccan cities, bodies, funders and morocco, with names in ar, fr and en", ErrLexicon)
	}
	return g, nil
}

func hasAllNames(e lexicon.Entry) bool {
	for _, l := range languages {
		if len(e.Names[l]) == 0 {
			return false
		}
	}
	return e.ID != ""
}

func mapKeys[K comparable, V any](m map[K]V) iter.Seq[K] {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// Articles returns the first n articles of the generator's sequence. Each
// call starts the sequence afresh. It stops early with a non-nil error
// only if a template breaks the gold's rules, which is a bug.
func (g *Generator) Articles(n int) iter.Seq2[Article, error] {
	return func(yield func(Article, error) bool) {
		r := g.newRun()
		for i := 0; i < n; {
			for _, a := range r.story() {
				if i == n {
					return
				}
				a.Name = fmt.Sprintf("%06d_%s.txt", i, a.Lang)
				a.Gold.Document = a.Name
				if err := a.check(); err != nil {
					yield(Article{}, fmt.Errorf("generate article %d: %w", i, err))
					return
				}
				if !yield(a, nil) {
					return
				}
				i++
			}
		}
	}
}

// Write writes the first n articles into dir and their gold files into
// dir/gold, creating both. It returns how many bytes of articles it wrote,
// and stops early if ctx is done.
func (g *Generator) Write(ctx context.Context, dir string, n int) (int64, error) {
	gold := filepath.Join(dir, "gold")
	if err := os.MkdirAll(gold, 0o755); err != nil {
		return 0, err
	}
	var total int64
	var buf bytes.Buffer
	for a, err := range g.Articles(n) {
		if err != nil {
			return total, err
		}
		if err := ctx.Err(); err != nil {
			return total, err
		}
		if err := os.WriteFile(filepath.Join(dir, a.Name), []byte(a.Text), 0o644); err != nil {
			return total, err
		}
		total += int64(len(a.Text))
		buf.Reset()
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(a.Gold); err != nil {
			return total, fmt.Errorf("encode gold of %s: %w", a.Name, err)
		}
		name := strings.TrimSuffix(a.Name, ".txt") + ".json"
		if err := os.WriteFile(filepath.Join(gold, name), buf.Bytes(), 0o644); err != nil {
			return total, err
		}
	}
	return total, nil
}

// check verifies what Validate cannot see: that every mention and evidence
// is a substring of the article.
func (a *Article) check() error {
	for _, e := range a.Gold.Entities {
		if len(e.Mentions) == 0 {
			return fmt.Errorf("%s: entity %s has no mention", a.Name, e.ID)
		}
		for _, m := range e.Mentions {
			if !strings.Contains(a.Text, m) {
				return fmt.Errorf("%s: mention %q of %s is not in the text", a.Name, m, e.ID)
			}
		}
	}
	for _, r := range a.Gold.Relations {
		if !strings.Contains(a.Text, r.Evidence) {
			return fmt.Errorf("%s: evidence %q is not in the text", a.Name, r.Evidence)
		}
	}
	return Validate([]eval.Document{a.Gold})
}

// run is the state of one pass over the generator's sequence.
type run struct {
	g       *Generator
	rng     *rand.Rand
	experts []*expert
	used    map[string]bool // event ids given so far
}

// expert is an invented person with a working-level title in an
// organization.
type expert struct {
	ent
	fem   bool
	title expertTitle
	org   string
}

func (g *Generator) newRun() *run {
	r := &run{g: g, rng: rand.New(rand.NewPCG(g.seed, 0x61637467)), used: map[string]bool{}}
	orgs := slices.Concat(g.internationals, g.ngos, g.bodies)
	seen := map[string]bool{}
	for len(r.experts) < numExperts {
		fem := r.rng.IntN(2) == 0
		first := pick(r.rng, maleFirst)
		if fem {
			first = pick(r.rng, femaleFirst)
		}
		last := pick(r.rng, lastNames)
		id := "person-" + slug(first.latin+" "+last.latin)
		if seen[id] {
			if len(seen) == len(lastNames)*(len(maleFirst)+len(femaleFirst)) {
				break
			}
			continue
		}
		seen[id] = true
		latin := first.latin + " " + last.latin
		r.experts = append(r.experts, &expert{
			ent: ent{ID: id, Type: lexicon.TypePerson, Name: latin,
				names: map[string][]string{"fr": {latin}, "en": {latin}, "ar": {first.arabic + " " + last.arabic}}},
			fem: fem, title: pick(r.rng, expertTitles), org: pick(r.rng, orgs),
		})
	}
	return r
}

func pick[T any](rng *rand.Rand, list []T) T {
	return list[rng.IntN(len(list))]
}

// pickN returns n distinct elements of list, or all of them if there are
// fewer, in random order.
func pickN[T any](rng *rand.Rand, list []T, n int) []T {
	idx := rng.Perm(len(list))
	if n > len(idx) {
		n = len(idx)
	}
	out := make([]T, n)
	for i := range n {
		out[i] = list[idx[i]]
	}
	return out
}

// chance reports true with probability p.
func chance(rng *rand.Rand, p float64) bool { return rng.Float64() < p }

// ent is an entity a story may name: a lexicon entry, or one the generator
// made (an event, an expert, a report's edition).
type ent struct {
	ID, Type, Name string
	names          map[string][]string // surface names by language
	acronyms       []string
}

func (g *Generator) ent(id string) *ent {
	e, ok := g.entries[id]
	if !ok {
		panic("corpus: no lexicon entry " + id) // the pools hold only ids the lexicon has
	}
	return &ent{ID: e.ID, Type: e.Type, Name: e.Name, names: e.Names, acronyms: e.Acronyms}
}

// acronymFor returns the acronym of e that fits the language of name (its
// letters are the initials of name's words, in order), or "".
func (e *ent) acronymFor(name string) string {
	var initials []rune
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '\'' || r == '’' || r == '-' }) {
		for _, r := range w {
			initials = append(initials, r)
			break
		}
	}
	up := strings.ToUpper(string(initials))
	for _, a := range e.acronyms {
		if !isAcronym(a) {
			continue
		}
		i := 0
		for _, r := range up {
			if i < len(a) && rune(a[i]) == r {
				i++
			}
		}
		if i == len(a) {
			return a
		}
	}
	return ""
}
