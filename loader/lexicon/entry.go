package lexicon

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
)

// Entry types. Every type but TypeRole is an entity type of the extraction
// spec; a Role is an office whose English literal is the object of holds_role.
const (
	TypeOrganization = "Organization"
	TypePerson       = "Person"
	TypePlace        = "Place"
	TypeLaw          = "Law"
	TypePlan         = "Plan"
	TypeCampaign     = "Campaign"
	TypeReport       = "Report"
	TypeEvent        = "Event"
	TypeRole         = "Role"
)

// Kinds of Place entries.
const (
	PlaceCountry = "country"
	PlaceRegion  = "region"
	PlaceCity    = "city"
)

// languages are the keys allowed in Entry.Names: the languages of the
// articles the loader reads.
var languages = []string{"ar", "fr", "en"}

var types = []string{
	TypeOrganization, TypePerson, TypePlace, TypeLaw, TypePlan,
	TypeCampaign, TypeReport, TypeEvent, TypeRole,
}

// Errors wrapped by Parse, New and Merge, to be tested with errors.Is.
var (
	// ErrInvalid is returned when an entry breaks a rule of the format: a
	// bad id, type, name or date, or a missing required field.
	ErrInvalid = errors.New("invalid entry")
	// ErrConflict is returned when an entry is merged into an existing entry
	// of another type.
	ErrConflict = errors.New("conflicting entry")
	// ErrReference is returned when an entry refers (Parent, Org,
	// Holders[].Person, Implements, Establishes) to an id that no entry has,
	// or to an entry of the wrong type.
	ErrReference = errors.New("bad reference")
)

// Entry is one known thing: an entity (Organization, Person, Place, Law, Plan,
// Campaign, Report, Event) or a Role (an office such as "minister of justice").
type Entry struct {
	ID       string              `json:"id"`                 // stable slug, lower-case ascii, e.g. "unodc", "law-27-14", "ministry-justice", "rabat"
	Type     string              `json:"type"`               // Organization|Person|Place|Law|Plan|Campaign|Report|Event|Role
	Name     string              `json:"name"`               // canonical English name
	Names    map[string][]string `json:"names,omitempty"`    // surface names by language: "ar", "fr", "en" — full forms, with common variants
	Acronyms []string            `json:"acronyms,omitempty"` // e.g. ["UNODC","ONUDC"]; matched case-sensitively by the extractor
	Parent   string              `json:"parent,omitempty"`   // id of the organization this one belongs to (member_of / part of), e.g. "unodc" -> "un"; for a Report or Plan, the body that publishes or runs it
	Year     string              `json:"year,omitempty"`     // Law/Plan/Report: "2016" or a plan span "2023-2030"

	Implements  string `json:"implements,omitempty"`  // Law or Plan: id of the law or plan it implements (a decree implements a law)
	Establishes string `json:"establishes,omitempty"` // Law: id of the organization a law or decree sets up

	// Place entries only: "country", "region" or "city". A country acts as
	// a state: it adopts and ratifies laws, takes part in meetings, is
	// assessed by reports.
	Kind string `json:"kind,omitempty"`

	// Role entries only:
	Role    string   `json:"role,omitempty"`    // English lower-case role literal, e.g. "minister of justice", "un resident coordinator in morocco", "eu ambassador to morocco"
	Org     string   `json:"org,omitempty"`     // id of the organization the office belongs to (e.g. "ministry-justice")
	Holders []Holder `json:"holders,omitempty"` // who held the office and when
}

