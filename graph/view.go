package graph

import (
	"context"
	"errors"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
)

// These errors can occur in a View.
var (
	// ErrReadOnly is returned when a View is asked to write.
	ErrReadOnly = errors.New("the store is read-only here")
	// ErrViewClosed is returned when a View is used after its function
	// returned.
	ErrViewClosed = errors.New("the view of the store is closed")
)

// View calls fn with a read-only view of the Cayley quad store under s, so
// that Cayley's own query languages (Gizmo, GraphQL) can read it. It holds
// the store's read lock until fn returns, like every read of s.
//
// The view refuses to write (ErrReadOnly), and it closes when fn returns:
// a call on the view, or on an iterator it gave, that has not returned
// then is waited for, and every later call fails with ErrViewClosed or
// finds nothing. Cayley's Gizmo runs its script in a goroutine that may
// outlive the request that started it when the request times out; the
// view makes sure that goroutine never reads the store without the lock,
// which a writer could otherwise change under it (Cayley's memory store is
// not safe for concurrent use).
//
// fn must not call other methods of s: they take the lock again, which
// deadlocks if a writer waits in between.
func (s *Store) View(fn func(qs cgraph.QuadStore) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	v := &view{qs: s.qs, gate: &gate{}}
	defer v.gate.close()
	return fn(v)
}

// allIterators serializes the making of all-iterators (every node, every
// quad). Cayley's memory store sets a flag in itself when it makes one
// (memstore QuadStore.cloneAll), a write on which readers that share the
// read lock would race.
var allIterators sync.Mutex

// nodesAll and quadsAll make the all-iterators of qs; the caller holds
// the read lock of the Store.
func nodesAll(qs cgraph.QuadStore) iterator.Shape {
	allIterators.Lock()
	defer allIterators.Unlock()
	return qs.NodesAllIterator()
}

func quadsAll(qs cgraph.QuadStore) iterator.Shape {
	allIterators.Lock()
	defer allIterators.Unlock()
	return qs.QuadsAllIterator()
}

// gate lets calls through until it is closed, and close waits for the
// calls under way.
type gate struct {
	mu     sync.RWMutex // held for reading by each call, for writing by close
	closed bool         // guarded by mu
}

// enter reports whether a call may go on; if so the caller must leave.
func (g *gate) enter() bool {
	g.mu.RLock()
	if g.closed {
		g.mu.RUnlock()
		return false
	}
	return true
}

func (g *gate) leave() { g.mu.RUnlock() }

func (g *gate) close() {
	g.mu.Lock()
	g.closed = true
	g.mu.Unlock()
}

// view is the cgraph.QuadStore that View gives: every call goes through
// the gate, and every iterator it returns is wrapped the same way. It
// implements none of the optional interfaces of Cayley's stores, so that
// no optimizer swaps in an iterator of the store itself.
type view struct {
	qs   cgraph.QuadStore
	gate *gate
}

var _ cgraph.QuadStore = (*view)(nil)

func (v *view) ValueOf(val quad.Value) (refs.Ref, error) {
	if !v.gate.enter() {
		return nil, ErrViewClosed
	}
	defer v.gate.leave()
	return v.qs.ValueOf(val)
}

func (v *view) NameOf(r refs.Ref) (quad.Value, error) {
	if !v.gate.enter() {
		return nil, ErrViewClosed
	}
	defer v.gate.leave()
	return v.qs.NameOf(r)
}

func (v *view) Quad(r refs.Ref) (quad.Quad, error) {
	if !v.gate.enter() {
		return quad.Quad{}, ErrViewClosed
	}
	defer v.gate.leave()
	return v.qs.Quad(r)
}

func (v *view) QuadIterator(d quad.Direction, r refs.Ref) iterator.Shape {
	if !v.gate.enter() {
		return iterator.NewNull()
	}
	defer v.gate.leave()
	return &viewShape{s: v.qs.QuadIterator(d, r), gate: v.gate}
}

func (v *view) QuadIteratorSize(ctx context.Context, d quad.Direction, r refs.Ref) (refs.Size, error) {
	if !v.gate.enter() {
		return refs.Size{}, ErrViewClosed
	}
	defer v.gate.leave()
	return v.qs.QuadIteratorSize(ctx, d, r)
}

func (v *view) QuadDirection(r refs.Ref, d quad.Direction) (refs.Ref, error) {
	if !v.gate.enter() {
		return nil, ErrViewClosed
	}
	defer v.gate.leave()
	return v.qs.QuadDirection(r, d)
}

