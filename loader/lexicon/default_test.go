package lexicon

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"unicode"
)

// minDefaultEntries is the size the default lexicon must keep: it is meant
// to cover the field, not only the seed articles.
const minDefaultEntries = 300

func mustDefault(t *testing.T) *Lexicon {
	t.Helper()
	l, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return l
}

func TestDefault(t *testing.T) {
	l := mustDefault(t)
	if n := len(l.Entries()); n < minDefaultEntries {
		t.Errorf("Default has %d entries, want at least %d", n, minDefaultEntries)
	}

	// Ids that other parts of the system and the gold files use.
	required := map[string]string{
		"cnclt":                                TypeOrganization,
		"unodc":                                TypeOrganization,
		"un":                                   TypeOrganization,
		"un-morocco":                           TypeOrganization,
		"eu":                                   TypeOrganization,
		"onde":                                 TypeOrganization,
		"onc":                                  TypeOrganization,
		"cmrpi":                                TypeOrganization,
		"dgsn":                                 TypeOrganization,
		"gendarmerie-royale":                   TypeOrganization,
		"childrens-parliament":                 TypeOrganization,
		"ministry-justice":                     TypeOrganization,
		"ministry-youth-culture-communication": TypeOrganization,
		"ministry-national-education":          TypeOrganization,
		"us-state-department":                  TypeOrganization,
		"add":                                  TypeOrganization,
		"morocco":                              TypePlace,
		"rabat":                                TypePlace,
		"vienna":                               TypePlace,
		"united-states":                        TypePlace,
		"untoc":                                TypeLaw,
		"palermo-protocol":                     TypeLaw,
		"law-27-14":                            TypeLaw,
		"decree-2018-cnclt":                    TypeLaw,
		"crc":                                  TypeLaw,
		"national-plan-2023-2030":              TypePlan,
		"national-referral-mechanism":          TypePlan,
		"blue-heart-campaign":                  TypeCampaign,
		"world-day-against-trafficking":        TypeCampaign,
		"tip-report":                           TypeReport,
		"ouahbi":                               TypePerson,
		"bensaid":                              TypePerson,
		"benjelloun":                           TypePerson,
		"fustier":                              TypePerson,
		"llombart":                             TypePerson,
	}
	for id, typ := range required {
		e, ok := l.Lookup(id)
		if !ok {
			t.Errorf("Default lacks required id %q", id)
			continue
		}
		if e.Type != typ {
			t.Errorf("Default %q is a %s, want %s", id, e.Type, typ)
		}
	}

	// Facts the gold files rely on.
	for _, tt := range []struct{ id, field, got, want string }{
		{"law-27-14", "year", lookup(l, "law-27-14").Year, "2016"},
		{"decree-2018-cnclt", "year", lookup(l, "decree-2018-cnclt").Year, "2018"},
		{"decree-2018-cnclt", "establishes", lookup(l, "decree-2018-cnclt").Establishes, "cnclt"},
		{"decree-2018-cnclt", "implements", lookup(l, "decree-2018-cnclt").Implements, "law-27-14"},
		{"national-plan-2023-2030", "year", lookup(l, "national-plan-2023-2030").Year, "2023-2030"},
		{"unodc", "parent", lookup(l, "unodc").Parent, "un"},
		{"un-resident-coordinator-morocco", "role", lookup(l, "un-resident-coordinator-morocco").Role, "un resident coordinator in morocco"},
		{"eu-ambassador-morocco", "role", lookup(l, "eu-ambassador-morocco").Role, "eu ambassador to morocco"},
		{"eu-ambassador-morocco", "org", lookup(l, "eu-ambassador-morocco").Org, "eu"},
		{"onde-vice-president", "role", lookup(l, "onde-vice-president").Role, "vice-president of the national observatory of children's rights"},
		{"minister-youth-culture-communication", "role", lookup(l, "minister-youth-culture-communication").Role, "minister of youth, culture and communication"},
	} {
		if tt.got != tt.want {
			t.Errorf("Default %s %s = %q, want %q", tt.id, tt.field, tt.got, tt.want)
		}
	}

	// Who held an office on the date of the seed articles (July 2024).
	for role, want := range map[string]string{
		"minister-justice":                     "ouahbi",
		"minister-youth-culture-communication": "bensaid",
		"un-resident-coordinator-morocco":      "fustier",
		"eu-ambassador-morocco":                "llombart",
		"head-of-government":                   "akhannouch",
		"unodc-executive-director":             "waly",
		"iom-director-general":                 "amy-pope",
		"president-public-prosecution":         "daki",
		"cndh-president":                       "bouayach",
	} {
		if got, _ := l.HolderAt(role, "2024-07-25"); got != want {
			t.Errorf("Default HolderAt(%q, 2024-07-25) = %q, want %q", role, got, want)
		}
	}
}

func lookup(l *Lexicon, id string) Entry {
	e, _ := l.Lookup(id)
	return e
}

