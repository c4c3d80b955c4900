package query

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/actorgraph/actorgraph/graph"
)

// Three articles, in Arabic, French and English, that name the same
// organisations in their own languages, as the loader would extract them.
var (
	arabicArticle = &graph.Article{
		ID: "https://example.ma/ar/1", Name: "ar.txt", Lang: "ar", Published: "2024-07-26",
		Title: "يوم تواصلي حول مكافحة الاتجار بالبشر",
		Entities: []graph.Entity{
			{ID: "cnclt", Type: graph.Organization, Name: "National Commission for the Coordination of Measures to Combat and Prevent Trafficking in Persons",
				Mentions: []string{"اللجنة الوطنية لتنسيق إجراءات مكافحة الاتجار بالبشر والوقاية منه"}},
			{ID: "unodc", Type: graph.Organization, Name: "United Nations Office on Drugs and Crime",
				Mentions: []string{"مكتب الأمم المتحدة المعني بالجريمة والمخدرات"}},
			{ID: "european-union", Type: graph.Organization, Name: "European Union", Mentions: []string{"الاتحاد الأوروبي"}},
			{ID: "event-rabat-2024-07-25", Type: graph.Event, Name: "Awareness day, Rabat, 25 July 2024", Mentions: []string{"يومًا تواصليًا"}},
			{ID: "rabat", Type: graph.Place, Name: "Rabat", Mentions: []string{"الرباط"}},
			{ID: "abdellatif-ouahbi", Type: graph.Person, Name: "Abdellatif Ouahbi", Mentions: []string{"عبد اللطيف وهبي"}},
		},
		Relations: []graph.Relation{
			{Subject: "event-rabat-2024-07-25", Predicate: graph.OrganizedBy, Object: "cnclt",
				Evidence: "نظمت اللجنة الوطنية لتنسيق إجراءات مكافحة الاتجار بالبشر والوقاية منه يومًا تواصليًا", Rule: "pattern:organized_by", Confidence: 0.9},
			{Subject: "event-rabat-2024-07-25", Predicate: graph.Partner, Object: "unodc",
				Evidence: "بشراكة مع مكتب الأمم المتحدة المعني بالجريمة والمخدرات", Rule: "pattern:partner", Confidence: 0.8},
			{Subject: "event-rabat-2024-07-25", Predicate: graph.FundedBy, Object: "european-union",
				Evidence: "وبدعم من الاتحاد الأوروبي", Rule: "pattern:funded_by", Confidence: 0.7},
			{Subject: "event-rabat-2024-07-25", Predicate: graph.HeldIn, Object: "rabat", Evidence: "في الرباط", Rule: "pattern:held_in", Confidence: 0.8},
			{Subject: "event-rabat-2024-07-25", Predicate: graph.HeldOn, Object: "2024-07-25", Evidence: "أمس الخميس", Rule: "date:relative", Confidence: 0.6},
			{Subject: "abdellatif-ouahbi", Predicate: graph.HoldsRole, Object: "minister of justice", Evidence: "وزير العدل عبد اللطيف وهبي", Rule: "pattern:title", Confidence: 0.9},
		},
	}
	frenchArticle = &graph.Article{
		ID: "https://example.ma/fr/2", Name: "fr.txt", Lang: "fr", Published: "2024-07-26",
		Entities: []graph.Entity{
			{ID: "cnclt", Type: graph.Organization, Name: "National Commission for the Coordination of Measures to Combat and Prevent Trafficking in Persons",
				Mentions: []string{"Commission nationale chargée de la coordination des mesures de lutte et de prévention contre la traite des êtres humains", "CNCLT"}},
			{ID: "unodc", Type: graph.Organization, Name: "United Nations Office on Drugs and Crime",
				Mentions: []string{"Office des Nations Unies contre la drogue et le crime", "ONUDC"}},
			{ID: "event-rabat-2024-07-25", Type: graph.Event, Name: "Awareness day, Rabat, 25 July 2024", Mentions: []string{"séminaire interactif"}},
			{ID: "rabat", Type: graph.Place, Name: "Rabat", Mentions: []string{"Rabat"}},
		},
		Relations: []graph.Relation{
			{Subject: "event-rabat-2024-07-25", Predicate: graph.Partner, Object: "unodc",
				Evidence: "en partenariat avec l’Office des Nations Unies contre la drogue et le crime (ONUDC)", Rule: "pattern:partner", Confidence: 0.9},
			{Subject: "event-rabat-2024-07-25", Predicate: graph.HeldIn, Object: "rabat", Evidence: "jeudi à Rabat", Rule: "pattern:held_in", Confidence: 0.8},
		},
	}
	englishArticle = &graph.Article{
		ID: "https://example.ma/en/3", Name: "en.txt", Lang: "en", Published: "2024-10-01",
		Entities: []graph.Entity{
			{ID: "unodc", Type: graph.Organization, Name: "United Nations Office on Drugs and Crime",
				Mentions: []string{"United Nations Office on Drugs and Crime", "UNODC"}},
			{ID: "morocco", Type: graph.Place, Name: "Morocco", Mentions: []string{"Morocco"}},
			{ID: "law-27-14", Type: graph.Law, Name: "Law 27.14 on combating trafficking in human beings", Mentions: []string{"Law 27.14"}},
		},
		Relations: []graph.Relation{
			{Subject: "morocco", Predicate: graph.Adopted, Object: "law-27-14", Evidence: "Morocco adopted Law 27.14 in 2016", Rule: "pattern:adopted", Confidence: 0.8},
			{Subject: "law-27-14", Predicate: graph.Year, Object: "2016", Evidence: "Morocco adopted Law 27.14 in 2016", Rule: "pattern:year", Confidence: 0.9},
		},
	}
)

