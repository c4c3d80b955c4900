package graph

import (
	"context"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	gkv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
)

// maxCachedValues bounds a valueCache: at about 200 bytes a value, some
// 50 MB at most, which hold the IRIs of every article and entity of a
// store of 100,000 articles.
const maxCachedValues = 1 << 18

// valueCache keeps a store's values by key (a SQL store's hash, a
// key-value store's ID), about the most recently used maxCachedValues of
// them: two generations of maps, the older dropped when the newer fills
// up. A key never names another value (a hash is of the value; a key-value
// store numbers values from a sequence and never gives a deleted value's
// ID to another), so an entry is never stale: a deleted value's entry is
// only never asked for again.
type valueCache[K comparable] struct {
	mu       sync.Mutex // guards cur and old
	cur, old map[K]quad.Value
}

func (c *valueCache[K]) get(k K) (quad.Value, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.getLocked(k)
}

func (c *valueCache[K]) getLocked(k K) (quad.Value, bool) {
	if v, ok := c.cur[k]; ok {
		return v, true
	}
	v, ok := c.old[k]
	if ok {
		c.putLocked(k, v)
	}
	return v, ok
}

func (c *valueCache[K]) put(k K, v quad.Value) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.putLocked(k, v)
}

func (c *valueCache[K]) putLocked(k K, v quad.Value) {
	if c.cur == nil || len(c.cur) >= maxCachedValues/2 {
		c.old, c.cur = c.cur, make(map[K]quad.Value)
	}
	c.cur[k] = v
}

// kvValuesOf returns the values of refs on a key-value store, reading
// those the cache does not hold in one transaction. A ref that is not a
// value ID has a nil value.
func kvValuesOf(ctx context.Context, qs *gkv.QuadStore, c *valueCache[gkv.Int64Value], refs []cgraph.Ref) ([]quad.Value, error) {
	out := make([]quad.Value, len(refs))
	var missing []cgraph.Ref
	var at []int
	c.mu.Lock()
	for i, r := range refs {
		id, ok := r.(gkv.Int64Value)
		if !ok {
			continue
		}
		if v, ok := c.getLocked(id); ok {
			out[i] = v
			continue
		}
		missing = append(missing, r)
		at = append(at, i)
	}
	c.mu.Unlock()
	if len(missing) == 0 {
		return out, nil
	}
	read, err := qs.ValuesOf(ctx, missing)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, v := range read {
		out[at[k]] = v
		if v != nil {
			c.putLocked(missing[k].(gkv.Int64Value), v)
		}
	}
	return out, nil
}
