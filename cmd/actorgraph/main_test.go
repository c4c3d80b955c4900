package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/query"
)

// seeds is the folder of the five sample articles.
const seeds = "../../testdata/articles"

// seedNames returns the file names of the seed articles.
func seedNames(t *testing.T) map[string]bool {
	t.Helper()
	entries, err := os.ReadDir(seeds)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, e := range entries {
		names[e.Name()] = true
	}
	if len(names) != 5 {
		t.Fatalf("%s holds %d files, want the 5 seed articles", seeds, len(names))
	}
	return names
}

// runCmd runs the command line args and returns its standard output and
// standard error.
func runCmd(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err = run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), err
}

// getJSON fetches u and decodes its JSON body into a T, checking the status.
func getJSON[T any](t *testing.T, u string, wantStatus int) T {
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
	if resp.StatusCode != wantStatus {
		t.Fatalf("GET %s: status %d, want %d: %s", u, resp.StatusCode, wantStatus, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("GET %s: Content-Type %q", u, ct)
	}
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("GET %s: %v in %s", u, err, body)
	}
	return v
}

// TestServeEndToEnd loads the seed articles into a memory store, serves
// them on a free loopback port with the code of serve, and asks the API
// over HTTP.
func TestServeEndToEnd(t *testing.T) {
	ctx := context.Background()
	var logs syncBuffer
	srv, err := startServer(ctx, serveConfig{Store: "memory:", Addr: "127.0.0.1:0", Paths: []string{seeds}}, nil,
		slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := srv.close(); err != nil {
			t.Errorf("close: %v", err)
		}
	}()
	base := srv.URL()

	health := getJSON[struct {
		Status   string `json:"status"`
		Store    string `json:"store"`
		Articles int    `json:"articles"`
	}](t, base+"/health", http.StatusOK)
	if health.Status != "ok" || health.Store != "memory:" || health.Articles != 5 {
		t.Errorf("health: %+v, want ok, memory:, 5 articles", health)
	}

	// The UN office is named by its English acronym, its French acronym
	// and its Arabic name: each must find the same entity.
	type hit struct {
		ID   graph.ID   `json:"id"`
		Type graph.Type `json:"type"`
	}
	type searchResult struct {
		Total   int   `json:"total"`
		Results []hit `json:"results"`
	}
	var unodc graph.ID
	for _, q := range []string{"UNODC", "ONUDC", "مكتب الأمم المتحدة المعني بالجريمة والمخدرات", "onudc"} {
		res := getJSON[searchResult](t, base+"/api/v1/entities?"+url.Values{"q": {q}}.Encode(), http.StatusOK)
		if len(res.Results) == 0 {
			t.Fatalf("search %q found nothing", q)
		}
		got := res.Results[0]
		if got.Type != graph.Organization {
			t.Errorf("search %q: first hit %+v is not an organization", q, got)
		}
		if unodc == "" {
			unodc = got.ID
		} else if got.ID != unodc {
			t.Errorf("search %q found %s, but UNODC found %s", q, got.ID, unodc)
		}
	}

	page := getJSON[graph.EntityRecord](t, base+"/api/v1/entities/"+string(unodc), http.StatusOK)
	names := seedNames(t)
	var docs []string
	for _, a := range page.Articles {
		if !names[a.Document] {
			t.Errorf("entity %s lists article %+v, which is not a seed", unodc, a)
		}
		docs = append(docs, a.Document)
	}
	if len(docs) < 3 {
		t.Errorf("entity %s lists articles %v; want at least 3 of the seeds", unodc, docs)
	}
	if len(page.Names) < 2 {
		t.Errorf("entity %s has names in %d languages, want at least 2: %v", unodc, len(page.Names), page.Names)
	}
	for _, e := range append(page.In, page.Out...) {
		for _, src := range e.Sources {
			if src.Evidence == "" || !names[src.Article.Document] {
				t.Errorf("edge %s %s %s: source without evidence or article: %+v", e.Subject, e.Predicate, e.Object, src)
			}
		}
	}

	arts := getJSON[struct {
		Total int `json:"total"`
	}](t, base+"/api/v1/articles", http.StatusOK)
	if arts.Total != 5 {
		t.Errorf("articles: total %d, want 5", arts.Total)
	}

	type errorBody struct {
		Error struct {
			Status  int    `json:"status"`
			Message string `json:"message"`
		} `json:"error"`
	}
	nf := getJSON[errorBody](t, base+"/api/v1/entities/no-such-entity", http.StatusNotFound)
	if nf.Error.Status != 404 || !strings.Contains(nf.Error.Message, "no-such-entity") {
		t.Errorf("unknown entity: %+v", nf)
	}
	bad := getJSON[errorBody](t, base+"/api/v1/entities?q=un&limit=1000", http.StatusBadRequest)
	if !strings.Contains(bad.Error.Message, `"limit"`) {
		t.Errorf("bad limit: %+v", bad)
	}

	if !strings.Contains(logs.String(), "url="+base) {
		t.Errorf("the log does not give the URL %s:\n%s", base, logs.String())
	}
}

