package graph

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The world of the subgraph tests: three articles about an awareness day
// in Rabat, a campaign, a meeting in Vienna, a law and a plan.
//
//	ev1  organized_by cnclt, partner unodc, funded_by eu, held_in rabat,
//	     held_on 2024-07-25, implements plan          (fr, 2024-07-26)
//	ouahbi spoke_at ev1, holds_role "minister of justice"
//	ev1  organized_by cnclt, partner unodc            (ar, undated)
//	camp organized_by unodc, partner cnclt
//	ev2  organized_by un, partner unodc, held_on 2021-10-12   (en, 2021-10-13)
//	morocco participated_in ev2, adopted law; law year 2016; plan year 2023-2030
var (
	worldFR = &Article{
		ID: "https://example.ma/fr/1", Name: "fr.txt", Lang: "fr", Published: "2024-07-26", Title: "Journée de sensibilisation",
		Entities: []Entity{
			{ID: "cnclt", Type: Organization, Name: "CNCLT", Mentions: []string{"CNCLT"}},
			{ID: "unodc", Type: Organization, Name: "UNODC", Mentions: []string{"ONUDC"}},
			{ID: "eu", Type: Organization, Name: "European Union", Mentions: []string{"Union européenne"}},
			{ID: "ev1", Type: Event, Name: "Awareness day", Mentions: []string{"journée"}},
			{ID: "rabat", Type: Place, Name: "Rabat", Mentions: []string{"Rabat"}},
			{ID: "ouahbi", Type: Person, Name: "Abdellatif Ouahbi", Mentions: []string{"Abdellatif Ouahbi"}},
			{ID: "plan", Type: Plan, Name: "National plan", Mentions: []string{"plan national"}},
		},
		Relations: []Relation{
			{Subject: "ev1", Predicate: OrganizedBy, Object: "cnclt", Evidence: "La CNCLT a organisé une journée", Rule: "cue:organize", Confidence: 0.8},
			{Subject: "ev1", Predicate: Partner, Object: "unodc", Evidence: "en partenariat avec l'ONUDC", Rule: "cue:partner", Confidence: 0.8},
			{Subject: "ev1", Predicate: FundedBy, Object: "eu", Evidence: "avec le soutien de l'Union européenne", Rule: "cue:fund", Confidence: 0.7},
			{Subject: "ev1", Predicate: HeldIn, Object: "rabat", Evidence: "à Rabat", Rule: "cue:place", Confidence: 0.6},
			{Subject: "ev1", Predicate: HeldOn, Object: "2024-07-25", Evidence: "jeudi", Rule: "date", Confidence: 0.6},
			{Subject: "ev1", Predicate: Implements, Object: "plan", Evidence: "dans le cadre du plan national", Rule: "cue:implements", Confidence: 0.8},
			{Subject: "ouahbi", Predicate: SpokeAt, Object: "ev1", Evidence: "Abdellatif Ouahbi a souligné", Rule: "cue:speak", Confidence: 0.6},
			{Subject: "ouahbi", Predicate: HoldsRole, Object: "minister of justice", Evidence: "le ministre de la Justice", Rule: "title", Confidence: 0.9},
		},
	}
	worldAR = &Article{
		ID: "https://example.ma/ar/2", Name: "ar.txt", Lang: "ar",
		Entities: []Entity{
			{ID: "cnclt", Type: Organization, Name: "CNCLT", Mentions: []string{"اللجنة الوطنية"}},
			{ID: "unodc", Type: Organization, Name: "UNODC", Mentions: []string{"مكتب الأمم المتحدة"}},
			{ID: "ev1", Type: Event, Name: "Awareness day", Mentions: []string{"يوما تواصليا"}},
			{ID: "camp", Type: Campaign, Name: "Awareness campaign", Mentions: []string{"الحملة التحسيسية"}},
		},
		Relations: []Relation{
			{Subject: "ev1", Predicate: OrganizedBy, Object: "cnclt", Evidence: "نظمت اللجنة الوطنية", Rule: "cue:organize", Confidence: 0.8},
			{Subject: "ev1", Predicate: Partner, Object: "unodc", Evidence: "بشراكة مع مكتب الأمم المتحدة", Rule: "cue:partner", Confidence: 0.9},
			{Subject: "camp", Predicate: OrganizedBy, Object: "unodc", Evidence: "حملة مكتب الأمم المتحدة", Rule: "cue:organize", Confidence: 0.8},
			{Subject: "camp", Predicate: Partner, Object: "cnclt", Evidence: "بشراكة مع اللجنة الوطنية", Rule: "cue:partner", Confidence: 0.8},
		},
	}
	worldEN = &Article{
		ID: "https://example.org/en/3", Name: "en.txt", Lang: "en", Published: "2021-10-13",
		Entities: []Entity{
			{ID: "un", Type: Organization, Name: "United Nations", Mentions: []string{"United Nations"}},
			{ID: "unodc", Type: Organization, Name: "UNODC", Mentions: []string{"UNODC"}},
			{ID: "ev2", Type: Event, Name: "Working group, Vienna", Mentions: []string{"working group"}},
			{ID: "morocco", Type: Place, Name: "Morocco", Mentions: []string{"Morocco"}},
			{ID: "law", Type: Law, Name: "Law 27.14", Mentions: []string{"Law 27.14"}},
			{ID: "plan", Type: Plan, Name: "National plan", Mentions: []string{"national plan"}},
		},
		Relations: []Relation{
			{Subject: "ev2", Predicate: OrganizedBy, Object: "un", Evidence: "the UN working group", Rule: "cue:organize", Confidence: 0.8},
			{Subject: "ev2", Predicate: Partner, Object: "unodc", Evidence: "with UNODC", Rule: "cue:partner", Confidence: 0.8},
			{Subject: "ev2", Predicate: HeldOn, Object: "2021-10-12", Evidence: "on 12 October 2021", Rule: "date", Confidence: 0.9},
			{Subject: "morocco", Predicate: ParticipatedIn, Object: "ev2", Evidence: "Morocco took part", Rule: "cue:participate", Confidence: 0.6},
			{Subject: "morocco", Predicate: Adopted, Object: "law", Evidence: "Morocco adopted Law 27.14", Rule: "cue:adopt", Confidence: 0.6},
			{Subject: "law", Predicate: Year, Object: "2016", Evidence: "Law 27.14 of 2016", Rule: "pattern:year", Confidence: 0.95},
			{Subject: "plan", Predicate: Year, Object: "2023-2030", Evidence: "the 2023-2030 plan", Rule: "pattern:year", Confidence: 0.95},
		},
	}
)

