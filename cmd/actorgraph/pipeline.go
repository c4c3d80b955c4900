package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"iter"
	"time"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/loader"
	"github.com/actorgraph/actorgraph/loader/lexicon"
)

// defaultStore is the store the commands use when --store is not given.
const defaultStore = graph.DefaultURL

// progressEvery is how often a long load reports how far it is.
const progressEvery = 2 * time.Second

// batch says which articles to read and how to report on the way.
type batch struct {
	Paths    []string // files or folders, read recursively; "-" is stdin
	Lexicons []string // user lexicon files merged into the built-in one
	Stdin    io.Reader
	// MaxArticles bounds the articles written in one transaction; 0
	// means batchArticles.
	MaxArticles int

	// Skip is called with each input that cannot be read, and with each
	// article that cannot be stored; the rest go on.
	Skip func(err error)
	// Progress, if not nil, gets a line about every ProgressEvery.
	Progress      io.Writer
	ProgressEvery time.Duration
}

// newExtractor returns an extractor over the built-in lexicon merged with
// the given lexicon files.
func newExtractor(files []string) (*loader.Extractor, error) {
	lex, err := lexicon.Default()
	if err != nil {
		return nil, fmt.Errorf("built-in lexicon: %w", err)
	}
	for _, path := range files {
		entries, err := lexicon.LoadFile(path) // its errors name path
		if err != nil {
			return nil, err
		}
		if err := lex.Merge(entries); err != nil {
			return nil, fmt.Errorf("merge lexicon %s: %w", path, err)
		}
	}
	return loader.NewExtractor(lex)
}

// extract reads every article of b and returns what each says, with ids
// resolved across the whole batch: the same event told by several articles
// is one entity. It returns how many inputs it skipped.
func extract(ctx context.Context, b batch) ([]*graph.Article, int, error) {
	return extractWith(ctx, b, newProgress(b.Progress, b.ProgressEvery))
}

// extractWith is extract reporting to p.
func extractWith(ctx context.Context, b batch, p *progress) ([]*graph.Article, int, error) {
	x, err := newExtractor(b.Lexicons)
	if err != nil {
		return nil, 0, err
	}
	var (
		arts    []*loader.Article
		skipped int
	)
	onArticle := func(a *loader.Article) error {
		arts = append(arts, a)
		p.report("read %d articles, %d skipped, %.0f s", len(arts), skipped, p.elapsed().Seconds())
		return nil
	}
	onProblem := func(err error) {
		skipped++
		b.Skip(err)
	}
	if err := loader.Walk(ctx, b.Paths, loader.ReadOptions{}, b.Stdin, onArticle, onProblem); err != nil {
		return nil, skipped, err
	}
	if len(arts) > 0 {
		p.report("extracting from %d articles, %.0f s", len(arts), p.elapsed().Seconds())
	}
	out, err := x.ExtractAllContext(ctx, arts)
	return out, skipped, err
}

// loadSummary tells what a load did.
type loadSummary struct {
	Extracted int // articles read and extracted
	Articles  int // articles stored
	Skipped   int // inputs or articles that could not be read or stored
	Entities  int // distinct entities the articles name
	Relations int // distinct relations they state
	Quads     int // quads the articles have in the store
	Added     int // quads written
	Removed   int // quads of earlier versions deleted
	Elapsed   time.Duration
	Reasons   *skipCounts // the skipped ones by reason
}

// String returns the summary line: "loaded 5 articles (0 skipped): …", or
// with skips, why: "loaded 5 articles (3 skipped: 2 empty, 1 binary): …".
func (s loadSummary) String() string {
	skipped := fmt.Sprintf("%d skipped", s.Skipped)
	if why := s.Reasons.String(); why != "" {
		skipped += ": " + why
	}
	return fmt.Sprintf("loaded %d articles (%s): %d entities, %d relations, %d quads (%d added, %d removed) in %.2f s",
		s.Articles, skipped, s.Entities, s.Relations, s.Quads, s.Added, s.Removed, s.Elapsed.Seconds())
}

// Batches of a load: a transaction holds at most this many articles, or
// about this many facts (entities and relations), whichever comes first.
// One transaction per article spends most of a bolt load waiting for the
// disk; batches of a few hundred articles make a load several times faster
// and still keep each transaction to a fraction of a second, for which
// readers of the store wait.
const (
	batchArticles = 256
	batchFacts    = 8000
)