// TestServeCommand runs serve as the command line does, and stops it the
// way a signal does, by cancelling its context.
func TestServeCommand(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--store", "memory:", "--addr", "127.0.0.1:0", seeds}, nil, &stdout, &stderr)
	}()

	urlPattern := regexp.MustCompile(`msg=serving url=(http://\S+)`)
	var base string
	for deadline := time.Now().Add(60 * time.Second); base == ""; {
		if m := urlPattern.FindStringSubmatch(stderr.String()); m != nil {
			base = m[1]
			break
		}
		select {
		case err := <-done:
			t.Fatalf("serve stopped before serving: %v\n%s", err, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not log its URL:\n%s", stderr.String())
		}
	}
	if !strings.Contains(stderr.String(), "loaded 5 articles (0 skipped)") {
		t.Errorf("serve did not log its load summary:\n%s", stderr.String())
	}
	health := getJSON[map[string]any](t, base+"/health", http.StatusOK)
	if health["articles"] != 5.0 {
		t.Errorf("health %v, want 5 articles", health)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after cancel: %v", err)
		}
	case <-time.After(shutdownTimeout + 5*time.Second):
		t.Fatal("serve did not stop after cancel")
	}
	if _, err := http.Get(base + "/health"); err == nil {
		t.Errorf("the server still answers after shutdown")
	}
	if !strings.Contains(stderr.String(), "shutting down") {
		t.Errorf("no shutdown log:\n%s", stderr.String())
	}
}

// TestLoadTwiceChangesNothing loads the seeds twice into a bolt store: the
// second load must find every quad in place.
func TestLoadTwiceChangesNothing(t *testing.T) {
	store := "bolt:" + filepath.Join(t.TempDir(), "db")
	stats := func() graph.Stats {
		t.Helper()
		out, _, err := runCmd(t, "stats", "--store", store)
		if err != nil {
			t.Fatalf("stats: %v", err)
		}
		var st graph.Stats
		if err := json.Unmarshal([]byte(out), &st); err != nil {
			t.Fatalf("stats output %q: %v", out, err)
		}
		return st
	}

	out, _, err := runCmd(t, "load", "--store", store, seeds)
	if err != nil {
		t.Fatalf("first load: %v", err)
	}
	summary := regexp.MustCompile(`^loaded 5 articles \(0 skipped\): (\d+) entities, (\d+) relations, (\d+) quads \((\d+) added, 0 removed\) in [0-9.]+ s\n$`)
	m := summary.FindStringSubmatch(out)
	if m == nil || m[3] != m[4] || m[3] == "0" {
		t.Fatalf("first load printed %q; want a summary with as many quads added as loaded", out)
	}
	first := stats()
	if first.Articles != 5 || first.Entities == 0 || first.Relations == 0 || first.Quads == 0 {
		t.Fatalf("after the first load: %+v", first)
	}

	out, _, err = runCmd(t, "load", "--store", store, seeds)
	if err != nil {
		t.Fatalf("second load: %v", err)
	}
	if m2 := summary.FindStringSubmatch(out); m2 == nil || m2[4] != "0" || m2[3] != m[3] {
		t.Errorf("second load printed %q; want the same quads, 0 added, 0 removed (first: %q)", out, m[0])
	}
	if diff := cmp.Diff(first, stats()); diff != "" {
		t.Errorf("stats changed on the second load (-first +second):\n%s", diff)
	}

	// stats is deterministic: the same store prints the same bytes.
	a, _, _ := runCmd(t, "stats", "--store", store)
	b, _, _ := runCmd(t, "stats", "--store", store)
	if a != b {
		t.Errorf("stats printed different output for the same store:\n%s\n%s", a, b)
	}
}

