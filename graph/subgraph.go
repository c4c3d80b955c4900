package graph

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
)

// Node is an entity of a Subgraph.
type Node struct {
	ID   ID     `json:"id"`
	Type Type   `json:"type"`
	Name string `json:"name"`
}

// Subgraph is a part of the graph held in memory, for the algorithms of
// this package (Partners, Paths, Timeline, NetworkOf, the exports) to work
// on without the store: its entities, the relations between them, and the
// literal relations (dates, years, roles) of its entities, each relation
// with every article that states it.
type Subgraph struct {
	// Nodes are ordered by ID.
	Nodes []Node
	// Edges are ordered by subject, predicate and object. An edge whose
	// object is an entity joins two Nodes; a literal edge (held_on, year,
	// holds_role) describes one Node. Edge.Name is not set.
	Edges []Edge
	// Truncated reports whether a limit of SubgraphOptions cut the
	// subgraph: more nodes matched than it holds.
	Truncated bool

	byID map[ID]int
}

// newSubgraph orders and indexes nodes and edges.
func newSubgraph(nodes []Node, edges []Edge, truncated bool) *Subgraph {
	slices.SortFunc(nodes, func(a, b Node) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(edges, compareEdges)
	g := &Subgraph{Nodes: nodes, Edges: edges, Truncated: truncated, byID: make(map[ID]int, len(nodes))}
	for i, n := range nodes {
		g.byID[n.ID] = i
	}
	return g
}

func compareEdges(a, b Edge) int {
	return cmp.Or(cmp.Compare(a.Subject, b.Subject), cmp.Compare(a.Predicate, b.Predicate), cmp.Compare(a.Object, b.Object))
}

// NewSubgraph returns the subgraph of the given nodes and edges, ordered.
// It is for tests and for callers that build a subgraph by hand; an edge
// whose ends are not among nodes is kept as given.
func NewSubgraph(nodes []Node, edges []Edge) *Subgraph {
	return newSubgraph(slices.Clone(nodes), slices.Clone(edges), false)
}

// Node returns the node id, and whether the subgraph holds it.
func (g *Subgraph) Node(id ID) (Node, bool) {
	i, ok := g.byID[id]
	if !ok {
		return Node{}, false
	}
	return g.Nodes[i], true
}

// Date returns what the subgraph says of when node id took place: its
// held_on date, else its year (which may be a span, "2023-2030"), else "".
// When both are stated more than once, the earliest wins.
func (g *Subgraph) Date(id ID) string {
	var on, year string
	for _, e := range g.edgesFrom(id) {
		switch e.Predicate {
		case HeldOn:
			if on == "" || e.Object < on {
				on = e.Object
			}
		case Year:
			if year == "" || e.Object < year {
				year = e.Object
			}
		}
	}
	return cmp.Or(on, year)
}

// edgesFrom returns the edges whose subject is id: a run of g.Edges.
func (g *Subgraph) edgesFrom(id ID) []Edge {
	i := sort.Search(len(g.Edges), func(i int) bool { return g.Edges[i].Subject >= id })
	j := i
	for j < len(g.Edges) && g.Edges[j].Subject == id {
		j++
	}
	return g.Edges[i:j]
}

// firstPublished returns the earliest publication date of the articles
// that state the edges, or "".
func firstPublished(edges ...Edge) string {
	var d string
	for _, e := range edges {
		for _, src := range e.Sources {
			if p := src.Article.Published; p != "" && (d == "" || p < d) {
				d = p
			}
		}
	}
	return d
}

// DateRange is an inclusive interval of days, "YYYY-MM-DD"; an empty bound
// is open. The zero DateRange holds every date.
type DateRange struct {
	From string // first day, or ""
	To   string // last day, or ""
}

var (
	spanPattern    = regexp.MustCompile(`^(\d{4})-(\d{4})$`)
	anyDatePattern = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
)

// ParseDateRange returns the range from the first day of from to the last
// day of to, each a year ("2024"), a month ("2024-07") or a day
// ("2024-07-25"), or "" for an open bound. It fails when a bound has
// another form or from comes after to.
func ParseDateRange(from, to string) (DateRange, error) {
	var r DateRange
	if from != "" {
		lo, _, ok := dateSpan(from)
		if !ok || !anyDatePattern.MatchString(from) {
			return r, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", from)
		}
		r.From = lo
	}
	if to != "" {
		_, hi, ok := dateSpan(to)
		if !ok || !anyDatePattern.MatchString(to) {
			return r, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", to)
		}
		r.To = hi
	}
	if r.From != "" && r.To != "" && r.From > r.To {
		return r, fmt.Errorf("the range from %s to %s is empty", from, to)
	}
	return r, nil
}

// IsZero reports whether r holds every date.
func (r DateRange) IsZero() bool { return r.From == "" && r.To == "" }

// Overlaps reports whether the date d, as the graph keeps dates (a day, a
// month, a year or a span of years "2023-2030"), falls at least in part in
// r. An unknown or unreadable date overlaps only the zero range.
func (r DateRange) Overlaps(d string) bool {
	if r.IsZero() {
		return true
	}
	lo, hi, ok := dateSpan(d)
	if !ok {
		return false
	}
	return (r.To == "" || lo <= r.To) && (r.From == "" || hi >= r.From)
}

// dateSpan returns the first and last day a date covers.
func dateSpan(d string) (lo, hi string, ok bool) {
	switch {
	case dayPattern.MatchString(d):
		if d[5:7] < "01" || d[5:7] > "12" || d[8:] < "01" || d[8:] > "31" {
			return "", "", false
		}
		return d, d, true
	case monthPattern.MatchString(d):
		if d[5:] < "01" || d[5:] > "12" {
			return "", "", false
		}
		return d + "-01", d + "-31", true
	case yearPattern.MatchString(d):
		return d + "-01-01", d + "-12-31", true
	}
	if m := spanPattern.FindStringSubmatch(d); m != nil && m[1] <= m[2] {
		return m[1] + "-01-01", m[2] + "-12-31", true
	}
	return "", "", false
}

// SubgraphOptions say which part of the graph Store.Subgraph reads.
type SubgraphOptions struct {
	// Roots are the entities the subgraph grows from. With none, it is
	// the whole graph.
	Roots []ID
	// Depth is how many relations away from a root a node may be; 0
	// keeps the roots alone. It does not apply to the whole graph.
	Depth int
	// Through, if set, are the types of the nodes a traversal goes
	// through: a node of another type is reached but not gone beyond.
	// Roots are always gone through.
	Through []Type
	// Predicates, if set, keep only the relations between entities that
	// have one of these predicates. The literal relations of the kept
	// nodes (held_on, year, holds_role) always stay.
	Predicates []Predicate
	// Types, if set, keep only the nodes of these types, and the
	// relations between them. Roots always stay. Nodes of other types are
	// still gone through: the answer holds the kept nodes within Depth.
	Types []Type
	// Range, if not zero, keeps only the relations dated within it, and
	// traverses only those. A relation is dated by its ends (held_on, else
	// year, of the subject, else of the object), else by the earliest
	// publication date of the articles that state it; an undated relation
	// is dropped.
	Range DateRange
	// Connected, for the whole graph, keeps only the nodes that are an end
	// of a kept relation; otherwise every entity (of Types) is a node.
	Connected bool
	// MaxNodes, if positive, caps the number of nodes. Around roots the
	// closest nodes are kept (by distance, then ID); in the whole graph,
	// the most connected (by the number of kept relations, then ID).
	// Truncated tells when the cap cut the answer.
	MaxNodes int
	// MaxVisits, if positive, caps the number of entities a traversal
	// reads, whatever Types keeps; reaching it sets Truncated.
	MaxVisits int
}

// Subgraph reads the part of the graph that opts select. It returns
// ErrNotFound when a root is not an entity of the store.
func (s *Store) Subgraph(ctx context.Context, opts SubgraphOptions) (*Subgraph, error) {
	return memo(ctx, s.cache, fmt.Sprintf("subgraph %#v", opts), func(ctx context.Context) (*Subgraph, error) {
		return s.subgraph(ctx, opts)
	})
}

func (s *Store) subgraph(ctx context.Context, opts SubgraphOptions) (*Subgraph, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	r := &subgraphReader{s: s, ctx: ctx, opts: opts,
		articles: map[quad.Value]ArticleRef{}, heads: map[ID]*nodeHead{}}
	var (
		g   *Subgraph
		err error
	)
	if len(opts.Roots) == 0 {
		g, err = r.whole()
	} else {
		g, err = r.around()
	}
	if errors.Is(err, ErrNotFound) {
		return nil, err // names the entity
	}
	if err != nil {
		return nil, fmt.Errorf("read subgraph: %w", err)
	}
	return g, nil
}

// subgraphReader reads one subgraph; its caches live as long as the read.
// The caller holds s.mu.
type subgraphReader struct {
	s    *Store
	ctx  context.Context
	opts SubgraphOptions

	articles map[quad.Value]ArticleRef // by article IRI
	heads    map[ID]*nodeHead          // entities read so far, nil when not an entity
	facts    map[quad.Value]*Source    // evidence, rule and confidence by fact IRI, when read in bulk
}

// build reads the evidence, rule and confidence of the sources it needs
// statement by statement (one read of about nine quads each) while they
// are fewer than 1/bulkFactShare of the store's statements, and of every
// statement at once beyond (three reads by predicate, one quad per
// statement each). On the benchmark graph (memory store, 20,000
// statements) a source costs about 19 µs the first way, and a statement
// of the store about 4 µs the second.
const bulkFactShare = 5

// nodeHead is what one entity says of itself: its type and name, and the
// relations it is the subject of.
type nodeHead struct {
	node Node
	out  []*edgeDraft
	date string // nodeDate(out)
}

// edgeDraft is a relation whose sources are known by article only.
type edgeDraft struct {
	s       ID
	p       Predicate
	o       quad.Value // an entity IRI or a literal
	obj     ID         // the entity o names, if it is one
	okey    string     // o as a string, for ordering
	labels  []quad.Value
	literal bool
}

func (e *edgeDraft) key() [3]string { return [3]string{string(e.s), string(e.p), e.okey} }

// draftEdges groups relation quads by subject, predicate and object; the
// result is in a stable order. Quads whose subject is not an entity IRI,
// or whose predicate is not a relation, are left out.
func draftEdges(quads []quad.Quad) []*edgeDraft {
	byKey := map[[3]string]*edgeDraft{}
	var out []*edgeDraft
	for _, q := range quads {
		p, ok := predicateOfIRI(q.Predicate)
		if !ok {
			continue
		}
		subj, ok := entityID(q.Subject)
		if !ok {
			continue
		}
		d := &edgeDraft{s: subj, p: p, o: q.Object, okey: quad.StringOf(q.Object), literal: p.Literal()}
		if !d.literal {
			if d.obj, ok = entityID(q.Object); !ok {
				continue
			}
		}
		if have := byKey[d.key()]; have != nil {
			have.labels = append(have.labels, q.Label)
			continue
		}
		d.labels = []quad.Value{q.Label}
		byKey[d.key()] = d
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b *edgeDraft) int {
		return cmp.Or(cmp.Compare(a.s, b.s), cmp.Compare(a.p, b.p), cmp.Compare(a.okey, b.okey))
	})
	return out
}

