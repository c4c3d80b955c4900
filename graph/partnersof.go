package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/cayleygraph/quad"
)

// PartnersPage bounds what PartnersOf lists of each partnership; the
// counts (OnCount, SourceCount) are always whole.
type PartnersPage struct {
	Things  int // the most things listed per pair, by date then ID
	Sources int // the most sources listed per role, by article ID
}

// OrgPartners is the answer of PartnersOf.
type OrgPartners struct {
	// Org is the organization asked about; when it is not an
	// Organization, Partnerships is empty.
	Org          Node
	Partnerships []Partnership
}

// PartnersOf returns the partnerships of org as Partners does on
// PartnersSubgraph(org), each listing the page p of what it holds, with
// whole counts. Instead of reading org's neighbourhood whole, with every
// source of every relation (minutes for a hub of 100,000 articles), it
// reads by index only the things org takes part in, their partner
// relations and dates, and the statements of the sources it lists. It
// returns ErrNotFound when org is not an entity of the store.
func (s *Store) PartnersOf(ctx context.Context, org ID, r DateRange, p PartnersPage) (*OrgPartners, error) {
	key := fmt.Sprintf("partners %s %s %s %d %d", org, r.From, r.To, p.Things, p.Sources)
	return memo(ctx, s.cache, key, func(ctx context.Context) (*OrgPartners, error) {
		s.mu.RLock()
		defer s.mu.RUnlock()
		pr := &partnerReader{s: s, ctx: ctx, heads: map[ID]*Node{}, parts: map[*roleQuads]Participation{}}
		ans, err := pr.read(org, r, p)
		if err != nil {
			return nil, fmt.Errorf("partners of %q: %w", org, err)
		}
		return ans, nil
	})
}

// partnerReader reads one PartnersOf answer; its cache of entities lives
// as long as the read. The caller holds s.mu.
type partnerReader struct {
	s     *Store
	ctx   context.Context
	heads map[ID]*Node // entities read so far, nil when not an entity
	// parts are the participations read so far: org's role in a thing is
	// listed again with each partner in it.
	parts map[*roleQuads]Participation
}

// roleQuads are the statements of one organization's role in a thing.
type roleQuads struct {
	org   ID
	role  Role
	quads []quad.Quad // one per article that states it
}

// thingRoles is a thing org took part in: its date and every role taken in
// it.
type thingRoles struct {
	id    ID
	date  string
	roles []*roleQuads
}

func (pr *partnerReader) read(org ID, r DateRange, p PartnersPage) (*OrgPartners, error) {
	head, err := pr.node(org)
	if err != nil {
		return nil, err
	}
	if head == nil {
		return nil, ErrNotFound
	}
	ans := &OrgPartners{Org: *head, Partnerships: []Partnership{}}
	if head.Type != Organization {
		return ans, nil
	}
	things, err := pr.thingsOf(org)
	if err != nil {
		return nil, err
	}

	type pair struct {
		partner ID
		on      []*thingRoles
	}
	pairs := map[ID]*pair{}
	for _, t := range things {
		if t, err = pr.rolesIn(t); err != nil {
			return nil, err
		}
		if !r.Overlaps(t.date) {
			continue
		}
		for _, rq := range t.roles {
			if rq.org == org {
				continue
			}
			if pp := pairs[rq.org]; pp != nil && pp.on[len(pp.on)-1] == t {
				continue // a second role of the same partner
			}
			n, err := pr.node(rq.org)
			if err != nil {
				return nil, err
			}
			if n == nil || n.Type != Organization {
				continue
			}
			if pairs[rq.org] == nil {
				pairs[rq.org] = &pair{partner: rq.org}
			}
			pairs[rq.org].on = append(pairs[rq.org].on, t)
		}
	}

	list := make([]*pair, 0, len(pairs))
	for _, pp := range pairs {
		list = append(list, pp)
	}
	slices.SortFunc(list, func(x, y *pair) int {
		return cmp.Or(cmp.Compare(len(y.on), len(x.on)), cmp.Compare(x.partner, y.partner))
	})
	for _, pp := range list {
		partner, _ := pr.node(pp.partner)
		slices.SortFunc(pp.on, func(x, y *thingRoles) int {
			return cmp.Or(compareDates(x.date, y.date), cmp.Compare(x.id, y.id))
		})
		ps := Partnership{Org: *head, Partner: *partner, OnCount: len(pp.on), On: []Collaboration{}}
		for _, t := range pp.on[:min(len(pp.on), p.Things)] {
			c, err := pr.collaboration(t, org, pp.partner, p.Sources)
			if err != nil {
				return nil, err
			}
			ps.On = append(ps.On, c)
		}
		ans.Partnerships = append(ans.Partnerships, ps)
	}
	return ans, nil
}

