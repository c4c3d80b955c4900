package web

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/loader"
	"github.com/actorgraph/actorgraph/loader/lexicon"
	"github.com/actorgraph/actorgraph/query"
)

var screenshot = flag.Bool("screenshot", false, "write testdata/seed-network.png, the picture of the seed network in the README")

// Timeouts of the browser tests: generous, for a loaded CI machine.
const (
	tabTimeout  = 2 * time.Minute
	waitTimeout = 45 * time.Second
)

// Markup that runs if the page inserts text as HTML: in a name, a title, a
// role and an evidence sentence.
const (
	hostileName     = `La Fondation <img src=x onerror=alert(1)><script>window.__pwned=1</script>`
	hostileRole     = `<img src=x onerror="window.__pwned=2">`
	hostileSentence = `Rabat, le 12 mars 2025 – La Fondation <img src=x onerror=alert(1)><script>window.__pwned=1</script> a organisé jeudi à Rabat un atelier sur la traite des êtres humains, en partenariat avec l'Office des Nations Unies contre la drogue et le crime (ONUDC) et avec le soutien de l'Union européenne.`
)

// optionalRoutes are the routes of the API that the page tries and does
// without; a prefix ends with "/".
var optionalRoutes = []string{"/api/v1/network", "/api/v1/partners", "/api/v1/export", "/api/v1/articles/"}

func isOptionalRoute(path string) bool {
	for _, r := range optionalRoutes {
		if path == r || strings.HasSuffix(r, "/") && strings.HasPrefix(path, r) {
			return true
		}
	}
	return false
}

// TestBrowser drives the page in chromium, over the seed articles, twice:
// against the API as it is, and against the API without its optional
// routes, so that both ways the page builds its views are tested whatever
// the API holds today.
func TestBrowser(t *testing.T) {
	bin := chromium(t)
	seed := openStore(t, seedArticles(t))
	hostile := openStore(t, hostileArticles(t), hostileRecord)
	browser := startBrowser(t, bin)

	for _, mode := range []struct {
		name     string
		optional bool // the optional routes answer
	}{
		{"api", true},
		{"entities", false},
	} {
		t.Run(mode.name, func(t *testing.T) {
			site := newSite(t, seed, mode.optional)
			want := "entities"
			if mode.optional && answers(t, site+"/api/v1/network?limit=1") {
				want = "network"
			}
			t.Run("loads", func(t *testing.T) { testLoads(t, browser, site, seed, want) })
			t.Run("search", func(t *testing.T) { testSearch(t, browser, site) })
			t.Run("click", func(t *testing.T) { testClick(t, browser, site) })
			t.Run("expand", func(t *testing.T) { testExpand(t, browser, site, seed) })
			t.Run("filter", func(t *testing.T) { testFilter(t, browser, site) })
			t.Run("partners", func(t *testing.T) { testPartners(t, browser, site) })
			t.Run("export", func(t *testing.T) { testExport(t, browser, site) })
			t.Run("hostile", func(t *testing.T) { testHostile(t, browser, newSite(t, hostile, mode.optional)) })
		})
	}
	if *screenshot {
		t.Run("screenshot", func(t *testing.T) { takeScreenshot(t, browser, newSite(t, seed, true)) })
	}
}

