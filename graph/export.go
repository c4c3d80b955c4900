package graph

import (
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/cayleygraph/quad/nquads"
)

// WriteNQuads writes the quads of sub, or of the whole store when sub is
// nil, as N-Quads (https://www.w3.org/TR/n-quads/), the format Cayley
// loads: every quad with its article as the graph label. The quads of a
// subgraph are those of its nodes (type, names, search keys, the articles
// that name them), of its edges, of the statements behind its edges
// (evidence, rule, confidence) and of those articles. The quads are
// ordered by label, subject, predicate and object.
func (s *Store) WriteNQuads(ctx context.Context, w io.Writer, sub *Subgraph) error {
	quads, err := s.exportQuads(ctx, sub)
	if err != nil {
		return fmt.Errorf("export n-quads: %w", err)
	}
	qw := nquads.NewWriter(w)
	if _, err := qw.WriteQuads(quads); err != nil {
		return fmt.Errorf("export n-quads: %w", err)
	}
	if err := qw.Close(); err != nil {
		return fmt.Errorf("export n-quads: %w", err)
	}
	return nil
}

// WriteJSONLD writes the same quads as WriteNQuads as a JSON-LD dataset
// (https://www.w3.org/TR/json-ld11/), one named graph per article.
func (s *Store) WriteJSONLD(ctx context.Context, w io.Writer, sub *Subgraph) error {
	quads, err := s.exportQuads(ctx, sub)
	if err != nil {
		return fmt.Errorf("export json-ld: %w", err)
	}
	jw := jsonld.NewWriter(w)
	if _, err := jw.WriteQuads(quads); err != nil {
		return fmt.Errorf("export json-ld: %w", err)
	}
	if err := jw.Close(); err != nil {
		return fmt.Errorf("export json-ld: %w", err)
	}
	return nil
}

// exportQuads reads the quads to export, under the read lock, so that
// writing them to a slow client does not hold the store.
func (s *Store) exportQuads(ctx context.Context, sub *Subgraph) ([]quad.Quad, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var quads []quad.Quad
	if sub == nil {
		it := quadsAll(s.qs).Iterate()
		defer it.Close()
		for it.Next(ctx) {
			q, err := s.qs.Quad(it.Result())
			if err != nil {
				return nil, err
			}
			quads = append(quads, q)
		}
		if err := it.Err(); err != nil {
			return nil, err
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	} else {
		var err error
		if quads, err = s.subgraphQuads(ctx, sub); err != nil {
			return nil, err
		}
	}
	type keyed struct {
		key [4]string
		q   quad.Quad
	}
	ks := make([]keyed, len(quads))
	for i, q := range quads {
		q.Object = fullType(q.Object)
		ks[i] = keyed{[4]string{quad.StringOf(q.Label), quad.StringOf(q.Subject), quad.StringOf(q.Predicate), quad.StringOf(q.Object)}, q}
	}
	slices.SortFunc(ks, func(a, b keyed) int { return slices.Compare(a.key[:], b.key[:]) })
	for i := range ks {
		quads[i] = ks[i].q
	}
	return quads, nil
}

// fullType gives a typed literal its full datatype IRI: Cayley writes
// native values with short ones ("xsd:double"), which other RDF tools do
// not expand.
func fullType(v quad.Value) quad.Value {
	switch v := v.(type) {
	case quad.TypedString:
		v.Type = v.Type.Full()
		return v
	case quad.TypedStringer:
		ts := v.TypedString()
		ts.Type = ts.Type.Full()
		return ts
	}
	return v
}

// subgraphQuads returns the quads that describe sub. The caller holds
// s.mu.
func (s *Store) subgraphQuads(ctx context.Context, sub *Subgraph) ([]quad.Quad, error) {
	seen := map[quad.Quad]bool{}
	var out []quad.Quad
	add := func(q quad.Quad) {
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	type spo struct{ s, p, o string }
	edges := map[spo]bool{}
	for _, e := range sub.Edges {
		edges[spo{string(e.Subject), string(e.Predicate), e.Object}] = true
	}
	articles := map[quad.Value]bool{}
	for _, n := range sub.Nodes {
		quads, err := s.quadsWith(ctx, quad.Subject, quad.IRI(EntityIRI(n.ID)), 0)
		if err != nil {
			return nil, err
		}
		for _, q := range quads {
			p, isRelation := predicateOfIRI(q.Predicate)
			if isRelation {
				o, ok := entityID(q.Object)
				obj := string(o)
				if !ok {
					obj, _ = literal(q.Object)
				}
				if !edges[spo{string(n.ID), string(p), obj}] {
					continue
				}
				label, _ := q.Label.(quad.IRI)
				facts, err := s.quadsWith(ctx, quad.Subject, factIRI(label, q.Subject, q.Predicate.(quad.IRI), q.Object), 0)
				if err != nil {
					return nil, err
				}
				for _, f := range facts {
					add(f)
				}
			}
			if q.Predicate == quad.IRI(propMentionsIn) {
				articles[q.Object] = true
			}
			articles[q.Label] = true
			add(q)
		}
	}
	for a := range articles {
		quads, err := s.quadsWith(ctx, quad.Subject, a, 0)
		if err != nil {
			return nil, err
		}
		for _, q := range quads {
			add(q)
		}
	}
	return out, nil
}

// graphML is the document WriteGraphML writes
// (http://graphml.graphdrawing.org/specification.html).
type graphML struct {
	XMLName xml.Name     `xml:"graphml"`
	XMLNS   string       `xml:"xmlns,attr"`
	Keys    []graphMLKey `xml:"key"`
	Graph   graphMLGraph `xml:"graph"`
}

type graphMLKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphMLGraph struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Nodes       []graphMLNode `xml:"node"`
	Edges       []graphMLEdge `xml:"edge"`
}

type graphMLNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphMLData `xml:"data"`
}

