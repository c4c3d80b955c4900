package graph

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	graphlog "github.com/cayleygraph/cayley/graph/log"
	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/lib/pq"
)

// SQL stores keep the quads in Cayley's SQL quad store (graph/sql): a
// nodes table (one row per value, with a reference count) and a quads table
// (four value hashes), which Cayley creates on first use. We register our
// own flavours of it, for two reasons:
//
//   - Cayley writes a transaction one INSERT per node and per quad (its COPY
//     path is commented out), about 4.7k quads/s on a local PostgreSQL;
//     runSQLTx writes each table in a few multi-row INSERTs instead;
//   - Cayley's cockroach flavour keeps one row per (subject, predicate,
//     object) whatever the label, so a fact stated by a second article is
//     silently dropped, and removing the first article then loses it. Ours
//     makes the label part of the key, as the postgres flavour does.
const (
	postgresBackend  = "actorgraph-postgres"
	cockroachBackend = "actorgraph-cockroach"
)

// SQLConnectTimeout bounds how long Open waits for a PostgreSQL or
// CockroachDB server to answer before it gives up.
const SQLConnectTimeout = 10 * time.Second

// sqlMaxConns caps the connections a SQL store holds open, and keeps that
// many idle ones: readers share the store, and database/sql's default of 2
// idle connections would make each burst of concurrent requests open and
// close connections (a few milliseconds each on PostgreSQL). It stays well
// under PostgreSQL's default max_connections of 100.
const sqlMaxConns = 32

// sqlRowsPerInsert bounds the rows of one multi-row INSERT. PostgreSQL takes
// at most 65535 parameters in a statement, and a row has at most 4.
const sqlRowsPerInsert = 2000

// sqlSchema completes the tables Cayley creates. Each statement is
// idempotent and runs at every Open, so a database created by an older
// version gets it too.
var sqlSchema = []string{
	// Put and Remove read an article's quads by label, and Cayley creates no
	// index on label_hash: without this, each of them scans the whole quads
	// table (17 ms at 200k quads, 0.29 ms with the index; cayley.md §2).
	`CREATE INDEX IF NOT EXISTS quads_label_index ON quads (label_hash, subject_hash, predicate_hash, object_hash)`,
	// After deleting quads, Cayley runs DELETE FROM nodes WHERE refs <= 0,
	// a scan of the whole nodes table without this (nearly empty) index.
	`CREATE INDEX IF NOT EXISTS nodes_unreferenced_index ON nodes (hash) WHERE refs <= 0`,
}

// sqlFlavor is how actorgraph reaches one kind of SQL server.
type sqlFlavor struct {
	backend string // our Cayley registration
	driver  string // the database/sql driver
}

// sqlFlavors maps the schemes of store URLs to flavours.
var sqlFlavors = map[string]sqlFlavor{
	"postgres":   {postgresBackend, "postgres"},
	"postgresql": {postgresBackend, "postgres"},
	"cockroach":  {cockroachBackend, "pgx"},
}

// postgresDSN returns u as a postgresql:// URL, which both lib/pq and pgx
// read. Query parameters the drivers do not know, such as search_path, are
// sent to the server as run-time settings.
func postgresDSN(u *url.URL) string {
	c := *u
	c.Scheme = "postgresql"
	return c.String()
}

// openSQL opens the SQL store at rawURL, creating its tables and indexes on
// first use. The database itself must exist.
func openSQL(scheme, rawURL string) (cgraph.QuadStore, error) {
	fl := sqlFlavors[scheme]
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", unwrapURLError(err))
	}
	dsn := postgresDSN(u)
	// Cayley logs the address, password included, when it cannot connect,
	// so we connect first and report the failure ourselves.
	db, err := sql.Open(fl.driver, dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(2)
	ctx, cancel := context.WithTimeout(context.Background(), SQLConnectTimeout)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		_ = db.Close()
		return nil, explainSQLError(err)
	}
	opts := cgraph.Options{"maxopenconnections": sqlMaxConns, "maxidleconnections": sqlMaxConns}
	// Cayley logs an error when asked to create tables that exist, so we
	// look first; it still reports ErrDatabaseExists if another process
	// creates them in between.
	var tables int
	err = db.QueryRowContext(ctx, `SELECT COUNT(*) FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_name IN ('nodes', 'quads')`).Scan(&tables)
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("look for tables: %w", err)
	}
	if tables < 2 {
		if err := cgraph.InitQuadStore(fl.backend, dsn, opts); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			_ = db.Close()
			return nil, fmt.Errorf("create tables: %w", err)
		}
	}
	for _, stmt := range sqlSchema {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			_ = db.Close()
			return nil, fmt.Errorf("create index: %w", err)
		}
	}
	versioned := scheme != "cockroach"
	if versioned {
		for _, stmt := range sqlVersionSchema {
			if _, err := db.ExecContext(ctx, stmt); err != nil {
				_ = db.Close()
				return nil, fmt.Errorf("create the version trigger: %w", err)
			}
		}
	}
	qs, err := cgraph.NewQuadStore(fl.backend, dsn, opts)
	if err != nil {
		_ = db.Close()
		return nil, err
	}
	return &sqlQuadStore{QuadStore: qs, db: db, versioned: versioned}, nil
}

