package query

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad/nquads"
	"github.com/google/go-cmp/cmp"

	"github.com/actorgraph/actorgraph/graph"
)

// rabatDay is the id the loader gives the awareness day of 25 July 2024 in
// Rabat, which CNCLT organized with UNODC and others, funded by the EU.
const rabatDay = "event-rabat-2024-07-25"

// get fetches base+path and returns the status, the Content-Type and the
// body.
func get(t *testing.T, u string) (int, string, []byte) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header.Get("Content-Type"), body
}

// getJSON fetches u, checks the status and that the answer is JSON, and
// decodes it into a T, refusing fields T does not have.
func getJSON[T any](t *testing.T, u string, wantStatus int) T {
	t.Helper()
	status, ct, body := get(t, u)
	if status != wantStatus {
		t.Fatalf("GET %s: status %d, want %d: %.2000s", u, status, wantStatus, body)
	}
	if ct != "application/json; charset=utf-8" {
		t.Errorf("GET %s: Content-Type %q", u, ct)
	}
	var v T
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("GET %s: %v in %.2000s", u, err, body)
	}
	return v
}

// wantError checks that GET u fails with status and a message that
// contains each of parts.
func wantError(t *testing.T, u string, status int, parts ...string) {
	t.Helper()
	e := getJSON[errorBody](t, u, status)
	if e.Error.Status != status {
		t.Errorf("GET %s: body status %d", u, e.Error.Status)
	}
	for _, p := range parts {
		if !strings.Contains(e.Error.Message, p) {
			t.Errorf("GET %s: message %q does not say %q", u, e.Error.Message, p)
		}
	}
}

// seedDocs returns the file names of the seed articles.
func seedDocs(t *testing.T, base string) map[string]bool {
	arts := getJSON[articlesResponse](t, base+"/api/v1/articles", http.StatusOK)
	docs := map[string]bool{}
	for _, a := range arts.Articles {
		docs[a.Document] = true
	}
	if len(docs) != 5 {
		t.Fatalf("the store has articles %v, want the 5 seeds", docs)
	}
	return docs
}

// checkSources checks that every source is a seed article with evidence.
func checkSources(t *testing.T, what string, docs map[string]bool, sources []graph.Source) {
	t.Helper()
	if len(sources) == 0 {
		t.Errorf("%s: no source", what)
	}
	for _, s := range sources {
		if !docs[s.Article.Document] || s.Evidence == "" || s.Rule == "" || s.Confidence <= 0 {
			t.Errorf("%s: source without provenance: %+v", what, s)
		}
	}
}

// rolesOn returns the roles in a collaboration as "org role".
func rolesOn(c graph.Collaboration) []string {
	var out []string
	for _, r := range c.Roles {
		out = append(out, string(r.Org)+" "+string(r.Role))
	}
	slices.Sort(out)
	return out
}

