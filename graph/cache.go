package graph

import (
	"context"
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
// Concurrent requests for the same answer compute it once. A write through
// another process (several processes may share a SQL store) is not seen
// until this one writes or restarts; CacheTTL bounds how long an answer
// is kept, so that such writes show within it.
//
// A cached answer is shared by its callers, which must not change it.

// CacheTTL bounds how long a computed answer is kept.
const CacheTTL = 5 * time.Minute

// cacheEntries bounds the answers kept; beyond, the oldest go.
const cacheEntries = 512

// computeTimeout bounds a computation that a request started: it goes on
// after the request gives up, so that the next one finds the answer, but
// not beyond this.
const computeTimeout = 2 * time.Minute

type readCache struct {
	mu       sync.Mutex
	gen      uint64 // incremented by every write
	answers  map[string]*answer
	order    []string // keys of answers, oldest first
	articles map[quad.Value]ArticleRef
	names    map[ID]string
}

// answer is a computed (or computing) answer of a read.
type answer struct {
	done    chan struct{} // closed when val and err are set
	val     any
	err     error
	gen     uint64
	created time.Time
}

func newReadCache() *readCache {
	return &readCache{answers: map[string]*answer{}, articles: map[quad.Value]ArticleRef{}, names: map[ID]string{}}
}

// written forgets what a write of the articles with these labels may have
// changed. The caller holds the store's write lock.
func (c *readCache) written(labels ...quad.Value) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	clear(c.answers)
	c.order = c.order[:0]
	clear(c.names)
	for _, l := range labels {
		delete(c.articles, l)
	}
}

// memo returns the answer cached under key, computing it with compute if
// there is none. Callers asking for one key at once wait for one
// computation. compute runs with a context that the caller's cancellation
// does not stop (bounded by computeTimeout); a caller whose ctx ends
// returns ctx.Err() without waiting. Errors are not cached.
func memo[T any](ctx context.Context, c *readCache, key string, compute func(context.Context) (T, error)) (T, error) {
	var zero T
	c.mu.Lock()
	a := c.answers[key]
	if a != nil && time.Since(a.created) > CacheTTL {
		a = nil
	}
	if a == nil {
		a = &answer{done: make(chan struct{}), gen: c.gen, created: time.Now()}
		c.put(key, a)
		c.mu.Unlock()
		go func() {
			cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), computeTimeout)
			defer cancel()
			a.val, a.err = compute(cctx)
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
