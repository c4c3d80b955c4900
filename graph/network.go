package graph

import (
	"strings"
)

// Cytoscape is a subgraph in the elements JSON of Cytoscape.js
// (https://js.cytoscape.org/#notation/elements-json), which Cytoscape
// desktop also imports.
type Cytoscape struct {
	Elements CytoscapeElements `json:"elements"`
}

// CytoscapeElements are the nodes and edges of a Cytoscape graph.
type CytoscapeElements struct {
	Nodes []CytoscapeNode `json:"nodes"`
	Edges []CytoscapeEdge `json:"edges"`
}

// CytoscapeNode is one node; its data holds the entity.
type CytoscapeNode struct {
	Data CytoscapeNodeData `json:"data"`
}

// CytoscapeNodeData describes an entity: its id, name (label) and type, and
// its literal relations.
type CytoscapeNodeData struct {
	ID    ID     `json:"id"`
	Label string `json:"label"`
	Type  Type   `json:"type"`
	// Root reports whether the network was asked around this node.
	Root  bool     `json:"root,omitempty"`
	Date  string   `json:"date,omitempty"`  // held_on
	Year  string   `json:"year,omitempty"`  // year
	Roles []string `json:"roles,omitempty"` // holds_role
}

// CytoscapeEdge is one relation.
type CytoscapeEdge struct {
	Data CytoscapeEdgeData `json:"data"`
}

// CytoscapeEdgeData describes a relation between two entities, with how
// sure it is and how many articles state it.
type CytoscapeEdgeData struct {
	// ID is "SUBJECT PREDICATE OBJECT", unique in the graph.
	ID         string    `json:"id"`
	Source     ID        `json:"source"`
	Target     ID        `json:"target"`
	Label      string    `json:"label"` // the predicate in words: "organized by"
	Predicate  Predicate `json:"predicate"`
	Confidence float64   `json:"confidence"`
	Sources    int       `json:"sources"`
}

// NetworkOf returns sub as Cytoscape elements: a node per entity, with its
// literal relations as data, and an edge per relation between entities.
// roots are marked. The order is that of sub.
func NetworkOf(sub *Subgraph, roots ...ID) Cytoscape {
	c := Cytoscape{Elements: CytoscapeElements{Nodes: []CytoscapeNode{}, Edges: []CytoscapeEdge{}}}
	isRoot := map[ID]bool{}
	for _, id := range roots {
		isRoot[id] = true
	}
	for _, n := range sub.Nodes {
		d := CytoscapeNodeData{ID: n.ID, Label: n.Name, Type: n.Type, Root: isRoot[n.ID]}
		if d.Label == "" {
			d.Label = string(n.ID)
		}
		for _, e := range sub.edgesFrom(n.ID) {
			switch e.Predicate {
			case HeldOn:
				if d.Date == "" {
					d.Date = e.Object
				}
			case Year:
				if d.Year == "" {
					d.Year = e.Object
				}
			case HoldsRole:
				d.Roles = append(d.Roles, e.Object)
			}
		}
		c.Elements.Nodes = append(c.Elements.Nodes, CytoscapeNode{Data: d})
	}
	for _, e := range sub.Edges {
		if e.Literal {
			continue
		}
		c.Elements.Edges = append(c.Elements.Edges, CytoscapeEdge{Data: CytoscapeEdgeData{
			ID:     string(e.Subject) + " " + string(e.Predicate) + " " + e.Object,
			Source: e.Subject, Target: ID(e.Object),
			Label: PredicateLabel(e.Predicate), Predicate: e.Predicate,
			Confidence: e.Confidence, Sources: len(e.Sources),
		}})
	}
	return c
}

// PredicateLabel returns p in words, "organized by" for organized_by.
func PredicateLabel(p Predicate) string {
	return strings.ReplaceAll(string(p), "_", " ")
}
