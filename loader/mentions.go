package loader

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/internal/fold"
	"github.com/actorgraph/actorgraph/loader/lexicon"
	"github.com/actorgraph/actorgraph/loader/translit"
)

// Confidence of a fact by how it was found: an exact lexicon name beats a
// pattern, which beats a weaker heuristic.
const (
	confLexicon   = 0.95
	confAcronym   = 0.9
	confPattern   = 0.8
	confHeuristic = 0.6
)

// maxNameTokens bounds how far a pattern extends a name.
const maxNameTokens = 10

// findMentions finds every span that names something, in passes: lexicon
// names first, then offices and people, then names found by their head
// words, then acronyms and short forms learnt from the article itself.
func (d *doc) findMentions() {
	d.lexiconPass()
	d.officePass()
	d.shortFormPass()
	d.patternPass()
	d.acronymPass()
	d.peoplePass()
	d.shortFormPass()
	d.anaphorPass()
	d.corefReports()
	sort.SliceStable(d.ments, func(i, j int) bool { return d.ments[i].start < d.ments[j].start })
	d.cues = make([][]cueHit, len(d.sents))
	for _, h := range d.findCues(0, len(d.tk.tokens)) {
		s := d.sentOf[h.start]
		d.cues[s] = append(d.cues[s], h)
	}
}

// lexiconPass finds the lexicon's names and acronyms.
func (d *doc) lexiconPass() {
	tk := d.tk
	for i := 0; i < len(tk.tokens); {
		m, ok := d.x.names.longestAt(tk, i, len(tk.tokens))
		if !tk.tokens[i].arabic && (!ok || m.end == i+1) {
			if src := tk.tokenSource(i); src[0] >= 'A' && src[0] <= 'Z' {
				if acr := d.x.acronyms[src]; len(acr) > 0 {
					m, ok = match{start: i, end: i + 1, vals: acr}, true
				}
			}
		}
		if !ok {
			i++
			continue
		}
		p := d.x.payloads[m.vals[0]]
		for _, v := range m.vals {
			if d.x.payloads[v].entry.Type != "Role" {
				p = d.x.payloads[v] // an entity's name beats an office's
				break
			}
		}
		rule, conf := "lexicon:"+p.entry.ID, confLexicon
		if m.end == i+1 && !tk.tokens[i].arabic && len(d.x.acronyms[tk.tokenSource(i)]) > 0 {
			conf = confAcronym
		}
		if p.entry.Type == "Role" {
			d.addOffice(m.start, m.end, m.peeled, p.entry, rule)
		} else {
			ment := d.newMention(m.start, m.end, m.peeled, graph.Type(p.entry.Type), rule, conf)
			ment.id, ment.name, ment.year = graph.ID(p.entry.ID), p.entry.Name, ""
			if ment.typ == graph.Report {
				// A yearly report's editions are distinct things: "the 2023
				// Trafficking in Persons Report" is tip-report-2023.
				if y := d.editionYear(m.start, m.end); y != "" {
					ment.year = y
					ment.id = graph.ID(p.entry.ID + "-" + y)
					ment.name = p.entry.Name + " " + y
				}
			}
			d.ments = append(d.ments, ment)
			if ment.typ == graph.Report || ment.typ == graph.Plan || ment.typ == graph.Campaign {
				d.innerOrgs(m.start+1, m.end)
			}
		}
		d.coverRange(m.start, m.end)
		i = m.end
	}
}

// innerOrgs records the organizations named inside a longer name, in
// tokens [i, j): the publisher inside a report's name.
func (d *doc) innerOrgs(i, j int) {
	for _, m := range d.x.names.findAll(d.tk, i, j) {
		for _, v := range m.vals {
			e := d.x.payloads[v].entry
			if e.Type != string(graph.Organization) {
				continue
			}
			om := d.newMention(m.start, m.end, m.peeled, graph.Organization, "lexicon:"+e.ID, confLexicon)
			om.id, om.name = graph.ID(e.ID), e.Name
			d.ments = append(d.ments, om)
			break
		}
	}
}

// addOffice records an office named by a lexicon Role entry.
func (d *doc) addOffice(i, j, peeled int, e lexicon.Entry, rule string) *mention {
	m := d.newMention(i, j, peeled, "", rule, confLexicon)
	m.office, m.role, m.roleID, m.roleOrg = true, e.Role, e.ID, graph.ID(e.Org)
	m.orgMent = d.orgInside(m, i, j)
	d.ments = append(d.ments, m)
	return m
}

// orgInside returns a mention of the office's organization: its own name
// inside the title if there, else its portfolio, else the whole title.
func (d *doc) orgInside(office *mention, i, j int) *mention {
	org, ok := d.x.lex.Lookup(string(office.roleOrg))
	if !ok {
		return nil
	}
	// Any of its names inside the title, even one a longer name holds:
	// "سفيرة الاتحاد الأوروبي بالمغرب" names the EU inside the name of its
	// delegation.
	for k := i; k < j; k++ {
		for _, m := range d.x.names.allAt(d.tk, k, j) {
			for _, v := range m.vals {
				if d.x.payloads[v].entry.ID == org.ID {
					om := d.newMention(m.start, m.end, m.peeled, graph.Type(org.Type), "office:"+office.roleID, confLexicon)
					om.id, om.name = graph.ID(org.ID), org.Name
					return om
				}
			}
		}
	}
	for _, m := range d.x.portfolios.findAll(d.tk, i, j) {
		for _, v := range m.vals {
			if d.x.payloads[v].entry.ID == org.ID {
				om := d.newMention(m.start, m.end, m.peeled, graph.Type(org.Type), "office:"+office.roleID, confLexicon)
				om.id, om.name = graph.ID(org.ID), org.Name
				return om
			}
		}
	}
	om := d.newMention(i, j, office.peeled, graph.Type(org.Type), "office:"+office.roleID, confPattern)
	om.id, om.name = graph.ID(org.ID), org.Name
	return om
}

