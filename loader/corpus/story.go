package corpus

import (
	"fmt"
	"strings"
	"time"

	"github.com/actorgraph/actorgraph/loader/lexicon"
)

// event is a story's event and everything the articles may say of it.
type event struct {
	e     *ent
	kind  eventKind
	topic *topic // nil when the event is about a law or launches a plan
	law   *ent   // the law a study day is about
	plan  *ent   // the plan the event implements or launches
	date  time.Time
	multi bool // held over two days
	city  *ent

	organizers, partners, funders, participants []*ent
	guests                                      []*ent // countries that send delegations
	campaign                                    *ent
	speakers                                    []*speaker
	chair                                       *speaker

	speechLed bool // the lead tells the first speaker's words

	// A study day on a law also tells:
	decree   *ent          // a decree implementing the law, and the body it sets up
	ratified *ratification // a convention Morocco ratified

	// A launch also tells who implements and funds the plan.
	implementer *ent
	planFunders []*ent
}

// speaker is a person who speaks at, or chairs, an event.
type speaker struct {
	person *ent
	role   string            // holds_role literal
	org    *ent              // the organization of the office, if the lexicon has it in every language
	title  map[string]string // by language
	fem    bool
	expert bool // an invented expert, whose title is followed by the organization
}

var launchKind = eventKind{slug: "launch", en: "Launch",
	first: map[string]string{"ar": "حفل إطلاق", "fr": "cérémonie de lancement", "en": "launch ceremony"},
	ref:   map[string]string{"ar": "الحفل", "fr": "cérémonie", "en": "ceremony"}, frFem: true}

// arHead is the Arabic nominative of a kind's first phrase, for titles.
var arHead = map[string]string{
	"workshop": "ورشة تكوينية", "seminar": "ندوة إقليمية", "study-day": "يوم دراسي", "awareness-day": "يوم تحسيسي",
	"conference": "مؤتمر وطني", "training": "دورة تكوينية", "coordination-meeting": "اجتماع تنسيقي",
	"round-table": "مائدة مستديرة", "launch": "حفل إطلاق",
}

// story draws one story and returns the articles that report it.
func (r *run) story() []Article {
	switch x := r.rng.IntN(100); {
	case x < 12 && len(r.g.reports) > 0:
		if arts := r.reportStory(); arts != nil {
			return arts
		}
	case x < 24 && len(r.g.laws) > 0:
		return r.eventStory(storyLaw)
	case x < 36 && len(r.g.plans) > 0:
		return r.eventStory(storyLaunch)
	case x < 52:
		return r.eventStory(storySpeech)
	}
	return r.eventStory(storyEvent)
}

type storyKind int

const (
	storyEvent storyKind = iota
	storySpeech
	storyLaw
	storyLaunch
)

// reportLangs returns the languages of a story's articles: one to three,
// in random order.
func (r *run) reportLangs() []string {
	n := 1
	switch x := r.rng.IntN(100); {
	case x < 15:
		n = 3
	case x < 50:
		n = 2
	}
	return pickN(r.rng, languages, n)
}

// day returns a random day of the period.
func (r *run) day() time.Time {
	span := int(lastDay.Sub(firstDay).Hours() / 24)
	return firstDay.AddDate(0, 0, r.rng.IntN(span+1))
}

func iso(d time.Time) string { return d.Format("2006-01-02") }

