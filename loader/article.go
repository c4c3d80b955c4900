package loader

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Article is one article read from a source and cleaned, ready for
// recognition.
type Article struct {
	// ID is the article's identity: its URL when known, else "sha256:" and
	// the hex of the first 16 bytes of the SHA-256 of the raw content (the
	// file's bytes, or a .jsonl line's text or html field), so that a
	// renamed file is not a new article.
	ID string
	// Source is where the article came from: a file path as given,
	// "path:LINE" for a line of a .jsonl file, "-" for standard input.
	Source string
	// Name is the base name of the file ("000_x.txt"); for a .jsonl line,
	// the last segment of its url, or "file.jsonl:LINE".
	Name  string
	URL   string
	Title string // the page's or record's title, or the text's title line; may be ""
	// Lang is "ar", "fr" or "en": given by a .jsonl record, else detected.
	Lang string
	// Published is the publication date "YYYY-MM-DD" from the page's
	// metadata, the record's date, or a dateline of the text; "" when
	// unknown.
	Published string
	// Text is the cleaned article text: the kept lines verbatim, with LF
	// line endings, paragraphs separated by "\n\n" or "\n" as in the
	// source, so that what is quoted from a text article is a substring of
	// it. For an HTML page it is the title line and readability's
	// rendering of the article (white space collapsed, a blank line between
	// paragraphs), cleaned the same way.
	Text string
	// Paragraphs are the byte spans of the non-blank lines of Text,
	// trimmed of surrounding space, each with its language.
	Paragraphs []Span
	// Sentences are the byte spans of the sentences of Text, in order,
	// trimmed of surrounding space, covering all non-space text; each has
	// the language of its paragraph.
	Sentences []Span
	// Dates are the dates found in Text, in order.
	Dates []Date
}

// Span is a byte range [Start, End) of Article.Text.
type Span struct {
	Start, End int
	Lang       string // "ar", "fr", "en", or "" where not computed
}

// Date is a date found in text.
type Date struct {
	Start, End int // byte range in the text it was found in
	// Value is YYYY-MM-DD, YYYY-MM or YYYY, as precise as the text allows;
	// never "".
	Value string
	// Until is the end of a range, as precise as Value ("يومي 12 و13
	// أكتوبر 2021" gives Value 2021-10-12 and Until 2021-10-13; "entre
	// janvier et août 2024" gives 2024-01 and 2024-08), else "".
	Until string
	// Relative reports whether the date depends on the publication date: a
	// weekday, "yesterday", or a day and month whose year was taken from it.
	Relative bool
}

// articleDraft is an article as a reader found it, before cleaning.
type articleDraft struct {
	source, name string
	url, title   string
	lang         string // "" to detect
	published    string // from metadata, "" if none
	text         string // plain text, or HTML already rendered to text
	raw          []byte // the content hashed for the ID
	html         bool   // text comes from an HTML page
}

// minHTMLArticleWords is the fewest words, besides the title, that make an
// article of an HTML page: below it the page is navigation, a form or an
// error page, and reading it fails with ErrNoArticle.
const minHTMLArticleWords = 12

// buildArticle cleans d's text and computes everything an Article holds. It
// returns an error wrapping ErrEmpty if no text is left, or ErrNoArticle if
// too little is left of an HTML page.
func buildArticle(d articleDraft) (*Article, error) {
	body, published := Clean(d.text)
	if d.html && !moreWordsThan(body, minHTMLArticleWords-1+len(strings.Fields(d.title))) {
		return nil, problemf(ErrNoArticle, "no article in HTML: only %d words of text", len(strings.Fields(body)))
	}
	if strings.TrimSpace(body) == "" {
		if strings.TrimSpace(d.text) == "" {
			return nil, problemf(ErrEmpty, "only white space")
		}
		return nil, problemf(ErrEmpty, "no text after cleaning")
	}
	paras, scores := paragraphScores(body)
	lang := d.lang
	if lang == "" {
		var total langScore
		for _, s := range scores {
			total = total.add(s)
		}
		if lang, _ = total.lang(); lang == "" {
			return nil, problemf(ErrEmpty, "no words after cleaning")
		}
	}
	if d.published != "" {
		published = d.published
	}
	a := &Article{
		ID:        d.url,
		Source:    d.source,
		Name:      d.name,
		URL:       d.url,
		Title:     d.title,
		Lang:      lang,
		Published: published,
		Text:      body,
	}
	if a.ID == "" {
		sum := sha256.Sum256(d.raw)
		a.ID = "sha256:" + hex.EncodeToString(sum[:16])
	}
	if a.Title == "" {
		a.Title = titleOfText(body)
	}
	a.Paragraphs = paragraphLangs(paras, scores, lang)
	a.Sentences = Sentences(body)
	p := 0
	for i, s := range a.Sentences {
		for p < len(a.Paragraphs)-1 && a.Paragraphs[p].End <= s.Start {
			p++
		}
		a.Sentences[i].Lang = a.Paragraphs[p].Lang
	}
	a.Dates = FindDates(body, lang, published)
	return a, nil
}

// paragraphScores returns the trimmed spans of the non-blank lines of
// text and the language score of each.
func paragraphScores(text string) ([]Span, []langScore) {
	var spans []Span
	var scores []langScore
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		n := len(spans)
		spans = appendTrimmed(spans, start, end, text)
		if len(spans) > n {
			scores = append(scores, scoreLang(text[spans[n].Start:spans[n].End]))
		}
		start = end + 1
	}
	return spans, scores
}

// paragraphLangs sets the language of each paragraph from its score. A
// paragraph whose language is unclear (no letters, or Latin letters with
// no French or English evidence) in a French or English article takes the
// article's language lang.
func paragraphLangs(spans []Span, scores []langScore, lang string) []Span {
	for i := range spans {
		l, sure := scores[i].lang()
		if l == "" || !sure && l != "ar" && lang != "ar" {
			l = lang
		}
		spans[i].Lang = l
	}
	return spans
}

// paragraphSpans returns the paragraphs of text with their languages, in
// an article of language lang.
func paragraphSpans(text, lang string) []Span {
	spans, scores := paragraphScores(text)
	return paragraphLangs(spans, scores, lang)
}

// maxTitleWords bounds a title line: longer first lines are paragraphs.
const maxTitleWords = 30

// titleOfText returns the first line of a cleaned text when it reads as a
// title: followed by more text, at most maxTitleWords words, and not
// ending with a period as paragraphs do.
func titleOfText(body string) string {
	first, rest, ok := strings.Cut(body, "\n")
	first = strings.TrimSpace(first)
	if !ok || strings.TrimSpace(rest) == "" || first == "" {
		return ""
	}
	if len(strings.Fields(first)) > maxTitleWords {
		return ""
	}
	trimmed := strings.TrimRight(first, "\"'”’»)")
	if strings.HasSuffix(trimmed, ".") && !strings.HasSuffix(trimmed, "..") {
		return ""
	}
	return first
}