// sqlVersionSchema keeps a count of the statements that changed the quads
// table, by whatever process, which a Store reads before it answers from
// what it keeps in memory (cache.go): several processes may share a SQL
// store. A statement-level trigger costs one row update per statement.
// CockroachDB has no such triggers before v24.3, so a cockroach store
// keeps nothing in memory between requests.
var sqlVersionSchema = []string{
	`CREATE TABLE IF NOT EXISTS actorgraph_version (id int PRIMARY KEY, n bigint NOT NULL)`,
	`INSERT INTO actorgraph_version VALUES (1, 0) ON CONFLICT DO NOTHING`,
	`CREATE OR REPLACE FUNCTION actorgraph_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
	BEGIN
		UPDATE actorgraph_version SET n = n + 1 WHERE id = 1;
		RETURN NULL;
	END $$`,
	`CREATE OR REPLACE TRIGGER actorgraph_quads_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON quads
	FOR EACH STATEMENT EXECUTE FUNCTION actorgraph_bump_version()`,
}

// version returns the count of changes to the store's quads, by any
// process; ok is false when the store does not count them.
func (qs *sqlQuadStore) version(ctx context.Context) (n int64, ok bool, err error) {
	if !qs.versioned {
		return 0, false, nil
	}
	err = qs.db.QueryRowContext(ctx, `SELECT n FROM actorgraph_version WHERE id = 1`).Scan(&n)
	return n, err == nil, err
}

// sqlQuadStore is Cayley's SQL quad store with exact counts that stay
// right when other processes write (Cayley caches the counts it computes
// until its own next write), and a larger cache of values.
type sqlQuadStore struct {
	cgraph.QuadStore
	db        *sql.DB // for the counts; Cayley keeps its own pool
	values    valueCache[refs.ValueHash]
	versioned bool // the quads table has the version trigger
}

// Cayley's SQL store reads each quad as four hashes and looks each value up
// by a query of its own, with a cache of 1024 values, so that reading an
// article or an entity's edges costs a round trip per value. A value never
// changes for its hash, so a larger cache (values.go) is never stale.

// NameOf returns the value of a node, from the cache when it can.
func (qs *sqlQuadStore) NameOf(ref cgraph.Ref) (quad.Value, error) {
	h, ok := ref.(csql.NodeHash)
	if !ok || !h.Valid() {
		return qs.QuadStore.NameOf(ref)
	}
	if v, ok := qs.values.get(h.ValueHash); ok {
		return v, nil
	}
	v, err := qs.QuadStore.NameOf(ref)
	if err == nil && v != nil { // nil: not stored (yet)
		qs.values.put(h.ValueHash, v)
	}
	return v, err
}

// Quad returns the quad of an iterator's result, its values from the cache
// when it can.
func (qs *sqlQuadStore) Quad(ref cgraph.Ref) (quad.Quad, error) {
	hs, ok := ref.(csql.QuadHashes)
	if !ok {
		return qs.QuadStore.Quad(ref)
	}
	var q quad.Quad
	for _, d := range quad.Directions {
		v, err := qs.NameOf(csql.NodeHash{ValueHash: hs.Get(d)})
		if err != nil {
			return quad.Quad{}, err
		}
		q.Set(d, v)
	}
	return q, nil
}

// Stats counts the quads and nodes when exact is set, and asks Cayley for
// its estimate otherwise.
func (qs *sqlQuadStore) Stats(ctx context.Context, exact bool) (cgraph.Stats, error) {
	if !exact {
		return qs.QuadStore.Stats(ctx, false)
	}
	st := cgraph.Stats{Nodes: refs.Size{Exact: true}, Quads: refs.Size{Exact: true}}
	err := qs.db.QueryRowContext(ctx, "SELECT (SELECT COUNT(*) FROM quads), (SELECT COUNT(*) FROM nodes)").
		Scan(&st.Quads.Value, &st.Nodes.Value)
	return st, err
}

// OptimizeShape hands query shapes to Cayley's SQL optimizer, which turns
// path queries into SQL joins; without it they would run node by node.
func (qs *sqlQuadStore) OptimizeShape(ctx context.Context, s shape.Shape) (shape.Shape, bool) {
	if o, ok := qs.QuadStore.(shape.Optimizer); ok {
		return o.OptimizeShape(ctx, s)
	}
	return s, false
}

// Close closes both connection pools.
func (qs *sqlQuadStore) Close() error {
	return errors.Join(qs.QuadStore.Close(), qs.db.Close())
}

// unwrapURLError drops the *url.Error around a parse error, which repeats
// the whole URL, password included.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// explainSQLError adds what to do to the connection errors people meet
// first.
func explainSQLError(err error) error {
	switch sqlState(err) {
	case "3D000":
		return fmt.Errorf("%w (create the database first, e.g. with createdb)", err)
	case "28P01", "28000":
		return fmt.Errorf("%w (check the user and password in the URL)", err)
	}
	return err
}

