package translit

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzKey checks the contract of Key, Match and Similar on any input: no
// panic; a key is valid UTF-8, deterministic, free of Arabic letters and of
// empty words, non-empty when the name has a letter or a digit, and
// its own key (Key(Key(x)) == Key(x)); Match(x, x) holds for any name with a
// letter; Match and Similar are symmetric and Similar is in [0, 1].
func FuzzKey(f *testing.F) {
	for _, p := range samePerson {
		f.Add(p.a, p.b)
	}
	for _, p := range differentPeople {
		f.Add(p.a, p.b)
	}
	f.Add("", "ﷲ")
	f.Add("l'", "عبدال")
	f.Add("Ben", "بن ال")
	f.Add("ẞ ǅ ﬁ Ⅻ", "٣ ۴ ﻻ")
	f.Add("ʃʒħx o", "e a i u")
	f.Fuzz(func(t *testing.T, a, b string) {
		k := Key(a)
		if k != Key(a) {
			t.Fatalf("Key(%q) is not deterministic", a)
		}
		if !utf8.ValidString(k) {
			t.Fatalf("Key(%q) = %q is not valid UTF-8", a, k)
		}
		hasLetter, hasAlnum := false, false
		for _, c := range a {
			if unicode.IsLetter(c) {
				hasLetter = true
			}
			if unicode.IsLetter(c) || unicode.IsDigit(c) {
				hasAlnum = true
			}
		}
		for _, c := range k {
			if unicode.IsLetter(c) && unicode.Is(unicode.Arabic, c) {
				t.Fatalf("Key(%q) = %q has the Arabic letter %q", a, k, c)
			}
		}
		if strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
			t.Fatalf("Key(%q) = %q has an empty word", a, k)
		}
		if hasAlnum && k == "" {
			t.Fatalf("Key(%q) is empty, but the name has a letter or a digit", a)
		}
		if again := Key(k); again != k {
			t.Fatalf("Key(Key(%q)) = %q, want %q", a, again, k)
		}
		if hasLetter && k != "" && !Match(a, a) {
			t.Fatalf("Match(%q, %q) = false", a, a)
		}
		if Match(a, b) != Match(b, a) {
			t.Fatalf("Match(%q, %q) is not symmetric", a, b)
		}
		s := Similar(a, b)
		if s < 0 || s > 1 {
			t.Fatalf("Similar(%q, %q) = %v, not in [0, 1]", a, b, s)
		}
		if back := Similar(b, a); back != s {
			t.Fatalf("Similar(%q, %q) = %v, but %v the other way", a, b, s, back)
		}
		if Match(a, b) && s != 1 {
			t.Fatalf("Match(%q, %q) but Similar = %v", a, b, s)
		}
	})
}