// head reads entity id once: its type, its name and its relations out.
// It returns nil when id is not an entity of the store.
func (r *subgraphReader) head(id ID) (*nodeHead, error) {
	if h, ok := r.heads[id]; ok {
		return h, nil
	}
	h, err := r.s.nodeHead(r.ctx, id)
	if err != nil {
		return nil, err
	}
	r.heads[id] = h
	return h, nil
}

// typeVotes is how many of an entity's type statements nodeHead reads.
const typeVotes = 16

// entityNode reads an entity's type, by vote of its first typeVotes type
// statements, and its name; it returns nil when id is not an entity. The
// caller holds s.mu.
func (s *Store) entityNode(ctx context.Context, id ID) (*Node, error) {
	typed, err := s.quadsOf(ctx, quad.IRI(EntityIRI(id)), quad.IRI(rdfType), typeVotes)
	if err != nil {
		return nil, err
	}
	types := map[Type]int{}
	for _, q := range typed {
		if t, ok := typeOfIRI(q.Object); ok {
			types[t]++
		}
	}
	if len(types) == 0 {
		return nil, nil
	}
	name, err := s.entityName(ctx, id)
	if err != nil {
		return nil, err
	}
	return &Node{ID: id, Type: mostVoted(types), Name: name}, nil
}