func (v *view) Stats(ctx context.Context, exact bool) (cgraph.Stats, error) {
	if !v.gate.enter() {
		return cgraph.Stats{}, ErrViewClosed
	}
	defer v.gate.leave()
	return v.qs.Stats(ctx, exact)
}

func (v *view) ApplyDeltas([]cgraph.Delta, cgraph.IgnoreOpts) error { return ErrReadOnly }

func (v *view) NewQuadWriter() (quad.WriteCloser, error) { return nil, ErrReadOnly }

func (v *view) NodesAllIterator() iterator.Shape {
	if !v.gate.enter() {
		return iterator.NewNull()
	}
	defer v.gate.leave()
	return &viewShape{s: nodesAll(v.qs), gate: v.gate}
}

func (v *view) QuadsAllIterator() iterator.Shape {
	if !v.gate.enter() {
		return iterator.NewNull()
	}
	defer v.gate.leave()
	return &viewShape{s: quadsAll(v.qs), gate: v.gate}
}

// Close does nothing: the store belongs to the Store, not to the view.
func (v *view) Close() error { return nil }

// viewShape is an iterator shape of the store, behind the gate.
type viewShape struct {
	s    iterator.Shape
	gate *gate
}

func (w *viewShape) String() string {
	if !w.gate.enter() {
		return "view(closed)"
	}
	defer w.gate.leave()
	return "view(" + w.s.String() + ")"
}

func (w *viewShape) Iterate() iterator.Scanner {
	if !w.gate.enter() {
		return iterator.NewNull().Iterate()
	}
	defer w.gate.leave()
	sc := w.s.Iterate()
	return &viewScanner{viewBase{b: sc, gate: w.gate}, sc}
}

func (w *viewShape) Lookup() iterator.Index {
	if !w.gate.enter() {
		return iterator.NewNull().Lookup()
	}
	defer w.gate.leave()
	ix := w.s.Lookup()
	return &viewIndex{viewBase{b: ix, gate: w.gate}, ix}
}

func (w *viewShape) Stats(ctx context.Context) (iterator.Costs, error) {
	if !w.gate.enter() {
		return iterator.Costs{}, ErrViewClosed
	}
	defer w.gate.leave()
	return w.s.Stats(ctx)
}

func (w *viewShape) Optimize(ctx context.Context) (iterator.Shape, bool) {
	if !w.gate.enter() {
		return w, false
	}
	defer w.gate.leave()
	s, changed := w.s.Optimize(ctx)
	if !changed {
		return w, false
	}
	return &viewShape{s: s, gate: w.gate}, true
}

func (w *viewShape) SubIterators() []iterator.Shape {
	if !w.gate.enter() {
		return nil
	}
	defer w.gate.leave()
	subs := w.s.SubIterators()
	out := make([]iterator.Shape, len(subs))
	for i, s := range subs {
		out[i] = &viewShape{s: s, gate: w.gate}
	}
	return out
}

// viewBase is the part of iterator.Base that scanners and indexes share.
type viewBase struct {
	b    iterator.Base
	gate *gate
	err  error // ErrViewClosed once a call found the gate closed
}

func (w *viewBase) String() string { return "view" }

func (w *viewBase) TagResults(m map[string]refs.Ref) {
	if !w.gate.enter() {
		return
	}
	defer w.gate.leave()
	w.b.TagResults(m)
}

func (w *viewBase) Result() refs.Ref {
	if !w.gate.enter() {
		return nil
	}
	defer w.gate.leave()
	return w.b.Result()
}

func (w *viewBase) NextPath(ctx context.Context) bool {
	if !w.gate.enter() {
		w.err = ErrViewClosed
		return false
	}
	defer w.gate.leave()
	return w.b.NextPath(ctx)
}

func (w *viewBase) Err() error {
	if w.err != nil {
		return w.err
	}
	if !w.gate.enter() {
		return ErrViewClosed
	}
	defer w.gate.leave()
	return w.b.Err()
}

func (w *viewBase) Close() error {
	if !w.gate.enter() {
		return nil
	}
	defer w.gate.leave()
	return w.b.Close()
}

type viewScanner struct {
	viewBase
	sc iterator.Scanner
}

func (w *viewScanner) Next(ctx context.Context) bool {
	if !w.gate.enter() {
		w.err = ErrViewClosed
		return false
	}
	defer w.gate.leave()
	return w.sc.Next(ctx)
}

type viewIndex struct {
	viewBase
	ix iterator.Index
}

func (w *viewIndex) Contains(ctx context.Context, r refs.Ref) bool {
	if !w.gate.enter() {
		w.err = ErrViewClosed
		return false
	}
	defer w.gate.leave()
	return w.ix.Contains(ctx, r)
}