// testLoads checks that the page draws the seed graph: the expected
// actors, each with its type, and every relation between the actors drawn.
func testLoads(t *testing.T, browser context.Context, site string, store *graph.Store, wantMode string) {
	tb := openTab(t, browser, site)
	type node struct{ ID, Type string }
	got := eval[struct {
		Mode   string
		Nodes  []node
		Edges  []string
		Legend int
		Status string
	}](tb, drawn(`(() => {
		const cy = actorgraph.cy;
		return {
			mode: actorgraph.state.mode,
			nodes: cy.nodes(':visible').map((n) => ({id: n.id(), type: n.data('type')})),
			edges: cy.edges(':visible').map((e) => e.id()),
			legend: document.querySelectorAll('#legend li').length,
			status: document.getElementById('status').textContent,
		};
	})()`))
	if got.Mode != wantMode {
		t.Errorf("mode %q, want %q", got.Mode, wantMode)
	}
	if got.Legend != len(graph.Types)+1 {
		t.Errorf("legend has %d types, want %d", got.Legend, len(graph.Types)+1)
	}
	ids := map[string]bool{}
	for _, n := range got.Nodes {
		ids[n.ID] = true
	}
	for _, id := range []string{"cnclt", "unodc", "eu"} {
		if !ids[id] {
			t.Errorf("node %q is not drawn; drawn: %v", id, got.Nodes)
		}
	}
	if len(got.Nodes) < 30 {
		t.Errorf("%d nodes drawn, want the seed graph's 30 or more", len(got.Nodes))
	}
	if !strings.Contains(got.Status, fmt.Sprintf("%d actors", len(got.Nodes))) {
		t.Errorf("status %q does not count %d actors", got.Status, len(got.Nodes))
	}

	// Each node has the store's type, and the edges are exactly the
	// store's relations between the nodes drawn.
	var wantEdges []string
	for _, n := range got.Nodes {
		rec, err := store.Entity(context.Background(), graph.ID(n.ID))
		if err != nil {
			t.Fatalf("entity %s: %v", n.ID, err)
		}
		if string(rec.Type) != n.Type {
			t.Errorf("node %s has type %q, want %q", n.ID, n.Type, rec.Type)
		}
		for _, e := range rec.Out {
			if !e.Literal && ids[e.Object] {
				wantEdges = append(wantEdges, fmt.Sprintf("%s %s %s", e.Subject, e.Predicate, e.Object))
			}
		}
	}
	sort.Strings(wantEdges)
	sort.Strings(got.Edges)
	if diff := cmp.Diff(wantEdges, got.Edges); diff != "" {
		t.Errorf("edges drawn mismatch (-want +got):\n%s", diff)
	}
}

// testSearch finds UNODC by its French acronym and checks that the page
// centres on it and shows it.
func testSearch(t *testing.T, browser context.Context, site string) {
	tb := openTab(t, browser, site)
	tb.do(chromedp.SendKeys(chromedp.ID("search-input"), "ONUDC\r"))
	tb.waitFor("UNODC selected and centred", `(() => {
		const cy = actorgraph.cy, n = cy.$id('unodc');
		if (document.body.dataset.busy !== '0' || !n.selected()) return false;
		const p = n.renderedPosition();
		return Math.abs(p.x - cy.width() / 2) < 2 && Math.abs(p.y - cy.height() / 2) < 2;
	})()`)
	got := eval[struct {
		Selected []string
		Title    string
		Names    []string
	}](tb, `({
		selected: actorgraph.cy.$(':selected').map((e) => e.id()),
		title: document.querySelector('#details h2').textContent,
		names: [...document.querySelectorAll('#details dd')].map((e) => e.textContent),
	})`)
	if diff := cmp.Diff([]string{"unodc"}, got.Selected); diff != "" {
		t.Errorf("selection mismatch (-want +got):\n%s", diff)
	}
	if got.Title != "United Nations Office on Drugs and Crime" {
		t.Errorf("details title %q, want UNODC's name", got.Title)
	}
	if !slices.Contains(got.Names, "ONUDC") {
		t.Errorf("details names %q lack ONUDC", got.Names)
	}
}

// evidence is an evidence sentence as the side panel shows it.
type evidence struct {
	Text, Dir, Lang, Bidi string
	RTL                   bool
	Href                  string // the link to the article record
}

const readEvidence = `[...document.querySelectorAll(%q)].map((e) => ({
	text: e.textContent, dir: e.getAttribute('dir'), lang: e.getAttribute('lang'),
	bidi: getComputedStyle(e).unicodeBidi, rtl: e.matches(':dir(rtl)'),
	href: e.closest('.source').querySelector('a.article').getAttribute('href'),
}))`