// nodeHead reads an entity's type, name and outgoing relations; it
// returns nil when id is not an entity. It reads only the quads of those
// predicates, not the names and mentions each article adds. The caller
// holds s.mu.
func (s *Store) nodeHead(ctx context.Context, id ID) (*nodeHead, error) {
	n, err := s.entityNode(ctx, id)
	if n == nil || err != nil {
		return nil, err
	}
	rels, err := s.relationsFrom(ctx, quad.IRI(EntityIRI(id)))
	if err != nil {
		return nil, err
	}
	out := draftEdges(rels)
	return &nodeHead{node: *n, out: out, date: nodeDate(out)}, nil
}

func (r *subgraphReader) article(label quad.Value) (ArticleRef, error) {
	if ref, ok := r.articles[label]; ok {
		return ref, nil
	}
	ref, err := r.s.articleRef(r.ctx, label)
	if err != nil {
		return ref, err
	}
	r.articles[label] = ref
	return ref, nil
}

// firstPublished returns the earliest publication date of the articles
// that state d, or "".
func (r *subgraphReader) firstPublished(d *edgeDraft) (string, error) {
	return r.s.firstPublished(r.ctx, d.labels...)
}

// firstPublished returns the earliest publication date of the articles
// labels, or "". The caller holds s.mu.
func (s *Store) firstPublished(ctx context.Context, labels ...quad.Value) (string, error) {
	var first string
	for _, l := range labels {
		ref, err := s.articleRef(ctx, l)
		if err != nil {
			return "", err
		}
		if ref.Published != "" && (first == "" || ref.Published < first) {
			first = ref.Published
		}
	}
	return first, nil
}