// TestLoadSkipsBadInputs: a file that cannot be read is reported, the
// others are loaded, and the command fails.
func TestLoadSkipsBadInputs(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(filepath.Join(seeds, "003_e39b19ec1737aeb7.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "good.txt"), good, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	store := "bolt:" + filepath.Join(t.TempDir(), "db")
	out, errOut, err := runCmd(t, "load", "--store", store, dir)
	if err == nil {
		t.Errorf("load with an empty file succeeded")
	}
	if !strings.HasPrefix(out, "loaded 1 articles (1 skipped: 1 empty)") {
		t.Errorf("summary %q, want 1 article loaded and 1 skipped as empty", out)
	}
	if !strings.Contains(errOut, "empty.txt") {
		t.Errorf("the skipped file is not named on stderr: %q", errOut)
	}
	out, _, err = runCmd(t, "stats", "--store", store)
	if err != nil || !strings.Contains(out, `"articles": 1,`) {
		t.Errorf("stats after a partial load: %v\n%s", err, out)
	}
}

// TestExtract prints one JSON object a seed article, with the same ids as
// load stores.
func TestExtract(t *testing.T) {
	out, errOut, err := runCmd(t, "extract", seeds)
	if err != nil {
		t.Fatalf("extract: %v\n%s", err, errOut)
	}
	names := seedNames(t)
	var arts []graph.Article
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var a graph.Article
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&a); err != nil {
			t.Fatalf("line %d: %v: %s", len(arts)+1, err, sc.Text())
		}
		if !names[a.Name] || a.ID == "" || (a.Lang != "ar" && a.Lang != "fr" && a.Lang != "en") {
			t.Errorf("line %d: document %q, id %q, lang %q", len(arts)+1, a.Name, a.ID, a.Lang)
		}
		if err := a.Validate(); err != nil {
			t.Errorf("line %d: %v", len(arts)+1, err)
		}
		arts = append(arts, a)
	}
	if len(arts) != 5 {
		t.Fatalf("extract printed %d lines, want 5", len(arts))
	}

	// Load resolves ids the same way: every entity extract prints is in the
	// store under the same id.
	ctx := context.Background()
	store, err := graph.Open("memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if _, err := load(ctx, store, batch{Paths: []string{seeds}, Skip: func(err error) { t.Error(err) }}); err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		for _, e := range a.Entities {
			if _, err := store.Entity(ctx, e.ID); err != nil {
				t.Errorf("%s: entity %s: %v", a.Name, e.ID, err)
			}
		}
	}
}

func TestRemove(t *testing.T) {
	store := "bolt:" + filepath.Join(t.TempDir(), "db")
	if _, _, err := runCmd(t, "load", "--store", store, seeds); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCmd(t, "remove", "--store", store, "003_e39b19ec1737aeb7.txt")
	if err != nil || !strings.HasPrefix(out, "removed ") {
		t.Fatalf("remove by document name: %v, %q", err, out)
	}
	out, _, _ = runCmd(t, "stats", "--store", store)
	if !strings.Contains(out, `"articles": 4,`) {
		t.Errorf("after removing one article:\n%s", out)
	}
	_, errOut, err := runCmd(t, "remove", "--store", store, "003_e39b19ec1737aeb7.txt")
	if err == nil || !strings.Contains(errOut, "not found") {
		t.Errorf("removing it again: %v, stderr %q; want not found", err, errOut)
	}
}

func TestUnknownStoreScheme(t *testing.T) {
	for _, args := range [][]string{
		{"stats", "--store", "foo:bar"},
		{"load", "--store", "foo:bar", seeds},
		{"serve", "--store", "foo:bar", "--addr", "127.0.0.1:0"},
		{"remove", "--store", "foo:bar", "x"},
	} {
		_, _, err := runCmd(t, args...)
		if !errors.Is(err, graph.ErrUnknownScheme) || !strings.Contains(err.Error(), "bolt:PATH") || !strings.Contains(err.Error(), "memory:") {
			t.Errorf("%v: got %v, want an unknown-scheme error naming bolt:PATH and memory:", args, err)
		}
	}
}

func TestHelp(t *testing.T) {
	for _, c := range commands {
		for _, args := range [][]string{{c.name, "--help"}, {c.name, "-h"}, {"help", c.name}} {
			out, errOut, err := runCmd(t, args...)
			if err != nil {
				t.Errorf("%v: %v", args, err)
			}
			if !strings.HasPrefix(out, "usage: actorgraph "+c.name) || !strings.Contains(out, "Flags:") || errOut != "" {
				t.Errorf("%v printed stdout %q, stderr %q; want the usage on stdout", args, out, errOut)
			}
		}
	}
	out, _, err := runCmd(t, "--help")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range commands {
		if !strings.Contains(out, "  "+c.name+" ") {
			t.Errorf("actorgraph --help does not list %s:\n%s", c.name, out)
		}
	}
	out, _, _ = runCmd(t, "load", "--help")
	for _, want := range []string{"--store URL", `(default "bolt:actorgraph.db")`, "--lexicon FILE"} {
		if !strings.Contains(out, want) {
			t.Errorf("load --help lacks %q:\n%s", want, out)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{nil, "no command given"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"load", "--nope", "x"}, "load: flag provided but not defined: -nope"},
		{[]string{"load"}, "load: no PATH given"},
		{[]string{"extract"}, "extract: no PATH given"},
		{[]string{"remove"}, "remove: no ARTICLE given"},
		{[]string{"stats", "extra"}, `stats: unexpected argument "extra"`},
		{[]string{"serve", "--addr"}, "serve: flag needs an argument: -addr"},
	}
	for _, tt := range tests {
		_, _, err := runCmd(t, tt.args...)
		var ue *usageError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want a usage error containing %q", tt.args, err, tt.want)
		}
	}
}

