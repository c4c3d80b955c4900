package graph

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// diamond: a reaches b through e1 or e2 (2 hops), through e2, o1 and e3 (4
// hops), and through the place pl (2 hops, but places are not gone
// through by default).
func diamond() *Subgraph {
	n := func(id ID, t Type) Node { return Node{ID: id, Type: t, Name: strings.ToUpper(string(id))} }
	e := func(s ID, p Predicate, o ID) Edge {
		return Edge{Subject: s, Predicate: p, Object: string(o), Confidence: 0.8,
			Sources: []Source{{Article: ArticleRef{ID: "art"}, Evidence: string(s) + " " + string(p) + " " + string(o)}}}
	}
	return NewSubgraph(
		[]Node{n("a", Person), n("b", Organization), n("e1", Event), n("e2", Event), n("e3", Event), n("o1", Organization), n("pl", Place)},
		[]Edge{
			e("a", SpokeAt, "e1"), e("a", SpokeAt, "e2"), e("e1", OrganizedBy, "b"), e("e2", FundedBy, "b"), e("e2", Partner, "o1"),
			e("e3", OrganizedBy, "o1"), e("e3", Partner, "b"), e("a", HeldIn, "pl"), e("b", HeldIn, "pl"),
			{Subject: "e1", Predicate: HeldOn, Object: "2024-01-01", Literal: true},
		})
}

// route is a path as "a e1 b", with its hops as "e1 organized_by b".
func route(p Path) (nodes string, hops []string) {
	var ids []string
	for _, n := range p.Nodes {
		ids = append(ids, string(n.ID))
	}
	for _, h := range p.Hops {
		var es []string
		for _, e := range h.Edges {
			es = append(es, string(e.Subject)+" "+string(e.Predicate)+" "+e.Object)
		}
		hops = append(hops, strings.Join(es, " + "))
	}
	return strings.Join(ids, " "), hops
}

func TestPaths(t *testing.T) {
	g := diamond()
	tests := []struct {
		name     string
		from, to ID
		opts     PathOptions
		want     []string
	}{
		{"shortest", "a", "b", PathOptions{}, []string{"a e1 b"}},
		{"three", "a", "b", PathOptions{K: 3, MaxHops: 4, Through: PathThrough}, []string{"a e1 b", "a e2 b", "a e2 o1 e3 b"}},
		{"at most 2 hops", "a", "b", PathOptions{K: 5, MaxHops: 2, Through: PathThrough}, []string{"a e1 b", "a e2 b"}},
		{"through places too", "a", "b", PathOptions{K: 3, MaxHops: 4, Through: []Type{Event, Organization, Place}}, []string{"a e1 b", "a e2 b", "a pl b"}},
		{"backwards", "b", "a", PathOptions{K: 2, Through: PathThrough}, []string{"b e1 a", "b e2 a"}},
		{"to itself", "a", "a", PathOptions{K: 2}, []string{"a"}},
		{"not connected through events", "pl", "o1", PathOptions{K: 2, MaxHops: 6, Through: []Type{Person}}, []string{}},
		{"unknown end", "a", "nobody", PathOptions{}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := []string{}
			for _, p := range Paths(g, tt.from, tt.to, tt.opts) {
				nodes, hops := route(p)
				got = append(got, nodes)
				if len(hops) != len(p.Nodes)-1 {
					t.Errorf("%s: %d hops for %d nodes", nodes, len(hops), len(p.Nodes))
				}
				for _, h := range p.Hops {
					for _, e := range h.Edges {
						if len(e.Sources) == 0 || e.Sources[0].Evidence == "" {
							t.Errorf("%s: hop %s-%s has an edge without evidence: %+v", nodes, h.From, h.To, e)
						}
					}
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("paths %s to %s (-want +got):\n%s", tt.from, tt.to, diff)
			}
		})
	}

	_, hops := route(Paths(g, "a", "b", PathOptions{K: 3, MaxHops: 4, Through: PathThrough})[2])
	if diff := cmp.Diff([]string{"a spoke_at e2", "e2 partner o1", "e3 organized_by o1", "e3 partner b"}, hops); diff != "" {
		t.Errorf("hops of a e2 o1 e3 b (-want +got):\n%s", diff)
	}
}

