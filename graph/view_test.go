package graph

import (
	"context"
	"errors"
	"sync"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/quad"
)

func TestViewIsReadOnly(t *testing.T) {
	s := worldStore(t)
	err := s.View(func(qs cgraph.QuadStore) error {
		q := quad.Make(quad.IRI("s"), quad.IRI("p"), quad.IRI("o"), nil)
		if err := qs.ApplyDeltas([]cgraph.Delta{{Quad: q, Action: cgraph.Add}}, cgraph.IgnoreOpts{}); !errors.Is(err, ErrReadOnly) {
			t.Errorf("ApplyDeltas: %v, want ErrReadOnly", err)
		}
		if _, err := qs.NewQuadWriter(); !errors.Is(err, ErrReadOnly) {
			t.Errorf("NewQuadWriter: %v, want ErrReadOnly", err)
		}
		ref, err := qs.ValueOf(quad.IRI(EntityIRI("law")))
		if err != nil || ref == nil {
			t.Fatalf("ValueOf(law) = %v, %v", ref, err)
		}
		n := 0
		it := qs.QuadIterator(quad.Subject, ref).Iterate()
		defer it.Close()
		for it.Next(context.Background()) {
			n++
		}
		if n == 0 {
			t.Error("the view finds no quad of law")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestViewClosesWithItsFunction: what outlives fn, as Gizmo's goroutine
// does when a query times out, cannot read the store any more, even while
// a writer changes it (run with -race).
func TestViewClosesWithItsFunction(t *testing.T) {
	s := worldStore(t)
	ctx := context.Background()
	var (
		leaked  cgraph.QuadStore
		scanner iterator.Scanner
	)
	started := make(chan struct{})
	done := make(chan error, 1)
	stop := make(chan struct{})
	_ = s.View(func(qs cgraph.QuadStore) error {
		leaked = qs
		scanner = qs.QuadsAllIterator().Iterate()
		go func() {
			// A reader that goes on after fn returns.
			close(started)
			for {
				select {
				case <-stop:
					done <- nil
					return
				default:
				}
				ref, err := qs.ValueOf(quad.IRI(EntityIRI("ev1")))
				if errors.Is(err, ErrViewClosed) {
					continue
				}
				if err != nil {
					done <- err
					return
				}
				it := qs.QuadIterator(quad.Subject, ref).Iterate()
				for it.Next(ctx) {
					_, _ = qs.Quad(it.Result())
				}
				it.Close()
			}
		}()
		<-started
		return nil
	})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 20; i++ {
			a := *worldFR
			a.Relations = a.Relations[:len(a.Relations)-i%3]
			if _, err := s.Put(ctx, &a); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	wg.Wait()
	close(stop)
	if err := <-done; err != nil {
		t.Fatal(err)
	}

	if _, err := leaked.ValueOf(quad.IRI(EntityIRI("ev1"))); !errors.Is(err, ErrViewClosed) {
		t.Errorf("ValueOf after the view closed: %v, want ErrViewClosed", err)
	}
	if scanner.Next(ctx) || !errors.Is(scanner.Err(), ErrViewClosed) {
		t.Errorf("an iterator of a closed view goes on: err %v", scanner.Err())
	}
	if _, err := s.Entity(ctx, "ev1"); err != nil {
		t.Errorf("the store after the view: %v", err)
	}
}
