package graph

import (
	"context"
	"errors"
	"maps"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func sampleArticle(id, lang string, mention string) *Article {
	return &Article{
		ID: id, Name: id + ".txt", Lang: lang, Published: "2024-07-26",
		Entities: []Entity{
			{ID: "unodc", Type: Organization, Name: "United Nations Office on Drugs and Crime", Mentions: []string{mention}},
			{ID: "event-x", Type: Event, Name: "Seminar", Mentions: []string{"séminaire"}},
		},
		Relations: []Relation{
			{Subject: "event-x", Predicate: Partner, Object: "unodc", Evidence: "en partenariat avec " + mention, Rule: "pattern:partner", Confidence: 0.8},
			{Subject: "event-x", Predicate: HeldOn, Object: "2024-07-25", Evidence: "jeudi", Rule: "date", Confidence: 0.7},
		},
	}
}

func openTestStores(t *testing.T) map[string]*Store {
	t.Helper()
	urls := map[string]string{"memory": "memory:", "bolt": "bolt:" + filepath.Join(t.TempDir(), "db")}
	maps.Copy(urls, sqlTestURLs(t)) // PostgreSQL when ACTORGRAPH_TEST_POSTGRES is set (sql_test.go)
	stores := map[string]*Store{}
	for name, url := range urls {
		s, err := Open(url)
		if err != nil {
			t.Fatalf("Open(%q): %v", url, err)
		}
		t.Cleanup(func() { s.Close() })
		stores[name] = s
	}
	return stores
}

func TestPutIsIdempotentAndReplaces(t *testing.T) {
	ctx := context.Background()
	for name, s := range openTestStores(t) {
		t.Run(name, func(t *testing.T) {
			a := sampleArticle("a1", "fr", "ONUDC")
			first, err := s.Put(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			st1, _ := s.Stats(ctx)
			again, err := s.Put(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			if again.Added != 0 || again.Removed != 0 {
				t.Errorf("second Put changed the store: %+v", again)
			}
			st2, _ := s.Stats(ctx)
			if diff := cmp.Diff(st1, st2); diff != "" {
				t.Errorf("stats changed on reload (-first +second):\n%s", diff)
			}
			if first.Added != first.Quads || st1.Quads != int64(first.Quads) {
				t.Errorf("first Put %+v, store has %d quads", first, st1.Quads)
			}
			// A new version drops the date: the stale held_on must go.
			b := sampleArticle("a1", "fr", "ONUDC")
			b.Relations = b.Relations[:1]
			if _, err := s.Put(ctx, b); err != nil {
				t.Fatal(err)
			}
			e, err := s.Entity(ctx, "event-x")
			if err != nil {
				t.Fatal(err)
			}
			for _, edge := range e.Out {
				if edge.Predicate == HeldOn {
					t.Errorf("stale held_on edge survived a reload: %+v", edge)
				}
			}
		})
	}
}

func TestCorroborationAndRemove(t *testing.T) {
	ctx := context.Background()
	for name, s := range openTestStores(t) {
		t.Run(name, func(t *testing.T) {
			if _, err := s.Put(ctx, sampleArticle("fr-article", "fr", "ONUDC")); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Put(ctx, sampleArticle("en-article", "en", "UNODC")); err != nil {
				t.Fatal(err)
			}
			e, err := s.Entity(ctx, "unodc")
			if err != nil {
				t.Fatal(err)
			}
			if len(e.In) != 1 || len(e.In[0].Sources) != 2 {
				t.Fatalf("want one partner edge with two sources, got %+v", e.In)
			}
			if c := e.In[0].Confidence; c <= 0.8 {
				t.Errorf("corroborated confidence %v, want > single source 0.8", c)
			}
			if diff := cmp.Diff(map[string][]string{"en": {"UNODC"}, "fr": {"ONUDC"}}, e.Names); diff != "" {
				t.Errorf("names (-want +got):\n%s", diff)
			}
			src := e.In[0].Sources[0]
			if src.Evidence == "" || src.Rule != "pattern:partner" || src.Article.Document == "" {
				t.Errorf("source lacks provenance: %+v", src)
			}

			if _, err := s.Remove(ctx, "fr-article"); err != nil {
				t.Fatal(err)
			}
			e, err = s.Entity(ctx, "unodc")
			if err != nil {
				t.Fatal(err)
			}
			if len(e.In) != 1 || len(e.In[0].Sources) != 1 || e.In[0].Sources[0].Article.ID != "en-article" {
				t.Errorf("after removing one source, want the edge kept with the other: %+v", e.In)
			}
			if _, err := s.Remove(ctx, "fr-article"); !errors.Is(err, ErrNotFound) {
				t.Errorf("second Remove: got %v, want ErrNotFound", err)
			}
			if _, err := s.Remove(ctx, "en-article"); err != nil {
				t.Fatal(err)
			}
			st, _ := s.Stats(ctx)
			if st.Quads != 0 {
				t.Errorf("store holds %d quads after removing every article", st.Quads)
			}
		})
	}
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	s, err := Open("memory:")
	if err != nil {
		t.Fatal(err)
	}
	a := sampleArticle("a", "ar", "مكتب الأمم المتحدة المعني بالجريمة والمخدرات")
	a.Entities[0].Mentions = append(a.Entities[0].Mentions, "ONUDC")
	a.Entities[0].Aliases = []string{"UNODC"}
	if _, err := s.Put(ctx, a); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"onudc", "ONUDC", "unodc", "مكتب الامم المتحدة", "united nations office", "Séminaire", "SEMINAIRE"} {
		hits, total, err := s.Search(ctx, q, SearchOptions{})
		if err != nil || total == 0 {
			t.Errorf("Search(%q) = %v, %d, %v; want a hit", q, hits, total, err)
		}
	}
	hits, _, _ := s.Search(ctx, "ONUDC", SearchOptions{})
	if len(hits) != 1 || hits[0].ID != "unodc" || hits[0].Score != 3 {
		t.Errorf("Search(ONUDC) = %+v, want unodc exact", hits)
	}
	e, err := s.Entity(ctx, "unodc")
	if err != nil {
		t.Fatal(err)
	}
	for _, names := range e.Names {
		if contains(names, "UNODC") {
			t.Errorf("an alias the article does not use became a label: %v", e.Names)
		}
	}
	if hits, _, _ := s.Search(ctx, "séminaire", SearchOptions{Type: Organization}); len(hits) != 0 {
		t.Errorf("type filter let through %+v", hits)
	}
}

func TestOpenErrors(t *testing.T) {
	for _, url := range []string{"mysql://x", "bolt:", "nonsense"} {
		if _, err := Open(url); err == nil {
			t.Errorf("Open(%q) succeeded", url)
		}
	}
	if _, err := Open("foo:bar"); !errors.Is(err, ErrUnknownScheme) {
		t.Errorf("Open(foo:bar) = %v, want ErrUnknownScheme", err)
	}
}

func TestBoltLockedByAnotherHandle(t *testing.T) {
	url := "bolt:" + filepath.Join(t.TempDir(), "db")
	s, err := Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := Open(url); !errors.Is(err, ErrLocked) {
		t.Errorf("second Open = %v, want ErrLocked", err)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