// Holder is a person who held a Role from From to To, both inclusive, each
// YYYY-MM-DD, or YYYY-MM or YYYY when the day is not known. To empty means
// still in office as far as known; From empty means the start is not known.
type Holder struct {
	Person string `json:"person"`       // id of a Person entry
	From   string `json:"from"`         // first day in office
	To     string `json:"to,omitempty"` // last day in office
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// canonicalize drops empty collections so that an entry has one form whatever
// the JSON said ("names":{} and no names at all), which makes Parse and
// json.Marshal round-trip exactly.
func canonicalize(e *Entry) {
	for lang, names := range e.Names {
		if len(names) == 0 {
			delete(e.Names, lang)
		}
	}
	if len(e.Names) == 0 {
		e.Names = nil
	}
	if len(e.Acronyms) == 0 {
		e.Acronyms = nil
	}
	if len(e.Holders) == 0 {
		e.Holders = nil
	}
}

// validate checks the rules that concern e alone; references to other
// entries are checked by Lexicon.check once all entries are merged.
func validate(e Entry) error {
	if e.ID == "" {
		return fmt.Errorf("%w: missing id", ErrInvalid)
	}
	if !idPattern.MatchString(e.ID) {
		return fmt.Errorf("%w: id %q does not match %s", ErrInvalid, e.ID, idPattern)
	}
	if !slices.Contains(types, e.Type) {
		return fmt.Errorf("%w: %s: unknown type %q, want one of %s", ErrInvalid, e.ID, e.Type, strings.Join(types, ", "))
	}
	if e.Name != "" {
		if err := checkText("name", e.Name); err != nil {
			return fmt.Errorf("%w: %s: %v", ErrInvalid, e.ID, err)
		}
	}
	for _, lang := range slices.Sorted(maps.Keys(e.Names)) {
		if !slices.Contains(languages, lang) {
			return fmt.Errorf("%w: %s: unknown language %q in names, want one of %s", ErrInvalid, e.ID, lang, strings.Join(languages, ", "))
		}
		for _, n := range e.Names[lang] {
			if err := checkText("names."+lang, n); err != nil {
				return fmt.Errorf("%w: %s: %v", ErrInvalid, e.ID, err)
			}
		}
	}
	for _, a := range e.Acronyms {
		if err := checkText("acronym", a); err != nil {
			return fmt.Errorf("%w: %s: %v", ErrInvalid, e.ID, err)
		}
	}
	for _, r := range e.refs() {
		if !idPattern.MatchString(r.id) {
			return fmt.Errorf("%w: %s: %s %q is not an id", ErrInvalid, e.ID, r.field, r.id)
		}
	}
	if err := validateKind(e); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrInvalid, e.ID, err)
	}
	return nil
}

// A ref is a reference from an entry to another entry, and the types the
// referenced entry may have.
type ref struct {
	field string
	id    string
	want  []string
}

// refs lists e's references in a fixed order, for deterministic errors.
func (e Entry) refs() []ref {
	var rs []ref
	add := func(field, id string, want ...string) {
		if id != "" {
			rs = append(rs, ref{field, id, want})
		}
	}
	add("parent", e.Parent, TypeOrganization)
	add("org", e.Org, TypeOrganization)
	add("implements", e.Implements, TypeLaw, TypePlan)
	add("establishes", e.Establishes, TypeOrganization)
	for i, h := range e.Holders {
		add(fmt.Sprintf("holders[%d].person", i), h.Person, TypePerson)
	}
	return rs
}

// validateKind checks which fields an entry of e's type may have. Which
// fields it must have is checked by complete, after merging, so that a user
// file can add a name or a holder to a known entry without repeating it.
func validateKind(e Entry) error {
	if e.Type == TypeRole {
		if e.Role != "" {
			if err := checkText("role", e.Role); err != nil {
				return err
			}
			if e.Role != strings.ToLower(e.Role) {
				return fmt.Errorf("role %q is not lower case", e.Role)
			}
		}
		for i, h := range e.Holders {
			if err := validateHolder(h); err != nil {
				return fmt.Errorf("holders[%d]: %v", i, err)
			}
		}
		if e.Parent != "" || e.Year != "" || e.Implements != "" || e.Establishes != "" {
			return errors.New("a Role takes none of parent, year, implements, establishes")
		}
		return nil
	}
	if e.Role != "" || e.Org != "" || len(e.Holders) > 0 {
		return fmt.Errorf("role, org and holders are for Role entries, not %s", e.Type)
	}
	if e.Kind != "" {
		if e.Type != TypePlace {
			return fmt.Errorf("kind is for Place entries, not %s", e.Type)
		}
		if e.Kind != PlaceCountry && e.Kind != PlaceRegion && e.Kind != PlaceCity {
			return fmt.Errorf("kind %q is not one of country, region, city", e.Kind)
		}
	}
	if e.Parent != "" && e.Type != TypeOrganization && e.Type != TypePerson && e.Type != TypeReport && e.Type != TypePlan {
		return fmt.Errorf("parent is for Organization, Person, Report and Plan entries, not %s", e.Type)
	}
	if e.Year != "" {
		if e.Type != TypeLaw && e.Type != TypePlan && e.Type != TypeReport {
			return fmt.Errorf("year is for Law, Plan and Report entries, not %s", e.Type)
		}
		if err := checkYear(e.Year); err != nil {
			return err
		}
	}
	if e.Implements != "" && e.Type != TypeLaw && e.Type != TypePlan {
		return fmt.Errorf("implements is for Law and Plan entries, not %s", e.Type)
	}
	if e.Establishes != "" && e.Type != TypeLaw {
		return fmt.Errorf("establishes is for Law entries, not %s", e.Type)
	}
	return nil
}

