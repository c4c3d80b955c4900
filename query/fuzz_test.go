package query

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/graph"
)

var searchSeeds = []string{
	"", "q=", "q=unodc", "q=UNODC&type=organization&limit=5&offset=0", "q=%D9%85%D9%83%D8%AA%D8%A8",
	"q=a&q=b", "q=%zz", "q=%FF", "q=un&limit=0", "q=un&limit=100", "q=un&offset=-1",
	"q=un&offset=99999999999999999999", "q=un&type=", "q=+", "limit=5", "q=a;b", "q=a&&&=", "q=\x00",
}

// FuzzParseSearch: parseSearch never panics; what it accepts is within the
// limits; and the accepted parameters, encoded again, parse to themselves.
func FuzzParseSearch(f *testing.F) {
	for _, s := range searchSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		p, err := parseSearch(raw)
		if err != nil {
			re, ok := err.(*requestError)
			if !ok || re.status != http.StatusBadRequest {
				t.Fatalf("parseSearch(%q) = %v, want a 400", raw, err)
			}
			return
		}
		if p.Query == "" || !utf8.ValidString(p.Query) || utf8.RuneCountInString(p.Query) > MaxQueryRunes {
			t.Errorf("parseSearch(%q) accepted query %q", raw, p.Query)
		}
		if p.Type != "" && !p.Type.Valid() {
			t.Errorf("parseSearch(%q) accepted type %q", raw, p.Type)
		}
		if p.Limit < 1 || p.Limit > MaxLimit || p.Offset < 0 {
			t.Errorf("parseSearch(%q) accepted limit %d, offset %d", raw, p.Limit, p.Offset)
		}
		v := url.Values{"q": {p.Query}, "limit": {strconv.Itoa(p.Limit)}, "offset": {strconv.Itoa(p.Offset)}}
		if p.Type != "" {
			v.Set("type", string(p.Type))
		}
		again, err := parseSearch(v.Encode())
		if err != nil || again != p {
			t.Errorf("round trip of %+v: got %+v, %v", p, again, err)
		}
	})
}

// FuzzSearchRequest: whatever the query string, the search route answers
// 200 or 400, never a 5xx, always with a JSON body of the right shape.
func FuzzSearchRequest(f *testing.F) {
	for _, s := range searchSeeds {
		f.Add(s)
	}
	h, _ := newTestServer(f)
	f.Fuzz(func(t *testing.T, raw string) {
		req := httptest.NewRequest(http.MethodGet, "/api/v1/entities", nil)
		req.URL.RawQuery = raw
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK:
			var got searchResponse
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatalf("?%s: 200 with bad JSON: %v", raw, err)
			}
			if got.Results == nil || len(got.Results) > got.Limit || got.Total < len(got.Results) {
				t.Errorf("?%s: inconsistent page %+v", raw, got)
			}
		case http.StatusBadRequest:
			var got errorBody
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatalf("?%s: 400 with bad JSON: %v", raw, err)
			}
			if got.Error.Status != 400 || !strings.Contains(got.Error.Message, "parameter") && !strings.Contains(got.Error.Message, "query string") {
				t.Errorf("?%s: 400 whose message names no parameter: %+v", raw, got)
			}
		default:
			t.Fatalf("?%s: status %d: %s", raw, rec.Code, rec.Body)
		}
	})
}

// FuzzEntityRequest: whatever the id in the path, the entity route answers
// with a JSON entity, a JSON 4xx or a redirect to the cleaned path, never a
// 5xx.
func FuzzEntityRequest(f *testing.F) {
	for _, s := range []string{"unodc", "UNODC", "nobody", "", "a/b", "..", "%", "م", "-x", "law-27-14", strings.Repeat("a", 300)} {
		f.Add(s)
	}
	h, _ := newTestServer(f)
	f.Fuzz(func(t *testing.T, id string) {
		req := httptest.NewRequest(http.MethodGet, "/api/v1/entities/x", nil)
		req.URL.Path = "/api/v1/entities/" + id
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch {
		case rec.Code == http.StatusMovedPermanently:
			return // mux redirects "a/../b" and "a//b" to the clean path
		case rec.Code == http.StatusOK:
			if !entityIDPattern.MatchString(id) {
				t.Errorf("id %q: 200 for a malformed id", id)
			}
		case rec.Code == http.StatusBadRequest || rec.Code == http.StatusNotFound:
		default:
			t.Fatalf("id %q: status %d: %s", id, rec.Code, rec.Body)
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Errorf("id %q: status %d with a body that is not JSON: %q", id, rec.Code, rec.Body)
		}
	})
}

