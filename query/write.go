package query

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gorilla/mux"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/loader"
)

// Ingester writes articles into the store that a server reads; it is what
// the write routes call. The server calls it from many requests at once,
// so it must be safe for concurrent use.
type Ingester interface {
	// Ingest extracts what a says and writes it into the store, replacing
	// what an earlier version of the same article (same ID) said, in one
	// transaction: on error the store is as it was.
	Ingest(ctx context.Context, a *loader.Article) (Ingested, error)
	// Remove deletes what the article with the given ID said, as
	// graph.Store.Remove does, and returns the number of quads deleted. It
	// returns an error wrapping graph.ErrNotFound if the store has no such
	// article.
	Remove(ctx context.Context, id string) (int, error)
}

// Ingested tells what an Ingest found in an article and wrote.
type Ingested struct {
	Entities  int // entities the article names
	Relations int // relations it states
	graph.PutResult
}

// ArticleRequest is the JSON body of POST /api/v1/articles
// (Content-Type: application/json). It reads as a line of a .jsonl input
// does (loader.Parse): exactly one of Text and HTML, and the rest
// optional.
type ArticleRequest struct {
	// ID is the article's identity: its URL, or "sha256:" and 32 hex
	// digits. A client that read the article from a file gives the ID the
	// loader computed from the file's bytes, so that the article is the
	// same one as when loaded from its file. Default: the URL, else the
	// hash of Text or HTML.
	ID string `json:"id,omitempty"`
	// Name is the document name ("000_x.txt"). Default: the last segment
	// of the URL, else "article".
	Name string `json:"name,omitempty"`
	// Source says where the article came from, such as the path a client
	// read it from. Default "POST /api/v1/articles".
	Source    string `json:"source,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"` // a date, as YYYY-MM-DD best
	Lang      string `json:"lang,omitempty"`      // "ar", "fr" or "en"; default: detected
	Text      string `json:"text,omitempty"`
	HTML      string `json:"html,omitempty"`
}

// ArticleResponse is the answer of POST /api/v1/articles.
type ArticleResponse struct {
	ID   string `json:"id"`
	Key  string `json:"key"` // for /api/v1/articles/{key}
	Name string `json:"name"`
	Lang string `json:"lang"`
	// Changed reports whether the store changed: false when the article
	// was there already, saying the same.
	Changed   bool `json:"changed"`
	Entities  int  `json:"entities"`
	Relations int  `json:"relations"`
	Quads     int  `json:"quads"`
	Added     int  `json:"added"`
	Removed   int  `json:"removed"`
}

// DeleteResponse is the answer of DELETE /api/v1/articles/{key}.
type DeleteResponse struct {
	ID      string `json:"id"`
	Key     string `json:"key"`
	Removed int    `json:"removed"` // quads deleted
}

// apiSource is the Source of an article posted without one.
const apiSource = "POST /api/v1/articles"

// maxNameBytes bounds the document name of a posted article.
const maxNameBytes = 200

// hashID is the form of an article ID computed from content (loader.Article.ID).
var hashID = regexp.MustCompile(`^sha256:[0-9a-f]{32}$`)

// authorized runs h only for a request that carries the write token as
// "Authorization: Bearer TOKEN", and answers 401 to any other. The tokens
// are compared as SHA-256 sums in constant time, so that neither how much
// of a guess is right nor the token's length shows in the time of the
// answer; every refusal is the same 401.
func (s *server) authorized(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		scheme, token, _ := strings.Cut(r.Header.Get("Authorization"), " ")
		sum := sha256.Sum256([]byte(token))
		match := subtle.ConstantTimeCompare(sum[:], s.writeTokenSum) == 1
		if !match || !strings.EqualFold(scheme, "Bearer") {
			w.Header().Set("WWW-Authenticate", `Bearer realm="actorgraph"`)
			return &requestError{http.StatusUnauthorized, "this route needs the server's write token, as Authorization: Bearer TOKEN"}
		}
		return h(w, r)
	}
}