// node reads the type and name of entity id once; it returns nil when id
// is not an entity of the store.
func (pr *partnerReader) node(id ID) (*Node, error) {
	if n, ok := pr.heads[id]; ok {
		return n, nil
	}
	n, err := pr.s.entityNode(pr.ctx, id)
	if err != nil {
		return nil, err
	}
	pr.heads[id] = n
	return n, nil
}

// thingsOf returns the things org is organizer, partner or funder of, in
// ID order, their roles not yet read.
func (pr *partnerReader) thingsOf(org ID) ([]*thingRoles, error) {
	seen := map[ID]bool{}
	var out []*thingRoles
	for _, pred := range PartnerPredicates {
		quads, err := pr.s.quadsTo(pr.ctx, quad.IRI(EntityIRI(org)), quad.IRI(predicateIRIs[pred]))
		if err != nil {
			return nil, err
		}
		for _, q := range quads {
			if id, ok := entityID(q.Subject); ok && !seen[id] {
				seen[id] = true
				out = append(out, &thingRoles{id: id})
			}
		}
	}
	slices.SortFunc(out, func(a, b *thingRoles) int { return cmp.Compare(a.id, b.id) })
	return out, nil
}

// rolesIn reads the roles taken in thing t and its date: held_on, else
// year, else the earliest publication of the articles that state a role.
func (pr *partnerReader) rolesIn(t *thingRoles) (*thingRoles, error) {
	node := quad.IRI(EntityIRI(t.id))
	byOrg := map[[2]string]*roleQuads{}
	for _, pred := range PartnerPredicates {
		quads, err := pr.s.quadsOf(pr.ctx, node, quad.IRI(predicateIRIs[pred]), 0)
		if err != nil {
			return nil, err
		}
		for _, q := range quads {
			o, ok := entityID(q.Object)
			if !ok {
				continue
			}
			k := [2]string{string(o), string(pred)}
			if byOrg[k] == nil {
				byOrg[k] = &roleQuads{org: o, role: roleOf[pred]}
				t.roles = append(t.roles, byOrg[k])
			}
			byOrg[k].quads = append(byOrg[k].quads, q)
		}
	}
	var dated []quad.Quad
	for _, pred := range []Predicate{HeldOn, Year} {
		quads, err := pr.s.quadsOf(pr.ctx, node, quad.IRI(predicateIRIs[pred]), 0)
		if err != nil {
			return nil, err
		}
		dated = append(dated, quads...)
	}
	t.date = nodeDate(draftEdges(dated))
	if t.date != "" {
		return t, nil
	}
	var labels []quad.Value
	for _, rq := range t.roles {
		for _, q := range rq.quads {
			labels = append(labels, q.Label)
		}
	}
	var err error
	t.date, err = pr.s.firstPublished(pr.ctx, labels...)
	return t, err
}

// collaboration returns thing t as org and partner worked on it: the
// roles of org, then of partner, each by role, with its first n sources
// by article ID.
func (pr *partnerReader) collaboration(t *thingRoles, org, partner ID, n int) (Collaboration, error) {
	thing, err := pr.node(t.id)
	if err != nil {
		return Collaboration{}, err
	}
	if thing == nil {
		thing = &Node{ID: t.id}
	}
	c := Collaboration{Thing: *thing, Date: t.date}
	for _, id := range []ID{org, partner} {
		var mine []*roleQuads
		for _, rq := range t.roles {
			if rq.org == id {
				mine = append(mine, rq)
			}
		}
		slices.SortFunc(mine, func(x, y *roleQuads) int { return cmp.Compare(x.role, y.role) })
		for _, rq := range mine {
			part, err := pr.participation(rq, n)
			if err != nil {
				return Collaboration{}, err
			}
			c.Roles = append(c.Roles, part)
		}
	}
	return c, nil
}

// participation returns the role rq with its first n sources by article
// ID, its whole source count, and a confidence combined from at most
// maxConfidenceSources of them, as Store.EntityPage reckons an edge's.
func (pr *partnerReader) participation(rq *roleQuads, n int) (Participation, error) {
	if part, ok := pr.parts[rq]; ok {
		return part, nil
	}
	part := Participation{Org: rq.org, Role: rq.role, SourceCount: len(rq.quads)}
	var err error
	if part.Sources, part.Confidence, err = pr.s.firstSources(pr.ctx, rq.quads, n); err != nil {
		return part, err
	}
	pr.parts[rq] = part
	return part, nil
}