var graphParamSeeds = []string{
	"", "org=unodc", "org=unodc&from=2024&to=2024-07", "org=UNODC", "from=2024-13", "from=2025&to=2024", "limit=0", "limit=1000&offset=5",
	"id=law-27-14&depth=2&type=Organization,event&predicate=partner,funded_by&limit=300", "depth=1", "id=a&depth=5", "type=,,", "predicate=knows",
	"from=ouahbi&to=eu&max=3&hops=4&via=Event,Person", "from=ouahbi", "to=eu", "format=nquads&id=unodc&depth=0", "format=dot", "format=xml",
	"org=cnclt&type=Report", "x=1", "id=a&id=b", "%zz", "limit=99999999999999999999", "from=2024-07-25&to=2024-07-25", "via=", "type=plan%2Cplan",
}

// dateParams returns the from and to a DateRange was parsed from; the
// bounds are days, which parse to themselves.
func dateParams(v url.Values, r graph.DateRange) {
	if r.From != "" {
		v.Set("from", r.From)
	}
	if r.To != "" {
		v.Set("to", r.To)
	}
}

func joinTypes(ts []graph.Type) string {
	var s []string
	for _, t := range ts {
		s = append(s, string(t))
	}
	return strings.Join(s, ",")
}

// graphParsers are the parsers of the graph routes, each with what it
// accepts encoded back, for FuzzParseGraphParams.
var graphParsers = map[string]func(raw string) (any, url.Values, error){
	"entity": func(raw string) (any, url.Values, error) {
		p, err := parseEntity(raw)
		return p, url.Values{"sources": {strconv.Itoa(p.Sources)}, "articles": {strconv.Itoa(p.Articles)},
			"edges": {strconv.Itoa(p.Edges)}, "offset": {strconv.Itoa(p.Offset)}}, err
	},
	"partners": func(raw string) (any, url.Values, error) {
		p, err := parsePartners(raw)
		v := url.Values{"limit": {strconv.Itoa(p.Limit)}, "offset": {strconv.Itoa(p.Offset)}, "sources": {strconv.Itoa(p.Sources)}, "things": {strconv.Itoa(p.Things)}}
		if p.Org != "" {
			v.Set("org", string(p.Org))
		}
		dateParams(v, p.Range)
		return p, v, err
	},
	"network": func(raw string) (any, url.Values, error) {
		p, err := parseNetwork(raw)
		v := url.Values{"limit": {strconv.Itoa(p.Limit)}}
		if p.ID != "" {
			v.Set("id", string(p.ID))
			v.Set("depth", strconv.Itoa(p.Depth))
		}
		if len(p.Types) > 0 {
			v.Set("type", joinTypes(p.Types))
		}
		var preds []string
		for _, pr := range p.Predicates {
			preds = append(preds, string(pr))
		}
		if len(preds) > 0 {
			v.Set("predicate", strings.Join(preds, ","))
		}
		dateParams(v, p.Range)
		if err == nil && (p.Depth < 0 || p.Depth > MaxDepth || p.Limit < 1 || p.Limit > MaxNetworkNodes) {
			err = fmt.Errorf("out of bounds: %+v", p)
		}
		return p, v, err
	},
	"paths": func(raw string) (any, url.Values, error) {
		p, err := parsePaths(raw)
		v := url.Values{"from": {string(p.From)}, "to": {string(p.To)}, "max": {strconv.Itoa(p.Max)}, "hops": {strconv.Itoa(p.Hops)}, "via": {joinTypes(p.Via)}}
		if err == nil && (p.Max < 1 || p.Max > MaxPaths || p.Hops < 1 || p.Hops > MaxHops || len(p.Via) == 0) {
			err = fmt.Errorf("out of bounds: %+v", p)
		}
		return p, v, err
	},
	"timeline": func(raw string) (any, url.Values, error) {
		p, err := parseTimeline(raw)
		v := url.Values{"limit": {strconv.Itoa(p.Limit)}, "offset": {strconv.Itoa(p.Offset)}}
		if len(p.Types) > 0 {
			v.Set("type", joinTypes(p.Types))
		}
		if p.Org != "" {
			v.Set("org", string(p.Org))
		}
		dateParams(v, p.Range)
		return p, v, err
	},
	"export": func(raw string) (any, url.Values, error) {
		p, err := parseExport(raw)
		v := url.Values{"format": {p.Format}}
		if p.ID != "" {
			v.Set("id", string(p.ID))
			v.Set("depth", strconv.Itoa(p.Depth))
		}
		return p, v, err
	},
}