// complete reports what a merged entry still lacks: a Role needs role and
// org, any other entry a name and at least one surface name or acronym.
func complete(e Entry) error {
	if e.Type == TypeRole {
		if e.Role == "" {
			return fmt.Errorf("%w: %s: a Role needs role", ErrInvalid, e.ID)
		}
		if e.Org == "" {
			return fmt.Errorf("%w: %s: a Role needs org", ErrInvalid, e.ID)
		}
		return nil
	}
	if e.Name == "" {
		return fmt.Errorf("%w: %s: missing name", ErrInvalid, e.ID)
	}
	if len(e.Names) == 0 && len(e.Acronyms) == 0 {
		return fmt.Errorf("%w: %s: no names and no acronyms", ErrInvalid, e.ID)
	}
	return nil
}

func validateHolder(h Holder) error {
	if h.Person == "" {
		return errors.New("missing person")
	}
	if !idPattern.MatchString(h.Person) {
		return fmt.Errorf("person %q is not an id", h.Person)
	}
	var from, to period
	var err error
	if h.From != "" {
		if from, err = parsePeriod(h.From); err != nil {
			return fmt.Errorf("from: %v", err)
		}
	}
	if h.To != "" {
		if to, err = parsePeriod(h.To); err != nil {
			return fmt.Errorf("to: %v", err)
		}
	}
	if h.From != "" && h.To != "" && from.start.After(to.end) {
		return fmt.Errorf("from %s is after to %s", h.From, h.To)
	}
	return nil
}

// checkText rejects empty text, text with surrounding white space (a sign of
// a copy-paste slip that would never match) and control characters.
func checkText(field, s string) error {
	if s == "" {
		return fmt.Errorf("empty %s", field)
	}
	if strings.TrimSpace(s) != s {
		return fmt.Errorf("%s %q has surrounding white space", field, s)
	}
	if strings.ContainsFunc(s, unicode.IsControl) {
		return fmt.Errorf("%s %q has a control character", field, s)
	}
	return nil
}

var yearPattern = regexp.MustCompile(`^([0-9]{4})(?:-([0-9]{4}))?$`)

// checkYear accepts "2016" and a span "2023-2030" whose end is not before its
// start.
func checkYear(y string) error {
	m := yearPattern.FindStringSubmatch(y)
	if m == nil {
		return fmt.Errorf("bad year %q: want YYYY or YYYY-YYYY", y)
	}
	if m[2] != "" && m[2] < m[1] {
		return fmt.Errorf("bad year %q: span ends before it starts", y)
	}
	return nil
}

// A period is the closed range of days that a date of some precision
// denotes: "2021" is 2021-01-01..2021-12-31, "2021-10-07" is that one day.
type period struct {
	start, end time.Time
}

// parsePeriod parses YYYY, YYYY-MM or YYYY-MM-DD, rejecting dates that do not
// exist ("2023-02-30").
func parsePeriod(s string) (period, error) {
	var layout string
	switch len(s) {
	case len("2006"):
		layout = "2006"
	case len("2006-01"):
		layout = "2006-01"
	case len("2006-01-02"):
		layout = "2006-01-02"
	default:
		return period{}, fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	t, err := time.Parse(layout, s)
	if err != nil || t.Format(layout) != s {
		return period{}, fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	p := period{start: t, end: t}
	switch layout {
	case "2006":
		p.end = t.AddDate(1, 0, -1)
	case "2006-01":
		p.end = t.AddDate(0, 1, -1)
	}
	return p, nil
}

// clone returns a deep copy of e, so that callers of Entries and Lookup
// cannot change the lexicon through the maps and slices they get.
func (e Entry) clone() Entry {
	c := e
	if e.Names != nil {
		c.Names = make(map[string][]string, len(e.Names))
		for lang, names := range e.Names {
			c.Names[lang] = slices.Clone(names)
		}
	}
	c.Acronyms = slices.Clone(e.Acronyms)
	c.Holders = slices.Clone(e.Holders)
	return c
}
