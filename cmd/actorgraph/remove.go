package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/actorgraph/actorgraph/graph"
)

const removeUsage = `
usage: actorgraph remove [--store URL] ARTICLE...

Remove deletes from the store everything the articles given said. A fact
that another article also states stays, supported by that one. An ARTICLE is
an article's id (its URL, or "sha256:..." for a file; see the "id" field of
extract's output or GET /api/v1/articles) or its document name, such as
000_d236ae57b0bee246.txt, when only one article has that name.

Articles that are not in the store are reported on standard error, and the
exit status is then 1, after the others are removed.
`

// removeConfig is the command line of remove.
type removeConfig struct {
	Store    string
	Articles []string
}

func runRemove(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var cfg removeConfig
	fs := newFlagSet("remove", removeUsage)
	storeFlag(fs, &cfg.Store)
	if ok, err := parseFlags(fs, args, stdout); !ok {
		return err
	}
	cfg.Articles = fs.Args()
	if len(cfg.Articles) == 0 {
		return &usageError{"remove: no ARTICLE given; run 'actorgraph remove --help' for usage"}
	}
	err := withStore(cfg.Store, func(store *graph.Store) error {
		refs, err := store.Articles(ctx)
		if err != nil {
			return err
		}
		failed := 0
		for _, arg := range cfg.Articles {
			id, err := articleID(refs, arg)
			if err == nil {
				var n int
				if n, err = store.Remove(ctx, id); err == nil {
					fmt.Fprintf(stdout, "removed %s (%d quads)\n", id, n)
					continue
				}
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			failed++
			fmt.Fprintf(stderr, "remove: %v\n", err)
		}
		if failed > 0 {
			return fmt.Errorf("%d of %d articles not removed", failed, len(cfg.Articles))
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("remove: %w", err)
	}
	return nil
}

// articleID returns the id of the article that arg names: an id in refs,
// or the document name of exactly one of them.
func articleID(refs []graph.ArticleRef, arg string) (string, error) {
	var byName []string
	for _, r := range refs {
		if r.ID == arg {
			return r.ID, nil
		}
		if r.Document == arg {
			byName = append(byName, r.ID)
		}
	}
	switch len(byName) {
	case 0:
		return "", fmt.Errorf("article %q: %w", arg, graph.ErrNotFound)
	case 1:
		return byName[0], nil
	}
	return "", fmt.Errorf("article %q: %w: %d articles have this document name; give the id", arg, errAmbiguous, len(byName))
}

// errAmbiguous is returned when a document name given to remove is that of
// several articles.
var errAmbiguous = errors.New("ambiguous")
