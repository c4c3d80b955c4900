package query

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/query/gizmo"   // registers "gizmo"
	_ "github.com/cayleygraph/cayley/query/graphql" // registers "graphql"
	cayleyhttp "github.com/cayleygraph/cayley/server/http"
)

// Defaults of the limits on Cayley's query languages (Options).
const (
	DefaultQueryTimeout   = 2 * time.Second
	DefaultMaxQueries     = 2
	DefaultMaxQueryBytes  = 64 << 10
	DefaultMaxResultBytes = 1 << 20
	DefaultMaxQueryHeap   = 256 << 20
)

// cayleyLimit is the result limit given to Cayley. Gizmo's all() and
// MQL-like shapes respect it; getLimit, toArray, forEach and GraphQL do
// not (../shared/research/cayley.md, section 3), which is why the answer
// is also cut at MaxResultBytes.
const cayleyLimit = 100

// QueryLanguages are the query languages of Cayley that the server
// answers. LinkedQL and MQL are left out: LinkedQL ignores every limit.
var QueryLanguages = []string{"gizmo", "graphql"}

// These errors are the causes with which a Cayley query is stopped.
var (
	errQueryTimeout = errors.New("query timed out")
	errQueryMemory  = errors.New("query used too much memory")
)

// queryParams are the parameters of /api/v2/query.
type queryParams struct {
	Lang  string // lang: one of QueryLanguages
	Query string // qu (GET) or the body (POST)
}

// parseQuery reads a query request: lang from the query string, the
// query from qu (GET) or the body (POST), at most maxBytes of it (413
// beyond). Its errors are 400s naming the parameter, and 413.
func parseQuery(r *http.Request, maxBytes int) (queryParams, error) {
	var p queryParams
	v, err := parseForm(r.URL.RawQuery, "lang", "qu")
	if err != nil {
		return p, err
	}
	p.Lang = v.get("lang")
	if !slices.Contains(QueryLanguages, p.Lang) {
		return p, badRequest(`parameter "lang" must be one of %s; got %q`, strings.Join(QueryLanguages, ", "), truncate(p.Lang, 40))
	}
	switch r.Method {
	case http.MethodPost:
		if v.has("qu") {
			return p, badRequest(`parameter "qu" is for GET; with POST, the query is the body`)
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, int64(maxBytes)+1))
		if err != nil {
			return p, badRequest("cannot read the body: %v", err)
		}
		if len(body) > maxBytes {
			return p, tooLarge("the query is longer than %d bytes", maxBytes)
		}
		p.Query = string(body)
	default:
		p.Query = v.get("qu")
		if len(p.Query) > maxBytes {
			return p, tooLarge(`parameter "qu" is longer than %d bytes`, maxBytes)
		}
	}
	if strings.TrimSpace(p.Query) == "" {
		return p, badRequest(`the query is empty: give it in parameter "qu" (GET) or as the body (POST)`)
	}
	if !utf8.ValidString(p.Query) {
		return p, badRequest("the query is not valid UTF-8")
	}
	return p, nil
}

