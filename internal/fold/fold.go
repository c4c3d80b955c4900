// Package fold computes the matching form of Arabic, French and English
// text: the form in which two spellings of one name compare equal.
//
// Folding applies, rune by rune, compatibility decomposition (NFKD, so that
// Arabic presentation forms and ligatures become letters), removes combining
// marks (Arabic harakat, hamza carriers' hamza, French accents), removes
// tatweel and invisible bidi and joiner controls, folds alef forms to bare
// alef, alef maqsura to ya, taa marbuta to ha, Arabic-Indic digits to ASCII,
// Arabic punctuation to its Latin peer, typographic quotes and dashes to
// ASCII, and lower-cases. These are the rules of the evaluation
// (shared/eval/score.py norm) so that what matches here matches there.
//
// Fold keeps, for every byte of the folded text, the span of the original
// rune it came from, so that a match found in folded text is quoted back
// exactly as written.
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Text is a folded text with a map back to its source.
type Text struct {
	// Folded is the matching form.
	Folded string
	src    string
	// start[i] is the byte offset, in the source, of the rune that
	// produced byte i of Folded.
	start []int32
}

// Fold returns the matching form of s with its offset map. Invalid UTF-8
// bytes fold to U+FFFD.
func Fold(s string) Text {
	out := make([]byte, 0, len(s)+len(s)/8)
	start := make([]int32, 0, cap(out))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		n := len(out)
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			out = append(out, byte(r))
		} else {
			out = foldRune(r, out)
		}
		for k := n; k < len(out); k++ {
			start = append(start, int32(i))
		}
		i += size
	}
	return Text{Folded: string(out), src: s, start: start}
}

// Source returns the byte span in the source text of the folded bytes
// [i, j). It reports false if the span is empty or out of range.
func (t Text) Source(i, j int) (int, int, bool) {
	if i < 0 || j > len(t.Folded) || i >= j {
		return 0, 0, false
	}
	last := int(t.start[j-1])
	_, size := utf8.DecodeRuneInString(t.src[last:])
	return int(t.start[i]), last + size, true
}

// Key returns the comparison key of s: its folded form with runs of white
// space collapsed to one space and leading and trailing punctuation and
// space removed. Two names with the same key are the same name.
func Key(s string) string {
	f := Fold(s).Folded
	f = strings.Join(strings.Fields(f), " ")
	return strings.TrimFunc(f, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r)
	})
}

// latinFolds holds the folded form of each rune below U+0250 (Latin-1 and
// Latin Extended), computed once: French text folds without NFKD.
var latinFolds = func() []string {
	t := make([]string, 0x250)
	for r := rune(0x80); r < 0x250; r++ {
		t[r] = string(foldSlow(r, nil))
	}
	return t
}()

// foldRune appends the folded form of r to dst.
func foldRune(r rune, dst []byte) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	}
	// Arabic letters other than those runeMap folds are their own form:
	// the common case of Arabic text, without a map lookup or NFKD.
	if r >= 0x0621 && r <= 0x064A && !arabicFolded(r) {
		return utf8.AppendRune(dst, r)
	}
	if m, ok := runeMap[r]; ok {
		return append(dst, m...)
	}
	if r < rune(len(latinFolds)) {
		return append(dst, latinFolds[r]...)
	}
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640: // harakat, dagger alef, tatweel
		return dst
	case r >= 0x0660 && r <= 0x0669:
		return append(dst, byte('0'+r-0x0660))
	case r >= 0x06F0 && r <= 0x06F9:
		return append(dst, byte('0'+r-0x06F0))
	case r >= 0x2010 && r <= 0x2015: // hyphens and dashes
		return append(dst, '-')
	case isInvisible(r):
		return dst
	case unicode.IsSpace(r):
		return append(dst, ' ')
	}
	return decompose(r, dst)
}

// foldSlow folds r without the tables built from it.
func foldSlow(r rune, dst []byte) []byte {
	if m, ok := runeMap[r]; ok {
		return append(dst, m...)
	}
	if isInvisible(r) {
		return dst
	}
	if unicode.IsSpace(r) {
		return append(dst, ' ')
	}
	return decompose(r, dst)
}

// decompose appends r's compatibility decomposition without combining
// marks, lower-cased.
func decompose(r rune, dst []byte) []byte {
	var tmp [utf8.UTFMax]byte
	n := utf8.EncodeRune(tmp[:], r)
	d := norm.NFKD.Bytes(tmp[:n])
	for len(d) > 0 {
		c, size := utf8.DecodeRune(d)
		d = d[size:]
		if unicode.Is(unicode.Mn, c) || c == 0x0640 || isInvisible(c) {
			continue
		}
		if unicode.IsSpace(c) {
			dst = append(dst, ' ')
			continue
		}
		if m, ok := runeMap[c]; ok {
			dst = append(dst, m...)
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(c))
	}
	return dst
}

// arabicFolded reports whether an Arabic letter folds to another: alef
// forms, alef maqsura, taa marbuta, hamza on a carrier, and tatweel.
func arabicFolded(r rune) bool {
	switch r {
	case 'أ', 'إ', 'آ', 'ى', 'ة', 'ؤ', 'ئ', 0x0640:
		return true
	}
	return false
}

// isInvisible reports whether r is a format control that changes neither
// the letters nor the words of a text: joiners, bidi marks, embeddings and
// isolates, the byte order mark, the soft hyphen.
func isInvisible(r rune) bool {
	switch {
	case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x061C, r == 0xFEFF, r == 0x00AD, r == 0x2060:
		return true
	}
	return false
}

// runeMap holds the folds that decomposition and lower-casing do not give.
var runeMap = map[rune]string{
	'أ': "ا", 'إ': "ا", 'آ': "ا", 'ٱ': "ا",
	'ى': "ي", 'ة': "ه", 'ؤ': "و", 'ئ': "ي",
	'،': ",", '؛': ";", '؟': "?", 0x066B: ".", 0x066C: ",", 0x066A: "%", 0x06D4: ".",
	'‘': "'", '’': "'", '‚': "'", 'ʼ': "'", '´': "'", '`': "'",
	'“': "\"", '”': "\"", '„': "\"", '«': "\"", '»': "\"",
	0x2212: "-", 0x00A0: " ", 0x202F: " ", 0x2007: " ",
	'œ': "oe", 'Œ': "oe", 'æ': "ae", 'Æ': "ae", 'ß': "ss",
	'…': "...",
}
