package graph

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// testPostgresEnv names the environment variable that points the store
// tests at a PostgreSQL server, as a URL such as
// postgres://postgres@127.0.0.1:5432/actorgraph?sslmode=disable. .ci/run
// starts a throwaway server and sets it.
const testPostgresEnv = "ACTORGRAPH_TEST_POSTGRES"

// skipWithoutPostgres skips t when no PostgreSQL server is given, saying
// why, and returns the server's URL otherwise.
func skipWithoutPostgres(t testing.TB) string {
	t.Helper()
	base := os.Getenv(testPostgresEnv)
	if base == "" {
		t.Skipf("%s is not set: the store tests ran on memory and bolt only. Set it to a PostgreSQL URL "+
			"(postgres://USER@HOST:PORT/DB?sslmode=disable) to run them on PostgreSQL too; .ci/run does, "+
			"with a throwaway server from scripts/pgtmp", testPostgresEnv)
	}
	return base
}

// sqlTestURLs returns, when ACTORGRAPH_TEST_POSTGRES is set, the URLs of
// two new empty SQL stores on that server, each in a schema of its own
// that is dropped when t ends: "postgres" (lib/pq) and "cockroach", our
// CockroachDB flavour (pgx, transaction retries, no foreign keys), which
// runs on PostgreSQL too. It returns none otherwise; TestPostgres then
// reports the skip.
func sqlTestURLs(t testing.TB) map[string]string {
	t.Helper()
	base := os.Getenv(testPostgresEnv)
	if base == "" {
		return nil
	}
	return map[string]string{
		"postgres":  testSchemaURL(t, base, "postgres"),
		"cockroach": testSchemaURL(t, base, "cockroach"),
	}
}

// testSchemaURL creates a schema on the server at base and returns a
// store URL of the given scheme whose tables go into it.
func testSchemaURL(t testing.TB, base, scheme string) string {
	t.Helper()
	db := testDB(t, base)
	var b [6]byte
	rand.Read(b[:])
	schema := "test_" + hex.EncodeToString(b[:])
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", testPostgresEnv, err)
	}
	u.Scheme = scheme
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// testDB returns a connection pool to the server at base, closed when t
// ends.
func testDB(t testing.TB, base string) *sql.DB {
	t.Helper()
	db, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// openSQLTestStores opens the stores of sqlTestURLs, skipping t when there
// is no server.
func openSQLTestStores(t *testing.T) map[string]*Store {
	t.Helper()
	skipWithoutPostgres(t)
	stores := map[string]*Store{}
	for name, u := range sqlTestURLs(t) {
		s, err := Open(u)
		if err != nil {
			t.Fatalf("Open(%q): %v", u, err)
		}
		t.Cleanup(func() { s.Close() })
		stores[name] = s
	}
	return stores
}

// TestPostgres reports, when no server is given, that the store tests
// skipped PostgreSQL; with one, it checks that Open completed Cayley's
// schema.
func TestPostgres(t *testing.T) {
	base := skipWithoutPostgres(t)
	u := sqlTestURLs(t)["postgres"]
	s, err := Open(u)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	pu, _ := url.Parse(u)
	schema := pu.Query().Get("search_path")
	rows, err := testDB(t, base).Query("SELECT indexname FROM pg_indexes WHERE schemaname = $1", schema)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	have := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		have[name] = true
	}
	for _, want := range []string{"quads_label_index", "nodes_unreferenced_index", "spol_unique"} {
		if !have[want] {
			t.Errorf("index %s missing; the schema has %v", want, have)
		}
	}
}

// TestSQLReopenAndShare opens a SQL store twice at once, as two processes
// would, and again after closing: each handle sees the other's writes,
// counts included.
func TestSQLReopenAndShare(t *testing.T) {
	ctx := context.Background()
	for name, s := range openSQLTestStores(t) {
		t.Run(name, func(t *testing.T) {
			u := s.url
			other, err := Open(u)
			if err != nil {
				t.Fatalf("second Open: %v", err)
			}
			defer other.Close()
			before, err := other.Stats(ctx) // Cayley would cache these counts
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Put(ctx, sampleArticle("a1", "fr", "ONUDC")); err != nil {
				t.Fatal(err)
			}
			want, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			got, err := other.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" || got.Quads == before.Quads {
				t.Errorf("the other handle's stats are stale (-writer +other):\n%s", diff)
			}
			if _, err := other.Entity(ctx, "unodc"); err != nil {
				t.Errorf("the other handle does not see the entity: %v", err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			again, err := Open(u)
			if err != nil {
				t.Fatalf("reopen: %v", err)
			}
			defer again.Close()
			got, err = again.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("stats after reopening (-before +after):\n%s", diff)
			}
		})
	}
}

