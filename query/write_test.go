package query

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/loader"
	"github.com/actorgraph/actorgraph/loader/lexicon"
)

// testToken is the write token of the tests.
const testToken = "test-write-token-0123456789abcdef"

var testExtractor struct {
	once sync.Once
	x    *loader.Extractor
	err  error
}

// extractor returns an extractor over the built-in lexicon, built once.
func extractor(t testing.TB) *loader.Extractor {
	t.Helper()
	testExtractor.once.Do(func() {
		lex, err := lexicon.Default()
		if err != nil {
			testExtractor.err = err
			return
		}
		testExtractor.x, testExtractor.err = loader.NewExtractor(lex)
	})
	if testExtractor.err != nil {
		t.Fatal(testExtractor.err)
	}
	return testExtractor.x
}

// storeIngester is the Ingester of actorgraph serve, built from the same
// parts; it counts its calls.
type storeIngester struct {
	x     *loader.Extractor
	store *graph.Store
	calls atomic.Int32
}

func (g *storeIngester) Ingest(ctx context.Context, a *loader.Article) (Ingested, error) {
	g.calls.Add(1)
	ga := g.x.Extract(a)
	res, err := g.store.Put(ctx, ga)
	return Ingested{Entities: len(ga.Entities), Relations: len(ga.Relations), PutResult: res}, err
}

func (g *storeIngester) Remove(ctx context.Context, id string) (int, error) {
	g.calls.Add(1)
	return g.store.Remove(ctx, id)
}

