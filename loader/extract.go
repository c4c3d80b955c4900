package loader

import (
	"context"
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/loader/lexicon"
	"github.com/actorgraph/actorgraph/loader/translit"
)

// Extractor finds the entities an article names and the relations it
// states. It is built once from a lexicon and is safe for concurrent use:
// Extract keeps its state per call.
type Extractor struct {
	lex   *lexicon.Lexicon
	vocab *vocabulary // the words of every dictionary below

	names    trie      // lexicon names, folded
	payloads []payload // what each name of names stands for
	acronyms map[string][]int

	portfolios trie // ministries' portfolios ("العدل", "la Justice"), payload = index in payloads

	cues     *phraseBook // data/cues.tsv
	patterns *phraseBook // data/patterns.tsv

	lawByNumber map[string]string        // canonical law number "27.14" -> lexicon id
	ministerOf  map[string]lexicon.Entry // ministry id -> the Role of its minister
	reportOf    map[string]lexicon.Entry // organization id -> the Report it publishes
	laws        []lexicon.Entry          // the lexicon's laws
	aliasesOf   map[string][]string      // entry id -> all its names and acronyms

	conventionByNumber map[string]string        // "189" -> the lexicon's convention No. 189
	personByKey        map[string]lexicon.Entry // transliteration key of a name -> the lexicon's person
	countries          map[string]bool          // lexicon ids of places that are states
}

// payload is what a lexicon name stands for.
type payload struct {
	entry lexicon.Entry
	// minister is set for a ministry's portfolio: the role of its minister.
	minister string
}

// NewExtractor builds an extractor over the lexicon.
func NewExtractor(lex *lexicon.Lexicon) (*Extractor, error) {
	x := &Extractor{lex: lex, acronyms: map[string][]int{}, lawByNumber: map[string]string{},
		ministerOf: map[string]lexicon.Entry{}, reportOf: map[string]lexicon.Entry{}, aliasesOf: map[string][]string{},
		conventionByNumber: map[string]string{}, personByKey: map[string]lexicon.Entry{}}
	x.vocab = newVocabulary()
	x.names.vocab, x.portfolios.vocab = x.vocab, x.vocab
	var err error
	if x.cues, err = loadPhrases("data/cues.tsv", x.vocab); err != nil {
		return nil, fmt.Errorf("new extractor: %w", err)
	}
	if x.patterns, err = loadPhrases("data/patterns.tsv", x.vocab); err != nil {
		return nil, fmt.Errorf("new extractor: %w", err)
	}
	x.countries = map[string]bool{}
	roleOf := map[string]lexicon.Entry{} // org id -> its Role entry, for ministers
	entries := lex.Entries()
	for _, e := range entries {
		if e.Type == "Role" && e.Org != "" {
			if _, ok := roleOf[e.Org]; !ok {
				roleOf[e.Org] = e
			}
			if _, ok := x.ministerOf[e.Org]; !ok && strings.HasPrefix(e.Role, "minister") {
				x.ministerOf[e.Org] = e
			}
		}
		if e.Type == string(graph.Report) && e.Parent != "" {
			x.reportOf[e.Parent] = e
		}
		if e.Type == string(graph.Person) {
			for _, names := range e.Names {
				for _, n := range names {
					if k := translit.Key(n); k != "" {
						x.personByKey[k] = e
					}
				}
			}
		}
		if e.Type == string(graph.Place) && e.Kind == lexicon.PlaceCountry {
			x.countries[e.ID] = true
		}
		if e.Type == string(graph.Law) {
			x.laws = append(x.laws, e)
			if m := conventionInName.FindStringSubmatch(e.Name); m != nil {
				x.conventionByNumber[m[1]] = e.ID
			}
		}
		aliases := append([]string{e.Name}, e.Acronyms...)
		for _, lang := range []string{"ar", "fr", "en"} {
			aliases = append(aliases, e.Names[lang]...)
		}
		x.aliasesOf[e.ID] = aliases
	}
	for _, e := range entries {
		p := len(x.payloads)
		x.payloads = append(x.payloads, payload{entry: e})
		for _, names := range e.Names {
			for _, n := range names {
				x.names.add(tokenKeys(n), p)
			}
		}
		x.names.add(tokenKeys(e.Name), p)
		for _, a := range e.Acronyms {
			x.acronyms[a] = append(x.acronyms[a], p)
		}
		if e.Type == string(graph.Law) {
			for _, names := range e.Names {
				for _, n := range names {
					if num := lawNumberIn(n); num != "" {
						x.lawByNumber[num] = e.ID
					}
				}
			}
		}
		if e.Type == string(graph.Organization) {
			x.addPortfolios(e, roleOf[e.ID])
		}
	}
	return x, nil
}

// conventionInName finds a convention's number in its canonical name:
// "Domestic Workers Convention, 2011 (No. 189)".
var conventionInName = regexp.MustCompile(`Convention.*\(No\. (\d{1,3})\)`)

