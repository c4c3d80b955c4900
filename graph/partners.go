package graph

import (
	"cmp"
	"slices"
)

// Role is the part an organization takes in a thing (an event, a plan, a
// campaign): the predicate that joins them, named from the side of the
// organization.
type Role string

// The roles of PartnerPredicates.
const (
	Organizer Role = "organizer" // thing organized_by org
	PartnerIn Role = "partner"   // thing partner org
	Funder    Role = "funder"    // thing funded_by org
)

// PartnerPredicates are the relations that make two organizations
// partners: each is organized_by, partner or funded_by of the same thing.
var PartnerPredicates = []Predicate{OrganizedBy, Partner, FundedBy}

var roleOf = map[Predicate]Role{OrganizedBy: Organizer, Partner: PartnerIn, FundedBy: Funder}

// PartnersSubgraph returns what Partners needs read: around org to depth
// 2, or, when org is "", the whole graph, over PartnerPredicates.
func PartnersSubgraph(org ID) SubgraphOptions {
	if org == "" {
		return SubgraphOptions{Predicates: PartnerPredicates, Connected: true}
	}
	return SubgraphOptions{Roots: []ID{org}, Depth: 2, Predicates: PartnerPredicates}
}

// Partnership is two organizations and what they worked on together.
type Partnership struct {
	// Org is the organization asked about; for all partnerships, the one
	// with the smaller ID.
	Org     Node `json:"org"`
	Partner Node `json:"partner"`
	// OnCount is the number of things the two took part in; On lists
	// them, or (in an API answer) the first of them.
	OnCount int             `json:"on_count,omitempty"`
	On      []Collaboration `json:"on"`
}

// Collaboration is one thing two organizations took part in.
type Collaboration struct {
	Thing Node `json:"thing"`
	// Date is the thing's date (see Subgraph.Date), else the earliest
	// publication date of the articles that state the roles, else "".
	Date string `json:"date,omitempty"`
	// Roles are the parts of Org, then of Partner, each with its sources.
	Roles []Participation `json:"roles"`
}

// Participation is an organization's role in a thing, with every article
// that states it.
type Participation struct {
	Org        ID      `json:"org"`
	Role       Role    `json:"role"`
	Confidence float64 `json:"confidence"`
	// SourceCount is the number of articles that state the role; Sources
	// lists them, or (in an API answer) the first of them.
	SourceCount int      `json:"source_count,omitempty"`
	Sources     []Source `json:"sources"`
}

// Partners finds who partnered on what in sub: every pair of
// organizations that are each organizer, partner or funder of the same
// thing. With org set, only the pairs that include org, org first;
// otherwise every pair. With r not zero, only the things dated within r
// (an undated thing is left out). A pair lists its things by date, then
// ID; pairs come by number of things, most first, then by IDs.
//
// Partners reads what sub holds: load it with PartnersSubgraph(org).
func Partners(sub *Subgraph, org ID, r DateRange) []Partnership {
	// The participations in each thing, by thing.
	byThing := map[ID][]Participation{}
	var things []ID
	for _, e := range sub.Edges {
		role, ok := roleOf[e.Predicate]
		if !ok || e.Literal {
			continue
		}
		o, ok := sub.Node(ID(e.Object))
		if !ok || o.Type != Organization {
			continue
		}
		if _, ok := sub.Node(e.Subject); !ok {
			continue
		}
		if byThing[e.Subject] == nil {
			things = append(things, e.Subject)
		}
		byThing[e.Subject] = append(byThing[e.Subject], Participation{
			Org: o.ID, Role: role, Confidence: e.Confidence, SourceCount: len(e.Sources), Sources: e.Sources,
		})
	}

	type pairKey struct{ a, b ID }
	pairs := map[pairKey]*Partnership{}
	for _, t := range things {
		parts := byThing[t]
		date := sub.Date(t)
		if date == "" {
			var edges []Edge
			for _, e := range sub.edgesFrom(t) {
				if _, ok := roleOf[e.Predicate]; ok {
					edges = append(edges, e)
				}
			}
			date = firstPublished(edges...)
		}
		if !r.Overlaps(date) {
			continue
		}
		orgs := orgsOf(parts)
		for i, x := range orgs {
			for _, y := range orgs[i+1:] {
				if org != "" && x != org && y != org {
					continue
				}
				a, b := x, y
				if b == org {
					a, b = b, a
				}
				k := pairKey{a, b}
				p := pairs[k]
				if p == nil {
					na, _ := sub.Node(a)
					nb, _ := sub.Node(b)
					p = &Partnership{Org: na, Partner: nb}
					pairs[k] = p
				}
				thing, _ := sub.Node(t)
				p.On = append(p.On, Collaboration{Thing: thing, Date: date, Roles: rolesOf(parts, a, b)})
			}
		}
	}

	out := make([]Partnership, 0, len(pairs))
	for _, p := range pairs {
		slices.SortFunc(p.On, func(x, y Collaboration) int {
			return cmp.Or(compareDates(x.Date, y.Date), cmp.Compare(x.Thing.ID, y.Thing.ID))
		})
		out = append(out, *p)
	}
	slices.SortFunc(out, func(x, y Partnership) int {
		return cmp.Or(cmp.Compare(len(y.On), len(x.On)), cmp.Compare(x.Org.ID, y.Org.ID), cmp.Compare(x.Partner.ID, y.Partner.ID))
	})
	return out
}

// orgsOf returns the distinct organizations of parts, ordered.
func orgsOf(parts []Participation) []ID {
	var ids []ID
	for _, p := range parts {
		if !slices.Contains(ids, p.Org) {
			ids = append(ids, p.Org)
		}
	}
	slices.Sort(ids)
	return ids
}

// rolesOf returns the participations of a, then of b, each by role.
func rolesOf(parts []Participation, a, b ID) []Participation {
	var out []Participation
	for _, id := range []ID{a, b} {
		var mine []Participation
		for _, p := range parts {
			if p.Org == id {
				mine = append(mine, p)
			}
		}
		slices.SortFunc(mine, func(x, y Participation) int { return cmp.Compare(x.Role, y.Role) })
		out = append(out, mine...)
	}
	return out
}

// compareDates orders dates as the graph keeps them, by the first day they
// cover; an unknown date comes last.
func compareDates(a, b string) int {
	la, _, oka := dateSpan(a)
	lb, _, okb := dateSpan(b)
	switch {
	case !oka && !okb:
		return cmp.Compare(a, b)
	case !oka:
		return 1
	case !okb:
		return -1
	}
	return cmp.Or(cmp.Compare(la, lb), cmp.Compare(a, b))
}
