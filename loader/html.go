package loader

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/actorgraph/actorgraph/internal/fold"
)

// parseHTML reads a saved HTML page.
func parseHTML(name string, data []byte) (*Article, error) {
	page, err := readHTML(data, "")
	if err != nil {
		return nil, err
	}
	return buildArticle(articleDraft{
		source:    name,
		name:      filepath.Base(name),
		title:     page.title,
		published: page.published,
		text:      page.text,
		raw:       data,
		html:      true,
	})
}

// htmlPage is what readHTML takes from a page.
type htmlPage struct {
	title     string
	text      string // the title line, a blank line, and the article's text
	published string // "YYYY-MM-DD" from the page's metadata, or ""
}

// readHTML extracts the article of an HTML page with go-readability (the
// Readability.js algorithm): the title, the text of the main content with
// its paragraphs, and the published time of the page's metadata (meta
// article:published_time, JSON-LD datePublished …). Navigation, menus,
// sidebars, share buttons, comments, forms, footers, scripts and styles
// are left out by readability; what boilerplate remains inside the
// article's container (a headline ticker) is for Clean, and a page with
// too little text left is not an article (see buildArticle).
//
// pageURL, if not "", is the page's address.
func readHTML(data []byte, pageURL string) (page htmlPage, err error) {
	switch {
	case len(data) == 0:
		return htmlPage{}, problemf(ErrEmpty, "file is empty")
	case len(bytes.TrimSpace(data)) == 0:
		return htmlPage{}, problemf(ErrEmpty, "only white space")
	}
	if err := checkBinary(data); err != nil {
		return htmlPage{}, err
	}
	data, err = htmlUTF8(data)
	if err != nil {
		return htmlPage{}, err
	}
	var base *url.URL
	if pageURL != "" {
		base, _ = url.Parse(pageURL) // a bad URL only loses absolute links
	}
	art, err := readabilityParse(data, base)
	if errors.Is(err, ErrTooLarge) {
		return htmlPage{}, err
	}
	if err != nil {
		return htmlPage{}, problemf(ErrNoArticle, "no article in HTML: %v", err)
	}
	if art.Node == nil {
		return htmlPage{}, problemf(ErrNoArticle, "no article in HTML")
	}
	var b strings.Builder
	if err := art.RenderText(&b); err != nil {
		return htmlPage{}, problemf(ErrNoArticle, "no article in HTML: %v", err)
	}
	page.title = strings.Join(strings.Fields(art.Title()), " ")
	page.text = b.String()
	if page.title != "" && !startsWithLine(page.text, page.title) {
		page.text = page.title + "\n\n" + page.text
	}
	if t, err := art.PublishedTime(); err == nil && t.Year() >= minYear && t.Year() <= maxYear {
		page.published = t.Format(time.DateOnly)
	}
	return page, nil
}

// readabilityParse runs readability, turning a panic of the library on a
// hostile page into an error. The page is parsed here rather than by
// readability.FromReader, which guesses the character set of the whole page
// with chardet (most of its time) although the page is UTF-8 by now.
func readabilityParse(data []byte, base *url.URL) (art readability.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("readability panicked: %v", r)
		}
	}()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return readability.Article{}, err
	}
	if n := countElements(doc, maxHTMLElements); n > maxHTMLElements {
		return readability.Article{}, problemf(ErrTooLarge, "page has more than %d elements", maxHTMLElements)
	}
	p := readability.NewParser()
	return p.ParseAndMutate(doc, base)
}

// maxHTMLElements bounds the elements of a page: readability's scoring
// grows faster than the page, and a news page has a few thousand.
const maxHTMLElements = 100_000

// countElements returns the number of element nodes under n, counting no
// further than limit+1.
func countElements(n *html.Node, limit int) int {
	count := 0
	for stack := []*html.Node{n}; len(stack) > 0 && count <= limit; {
		n, stack = stack[len(stack)-1], stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			count++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	return count
}

// htmlUTF8 returns data as UTF-8. A page that is not valid UTF-8 is
// decoded from the character set it declares (windows-1256, ISO-8859-6 …);
// with no declaration it fails with ErrInvalidUTF8.
func htmlUTF8(data []byte) ([]byte, error) {
	if utf8.Valid(data) {
		return data, nil
	}
	head := bytes.ToLower(data[:min(len(data), 1024)])
	if !bytes.Contains(head, []byte("charset")) {
		return nil, problemf(ErrInvalidUTF8, "invalid UTF-8 at byte %d and no charset declared", invalidUTF8At(data))
	}
	enc, name, _ := charset.DetermineEncoding(data, "text/html")
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) {
		return nil, problemf(ErrInvalidUTF8, "cannot decode the page from %s", name)
	}
	return out, nil
}

// startsWithLine reports whether the first non-blank line of text is line,
// after folding.
func startsWithLine(text, line string) bool {
	for l := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(l) != "" {
			return fold.Key(l) == fold.Key(line)
		}
	}
	return false
}