// TestPartnersEndToEnd: who partnered with UNODC, and on what; which
// organizations the EU funded.
func TestPartnersEndToEnd(t *testing.T) {
	base := seedServer(t, nil)
	docs := seedDocs(t, base)

	unodc := getJSON[partnersResponse](t, base+"/api/v1/partners?org=unodc", http.StatusOK)
	if unodc.Org == nil || unodc.Org.ID != "unodc" || unodc.Org.Type != graph.Organization || unodc.Total != len(unodc.Partnerships) {
		t.Fatalf("partners of unodc: header %+v", unodc)
	}
	byPartner := map[graph.ID]graph.Partnership{}
	for _, p := range unodc.Partnerships {
		if p.Org.ID != "unodc" {
			t.Errorf("a partnership of unodc lists %s first", p.Org.ID)
		}
		byPartner[p.Partner.ID] = p
	}
	for _, want := range []graph.ID{"cnclt", "eu"} {
		if _, ok := byPartner[want]; !ok {
			t.Errorf("UNODC's partners %v lack %s", slices.Collect(mapKeys(byPartner)), want)
		}
	}
	// CNCLT organized the Rabat awareness day, UNODC was its partner, as
	// several articles say, in Arabic and in French.
	var day *graph.Collaboration
	for i, c := range byPartner["cnclt"].On {
		if strings.HasPrefix(string(c.Thing.ID), rabatDay) && c.Thing.Type == graph.Event {
			day = &byPartner["cnclt"].On[i]
		}
	}
	if day == nil {
		t.Fatalf("UNODC and CNCLT did not partner on the Rabat day: %+v", byPartner["cnclt"].On)
	}
	if diff := cmp.Diff([]string{"cnclt organizer", "unodc partner"}, rolesOn(*day)); diff != "" || day.Date != "2024-07-25" {
		t.Errorf("the Rabat day (%s): roles (-want +got):\n%s", day.Date, diff)
	}
	for _, r := range day.Roles {
		checkSources(t, string(r.Org)+" "+string(r.Role), docs, r.Sources)
		if r.Org == "unodc" && !slices.ContainsFunc(r.Sources, func(s graph.Source) bool {
			return strings.Contains(s.Evidence, "ONUDC") || strings.Contains(s.Evidence, "مكتب الأمم المتحدة")
		}) {
			t.Errorf("no evidence of UNODC's partnership names UNODC: %+v", r.Sources)
		}
	}

	// The EU funded the Rabat day: it partnered as funder with everyone
	// who took part in it.
	eu := getJSON[partnersResponse](t, base+"/api/v1/partners?org=eu", http.StatusOK)
	funded := map[graph.ID]bool{}
	for _, p := range eu.Partnerships {
		funded[p.Partner.ID] = true
		for _, c := range p.On {
			for _, r := range c.Roles {
				if r.Org == "eu" && r.Role != graph.Funder {
					t.Errorf("the EU is %s of %s", r.Role, c.Thing.ID)
				}
			}
		}
	}
	if !funded["cnclt"] || !funded["unodc"] {
		t.Errorf("the EU's partners %v lack cnclt or unodc", funded)
	}

	all := getJSON[partnersResponse](t, base+"/api/v1/partners", http.StatusOK)
	if all.Org != nil || all.Total < unodc.Total || all.Total != len(all.Partnerships) {
		t.Errorf("all partnerships: total %d, %d listed; UNODC alone has %d", all.Total, len(all.Partnerships), unodc.Total)
	}
	page := getJSON[partnersResponse](t, base+"/api/v1/partners?limit=2&offset=1", http.StatusOK)
	if diff := cmp.Diff(all.Partnerships[1:3], page.Partnerships); diff != "" || page.Total != all.Total {
		t.Errorf("page 2 of 2 (-all +page):\n%s", diff)
	}
	none := getJSON[partnersResponse](t, base+"/api/v1/partners?org=unodc&from=2025", http.StatusOK)
	if none.Total != 0 || none.Partnerships == nil || none.From != "2025-01-01" {
		t.Errorf("UNODC's partnerships from 2025: %+v", none)
	}
	in2024 := getJSON[partnersResponse](t, base+"/api/v1/partners?org=unodc&from=2024-07&to=2024-07", http.StatusOK)
	if in2024.Total == 0 || in2024.Total > unodc.Total {
		t.Errorf("UNODC's partnerships in July 2024: %d of %d", in2024.Total, unodc.Total)
	}

	wantError(t, base+"/api/v1/partners?org=nobody", 404, `"nobody"`)
	wantError(t, base+"/api/v1/partners?org=ouahbi", 400, `"org"`, "Person", "not an organization")
	wantError(t, base+"/api/v1/partners?org=UNODC", 400, `"org"`)
	wantError(t, base+"/api/v1/partners?from=2024-13", 400, `"from"`)
	wantError(t, base+"/api/v1/partners?from=2025&to=2024", 400, `"from" and "to"`)
	wantError(t, base+"/api/v1/partners?limit=0", 400, `"limit"`)
	wantError(t, base+"/api/v1/partners?organization=unodc", 400, `unknown parameter "organization"`)
}