// testClick clicks the EU with the mouse and checks that the side panel
// shows its funding, with the Arabic sentences that state it laid out
// right to left; then clicks the funding edge.
func testClick(t *testing.T, browser context.Context, site string) {
	tb := openTab(t, browser, site)
	at := eval[struct{ X, Y float64 }](tb, `(() => {
		const cy = actorgraph.cy, n = cy.$id('eu');
		cy.zoom(1.5);
		cy.center(n);
		const box = cy.container().getBoundingClientRect(), p = n.renderedPosition();
		return {x: box.left + p.x, y: box.top + p.y};
	})()`)
	tb.do(chromedp.MouseClickXY(at.X, at.Y))
	tb.waitFor("the EU's funding in the side panel", `actorgraph.cy.$id('eu').selected() &&
		document.body.dataset.busy === '0' &&
		document.querySelector('#details .relation[data-predicate="funded_by"] .evidence') !== null`)

	head := eval[string](tb, `document.querySelector('#details .relation[data-predicate="funded_by"] .head').textContent`)
	if !strings.Contains(head, "funded by → European Union") {
		t.Errorf("relation head %q, want something funded by → European Union", head)
	}
	checkEvidence := func(got []evidence) {
		t.Helper()
		if len(got) == 0 {
			t.Fatal("no evidence shown")
		}
		for _, e := range got {
			if !strings.Contains(e.Text, "الاتحاد الأوروبي") {
				t.Errorf("evidence %q does not name the EU", e.Text)
			}
			if e.Dir != "auto" || e.Lang != "ar" || e.Bidi != "plaintext" || !e.RTL {
				t.Errorf("evidence %q: dir %q, lang %q, unicode-bidi %q, rtl %v; want auto, ar, plaintext, true", e.Text, e.Dir, e.Lang, e.Bidi, e.RTL)
			}
			if !strings.HasPrefix(e.Href, "/api/v1/articles/") || strings.ContainsAny(strings.TrimPrefix(e.Href, "/api/v1/articles/"), "/:?#") {
				t.Errorf("article link %q, want /api/v1/articles/KEY", e.Href)
			}
		}
	}
	checkEvidence(eval[[]evidence](tb, fmt.Sprintf(readEvidence, `#details .relation[data-predicate="funded_by"] .evidence`)))

	tb.run(`actorgraph.cy.edges('[predicate = "funded_by"][target = "eu"]')[0].emit('tap')`)
	tb.waitFor("the funding edge's sources", `document.body.dataset.busy === '0' &&
		document.querySelector('#details .relation[data-direction="edge"] .evidence') !== null`)
	checkEvidence(eval[[]evidence](tb, fmt.Sprintf(readEvidence, `#details .relation[data-direction="edge"] .evidence`)))
}

// testExpand empties the graph, finds UNODC, which brings its neighbours,
// then expands the event the EU funded, which brings the EU.
func testExpand(t *testing.T, browser context.Context, site string, store *graph.Store) {
	ctx := context.Background()
	eu, err := store.Entity(ctx, "eu")
	if err != nil {
		t.Fatal(err)
	}
	unodc, err := store.Entity(ctx, "unodc")
	if err != nil {
		t.Fatal(err)
	}
	near := map[string]bool{}
	for _, e := range append(unodc.Out, unodc.In...) {
		near[string(e.Subject)], near[e.Object] = true, true
	}
	var event string
	for _, e := range eu.In {
		if e.Predicate == graph.FundedBy && near[string(e.Subject)] {
			event = string(e.Subject)
		}
	}
	if event == "" || near["eu"] {
		t.Fatalf("the seed graph changed: the test wants an event that UNODC partners and the EU funds, and no relation between them")
	}

	tb := openTab(t, browser, site)
	tb.run(`actorgraph.cy.elements().remove()`)
	tb.do(chromedp.SendKeys(chromedp.ID("search-input"), "UNODC\r"))
	tb.waitFor("UNODC and its neighbours", `document.body.dataset.busy === '0' && actorgraph.cy.$id('unodc').selected()`)
	has := func(id string) bool {
		return eval[bool](tb, fmt.Sprintf(`actorgraph.cy.getElementById(%q).nonempty()`, id))
	}
	if !has(event) || has("eu") {
		t.Fatalf("after the search: event %s drawn %v, EU drawn %v; want true, false", event, has(event), has("eu"))
	}
	tb.run(fmt.Sprintf(`actorgraph.cy.$id(%q).emit('dbltap')`, event))
	tb.waitFor("the EU after expanding the event", fmt.Sprintf(`document.body.dataset.busy === '0' &&
		actorgraph.cy.getElementById(%q).nonempty()`, event+" funded_by eu"))
}

