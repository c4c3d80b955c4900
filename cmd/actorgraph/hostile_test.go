package main

import (
	"bufio"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/loader"
	"github.com/actorgraph/actorgraph/query"
)

// newRoutesServer serves serve's handler, with writes open, over the seed
// articles on the loopback.
func newRoutesServer(t *testing.T) *httptest.Server {
	t.Helper()
	store, err := graph.Open("memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	x, err := newExtractor(nil)
	if err != nil {
		t.Fatal(err)
	}
	ing := storeIngester{x: x, store: store}
	err = loader.Walk(t.Context(), []string{seeds}, loader.ReadOptions{}, nil, func(a *loader.Article) error {
		_, err := ing.Ingest(t.Context(), a)
		return err
	}, func(err error) { t.Error(err) })
	if err != nil {
		t.Fatal(err)
	}
	api := query.NewServerWith(store, slog.New(slog.NewTextHandler(io.Discard, nil)), &query.Options{Writer: ing, WriteToken: testToken})
	srv := httptest.NewServer(routes(api))
	t.Cleanup(srv.Close)
	return srv
}

// TestNoCORS checks that no answer, to a request or a preflight from
// another origin, carries a CORS header: a page of another origin cannot
// read the API nor post to it with the token.
func TestNoCORS(t *testing.T) {
	srv := newRoutesServer(t)
	tests := []struct {
		method, path string
		headers      map[string]string
	}{
		{"GET", "/", nil},
		{"GET", "/static/app.js", nil},
		{"GET", "/health", nil},
		{"GET", "/api/v1/stats", nil},
		{"GET", "/api/v1/entities?q=unodc", nil},
		{"GET", "/api/v1/network", nil},
		{"GET", "/api/v1/openapi.json", nil},
		{"POST", "/api/v2/query?lang=gizmo", map[string]string{"Content-Type": "text/plain"}},
		{"POST", "/api/v1/articles", map[string]string{"Content-Type": "text/plain", "Authorization": "Bearer " + testToken}},
		{"DELETE", "/api/v1/articles/0123456789abcdef01234567", map[string]string{"Authorization": "Bearer " + testToken}},
		{"OPTIONS", "/api/v1/articles", map[string]string{"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, content-type"}},
		{"OPTIONS", "/api/v1/articles/0123456789abcdef01234567", map[string]string{"Access-Control-Request-Method": "DELETE", "Access-Control-Request-Headers": "authorization"}},
		{"OPTIONS", "/api/v1/stats", map[string]string{"Access-Control-Request-Method": "GET"}},
		{"OPTIONS", "/api/v2/query?lang=gizmo", map[string]string{"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}},
		{"OPTIONS", "/", map[string]string{"Access-Control-Request-Method": "GET"}},
	}
	for _, origin := range []string{"https://evil.example", "null", srv.URL} {
		for _, tt := range tests {
			body := ""
			if tt.method == "POST" {
				body = "g.V().all()"
			}
			req, err := http.NewRequest(tt.method, srv.URL+tt.path, strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Origin", origin)
			for k, v := range tt.headers {
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			for name := range resp.Header {
				if strings.HasPrefix(strings.ToLower(name), "access-control-") {
					t.Errorf("%s %s from %s: %d with %s: %q", tt.method, tt.path, origin, resp.StatusCode, name, resp.Header.Get(name))
				}
			}
			if tt.method == "OPTIONS" && resp.StatusCode < 300 {
				t.Errorf("%s %s from %s: %d, want a refusal", tt.method, tt.path, origin, resp.StatusCode)
			}
		}
	}
}

// TestNoPathToFiles sends paths that climb out of the page's folder or
// name files of the machine, raw, as a hostile client would (an HTTP
// client would clean them), to the page's routes and to the API. No
// answer may hold a file of the machine: each is a refusal, a redirect
// to a path that is itself refused, or what the page or the API answers
// anyway.
func TestNoPathToFiles(t *testing.T) {
	srv := newRoutesServer(t)
	// Lines found in files outside the embedded assets: the system's
	// users, the module's go.mod, this package's sources (the server's
	// working directory in this test).
	markers := []string{"module github.com/actorgraph/actorgraph", "package main", "func main()"}
	if b, err := os.ReadFile("/etc/passwd"); err == nil && len(b) > 0 {
		first, _, _ := strings.Cut(string(b), "\n")
		markers = append(markers, first)
	}
	page := rawGet(t, srv, "/")
	if page.status != http.StatusOK {
		t.Fatalf("GET /: %d", page.status)
	}
	targets := []string{
		"/../../etc/passwd",
		"/..%2f..%2fetc%2fpasswd",
		"/%2e%2e/%2e%2e/etc/passwd",
		"/%2e%2e/",
		"/%2E%2E/%2E%2E/go.mod",
		"/..",
		"/../main.go",
		"/main.go",
		"/go.mod",
		"/../../go.mod",
		"/etc/passwd",
		"//etc/passwd",
		"/static/../../go.mod",
		"/static/..%2f..%2fgo.mod",
		"/static/..%2f..%2f..%2f..%2fgo.mod",
		"/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/go.mod",
		"/static/..%5c..%5c..%5c..%5cgo.mod",
		"/static/..\\..\\..\\..\\go.mod",
		"/static/%252e%252e/%252e%252e/go.mod",
		"/static/..%c0%af..%c0%afgo.mod",
		"/static/vendor/../../../../../go.mod",
		"/static/",
		"/static",
		"/static/vendor/",
		"/static//etc/passwd",
		"/static/app.js%00.html",
		"/static/app.js/../../../../go.mod",
		"/index.html",
		"/static/index.html",
		"/api/../../etc/passwd",
		"/api/v1/../../../etc/passwd",
		"/api/v1/..%2f..%2f..%2fetc%2fpasswd",
		"/api/v1/articles/..%2f..%2f..%2f..%2fgo.mod",
		"/api/v1/articles/../../../../go.mod",
		"/api/v1/articles/%2e%2e%2f%2e%2e%2fmain.go",
		"/api/v1/entities/..%2f..%2f..%2fetc%2fpasswd",
		"/api/v1/export?format=../../../etc/passwd",
		"/api/v1/export?format=nquads&id=..%2f..%2fgo.mod",
		"/api/v1/openapi.json/../../../go.mod",
		"/api/v2/query?lang=../../../etc/passwd&qu=x",
		"/api/v2/read",
		"/api/v2/query?lang=gizmo&qu=" + url.QueryEscape(`require("fs").readFileSync("/etc/passwd")`),
		"/health/../../go.mod",
	}
	for _, target := range targets {
		for hop, path := 0, target; ; hop++ {
			r := rawGet(t, srv, path)
			for _, m := range markers {
				if strings.Contains(r.body, m) {
					t.Errorf("GET %s (from %s): %d holds %q", path, target, r.status, m)
				}
			}
			if r.status == http.StatusOK && r.body != page.body && !strings.HasPrefix(r.contentType, "application/json") &&
				!strings.HasPrefix(path, "/static/") && !strings.HasPrefix(path, "/api/v1/export") {
				t.Errorf("GET %s (from %s): 200 %s that is not the page nor the API", path, target, r.contentType)
			}
			if r.status < 300 || r.status >= 400 || hop == 3 {
				break
			}
			loc, err := url.Parse(r.location)
			if err != nil || loc.Host != "" && loc.Host != strings.TrimPrefix(srv.URL, "http://") {
				t.Errorf("GET %s (from %s): redirect to %q", path, target, r.location)
				break
			}
			path = loc.RequestURI()
		}
	}
}

// rawAnswer is what rawGet reads.
type rawAnswer struct {
	status                int
	contentType, location string
	body                  string
}

// rawGet sends "GET target" as given, without the cleaning of an HTTP
// client, and reads the answer.
func rawGet(t *testing.T, srv *httptest.Server, target string) rawAnswer {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", target)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	return rawAnswer{resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Location"), string(body)}
}
