package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/actorgraph/actorgraph/graph"
)

const statsUsage = `
usage: actorgraph stats [--store URL]

Stats prints, as JSON, the counts of what the store holds: articles,
entities (in all and by type), distinct relations (in all and by predicate)
and quads. The output depends only on the store's content.
`

// statsConfig is the command line of stats.
type statsConfig struct {
	Store string
}

func runStats(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var cfg statsConfig
	fs := newFlagSet("stats", statsUsage)
	storeFlag(fs, &cfg.Store)
	if ok, err := parseFlags(fs, args, stdout); !ok {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Sprintf("stats: unexpected argument %q; run 'actorgraph stats --help' for usage", fs.Arg(0))}
	}
	err := withStore(cfg.Store, func(store *graph.Store) error {
		st, err := store.Stats(ctx)
		if err != nil {
			return err
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(st) // maps are written in key order
	})
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	return nil
}