// testFilter hides a type, a relation and a date range, and resets.
func testFilter(t *testing.T, browser context.Context, site string) {
	tb := openTab(t, browser, site)
	type view struct{ Nodes, Edges, People, Funding int }
	count := drawn(`({
		nodes: actorgraph.cy.nodes(':visible').length,
		edges: actorgraph.cy.edges(':visible').length,
		people: actorgraph.cy.nodes('[type = "Person"]:visible').length,
		funding: actorgraph.cy.edges('[predicate = "funded_by"]:visible').length,
	})`)
	before := eval[view](tb, count)
	if before.People == 0 || before.Funding == 0 {
		t.Fatalf("the seed view has %d people and %d funding edges; want some", before.People, before.Funding)
	}
	apply := func(actions ...chromedp.Action[chromedp.Void]) view {
		t.Helper()
		tb.do(append(actions, chromedp.Click(chromedp.ID("filter-apply")))...)
		tb.waitIdle()
		return eval[view](tb, count)
	}

	got := apply(chromedp.Click(chromedp.CSS(`#filter-types input[value="Person"]`)),
		chromedp.Click(chromedp.CSS(`#filter-predicates input[value="funded_by"]`)))
	if got.People != 0 || got.Funding != 0 || got.Nodes == 0 {
		t.Errorf("without people and funding: %+v; want no people, no funding, some nodes", got)
	}
	tb.do(chromedp.Click(chromedp.ID("filter-reset")))
	tb.waitIdle()
	if got := eval[view](tb, count); got != before {
		t.Errorf("after reset: %+v, want %+v", got, before)
	}

	got = apply(chromedp.SetValue(chromedp.ID("filter-from"), "2099"))
	if got.Edges != 0 {
		from := eval[string](tb, `document.getElementById('filter-from').value`)
		t.Errorf("from %q: %d relations shown, want none", from, got.Edges)
	}
	tb.do(chromedp.Click(chromedp.ID("filter-reset")))
	tb.waitIdle()
	if got := eval[view](tb, count); got != before {
		t.Errorf("after reset: %+v, want %+v", got, before)
	}
}

// testPartners asks who partnered with the CNCLT on what.
func testPartners(t *testing.T, browser context.Context, site string) {
	tb := openTab(t, browser, site)
	tb.do(chromedp.SendKeys(chromedp.ID("partners-org"), "CNCLT\r"))
	tb.waitFor("the CNCLT's partners", `document.body.dataset.busy === '0' &&
		document.querySelector('#partners-result .partner') !== null`)
	got := eval[struct {
		Partners    []string
		Things      int
		Highlighted []string
		Faded       int
	}](tb, `({
		partners: [...document.querySelectorAll('#partners-result .partner')].map((e) => e.dataset.partner),
		things: document.querySelectorAll('#partners-result [data-thing]').length,
		highlighted: actorgraph.cy.nodes('.hl').map((n) => n.id()),
		faded: actorgraph.cy.elements('.faded').length,
	})`)
	for _, id := range []string{"unodc", "eu"} {
		if !slices.Contains(got.Partners, id) {
			t.Errorf("partners %v lack %s", got.Partners, id)
		}
	}
	for _, id := range append([]string{"cnclt"}, got.Partners...) {
		if !slices.Contains(got.Highlighted, id) {
			t.Errorf("node %s is not highlighted; highlighted: %v", id, got.Highlighted)
		}
	}
	if got.Things < len(got.Partners) || got.Faded == 0 {
		t.Errorf("%d things for %d partners, %d faded elements; want a thing per partner at least, and the rest faded", got.Things, len(got.Partners), got.Faded)
	}
}

