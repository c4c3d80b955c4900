package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences splits text into sentences and returns their byte spans, in
// order, trimmed of surrounding white space; together they cover every
// non-space byte of text. Lang is left empty.
//
// A sentence ends at a line break, and at . ! ? … ؟ ؛ ۔ (or a run of them,
// such as ".." or "?!") followed by white space or the end of the line,
// after any closing quotes or brackets. The Arabic comma ، does not end a
// sentence. A period does not end a sentence inside a number (27.14,
// 2.18.123), after a title or abbreviation (M., Mme., Dr., No., art.), after
// an initial or a dotted acronym (A. Ouahbi, U.S., و.م.ع.), after a list
// number at the start of a line ("1. "), or before a word in lower case;
// "etc." and the like end a sentence only before a capital. ؟ ؛ ! ? end a
// sentence even when a letter follows with no space.
func Sentences(text string) []Span {
	var spans []Span
	lineStart := 0
	for i, r := range text {
		if isLineBreak(r) {
			spans = appendLineSentences(spans, text, lineStart, i)
			lineStart = i + utf8.RuneLen(r)
		}
	}
	return appendLineSentences(spans, text, lineStart, len(text))
}

// isLineBreak reports whether r ends a line: LF, CR, NEL, and the Unicode
// line and paragraph separators.
func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029
}

// appendLineSentences appends the sentences of text[start:end], a line
// with no line break in it.
func appendLineSentences(spans []Span, text string, start, end int) []Span {
	line := text[start:end]
	from := 0
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		if !isTerminator(r) {
			i += size
			continue
		}
		// A run of terminators ("...", "?!", "..") then closing marks.
		j := i + size
		onlyPeriod := r == '.'
		for j < len(line) {
			r2, s2 := utf8.DecodeRuneInString(line[j:])
			if !isTerminator(r2) {
				break
			}
			onlyPeriod = false
			j += s2
		}
		j = skipClosers(line, j)
		if endsSentence(line, from, i, j, r, onlyPeriod) {
			spans = appendTrimmed(spans, start+from, start+j, text)
			from = j
		}
		i = j
	}
	return appendTrimmed(spans, start+from, end, text)
}

// isTerminator reports whether r may end a sentence.
func isTerminator(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '؟', '؛', '۔', '‼', '⁇', '⁈', '⁉':
		return true
	}
	return false
}

// skipClosers returns the index after the closing quotes and brackets that
// follow a terminator at line[:j], allowing the space that French puts
// before a closing guillemet ("? »").
func skipClosers(line string, j int) int {
	for j < len(line) {
		k := j
		for k < len(line) && (line[k] == ' ' || line[k] == '\t') {
			k++
		}
		if k < len(line) && strings.HasPrefix(line[k:], "\u00a0") {
			k += len("\u00a0")
		}
		if k < len(line) && strings.HasPrefix(line[k:], "\u202f") {
			k += len("\u202f")
		}
		r, size := utf8.DecodeRuneInString(line[k:])
		if !isCloser(r) || (k > j && r != '»' && r != '›') {
			return j
		}
		j = k + size
	}
	return j
}

// isCloser reports whether r closes a quotation or a bracket.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', ')', ']', '}', '」', '』':
		return true
	}
	return false
}

// endsSentence decides whether the terminator run line[i:j] (first rune r,
// onlyPeriod when it is a single '.') ends the sentence that began at from.
func endsSentence(line string, from, i, j int, r rune, onlyPeriod bool) bool {
	if j >= len(line) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(line[j:])
	if !unicode.IsSpace(next) {
		// Arabic punctuation and ?! are often typed with no space after.
		if (r == '؟' || r == '؛' || r == '!' || r == '?') && unicode.IsLetter(next) {
			return true
		}
		return false
	}
	first, ok := nextLetter(line[j:])
	if !ok {
		return true // only space and symbols follow
	}
	if unicode.Is(unicode.Latin, first) && unicode.IsLower(first) {
		return false
	}
	if !onlyPeriod {
		return true
	}
	prev := wordBefore(line[from:i])
	switch {
	case prev == "":
		return true
	case isListNumber(line[from:i]):
		return false
	case isInitialOrAcronym(prev):
		return false
	}
	lower := strings.ToLower(prev)
	if titleAbbrevs[lower] {
		return false
	}
	if generalAbbrevs[lower] {
		// "etc. Le ministre" ends; "art. 5", "p. 12" do not.
		return unicode.IsUpper(first) || unicode.Is(unicode.Arabic, first)
	}
	return true
}

// lookAhead bounds how far nextLetter looks, so that a line of
// terminators and spaces is split in linear time.
const lookAhead = 64

// nextLetter returns the first letter or digit in s, skipping space and
// opening punctuation, or false if none comes within lookAhead bytes.
func nextLetter(s string) (rune, bool) {
	for _, r := range s[:min(len(s), lookAhead)] {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r, true
		}
	}
	return 0, false
}

// wordBefore returns the word that ends at the end of s, with the inner
// periods of dotted abbreviations ("U.S", "i.e", "J.-C") kept.
func wordBefore(s string) string {
	end := len(s)
	start := end
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) ||
			(r == '.' || r == '-') && start < end {
			start -= size
			continue
		}
		break
	}
	return strings.TrimLeft(s[start:end], ".-")
}

// isListNumber reports whether s, the text of a line before a period, is
// only a list number ("1", "  12", "• 3").
func isListNumber(s string) bool {
	if len(s) > 16 {
		return false
	}
	s = strings.TrimSpace(s)
	s = strings.TrimLeftFunc(s, func(r rune) bool { return isBulletRune(r) || unicode.IsSpace(r) })
	if s == "" || len(s) > 3 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// isInitialOrAcronym reports whether w is an initial, a single letter that
// is not lower case ("M", "A", "و"), or a dotted acronym whose parts are
// single letters ("U.S", "a.m", "و.م.ع", "J.-C").
func isInitialOrAcronym(w string) bool {
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '.' || r == '-' })
	for _, part := range parts {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(part)
		if !unicode.IsLetter(r) || len(parts) == 1 && unicode.IsLower(r) {
			return false
		}
	}
	return len(parts) > 0
}

// titleAbbrevs never end a sentence: a name follows them.
var titleAbbrevs = langWordSet(
	"mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "prof", "mr", "mrs", "ms", "st", "ste",
	"mgr", "gen", "gén", "col", "lt", "capt", "sgt", "rep", "sen", "hon", "gov", "vs", "av",
	"bd", "blvd", "ave", "dept", "univ",
)

// generalAbbrevs end a sentence only before a capital or an Arabic letter,
// so "etc. Le ministre" ends and "art. 5", "No. 12", "Jan. 5" do not.
var generalAbbrevs = langWordSet(
	"etc", "al", "ibid", "hab", "min", "max", "ex", "éd", "ed", "eds", "no", "nos", "nº", "n",
	"art", "arts", "p", "pp", "vol", "ch", "chap", "fig", "réf", "ref", "cf", "env", "approx",
	"ca", "me", "inc", "ltd", "co", "corp", "jr", "sr", "jan", "janv", "feb", "fév", "févr",
	"apr", "avr", "jul", "juil", "aug", "sep", "sept", "oct", "nov", "dec", "déc",
)

// appendTrimmed appends the span text[start:end] trimmed of white space,
// unless nothing is left.
func appendTrimmed(spans []Span, start, end int, text string) []Span {
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	if start == end {
		return spans
	}
	return append(spans, Span{Start: start, End: end})
}
