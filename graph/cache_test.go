package graph

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestReadsSeeEveryWrite checks that the answers a store keeps are
// forgotten when it is written: each read after a Put or a Remove sees it,
// on every backend.
func TestReadsSeeEveryWrite(t *testing.T) {
	ctx := context.Background()
	for name, s := range openTestStores(t) {
		t.Run(name, func(t *testing.T) {
			if _, err := s.Put(ctx, sampleArticle("a1", "fr", "ONUDC")); err != nil {
				t.Fatal(err)
			}
			sources := func() int {
				t.Helper()
				rec, err := s.Entity(ctx, "unodc")
				if err != nil {
					t.Fatal(err)
				}
				n := 0
				for _, e := range rec.In {
					n += len(e.Sources)
				}
				return n
			}
			articles := func() int {
				t.Helper()
				refs, err := s.Articles(ctx)
				if err != nil {
					t.Fatal(err)
				}
				return len(refs)
			}
			if got := sources(); got != 1 {
				t.Fatalf("after one article: %d sources, want 1", got)
			}
			articles()
			if _, err := s.PutBatch(ctx, []*Article{sampleArticle("a2", "en", "UNODC"), sampleArticle("a3", "ar", "UNODC")}); err != nil {
				t.Fatal(err)
			}
			if got := sources(); got != 3 {
				t.Errorf("after a batch of two more: %d sources, want 3", got)
			}
			if got := articles(); got != 3 {
				t.Errorf("after a batch of two more: %d articles, want 3", got)
			}
			if _, err := s.Remove(ctx, "a2"); err != nil {
				t.Fatal(err)
			}
			if got := sources(); got != 2 {
				t.Errorf("after removing one: %d sources, want 2", got)
			}
			if got := articles(); got != 2 {
				t.Errorf("after removing one: %d articles, want 2", got)
			}
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st.Articles != 2 {
				t.Errorf("Stats: %d articles, want 2", st.Articles)
			}
		})
	}
}

func TestPutBatchRefusesDuplicates(t *testing.T) {
	s, err := Open("memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.PutBatch(context.Background(), []*Article{sampleArticle("a1", "fr", "ONUDC"), sampleArticle("a1", "en", "UNODC")})
	if !errors.Is(err, ErrDuplicateInBatch) {
		t.Fatalf("got %v, want ErrDuplicateInBatch", err)
	}
	if refs, _ := s.Articles(context.Background()); len(refs) != 0 {
		t.Errorf("a refused batch wrote %d articles", len(refs))
	}
}

// TestMemoComputesOnce checks that callers asking for one answer at once
// share one computation, that a caller who gives up does not stop it, and
// that errors are not kept.
func TestMemoComputesOnce(t *testing.T) {
	c := newReadCache(nil)
	var calls atomic.Int32
	release := make(chan struct{})
	compute := func(ctx context.Context) (int, error) {
		calls.Add(1)
		<-release
		return 42, nil
	}
	// One caller gives up at once; the computation goes on.
	gone, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := memo(gone, c, "k", compute); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled caller: %v", err)
	}
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			v, err := memo(context.Background(), c, "k", compute)
			if err != nil || v != 42 {
				t.Errorf("got %d, %v", v, err)
			}
		})
	}
	time.Sleep(10 * time.Millisecond)
	close(release)
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Errorf("computed %d times, want 1", n)
	}

	fails := 0
	failing := func(ctx context.Context) (int, error) { fails++; return 0, errors.New("boom") }
	for range 2 {
		if _, err := memo(context.Background(), c, "bad", failing); err == nil {
			t.Fatal("want the error")
		}
	}
	if fails != 2 {
		t.Errorf("a failed computation was kept: %d calls, want 2", fails)
	}
	c.written()
	memo(context.Background(), c, "k", func(context.Context) (int, error) { calls.Add(1); return 1, nil })
	if n := calls.Load(); n != 2 {
		t.Errorf("after a write, computed %d times in all, want 2", n)
	}
}

// TestStatsOfAnEmptyStore checks that a store nothing was written to
// counts nothing, rather than failing: Cayley's key-value stores keep no
// count until their first write.
func TestStatsOfAnEmptyStore(t *testing.T) {
	for name, s := range openTestStores(t) {
		t.Run(name, func(t *testing.T) {
			st, err := s.Stats(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if st.Quads != 0 || st.Articles != 0 || st.Entities != 0 {
				t.Errorf("empty store: %+v", st)
			}
		})
	}
}