// FuzzParseGraphParams: the parsers of the graph routes never panic; they
// refuse with a 400 that names a parameter (or the query string), or
// accept values within their limits, which, encoded again, parse to
// themselves.
func FuzzParseGraphParams(f *testing.F) {
	for _, s := range graphParamSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		for name, parse := range graphParsers {
			p, v, err := parse(raw)
			if err != nil {
				re, ok := err.(*requestError)
				if !ok || re.status != http.StatusBadRequest || !strings.Contains(re.msg, "parameter") && !strings.Contains(re.msg, "query string") {
					t.Fatalf("%s: parse(%q) = %v, want a 400 naming a parameter", name, raw, err)
				}
				continue
			}
			again, _, err := parse(v.Encode())
			if err != nil || !reflect.DeepEqual(again, p) {
				t.Errorf("%s: round trip of %q: %+v, then %+v, %v", name, raw, p, again, err)
			}
		}
	})
}

// FuzzGraphRequests: whatever the query string, the graph routes answer
// 200, 400 or 404, never a 5xx, with JSON (or the export asked for).
func FuzzGraphRequests(f *testing.F) {
	for _, s := range graphParamSeeds {
		f.Add(s)
	}
	h := NewServer(loadSeeds(f), slog.New(slog.NewTextHandler(io.Discard, nil)))
	f.Fuzz(func(t *testing.T, raw string) {
		for _, route := range []string{"/api/v1/partners", "/api/v1/network", "/api/v1/paths", "/api/v1/timeline", "/api/v1/export"} {
			req := httptest.NewRequest(http.MethodGet, route, nil)
			req.URL.RawQuery = raw
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			switch rec.Code {
			case http.StatusOK, http.StatusBadRequest, http.StatusNotFound:
			default:
				t.Fatalf("%s?%s: status %d: %.500s", route, raw, rec.Code, rec.Body)
			}
			if rec.Code != http.StatusOK || route != "/api/v1/export" {
				if !json.Valid(rec.Body.Bytes()) {
					t.Fatalf("%s?%s: status %d with a body that is not JSON: %.500s", route, raw, rec.Code, rec.Body)
				}
			}
		}
	})
}

// FuzzParseQuery: the request of a Cayley query is accepted only with a
// known language and a query of valid UTF-8 within the limit, and refused
// with a 400 or a 413 otherwise.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []struct{ raw, body string }{
		{"lang=gizmo", "g.V().all()"}, {"lang=graphql", "{ nodes { id } }"}, {"lang=gizmo&qu=g.V()", ""}, {"", ""},
		{"lang=linkedql", "{}"}, {"lang=gizmo", strings.Repeat("x", 200)}, {"lang=gizmo&lang=graphql", "x"}, {"lang=gizmo", "\xff"},
	} {
		f.Add(s.raw, s.body, true)
		f.Add(s.raw, s.body, false)
	}
	const maxBytes = 100
	f.Fuzz(func(t *testing.T, raw, body string, post bool) {
		method := http.MethodGet
		if post {
			method = http.MethodPost
		}
		req := httptest.NewRequest(method, "/api/v2/query", strings.NewReader(body))
		req.URL.RawQuery = raw
		p, err := parseQuery(req, maxBytes)
		if err != nil {
			re, ok := err.(*requestError)
			if !ok || (re.status != http.StatusBadRequest && re.status != http.StatusRequestEntityTooLarge) {
				t.Fatalf("parseQuery(%s %q, %q) = %v", method, raw, body, err)
			}
			return
		}
		if !slices.Contains(QueryLanguages, p.Lang) || len(p.Query) > maxBytes || !utf8.ValidString(p.Query) || strings.TrimSpace(p.Query) == "" {
			t.Errorf("parseQuery(%s %q, %q) accepted %+v", method, raw, body, p)
		}
	})
}