// TestPathsFromTheStore: the Minister of Justice reaches the EU through
// the event he spoke at, which the EU funded.
func TestPathsFromTheStore(t *testing.T) {
	s := worldStore(t)
	sub, err := s.Subgraph(context.Background(), SubgraphOptions{Roots: []ID{"ouahbi", "eu"}, Depth: 2, Through: PathThrough})
	if err != nil {
		t.Fatal(err)
	}
	paths := Paths(sub, "ouahbi", "eu", PathOptions{K: 3, MaxHops: 4, Through: PathThrough})
	var got []string
	for _, p := range paths {
		nodes, hops := route(p)
		got = append(got, nodes+": "+strings.Join(hops, ", "))
	}
	want := []string{"ouahbi ev1 eu: ouahbi spoke_at ev1, ev1 funded_by eu"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
	if ev := paths[0].Hops[1].Edges[0].Sources[0].Evidence; ev != "avec le soutien de l'Union européenne" {
		t.Errorf("evidence of the funding: %q", ev)
	}
}

// randomGraph returns a subgraph of n events and n/4 organizations, each
// event joined to 3 random organizations.
func randomGraph(n int) *Subgraph {
	r := rand.New(rand.NewPCG(1, 2))
	var nodes []Node
	var edges []Edge
	orgs := n / 4
	for i := range orgs {
		nodes = append(nodes, Node{ID: ID(fmt.Sprintf("o%d", i)), Type: Organization})
	}
	for i := range n {
		ev := ID(fmt.Sprintf("e%d", i))
		nodes = append(nodes, Node{ID: ev, Type: Event})
		for _, p := range []Predicate{OrganizedBy, Partner, FundedBy} {
			edges = append(edges, Edge{Subject: ev, Predicate: p, Object: fmt.Sprintf("o%d", r.IntN(orgs))})
		}
	}
	return NewSubgraph(nodes, edges)
}

// bfsPath is the plain alternative to Yen's algorithm for one shortest
// path, for BenchmarkPaths to compare with.
func bfsPath(g *Subgraph, from, to ID) []ID {
	adj := map[ID][]ID{}
	for _, e := range g.Edges {
		if !e.Literal {
			adj[e.Subject] = append(adj[e.Subject], ID(e.Object))
			adj[ID(e.Object)] = append(adj[ID(e.Object)], e.Subject)
		}
	}
	prev := map[ID]ID{from: from}
	queue := []ID{from}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		if u == to {
			var p []ID
			for ; u != from; u = prev[u] {
				p = append(p, u)
			}
			p = append(p, from)
			slices.Reverse(p)
			return p
		}
		for _, v := range adj[u] {
			if _, seen := prev[v]; !seen {
				prev[v] = u
				queue = append(queue, v)
			}
		}
	}
	return nil
}

// BenchmarkPaths compares Paths (Yen's k shortest paths of gonum, on the
// graph cut down to the nodes within reach of both ends), for one and for
// five paths, with a plain breadth-first search for one, on subgraphs of
// the size a paths request loads (at most maxVisits entities).
func BenchmarkPaths(b *testing.B) {
	for _, n := range []int{1000, 20000} {
		g := randomGraph(n)
		from, to := ID("o0"), ID(fmt.Sprintf("o%d", n/4-1))
		b.Run(fmt.Sprintf("nodes=%d/yen-k1", len(g.Nodes)), func(b *testing.B) {
			for b.Loop() {
				Paths(g, from, to, PathOptions{K: 1, MaxHops: 6})
			}
		})
		b.Run(fmt.Sprintf("nodes=%d/yen-k5", len(g.Nodes)), func(b *testing.B) {
			for b.Loop() {
				Paths(g, from, to, PathOptions{K: 5, MaxHops: 6})
			}
		})
		b.Run(fmt.Sprintf("nodes=%d/bfs-k1", len(g.Nodes)), func(b *testing.B) {
			for b.Loop() {
				bfsPath(g, from, to)
			}
		})
	}
}