// newTestServer returns the API over a memory store holding the three
// articles, and the buffer its log goes to.
func newTestServer(t testing.TB) (http.Handler, *bytes.Buffer) {
	t.Helper()
	store, err := graph.Open("memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	for _, a := range []*graph.Article{arabicArticle, frenchArticle, englishArticle} {
		if _, err := store.Put(context.Background(), a); err != nil {
			t.Fatalf("Put(%s): %v", a.Name, err)
		}
	}
	var logs bytes.Buffer
	return NewServer(store, slog.New(slog.NewTextHandler(&logs, nil))), &logs
}

// do sends a request to h and returns the response, checking that every
// answer is JSON.
func do(t *testing.T, h http.Handler, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("%s %s: Content-Type %q, want JSON", method, target, ct)
	}
	return rec
}

// decode parses the JSON body of rec into a value of type T.
func decode[T any](t *testing.T, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	dec := json.NewDecoder(rec.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("decode %T: %v", v, err)
	}
	return v
}

func searchURL(q string, extra ...string) string {
	v := url.Values{"q": {q}}
	for i := 0; i+1 < len(extra); i += 2 {
		v.Set(extra[i], extra[i+1])
	}
	return "/api/v1/entities?" + v.Encode()
}

func TestHealth(t *testing.T) {
	h, _ := newTestServer(t)
	rec := do(t, h, http.MethodGet, "/health")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	want := healthResponse{Status: "ok", Store: "memory:", Articles: 3}
	if diff := cmp.Diff(want, decode[healthResponse](t, rec)); diff != "" {
		t.Errorf("health mismatch (-want +got):\n%s", diff)
	}
}

