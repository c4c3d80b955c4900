package graph

import (
	"fmt"
	"regexp"
)

// ID identifies an entity: a lower-case slug such as "unodc" or
// "law-27-14", the same in every article that names the entity.
type ID string

// Type is the kind of an entity.
type Type string

// The entity types of the extraction contract (shared/spec/extraction.md).
const (
	Organization Type = "Organization"
	Person       Type = "Person"
	Place        Type = "Place"
	Law          Type = "Law"
	Plan         Type = "Plan"
	Event        Type = "Event"
	Campaign     Type = "Campaign"
	Report       Type = "Report"
)

// Types lists the entity types in a stable order.
var Types = []Type{Organization, Person, Place, Law, Plan, Event, Campaign, Report}

// Valid reports whether t is one of Types.
func (t Type) Valid() bool {
	for _, u := range Types {
		if t == u {
			return true
		}
	}
	return false
}

// Entity is a thing an article names.
type Entity struct {
	ID   ID     `json:"id"`
	Type Type   `json:"type"`
	Name string `json:"name"` // canonical name, English where known
	// Mentions are the strings of the article that name the entity, as
	// written, in order of first appearance.
	Mentions []string `json:"mentions"`
	// Lang is the language of the mentions: "ar", "fr" or "en".
	Lang string `json:"-"`
	// Aliases are other names of the entity that the article does not use
	// — a lexicon's names in other languages and its acronyms — so that a
	// search for any of them finds it. They are search keys, not labels.
	Aliases []string `json:"-"`
}

// Relation is one fact: Subject Predicate Object, with the sentence that
// states it. Object is an entity ID, or a literal for the predicates where
// Predicate.Literal reports true.
type Relation struct {
	Subject   ID        `json:"subject"`
	Predicate Predicate `json:"predicate"`
	Object    string    `json:"object"`
	Evidence  string    `json:"evidence"`
	// Rule names what found the fact: a lexicon entry or a pattern.
	Rule string `json:"rule,omitempty"`
	// Confidence is in (0, 1]: how sure the rule is.
	Confidence float64 `json:"confidence,omitempty"`
}

// Article is what one article says: its metadata, the entities it names and
// the relations it states. The store keeps each article's facts apart, so
// that loading it again replaces them.
type Article struct {
	// ID is the article's identity: its URL when known, else a hash of its
	// content.
	ID        string     `json:"id"`
	Name      string     `json:"document"`
	Source    string     `json:"source,omitempty"`
	URL       string     `json:"url,omitempty"`
	Title     string     `json:"title,omitempty"`
	Lang      string     `json:"lang"`
	Published string     `json:"date"`
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Validate reports the first inconsistency in a: an invalid id or type, a
// relation whose subject or object is not one of its entities, an unknown
// predicate.
func (a *Article) Validate() error {
	if a.ID == "" {
		return fmt.Errorf("article %q has no id", a.Name)
	}
	ids := make(map[ID]bool, len(a.Entities))
	for _, e := range a.Entities {
		if !idPattern.MatchString(string(e.ID)) {
			return fmt.Errorf("article %q: invalid entity id %q", a.Name, e.ID)
		}
		if !e.Type.Valid() {
			return fmt.Errorf("article %q: entity %q has unknown type %q", a.Name, e.ID, e.Type)
		}
		ids[e.ID] = true
	}
	for _, r := range a.Relations {
		if !r.Predicate.Valid() {
			return fmt.Errorf("article %q: unknown predicate %q", a.Name, r.Predicate)
		}
		if !ids[r.Subject] {
			return fmt.Errorf("article %q: relation %s subject %q is not an entity of the article", a.Name, r.Predicate, r.Subject)
		}
		if !r.Predicate.Literal() && !ids[ID(r.Object)] {
			return fmt.Errorf("article %q: relation %s object %q is not an entity of the article", a.Name, r.Predicate, r.Object)
		}
	}
	return nil
}
