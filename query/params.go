package query

import (
	"math"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/graph"
)

// Limits of a search request.
const (
	// MaxQueryRunes bounds the search text: no name of an entity is longer,
	// and longer texts only cost time.
	MaxQueryRunes = 200
	// DefaultLimit is the page size when the request gives none.
	DefaultLimit = 20
	// MaxLimit bounds the page size, so that one request cannot ask for the
	// whole store.
	MaxLimit = 100
	// maxIDBytes bounds an entity id in a path; ids are short slugs.
	maxIDBytes = 200
)

// searchParams are the parameters of GET /api/v1/entities.
type searchParams struct {
	Query  string     // q: the text to find in entity names
	Type   graph.Type // type: only entities of this type, if set
	Limit  int        // limit: page size, 1 to MaxLimit
	Offset int        // offset: hits to skip, 0 or more
}

// parseSearch reads the parameters of a search from a raw query string.
// Its errors are 400s whose message names the faulty parameter.
func parseSearch(rawQuery string) (searchParams, error) {
	p := searchParams{Limit: DefaultLimit}
	v, err := url.ParseQuery(rawQuery)
	if err != nil {
		return p, badRequest("malformed query string: %v", err)
	}
	for name, values := range v {
		if len(values) > 1 {
			return p, badRequest("parameter %q is given %d times; give it once", name, len(values))
		}
	}

	q, ok := v["q"]
	switch {
	case !ok:
		return p, badRequest(`parameter "q" is required: the name to search for`)
	case !utf8.ValidString(q[0]):
		return p, badRequest(`parameter "q" is not valid UTF-8`)
	case strings.TrimSpace(q[0]) == "":
		return p, badRequest(`parameter "q" must not be empty`)
	case utf8.RuneCountInString(q[0]) > MaxQueryRunes:
		return p, badRequest(`parameter "q" is longer than %d characters`, MaxQueryRunes)
	}
	p.Query = strings.TrimSpace(q[0])

	if t := v.Get("type"); t != "" {
		p.Type = parseType(t)
		if p.Type == "" {
			return p, badRequest(`parameter "type" must be one of %s; got %q`, typeList(), t)
		}
	}
	if s, ok := v["limit"]; ok {
		n, err := strconv.Atoi(s[0])
		if err != nil || n < 1 || n > MaxLimit {
			return p, badRequest(`parameter "limit" must be a whole number from 1 to %d; got %q`, MaxLimit, s[0])
		}
		p.Limit = n
	}
	if s, ok := v["offset"]; ok {
		n, err := strconv.Atoi(s[0])
		if err != nil || n < 0 {
			return p, badRequest(`parameter "offset" must be a whole number, 0 or more; got %q`, s[0])
		}
		p.Offset = n
	}
	return p, nil
}

// parseType returns the entity type named s, ignoring case, or "".
func parseType(s string) graph.Type {
	for _, t := range graph.Types {
		if strings.EqualFold(s, string(t)) {
			return t
		}
	}
	return ""
}

func typeList() string {
	names := make([]string, len(graph.Types))
	for i, t := range graph.Types {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}

// entityIDPattern is the form of graph.ID (see graph.Article.Validate).
var entityIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// parseEntityID checks the {id} of an entity path.
func parseEntityID(s string) (graph.ID, error) {
	if len(s) > maxIDBytes || !entityIDPattern.MatchString(s) {
		return "", badRequest("malformed entity id %q: an id is lower-case letters, digits and hyphens, as in \"unodc\"", truncate(s, 80))
	}
	return graph.ID(s), nil
}

// truncate shortens s to at most n runes for an error message.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "..."
}