// maxErrorBytes bounds the message of a refused request: whatever the
// size of the input, what it quotes back is truncated.
const maxErrorBytes = 2000

// FuzzParsePathIDs: the parsers of the {id} in /entities/{id} and
// /articles/{id} never panic; they accept an id unchanged, only in the
// form their doc states and within their limit, and refuse anything else
// with a 400 whose message stays short.
func FuzzParsePathIDs(f *testing.F) {
	for _, s := range []string{"unodc", "law-27-14", "", "-x", "UNODC", "a b", "م", "\x00", "\xff", "3f2a9c", "https://example.org/a?b=c",
		strings.Repeat("a", maxIDBytes), strings.Repeat("a", maxIDBytes+1), strings.Repeat("ب", maxArticleKeyBytes)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		refused := func(parser string, err error) {
			t.Helper()
			re, ok := err.(*requestError)
			if !ok || re.status != http.StatusBadRequest {
				t.Fatalf("%s(%q) = %v, want a 400", parser, s, err)
			}
			if len(re.msg) > maxErrorBytes {
				t.Errorf("%s(%.40q...): a message of %d bytes", parser, s, len(re.msg))
			}
		}
		if id, err := parseEntityID(s); err != nil {
			refused("parseEntityID", err)
		} else if string(id) != s || len(s) > maxIDBytes || !entityIDPattern.MatchString(s) {
			t.Errorf("parseEntityID(%q) accepted %q", s, id)
		}
		if key, err := parseArticleKey(s); err != nil {
			refused("parseArticleKey", err)
		} else if key != s || s == "" || len(s) > maxArticleKeyBytes || !utf8.ValidString(s) || strings.ContainsFunc(s, unicode.IsControl) {
			t.Errorf("parseArticleKey(%q) accepted %q", s, key)
		}
	})
}

// FuzzArticleRequest: whatever the id in the path, the article route
// answers with a JSON article, a JSON 4xx or a redirect to the cleaned
// path, never a 5xx.
func FuzzArticleRequest(f *testing.F) {
	store := loadSeeds(f)
	refs, err := store.Articles(context.Background())
	if err != nil {
		f.Fatal(err)
	}
	for _, r := range refs {
		f.Add(r.IRI[strings.LastIndexByte(r.IRI, '/')+1:])
		f.Add(r.ID)
	}
	for _, s := range []string{"", "nobody", "..", "%", "%2F", "a/b", "م", "\x7f", "\u202e", strings.Repeat("f", 24), strings.Repeat("a", 600)} {
		f.Add(s)
	}
	h := NewServer(store, slog.New(slog.NewTextHandler(io.Discard, nil)))
	f.Fuzz(func(t *testing.T, id string) {
		req := httptest.NewRequest(http.MethodGet, "/api/v1/articles/x", nil)
		req.URL.Path = "/api/v1/articles/" + id
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusMovedPermanently:
			return // mux redirects "a/../b" and "a//b" to the clean path
		case http.StatusOK, http.StatusBadRequest, http.StatusNotFound:
		default:
			t.Fatalf("id %q: status %d: %.500s", id, rec.Code, rec.Body)
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Errorf("id %q: status %d with a body that is not JSON: %.500q", id, rec.Code, rec.Body)
		}
	})
}