func TestProgress(t *testing.T) {
	var out bytes.Buffer
	clock := time.Unix(0, 0)
	p := newProgress(&out, 2*time.Second)
	p.now = func() time.Time { return clock }
	p.last = clock
	for i := 1; i <= 10; i++ {
		clock = clock.Add(500 * time.Millisecond)
		p.report("step %d", i)
	}
	if diff := cmp.Diff("step 4\nstep 8\n", out.String()); diff != "" {
		t.Errorf("progress lines (-want +got):\n%s", diff)
	}
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader in two
// goroutines.
type syncBuffer struct {
	mu sync.Mutex // guards b
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestEvalSeeds runs eval on the seeds against their gold, as a
// user would, and checks the figures it prints.
func TestEvalSeeds(t *testing.T) {
	var out, errOut strings.Builder
	err := run(context.Background(), []string{"eval", "--gold", "../../testdata/gold", "--json", "../../testdata/articles"}, strings.NewReader(""), &out, &errOut)
	if err != nil {
		t.Fatalf("eval: %v\n%s", err, errOut.String())
	}
	var s struct {
		Entities, Relations, Coref struct{ F1 float64 }
	}
	if err := json.Unmarshal([]byte(out.String()), &s); err != nil {
		t.Fatalf("eval --json printed %q: %v", out.String(), err)
	}
	if s.Entities.F1 < 0.95 || s.Relations.F1 < 0.85 || s.Coref.F1 < 0.95 {
		t.Errorf("eval on the seeds: %+v, want entity F1 >= 0.95, relation F1 >= 0.85, coref F1 >= 0.95", s)
	}
	if err := run(context.Background(), []string{"eval", "../../testdata/articles"}, strings.NewReader(""), &out, &errOut); err == nil {
		t.Error("eval without --gold succeeded")
	}
}

// TestUserLexicon checks that a lexicon file given with --lexicon teaches
// the extractor, without a rebuild, a body the built-in lexicon does not
// know, and adds a name to one it knows.
func TestUserLexicon(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "a.txt")
	text := "La Fondation Zeta pour l'Enfance a organisé, jeudi à Rabat, un séminaire en partenariat avec l'Agence onusienne des drogues."
	if err := os.WriteFile(article, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	lex := filepath.Join(dir, "mine.jsonl")
	entries := `{"id":"zeta-foundation","type":"Organization","name":"Zeta Foundation for Children","names":{"fr":["Fondation Zeta pour l'Enfance"]}}
{"id":"unodc","type":"Organization","names":{"fr":["Agence onusienne des drogues"]}}
`
	if err := os.WriteFile(lex, []byte(entries), 0o644); err != nil {
		t.Fatal(err)
	}
	extractIDs := func(args ...string) map[string]bool {
		var out, errOut strings.Builder
		if err := run(context.Background(), append([]string{"extract"}, args...), strings.NewReader(""), &out, &errOut); err != nil {
			t.Fatalf("extract %v: %v\n%s", args, err, errOut.String())
		}
		var a graph.Article
		if err := json.Unmarshal([]byte(out.String()), &a); err != nil {
			t.Fatalf("extract printed %q: %v", out.String(), err)
		}
		ids := map[string]bool{}
		for _, e := range a.Entities {
			ids[string(e.ID)] = true
		}
		return ids
	}
	without := extractIDs(article)
	with := extractIDs("--lexicon", lex, article)
	if without["zeta-foundation"] || without["unodc"] {
		t.Fatalf("the built-in lexicon already knows these: %v", without)
	}
	if !with["zeta-foundation"] || !with["unodc"] {
		t.Errorf("with --lexicon, entities are %v; want zeta-foundation and unodc", with)
	}
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(`{"id":"Bad Id","type":"Organization"}`+"\n"), 0o644)
	var out, errOut strings.Builder
	err := run(context.Background(), []string{"extract", "--lexicon", bad, article}, strings.NewReader(""), &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "bad.jsonl:1") {
		t.Errorf("a bad lexicon line: got %v, want an error naming bad.jsonl:1", err)
	}
}

// TestRoutesServePageAndAPI checks that serve's handler gives the page at /
// and the API under /api/ from one server.
func TestRoutesServePageAndAPI(t *testing.T) {
	store, err := graph.Open("memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	srv := httptest.NewServer(routes(query.NewServer(store, slog.New(slog.NewTextHandler(io.Discard, nil)))))
	defer srv.Close()
	for path, wantType := range map[string]string{"/": "text/html", "/api/v1/stats": "application/json", "/health": "application/json"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), wantType) {
			t.Errorf("GET %s: %d %q, want 200 %s", path, resp.StatusCode, resp.Header.Get("Content-Type"), wantType)
		}
	}
}
