package lexicon

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzParse checks that Parse never panics, that its errors are positioned,
// and that whatever it accepts survives a round trip: encoding the entries
// with json.Marshal, one a line, and parsing them again gives the same
// entries (as encoding/csv's FuzzRoundtrip does for records). It also feeds
// what parses to New, which must not panic either.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"id":"law-27-14","type":"Law","name":"Law 27.14","names":{"ar":["القانون رقم 27.14"],"fr":["loi n° 27-14"]},"year":"2016"}`))
	f.Add([]byte("# comment\n\n" + `{"id":"r","type":"Role","role":"minister of justice","org":"o","holders":[{"person":"p","from":"2021-10-07","to":"2024"}]}`))
	f.Add([]byte(`{"id":"x","type":"Organization","name":"X","names":{},"acronyms":[]}`))
	f.Add([]byte(`{"id":"x","type":"Place","name":"X","names":{"en":["X"]},"bogus":1}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) > MaxLineBytes/8 {
			// Re-encoding may escape characters and outgrow MaxLineBytes.
			return
		}
		entries, err := Parse(bytes.NewReader(in), "fuzz")
		if err != nil {
			var le *LineError
			if !errors.As(err, &le) || le.Line < 1 {
				t.Fatalf("Parse error %v is not a positioned *LineError", err)
			}
			if entries != nil {
				t.Fatalf("Parse returned entries with error %v", err)
			}
			return
		}
		var buf bytes.Buffer
		for _, e := range entries {
			b, err := json.Marshal(e)
			if err != nil {
				t.Fatalf("json.Marshal(%#v): %v", e, err)
			}
			buf.Write(b)
			buf.WriteByte('\n')
		}
		again, err := Parse(bytes.NewReader(buf.Bytes()), "roundtrip")
		if err != nil {
			t.Fatalf("Parse of re-encoded entries: %v\n%s", err, buf.Bytes())
		}
		if diff := cmp.Diff(entries, again); diff != "" {
			t.Fatalf("round trip mismatch (-parsed +reparsed):\n%s", diff)
		}

		l, err := New(entries)
		if err != nil {
			return
		}
		for _, e := range l.Entries() {
			l.HolderAt(e.ID, "2024-07")
		}
	})
}
