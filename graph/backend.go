package graph

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	gkv "github.com/cayleygraph/cayley/graph/kv"
	_ "github.com/cayleygraph/cayley/graph/memstore" // registers "memstore"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	_ "github.com/lib/pq"              // registers the "postgres" database/sql driver
)

// boltBackend is our registration of Cayley's bolt key-value store. Cayley's
// own ("bolt") opens the file with no lock timeout, so a second process
// waits forever, and with the default memory map, which lets a reader
// deadlock a writer that grows the file (cayley#712).
const boltBackend = "actorgraph-bolt"

// LockTimeout is how long opening a bolt store waits for another process
// that holds it before giving up with ErrLocked.
const LockTimeout = 2 * time.Second

// boltMmapSize is the initial memory map of a bolt file: large enough that
// most stores never remap while a reader holds a transaction.
const boltMmapSize = 1 << 30

func init() {
	// A label (article) index makes replacing or removing an article's quads
	// an index lookup instead of a scan of the whole store. Cayley stores the
	// index list in a new store's metadata, so it must be set before the
	// first store is created; CAYLEY_KV_INDEXES does not work in this version.
	gkv.DefaultQuadIndexes = append(gkv.DefaultQuadIndexes,
		gkv.QuadIndex{Dirs: []quad.Direction{quad.Label}})
	gkv.Register(boltBackend, gkv.Registration{
		NewFunc:      openBolt,
		InitFunc:     openBolt,
		IsPersistent: true,
	})

	// SQL stores (sql.go): PostgreSQL through lib/pq, CockroachDB through
	// pgx, both with batched writes and without the foreign keys from
	// quads to nodes that Cayley's postgres flavour declares: runSQLTx
	// writes a quad's nodes first, in the same transaction, and checking
	// four keys per quad made a load about 30 % slower (1000 generated
	// articles: 24-29 s with them, 18.5 s without).
	csql.Register(postgresBackend, csql.Registration{
		Driver:             "postgres",
		HashType:           "BYTEA",
		BytesType:          "BYTEA",
		HorizonType:        "BIGSERIAL",
		TimeType:           "timestamp with time zone",
		QueryDialect:       postgres.QueryDialect,
		ConditionalIndexes: true,
		FillFactor:         true,
		NoForeignKeys:      true,
		Error:              sqlError,
		Estimated: func(table string) string {
			return "SELECT reltuples::BIGINT AS estimate FROM pg_class WHERE relname='" + table + "';"
		},
		RunTx: runSQLTx,
	})
	// The tables of Cayley's cockroach flavour, without its column families
	// (an optimization of CockroachDB's storage, and a syntax error on
	// PostgreSQL, where the tests run this flavour through pgx).
	csql.Register(cockroachBackend, csql.Registration{
		Driver:      "pgx",
		HashType:    "BYTEA",
		BytesType:   "BYTEA",
		HorizonType: "BIGSERIAL",
		TimeType:    "timestamp with time zone",
		QueryDialect: csql.QueryDialect{
			RegexpOp:    "~",
			FieldQuote:  func(name string) string { return pgx.Identifier{name}.Sanitize() },
			Placeholder: func(n int) string { return "$" + strconv.Itoa(n) },
		},
		ConditionalIndexes:  true,
		NoForeignKeys:       true,
		Error:               sqlError,
		RunTx:               runSQLTx,
		TxRetry:             retrySQLTx,
		NoSchemaChangesInTx: true,
	})
}

func openBolt(dir string, _ cgraph.Options) (hkv.KV, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "indexes.bolt")
	db, err := hbolt.Open(path, &bolt.Options{Timeout: LockTimeout, InitialMmapSize: boltMmapSize})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("%w: %s", ErrLocked, path)
	}
	return db, err
}
