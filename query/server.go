package query

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/gorilla/mux"

	"github.com/actorgraph/actorgraph/graph"
)

// RequestTimeout bounds the time one request may spend reading the store.
const RequestTimeout = 10 * time.Second

// server answers the API's requests from a store.
type server struct {
	store  *graph.Store
	logger *slog.Logger
	router *mux.Router
}

// NewServer returns the handler of the HTTP API over store. It logs each
// request, and each failure the client cannot fix, to logger.
func NewServer(store *graph.Store, logger *slog.Logger) http.Handler {
	s := &server{store: store, logger: logger, router: mux.NewRouter()}
	s.routes()
	return s
}

// routes registers every route of the API.
func (s *server) routes() {
	r := s.router
	get := []string{http.MethodGet, http.MethodHead}
	r.HandleFunc("/health", s.handle(s.health)).Methods(get...)
	r.HandleFunc("/api/v1/entities", s.handle(s.searchEntities)).Methods(get...)
	r.HandleFunc("/api/v1/entities/{id}", s.handle(s.entity)).Methods(get...)
	r.HandleFunc("/api/v1/articles", s.handle(s.articles)).Methods(get...)
	r.HandleFunc("/api/v1/stats", s.handle(s.stats)).Methods(get...)
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
