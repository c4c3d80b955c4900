package query

import "github.com/actorgraph/actorgraph/graph"

// The store shares the answers it keeps among requests (graph.Store's
// cache), so trimPartnerships copies what it shortens and never changes
// what it is given.

// trimPartnerships returns ps listing at most n sources per role.
func trimPartnerships(ps []graph.Partnership, n int) []graph.Partnership {
	out := make([]graph.Partnership, len(ps))
	for i, p := range ps {
		on := make([]graph.Collaboration, len(p.On))
		for j, c := range p.On {
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
