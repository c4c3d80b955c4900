package graph

import (
	"context"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	gkv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
)

// The (subject, predicate) and (object, predicate, subject) indexes of
// Cayley's key-value stores (gkv.DefaultQuadIndexes): they list the quads
// of one subject, or one object, and one predicate without reading the
// node's other quads.
var (
	subjectIndex = gkv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}}
	objectIndex  = gkv.QuadIndex{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}}
)

// quadsOf returns the quads with subject subj and predicate pred, at most
// max of them when max > 0. An entity that many articles name has a few
// quads per article (its type, name, labels, mentions); quadsOf reads only
// those of one predicate. The caller holds s.mu.
func (s *Store) quadsOf(ctx context.Context, subj quad.Value, pred quad.IRI, max int) ([]quad.Quad, error) {
	return s.quadsByPredicate(ctx, quad.Subject, subj, pred, max)
}

// quadsTo returns the quads with object obj and predicate pred: the
// relations of one kind that end at an entity, without the entity's other
// quads. The caller holds s.mu.
func (s *Store) quadsTo(ctx context.Context, obj quad.Value, pred quad.IRI) ([]quad.Quad, error) {
	return s.quadsByPredicate(ctx, quad.Object, obj, pred, 0)
}

// quadsByPredicate returns the quads whose value in direction d is v and
// whose predicate is pred, at most max of them when max > 0.
func (s *Store) quadsByPredicate(ctx context.Context, d quad.Direction, v quad.Value, pred quad.IRI, max int) ([]quad.Quad, error) {
	it, err := s.valuePredicate(ctx, d, v, pred)
	if it == nil || err != nil {
		return nil, err
	}
	var known [4]quad.Value
	known[d-1], known[quad.Predicate-1] = v, pred
	return s.collect(ctx, it.Iterate(), max, known, func(q quad.Quad) bool {
		// SQL stores answer a hash for a value they do not hold.
		return equalValue(q.Get(d), v) && equalValue(q.Predicate, pred)
	})
}

// countQuadsOf returns the number of quads with subject subj and predicate
// pred. On a key-value store it counts index entries without reading the
// quads. The caller holds s.mu.
func (s *Store) countQuadsOf(ctx context.Context, subj quad.Value, pred quad.IRI) (int, error) {
	if _, ok := s.qs.(*gkv.QuadStore); !ok {
		qs, err := s.quadsOf(ctx, subj, pred, 0)
		return len(qs), err
	}
	it, err := s.valuePredicate(ctx, quad.Subject, subj, pred)
	if it == nil || err != nil {
		return 0, err
	}
	return count(ctx, it.Iterate())
}

// count returns the number of results of it, without reading them, and
// closes it.
func count(ctx context.Context, it iterator.Scanner) (int, error) {
	defer it.Close()
	n := 0
	for it.Next(ctx) {
		n++
	}
	if err := it.Err(); err != nil {
		return 0, err
	}
	return n, ctx.Err()
}

// valuePredicate returns the iterator of the quads whose value in
// direction d (the subject or the object) is v and whose predicate is
// pred, or nil when the store holds neither value: a scan of the index
// that starts with those two on a key-value store (bolt), else a query
// shape of both values, which a SQL store answers with one SELECT on its
// quads table and the memory store by intersecting its own indexes.
func (s *Store) valuePredicate(ctx context.Context, d quad.Direction, v quad.Value, pred quad.IRI) (iterator.Shape, error) {
	vref, err := s.qs.ValueOf(v)
	if err != nil || vref == nil {
		return nil, err
	}
	pref, err := s.qs.ValueOf(pred)
	if err != nil || pref == nil {
		return nil, err
	}
	if kqs, ok := s.qs.(*gkv.QuadStore); ok {
		vv, ok1 := vref.(gkv.Int64Value)
		pv, ok2 := pref.(gkv.Int64Value)
		index := subjectIndex
		if d == quad.Object {
			index = objectIndex
		}
		if ok1 && ok2 {
			return gkv.IndexScan{Index: index, Values: []uint64{uint64(vv), uint64(pv)}}.BuildIterator(kqs), nil
		}
	}
	return buildQuadsIterator(ctx, s.qs, shape.Quads{
		{Dir: d, Values: shape.Fixed{vref}},
		{Dir: quad.Predicate, Values: shape.Fixed{pref}},
	}), nil
}

