// Command cayleyload is the baseline of scripts/bench: it loads N-Quads
// into a Cayley store the way Cayley's own "cayley load" does, so that the
// cost of actorgraph's pipeline can be given as a ratio to it. It also
// dumps an actorgraph bolt store as N-Quads, the input of that load.
//
//	cayleyload dump -bolt DIR -out FILE.nq
//	cayleyload load -backend bolt|memstore|postgres [-addr ADDR] [-writer] -in FILE.nq
//
// load prints one line: "quads=N seconds=S quads_per_s=R". Without -writer
// it writes as "cayley load" does (cmd/cayley/command/database.go): the
// store's own bulk QuadWriter, fed by quad.CopyBatch in batches of
// quad.DefaultBatch. With -writer it uses graph.NewWriter, Cayley's
// batched ApplyDeltas path, the fastest write path measured in
// shared/research/cayley.md. Stores are Cayley's stock registrations with
// their default options: the baseline is Cayley as it ships.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt" // registers "bolt"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers "postgres"
	_ "github.com/cayleygraph/cayley/writer"             // registers the "single" replication
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "cayleyload:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New("usage: cayleyload dump|load FLAGS")
	}
	switch args[0] {
	case "dump":
		fs := flag.NewFlagSet("dump", flag.ContinueOnError)
		dir := fs.String("bolt", "", "the actorgraph bolt store `DIR`")
		out := fs.String("out", "", "the N-Quads `FILE` to write")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if *dir == "" || *out == "" {
			return errors.New("dump: -bolt and -out are required")
		}
		return dump(*dir, *out, stdout)
	case "load":
		fs := flag.NewFlagSet("load", flag.ContinueOnError)
		backend := fs.String("backend", "bolt", "the Cayley `BACKEND`: bolt, memstore or postgres")
		addr := fs.String("addr", "", "the store's `ADDRESS`: a folder for bolt, a URL for postgres")
		writer := fs.Bool("writer", false, "write through graph.NewWriter instead of the bulk QuadWriter")
		in := fs.String("in", "", "the N-Quads `FILE` to load")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if *in == "" {
			return errors.New("load: -in is required")
		}
		return load(*backend, *addr, *in, *writer, stdout)
	}
	return fmt.Errorf("unknown command %q", args[0])
}

// dump writes every quad of the bolt store in dir as N-Quads.
func dump(dir, out string, stdout io.Writer) (err error) {
	qs, err := graph.NewQuadStore("bolt", dir, graph.Options{"no_bloom": true})
	if err != nil {
		return fmt.Errorf("open %s: %w", dir, err)
	}
	defer qs.Close()
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<20)
	w := nquads.NewWriter(bw)
	ctx := context.Background()
	it := qs.QuadsAllIterator().Iterate()
	defer it.Close()
	n := 0
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			return err
		}
		if err := w.WriteQuad(q); err != nil {
			return err
		}
		n++
	}
	if err := it.Err(); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "quads=%d\n", n)
	return nil
}

// load loads the N-Quads file into a new store of the backend.
func load(backend, addr, in string, viaWriter bool, stdout io.Writer) error {
	start := time.Now()
	if err := graph.InitQuadStore(backend, addr, nil); err != nil && !errors.Is(err, graph.ErrDatabaseExists) && !errors.Is(err, graph.ErrOperationNotSupported) {
		return fmt.Errorf("init %s: %w", backend, err)
	}
	qs, err := graph.NewQuadStore(backend, addr, nil)
	if err != nil {
		return fmt.Errorf("open %s: %w", backend, err)
	}
	defer qs.Close()
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	r := nquads.NewReader(bufio.NewReaderSize(f, 1<<20), false)
	var w quad.WriteCloser
	if viaWriter {
		qw, err := graph.NewQuadWriter("single", qs, graph.Options{})
		if err != nil {
			return err
		}
		w = graph.NewWriter(qw)
	} else if w, err = qs.NewQuadWriter(); err != nil {
		return err
	}
	n, err := quad.CopyBatch(w, r, quad.DefaultBatch)
	if err != nil {
		return fmt.Errorf("load %s: %w", in, err)
	}
	if err := w.Close(); err != nil {
		return err
	}
	secs := time.Since(start).Seconds()
	fmt.Fprintf(stdout, "quads=%d seconds=%.2f quads_per_s=%.0f\n", n, secs, float64(n)/secs)
	return nil
}
