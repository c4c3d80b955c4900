package corpus

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/loader/eval"
)

// article assembles the text of one article and its gold, sentence by
// sentence, so that every mention and every relation is recorded with the
// sentence that holds it.
type article struct {
	lang  string
	date  string // publication date, YYYY-MM-DD
	paras [][]string

	ents  []*goldEntity
	byID  map[string]*goldEntity
	named map[string]string // entity id -> the short form used after its first mention
	rels  []pendingRel
	said  map[string]bool // filler sentences and quotes used, so as not to repeat them
}

type goldEntity struct {
	eval.Entity
	seen map[string]bool
}

type pendingRel struct {
	rel   eval.Relation
	subj  bool // the subject is an entity
	obj   bool // the object is an entity
	maybe bool // drop it if an end is not named in the article
}

func newArticle(lang, date string) *article {
	return &article{lang: lang, date: date, byID: map[string]*goldEntity{}, named: map[string]string{}, said: map[string]bool{}}
}

// sentence is a sentence under construction: the mentions and relations it
// holds are committed with its text.
type sentence struct {
	a        *article
	mentions []pendingMention
	rels     []pendingRel
}

type pendingMention struct {
	e       *ent
	surface string
}

func (a *article) sentence() *sentence { return &sentence{a: a} }

// name returns how the sentence names e (without an article or
// preposition) and records the mention: the full name the first time,
// with its acronym in parentheses where the language has one, and the
// acronym afterwards.
func (s *sentence) name(e *ent) string {
	if short, ok := s.a.named[e.ID]; ok {
		s.mention(e, short)
		return short
	}
	full := e.names[s.a.lang][0]
	s.mention(e, full)
	short := full
	if s.a.lang != "ar" {
		if acr := e.acronymFor(full); acr != "" {
			s.mention(e, acr)
			full += " (" + acr + ")"
			short = acr
		}
	}
	s.a.named[e.ID] = short
	return full
}

// fullName returns e's first name in the language, recording the mention,
// whatever was used before.
func (s *sentence) fullName(e *ent) string {
	full := e.names[s.a.lang][0]
	s.mention(e, full)
	if _, ok := s.a.named[e.ID]; !ok {
		s.a.named[e.ID] = full
	}
	return full
}

// mention records that the sentence names e as surface.
func (s *sentence) mention(e *ent, surface string) {
	s.mentions = append(s.mentions, pendingMention{e, surface})
}

// fr returns e named with a French preposition and article: fr("de", e) is
// "de la Commission ...", "du Conseil ...", "de l'OIM"; fr("", e) gives the
// article alone.
func (s *sentence) fr(prep string, e *ent) string {
	n := s.name(e)
	if n == e.names["fr"][0] || strings.Contains(n, " (") {
		return frWith(prep, n)
	}
	return frWithArticle(prep, frArticleOfShort(e.names["fr"][0], n), n)
}

// en returns e named with "the" where English puts one.
func (s *sentence) en(e *ent) string { return enThe(s.name(e)) }

// rel records that the sentence states subject predicate object. Subjects
// and objects are entities, except the literal objects of held_on,
// holds_role and year.
func (s *sentence) rel(subject *ent, predicate string, object *ent) {
	s.rels = append(s.rels, pendingRel{rel: eval.Relation{Subject: subject.ID, Predicate: predicate, Object: object.ID}, subj: true, obj: true})
}

// relMaybe is rel for a relation that holds only if the article names its
// object somewhere, as a minister's membership of a ministry that the
// French title "ministre de la Justice" does not name.
func (s *sentence) relMaybe(subject *ent, predicate string, object *ent) {
	s.rels = append(s.rels, pendingRel{rel: eval.Relation{Subject: subject.ID, Predicate: predicate, Object: object.ID}, subj: true, obj: true, maybe: true})
}

func (s *sentence) literal(subject *ent, predicate, value string) {
	s.rels = append(s.rels, pendingRel{rel: eval.Relation{Subject: subject.ID, Predicate: predicate, Object: value}, subj: true})
}

// add commits the sentence with its text to the current paragraph.
func (a *article) add(s *sentence, text string) {
	text = capitalize(text)
	a.commit(s, text)
	if len(a.paras) == 0 {
		a.paras = append(a.paras, nil)
	}
	last := len(a.paras) - 1
	a.paras[last] = append(a.paras[last], text)
}