// sqlState returns the SQLSTATE code of a server error from either driver,
// or "".
func sqlState(err error) string {
	var pqErr *pq.Error
	if errors.As(err, &pqErr) {
		return string(pqErr.Code)
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code
	}
	return ""
}

// sqlError converts the server error that Cayley's table creation acts
// upon.
func sqlError(err error) error {
	if sqlState(err) == "42P07" { // duplicate_table
		return cgraph.ErrDatabaseExists
	}
	return err
}

// insertError converts the server error that Cayley's writes act upon.
func insertError(err error) error {
	if sqlState(err) == "23505" { // unique_violation
		return &cgraph.DeltaError{Err: cgraph.ErrQuadExists}
	}
	return err
}

// redactURL returns rawURL with its password, if any, masked, for errors
// and logs.
func redactURL(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		// Mask USER:PASSWORD@ by hand in a URL too broken to parse.
		scheme, rest, ok := strings.Cut(rawURL, "://")
		at := strings.LastIndex(rest, "@")
		if !ok || at < 0 {
			return rawURL
		}
		if user, _, hasPW := strings.Cut(rest[:at], ":"); hasPW {
			return scheme + "://" + user + ":xxxxx" + rest[at:]
		}
		return rawURL
	}
	if u.Opaque != "" {
		return rawURL
	}
	if q := u.Query(); q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}

// runSQLTx writes the node and quad additions of one transaction for
// Cayley's SQL store: nodes first (the quads refer to them), each value
// type in multi-row INSERTs that add to the reference count of the nodes
// already there, then the quads. Cayley passes node updates sorted by hash,
// so concurrent writers lock rows in the same order.
func runSQLTx(tx *sql.Tx, nodes []graphlog.NodeUpdate, quads []graphlog.QuadUpdate, opts cgraph.IgnoreOpts) error {
	type row []any
	byType := map[csql.ValueType][]row{}
	for _, n := range nodes {
		if n.RefInc < 0 {
			return fmt.Errorf("sql store: node update %d is a decrement", n.RefInc)
		}
		typ, values, err := csql.NodeValues(csql.NodeHash{ValueHash: n.Hash}, n.Val)
		if err != nil {
			return err
		}
		byType[typ] = append(byType[typ], append(row{n.RefInc}, values...))
	}
	for _, typ := range slices.Sorted(maps.Keys(byType)) {
		head := "INSERT INTO nodes (refs, hash, " + strings.Join(typ.Columns(), ", ") + ") VALUES "
		tail := " ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs"
		rows := byType[typ]
		for chunk := range slices.Chunk(rows, sqlRowsPerInsert) {
			if err := insertRows(tx, head, tail, chunk, "", len(chunk[0])); err != nil {
				return err
			}
		}
	}
	if len(quads) == 0 {
		return nil
	}
	tail := ""
	if opts.IgnoreDup {
		tail = " ON CONFLICT DO NOTHING"
	}
	args := make([]row, len(quads))
	for i, q := range quads {
		if q.Del {
			return errors.New("sql store: quad update is a delete")
		}
		r := make(row, 0, 4)
		for _, h := range q.Quad.Dirs() {
			r = append(r, csql.NodeHash{ValueHash: h}.SQLValue())
		}
		args[i] = r
	}
	for chunk := range slices.Chunk(args, sqlRowsPerInsert) {
		head := "INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts) VALUES "
		if err := insertRows(tx, head, tail, chunk, ", now()", 4); err != nil {
			return err
		}
	}
	return nil
}

// insertRows runs head, then one parenthesized row of width placeholders
// (plus extra) per row, then tail.
func insertRows[R ~[]any](tx *sql.Tx, head, tail string, rows []R, extra string, width int) error {
	var b bytes.Buffer
	b.WriteString(head)
	args := make([]any, 0, len(rows)*width)
	for i, r := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for j := range r {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(len(args) + j + 1))
		}
		b.WriteString(extra)
		b.WriteByte(')')
		args = append(args, r...)
	}
	b.WriteString(tail)
	if _, err := tx.Exec(b.String(), args...); err != nil {
		return insertError(err)
	}
	return nil
}

// sqlTxRetries bounds how many times retrySQLTx runs a transaction's
// statements again, so that a transaction that always conflicts fails
// instead of spinning.
const sqlTxRetries = 10

// retrySQLTx runs stmts in tx and, on a serialization failure (SQLSTATE
// 40001), rolls back to a savepoint and runs them again, the client-side
// retry protocol that CockroachDB asks for
// (https://www.cockroachlabs.com/docs/stable/advanced-client-side-transaction-retries).
// The same statements work on PostgreSQL.
func retrySQLTx(tx *sql.Tx, stmts func() error) error {
	if _, err := tx.Exec("SAVEPOINT cockroach_restart"); err != nil {
		return err
	}
	for try := 0; ; try++ {
		err := stmts()
		if err == nil {
			if _, err = tx.Exec("RELEASE SAVEPOINT cockroach_restart"); err == nil {
				return nil
			}
		}
		if sqlState(err) != "40001" || try == sqlTxRetries {
			return err
		}
		if _, err := tx.Exec("ROLLBACK TO SAVEPOINT cockroach_restart"); err != nil {
			return err
		}
	}
}
