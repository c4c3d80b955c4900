package graph

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// collab is what a test checks of a collaboration: the thing, its date,
// and each role as "org role (sources)".
type collab struct {
	Thing ID
	Date  string
	Roles []string
}

func collabsOf(ps []Partnership) map[[2]ID][]collab {
	out := map[[2]ID][]collab{}
	for _, p := range ps {
		var cs []collab
		for _, c := range p.On {
			cl := collab{Thing: c.Thing.ID, Date: c.Date}
			for _, r := range c.Roles {
				docs := ""
				for _, s := range r.Sources {
					docs += " " + s.Article.Document
				}
				cl.Roles = append(cl.Roles, string(r.Org)+" "+string(r.Role)+docs)
			}
			cs = append(cs, cl)
		}
		out[[2]ID{p.Org.ID, p.Partner.ID}] = cs
	}
	return out
}

func TestPartners(t *testing.T) {
	s := worldStore(t)
	ctx := context.Background()
	around := func(org ID) *Subgraph {
		g, err := s.Subgraph(ctx, SubgraphOptions{Roots: []ID{org}, Depth: 2, Predicates: PartnerPredicates})
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	whole, err := s.Subgraph(ctx, SubgraphOptions{Predicates: PartnerPredicates})
	if err != nil {
		t.Fatal(err)
	}
	unodcWithCNCLT := []collab{
		{"ev1", "2024-07-25", []string{"unodc partner ar.txt fr.txt", "cnclt organizer ar.txt fr.txt"}},
		{"camp", "", []string{"unodc organizer ar.txt", "cnclt partner ar.txt"}}, // undated: last
	}
	tests := []struct {
		name  string
		sub   *Subgraph
		org   ID
		r     DateRange
		want  map[[2]ID][]collab
		order [][2]ID
	}{
		{"unodc", around("unodc"), "unodc", DateRange{},
			map[[2]ID][]collab{
				{"unodc", "cnclt"}: unodcWithCNCLT,
				{"unodc", "eu"}:    {{"ev1", "2024-07-25", []string{"unodc partner ar.txt fr.txt", "eu funder fr.txt"}}},
				{"unodc", "un"}:    {{"ev2", "2021-10-12", []string{"unodc partner en.txt", "un organizer en.txt"}}},
			},
			[][2]ID{{"unodc", "cnclt"}, {"unodc", "eu"}, {"unodc", "un"}}},
		{"whom the EU funded", around("eu"), "eu", DateRange{},
			map[[2]ID][]collab{
				{"eu", "cnclt"}: {{"ev1", "2024-07-25", []string{"eu funder fr.txt", "cnclt organizer ar.txt fr.txt"}}},
				{"eu", "unodc"}: {{"ev1", "2024-07-25", []string{"eu funder fr.txt", "unodc partner ar.txt fr.txt"}}},
			},
			[][2]ID{{"eu", "cnclt"}, {"eu", "unodc"}}},
		{"unodc before 2022", around("unodc"), "unodc", mustRange(t, "", "2021"),
			map[[2]ID][]collab{{"unodc", "un"}: {{"ev2", "2021-10-12", []string{"unodc partner en.txt", "un organizer en.txt"}}}},
			[][2]ID{{"unodc", "un"}}},
		{"all", whole, "", DateRange{},
			map[[2]ID][]collab{
				{"cnclt", "unodc"}: {
					{"ev1", "2024-07-25", []string{"cnclt organizer ar.txt fr.txt", "unodc partner ar.txt fr.txt"}},
					{"camp", "", []string{"cnclt partner ar.txt", "unodc organizer ar.txt"}},
				},
				{"cnclt", "eu"}: {{"ev1", "2024-07-25", []string{"cnclt organizer ar.txt fr.txt", "eu funder fr.txt"}}},
				{"eu", "unodc"}: {{"ev1", "2024-07-25", []string{"eu funder fr.txt", "unodc partner ar.txt fr.txt"}}},
				{"un", "unodc"}: {{"ev2", "2021-10-12", []string{"un organizer en.txt", "unodc partner en.txt"}}},
			},
			[][2]ID{{"cnclt", "unodc"}, {"cnclt", "eu"}, {"eu", "unodc"}, {"un", "unodc"}}},
		{"all in 2024", whole, "", mustRange(t, "2024", "2024"), nil, [][2]ID{{"cnclt", "eu"}, {"cnclt", "unodc"}, {"eu", "unodc"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Partners(tt.sub, tt.org, tt.r)
			var order [][2]ID
			for _, p := range got {
				order = append(order, [2]ID{p.Org.ID, p.Partner.ID})
			}
			if diff := cmp.Diff(tt.order, order); diff != "" {
				t.Errorf("pairs (-want +got):\n%s", diff)
			}
			if tt.want == nil {
				return
			}
			if diff := cmp.Diff(tt.want, collabsOf(got)); diff != "" {
				t.Errorf("collaborations (-want +got):\n%s", diff)
			}
		})
	}

	// Each role keeps its evidence.
	for _, p := range Partners(around("eu"), "eu", DateRange{}) {
		for _, c := range p.On {
			for _, r := range c.Roles {
				for _, src := range r.Sources {
					if src.Evidence == "" || src.Rule == "" || src.Confidence == 0 {
						t.Errorf("%s %s of %s: source without provenance %+v", r.Org, r.Role, c.Thing.ID, src)
					}
				}
			}
		}
	}
}
