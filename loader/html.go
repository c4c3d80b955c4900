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
	"golang.org/x/net/html/atom"
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
	if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrTooDeep) {
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
	if err := checkTagDepth(data); err != nil {
		return readability.Article{}, err
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return readability.Article{}, err
	}
	n, depth := countElements(doc, maxHTMLElements)
	switch {
	case n > maxHTMLElements:
		return readability.Article{}, problemf(ErrTooLarge, "page has more than %d elements", maxHTMLElements)
	case depth > maxHTMLDepth:
		return readability.Article{}, problemf(ErrTooDeep, "page nests elements more than %d deep", maxHTMLDepth)
	}
	removeElements(doc, unreadElements)
	p := readability.NewParser()
	return p.ParseAndMutate(doc, base)
}

// unreadElements are removed before readability sees a page: <template>,
// whose content a browser never shows, and the obsolete <xmp> and
// <plaintext>, which show markup as text, so that a page could pass
// "<script>" into an article's text with them. Readability keeps all three.
var unreadElements = map[atom.Atom]bool{atom.Template: true, atom.Xmp: true, atom.Plaintext: true}

// removeElements removes the elements of the kinds in set from the tree
// under n. Its recursion is as deep as the tree, which is bounded by
// maxHTMLDepth.
func removeElements(n *html.Node, set map[atom.Atom]bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && set[c.DataAtom] {
			n.RemoveChild(c)
		} else {
			removeElements(c, set)
		}
		c = next
	}
}

// Limits of a page, which make the time to read it bounded.
const (
	// maxHTMLElements bounds the elements of a page: readability's scoring
	// grows faster than the page, and a news page has a few thousand.
	maxHTMLElements = 100_000
	// maxHTMLDepth bounds how deeply a page nests elements. The HTML parser
	// looks through the open elements at many tags, and readability walks
	// up the ancestors of each node, so both take time in proportion to
	// depth times size: 10,000 nested <div>s take seconds to parse and
	// 100,000 take hours. A news page nests a few dozen deep; browsers stop
	// nesting at 512 (Blink's kMaximumHTMLParserDOMTreeDepth).
	maxHTMLDepth = 512
	// endTagSearch is how far down the open tags checkTagDepth looks for
	// the start of an end tag, which keeps it linear; an end tag whose
	// start is deeper closes nothing, which can only overestimate depth.
	endTagSearch = 32
)

// voidElements have no end tag and hold nothing
// (https://html.spec.whatwg.org/multipage/syntax.html#void-elements).
var voidElements = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Source: true, atom.Track: true, atom.Wbr: true,
	// Obsolete void elements that parsers still treat so.
	atom.Basefont: true, atom.Bgsound: true, atom.Frame: true, atom.Keygen: true, atom.Param: true,
}

// impliedEndElements are closed by the next of their kind or by their
// parent's end (<p>, <li>, <td> …), so that pages often leave out their
// end tags; they do not count as nesting in checkTagDepth
// (https://html.spec.whatwg.org/multipage/syntax.html#optional-tags).
var impliedEndElements = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Option: true,
	atom.Optgroup: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Thead: true,
	atom.Tbody: true, atom.Tfoot: true, atom.Colgroup: true, atom.Caption: true,
	atom.Rb: true, atom.Rt: true, atom.Rtc: true, atom.Rp: true,
}

// checkTagDepth returns an ErrTooDeep problem if the tags of data, read
// with the tokenizer in linear time before the page is parsed, nest
// deeper than maxHTMLDepth. It counts as the parser would, except that it
// does not close elements implicitly (but for those whose end tags are
// optional), so that it may overestimate the depth of a sloppy page but
// not underestimate that of a page built to be deep; countElements checks
// the parsed tree.
func checkTagDepth(data []byte) error {
	z := html.NewTokenizer(bytes.NewReader(data))
	var (
		open    []atom.Atom // the open tags, outermost first; 0 for unknown tags
		foreign int         // how many of them are <svg> or <math>
		offset  int         // of the token in data
	)
	for {
		tt := z.Next()
		raw := len(z.Raw())
		switch tt {
		case html.ErrorToken:
			return nil // the end, or what the parser will report
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			// In SVG and MathML "<g/>" closes itself; in HTML the slash is
			// ignored and "<div/>" opens a div.
			selfClosing := tt == html.SelfClosingTagToken && (foreign > 0 || a == atom.Svg || a == atom.Math)
			if voidElements[a] || impliedEndElements[a] || selfClosing {
				break
			}
			if a == atom.Svg || a == atom.Math {
				foreign++
			}
			open = append(open, a)
			if len(open) > maxHTMLDepth {
				return problemf(ErrTooDeep, "page nests elements more than %d deep, at %s", maxHTMLDepth, position(data, offset))
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			for i := len(open) - 1; i >= 0 && i >= len(open)-endTagSearch; i-- {
				if open[i] == a {
					for _, o := range open[i:] {
						if o == atom.Svg || o == atom.Math {
							foreign--
						}
					}
					open = open[:i]
					break
				}
			}
		}
		offset += raw
	}
}

// countElements returns the number of element nodes under n, counting no
// further than limit+1, and how deeply they nest.
func countElements(n *html.Node, limit int) (count, depth int) {
	type item struct {
		n     *html.Node
		depth int
	}
	for stack := []item{{n, 0}}; len(stack) > 0 && count <= limit; {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		d := it.depth
		if it.n.Type == html.ElementNode {
			count++
			d++
			depth = max(depth, d)
		}
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, item{c, d})
		}
	}
	return count, depth
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
		return nil, problemf(ErrInvalidUTF8, "invalid UTF-8 at %s and no charset declared", position(data, invalidUTF8At(data)))
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
