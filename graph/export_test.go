package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/dot/ast"
)

// readNQuads parses N-Quads.
func readNQuads(t *testing.T, b []byte) []quad.Quad {
	t.Helper()
	r := nquads.NewReader(bytes.NewReader(b), false)
	var out []quad.Quad
	for {
		q, err := r.ReadQuad()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("the export is not N-Quads: %v", err)
		}
		out = append(out, q)
	}
}

func TestWriteNQuads(t *testing.T) {
	s := worldStore(t)
	ctx := context.Background()
	var all bytes.Buffer
	if err := s.WriteNQuads(ctx, &all, nil); err != nil {
		t.Fatal(err)
	}
	quads := readNQuads(t, all.Bytes())
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if int64(len(quads)) != st.Quads {
		t.Errorf("the whole export has %d quads, the store %d", len(quads), st.Quads)
	}
	if strings.Contains(all.String(), "<xsd:") {
		t.Errorf("the export has a short datatype, which other RDF tools do not read:\n%s", grepLines(all.String(), "<xsd:"))
	}

	// Loading the export into a new store gives the same graph.
	again, err := Open("memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	var deltas []quad.Quad
	deltas = append(deltas, quads...)
	again.mu.Lock()
	w, err := again.qs.NewQuadWriter()
	if err == nil {
		_, err = w.WriteQuads(deltas)
		w.Close()
	}
	again.mu.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []ID{"ev1", "unodc", "law"} {
		want, _ := s.Entity(ctx, id)
		got, err := again.Entity(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("entity %s after a round trip through N-Quads (-before +after):\n%s", id, diff)
		}
	}

	// The quads of a subgraph: those of its node, its edges, their
	// statements and their articles; nothing of the entities around.
	sub, err := s.Subgraph(ctx, SubgraphOptions{Roots: []ID{"law"}})
	if err != nil {
		t.Fatal(err)
	}
	var part bytes.Buffer
	if err := s.WriteNQuads(ctx, &part, sub); err != nil {
		t.Fatal(err)
	}
	subjects := map[string]bool{}
	for _, q := range readNQuads(t, part.Bytes()) {
		subjects[strings.SplitN(q.Subject.String(), "/", 5)[3]] = true
		if strings.Contains(q.Subject.String(), "/id/") && q.Subject.String() != "<"+EntityIRI("law")+">" {
			t.Errorf("the export of law holds a quad of another entity: %v", q)
		}
	}
	if diff := cmp.Diff(map[string]bool{"id": true, "fact": true, "article": true}, subjects); diff != "" {
		t.Errorf("kinds of subjects (-want +got):\n%s", diff)
	}
	if !strings.Contains(part.String(), `"Law 27.14 of 2016"@en`) {
		t.Errorf("the export of law lacks the evidence of its year:\n%s", part.String())
	}
}

func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func TestWriteJSONLD(t *testing.T) {
	s := worldStore(t)
	sub, err := s.Subgraph(context.Background(), SubgraphOptions{Roots: []ID{"ev2"}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.WriteJSONLD(context.Background(), &buf, sub); err != nil {
		t.Fatal(err)
	}
	var graphs []struct {
		ID    string           `json:"@id"`
		Graph []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(buf.Bytes(), &graphs); err != nil {
		t.Fatalf("not JSON-LD: %v\n%s", err, buf.String())
	}
	if len(graphs) != 1 || graphs[0].ID != ArticleIRI(worldEN.ID) || len(graphs[0].Graph) == 0 {
		t.Errorf("want one named graph, the English article's; got %+v", graphs)
	}
}

// hostile is a subgraph whose texts try to break out of GraphML and DOT.
func hostile() *Subgraph {
	names := map[ID]string{
		"a": `</data></node><node id="x"><data key="label">injected`,
		"b": `"]; "x" -> "y"; "z" [label="`,
		"c": "back\\N\\slash\nnew line\x01\xff",
		"d": "اللجنة الوطنية & <شركاء>",
	}
	var nodes []Node
	for id, n := range names {
		nodes = append(nodes, Node{ID: id, Type: Organization, Name: n})
	}
	src := []Source{{Article: ArticleRef{ID: `art"1`}, Evidence: `He said "stop" \ </data>` + "\nand left"}}
	return NewSubgraph(nodes, []Edge{
		{Subject: "a", Predicate: Partner, Object: "b", Confidence: 0.5, Sources: src},
		{Subject: "c", Predicate: FundedBy, Object: "d", Confidence: 0.5, Sources: src},
	})
}

func TestWriteGraphMLEscapes(t *testing.T) {
	g := hostile()
	var buf bytes.Buffer
	if err := WriteGraphML(&buf, g); err != nil {
		t.Fatal(err)
	}
	var doc graphML
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, buf.String())
	}
	if len(doc.Graph.Nodes) != 4 || len(doc.Graph.Edges) != 2 {
		t.Fatalf("%d nodes and %d edges, want 4 and 2:\n%s", len(doc.Graph.Nodes), len(doc.Graph.Edges), buf.String())
	}
	for _, n := range doc.Graph.Nodes {
		want, _ := g.Node(ID(n.ID))
		if n.Data[0].Key != "label" || n.Data[0].Value != cleanText(want.Name) {
			t.Errorf("node %s: label %q, want %q", n.ID, n.Data[0].Value, cleanText(want.Name))
		}
	}
	for _, e := range doc.Graph.Edges {
		for _, d := range e.Data {
			if d.Key == "evidence" && d.Value != "He said \"stop\" \\ </data>\nand left" {
				t.Errorf("edge %s: evidence %q", e.ID, d.Value)
			}
		}
	}
}

func TestWriteDOTEscapes(t *testing.T) {
	g := hostile()
	var buf bytes.Buffer
	if err := WriteDOT(&buf, g); err != nil {
		t.Fatal(err)
	}
	f, err := dot.ParseBytes(buf.Bytes())
	if err != nil {
		t.Fatalf("not DOT: %v\n%s", err, buf.String())
	}
	labels := map[string]string{}
	edges := 0
	for _, st := range f.Graphs[0].Stmts {
		switch st := st.(type) {
		case *ast.NodeStmt:
			for _, a := range st.Attrs {
				if a.Key == "label" {
					labels[st.Node.ID] = a.Val
				}
			}
		case *ast.EdgeStmt:
			edges++
		}
	}
	if len(labels) != 4 || edges != 2 {
		t.Fatalf("%d labelled nodes and %d edges, want 4 and 2 (something was injected):\n%s", len(labels), edges, buf.String())
	}
	want := map[string]string{
		`"a"`: `"</data></node><node id=\"x\"><data key=\"label\">injected"`,
		`"b"`: `"\"]; \"x\" -> \"y\"; \"z\" [label=\""`,
		`"c"`: `"back\\N\\slash\nnew line ?"`,
		`"d"`: `"اللجنة الوطنية & <شركاء>"`,
	}
	if diff := cmp.Diff(want, labels); diff != "" {
		t.Errorf("labels (-want +got):\n%s", diff)
	}
}