// testExport checks the exports of what is on screen, built in the page,
// and the downloads of the export buttons.
func testExport(t *testing.T, browser context.Context, site string) {
	tb := openTab(t, browser, site)
	vis := eval[struct{ Nodes, Edges int }](tb, drawn(`({nodes: actorgraph.cy.nodes(':visible').length, edges: actorgraph.cy.edges(':visible').length})`))

	svg := eval[string](tb, `actorgraph.buildSVG()`)
	var s struct {
		XMLName xml.Name
		Groups  []struct {
			Class string `xml:"class,attr"`
			G     []struct {
				Text string `xml:"text"`
			} `xml:"g"`
		} `xml:"g"`
	}
	if err := xml.Unmarshal([]byte(svg), &s); err != nil {
		t.Fatalf("SVG does not parse: %v", err)
	}
	var labels []string
	counts := map[string]int{}
	for _, g := range s.Groups {
		counts[g.Class] = len(g.G)
		for _, n := range g.G {
			labels = append(labels, n.Text)
		}
	}
	if s.XMLName.Local != "svg" || counts["nodes"] != vis.Nodes || counts["edges"] != vis.Edges {
		t.Errorf("SVG <%s> with %d nodes and %d edges; want <svg> with %d and %d", s.XMLName.Local, counts["nodes"], counts["edges"], vis.Nodes, vis.Edges)
	}
	if !slices.Contains(labels, "European Union") || !slices.Contains(labels, "funded by") {
		t.Errorf("SVG labels lack European Union or funded by: %q", labels)
	}

	g := parseGraphML(t, []byte(eval[string](tb, `actorgraph.buildGraphML()`)))
	if len(g.Nodes) != vis.Nodes || len(g.Edges) != vis.Edges {
		t.Errorf("GraphML has %d nodes and %d edges, want %d and %d", len(g.Nodes), len(g.Edges), vis.Nodes, vis.Edges)
	}

	var js struct {
		Elements struct {
			Nodes []struct{ Data struct{ ID, Type string } }
			Edges []struct {
				Data struct{ Source, Target, Predicate string }
			}
		}
	}
	if err := json.Unmarshal([]byte(eval[string](tb, `actorgraph.buildJSON()`)), &js); err != nil {
		t.Fatalf("JSON export does not parse: %v", err)
	}
	if len(js.Elements.Nodes) != vis.Nodes || len(js.Elements.Edges) != vis.Edges {
		t.Errorf("JSON has %d nodes and %d edges, want %d and %d", len(js.Elements.Nodes), len(js.Elements.Edges), vis.Nodes, vis.Edges)
	}

	dir := t.TempDir()
	if _, err := chromedp.CallBrowser(tb.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir,
	}); err != nil {
		t.Fatalf("allow downloads: %v", err)
	}
	png := tb.download(dir, "export-png")
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("the PNG export starts %q, not as a PNG", png[:min(len(png), 8)])
	}
	svgFile := tb.download(dir, "export-svg")
	if !bytes.Contains(svgFile, []byte("<svg")) {
		t.Errorf("the SVG download is not SVG: %q", svgFile[:min(len(svgFile), 100)])
	}
	g = parseGraphML(t, tb.download(dir, "export-graphml"))
	if !slices.ContainsFunc(g.Nodes, func(n graphMLNode) bool { return n.ID == "eu" }) {
		t.Errorf("the GraphML download lacks node eu")
	}
}

type graphMLNode struct {
	ID string `xml:"id,attr"`
}

type graphMLDoc struct {
	Nodes []graphMLNode `xml:"graph>node"`
	Edges []struct {
		Source string `xml:"source,attr"`
	} `xml:"graph>edge"`
}

func parseGraphML(t *testing.T, b []byte) graphMLDoc {
	t.Helper()
	var g graphMLDoc
	if err := xml.Unmarshal(b, &g); err != nil {
		t.Fatalf("GraphML does not parse: %v\n%s", err, b[:min(len(b), 300)])
	}
	return g
}