type graphMLEdge struct {
	ID     string        `xml:"id,attr"`
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []graphMLData `xml:"data"`
}

type graphMLData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// graphMLKeys declare the data of nodes and edges.
var graphMLKeys = []graphMLKey{
	{"label", "node", "label", "string"},
	{"type", "node", "type", "string"},
	{"date", "node", "date", "string"},
	{"year", "node", "year", "string"},
	{"roles", "node", "roles", "string"},
	{"predicate", "edge", "predicate", "string"},
	{"elabel", "edge", "label", "string"},
	{"confidence", "edge", "confidence", "double"},
	{"sources", "edge", "sources", "int"},
	{"articles", "edge", "articles", "string"},
	{"evidence", "edge", "evidence", "string"},
}

// WriteGraphML writes sub as GraphML, which Gephi and Cytoscape desktop
// read: a node per entity (label, type, date, year, roles) and a directed
// edge per relation between entities (predicate, label, confidence, the
// number of sources, their article IDs and evidence sentences, one a
// line). Every text is XML-escaped, and characters XML cannot hold become
// U+FFFD.
func WriteGraphML(w io.Writer, sub *Subgraph) error {
	doc := graphML{XMLNS: "http://graphml.graphdrawing.org/xmlns", Keys: graphMLKeys,
		Graph: graphMLGraph{ID: "actorgraph", EdgeDefault: "directed"}}
	net := NetworkOf(sub)
	for _, n := range net.Elements.Nodes {
		d := n.Data
		node := graphMLNode{ID: string(d.ID), Data: []graphMLData{{"label", cleanText(d.Label)}, {"type", string(d.Type)}}}
		if d.Date != "" {
			node.Data = append(node.Data, graphMLData{"date", cleanText(d.Date)})
		}
		if d.Year != "" {
			node.Data = append(node.Data, graphMLData{"year", cleanText(d.Year)})
		}
		if len(d.Roles) > 0 {
			node.Data = append(node.Data, graphMLData{"roles", cleanText(strings.Join(d.Roles, "; "))})
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, node)
	}
	for i, e := range relationEdges(sub) {
		articles, evidence := sourceTexts(e)
		doc.Graph.Edges = append(doc.Graph.Edges, graphMLEdge{
			ID: "e" + strconv.Itoa(i), Source: string(e.Subject), Target: e.Object,
			Data: []graphMLData{
				{"predicate", string(e.Predicate)},
				{"elabel", PredicateLabel(e.Predicate)},
				{"confidence", strconv.FormatFloat(e.Confidence, 'f', -1, 64)},
				{"sources", strconv.Itoa(len(e.Sources))},
				{"articles", cleanText(articles)},
				{"evidence", cleanText(evidence)},
			},
		})
	}
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString(xml.Header); err != nil {
		return fmt.Errorf("export graphml: %w", err)
	}
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("export graphml: %w", err)
	}
	if _, err := bw.WriteString("\n"); err != nil {
		return fmt.Errorf("export graphml: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export graphml: %w", err)
	}
	return nil
}