// nodeDate is Subgraph.Date over drafts: held_on, else year.
func nodeDate(out []*edgeDraft) string {
	var on, year string
	for _, d := range out {
		switch d.p {
		case HeldOn:
			if v, _ := literal(d.o); on == "" || v < on {
				on = v
			}
		case Year:
			if v, _ := literal(d.o); year == "" || v < year {
				year = v
			}
		}
	}
	return cmp.Or(on, year)
}

// inRange reports whether the relation d, between entities whose dates
// are given, is dated within opts.Range.
func (r *subgraphReader) inRange(d *edgeDraft, subjDate, objDate string) (bool, error) {
	if r.opts.Range.IsZero() {
		return true, nil
	}
	when := cmp.Or(subjDate, objDate)
	if when == "" {
		var err error
		if when, err = r.firstPublished(d); err != nil {
			return false, err
		}
	}
	return r.opts.Range.Overlaps(when), nil
}

func (r *subgraphReader) predicateKept(p Predicate) bool {
	return len(r.opts.Predicates) == 0 || slices.Contains(r.opts.Predicates, p)
}

func (r *subgraphReader) typeKept(t Type) bool {
	return len(r.opts.Types) == 0 || slices.Contains(r.opts.Types, t)
}

// around reads the nodes within opts.Depth of the roots, breadth first.
func (r *subgraphReader) around() (*Subgraph, error) {
	dist := map[ID]int{}
	var frontier []ID
	for _, id := range r.opts.Roots {
		h, err := r.head(id)
		if err != nil {
			return nil, err
		}
		if h == nil {
			return nil, fmt.Errorf("entity %q: %w", id, ErrNotFound)
		}
		if _, ok := dist[id]; !ok {
			dist[id] = 0
			frontier = append(frontier, id)
		}
	}
	slices.Sort(frontier)
	truncated := false
	visits := len(frontier)
traverse:
	for depth := 0; depth < r.opts.Depth && len(frontier) > 0; depth++ {
		var next []ID
		for _, u := range frontier {
			hu := r.heads[u]
			if dist[u] > 0 && len(r.opts.Through) > 0 && !slices.Contains(r.opts.Through, hu.node.Type) {
				continue
			}
			in, err := r.s.quadsWith(r.ctx, quad.Object, quad.IRI(EntityIRI(u)), 0)
			if err != nil {
				return nil, err
			}
			rels := append(slices.Clip(hu.out), draftEdges(in)...)
			for _, d := range rels {
				if d.literal || !r.predicateKept(d.p) {
					continue
				}
				v := d.obj
				if v == u {
					v = d.s
				}
				if _, seen := dist[v]; seen {
					continue
				}
				if r.opts.MaxVisits > 0 && visits >= r.opts.MaxVisits {
					truncated = true
					break traverse
				}
				hv, err := r.head(v)
				if err != nil {
					return nil, err
				}
				if hv == nil {
					continue
				}
				visits++
				ok, err := r.inRange(d, r.heads[d.s].date, r.heads[d.obj].date)
				if err != nil {
					return nil, err
				}
				if !ok {
					continue
				}
				dist[v] = depth + 1
				next = append(next, v)
			}
		}
		slices.Sort(next)
		frontier = next
	}

	var kept []ID
	for id := range dist {
		if dist[id] == 0 || r.typeKept(r.heads[id].node.Type) {
			kept = append(kept, id)
		}
	}
	slices.SortFunc(kept, func(a, b ID) int { return cmp.Or(cmp.Compare(dist[a], dist[b]), cmp.Compare(a, b)) })
	if r.opts.MaxNodes > 0 && len(kept) > r.opts.MaxNodes {
		kept, truncated = kept[:r.opts.MaxNodes], true
	}
	return r.build(kept, truncated)
}

