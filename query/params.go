package query

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
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
