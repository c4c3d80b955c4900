package query

import (
	"net/http"
	"sync"
)

// The store keeps what it computed until it is written, and hands out the
// same value (a *graph.EntityRecord, a *graph.Subgraph) to every request
// that asks for it meanwhile. An answer made from such a value and the
// request's query string alone is the same for all of them, so its JSON is
// kept too, by the value's pointer: encoding an entity page of a few
// hundred kilobytes costs milliseconds, far more than the rest of a warm
// request. A write makes the store hand out new values, whose answers are
// new keys; the old ones age out.

// maxAnswerBytes bounds the JSON kept; beyond, the oldest answers go.
const maxAnswerBytes = 64 << 20

type answerKey struct {
	from  any    // the store's value the answer is made from
	query string // the request's raw query string
}

// answerCache keeps encoded answers, oldest first out.
type answerCache struct {
	mu    sync.Mutex
	body  map[answerKey][]byte
	order []answerKey
	bytes int
}

func newAnswerCache() *answerCache {
	return &answerCache{body: map[answerKey][]byte{}}
}

func (c *answerCache) get(k answerKey) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.body[k]
	return b, ok
}

func (c *answerCache) put(k answerKey, b []byte) {
	if len(b) > maxAnswerBytes/4 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.body[k]; ok {
		return
	}
	c.body[k] = b
	c.order = append(c.order, k)
	c.bytes += len(b)
	for c.bytes > maxAnswerBytes && len(c.order) > 0 {
		old := c.order[0]
		c.order = c.order[1:]
		c.bytes -= len(c.body[old])
		delete(c.body, old)
	}
}

// writeCachedJSON writes, with status 200, the answer build makes from
// from (a value the store shares) and the request's query string, encoding
// it only the first time. An error of build is returned, not kept.
func (s *server) writeCachedJSON(w http.ResponseWriter, r *http.Request, from any, build func() (any, error)) error {
	k := answerKey{from, r.URL.RawQuery}
	if body, ok := s.answers.get(k); ok {
		writeBody(w, http.StatusOK, body)
		return nil
	}
	v, err := build()
	if err != nil {
		return err
	}
	body, err := encodeJSON(v)
	if err != nil {
		s.logger.Error("encode response", "method", r.Method, "path", r.URL.Path, "err", err)
		writeBody(w, http.StatusInternalServerError, []byte(internalErrorJSON))
		return nil
	}
	s.answers.put(k, body)
	writeBody(w, http.StatusOK, body)
	return nil
}
