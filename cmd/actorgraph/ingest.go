package main

import (
	"context"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/loader"
	"github.com/actorgraph/actorgraph/query"
)

// storeIngester is the query.Ingester of serve: it extracts with one
// extractor, built when the server starts, and writes into the store the
// server reads. Each article is extracted on its own: unlike a load, ids
// are resolved within the article only (loader.Extractor.Extract).
type storeIngester struct {
	x     *loader.Extractor
	store *graph.Store
}

// Ingest extracts what a says and puts it in the store, in one
// transaction. The extraction holds no lock: readers wait only while the
// store writes.
func (g storeIngester) Ingest(ctx context.Context, a *loader.Article) (query.Ingested, error) {
	ga := g.x.Extract(a)
	res, err := g.store.Put(ctx, ga)
	if err != nil {
		return query.Ingested{}, err // Put names the article
	}
	return query.Ingested{Entities: len(ga.Entities), Relations: len(ga.Relations), PutResult: res}, nil
}

// Remove deletes what the article with the given ID said.
func (g storeIngester) Remove(ctx context.Context, id string) (int, error) {
	return g.store.Remove(ctx, id)
}
