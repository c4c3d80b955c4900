package graph

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/actorgraph/actorgraph/internal/fold"
)

// Hit is an entity found by Search.
type Hit struct {
	ID       ID     `json:"id"`
	Type     Type   `json:"type"`
	Name     string `json:"name"`
	Matched  string `json:"matched"`  // the name that matched, folded
	Score    int    `json:"score"`    // 3 exact, 2 prefix, 1 inside
	Articles int    `json:"articles"` // how many articles name it
}

// SearchOptions narrow and page a search.
type SearchOptions struct {
	Type   Type // only entities of this type, if set
	Limit  int  // at most this many hits; 0 means 20
	Offset int  // skip this many hits first
}

// Search finds the entities one of whose names contains q, compared in
// folded form (case, accents, Arabic spelling and digits folded), ranked by
// how well the best name matches and then by how many articles name the
// entity. It returns one page of hits and the total number of hits.
func (s *Store) Search(ctx context.Context, q string, opts SearchOptions) ([]Hit, int, error) {
	key := fold.Key(q)
	if key == "" {
		return nil, 0, nil
	}
	if opts.Limit <= 0 {
		opts.Limit = 20
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	keys, err := s.quadsWith(ctx, quad.Predicate, quad.IRI(propKey), 0)
	if err != nil {
		return nil, 0, fmt.Errorf("search %q: %w", q, err)
	}
	best := map[ID]*Hit{}
	for _, kq := range keys {
		id, ok := entityID(kq.Subject)
		if !ok {
			continue
		}
		name, _ := literal(kq.Object)
		score := matchScore(name, key)
		if score == 0 {
			continue
		}
		if h := best[id]; h == nil || score > h.Score {
			best[id] = &Hit{ID: id, Matched: name, Score: score}
		}
	}
	var hits []Hit
	for id, h := range best {
		e, err := s.entityHead(ctx, id, 0)
		if err != nil {
			return nil, 0, fmt.Errorf("search %q: %w", q, err)
		}
		if opts.Type != "" && e.Type != opts.Type {
			continue
		}
		h.Type, h.Name, h.Articles = e.Type, e.Name, e.ArticleCount
		hits = append(hits, *h)
	}
	sort.Slice(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Articles != b.Articles {
			return a.Articles > b.Articles
		}
		return a.ID < b.ID
	})
	total := len(hits)
	if opts.Offset >= len(hits) {
		return []Hit{}, total, nil
	}
	hits = hits[opts.Offset:]
	if len(hits) > opts.Limit {
		hits = hits[:opts.Limit]
	}
	return hits, total, nil
}

// matchScore tells how well the folded name matches the folded query.
func matchScore(name, key string) int {
	switch {
	case name == key:
		return 3
	case strings.HasPrefix(name, key):
		return 2
	case strings.Contains(name, key):
		return 1
	}
	return 0
}

// EntityRecord is everything the store knows of one entity.
type EntityRecord struct {
	ID    ID                  `json:"id"`
	Type  Type                `json:"type"`
	Name  string              `json:"name"`
	Names map[string][]string `json:"names"` // mentions by language
	// ArticleCount is the number of articles that name the entity;
	// Articles lists them, or those of the page asked for.
	ArticleCount int          `json:"article_count"`
	Articles     []ArticleRef `json:"articles"`
	// OutCount and InCount are the numbers of edges out and in; Out and
	// In list them, or those of the page asked for.
	OutCount int    `json:"out_count"`
	Out      []Edge `json:"out"`
	InCount  int    `json:"in_count"`
	In       []Edge `json:"in"`
}

// ArticleRef identifies an article.
type ArticleRef struct {
	ID        string `json:"id"`
	IRI       string `json:"iri"`
	Document  string `json:"document,omitempty"`
	Title     string `json:"title,omitempty"`
	Lang      string `json:"lang,omitempty"`
	Published string `json:"date,omitempty"`
}

// Edge is a relation with every article that states it.
type Edge struct {
	Subject   ID        `json:"subject"`
	Predicate Predicate `json:"predicate"`
	// Object is an entity ID, or a literal when Literal is true.
	Object  string `json:"object"`
	Literal bool   `json:"literal,omitempty"`
	// Name is the canonical name of the entity at the other end.
	Name string `json:"name,omitempty"`
	// Confidence combines the sources' confidences: the chance that at
	// least one of them is right, taking them as independent.
	Confidence float64 `json:"confidence"`
	// SourceCount is the number of articles that state the relation;
	// Sources lists them, or the first of them by article ID.
	SourceCount int      `json:"source_count,omitempty"`
	Sources     []Source `json:"sources"`
}

