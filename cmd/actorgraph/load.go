package main

import (
	"context"
	"fmt"
	"io"

	"github.com/actorgraph/actorgraph/graph"
)

const loadUsage = `
usage: actorgraph load [--store URL] [--lexicon FILE]... PATH...

Load reads the articles in the files and folders given (folders are read
recursively; "-" reads standard input), extracts what they say and writes it
into the store, one transaction per article. Loading an article again
replaces what it said before, so loading twice changes nothing.

A long load prints a progress line on standard error every 2 seconds, and
every load ends with a summary line on standard output. Inputs that cannot be
read or stored are reported on standard error and skipped; the exit status
is then 1, after the other articles are loaded.
`

// loadConfig is the command line of load.
type loadConfig struct {
	Store    string
	Lexicons listFlag
	Paths    []string
}

func runLoad(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var cfg loadConfig
	fs := newFlagSet("load", loadUsage)
	storeFlag(fs, &cfg.Store)
	lexiconFlag(fs, &cfg.Lexicons)
	if ok, err := parseFlags(fs, args, stdout); !ok {
		return err
	}
	cfg.Paths = fs.Args()
	if len(cfg.Paths) == 0 {
		return &usageError{"load: no PATH given; run 'actorgraph load --help' for usage"}
	}

	err := withStore(cfg.Store, func(store *graph.Store) error {
		sum, err := load(ctx, store, batch{
			Paths: cfg.Paths, Lexicons: cfg.Lexicons, Stdin: stdin,
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