// TestSearchFindsOneEntityByAnySpelling: every name an article gives an
// entity, in any of the three languages, finds it, whatever the case,
// accents, hamza or harakat of the query.
func TestSearchFindsOneEntityByAnySpelling(t *testing.T) {
	h, _ := newTestServer(t)
	tests := []struct {
		q    string
		want graph.ID
	}{
		{"UNODC", "unodc"},
		{"unodc", "unodc"},
		{"ONUDC", "unodc"},
		{"Onudc", "unodc"},
		{"مكتب الأمم المتحدة المعني بالجريمة والمخدرات", "unodc"},
		{"مكتب الامم المتحدة", "unodc"},                 // الامم without hamza
		{"مكتب إلأمم المتحدة المعني بالجريمة", "unodc"}, // wrong hamza
		{"United Nations Office on Drugs", "unodc"},
		{"office des nations unies contre la drogue", "unodc"},
		{"CNCLT", "cnclt"},
		{"Commission nationale chargee de la coordination", "cnclt"},
		{"COMMISSION NATIONALE CHARGÉE", "cnclt"},
		{"اللجنة الوطنية لتنسيق", "cnclt"},
		{"عبد اللطيف وهبي", "abdellatif-ouahbi"},
		{"عَبْد اللَّطِيف وَهْبِي", "abdellatif-ouahbi"}, // with harakat
		{"Ouahbi", "abdellatif-ouahbi"},
		{"الاتحاد الاوروبي", "european-union"},
		{"Séminaire interactif", "event-rabat-2024-07-25"},
		{"يوما تواصليا", "event-rabat-2024-07-25"}, // without tanwin
		{"law 27.14", "law-27-14"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			rec := do(t, h, http.MethodGet, searchURL(tt.q))
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			got := decode[searchResponse](t, rec)
			if len(got.Results) == 0 || got.Results[0].ID != tt.want {
				t.Fatalf("first hit %+v, want %s", got.Results, tt.want)
			}
			if got.Query != tt.q || got.Limit != DefaultLimit || got.Offset != 0 || got.Total < 1 {
				t.Errorf("response header %+v", got)
			}
		})
	}
}