// testHostile shows an article whose name, title, role and evidence hold
// markup and script, and checks that they show as text and never run.
func testHostile(t *testing.T, browser context.Context, site string) {
	tb := openTab(t, browser, site)
	tb.do(chromedp.SendKeys(chromedp.ID("search-input"), "Fondation"))
	tb.waitFor("the search results", `document.body.dataset.busy === '0' && !document.getElementById('search-results').hidden &&
		document.querySelector('#search-results button') !== null`)
	if got := eval[string](tb, `document.querySelector('#search-results button .name').textContent`); got != hostileName {
		t.Errorf("search result %q, want %q as text", got, hostileName)
	}
	tb.do(chromedp.SendKeys(chromedp.ID("search-input"), "\r"))
	tb.waitFor("the foundation's details", `document.body.dataset.busy === '0' && actorgraph.cy.$id('fondation').selected() &&
		document.querySelector('#details .relation') !== null`)
	got := eval[struct {
		Title    string
		Articles []string
		Rules    []string
	}](tb, `({
		title: document.querySelector('#details h2').textContent,
		articles: [...document.querySelectorAll('#details a.article')].map((a) => a.textContent),
		rules: [...document.querySelectorAll('#details .source .meta')].map((m) => m.textContent),
	})`)
	if got.Title != hostileName {
		t.Errorf("details title %q, want %q", got.Title, hostileName)
	}
	if !slices.Contains(got.Articles, hostileRecord.Title) {
		t.Errorf("article titles %q lack %q", got.Articles, hostileRecord.Title)
	}

	tb.run(`actorgraph.cy.$id('eu').emit('tap')`)
	tb.waitFor("the EU's details", `document.body.dataset.busy === '0' &&
		document.querySelector('#details .relation[data-predicate="funded_by"] .evidence') !== null`)
	ev := eval[[]evidence](tb, fmt.Sprintf(readEvidence, `#details .evidence`))
	if !slices.ContainsFunc(ev, func(e evidence) bool { return e.Text == hostileSentence }) {
		t.Errorf("evidence %+v lacks the hostile sentence as text", ev)
	}

	tb.run(`actorgraph.cy.$id('fondation-director').emit('tap')`)
	tb.waitFor("the director's role", fmt.Sprintf(`document.body.dataset.busy === '0' &&
		document.querySelector('#details').textContent.includes(%q)`, hostileRole))

	tb.run(`const org = document.getElementById('partners-org'); org.value = ''; delete org.dataset.id`)
	tb.do(chromedp.SendKeys(chromedp.ID("partners-org"), "Fondation\r"))
	tb.waitFor("the foundation's partners", `document.body.dataset.busy === '0' &&
		document.querySelector('#partners-result .partner') !== null`)

	svg := eval[string](tb, `actorgraph.buildSVG()`)
	if err := xml.Unmarshal([]byte(svg), new(struct{})); err != nil || strings.Contains(svg, "<script") || strings.Contains(svg, "<img") {
		t.Errorf("the SVG export holds markup from the article (parse error %v):\n%s", err, svg)
	}

	// An onerror handler would run once the image failed to load: give it
	// the time to, then look for what the markup would have left.
	time.Sleep(300 * time.Millisecond)
	left := eval[struct {
		Pwned   string
		Images  int
		Scripts int
	}](tb, `({pwned: typeof window.__pwned, images: document.images.length, scripts: document.scripts.length})`)
	if left.Pwned != "undefined" || left.Images != 0 || left.Scripts != 2 {
		t.Errorf("window.__pwned is %s, the page has %d images and %d scripts; want undefined, 0 and its own 2", left.Pwned, left.Images, left.Scripts)
	}
}

// takeScreenshot writes the picture of the seed network, with the EU's
// funding in the side panel.
func takeScreenshot(t *testing.T, browser context.Context, site string) {
	tb := openTab(t, browser, site)
	tb.run(`actorgraph.cy.$id('eu').select().emit('tap')`)
	tb.waitFor("the EU's details", `document.body.dataset.busy === '0' &&
		document.querySelector('#details .relation[data-predicate="funded_by"] .evidence') !== null`)
	png, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join("testdata", "seed-network.png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes)", path, len(png))
}

// ---- the site ----

// chromium returns the browser to drive, and skips the test when there is
// none.
func chromium(t *testing.T) string {
	t.Helper()
	if bin := os.Getenv("ACTORGRAPH_CHROMIUM"); bin != "" {
		if _, err := os.Stat(bin); err != nil {
			t.Fatalf("ACTORGRAPH_CHROMIUM: %v", err)
		}
		return bin
	}
	const debian = "/usr/bin/chromium"
	if _, err := os.Stat(debian); err != nil {
		t.Skipf("no chromium at %s and ACTORGRAPH_CHROMIUM is not set: skipping the browser tests (bash .ci/browser.sh installs it)", debian)
	}
	return debian
}

// startBrowser starts a headless chromium that lives as long as the test.
func startBrowser(t *testing.T, bin string) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.NoSandbox, // CI runs as root
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1600, 1000),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	bctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	return bctx
}

