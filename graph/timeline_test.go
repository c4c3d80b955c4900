package graph

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// item is what a test checks of a timeline item.
type item struct {
	ID                                   ID
	Date, From                           string
	Organizers, Partners, Funders, Place []ID
	Publishers                           []ID
	Articles                             []string
}

func itemsOf(items []TimelineItem) []item {
	ids := func(ns []Node) []ID {
		var out []ID
		for _, n := range ns {
			out = append(out, n.ID)
		}
		return out
	}
	var out []item
	for _, it := range items {
		var docs []string
		for _, a := range it.Articles {
			docs = append(docs, a.Document)
		}
		out = append(out, item{it.ID, it.Date, it.DateFrom, ids(it.Organizers), ids(it.Partners), ids(it.Funders), ids(it.Places), ids(it.Publishers), docs})
	}
	return out
}

func TestTimeline(t *testing.T) {
	s := worldStore(t)
	ev1 := item{"ev1", "2024-07-25", "held_on", []ID{"cnclt"}, []ID{"unodc"}, []ID{"eu"}, []ID{"rabat"}, nil, []string{"ar.txt", "fr.txt"}}
	ev2 := item{"ev2", "2021-10-12", "held_on", []ID{"un"}, []ID{"unodc"}, nil, nil, nil, []string{"en.txt"}}
	camp := item{"camp", "", "", []ID{"unodc"}, []ID{"cnclt"}, nil, nil, nil, []string{"ar.txt"}}
	tests := []struct {
		name string
		opts TimelineOptions
		want []item
	}{
		{"events and reports", TimelineOptions{}, []item{ev2, ev1}},
		{"with campaigns: the undated last", TimelineOptions{Types: []Type{Event, Campaign}}, []item{ev2, ev1, camp}},
		{"what CNCLT took part in", TimelineOptions{Types: []Type{Event, Campaign}, Org: "cnclt"}, []item{ev1, camp}},
		{"2024", TimelineOptions{Types: []Type{Event, Campaign}, Range: mustRange(t, "2024", "")}, []item{ev1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub, err := s.Subgraph(context.Background(), tt.opts.Subgraph())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, itemsOf(Timeline(sub, tt.opts))); diff != "" {
				t.Errorf("timeline (-want +got):\n%s", diff)
			}
		})
	}

	// A report is dated by its year, else by the articles that speak of
	// it; its publishers are the subjects of published.
	art := func(doc, date string) []Source {
		return []Source{{Article: ArticleRef{ID: doc, Document: doc, Published: date}}}
	}
	reports := NewSubgraph(
		[]Node{{ID: "r1", Type: Report}, {ID: "r2", Type: Report}, {ID: "usdos", Type: Organization}},
		[]Edge{
			{Subject: "usdos", Predicate: Published, Object: "r1", Sources: art("a.txt", "2024-07-09")},
			{Subject: "r1", Predicate: Year, Object: "2024", Literal: true, Sources: art("a.txt", "2024-07-09")},
			{Subject: "usdos", Predicate: Published, Object: "r2", Sources: art("b.txt", "2023-05-01")},
		})
	want := []item{
		{"r2", "2023-05-01", "article", nil, nil, nil, nil, []ID{"usdos"}, []string{"b.txt"}},
		{"r1", "2024", "year", nil, nil, nil, nil, []ID{"usdos"}, []string{"a.txt"}},
	}
	if diff := cmp.Diff(want, itemsOf(Timeline(reports, TimelineOptions{Org: "usdos"}))); diff != "" {
		t.Errorf("reports (-want +got):\n%s", diff)
	}
}