// collect reads the quads of it that keep accepts, at most max of them when
// max > 0, and closes it. known holds, by direction (quad.Subject at 0),
// the values every quad of it has, where the caller knows them. The caller
// holds s.mu.
func (s *Store) collect(ctx context.Context, it iterator.Scanner, max int, known [4]quad.Value, keep func(quad.Quad) bool) ([]quad.Quad, error) {
	defer it.Close()
	if kqs, ok := s.qs.(*gkv.QuadStore); ok {
		return s.collectKV(ctx, kqs, it, max, known)
	}
	var out []quad.Quad
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return nil, err
		}
		if !keep(q) {
			continue
		}
		out = append(out, q)
		if max > 0 && len(out) >= max {
			break
		}
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	return out, ctx.Err()
}

// collectKV reads the quads of it, at most max of them when max > 0, from a
// key-value store, whose iterators give each quad as the IDs of its four
// values: it reads only the values known does not give, each distinct one
// once, from the store's value cache or in one transaction, where reading
// quad by quad takes a transaction and four reads per quad. An entity's
// quads share most of their values (the entity, the predicate, a few
// names, the articles that name it), so a scan of thousands of quads reads
// a fraction of that.
func (s *Store) collectKV(ctx context.Context, qs *gkv.QuadStore, it iterator.Scanner, max int, known [4]quad.Value) ([]quad.Quad, error) {
	var prims []cgraph.Ref
	for it.Next(ctx) {
		prims = append(prims, it.Result())
		if max > 0 && len(prims) >= max {
			break
		}
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	index := map[cgraph.Ref]int{}
	var refs []cgraph.Ref
	ids := make([][4]int, len(prims))
	for i, p := range prims {
		for j, d := range quad.Directions {
			if known[j] != nil {
				continue
			}
			ref, err := qs.QuadDirection(p, d)
			if err != nil {
				return nil, err
			}
			k, ok := index[ref]
			if !ok {
				k = len(refs)
				index[ref] = k
				refs = append(refs, ref)
			}
			ids[i][j] = k
		}
	}
	values, err := kvValuesOf(ctx, qs, &s.values, refs)
	if err != nil {
		return nil, err
	}
	out := make([]quad.Quad, len(prims))
	for i := range prims {
		for j, d := range quad.Directions {
			if known[j] != nil {
				out[i].Set(d, known[j])
			} else {
				out[i].Set(d, values[ids[i][j]])
			}
		}
	}
	return out, nil
}

// relationsFrom returns the relation quads whose subject is node: those of
// every predicate of the vocabulary. The caller holds s.mu.
func (s *Store) relationsFrom(ctx context.Context, node quad.Value) ([]quad.Quad, error) {
	var rels []quad.Quad
	for _, p := range Predicates {
		qs, err := s.quadsOf(ctx, node, quad.IRI(predicateIRIs[p]), 0)
		if err != nil {
			return nil, err
		}
		rels = append(rels, qs...)
	}
	return rels, nil
}

// sqlOptimizer serializes the building of iterators on SQL stores: Cayley's
// SQL optimizer numbers the tables of a query with a counter of its own,
// which concurrent readers would race on.
var sqlOptimizer sync.Mutex

// buildQuadsIterator builds the iterator of sh on qs.
func buildQuadsIterator(ctx context.Context, qs cgraph.QuadStore, sh shape.Shape) iterator.Shape {
	sq, ok := qs.(*sqlQuadStore)
	if !ok {
		return shape.BuildIterator(ctx, qs, sh)
	}
	sqlOptimizer.Lock()
	defer sqlOptimizer.Unlock()
	return shape.BuildIterator(ctx, sq.QuadStore, sh) // Cayley's SQL iterators need its own store
}