// newWriteServer returns the API over a new memory store, with writes
// open with testToken and the returned ingester, unless edit changes the
// options.
func newWriteServer(t *testing.T, edit func(*Options)) (http.Handler, *storeIngester) {
	t.Helper()
	store, err := graph.Open("memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	ing := &storeIngester{x: extractor(t), store: store}
	opts := &Options{Writer: ing, WriteToken: testToken}
	if edit != nil {
		edit(opts)
	}
	return NewServerWith(store, slog.New(slog.NewTextHandler(io.Discard, nil)), opts), ing
}

// send sends a request with the given headers ("Name: value") and body.
func send(t *testing.T, h http.Handler, method, target, body string, headers ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	for _, hd := range headers {
		name, value, _ := strings.Cut(hd, ": ")
		req.Header.Set(name, value)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

const bearer = "Authorization: Bearer " + testToken

// seedText returns the bytes of a seed article.
func seedText(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(seedsDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestWritesClosed checks that without both a writer and a token the
// write routes do not exist: 405, as on any read-only resource, and
// nothing reaches the store.
func TestWritesClosed(t *testing.T) {
	for name, edit := range map[string]func(*Options){
		"neither":         func(o *Options) { o.Writer, o.WriteToken = nil, "" },
		"writer no token": func(o *Options) { o.WriteToken = "" },
		"token no writer": func(o *Options) { o.Writer = nil },
	} {
		t.Run(name, func(t *testing.T) {
			h, ing := newWriteServer(t, edit)
			text := seedText(t, "003_e39b19ec1737aeb7.txt")
			for _, rec := range []*httptest.ResponseRecorder{
				send(t, h, http.MethodPost, "/api/v1/articles", text, "Content-Type: text/plain", bearer),
				send(t, h, http.MethodDelete, "/api/v1/articles/0123456789abcdef01234567", "", bearer),
			} {
				if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
					t.Errorf("status %d, Allow %q, want 405 and GET, HEAD: %s", rec.Code, rec.Header().Get("Allow"), rec.Body)
				}
			}
			if n := ing.calls.Load(); n != 0 {
				t.Errorf("the writer was called %d times", n)
			}
			arts := decode[articlesResponse](t, do(t, h, http.MethodGet, "/api/v1/articles"))
			if arts.Total != 0 {
				t.Errorf("%d articles stored", arts.Total)
			}
		})
	}
}

// TestWriteAuth checks that a write without the right token is refused
// with the same 401 whatever is wrong, before the body is read.
func TestWriteAuth(t *testing.T) {
	h, ing := newWriteServer(t, nil)
	text := seedText(t, "003_e39b19ec1737aeb7.txt")
	var firstBody string
	for _, auth := range []string{
		"",
		"Authorization: Bearer",
		"Authorization: Bearer ",
		"Authorization: Bearer wrong",
		"Authorization: Bearer " + testToken[:len(testToken)-1],
		"Authorization: Bearer " + testToken + "x",
		"Authorization: Bearer " + strings.ToUpper(testToken),
		"Authorization: Basic " + testToken,
		"Authorization: " + testToken,
		"Authorization: Bearer  " + testToken,
		"Authorization: Bearer " + testToken + " ",
	} {
		for _, rec := range []*httptest.ResponseRecorder{
			send(t, h, http.MethodPost, "/api/v1/articles", text, "Content-Type: text/plain", auth),
			send(t, h, http.MethodDelete, "/api/v1/articles/0123456789abcdef01234567", "", auth),
		} {
			if rec.Code != http.StatusUnauthorized || !strings.HasPrefix(rec.Header().Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("%q: status %d, WWW-Authenticate %q, want 401 Bearer", auth, rec.Code, rec.Header().Get("WWW-Authenticate"))
			}
			if firstBody == "" {
				firstBody = rec.Body.String()
			} else if rec.Body.String() != firstBody {
				t.Errorf("%q: the refusal differs from the first: %s", auth, rec.Body)
			}
		}
	}
	if n := ing.calls.Load(); n != 0 {
		t.Errorf("the writer was called %d times", n)
	}
	// The scheme is case-insensitive (RFC 9110, section 11.1).
	if rec := send(t, h, http.MethodPost, "/api/v1/articles", text, "Content-Type: text/plain", "Authorization: bearer "+testToken); rec.Code != http.StatusCreated {
		t.Errorf("lower-case bearer: status %d, want 201: %s", rec.Code, rec.Body)
	}
}

// TestPostArticle posts an article in each form, posts it again, reads it
// back, deletes it.
func TestPostArticle(t *testing.T) {
	french := seedText(t, "003_e39b19ec1737aeb7.txt")
	fileArt, err := loader.Parse("003_e39b19ec1737aeb7.txt", []byte(french), loader.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// What a client that read the file sends: the loader's article.
	fromFile, _ := json.Marshal(ArticleRequest{ID: fileArt[0].ID, Name: fileArt[0].Name, Source: "seeds/003.txt",
		Title: fileArt[0].Title, Published: fileArt[0].Published, Lang: fileArt[0].Lang, Text: fileArt[0].Text})
	html := "<!doctype html><html><head><title>Séminaire</title></head><body><article><h1>Séminaire</h1><p>" +
		strings.Join(strings.Split(french, "\n\n")[1:4], "</p><p>") + "</p></article></body></html>"
	withURL, _ := json.Marshal(ArticleRequest{URL: "https://example.ma/fr/seminaire", HTML: html, Published: "2024-07-26"})

	tests := []struct {
		name        string
		contentType string
		target      string
		body        string
		wantID      string
		wantName    string
		wantLang    string
	}{
		{"text", "text/plain; charset=utf-8", "/api/v1/articles?name=003_e39b19ec1737aeb7.txt", french,
			fileArt[0].ID, "003_e39b19ec1737aeb7.txt", "fr"},
		{"text without name", "text/plain", "/api/v1/articles", french + "\nLa fin.\n", "", "article.txt", "fr"},
		{"html", "text/html", "/api/v1/articles?name=page.html", html, "", "page.html", "fr"},
		{"json from a file", "application/json", "/api/v1/articles", string(fromFile),
			fileArt[0].ID, "003_e39b19ec1737aeb7.txt", "fr"},
		{"json with url", "application/json; charset=utf-8", "/api/v1/articles", string(withURL),
			"https://example.ma/fr/seminaire", "seminaire", "fr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, _ := newWriteServer(t, nil)
			rec := send(t, h, http.MethodPost, tt.target, tt.body, "Content-Type: "+tt.contentType, bearer)
			if rec.Code != http.StatusCreated {
				t.Fatalf("POST: status %d, want 201: %s", rec.Code, rec.Body)
			}
			got := decode[ArticleResponse](t, rec)
			if tt.wantID != "" && got.ID != tt.wantID {
				t.Errorf("id %q, want %q", got.ID, tt.wantID)
			}
			if got.Name != tt.wantName || got.Lang != tt.wantLang || !got.Changed || got.Entities == 0 ||
				got.Quads == 0 || got.Added != got.Quads || got.Key != articleKey(got.ID) {
				t.Errorf("POST answered %+v", got)
			}
			if loc := rec.Header().Get("Location"); loc != "/api/v1/articles/"+got.Key {
				t.Errorf("Location %q", loc)
			}

			again := send(t, h, http.MethodPost, tt.target, tt.body, "Content-Type: "+tt.contentType, bearer)
			if again.Code != http.StatusOK {
				t.Fatalf("POST again: status %d, want 200: %s", again.Code, again.Body)
			}
			want := got
			want.Changed, want.Added = false, 0
			if diff := cmp.Diff(want, decode[ArticleResponse](t, again)); diff != "" {
				t.Errorf("POST again (-want +got):\n%s", diff)
			}

			rec = do(t, h, http.MethodGet, "/api/v1/articles/"+got.Key)
			if rec.Code != http.StatusOK {
				t.Fatalf("GET the article: %d %s", rec.Code, rec.Body)
			}
			art := decode[graph.ArticleRecord](t, rec)
			if art.ID != got.ID || art.Document != got.Name || len(art.Entities) != got.Entities {
				t.Errorf("GET the article: %+v, posted %+v", art.ArticleRef, got)
			}

			del := send(t, h, http.MethodDelete, "/api/v1/articles/"+got.Key, "", bearer)
			if del.Code != http.StatusOK {
				t.Fatalf("DELETE: %d %s", del.Code, del.Body)
			}
			if d := decode[DeleteResponse](t, del); d.ID != got.ID || d.Removed != got.Quads {
				t.Errorf("DELETE answered %+v, want id %s and %d quads", d, got.ID, got.Quads)
			}
			if rec := do(t, h, http.MethodGet, "/api/v1/articles/"+got.Key); rec.Code != http.StatusNotFound {
				t.Errorf("GET after DELETE: %d, want 404", rec.Code)
			}
			if rec := send(t, h, http.MethodDelete, "/api/v1/articles/"+got.Key, "", bearer); rec.Code != http.StatusNotFound {
				t.Errorf("DELETE again: %d, want 404", rec.Code)
			}
		})
	}
}

// TestPostArticleSameFacts checks that an article posted as a client
// sends it says what the file it was read from says.
func TestPostArticleSameFacts(t *testing.T) {
	x := extractor(t)
	for _, name := range []string{"000_d236ae57b0bee246.txt", "003_e39b19ec1737aeb7.txt"} {
		arts, err := loader.ReadFile(filepath.Join(seedsDir, name), loader.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		a := arts[0]
		want := x.Extract(a)
		body, _ := json.Marshal(ArticleRequest{ID: a.ID, Name: a.Name, Source: a.Source, URL: a.URL, Title: a.Title,
			Published: a.Published, Lang: a.Lang, Text: a.Text})
		h, ing := newWriteServer(t, nil)
		rec := send(t, h, http.MethodPost, "/api/v1/articles", string(body), "Content-Type: application/json", bearer)
		if rec.Code != http.StatusCreated {
			t.Fatalf("%s: POST: %d %s", name, rec.Code, rec.Body)
		}
		stored, err := ing.store.ArticleFacts(context.Background(), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if stored.Source != a.Source || stored.Document != a.Name || stored.Published != a.Published {
			t.Errorf("%s: stored %+v", name, stored.ArticleRef)
		}
		got := decode[ArticleResponse](t, rec)
		if got.Entities != len(want.Entities) || got.Relations != len(want.Relations) {
			t.Errorf("%s: posted: %d entities, %d relations; from the file: %d, %d",
				name, got.Entities, got.Relations, len(want.Entities), len(want.Relations))
		}
	}
}

// TestPostArticleRefused checks the answers to bodies that are not an
// article, and that none of them reaches the writer.
func TestPostArticleRefused(t *testing.T) {
	text := seedText(t, "003_e39b19ec1737aeb7.txt")
	jsonOf := func(r ArticleRequest) string { b, _ := json.Marshal(r); return string(b) }
	tests := []struct {
		name        string
		target      string
		contentType string
		body        string
		want        int
		wantMsg     string
	}{
		{"too large", "", "text/plain", text + strings.Repeat("x", 4096), 413, "limit"},
		{"too large json", "", "application/json", jsonOf(ArticleRequest{Text: text + strings.Repeat("x", 4096)}), 413, "limit"},
		{"form", "", "application/x-www-form-urlencoded", "text=hello", 415, "Content-Type"},
		{"no content type", "", "", text, 415, "Content-Type"},
		{"pdf", "", "application/pdf", "%PDF-1.4", 415, "Content-Type"},
		{"empty", "", "text/plain", "", 400, "empty"},
		{"white space", "", "text/plain", " \n\t\n", 400, "white space"},
		{"NUL", "", "text/plain", "Rabat\x00 la CNCLT a organisé", 400, "binary"},
		{"invalid UTF-8", "", "text/plain", "Rabat \xff\xfe la CNCLT", 400, "UTF-8"},
		{"html without article", "", "text/html", "<html><body><nav>Accueil</nav></body></html>", 400, "no article"},
		{"name with slash", "?name=../../etc/passwd", "text/plain", text, 400, "name"},
		{"unknown parameter", "?path=x", "text/plain", text, 400, "unknown parameter"},
		{"name for json", "?name=x", "application/json", jsonOf(ArticleRequest{Text: text}), 400, "name"},
		{"json not an object", "", "application/json", `["text"]`, 400, "not an article"},
		{"json unknown field", "", "application/json", `{"text":"Rabat","path":"/etc/passwd"}`, 400, "path"},
		{"json two values", "", "application/json", jsonOf(ArticleRequest{Text: text}) + "{}", 400, "more than one"},
		{"json neither", "", "application/json", `{"name":"x"}`, 400, "neither"},
		{"json both", "", "application/json", jsonOf(ArticleRequest{Text: text, HTML: "<p>x</p>"}), 400, "not both"},
		{"json bad id", "", "application/json", jsonOf(ArticleRequest{ID: "x", Text: text}), 400, "id"},
		{"json id not url", "", "application/json", jsonOf(ArticleRequest{ID: "sha256:0123456789abcdef0123456789abcdef", URL: "https://a.ma/1", Text: text}), 400, "url"},
		{"json bad lang", "", "application/json", jsonOf(ArticleRequest{Lang: "de", Text: text}), 400, "lang"},
		{"json name with slash", "", "application/json", jsonOf(ArticleRequest{Name: "a/b.txt", Text: text}), 400, "name"},
		{"json NUL", "", "application/json", jsonOf(ArticleRequest{Text: "Rabat\x00"}), 400, "binary"},
	}
	h, ing := newWriteServer(t, func(o *Options) { o.MaxArticleBytes = int64(len(text) + 1000) })
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			headers := []string{bearer}
			if tt.contentType != "" {
				headers = append(headers, "Content-Type: "+tt.contentType)
			}
			rec := send(t, h, http.MethodPost, "/api/v1/articles"+tt.target, tt.body, headers...)
			if rec.Code != tt.want {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.want, rec.Body)
			}
			e := decode[errorBody](t, rec)
			if !strings.Contains(e.Error.Message, tt.wantMsg) {
				t.Errorf("message %q does not say %q", e.Error.Message, tt.wantMsg)
			}
		})
	}
	if n := ing.calls.Load(); n != 0 {
		t.Errorf("the writer was called %d times", n)
	}
	// A body that lies about its length is cut at the limit all the same.
	req := httptest.NewRequest(http.MethodPost, "/api/v1/articles", io.MultiReader(strings.NewReader(text), bytes.NewReader(make([]byte, 1<<20))))
	req.ContentLength = -1
	req.Header.Set("Content-Type", "text/plain")
	req.Header.Set("Authorization", "Bearer "+testToken)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("chunked body over the limit: %d, want 413", rec.Code)
	}
}