func TestSearchResponse(t *testing.T) {
	h, _ := newTestServer(t)
	got := decode[searchResponse](t, do(t, h, http.MethodGet, searchURL("ONUDC")))
	want := searchResponse{
		Query: "ONUDC", Total: 1, Limit: DefaultLimit, Offset: 0,
		Results: []graph.Hit{{ID: "unodc", Type: graph.Organization, Name: "United Nations Office on Drugs and Crime",
			Matched: "onudc", Score: 3, Articles: 3}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("search ONUDC mismatch (-want +got):\n%s", diff)
	}

	// "rabat" names the city and the event; the type narrows it.
	got = decode[searchResponse](t, do(t, h, http.MethodGet, searchURL("rabat", "type", "place")))
	if got.Total != 1 || got.Results[0].ID != "rabat" || got.Results[0].Type != graph.Place {
		t.Errorf("type=place: %+v", got)
	}

	// Paging: "nation" is in names of cnclt and unodc; pages of one hit
	// must give the same hits in the same order as one page of all.
	all := decode[searchResponse](t, do(t, h, http.MethodGet, searchURL("nation")))
	if all.Total < 2 {
		t.Fatalf("search nation: want at least 2 hits, got %+v", all)
	}
	var paged []graph.Hit
	for off := 0; off < all.Total; off++ {
		page := decode[searchResponse](t, do(t, h, http.MethodGet, searchURL("nation", "limit", "1", "offset", strconv.Itoa(off))))
		if page.Total != all.Total || len(page.Results) != 1 || page.Limit != 1 || page.Offset != off {
			t.Fatalf("page at offset %d: %+v", off, page)
		}
		paged = append(paged, page.Results...)
	}
	if diff := cmp.Diff(all.Results, paged); diff != "" {
		t.Errorf("pages differ from the full list (-all +paged):\n%s", diff)
	}
	past := decode[searchResponse](t, do(t, h, http.MethodGet, searchURL("nation", "offset", "1000")))
	if past.Total != all.Total || past.Results == nil || len(past.Results) != 0 {
		t.Errorf("offset past the end: %+v, want no results and the same total", past)
	}

	none := do(t, h, http.MethodGet, searchURL("trafficking in unicorns"))
	if none.Code != http.StatusOK || !strings.Contains(none.Body.String(), `"results": []`) {
		t.Errorf("no hit: status %d, body %s; want 200 and an empty list", none.Code, none.Body)
	}
}

func TestEntityPage(t *testing.T) {
	h, _ := newTestServer(t)
	rec := do(t, h, http.MethodGet, "/api/v1/entities/unodc")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	got := decode[graph.EntityRecord](t, rec)
	ref := func(a *graph.Article) graph.ArticleRef {
		return graph.ArticleRef{ID: a.ID, IRI: graph.ArticleIRI(a.ID), Document: a.Name, Title: a.Title, Lang: a.Lang, Published: a.Published}
	}
	want := graph.EntityRecord{
		ID: "unodc", Type: graph.Organization, Name: "United Nations Office on Drugs and Crime",
		Names: map[string][]string{
			"ar": {"مكتب الأمم المتحدة المعني بالجريمة والمخدرات"},
			"en": {"UNODC", "United Nations Office on Drugs and Crime"},
			"fr": {"ONUDC", "Office des Nations Unies contre la drogue et le crime"},
		},
		ArticleCount: 3,
		Articles:     []graph.ArticleRef{ref(arabicArticle), ref(englishArticle), ref(frenchArticle)}, // by ID
		Out:          []graph.Edge{},
		InCount:      1,
		In: []graph.Edge{{
			Subject: "event-rabat-2024-07-25", Predicate: graph.Partner, Object: "unodc",
			Name:        "Awareness day, Rabat, 25 July 2024",
			Confidence:  1 - (1-0.8)*(1-0.9),
			SourceCount: 2,
			Sources: []graph.Source{
				{Article: ref(arabicArticle), Evidence: "بشراكة مع مكتب الأمم المتحدة المعني بالجريمة والمخدرات", Rule: "pattern:partner", Confidence: 0.8},
				{Article: ref(frenchArticle), Evidence: "en partenariat avec l’Office des Nations Unies contre la drogue et le crime (ONUDC)", Rule: "pattern:partner", Confidence: 0.9},
			},
		}},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
		t.Errorf("entity unodc mismatch (-want +got):\n%s", diff)
	}

	// The event's page has its edges out, literals included, each with
	// its source.
	ev := decode[graph.EntityRecord](t, do(t, h, http.MethodGet, "/api/v1/entities/event-rabat-2024-07-25"))
	type edge struct {
		P       graph.Predicate
		O       string
		Literal bool
		Sources int
	}
	var gotOut []edge
	for _, e := range ev.Out {
		gotOut = append(gotOut, edge{e.Predicate, e.Object, e.Literal, len(e.Sources)})
		for _, src := range e.Sources {
			if src.Evidence == "" || src.Rule == "" || src.Confidence == 0 || src.Article.ID == "" {
				t.Errorf("edge %s %s: source without provenance: %+v", e.Predicate, e.Object, src)
			}
		}
	}
	wantOut := []edge{
		{graph.FundedBy, "european-union", false, 1},
		{graph.HeldIn, "rabat", false, 2},
		{graph.HeldOn, "2024-07-25", true, 1},
		{graph.OrganizedBy, "cnclt", false, 1},
		{graph.Partner, "unodc", false, 2},
	}
	if diff := cmp.Diff(wantOut, gotOut); diff != "" {
		t.Errorf("event edges mismatch (-want +got):\n%s", diff)
	}
}

func TestArticlesAndStats(t *testing.T) {
	h, _ := newTestServer(t)
	arts := decode[articlesResponse](t, do(t, h, http.MethodGet, "/api/v1/articles"))
	var docs []string
	for _, a := range arts.Articles {
		docs = append(docs, a.Document)
	}
	if diff := cmp.Diff([]string{"ar.txt", "en.txt", "fr.txt"}, docs); arts.Total != 3 || diff != "" {
		t.Errorf("articles: total %d, documents (-want +got):\n%s", arts.Total, diff)
	}

	st := decode[graph.Stats](t, do(t, h, http.MethodGet, "/api/v1/stats"))
	want := graph.Stats{
		Articles: 3, Entities: 8, Relations: 8,
		ByType: map[graph.Type]int{graph.Event: 1, graph.Law: 1, graph.Organization: 3, graph.Person: 1, graph.Place: 2},
		ByRelation: map[graph.Predicate]int{
			graph.Adopted: 1, graph.FundedBy: 1, graph.HeldIn: 1, graph.HeldOn: 1,
			graph.HoldsRole: 1, graph.OrganizedBy: 1, graph.Partner: 1, graph.Year: 1,
		},
	}
	if diff := cmp.Diff(want, st, cmpopts.IgnoreFields(graph.Stats{}, "Quads")); diff != "" || st.Quads == 0 {
		t.Errorf("stats (-want +got):\n%s\nquads %d", diff, st.Quads)
	}
}

func TestErrors(t *testing.T) {
	h, logs := newTestServer(t)
	long := strings.Repeat("ب", MaxQueryRunes+1)
	tests := []struct {
		method, target string
		status         int
		message        string
		allow          string
	}{
		{"GET", "/api/v1/entities", 400, `parameter "q" is required: the name to search for`, ""},
		{"GET", "/api/v1/entities?q=", 400, `parameter "q" must not be empty`, ""},
		{"GET", "/api/v1/entities?q=+%20%09", 400, `parameter "q" must not be empty`, ""},
		{"GET", "/api/v1/entities?q=%FF", 400, `parameter "q" is not valid UTF-8`, ""},
		{"GET", searchURL(long), 400, `parameter "q" is longer than 200 characters`, ""},
		{"GET", "/api/v1/entities?q=a&q=b", 400, `parameter "q" is given 2 times; give it once`, ""},
		{"GET", "/api/v1/entities?q=a%zz", 400, `malformed query string: invalid URL escape "%zz"`, ""},
		{"GET", "/api/v1/entities?q=un&type=NGO", 400, `parameter "type" must be one of Organization, Person, Place, Law, Plan, Event, Campaign, Report; got "NGO"`, ""},
		{"GET", "/api/v1/entities?q=un&limit=0", 400, `parameter "limit" must be a whole number from 1 to 100; got "0"`, ""},
		{"GET", "/api/v1/entities?q=un&limit=101", 400, `parameter "limit" must be a whole number from 1 to 100; got "101"`, ""},
		{"GET", "/api/v1/entities?q=un&limit=ten", 400, `parameter "limit" must be a whole number from 1 to 100; got "ten"`, ""},
		{"GET", "/api/v1/entities?q=un&limit=", 400, `parameter "limit" must be a whole number from 1 to 100; got ""`, ""},
		{"GET", "/api/v1/entities?q=un&offset=-1", 400, `parameter "offset" must be a whole number, 0 or more; got "-1"`, ""},
		{"GET", "/api/v1/entities?q=un&offset=1.5", 400, `parameter "offset" must be a whole number, 0 or more; got "1.5"`, ""},
		{"GET", "/api/v1/entities?q=un&offset=99999999999999999999", 400, `parameter "offset" must be a whole number, 0 or more; got "99999999999999999999"`, ""},
		{"GET", "/api/v1/entities/nobody", 404, `entity "nobody": not found`, ""},
		{"GET", "/api/v1/entities/UNODC", 400, `malformed entity id "UNODC": an id is lower-case letters, digits and hyphens, as in "unodc"`, ""},
		{"GET", "/api/v1/entities/un_odc", 400, `malformed entity id "un_odc": an id is lower-case letters, digits and hyphens, as in "unodc"`, ""},
		{"GET", "/api/v1/entities/-unodc", 400, `malformed entity id "-unodc": an id is lower-case letters, digits and hyphens, as in "unodc"`, ""},
		{"GET", "/api/v1/entities/%D9%85", 400, `malformed entity id "م": an id is lower-case letters, digits and hyphens, as in "unodc"`, ""},
		{"GET", "/api/v1/entities/a/b", 404, `no route for path "/api/v1/entities/a/b"`, ""},
		{"GET", "/api/v1/entity/unodc", 404, `no route for path "/api/v1/entity/unodc"`, ""},
		{"GET", "/", 404, `no route for path "/"`, ""},
		{"POST", "/api/v1/entities", 405, `method POST is not allowed on "/api/v1/entities" (allowed: GET, HEAD)`, "GET, HEAD"},
		{"DELETE", "/api/v1/entities/unodc", 405, `method DELETE is not allowed on "/api/v1/entities/unodc" (allowed: GET, HEAD)`, "GET, HEAD"},
		{"PUT", "/health", 405, `method PUT is not allowed on "/health" (allowed: GET, HEAD)`, "GET, HEAD"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			rec := do(t, h, tt.method, tt.target)
			var want errorBody
			want.Error.Status, want.Error.Message = tt.status, tt.message
			if rec.Code != tt.status {
				t.Errorf("status %d, want %d", rec.Code, tt.status)
			}
			if diff := cmp.Diff(want, decode[errorBody](t, rec)); diff != "" {
				t.Errorf("error body mismatch (-want +got):\n%s", diff)
			}
			if got := rec.Header().Get("Allow"); got != tt.allow {
				t.Errorf("Allow %q, want %q", got, tt.allow)
			}
		})
	}
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("client errors were logged as server errors:\n%s", logs)
	}
}

