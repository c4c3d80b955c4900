package graph

import (
	"cmp"
	"slices"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"
)

// PathThrough are the types a connection goes through when none are
// asked for: events, plans, campaigns and organizations. People and
// places are left out because they join nearly everything (everything
// happens in Morocco) and so explain nothing.
var PathThrough = []Type{Event, Plan, Campaign, Organization}

// Path is one connection between two entities: the nodes from one to the
// other, and the relations of each hop with their evidence.
type Path struct {
	Nodes []Node `json:"nodes"`
	Hops  []Hop  `json:"hops"`
}

// Hop is one step of a Path: every relation between From and To, in
// either direction, each with its sources.
type Hop struct {
	From  ID     `json:"from"`
	To    ID     `json:"to"`
	Edges []Edge `json:"edges"`
}

// PathOptions bound the connections Paths finds.
type PathOptions struct {
	// K is how many connections to return at most; 0 means 1.
	K int
	// MaxHops is the longest connection to return, in relations; 0 means
	// no bound beyond the subgraph.
	MaxHops int
	// Through are the types of the nodes a connection may go through; the
	// ends may have any type. None means any type.
	Through []Type
}

// Paths returns up to opts.K shortest connections between from and to in
// sub, shortest first (then in the order of their node IDs), each a
// simple path over the relations between entities, taken in either
// direction (Yen's k shortest paths, gonum). It returns nil when sub does
// not connect them.
//
// A connection is only as complete as sub: load sub around from and to,
// each to depth ceil(MaxHops/2), so that it holds every path of at most
// MaxHops relations.
func Paths(sub *Subgraph, from, to ID, opts PathOptions) []Path {
	if _, ok := sub.Node(from); !ok {
		return nil
	}
	if _, ok := sub.Node(to); !ok {
		return nil
	}
	if from == to {
		n, _ := sub.Node(from)
		return []Path{{Nodes: []Node{n}, Hops: []Hop{}}}
	}
	k := max(opts.K, 1)
	g := newPathGraph(sub, from, to, opts.Through, opts.MaxHops)
	if g == nil {
		return nil
	}
	found := path.YenKShortestPaths(g, k, g.maxCost(opts.MaxHops), simple.Node(g.index[from]), simple.Node(g.index[to]))
	out := make([]Path, 0, len(found))
	for _, p := range found {
		if len(p) < 2 || (opts.MaxHops > 0 && len(p)-1 > opts.MaxHops) {
			continue
		}
		var pa Path
		for i, n := range p {
			pa.Nodes = append(pa.Nodes, sub.Nodes[g.nodes[n.ID()]])
			if i > 0 {
				a, b := g.ids[p[i-1].ID()], g.ids[n.ID()]
				pa.Hops = append(pa.Hops, Hop{From: a, To: b, Edges: g.between[pairOf(a, b)]})
			}
		}
		out = append(out, pa)
	}
	slices.SortStableFunc(out, func(a, b Path) int {
		return cmp.Or(cmp.Compare(len(a.Nodes), len(b.Nodes)), slices.CompareFunc(a.Nodes, b.Nodes, func(x, y Node) int { return cmp.Compare(x.ID, y.ID) }))
	})
	return out
}

// pathGraph is the undirected graph of a subgraph's relations between
// entities, for gonum: node i is ids[i]. Its iteration order is fixed, so
// that Paths gives the same answer every time.
type pathGraph struct {
	ids     []ID
	nodes   []int // position in Subgraph.Nodes, by node
	index   map[ID]int64
	adj     [][]int64 // ordered
	between map[[2]ID][]Edge
}

func pairOf(a, b ID) [2]ID {
	if b < a {
		a, b = b, a
	}
	return [2]ID{a, b}
}

