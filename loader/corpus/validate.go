package corpus

import (
	"errors"
	"fmt"
	"regexp"

	"github.com/actorgraph/actorgraph/loader/eval"
)

// Entity types of shared/spec/extraction.md.
const (
	tOrg      = "Organization"
	tPerson   = "Person"
	tPlace    = "Place"
	tLaw      = "Law"
	tPlan     = "Plan"
	tEvent    = "Event"
	tCampaign = "Campaign"
	tReport   = "Report"
)

var entityTypes = map[string]bool{tOrg: true, tPerson: true, tPlace: true, tLaw: true, tPlan: true, tEvent: true, tCampaign: true, tReport: true}

func set(types ...string) map[string]bool {
	m := map[string]bool{}
	for _, t := range types {
		m[t] = true
	}
	return m
}

// signatures is the spec's table of relations: the types a predicate's
// subject may have, and its object's, or nil for a literal.
var signatures = map[string][2]map[string]bool{
	"organized_by":    {set(tEvent, tCampaign), set(tOrg)},
	"partner":         {set(tEvent, tCampaign, tPlan), set(tOrg)},
	"funded_by":       {set(tEvent, tCampaign, tPlan), set(tOrg)},
	"chaired_by":      {set(tEvent), set(tPerson)},
	"spoke_at":        {set(tPerson), set(tEvent)},
	"participated_in": {set(tPerson, tOrg, tPlace), set(tEvent, tCampaign)},
	"held_in":         {set(tEvent), set(tPlace)},
	"held_on":         {set(tEvent), nil},
	"part_of":         {set(tEvent), set(tCampaign, tEvent)},
	"implements":      {set(tEvent, tPlan, tLaw, tOrg), set(tPlan, tLaw)},
	"holds_role":      {set(tPerson), nil},
	"member_of":       {set(tPerson, tOrg), set(tOrg)},
	"adopted":         {set(tOrg, tPlace), set(tLaw, tPlan)},
	"ratified":        {set(tPlace, tOrg), set(tLaw)},
	"establishes":     {set(tLaw), set(tOrg)},
	"published":       {set(tOrg), set(tReport)},
	"assesses":        {set(tReport), set(tPlace, tOrg)},
	"year":            {set(tLaw, tPlan, tReport), nil},
}

// literalShapes are the shapes of the literal objects.
var literalShapes = map[string]*regexp.Regexp{
	"held_on":    regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`),
	"year":       regexp.MustCompile(`^\d{4}(-\d{4})?$`),
	"holds_role": regexp.MustCompile(`^[^A-Z]+$`),
}

var (
	idShape   = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	dateShape = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// maxProblems caps the problems Validate reports.
const maxProblems = 20

// Validate checks gold documents against the spec, as
// testdata/eval/check_gold.py does, except for what needs the articles'
// text: languages and dates have their shape; entity ids are unique in a
// document, well formed and of a known type, with at least one mention;
// each relation's predicate is known, its ends are declared entities (or
// literals of the right shape) of the types the predicate takes, and it
// has evidence; no relation is repeated; and across documents an id has
// one type and one name, and a name one id.
func Validate(docs []eval.Document) error {
	var errs []error
	bad := func(doc, format string, args ...any) {
		if len(errs) < maxProblems {
			errs = append(errs, fmt.Errorf("%s: %s", doc, fmt.Sprintf(format, args...)))
		}
	}
	type identity struct{ typ, name, doc string }
	ids := map[string]identity{}
	names := map[string]string{}
	for _, d := range docs {
		if d.Lang != "ar" && d.Lang != "fr" && d.Lang != "en" {
			bad(d.Document, "lang %q", d.Lang)
		}
		if d.Date != "" && !dateShape.MatchString(d.Date) {
			bad(d.Document, "date %q", d.Date)
		}
		types := map[string]string{}
		for _, e := range d.Entities {
			if _, dup := types[e.ID]; dup {
				bad(d.Document, "duplicate id %s", e.ID)
			}
			types[e.ID] = e.Type
			if !idShape.MatchString(e.ID) {
				bad(d.Document, "bad id %q", e.ID)
			}
			if !entityTypes[e.Type] {
				bad(d.Document, "%s: type %q", e.ID, e.Type)
			}
			if len(e.Mentions) == 0 {
				bad(d.Document, "%s: no mention", e.ID)
			}
			if prev, ok := ids[e.ID]; ok && (prev.typ != e.Type || prev.name != e.Name) {
				bad(d.Document, "id %s is (%s, %q), but (%s, %q) in %s", e.ID, e.Type, e.Name, prev.typ, prev.name, prev.doc)
			} else if !ok {
				ids[e.ID] = identity{e.Type, e.Name, d.Document}
			}
			if id, ok := names[e.Name]; ok && id != e.ID {
				bad(d.Document, "name %q is used by %s and by %s", e.Name, e.ID, id)
			} else if !ok {
				names[e.Name] = e.ID
			}
		}
		used := map[[3]string]bool{}
		for _, r := range d.Relations {
			sig, ok := signatures[r.Predicate]
			if !ok {
				bad(d.Document, "unknown predicate %q", r.Predicate)
				continue
			}
			if t, ok := types[r.Subject]; !ok {
				bad(d.Document, "%s %s %s: undeclared subject", r.Subject, r.Predicate, r.Object)
			} else if !sig[0][t] {
				bad(d.Document, "%s %s %s: subject type %s", r.Subject, r.Predicate, r.Object, t)
			}
			if sig[1] == nil {
				if !literalShapes[r.Predicate].MatchString(r.Object) {
					bad(d.Document, "%s %s %s: bad literal", r.Subject, r.Predicate, r.Object)
				}
			} else if t, ok := types[r.Object]; !ok {
				bad(d.Document, "%s %s %s: undeclared object", r.Subject, r.Predicate, r.Object)
			} else if !sig[1][t] {
				bad(d.Document, "%s %s %s: object type %s", r.Subject, r.Predicate, r.Object, t)
			}
			if r.Evidence == "" {
				bad(d.Document, "%s %s %s: no evidence", r.Subject, r.Predicate, r.Object)
			}
			k := [3]string{r.Subject, r.Predicate, r.Object}
			if used[k] {
				bad(d.Document, "duplicate relation %v", k)
			}
			used[k] = true
		}
	}
	return errors.Join(errs...)
}
