package query

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/graph"
)

// benchArticles is how many synthetic articles the benchmarks load: about
// 175,000 quads.
const benchArticles = 500

// syntheticArticles returns n articles about events that organizations
// organize, partner and fund, where people speak, in places and on dates,
// implementing plans; events recur across articles, as news does.
func syntheticArticles(n int) []*graph.Article {
	r := rand.New(rand.NewPCG(7, 11))
	langs := []string{"ar", "fr", "en"}
	var out []*graph.Article
	day := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		a := &graph.Article{ID: fmt.Sprintf("https://news.example/%d", i), Name: fmt.Sprintf("a%04d.txt", i),
			Lang: langs[i%3], Published: day.AddDate(0, 0, 3*i).Format(time.DateOnly), Title: fmt.Sprintf("Article %d", i)}
		ents := map[graph.ID]graph.Entity{}
		ent := func(kind graph.Type, prefix string, k int) graph.ID {
			id := graph.ID(fmt.Sprintf("%s-%d", prefix, k))
			ents[id] = graph.Entity{ID: id, Type: kind, Name: fmt.Sprintf("%s %s %d", kind, prefix, k), Mentions: []string{fmt.Sprintf("%s %d (%s)", prefix, k, a.Lang)}}
			return id
		}
		rel := func(s graph.ID, p graph.Predicate, o string) {
			a.Relations = append(a.Relations, graph.Relation{Subject: s, Predicate: p, Object: o,
				Evidence: fmt.Sprintf("Sentence of article %d: %s %s %s.", i, s, p, o), Rule: "bench:" + string(p), Confidence: 0.5 + r.Float64()/2})
		}
		law := ent(graph.Law, "law", r.IntN(30))
		country := ent(graph.Place, "country", r.IntN(5))
		rel(country, graph.Adopted, string(law))
		rel(law, graph.Year, fmt.Sprint(2000+r.IntN(25)))
		for range 2 {
			ev := ent(graph.Event, "event", r.IntN(700))
			orgs := []graph.ID{ent(graph.Organization, "org", r.IntN(400)), ent(graph.Organization, "org", r.IntN(400)),
				ent(graph.Organization, "org", r.IntN(400)), ent(graph.Organization, "org", r.IntN(400))}
			rel(ev, graph.OrganizedBy, string(orgs[0]))
			rel(ev, graph.Partner, string(orgs[1]))
			rel(ev, graph.Partner, string(orgs[2]))
			rel(ev, graph.FundedBy, string(orgs[3]))
			rel(ev, graph.HeldIn, string(ent(graph.Place, "city", r.IntN(60))))
			rel(ev, graph.HeldOn, day.AddDate(0, 0, 3*i-r.IntN(5)).Format(time.DateOnly))
			rel(ev, graph.Implements, string(ent(graph.Plan, "plan", r.IntN(40))))
			rel(ev, graph.PartOf, string(ent(graph.Campaign, "campaign", r.IntN(20))))
			for k := range 2 {
				p := ent(graph.Person, "person", r.IntN(1500))
				rel(p, graph.SpokeAt, string(ev))
				rel(p, graph.MemberOf, string(orgs[k]))
				rel(p, graph.HoldsRole, "director")
			}
		}
		if i%10 == 0 {
			rep := ent(graph.Report, "report", i/10)
			rel(ent(graph.Organization, "org", r.IntN(400)), graph.Published, string(rep))
			rel(rep, graph.Year, a.Published[:4])
			rel(rep, graph.Assesses, string(country))
		}
		for _, e := range ents {
			a.Entities = append(a.Entities, e)
		}
		out = append(out, a)
	}
	return out
}

var benchStore struct {
	once  sync.Once
	store *graph.Store
	quads int64
	load  time.Duration
	err   error
}

// benchServer returns the API over a memory store of the synthetic
// articles, loaded once.
func benchServer(b *testing.B) http.Handler {
	b.Helper()
	benchStore.once.Do(func() {
		ctx := context.Background()
		start := time.Now()
		s, err := graph.Open("memory:")
		if err != nil {
			benchStore.err = err
			return
		}
		for _, a := range syntheticArticles(benchArticles) {
			if _, err := s.Put(ctx, a); err != nil {
				benchStore.err = err
				return
			}
		}
		st, err := s.Stats(ctx)
		benchStore.store, benchStore.quads, benchStore.load, benchStore.err = s, st.Quads, time.Since(start), err
	})
	if benchStore.err != nil {
		b.Fatal(benchStore.err)
	}
	if benchStore.quads < 100000 {
		b.Fatalf("the benchmark graph has %d quads, want at least 100,000", benchStore.quads)
	}
	b.Logf("benchmark graph: %d quads, loaded in %v", benchStore.quads, benchStore.load.Round(time.Millisecond))
	return NewServer(benchStore.store, slog.New(slog.NewTextHandler(io.Discard, nil)))
}

