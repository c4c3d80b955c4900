package loader

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/graph"
)

// listGap is how many words may stand between a cue and the first item of
// the list it governs ("بمناسبة تخليد اليوم العالمي", "مشاركة 20 طفل
// برلماني من برلمان الأطفال").
const listGap = 5

// listJoiners may stand between the items of a list.
var listJoiners = wordSet("و وكذا كذا كل من et ainsi que and as well l le la les de des du d the")

// findRelations finds the article's main event, then the relations its
// sentences state.
func (d *doc) findRelations() {
	d.chooseMainEvent()
	for _, m := range d.ments {
		d.officeFacts(m)
	}
	// officeFacts adds the organizations inside titles: keep d.ments in
	// text order, which the rules below rely on.
	sort.SliceStable(d.ments, func(i, j int) bool { return d.ments[i].start < d.ments[j].start })
	for _, m := range d.ments {
		d.nameFacts(m)
	}
	for s := range d.sents {
		for _, h := range d.cues[s] {
			d.cueFacts(s, h)
		}
	}
	d.eventFacts()
	d.reportFacts()
}

// add records a relation.
func (d *doc) add(subj *mention, p graph.Predicate, obj *mention, literal string, sent int, rule string, conf float64) {
	if subj == nil || (obj == nil && literal == "") {
		return
	}
	d.rels = append(d.rels, relation{subj: actor(subj), pred: p, obj: actor(obj), literal: literal, sent: sent, rule: rule, conf: conf})
}

// actor returns who a mention stands for: an office's holder when named,
// else the mention itself.
func actor(m *mention) *mention {
	if m != nil && m.office && m.holder != nil {
		return m.holder
	}
	return m
}

// chooseMainEvent picks the event the article reports: the first event
// phrase in a sentence that says who organized it or when or where it took
// place. Later phrases of the same kind and anaphors ("cet évènement")
// refer to it; screenings and signings inside it are events of their own.
func (d *doc) chooseMainEvent() {
	for _, m := range d.ments {
		if m.event != "main" {
			continue
		}
		if d.sentenceHas(m.sent, "organize") || d.sentenceHasDate(m.sent) || d.locatedPlace(m.sent) != nil {
			d.main = m
			break
		}
	}
	if d.main == nil {
		// An event named where the article says who chaired, funded or
		// joined it ("La cérémonie ... sous la présidence du ministre").
		for _, m := range d.ments {
			if m.event == "main" && (d.sentenceHas(m.sent, "chair") || d.sentenceHas(m.sent, "partner") || d.sentenceHas(m.sent, "fund") || d.sentenceHas(m.sent, "joined")) {
				d.main = m
				break
			}
		}
	}
	for _, m := range d.ments {
		if m.event == "" || m == d.main {
			continue
		}
		switch {
		case d.main == nil:
			m.drop = true
		case m.event == "main" || m.event == "anaphor":
			if m.start < d.main.start {
				m.drop = true
				continue
			}
			m.alias = d.main
		}
	}
}

func (d *doc) sentenceHas(s int, kind string) bool {
	for _, h := range d.cues[s] {
		if h.has(kind) {
			return true
		}
	}
	return false
}

// sentenceDates returns the dates found in sentence s.
func (d *doc) sentenceDates(s int) []Date {
	var out []Date
	if s < 0 || s >= len(d.sents) {
		return nil
	}
	for _, dt := range d.art.Dates {
		if dt.Start >= d.sents[s].Start && dt.End <= d.sents[s].End {
			out = append(out, dt)
		}
	}
	return out
}

func (d *doc) sentenceHasDate(s int) bool { return len(d.sentenceDates(s)) > 0 }

// locatedPlace returns the first place in sentence s that follows a
// locative preposition ("في الرباط", "بفيينا", "à Rabat", "in Rabat").
func (d *doc) locatedPlace(s int) *mention {
	for _, m := range d.ments {
		if m.sent != s || m.typ != graph.Place || m.drop {
			continue
		}
		if m.peeled > 0 && strings.HasPrefix(d.tk.tokens[m.start].text, "ب") {
			return m
		}
		if m.start > 0 && !d.tk.tokens[m.start].hard && locative[d.tk.tokens[m.start-1].text] {
			return m
		}
	}
	return nil
}

var locative = wordSet("في à a in at")

// officeFacts states what an office says of its holder.
func (d *doc) officeFacts(m *mention) {
	if !m.office {
		return
	}
	if m.role != "" {
		d.add(m, graph.HoldsRole, nil, m.role, m.sent, m.rule, m.conf)
	}
	if m.orgMent != nil {
		if !containsMention(d.ments, m.orgMent) {
			d.ments = append(d.ments, m.orgMent)
		}
		d.add(m, graph.MemberOf, m.orgMent, "", m.sent, m.rule, m.conf)
	}
}

func containsMention(ms []*mention, m *mention) bool {
	for _, x := range ms {
		if x == m {
			return true
		}
	}
	return false
}

// nameFacts states what a name says by itself: the year of a plan or law,
// the organization named inside a campaign or report's name or right after
// it ("la campagne Cœur bleu de l'ONU").
func (d *doc) nameFacts(m *mention) {
	if !m.isEntity() && m.alias == nil {
		return
	}
	switch m.typ {
	case graph.Law, graph.Plan, graph.Report:
		year := m.year
		if year == "" && m.typ == graph.Plan {
			year = d.spanInside(m)
		}
		if year == "" {
			year = d.yearAfter(m.end)
		}
		if year == "" && (m.typ == graph.Law || m.typ == graph.Plan && d.sentenceHas(m.sent, "adopt")) {
			year = d.yearNear(m)
		}
		if year != "" {
			d.add(m, graph.Year, nil, year, m.sent, m.rule, m.conf)
		}
	}
	if m.typ == graph.Law {
		d.lawFacts(m)
	}
	if m.typ == graph.Organization {
		// "the Council of Europe's Group of Experts": a body of a body.
		if owner := d.possessor(m); owner != nil && owner.typ == graph.Organization && owner.id != m.id {
			d.add(m, graph.MemberOf, owner, "", m.sent, "pattern:possessive", confPattern)
		}
	}
	if m.typ == graph.Campaign || m.typ == graph.Report || m.typ == graph.Event && m.event != "" {
		var org *mention
		for _, o := range d.ments {
			if o.typ == graph.Organization && o.start > m.start && o.end <= m.end {
				org = o
			}
		}
		if org == nil {
			org = d.orgAfter(m.end, 3)
		}
		if org == nil && m.typ == graph.Report {
			org = d.possessor(m)
		}
		if org != nil {
			if m.typ == graph.Report {
				d.add(org, graph.Published, m, "", m.sent, "pattern:report-of", confPattern)
			} else if m.typ == graph.Campaign {
				d.add(m, graph.OrganizedBy, org, "", m.sent, "pattern:campaign-of", confPattern)
			}
		}
	}
}

// lawFacts states which body a decree sets up: the organization named in
// its title, or the one the lexicon says it establishes when the article
// names it.
func (d *doc) lawFacts(m *mention) {
	e, known := d.x.lex.Lookup(string(m.id))
	for _, o := range d.ments {
		if !o.isEntity() {
			continue
		}
		inside := o.start >= m.start && o.end <= m.end
		switch {
		case o.typ == graph.Organization && (inside && m.lawKind == "decree" || known && e.Establishes == string(o.id)):
			d.add(m, graph.Establishes, o, "", m.sent, "pattern:decree-on", confPattern)
		}
	}
}

// possessor returns the organization that owns a name in English
// possessive form: "The US State Department's 2023 ... Report", "the
// Council of Europe's Group of Experts".
func (d *doc) possessor(m *mention) *mention {
	tk := d.tk
	k := m.start
	if k > 0 && !tk.tokens[k].hard && len(tk.tokens[k-1].text) == 4 && spanPattern.MatchString(tk.tokens[k-1].text) {
		k-- // the report's year
	}
	if k < 2 || tk.tokens[k].hard || tk.tokens[k-1].text != "s" || tk.tokens[k-1].hard {
		return nil
	}
	for _, o := range d.ments {
		if o.end == k-1 && o.typ == graph.Organization && !o.drop {
			return o
		}
	}
	return nil
}

// yearAfter reads "سنة 2016", "de 2018", "in 2016" right after token i.
func (d *doc) yearAfter(i int) string {
	tk := d.tk
	n := len(tk.tokens)
	k := i
	for k < n && k-i < 2 && !tk.tokens[k].hard && yearCue[tk.tokens[k].text] {
		k++
	}
	if k > i && k < n && !tk.tokens[k].hard && spanPattern.MatchString(tk.tokens[k].text) {
		return tk.tokens[k].text
	}
	return ""
}

// yearWindow is how many words away from a law's name a year may stand and
// still date it ("la loi 27-14, promulguée en 2016", "اعتمد سنة 2016
// القانون رقم 27.14").
const yearWindow = 6

// yearNear returns the year that dates a law in its sentence: the nearest
// four-digit year within yearWindow words, with no other law, plan or
// report between, unless a verb of ratification or accession governs it
// (a state's ratification year is not the law's year).
func (d *doc) yearNear(m *mention) string {
	best, dist := "", 1<<30
	for k := max(0, m.start-yearWindow); k < len(d.tk.tokens) && k < m.end+2*yearWindow+2; k++ {
		if d.sentOf[k] != m.sent || (k >= m.start && k < m.end) {
			continue
		}
		t := d.tk.tokens[k].text
		if len(t) != 4 || !spanPattern.MatchString(t) {
			continue
		}
		lo, hi := k, m.start
		if k > m.start {
			lo, hi = m.end, k
		}
		if d.otherNameBetween(m, lo, hi) || d.cueOfKindBetween("ratify", lo, hi) || d.cueOfKindBetween("ratify", max(0, lo-3), lo) {
			continue
		}
		dd := hi - lo
		if dd > yearWindow && !(dd <= 2*yearWindow+2 && d.cueOfKindBetween("adopt", lo, hi)) {
			continue // far, unless "..., adopted in 2003" says so
		}
		if dd < dist {
			best, dist = t, dd
		}
	}
	return best
}

func (d *doc) otherNameBetween(m *mention, lo, hi int) bool {
	for _, o := range d.ments {
		if o != m && o.id != m.id && o.start >= lo && o.end <= hi && (o.typ == graph.Law || o.typ == graph.Plan || o.typ == graph.Report) {
			return true
		}
	}
	return false
}

func (d *doc) cueOfKindBetween(kind string, lo, hi int) bool {
	if lo >= len(d.sentOf) {
		return false
	}
	for _, h := range d.cues[d.sentOf[lo]] {
		if h.start >= lo && h.end <= hi && h.has(kind) {
			return true
		}
	}
	return false
}

// spanInside returns a year span ("2023-2030") inside a mention.
func (d *doc) spanInside(m *mention) string {
	for k := m.start; k < m.end; k++ {
		if t := d.tk.tokens[k].text; spanPattern.MatchString(t) && strings.Contains(t, "-") {
			return t
		}
	}
	return ""
}

// orgAfter returns the organization named within gap joining words after
// token i.
func (d *doc) orgAfter(i, gap int) *mention {
	for _, o := range d.ments {
		if o.typ != graph.Organization || o.start < i || o.drop {
			continue
		}
		if o.start-i > gap || d.sentOf[o.start] != d.sentOf[max(0, i-1)] {
			return nil
		}
		for k := i; k < o.start; k++ {
			if !listJoiners[d.tk.tokens[k].text] {
				return nil
			}
		}
		return o
	}
	return nil
}

// list returns the mentions of the given types that form a list starting
// within gap words after token i, in sentence s.
func (d *doc) list(s, i, gap int, types ...graph.Type) []*mention {
	return d.listWithin(s, i, gap, 3, types...)
}

// listWithin is list with up to between non-joining words between items.
func (d *doc) listWithin(s, i, gap, betweenItems int, types ...graph.Type) []*mention {
	var out []*mention
	pos := i
	for _, m := range d.ments {
		if m.sent != s || m.start < pos || m.drop || (m.typ == "" && !m.office) {
			continue
		}
		if m.orgMent != nil && m.office && !hasType(types, graph.Person) {
			continue
		}
		inside := false
		for _, o := range out {
			if m.start >= o.start && m.end <= o.end {
				inside = true
			}
		}
		if inside {
			continue
		}
		limit := gap
		if len(out) > 0 {
			limit = betweenItems
		}
		between := 0
		for k := pos; k < m.start; k++ {
			if !listJoiners[d.tk.tokens[k].text] || len(out) == 0 {
				between++
			}
		}
		if between > limit || (len(out) > 0 && d.cueBetween(pos, m.start)) {
			break
		}
		t := m.typ
		if m.office {
			t = graph.Person
		}
		if !hasType(types, t) {
			if len(out) == 0 {
				continue
			}
			break
		}
		out = append(out, m)
		pos = m.end
	}
	return out
}

// listBefore returns the mentions of the given types that form a list
// ending right before token i in sentence s ("la DGSN et la CNCLT prennent
// part").
func (d *doc) listBefore(s, i int, types ...graph.Type) []*mention {
	var out []*mention
	pos := i
	// Mentions of the sentence, nearest first: mentions added while
	// reading relations sit at the end of d.ments, out of order.
	var cands []*mention
	for _, m := range d.ments {
		if m.sent == s && m.end <= i {
			cands = append(cands, m)
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].end > cands[b].end })
	for _, m := range cands {
		if m.end > pos || m.drop || (m.typ == "" && !m.office) || m.end == m.start {
			continue
		}
		inside := false
		for _, o := range out {
			if m.start >= o.start && m.end <= o.end || o.start >= m.start && o.end <= m.end {
				inside = true
			}
		}
		if inside {
			continue
		}
		between := 0
		for t := m.end; t < pos; t++ {
			if !listJoiners[d.tk.tokens[t].text] && !d.inDate(t) && d.tk.tokens[t].text != "on" {
				between++
			}
		}
		if between > 1 {
			break
		}
		t := m.typ
		if m.office {
			t = graph.Person
		}
		if !hasType(types, t) {
			if m.typ == graph.Place && m.end < len(d.tk.tokens) && d.tk.tokens[m.end].text == "s" {
				pos = m.start // "Morocco's Ministry of ...": the place qualifies the next name
				continue
			}
			break
		}
		out = append(out, m)
		pos = m.start
	}
	return out
}

func hasType(types []graph.Type, t graph.Type) bool {
	for _, u := range types {
		if u == t {
			return true
		}
	}
	return false
}

func (d *doc) cueBetween(i, j int) bool {
	for _, h := range d.cues[d.sentOf[i]] {
		if h.start >= i && h.end <= j && !h.has("behalf") {
			return true
		}
	}
	return false
}

// subjectBefore returns the event, campaign or plan a cue at token i is
// about: the nearest one before it in the sentence, else the main event.
func (d *doc) subjectBefore(s, i int) *mention {
	var subj *mention
	for _, m := range d.ments {
		if m.sent == s && m.end <= i && !m.drop && (m.typ == graph.Event || m.typ == graph.Campaign || m.typ == graph.Plan) {
			subj = m
		}
	}
	if subj != nil {
		return d.eventOf(subj)
	}
	return d.main
}

// eventOf returns the event an event phrase refers to.
func (d *doc) eventOf(m *mention) *mention {
	if m.alias != nil {
		return m.alias
	}
	return m
}

// cueFacts states the relations a cue governs.
func (d *doc) cueFacts(s int, h cueHit) {
	rule := "cue:" + h.cues[0].kind
	for _, c := range h.cues {
		switch c.kind {
		case "partner", "fund":
			p := graph.Partner
			if c.kind == "fund" {
				p = graph.FundedBy
			}
			orgs := d.list(s, h.end, 3, graph.Organization)
			subj := d.subjectBefore(s, h.start)
			if h.start == 0 || d.sentOf[h.start-1] != s {
				// "Funded by the SDC, the project ...": what was funded
				// comes after; if it is not named, say nothing.
				subj = nil
				if len(orgs) > 0 {
					if m := d.firstAfter(s, orgs[len(orgs)-1].end, graph.Event, graph.Plan, graph.Campaign); m != nil {
						subj = d.eventOf(m)
					}
				}
			}
			for _, o := range orgs {
				d.add(subj, p, o, "", s, "cue:"+c.kind, confPattern)
			}
		case "organize":
			d.organizeFacts(s, h, c)
		case "participate":
			items := d.listWithin(s, h.end, listGap, 4, graph.Organization, graph.Person, graph.Place, graph.Event, graph.Campaign)
			items = d.statesOnly(items)
			if len(items) == 0 {
				continue
			}
			if items[0].typ == graph.Event || items[0].typ == graph.Campaign {
				if country := d.countryBefore(h.start); country != nil {
					d.add(country, graph.ParticipatedIn, d.eventOf(items[0]), "", s, rule, confHeuristic)
				}
				continue
			}
			var subj *mention
			for _, m := range d.ments {
				if m.sent == s && m.start >= items[len(items)-1].end && (m.typ == graph.Event || m.typ == graph.Campaign) && !m.drop {
					subj = d.eventOf(m)
					break
				}
			}
			if subj == nil && d.aboutMain(s) {
				subj = d.main
			}
			if subj == nil {
				continue
			}
			for _, o := range items {
				if o.typ == graph.Event || o.typ == graph.Campaign {
					continue
				}
				d.add(o, graph.ParticipatedIn, subj, "", s, "cue:participate", confHeuristic)
			}
		case "joined":
			var actors []*mention
			if d.tk.tokens[h.start].arabic {
				actors = d.list(s, h.end, listGap, graph.Organization, graph.Person, graph.Place)
			} else {
				actors = d.listBefore(s, h.start, graph.Organization, graph.Person, graph.Place)
			}
			if len(actors) == 0 {
				// "Ont également pris part à la rencontre le parquet ..."
				actors = d.listWithin(s, h.end, 2*listGap, 4, graph.Organization, graph.Person, graph.Place)
			}
			var subj *mention
			for _, m := range d.ments {
				if m.sent == s && m.start >= h.end && (m.typ == graph.Event || m.typ == graph.Campaign) && !m.drop {
					subj = d.eventOf(m)
					break
				}
			}
			if subj == nil {
				// A verb of attending speaks of the article's event.
				subj = d.main
			}
			for _, a := range d.statesOnly(actors) {
				if subj != nil {
					d.add(a, graph.ParticipatedIn, subj, "", s, "cue:joined", confHeuristic)
				}
			}
		case "sign":
			if d.main == nil {
				continue
			}
			// "signée ... entre la CNCLT et le ministère", "X and Y signed",
			// "L'Entraide nationale en est signataire".
			var parties []*mention
			for k := h.end; k < len(d.tk.tokens) && d.sentOf[k] == s; k++ {
				if between[d.tk.tokens[k].text] {
					parties = d.listWithin(s, k+1, 2, 3, graph.Organization, graph.Place)
					break
				}
			}
			if len(parties) == 0 && !d.tk.tokens[h.start].arabic {
				parties = d.listBefore(s, h.start, graph.Organization, graph.Place)
				if len(parties) == 0 {
					if o := d.nearestBefore(s, h.start, graph.Organization); o != nil && (h.start-o.end <= 4 || d.opensSentence(o)) {
						// "L'Entraide nationale, bras opérationnel du
						// département, en est également signataire".
						parties = append(parties, o)
					}
				}
			}
			for _, o := range d.statesOnly(parties) {
				d.add(o, graph.ParticipatedIn, d.main, "", s, "cue:sign", confHeuristic)
			}
		case "speak":
			if d.main == nil {
				continue
			}
			if p := d.lastSpeaker(s); p != nil && !d.sentenceHasPerson(s) {
				// "«...», a-t-il lancé": the person named last speaks.
				d.add(p, graph.SpokeAt, d.main, "", s, "cue:speak+anaphor", confHeuristic)
			}
			for _, m := range d.ments {
				if m.sent != s || m.behalf || m.drop {
					continue
				}
				if d.chairedIn(s, m) {
					continue
				}
				if m.office && m.holder == nil && m.roleID == "" && m.orgMent != nil {
					// "A representative of GRETA presented ...": the body took part.
					d.add(m.orgMent, graph.ParticipatedIn, d.main, "", s, "cue:speak", confHeuristic)
					continue
				}
				if m.office || (m.typ == graph.Person && !d.isHolder(m)) {
					d.add(m, graph.SpokeAt, d.main, "", s, "cue:speak", confHeuristic)
				}
				// "le CMRPI a présenté", "وقدمت جمعية إنصاف": a body that
				// speaks took part.
				orgBefore := m.end <= h.start && h.start-m.end <= 1 && !d.tk.tokens[h.start].arabic
				orgAfter := d.tk.tokens[h.start].arabic && m.start >= h.end && m.start-h.end <= 1
				if m.typ == graph.Organization && (orgBefore || orgAfter) && !d.insideOffice(m) && d.nearestBefore(s, m.start, graph.Person) == nil {
					d.add(m, graph.ParticipatedIn, d.main, "", s, "cue:speak", confHeuristic)
				}
			}
		case "chair":
			if d.main == nil {
				continue
			}
			if h.start > 0 && relativePronoun[d.tk.tokens[h.start-1].text] {
				// "النعم ميارة، الذي ترأس أشغال هذا اليوم": the chair comes
				// first when the clause hangs on a person, not on the event.
				before := d.nearestBefore(s, h.start-1, graph.Person, graph.Event, graph.Organization)
				if before != nil && before.typ == graph.Person && h.start-1-before.end <= 1 {
					d.add(d.main, graph.ChairedBy, before, "", s, "cue:chair", confPattern)
					continue
				}
			}
			if people := d.list(s, h.end, 2, graph.Person); len(people) > 0 {
				d.add(d.subjectBefore(s, h.start), graph.ChairedBy, people[0], "", s, "cue:chair", confPattern)
			}
		case "occasion":
			subj := d.subjectBefore(s, h.start)
			for _, o := range d.list(s, h.end, listGap, graph.Campaign, graph.Event, graph.Plan) {
				p := graph.PartOf
				if o.typ == graph.Plan {
					p = graph.Implements
				}
				if o.typ == graph.Event && d.eventOf(o) == subj {
					continue
				}
				d.add(subj, p, d.eventOf(o), "", s, "cue:occasion", confPattern)
			}
		case "implementedby":
			if org := d.orgAfter(h.end, 2); org != nil {
				if plan := d.nearestBefore(s, h.start, graph.Plan); plan != nil {
					d.add(org, graph.Implements, plan, "", s, "cue:implementedby", confPattern)
				}
			}
		case "implement":
			subj := d.subjectBefore(s, h.start)
			if rel := d.relativeBefore(h.start, 3); rel >= 0 {
				// "the CNCLT, which oversees the implementation of the NRM"
				if o := d.nearestBefore(s, rel, graph.Organization); o != nil && rel-o.end <= 1 {
					subj = o
				}
			}
			for _, o := range d.list(s, h.end, 3, graph.Plan, graph.Law) {
				d.add(subj, graph.Implements, o, "", s, "cue:implement", confPattern)
			}
		case "adopt", "ratify":
			if h.start > 0 && modalWord[d.tk.tokens[h.start-1].text] {
				continue // "داعية المغرب إلى المصادقة", "urged Morocco to ratify": a call, not a fact
			}
			if d.purposeClitic(h) {
				continue // "أوصى السلطات باعتماد ...": a recommendation, not a fact
			}
			p, types := graph.Adopted, []graph.Type{graph.Law, graph.Plan}
			if c.kind == "ratify" {
				p, types = graph.Ratified, []graph.Type{graph.Law}
			}
			// "adopted by the CNCLT": the adopter follows; else the state
			// named last before the verb.
			subj := d.agentAfter(h.end)
			if subj == nil && d.tk.tokens[h.start].arabic {
				// Verb first: "صادق عليه البرلمان", "اعتمدتها منظمة العمل الدولية".
				if o := d.orgAfter(h.end, 0); o != nil {
					subj = o
				}
			}
			if subj == nil {
				subj = d.countryBefore(h.start)
			}
			if subj == nil {
				continue
			}
			objs := d.listWithin(s, h.end, 2*listGap, listGap, types...)
			if len(objs) == 0 && !d.tk.tokens[h.start].arabic && subj.sent != s {
				// "the Labour Code (Law 65.99), adopted in 2003": a participle
				// with no agent in its sentence says nothing of who adopted.
				continue
			}
			if len(objs) == 0 {
				// The object may come first: "Law 27.14, which Morocco
				// adopted in 2016".
				for _, o := range d.listBefore(s, h.start, types...) {
					objs = append(objs, o)
				}
				if len(objs) == 0 {
					if o := d.nearestBefore(s, h.start, types...); o != nil && h.start-o.end <= 12 {
						objs = append(objs, o)
					}
				}
			}
			for _, o := range objs {
				d.add(subj, p, o, "", s, "cue:"+c.kind, confHeuristic)
			}
		case "publish":
			for _, o := range d.list(s, h.end, 3, graph.Report) {
				if org := d.orgInsideOrAfter(o); org != nil {
					d.add(org, graph.Published, o, "", s, "cue:publish", confPattern)
				}
			}
		case "affiliated":
			var ev *mention
			for _, m := range d.ments {
				if m.sent == s && m.end <= h.start && h.start-m.end <= 6 && (m.typ == graph.Event || m.typ == graph.Campaign) && !m.drop {
					ev = d.eventOf(m)
				}
			}
			if org := d.orgAfter(h.end, 1); org != nil && ev != nil {
				d.add(ev, graph.OrganizedBy, org, "", s, "cue:affiliated", confPattern)
			}
		}
	}
}

var between = wordSet("entre between بين")

// modalWord lists the words before a verb that make it a call or a wish.
var modalWord = wordSet("إلى الى to à pour de d")

// statesOnly drops the places that are not states from a list of actors:
// a city does not take part, a country does.
func (d *doc) statesOnly(ms []*mention) []*mention {
	out := ms[:0:0]
	for _, m := range ms {
		if m.typ != graph.Place || d.x.isCountry(string(m.id)) {
			out = append(out, m)
		}
	}
	return out
}

// purposeClitic reports whether a cue is what someone recommends or calls
// for: its first word carries the preposition ب or ل and a verb of
// recommending stands shortly before ("أوصى ... السلطات باعتماد"), unlike
// "من خلال ... بتبني القانون", a fact.
func (d *doc) purposeClitic(h cueHit) bool {
	if h.peeled == 0 || !d.tk.tokens[h.start].arabic {
		return false
	}
	src := d.tk.tokenSource(h.start)
	if !strings.HasPrefix(src, "ب") && !strings.HasPrefix(src, "ل") {
		return false
	}
	for k := h.start - 1; k >= 0 && k >= h.start-8 && d.sentOf[k] == d.sentOf[h.start]; k-- {
		for _, f := range d.tk.formsOf(k) {
			if recommendWord[f.form] {
				return true
			}
		}
	}
	return false
}

var recommendWord = wordSet("أوصى أوصت أوصوا توصي يوصي دعا دعت داعية داعيا طالب طالبت حث حثت")

// relativeBefore returns the position of a relative pronoun within n words
// before token i, or -1.
func (d *doc) relativeBefore(i, n int) int {
	for k := i - 1; k >= 0 && k >= i-n; k-- {
		if relativePronoun[d.tk.tokens[k].text] {
			return k
		}
	}
	return -1
}

// firstAfter returns the first mention of the given types at or after
// token i in sentence s.
func (d *doc) firstAfter(s, i int, types ...graph.Type) *mention {
	for _, m := range d.ments {
		if m.sent == s && m.start >= i && hasType(types, m.typ) && !m.drop {
			return m
		}
	}
	return nil
}

// opensSentence reports whether m is the first name of its sentence,
// within its first two words: the subject of the sentence.
func (d *doc) opensSentence(m *mention) bool {
	for k := m.start - 1; k >= 0 && k >= m.start-2; k-- {
		if d.sentOf[k] != m.sent {
			return true
		}
	}
	return m.start == 0 || d.sentOf[max(0, m.start-3)] != m.sent
}

// inDate reports whether token i is part of a date ("on Tuesday").
func (d *doc) inDate(i int) bool {
	s, e := d.tk.span(i, i+1)
	for _, dt := range d.art.Dates {
		if s >= dt.Start && e <= dt.End {
			return true
		}
	}
	return false
}

// sentenceHasPerson reports whether sentence s names a person or an office.
func (d *doc) sentenceHasPerson(s int) bool {
	for _, m := range d.ments {
		if m.sent == s && (m.typ == graph.Person || m.office) && !m.drop {
			return true
		}
	}
	return false
}

// lastSpeaker returns the person named last in the two sentences before s.
func (d *doc) lastSpeaker(s int) *mention {
	var p *mention
	for _, m := range d.ments {
		if m.sent < s && m.sent >= s-2 && (m.typ == graph.Person || m.office && m.holder != nil) && !m.drop {
			p = m
		}
	}
	return p
}

var relativePronoun = wordSet("الذي التي qui who which")

// aboutMain reports whether sentence s names the main event.
func (d *doc) aboutMain(s int) bool {
	if d.main == nil {
		return false
	}
	for _, m := range d.ments {
		if m.sent == s && (m == d.main || m.alias == d.main) {
			return true
		}
	}
	return false
}

// chairedIn reports whether sentence s says that m chaired the event.
func (d *doc) chairedIn(s int, m *mention) bool {
	for _, h := range d.cues[s] {
		if h.has("chair") {
			if people := d.list(s, h.end, 2, graph.Person); len(people) > 0 && people[0] == m {
				return true
			}
		}
	}
	return false
}

func (d *doc) isHolder(p *mention) bool {
	for _, m := range d.ments {
		if m.holder == p {
			return true
		}
	}
	return false
}

func (d *doc) insideOffice(o *mention) bool {
	for _, m := range d.ments {
		if m.office && o.start >= m.start && o.end <= m.end {
			return true
		}
	}
	return false
}

// organizeFacts finds who organized the event: named after the verb in
// Arabic verb-first clauses and passives, before it otherwise.
func (d *doc) organizeFacts(s int, h cueHit, c cue) {
	after := d.tk.tokens[h.start].arabic || strings.HasSuffix(c.text, " par") || strings.HasSuffix(c.text, " by") || strings.Contains(c.text, " من") || strings.HasSuffix(c.text, " de")
	passive := !d.tk.tokens[h.start].arabic && after
	// The event: in a passive ("organisé par", "à l'initiative de") the
	// one named just before; else the first one of the sentence.
	var ev *mention
	if passive {
		if m := d.nearestBefore(s, h.start, graph.Event, graph.Campaign); m != nil && m.event != "sub" {
			ev = d.eventOf(m)
		}
	}
	if ev == nil {
		for _, m := range d.ments {
			if m.sent == s && (m.typ == graph.Event || m.typ == graph.Campaign) && !m.drop && m.event != "sub" {
				ev = d.eventOf(m)
				break
			}
		}
	}
	if ev == nil {
		ev = d.main
	}
	if ev == nil {
		return
	}
	var org *mention
	if after {
		if orgs := d.list(s, h.end, 3, graph.Organization); len(orgs) > 0 {
			for _, o := range orgs {
				d.add(ev, graph.OrganizedBy, o, "", s, "cue:organize", confPattern)
			}
			return
		}
		for _, m := range d.ments {
			if m.sent == s && m.start >= h.end && m.start-h.end <= 12 && m.typ == graph.Organization && !d.insideOffice(m) {
				org = m
				break
			}
		}
	} else {
		// "The ILO and Morocco's Ministry of ... launched": every body of
		// the subject.
		if orgs := d.listBefore(s, h.start, graph.Organization); len(orgs) > 1 {
			for _, o := range orgs {
				d.add(ev, graph.OrganizedBy, o, "", s, "cue:organize", confPattern)
			}
			return
		}
		for _, m := range d.ments {
			if m.sent == s && m.end <= h.start && m.typ == graph.Organization && !d.insideOffice(m) {
				org = m
			}
		}
	}
	if org != nil {
		d.add(ev, graph.OrganizedBy, org, "", s, "cue:organize", confPattern)
	}
}

// countryBefore returns the last place named before token i in the article
// that acts as a state: the subject of what a state adopts or ratifies.
func (d *doc) countryBefore(i int) *mention {
	var c *mention
	for _, m := range d.ments {
		if m.start >= i {
			break
		}
		if m.typ == graph.Place && !m.drop && d.x.isCountry(string(m.id)) {
			c = m
		}
	}
	return c
}

// agentAfter returns the organization or state named right after "by",
// "par", "من طرف", "من قبل" at token i.
func (d *doc) agentAfter(i int) *mention {
	tk := d.tk
	// "adopté en 2023 par la CNCLT": a date may stand between.
	for k := i; k < len(tk.tokens) && k < i+3 && !agentWord[tk.tokens[k].text]; k++ {
		if t := tk.tokens[k].text; !(spanPattern.MatchString(t) || t == "en" || t == "in" || t == "سنة" || t == "عام") || (k > i && tk.tokens[k].hard) {
			break
		}
		i = k + 1
	}
	if i >= len(tk.tokens) || !agentWord[tk.tokens[i].text] {
		return nil
	}
	j := i + 1
	if j < len(tk.tokens) && (tk.tokens[j].text == "طرف" || tk.tokens[j].text == "قبل") {
		j++
	}
	for _, m := range d.ments {
		if m.start >= j && m.start-j <= 2 && (m.typ == graph.Organization || m.typ == graph.Place) && !m.drop {
			return m
		}
	}
	return nil
}

var agentWord = wordSet("by par من")

// nearestBefore returns the last mention of the given types that ends
// before token i in sentence s.
func (d *doc) nearestBefore(s, i int, types ...graph.Type) *mention {
	var out *mention
	for _, m := range d.ments {
		if m.sent == s && m.end <= i && hasType(types, m.typ) && !m.drop {
			out = m
		}
	}
	return out
}

// orgInsideOrAfter returns the organization named inside a report's name
// or right after it ("rapport de ...").
func (d *doc) orgInsideOrAfter(o *mention) *mention {
	for _, m := range d.ments {
		if m.typ == graph.Organization && m.start >= o.start && m.end <= o.end {
			return m
		}
	}
	return d.orgAfter(o.end, 2)
}

// eventFacts states where and when the main event took place, and ties the
// events inside it to it.
func (d *doc) eventFacts() {
	if d.main == nil {
		return
	}
	sents := []int{d.main.sent}
	for back := 1; back <= 2 && d.main.sent-back >= 0 && !d.sentenceHasEvent(d.main.sent-back); back++ {
		// "Une convention a été signée mardi 14 mai à Rabat ... La
		// cérémonie ...": the sentences before may say where and when.
		sents = append(sents, d.main.sent-back)
	}
	for _, m := range d.ments {
		if m.alias == d.main && m.sent != d.main.sent {
			sents = append(sents, m.sent)
		}
	}
	for _, s := range sents {
		if p := d.locatedPlace(s); p != nil {
			d.add(d.main, graph.HeldIn, p, "", s, "pattern:located", confHeuristic)
			d.place = p.id
			break
		}
	}
	for i, s := range sents {
		for _, dt := range d.sentenceDates(s) {
			if d.inDateline(dt) {
				continue
			}
			// A bare year is rarely an event's date; past the event's own
			// sentence only a full day is trusted.
			if len(dt.Value) < 7 || (i > 0 && len(dt.Value) < 10) {
				continue
			}
			d.add(d.main, graph.HeldOn, nil, dt.Value, s, "pattern:dated", confHeuristic)
			d.date = dt.Value
			break
		}
		if d.date != "" {
			break
		}
	}
	for _, m := range d.ments {
		if m.event == "sub" && !m.drop {
			d.add(m, graph.PartOf, d.main, "", m.sent, "pattern:subevent", confHeuristic)
		}
		if m.launch && (m == d.main || m.alias == d.main) {
			// "le lancement régional du Mécanisme national de référencement"
			for _, o := range d.listWithin(m.sent, m.end, 2, 0, graph.Plan, graph.Campaign) {
				p := graph.Implements
				if o.typ == graph.Campaign {
					p = graph.PartOf
				}
				d.add(d.main, p, o, "", m.sent, "pattern:launch", confPattern)
			}
		}
	}
}

// sentenceHasEvent reports whether sentence s names an event.
func (d *doc) sentenceHasEvent(s int) bool {
	for _, m := range d.ments {
		if m.sent == s && m.typ == graph.Event && !m.drop {
			return true
		}
	}
	return false
}

// inDateline reports whether a date is the dateline or byline of the
// article rather than a date the text speaks of: a date of its own short
// line ("Publié le 21/02/2024 à 17:40 | Le Matin"), or one that opens a
// line and is followed by a dash ("Tangier (Morocco), 19 October 2023 –").
func (d *doc) inDateline(dt Date) bool {
	if dt.Relative {
		return false
	}
	text := d.art.Text
	lineStart := strings.LastIndexByte(text[:dt.Start], '\n') + 1
	lineEnd := strings.IndexByte(text[dt.End:], '\n')
	if lineEnd < 0 {
		lineEnd = len(text)
	} else {
		lineEnd += dt.End
	}
	if utf8.RuneCountInString(text[lineStart:lineEnd]) < 100 {
		return true
	}
	after := text[dt.End:min(lineEnd, dt.End+24)]
	return utf8.RuneCountInString(text[lineStart:dt.Start]) < 40 && strings.ContainsAny(after, "–—-|")
}

// reportFacts states which places a report assesses: the states named in
// the sentences that speak of it, by name or as "the report" — the report
// named last before, or else the article's first report.
func (d *doc) reportFacts() {
	var first, current *mention
	for s := range d.sents {
		var inSentence *mention
		for _, m := range d.ments {
			if m.sent == s && m.typ == graph.Report && m.isEntity() {
				inSentence = m
				break
			}
		}
		if inSentence != nil && first == nil {
			first = inSentence
		}
		report := inSentence
		if report == nil && d.saysReport(s) {
			report = current
			if report == nil {
				report = first
			}
		}
		if inSentence != nil {
			current = inSentence
		}
		if report == nil {
			continue
		}
		for _, m := range d.ments {
			if m.sent == s && m.typ == graph.Place && d.x.isCountry(string(m.id)) && !d.insideOther(m) {
				d.add(report, graph.Assesses, m, "", s, "pattern:report-about", confHeuristic)
			}
		}
	}
}

// saysReport reports whether sentence s speaks of "the report".
func (d *doc) saysReport(s int) bool {
	if d.reportSents == nil {
		d.reportSents = map[int]bool{}
		for i, t := range d.tk.tokens {
			if reportWord[t.text] || reportWord[strings.TrimPrefix(t.text, "و")] {
				d.reportSents[d.sentOf[i]] = true
			}
		}
	}
	return d.reportSents[s]
}

var reportWord = wordSet("التقرير rapport report")

func (d *doc) insideOther(m *mention) bool {
	for _, o := range d.ments {
		if o != m && o.typ != "" && o.start <= m.start && o.end >= m.end && (o.end-o.start) > (m.end-m.start) {
			return true
		}
	}
	return false
}
