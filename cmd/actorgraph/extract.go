package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/actorgraph/actorgraph/graph"
)

const extractUsage = `
usage: actorgraph extract [--lexicon FILE]... PATH...

Extract reads the articles in the files and folders given (folders are read
recursively; "-" reads standard input) and prints what each says as one JSON
object a line: the article, the entities it names and the relations it
states, with the sentence that states each (see shared/spec/extraction.md).
It writes nothing to a store. Ids are resolved across all the articles given,
as load does, so extract and load give the same ids.

Inputs that cannot be read are reported on standard error and skipped; the
exit status is then 1, after the other articles are printed.
`

// extractConfig is the command line of extract.
type extractConfig struct {
	Lexicons listFlag
	Paths    []string
}

func runExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var cfg extractConfig
	fs := newFlagSet("extract", extractUsage)
	lexiconFlag(fs, &cfg.Lexicons)
	if ok, err := parseFlags(fs, args, stdout); !ok {
		return err
	}
	cfg.Paths = fs.Args()
	if len(cfg.Paths) == 0 {
		return &usageError{"extract: no PATH given; run 'actorgraph extract --help' for usage"}
	}

	b := batch{
		Paths: cfg.Paths, Lexicons: cfg.Lexicons, Stdin: stdin,
		Skip: func(err error) { fmt.Fprintf(stderr, "extract: skip %v\n", err) },
	}
	why := countSkips(&b)
	arts, skipped, err := extract(ctx, b)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	if err := writeJSONLines(stdout, arts); err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	if skipped > 0 {
		return fmt.Errorf("extract: %w", skippedError(why))
	}
	return nil
}

// writeJSONLines writes each article as one line of JSON.
func writeJSONLines(w io.Writer, arts []*graph.Article) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, a := range arts {
		if a.Entities == nil {
			a.Entities = []graph.Entity{}
		}
		if a.Relations == nil {
			a.Relations = []graph.Relation{}
		}
		if err := enc.Encode(a); err != nil {
			return fmt.Errorf("write %s: %w", a.Name, err)
		}
	}
	return nil
}
