package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/actorgraph/actorgraph/loader/corpus"
	"github.com/actorgraph/actorgraph/loader/lexicon"
)

const genUsage = `
usage: actorgraph gen --articles N [--seed S] --out DIR

Gen writes N synthetic news articles about the fight against human
trafficking in Morocco, in Arabic, French and English, into DIR
(000042_fr.txt, ...), and the gold annotation of each into DIR/gold
(000042_fr.json, in the format of shared/spec/extraction.md). The articles
are drawn from the built-in lexicon: events with their organizers,
partners, funders, place and date, speeches by office holders, laws and
ratifications, plan launches, reports. Some events are reported in several
languages. The same N and seed give the same files.

Use them for scale runs that are also quality runs:

  actorgraph gen --articles 10000 --out /tmp/corpus
  actorgraph load --store bolt:/tmp/corpus.db /tmp/corpus
  actorgraph eval --gold /tmp/corpus/gold /tmp/corpus

DIR must be empty or not exist. The articles are synthetic: the events,
quotes and experts are invented.
`

// maxGenArticles bounds --articles: the generator keeps one id per event
// in memory and writes two files per article.
const maxGenArticles = 10_000_000

// genConfig is the command line of gen.
type genConfig struct {
	Articles int
	Seed     uint64
	Out      string
}

// Validate reports the first problem of the command line.
func (c genConfig) Validate() error {
	switch {
	case c.Articles <= 0 || c.Articles > maxGenArticles:
		return &usageError{fmt.Sprintf("gen: --articles must be between 1 and %d; run 'actorgraph gen --help' for usage", maxGenArticles)}
	case c.Out == "":
		return &usageError{"gen: --out is required; run 'actorgraph gen --help' for usage"}
	}
	return nil
}

func runGen(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var cfg genConfig
	fs := newFlagSet("gen", genUsage)
	fs.IntVar(&cfg.Articles, "articles", 0, "how many articles to write (`N`)")
	fs.Uint64Var(&cfg.Seed, "seed", 1, "the random `SEED`: the same seed gives the same articles")
	fs.StringVar(&cfg.Out, "out", "", "the folder `DIR` to write into; it must be empty or not exist")
	if ok, err := parseFlags(fs, args, stdout); !ok {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Sprintf("gen: unexpected argument %q; run 'actorgraph gen --help' for usage", fs.Arg(0))}
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	if err := gen(ctx, cfg, stdout); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	return nil
}

// gen writes the corpus that cfg describes.
func gen(ctx context.Context, cfg genConfig, stdout io.Writer) error {
	start := time.Now()
	if entries, err := os.ReadDir(cfg.Out); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty: an earlier corpus would mix with this one", cfg.Out)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	lex, err := lexicon.Default()
	if err != nil {
		return fmt.Errorf("built-in lexicon: %w", err)
	}
	g, err := corpus.New(lex, cfg.Seed)
	if err != nil {
		return err
	}
	n, err := g.Write(ctx, cfg.Out, cfg.Articles)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d articles (%.1f MB) to %s and their gold to %s in %.2f s\n",
		cfg.Articles, float64(n)/1e6, cfg.Out, filepath.Join(cfg.Out, "gold"), time.Since(start).Seconds())
	return nil
}
