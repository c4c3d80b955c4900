package query

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
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
