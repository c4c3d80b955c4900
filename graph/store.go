package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	gkv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
)

// Schemes lists the store URL schemes Open accepts.
var Schemes = []string{"bolt:PATH", "memory:", "postgres://USER@HOST:PORT/DB", "cockroach://USER@HOST:PORT/DB"}

// DefaultURL is the store used when none is given: a bolt store in the
// working directory.
const DefaultURL = "bolt:actorgraph.db"

// Store is a graph of articles' facts kept in a Cayley quad store. Each
// article's quads carry the article's IRI as their label, so that writing
// an article again replaces exactly what it said before.
//
// A Store is safe for concurrent use.
type Store struct {
	url string // as opened, with any password masked

	// mu guards qs: readers share it, a write holds it alone. Cayley's bolt
	// backend can deadlock when one goroutine reads while another commits,
	// and its memory store is not safe for concurrent use at all.
	mu sync.RWMutex
	qs cgraph.QuadStore

	cache  *readCache                 // what reads computed; see cache.go
	values valueCache[gkv.Int64Value] // a key-value store's values by ID; see values.go
}

// Open opens the store named by url, creating it if it does not exist:
//
//   - "bolt:PATH" for an embedded store in the directory PATH;
//   - "memory:" for a store that lives as long as the process;
//   - "postgres://USER[:PASSWORD]@HOST:PORT/DB?sslmode=disable" (or
//     postgresql://) for a PostgreSQL database, and
//     "cockroach://USER@HOST:26257/DB?sslmode=..." for a CockroachDB one.
//     The database must exist; Open creates the tables on first use, in the
//     first schema of the search path (a search_path=NAME parameter in the
//     URL chooses another). Several processes may share a SQL store.
func Open(url string) (*Store, error) {
	scheme, rest, _ := strings.Cut(url, ":")
	shown := redactURL(url)
	var (
		qs  cgraph.QuadStore
		err error
	)
	switch scheme {
	case "memory":
		qs, err = cgraph.NewQuadStore("memstore", "", nil)
	case "bolt":
		if rest == "" {
			return nil, fmt.Errorf("open store %q: bolt needs a path, as in bolt:actorgraph.db", url)
		}
		qs, err = openKV(boltBackend, rest)
	case "postgres", "postgresql", "cockroach":
		qs, err = openSQL(scheme, url)
	default:
		return nil, fmt.Errorf("open store %q: %w (supported: %s)", shown, ErrUnknownScheme, strings.Join(Schemes, ", "))
	}
	if err != nil {
		return nil, fmt.Errorf("open store %q: %w", shown, err)
	}
	return &Store{url: shown, qs: qs, cache: newReadCache(qs)}, nil
}

func openKV(backend, path string) (cgraph.QuadStore, error) {
	// no_bloom: Cayley otherwise allocates about 1 GB of bloom filters and
	// scans the whole quad log at every open.
	opts := cgraph.Options{"no_bloom": true}
	if err := cgraph.InitQuadStore(backend, path, opts); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		return nil, err
	}
	return cgraph.NewQuadStore(backend, path, opts)
}

// URL returns the URL the store was opened with, with any password masked.
func (s *Store) URL() string { return s.url }

// Close releases the store.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.qs.Close()
}

// PutResult tells what a Put changed.
type PutResult struct {
	Quads   int // quads the article has now
	Added   int // quads written
	Removed int // quads of the article's previous version deleted
}

// Put writes the facts of article a, replacing whatever an earlier Put of
// an article with the same ID wrote, in one transaction: on error the store
// is as it was.
func (s *Store) Put(ctx context.Context, a *Article) (PutResult, error) {
	res, err := s.PutBatch(ctx, []*Article{a})
	if err != nil {
		return PutResult{}, err
	}
	return res[0], nil
}

// PutBatch writes the facts of several articles, each replacing what an
// earlier Put of an article with its ID wrote, in one transaction: on error
// the store is as it was, and none of them is written. Writing articles in
// batches is much faster than one by one, since each transaction is
// written to disk (or sent to the database) once. No two articles of a
// batch may have the same ID.
func (s *Store) PutBatch(ctx context.Context, arts []*Article) ([]PutResult, error) {
	seen := make(map[string]bool, len(arts))
	wants := make([][]quad.Quad, len(arts))
	labels := make([]quad.Value, len(arts))
	for i, a := range arts {
		if err := a.Validate(); err != nil {
			return nil, fmt.Errorf("put article: %w", err)
		}
		if seen[a.ID] {
			return nil, fmt.Errorf("put article %q: %w", a.Name, ErrDuplicateInBatch)
		}
		seen[a.ID] = true
		wants[i] = articleQuads(a)
		labels[i] = articleIRI(a.ID)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	results := make([]PutResult, len(arts))
	var deltas []cgraph.Delta
	for i, a := range arts {
		have, err := s.labelled(ctx, labels[i].(quad.IRI))
		if err != nil {
			return nil, fmt.Errorf("put article %q: read previous version: %w", a.Name, err)
		}
		d, res := diff(have, wants[i])
		res.Quads = len(wants[i])
		results[i] = res
		deltas = append(deltas, d...)
	}
	if len(deltas) == 0 {
		return results, nil
	}
	s.cache.written(labels...)
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
		if len(arts) == 1 {
			return nil, fmt.Errorf("put article %q: %w", arts[0].Name, err)
		}
		return nil, fmt.Errorf("put %d articles: %w", len(arts), err)
	}
	return results, nil
}