// TestServerErrorIsGeneric: when the store fails, the client gets a 500
// with no detail, and the detail goes to the log.
func TestServerErrorIsGeneric(t *testing.T) {
	store, err := graph.Open("bolt:" + filepath.Join(t.TempDir(), "db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Put(context.Background(), englishArticle); err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	h := NewServer(store, slog.New(slog.NewTextHandler(&logs, nil)))
	if err := store.Close(); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"/api/v1/stats", "/api/v1/entities/unodc", searchURL("unodc"), "/api/v1/articles", "/health"} {
		logs.Reset()
		rec := do(t, h, http.MethodGet, target)
		var want errorBody
		want.Error.Status, want.Error.Message = 500, "Internal Server Error"
		if diff := cmp.Diff(want, decode[errorBody](t, rec)); rec.Code != 500 || diff != "" {
			t.Errorf("GET %s on a closed store: status %d, body (-want +got):\n%s", target, rec.Code, diff)
		}
		if !strings.Contains(logs.String(), "level=ERROR") {
			t.Errorf("GET %s: the failure was not logged:\n%s", target, logs.String())
		}
	}
}

func TestHead(t *testing.T) {
	h, _ := newTestServer(t)
	srv := httptest.NewServer(h)
	defer srv.Close()
	resp, err := http.Head(srv.URL + "/health")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || len(body) != 0 {
		t.Errorf("HEAD /health: status %d, body %q", resp.StatusCode, body)
	}
}

// TestEntityPageCaps checks that an entity page lists at most the sources
// and articles asked for, with whole counts, and that a capped answer does
// not change the store's cached one.
func TestEntityPageCaps(t *testing.T) {
	h, _ := newTestServer(t)
	for _, tc := range []struct {
		query             string
		articles, sources int
	}{
		{"?sources=1&articles=1", 1, 1},
		{"?sources=0&articles=0", 0, 0},
		{"", 3, 2},
		{"?articles=2", 2, 2},
	} {
		rec := do(t, h, http.MethodGet, "/api/v1/entities/unodc"+tc.query)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", tc.query, rec.Code, rec.Body)
		}
		got := decode[graph.EntityRecord](t, rec)
		if len(got.Articles) != tc.articles || got.ArticleCount != 3 {
			t.Errorf("%s: %d articles listed of %d, want %d of 3", tc.query, len(got.Articles), got.ArticleCount, tc.articles)
		}
		if len(got.In) != 1 || len(got.In[0].Sources) != tc.sources || got.In[0].SourceCount != 2 {
			t.Errorf("%s: edges %+v, want one with %d of 2 sources", tc.query, got.In, tc.sources)
		}
	}
	for _, q := range []string{"?edges=0", "?offset=1"} {
		got := decode[graph.EntityRecord](t, do(t, h, http.MethodGet, "/api/v1/entities/unodc"+q))
		if len(got.In) != 0 || got.InCount != 1 {
			t.Errorf("%s: %d edges in listed of %d, want 0 of 1", q, len(got.In), got.InCount)
		}
	}
	for _, bad := range []string{"?sources=-1", "?articles=10001", "?sources=x", "?limit=3"} {
		if rec := do(t, h, http.MethodGet, "/api/v1/entities/unodc"+bad); rec.Code != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", bad, rec.Code)
		}
	}
}

