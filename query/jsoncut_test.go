package query

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestCutJSON(t *testing.T) {
	tests := []struct {
		doc  string
		cut  int // bytes of doc kept; 0 means all
		want string
		err  error
	}{
		{`{"result":[1,2,3]}`, 0, `{"result":[1,2,3]}`, nil},
		{`{"result":[{"id":"a"},{"id":"b"},{"id":"c"}]}`, 33, `{"result":[{"id":"a"},{"id":"b"}],"truncated":true}`, nil},
		{`{"result":[{"id":"a"},{"id":"b"},{"id":"c"}]}`, 30, `{"result":[{"id":"a"}],"truncated":true}`, nil},
		{`{"result":[{"id":"a"},{"id":"b"},{"id":"c"}]}`, 12, `{"result":[],"truncated":true}`, nil},
		{`{"result":[123456,7]}`, 14, `{"result":[],"truncated":true}`, nil}, // 1234 may be cut short
		{`{"result":[["a","b","c"]]}`, 20, `{"result":[["a","b"]],"truncated":true}`, nil},
		{`{"data":{"nodes":[{"id":"x","n":[1,2]},{"id":"y"}]}}`, 40, `{"data":{"nodes":[{"id":"x","n":[1,2]}]},"truncated":true}`, nil},
		{`[1,2,3,4]`, 6, `[1,2]`, nil},
		{`{"result":"` + "x" + `"}`, 8, ``, errUncuttable},
		{`{"a":"\u00e9\"<>&"}`, 0, `{"a":"é\"<>&"}`, nil},
		{`{"result":[true,false,null,"x"]}`, 30, `{"result":[true,false,null],"truncated":true}`, nil},
	}
	for _, tt := range tests {
		prefix := tt.doc
		if tt.cut > 0 {
			prefix = tt.doc[:tt.cut]
		}
		got, err := cutJSON([]byte(prefix))
		if !errors.Is(err, tt.err) || string(got) != tt.want {
			t.Errorf("cutJSON(%q) = %s, %v; want %s, %v", prefix, got, err, tt.want, tt.err)
		}
	}
}

// FuzzCutJSON: any prefix of a JSON document cuts to valid JSON no longer
// than the prefix and a few closing bytes, or to errUncuttable; and a
// document that is whole comes back equal in value.
func FuzzCutJSON(f *testing.F) {
	for _, s := range []string{
		`{"result":[{"id":"<https://actorgraph.org/id/unodc>","name":"مكتب"},{"id":"b"}]}`,
		`{"data":{"nodes":[{"id":"x","n":[1,2.5e3,-1]},{"id":"y","o":{"k":[true,null]}}]},"errors":[]}`,
		`[[[],[[]]],{}]`, `{"result":null}`, `"x"`, `123`,
	} {
		f.Add([]byte(s), uint16(len(s)/2))
	}
	f.Fuzz(func(t *testing.T, doc []byte, cut uint16) {
		if !json.Valid(doc) {
			return
		}
		n := int(cut) % (len(doc) + 1)
		got, err := cutJSON(doc[:n])
		if err != nil {
			// A whole document that is a bare number may end where a cut
			// one would; only a container is sure to be whole.
			if !errors.Is(err, errUncuttable) {
				t.Fatalf("cutJSON(%q): %v", doc[:n], err)
			}
			return
		}
		if !json.Valid(got) {
			t.Fatalf("cutJSON(%q) = %q, not JSON", doc[:n], got)
		}
		// Closing brackets and ,"truncated":true, and escapes the
		// decoder resolved differently, bound the growth.
		if len(got) > 2*n+len(`,"truncated":true`)+64 {
			t.Errorf("cutJSON(%q) = %q, much longer than the prefix", doc[:n], got)
		}
		if n == len(doc) {
			// A whole document is kept as it is.
			var a, b any
			_ = json.Unmarshal(doc, &a)
			_ = json.Unmarshal(got, &b)
			ja, _ := json.Marshal(a)
			jb, _ := json.Marshal(b)
			if string(ja) != string(jb) {
				t.Errorf("a whole document changed: %s -> %s", ja, jb)
			}
		}
	})
}