// newPathGraph returns the graph of the relations of sub between entities
// of the types through (and from and to), cut down to the nodes that lie
// on some path of at most maxHops relations from from to to (all nodes
// when maxHops is 0): those whose distances to the two ends add up to at
// most maxHops. Every such path keeps all its nodes, and Yen's algorithm
// then runs on a graph of the size of the answer, not of the subgraph
// (BenchmarkPaths). It returns nil when no such path exists.
func newPathGraph(sub *Subgraph, from, to ID, through []Type, maxHops int) *pathGraph {
	// Every node that may be on a path, and its neighbours.
	var (
		pos   []int // position in sub.Nodes
		index = map[ID]int{}
	)
	for i, n := range sub.Nodes {
		if n.ID != from && n.ID != to && len(through) > 0 && !slices.Contains(through, n.Type) {
			continue
		}
		index[n.ID] = len(pos)
		pos = append(pos, i)
	}
	adj := make([][]int, len(pos))
	for _, e := range sub.Edges {
		if e.Literal || e.Subject == ID(e.Object) {
			continue
		}
		a, aok := index[e.Subject]
		b, bok := index[ID(e.Object)]
		if aok && bok {
			adj[a] = append(adj[a], b)
			adj[b] = append(adj[b], a)
		}
	}

	keep := func(int) bool { return true }
	if maxHops > 0 {
		df, dt := hops(adj, index[from]), hops(adj, index[to])
		keep = func(v int) bool { return df[v] >= 0 && dt[v] >= 0 && df[v]+dt[v] <= maxHops }
		if !keep(index[from]) {
			return nil
		}
	}

	g := &pathGraph{index: map[ID]int64{}, between: map[[2]ID][]Edge{}}
	for v, i := range pos {
		if keep(v) {
			id := sub.Nodes[i].ID
			g.index[id] = int64(len(g.ids))
			g.ids = append(g.ids, id)
			g.nodes = append(g.nodes, i)
		}
	}
	g.adj = make([][]int64, len(g.ids))
	for _, e := range sub.Edges {
		if e.Literal || e.Subject == ID(e.Object) {
			continue
		}
		a, aok := g.index[e.Subject]
		b, bok := g.index[ID(e.Object)]
		if !aok || !bok {
			continue
		}
		key := pairOf(e.Subject, ID(e.Object))
		if g.between[key] == nil {
			g.adj[a] = append(g.adj[a], b)
			g.adj[b] = append(g.adj[b], a)
		}
		g.between[key] = append(g.between[key], e)
	}
	for _, ns := range g.adj {
		slices.Sort(ns)
	}
	return g
}

// hops returns the number of relations from node s to each node of adj,
// breadth first; -1 for a node it does not reach.
func hops(adj [][]int, s int) []int {
	dist := make([]int, len(adj))
	for i := range dist {
		dist[i] = -1
	}
	dist[s] = 0
	queue := []int{s}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		for _, v := range adj[u] {
			if dist[v] < 0 {
				dist[v] = dist[u] + 1
				queue = append(queue, v)
			}
		}
	}
	return dist
}

// maxCost is the cost Yen's algorithm may add to the shortest path.
func (g *pathGraph) maxCost(maxHops int) float64 {
	if maxHops <= 0 {
		return float64(len(g.ids))
	}
	return float64(maxHops)
}

func (g *pathGraph) has(id int64) bool { return id >= 0 && id < int64(len(g.ids)) }

func (g *pathGraph) Node(id int64) gonum.Node {
	if !g.has(id) {
		return nil
	}
	return simple.Node(id)
}

func (g *pathGraph) Nodes() gonum.Nodes {
	nodes := make([]gonum.Node, len(g.ids))
	for i := range nodes {
		nodes[i] = simple.Node(i)
	}
	return iterator.NewOrderedNodes(nodes)
}

func (g *pathGraph) From(id int64) gonum.Nodes {
	if !g.has(id) || len(g.adj[id]) == 0 {
		return gonum.Empty
	}
	nodes := make([]gonum.Node, len(g.adj[id]))
	for i, v := range g.adj[id] {
		nodes[i] = simple.Node(v)
	}
	return iterator.NewOrderedNodes(nodes)
}

func (g *pathGraph) HasEdgeBetween(x, y int64) bool {
	if !g.has(x) || !g.has(y) {
		return false
	}
	_, ok := slices.BinarySearch(g.adj[x], y)
	return ok
}

func (g *pathGraph) Edge(u, v int64) gonum.Edge { return g.EdgeBetween(u, v) }

func (g *pathGraph) EdgeBetween(x, y int64) gonum.Edge {
	if !g.HasEdgeBetween(x, y) {
		return nil
	}
	return simple.Edge{F: simple.Node(x), T: simple.Node(y)}
}