// whole reads the whole graph, or the part of it that opts keep.
func (r *subgraphReader) whole() (*Subgraph, error) {
	// The type of every entity, by vote of the articles that name it.
	votes := map[ID]map[Type]int{}
	for _, t := range Types {
		quads, err := r.s.quadsWith(r.ctx, quad.Object, quad.IRI(typeIRIs[t]), 0)
		if err != nil {
			return nil, err
		}
		for _, q := range quads {
			id, ok := entityID(q.Subject)
			if !ok || q.Predicate != quad.IRI(rdfType) {
				continue
			}
			if votes[id] == nil {
				votes[id] = map[Type]int{}
			}
			votes[id][t]++
		}
	}
	types := make(map[ID]Type, len(votes))
	for id, v := range votes {
		types[id] = mostVoted(v)
	}

	// The relations, by predicate: literal ones for the dates of things.
	var drafts []*edgeDraft
	for _, p := range Predicates {
		if !p.Literal() && !r.predicateKept(p) {
			continue
		}
		quads, err := r.s.quadsWith(r.ctx, quad.Predicate, quad.IRI(predicateIRIs[p]), 0)
		if err != nil {
			return nil, err
		}
		drafts = append(drafts, draftEdges(quads)...)
	}
	dates := map[ID]string{}
	literals := map[ID][]*edgeDraft{}
	for _, d := range drafts {
		if d.literal {
			literals[d.s] = append(literals[d.s], d)
		}
	}
	for id, out := range literals {
		dates[id] = nodeDate(out)
	}

	degree := map[ID]int{}
	for _, d := range drafts {
		if d.literal {
			continue
		}
		ts, sok := types[d.s]
		to, ook := types[d.obj]
		if !sok || !ook || !r.typeKept(ts) || !r.typeKept(to) {
			continue
		}
		ok, err := r.inRange(d, dates[d.s], dates[d.obj])
		if err != nil {
			return nil, err
		}
		if ok {
			degree[d.s]++
			degree[d.obj]++
		}
	}
	var kept []ID
	for id, t := range types {
		if !r.typeKept(t) || (r.opts.Connected && degree[id] == 0) {
			continue
		}
		kept = append(kept, id)
	}
	slices.SortFunc(kept, func(a, b ID) int { return cmp.Or(cmp.Compare(degree[b], degree[a]), cmp.Compare(a, b)) })
	truncated := false
	if r.opts.MaxNodes > 0 && len(kept) > r.opts.MaxNodes {
		kept, truncated = kept[:r.opts.MaxNodes], true
	}

	// Seed the heads from what was read in bulk, so that build need not
	// read each entity again.
	names, err := r.names(kept)
	if err != nil {
		return nil, err
	}
	out := map[ID][]*edgeDraft{}
	for _, d := range drafts {
		out[d.s] = append(out[d.s], d)
	}
	for _, id := range kept {
		r.heads[id] = &nodeHead{node: Node{ID: id, Type: types[id], Name: names[id]}, out: out[id], date: dates[id]}
	}
	return r.build(kept, truncated)
}