// line commits the sentence as a paragraph of its own (a title, a dateline
// line).
func (a *article) line(s *sentence, text string) {
	a.commit(s, text)
	a.paras = append(a.paras, []string{text}, nil)
}

// para starts a new paragraph.
func (a *article) para() {
	if n := len(a.paras); n == 0 || len(a.paras[n-1]) > 0 {
		a.paras = append(a.paras, nil)
	}
}

func (a *article) commit(s *sentence, text string) {
	for _, m := range s.mentions {
		if !strings.Contains(text, m.surface) {
			// A name that opens a sentence or a clause was capitalized.
			if up := capitalize(m.surface); strings.Contains(text, up) {
				m.surface = up
			} else {
				panic(fmt.Sprintf("corpus: mention %q is not in %q", m.surface, text)) // a template bug
			}
		}
		ge := a.byID[m.e.ID]
		if ge == nil {
			ge = &goldEntity{Entity: eval.Entity{ID: m.e.ID, Type: m.e.Type, Name: m.e.Name}, seen: map[string]bool{}}
			a.byID[m.e.ID] = ge
			a.ents = append(a.ents, ge)
		}
		if !ge.seen[m.surface] {
			ge.seen[m.surface] = true
			ge.Mentions = append(ge.Mentions, m.surface)
		}
	}
	for _, r := range s.rels {
		r.rel.Evidence = text
		a.rels = append(a.rels, r)
	}
}

// nested is a name that the gold lists wherever the text holds it, even
// inside another name: a law, plan or campaign named in full inside a
// longer title (testdata/eval/README.md, decision 4), and Morocco.
type nested struct {
	e    *ent
	name string
}

// addNested records a mention of each of names that the text holds and
// the article has not recorded yet. In Arabic a name may follow one of the
// letters that attach to the next word (و ف ب ل ك); the mention is the name
// without it.
func (a *article) addNested(text string, names []nested) {
	for _, n := range names {
		if ge := a.byID[n.e.ID]; ge != nil && ge.seen[n.name] {
			continue
		}
		if holdsName(text, n.name, a.lang == "ar") {
			s := a.sentence()
			s.mention(n.e, n.name)
			a.commit(s, text)
		}
	}
}

// holdsName reports whether text holds name as whole words.
func holdsName(text, name string, clitics bool) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], name)
		if k < 0 {
			return false
		}
		k += i
		end := k + len(name)
		r, _ := utf8.DecodeRuneInString(text[end:])
		after := end == len(text) || !unicode.IsLetter(r) && !unicode.IsDigit(r)
		p, n := utf8.DecodeLastRuneInString(text[:k])
		before := k == 0 || !unicode.IsLetter(p) && !unicode.IsDigit(p)
		if !before && clitics && strings.ContainsRune("وفبلك", p) {
			pp, _ := utf8.DecodeLastRuneInString(text[:k-n])
			before = k-n == 0 || !unicode.IsLetter(pp)
		}
		if before && after {
			return true
		}
		i = k + 1
	}
}

// gold returns the article's text and gold document. Relations whose
// entity ends are not named in the article are dropped if they were
// recorded with relMaybe, and are a bug otherwise.
func (a *article) gold() (string, eval.Document) {
	var paras []string
	for _, p := range a.paras {
		if len(p) > 0 {
			paras = append(paras, strings.Join(p, " "))
		}
	}
	text := strings.Join(paras, "\n\n") + "\n"
	doc := eval.Document{Lang: a.lang, Date: a.date, Entities: []eval.Entity{}, Relations: []eval.Relation{}}
	for _, e := range a.ents {
		doc.Entities = append(doc.Entities, e.Entity)
	}
	seen := map[[3]string]bool{}
	for _, r := range a.rels {
		if (r.subj && a.byID[r.rel.Subject] == nil) || (r.obj && a.byID[r.rel.Object] == nil) {
			if r.maybe {
				continue
			}
			panic(fmt.Sprintf("corpus: relation %v has an end the article does not name", r.rel)) // a template bug
		}
		k := [3]string{r.rel.Subject, r.rel.Predicate, r.rel.Object}
		if seen[k] {
			continue
		}
		seen[k] = true
		doc.Relations = append(doc.Relations, r.rel)
	}
	return text, doc
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		return string(unicode.ToUpper(r)) + s[n:]
	}
	return s
}