// TestPartnersCaps checks that a partnership lists at most the things and
// sources asked for, with whole counts.
func TestPartnersCaps(t *testing.T) {
	h, _ := newTestServer(t)
	whole := decode[partnersResponse](t, do(t, h, http.MethodGet, "/api/v1/partners"))
	if len(whole.Partnerships) == 0 {
		t.Fatal("no partnerships in the test store")
	}
	capped := decode[partnersResponse](t, do(t, h, http.MethodGet, "/api/v1/partners?things=0&sources=0"))
	if len(capped.Partnerships) != len(whole.Partnerships) {
		t.Fatalf("%d partnerships capped, %d whole", len(capped.Partnerships), len(whole.Partnerships))
	}
	for i, p := range capped.Partnerships {
		if len(p.On) != 0 || p.OnCount != len(whole.Partnerships[i].On) || p.OnCount == 0 {
			t.Errorf("%s-%s: %d things of %d, want 0 of %d", p.Org.ID, p.Partner.ID, len(p.On), p.OnCount, len(whole.Partnerships[i].On))
		}
	}
	one := decode[partnersResponse](t, do(t, h, http.MethodGet, "/api/v1/partners?sources=1"))
	for _, p := range one.Partnerships {
		for _, c := range p.On {
			for _, r := range c.Roles {
				if len(r.Sources) > 1 || r.SourceCount < len(r.Sources) {
					t.Errorf("%s on %s: %d sources of %d, want at most 1", r.Org, c.Thing.ID, len(r.Sources), r.SourceCount)
				}
			}
		}
	}
}

