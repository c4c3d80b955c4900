package main

import (
	"context"
	"fmt"
	"io"

	"github.com/actorgraph/actorgraph/graph"
)

const loadUsage = `
usage: actorgraph load [--store URL] [--lexicon FILE]... PATH...
       actorgraph load --server URL [--token-file FILE] PATH...

Load reads the articles in the files and folders given (folders are read
recursively; "-" reads standard input), extracts what they say and writes it
into the store, one transaction per article. Loading an article again
replaces what it said before, so loading twice changes nothing.

A long load prints a progress line on standard error every 2 seconds, and
every load ends with a summary line on standard output. Inputs that cannot be
read or stored are reported on standard error and skipped; the exit status
is then 1, after the other articles are loaded.

With --server, load opens no store: it sends each article to the running
server at URL (actorgraph serve with a write token), which extracts and
stores it. That is how to add articles to a store a server holds. The
token is read from --token-file, else from $ACTORGRAPH_WRITE_TOKEN. Each
article is extracted on its own, so an event told by several articles is
not merged across them as a load into the store merges it.
`

// loadConfig is the command line of load.
type loadConfig struct {
	Store     string
	Lexicons  listFlag
	Paths     []string
	Batch     int    // --batch: articles per transaction
	Server    string // --server: send to this server instead (remote.go)
	TokenFile string // --token-file: its write token
}

func runLoad(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var cfg loadConfig
	fs := newFlagSet("load", loadUsage)
	storeFlag(fs, &cfg.Store)
	lexiconFlag(fs, &cfg.Lexicons)
	fs.IntVar(&cfg.Batch, "batch", batchArticles, "write at most `N` articles in one transaction")
	remoteFlags(fs, &cfg)
	if ok, err := parseFlags(fs, args, stdout); !ok {
		return err
	}
	cfg.Paths = fs.Args()
	if len(cfg.Paths) == 0 {
		return &usageError{"load: no PATH given; run 'actorgraph load --help' for usage"}
	}
	if cfg.Batch < 1 {
		return &usageError{"load: --batch must be at least 1"}
	}
	if cfg.Server != "" {
		return loadRemote(ctx, cfg, fs, stdin, stdout, stderr)
	}

	err := withStore(cfg.Store, func(store *graph.Store) error {
		sum, err := load(ctx, store, batch{
			Paths: cfg.Paths, Lexicons: cfg.Lexicons, Stdin: stdin, MaxArticles: cfg.Batch,
			Skip:     func(err error) { fmt.Fprintf(stderr, "load: skip %v\n", err) },
			Progress: stderr, ProgressEvery: progressEvery,
		})
		if err != nil {
			if ctx.Err() != nil {
				fmt.Fprintln(stdout, sum) // what was loaded before the interruption
			}
			return err
		}
		fmt.Fprintln(stdout, sum)
		if sum.Skipped > 0 {
			return skippedError(sum.Reasons)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	return nil
}
