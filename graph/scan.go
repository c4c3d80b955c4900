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

// subjectIndex is the (subject, predicate) index of Cayley's key-value
// stores (gkv.DefaultQuadIndexes): it lists the quads of one subject and
// one predicate without reading the subject's other quads.
var subjectIndex = gkv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}}

// quadsOf returns the quads with subject subj and predicate pred, at most
// max of them when max > 0. An entity that many articles name has a few
// quads per article (its type, name, labels, mentions); quadsOf reads only
// those of one predicate. The caller holds s.mu.
func (s *Store) quadsOf(ctx context.Context, subj quad.Value, pred quad.IRI, max int) ([]quad.Quad, error) {
	it, err := s.subjectPredicate(ctx, subj, pred)
	if it == nil || err != nil {
		return nil, err
	}
	return s.collect(ctx, it.Iterate(), max, func(q quad.Quad) bool {
		// SQL stores answer a hash for a value they do not hold.
		return equalValue(q.Subject, subj) && equalValue(q.Predicate, pred)
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
	it, err := s.subjectPredicate(ctx, subj, pred)
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

// subjectPredicate returns the iterator of the quads with subject subj and
// predicate pred, or nil when the store holds neither: a scan of the
// (subject, predicate) index on a key-value store (bolt), else a query
// shape of both values, which a SQL store answers with one SELECT on its
// quads table and the memory store by intersecting its own indexes.
func (s *Store) subjectPredicate(ctx context.Context, subj quad.Value, pred quad.IRI) (iterator.Shape, error) {
	sref, err := s.qs.ValueOf(subj)
	if err != nil || sref == nil {
		return nil, err
	}
	pref, err := s.qs.ValueOf(pred)
	if err != nil || pref == nil {
		return nil, err
	}
	if kqs, ok := s.qs.(*gkv.QuadStore); ok {
		sv, ok1 := sref.(gkv.Int64Value)
		pv, ok2 := pref.(gkv.Int64Value)
		if ok1 && ok2 {
			return gkv.IndexScan{Index: subjectIndex, Values: []uint64{uint64(sv), uint64(pv)}}.BuildIterator(kqs), nil
		}
	}
	return buildQuadsIterator(ctx, s.qs, shape.Quads{
		{Dir: quad.Subject, Values: shape.Fixed{sref}},
		{Dir: quad.Predicate, Values: shape.Fixed{pref}},
	}), nil
}

// collect reads the quads of it that keep accepts, at most max of them when
// max > 0, and closes it. The caller holds s.mu.
func (s *Store) collect(ctx context.Context, it iterator.Scanner, max int, keep func(quad.Quad) bool) ([]quad.Quad, error) {
	defer it.Close()
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