// TestKeptAnswersFollowWrites checks that the answers the server keeps
// encoded are served again while the store is unchanged, and are not once
// an article is written or removed.
func TestKeptAnswersFollowWrites(t *testing.T) {
	store, err := graph.Open("memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ctx := context.Background()
	if _, err := store.Put(ctx, arabicArticle); err != nil {
		t.Fatal(err)
	}
	h := NewServer(store, slog.New(slog.NewTextHandler(io.Discard, nil)))
	sources := func(target string) int {
		t.Helper()
		rec := do(t, h, http.MethodGet, target)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", target, rec.Code, rec.Body)
		}
		got := decode[graph.EntityRecord](t, rec)
		n := 0
		for _, e := range got.In {
			n += e.SourceCount
		}
		return n
	}
	partners := func() string { return do(t, h, http.MethodGet, "/api/v1/partners").Body.String() }
	for range 2 {
		if n := sources("/api/v1/entities/unodc"); n != 1 {
			t.Fatalf("one article: %d sources, want 1", n)
		}
	}
	before := partners()
	if again := partners(); again != before {
		t.Error("the same partners asked twice, of an unchanged store, differ")
	}
	if _, err := store.Put(ctx, frenchArticle); err != nil {
		t.Fatal(err)
	}
	if n := sources("/api/v1/entities/unodc"); n != 2 {
		t.Errorf("after a second article: %d sources, want 2", n)
	}
	if partners() == before {
		t.Error("partners unchanged after an article naming a new partner was written")
	}
	if _, err := store.Remove(ctx, frenchArticle.ID); err != nil {
		t.Fatal(err)
	}
	if n := sources("/api/v1/entities/unodc"); n != 1 {
		t.Errorf("after removing it: %d sources, want 1", n)
	}
	if partners() != before {
		t.Error("partners after removing the article differ from before it")
	}
}