// names returns the canonical names of the entities ids: read in bulk when
// they are many, one by one when they are few.
func (r *subgraphReader) names(ids []ID) (map[ID]string, error) {
	names := make(map[ID]string, len(ids))
	if len(ids) <= 64 {
		for _, id := range ids {
			name, err := r.s.entityName(r.ctx, id)
			if err != nil {
				return nil, err
			}
			names[id] = name
		}
		return names, nil
	}
	quads, err := r.s.quadsWith(r.ctx, quad.Predicate, quad.IRI(propName), 0)
	if err != nil {
		return nil, err
	}
	want := make(map[ID]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	votes := map[ID]map[string]int{}
	for _, q := range quads {
		id, ok := entityID(q.Subject)
		if !ok || !want[id] {
			continue
		}
		if votes[id] == nil {
			votes[id] = map[string]int{}
		}
		n, _ := literal(q.Object)
		votes[id][n]++
	}
	for id, v := range votes {
		names[id] = mostVoted(v)
	}
	return names, nil
}

// build makes the subgraph of the kept nodes, whose heads are read: their
// literal relations, and the relations between them that opts keep, each
// with its sources.
func (r *subgraphReader) build(kept []ID, truncated bool) (*Subgraph, error) {
	isKept := make(map[ID]bool, len(kept))
	for _, id := range kept {
		isKept[id] = true
	}
	nodes := make([]Node, 0, len(kept))
	var drafts []*edgeDraft
	sources := 0
	for _, id := range kept {
		h := r.heads[id]
		nodes = append(nodes, h.node)
		for _, d := range h.out {
			if !d.literal {
				if !isKept[d.obj] || !r.predicateKept(d.p) {
					continue
				}
				ok, err := r.inRange(d, h.date, r.heads[d.obj].date)
				if err != nil {
					return nil, err
				}
				if !ok {
					continue
				}
			}
			drafts = append(drafts, d)
			sources += len(d.labels)
		}
	}
	if sources > 0 {
		total, err := r.statements()
		if err != nil {
			return nil, err
		}
		if int64(sources)*bulkFactShare >= total {
			if err := r.readFacts(); err != nil {
				return nil, err
			}
		}
	}
	edges := make([]Edge, 0, len(drafts))
	for _, d := range drafts {
		e, err := r.edge(d)
		if err != nil {
			return nil, err
		}
		edges = append(edges, e)
	}
	return newSubgraph(nodes, edges, truncated), nil
}

// statements returns about how many statements the store holds.
func (r *subgraphReader) statements() (int64, error) {
	ref, err := r.s.qs.ValueOf(quad.IRI(propRule))
	if err != nil || ref == nil {
		return 0, err
	}
	size, err := r.s.qs.QuadIteratorSize(r.ctx, quad.Predicate, ref)
	return size.Value, err
}

// readFacts reads the evidence, rule and confidence of every statement in
// the store.
func (r *subgraphReader) readFacts() error {
	r.facts = map[quad.Value]*Source{}
	for _, p := range []string{propEvidence, propRule, propConfidence} {
		quads, err := r.s.quadsWith(r.ctx, quad.Predicate, quad.IRI(p), 0)
		if err != nil {
			return err
		}
		for _, q := range quads {
			src := r.facts[q.Subject]
			if src == nil {
				src = &Source{}
				r.facts[q.Subject] = src
			}
			setFactProp(src, q)
		}
	}
	return nil
}

// setFactProp sets what the quad q of a statement says in src.
func setFactProp(src *Source, q quad.Quad) {
	switch q.Predicate {
	case quad.IRI(propEvidence):
		src.Evidence, _ = literal(q.Object)
	case quad.IRI(propRule):
		src.Rule, _ = literal(q.Object)
	case quad.IRI(propConfidence):
		if f, ok := q.Object.(quad.Float); ok {
			src.Confidence = float64(f)
		}
	}
}

// edge reads the sources of d: each article's evidence, rule and
// confidence.
func (r *subgraphReader) edge(d *edgeDraft) (Edge, error) {
	e := Edge{Subject: d.s, Predicate: d.p, Literal: d.literal}
	if d.literal {
		e.Object, _ = literal(d.o)
	} else {
		e.Object = string(d.obj)
	}
	subj := quad.IRI(EntityIRI(d.s))
	pred := quad.IRI(predicateIRIs[d.p])
	for _, l := range d.labels {
		ref, err := r.article(l)
		if err != nil {
			return e, err
		}
		label, _ := l.(quad.IRI)
		f := factIRI(label, subj, pred, d.o)
		var src Source
		if r.facts != nil {
			if known := r.facts[f]; known != nil {
				src = *known
			}
		} else {
			props, err := r.s.quadsWith(r.ctx, quad.Subject, f, 0)
			if err != nil {
				return e, err
			}
			for _, p := range props {
				setFactProp(&src, p)
			}
		}
		src.Article = ref
		e.Sources = append(e.Sources, src)
	}
	slices.SortFunc(e.Sources, func(a, b Source) int { return cmp.Compare(a.Article.ID, b.Article.ID) })
	e.Confidence = combinedConfidence(e.Sources)
	return e, nil
}

// combinedConfidence is the chance that at least one source is right,
// taking them as independent, as Store.Entity reckons it: a source with no
// confidence counts as 0.5.
func combinedConfidence(sources []Source) float64 {
	miss := 1.0
	for _, src := range sources {
		c := src.Confidence
		if c <= 0 {
			c = 0.5
		}
		miss *= 1 - c
	}
	return 1 - miss
}

// ArticleRecord is what one article says: its metadata, the entities it
// names and the facts it states, each with its evidence.
type ArticleRecord struct {
	ArticleRef
	Source   string `json:"source,omitempty"`
	URL      string `json:"url,omitempty"`
	Entities []Node `json:"entities"`
	Facts    []Fact `json:"facts"`
}

// Fact is one relation as one article states it.
type Fact struct {
	Subject   ID        `json:"subject"`
	Predicate Predicate `json:"predicate"`
	// Object is an entity ID, or a literal when Literal is true.
	Object     string  `json:"object"`
	Literal    bool    `json:"literal,omitempty"`
	Evidence   string  `json:"evidence,omitempty"`
	Rule       string  `json:"rule,omitempty"`
	Confidence float64 `json:"confidence,omitempty"`
}

var digestPattern = regexp.MustCompile(`^[0-9a-f]{24}$`)

// ArticleKey returns the key of the article whose IRI is iri: the digest
// that ends it, which ArticleFacts accepts.
func ArticleKey(iri string) string { return strings.TrimPrefix(iri, articleNS) }

// ArticleFacts returns the article whose key (see ArticleKey) or ID is
// key, with the entities it names and the facts it states, ordered; or
// ErrNotFound.
func (s *Store) ArticleFacts(ctx context.Context, key string) (*ArticleRecord, error) {
	iri := articleIRI(key)
	if digestPattern.MatchString(key) {
		iri = quad.IRI(articleNS + key)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	quads, err := s.labelled(ctx, iri)
	if err != nil {
		return nil, fmt.Errorf("article %q: %w", key, err)
	}
	if len(quads) == 0 {
		return nil, fmt.Errorf("article %q: %w", key, ErrNotFound)
	}
	rec := &ArticleRecord{Entities: []Node{}, Facts: []Fact{}}
	if rec.ArticleRef, err = s.articleRef(ctx, iri); err != nil {
		return nil, fmt.Errorf("article %q: %w", key, err)
	}
	entities := map[ID]*Node{}
	entity := func(id ID) *Node {
		if entities[id] == nil {
			entities[id] = &Node{ID: id}
		}
		return entities[id]
	}
	facts := map[quad.Value]*Fact{}
	fact := func(v quad.Value) *Fact {
		if facts[v] == nil {
			facts[v] = &Fact{}
		}
		return facts[v]
	}
	for _, q := range quads {
		pred := q.Predicate
		if q.Subject == iri {
			v, _ := literal(q.Object)
			switch pred {
			case quad.IRI(propSource):
				rec.Source = v
			case quad.IRI(propURL):
				rec.URL = v
			}
			continue
		}
		if id, ok := entityID(q.Subject); ok {
			switch pred {
			case quad.IRI(rdfType):
				if t, ok := typeOfIRI(q.Object); ok {
					entity(id).Type = t
				}
			case quad.IRI(propName):
				entity(id).Name, _ = literal(q.Object)
			}
			continue
		}
		switch pred {
		case quad.IRI(propSubject):
			fact(q.Subject).Subject, _ = entityID(q.Object)
		case quad.IRI(propPredicate):
			fact(q.Subject).Predicate, _ = predicateOfIRI(q.Object)
		case quad.IRI(propObject):
			f := fact(q.Subject)
			if id, ok := entityID(q.Object); ok {
				f.Object = string(id)
			} else {
				f.Object, _ = literal(q.Object)
				f.Literal = true
			}
		case quad.IRI(propEvidence):
			fact(q.Subject).Evidence, _ = literal(q.Object)
		case quad.IRI(propRule):
			fact(q.Subject).Rule, _ = literal(q.Object)
		case quad.IRI(propConfidence):
			if c, ok := q.Object.(quad.Float); ok {
				fact(q.Subject).Confidence = float64(c)
			}
		}
	}
	for _, n := range entities {
		if n.Type != "" {
			rec.Entities = append(rec.Entities, *n)
		}
	}
	slices.SortFunc(rec.Entities, func(a, b Node) int { return cmp.Compare(a.ID, b.ID) })
	for _, f := range facts {
		if f.Subject != "" && f.Predicate != "" {
			rec.Facts = append(rec.Facts, *f)
		}
	}
	slices.SortFunc(rec.Facts, func(a, b Fact) int {
		return cmp.Or(cmp.Compare(a.Subject, b.Subject), cmp.Compare(a.Predicate, b.Predicate), cmp.Compare(a.Object, b.Object))
	})
	return rec, nil
}
