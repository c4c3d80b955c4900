package graph

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/cayleygraph/quad"
)

// Reads of a Cayley store are slow: each quad costs a few microseconds to
// decode, and an entity that many articles name (a country, a national
// commission) has tens of thousands. So a Store keeps what its reads
// computed, for as long as it is not written:
//
//   - the answers of Entity, Subgraph, Articles and Stats, by their
//     arguments, until the next write (any write may change any of them);
//   - each article's metadata (ArticleRef), until that article is written
//     again or removed;
//   - each entity's name, as the far end of an edge, until the next write.
//
// Concurrent requests for the same answer compute it once. Several
// processes may share a SQL store: before each read, a PostgreSQL store
// asks the database for its count of changes (a trigger keeps it, see
// sqlVersionSchema) and forgets everything when another process wrote; a
// CockroachDB store forgets everything before each read.
//
// A cached answer is shared by its callers, which must not change it.

// cacheEntries bounds the answers kept; beyond, the oldest go.
const cacheEntries = 512

// maxComputing bounds the computations under way at once; more wait. A
// few slow ones (a hub's subgraph in a big store) must not hold up the
// quick ones behind them, so it is well above the number of CPUs.
var maxComputing = 4 * max(2, runtime.GOMAXPROCS(0))

// computeTimeout bounds a computation that a request started: it goes on
// after the request gives up, so that the next one finds the answer, but
// not beyond this.
const computeTimeout = 2 * time.Minute

type readCache struct {
	mu       sync.Mutex
	version  int64 // the store's count of changes the entries are of (SQL stores)
	answers  map[string]*answer
	order    []string // keys of answers, oldest first
	articles map[quad.Value]ArticleRef
	names    map[ID]string
	qs       any // the store's quad store, asked for its version
	// computing holds a token for each computation under way: they go on
	// after the requests that started them give up, and must not pile up.
	computing chan struct{}
}

// answer is a computed (or computing) answer of a read.
type answer struct {
	done chan struct{} // closed when val and err are set
	val  any
	err  error
}

func newReadCache(qs any) *readCache {
	return &readCache{answers: map[string]*answer{}, articles: map[quad.Value]ArticleRef{}, names: map[ID]string{}, qs: qs,
		computing: make(chan struct{}, maxComputing)}
}

// written forgets what a write of the articles with these labels may have
// changed. The caller holds the store's write lock.
func (c *readCache) written(labels ...quad.Value) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.forgetAnswers()
	for _, l := range labels {
		delete(c.articles, l)
	}
}

// forgetAnswers drops the answers and names kept. The caller holds c.mu.
func (c *readCache) forgetAnswers() {
	clear(c.answers)
	c.order = c.order[:0]
	clear(c.names)
}

// memo returns the answer cached under key, computing it with compute if
// there is none. Callers asking for one key at once wait for one
// computation. compute runs with a context that the caller's cancellation
// does not stop (bounded by computeTimeout); a caller whose ctx ends
// returns ctx.Err() without waiting. Errors are not cached.
func memo[T any](ctx context.Context, c *readCache, key string, compute func(context.Context) (T, error)) (T, error) {
	var zero T
	if err := c.refresh(ctx); err != nil {
		return zero, err
	}
	c.mu.Lock()
	a := c.answers[key]
	if a == nil {
		a = &answer{done: make(chan struct{})}
		c.put(key, a)
		c.mu.Unlock()
		go func() {
			cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), computeTimeout)
			defer cancel()
			select {
			case c.computing <- struct{}{}:
				a.val, a.err = compute(cctx)
				<-c.computing
			case <-cctx.Done():
				a.err = cctx.Err()
			}
			c.mu.Lock()
			if a.err != nil && c.answers[key] == a {
				delete(c.answers, key)
			}
			c.mu.Unlock()
			close(a.done)
		}()
	} else {
		c.mu.Unlock()
	}
	select {
	case <-a.done:
	case <-ctx.Done():
		return zero, ctx.Err()
	}
	if a.err != nil {
		return zero, a.err
	}
	return a.val.(T), nil
}

// put keeps a under key, dropping the oldest answers beyond cacheEntries.
// The caller holds c.mu.
func (c *readCache) put(key string, a *answer) {
	if _, ok := c.answers[key]; !ok {
		c.order = append(c.order, key)
	}
	c.answers[key] = a
	for len(c.answers) > cacheEntries && len(c.order) > 0 {
		delete(c.answers, c.order[0])
		c.order = c.order[1:]
	}
}

// versioned is a store that counts the changes to its quads, by any
// process.
type versioned interface {
	version(ctx context.Context) (n int64, ok bool, err error)
}

// refresh forgets what the cache holds if the store has changed since it
// was kept, when the store can tell (SQL stores; in the others, every
// write goes through this process, which tells the cache itself).
func (c *readCache) refresh(ctx context.Context) error {
	v, ok := c.qs.(versioned)
	if !ok {
		return nil
	}
	n, counted, err := v.version(ctx)
	if err != nil {
		return fmt.Errorf("read the store's version: %w", err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if counted && n == c.version {
		return nil
	}
	c.version = n
	c.forgetAnswers()
	clear(c.articles)
	return nil
}

func (c *readCache) article(node quad.Value) (ArticleRef, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ref, ok := c.articles[node]
	return ref, ok
}

func (c *readCache) keepArticle(node quad.Value, ref ArticleRef) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.articles[node] = ref
}

func (c *readCache) name(id ID) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n, ok := c.names[id]
	return n, ok
}

func (c *readCache) keepName(id ID, name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.names[id] = name
}
