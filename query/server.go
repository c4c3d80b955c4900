package query

import (
	"context"
	"crypto/sha256"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/gorilla/mux"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/loader"
)

// RequestTimeout bounds the time one request may spend reading the store.
const RequestTimeout = 10 * time.Second

// Defaults of the limit on expensive requests (Options.MaxExpensive).
const (
	// DefaultMaxExpensive is twice the two cores the server is sized for:
	// a subgraph read is part waiting on the store, part computation.
	DefaultMaxExpensive  = 4
	DefaultExpensiveWait = 2 * time.Second
)

// Options are the limits of a server and, if any, its writer. A zero
// field means its default.
type Options struct {
	// QueryTimeout bounds the time of one query; a longer one is stopped
	// and answered 504. Default DefaultQueryTimeout.
	QueryTimeout time.Duration
	// MaxQueries is how many queries run at once; more are answered 503
	// at once. Default DefaultMaxQueries.
	MaxQueries int
	// MaxQueryBytes bounds the text of a query; a longer one is answered
	// 413. Default DefaultMaxQueryBytes.
	MaxQueryBytes int
	// MaxResultBytes bounds an answer: a longer one is cut after its last
	// whole array element and says "truncated": true, or is answered 413
	// when it cannot be cut. Default DefaultMaxResultBytes.
	MaxResultBytes int
	// MaxQueryHeap bounds how much the Go heap may grow while a query
	// runs; beyond, the query is stopped and answered 503. Gizmo's
	// JavaScript engine has no memory limit of its own. Default
	// DefaultMaxQueryHeap.
	MaxQueryHeap uint64

	// MaxExpensive is how many requests that read a subgraph of the whole
	// store (paths, network, export, partners, timeline) run at once. One
	// more waits for a turn up to ExpensiveWait, then is answered 503 with
	// Retry-After. Default DefaultMaxExpensive.
	MaxExpensive int
	// ExpensiveWait is how long such a request waits for a turn. A short
	// queue absorbs the bursts of the page, which asks for the network,
	// the partners and the timeline at once, while a sustained overload is
	// refused rather than queued for the whole RequestTimeout. Default
	// DefaultExpensiveWait.
	ExpensiveWait time.Duration

	// Writer and WriteToken open the write routes, POST
	// /api/v1/articles and DELETE /api/v1/articles/{id}, to the clients
	// that send "Authorization: Bearer WriteToken". Writes are open only
	// when both are set; otherwise the routes do not exist (see routes).
	Writer     Ingester
	WriteToken string
	// MaxArticleBytes bounds the body of a POST /api/v1/articles; a
	// longer one is answered 413. Default loader.DefaultMaxBytes.
	MaxArticleBytes int64
}

func (o *Options) withDefaults() Options {
	var d Options
	if o != nil {
		d = *o
	}
	if d.QueryTimeout <= 0 {
		d.QueryTimeout = DefaultQueryTimeout
	}
	if d.MaxQueries <= 0 {
		d.MaxQueries = DefaultMaxQueries
	}
	if d.MaxQueryBytes <= 0 {
		d.MaxQueryBytes = DefaultMaxQueryBytes
	}
	if d.MaxResultBytes <= 0 {
		d.MaxResultBytes = DefaultMaxResultBytes
	}
	if d.MaxQueryHeap == 0 {
		d.MaxQueryHeap = DefaultMaxQueryHeap
	}
	if d.MaxExpensive <= 0 {
		d.MaxExpensive = DefaultMaxExpensive
	}
	if d.ExpensiveWait <= 0 {
		d.ExpensiveWait = DefaultExpensiveWait
	}
	if d.MaxArticleBytes <= 0 {
		d.MaxArticleBytes = loader.DefaultMaxBytes
	}
	return d
}

// server answers the API's requests from a store.
type server struct {
	store  *graph.Store
	logger *slog.Logger
	router *mux.Router
	opts   Options
	// queries holds a token for each Cayley query under way.
	queries chan struct{}
	// answers keeps the JSON of answers made from what the store keeps.
	answers *answerCache
	// expensive holds a token for each expensive request under way (see
	// Options.MaxExpensive).
	expensive chan struct{}
	// writeTokenSum is the SHA-256 of Options.WriteToken, nil when writes
	// are closed.
	writeTokenSum []byte
}

// NewServer returns the handler of the HTTP API over store, with the
// default Options. It logs each request, and each failure the client
// cannot fix, to logger.
func NewServer(store *graph.Store, logger *slog.Logger) http.Handler {
	return NewServerWith(store, logger, nil)
}

// NewServerWith is NewServer with the given limits; nil means the
// defaults.
func NewServerWith(store *graph.Store, logger *slog.Logger, opts *Options) http.Handler {
	o := opts.withDefaults()
	s := &server{store: store, logger: logger, router: mux.NewRouter(), opts: o, answers: newAnswerCache(),
		queries: make(chan struct{}, o.MaxQueries), expensive: make(chan struct{}, o.MaxExpensive)}
	if o.Writer != nil && o.WriteToken != "" {
		sum := sha256.Sum256([]byte(o.WriteToken))
		s.writeTokenSum = sum[:]
	}
	s.routes()
	return s
}