// postArticle reads an article from the body, extracts what it says and
// stores it: 201 when the store changed, 200 when the article was there
// already, unchanged.
func (s *server) postArticle(w http.ResponseWriter, r *http.Request) error {
	a, err := s.readArticle(w, r)
	if err != nil {
		return err
	}
	res, err := s.opts.Writer.Ingest(r.Context(), a)
	if err != nil {
		return fmt.Errorf("ingest %s: %w", a.Name, err)
	}
	resp := ArticleResponse{
		ID: a.ID, Key: articleKey(a.ID), Name: a.Name, Lang: a.Lang,
		Changed:  res.Added+res.Removed > 0,
		Entities: res.Entities, Relations: res.Relations,
		Quads: res.Quads, Added: res.Added, Removed: res.Removed,
	}
	status := http.StatusOK
	if resp.Changed {
		status = http.StatusCreated
		w.Header().Set("Location", "/api/v1/articles/"+resp.Key)
	}
	s.writeJSON(w, r, status, resp)
	return nil
}

// deleteArticle removes an article and what only it said.
func (s *server) deleteArticle(w http.ResponseWriter, r *http.Request) error {
	key, err := parseArticleKey(mux.Vars(r)["id"])
	if err != nil {
		return err
	}
	rec, err := s.store.ArticleFacts(r.Context(), key)
	if err != nil {
		return err
	}
	n, err := s.opts.Writer.Remove(r.Context(), rec.ID)
	if err != nil {
		return err
	}
	s.writeJSON(w, r, http.StatusOK, DeleteResponse{ID: rec.ID, Key: articleKey(rec.ID), Removed: n})
	return nil
}

// articleKey returns the key that ends the IRI of the article with the
// given ID.
func articleKey(id string) string { return path.Base(graph.ArticleIRI(id)) }

// readArticle reads the article of a POST body with the loader: plain
// text, an HTML page, or an ArticleRequest. Its errors are 400, 413 for a
// body over Options.MaxArticleBytes, and 415 for another media type.
func (s *server) readArticle(w http.ResponseWriter, r *http.Request) (*loader.Article, error) {
	f, err := parseForm(r.URL.RawQuery, "name")
	if err != nil {
		return nil, err
	}
	name := f.get("name")
	if err := checkName(name); err != nil {
		return nil, err
	}
	mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		mediaType = ""
	}
	var parseName string // the name that tells loader.Parse the format
	switch mediaType {
	case "text/plain", "text/markdown":
		parseName = "article.txt"
	case "text/html", "application/xhtml+xml":
		parseName = "article.html"
	case "application/json":
		if name != "" {
			return nil, badRequest(`parameter "name" is for text and HTML bodies; a JSON body gives "name" itself`)
		}
	default:
		return nil, &requestError{http.StatusUnsupportedMediaType, fmt.Sprintf(
			"Content-Type %q is not an article: send text/plain, text/html, or application/json (an object with \"text\" or \"html\")",
			truncate(r.Header.Get("Content-Type"), 80))}
	}

	limit := s.opts.MaxArticleBytes
	if r.ContentLength > limit {
		return nil, tooLarge("the article is %d bytes, over the limit of %d", r.ContentLength, limit)
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			return nil, tooLarge("the article is over the limit of %d bytes", limit)
		}
		return nil, badRequest("cannot read the body: %v", err)
	}

	var arts []*loader.Article
	if parseName != "" {
		arts, err = loader.Parse(parseName, body, loader.ReadOptions{MaxBytes: limit})
		if err == nil {
			arts[0].Name, arts[0].Source = cmp.Or(name, parseName), apiSource
		}
	} else {
		arts, err = parseArticleJSON(body, limit)
	}
	if err != nil {
		return nil, articleError(err)
	}
	if len(arts) != 1 {
		return nil, fmt.Errorf("read article: the loader returned %d articles for one", len(arts))
	}
	return arts[0], nil
}