// cayleyQuery answers a query in one of Cayley's languages with Cayley's
// own handler, read-only, under the server's limits: at most MaxQueries at
// once (503 beyond), QueryTimeout each (504), a heap budget (503), and
// an answer of at most MaxResultBytes, cut beyond (see cutJSON) or 413 if
// it cannot be cut.
func (s *server) cayleyQuery(w http.ResponseWriter, r *http.Request) error {
	p, err := parseQuery(r, s.opts.MaxQueryBytes)
	if err != nil {
		return err
	}
	select {
	case s.queries <- struct{}{}:
		defer func() { <-s.queries }()
	default:
		w.Header().Set("Retry-After", "1")
		return &requestError{http.StatusServiceUnavailable,
			fmt.Sprintf("the server runs at most %d queries at once, and as many are running; retry later", s.opts.MaxQueries)}
	}

	ctx, cancel := context.WithTimeoutCause(r.Context(), s.opts.QueryTimeout, errQueryTimeout)
	defer cancel()
	ctx, stop := watchHeap(ctx, s.opts.MaxQueryHeap)
	defer stop()
	inner, err := http.NewRequestWithContext(ctx, http.MethodPost,
		"/api/v2/query?"+url.Values{"lang": {p.Lang}}.Encode(), strings.NewReader(p.Query))
	if err != nil {
		return err
	}
	if accept := r.Header.Get("Accept"); accept != "" {
		inner.Header.Set("Accept", accept)
	}
	rec := &cappedRecorder{header: http.Header{}, max: s.opts.MaxResultBytes}
	err = s.store.View(func(qs cgraph.QuadStore) error {
		api := cayleyhttp.NewAPIv2(&cgraph.Handle{QuadStore: qs})
		api.SetReadOnly(true)
		api.SetQueryTimeout(s.opts.QueryTimeout)
		api.SetQueryLimit(cayleyLimit)
		api.ServeQuery(rec, inner)
		return nil
	})
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		switch cause := context.Cause(ctx); cause {
		case errQueryTimeout:
			return &requestError{http.StatusGatewayTimeout, fmt.Sprintf(
				"the query ran longer than %s and was stopped; bound it (gizmo: limit(n), getLimit(n); graphql: first: n)", s.opts.QueryTimeout)}
		case errQueryMemory:
			return &requestError{http.StatusServiceUnavailable, fmt.Sprintf(
				"the query was stopped: the server's memory grew by more than %d MiB while it ran", s.opts.MaxQueryHeap>>20)}
		default:
			return fmt.Errorf("cayley query: %w", cause)
		}
	}
	return s.writeQueryAnswer(w, r, p.Lang, rec)
}

// writeQueryAnswer writes what Cayley answered: its errors as ours, and
// its results as they are, or cut.
func (s *server) writeQueryAnswer(w http.ResponseWriter, r *http.Request, lang string, rec *cappedRecorder) error {
	body := rec.body.Bytes()
	if msg, ok := cayleyError(rec.status, body); ok {
		return badRequest("%s: %s", lang, msg)
	}
	truncated := false
	if rec.overflow {
		cut, err := cutJSON(body)
		if err != nil {
			return tooLarge("the answer is larger than %d bytes; bound the query (gizmo: limit(n), getLimit(n); graphql: first: n)", s.opts.MaxResultBytes)
		}
		body, truncated = cut, true
	}
	h := w.Header()
	h.Set("Content-Type", cmp.Or(rec.header.Get("Content-Type"), "application/json"))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Result-Truncated", strconv.FormatBool(truncated))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
	return nil
}

// cayleyError returns the message of an error answer of Cayley: a non-200
// status with {"error": M} (Gizmo, and Cayley's handler itself), or
// GraphQL's {"data": null, "errors": [{"message": M}]}.
func cayleyError(status int, body []byte) (string, bool) {
	var e struct {
		Error  json.RawMessage `json:"error"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	parsed := json.Unmarshal(body, &e) == nil
	if status != 0 && status != http.StatusOK {
		var msg string
		if parsed && json.Unmarshal(e.Error, &msg) == nil && msg != "" {
			return msg, true
		}
		return http.StatusText(status), true
	}
	if parsed && len(e.Errors) > 0 {
		return e.Errors[0].Message, true
	}
	return "", false
}

// cappedRecorder is the http.ResponseWriter Cayley writes to: it keeps the
// status, the header, and the first max bytes of the body, and drops the
// rest, noting that it did.
type cappedRecorder struct {
	header   http.Header
	status   int
	body     bytes.Buffer
	max      int
	overflow bool
}

func (c *cappedRecorder) Header() http.Header { return c.header }

func (c *cappedRecorder) WriteHeader(status int) {
	if c.status == 0 {
		c.status = status
	}
}

func (c *cappedRecorder) Write(p []byte) (int, error) {
	if room := c.max - c.body.Len(); len(p) > room {
		c.body.Write(p[:max(room, 0)])
		c.overflow = true
		return len(p), nil
	}
	return c.body.Write(p)
}