// Limits of the graph routes.
const (
	// DefaultNetworkNodes is the node cap of a network when the request
	// gives none; MaxNetworkNodes the most it may ask for. Cytoscape.js
	// lays out a few hundred nodes at once, a few thousand slowly.
	DefaultNetworkNodes = 300
	MaxNetworkNodes     = 2000
	// MaxDepth bounds the depth of a network or export around an entity:
	// at depth 4 the seeds already reach most of the graph.
	MaxDepth = 4
	// maxVisits bounds the entities a traversal reads, whatever it keeps.
	maxVisits = 20000
	// DefaultPaths and MaxPaths bound how many connections a paths
	// request returns; DefaultHops and MaxHops how long they may be.
	DefaultPaths = 3
	MaxPaths     = 10
	DefaultHops  = 4
	MaxHops      = 6
	// DefaultPage and MaxPage bound the lists of partnerships and of the
	// timeline.
	DefaultPage = 100
	MaxPage     = 1000
	// DefaultSources and MaxSources bound the sources an entity page or a
	// partnership lists per relation; DefaultArticles and MaxArticles the
	// articles an entity page lists. An entity that thousands of articles
	// name would otherwise answer megabytes; the counts are always whole.
	DefaultSources  = 20
	MaxSources      = 1000
	DefaultArticles = 100
	MaxArticles     = 10000
	// DefaultThings and MaxThings bound the things a partnership lists:
	// the commission and the ministry of justice share hundreds.
	DefaultThings = 20
	MaxThings     = 10000
	// DefaultEdges and MaxEdges bound the edges an entity page lists in
	// each direction.
	DefaultEdges = 100
	MaxEdges     = 10000
	// maxArticleKeyBytes bounds the {id} of an article path.
	maxArticleKeyBytes = 500
)

// form is a query string whose parameters each appear once, all of them
// known to the route.
type form struct{ v url.Values }

// parseForm parses a raw query string. Its errors are 400s: a malformed
// query string, a parameter given twice, or one the route does not take.
func parseForm(rawQuery string, allowed ...string) (form, error) {
	v, err := url.ParseQuery(rawQuery)
	if err != nil {
		return form{}, badRequest("malformed query string: %v", err)
	}
	names := make([]string, 0, len(v))
	for name := range v {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if !slices.Contains(allowed, name) {
			return form{}, badRequest("unknown parameter %q; this route takes %s", truncate(name, 40), strings.Join(allowed, ", "))
		}
		if n := len(v[name]); n > 1 {
			return form{}, badRequest("parameter %q is given %d times; give it once", name, n)
		}
	}
	return form{v}, nil
}

func (f form) has(name string) bool { _, ok := f.v[name]; return ok }

func (f form) get(name string) string { return f.v.Get(name) }

// entity reads an entity id; "" when the parameter is absent and not
// required.
func (f form) entity(name string, required bool) (graph.ID, error) {
	s, ok := f.v[name]
	if !ok {
		if required {
			return "", badRequest("parameter %q is required: an entity id, as in \"unodc\"", name)
		}
		return "", nil
	}
	if len(s[0]) > maxIDBytes || !entityIDPattern.MatchString(s[0]) {
		return "", badRequest("parameter %q: malformed entity id %q: an id is lower-case letters, digits and hyphens, as in \"unodc\"", name, truncate(s[0], 80))
	}
	return graph.ID(s[0]), nil
}

// number reads a whole number from lo to hi, def when absent.
func (f form) number(name string, def, lo, hi int) (int, error) {
	s, ok := f.v[name]
	if !ok {
		return def, nil
	}
	n, err := strconv.Atoi(s[0])
	if err != nil || n < lo || n > hi {
		return 0, badRequest("parameter %q must be a whole number from %d to %d; got %q", name, lo, hi, truncate(s[0], 40))
	}
	return n, nil
}

