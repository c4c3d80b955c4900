package query

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// expensiveRoutes are requests of each route under Options.MaxExpensive.
var expensiveRoutes = []string{
	"/api/v1/network",
	"/api/v1/network?id=unodc&depth=2",
	"/api/v1/paths?from=unodc&to=cnclt",
	"/api/v1/partners",
	"/api/v1/timeline",
	"/api/v1/export?format=nquads",
	"/api/v1/export?format=graphml",
}

// TestExpensiveLimit takes every turn of the expensive requests, as that
// many requests under way would: the expensive routes then answer 503
// with Retry-After after the wait, the others answer as usual, and a turn
// given back lets them through.
func TestExpensiveLimit(t *testing.T) {
	s := NewServerWith(loadSeeds(t), slog.New(slog.NewTextHandler(io.Discard, nil)),
		&Options{MaxExpensive: 2, ExpensiveWait: 20 * time.Millisecond}).(*server)
	s.expensive <- struct{}{}
	s.expensive <- struct{}{}
	for _, target := range expensiveRoutes {
		rec := httpGet(s, target)
		if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") != "1" {
			t.Errorf("GET %s with every turn taken: %d, Retry-After %q; want 503, 1", target, rec.Code, rec.Header().Get("Retry-After"))
			continue
		}
		if e := decode[errorBody](t, rec); !strings.Contains(e.Error.Message, "at most 2") {
			t.Errorf("GET %s: message %q does not give the limit", target, e.Error.Message)
		}
	}
	for _, target := range []string{"/health", "/api/v1/stats", "/api/v1/entities?q=unodc", "/api/v1/entities/unodc", "/api/v1/articles"} {
		if rec := do(t, s, http.MethodGet, target); rec.Code != http.StatusOK {
			t.Errorf("GET %s, which is not limited, with every turn taken: %d", target, rec.Code)
		}
	}
	<-s.expensive
	for _, target := range expensiveRoutes {
		rec := httpGet(s, target)
		if rec.Code != http.StatusOK {
			t.Errorf("GET %s with a turn free: %d: %s", target, rec.Code, rec.Body)
		}
	}
	if len(s.expensive) != 1 {
		t.Errorf("%d turns taken after the requests, want the 1 the test holds", len(s.expensive))
	}
}

// TestExpensiveQueue checks that a request that finds every turn taken
// waits for one rather than being refused at once.
func TestExpensiveQueue(t *testing.T) {
	s := NewServerWith(loadSeeds(t), slog.New(slog.NewTextHandler(io.Discard, nil)),
		&Options{MaxExpensive: 1, ExpensiveWait: time.Minute}).(*server)
	s.expensive <- struct{}{}
	done := make(chan int, 1)
	go func() { done <- httpGet(s, "/api/v1/partners").Code }()
	select {
	case code := <-done:
		t.Fatalf("the request was answered %d while every turn was taken", code)
	case <-time.After(50 * time.Millisecond):
	}
	<-s.expensive
	if code := <-done; code != http.StatusOK {
		t.Errorf("the queued request: %d, want 200", code)
	}
}

// httpGet sends a GET to h and returns the response, whatever its type.
func httpGet(h http.Handler, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec
}