// WriteDOT writes sub as a Graphviz digraph
// (https://graphviz.org/doc/info/lang.html): a node per entity, labelled
// with its name, and an edge per relation between entities, labelled with
// its predicate, with its evidence as tooltip. Every ID and text is a
// quoted string with quotes and backslashes escaped, so that no text of
// an article can end a string or insert an escape sequence.
func WriteDOT(w io.Writer, sub *Subgraph) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "digraph actorgraph {")
	fmt.Fprintln(bw, "  node [shape=box];")
	net := NetworkOf(sub)
	for _, n := range net.Elements.Nodes {
		d := n.Data
		fmt.Fprintf(bw, "  %s [label=%s, type=%s", dotQuote(string(d.ID)), dotQuote(d.Label), dotQuote(string(d.Type)))
		if d.Date != "" {
			fmt.Fprintf(bw, ", date=%s", dotQuote(d.Date))
		}
		if d.Year != "" {
			fmt.Fprintf(bw, ", year=%s", dotQuote(d.Year))
		}
		fmt.Fprintln(bw, "];")
	}
	for _, e := range relationEdges(sub) {
		_, evidence := sourceTexts(e)
		fmt.Fprintf(bw, "  %s -> %s [label=%s, predicate=%s, confidence=%s, sources=%d, tooltip=%s];\n",
			dotQuote(string(e.Subject)), dotQuote(e.Object), dotQuote(PredicateLabel(e.Predicate)),
			dotQuote(string(e.Predicate)), strconv.FormatFloat(e.Confidence, 'f', 4, 64), len(e.Sources), dotQuote(evidence))
	}
	fmt.Fprintln(bw, "}")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export dot: %w", err)
	}
	return nil
}

// relationEdges returns the edges of sub between entities.
func relationEdges(sub *Subgraph) []Edge {
	var out []Edge
	for _, e := range sub.Edges {
		if !e.Literal {
			out = append(out, e)
		}
	}
	return out
}

// sourceTexts returns the article IDs and the evidence sentences of e's
// sources, one a line.
func sourceTexts(e Edge) (articles, evidence string) {
	var ids, ev []string
	for _, src := range e.Sources {
		ids = append(ids, src.Article.ID)
		if src.Evidence != "" && !slices.Contains(ev, src.Evidence) {
			ev = append(ev, src.Evidence)
		}
	}
	return strings.Join(ids, "\n"), strings.Join(ev, "\n")
}

// cleanText makes s valid UTF-8 without control characters other than
// newlines and tabs.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// dotQuote returns s as a DOT quoted string. In DOT, a backslash starts an
// escape (\N is the node's name, \n a line break) and a quote ends the
// string; both are escaped, line breaks become \n, other control
// characters spaces, and bytes that are not UTF-8 "?".
func dotQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range cleanText(s) {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteByte(' ')
		case unicode.ReplacementChar:
			b.WriteByte('?') // which some DOT readers (gonum's) refuse
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