// load reads and extracts the articles of b, then writes them into store
// in batches, each in its own transaction: an article is stored whole or
// not at all. An input or article that fails is passed to b.Skip and
// counted, and the others are loaded. The error is for what stops the
// whole load: a bad lexicon, a cancelled context (checked between
// batches).
func load(ctx context.Context, store *graph.Store, b batch) (sum loadSummary, err error) {
	start := time.Now()
	entities := map[graph.ID]bool{}
	relations := map[[3]string]bool{}
	defer func() {
		sum.Entities, sum.Relations = len(entities), len(relations)
		sum.Elapsed = time.Since(start)
		if err != nil && ctx.Err() != nil {
			err = &interruptedError{stored: sum.Articles, of: sum.Extracted, err: ctx.Err()}
		}
	}()
	sum.Reasons = countSkips(&b)
	p := newProgress(b.Progress, b.ProgressEvery)
	arts, skipped, err := extractWith(ctx, b, p)
	sum.Skipped = skipped
	sum.Extracted = len(arts)
	if err != nil {
		return sum, err
	}
	stored := func(a *graph.Article, res graph.PutResult) {
		sum.Articles++
		sum.Quads += res.Quads
		sum.Added += res.Added
		sum.Removed += res.Removed
		for _, e := range a.Entities {
			entities[e.ID] = true
		}
		for _, r := range a.Relations {
			relations[[3]string{string(r.Subject), string(r.Predicate), r.Object}] = true
		}
	}
	for group := range batches(arts, cmp.Or(b.MaxArticles, batchArticles)) {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		results, err := store.PutBatch(ctx, group)
		if err == nil {
			for i, a := range group {
				stored(a, results[i])
			}
		} else {
			// One bad article fails its batch: write them one by one,
			// so that only the bad ones are skipped.
			for _, a := range group {
				res, err := store.Put(ctx, a)
				if err != nil {
					if ctx.Err() != nil {
						return sum, ctx.Err()
					}
					sum.Skipped++
					b.Skip(fmt.Errorf("%s: %w", a.Name, err))
					continue
				}
				stored(a, res)
			}
		}
		p.report("stored %d of %d articles, %d quads, %.0f s", sum.Articles, len(arts), sum.Quads, p.elapsed().Seconds())
	}
	return sum, nil
}

// interruptedError is the error of a load stopped by Ctrl-C or SIGTERM.
type interruptedError struct {
	stored, of int // articles stored, of those extracted
	err        error
}

func (e *interruptedError) Error() string {
	if e.of == 0 {
		return "interrupted before any article was stored"
	}
	return fmt.Sprintf("interrupted after %d of %d articles were stored, each whole; run the same load again to finish", e.stored, e.of)
}

func (e *interruptedError) Unwrap() error { return e.err }

// batches cuts arts into the groups load writes in one transaction each,
// at most maxArticles each,
// in order. An article whose ID is already in the group under way starts
// the next one, so that its later version replaces the earlier.
func batches(arts []*graph.Article, maxArticles int) iter.Seq[[]*graph.Article] {
	return func(yield func([]*graph.Article) bool) {
		var (
			group []*graph.Article
			facts int
			ids   = map[string]bool{}
		)
		for _, a := range arts {
			n := len(a.Entities) + len(a.Relations)
			if len(group) > 0 && (ids[a.ID] || len(group) >= maxArticles || facts+n > batchFacts) {
				if !yield(group) {
					return
				}
				group, facts = nil, 0
				clear(ids)
			}
			group = append(group, a)
			facts += n
			ids[a.ID] = true
		}
		if len(group) > 0 {
			yield(group)
		}
	}
}

// progress writes a line at most every so often.
type progress struct {
	w     io.Writer
	every time.Duration
	now   func() time.Time // the clock; a test seam
	start time.Time        // when the work began
	last  time.Time        // when the last line was written, or start
}

func newProgress(w io.Writer, every time.Duration) *progress {
	now := time.Now()
	return &progress{w: w, every: every, now: time.Now, start: now, last: now}
}

// elapsed returns the time since the work began.
func (p *progress) elapsed() time.Duration { return p.now().Sub(p.start) }

// report writes the formatted line if the last one is old enough.
func (p *progress) report(format string, args ...any) {
	if p.w == nil {
		return
	}
	if now := p.now(); now.Sub(p.last) >= p.every {
		p.last = now
		fmt.Fprintf(p.w, format+"\n", args...)
	}
}

// withStore opens the store at url for a command, and closes it when fn
// returns, reporting the close's error if fn had none.
func withStore(url string, fn func(*graph.Store) error) (err error) {
	store, err := graph.Open(url)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := store.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("close store: %w", cerr)
		}
	}()
	return fn(store)
}
