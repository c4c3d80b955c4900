package query

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/gorilla/mux"
)

// openAPI is what TestOpenAPI reads of openapi.json.
type openAPI struct {
	OpenAPI    string                                       `json:"openapi"`
	Paths      map[string]map[string]openAPIOp              `json:"paths"`
	Components struct{ Parameters map[string]openAPIParam } `json:"components"`
}

type openAPIOp struct {
	Parameters []openAPIParam             `json:"parameters"`
	Responses  map[string]json.RawMessage `json:"responses"`
}

type openAPIParam struct {
	Ref  string `json:"$ref"`
	Name string `json:"name"`
	In   string `json:"in"`
}

// routeParams are the query parameters each route takes, from its parser.
var routeParams = map[string][]string{
	"/health":               nil,
	"/api/v1/entities":      {"q", "type", "limit", "offset"},
	"/api/v1/entities/{id}": entityParamNames,
	"/api/v1/articles":      nil,
	"/api/v1/articles/{id}": nil,
	"/api/v1/stats":         nil,
	"/api/v1/partners":      partnersParamNames,
	"/api/v1/network":       networkParamNames,
	"/api/v1/paths":         pathsParamNames,
	"/api/v1/timeline":      timelineParamNames,
	"/api/v1/export":        exportParamNames,
	"/api/v1/openapi.json":  nil,
	"/api/v2/query":         {"lang", "qu"},
}

// TestOpenAPI walks the router: every route and method is described in
// openapi.json, every described path and method is a route, and each
// describes the parameters its parser takes.
func TestOpenAPI(t *testing.T) {
	var doc openAPI
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q, want 3.x", doc.OpenAPI)
	}
	described := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			described[strings.ToUpper(method)+" "+path] = true
		}
	}
	// With writes open, so that the router has the write routes too.
	s := NewServerWith(loadSeeds(t), slog.New(slog.NewTextHandler(io.Discard, nil)),
		&Options{Writer: &storeIngester{}, WriteToken: testToken}).(*server)
	routed := map[string]bool{}
	err := s.router.Walk(func(route *mux.Route, _ *mux.Router, _ []*mux.Route) error {
		path, err := route.GetPathTemplate()
		if err != nil {
			return err
		}
		methods, err := route.GetMethods()
		if err != nil {
			return err
		}
		for _, m := range methods {
			if m != http.MethodHead {
				routed[m+" "+path] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(keys(routed), keys(described)); diff != "" {
		t.Errorf("routes (-router +openapi.json):\n%s", diff)
	}

	for path, ops := range doc.Paths {
		for method, op := range ops {
			var query, inPath []string
			for _, p := range op.Parameters {
				if p.Ref != "" {
					p = doc.Components.Parameters[strings.TrimPrefix(p.Ref, "#/components/parameters/")]
				}
				switch p.In {
				case "query":
					query = append(query, p.Name)
				case "path":
					inPath = append(inPath, p.Name)
				}
			}
			want := routeParams[path]
			switch {
			case path == "/api/v2/query" && method == "post":
				want = []string{"lang"} // the query is the body
			case path == "/api/v1/articles" && method == "post":
				want = []string{"name"}
			case method == "delete":
				want = nil
			}
			slices.Sort(query)
			want = slices.Sorted(slices.Values(want))
			if diff := cmp.Diff(want, query, cmpEmpty); diff != "" {
				t.Errorf("%s %s: query parameters (-parser +openapi.json):\n%s", method, path, diff)
			}
			if strings.Contains(path, "{id}") != slices.Contains(inPath, "id") {
				t.Errorf("%s %s: path parameters %v", method, path, inPath)
			}
			if _, ok := op.Responses["200"]; !ok {
				t.Errorf("%s %s: no 200 response", method, path)
			}
		}
	}
	for path := range routeParams {
		if _, ok := doc.Paths[path]; !ok {
			t.Errorf("routeParams names %s, which openapi.json does not", path)
		}
	}

	base := seedServer(t, nil)
	status, ct, body := get(t, base+"/api/v1/openapi.json")
	if status != 200 || ct != "application/json; charset=utf-8" || string(body) != string(openAPIDoc) {
		t.Errorf("GET /api/v1/openapi.json: %d %s", status, ct)
	}
}

var cmpEmpty = cmp.Comparer(func(a, b []string) bool { return len(a) == 0 && len(b) == 0 || slices.Equal(a, b) })

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