// officePass finds ministers by portfolio ("وزير العدل"), ministries by
// portfolio ("وزارتي الشباب ... والتربية الوطنية"), offices by a title
// before an organization ("نائبة رئيسة المرصد ..."), and the people who
// hold them.
func (d *doc) officePass() {
	tk := d.tk
	n := len(tk.tokens)
	for i := 0; i < n; i++ {
		if d.cover[i] {
			continue
		}
		h, ok := d.patternAt(i)
		if !ok {
			continue
		}
		switch {
		case h.has("minister"):
			pm, ok := d.x.portfolios.longestAt(tk, h.end, n)
			if !ok || tk.tokens[h.end].hard {
				continue
			}
			p := d.x.payloads[pm.vals[0]]
			role := lexicon.Entry{ID: "", Role: p.minister, Org: p.entry.ID}
			if r, ok := d.roleOfOrg(p.entry.ID); ok {
				role = r
			}
			m := d.newMention(i, pm.end, h.peeled, "", "pattern:minister", confPattern)
			m.office, m.role, m.roleID, m.roleOrg = true, role.Role, role.ID, graph.ID(p.entry.ID)
			om := d.newMention(pm.start, pm.end, pm.peeled, graph.Organization, "pattern:portfolio", confPattern)
			om.id, om.name = graph.ID(p.entry.ID), p.entry.Name
			m.orgMent = om
			d.ments = append(d.ments, m)
			d.coverRange(i, pm.end)
			i = pm.end - 1
		case h.has("ministry"):
			end := h.end
			for end < n && !tk.tokens[end].hard {
				pm, ok := d.x.portfolios.longestAt(tk, end, n)
				if !ok {
					break
				}
				p := d.x.payloads[pm.vals[0]]
				om := d.newMention(pm.start, pm.end, pm.peeled, graph.Organization, "pattern:portfolio", confPattern)
				om.id, om.name = graph.ID(p.entry.ID), p.entry.Name
				d.ments = append(d.ments, om)
				d.coverRange(i, pm.end)
				end = pm.end
			}
			if end > h.end {
				i = end - 1
			}
		case h.has("office"):
			c, _ := h.get("office")
			if h.end >= n || tk.tokens[h.end].hard {
				continue
			}
			org := d.mentionAt(h.end)
			if org == nil || (org.typ != graph.Organization && org.typ != graph.Place) {
				// An office word right before a name: "La magistrate Hanane El
				// Ouazzani", "الخبير ...".
				var p *mention
				if tk.tokens[h.end].arabic {
					p = d.personAt(h.end, "pattern:title-name")
				} else {
					p = d.latinPersonAt(h.end, "pattern:title-name")
				}
				if p != nil {
					m := d.newMention(i, h.end, h.peeled, "", "pattern:office", confHeuristic)
					m.office, m.role, m.holder = true, c.value, p
					d.ments = append(d.ments, m)
					d.coverRange(i, h.end)
					i = p.end - 1
				}
				continue
			}
			m := d.newMention(i, org.end, h.peeled, "", "pattern:office", confPattern)
			m.office, m.role = true, c.value+" of "+orgPhrase(org)
			m.roleOrg = org.id
			m.orgMent = org
			d.ments = append(d.ments, m)
			d.coverRange(i, h.end)
			i = org.end - 1
		}
	}
	// The holders: a name right after each office, after an honorific, or
	// a known person right there.
	for _, m := range append([]*mention(nil), d.ments...) {
		if !m.office {
			continue
		}
		if p := d.mentionAt(m.end); p != nil && p.typ == graph.Person {
			m.holder = p
			continue
		}
		if p := d.personAt(m.end, "pattern:title-name"); p != nil {
			m.holder = p
		}
	}
	for i := 0; i < n; i++ {
		if d.cover[i] {
			continue
		}
		h, ok := d.patternAt(i)
		if !ok || !h.has("honorific") || h.end >= n || tk.tokens[h.end].hard {
			continue
		}
		if p := d.personAt(h.end, "pattern:honorific"); p != nil {
			i = p.end - 1
		}
	}
	for _, m := range d.ments {
		if !m.office {
			continue
		}
		for _, b := range d.findCues(max(0, m.start-3), m.start) {
			if b.has("behalf") && b.end == m.start {
				m.behalf = true
			}
		}
	}
}

// orgPhrase renders an organization for a role literal: "the national
// observatory of children's rights", or "morocco" for a place.
func orgPhrase(org *mention) string {
	name := strings.ToLower(org.name)
	if isAcronym(org.text) {
		name = strings.ToLower(org.text) // "membre de la CNCLT": "member of the cnclt"
	}
	if org.typ == graph.Place || strings.HasPrefix(name, "the ") {
		return name
	}
	return "the " + name
}

func (d *doc) roleOfOrg(org string) (lexicon.Entry, bool) {
	e, ok := d.x.ministerOf[org]
	return e, ok
}

// mentionAt returns the entity mention that starts at token i.
func (d *doc) mentionAt(i int) *mention {
	for _, m := range d.ments {
		if m.start == i && m.typ != "" {
			return m
		}
	}
	return nil
}

// nameStop lists words that end a person's name in running text.
var nameStop = wordSet(`عبر تحت في على إلى الى من عن مع أن ان إن الذي التي الذين حيث كما قد لقد ثم أو أي هذا هذه ذلك تلك بين خلال بعد قبل عند حول ضد دون غير منذ لدى كل جميع وقد وأن بأن لأن أنه أنها ان هو هي
	et a à au aux de des du le la les un une que qui pour par sur dans en avec lors
	and the of to in on for at with by from as said who which that`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[fold.Key(w)] = true
	}
	return m
}

// personAt reads a person's name starting at token i, if there is one, and
// records it.
func (d *doc) personAt(i int, rule string) *mention {
	tk := d.tk
	n := len(tk.tokens)
	if i >= n || d.cover[i] || tk.tokens[i].hard && i > 0 && !d.softComma(i) {
		return nil
	}
	j := i
	if tk.tokens[i].arabic {
		for j < n && j-i < 4 {
			t := tk.tokens[j]
			if j > i && t.hard || d.cover[j] || !t.arabic || nameStop[t.text] || d.isCue(j) {
				break
			}
			if j-i >= 2 && strings.HasPrefix(t.text, "ال") {
				break
			}
			if hasCliticArticle(t.text) {
				break
			}
			if h, ok := d.patternAt(j); ok && (h.has("org") || h.has("plan") || h.has("report") || h.has("event") || h.has("campaign") || h.has("law") || h.has("office") || h.has("minister")) {
				break // "منسقة برنامج ...", "ومديرة الطفولة": a head word or a title, not a name
			}
			if j == i && i > 0 && tk.tokens[i].hard && strings.HasPrefix(t.text, "و") {
				break // after a comma, "و" opens the next item of a list
			}
			if strings.HasPrefix(t.text, "و") && j > i && !strings.HasPrefix(tk.tokens[j-1].text, "عبد") {
				if _, ok := d.x.names.longestAt(tk, j, n); ok {
					break
				}
			}
			j++
			if tk.tokens[j-1].text == "عبد" || tk.tokens[j-1].text == "ابو" {
				continue
			}
		}
	} else if j = d.latinNameEnd(i); j < 0 {
		return nil
	}
	if j-i < 2 {
		return nil
	}
	m := d.newMention(i, j, 0, graph.Person, rule, confPattern)
	m.id, m.name = d.x.person(m.text)
	d.ments = append(d.ments, m)
	d.coverRange(i, j)
	return m
}

// hasCliticArticle reports whether an Arabic word is a particle plus the
// article (بال، لل، وال، فال، كال): a common noun, never a name.
func hasCliticArticle(w string) bool {
	for _, p := range []string{"بال", "لل", "وال", "فال", "كال"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// softComma reports whether only a comma separates token i from the one
// before ("ministre de la Justice, Abdellatif Ouahbi").
func (d *doc) softComma(i int) bool {
	if i <= 0 {
		return false
	}
	s0, _ := d.tk.span(i-1, i)
	_, e0 := d.tk.span(i-1, i)
	s1, _ := d.tk.span(i, i+1)
	_ = s0
	sep := strings.TrimSpace(d.art.Text[e0:s1])
	return sep == "," || sep == "،"
}

var namePartícle = wordSet("de da di del el al ben bin ould van von le la du")

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func (d *doc) isCue(i int) bool {
	_, ok := d.cueAt(i)
	return ok
}

// person returns the id and canonical name of the person named name: the
// lexicon's person whose name has the same transliteration key, whatever
// the script or spelling ("Abdelatif Wahbi", "عبد اللطيف وهبي"), else an id
// minted from the key, so that the same unknown person found in Arabic and
// in French gets one id.
func (x *Extractor) person(name string) (graph.ID, string) {
	key := translit.Key(name)
	if e, ok := x.personByKey[key]; ok {
		return graph.ID(e.ID), e.Name
	}
	if s := keySlug(key); s != "" {
		return graph.ID("person-" + s), name
	}
	return graph.ID("person-" + slug(name)), name
}

// keySlug spells a transliteration key with ASCII letters for an id.
func keySlug(key string) string {
	var b strings.Builder
	for _, r := range key {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		default:
			if sub, ok := keyLetters[r]; ok {
				b.WriteString(sub)
			}
		}
	}
	return strings.Trim(b.String(), "-")
}

// keyLetters spells the non-ASCII letters of transliteration keys.
var keyLetters = map[rune]string{'ʃ': "sh", 'ʒ': "zh", 'ħ': "hh", 'γ': "gh", 'ɣ': "gh", 'θ': "th", 'ð': "dh"}

// slug makes an id part from a name: its Latin words, or a digest of its
// folded form when it has none.
func slug(name string) string {
	key := fold.Key(name)
	var words []string
	for _, w := range strings.FieldsFunc(key, func(r rune) bool { return !(r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r))) }) {
		words = append(words, w)
	}
	latin := 0
	for _, r := range key {
		if r < 128 && unicode.IsLetter(r) {
			latin++
		}
	}
	if latin*2 < utf8.RuneCountInString(strings.ReplaceAll(key, " ", "")) || len(words) == 0 {
		sum := sha256.Sum256([]byte(key))
		return "x" + hex.EncodeToString(sum[:5])
	}
	if len(words) > 8 {
		words = words[:8]
	}
	return strings.Join(words, "-")
}

var lawNumberPattern = regexp.MustCompile(`(\d{1,3})[.\-/](\d{2})(?:\D|$)`)

// lawNumberIn returns the canonical number "NN.YY" of the first law number
// in s, or "".
func lawNumberIn(s string) string {
	m := lawNumberPattern.FindStringSubmatch(fold.Fold(s).Folded)
	if m == nil {
		return ""
	}
	return canonicalLaw(m[1], m[2])
}

func canonicalLaw(num, year string) string {
	n, _ := strconv.Atoi(num)
	return strconv.Itoa(n) + "." + year
}

// patternPass finds laws and decrees by number, plans, reports, campaigns
// and organizations by their head words, and events by trigger words.
func (d *doc) patternPass() {
	tk := d.tk
	n := len(tk.tokens)
	for i := 0; i < n; i++ {
		if d.cover[i] {
			continue
		}
		h, ok := d.patternAt(i)
		if !ok {
			continue
		}
		if d.taaMismatch(h) {
			continue // "بدوره" (his role) is not "دورة" (a session)
		}
		var m *mention
		switch {
		case h.has("law"):
			m = d.lawAt(h)
		case h.has("subevent"):
			m = d.newMention(h.start, h.end, h.peeled, graph.Event, "pattern:subevent", confHeuristic)
			m.event = "sub"
			m.end = d.extendName(h.end, 2)
			m.text = d.newMention(h.start, m.end, h.peeled, "", "", 0).text
		case h.has("event") || h.has("launch") && !tk.tokens[h.start].arabic:
			m = d.newMention(h.start, h.end, h.peeled, graph.Event, "pattern:event", confHeuristic)
			m.event = "main"
			m.launch = h.has("launch")
		case h.has("anaphor"):
			m = d.newMention(h.start, h.end, h.peeled, graph.Event, "pattern:anaphor", confHeuristic)
			m.event = "anaphor"
			m.hidden = true // "cet évènement" names nothing by itself
		case h.has("campaign"):
			m = d.headedName(h, graph.Campaign, 1)
		case h.has("plan"):
			m = d.headedName(h, graph.Plan, 1)
		case h.has("report"):
			m = d.headedName(h, graph.Report, 1)
		case h.has("org"):
			m = d.headedName(h, graph.Organization, 1)
		}
		if m == nil {
			continue
		}
		d.ments = append(d.ments, m)
		d.coverRange(m.start, m.end)
		i = m.end - 1
	}
}

// taaMismatch reports whether a phrase that ends in taa marbuta (ة) was
// matched by a word that ends in ha (ه): folding makes them equal, but
// "دوره" (his role) is not "دورة" (a session).
func (d *doc) taaMismatch(h cueHit) bool {
	src := d.tk.tokenSource(h.end - 1)
	for _, c := range h.cues {
		if strings.HasSuffix(c.text, "ة") && strings.HasSuffix(src, "ه") {
			return true
		}
	}
	return false
}

// yearCue lists words before a year or a span that dates a law, plan or
// report: "سنة 2016", "برسم 2023-2030", "de 2018", "for 2024".
var yearCue = wordSet("سنة لسنة برسم عام لعام خلال en de pour of for in du")

var spanPattern = regexp.MustCompile(`^(19|20)\d\d(-(19|20)\d\d)?$`)

// headedName reads a name that starts with a head word: the head, then the
// words after it up to a stop word, a verb-like break or a hard separator,
// with a year or span that dates it. It needs at least minMore words after
// the head.
func (d *doc) headedName(h cueHit, typ graph.Type, minMore int) *mention {
	tk := d.tk
	n := len(tk.tokens)
	latin := !tk.tokens[h.start].arabic
	if latin && !startsUpper(tk.tokenSource(h.start)) {
		// "rapport 2024 du Département d'État": a year or a body right
		// after a lower-case head makes it a name.
		dated := h.end < len(tk.tokens) && len(tk.tokens[h.end].text) == 4 && spanPattern.MatchString(tk.tokens[h.end].text)
		if typ == graph.Organization || !(dated || d.orgAfter(h.end, 3) != nil) {
			return d.lowerHeadName(h, typ)
		}
	}
	if !latin && h.start > 0 && !tk.tokens[h.start].hard && h.peeled == 0 &&
		strings.HasPrefix(tk.tokens[h.start-1].text, "ال") && strings.HasPrefix(tk.tokens[h.start].text, "ال") {
		return nil // an adjective: "الجريمة المنظمة"
	}
	if !latin && typ == graph.Organization {
		minMore = max(minMore, 2)
	}
	end := d.extendName(h.end, maxNameTokens)
	start := h.start
	if latin {
		// Capitalized words before the head belong to the name: "Swiss
		// Agency for ...", "Moroccan Labour Union", "South Programme V".
		for start > 0 && !tk.tokens[start].hard && !d.cover[start-1] && startsUpper(tk.tokenSource(start-1)) &&
			!notName[tk.tokens[start-1].text] && !isAcronym(tk.tokenSource(start-1)) && start-1 > 0 && !tk.tokens[start-1].hard {
			start--
		}
	}
	if latin && typ == graph.Organization {
		// Latin names go on while words are capitalized or join them.
		end = h.end
		for end < n && !tk.tokens[end].hard && end-h.start < maxNameTokens {
			src := tk.tokenSource(end)
			if startsUpper(src) || (connector[tk.tokens[end].text] && end+1 < n && (startsUpper(tk.tokenSource(end+1)) || connector[tk.tokens[end+1].text])) {
				end++
				continue
			}
			if orgAdjective[tk.tokens[end].text] {
				end++
				continue
			}
			break
		}
		for end > h.end && connector[tk.tokens[end-1].text] {
			end--
		}
		// A name that an acronym in parentheses closes may hold lower-case
		// words: "Association marocaine des droits des victimes (AMDV)".
		for k := end; k < n && k-h.start < maxNameTokens+2; k++ {
			if tk.tokens[k].hard {
				if isAcronym(tk.tokenSource(k)) && d.openParenBefore(k) && k > end {
					end = k
				}
				break
			}
		}
	}
	year := ""
	// A year or span right after the name, or after a year cue.
	k := end
	if k < n && !tk.tokens[k].hard && yearCue[tk.tokens[k].text] {
		k++
	}
	if k < n && !tk.tokens[k].hard && spanPattern.MatchString(tk.tokens[k].text) {
		year = tk.tokens[k].text
		if k == end {
			end = k + 1
		}
	}
	for t := h.end; t < end; t++ {
		if spanPattern.MatchString(tk.tokens[t].text) && strings.Contains(tk.tokens[t].text, "-") {
			year = tk.tokens[t].text
		}
	}
	if end-h.end < minMore && year == "" {
		return nil
	}
	if !latin && typ != graph.Organization && year == "" && !d.hasComplement(h.end, end) {
		return nil // "التقرير السابق", "التقرير تطرق": no name
	}
	if !latin && h.end-h.start == 1 && !strings.HasPrefix(tk.tokens[h.start].text, "ال") && h.end < end {
		// "برنامج لتكوين ...", "آلية لرصد ...": an indefinite head and a
		// purpose, not a name.
		if next := tk.tokens[h.end].text; strings.HasPrefix(next, "ل") && !strings.HasPrefix(next, "لل") {
			return nil
		}
	}
	if !latin && strings.HasPrefix(tk.tokens[h.end-1].text, "ال") && h.end < end {
		// After a definite head, a name goes on with a definite word, a
		// word with a particle or a topic word; an indefinite word starts
		// a clause: "التقرير ملاحظات بشأن ...".
		next := tk.tokens[h.end].text
		if !strings.HasPrefix(next, "ال") && !topicWord[next] && !hasCliticArticle(next) && !strings.HasPrefix(next, "ل") && !spanPattern.MatchString(next) {
			return nil
		}
	}
	m := d.newMention(start, end, h.peeled, typ, "pattern:"+strings.ToLower(string(typ)), confPattern)
	m.name = m.text
	m.year = year
	m.id = graph.ID(strings.ToLower(string(typ)) + "-" + slug(m.text))
	if typ == graph.Plan && year != "" && strings.Contains(year, "-") {
		m.id = graph.ID("plan-" + slug(d.headText(h)) + "-" + year)
	}
	if typ == graph.Report {
		if year == "" {
			year = d.editionYear(h.start, end)
			m.year = year
		}
		for _, o := range d.ments {
			if o.typ == graph.Organization && o.start >= m.start && o.end <= m.end {
				// The body's yearly report, if the lexicon knows it.
				base := "report-" + string(o.id)
				if e, ok := d.x.reportOf[string(o.id)]; ok {
					base, m.name = e.ID, e.Name
				}
				m.id = graph.ID(base)
				if year != "" {
					m.id += graph.ID("-" + year)
					m.name += " " + year
				}
			}
		}
	}
	return m
}

// lowerHeadName reads a Latin name around a head word in lower case: the
// capitalized words before it ("the Himaya project"), a quoted title after
// it ("le projet « Renforcer la réponse nationale »"), or the capitalized
// words after it ("the local association Oujda Ain Ghazal 2000").
func (d *doc) lowerHeadName(h cueHit, typ graph.Type) *mention {
	tk := d.tk
	n := len(tk.tokens)
	mint := func(i, j int, rule string) *mention {
		m := d.newMention(i, j, 0, typ, rule, confHeuristic)
		m.name = m.text
		m.id = graph.ID(strings.ToLower(string(typ)) + "-" + slug(m.text))
		return m
	}
	// Capitalized words right before the head.
	i := h.start
	for i > 0 && !tk.tokens[i].hard && !d.cover[i-1] && startsUpper(tk.tokenSource(i-1)) && !notName[tk.tokens[i-1].text] && !isAcronym(tk.tokenSource(i-1)) {
		i--
	}
	if i < h.start && h.end-i <= maxNameTokens {
		return mint(i, h.end, "pattern:name-head")
	}
	if h.end >= n {
		return nil
	}
	// A quoted title right after it.
	if end := d.quotedAt(h.end); end > h.end {
		return mint(h.end, end, "pattern:quoted-title")
	}
	// Capitalized words right after it (organizations only).
	if typ == graph.Organization && !tk.tokens[h.end].hard {
		j := h.end
		for j < n && j-h.end < 6 && (j == h.end || !tk.tokens[j].hard) && !d.cover[j] && (startsUpper(tk.tokenSource(j)) || isDigit(tk.tokens[j].text[0]) && j > h.end) {
			j++
		}
		if j-h.end >= 2 {
			return mint(h.end, j, "pattern:head-name")
		}
	}
	return nil
}

// quotedAt returns where a title that opens with a quotation mark right
// before token i closes, or -1.
func (d *doc) quotedAt(i int) int {
	tk := d.tk
	_, prevEnd := tk.span(i-1, i)
	start, _ := tk.span(i, i+1)
	if !strings.ContainsAny(d.art.Text[prevEnd:start], "«“\"") {
		return -1
	}
	for j := i + 1; j < len(tk.tokens) && j-i < 16; j++ {
		_, e := tk.span(j-1, j)
		s, _ := tk.span(j, j+1)
		if strings.ContainsAny(d.art.Text[e:s], "»”\"") {
			return j
		}
		if strings.ContainsAny(d.art.Text[e:s], ".!?\n") {
			return -1
		}
	}
	return -1
}

// editionYear returns the year of a report named in tokens [i, j): a year
// inside it, right before it ("the 2023 ... Report") or after a year cue
// right after it ("لسنة 2024").
func (d *doc) editionYear(i, j int) string {
	tk := d.tk
	for k := i; k < j; k++ {
		if t := tk.tokens[k].text; len(t) == 4 && spanPattern.MatchString(t) {
			return t
		}
	}
	if i > 0 && !tk.tokens[i].hard {
		if t := tk.tokens[i-1].text; len(t) == 4 && spanPattern.MatchString(t) {
			return t
		}
	}
	k := j
	for k < len(tk.tokens) && k-j < 2 && !tk.tokens[k].hard && yearCue[tk.tokens[k].text] {
		k++
	}
	if k > j && k < len(tk.tokens) && !tk.tokens[k].hard {
		if t := tk.tokens[k].text; len(t) == 4 && spanPattern.MatchString(t) {
			return t
		}
	}
	return ""
}

// hasComplement reports whether tokens [i, j) hold what makes a head word a
// name: an entity's name, or a topic ("حول", "بشأن", "لمكافحة ...").
func (d *doc) hasComplement(i, j int) bool {
	for _, m := range d.ments {
		if m.start >= i && m.end <= j && m.typ != "" {
			return true
		}
	}
	for k := i; k < j; k++ {
		t := d.tk.tokens[k].text
		if topicWord[t] || (strings.HasPrefix(t, "ل") && !strings.HasPrefix(t, "ال") && len(t) > 6) || strings.HasPrefix(t, "بال") {
			return true
		}
	}
	return false
}

var topicWord = wordSet("حول بشأن المتعلق المتعلقة الخاص الخاصة لمكافحة لحماية للوقاية ضد sur contre on against")

func (d *doc) headText(h cueHit) string {
	return d.newMention(h.start, h.end, h.peeled, "", "", 0).text
}

// connector lists the small words inside Latin names.
var connector = wordSet("de du des la le l d et pour contre sur of for on and the against to in")

// orgAdjective lists lower-case adjectives inside French names.
var orgAdjective = wordSet("national nationale nationaux général générale royal royale régional régionale marocain marocaine supérieur supérieure international internationale permanent permanente")

// extendName returns where a name that runs from before token i ends: it
// goes on over words up to a stop word, a cue, a conjunction-led word, a
// hard separator, or limit words.
func (d *doc) extendName(i, limit int) int {
	tk := d.tk
	n := len(tk.tokens)
	j := i
	for j < n && j-i < limit {
		t := tk.tokens[j]
		if t.hard || (nameStop[t.text] && !topicWord[t.text]) || d.isCue(j) {
			break
		}
		if h, ok := d.patternAt(j); ok && (h.has("event") || h.has("law")) {
			break
		}
		if t.arabic && strings.HasPrefix(t.text, "و") && !(j+1 < n && (tk.tokens[j+1].text == "منه" || tk.tokens[j+1].text == "منها")) {
			if _, ok := d.x.names.longestAt(tk, j, n); ok || j > i {
				break
			}
		}
		if spanPattern.MatchString(t.text) {
			break
		}
		if yearCue[t.text] && j+1 < n && spanPattern.MatchString(tk.tokens[j+1].text) {
			break
		}
		j++
	}
	return j
}

// lawAt reads a law or decree by its number ("القانون 14.27", "loi n°
// 27-14") or, for a decree, by its year ("المرسوم الصادر سنة 2018").
func (d *doc) lawAt(h cueHit) *mention {
	tk := d.tk
	n := len(tk.tokens)
	c, _ := h.get("law")
	k := h.end
	for k < n && k-h.end < 2 && (tk.tokens[k].text == "رقم" || tk.tokens[k].text == "n" || tk.tokens[k].text == "no" || tk.tokens[k].text == "o" || tk.tokens[k].text == "°") {
		k++
	}
	if c.value == "convention" {
		return d.conventionAt(h, k)
	}
	if k < n && !tk.tokens[k].hard || k < n && tk.tokens[k].hard && k > h.end {
		if mm := lawNumberPattern.FindStringSubmatch(tk.tokens[k].text + " "); mm != nil && !spanPattern.MatchString(tk.tokens[k].text) {
			num := d.lawNumber(mm[1], mm[2])
			end := d.extendName(k+1, 8)
			m := d.newMention(h.start, end, h.peeled, graph.Law, "pattern:law-number", confPattern)
			m.name, m.lawKind = m.text, c.value
			if id, ok := d.x.lawByNumber[num]; ok {
				m.id = graph.ID(id)
				if e, ok := d.x.lex.Lookup(id); ok {
					m.name = e.Name
				}
				m.rule = "pattern:law-number+lexicon:" + id
			} else {
				m.id = graph.ID(c.value + "-" + strings.ReplaceAll(num, ".", "-"))
			}
			return m
		}
	}
	// A decree or law by its year: "المرسوم الصادر سنة 2018 المتعلق ب...".
	for j := h.end; j < n && j-h.end < 4 && !tk.tokens[j].hard; j++ {
		if !spanPattern.MatchString(tk.tokens[j].text) || strings.Contains(tk.tokens[j].text, "-") {
			continue
		}
		year := tk.tokens[j].text
		end := d.extendName(j+1, maxNameTokens)
		m := d.newMention(h.start, end, h.peeled, graph.Law, "pattern:law-year", confHeuristic)
		m.name, m.year, m.lawKind = m.text, year, c.value
		m.id = graph.ID(c.value + "-" + year + "-" + slug(m.text))
		// A lexicon law of that year that sets up an organization named in
		// the title is that law.
		for _, om := range d.x.names.findAll(tk, j+1, end) {
			for _, v := range om.vals {
				org := d.x.payloads[v].entry
				for _, e := range d.x.laws {
					if e.Year == year && e.Establishes == org.ID {
						m.id, m.name, m.rule = graph.ID(e.ID), e.Name, "pattern:law-year+lexicon:"+e.ID
					}
				}
			}
		}
		return m
	}
	return nil
}

// conventionAt reads a convention by its number at token k: "الاتفاقية
// رقم 189", "Convention n° 29", and ties it to the lexicon's convention of
// that number.
func (d *doc) conventionAt(h cueHit, k int) *mention {
	tk := d.tk
	if k >= len(tk.tokens) || !conventionNumber.MatchString(tk.tokens[k].text) {
		return nil
	}
	end := d.extendName(k+1, 8)
	m := d.newMention(h.start, end, h.peeled, graph.Law, "pattern:convention-number", confPattern)
	m.name, m.lawKind = m.text, "convention"
	if id, ok := d.x.conventionByNumber[tk.tokens[k].text]; ok {
		m.id, m.rule = graph.ID(id), "pattern:convention-number+lexicon:"+id
		if e, ok := d.x.lex.Lookup(id); ok {
			m.name = e.Name
		}
	} else {
		m.id = graph.ID("convention-" + tk.tokens[k].text)
	}
	return m
}

var conventionNumber = regexp.MustCompile(`^\d{1,3}$`)

// lawNumber canonicalizes a law number as "number.year". Arabic text
// sometimes gives the parts in reverse ("القانون 14.27" for Law 27.14):
// when only the reversed form is known, or the year part lies in the future
// of the article, the parts are swapped.
func (d *doc) lawNumber(a, b string) string {
	straight, reversed := canonicalLaw(a, b), canonicalLaw(b, a)
	if _, ok := d.x.lawByNumber[straight]; ok {
		return straight
	}
	if _, ok := d.x.lawByNumber[reversed]; ok {
		return reversed
	}
	yy, _ := strconv.Atoi(b)
	now := 26
	if len(d.art.Published) >= 4 {
		y, _ := strconv.Atoi(d.art.Published[2:4])
		now = y
	}
	if yy > now && yy < 90 {
		if aa, _ := strconv.Atoi(a); aa <= now {
			return reversed
		}
	}
	return straight
}

// corefReports gives the reports of one body in an article one id: the
// dated one's ("تقرير الخارجية الأمريكية" is the 2024 report the article
// names in full).
func (d *doc) corefReports() {
	dated := map[string]*mention{}
	byYear := map[string][]*mention{}
	for _, m := range d.ments {
		if m.typ == graph.Report && m.year != "" {
			dated[strings.TrimSuffix(string(m.id), "-"+m.year)] = m
			byYear[m.year] = append(byYear[m.year], m)
		}
	}
	for _, m := range d.ments {
		if m.typ != graph.Report {
			continue
		}
		if m.year == "" {
			if full := dated[string(m.id)]; full != nil {
				m.id, m.name, m.year = full.id, full.name, full.year
			}
			continue
		}
		// Two names of one year's report, one of them with its publisher:
		// the publisher's id wins.
		for _, o := range byYear[m.year] {
			if o != m && !strings.HasPrefix(string(o.id), "report-x") && strings.HasPrefix(string(m.id), "report-x") {
				m.id, m.name = o.id, o.name
			}
		}
	}
}

// acronymPass ties an acronym in parentheses to the name before it —
// "Centre Marocain de Recherches Polytechnique et d'Innovation (CMRPI)" —
// and finds the acronym's later uses.
func (d *doc) acronymPass() {
	tk := d.tk
	learnt := map[string]*mention{}
	for i := 1; i < len(tk.tokens); i++ {
		if tk.tokens[i].arabic || len(tk.tokens[i].text) < 2 || len(tk.tokens[i].text) > 10 || !tk.tokens[i].hard {
			continue
		}
		src := tk.tokenSource(i)
		if !isAcronym(src) || !d.openParenBefore(i) {
			continue
		}
		var prev *mention
		for _, m := range d.ments {
			if m.end == i && m.typ != "" {
				prev = m
			}
		}
		if prev == nil || !(prev.typ == graph.Organization || prev.typ == graph.Plan || prev.typ == graph.Law || prev.typ == graph.Report || prev.typ == graph.Campaign) {
			continue
		}
		learnt[src] = prev
		if !d.cover[i] {
			am := d.newMention(i, i+1, 0, prev.typ, "pattern:acronym", confPattern)
			am.id, am.name = prev.id, prev.name
			d.ments = append(d.ments, am)
			d.cover[i] = true
		}
	}
	if len(learnt) == 0 {
		return
	}
	for i := range tk.tokens {
		if d.cover[i] || tk.tokens[i].arabic {
			continue
		}
		if prev := learnt[tk.tokenSource(i)]; prev != nil {
			am := d.newMention(i, i+1, 0, prev.typ, "pattern:acronym", confPattern)
			am.id, am.name = prev.id, prev.name
			d.ments = append(d.ments, am)
			d.cover[i] = true
		}
	}
}

func isAcronym(s string) bool {
	if utf8.RuneCountInString(s) < 2 || utf8.RuneCountInString(s) > 10 {
		return false
	}
	upper := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			upper++
		} else if !unicode.IsDigit(r) && r != '-' {
			return false
		}
	}
	return upper >= 2
}

func (d *doc) openParenBefore(i int) bool {
	_, e0 := d.tk.span(i-1, i)
	s1, _ := d.tk.span(i, i+1)
	between := strings.TrimSpace(d.art.Text[e0:s1])
	return between == "(" || between == "،(" || between == ",(" || between == "(«"
}

// anaphorPass finds an organization referred to by its head word with an
// article — "the ministry", "le ministère", "la Commission" — after its
// full name: the latest organization named with that head word. Such
// mentions serve relations but are not listed as names.
func (d *doc) anaphorPass() {
	tk := d.tk
	n := len(tk.tokens)
	for i := 1; i < n; i++ {
		if d.cover[i] || tk.tokens[i].arabic || tk.tokens[i].hard || !determiner[tk.tokens[i-1].text] {
			continue
		}
		h, ok := d.patternAt(i)
		if !ok || !(h.has("org") || h.has("ministry")) || h.end != i+1 {
			continue
		}
		if i+1 < n && !tk.tokens[i+1].hard && (startsUpper(tk.tokenSource(i+1)) || connector[tk.tokens[i+1].text]) {
			continue // a name of its own
		}
		var ref *mention
		for _, m := range d.ments {
			if m.typ == graph.Organization && m.end <= i && m.isEntity() && d.headOf(m) == tk.tokens[i].text {
				ref = m
			}
		}
		if ref == nil {
			continue
		}
		m := d.newMention(i, i+1, 0, graph.Organization, "pattern:anaphor", confHeuristic)
		m.id, m.name, m.hidden = ref.id, ref.name, true
		d.ments = append(d.ments, m)
		d.cover[i] = true
	}
}

var determiner = wordSet("the le la l this ce cette")

// headOf returns the folded head word of an organization's mention: its
// first word after a possessive ("Morocco's Ministry ...").
func (d *doc) headOf(m *mention) string {
	// The name's head word, wherever it stands: "National Human Rights
	// Council" has "council".
	for k := m.start; k < m.end; k++ {
		if h, ok := d.patternAt(k); ok && h.end == k+1 && h.has("org") {
			return d.tk.tokens[k].text
		}
	}
	for k := m.start; k < m.end; k++ {
		t := d.tk.tokens[k].text
		if k+1 < m.end && (t == "s" || determiner[t] || d.tk.tokens[k+1].text == "s") {
			continue
		}
		return t
	}
	return ""
}

// shortFormPass finds later uses of an organization's name cut to its first
// two words ("اللجنة الوطنية" for the full name of the national
// commission), when no other organization of the article starts the same.
func (d *doc) shortFormPass() {
	tk := d.tk
	owner := map[string]*mention{}
	ambiguous := map[string]bool{}
	for _, m := range d.ments {
		if m.typ != graph.Organization || m.end-m.start < 3 || !tk.tokens[m.start].arabic {
			continue
		}
		forms := cliticForms(tk.tokens[m.start].text)
		key := forms[len(forms)-1].form + " " + tk.tokens[m.start+1].text
		if strings.HasPrefix(forms[0].form, "ال") {
			key = forms[0].form + " " + tk.tokens[m.start+1].text
		}
		if o := owner[key]; o != nil && o.id != m.id {
			ambiguous[key] = true
		}
		owner[key] = m
	}
	if len(owner) == 0 {
		return
	}
	for i := 0; i+1 < len(tk.tokens); i++ {
		if d.cover[i] || d.cover[i+1] || !tk.tokens[i].arabic || tk.tokens[i+1].hard {
			continue
		}
		for _, f := range tk.formsOf(i) {
			key := f.form + " " + tk.tokens[i+1].text
			full := owner[key]
			if full == nil || ambiguous[key] || full.start > i {
				continue // only after the full name
			}
			m := d.newMention(i, i+2, f.peeled, full.typ, "pattern:short-form", confHeuristic)
			m.id, m.name = full.id, full.name
			d.ments = append(d.ments, m)
			d.coverRange(i, i+2)
			i++
			break
		}
	}
}
