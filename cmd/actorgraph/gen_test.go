package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/loader/eval"
)

// TestGenThenEval writes a small corpus and scores the extraction of it
// against its gold, as a scale run does. The thresholds are loose: they
// catch a corpus whose gold does not pair with its articles, not a change
// in the extractor's quality.
func TestGenThenEval(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "corpus")
	var out, errOut bytes.Buffer
	if err := run(ctx, []string{"gen", "--articles", "30", "--seed", "3", "--out", dir}, nil, &out, &errOut); err != nil {
		t.Fatalf("gen: %v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), "wrote 30 articles") {
		t.Errorf("gen printed %q", out.String())
	}
	texts, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	golds, _ := filepath.Glob(filepath.Join(dir, "gold", "*.json"))
	if len(texts) != 30 || len(golds) != 30 {
		t.Fatalf("gen wrote %d articles and %d gold files, want 30 of each", len(texts), len(golds))
	}

	out.Reset()
	if err := run(ctx, []string{"eval", "--json", "--gold", filepath.Join(dir, "gold"), dir}, nil, &out, &errOut); err != nil {
		t.Fatalf("eval: %v\n%s", err, errOut.String())
	}
	var score eval.Score
	if err := json.Unmarshal(out.Bytes(), &score); err != nil {
		t.Fatalf("eval --json: %v\n%s", err, out.String())
	}
	if len(score.Missing) > 0 || score.Entities.F1 < 0.5 || score.Relations.F1 < 0.3 {
		t.Errorf("extraction of the generated corpus: entities %+v, relations %+v, missing %v",
			score.Entities, score.Relations, score.Missing)
	}

	// The same seed again gives the same files.
	again := filepath.Join(t.TempDir(), "again")
	if err := run(ctx, []string{"gen", "--articles", "30", "--seed", "3", "--out", again}, nil, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	for _, path := range append(texts, golds...) {
		rel, _ := filepath.Rel(dir, path)
		a, _ := os.ReadFile(path)
		b, err := os.ReadFile(filepath.Join(again, rel))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs with one seed (%v)", rel, err)
		}
	}
}

func TestGenErrors(t *testing.T) {
	ctx := context.Background()
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "x.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args  []string
		usage bool   // want a *usageError
		want  string // in the message
	}{
		{[]string{"gen", "--out", t.TempDir()}, true, "--articles"},
		{[]string{"gen", "--articles", "0", "--out", t.TempDir()}, true, "--articles"},
		{[]string{"gen", "--articles", "5"}, true, "--out"},
		{[]string{"gen", "--articles", "5", "--out", t.TempDir(), "extra"}, true, "unexpected argument"},
		{[]string{"gen", "--articles", "5", "--out", full}, false, "not empty"},
	} {
		var out, errOut bytes.Buffer
		err := run(ctx, tc.args, nil, &out, &errOut)
		var ue *usageError
		if err == nil || errors.As(err, &ue) != tc.usage || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("run(%q) = %v; want a usage error %v mentioning %q", tc.args, err, tc.usage, tc.want)
		}
	}
}