// types reads a comma-separated list of entity types, in any case.
func (f form) types(name string) ([]graph.Type, error) {
	var out []graph.Type
	for _, s := range f.list(name) {
		t := parseType(s)
		if t == "" {
			return nil, badRequest("parameter %q must be types among %s, separated by commas; got %q", name, typeList(), truncate(s, 40))
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out, nil
}

// predicates reads a comma-separated list of predicates.
func (f form) predicates(name string) ([]graph.Predicate, error) {
	var out []graph.Predicate
	for _, s := range f.list(name) {
		p := graph.Predicate(strings.ToLower(s))
		if !p.Valid() {
			names := make([]string, len(graph.Predicates))
			for i, p := range graph.Predicates {
				names[i] = string(p)
			}
			return nil, badRequest("parameter %q must be predicates among %s, separated by commas; got %q", name, strings.Join(names, ", "), truncate(s, 40))
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out, nil
}

// list splits a comma-separated parameter; absent or empty gives nil.
func (f form) list(name string) []string {
	var out []string
	for _, s := range strings.Split(f.get(name), ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// dateRange reads the "from" and "to" dates.
func (f form) dateRange() (graph.DateRange, error) {
	for _, name := range []string{"from", "to"} {
		if d := f.get(name); d != "" {
			if _, err := graph.ParseDateRange(d, ""); err != nil {
				return graph.DateRange{}, badRequest("parameter %q must be a date YYYY, YYYY-MM or YYYY-MM-DD; got %q", name, truncate(d, 40))
			}
		}
	}
	r, err := graph.ParseDateRange(f.get("from"), f.get("to"))
	if err != nil {
		return r, badRequest(`parameters "from" and "to": %v`, err)
	}
	return r, nil
}

// pageParams are the limit and offset of a list.
type pageParams struct {
	Limit  int // limit: 1 to MaxPage
	Offset int // offset: 0 or more
}

func (f form) page() (pageParams, error) {
	var p pageParams
	var err error
	if p.Limit, err = f.number("limit", DefaultPage, 1, MaxPage); err != nil {
		return p, err
	}
	if p.Offset, err = f.number("offset", 0, 0, math.MaxInt); err != nil {
		return p, err
	}
	return p, nil
}

// entityParams are the parameters of GET /api/v1/entities/{id}.
type entityParams struct {
	Sources  int // sources: the most sources listed per relation
	Articles int // articles: the most articles listed
	Edges    int // edges: the most edges listed in each direction
	Offset   int // offset: the edges skipped in each direction
}

var entityParamNames = []string{"sources", "articles", "edges", "offset"}

func parseEntity(rawQuery string) (entityParams, error) {
	var p entityParams
	f, err := parseForm(rawQuery, entityParamNames...)
	if err != nil {
		return p, err
	}
	if p.Sources, err = f.number("sources", DefaultSources, 0, MaxSources); err != nil {
		return p, err
	}
	if p.Articles, err = f.number("articles", DefaultArticles, 0, MaxArticles); err != nil {
		return p, err
	}
	if p.Edges, err = f.number("edges", DefaultEdges, 0, MaxEdges); err != nil {
		return p, err
	}
	p.Offset, err = f.number("offset", 0, 0, math.MaxInt)
	return p, err
}

// partnersParams are the parameters of GET /api/v1/partners.
type partnersParams struct {
	Org     graph.ID        // org: only the partnerships of this organization
	Range   graph.DateRange // from, to
	Sources int             // sources: the most sources listed per role
	Things  int             // things: the most things listed per pair
	pageParams
}

var partnersParamNames = []string{"org", "from", "to", "things", "sources", "limit", "offset"}

func parsePartners(rawQuery string) (partnersParams, error) {
	var p partnersParams
	f, err := parseForm(rawQuery, partnersParamNames...)
	if err != nil {
		return p, err
	}
	if p.Org, err = f.entity("org", false); err != nil {
		return p, err
	}
	if p.Range, err = f.dateRange(); err != nil {
		return p, err
	}
	if p.Sources, err = f.number("sources", DefaultSources, 0, MaxSources); err != nil {
		return p, err
	}
	if p.Things, err = f.number("things", DefaultThings, 0, MaxThings); err != nil {
		return p, err
	}
	p.pageParams, err = f.page()
	return p, err
}

// networkParams are the parameters of GET /api/v1/network.
type networkParams struct {
	ID         graph.ID          // id: around this entity; none for the whole graph
	Depth      int               // depth: 0 to MaxDepth, with id
	Types      []graph.Type      // type: only nodes of these types
	Predicates []graph.Predicate // predicate: only relations with these predicates
	Range      graph.DateRange   // from, to
	Limit      int               // limit: the node cap, 1 to MaxNetworkNodes
}

var networkParamNames = []string{"id", "depth", "type", "predicate", "from", "to", "limit"}

func parseNetwork(rawQuery string) (networkParams, error) {
	var p networkParams
	f, err := parseForm(rawQuery, networkParamNames...)
	if err != nil {
		return p, err
	}
	if p.ID, err = f.entity("id", false); err != nil {
		return p, err
	}
	if p.Depth, err = depth(f, p.ID); err != nil {
		return p, err
	}
	if p.Types, err = f.types("type"); err != nil {
		return p, err
	}
	if p.Predicates, err = f.predicates("predicate"); err != nil {
		return p, err
	}
	if p.Range, err = f.dateRange(); err != nil {
		return p, err
	}
	p.Limit, err = f.number("limit", DefaultNetworkNodes, 1, MaxNetworkNodes)
	return p, err
}

// depth reads the depth of a subgraph around id: 1 by default, and only
// with id.
func depth(f form, id graph.ID) (int, error) {
	if id == "" {
		if f.has("depth") {
			return 0, badRequest(`parameter "depth" needs parameter "id": the whole graph has no depth`)
		}
		return 0, nil
	}
	return f.number("depth", 1, 0, MaxDepth)
}

// pathsParams are the parameters of GET /api/v1/paths.
type pathsParams struct {
	From, To graph.ID     // from, to: the two ends
	Max      int          // max: how many connections, 1 to MaxPaths
	Hops     int          // hops: the longest connection, 1 to MaxHops
	Via      []graph.Type // via: the types a connection may go through
}

var pathsParamNames = []string{"from", "to", "max", "hops", "via"}

func parsePaths(rawQuery string) (pathsParams, error) {
	var p pathsParams
	f, err := parseForm(rawQuery, pathsParamNames...)
	if err != nil {
		return p, err
	}
	if p.From, err = f.entity("from", true); err != nil {
		return p, err
	}
	if p.To, err = f.entity("to", true); err != nil {
		return p, err
	}
	if p.Max, err = f.number("max", DefaultPaths, 1, MaxPaths); err != nil {
		return p, err
	}
	if p.Hops, err = f.number("hops", DefaultHops, 1, MaxHops); err != nil {
		return p, err
	}
	if p.Via, err = f.types("via"); err != nil {
		return p, err
	}
	if len(p.Via) == 0 {
		p.Via = slices.Clone(graph.PathThrough)
	}
	return p, nil
}

// timelineParams are the parameters of GET /api/v1/timeline.
type timelineParams struct {
	Types []graph.Type    // type: the types of the things; none means graph.TimelineTypes
	Range graph.DateRange // from, to
	Org   graph.ID        // org: only the things this entity took part in
	pageParams
}

var timelineParamNames = []string{"type", "from", "to", "org", "limit", "offset"}

func parseTimeline(rawQuery string) (timelineParams, error) {
	var p timelineParams
	f, err := parseForm(rawQuery, timelineParamNames...)
	if err != nil {
		return p, err
	}
	if p.Types, err = f.types("type"); err != nil {
		return p, err
	}
	if p.Range, err = f.dateRange(); err != nil {
		return p, err
	}
	if p.Org, err = f.entity("org", false); err != nil {
		return p, err
	}
	p.pageParams, err = f.page()
	return p, err
}

// ExportFormats are the formats of GET /api/v1/export.
var ExportFormats = []string{"nquads", "jsonld", "graphml", "dot"}

// exportParams are the parameters of GET /api/v1/export.
type exportParams struct {
	Format string   // format: one of ExportFormats
	ID     graph.ID // id: around this entity; none for the whole graph
	Depth  int      // depth: 0 to MaxDepth, with id
}

var exportParamNames = []string{"format", "id", "depth"}

func parseExport(rawQuery string) (exportParams, error) {
	var p exportParams
	f, err := parseForm(rawQuery, exportParamNames...)
	if err != nil {
		return p, err
	}
	p.Format = f.get("format")
	if !slices.Contains(ExportFormats, p.Format) {
		return p, badRequest("parameter %q must be one of %s; got %q", "format", strings.Join(ExportFormats, ", "), truncate(p.Format, 40))
	}
	if p.ID, err = f.entity("id", false); err != nil {
		return p, err
	}
	p.Depth, err = depth(f, p.ID)
	return p, err
}

// parseArticleKey checks the {id} of an article path: the key that ends
// the article's IRI, or its ID when that holds no slash.
func parseArticleKey(s string) (string, error) {
	if s == "" || len(s) > maxArticleKeyBytes || !utf8.ValidString(s) || strings.ContainsFunc(s, unicode.IsControl) {
		return "", badRequest("malformed article id %q: give the key that ends the article's iri, as in \"3f2a...\" from https://actorgraph.org/article/3f2a...", truncate(s, 80))
	}
	return s, nil
}
