package lexicon

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// base is a small consistent lexicon for the New, Merge and HolderAt tests.
func base() []Entry {
	return []Entry{
		{ID: "un", Type: TypeOrganization, Name: "United Nations", Names: map[string][]string{"fr": {"Nations unies"}}, Acronyms: []string{"ONU"}},
		{ID: "unodc", Type: TypeOrganization, Name: "UNODC", Parent: "un", Acronyms: []string{"UNODC"}},
		{ID: "ministry-justice", Type: TypeOrganization, Name: "Ministry of Justice", Names: map[string][]string{"ar": {"وزارة العدل"}}},
		{ID: "cnclt", Type: TypeOrganization, Name: "CNCLT", Acronyms: []string{"CNCLT"}},
		{ID: "law-27-14", Type: TypeLaw, Name: "Law 27.14", Names: map[string][]string{"fr": {"loi 27-14"}}, Year: "2016"},
		{ID: "decree", Type: TypeLaw, Name: "Decree", Names: map[string][]string{"en": {"the decree"}}, Implements: "law-27-14", Establishes: "cnclt"},
		{ID: "aujjar", Type: TypePerson, Name: "Mohamed Aujjar", Names: map[string][]string{"fr": {"Mohamed Aujjar"}}},
		{ID: "benabdelkader", Type: TypePerson, Name: "Mohamed Benabdelkader", Names: map[string][]string{"fr": {"Mohamed Benabdelkader"}}},
		{ID: "ouahbi", Type: TypePerson, Name: "Abdellatif Ouahbi", Names: map[string][]string{"ar": {"عبد اللطيف وهبي"}}},
		{ID: "minister-justice", Type: TypeRole, Role: "minister of justice", Org: "ministry-justice", Holders: []Holder{
			{Person: "aujjar", From: "2017-04-05", To: "2019-10-09"},
			{Person: "benabdelkader", From: "2019-10-09", To: "2021-10-07"},
			{Person: "ouahbi", From: "2021-10-07"},
		}},
	}
}

func TestNewMerges(t *testing.T) {
	extra := []Entry{
		{ID: "un", Type: TypeOrganization, Names: map[string][]string{"ar": {"الأمم المتحدة"}, "fr": {"Nations unies", "Organisation des Nations unies"}}, Acronyms: []string{"ONU", "UN"}},
		{ID: "cnclt", Type: TypeOrganization, Name: "ignored: name already set", Parent: "ministry-justice", Names: map[string][]string{"fr": {"Commission nationale"}}},
		{ID: "minister-justice", Type: TypeRole, Names: map[string][]string{"ar": {"وزير العدل"}}, Holders: []Holder{{Person: "ouahbi", From: "2021-10-07"}}},
		{ID: "rabat", Type: TypePlace, Name: "Rabat", Names: map[string][]string{"en": {"Rabat"}}},
	}
	l, err := New(base(), extra)
	if err != nil {
		t.Fatalf("New: %v", err)
	}

	var ids []string
	for _, e := range l.Entries() {
		ids = append(ids, e.ID)
	}
	wantIDs := []string{"un", "unodc", "ministry-justice", "cnclt", "law-27-14", "decree", "aujjar", "benabdelkader", "ouahbi", "minister-justice", "rabat"}
	if diff := cmp.Diff(wantIDs, ids); diff != "" {
		t.Errorf("Entries order mismatch (-want +got):\n%s", diff)
	}

	tests := []struct {
		id   string
		want Entry
	}{
		{"un", Entry{ID: "un", Type: TypeOrganization, Name: "United Nations",
			Names:    map[string][]string{"fr": {"Nations unies", "Organisation des Nations unies"}, "ar": {"الأمم المتحدة"}},
			Acronyms: []string{"ONU", "UN"}}},
		{"cnclt", Entry{ID: "cnclt", Type: TypeOrganization, Name: "CNCLT", Parent: "ministry-justice",
			Names: map[string][]string{"fr": {"Commission nationale"}}, Acronyms: []string{"CNCLT"}}},
		{"minister-justice", Entry{ID: "minister-justice", Type: TypeRole, Role: "minister of justice", Org: "ministry-justice",
			Names: map[string][]string{"ar": {"وزير العدل"}},
			Holders: []Holder{
				{Person: "aujjar", From: "2017-04-05", To: "2019-10-09"},
				{Person: "benabdelkader", From: "2019-10-09", To: "2021-10-07"},
				{Person: "ouahbi", From: "2021-10-07"},
			}}},
	}
	for _, tt := range tests {
		got, ok := l.Lookup(tt.id)
		if !ok {
			t.Errorf("Lookup(%q) found nothing", tt.id)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Lookup(%q) mismatch (-want +got):\n%s", tt.id, diff)
		}
	}
	if _, ok := l.Lookup("nope"); ok {
		t.Error(`Lookup("nope") found an entry`)
	}
}

