package query

import (
	"net/http"

	"github.com/actorgraph/actorgraph/graph"
)

type partnersResponse struct {
	// Org is the organization asked about, if any.
	Org          *graph.Node         `json:"org,omitempty"`
	From         string              `json:"from,omitempty"`
	To           string              `json:"to,omitempty"`
	Total        int                 `json:"total"`
	Limit        int                 `json:"limit"`
	Offset       int                 `json:"offset"`
	Partnerships []graph.Partnership `json:"partnerships"`
}

// partners answers who partnered with whom on what: for one organization,
// or for all.
func (s *server) partners(w http.ResponseWriter, r *http.Request) error {
	p, err := parsePartners(r.URL.RawQuery)
	if err != nil {
		return err
	}
	if p.Org != "" {
		return s.partnersOf(w, r, p)
	}
	sub, err := s.store.Subgraph(r.Context(), graph.PartnersSubgraph(""))
	if err != nil {
		return err
	}
	return s.writeCachedJSON(w, r, sub, func() (any, error) {
		resp := partnersResponse{From: p.Range.From, To: p.Range.To, Limit: p.Limit, Offset: p.Offset}
		all := graph.Partners(sub, "", p.Range)
		resp.Total = len(all)
		resp.Partnerships = trimPartnerships(page(all, p.pageParams), p.Things, p.Sources)
		return resp, nil
	})
}

// partnersOf answers the partners of one organization, which the store
// reads by index, listing only what the answer shows.
func (s *server) partnersOf(w http.ResponseWriter, r *http.Request, p partnersParams) error {
	ans, err := s.store.PartnersOf(r.Context(), p.Org, p.Range, graph.PartnersPage{Things: p.Things, Sources: p.Sources})
	if err != nil {
		return err
	}
	if ans.Org.Type != graph.Organization {
		return badRequest("parameter %q: %s is a %s, not an organization", "org", p.Org, ans.Org.Type)
	}
	return s.writeCachedJSON(w, r, ans, func() (any, error) {
		return partnersResponse{
			Org: &ans.Org, From: p.Range.From, To: p.Range.To, Limit: p.Limit, Offset: p.Offset,
			Total: len(ans.Partnerships), Partnerships: page(ans.Partnerships, p.pageParams),
		}, nil
	})
}

// page returns the page p of list, never nil.
func page[T any](list []T, p pageParams) []T {
	if p.Offset >= len(list) {
		return []T{}
	}
	list = list[p.Offset:]
	return list[:min(len(list), p.Limit)]
}

type timelineResponse struct {
	Types  []graph.Type         `json:"types"`
	Org    *graph.Node          `json:"org,omitempty"`
	From   string               `json:"from,omitempty"`
	To     string               `json:"to,omitempty"`
	Total  int                  `json:"total"`
	Limit  int                  `json:"limit"`
	Offset int                  `json:"offset"`
	Items  []graph.TimelineItem `json:"items"`
}

// timeline lists events and reports in date order.
func (s *server) timeline(w http.ResponseWriter, r *http.Request) error {
	p, err := parseTimeline(r.URL.RawQuery)
	if err != nil {
		return err
	}
	opts := graph.TimelineOptions{Types: p.Types, Range: p.Range, Org: p.Org}
	sub, err := s.store.Subgraph(r.Context(), opts.Subgraph())
	if err != nil {
		return err
	}
	resp := timelineResponse{Types: p.Types, From: p.Range.From, To: p.Range.To, Limit: p.Limit, Offset: p.Offset}
	if len(resp.Types) == 0 {
		resp.Types = graph.TimelineTypes
	}
	if p.Org != "" {
		org, ok := sub.Node(p.Org)
		if !ok {
			// Not an organization or place, or not there at all.
			one, err := s.store.Subgraph(r.Context(), graph.SubgraphOptions{Roots: []graph.ID{p.Org}})
			if err != nil {
				return err
			}
			org, _ = one.Node(p.Org)
		}
		if org.Type != graph.Organization {
			return badRequest("parameter %q: %s is a %s, not an organization", "org", p.Org, org.Type)
		}
		resp.Org = &org
	}
	items := graph.Timeline(sub, opts)
	resp.Total = len(items)
	resp.Items = page(items, p.pageParams)
	s.writeJSON(w, r, http.StatusOK, resp)
	return nil
}
