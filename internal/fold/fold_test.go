package fold

import (
	"testing"
	"unicode/utf8"
)

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"يومًا تواصليًا", "يوما تواصليا"},
		{"الإنسان", "الانسان"},
		{"المصطفـــى", "المصطفي"},
		{"القانون رقم ١٤.٢٧", "القانون رقم 14.27"},
		{"Sûreté Nationale", "surete nationale"},
		{"  «Cœur bleu»  ", "coeur bleu"},
		{"l’Enfant", "l'enfant"},
		{"ONUDC", "onudc"},
		{"مؤسسة", "موسسه"},
		{"ﻻ", "لا"},
		{"a\u200fb\u202c", "ab"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSourceMapsBack(t *testing.T) {
	src := "Rabat – La Commission nationale (CNCLT) بالرباط يومًا"
	f := Fold(src)
	for _, word := range []string{"commission", "cnclt", "بالرباط", "يوما"} {
		i := indexOf(f.Folded, word)
		if i < 0 {
			t.Fatalf("%q not in folded %q", word, f.Folded)
		}
		s, e, ok := f.Source(i, i+len(word))
		if !ok {
			t.Fatalf("Source(%d, %d) not ok", i, i+len(word))
		}
		if got := Key(src[s:e]); got != word {
			t.Errorf("source of %q is %q, which folds to %q", word, src[s:e], got)
		}
	}
	if _, _, ok := f.Source(3, 3); ok {
		t.Error("Source of an empty span reported ok")
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// FuzzFold checks, for any input, that every folded byte maps back to a
// span of the source on rune boundaries, that the folded text is valid
// UTF-8 for valid input, and that Key is idempotent.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "Rabat", "يومًا تواصليًا", "القانون ١٤.٢٧", "Cœur\u200f bleu", "\xff\xfe", "ﻻ ﷺ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := Fold(s)
		for i := range folded.Folded {
			a, b, ok := folded.Source(i, i+1)
			if !ok || a < 0 || b > len(s) || a >= b {
				t.Fatalf("Source(%d) = %d, %d, %v for %q", i, a, b, ok, s)
			}
			if utf8.ValidString(s) && (!utf8.RuneStart(s[a]) || (b < len(s) && !utf8.RuneStart(s[b]))) {
				t.Fatalf("Source(%d) = %d, %d not on rune boundaries of %q", i, a, b, s)
			}
		}
		if utf8.ValidString(s) && !utf8.ValidString(folded.Folded) {
			t.Fatalf("Fold(%q) = %q is not valid UTF-8", s, folded.Folded)
		}
		if k := Key(s); Key(k) != k {
			t.Fatalf("Key not idempotent: Key(%q) = %q, Key of that = %q", s, k, Key(k))
		}
	})
}

func BenchmarkFold(b *testing.B) {
	text := "نظمت اللجنة الوطنية لتنسيق إجراءات مكافحة الاتجار بالبشر والوقاية منه، أمس الخميس، يومًا تواصليًا في الرباط. " +
		"La Commission nationale chargée de la coordination des mesures de lutte (CNCLT) a organisé, jeudi à Rabat, un séminaire."
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Fold(text)
	}
}
