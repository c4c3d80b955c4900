package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/actorgraph/actorgraph/loader/eval"
)

const evalUsage = `
usage: actorgraph eval --gold DIR [--lexicon FILE]... [--json] PATH...

Eval extracts the articles given, as extract does, and scores the extraction
against the hand-checked answers in DIR (one JSON file per article, named after
it: 003_x.txt -> 003_x.json, in the format of shared/spec/extraction.md). It
prints precision, recall and F1 for entities, relations and cross-document
ids, the figures shared/eval/score.py gives, then a line per entity type and
per predicate. Annotate a few of your own articles and measure.
`

func runEval(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var (
		lexicons listFlag
		gold     string
		asJSON   bool
	)
	fs := newFlagSet("eval", evalUsage)
	lexiconFlag(fs, &lexicons)
	fs.StringVar(&gold, "gold", "", "folder of gold `DIR`/*.json files, or one file")
	fs.BoolVar(&asJSON, "json", false, "print the scores as one JSON object")
	if ok, err := parseFlags(fs, args, stdout); !ok {
		return err
	}
	if gold == "" {
		return &usageError{"eval: --gold is required; run 'actorgraph eval --help' for usage"}
	}
	if fs.NArg() == 0 {
		return &usageError{"eval: no PATH given; run 'actorgraph eval --help' for usage"}
	}
	want, err := readGold(gold)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	b := batch{
		Paths: fs.Args(), Lexicons: lexicons, Stdin: stdin,
		Skip: func(err error) { fmt.Fprintf(stderr, "eval: skip %v\n", err) },
	}
	why := countSkips(&b)
	arts, skipped, err := extract(ctx, b)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	var buf bytes.Buffer
	if err := writeJSONLines(&buf, arts); err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	var got []eval.Document
	dec := json.NewDecoder(&buf)
	for dec.More() {
		var d eval.Document
		if err := dec.Decode(&d); err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		got = append(got, d)
	}
	score := eval.Evaluate(want, got)
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(score); err != nil {
			return fmt.Errorf("eval: %w", err)
		}
	} else {
		printScore(stdout, len(want), score)
	}
	if skipped > 0 {
		return fmt.Errorf("eval: %w", skippedError(why))
	}
	return nil
}

// readGold reads gold documents from a folder of *.json files or one file.
func readGold(path string) ([]eval.Document, error) {
	files := []string{path}
	if info, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	} else if info.IsDir() {
		files, err = filepath.Glob(filepath.Join(path, "*.json"))
		if err != nil {
			return nil, fmt.Errorf("read gold %s: %w", path, err)
		}
	}
	var docs []eval.Document
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("read gold: %w", err)
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		for dec.More() {
			var d eval.Document
			if err := dec.Decode(&d); err != nil {
				return nil, fmt.Errorf("read gold %s: %w", f, err)
			}
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("read gold %s: no gold documents", path)
	}
	return docs, nil
}

// printScore prints the figures in score.py's layout.
func printScore(w io.Writer, nGold int, s eval.Score) {
	fmt.Fprintf(w, "%d gold documents, %d with a prediction", nGold, nGold-len(s.Missing))
	if len(s.Missing) > 0 {
		fmt.Fprintf(w, "; none for: %s", strings.Join(s.Missing, ", "))
	}
	fmt.Fprintln(w)
	table := func(title string, names []string, rows map[string]eval.PRF) {
		fmt.Fprintf(w, "%-24s%7s%7s%7s%6s%6s%6s\n", title, "P", "R", "F1", "TP", "FP", "FN")
		for _, n := range names {
			m := rows[n]
			fmt.Fprintf(w, "%-24s%7.3f%7.3f%7.3f%6d%6d%6d\n", n, m.P, m.R, m.F1, m.TP, m.FP, m.FN)
		}
	}
	table("", []string{"entities", "relations", "coref"}, map[string]eval.PRF{"entities": s.Entities, "relations": s.Relations, "coref": s.Coref})
	fmt.Fprintln(w)
	table("entity type", sortedNames(s.ByType), s.ByType)
	fmt.Fprintln(w)
	table("predicate", sortedNames(s.ByPredicate), s.ByPredicate)
	fmt.Fprintf(w, "entities F1 %.3f · relations F1 %.3f · coref F1 %.3f\n", s.Entities.F1, s.Relations.F1, s.Coref.F1)
}

func sortedNames(m map[string]eval.PRF) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
