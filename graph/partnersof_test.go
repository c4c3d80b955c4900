package graph

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// pagePartnerships is what PartnersOf must equal: Partners on the
// organization's neighbourhood, each pair listing the first p.Things
// things and each role its first p.Sources sources, with whole counts.
func pagePartnerships(ps []Partnership, p PartnersPage) []Partnership {
	out := []Partnership{}
	for _, ps := range ps {
		ps.OnCount = len(ps.On)
		on := []Collaboration{}
		for _, c := range ps.On[:min(len(ps.On), p.Things)] {
			var roles []Participation
			for _, r := range c.Roles {
				r.SourceCount = len(r.Sources)
				r.Sources = append([]Source{}, r.Sources[:min(len(r.Sources), p.Sources)]...)
				roles = append(roles, r)
			}
			c.Roles = roles
			on = append(on, c)
		}
		ps.On = on
		out = append(out, ps)
	}
	return out
}

// randomPartnerArticles returns n articles in which random organizations
// organize, partner and fund random events, some dated, some not, some
// named by several articles, with a few entities that are not
// organizations among the partners.
func randomPartnerArticles(rng *rand.Rand, n int) []*Article {
	orgs := []ID{"o1", "o2", "o3", "o4", "o5", "o6"}
	var out []*Article
	for i := range n {
		a := &Article{
			ID: fmt.Sprintf("https://example.org/%d", i), Name: fmt.Sprintf("a%02d.txt", i), Lang: "en",
		}
		if rng.IntN(3) > 0 {
			a.Published = fmt.Sprintf("202%d-0%d-1%d", rng.IntN(5), 1+rng.IntN(9), rng.IntN(10))
		}
		seen := map[ID]bool{}
		entity := func(id ID, t Type) {
			if !seen[id] {
				seen[id] = true
				a.Entities = append(a.Entities, Entity{ID: id, Type: t, Name: string(id), Mentions: []string{string(id)}})
			}
		}
		for range 1 + rng.IntN(3) {
			ev := ID(fmt.Sprintf("ev%d", rng.IntN(30)))
			entity(ev, Event)
			switch rng.IntN(10) {
			case 0:
				a.Relations = append(a.Relations, Relation{Subject: ev, Predicate: HeldOn, Object: fmt.Sprintf("202%d-05-0%d", rng.IntN(5), 1+rng.IntN(9))})
			case 1:
				a.Relations = append(a.Relations, Relation{Subject: ev, Predicate: Year, Object: fmt.Sprintf("202%d", rng.IntN(5))})
			}
			for range 1 + rng.IntN(4) {
				o, typ := orgs[rng.IntN(len(orgs))], Organization
				if rng.IntN(10) == 0 {
					o, typ = "a-person", Person
				}
				entity(o, typ)
				p := PartnerPredicates[rng.IntN(len(PartnerPredicates))]
				a.Relations = append(a.Relations, Relation{Subject: ev, Predicate: p, Object: string(o),
					Evidence: fmt.Sprintf("%s %s %s in %s", ev, p, o, a.Name), Rule: "test", Confidence: 0.3 + 0.1*float64(rng.IntN(6))})
			}
		}
		out = append(out, a)
	}
	return out
}

// TestPartnersOf checks that PartnersOf, which reads only what it lists,
// answers what Partners answers on the whole neighbourhood, on every
// backend, for every organization, range and page.
func TestPartnersOf(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(8, 1))
	articles := randomPartnerArticles(rng, 40)
	ranges := []DateRange{{}, mustRange(t, "2022", ""), mustRange(t, "", "2021-06"), mustRange(t, "2023", "2023")}
	pages := []PartnersPage{{Things: 1000, Sources: 1000}, {Things: 2, Sources: 1}, {Things: 0, Sources: 0}}
	for name, s := range openTestStores(t) {
		t.Run(name, func(t *testing.T) {
			if _, err := s.PutBatch(ctx, articles); err != nil {
				t.Fatal(err)
			}
			compared := 0
			for _, org := range []ID{"o1", "o2", "o3", "o4", "o5", "o6"} {
				sub, err := s.Subgraph(ctx, PartnersSubgraph(org))
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range ranges {
					for _, p := range pages {
						want := pagePartnerships(Partners(sub, org, r), p)
						got, err := s.PartnersOf(ctx, org, r, p)
						if err != nil {
							t.Fatal(err)
						}
						if got.Org.ID != org || got.Org.Type != Organization {
							t.Errorf("%s: org %+v", org, got.Org)
						}
						if diff := cmp.Diff(want, got.Partnerships); diff != "" {
							t.Fatalf("%s %+v %+v (-Partners +PartnersOf):\n%s", org, r, p, diff)
						}
						compared += len(want)
					}
				}
			}
			if compared < 50 {
				t.Errorf("only %d partnerships compared; the random graph is too sparse to test anything", compared)
			}
		})
	}
}

func TestPartnersOfWhatIsNotAnOrganization(t *testing.T) {
	s := worldStore(t)
	ctx := context.Background()
	if _, err := s.PartnersOf(ctx, "nobody", DateRange{}, PartnersPage{Things: 1, Sources: 1}); !errors.Is(err, ErrNotFound) {
		t.Errorf("PartnersOf(nobody): %v, want ErrNotFound", err)
	}
	got, err := s.PartnersOf(ctx, "ev1", DateRange{}, PartnersPage{Things: 1, Sources: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got.Org.Type != Event || len(got.Partnerships) != 0 {
		t.Errorf("PartnersOf(ev1) = %+v; want the event and no partnerships", got)
	}
}
