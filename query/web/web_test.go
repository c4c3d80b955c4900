package web

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestHandler(t *testing.T) {
	h := Handler()
	tests := []struct {
		method, path string
		status       int
		contentType  string
		bodyHas      string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", `<div id="cy"`},
		{"HEAD", "/", 200, "text/html; charset=utf-8", ""},
		{"GET", "/static/app.js", 200, "text/javascript; charset=utf-8", "use strict"},
		{"GET", "/static/app.css", 200, "text/css; charset=utf-8", ".layout"},
		{"GET", "/static/favicon.svg", 200, "image/svg+xml", "<svg"},
		{"GET", "/static/vendor/cytoscape.min.js", 200, "text/javascript; charset=utf-8", "Cytoscape Consortium"},
		// The page is "/" only, and no folder lists its files.
		{"GET", "/static/index.html", 404, "text/plain; charset=utf-8", ""},
		{"GET", "/index.html", 404, "text/plain; charset=utf-8", ""},
		{"GET", "/static/", 404, "text/plain; charset=utf-8", ""},
		{"GET", "/static", 404, "text/plain; charset=utf-8", ""},
		{"GET", "/static/vendor/", 404, "text/plain; charset=utf-8", ""},
		{"GET", "/static/nope.js", 404, "text/plain; charset=utf-8", ""},
		{"GET", "/static/../web.go", 404, "text/plain; charset=utf-8", ""},
		{"GET", "/api/v1/stats", 404, "text/plain; charset=utf-8", ""},
		// The license travels with the library but is not a web asset.
		{"GET", "/static/vendor/cytoscape.LICENSE", 404, "text/plain; charset=utf-8", ""},
		{"POST", "/", 405, "text/plain; charset=utf-8", ""},
		{"DELETE", "/static/app.js", 405, "text/plain; charset=utf-8", ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, "http://example.test/", nil)
			req.URL.Path = tt.path // as given, not cleaned
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			resp := rec.Result()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d; body %q", resp.StatusCode, tt.status, truncate(body))
			}
			if got := resp.Header.Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type %q, want %q", got, tt.contentType)
			}
			if got := resp.Header.Get("Content-Security-Policy"); got != ContentSecurityPolicy {
				t.Errorf("Content-Security-Policy %q, want %q", got, ContentSecurityPolicy)
			}
			if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options %q, want nosniff", got)
			}
			if tt.method == "HEAD" && len(body) != 0 {
				t.Errorf("HEAD answered a body of %d bytes", len(body))
			}
			if !strings.Contains(string(body), tt.bodyHas) {
				t.Errorf("body lacks %q: %q", tt.bodyHas, truncate(body))
			}
			if tt.status == http.StatusMethodNotAllowed && resp.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("Allow %q, want %q", resp.Header.Get("Allow"), "GET, HEAD")
			}
		})
	}
}

func TestHandlerETag(t *testing.T) {
	h := Handler()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/static/app.js", nil))
	etag := rec.Header().Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	req := httptest.NewRequest("GET", "/static/app.js", nil)
	req.Header.Set("If-None-Match", `W/"other", `+etag)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
		t.Errorf("If-None-Match with the ETag: status %d, %d bytes; want 304, none", rec.Code, rec.Body.Len())
	}
}

// TestCSP checks what the policy forbids and what the page must then do
// without: no inline scripts, no inline styles, no other origins.
func TestCSP(t *testing.T) {
	for _, unsafe := range []string{"'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:", "data:"} {
		if strings.Contains(ContentSecurityPolicy, unsafe) {
			t.Errorf("ContentSecurityPolicy allows %s: %q", unsafe, ContentSecurityPolicy)
		}
	}
	if !strings.HasPrefix(ContentSecurityPolicy, "default-src 'self'") {
		t.Errorf("ContentSecurityPolicy %q does not start with default-src 'self'", ContentSecurityPolicy)
	}

	page := mustRead(t, "static/index.html")
	checks := []struct {
		what string
		re   *regexp.Regexp
	}{
		{"an inline script", regexp.MustCompile(`(?i)<script(\s[^>]*)?>\s*[^<\s]`)},
		{"a <style> element", regexp.MustCompile(`(?i)<style\b`)},
		{"a style attribute", regexp.MustCompile(`(?i)\sstyle\s*=`)},
		{"an event handler attribute", regexp.MustCompile(`(?i)\son[a-z]+\s*=`)},
		{"a javascript: URL", regexp.MustCompile(`(?i)javascript:`)},
		{"another origin", regexp.MustCompile(`(?i)(src|href)\s*=\s*"(https?:)?//`)},
	}
	for _, c := range checks {
		if m := c.re.FindString(page); m != "" {
			t.Errorf("index.html has %s: %q", c.what, m)
		}
	}
	for _, tag := range regexp.MustCompile(`(?i)<script\b[^>]*>`).FindAllString(page, -1) {
		if !strings.Contains(tag, ` src="/static/`) {
			t.Errorf("index.html has a script not from /static/: %q", tag)
		}
	}
}

// TestPageAssets checks that every script and stylesheet the page names is
// served.
func TestPageAssets(t *testing.T) {
	page := mustRead(t, "static/index.html")
	refs := regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(page, -1)
	var got []string
	h := Handler()
	for _, m := range refs {
		got = append(got, m[1])
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", m[1], nil))
		if rec.Code != http.StatusOK {
			t.Errorf("index.html names %s, which answers %d", m[1], rec.Code)
		}
	}
	want := []string{"/static/favicon.svg", "/static/app.css", "/static/vendor/cytoscape.min.js", "/static/app.js"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("assets of index.html mismatch (-want +got):\n%s", diff)
	}
}

// TestScriptWritesText guards the rule that text from articles reaches the
// DOM as text: app.js has no way to write markup.
func TestScriptWritesText(t *testing.T) {
	js := mustRead(t, "static/app.js")
	for _, sink := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "srcdoc", "createContextualFragment", "DOMParser"} {
		if strings.Contains(js, sink) {
			t.Errorf("app.js uses %s", sink)
		}
	}
}

func mustRead(t *testing.T, name string) string {
	t.Helper()
	b, err := fs.ReadFile(static, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func truncate(b []byte) string {
	if len(b) > 200 {
		return string(b[:200]) + "..."
	}
	return string(b)
}