// routes registers every route of the API.
//
// The write routes are registered only when writes are open. Closed, a
// POST or DELETE on an article path is answered 405 with "Allow: GET,
// HEAD", as by any read-only route: the resource exists but does not take
// that method, which is the truth. Not 404, which would say the article
// list is not there; not 401, which would tell a scan that a write
// endpoint exists and invite it to guess tokens.
func (s *server) routes() {
	r := s.router
	get := []string{http.MethodGet, http.MethodHead}
	r.HandleFunc("/health", s.handle(s.health)).Methods(get...)
	r.HandleFunc("/api/v1/entities", s.handle(s.searchEntities)).Methods(get...)
	r.HandleFunc("/api/v1/entities/{id}", s.handle(s.entity)).Methods(get...)
	r.HandleFunc("/api/v1/articles", s.handle(s.articles)).Methods(get...)
	r.HandleFunc("/api/v1/articles/{id}", s.handle(s.article)).Methods(get...)
	r.HandleFunc("/api/v1/stats", s.handle(s.stats)).Methods(get...)
	r.HandleFunc("/api/v1/partners", s.handle(s.limit(s.partners))).Methods(get...)
	r.HandleFunc("/api/v1/network", s.handle(s.limit(s.network))).Methods(get...)
	r.HandleFunc("/api/v1/paths", s.handle(s.limit(s.paths))).Methods(get...)
	r.HandleFunc("/api/v1/timeline", s.handle(s.limit(s.timeline))).Methods(get...)
	r.HandleFunc("/api/v1/export", s.handle(s.limit(s.export))).Methods(get...)
	r.HandleFunc("/api/v1/openapi.json", s.handle(s.openAPI)).Methods(get...)
	// Cayley's query languages, and no other route of Cayley's: its
	// /api/v2/read dumps the store and its write routes change it.
	r.HandleFunc("/api/v2/query", s.handle(s.cayleyQuery)).Methods(http.MethodGet, http.MethodPost)
	if s.writeTokenSum != nil {
		r.HandleFunc("/api/v1/articles", s.handle(s.authorized(s.postArticle))).Methods(http.MethodPost)
		r.HandleFunc("/api/v1/articles/{id}", s.handle(s.authorized(s.deleteArticle))).Methods(http.MethodDelete)
	}
	r.NotFoundHandler = s.handle(s.notFound)
	r.MethodNotAllowedHandler = s.handle(s.methodNotAllowed)
}

// ServeHTTP routes the request, logs it, and turns a panic in a handler
// into a 500.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusRecorder{ResponseWriter: w}
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			if rec.status == 0 {
				s.writeError(rec, r, fmt.Errorf("panic: %v\n%s", v, debug.Stack()))
			} else {
				s.logger.Error("panic after the response began", "method", r.Method, "path", r.URL.Path, "panic", v)
			}
		}
		s.logger.Info("request", "method", r.Method, "path", r.URL.Path, "query", r.URL.RawQuery,
			"status", rec.status, "duration", time.Since(start).Round(time.Microsecond))
	}()
	s.router.ServeHTTP(rec, r)
}

// statusRecorder remembers the status of a response for the request log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (rec *statusRecorder) WriteHeader(status int) {
	if rec.status == 0 {
		rec.status = status
	}
	rec.ResponseWriter.WriteHeader(status)
}

func (rec *statusRecorder) Write(b []byte) (int, error) {
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	return rec.ResponseWriter.Write(b)
}

// handlerFunc is a handler that returns its failure instead of writing it.
// It writes the response only when it returns nil.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// handle adapts h to http.HandlerFunc: it bounds the request's time and
// writes the error h returns, if any, as JSON.
func (s *server) handle(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), RequestTimeout)
		defer cancel()
		if err := h(w, r.WithContext(ctx)); err != nil {
			s.writeError(w, r, err)
		}
	}
}

// limit runs h when one of the Options.MaxExpensive turns is free, waiting
// up to Options.ExpensiveWait for one; then it answers 503 with
// Retry-After.
func (s *server) limit(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		wait := time.NewTimer(s.opts.ExpensiveWait)
		defer wait.Stop()
		select {
		case s.expensive <- struct{}{}:
			defer func() { <-s.expensive }()
		case <-wait.C:
			w.Header().Set("Retry-After", "1")
			return &requestError{http.StatusServiceUnavailable, fmt.Sprintf(
				"the server answers at most %d requests for a network, paths, partners, a timeline or an export at once, and as many are running; retry later",
				s.opts.MaxExpensive)}
		case <-r.Context().Done():
			return r.Context().Err()
		}
		return h(w, r)
	}
}

func (s *server) notFound(w http.ResponseWriter, r *http.Request) error {
	return &requestError{http.StatusNotFound, fmt.Sprintf("no route for path %q", r.URL.Path)}
}

func (s *server) methodNotAllowed(w http.ResponseWriter, r *http.Request) error {
	allowed := s.allowedMethods(r)
	w.Header().Set("Allow", strings.Join(allowed, ", "))
	return &requestError{http.StatusMethodNotAllowed,
		fmt.Sprintf("method %s is not allowed on %q (allowed: %s)", r.Method, r.URL.Path, strings.Join(allowed, ", "))}
}

// allowedMethods lists the methods some route accepts for r's path.
func (s *server) allowedMethods(r *http.Request) []string {
	var allowed []string
	_ = s.router.Walk(func(route *mux.Route, _ *mux.Router, _ []*mux.Route) error {
		methods, err := route.GetMethods()
		if err != nil {
			return nil // a route with no method restriction
		}
		for _, m := range methods {
			probe := r.Clone(r.Context())
			probe.Method = m
			if route.Match(probe, &mux.RouteMatch{}) && !slices.Contains(allowed, m) {
				allowed = append(allowed, m)
			}
		}
		return nil
	})
	return allowed
}
