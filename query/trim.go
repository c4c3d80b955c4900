package query

import "github.com/actorgraph/actorgraph/graph"

// The store shares the answers it keeps among requests (graph.Store's
// cache), so trimPartnerships copies what it shortens and never changes
// what it is given.

// trimPartnerships returns ps listing at most things things per pair and
// n sources per role.
func trimPartnerships(ps []graph.Partnership, things, n int) []graph.Partnership {
	out := make([]graph.Partnership, len(ps))
	for i, p := range ps {
		p.OnCount = len(p.On)
		on := make([]graph.Collaboration, min(len(p.On), things))
		for j, c := range p.On[:len(on)] {
			roles := make([]graph.Participation, len(c.Roles))
			for k, r := range c.Roles {
				r.SourceCount = len(r.Sources)
				r.Sources = firstN(r.Sources, n)
				roles[k] = r
			}
			c.Roles = roles
			on[j] = c
		}
		p.On = on
		out[i] = p
	}
	return out
}

// firstN returns the first n elements of list, never nil.
func firstN[T any](list []T, n int) []T {
	if list == nil {
		return []T{}
	}
	return list[:min(len(list), n)]
}