// TestSQLLargeArticle writes an article with more rows than one INSERT
// takes, then removes it.
func TestSQLLargeArticle(t *testing.T) {
	ctx := context.Background()
	a := sampleArticle("big", "en", "UNODC")
	places := sqlRowsPerInsert/2 + 100 // each adds two IRIs: the place and the fact
	for i := range places {
		id := ID(fmt.Sprintf("place-%d", i))
		a.Entities = append(a.Entities, Entity{ID: id, Type: Place, Name: fmt.Sprintf("Place %d", i), Mentions: []string{fmt.Sprintf("place %d", i)}})
		a.Relations = append(a.Relations, Relation{Subject: "event-x", Predicate: HeldIn, Object: string(id), Evidence: "held in many places"})
	}
	for name, s := range openSQLTestStores(t) {
		t.Run(name, func(t *testing.T) {
			res, err := s.Put(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			if res.Added != res.Quads || res.Quads < 2*sqlRowsPerInsert {
				t.Fatalf("Put = %+v, want all of more than %d quads added", res, 2*sqlRowsPerInsert)
			}
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st.Quads != int64(res.Quads) || st.ByType[Place] != places {
				t.Errorf("store has %d quads and %d places, want %d and %d", st.Quads, st.ByType[Place], res.Quads, places)
			}
			n, err := s.Remove(ctx, "big")
			if err != nil || n != res.Quads {
				t.Errorf("Remove = %d, %v; want %d", n, err, res.Quads)
			}
			if st, _ := s.Stats(ctx); st.Quads != 0 {
				t.Errorf("%d quads left", st.Quads)
			}
		})
	}
}

// TestSQLConcurrentReadsAndWrites runs readers beside a writer; run it
// with -race.
func TestSQLConcurrentReadsAndWrites(t *testing.T) {
	ctx := context.Background()
	for name, s := range openSQLTestStores(t) {
		t.Run(name, func(t *testing.T) {
			if _, err := s.Put(ctx, sampleArticle("seed", "fr", "ONUDC")); err != nil {
				t.Fatal(err)
			}
			var wg sync.WaitGroup
			errs := make(chan error, 100)
			wg.Go(func() {
				for i := range 20 {
					if _, err := s.Put(ctx, sampleArticle(fmt.Sprintf("a%d", i), "en", "UNODC")); err != nil {
						errs <- err
					}
				}
			})
			for range 4 {
				wg.Go(func() {
					for range 20 {
						if _, err := s.Entity(ctx, "unodc"); err != nil {
							errs <- err
						}
					}
				})
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
			e, err := s.Entity(ctx, "unodc")
			if err != nil {
				t.Fatal(err)
			}
			if len(e.In) != 1 || len(e.In[0].Sources) != 21 {
				t.Errorf("want one edge with 21 sources, got %+v", e.In)
			}
		})
	}
}

// TestOpenSQLErrors checks the errors of SQL URLs that cannot work. It
// needs no server: nothing listens on port 1.
func TestOpenSQLErrors(t *testing.T) {
	for _, u := range []string{
		"postgres://someone:s3cret@127.0.0.1:1/db?sslmode=disable",
		"cockroach://someone:s3cret@127.0.0.1:1/db?sslmode=disable",
		"postgres://someone@127.0.0.1:1/db?sslmode=disable&password=s3cret",
		"postgres://someone:s3cret@127.0.0.1:bad/db",
	} {
		start := time.Now()
		_, err := Open(u)
		if err == nil {
			t.Errorf("Open(%q) succeeded", u)
			continue
		}
		if strings.Contains(err.Error(), "s3cret") {
			t.Errorf("Open(%q) error shows the password: %v", u, err)
		}
		if !strings.HasPrefix(err.Error(), "open store ") {
			t.Errorf("Open(%q) error does not say what failed: %v", u, err)
		}
		if d := time.Since(start); d > SQLConnectTimeout {
			t.Errorf("Open(%q) took %v", u, d)
		}
	}
}

// TestOpenMissingDatabase checks that the error says to create it.
func TestOpenMissingDatabase(t *testing.T) {
	base := skipWithoutPostgres(t)
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/no_such_database"
	_, err = Open(u.String())
	if err == nil || !strings.Contains(err.Error(), "createdb") {
		t.Errorf("Open on a missing database = %v, want an error that says to create it", err)
	}
}

func TestRedactURL(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://u:pw@h:5432/db?sslmode=disable":          "postgres://u:xxxxx@h:5432/db?sslmode=disable",
		"postgres://u@h/db?password=pw&sslmode=disable":      "postgres://u@h/db?password=xxxxx&sslmode=disable",
		"cockroach://root@h:26257/db":                        "cockroach://root@h:26257/db",
		"bolt:actorgraph.db":                                 "bolt:actorgraph.db",
		"memory:":                                            "memory:",
		"postgres://u:pw@h:x/db":                             "postgres://u:xxxxx@h:x/db", // too broken to parse
		"postgresql://u:p%40ss@h/db?search_path=a&sslmode=x": "postgresql://u:xxxxx@h/db?search_path=a&sslmode=x",
	} {
		if got := redactURL(in); got != want {
			t.Errorf("redactURL(%q) = %q, want %q", in, got, want)
		}
	}
	if err := unwrapURLError(errors.New("x")); err.Error() != "x" {
		t.Errorf("unwrapURLError changed a plain error: %v", err)
	}
}