// benchRoute serves target again and again, reporting the size of the
// answer. want is the status expected; stopped means 503 or 504.
func benchRoute(b *testing.B, h http.Handler, method, target, body string, want int) {
	var size int
	for b.Loop() {
		req := httptest.NewRequest(method, target, strings.NewReader(body))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != want && !(want == stopped && (rec.Code == 503 || rec.Code == 504)) {
			b.Fatalf("%s %s: status %d, want %d: %.300s", method, target, rec.Code, want, rec.Body)
		}
		size = rec.Body.Len()
	}
	b.ReportMetric(float64(size), "resp-bytes")
}

// BenchmarkRoutes serves each route over the synthetic graph.
func BenchmarkRoutes(b *testing.B) {
	h := benchServer(b)
	key := graph.ArticleKey(graph.ArticleIRI("https://news.example/42"))
	org := graph.EntityIRI("org-7")
	for _, r := range []struct {
		name, target string
	}{
		{"search", "/api/v1/entities?q=org%207"},
		{"entity", "/api/v1/entities/org-7"},
		{"partners-org", "/api/v1/partners?org=org-7"},
		{"partners-all", "/api/v1/partners"},
		{"partners-all-2020", "/api/v1/partners?from=2020&to=2020"},
		{"network-depth1", "/api/v1/network?id=org-7"},
		{"network-depth2", "/api/v1/network?id=org-7&depth=2"},
		{"network-whole", "/api/v1/network"},
		{"network-whole-funders", "/api/v1/network?predicate=funded_by&limit=2000"},
		{"paths", "/api/v1/paths?from=person-3&to=org-200"},
		{"paths-k10-6hops", "/api/v1/paths?from=person-3&to=org-200&max=10&hops=6"},
		{"timeline", "/api/v1/timeline"},
		{"timeline-org", "/api/v1/timeline?org=org-7"},
		{"article", "/api/v1/articles/" + key},
		{"export-nquads-org", "/api/v1/export?format=nquads&id=org-7"},
		{"export-graphml-org", "/api/v1/export?format=graphml&id=org-7&depth=2"},
		{"export-nquads-whole", "/api/v1/export?format=nquads"},
		{"export-jsonld-whole", "/api/v1/export?format=jsonld"},
		{"export-dot-whole", "/api/v1/export?format=dot"},
		{"gizmo-small", "/api/v2/query?lang=gizmo&qu=" + urlQuery(`g.V("<`+org+`>").in("<https://schema.org/organizer>").all()`)},
		{"graphql-small", "/api/v2/query?lang=graphql&qu=" + urlQuery(`{ org(id: <`+org+`>) { name: <https://schema.org/name> } }`)},
	} {
		b.Run(r.name, func(b *testing.B) { benchRoute(b, h, http.MethodGet, r.target, "", http.StatusOK) })
	}
}

// BenchmarkQueryLimits runs the queries Cayley's own limit does not bound
// over the synthetic graph, with the default limits: each answer is cut to
// DefaultMaxResultBytes, or stopped at DefaultQueryTimeout.
func BenchmarkQueryLimits(b *testing.B) {
	h := benchServer(b)
	for _, q := range []struct {
		name, lang, qu string
		want           int
	}{
		{"getLimit", "gizmo", `g.V().getLimit(1000000)`, 200},
		{"toArray", "gizmo", `g.emit(g.V().toArray())`, 200},
		{"graphql-all", "graphql", `{ nodes { id } }`, 200},
		{"while-true", "gizmo", `while(true){}`, 504},
		// Stopped by the heap budget (503), or by the time limit (504)
		// when the machine allocates slower than 128 MiB a second.
		{"memory-bomb", "gizmo", `var a=[];while(true)a.push({k:"x".repeat(1000)+a.length})`, stopped},
	} {
		b.Run(q.name, func(b *testing.B) {
			// The peak of the Go heap while the queries run, sampled.
			base := heapBytes()
			var peak uint64
			stop := make(chan struct{})
			sampled := make(chan struct{})
			go func() {
				defer close(sampled)
				for {
					select {
					case <-stop:
						return
					case <-time.After(time.Millisecond):
						peak = max(peak, heapBytes())
					}
				}
			}()
			benchRoute(b, h, http.MethodPost, "/api/v2/query?lang="+q.lang, q.qu, q.want)
			close(stop)
			<-sampled
			b.ReportMetric(float64(peak-min(base, peak))/(1<<20), "heap-growth-MiB")
		})
	}
}

// stopped is the status benchRoute takes for 503 or 504.
const stopped = -1

func urlQuery(s string) string {
	return strings.NewReplacer("%", "%25", "&", "%26", "+", "%2B", " ", "%20", "#", "%23", "<", "%3C", ">", "%3E", `"`, "%22").Replace(s)
}