func mapKeys[K comparable, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// TestTimelineEndToEnd: which events CNCLT organized, where and when; the
// timeline is in date order.
func TestTimelineEndToEnd(t *testing.T) {
	base := seedServer(t, nil)
	docs := seedDocs(t, base)
	tl := getJSON[timelineResponse](t, base+"/api/v1/timeline?org=cnclt", http.StatusOK)
	if tl.Org == nil || tl.Org.ID != "cnclt" {
		t.Errorf("timeline of cnclt: org %+v", tl.Org)
	}
	var organized []graph.TimelineItem
	for _, it := range tl.Items {
		if slices.ContainsFunc(it.Organizers, func(n graph.Node) bool { return n.ID == "cnclt" }) {
			organized = append(organized, it)
		}
	}
	if len(organized) == 0 {
		t.Fatalf("CNCLT organized no event: %+v", tl.Items)
	}
	day := organized[0]
	if !strings.HasPrefix(string(day.ID), rabatDay) || day.Type != graph.Event || day.Date != "2024-07-25" || day.DateFrom != "held_on" {
		t.Errorf("CNCLT's event: %s %s %s (%s)", day.ID, day.Type, day.Date, day.DateFrom)
	}
	if !slices.ContainsFunc(day.Places, func(n graph.Node) bool { return n.ID == "rabat" && n.Name == "Rabat" }) {
		t.Errorf("CNCLT's event took place in %+v, want Rabat", day.Places)
	}
	if !slices.ContainsFunc(day.Funders, func(n graph.Node) bool { return n.ID == "eu" }) {
		t.Errorf("CNCLT's event was funded by %+v, want the EU", day.Funders)
	}
	for _, a := range day.Articles {
		if !docs[a.Document] {
			t.Errorf("the event cites %+v, not a seed", a)
		}
	}

	all := getJSON[timelineResponse](t, base+"/api/v1/timeline", http.StatusOK)
	if diff := cmp.Diff([]graph.Type{graph.Event, graph.Report}, all.Types); diff != "" {
		t.Errorf("default types (-want +got):\n%s", diff)
	}
	last := ""
	undated := false
	for _, it := range all.Items {
		if it.Type != graph.Event && it.Type != graph.Report {
			t.Errorf("timeline lists %s, a %s", it.ID, it.Type)
		}
		if it.Date == "" {
			undated = true
			continue
		}
		if undated {
			t.Errorf("%s (%s) comes after an undated item", it.ID, it.Date)
		}
		if it.Date[:4] < last {
			t.Errorf("%s (%s) comes after %s", it.ID, it.Date, last)
		}
		last = it.Date[:4]
	}
	reports := getJSON[timelineResponse](t, base+"/api/v1/timeline?type=report&from=2024", http.StatusOK)
	for _, it := range reports.Items {
		if it.Type != graph.Report || it.Date < "2024" {
			t.Errorf("reports from 2024: %s %s %s", it.ID, it.Type, it.Date)
		}
	}
	if len(reports.Items) == 0 {
		t.Error("no report from 2024: the 2024 TIP report is a seed")
	}
	empty := getJSON[timelineResponse](t, base+"/api/v1/timeline?from=2030", http.StatusOK)
	if empty.Total != 0 || empty.Items == nil {
		t.Errorf("timeline from 2030: %+v", empty)
	}
	wantError(t, base+"/api/v1/timeline?type=Meeting", 400, `"type"`, "Meeting")
	wantError(t, base+"/api/v1/timeline?org=nobody", 404, `"nobody"`)
	wantError(t, base+"/api/v1/timeline?org=ouahbi", 400, `"org"`, "Person", "not an organization")
	wantError(t, base+"/api/v1/timeline?to=tomorrow", 400, `"to"`)
}

// TestPathsEndToEnd: the Minister of Justice is connected to the EU
// through the Rabat day he spoke at (or chaired) and the EU funded.
func TestPathsEndToEnd(t *testing.T) {
	base := seedServer(t, nil)
	docs := seedDocs(t, base)
	res := getJSON[pathsResponse](t, base+"/api/v1/paths?from=ouahbi&to=eu", http.StatusOK)
	if res.From.Name != "Abdellatif Ouahbi" || res.To.ID != "eu" || res.Max != DefaultPaths || res.Hops != DefaultHops {
		t.Errorf("header: %+v %+v %d %d", res.From, res.To, res.Max, res.Hops)
	}
	if len(res.Paths) == 0 {
		t.Fatal("no path from ouahbi to eu")
	}
	p := res.Paths[0]
	var ids []graph.ID
	for _, n := range p.Nodes {
		ids = append(ids, n.ID)
	}
	if len(ids) != 3 || ids[0] != "ouahbi" || !strings.HasPrefix(string(ids[1]), rabatDay) || ids[2] != "eu" {
		t.Fatalf("shortest path %v, want ouahbi, the Rabat day, eu", ids)
	}
	for i, want := range [][]graph.Predicate{{graph.ChairedBy, graph.SpokeAt}, {graph.FundedBy}} {
		h := p.Hops[i]
		if h.From != ids[i] || h.To != ids[i+1] || len(h.Edges) == 0 {
			t.Errorf("hop %d: %+v", i, h)
		}
		for _, e := range h.Edges {
			if !slices.Contains(want, e.Predicate) {
				t.Errorf("hop %d goes by %s, want one of %v", i, e.Predicate, want)
			}
			checkSources(t, string(e.Subject)+" "+string(e.Predicate)+" "+e.Object, docs, e.Sources)
		}
	}
	for i := 1; i < len(res.Paths); i++ {
		if len(res.Paths[i].Nodes) < len(res.Paths[i-1].Nodes) {
			t.Errorf("path %d is shorter than path %d", i, i-1)
		}
	}

	// Through people too, the EU's ambassador, who spoke at the same day,
	// gives a longer connection.
	more := getJSON[pathsResponse](t, base+"/api/v1/paths?from=ouahbi&to=eu&max=5&via=Event,Person", http.StatusOK)
	if len(more.Paths) < 2 {
		t.Errorf("through people: %d paths, want at least 2", len(more.Paths))
	}
	if diff := cmp.Diff([]graph.Type{graph.Event, graph.Person}, more.Via); diff != "" {
		t.Errorf("via (-want +got):\n%s", diff)
	}

	none := getJSON[pathsResponse](t, base+"/api/v1/paths?from=ouahbi&to=eu&hops=1", http.StatusOK)
	if len(none.Paths) != 0 || none.Paths == nil {
		t.Errorf("paths of one hop: %+v", none.Paths)
	}
	wantError(t, base+"/api/v1/paths?from=ouahbi", 400, `parameter "to" is required`)
	wantError(t, base+"/api/v1/paths?from=ouahbi&to=nobody", 404, `"nobody"`)
	wantError(t, base+"/api/v1/paths?from=ouahbi&to=eu&max=11", 400, `"max"`)
	wantError(t, base+"/api/v1/paths?from=ouahbi&to=eu&hops=7", 400, `"hops"`)
	wantError(t, base+"/api/v1/paths?from=ouahbi&to=eu&via=Persons", 400, `"via"`)
}

// TestNetworkEndToEnd: what Law 27.14 is connected to, in Cytoscape.js
// JSON; the cap cuts the whole graph and says so.
func TestNetworkEndToEnd(t *testing.T) {
	base := seedServer(t, nil)
	law := getJSON[networkResponse](t, base+"/api/v1/network?id=law-27-14", http.StatusOK)
	want := graph.CytoscapeElements{
		Nodes: []graph.CytoscapeNode{
			{Data: graph.CytoscapeNodeData{ID: "law-27-14", Label: "Law 27.14 on Combating Trafficking in Persons", Type: graph.Law, Root: true, Year: "2016"}},
			{Data: graph.CytoscapeNodeData{ID: "morocco", Label: "Morocco", Type: graph.Place}},
		},
		Edges: []graph.CytoscapeEdge{{Data: graph.CytoscapeEdgeData{ID: "morocco adopted law-27-14", Source: "morocco", Target: "law-27-14",
			Label: "adopted", Predicate: graph.Adopted, Confidence: 0.6, Sources: 1}}},
	}
	if diff := cmp.Diff(want, law.Elements); diff != "" || law.Truncated || law.Limit != DefaultNetworkNodes {
		t.Errorf("network of Law 27.14 (truncated %v, limit %d) (-want +got):\n%s", law.Truncated, law.Limit, diff)
	}

	// The keys are Cytoscape's.
	_, _, body := get(t, base+"/api/v1/network?id=law-27-14")
	var raw struct {
		Elements struct {
			Nodes []struct {
				Data map[string]any `json:"data"`
			} `json:"nodes"`
			Edges []struct {
				Data map[string]any `json:"data"`
			} `json:"edges"`
		} `json:"elements"`
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"id", "source", "target", "label", "predicate", "confidence", "sources"} {
		if _, ok := raw.Elements.Edges[0].Data[key]; !ok {
			t.Errorf("edge data lacks %q: %v", key, raw.Elements.Edges[0].Data)
		}
	}
	for _, key := range []string{"id", "label", "type"} {
		if _, ok := raw.Elements.Nodes[0].Data[key]; !ok {
			t.Errorf("node data lacks %q: %v", key, raw.Elements.Nodes[0].Data)
		}
	}

	// Two steps away: what Morocco did besides adopting the law.
	wide := getJSON[networkResponse](t, base+"/api/v1/network?id=law-27-14&depth=2&type=Law,Place", http.StatusOK)
	var ids []graph.ID
	for _, n := range wide.Elements.Nodes {
		ids = append(ids, n.Data.ID)
		if n.Data.Type != graph.Law && n.Data.Type != graph.Place {
			t.Errorf("type=Law,Place gave %s, a %s", n.Data.ID, n.Data.Type)
		}
	}
	for _, want := range []graph.ID{"palermo-protocol", "untoc", "decree-2018-cnclt"} {
		if !slices.Contains(ids, want) {
			t.Errorf("within 2 steps of Law 27.14, laws and places %v lack %s", ids, want)
		}
	}

	capped := getJSON[networkResponse](t, base+"/api/v1/network?limit=5", http.StatusOK)
	if len(capped.Elements.Nodes) != 5 || !capped.Truncated || !strings.Contains(capped.Message, "limit of 5") {
		t.Errorf("whole graph capped at 5: %d nodes, truncated %v, %q", len(capped.Elements.Nodes), capped.Truncated, capped.Message)
	}
	in := map[graph.ID]bool{}
	for _, n := range capped.Elements.Nodes {
		in[n.Data.ID] = true
	}
	for _, e := range capped.Elements.Edges {
		if !in[e.Data.Source] || !in[e.Data.Target] {
			t.Errorf("edge %s leaves the capped network", e.Data.ID)
		}
	}
	funders := getJSON[networkResponse](t, base+"/api/v1/network?predicate=funded_by", http.StatusOK)
	for _, e := range funders.Elements.Edges {
		if e.Data.Predicate != graph.FundedBy {
			t.Errorf("predicate=funded_by gave %s", e.Data.ID)
		}
	}
	if len(funders.Elements.Edges) == 0 || len(funders.Elements.Nodes) > 2*len(funders.Elements.Edges) {
		t.Errorf("funding network: %d nodes for %d edges", len(funders.Elements.Nodes), len(funders.Elements.Edges))
	}

	wantError(t, base+"/api/v1/network?id=nobody", 404, `"nobody"`)
	wantError(t, base+"/api/v1/network?depth=2", 400, `"depth"`, `"id"`)
	wantError(t, base+"/api/v1/network?id=unodc&depth=5", 400, `"depth"`)
	wantError(t, base+"/api/v1/network?limit=2001", 400, `"limit"`)
	wantError(t, base+"/api/v1/network?predicate=knows", 400, `"predicate"`, "knows")
	wantError(t, base+"/api/v1/network?id=a&id=b", 400, `"id" is given 2 times`)
}

// TestArticleEndToEnd: one article's metadata and the facts it states.
func TestArticleEndToEnd(t *testing.T) {
	base := seedServer(t, nil)
	arts := getJSON[articlesResponse](t, base+"/api/v1/articles", http.StatusOK)
	var fr graph.ArticleRef
	for _, a := range arts.Articles {
		if a.Lang == "fr" {
			fr = a
		}
	}
	if fr.IRI == "" {
		t.Fatalf("no French seed in %+v", arts.Articles)
	}
	rec := getJSON[graph.ArticleRecord](t, base+"/api/v1/articles/"+graph.ArticleKey(fr.IRI), http.StatusOK)
	if diff := cmp.Diff(fr, rec.ArticleRef); diff != "" {
		t.Errorf("metadata (-list +article):\n%s", diff)
	}
	if !slices.ContainsFunc(rec.Entities, func(n graph.Node) bool { return n.ID == "cnclt" && n.Type == graph.Organization }) {
		t.Errorf("the French article names no CNCLT: %+v", rec.Entities)
	}
	organized := slices.ContainsFunc(rec.Facts, func(f graph.Fact) bool {
		return strings.HasPrefix(string(f.Subject), rabatDay) && f.Predicate == graph.OrganizedBy && f.Object == "cnclt" &&
			strings.Contains(f.Evidence, "CNCLT") && f.Rule != "" && f.Confidence > 0
	})
	if !organized {
		t.Errorf("the French article does not state that CNCLT organized the Rabat day: %+v", rec.Facts)
	}
	byID := getJSON[graph.ArticleRecord](t, base+"/api/v1/articles/"+url.PathEscape(fr.ID), http.StatusOK)
	if diff := cmp.Diff(rec, byID); diff != "" {
		t.Errorf("by key and by ID (-key +id):\n%s", diff)
	}
	wantError(t, base+"/api/v1/articles/0123456789abcdef01234567", 404, "not found")
	wantError(t, base+"/api/v1/articles/%01", 400, "malformed article id")
}

// TestExportEndToEnd: each format of the whole graph and of a subgraph.
func TestExportEndToEnd(t *testing.T) {
	base := seedServer(t, nil)
	st := getJSON[graph.Stats](t, base+"/api/v1/stats", http.StatusOK)

	status, ct, body := get(t, base+"/api/v1/export?format=nquads")
	if status != 200 || ct != "application/n-quads; charset=utf-8" {
		t.Fatalf("nquads: %d %s", status, ct)
	}
	r := nquads.NewReader(bytes.NewReader(body), false)
	n := 0
	for {
		_, err := r.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("nquads: %v", err)
		}
		n++
	}
	if int64(n) != st.Quads {
		t.Errorf("the N-Quads export has %d quads, the store %d", n, st.Quads)
	}

	status, ct, body = get(t, base+"/api/v1/export?format=jsonld&id=law-27-14&depth=0")
	if status != 200 || ct != "application/ld+json; charset=utf-8" || !json.Valid(body) || !bytes.Contains(body, []byte(graph.EntityIRI("law-27-14"))) {
		t.Errorf("jsonld: %d %s %.300s", status, ct, body)
	}

	status, ct, body = get(t, base+"/api/v1/export?format=graphml")
	if status != 200 || ct != "application/graphml+xml; charset=utf-8" {
		t.Fatalf("graphml: %d %s", status, ct)
	}
	dec := xml.NewDecoder(bytes.NewReader(body))
	nodes := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("graphml is not XML: %v", err)
		}
		if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "node" {
			nodes++
		}
	}
	if nodes != st.Entities {
		t.Errorf("graphml has %d nodes, the store %d entities", nodes, st.Entities)
	}

	resp, err := http.Get(base + "/api/v1/export?format=dot&id=law-27-14")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.Header.Get("Content-Disposition") != `attachment; filename="actorgraph-law-27-14.dot"` ||
		!bytes.HasPrefix(body, []byte("digraph actorgraph {")) || !bytes.Contains(body, []byte(`"morocco" -> "law-27-14"`)) {
		t.Errorf("dot: %s\n%s", resp.Header.Get("Content-Disposition"), body)
	}

	wantError(t, base+"/api/v1/export", 400, `"format"`)
	wantError(t, base+"/api/v1/export?format=xml", 400, `"format"`, "nquads, jsonld, graphml, dot")
	wantError(t, base+"/api/v1/export?format=dot&depth=1", 400, `"depth"`)
	wantError(t, base+"/api/v1/export?format=dot&id=nobody", 404, `"nobody"`)
}
