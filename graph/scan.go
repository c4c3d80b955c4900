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
// those of one predicate, where the store has the index for it (bolt), and
// filters the subject's quads elsewhere. The caller holds s.mu.
func (s *Store) quadsOf(ctx context.Context, subj quad.Value, pred quad.IRI, max int) ([]quad.Quad, error) {
	kqs, ok := s.qs.(*gkv.QuadStore)
	if !ok {
		return s.filterQuads(ctx, subj, pred, max)
	}
	sref, err := s.qs.ValueOf(subj)
	if err != nil || sref == nil {
		return nil, err
	}
	pref, err := s.qs.ValueOf(pred)
	if err != nil || pref == nil {
		return nil, err
	}
	sv, ok1 := sref.(gkv.Int64Value)
	pv, ok2 := pref.(gkv.Int64Value)
	if !ok1 || !ok2 {
		return s.filterQuads(ctx, subj, pred, max)
	}
	it := gkv.IndexScan{Index: subjectIndex, Values: []uint64{uint64(sv), uint64(pv)}}.BuildIterator(kqs).Iterate()
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return nil, err
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

// countQuadsOf returns the number of quads with subject subj and predicate
// pred. On an indexed store it counts index entries without reading the
// quads. The caller holds s.mu.
func (s *Store) countQuadsOf(ctx context.Context, subj quad.Value, pred quad.IRI) (int, error) {
	kqs, ok := s.qs.(*gkv.QuadStore)
	if !ok {
		qs, err := s.filterQuads(ctx, subj, pred, 0)
		return len(qs), err
	}
	sref, err := s.qs.ValueOf(subj)
	if err != nil || sref == nil {
		return 0, err
	}
	pref, err := s.qs.ValueOf(pred)
	if err != nil || pref == nil {
		return 0, err
	}
	sv, ok1 := sref.(gkv.Int64Value)
	pv, ok2 := pref.(gkv.Int64Value)
	if !ok1 || !ok2 {
		qs, err := s.filterQuads(ctx, subj, pred, 0)
		return len(qs), err
	}
	it := gkv.IndexScan{Index: subjectIndex, Values: []uint64{uint64(sv), uint64(pv)}}.BuildIterator(kqs).Iterate()
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

// filterQuads is quadsOf for stores without the key-value index: a query
// shape of both values, which a SQL store answers with one SELECT on its
// quads table, and the memory store by intersecting its own indexes.
func (s *Store) filterQuads(ctx context.Context, subj quad.Value, pred quad.IRI, max int) ([]quad.Quad, error) {
	sref, err := s.qs.ValueOf(subj)
	if err != nil || sref == nil {
		return nil, err
	}
	pref, err := s.qs.ValueOf(pred)
	if err != nil || pref == nil {
		return nil, err
	}
	sh := shape.Quads{
		{Dir: quad.Subject, Values: shape.Fixed{sref}},
		{Dir: quad.Predicate, Values: shape.Fixed{pref}},
	}
	it := buildQuadsIterator(ctx, s.qs, sh).Iterate()
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return nil, err
		}
		// SQL stores answer a hash for a value they do not hold.
		if !equalValue(q.Subject, subj) || !equalValue(q.Predicate, pred) {
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
