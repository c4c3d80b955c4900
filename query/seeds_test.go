package query

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/loader"
	"github.com/actorgraph/actorgraph/loader/lexicon"
)

// seedsDir is the folder of the five sample articles.
const seedsDir = "../testdata/articles"

var seedStore struct {
	once  sync.Once
	store *graph.Store
	err   error
}

// loadSeeds returns a memory store holding the seed articles as the loader
// extracts them, shared by the tests, which only read it.
func loadSeeds(t testing.TB) *graph.Store {
	t.Helper()
	seedStore.once.Do(func() {
		seedStore.store, seedStore.err = storeOf(context.Background(), seedsDir)
	})
	if seedStore.err != nil {
		t.Fatal(seedStore.err)
	}
	return seedStore.store
}

// storeOf extracts the articles under dir with the built-in lexicon, as
// actorgraph load does, into a new memory store.
func storeOf(ctx context.Context, dir string) (*graph.Store, error) {
	lex, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	x, err := loader.NewExtractor(lex)
	if err != nil {
		return nil, err
	}
	var arts []*loader.Article
	var problem error
	err = loader.Walk(ctx, []string{dir}, loader.ReadOptions{}, nil,
		func(a *loader.Article) error { arts = append(arts, a); return nil },
		func(err error) { problem = err })
	if err != nil {
		return nil, err
	}
	if problem != nil {
		return nil, problem
	}
	store, err := graph.Open("memory:")
	if err != nil {
		return nil, err
	}
	for _, a := range x.ExtractAll(arts) {
		if _, err := store.Put(ctx, a); err != nil {
			return nil, err
		}
	}
	return store, nil
}

// seedServer serves the API over the seeds on a real HTTP server on the
// loopback, and returns its URL.
func seedServer(t *testing.T, opts *Options) string {
	t.Helper()
	srv := httptest.NewServer(NewServerWith(loadSeeds(t), slog.New(slog.NewTextHandler(io.Discard, nil)), opts))
	t.Cleanup(srv.Close)
	return srv.URL
}

var _ = http.MethodGet