func (r *run) eventStory(kind storyKind) []Article {
	g := r.g
	ev := &event{date: r.day(), city: g.ent(pick(r.rng, g.cities)), speechLed: kind == storySpeech}
	ev.kind = pick(r.rng, eventKinds)
	switch kind {
	case storyLaw:
		ev.kind = eventKinds[2] // study day
		if chance(r.rng, 0.4) {
			ev.kind = eventKinds[1] // seminar
		}
		ev.law = g.ent(pick(r.rng, g.laws))
		for _, id := range g.decrees {
			if g.entries[id].Implements == ev.law.ID {
				ev.decree = g.ent(id)
			}
		}
		if len(g.ratified) > 0 && chance(r.rng, 0.6) {
			rt := pick(r.rng, g.ratified)
			ev.ratified = &rt
		}
	case storyLaunch:
		ev.kind = launchKind
		ev.plan = g.ent(pick(r.rng, g.plans))
		ev.implementer = g.ent(pick(r.rng, append(append([]string{}, g.internationals...), g.bodies...)))
		for _, id := range pickN(r.rng, g.funders, 1+r.rng.IntN(2)) {
			if id != ev.implementer.ID {
				ev.planFunders = append(ev.planFunders, g.ent(id))
			}
		}
	default:
		t := pick(r.rng, topics)
		ev.topic = &t
	}
	ev.multi = ev.date.Day() < 28 && ev.kind.slug != "launch" && chance(r.rng, 0.25)

	// Who organizes, partners, funds and takes part: distinct bodies.
	used := map[string]bool{}
	take := func(pool []string, n int) []*ent {
		var out []*ent
		for _, id := range pickN(r.rng, pool, n+3) {
			if len(out) < n && !used[id] {
				used[id] = true
				out = append(out, g.ent(id))
			}
		}
		return out
	}
	if ev.implementer != nil {
		used[ev.implementer.ID] = true
	}
	for _, f := range ev.planFunders {
		used[f.ID] = true
	}
	if chance(r.rng, 0.7) {
		ev.organizers = take(g.bodies, 1+r.rng.IntN(2))
	} else {
		ev.organizers = take(slices2(g.internationals, g.ngos), 1+r.rng.IntN(2))
	}
	if chance(r.rng, 0.5) {
		ev.partners = take(slices2(g.internationals, g.ngos, g.bodies), 1+r.rng.IntN(2))
	}
	if chance(r.rng, 0.45) {
		ev.funders = take(g.funders, 1+r.rng.IntN(2))
	}
	if chance(r.rng, 0.6) {
		ev.participants = take(slices2(g.bodies, g.ngos), 1+r.rng.IntN(3))
	}
	if ev.kind.slug == "seminar" || (ev.kind.slug == "conference" && chance(r.rng, 0.5)) {
		ev.guests = append([]*ent{g.ent("morocco")}, take(g.guests, 2+r.rng.IntN(2))...)
	}
	if ev.kind.slug != "launch" && ev.law == nil {
		switch x := r.rng.IntN(100); {
		case x < 25 && len(g.campaigns) > 0:
			ev.campaign = g.ent(pick(r.rng, g.campaigns))
			if md := campaignDays[ev.campaign.ID]; md[0] != 0 {
				ev.date = time.Date(ev.date.Year(), time.Month(md[0]), md[1]+r.rng.IntN(3), 0, 0, 0, 0, time.UTC)
				if ev.date.After(lastDay) {
					ev.date = ev.date.AddDate(-1, 0, 0)
				}
				ev.multi = false
			}
		case x < 55 && len(g.plans) > 0:
			ev.plan = g.ent(pick(r.rng, g.plans))
		}
	}
	if ev.plan != nil && ev.plan.ID == "national-plan-2023-2030" && ev.date.Year() < 2023 {
		ev.date = ev.date.AddDate(2023-ev.date.Year(), 0, 0)
	}

	// Speakers: office holders on the day, and invented experts.
	persons := map[string]bool{}
	nSpeakers := 1 + r.rng.IntN(3)
	for tries := 0; len(ev.speakers) < nSpeakers && tries < 20; tries++ {
		var sp *speaker
		if chance(r.rng, 0.55) {
			sp = r.officeHolder(ev.date)
		} else {
			sp = r.expertSpeaker()
		}
		if sp != nil && !persons[sp.person.ID] {
			persons[sp.person.ID] = true
			ev.speakers = append(ev.speakers, sp)
		}
	}
	if chance(r.rng, 0.2) {
		if sp := r.officeHolder(ev.date); sp != nil && !persons[sp.person.ID] {
			persons[sp.person.ID] = true
			ev.chair = sp
		}
	}
	if ev.speechLed && (len(ev.speakers) == 0 || ev.speakers[0].expert) {
		ev.speechLed = false
	}
	r.nameEvent(ev)

	var arts []Article
	for _, lang := range r.reportLangs() {
		pub := ev.date.AddDate(0, 0, r.rng.IntN(3))
		if ev.multi {
			pub = pub.AddDate(0, 0, 1)
		}
		arts = append(arts, r.writeEvent(ev, lang, pub))
	}
	return arts
}

func slices2(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// nameEvent gives the event its id and gold name, moving it a day later
// while the id is taken.
func (r *run) nameEvent(ev *event) {
	for {
		var what, about string
		switch {
		case ev.kind.slug == "launch":
			what, about = ev.plan.ID, "Launch of the "+ev.plan.Name
		case ev.law != nil:
			what, about = ev.law.ID, ev.kind.en+" on the "+ev.law.Name
		default:
			what, about = ev.topic.slug, ev.kind.en+" on "+ev.topic.en
		}
		id := fmt.Sprintf("event-%s-%s-%s-%s", ev.city.ID, iso(ev.date), ev.kind.slug, what)
		if ev.kind.slug == "launch" {
			id = fmt.Sprintf("event-%s-%s-launch-%s", ev.city.ID, iso(ev.date), what)
		}
		if !r.used[id] {
			r.used[id] = true
			name := fmt.Sprintf("%s, %s, %s", about, ev.city.Name, iso(ev.date))
			ev.e = &ent{ID: id, Type: lexicon.TypeEvent, Name: name}
			return
		}
		ev.date = ev.date.AddDate(0, 0, 1)
	}
}

// officeHolder returns a speaker who held a role of the lexicon on the day,
// or nil if the role drawn had no certain holder then.
func (r *run) officeHolder(day time.Time) *speaker {
	g := r.g
	if len(g.roles) == 0 {
		return nil
	}
	role := g.entries[pick(r.rng, g.roles)]
	who, ok := g.lex.HolderAt(role.ID, iso(day))
	if !ok || !hasAllNames(g.entries[who]) {
		return nil
	}
	sp := &speaker{person: g.ent(who), role: role.Role, title: map[string]string{}}
	for _, l := range languages {
		sp.title[l] = role.Names[l][0]
	}
	first, _, _ := strings.Cut(sp.title["ar"], " ")
	sp.fem = strings.HasSuffix(first, "ة")
	if org, ok := g.entries[role.Org]; ok && hasAllNames(org) && org.Type == lexicon.TypeOrganization {
		sp.org = g.ent(org.ID)
	}
	return sp
}

// expertSpeaker returns one of the invented experts.
func (r *run) expertSpeaker() *speaker {
	x := pick(r.rng, r.experts)
	e := x.ent
	sp := &speaker{person: &e, role: x.title.role, org: r.g.ent(x.org), fem: x.fem, expert: true, title: x.title.m}
	if x.fem {
		sp.title = x.title.f
	}
	return sp
}

// reportStory tells of a yearly report's publication.
func (r *run) reportStory() []Article {
	g := r.g
	rep := g.entries[pick(r.rng, g.reports)]
	publisher, ok := g.entries[rep.Parent]
	if !ok || !hasAllNames(publisher) {
		return nil
	}
	year := firstDay.Year() + r.rng.IntN(lastDay.Year()-firstDay.Year()+1)
	month := time.June
	if rep.ID != "tip-report" {
		month = time.December
		if year == lastDay.Year() {
			year--
		}
	}
	date := time.Date(year, month, 10+r.rng.IntN(18), 0, 0, 0, 0, time.UTC)
	y := fmt.Sprint(year)
	edition := &ent{ID: rep.ID + "-" + y, Type: lexicon.TypeReport, Name: rep.Name + " " + y, names: map[string][]string{
		"fr": {rep.Names["fr"][0] + " " + y},
		"en": {y + " " + rep.Names["en"][0]},
		"ar": {rep.Names["ar"][0] + " لسنة " + y},
	}}
	if r.used[edition.ID] {
		return nil // one story per edition
	}
	r.used[edition.ID] = true
	pub := g.ent(publisher.ID)
	var praised *ent
	if chance(r.rng, 0.5) && len(g.bodies) > 0 {
		praised = g.ent(pick(r.rng, g.bodies))
	}
	assessesMorocco := rep.ID == "tip-report"
	var arts []Article
	for _, lang := range r.reportLangs() {
		a := newArticle(lang, iso(date))
		city := g.ent(g.cities[0])
		pubAr := pub.names["ar"][0]
		s := a.sentence()
		switch lang {
		case "fr":
			a.line(s, fmt.Sprintf("Traite des personnes : %s publie le %s", s.fr("", pub), s.fullName(edition)))
		case "en":
			a.line(s, fmt.Sprintf("%s releases the %s", capitalize(s.en(pub)), s.fullName(edition)))
		default:
			a.line(s, fmt.Sprintf("%s %s %s", s.name(pub), arVerb(pubAr, "يصدر", "تصدر"), s.fullName(edition)))
		}
		s = a.sentence()
		var lead string
		switch lang {
		case "fr":
			lead = fmt.Sprintf("%s, %s – %s a publié %s, dont les conclusions ont été présentées à la presse.",
				s.name(city), longDate(lang, date), capitalize(s.fr("", pub)), s.fr("", edition))
		case "en":
			lead = fmt.Sprintf("%s, %s – %s released the %s, whose findings were presented to the press.",
				s.name(city), longDate(lang, date), capitalize(s.en(pub)), s.name(edition))
		default:
			lead = fmt.Sprintf("%s - %s %s، يوم %s، %s، الذي تم تقديم خلاصاته للصحافة.",
				s.name(city), arVerb(pubAr, "أصدر", "أصدرت"), s.name(pub), longDate(lang, date), s.name(edition))
		}
		s.rel(pub, "published", edition)
		s.literal(edition, "year", y)
		a.add(s, lead)
		if assessesMorocco {
			s = a.sentence()
			morocco := g.ent("morocco")
			var t string
			switch lang {
			case "fr":
				t = fmt.Sprintf("%s maintient %s dans la catégorie 2, celle des pays qui ne respectent pas entièrement les normes minimales mais fournissent des efforts importants pour s'y conformer.", capitalize(s.fr("", edition)), s.fr("", morocco))
			case "en":
				t = fmt.Sprintf("The %s keeps %s in Tier 2, the category of countries that do not fully meet the minimum standards but are making significant efforts to do so.", s.name(edition), s.name(morocco))
			default:
				t = fmt.Sprintf("وأبقى %s على تصنيف %s ضمن الفئة الثانية، التي تضم الدول التي لا تستوفي المعايير الدنيا بشكل كامل لكنها تبذل جهودا كبيرة لتحقيق ذلك.", s.name(edition), s.name(morocco))
			}
			s.rel(edition, "assesses", morocco)
			a.para()
			a.add(s, t)
		}
		if praised != nil {
			s = a.sentence()
			var t string
			switch lang {
			case "fr":
				t = fmt.Sprintf("Le rapport salue notamment le travail %s en matière de coordination et de collecte des données.", s.fr("de", praised))
			case "en":
				t = fmt.Sprintf("The report notably commends the work of %s on coordination and data collection.", s.en(praised))
			default:
				t = fmt.Sprintf("ونوه التقرير بشكل خاص بعمل %s في مجال التنسيق وجمع المعطيات.", s.name(praised))
			}
			s.rel(edition, "assesses", praised)
			a.add(s, t)
		}
		for _, f := range pickN(r.rng, reportFillers[lang], 2+r.rng.IntN(2)) {
			a.para()
			a.add(a.sentence(), f)
		}
		arts = append(arts, r.finish(a))
	}
	return arts
}

// finish returns the article's text and gold, with the nested names the
// text holds.
func (r *run) finish(a *article) Article {
	text, _ := a.gold()
	a.addNested(text, r.g.nested[a.lang])
	text, doc := a.gold()
	return Article{Lang: a.lang, Text: text, Gold: doc}
}

// fill adds up to n sentences that name nothing and the article has not
// said yet, some in paragraphs of their own.
func (r *run) fill(a *article, n int) {
	for _, f := range pickN(r.rng, fillers[a.lang], n) {
		if a.said[f] {
			continue
		}
		a.said[f] = true
		if chance(r.rng, 0.5) {
			a.para()
		}
		a.add(a.sentence(), f)
	}
}

// unsaid returns an element of list that the article has not used yet,
// if there is one, and marks it used.
func (r *run) unsaid(a *article, list []string) string {
	for _, i := range r.rng.Perm(len(list)) {
		if !a.said[list[i]] {
			a.said[list[i]] = true
			return list[i]
		}
	}
	return pick(r.rng, list)
}