// TestDefaultFiles checks that each data file parses on its own, has
// entries, and does not define an id that another file defines: a theme
// file owns its entries, and merging is for user files.
func TestDefaultFiles(t *testing.T) {
	names, err := fs.Glob(data, "data/*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 5 {
		t.Errorf("found %d data files, want the lexicon split by theme", len(names))
	}
	owner := map[string]string{}
	for _, name := range names {
		b, err := data.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		es, err := Parse(bytes.NewReader(b), name)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if len(es) == 0 {
			t.Errorf("%s has no entries", name)
		}
		types := map[string]int{}
		for _, e := range es {
			types[e.Type]++
			if prev, ok := owner[e.ID]; ok {
				t.Errorf("%s: id %q is already defined in %s", name, e.ID, prev)
			}
			owner[e.ID] = name
		}
		t.Logf("%s: %d entries %v", name, len(es), types)
	}
}

// TestDefaultNamesUnambiguous checks that no surface name, once folded as
// the extractor folds it, belongs to two entries: the extractor could not
// tell them apart. Of two entries of different types the same name would
// also give the graph two kinds of node for one mention.
func TestDefaultNamesUnambiguous(t *testing.T) {
	l := mustDefault(t)
	type owner struct{ id, typ string }
	seen := map[string]owner{}
	for _, e := range l.Entries() {
		var names []string
		if e.Name != "" {
			// The extractor matches canonical names too.
			names = append(names, e.Name)
		}
		for _, lang := range languages {
			names = append(names, e.Names[lang]...)
		}
		done := map[string]bool{}
		for _, n := range names {
			k := fold(n)
			if done[k] {
				continue
			}
			done[k] = true
			if prev, ok := seen[k]; ok {
				if prev.typ != e.Type {
					t.Errorf("name %q of %s (%s) is also a name of %s (%s)", n, e.ID, e.Type, prev.id, prev.typ)
				} else {
					t.Errorf("name %q of %s is also a name of %s", n, e.ID, prev.id)
				}
				continue
			}
			seen[k] = owner{e.ID, e.Type}
		}
	}
}

// TestDefaultAcronymsUnambiguous checks that an acronym names one entry.
func TestDefaultAcronymsUnambiguous(t *testing.T) {
	l := mustDefault(t)
	seen := map[string]string{}
	for _, e := range l.Entries() {
		for _, a := range e.Acronyms {
			if prev, ok := seen[a]; ok && prev != e.ID {
				t.Errorf("acronym %q of %s is also an acronym of %s", a, e.ID, prev)
			}
			seen[a] = e.ID
		}
	}
}

// TestDefaultCoverage checks that every entity has names in the languages
// of the articles: Arabic may be missing where the press form is not known,
// French and English may not.
func TestDefaultCoverage(t *testing.T) {
	l := mustDefault(t)
	var noArabic []string
	for _, e := range l.Entries() {
		if len(e.Names["fr"]) == 0 && len(e.Acronyms) == 0 {
			t.Errorf("%s has no French name or acronym", e.ID)
		}
		if len(e.Names["en"]) == 0 && len(e.Acronyms) == 0 {
			t.Errorf("%s has no English name or acronym", e.ID)
		}
		if len(e.Names["ar"]) == 0 {
			noArabic = append(noArabic, e.ID)
		}
		if e.Type == TypeLaw && e.Year == "" {
			t.Errorf("law %s has no year", e.ID)
		}
		if e.Type == TypeRole && len(e.Holders) == 0 {
			t.Errorf("role %s has no holders", e.ID)
		}
	}
	t.Logf("%d entries without an Arabic name: %s", len(noArabic), strings.Join(noArabic, ", "))
}

// fold approximates the extractor's folding (see the extraction spec): case,
// Latin accents, Arabic diacritics and tatweel, alef, hamza and final ya
// forms, apostrophes, hyphens and runs of spaces.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640:
			continue
		case r == 'أ', r == 'إ', r == 'آ', r == 'ٱ':
			r = 'ا'
		case r == 'ى', r == 'ئ':
			r = 'ي'
		case r == 'ؤ':
			r = 'و'
		case r == '’', r == '‘', r == '`':
			r = '\''
		case r == '-', r == '،', r == ',', unicode.IsSpace(r):
			r = ' '
		}
		if f, ok := latinFold[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

var latinFold = map[rune]string{
	'à': "a", 'â': "a", 'ä': "a", 'á': "a", 'ã': "a",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e",
	'î': "i", 'ï': "i", 'í': "i",
	'ô': "o", 'ö': "o", 'ó': "o",
	'û': "u", 'ü': "u", 'ù': "u", 'ú': "u",
	'ç': "c", 'ñ': "n", 'œ': "oe", 'æ': "ae",
}

// TestFold guards the folding that TestDefaultNamesUnambiguous relies on.
func TestFold(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"الاتحاد الأوروبي", "الاتحاد الاوروبي"},
		{"إسبانيا", "اسبانيا"},
		{"مؤسسة", "موسسة"},
		{"مُنظّمة", "منظمة"},
		{"Fès-Meknès", "fes meknes"},
		{"Parlement de l’Enfant", "parlement de l'enfant"},
		{"Cœur  bleu", "coeur bleu"},
	} {
		if fold(tt.a) != fold(tt.b) {
			t.Errorf("fold(%q) = %q, fold(%q) = %q; want equal", tt.a, fold(tt.a), tt.b, fold(tt.b))
		}
	}
	if fold("الأوروبي") == fold("الأوربي") {
		t.Error(`fold merges "الأوروبي" and "الأوربي", which the press writes differently`)
	}
}
