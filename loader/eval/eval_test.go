package eval

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func readDocs(t *testing.T, pattern string) []Document {
	t.Helper()
	paths, err := filepath.Glob(pattern)
	if err != nil || len(paths) == 0 {
		t.Fatalf("no files match %s", pattern)
	}
	var docs []Document
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		for dec.More() {
			var d Document
			if err := dec.Decode(&d); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			docs = append(docs, d)
		}
	}
	return docs
}

func TestGoldAgainstItselfIsPerfect(t *testing.T) {
	gold := readDocs(t, "../../testdata/gold/*.json")
	s := Evaluate(gold, gold)
	for name, got := range map[string]PRF{"entities": s.Entities, "relations": s.Relations, "coref": s.Coref} {
		if got.F1 != 1 {
			t.Errorf("%s F1 = %v, want 1 for gold against itself", name, got.F1)
		}
	}
}

func TestNoPredictionScoresZero(t *testing.T) {
	gold := readDocs(t, "../../testdata/gold/*.json")
	s := Evaluate(gold, nil)
	if s.Entities.TP != 0 || s.Entities.FN == 0 || len(s.Missing) != len(gold) {
		t.Errorf("empty prediction: %+v missing %v", s.Entities, s.Missing)
	}
}

// TestAgreesWithScorePy checks that Evaluate gives the figures of the
// reference scorer (shared/eval/score.py, copied under testdata) on a real
// extraction of the seeds.
func TestAgreesWithScorePy(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: cannot run the reference scorer")
	}
	out, err := exec.Command(python, "testdata/score.py", "--gold", "../../testdata/gold", "--pred", "testdata/seeds-pred.jsonl", "--json").Output()
	if err != nil {
		t.Fatalf("score.py: %v", err)
	}
	var want Score
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	got := Evaluate(readDocs(t, "../../testdata/gold/*.json"), readDocs(t, "testdata/seeds-pred.jsonl"))
	got.Missing = nil
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Evaluate differs from score.py (-score.py +Evaluate):\n%s", diff)
	}
}

func TestContains(t *testing.T) {
	tests := []struct {
		big, small string
		want       bool
	}{
		{"unodc", "un", false},
		{"the un office", "un", true},
		{"بالرباط", "الرباط", true},
		{"law 27.14", "27.14", true},
		{"abc", "", false},
	}
	for _, tt := range tests {
		if got := contains(tt.big, tt.small); got != tt.want {
			t.Errorf("contains(%q, %q) = %v, want %v", tt.big, tt.small, got, tt.want)
		}
	}
}

func TestNorm(t *testing.T) {
	tests := map[string]string{
		"يومًا تواصليًا":    "يوما تواصليا",
		"الإنسان":           "الانسان",
		"  «Cœur bleu»  ":   "cœur bleu",
		"Sûreté":            "surete",
		"القانون رقم ١٤.٢٧": "القانون رقم 14.27",
	}
	for in, want := range tests {
		if got := Norm(in); got != want {
			t.Errorf("Norm(%q) = %q, want %q", in, got, want)
		}
	}
}