// Source is one article's statement of a relation.
type Source struct {
	Article    ArticleRef `json:"article"`
	Evidence   string     `json:"evidence,omitempty"`
	Rule       string     `json:"rule,omitempty"`
	Confidence float64    `json:"confidence,omitempty"`
}

// EntityPage bounds what an entity record lists of an entity that many
// articles name: a country or a national commission has thousands of
// articles and edges. The record's counts are always whole.
type EntityPage struct {
	Articles int // the most articles listed
	Sources  int // the most sources listed per edge
	Edges    int // the most edges listed in each direction
	Offset   int // the edges skipped in each direction, in order
}

// WholeEntity is the page that lists everything.
var WholeEntity = EntityPage{Articles: math.MaxInt, Sources: math.MaxInt, Edges: math.MaxInt}

// Entity returns the whole record of entity id, or ErrNotFound.
func (s *Store) Entity(ctx context.Context, id ID) (*EntityRecord, error) {
	return s.EntityPage(ctx, id, WholeEntity)
}

// EntityPage returns the record of entity id within the bounds of p, or
// ErrNotFound. Its edges come in order of predicate, subject and object,
// the page's sources of each edge by article ID; its articles are the
// first p.Articles the store lists, by article ID.
func (s *Store) EntityPage(ctx context.Context, id ID, p EntityPage) (*EntityRecord, error) {
	key := fmt.Sprintf("entity %s %d %d %d %d", id, p.Articles, p.Sources, p.Edges, p.Offset)
	return memo(ctx, s.cache, key, func(ctx context.Context) (*EntityRecord, error) {
		return s.entity(ctx, id, p)
	})
}

func (s *Store) entity(ctx context.Context, id ID, p EntityPage) (*EntityRecord, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	e, err := s.entityHead(ctx, id, p.Articles)
	if err != nil {
		return nil, fmt.Errorf("entity %q: %w", id, err)
	}
	node := quad.IRI(EntityIRI(id))
	out, err := s.relationsFrom(ctx, node)
	if err != nil {
		return nil, fmt.Errorf("entity %q: %w", id, err)
	}
	in, err := s.quadsWith(ctx, quad.Object, node, 0)
	if err != nil {
		return nil, fmt.Errorf("entity %q: %w", id, err)
	}
	if e.Out, e.OutCount, err = s.edges(ctx, out, quad.Object, p); err != nil {
		return nil, fmt.Errorf("entity %q: %w", id, err)
	}
	if e.In, e.InCount, err = s.edges(ctx, in, quad.Subject, p); err != nil {
		return nil, fmt.Errorf("entity %q: %w", id, err)
	}
	return e, nil
}

// maxLabels bounds the statements of an entity's names that entityHead
// reads: each article that names an entity says its name again, and the
// distinct names are few.
const maxLabels = 2000

// entityHead returns an entity's type, names and articles (at most
// maxArticles of them, with the whole count), without edges. The caller
// holds s.mu.
func (s *Store) entityHead(ctx context.Context, id ID, maxArticles int) (*EntityRecord, error) {
	h, err := s.nodeHead(ctx, id)
	if err != nil {
		return nil, err
	}
	if h == nil {
		return nil, ErrNotFound
	}
	e := &EntityRecord{ID: id, Type: h.node.Type, Name: h.node.Name, Names: map[string][]string{}, Out: []Edge{}, In: []Edge{}}
	node := quad.IRI(EntityIRI(id))
	labels, err := s.quadsOf(ctx, node, quad.IRI(propLabel), maxLabels)
	if err != nil {
		return nil, err
	}
	seenName := map[[2]string]bool{}
	for _, q := range labels {
		n, lang := literal(q.Object)
		if !seenName[[2]string{lang, n}] {
			seenName[[2]string{lang, n}] = true
			e.Names[lang] = append(e.Names[lang], n)
		}
	}
	for _, names := range e.Names {
		sort.Strings(names)
	}
	// Each article names an entity in one quad, labelled with the article.
	if e.ArticleCount, err = s.countQuadsOf(ctx, node, quad.IRI(propMentionsIn)); err != nil {
		return nil, err
	}
	e.Articles = []ArticleRef{}
	if maxArticles <= 0 {
		return e, nil
	}
	mentions, err := s.quadsOf(ctx, node, quad.IRI(propMentionsIn), maxArticles)
	if err != nil {
		return nil, err
	}
	seenArticle := map[quad.Value]bool{}
	for _, q := range mentions {
		if !seenArticle[q.Object] {
			seenArticle[q.Object] = true
			ref, err := s.articleRef(ctx, q.Object)
			if err != nil {
				return nil, err
			}
			e.Articles = append(e.Articles, ref)
		}
	}
	sort.Slice(e.Articles, func(i, j int) bool { return e.Articles[i].ID < e.Articles[j].ID })
	return e, nil
}

