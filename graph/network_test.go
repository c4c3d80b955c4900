package graph

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNetworkOf(t *testing.T) {
	s := worldStore(t)
	sub, err := s.Subgraph(context.Background(), SubgraphOptions{Roots: []ID{"ouahbi"}, Depth: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := Cytoscape{Elements: CytoscapeElements{
		Nodes: []CytoscapeNode{
			{Data: CytoscapeNodeData{ID: "ev1", Label: "Awareness day", Type: Event, Date: "2024-07-25"}},
			{Data: CytoscapeNodeData{ID: "ouahbi", Label: "Abdellatif Ouahbi", Type: Person, Root: true, Roles: []string{"minister of justice"}}},
		},
		Edges: []CytoscapeEdge{{Data: CytoscapeEdgeData{
			ID: "ouahbi spoke_at ev1", Source: "ouahbi", Target: "ev1", Label: "spoke at", Predicate: SpokeAt, Confidence: 0.6, Sources: 1,
		}}},
	}}
	if diff := cmp.Diff(want, NetworkOf(sub, "ouahbi")); diff != "" {
		t.Errorf("network (-want +got):\n%s", diff)
	}
	empty := NetworkOf(NewSubgraph(nil, nil))
	if empty.Elements.Nodes == nil || empty.Elements.Edges == nil {
		t.Errorf("an empty network has nil lists, which encode as null: %+v", empty)
	}
}
