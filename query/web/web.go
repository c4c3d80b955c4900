package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// static holds the page and its assets. Files whose names begin with "."
// or "_" are left out by go:embed.
//
//go:embed static
var static embed.FS

// ContentSecurityPolicy is sent with every response. default-src 'self'
// forbids inline scripts and styles, eval, and anything from another
// origin, so that text from an article that reaches the DOM as markup by
// mistake still cannot run. The directives that do not fall back to
// default-src are closed as well.
const ContentSecurityPolicy = "default-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// contentTypes maps the extensions of the embedded files to their types;
// a file with another extension is not served.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".svg":  "image/svg+xml",
	".txt":  "text/plain; charset=utf-8",
}

// asset is one embedded file, ready to serve.
type asset struct {
	body        []byte
	contentType string
	etag        string
}

// Handler returns the handler of the page: GET or HEAD of "/" is the page,
// and of "/static/NAME" one of its assets. Any other path is a 404 (there
// are no directory listings), and any other method a 405. Every response
// carries ContentSecurityPolicy.
//
// The page reads the API of package query from /api/v1/ on the same
// origin, so mount both on one server:
//
//	mux.Handle("/api/", query.NewServer(store, logger))
//	mux.Handle("/", web.Handler())
func Handler() http.Handler {
	assets, err := loadAssets(static)
	if err != nil {
		// The files are compiled in: a failure here is a broken build,
		// which the package's tests catch.
		panic(fmt.Sprintf("web: %v", err))
	}
	return &handler{assets: assets}
}

// loadAssets reads every servable file of fsys, keyed by its URL path.
func loadAssets(fsys fs.FS) (map[string]asset, error) {
	assets := map[string]asset{}
	err := fs.WalkDir(fsys, "static", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ctype, ok := contentTypes[path.Ext(name)]
		if !ok {
			return nil
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		assets["/"+name] = asset{body: body, contentType: ctype, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read embedded assets: %w", err)
	}
	page, ok := assets["/static/index.html"]
	if !ok {
		return nil, fmt.Errorf("read embedded assets: no static/index.html")
	}
	delete(assets, "/static/index.html")
	assets["/"] = page
	return assets, nil
}

// handler serves the embedded assets.
type handler struct {
	assets map[string]asset // by URL path; read-only once built
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Content-Security-Policy", ContentSecurityPolicy)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")
	a, ok := h.assets[r.URL.Path]
	if !ok {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	hdr.Set("Content-Type", a.contentType)
	hdr.Set("ETag", a.etag)
	// The assets change only with the binary: the browser may keep them,
	// but asks each time whether they are still current.
	hdr.Set("Cache-Control", "no-cache")
	if match := r.Header.Get("If-None-Match"); match != "" && etagMatches(match, a.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	hdr.Set("Content-Length", fmt.Sprint(len(a.body)))
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodGet {
		_, _ = w.Write(a.body)
	}
}

// etagMatches reports whether the If-None-Match header value lists etag
// (RFC 9110, section 13.1.2: weak comparison).
func etagMatches(header, etag string) bool {
	for _, tag := range strings.Split(header, ",") {
		tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
		if tag == etag || tag == "*" {
			return true
		}
	}
	return false
}