// addPortfolios indexes a ministry's portfolio — its name without the word
// "ministry" — so that "وزير العدل" or "ministre de la Justice" name its
// minister and the ministry.
func (x *Extractor) addPortfolios(e lexicon.Entry, role lexicon.Entry) {
	var portfolios []string
	for _, names := range e.Names {
		for _, n := range names {
			if p := portfolioOf(n); p != "" {
				portfolios = append(portfolios, p)
			}
		}
	}
	if len(portfolios) == 0 {
		return
	}
	pl := payload{entry: e, minister: role.Role}
	if pl.minister == "" {
		pl.minister = "minister of " + strings.ToLower(portfolioOf(e.Name))
	}
	p := len(x.payloads)
	x.payloads = append(x.payloads, pl)
	for _, pf := range portfolios {
		x.portfolios.add(tokenKeys(pf), p)
	}
}

// portfolioOf returns a ministry name without its head word: "وزارة العدل"
// -> "العدل", "Ministère de la Justice" -> "Justice", "Ministry of Justice"
// -> "Justice". It returns "" for other names.
func portfolioOf(name string) string {
	heads := []string{"وزارة ", "Ministère de la ", "Ministère de l'", "Ministère de l’", "Ministère des ", "Ministère du ", "Ministère de ",
		"Ministry of the ", "Ministry of ", "ministère de la ", "ministère de l'", "ministère des ", "ministère du ", "ministère de "}
	for _, h := range heads {
		if strings.HasPrefix(name, h) && len(name) > len(h) {
			return strings.TrimSpace(name[len(h):])
		}
	}
	return ""
}

// Extract returns what one article says, with ids that are resolved within
// the article only. Use ExtractAll to resolve ids across articles.
func (x *Extractor) Extract(a *Article) *graph.Article {
	return x.ExtractAll([]*Article{a})[0]
}

// ExtractAll extracts every article and resolves ids across them: the same
// event reported by several articles becomes one entity, and an office
// named without its holder is linked to the person who held it then. It
// reads the articles on every CPU the process may use.
func (x *Extractor) ExtractAll(arts []*Article) []*graph.Article {
	out, _ := x.ExtractAllContext(context.Background(), arts)
	return out
}