// worldStore returns a memory store holding the three articles.
func worldStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open("memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, a := range []*Article{worldFR, worldAR, worldEN} {
		if _, err := s.Put(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// sgShape is what a test checks of a subgraph: its node IDs and its edges as
// "subject predicate object".
type sgShape struct {
	Nodes     []ID
	Edges     []string
	Truncated bool
}

func shapeOf(g *Subgraph) sgShape {
	var sh sgShape
	for _, n := range g.Nodes {
		sh.Nodes = append(sh.Nodes, n.ID)
	}
	for _, e := range g.Edges {
		sh.Edges = append(sh.Edges, string(e.Subject)+" "+string(e.Predicate)+" "+e.Object)
	}
	sh.Truncated = g.Truncated
	return sh
}

func TestSubgraph(t *testing.T) {
	s := worldStore(t)
	ev1Edges := []string{
		"ev1 funded_by eu", "ev1 held_in rabat", "ev1 held_on 2024-07-25", "ev1 implements plan",
		"ev1 organized_by cnclt", "ev1 partner unodc",
	}
	tests := []struct {
		name string
		opts SubgraphOptions
		want sgShape
	}{
		{"root alone", SubgraphOptions{Roots: []ID{"law"}}, sgShape{Nodes: []ID{"law"}, Edges: []string{"law year 2016"}}},
		{"law, depth 1", SubgraphOptions{Roots: []ID{"law"}, Depth: 1},
			sgShape{Nodes: []ID{"law", "morocco"}, Edges: []string{"law year 2016", "morocco adopted law"}}},
		{"law, depth 2: the edges among the nodes at the rim too", SubgraphOptions{Roots: []ID{"law"}, Depth: 2},
			sgShape{Nodes: []ID{"ev2", "law", "morocco"}, Edges: []string{"ev2 held_on 2021-10-12", "law year 2016", "morocco adopted law", "morocco participated_in ev2"}}},
		{"ev1, depth 1", SubgraphOptions{Roots: []ID{"ev1"}, Depth: 1},
			sgShape{Nodes: []ID{"cnclt", "eu", "ev1", "ouahbi", "plan", "rabat", "unodc"},
				Edges: append(slices.Clone(ev1Edges), "ouahbi holds_role minister of justice", "ouahbi spoke_at ev1", "plan year 2023-2030")}},
		{"ev1, organizations only", SubgraphOptions{Roots: []ID{"ev1"}, Depth: 1, Types: []Type{Organization}},
			sgShape{Nodes: []ID{"cnclt", "eu", "ev1", "unodc"}, Edges: []string{"ev1 funded_by eu", "ev1 held_on 2024-07-25", "ev1 organized_by cnclt", "ev1 partner unodc"}}},
		{"ev1, partner predicates", SubgraphOptions{Roots: []ID{"ev1"}, Depth: 1, Predicates: PartnerPredicates},
			sgShape{Nodes: []ID{"cnclt", "eu", "ev1", "unodc"}, Edges: []string{"ev1 funded_by eu", "ev1 held_on 2024-07-25", "ev1 organized_by cnclt", "ev1 partner unodc"}}},
		{"unodc's partners, depth 2", SubgraphOptions{Roots: []ID{"unodc"}, Depth: 2, Predicates: PartnerPredicates},
			sgShape{Nodes: []ID{"camp", "cnclt", "eu", "ev1", "ev2", "un", "unodc"}, Edges: []string{
				"camp organized_by unodc", "camp partner cnclt", "ev1 funded_by eu", "ev1 held_on 2024-07-25", "ev1 organized_by cnclt", "ev1 partner unodc",
				"ev2 held_on 2021-10-12", "ev2 organized_by un", "ev2 partner unodc"}}},
		{"unodc in 2024: dated by the event, or by the article", SubgraphOptions{Roots: []ID{"unodc"}, Depth: 2, Predicates: PartnerPredicates, Range: mustRange(t, "2024", "")},
			sgShape{Nodes: []ID{"cnclt", "eu", "ev1", "unodc"}, Edges: []string{"ev1 funded_by eu", "ev1 held_on 2024-07-25", "ev1 organized_by cnclt", "ev1 partner unodc"}}},
		{"capped: the closest, then by ID", SubgraphOptions{Roots: []ID{"ev1"}, Depth: 2, MaxNodes: 3},
			sgShape{Nodes: []ID{"cnclt", "eu", "ev1"}, Edges: []string{"ev1 funded_by eu", "ev1 held_on 2024-07-25", "ev1 organized_by cnclt"}, Truncated: true}},
		{"not through people", SubgraphOptions{Roots: []ID{"rabat"}, Depth: 3, Through: []Type{Event}},
			sgShape{Nodes: []ID{"cnclt", "eu", "ev1", "ouahbi", "plan", "rabat", "unodc"},
				Edges: append(slices.Clone(ev1Edges), "ouahbi holds_role minister of justice", "ouahbi spoke_at ev1", "plan year 2023-2030")}},
		{"two roots", SubgraphOptions{Roots: []ID{"law", "ouahbi"}, Depth: 1},
			sgShape{Nodes: []ID{"ev1", "law", "morocco", "ouahbi"}, Edges: []string{
				"ev1 held_on 2024-07-25", "law year 2016", "morocco adopted law", "ouahbi holds_role minister of justice", "ouahbi spoke_at ev1"}}},
		{"whole graph, organizations", SubgraphOptions{Types: []Type{Organization}},
			sgShape{Nodes: []ID{"cnclt", "eu", "un", "unodc"}}},
		{"whole graph, funders", SubgraphOptions{Predicates: []Predicate{FundedBy}, Connected: true},
			sgShape{Nodes: []ID{"eu", "ev1"}, Edges: []string{"ev1 funded_by eu", "ev1 held_on 2024-07-25"}}},
		{"whole graph, the two most connected", SubgraphOptions{MaxNodes: 2},
			sgShape{Nodes: []ID{"ev1", "ev2"}, Edges: []string{"ev1 held_on 2024-07-25", "ev2 held_on 2021-10-12"}, Truncated: true}},
		{"whole graph, 2021", SubgraphOptions{Range: mustRange(t, "2021", "2021"), Connected: true},
			sgShape{Nodes: []ID{"ev2", "morocco", "un", "unodc"}, Edges: []string{
				"ev2 held_on 2021-10-12", "ev2 organized_by un", "ev2 partner unodc", "morocco participated_in ev2"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := s.Subgraph(context.Background(), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, shapeOf(g)); diff != "" {
				t.Errorf("subgraph mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func mustRange(t testing.TB, from, to string) DateRange {
	t.Helper()
	r, err := ParseDateRange(from, to)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestSubgraphEdges: an edge carries every source with its evidence, and
// the confidence they give together; nodes carry their type and name.
func TestSubgraphEdges(t *testing.T) {
	s := worldStore(t)
	g, err := s.Subgraph(context.Background(), SubgraphOptions{Roots: []ID{"ev1"}, Depth: 1, Predicates: []Predicate{Partner}})
	if err != nil {
		t.Fatal(err)
	}
	var partner *Edge
	for i, e := range g.Edges {
		if e.Predicate == Partner {
			partner = &g.Edges[i]
		}
	}
	if partner == nil {
		t.Fatalf("no partner edge in %+v", shapeOf(g))
	}
	type src struct{ Doc, Evidence, Rule string }
	var got []src
	for _, s := range partner.Sources {
		got = append(got, src{s.Article.Document, s.Evidence, s.Rule})
	}
	want := []src{
		{"fr.txt", "en partenariat avec l'ONUDC", "cue:partner"},
		{"ar.txt", "بشراكة مع مكتب الأمم المتحدة", "cue:partner"},
	}
	// Sources are ordered by article ID: https://example.ma/ar/2 first.
	slices.Reverse(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
	if c := partner.Confidence; c < 0.98-1e-9 || c > 0.98+1e-9 {
		t.Errorf("confidence %v, want 1-(0.2*0.1) = 0.98", c)
	}
	if n, _ := g.Node("unodc"); n != (Node{ID: "unodc", Type: Organization, Name: "UNODC"}) {
		t.Errorf("node unodc = %+v", n)
	}
	if d := g.Date("ev1"); d != "2024-07-25" {
		t.Errorf("Date(ev1) = %q", d)
	}
}

func TestSubgraphUnknownRoot(t *testing.T) {
	s := worldStore(t)
	_, err := s.Subgraph(context.Background(), SubgraphOptions{Roots: []ID{"nobody"}, Depth: 1})
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), `"nobody"`) {
		t.Errorf("Subgraph(nobody) error = %v, want ErrNotFound naming it", err)
	}
}

func TestDateRange(t *testing.T) {
	tests := []struct {
		from, to string
		want     DateRange
		err      bool
	}{
		{"", "", DateRange{}, false},
		{"2024", "", DateRange{From: "2024-01-01"}, false},
		{"", "2024-07", DateRange{To: "2024-07-31"}, false},
		{"2024-07-25", "2024-07-25", DateRange{"2024-07-25", "2024-07-25"}, false},
		{"2024", "2023", DateRange{}, true},
		{"2024-13", "", DateRange{}, true},
		{"2024-02-32", "", DateRange{}, true},
		{"24", "", DateRange{}, true},
		{"2023-2030", "", DateRange{}, true},
		{"", "yesterday", DateRange{}, true},
	}
	for _, tt := range tests {
		got, err := ParseDateRange(tt.from, tt.to)
		if (err != nil) != tt.err || (!tt.err && got != tt.want) {
			t.Errorf("ParseDateRange(%q, %q) = %+v, %v; want %+v, error %v", tt.from, tt.to, got, err, tt.want, tt.err)
		}
	}
	r := DateRange{From: "2024-01-01", To: "2024-12-31"}
	overlaps := map[string]bool{
		"2024-07-25": true, "2024-07": true, "2024": true, "2023-2030": true, "2020-2024": true,
		"2023-12-31": false, "2025": false, "2021-2023": false, "": false, "soon": false, "2030-2023": false,
	}
	for d, want := range overlaps {
		if got := r.Overlaps(d); got != want {
			t.Errorf("%+v.Overlaps(%q) = %v, want %v", r, d, got, want)
		}
	}
	if !(DateRange{}).Overlaps("") {
		t.Error("the zero range does not hold an unknown date")
	}
}

func TestArticleFacts(t *testing.T) {
	s := worldStore(t)
	ctx := context.Background()
	byID, err := s.ArticleFacts(ctx, worldEN.ID)
	if err != nil {
		t.Fatal(err)
	}
	byKey, err := s.ArticleFacts(ctx, ArticleKey(ArticleIRI(worldEN.ID)))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(byID, byKey); diff != "" {
		t.Errorf("by ID and by key differ (-id +key):\n%s", diff)
	}
	want := &ArticleRecord{
		ArticleRef: ArticleRef{ID: worldEN.ID, IRI: ArticleIRI(worldEN.ID), Document: "en.txt", Lang: "en", Published: "2021-10-13"},
		Entities: []Node{
			{"ev2", Event, "Working group, Vienna"}, {"law", Law, "Law 27.14"}, {"morocco", Place, "Morocco"},
			{"plan", Plan, "National plan"}, {"un", Organization, "United Nations"}, {"unodc", Organization, "UNODC"},
		},
	}
	for _, r := range worldEN.Relations {
		want.Facts = append(want.Facts, Fact{Subject: r.Subject, Predicate: r.Predicate, Object: r.Object, Literal: r.Predicate.Literal(),
			Evidence: r.Evidence, Rule: r.Rule, Confidence: r.Confidence})
	}
	slices.SortFunc(want.Facts, func(a, b Fact) int {
		return strings.Compare(string(a.Subject)+" "+string(a.Predicate)+" "+a.Object, string(b.Subject)+" "+string(b.Predicate)+" "+b.Object)
	})
	if diff := cmp.Diff(want, byID); diff != "" {
		t.Errorf("ArticleFacts mismatch (-want +got):\n%s", diff)
	}
	if _, err := s.ArticleFacts(ctx, "0123456789abcdef01234567"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown key: error %v, want ErrNotFound", err)
	}
}

// FuzzParseDateRange: a range is accepted only as days in order, and it
// holds both its bounds.
func FuzzParseDateRange(f *testing.F) {
	for _, s := range [][2]string{{"2024", ""}, {"2024-07", "2024-07"}, {"", "2024-07-25"}, {"2025", "2024"}, {"2024-13", ""}, {"2023-2030", ""}, {"٢٠٢٤", ""}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, from, to string) {
		r, err := ParseDateRange(from, to)
		if err != nil {
			return
		}
		for _, d := range []string{r.From, r.To} {
			if d != "" && !dayPattern.MatchString(d) {
				t.Fatalf("ParseDateRange(%q, %q) = %+v: not days", from, to, r)
			}
		}
		if r.From != "" && r.To != "" && r.From > r.To {
			t.Errorf("ParseDateRange(%q, %q) = %+v: empty", from, to, r)
		}
		for _, d := range []string{from, to} {
			if d != "" && !r.Overlaps(d) {
				t.Errorf("ParseDateRange(%q, %q) = %+v does not hold %q", from, to, r, d)
			}
		}
	})
}
