package loader

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed data/*.tsv
var dataFS embed.FS

// cue is a phrase of data/cues.tsv or data/patterns.tsv.
type cue struct {
	kind  string // "partner", "event", "org", ...
	value string // the third column, if any
	text  string // the phrase as listed
}

// phraseBook matches the cue phrases of one or more tables.
type phraseBook struct {
	trie  trie
	cues  []cue
	kinds map[string]bool
}

// loadPhrases reads "kind<TAB>phrase[<TAB>value]" lines from the embedded
// file name.
func loadPhrases(name string, vocab *vocabulary) (*phraseBook, error) {
	data, err := dataFS.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	b := &phraseBook{kinds: map[string]bool{}}
	b.trie.vocab = vocab
	b.trie.skip = map[int32]bool{}
	for w := range phraseAdverbs {
		b.trie.skip[vocab.intern(w)] = true
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 || cols[0] == "" || strings.TrimSpace(cols[1]) == "" {
			return nil, fmt.Errorf("%s:%d: want kind<TAB>phrase, got %q", name, n, line)
		}
		c := cue{kind: cols[0], text: strings.TrimSpace(cols[1])}
		if len(cols) > 2 {
			c.value = strings.TrimSpace(cols[2])
		}
		keys := tokenKeys(c.text)
		if len(keys) == 0 {
			return nil, fmt.Errorf("%s:%d: phrase %q has no words", name, n, c.text)
		}
		b.trie.add(keys, len(b.cues))
		for _, v := range arabicVariants(c.kind, keys) {
			b.trie.add(v, len(b.cues))
		}
		for _, v := range frenchVariants(keys) {
			b.trie.add(v, len(b.cues))
		}
		b.cues = append(b.cues, c)
		b.kinds[c.kind] = true
	}
	return b, nil
}

// phraseAdverbs may stand inside a cue phrase: "ont également pris part",
// "has also funded", "قد نظمت".
var phraseAdverbs = wordSet("également aussi notamment déjà ainsi also already jointly officially officiellement كذلك أيضا قد")

// cueHit is a cue phrase found in a text.
type cueHit struct {
	start, end int // tokens
	peeled     int
	cues       []cue
}

// has reports whether the hit carries a cue of the kind.
func (h cueHit) has(kind string) bool {
	_, ok := h.get(kind)
	return ok
}

func (h cueHit) get(kind string) (cue, bool) {
	for _, c := range h.cues {
		if c.kind == kind {
			return c, true
		}
	}
	return cue{}, false
}

// find returns the cue phrases found in tokens [from, to), leftmost-longest.
func (b *phraseBook) find(tk *tokenized, from, to int) []cueHit {
	var hits []cueHit
	for _, m := range b.trie.findAll(tk, from, to) {
		h := cueHit{start: m.start, end: m.end, peeled: m.peeled}
		for _, v := range m.vals {
			h.cues = append(h.cues, b.cues[v])
		}
		hits = append(hits, h)
	}
	return hits
}

// at returns the longest phrase starting at token i.
func (b *phraseBook) at(tk *tokenized, i, limit int) (cueHit, bool) {
	m, ok := b.trie.longestAt(tk, i, limit)
	if !ok {
		return cueHit{}, false
	}
	h := cueHit{start: m.start, end: m.end, peeled: m.peeled}
	for _, v := range m.vals {
		h.cues = append(h.cues, b.cues[v])
	}
	return h, true
}

// arabicVariants returns the other forms of an Arabic phrase that a table
// need not list: an event noun with the article ("دورة" -> "الدورة"), a
// verb with an object pronoun ("تنظم" -> "تنظمها", "ترأس" -> "ترأسه").
func arabicVariants(kind string, keys []string) [][]string {
	first := keys[0]
	r, _ := utf8.DecodeRuneInString(first)
	if !unicode.Is(unicode.Arabic, r) {
		return nil
	}
	var out [][]string
	with := func(w string) []string {
		v := append([]string{w}, keys[1:]...)
		return v
	}
	switch kind {
	case "event", "subevent", "plan", "report", "campaign", "office":
		if !strings.HasPrefix(first, "ال") {
			out = append(out, with("ال"+first))
		}
	case "organize", "chair", "joined", "speak", "fund", "adopt", "publish":
		if len(keys) == 1 {
			for _, suffix := range []string{"ها", "ه", "هما", "هم"} {
				out = append(out, with(first+suffix))
			}
		}
	}
	return out
}

// frenchVariants returns the forms a French phrase ending in "de" takes
// before an article: "sous la présidence de" also as "... du", "... des",
// "... de la", "... de l'".
func frenchVariants(keys []string) [][]string {
	if len(keys) < 2 || keys[len(keys)-1] != "de" {
		return nil
	}
	stem := keys[:len(keys)-1]
	var out [][]string
	for _, tail := range [][]string{{"du"}, {"des"}, {"de", "la"}, {"de", "l"}, {"d"}} {
		out = append(out, append(append([]string(nil), stem...), tail...))
	}
	return out
}

// cueAt returns the longest cue phrase that starts at token i, memoized
// per article.
func (d *doc) cueAt(i int) (cueHit, bool) {
	return d.memoAt(d.x.cues, d.cueMemo, i)
}

// patternAt returns the longest pattern phrase that starts at token i,
// memoized per article.
func (d *doc) patternAt(i int) (cueHit, bool) {
	return d.memoAt(d.x.patterns, d.patMemo, i)
}

// phraseMemo remembers, per token, the longest phrase that starts there.
type phraseMemo struct {
	idx  []int32 // 0 not looked up, -1 none, else 1 + index in hits
	hits []cueHit
}

func newPhraseMemo(n int) *phraseMemo {
	return &phraseMemo{idx: make([]int32, n)}
}

func (d *doc) memoAt(b *phraseBook, m *phraseMemo, i int) (cueHit, bool) {
	if i < 0 || i >= len(m.idx) {
		return cueHit{}, false
	}
	if m.idx[i] == 0 {
		h, ok := b.at(d.tk, i, len(d.tk.tokens))
		if !ok {
			m.idx[i] = -1
		} else {
			m.hits = append(m.hits, h)
			m.idx[i] = int32(len(m.hits))
		}
	}
	if m.idx[i] < 0 {
		return cueHit{}, false
	}
	return m.hits[m.idx[i]-1], true
}

// findCues returns the cue phrases in tokens [from, to): the longest at
// each word, leaving out those inside a longer one found before. Cues may
// overlap: "held under the chairmanship of" holds "held under" and "under
// the chairmanship of".
func (d *doc) findCues(from, to int) []cueHit {
	var hits []cueHit
	last := -1
	for i := max(0, from); i < to; i++ {
		if h, ok := d.cueAt(i); ok && h.end <= to && h.end > last {
			hits = append(hits, h)
			last = h.end
		}
	}
	return hits
}