// Remove deletes everything the article with the given ID said. Facts that
// other articles also state stay, supported by those. It returns the number
// of quads deleted, and ErrNotFound if the store has no such article.
func (s *Store) Remove(ctx context.Context, articleID string) (int, error) {
	label := articleIRI(articleID)
	s.mu.Lock()
	defer s.mu.Unlock()
	have, err := s.labelled(ctx, label)
	if err != nil {
		return 0, fmt.Errorf("remove article %q: %w", articleID, err)
	}
	if len(have) == 0 {
		return 0, fmt.Errorf("remove article %q: %w", articleID, ErrNotFound)
	}
	deltas, res := diff(have, nil)
	s.cache.written(label)
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
		return 0, fmt.Errorf("remove article %q: %w", articleID, err)
	}
	return res.Removed, nil
}

// labelled returns the quads whose label is the given IRI. The caller
// holds s.mu.
func (s *Store) labelled(ctx context.Context, label quad.IRI) ([]quad.Quad, error) {
	return s.quadsWith(ctx, quad.Label, label, 0)
}

// quadsWith returns the quads whose direction d is v, at most max of them
// when max > 0. The caller holds s.mu.
func (s *Store) quadsWith(ctx context.Context, d quad.Direction, v quad.Value, max int) ([]quad.Quad, error) {
	ref, err := s.qs.ValueOf(v)
	if err != nil || ref == nil {
		return nil, err
	}
	var known [4]quad.Value
	known[d-1] = v
	return s.collect(ctx, s.qs.QuadIterator(d, ref).Iterate(), max, known, func(q quad.Quad) bool {
		return q.Get(d) != nil && equalValue(q.Get(d), v) // SQL backends return a hash for values they do not hold
	})
}

func equalValue(a, b quad.Value) bool {
	return quad.StringOf(a) == quad.StringOf(b)
}

// diff returns the deltas that turn the quads have into want.
func diff(have, want []quad.Quad) ([]cgraph.Delta, PutResult) {
	var res PutResult
	inWant := make(map[quad.Quad]bool, len(want))
	for _, q := range want {
		inWant[q] = true
	}
	inHave := make(map[quad.Quad]bool, len(have))
	var deltas []cgraph.Delta
	for _, q := range have {
		inHave[q] = true
		if !inWant[q] {
			deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Delete})
			res.Removed++
		}
	}
	for _, q := range want {
		if !inHave[q] {
			deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
			res.Added++
		}
	}
	return deltas, res
}

// Stats are the counts of what a store holds.
type Stats struct {
	Articles   int               `json:"articles"`
	Entities   int               `json:"entities"`
	Relations  int               `json:"relations"`
	Quads      int64             `json:"quads"`
	ByType     map[Type]int      `json:"by_type"`
	ByRelation map[Predicate]int `json:"by_predicate"`
}

// Stats counts the store's articles, entities by type, distinct relations
// by predicate and quads. The counts are exact and deterministic.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	return memo(ctx, s.cache, "stats", s.stats)
}

func (s *Store) stats(ctx context.Context) (Stats, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	st := Stats{ByType: map[Type]int{}, ByRelation: map[Predicate]int{}}
	cs, err := s.qs.Stats(ctx, true)
	switch {
	case errors.Is(err, gkv.ErrNoBucket):
		// Cayley's key-value stores keep their count from the first
		// write on: a store never written to has none.
		return st, nil
	case err != nil:
		return st, fmt.Errorf("stats: %w", err)
	}
	st.Quads = cs.Quads.Value
	types, err := s.quadsWith(ctx, quad.Predicate, quad.IRI(rdfType), 0)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	entityType := map[quad.Value]Type{}
	for _, q := range types {
		if t, ok := typeOfIRI(q.Object); ok {
			entityType[q.Subject] = t
		} else if quad.StringOf(q.Object) == quad.IRI(classArticle).String() {
			st.Articles++
		}
	}
	for _, t := range entityType {
		st.ByType[t]++
		st.Entities++
	}
	for _, p := range Predicates {
		qs, err := s.quadsWith(ctx, quad.Predicate, quad.IRI(predicateIRIs[p]), 0)
		if err != nil {
			return st, fmt.Errorf("stats: %w", err)
		}
		seen := map[[2]string]bool{}
		for _, q := range qs {
			if _, ok := entityType[q.Subject]; !ok {
				continue
			}
			seen[[2]string{quad.StringOf(q.Subject), quad.StringOf(q.Object)}] = true
		}
		if len(seen) > 0 {
			st.ByRelation[p] = len(seen)
			st.Relations += len(seen)
		}
	}
	return st, nil
}

func typeOfIRI(v quad.Value) (Type, bool) {
	iri, ok := v.(quad.IRI)
	if !ok {
		return "", false
	}
	for t, s := range typeIRIs {
		if string(iri) == s {
			return t, true
		}
	}
	return "", false
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