// parseArticleJSON reads an ArticleRequest. The request is handed to
// loader.Parse as a line of a .jsonl input, so that it is read exactly as
// such a line is.
func parseArticleJSON(body []byte, limit int64) ([]*loader.Article, error) {
	var req ArticleRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return nil, badRequest("the body is not an article object: %v", err)
	}
	if dec.More() {
		return nil, badRequest("the body holds more than one JSON value; send one article per request")
	}
	switch {
	case req.Text != "" && req.HTML != "":
		return nil, badRequest(`give "text" or "html", not both`)
	case req.Text == "" && req.HTML == "":
		return nil, badRequest(`the article has neither "text" nor "html"`)
	case req.ID != "" && req.URL != "" && req.ID != req.URL:
		return nil, badRequest(`"id" %q is not "url": an article with a URL is known by it`, truncate(req.ID, 80))
	case req.ID != "" && req.URL == "" && !hashID.MatchString(req.ID):
		return nil, badRequest(`"id" %q must be the article's URL, or "sha256:" and 32 lower-case hex digits`, truncate(req.ID, 80))
	case !validLang(req.Lang):
		return nil, badRequest(`"lang" must be ar, fr or en; got %q`, truncate(req.Lang, 20))
	}
	if err := checkName(req.Name); err != nil {
		return nil, err
	}
	if len(req.Source) > maxNameBytes*5 || strings.ContainsFunc(req.Source, unicode.IsControl) {
		return nil, badRequest(`"source" must be at most %d bytes of text`, maxNameBytes*5)
	}
	line, err := json.Marshal(struct {
		Text  string `json:"text,omitempty"`
		HTML  string `json:"html,omitempty"`
		URL   string `json:"url,omitempty"`
		Title string `json:"title,omitempty"`
		Date  string `json:"date,omitempty"`
		Lang  string `json:"lang,omitempty"`
	}{req.Text, req.HTML, req.URL, req.Title, req.Published, req.Lang})
	if err != nil {
		return nil, fmt.Errorf("encode article record: %w", err)
	}
	arts, err := loader.Parse("article.jsonl", line, loader.ReadOptions{MaxBytes: max(limit, int64(len(line)))})
	if err != nil {
		return nil, err
	}
	for _, a := range arts {
		if req.Name != "" || req.URL == "" {
			a.Name = cmp.Or(req.Name, "article")
		}
		a.Source = cmp.Or(req.Source, apiSource)
		a.ID = cmp.Or(req.ID, a.ID)
	}
	return arts, nil
}

// validLang reports whether tag is empty or a tag of Arabic, French or
// English ("fr", "fr-MA"), as a .jsonl record's lang.
func validLang(tag string) bool {
	base, _, _ := strings.Cut(strings.ReplaceAll(strings.ToLower(tag), "_", "-"), "-")
	switch base {
	case "ar", "fr", "en":
		return true
	}
	return tag == ""
}

// checkName checks the document name of a posted article: short text
// with no path in it.
func checkName(name string) error {
	if len(name) > maxNameBytes || !utf8.ValidString(name) || strings.ContainsFunc(name, unicode.IsControl) ||
		strings.ContainsAny(name, `/\`) {
		return badRequest("document name %q must be at most %d bytes of text, with no / or \\", truncate(name, 80), maxNameBytes)
	}
	return nil
}

// articleError turns what the loader refused into a 413 for an article
// too large and a 400 for the rest, with the loader's words for what is
// wrong. The *loader.InputError around them names the loader's own name
// for the body, which means nothing to the client.
func articleError(err error) error {
	if _, ok := errors.AsType[*requestError](err); ok {
		return err
	}
	msg := err.Error()
	if ie, ok := errors.AsType[*loader.InputError](err); ok {
		msg = ie.Err.Error()
	}
	if errors.Is(err, loader.ErrTooLarge) {
		return tooLarge("%s", msg)
	}
	return badRequest("no article read: %s", msg)
}