// newSite serves the page and the API over store on 127.0.0.1, as the
// server of actorgraph serve does. Without optional, the optional routes
// answer 404, as on a server that predates them.
func newSite(t *testing.T, store *graph.Store, optional bool) string {
	t.Helper()
	logger := slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))
	api := query.NewServer(store, logger)
	if !optional {
		api = withoutOptionalRoutes(api)
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", api)
	mux.Handle("/", Handler())
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL
}

func withoutOptionalRoutes(api http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !isOptionalRoute(r.URL.Path) {
			api.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprintf(w, `{"error":{"status":404,"message":"no route for path %q"}}`+"\n", r.URL.Path)
	})
}

// answers reports whether a GET of url answers 200.
func answers(t *testing.T, url string) bool {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// seedArticles reads the seed articles that the README loads.
func seedArticles(t *testing.T) []*loader.Article {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "articles", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seed articles in ../../testdata/articles (%v)", err)
	}
	var arts []*loader.Article
	for _, p := range paths {
		a, err := loader.ReadFile(p, loader.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a...)
	}
	return arts
}

// hostileArticles is an article whose text holds markup and a script,
// read as the loader reads any article.
func hostileArticles(t *testing.T) []*loader.Article {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hostile.txt")
	text := hostileSentence + "\n\nL'atelier a réuni des magistrats et des travailleurs sociaux.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	arts, err := loader.ReadFile(path, loader.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// hostileRecord puts markup in every field the page shows that the loader
// may never produce: a name, a title, a document name, a rule, a role.
var hostileRecord = &graph.Article{
	ID: `https://example.test/"><script>window.__pwned=3</script>`, Name: `<img src=x onerror=alert(3)>.txt`,
	Lang: "fr", Published: "2025-03-13", Title: `<script>window.__pwned=4</script><b>Atelier</b>`,
	Entities: []graph.Entity{
		{ID: "fondation", Type: graph.Organization, Name: hostileName, Mentions: []string{hostileName}},
		{ID: "fondation-director", Type: graph.Person, Name: `<svg onload=alert(5)>`, Mentions: []string{`<svg onload=alert(5)>`}},
		{ID: "unodc", Type: graph.Organization, Name: "United Nations Office on Drugs and Crime", Mentions: []string{"ONUDC"}},
		{ID: "event-hostile", Type: graph.Event, Name: `atelier <iframe src="javascript:alert(6)">`, Mentions: []string{"atelier"}},
	},
	Relations: []graph.Relation{
		{Subject: "event-hostile", Predicate: graph.OrganizedBy, Object: "fondation", Evidence: hostileSentence,
			Rule: `<script>window.__pwned=7</script>`, Confidence: 0.9},
		{Subject: "event-hostile", Predicate: graph.Partner, Object: "unodc", Evidence: hostileSentence, Rule: "cue:partner", Confidence: 0.8},
		{Subject: "fondation-director", Predicate: graph.MemberOf, Object: "fondation", Evidence: hostileSentence, Confidence: 0.7},
		{Subject: "fondation-director", Predicate: graph.HoldsRole, Object: hostileRole, Evidence: hostileSentence, Confidence: 0.7},
	},
}

// openStore extracts the facts of arts, as actorgraph load does, and puts
// them and the records in a new in-memory store.
func openStore(t *testing.T, arts []*loader.Article, records ...*graph.Article) *graph.Store {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := loader.NewExtractor(lex)
	if err != nil {
		t.Fatal(err)
	}
	store, err := graph.Open("memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	for _, a := range append(x.ExtractAll(arts), records...) {
		if _, err := store.Put(context.Background(), a); err != nil {
			t.Fatalf("put %s: %v", a.Name, err)
		}
	}
	return store
}

// ---- the tab ----

// tab is a browser tab on the page. It records what must not happen on
// the page: a console error or warning, an uncaught exception, an error in
// the browser's log, a dialog.
type tab struct {
	t   *testing.T
	ctx context.Context

	mu       sync.Mutex
	problems []string // guarded by mu
}

// openTab opens the page in a new tab and waits until it has drawn the
// graph. The test fails, at its end, on any problem the tab recorded.
func openTab(t *testing.T, browser context.Context, site string) *tab {
	t.Helper()
	tb := &tab{t: t}
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithListener(tb.listen))
	t.Cleanup(cancel)
	tb.ctx, cancel = context.WithTimeout(ctx, tabTimeout)
	t.Cleanup(cancel)
	t.Cleanup(tb.checkClean)
	tb.do(chromedp.EmulateViewport(1600, 1000), chromedp.Navigate(site+"/"))
	tb.waitIdle()
	return tb
}

