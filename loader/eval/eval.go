// Package eval scores an extraction against hand-checked gold files, with
// the rules of shared/spec/extraction.md: entities match on type and
// overlapping mentions, relations on predicate and matched ends, and
// cross-document resolution is scored over pairs of occurrences. It gives
// the same figures as shared/eval/score.py.
package eval

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Document is one article's extraction, or its gold answer.
type Document struct {
	Document  string     `json:"document"`
	Lang      string     `json:"lang"`
	Date      string     `json:"date"`
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
}

// Entity is an entity of a Document.
type Entity struct {
	ID       string   `json:"id"`
	Type     string   `json:"type"`
	Name     string   `json:"name"`
	Mentions []string `json:"mentions"`
}

// Relation is a relation of a Document.
type Relation struct {
	Subject   string `json:"subject"`
	Predicate string `json:"predicate"`
	Object    string `json:"object"`
	Evidence  string `json:"evidence,omitempty"`
}

// PRF is precision, recall and F1 with their counts.
type PRF struct {
	P  float64 `json:"p"`
	R  float64 `json:"r"`
	F1 float64 `json:"f1"`
	TP int     `json:"tp"`
	FP int     `json:"fp"`
	FN int     `json:"fn"`
}

// Score is the result of scoring.
type Score struct {
	Entities    PRF            `json:"entities"`
	Relations   PRF            `json:"relations"`
	Coref       PRF            `json:"coref"`
	ByType      map[string]PRF `json:"by_type"`
	ByPredicate map[string]PRF `json:"by_predicate"`
	// Missing lists gold documents with no prediction.
	Missing []string `json:"missing,omitempty"`
}

var literalPredicates = map[string]bool{"held_on": true, "holds_role": true, "year": true}

func newPRF(tp, fp, fn int) PRF {
	if tp+fp+fn == 0 {
		return PRF{P: 1, R: 1, F1: 1}
	}
	var p, r, f float64
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{P: round4(p), R: round4(r), F1: round4(f), TP: tp, FP: fp, FN: fn}
}

func round4(x float64) float64 { return math.Round(x*10000) / 10000 }

// Key returns the document key a file name pairs on: its base name without
// a .txt, .html, .htm or .json ending.
func Key(name string) string {
	base := strings.ReplaceAll(strings.TrimSpace(name), "\\", "/")
	if i := strings.LastIndex(base, "/"); i >= 0 {
		base = base[i+1:]
	}
	for _, ext := range []string{".txt", ".html", ".htm", ".json"} {
		if strings.HasSuffix(base, ext) {
			return strings.TrimSuffix(base, ext)
		}
	}
	return base
}

// Norm folds s as score.py's norm does: NFKC, Arabic folding, digits,
// case, accents, white space, surrounding punctuation.
func Norm(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 0x064B && r < 0x0660, r == 0x0670, r == 0x0640:
			continue
		case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
			r = 'ا'
		case r == 'ى':
			r = 'ي'
		case r == 'ة':
			r = 'ه'
		case r == 0x066B:
			r = '.'
		case r == 0x066C:
			r = ','
		case r == 0x2212:
			r = '-'
		case r == 0x2018 || r == 0x2019:
			r = '\''
		case r >= 0x2010 && r < 0x2016:
			r = '-'
		case r >= 0x0660 && r <= 0x0669:
			r = '0' + r - 0x0660
		case r >= 0x06F0 && r <= 0x06F9:
			r = '0' + r - 0x06F0
		}
		b.WriteRune(r)
	}
	s = caseFold(b.String())
	b.Reset()
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	s = strings.Join(strings.Fields(norm.NFC.String(b.String())), " ")
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.In(r, unicode.Z) })
}