// mostVoted returns the key with the most votes, the smallest on a tie.
func mostVoted[K ~string](votes map[K]int) K {
	var best K
	n := -1
	for k, v := range votes {
		if v > n || (v == n && k < best) {
			best, n = k, v
		}
	}
	return best
}

// maxConfidenceSources bounds the sources whose confidence an edge's
// confidence combines: beyond a few dozen, 1 - (1-c)^n no longer changes
// at any precision shown, and reading each costs a few quads.
const maxConfidenceSources = 64

// edges groups relation quads by (subject, predicate, object), orders the
// groups, and returns the page p of them, each with its name and its first
// p.Sources sources by article ID, and the number of groups. other is the
// direction of the far end. The caller holds s.mu.
func (s *Store) edges(ctx context.Context, quads []quad.Quad, other quad.Direction, p EntityPage) ([]Edge, int, error) {
	type key struct{ s, p, o string }
	type draft struct {
		edge  Edge
		far   quad.Value
		quads []quad.Quad
	}
	byKey := map[key]*draft{}
	var drafts []*draft
	for _, q := range quads {
		pred, ok := predicateOfIRI(q.Predicate)
		if !ok {
			continue
		}
		subj, ok := entityID(q.Subject)
		if !ok {
			continue
		}
		k := key{quad.StringOf(q.Subject), string(pred), quad.StringOf(q.Object)}
		d := byKey[k]
		if d == nil {
			d = &draft{edge: Edge{Subject: subj, Predicate: pred}, far: q.Get(other)}
			if id, ok := entityID(q.Object); ok {
				d.edge.Object = string(id)
			} else {
				d.edge.Object, _ = literal(q.Object)
				d.edge.Literal = true
			}
			byKey[k] = d
			drafts = append(drafts, d)
		}
		d.quads = append(d.quads, q)
	}
	sort.Slice(drafts, func(i, j int) bool {
		a, b := drafts[i].edge, drafts[j].edge
		if a.Predicate != b.Predicate {
			return a.Predicate < b.Predicate
		}
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		return a.Object < b.Object
	})
	total := len(drafts)
	drafts = drafts[min(p.Offset, total):]
	drafts = drafts[:min(p.Edges, len(drafts))]
	out := make([]Edge, 0, len(drafts))
	for _, d := range drafts {
		e := d.edge
		if id, ok := entityID(d.far); ok {
			name, err := s.entityName(ctx, id)
			if err != nil {
				return nil, 0, err
			}
			e.Name = name
		}
		e.SourceCount = len(d.quads)
		var err error
		if e.Sources, e.Confidence, err = s.firstSources(ctx, d.quads, p.Sources); err != nil {
			return nil, 0, err
		}
		out = append(out, e)
	}
	return out, total, nil
}

// firstSources returns the statements of the first n of quads (one
// relation, stated once per article label) by article ID, never nil, and
// the relation's confidence combined from at most max(n,
// maxConfidenceSources) of them (see combinedConfidence). It reads the
// articles first, from the cache, to choose which statements to read. The
// caller holds s.mu.
func (s *Store) firstSources(ctx context.Context, quads []quad.Quad, n int) ([]Source, float64, error) {
	type stated struct {
		q   quad.Quad
		ref ArticleRef
	}
	all := make([]stated, len(quads))
	for i, q := range quads {
		ref, err := s.articleRef(ctx, q.Label)
		if err != nil {
			return nil, 0, err
		}
		all[i] = stated{q, ref}
	}
	slices.SortFunc(all, func(a, b stated) int { return cmp.Compare(a.ref.ID, b.ref.ID) })
	var read []Source
	for _, st := range all[:min(len(all), max(n, maxConfidenceSources))] {
		src, err := s.statement(ctx, st.q, st.ref)
		if err != nil {
			return nil, 0, err
		}
		read = append(read, src)
	}
	return append([]Source{}, read[:min(len(read), n)]...), combinedConfidence(read), nil
}

