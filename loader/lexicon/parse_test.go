package lexicon

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		want     []Entry
		wantLine int    // line of the expected error; 0 means no error
		wantErr  string // substring of the expected error
		wantIs   error  // sentinel the error must wrap, if any
	}{
		{
			name: "good line",
			in:   `{"id":"law-27-14","type":"Law","name":"Law 27.14","names":{"fr":["loi n° 27-14"]},"acronyms":["L27"],"year":"2016"}`,
			want: []Entry{{ID: "law-27-14", Type: TypeLaw, Name: "Law 27.14", Names: map[string][]string{"fr": {"loi n° 27-14"}}, Acronyms: []string{"L27"}, Year: "2016"}},
		},
		{
			name: "blank and comment lines are skipped",
			in:   "\n# a comment\n   \n  # indented comment\r\n" + `{"id":"rabat","type":"Place","name":"Rabat","names":{"ar":["الرباط"]}}` + "\r\n\n",
			want: []Entry{{ID: "rabat", Type: TypePlace, Name: "Rabat", Names: map[string][]string{"ar": {"الرباط"}}}},
		},
		{
			name: "byte order mark on the first line",
			in:   "\uFEFF" + `{"id":"rabat","type":"Place","name":"Rabat","names":{"en":["Rabat"]}}`,
			want: []Entry{{ID: "rabat", Type: TypePlace, Name: "Rabat", Names: map[string][]string{"en": {"Rabat"}}}},
		},
		{
			name: "empty collections are dropped",
			in:   `{"id":"rabat","type":"Place","name":"Rabat","names":{"en":["Rabat"],"fr":[]},"acronyms":[]}`,
			want: []Entry{{ID: "rabat", Type: TypePlace, Name: "Rabat", Names: map[string][]string{"en": {"Rabat"}}}},
		},
		{
			name: "role with holders",
			in:   `{"id":"minister-justice","type":"Role","role":"minister of justice","org":"ministry-justice","holders":[{"person":"ouahbi","from":"2021-10-07"},{"person":"x","from":"2019","to":"2021-10"}]}`,
			want: []Entry{{ID: "minister-justice", Type: TypeRole, Role: "minister of justice", Org: "ministry-justice", Holders: []Holder{{Person: "ouahbi", From: "2021-10-07"}, {Person: "x", From: "2019", To: "2021-10"}}}},
		},
		{
			name: "partial entry for merging",
			in:   `{"id":"unodc","type":"Organization","names":{"ar":["مكتب الأمم المتحدة للمخدرات والجريمة"]}}`,
			want: []Entry{{ID: "unodc", Type: TypeOrganization, Names: map[string][]string{"ar": {"مكتب الأمم المتحدة للمخدرات والجريمة"}}}},
		},
		{
			name:     "unknown field",
			in:       "# header\n" + `{"id":"rabat","type":"Place","name":"Rabat","nmes":{"en":["Rabat"]}}`,
			wantLine: 2,
			wantErr:  `unknown field "nmes"`,
		},
		{
			name:     "bad type",
			in:       `{"id":"rabat","type":"City","name":"Rabat","names":{"en":["Rabat"]}}`,
			wantLine: 1,
			wantErr:  `unknown type "City"`,
			wantIs:   ErrInvalid,
		},
		{
			name:     "missing id",
			in:       `{"type":"Place","name":"Rabat","names":{"en":["Rabat"]}}`,
			wantLine: 1,
			wantErr:  "missing id",
			wantIs:   ErrInvalid,
		},
		{
			name:     "bad id",
			in:       "\n\n" + `{"id":"Rabat City","type":"Place","name":"Rabat","names":{"en":["Rabat"]}}`,
			wantLine: 3,
			wantErr:  `id "Rabat City" does not match`,
			wantIs:   ErrInvalid,
		},
		{
			name:     "bad holder date",
			in:       `{"id":"r","type":"Role","role":"r","org":"o","holders":[{"person":"p","from":"2021-02-30"}]}`,
			wantLine: 1,
			wantErr:  `bad date "2021-02-30"`,
			wantIs:   ErrInvalid,
		},
		{
			name:     "holder date in the wrong layout",
			in:       `{"id":"r","type":"Role","role":"r","org":"o","holders":[{"person":"p","from":"07/10/2021"}]}`,
			wantLine: 1,
			wantErr:  `bad date "07/10/2021"`,
			wantIs:   ErrInvalid,
		},
		{
			name:     "holder term ends before it starts",
			in:       `{"id":"r","type":"Role","role":"r","org":"o","holders":[{"person":"p","from":"2021","to":"2020-12"}]}`,
			wantLine: 1,
			wantErr:  "is after to",
			wantIs:   ErrInvalid,
		},
		{
			name:     "bad year",
			in:       `{"id":"p","type":"Plan","name":"P","names":{"en":["P"]},"year":"2030-2023"}`,
			wantLine: 1,
			wantErr:  `bad year "2030-2023"`,
			wantIs:   ErrInvalid,
		},
		{
			name:     "year on a place",
			in:       `{"id":"rabat","type":"Place","name":"Rabat","names":{"en":["Rabat"]},"year":"2016"}`,
			wantLine: 1,
			wantErr:  "year is for Law, Plan and Report",
			wantIs:   ErrInvalid,
		},
		{
			name:     "role literal not lower case",
			in:       `{"id":"r","type":"Role","role":"Minister of Justice","org":"o"}`,
			wantLine: 1,
			wantErr:  "not lower case",
			wantIs:   ErrInvalid,
		},
		{
			name:     "holders on a non-role",
			in:       `{"id":"x","type":"Organization","name":"X","names":{"en":["X"]},"holders":[{"person":"p","from":"2020"}]}`,
			wantLine: 1,
			wantErr:  "for Role entries",
			wantIs:   ErrInvalid,
		},
		{
			name:     "unknown language",
			in:       `{"id":"x","type":"Organization","name":"X","names":{"es":["X"]}}`,
			wantLine: 1,
			wantErr:  `unknown language "es"`,
			wantIs:   ErrInvalid,
		},
		{
			name:     "name with surrounding space",
			in:       `{"id":"x","type":"Organization","name":"X","names":{"en":["X "]}}`,
			wantLine: 1,
			wantErr:  "surrounding white space",
			wantIs:   ErrInvalid,
		},
		{
			name:     "two objects on a line",
			in:       `{"id":"x","type":"Organization","name":"X","names":{"en":["X"]}} {}`,
			wantLine: 1,
			wantErr:  "unexpected data after the JSON object",
		},
		{
			name:     "not an object",
			in:       `["x"]`,
			wantLine: 1,
			wantErr:  "cannot unmarshal array",
		},
		{
			name:     "line too long",
			in:       `{"id":"x","type":"Organization","name":"` + strings.Repeat("x", MaxLineBytes) + `"}`,
			wantLine: 1,
			wantErr:  "line longer than",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(strings.NewReader(tt.in), "test.jsonl")
			if tt.wantLine == 0 {
				if err != nil {
					t.Fatalf("Parse: %v", err)
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("Parse mismatch (-want +got):\n%s", diff)
				}
				return
			}
			if err == nil {
				t.Fatalf("Parse = %v, want an error", got)
			}
			var le *LineError
			if !errors.As(err, &le) {
				t.Fatalf("Parse error %v (%T) is not a *LineError", err, err)
			}
			if le.Source != "test.jsonl" || le.Line != tt.wantLine {
				t.Errorf("error at %s:%d, want test.jsonl:%d", le.Source, le.Line, tt.wantLine)
			}
			msg := err.Error()
			if prefix := "lexicon test.jsonl:"; !strings.HasPrefix(msg, prefix) {
				t.Errorf("error %q does not start with %q", msg, prefix)
			}
			if !strings.Contains(msg, tt.wantErr) {
				t.Errorf("error %q does not contain %q", msg, tt.wantErr)
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("error %v does not wrap %v", err, tt.wantIs)
			}
			if got != nil {
				t.Errorf("Parse returned entries %v with an error", got)
			}
		})
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.jsonl")
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(good, []byte(`{"id":"rabat","type":"Place","name":"Rabat","names":{"en":["Rabat"]}}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("\n"+`{"id":"rabat"`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	got, err := LoadFile(good)
	if err != nil {
		t.Fatalf("LoadFile(good): %v", err)
	}
	if len(got) != 1 || got[0].ID != "rabat" {
		t.Errorf("LoadFile(good) = %v, want the rabat entry", got)
	}

	_, err = LoadFile(bad)
	var le *LineError
	if !errors.As(err, &le) || le.Source != bad || le.Line != 2 {
		t.Errorf("LoadFile(bad) error = %v, want a *LineError at %s:2", err, bad)
	}

	missing := filepath.Join(dir, "missing.jsonl")
	_, err = LoadFile(missing)
	if !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("LoadFile(missing) error = %v, want a not-exist error naming the path", err)
	}
}