func TestNewRejects(t *testing.T) {
	tests := []struct {
		name    string
		extra   []Entry
		wantIs  error
		wantErr string
	}{
		{"dangling parent", []Entry{{ID: "x", Type: TypeOrganization, Name: "X", Acronyms: []string{"X"}, Parent: "nope"}}, ErrReference, `parent "nope": no such entry`},
		{"dangling role org", []Entry{{ID: "r", Type: TypeRole, Role: "r", Org: "nope"}}, ErrReference, `org "nope": no such entry`},
		{"dangling holder", []Entry{{ID: "minister-justice", Type: TypeRole, Holders: []Holder{{Person: "nope", From: "2030"}}}}, ErrReference, `holders[3].person "nope": no such entry`},
		{"dangling implements", []Entry{{ID: "d", Type: TypeLaw, Name: "D", Acronyms: []string{"D"}, Implements: "nope"}}, ErrReference, `implements "nope"`},
		{"dangling establishes", []Entry{{ID: "d", Type: TypeLaw, Name: "D", Acronyms: []string{"D"}, Establishes: "nope"}}, ErrReference, `establishes "nope"`},
		{"holder is not a person", []Entry{{ID: "r", Type: TypeRole, Role: "r", Org: "un", Holders: []Holder{{Person: "unodc", From: "2020"}}}}, ErrReference, `"unodc" is a Organization, want [Person]`},
		{"parent is not an organization", []Entry{{ID: "x", Type: TypeOrganization, Name: "X", Acronyms: []string{"X"}, Parent: "law-27-14"}}, ErrReference, `"law-27-14" is a Law`},
		{"parent cycle", []Entry{{ID: "un", Type: TypeOrganization, Parent: "unodc"}}, ErrReference, "parents lead back"},
		{"type conflict", []Entry{{ID: "cnclt", Type: TypePlace, Name: "CNCLT", Acronyms: []string{"CNCLT"}}}, ErrConflict, "cnclt is a Organization"},
		{"incomplete after merge", []Entry{{ID: "new-org", Type: TypeOrganization, Acronyms: []string{"NEW"}}}, ErrInvalid, "new-org: missing name"},
		{"role without org", []Entry{{ID: "r", Type: TypeRole, Role: "r"}}, ErrInvalid, "a Role needs org"},
		{"invalid entry", []Entry{{ID: "Bad", Type: TypePlace}}, ErrInvalid, `id "Bad"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(base(), tt.extra)
			if err == nil {
				t.Fatal("New succeeded, want an error")
			}
			if !errors.Is(err, tt.wantIs) {
				t.Errorf("New error %v does not wrap %v", err, tt.wantIs)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("New error %q does not contain %q", err, tt.wantErr)
			}
		})
	}
}

func TestNewReportsManyProblemsAtOnce(t *testing.T) {
	var extra []Entry
	for _, id := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"} {
		extra = append(extra, Entry{ID: id, Type: TypeOrganization, Name: id, Acronyms: []string{id}, Parent: "nope"})
	}
	_, err := New(base(), extra)
	if err == nil {
		t.Fatal("New succeeded, want an error")
	}
	msg := err.Error()
	if n := strings.Count(msg, "no such entry"); n != maxReportedErrors {
		t.Errorf("error reports %d problems, want %d:\n%s", n, maxReportedErrors, msg)
	}
	if !strings.Contains(msg, "and 2 more problems") {
		t.Errorf("error %q does not say how many more problems there are", msg)
	}
}

func TestMerge(t *testing.T) {
	l, err := New(base())
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	before := l.Entries()

	// A file whose first entry is fine and whose second refers to nothing
	// must leave l exactly as it was.
	bad := []Entry{
		{ID: "un", Type: TypeOrganization, Names: map[string][]string{"en": {"UN"}}},
		{ID: "x", Type: TypeOrganization, Name: "X", Acronyms: []string{"X"}, Parent: "nope"},
	}
	if err := l.Merge(bad); !errors.Is(err, ErrReference) {
		t.Fatalf("Merge(bad) error = %v, want ErrReference", err)
	}
	if diff := cmp.Diff(before, l.Entries()); diff != "" {
		t.Fatalf("failed Merge changed the lexicon (-before +after):\n%s", diff)
	}

	good := []Entry{
		{ID: "un", Type: TypeOrganization, Names: map[string][]string{"en": {"UN"}}},
		{ID: "minister-justice", Type: TypeRole, Holders: []Holder{{Person: "next", From: "2026-10-01"}}},
		{ID: "next", Type: TypePerson, Name: "Next Minister", Names: map[string][]string{"en": {"Next Minister"}}},
	}
	if err := l.Merge(good); err != nil {
		t.Fatalf("Merge(good): %v", err)
	}
	un, _ := l.Lookup("un")
	if diff := cmp.Diff([]string{"UN"}, un.Names["en"]); diff != "" {
		t.Errorf("merged names mismatch (-want +got):\n%s", diff)
	}
	if got := len(l.Entries()); got != len(before)+1 {
		t.Errorf("Merge gave %d entries, want %d", got, len(before)+1)
	}
	// ouahbi's term is open, so from 2026-10-01 two people hold the office.
	if p, ok := l.HolderAt("minister-justice", "2026-12"); ok {
		t.Errorf("HolderAt after an overlapping merge = %q, want no holder", p)
	}
}

func TestEntriesAreCopies(t *testing.T) {
	l, err := New(base())
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	es := l.Entries()
	es[0].Names["fr"][0] = "changed"
	es[0].Acronyms[0] = "changed"
	e, _ := l.Lookup("minister-justice")
	e.Holders[0].Person = "changed"

	un, _ := l.Lookup("un")
	if un.Names["fr"][0] != "Nations unies" || un.Acronyms[0] != "ONU" {
		t.Errorf("changing Entries() changed the lexicon: %+v", un)
	}
	if p, _ := l.HolderAt("minister-justice", "2018"); p != "aujjar" {
		t.Errorf("changing Lookup() changed the lexicon: HolderAt = %q", p)
	}
}

func TestHolderAt(t *testing.T) {
	extra := []Entry{
		{ID: "ghost", Type: TypePerson, Name: "Ghost", Acronyms: []string{"G"}},
		{ID: "coarse", Type: TypeRole, Role: "coarse", Org: "un", Holders: []Holder{
			{Person: "aujjar", From: "2019", To: "2021-06"},
			{Person: "ouahbi", From: "2021-09"},
		}},
		{ID: "unknown-start", Type: TypeRole, Role: "unknown start", Org: "un", Holders: []Holder{{Person: "ghost"}}},
		{ID: "twice", Type: TypeRole, Role: "twice", Org: "un", Holders: []Holder{
			{Person: "ouahbi", From: "2010", To: "2015"},
			{Person: "ouahbi", From: "2012-01-01"},
		}},
	}
	l, err := New(base(), extra)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	tests := []struct {
		role, date string
		want       string // "" means no holder
	}{
		{"minister-justice", "2018-06-01", "aujjar"},
		{"minister-justice", "2018-06", "aujjar"},
		{"minister-justice", "2018", "aujjar"},
		{"minister-justice", "2020", "benabdelkader"},
		{"minister-justice", "2024-07-25", "ouahbi"},
		{"minister-justice", "2030", "ouahbi"},
		// Outside every term.
		{"minister-justice", "2016-12-31", ""},
		{"minister-justice", "2017-04-04", ""},
		// Boundaries: first and last days are inclusive, so the handover
		// day has two holders.
		{"minister-justice", "2017-04-05", "aujjar"},
		{"minister-justice", "2019-10-08", "aujjar"},
		{"minister-justice", "2019-10-09", ""},
		{"minister-justice", "2019-10-10", "benabdelkader"},
		{"minister-justice", "2021-10-06", "benabdelkader"},
		{"minister-justice", "2021-10-07", ""},
		{"minister-justice", "2021-10-08", "ouahbi"},
		// Periods that span a handover: no one held the office throughout.
		{"minister-justice", "2019", ""},
		{"minister-justice", "2019-10", ""},
		{"minister-justice", "2021", ""},
		// Month and year precision in the data is read conservatively.
		{"coarse", "2019-06", ""},
		{"coarse", "2019-12-31", "aujjar"},
		{"coarse", "2020", "aujjar"},
		{"coarse", "2021-06-01", "aujjar"},
		{"coarse", "2021-06-02", ""},
		{"coarse", "2021-09-15", ""},
		{"coarse", "2021-09-30", "ouahbi"},
		{"coarse", "2022", "ouahbi"},
		{"unknown-start", "2024", ""},
		// One person with two overlapping terms is still one holder.
		{"twice", "2013", "ouahbi"},
		// Bad input.
		{"minister-justice", "", ""},
		{"minister-justice", "2021-13", ""},
		{"minister-justice", "July 2024", ""},
		{"nope", "2024", ""},
		{"ministry-justice", "2024", ""},
	}
	for _, tt := range tests {
		got, ok := l.HolderAt(tt.role, tt.date)
		if ok != (tt.want != "") || got != tt.want {
			t.Errorf("HolderAt(%q, %q) = %q, %v; want %q, %v", tt.role, tt.date, got, ok, tt.want, tt.want != "")
		}
	}
}

func TestZeroLexicon(t *testing.T) {
	var l Lexicon
	if _, ok := l.Lookup("un"); ok {
		t.Error("zero Lexicon: Lookup found an entry")
	}
	if _, ok := l.HolderAt("minister-justice", "2024"); ok {
		t.Error("zero Lexicon: HolderAt found a holder")
	}
	if err := l.Merge(base()); err != nil {
		t.Fatalf("zero Lexicon: Merge: %v", err)
	}
	if p, _ := l.HolderAt("minister-justice", "2024"); p != "ouahbi" {
		t.Errorf("zero Lexicon after Merge: HolderAt = %q, want ouahbi", p)
	}
}