// ExtractAllContext is ExtractAll, stopped when ctx is done: it then
// returns ctx's error and nothing else.
func (x *Extractor) ExtractAllContext(ctx context.Context, arts []*Article) ([]*graph.Article, error) {
	docs := make([]*doc, len(arts))
	var (
		next atomic.Int64
		wg   sync.WaitGroup
	)
	for range min(runtime.GOMAXPROCS(0), len(arts)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(arts) && ctx.Err() == nil; i = int(next.Add(1) - 1) {
				docs[i] = x.read(arts[i])
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	resolveEvents(docs)
	x.resolveHolders(docs)
	out := make([]*graph.Article, len(docs))
	for i, d := range docs {
		out[i] = d.result()
	}
	return out, nil
}

// doc is an article under extraction.
type doc struct {
	x      *Extractor
	art    *Article
	tk     *tokenized
	sentOf []int // token index -> sentence index
	sents  []Span
	ments  []*mention
	cover  []bool     // token index -> inside a name already found
	cues   [][]cueHit // per sentence: relation cues
	main   *mention   // the article's main event, if any
	rels   []relation // relations found
	date   string     // the main event's date, if known
	place  graph.ID   // the main event's place, if known
	extra  map[graph.ID]string
	people map[string]*mention // role literal -> person mention, for resolution

	cueMemo, patMemo *phraseMemo  // longest cue and pattern phrase per token
	reportSents      map[int]bool // sentences that say "the report"

	cluster     graph.ID // the id of the main event, once resolved
	clusterDate string   // the main event's date, from any report of it
}

// relation is a relation under extraction, between mentions or to a
// literal.
type relation struct {
	subj, obj *mention
	pred      graph.Predicate
	literal   string
	sent      int
	rule      string
	conf      float64
}

// mention is a span of the article that names something.
type mention struct {
	start, end int // tokens
	peeled     int // folded bytes of clitics peeled off the first token
	text       string
	sent       int
	typ        graph.Type // "" for an office named without its holder
	id         graph.ID
	name       string // canonical name
	rule       string
	conf       float64
	hidden     bool // an anaphor: it serves relations but is not a name

	// Offices.
	office  bool     // the mention names an office, with or without its holder
	role    string   // the role literal: "minister of justice", or "" when unknown
	roleID  string   // the lexicon Role entry, if any
	roleOrg graph.ID // the organization the office belongs to
	orgMent *mention // the organization's mention inside the title
	holder  *mention // the person the office is held by
	behalf  bool     // named after "on behalf of": not present

	// Laws, plans and reports.
	year    string
	lawKind string // "law", "decree" or "dahir"

	// Events.
	event  string // "main", "sub" or "anaphor"
	launch bool   // the event launches the plan or campaign named after it
	alias  *mention
	drop   bool
}

func (m *mention) isEntity() bool { return m.typ != "" && !m.drop && m.id != "" }

func (x *Extractor) read(a *Article) *doc {
	d := &doc{x: x, art: a, tk: tokenize(a.Text, x.vocab), sents: a.Sentences, extra: map[graph.ID]string{}, people: map[string]*mention{}}
	if len(d.sents) == 0 {
		d.sents = Sentences(a.Text)
	}
	d.sentOf = make([]int, len(d.tk.tokens))
	s := 0
	for i := range d.tk.tokens {
		start, _ := d.tk.span(i, i+1)
		for s+1 < len(d.sents) && start >= d.sents[s].End {
			s++
		}
		d.sentOf[i] = s
		if i > 0 && d.sentOf[i-1] != s {
			d.tk.tokens[i].hard = true
		}
	}
	d.cover = make([]bool, len(d.tk.tokens))
	d.cueMemo, d.patMemo = newPhraseMemo(len(d.tk.tokens)), newPhraseMemo(len(d.tk.tokens))
	d.findMentions()
	d.findRelations()
	return d
}

// sentenceText returns the text of sentence s as written.
func (d *doc) sentenceText(s int) string {
	if s < 0 || s >= len(d.sents) {
		return ""
	}
	return strings.TrimSpace(d.art.Text[d.sents[s].Start:d.sents[s].End])
}

// newMention makes a mention of tokens [i, j).
func (d *doc) newMention(i, j, peeled int, typ graph.Type, rule string, conf float64) *mention {
	m := &mention{start: i, end: j, peeled: peeled, typ: typ, rule: rule, conf: conf, sent: d.sentOf[i]}
	s, e := d.tk.span(i, j)
	if peeled > 0 {
		if ps, _, ok := d.tk.folded.Source(d.tk.tokens[i].start+peeled, d.tk.tokens[i].end); ok {
			s = ps
		}
	}
	m.text = d.art.Text[s:e]
	return m
}

func (d *doc) coverRange(i, j int) {
	for k := i; k < j && k < len(d.cover); k++ {
		d.cover[k] = true
	}
}

// result turns the mentions and relations into the article's facts.
func (d *doc) result() *graph.Article {
	a := d.art
	out := &graph.Article{ID: a.ID, Name: a.Name, Source: a.Source, URL: a.URL, Title: a.Title,
		Lang: a.Lang, Published: a.Published, Entities: []graph.Entity{}, Relations: []graph.Relation{}}
	index := map[graph.ID]int{}
	for _, m := range d.ments {
		if !m.isEntity() {
			continue
		}
		i, ok := index[m.id]
		if !ok {
			i = len(out.Entities)
			index[m.id] = i
			out.Entities = append(out.Entities, graph.Entity{ID: m.id, Type: m.typ, Name: visibleName(m.name), Lang: a.Lang,
				Aliases: d.x.aliases(m.id)})
		}
		e := &out.Entities[i]
		if e.Name == "" {
			e.Name = visibleName(m.name)
		}
		if text := visibleName(m.text); !m.hidden && !contains(e.Mentions, text) && text != "" {
			e.Mentions = append(e.Mentions, text)
		}
	}
	seen := map[[3]string]bool{}
	for _, r := range d.rels {
		if r.subj == nil || !r.subj.isEntity() {
			continue
		}
		obj := r.literal
		if !r.pred.Literal() {
			if r.obj == nil || !r.obj.isEntity() || r.obj.id == r.subj.id {
				continue
			}
			obj = string(r.obj.id)
		}
		if obj == "" {
			continue
		}
		k := [3]string{string(r.subj.id), string(r.pred), obj}
		if seen[k] {
			continue
		}
		seen[k] = true
		out.Relations = append(out.Relations, graph.Relation{Subject: r.subj.id, Predicate: r.pred, Object: obj,
			Evidence: d.sentenceText(r.sent), Rule: r.rule, Confidence: r.conf})
	}
	return out
}

// visibleName returns name trimmed of space and without the bidi controls
// (marks, embeddings, overrides, isolates) that mixed Arabic and Latin text
// carries: the name as stored and shown. Matching already ignores them
// (fold.Fold), so a name wrapped in controls is found; this keeps them out
// of the labels, where they would make one name print as several.
func visibleName(name string) string {
	if strings.IndexFunc(name, isBidiControl) >= 0 {
		name = strings.Map(func(r rune) rune {
			if isBidiControl(r) {
				return -1
			}
			return r
		}, name)
	}
	return strings.TrimSpace(name)
}

// isBidiControl reports whether r is a bidi control character
// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
func isBidiControl(r rune) bool { return unicode.Is(unicode.Bidi_Control, r) }

// aliases returns the lexicon's names and acronyms of entity id.
func (x *Extractor) aliases(id graph.ID) []string {
	return x.aliasesOf[string(id)]
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
