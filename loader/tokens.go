package loader

import (
	"unicode"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/internal/fold"
)

// token is a word of a text in folded form: a run of letters and digits.
type token struct {
	text       string // folded
	start, end int    // byte span in the folded text
	// hard reports whether punctuation that ends a phrase (, . ; : ( ) ...)
	// separates this token from the previous one: a name never spans it.
	hard bool
	// comma reports whether that punctuation is a lone comma, which a name
	// listed with commas in the lexicon may span ("Ministry of Economic
	// Inclusion, Small Business, Employment and Skills").
	comma bool
	// arabic reports whether the token is in Arabic script.
	arabic bool
}

// tokenized is a text with its folded form and tokens.
type tokenized struct {
	src    string
	folded fold.Text
	tokens []token
	vocab  *vocabulary
	ids    []int32    // per token, its word's id in vocab, or -1
	forms  [][]clitic // per token, its clitic forms, computed on first use
}

// formsOf returns the forms of token i with Arabic clitics peeled off,
// the unpeeled form first.
func (t *tokenized) formsOf(i int) []clitic {
	if !t.tokens[i].arabic {
		return []clitic{{t.tokens[i].text, 0, t.ids[i]}}
	}
	if t.forms == nil {
		t.forms = make([][]clitic, len(t.tokens))
	}
	if t.forms[i] == nil {
		forms := cliticForms(t.tokens[i].text)
		for k := range forms {
			forms[k].id = -1
			if t.vocab != nil {
				forms[k].id = t.vocab.id(forms[k].form)
			}
		}
		t.forms[i] = forms
	}
	return t.forms[i]
}

// tokenize splits src into folded words, numbered by vocab (which may be
// nil when only the words are wanted).
func tokenize(src string, vocab *vocabulary) *tokenized {
	f := fold.Fold(src)
	t := &tokenized{src: src, folded: f, vocab: vocab}
	s := f.Folded
	t.tokens = make([]token, 0, len(s)/8+1) // about one word per 10 folded bytes in French and Arabic
	hard, seps := true, 0
	comma := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			j := i + size
			arabic := unicode.Is(unicode.Arabic, r)
			for j < len(s) {
				r2, size2 := utf8.DecodeRuneInString(s[j:])
				if !isWordRune(r2) {
					// Keep numbers such as 27.14, 2.18.123 and 2023-2030 whole.
					if isDigit(s[j-1]) && j+1 < len(s) && isDigit(s[j+1]) && (r2 == '.' || r2 == '-' || r2 == '/') {
						j += size2
						continue
					}
					break
				}
				j += size2
			}
			t.tokens = append(t.tokens, token{text: s[i:j], start: i, end: j, hard: hard, comma: hard && comma && seps == 1, arabic: arabic})
			hard, seps, comma = false, 0, false
			i = j
			continue
		}
		if !isSoftSeparator(r) {
			hard = true
			seps++
			comma = r == ','
		}
		i += size
	}
	t.ids = make([]int32, len(t.tokens))
	for k, tok := range t.tokens {
		t.ids[k] = -1
		if vocab != nil {
			t.ids[k] = vocab.id(tok.text)
		}
	}
	return t
}

func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case r >= 0x0621 && r <= 0x064A: // Arabic letters
		return r != 0x0640
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isSoftSeparator reports whether r may sit inside a name: space, quotes,
// apostrophes and hyphens ("l'Enfant", “القلب الأزرق”, Lopez-Ekra).
func isSoftSeparator(r rune) bool {
	switch r {
	case ' ', '\t', '\'', '"', '-', '_', '/':
		return true
	}
	return false
}

// span returns the source byte span of tokens [i, j).
func (t *tokenized) span(i, j int) (int, int) {
	s, e, _ := t.folded.Source(t.tokens[i].start, t.tokens[j-1].end)
	return s, e
}

// sourceText returns the source text of tokens [i, j).
func (t *tokenized) sourceText(i, j int) string {
	s, e := t.span(i, j)
	return t.src[s:e]
}

// tokenSource returns the source text of token i.
func (t *tokenized) tokenSource(i int) string {
	return t.sourceText(i, i+1)
}

// breakBetween reports whether a hard separator or a line break lies
// between tokens i-1 and i.
func (t *tokenized) breakBetween(i int) bool {
	return i <= 0 || i >= len(t.tokens) || t.tokens[i].hard
}

// commaKey stands in a name's keys for a comma the name spans.
const commaKey = ","

// tokenKeys returns the folded tokens of a name, as the matcher stores it,
// with commaKey where the name has a comma between two words.
func tokenKeys(name string) []string {
	t := tokenize(name, nil)
	keys := make([]string, 0, len(t.tokens))
	for i, tok := range t.tokens {
		if i > 0 && tok.comma {
			keys = append(keys, commaKey)
		}
		keys = append(keys, tok.text)
	}
	return keys
}

// cliticForms returns the forms of an Arabic token with its attached
// particles peeled off — conjunctions و ف, prepositions ب ل ك, and ل before
// the article (للجنة = ل + اللجنة) — each with the number of folded bytes
// peeled, the unpeeled form first.
func cliticForms(tok string) []clitic {
	forms := []clitic{{tok, 0, -1}}
	peel := func(s string, n int) {
		if utf8.RuneCountInString(s) >= 2 {
			forms = append(forms, clitic{s, n, -1})
		}
	}
	const waw, fa, ba, lam, kaf = "و", "ف", "ب", "ل", "ك"
	rest, n := tok, 0
	for _, c := range []string{waw, fa} {
		if len(rest) > len(c) && rest[:len(c)] == c {
			rest, n = rest[len(c):], len(c)
			peel(rest, n)
			break
		}
	}
	if len(rest) > 2*len(lam) && rest[:2*len(lam)] == lam+lam {
		// After ل the article loses its alef: للأمم = ل + الأمم, and when
		// the word itself starts with ل the two merge: للجنة = ل + اللجنة.
		forms = append(forms,
			clitic{"ا" + rest[len(lam):], n + 2*len(lam), -1},
			clitic{"ال" + rest[len(lam):], n + len(lam), -1})
		return forms
	}
	for _, c := range []string{ba, lam, kaf} {
		if len(rest) > len(c) && rest[:len(c)] == c {
			peel(rest[len(c):], n+len(c))
			break
		}
	}
	return forms
}

// clitic is a form of a token and how many leading folded bytes it drops.
type clitic struct {
	form   string
	peeled int
	id     int32 // the form's id in the vocabulary, or -1
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }
