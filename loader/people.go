package loader

import (
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
	for _, h := range d.x.cues.find(tk, 0, n) {
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
		if h, ok := d.x.patterns.at(tk, end, n); next == "a" || next == "an" || next == "the" || ok && (h.has("office") || h.has("minister")) {
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
		h, ok := d.x.patterns.at(tk, i, n)
		if !ok || !(h.has("office") || h.has("minister")) || tk.tokens[i].arabic {
			continue
		}
		for j := h.end; j < n && j-h.end < 15; j++ {
			if tk.tokens[j].hard {
				if tk.tokens[j].comma && !d.cover[j] {
					if p := d.latinPersonAt(j, "pattern:apposition"); p != nil {
						d.attachOffice(p, i, j)
					}
				}
				break
			}
		}
	}
	d.surnamePass()
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
		if h, ok := d.x.patterns.at(tk, j, n); ok && !h.has("honorific") {
			break
		}
		src := tk.tokenSource(j)
		if startsUpper(src) && !isAcronym(src) {
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
	m.name, m.id = m.text, personID(m.text)
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