// statement reads the statement behind one labelled relation quad, made
// by the article ref.
func (s *Store) statement(ctx context.Context, q quad.Quad, ref ArticleRef) (Source, error) {
	label, _ := q.Label.(quad.IRI)
	src := Source{Article: ref}
	f := factIRI(label, q.Subject, q.Predicate.(quad.IRI), q.Object)
	props, err := s.quadsWith(ctx, quad.Subject, f, 0)
	if err != nil {
		return Source{}, err
	}
	for _, p := range props {
		switch quad.StringOf(p.Predicate) {
		case quad.IRI(propEvidence).String():
			src.Evidence, _ = literal(p.Object)
		case quad.IRI(propRule).String():
			src.Rule, _ = literal(p.Object)
		case quad.IRI(propConfidence).String():
			if f, ok := p.Object.(quad.Float); ok {
				src.Confidence = float64(f)
			}
		}
	}
	return src, nil
}

// nameVotes is how many of an entity's names entityName reads: enough
// to find the one most articles use, without reading all of an entity that
// thousands of articles name.
const nameVotes = 64

// entityName returns the name most of the first nameVotes statements of
// an entity's name use, or "" if it has none. The caller holds s.mu.
func (s *Store) entityName(ctx context.Context, id ID) (string, error) {
	if name, ok := s.cache.name(id); ok {
		return name, nil
	}
	named, err := s.quadsOf(ctx, quad.IRI(EntityIRI(id)), quad.IRI(propName), nameVotes)
	if err != nil {
		return "", err
	}
	votes := map[string]int{}
	for _, q := range named {
		name, _ := literal(q.Object)
		votes[name]++
	}
	name := mostVoted(votes)
	s.cache.keepName(id, name)
	return name, ctx.Err()
}

// articleRef reads an article's metadata from its node.
func (s *Store) articleRef(ctx context.Context, node quad.Value) (ArticleRef, error) {
	if ref, ok := s.cache.article(node); ok {
		return ref, nil
	}
	ref, err := s.readArticleRef(ctx, node)
	if err == nil {
		s.cache.keepArticle(node, ref)
	}
	return ref, err
}

func (s *Store) readArticleRef(ctx context.Context, node quad.Value) (ArticleRef, error) {
	iri, _ := node.(quad.IRI)
	ref := ArticleRef{IRI: string(iri)}
	props, err := s.quadsWith(ctx, quad.Subject, node, 0)
	if err != nil {
		return ref, err
	}
	for _, p := range props {
		v, _ := literal(p.Object)
		switch quad.StringOf(p.Predicate) {
		case quad.IRI(propArticleID).String():
			ref.ID = v
		case quad.IRI(propDocument).String():
			ref.Document = v
		case quad.IRI(propHeadline).String():
			ref.Title = v
		case quad.IRI(propLanguage).String():
			ref.Lang = v
		case quad.IRI(propPublished).String():
			ref.Published = v
		}
	}
	return ref, nil
}

// ArticleCount returns the number of articles in the store, without
// reading them: a health check must answer at once, whatever the size.
func (s *Store) ArticleCount(ctx context.Context) (int, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ref, err := s.qs.ValueOf(quad.IRI(classArticle))
	if err != nil || ref == nil {
		return 0, err
	}
	n, err := count(ctx, s.qs.QuadIterator(quad.Object, ref).Iterate()) // only rdf:type has the article class as object
	if err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

// Articles lists the articles in the store, ordered by ID.
func (s *Store) Articles(ctx context.Context) ([]ArticleRef, error) {
	return memo(ctx, s.cache, "articles", s.articles)
}

func (s *Store) articles(ctx context.Context) ([]ArticleRef, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	typed, err := s.quadsWith(ctx, quad.Object, quad.IRI(classArticle), 0)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	refs := []ArticleRef{}
	for _, q := range typed {
		if quad.StringOf(q.Predicate) != quad.IRI(rdfType).String() {
			continue
		}
		ref, err := s.articleRef(ctx, q.Subject)
		if err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		refs = append(refs, ref)
	}
	sort.Slice(refs, func(i, j int) bool { return refs[i].ID < refs[j].ID })
	return refs, nil
}

func predicateOfIRI(v quad.Value) (Predicate, bool) {
	iri, ok := v.(quad.IRI)
	if !ok {
		return "", false
	}
	p, ok := predicateByIRI[string(iri)]
	return p, ok
}

var predicateByIRI = func() map[string]Predicate {
	m := make(map[string]Predicate, len(predicateIRIs))
	for p, iri := range predicateIRIs {
		m[iri] = p
	}
	return m
}()
