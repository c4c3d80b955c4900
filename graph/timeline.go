package graph

import (
	"cmp"
	"slices"
)

// TimelineTypes are the types Timeline lists when none is asked for.
var TimelineTypes = []Type{Event, Report}

// TimelinePredicates are the relations a timeline shows: who organized,
// partnered, funded or published a thing, and where it took place.
var TimelinePredicates = []Predicate{OrganizedBy, Partner, FundedBy, Published, HeldIn}

// TimelineItem is a thing that happened, with who took part and where.
type TimelineItem struct {
	Node
	// Date is the thing's date (see Subgraph.Date), else the earliest
	// publication date of the articles that state its relations, else "".
	Date string `json:"date,omitempty"`
	// DateFrom tells where Date comes from: "held_on", "year" or
	// "article".
	DateFrom   string       `json:"date_from,omitempty"`
	Organizers []Node       `json:"organizers"`
	Partners   []Node       `json:"partners"`
	Funders    []Node       `json:"funders"`
	Publishers []Node       `json:"publishers"`
	Places     []Node       `json:"places"`
	Articles   []ArticleRef `json:"articles"`
}

// TimelineOptions select the items of a timeline.
type TimelineOptions struct {
	Types []Type    // the types of the things; none means TimelineTypes
	Range DateRange // only the things dated within it; an undated thing is then left out
	Org   ID        // only the things the organization Org organized, partnered, funded or published
}

// Subgraph returns what Timeline needs read: the things of the asked
// types, the organizations and places of TimelinePredicates, the whole
// graph over.
func (o TimelineOptions) Subgraph() SubgraphOptions {
	types := slices.Clone(o.Types)
	if len(types) == 0 {
		types = slices.Clone(TimelineTypes)
	}
	for _, t := range []Type{Organization, Place} {
		if !slices.Contains(types, t) {
			types = append(types, t)
		}
	}
	return SubgraphOptions{Predicates: TimelinePredicates, Types: types}
}

// Timeline lists the things of sub of the asked types in date order (by
// the first day their date covers, then ID), the undated last, each with
// its organizers, partners, funders, publishers and places, and the
// articles that state them. Load sub with opts.Subgraph().
func Timeline(sub *Subgraph, opts TimelineOptions) []TimelineItem {
	types := opts.Types
	if len(types) == 0 {
		types = TimelineTypes
	}
	// Published points from the publisher to the thing; the others from
	// the thing.
	publishers := map[ID][]Edge{}
	for _, e := range sub.Edges {
		if e.Predicate == Published && !e.Literal {
			publishers[ID(e.Object)] = append(publishers[ID(e.Object)], e)
		}
	}
	var items []TimelineItem
	for _, n := range sub.Nodes {
		if !slices.Contains(types, n.Type) {
			continue
		}
		it := TimelineItem{Node: n, Organizers: []Node{}, Partners: []Node{}, Funders: []Node{},
			Publishers: []Node{}, Places: []Node{}, Articles: []ArticleRef{}}
		var stated []Edge
		involved := false
		add := func(list *[]Node, id ID) {
			if other, ok := sub.Node(id); ok && !slices.Contains(*list, other) {
				*list = append(*list, other)
				involved = involved || id == opts.Org
			}
		}
		for _, e := range sub.edgesFrom(n.ID) {
			stated = append(stated, e)
			switch e.Predicate {
			case OrganizedBy:
				add(&it.Organizers, ID(e.Object))
			case Partner:
				add(&it.Partners, ID(e.Object))
			case FundedBy:
				add(&it.Funders, ID(e.Object))
			case HeldIn:
				add(&it.Places, ID(e.Object))
			}
		}
		for _, e := range publishers[n.ID] {
			stated = append(stated, e)
			add(&it.Publishers, e.Subject)
		}
		if opts.Org != "" && !involved {
			continue
		}
		it.Date, it.DateFrom = sub.Date(n.ID), ""
		switch {
		case it.Date == "":
			if it.Date = firstPublished(stated...); it.Date != "" {
				it.DateFrom = "article"
			}
		case slices.ContainsFunc(sub.edgesFrom(n.ID), func(e Edge) bool { return e.Predicate == HeldOn && e.Object == it.Date }):
			it.DateFrom = "held_on"
		default:
			it.DateFrom = "year"
		}
		if !opts.Range.Overlaps(it.Date) {
			continue
		}
		seen := map[string]bool{}
		for _, e := range stated {
			for _, src := range e.Sources {
				if !seen[src.Article.IRI] {
					seen[src.Article.IRI] = true
					it.Articles = append(it.Articles, src.Article)
				}
			}
		}
		slices.SortFunc(it.Articles, func(a, b ArticleRef) int { return cmp.Compare(a.ID, b.ID) })
		items = append(items, it)
	}
	slices.SortFunc(items, func(a, b TimelineItem) int {
		return cmp.Or(compareDates(a.Date, b.Date), cmp.Compare(a.ID, b.ID))
	})
	return items
}