// listen runs in the tab's event loop: it records and returns at once.
func (tb *tab) listen(ev any) {
	var problem string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning ||
			ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				if len(a.Value) > 0 {
					args = append(args, string(a.Value))
				} else {
					args = append(args, a.Description)
				}
			}
			problem = fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		problem = "uncaught: " + d.Text
		if d.Exception != nil {
			problem += " " + d.Exception.Description
		}
	case *cdplog.EventEntryAdded:
		e := ev.Entry
		if e.Level == cdplog.EntryLevelError && !tb.expectedLogError(e) {
			problem = fmt.Sprintf("log %s: %s (%s)", e.Source, e.Text, e.URL)
		}
	case *page.EventJavascriptDialogOpening:
		problem = fmt.Sprintf("%s dialog: %q", ev.Type, ev.Message)
		go func() { // a dialog blocks the page until it is answered
			_, _ = chromedp.Call(tb.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}()
	}
	if problem != "" {
		tb.mu.Lock()
		tb.problems = append(tb.problems, problem)
		tb.mu.Unlock()
	}
}

// expectedLogError reports whether e is the browser's note that an
// optional route of the API is missing, which the page tries on purpose.
func (tb *tab) expectedLogError(e *cdplog.Entry) bool {
	if e.Source != cdplog.EntrySourceNetwork {
		return false
	}
	u, err := url.Parse(e.URL)
	return err == nil && isOptionalRoute(u.Path) && strings.Contains(e.Text, "404")
}

func (tb *tab) checkClean() {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, p := range tb.problems {
		tb.t.Errorf("on the page: %s", p)
	}
}

func (tb *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		tb.t.Fatalf("in the browser: %v", err)
	}
}

// run runs JavaScript statements in the tab, for their effect.
func (tb *tab) run(js string) {
	tb.t.Helper()
	tb.do(chromedp.Evaluate[chromedp.Void]("void (() => { " + js + " })()"))
}

// waitIdle waits until the page has drawn its first view and has no
// request under way.
func (tb *tab) waitIdle() {
	tb.t.Helper()
	tb.waitFor("the page to be idle", `document.body && document.body.dataset.ready === 'true' && document.body.dataset.busy === '0'`)
}

// waitFor waits until the JavaScript expression is true.
func (tb *tab) waitFor(what, expr string) {
	tb.t.Helper()
	_, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(waitTimeout)))
	if err != nil {
		status, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`document.getElementById('status').textContent`))
		tb.t.Fatalf("waiting for %s: %v (page status: %q)", what, err, status)
	}
}

// download clicks the export button id and returns the file it saves in
// dir.
func (tb *tab) download(dir, id string) []byte {
	tb.t.Helper()
	before, _ := os.ReadDir(dir)
	tb.do(chromedp.Click(chromedp.ID(id)))
	deadline := time.Now().Add(waitTimeout)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if slices.ContainsFunc(before, func(b os.DirEntry) bool { return b.Name() == e.Name() }) ||
				strings.HasSuffix(e.Name(), ".crdownload") {
				continue
			}
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err == nil && len(b) > 0 {
				return b
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	tb.t.Fatalf("the %s button saved no file in %s", id, dir)
	return nil
}

// drawn wraps a JavaScript expression so that it is evaluated after the
// page has drawn two more frames: Cytoscape brings an element's style, and
// so ':visible', up to date when it draws, and a count taken straight
// after a filter may still see the elements it just hid.
func drawn(expr string) string {
	return `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(` + expr + `))))`
}

// eval evaluates a JavaScript expression in the tab, awaiting a promise,
// and decodes its value.
func eval[T any](tb *tab, expr string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		var zero T
		tb.t.Fatalf("evaluate %.80q: %v", expr, err)
		return zero
	}
	return v
}
