package query

import (
	"bytes"
	"fmt"
	"net/http"

	"github.com/actorgraph/actorgraph/graph"
)

type networkResponse struct {
	graph.Cytoscape
	Truncated bool   `json:"truncated"`
	Limit     int    `json:"limit"`
	Message   string `json:"message,omitempty"`
}

// network answers the actor network around an entity, or of the whole
// graph, as Cytoscape.js elements.
func (s *server) network(w http.ResponseWriter, r *http.Request) error {
	p, err := parseNetwork(r.URL.RawQuery)
	if err != nil {
		return err
	}
	opts := graph.SubgraphOptions{Types: p.Types, Predicates: p.Predicates, Range: p.Range, MaxNodes: p.Limit, MaxVisits: maxVisits}
	if p.ID != "" {
		opts.Roots, opts.Depth = []graph.ID{p.ID}, p.Depth
	} else {
		opts.Connected = len(p.Predicates) > 0 || !p.Range.IsZero()
	}
	sub, err := s.store.Subgraph(r.Context(), opts)
	if err != nil {
		return err
	}
	return s.writeCachedJSON(w, r, sub, func() (any, error) {
		resp := networkResponse{Cytoscape: graph.NetworkOf(sub, opts.Roots...), Truncated: sub.Truncated, Limit: p.Limit}
		if sub.Truncated {
			which := "the most connected"
			if p.ID != "" {
				which = fmt.Sprintf("the closest to %q", p.ID)
			}
			resp.Message = fmt.Sprintf("the network has more nodes than the limit of %d; these are %s. Narrow it with depth, type, predicate, from and to, or raise limit (at most %d)",
				p.Limit, which, MaxNetworkNodes)
		}
		return resp, nil
	})
}

// exportTypes are the media type and file extension of each export
// format.
var exportTypes = map[string]struct{ mediaType, ext string }{
	"nquads":  {"application/n-quads", "nq"},
	"jsonld":  {"application/ld+json", "jsonld"},
	"graphml": {"application/graphml+xml", "graphml"},
	"dot":     {"text/vnd.graphviz", "dot"},
}

// export writes the whole graph, or the subgraph around an entity, in one
// of ExportFormats. The answer is built whole before it is sent, so that
// a failure is a clean JSON error.
func (s *server) export(w http.ResponseWriter, r *http.Request) error {
	p, err := parseExport(r.URL.RawQuery)
	if err != nil {
		return err
	}
	var sub *graph.Subgraph
	if p.ID != "" || p.Format == "graphml" || p.Format == "dot" {
		opts := graph.SubgraphOptions{}
		if p.ID != "" {
			opts.Roots, opts.Depth, opts.MaxVisits = []graph.ID{p.ID}, p.Depth, maxVisits
		}
		if sub, err = s.store.Subgraph(r.Context(), opts); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	switch p.Format {
	case "nquads":
		err = s.store.WriteNQuads(r.Context(), &buf, sub)
	case "jsonld":
		err = s.store.WriteJSONLD(r.Context(), &buf, sub)
	case "graphml":
		err = graph.WriteGraphML(&buf, sub)
	case "dot":
		err = graph.WriteDOT(&buf, sub)
	}
	if err != nil {
		return err
	}
	t := exportTypes[p.Format]
	name := "actorgraph"
	if p.ID != "" {
		name += "-" + string(p.ID)
	}
	h := w.Header()
	h.Set("Content-Type", t.mediaType+"; charset=utf-8")
	h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name+"."+t.ext))
	h.Set("X-Content-Type-Options", "nosniff")
	if sub != nil && sub.Truncated {
		h.Set("X-Result-Truncated", "true")
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(buf.Bytes())
	}
	return nil
}
