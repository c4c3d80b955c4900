package query

import (
	"net/http"

	"github.com/actorgraph/actorgraph/graph"
)

type pathsResponse struct {
	From      graph.Node   `json:"from"`
	To        graph.Node   `json:"to"`
	Max       int          `json:"max"`
	Hops      int          `json:"hops"`
	Via       []graph.Type `json:"via"`
	Truncated bool         `json:"truncated"`
	Paths     []graph.Path `json:"paths"`
}

// paths finds the shortest connections between two entities.
func (s *server) paths(w http.ResponseWriter, r *http.Request) error {
	p, err := parsePaths(r.URL.RawQuery)
	if err != nil {
		return err
	}
	// Around both ends to half the length each: the subgraph then holds
	// every connection of at most p.Hops relations.
	sub, err := s.store.Subgraph(r.Context(), graph.SubgraphOptions{
		Roots: []graph.ID{p.From, p.To}, Depth: (p.Hops + 1) / 2, Through: p.Via, MaxVisits: maxVisits,
	})
	if err != nil {
		return err
	}
	from, _ := sub.Node(p.From)
	to, _ := sub.Node(p.To)
	paths := graph.Paths(sub, p.From, p.To, graph.PathOptions{K: p.Max, MaxHops: p.Hops, Through: p.Via})
	if paths == nil {
		paths = []graph.Path{}
	}
	s.writeJSON(w, r, http.StatusOK, pathsResponse{From: from, To: to, Max: p.Max, Hops: p.Hops, Via: p.Via,
		Truncated: sub.Truncated, Paths: paths})
	return nil
}
