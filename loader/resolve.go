package loader

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/actorgraph/actorgraph/graph"
)

// sameEventThreshold is the evidence two articles' main events must share
// to be one event. A shared organizer or place counts 2, each shared
// partner, funder, campaign or plan 1; organizers that differ count -4; a
// different place or a date more than a few days apart rules it out.
// Measured by TestEventPairs on every pair of the seeds and of our own
// articles (105 pairs): the five pairs that report one event score 7 to
// 10, the others at most 3, so the threshold sits between, at 5.
//
// A place and a date together count 4, below the threshold: two reports
// of one event must share at least one organizer, partner, funder,
// campaign or plan. resolveEvents relies on it to compare only such pairs.
const sameEventThreshold = 5

// eventEvidence is what an article says of its main event.
type eventEvidence struct {
	place      graph.ID
	date       period // when the event took place, if the article says
	published  period // when the article appeared, if known
	organizers map[graph.ID]bool
	partners   map[graph.ID]bool
	campaigns  map[graph.ID]bool
}

// period is a date of any precision: a day, a month or a year.
type period struct {
	text  string    // as written: YYYY, YYYY-MM or YYYY-MM-DD; "" if unknown
	start time.Time // its first day; zero if text does not parse
}

func newPeriod(s string) period {
	p := period{text: s}
	if t, err := startOfPeriod(s); err == nil {
		p.start = t
	}
	return p
}

func (p period) known() bool { return p.text != "" }

// day reports whether p is a whole date, and its day number.
func (p period) day() (int64, bool) {
	if len(p.text) != 10 || p.start.IsZero() {
		return 0, false
	}
	return p.start.Unix() / 86400, true
}

func (d *doc) evidence() eventEvidence {
	ev := eventEvidence{place: d.place, date: newPeriod(d.date), published: newPeriod(d.art.Published),
		organizers: map[graph.ID]bool{}, partners: map[graph.ID]bool{}, campaigns: map[graph.ID]bool{}}
	for _, r := range d.rels {
		if r.subj != d.main || r.obj == nil || !r.obj.isEntity() {
			continue
		}
		switch r.pred {
		case graph.OrganizedBy:
			ev.organizers[r.obj.id] = true
		case graph.Partner, graph.FundedBy:
			ev.partners[r.obj.id] = true
		case graph.PartOf, graph.Implements:
			ev.campaigns[r.obj.id] = true
		}
	}
	return ev
}

// keys returns the ids of which a shared one is needed for a and another
// article to score sameEventThreshold: its organizers, partners, funders,
// campaigns and plans.
func (ev eventEvidence) keys() []graph.ID {
	var out []graph.ID
	for _, m := range []map[graph.ID]bool{ev.organizers, ev.partners, ev.campaigns} {
		for id := range m {
			out = append(out, id)
		}
	}
	return out
}

// sameEventScore weighs the evidence that a and b report one event.
func sameEventScore(a, b eventEvidence) int {
	score := 0
	if a.place != "" && b.place != "" {
		if a.place != b.place {
			return -10
		}
		score += 2
	}
	if a.date.known() && b.date.known() {
		if daysApart(a.date, b.date) > 3 {
			return -10
		}
		score += 2
	} else if a.published.known() && b.published.known() && daysApart(a.published, b.published) > 60 {
		return -10
	}
	if shared := overlap(a.organizers, b.organizers); shared > 0 {
		score += 2 * shared
	} else if len(a.organizers) > 0 && len(b.organizers) > 0 {
		score -= 4 // organized by different bodies
	}
	score += overlap(a.partners, b.partners)
	score += overlap(a.campaigns, b.campaigns)
	return score
}

func overlap(a, b map[graph.ID]bool) int {
	if len(b) < len(a) {
		a, b = b, a
	}
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return n
}

// daysApart returns how many days lie between two periods of any
// precision, comparing each at its first day; a month or a year matches
// any day inside it.
func daysApart(a, b period) int {
	if a.start.IsZero() || b.start.IsZero() {
		return 0
	}
	if len(a.text) < 10 || len(b.text) < 10 {
		n := min(len(a.text), len(b.text))
		if a.text[:n] == b.text[:n] {
			return 0
		}
	}
	d := a.start.Sub(b.start).Hours() / 24
	if d < 0 {
		d = -d
	}
	return int(d)
}

func startOfPeriod(s string) (time.Time, error) {
	switch len(s) {
	case 4:
		return time.Parse("2006", s)
	case 7:
		return time.Parse("2006-01", s)
	}
	return time.Parse("2006-01-02", s)
}

// resolveEvents gives the main events of the articles their ids: one id
// for the reports of one event, by union over pairs that score at least
// sameEventThreshold.
func resolveEvents(docs []*doc) {
	var withEvent []*doc
	for _, d := range docs {
		if d.main != nil {
			withEvent = append(withEvent, d)
		}
	}
	ev := make([]eventEvidence, len(withEvent))
	for i, d := range withEvent {
		ev[i] = d.evidence()
	}
	group := groupEvents(ev)
	clusters := map[int][]int{}
	for i, g := range group {
		clusters[g] = append(clusters[g], i)
	}
	for _, members := range clusters {
		var place graph.ID
		var date string
		orgs := map[graph.ID]bool{}
		for _, i := range members {
			if place == "" {
				place = ev[i].place
			}
			if date == "" || len(ev[i].date.text) > len(date) {
				date = ev[i].date.text
			}
			for o := range ev[i].organizers {
				orgs[o] = true
			}
		}
		parts := []string{"event"}
		if place != "" {
			parts = append(parts, string(place))
		}
		if date != "" {
			parts = append(parts, date)
		}
		for _, o := range sortedIDs(orgs) {
			parts = append(parts, string(o))
			break
		}
		if len(parts) == 1 {
			parts = append(parts, slug(withEvent[members[0]].main.text))
		}
		id := graph.ID(strings.Join(parts, "-"))
		for _, i := range members {
			d := withEvent[i]
			d.clusterDate = date
			d.cluster = id
			d.setEvent(id, d.x.eventName(withEvent[members[0]].main.text, place, date))
		}
	}
}

// groupEvents returns, for each event's evidence, the index of its group:
// events are one when a chain of pairs, each scoring at least
// sameEventThreshold, joins them, and the chain never joins two places or
// days more than three apart (see eventGroups.join): an undated report of
// a regular actor's event would otherwise chain all its events together.
// Pairs are tried in order, each article with the earlier ones.
//
// Only pairs that can reach the threshold are scored: those that share an
// organizer, partner, campaign or plan (see sameEventThreshold) and, when
// both give the event's day, whose days are at most three apart. So the
// cost grows with the reports of each actor's events near each day, not
// with the square of the articles.
func groupEvents(ev []eventEvidence) []int {
	groups := newEventGroups(ev)
	type keyDay struct {
		key graph.ID
		day int64
	}
	var (
		byKeyDay = map[keyDay][]int{}   // earlier articles that give the day, by key and day
		undated  = map[graph.ID][]int{} // earlier articles that do not, by key
		all      = map[graph.ID][]int{} // every earlier article, by key
		seen     = map[int]bool{}
		earlier  []int
	)
	for i := range ev {
		clear(seen)
		earlier = earlier[:0]
		add := func(js []int) {
			for _, j := range js {
				if !seen[j] {
					seen[j] = true
					earlier = append(earlier, j)
				}
			}
		}
		keys := ev[i].keys()
		day, dated := ev[i].date.day()
		for _, k := range keys {
			if dated {
				for d := day - 3; d <= day+3; d++ {
					add(byKeyDay[keyDay{k, d}])
				}
				add(undated[k])
			} else {
				add(all[k])
			}
		}
		slices.Sort(earlier)
		for _, j := range earlier {
			if sameEventScore(ev[i], ev[j]) >= sameEventThreshold {
				groups.join(i, j)
			}
		}
		for _, k := range keys {
			if dated {
				byKeyDay[keyDay{k, day}] = append(byKeyDay[keyDay{k, day}], i)
			} else {
				undated[k] = append(undated[k], i)
			}
			all[k] = append(all[k], i)
		}
	}
	group := make([]int, len(ev))
	for i := range ev {
		group[i] = groups.sets.find(i)
	}
	return group
}

// eventGroups are events grouped so far, each group with the place and
// the first and last day its events give.
type eventGroups struct {
	sets   disjointSets
	place  []graph.ID // by the group's representative; "" if none says
	lo, hi []int64    // first and last day said, by representative
	dated  []bool     // whether an event of the group gives its day
}

func newEventGroups(ev []eventEvidence) *eventGroups {
	g := &eventGroups{sets: newDisjointSets(len(ev)), place: make([]graph.ID, len(ev)),
		lo: make([]int64, len(ev)), hi: make([]int64, len(ev)), dated: make([]bool, len(ev))}
	for i, e := range ev {
		g.place[i] = e.place
		g.lo[i], g.dated[i] = e.date.day()
		g.hi[i] = g.lo[i]
	}
	return g
}

// join puts the events i and j in one group, unless their groups name two
// places or give days more than three apart. It reports whether they are
// in one group.
func (g *eventGroups) join(i, j int) bool {
	a, b := g.sets.find(i), g.sets.find(j)
	if a == b {
		return true
	}
	if g.place[a] != "" && g.place[b] != "" && g.place[a] != g.place[b] {
		return false
	}
	lo, hi := g.lo[a], g.hi[a]
	if g.dated[b] {
		if !g.dated[a] {
			lo, hi = g.lo[b], g.hi[b]
		}
		lo, hi = min(lo, g.lo[b]), max(hi, g.hi[b])
	}
	if hi-lo > 3 {
		return false
	}
	g.sets.union(a, b)
	r := g.sets.find(a)
	g.place[r] = cmp.Or(g.place[a], g.place[b])
	g.lo[r], g.hi[r], g.dated[r] = lo, hi, g.dated[a] || g.dated[b]
	return true
}

// disjointSets is a union-find over 0..n-1.
type disjointSets []int

func newDisjointSets(n int) disjointSets {
	d := make(disjointSets, n)
	for i := range d {
		d[i] = i
	}
	return d
}

// find returns the representative of i's set.
func (d disjointSets) find(i int) int {
	if d[i] != i {
		d[i] = d.find(d[i])
	}
	return d[i]
}

// union joins the sets of i and j.
func (d disjointSets) union(i, j int) { d[d.find(i)] = d.find(j) }

func sortedIDs(m map[graph.ID]bool) []graph.ID {
	out := make([]graph.ID, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// eventName names an event for people: its phrase, then where and when,
// as far as known ("يوما تواصليا, Rabat, 2024-07-25").
func (x *Extractor) eventName(phrase string, place graph.ID, date string) string {
	parts := []string{phrase}
	if e, ok := x.lex.Lookup(string(place)); ok {
		parts = append(parts, e.Name)
	}
	if date != "" {
		parts = append(parts, date)
	}
	return strings.Join(parts, ", ")
}

// setEvent names the article's main event and the events inside it.
func (d *doc) setEvent(id graph.ID, name string) {
	d.main.id, d.main.name = id, name
	for _, m := range d.ments {
		switch {
		case m.alias == d.main:
			m.id, m.name = id, name
		case m.event == "sub" && !m.drop:
			m.id, m.name = graph.ID(string(id)+"-"+slug(d.subEventKey(m))), m.text
		}
	}
}

// subEventKey is what tells an event inside another apart, whatever the
// wording: its content words without clitics and trigger words, sorted
// ("العرض الأول لفيلم كرتوني" and "عرض فيلم كرتوني" give "فيلم كرتوني").
func (d *doc) subEventKey(m *mention) string {
	var words []string
	for k := m.start; k < m.end; k++ {
		forms := cliticForms(d.tk.tokens[k].text)
		w := forms[len(forms)-1].form
		if d.tk.tokens[k].arabic && len(forms) > 1 && strings.HasPrefix(forms[0].form, "ال") {
			w = forms[0].form
		}
		if subEventNoise[w] || subEventNoise[forms[0].form] {
			continue
		}
		words = append(words, w)
	}
	sort.Strings(words)
	return strings.Join(words, " ")
}

var subEventNoise = wordSet("عرض العرض الاول projection screening du de of the film")

// resolveHolders links each office named without its holder ("وزير العدل")
// to a person: the one another report of the same event names in that
// office, else the one the lexicon says held it at the event's date (or the
// article's). With no date to go on, no link is made.
func (x *Extractor) resolveHolders(docs []*doc) {
	type key struct {
		cluster graph.ID
		role    string
	}
	named := map[key]*mention{}
	for _, d := range docs {
		for _, m := range d.ments {
			if m.office && m.role != "" && m.holder != nil && d.cluster != "" {
				named[key{d.cluster, m.role}] = m.holder
			}
		}
	}
	for _, d := range docs {
		for _, m := range d.ments {
			if !m.office || m.holder != nil {
				continue
			}
			if p := named[key{d.cluster, m.role}]; p != nil && d.cluster != "" {
				m.typ, m.id, m.name = graph.Person, p.id, p.name
				continue
			}
			date := d.clusterDate
			if date == "" {
				date = d.art.Published
			}
			if m.roleID == "" || date == "" {
				continue
			}
			if pid, ok := x.lex.HolderAt(m.roleID, date); ok {
				if e, ok := x.lex.Lookup(pid); ok {
					m.typ, m.id, m.name = graph.Person, graph.ID(pid), e.Name
				}
			}
		}
	}
}

// isCountry reports whether the place id is a state: a lexicon Place of
// kind "country".
func (x *Extractor) isCountry(id string) bool {
	return x.countries[id]
}