// caseFold approximates Python's str.casefold.
func caseFold(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'ß':
			b.WriteString("ss")
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func latinAlnum(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// contains reports whether small occurs in big with no Latin letter or
// digit continuing a word at either edge.
func contains(big, small string) bool {
	if small == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(small)
	last, _ := utf8.DecodeLastRuneInString(small)
	for i := 0; ; {
		k := strings.Index(big[i:], small)
		if k < 0 {
			return false
		}
		k += i
		j := k + len(small)
		before, _ := utf8.DecodeLastRuneInString(big[:k])
		after, _ := utf8.DecodeRuneInString(big[j:])
		okStart := k == 0 || !(latinAlnum(before) && latinAlnum(first))
		okEnd := j >= len(big) || !(latinAlnum(after) && latinAlnum(last))
		if okStart && okEnd {
			return true
		}
		_, size := utf8.DecodeRuneInString(big[k:])
		i = k + size
	}
}

func overlaps(a, b string) bool {
	if a == b {
		return true
	}
	if utf8.RuneCountInString(a) > utf8.RuneCountInString(b) {
		return contains(a, b)
	}
	return contains(b, a)
}

type entity struct {
	id, typ, nname string
	keys           []string
}

type doc struct {
	entities []entity
	ids      map[string]bool
	rels     []relKey
}

type side struct {
	entity bool
	key    string
}

type relKey struct {
	s    side
	p    string
	o    side
	orig Relation
}

func prepare(d Document) doc {
	out := doc{ids: map[string]bool{}}
	for _, e := range d.Entities {
		out.ids[e.ID] = true
		name := e.Name
		if name == "" {
			name = e.ID
		}
		seen := map[string]bool{}
		var keys []string
		for _, m := range e.Mentions {
			k := Norm(m)
			if utf8.RuneCountInString(k) >= 2 && !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
		if len(keys) == 0 {
			if k := Norm(e.Name); utf8.RuneCountInString(k) >= 2 {
				keys = []string{k}
			}
		}
		out.entities = append(out.entities, entity{id: e.ID, typ: e.Type, nname: Norm(name), keys: keys})
	}
	seen := map[[3]string]bool{}
	for _, r := range d.Relations {
		sEnt := out.ids[r.Subject]
		oEnt := !literalPredicates[r.Predicate] && out.ids[r.Object]
		s := side{sEnt, r.Subject}
		if !sEnt {
			s.key = Norm(r.Subject)
		}
		o := side{oEnt, r.Object}
		if !oEnt {
			o.key = Norm(r.Object)
		}
		k := [3]string{sideString(s), r.Predicate, sideString(o)}
		if seen[k] {
			continue
		}
		seen[k] = true
		out.rels = append(out.rels, relKey{s: s, p: r.Predicate, o: o, orig: r})
	}
	return out
}

func sideString(s side) string {
	if s.entity {
		return "E:" + s.key
	}
	return "L:" + s.key
}

// candidate is a possible gold-prediction pair, ordered by its sort key.
type candidate struct {
	key    []int
	gi, pi int
}

func greedy(cands []candidate) map[int]int {
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		for k := range a.key {
			if a.key[k] != b.key[k] {
				return a.key[k] < b.key[k]
			}
		}
		if a.gi != b.gi {
			return a.gi < b.gi
		}
		return a.pi < b.pi
	})
	g2p := map[int]int{}
	used := map[int]bool{}
	for _, c := range cands {
		if _, ok := g2p[c.gi]; !ok && !used[c.pi] {
			g2p[c.gi] = c.pi
			used[c.pi] = true
		}
	}
	return g2p
}

func matchEntities(gold, pred []entity) map[int]int {
	var cands []candidate
	for gi, g := range gold {
		for pi, p := range pred {
			if g.typ != p.typ {
				continue
			}
			pairs, exact := 0, 0
			for _, a := range g.keys {
				for _, b := range p.keys {
					if overlaps(a, b) {
						pairs++
						if a == b {
							exact++
						}
					}
				}
			}
			if pairs > 0 {
				diff := 0
				if g.nname != p.nname {
					diff = 1
				}
				cands = append(cands, candidate{key: []int{-pairs, -exact, diff}, gi: gi, pi: pi})
			}
		}
	}
	return greedy(cands)
}

func sideQuality(g, p side, p2g map[string]string, isDate bool) int {
	if g.entity != p.entity {
		return 0
	}
	if g.entity {
		if p2g[p.key] == g.key {
			return 2
		}
		return 0
	}
	if g.key == p.key {
		return 2
	}
	if isDate && strings.HasPrefix(p.key, g.key+"-") {
		return 1
	}
	return 0
}

func matchRelations(gold, pred []relKey, p2g map[string]string) map[int]int {
	var cands []candidate
	for gi, g := range gold {
		for pi, p := range pred {
			if g.p != p.p {
				continue
			}
			q := min(sideQuality(g.s, p.s, p2g, false), sideQuality(g.o, p.o, p2g, g.p == "held_on"))
			if q > 0 {
				cands = append(cands, candidate{key: []int{-q}, gi: gi, pi: pi})
			}
		}
	}
	return greedy(cands)
}

type occurrence struct{ doc, name, pid string }

func crossDocPairs(occ []occurrence, key func(occurrence) string) int {
	c2 := func(counts map[string]int) int {
		n := 0
		for _, v := range counts {
			n += v * (v - 1) / 2
		}
		return n
	}
	all, within := map[string]int{}, map[string]int{}
	for _, o := range occ {
		k := key(o)
		all[k]++
		within[o.doc+"\x00"+k]++
	}
	return c2(all) - c2(within)
}

type counts struct{ tp, fp, fn int }

// Evaluate scores the predicted documents against the gold ones. Documents
// pair on Key(Document).
func Evaluate(gold, pred []Document) Score {
	predBy := map[string]Document{}
	for _, p := range pred {
		predBy[Key(p.Document)] = p
	}
	goldBy := map[string]Document{}
	var keys []string
	for _, g := range gold {
		k := Key(g.Document)
		goldBy[k] = g
		keys = append(keys, k)
	}
	sort.Strings(keys)
	ent, rel := map[string]*counts{}, map[string]*counts{}
	get := func(m map[string]*counts, k string) *counts {
		if m[k] == nil {
			m[k] = &counts{}
		}
		return m[k]
	}
	var occ []occurrence
	var res Score
	for _, k := range keys {
		g := prepare(goldBy[k])
		pd, ok := predBy[k]
		if !ok {
			res.Missing = append(res.Missing, k)
		}
		p := prepare(pd)
		e2p := matchEntities(g.entities, p.entities)
		p2g := map[string]string{}
		used := map[int]bool{}
		for gi, pi := range e2p {
			p2g[p.entities[pi].id] = g.entities[gi].id
			used[pi] = true
			occ = append(occ, occurrence{k, g.entities[gi].nname, p.entities[pi].id})
		}
		for i, e := range g.entities {
			if _, ok := e2p[i]; ok {
				get(ent, e.typ).tp++
			} else {
				get(ent, e.typ).fn++
			}
		}
		for i, e := range p.entities {
			if !used[i] {
				get(ent, e.typ).fp++
			}
		}
		r2p := matchRelations(g.rels, p.rels, p2g)
		rused := map[int]bool{}
		for _, pi := range r2p {
			rused[pi] = true
		}
		for i, r := range g.rels {
			if _, ok := r2p[i]; ok {
				get(rel, r.p).tp++
			} else {
				get(rel, r.p).fn++
			}
		}
		for i, r := range p.rels {
			if !rused[i] {
				get(rel, r.p).fp++
			}
		}
	}
	both := crossDocPairs(occ, func(o occurrence) string { return o.name + "\x00" + o.pid })
	goldLinks := crossDocPairs(occ, func(o occurrence) string { return o.name })
	sysLinks := crossDocPairs(occ, func(o occurrence) string { return o.pid })
	total := func(m map[string]*counts) PRF {
		var c counts
		for _, v := range m {
			c.tp, c.fp, c.fn = c.tp+v.tp, c.fp+v.fp, c.fn+v.fn
		}
		return newPRF(c.tp, c.fp, c.fn)
	}
	res.Entities, res.Relations = total(ent), total(rel)
	res.Coref = newPRF(both, sysLinks-both, goldLinks-both)
	res.ByType, res.ByPredicate = map[string]PRF{}, map[string]PRF{}
	for k, c := range ent {
		res.ByType[k] = newPRF(c.tp, c.fp, c.fn)
	}
	for k, c := range rel {
		res.ByPredicate[k] = newPRF(c.tp, c.fp, c.fn)
	}
	return res
}
