package loader

import (
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// peoplePass finds people the lexicon does not know by where news writing
// puts their names: next to a verb of speech ("said Marco Rinaldi", "X a
// souligné"), before an apposition that gives their office ("Hanane El
// Ouazzani, a prosecutor with ..."), after an office given in apposition
// ("La coordinatrice du programme ... à l'OIM Maroc, Sofia Moretti"); then
// their surname used alone later ("Sekkouri said").
func (d *doc) peoplePass() {
	tk := d.tk
	n := len(tk.tokens)
	for _, h := range d.findCues(0, n) {
		if !h.has("speak") || tk.tokens[h.start].arabic {
			continue
		}
		// "said Marco Rinaldi" and "Marco Rinaldi said".
		if h.end < n && !tk.tokens[h.end].hard {
			d.latinPersonAt(h.end, "pattern:speaker")
		}
		if start := d.latinNameEndingAt(h.start); start >= 0 {
			d.latinPersonAt(start, "pattern:speaker")
		}
	}
	for i := 0; i < n; i++ {
		if d.cover[i] || tk.tokens[i].arabic {
			continue
		}
		end := d.latinNameEnd(i)
		if end < 0 || end >= n || !tk.tokens[end].comma {
			continue
		}
		// "Name Surname, a prosecutor with ...", "Name, ministre de ...".
		next := tk.tokens[end].text
		if h, ok := d.patternAt(end); next == "a" || next == "an" || next == "the" || ok && (h.has("office") || h.has("minister")) {
			if p := d.latinPersonAt(i, "pattern:apposition"); p != nil {
				d.attachOffice(p, end, d.clauseEnd(end))
				i = p.end - 1
			}
		}
	}
	// "La coordinatrice du programme ... à l'OIM Maroc, Sofia Moretti": an
	// office word, then within the clause an organization, then a comma and
	// a name.
	for i := 0; i < n; i++ {
		h, ok := d.patternAt(i)
		if !ok || !(h.has("office") || h.has("minister")) {
			continue
		}
		for j := h.end; j < n && j-h.end < 15; j++ {
			if !tk.tokens[j].hard {
				continue
			}
			if tk.tokens[j].comma && !d.cover[j] && d.orgIn(i, j) != nil {
				var p *mention
				if tk.tokens[j].arabic {
					p = d.personAt(j, "pattern:apposition")
				} else {
					p = d.latinPersonAt(j, "pattern:apposition")
				}
				if p != nil {
					d.attachOffice(p, i, j)
				}
			}
			break
		}
	}
	// "أبرزت صوفيا موريتي": a name right after an Arabic verb of speech.
	for _, h := range d.findCues(0, n) {
		if h.has("speak") && tk.tokens[h.start].arabic && h.end < n && !tk.tokens[h.end].hard && !d.cover[h.end] {
			first := tk.tokens[h.end].text
			if !strings.HasPrefix(first, "ال") && !hasCliticArticle(first) && !strings.HasSuffix(first, "ها") && !strings.HasSuffix(first, "هم") {
				d.personAt(h.end, "pattern:speaker")
			}
		}
	}
	d.surnamePass()
	d.appositionPass()
}

// orgIn returns the first organization named in tokens [i, j).
func (d *doc) orgIn(i, j int) *mention {
	for _, m := range d.ments {
		if m.start >= i && m.end <= j && m.typ == graph.Organization {
			return m
		}
	}
	return nil
}

// appositionPass reads what follows a person's name between commas:
// "Karima Benchekroun, membre de la CNCLT,", "Hanane El Ouazzani, de la
// Présidence du Ministère public,", "Marco Rinaldi, Criminal Justice
// Expert at UNODC,", "صوفيا موريتي، منسقة برنامج ... بالمنظمة الدولية".
func (d *doc) appositionPass() {
	tk := d.tk
	n := len(tk.tokens)
	for _, p := range append([]*mention(nil), d.ments...) {
		if p.typ != graph.Person || p.end >= n || !tk.tokens[p.end].comma {
			continue
		}
		end := d.clauseEnd(p.end)
		org := d.orgIn(p.end, end)
		if org == nil {
			continue
		}
		if held := d.officeOf(p); held != nil {
			// "La magistrate Hanane El Ouazzani, de la Présidence du
			// Ministère public,": the apposition names the office's body.
			if held.orgMent == nil {
				held.orgMent, held.roleOrg = org, org.id
			}
			continue
		}
		h, isOffice := d.patternAt(p.end)
		isOffice = isOffice && (h.has("office") || h.has("minister"))
		first := tk.tokens[p.end].text
		// "Marco Rinaldi, Criminal Justice Expert at UNODC,": a short
		// apposition that ends with the body.
		endsWithOrg := org.end == end && end-p.end <= 8
		if !isOffice && !articleWord[first] && !connector[first] && !endsWithOrg {
			continue
		}
		off := &mention{start: p.end, end: p.end, sent: p.sent, office: true, holder: p, orgMent: org, roleOrg: org.id,
			rule: "pattern:apposition", conf: confHeuristic}
		switch {
		case d.art.Lang == "en" && !tk.tokens[p.end].arabic:
			off.role = englishRole(d.art.Text, d.tk, p.end, org)
		case isOffice:
			c, _ := h.get("office")
			if c.value != "" && org.start-h.end <= 2 {
				off.role = c.value + " of " + orgPhrase(org)
			}
		}
		d.ments = append(d.ments, off)
	}
}

// articleWord lists articles that open an English or French apposition.
var articleWord = wordSet("a an the un une le la")

// officeOf returns the office p holds in the text, if any.
func (d *doc) officeOf(p *mention) *mention {
	for _, m := range d.ments {
		if m.office && m.holder == p {
			return m
		}
	}
	return nil
}

// englishRole renders an English apposition as a role literal: "Criminal
// Justice Expert at UNODC" -> "criminal justice expert at unodc", "a
// prosecutor with the Presidency ..." -> "prosecutor".
func englishRole(text string, tk *tokenized, i int, org *mention) string {
	var words []string
	for k := i; k < org.start; k++ {
		w := tk.tokens[k].text
		if k == i && articleWord[w] {
			continue
		}
		if w == "with" || w == "of" || w == "from" || w == "for" {
			return strings.Join(words, " ")
		}
		words = append(words, w)
	}
	if len(words) > 0 && words[len(words)-1] == "at" {
		s, e := tk.span(org.start, org.end)
		return strings.Join(words, " ") + " " + strings.ToLower(text[s:e])
	}
	return strings.Join(words, " ")
}

// clauseEnd returns the first token after i that follows a hard separator,
// or i+12: the end of an apposition.
func (d *doc) clauseEnd(i int) int {
	for j := i + 1; j < len(d.tk.tokens) && j < i+12; j++ {
		if d.tk.tokens[j].hard {
			return j
		}
	}
	return min(i+12, len(d.tk.tokens))
}

// attachOffice ties a person to the organization named in the office
// phrase in tokens [i, j): the person is a member of it.
func (d *doc) attachOffice(p *mention, i, j int) {
	for _, m := range d.ments {
		if m.start >= i && m.end <= j && m.typ == graph.Organization {
			off := &mention{start: i, end: i, sent: p.sent, office: true, holder: p, orgMent: m, roleOrg: m.id,
				rule: "pattern:apposition", conf: confHeuristic}
			d.ments = append(d.ments, off)
			return
		}
	}
}

// latinNameEnd returns where a run of two to five capitalized words that
// starts at token i ends, or -1.
func (d *doc) latinNameEnd(i int) int {
	tk := d.tk
	n := len(tk.tokens)
	j := i
	for j < n && j-i < 5 {
		t := tk.tokens[j]
		if (j > i && t.hard) || d.cover[j] || t.arabic || notName[t.text] {
			break
		}
		src := tk.tokenSource(j)
		upper := startsUpper(src)
		if j == i && !upper {
			return -1 // the common case: a lower-case word starts no name
		}
		if h, ok := d.patternAt(j); ok && !h.has("honorific") {
			break
		}
		if upper && !isAcronym(src) {
			j++
			continue
		}
		if j > i && namePartícle[t.text] && j+1 < n && startsUpper(tk.tokenSource(j+1)) {
			j++
			continue
		}
		break
	}
	if j-i < 2 {
		return -1
	}
	return j
}

// latinNameEndingAt returns where a name that ends right before token i
// starts, or -1.
func (d *doc) latinNameEndingAt(i int) int {
	for start := max(0, i-5); start <= i-2; start++ {
		if d.latinNameEnd(start) == i && (start == 0 || d.tk.tokens[start].hard || !startsUpper(d.tk.tokenSource(start-1))) {
			return start
		}
	}
	return -1
}

// latinPersonAt records the person whose name starts at token i.
func (d *doc) latinPersonAt(i int, rule string) *mention {
	end := d.latinNameEnd(i)
	if end < 0 {
		return nil
	}
	m := d.newMention(i, end, 0, graph.Person, rule, confHeuristic)
	m.id, m.name = d.x.person(m.text)
	d.ments = append(d.ments, m)
	d.coverRange(i, end)
	return m
}

// notName lists capitalized words that start sentences, not names.
var notName = wordSet(`la le les l un une des cette ce ces pour selon dans en au aux par sur avec lors the a an this these in on for according at by with as its his her their our mr mrs ms m mme dr
	monsieur madame morocco maroc`)

// surnamePass finds a person's surname used alone after their full name.
func (d *doc) surnamePass() {
	tk := d.tk
	surnames := map[string]*mention{}
	for _, m := range d.ments {
		if m.typ == graph.Person && m.end-m.start >= 2 && m.id != "" {
			last := tk.tokens[m.end-1].text
			if o := surnames[last]; o != nil && o.id != m.id {
				surnames[last] = nil // two people share it
				continue
			}
			surnames[last] = m
		}
	}
	for i := range tk.tokens {
		if d.cover[i] {
			continue
		}
		p := surnames[tk.tokens[i].text]
		if p == nil || p.start > i || (!tk.tokens[i].arabic && !startsUpper(tk.tokenSource(i))) {
			continue
		}
		if i+1 < len(tk.tokens) && !tk.tokens[i+1].hard && !tk.tokens[i].arabic && startsUpper(tk.tokenSource(i+1)) {
			continue // part of a longer name
		}
		m := d.newMention(i, i+1, 0, graph.Person, "pattern:surname", confHeuristic)
		m.id, m.name = p.id, p.name
		d.ments = append(d.ments, m)
		d.cover[i] = true
	}
}
