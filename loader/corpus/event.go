package corpus

import (
	"fmt"
	"strings"
	"time"
)

// writeEvent writes one article, in lang and published on pub, about an
// event. Each article tells a random part of what the story holds, with
// templates drawn at random, so that the reports of one event differ.
func (r *run) writeEvent(ev *event, lang string, pub time.Time) Article {
	a := newArticle(lang, iso(pub))
	w := &eventWriter{r: r, a: a, ev: ev, lang: lang, pub: pub}
	w.title()
	w.lead()
	w.para()
	if len(ev.participants) > 0 && chance(r.rng, 0.75) {
		w.participants()
	}
	if len(ev.guests) > 0 && chance(r.rng, 0.85) {
		w.guests()
	}
	if ev.campaign != nil && chance(r.rng, 0.9) {
		w.campaign()
	}
	if ev.plan != nil && ev.kind.slug != "launch" && chance(r.rng, 0.9) {
		w.implementsPlan()
	}
	if ev.implementer != nil {
		w.para()
		w.launchDetails()
	}
	if ev.chair != nil && chance(r.rng, 0.8) {
		w.chaired()
	}
	for i, sp := range ev.speakers {
		if (i == 0 && ev.speechLed) || !chance(r.rng, 0.8) {
			continue
		}
		w.para()
		w.speech(sp)
		if chance(r.rng, 0.5) {
			r.fill(a, 1)
		}
	}
	if ev.law != nil {
		w.para()
		w.lawFacts()
	}
	r.fill(a, 1+r.rng.IntN(3))
	return r.finish(a)
}

type eventWriter struct {
	r    *run
	a    *article
	ev   *event
	lang string
	pub  time.Time
}

func (w *eventWriter) para() { w.a.para() }

// about returns what the event is about, after "sur", "on" or "حول".
func (w *eventWriter) about(s *sentence) string {
	switch {
	case w.ev.law != nil:
		if w.lang == "fr" {
			return s.fr("", w.ev.law)
		}
		if w.lang == "en" {
			return s.en(w.ev.law)
		}
		return s.name(w.ev.law)
	case w.ev.topic != nil:
		return w.ev.topic.text[w.lang]
	}
	return ""
}

// first returns the phrase that introduces the event, recording the
// mention: "un séminaire régional sur la protection des enfants ...".
func (w *eventWriter) first(s *sentence) string {
	k := w.ev.kind
	s.mention(w.ev.e, k.first[w.lang])
	if k.slug == "launch" {
		switch w.lang {
		case "fr":
			return "une cérémonie de lancement " + s.fr("de", w.ev.plan)
		case "en":
			return "a launch ceremony for " + s.en(w.ev.plan)
		}
		return "حفل إطلاق " + s.name(w.ev.plan)
	}
	switch w.lang {
	case "fr":
		return k.frIndef() + k.first["fr"] + " sur " + w.about(s)
	case "en":
		return k.enA() + k.first["en"] + " on " + w.about(s)
	}
	return k.first["ar"] + " حول " + w.about(s)
}

// ref returns a phrase that refers back to the event, recording the
// mention: "ce séminaire", "the seminar", "الندوة".
func (w *eventWriter) ref(s *sentence, fr func(eventKind) string) string {
	k := w.ev.kind
	s.mention(w.ev.e, k.ref[w.lang])
	switch w.lang {
	case "fr":
		return fr(k) + k.ref["fr"]
	case "en":
		return "the " + k.ref["en"]
	}
	return k.ref["ar"]
}

// when returns when the event took place, as the article says it: a full
// date, a weekday resolved against the publication date, or two days.
func (w *eventWriter) when() string {
	d := w.ev.date
	if w.ev.multi {
		next := d.AddDate(0, 0, 1)
		switch w.lang {
		case "fr":
			return fmt.Sprintf("les %d et %d %s %d", d.Day(), next.Day(), frMonths[d.Month()-1], d.Year())
		case "en":
			return fmt.Sprintf("on %d and %d %s %d", d.Day(), next.Day(), enMonths[d.Month()-1], d.Year())
		}
		return fmt.Sprintf("يومي %d و%d %s %d", d.Day(), next.Day(), arMonths[d.Month()-1], d.Year())
	}
	if w.pub.Sub(d) < 6*24*time.Hour && chance(w.r.rng, 0.4) {
		switch w.lang {
		case "fr":
			return weekday("fr", d)
		case "en":
			return "on " + weekday("en", d)
		}
		if w.pub.Equal(d) {
			return "اليوم " + weekday("ar", d)
		}
		return "يوم " + weekday("ar", d)
	}
	switch w.lang {
	case "fr":
		return "le " + longDate("fr", d)
	case "en":
		return "on " + longDate("en", d)
	}
	return "يوم " + longDate("ar", d)
}

// title writes the headline and, for some outlets, a line with the date.
func (w *eventWriter) title() {
	s := w.a.sentence()
	ev := w.ev
	var t string
	head := ev.kind.first[w.lang]
	if w.lang == "ar" {
		head = arHead[ev.kind.slug]
	}
	s.mention(ev.e, head)
	about := ""
	if ev.kind.slug == "launch" {
		switch w.lang {
		case "fr":
			about = " " + s.fr("de", ev.plan)
		case "en":
			about = " for " + s.en(ev.plan)
		default:
			about = " " + s.name(ev.plan)
		}
	}
	switch w.lang {
	case "fr":
		if about == "" {
			about = " sur " + w.about(s)
		}
		t = fmt.Sprintf("%s : %s%s", s.name(ev.city), head, about)
	case "en":
		if about == "" {
			about = " on " + w.about(s)
		}
		t = fmt.Sprintf("%s hosts %s%s", s.name(ev.city), head, about)
	default:
		if about == "" {
			about = " حول " + w.about(s)
		}
		t = fmt.Sprintf("%s: %s%s", s.name(ev.city), head, about)
	}
	w.a.line(s, t)
}

// lead writes the first sentence, with its dateline: who organized the
// event, where and when, with whom and with whose money.
func (w *eventWriter) lead() {
	ev, rng := w.ev, w.r.rng
	s := w.a.sentence()
	city := ev.city
	if chance(rng, 0.3) {
		city = w.r.g.ent(w.r.g.cities[0])
	}
	dateline := ""
	switch w.lang {
	case "fr":
		if chance(rng, 0.5) {
			dateline = fmt.Sprintf("%s, %s (MAP) – ", s.name(city), longDate("fr", w.pub))
		} else {
			w.a.line(w.a.sentence(), longDate("fr", w.pub))
			dateline = s.name(city) + " – "
		}
	case "en":
		if chance(rng, 0.5) {
			dateline = fmt.Sprintf("%s, %s – ", s.name(city), longDate("en", w.pub))
		} else {
			w.a.line(w.a.sentence(), longDate("en", w.pub))
			dateline = s.name(city) + " – "
		}
	default:
		w.a.line(s, fmt.Sprintf("%s - %s %s", s.name(city), weekday("ar", w.pub), longDate("ar", w.pub)))
		s = w.a.sentence()
	}
	if ev.speechLed {
		w.speechLead(s, dateline)
		return
	}
	when := w.when()
	partners, funders := w.partnersAndFunders(s)
	var t string
	if ev.kind.slug == "launch" {
		switch w.lang {
		case "fr":
			t = fmt.Sprintf("%s a été organisée, %s à %s, par %s%s%s.", w.first(s), when, s.name(ev.city), w.frList(s, "", ev.organizers), partners, funders)
		case "en":
			t = fmt.Sprintf("%s was held in %s %s, organized by %s%s%s.", w.first(s), s.name(ev.city), when, w.enList(s, ev.organizers), partners, funders)
		default:
			t = fmt.Sprintf("احتضنت %s، %s، %s، من تنظيم %s%s%s.", s.name(ev.city), when, w.first(s), w.arList(s, ev.organizers), partners, funders)
		}
	} else {
		variant := rng.IntN(3)
		switch w.lang {
		case "fr":
			switch variant {
			case 0:
				verb := "a organisé"
				if len(ev.organizers) > 1 {
					verb = "ont organisé"
				}
				t = fmt.Sprintf("%s %s, %s à %s, %s%s%s.", w.frList(s, "", ev.organizers), verb, when, s.name(ev.city), w.first(s), partners, funders)
			case 1:
				t = fmt.Sprintf("%s s'est %s, %s à %s, à l'initiative %s%s%s.", w.first(s), ev.kind.frAgree("tenu"), when, s.name(ev.city), w.frList(s, "de", ev.organizers), partners, funders)
			default:
				t = fmt.Sprintf("%s a accueilli, %s, %s, %s par %s%s%s.", s.name(ev.city), when, w.first(s), ev.kind.frAgree("organisé"), w.frList(s, "", ev.organizers), partners, funders)
			}
		case "en":
			switch variant {
			case 0:
				t = fmt.Sprintf("%s held %s in %s %s%s%s.", w.enList(s, ev.organizers), w.first(s), s.name(ev.city), when, partners, funders)
			case 1:
				t = fmt.Sprintf("%s opened in %s %s, organized by %s%s%s.", w.first(s), s.name(ev.city), when, w.enList(s, ev.organizers), partners, funders)
			default:
				t = fmt.Sprintf("%s hosted %s %s, convened by %s%s%s.", s.name(ev.city), w.first(s), when, w.enList(s, ev.organizers), partners, funders)
			}
		default:
			switch variant {
			case 0:
				verb := arVerb(ev.organizers[0].names["ar"][0], "نظم", "نظمت")
				t = fmt.Sprintf("%s %s، %s ب%s، %s%s%s.", verb, w.arList(s, ev.organizers), when, s.name(ev.city), w.first(s), partners, funders)
			default:
				t = fmt.Sprintf("احتضنت %s، %s، %s، من تنظيم %s%s%s.", s.name(ev.city), when, w.first(s), w.arList(s, ev.organizers), partners, funders)
			}
		}
	}
	w.leadRelations(s)
	w.a.add(s, dateline+capitalize(t))
}

// leadRelations records what the lead says of the event.
func (w *eventWriter) leadRelations(s *sentence) {
	ev := w.ev
	for _, o := range ev.organizers {
		s.rel(ev.e, "organized_by", o)
	}
	s.rel(ev.e, "held_in", ev.city)
	s.literal(ev.e, "held_on", iso(ev.date))
	if ev.kind.slug == "launch" {
		s.rel(ev.e, "implements", ev.plan)
	}
}

// partnersAndFunders returns the lead's clauses on partners and funders,
// each present in some articles only, and records their relations.
func (w *eventWriter) partnersAndFunders(s *sentence) (string, string) {
	ev, rng := w.ev, w.r.rng
	var partners, funders string
	if len(ev.partners) > 0 && chance(rng, 0.85) {
		for _, p := range ev.partners {
			s.rel(ev.e, "partner", p)
		}
		switch w.lang {
		case "fr":
			partners = ", en partenariat avec " + w.frList(s, "", ev.partners)
		case "en":
			partners = ", in partnership with " + w.enList(s, ev.partners)
		default:
			partners = "، بشراكة مع " + w.arList(s, ev.partners)
		}
	}
	if len(ev.funders) > 0 && chance(rng, 0.85) {
		for _, f := range ev.funders {
			s.rel(ev.e, "funded_by", f)
		}
		switch w.lang {
		case "fr":
			cue := pick(rng, []string{", avec le soutien financier ", ", grâce au soutien ", ", avec l'appui financier "})
			funders = cue + w.frList(s, "de", ev.funders)
		case "en":
			cue := pick(rng, []string{", with financial support from ", ", funded by ", ", with the support of "})
			funders = cue + w.enList(s, ev.funders)
		default:
			cue := pick(rng, []string{"، وبدعم من ", "، وبتمويل من "})
			funders = cue + w.arList(s, ev.funders)
		}
	}
	return partners, funders
}

// speechLead writes a lead told from the first speaker: what they called
// for, at which event, organized by whom.
func (w *eventWriter) speechLead(s *sentence, dateline string) {
	ev := w.ev
	sp := ev.speakers[0]
	when := w.when()
	var t string
	switch w.lang {
	case "fr":
		t = fmt.Sprintf("%s, %s, a plaidé, %s à %s, pour une meilleure coordination des efforts, lors %s %s par %s.",
			s.name(sp.person), w.titleOf(s, sp), when, s.name(ev.city), frDe(w.first(s)), ev.kind.frAgree("organisé"), w.frList(s, "", ev.organizers))
	case "en":
		t = fmt.Sprintf("%s %s called for better coordination of efforts in %s %s, speaking at %s organized by %s.",
			w.titleOf(s, sp), s.name(sp.person), s.name(ev.city), when, w.first(s), w.enList(s, ev.organizers))
	default:
		verb := "دعا"
		if sp.fem {
			verb = "دعت"
		}
		t = fmt.Sprintf("%s %s %s، %s ب%s، إلى تعزيز التنسيق بين مختلف المتدخلين، وذلك خلال %s من تنظيم %s.",
			verb, w.titleOf(s, sp), s.name(sp.person), when, s.name(ev.city), w.first(s), w.arList(s, ev.organizers))
	}
	w.leadRelations(s)
	w.speakerRelations(s, sp)
	s.rel(sp.person, "spoke_at", ev.e)
	w.a.add(s, dateline+capitalize(t))
}

// frQue returns "que " or, before a vowel, "qu'".
func frQue(next string) string {
	if startsWithVowel(next) && !strings.HasPrefix(next, "h") {
		return "qu'"
	}
	return "que "
}

// frDe puts "de" before a French phrase that starts with an indefinite
// article: "un atelier" -> "d'un atelier".
func frDe(phrase string) string { return "d'" + phrase }

// titleOf returns a speaker's title in the article's language and records
// the organization it names, if any.
func (w *eventWriter) titleOf(s *sentence, sp *speaker) string {
	title := sp.title[w.lang]
	if sp.expert && sp.org != nil {
		switch w.lang {
		case "fr":
			return title + " " + s.fr("à", sp.org)
		case "en":
			return title + " at " + s.en(sp.org)
		}
		return title + " ب" + s.name(sp.org)
	}
	if sp.org == nil {
		return title
	}
	// An organization named inside the title is a mention of it
	// (testdata/eval/README.md, decision 3): "présidente du Conseil
	// national des droits de l'Homme", and in Arabic a minister's
	// portfolio, "وزير العدل" -> "العدل".
	for _, n := range append(append([]string{}, sp.org.names[w.lang]...), sp.org.acronyms...) {
		if containsWord(title, n) {
			s.mention(sp.org, n)
			return title
		}
	}
	// A body named by its head and the office it presides: "رئاسة النيابة
	// العامة", "Présidence du ministère public", "Presidency of the Public
	// Prosecution"; the title names the office (the README's
	// decision 3).
	heads := map[string][]string{"ar": {"وزارة ", "رئاسة "}, "fr": {"Présidence du ", "Présidence de la "}, "en": {"Presidency of the "}}
	for _, n := range sp.org.names[w.lang] {
		for _, head := range heads[w.lang] {
			rest, ok := strings.CutPrefix(n, head)
			if !ok {
				continue
			}
			if i := strings.Index(strings.ToLower(title), strings.ToLower(rest)); i >= 0 && containsWord(title, title[i:i+len(rest)]) {
				s.mention(sp.org, title[i:i+len(rest)])
				return title
			}
		}
	}
	return title
}

// containsWord reports whether s contains w not glued to a letter or
// digit on either side.
func containsWord(s, w string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], w)
		if k < 0 {
			return false
		}
		k += i
		end := k + len(w)
		before := k == 0 || !isWordByte(s[k-1])
		after := end == len(s) || !isWordByte(s[end])
		if before && after {
			return true
		}
		i = k + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// speakerRelations records what a speaker's title says: the role, and the
// membership of its organization where the article names it.
func (w *eventWriter) speakerRelations(s *sentence, sp *speaker) {
	s.literal(sp.person, "holds_role", sp.role)
	if sp.org != nil {
		s.relMaybe(sp.person, "member_of", sp.org)
	}
}

// speech writes what a speaker said at the event.
func (w *eventWriter) speech(sp *speaker) {
	s := w.a.sentence()
	q := w.r.unsaid(w.a, quotes[w.lang])
	var t string
	variant := w.r.rng.IntN(2)
	switch w.lang {
	case "fr":
		if variant == 0 {
			verb := pick(w.r.rng, []string{"a souligné", "a rappelé", "a estimé", "a affirmé"})
			t = fmt.Sprintf("%s, %s, %s %s« %s ».", s.name(sp.person), w.titleOf(s, sp), verb, frQue(q), q)
		} else {
			t = fmt.Sprintf("Intervenant à l'ouverture de %s, %s, %s, a insisté sur le fait que « %s ».",
				w.ref(s, eventKind.frThis), s.name(sp.person), w.titleOf(s, sp), q)
		}
	case "en":
		if variant == 0 || sp.expert {
			verb := pick(w.r.rng, []string{"said", "stressed", "noted", "underlined"})
			t = fmt.Sprintf("%s, %s, %s that \"%s\".", s.name(sp.person), w.titleOf(s, sp), verb, q)
		} else {
			t = fmt.Sprintf("Speaking at the opening of %s, %s %s stressed that \"%s\".",
				w.ref(s, nil), w.titleOf(s, sp), s.name(sp.person), q)
		}
	default:
		if variant == 0 {
			verb := pick(w.r.rng, [][2]string{{"وأكد", "وأكدت"}, {"وأوضح", "وأوضحت"}, {"واعتبر", "واعتبرت"}})
			t = fmt.Sprintf("%s %s، %s، في كلمة بالمناسبة، أن \"%s\".", pickGender(verb, sp.fem), w.titleOf(s, sp), s.name(sp.person), q)
		} else {
			verb := [2]string{"أبرز", "أبرزت"}
			t = fmt.Sprintf("وفي كلمة خلال افتتاح %s، %s %s، %s، أن \"%s\".", w.ref(s, nil), pickGender(verb, sp.fem), w.titleOf(s, sp), s.name(sp.person), q)
		}
	}
	w.speakerRelations(s, sp)
	s.rel(sp.person, "spoke_at", w.ev.e)
	w.a.add(s, t)
}

func pickGender(forms [2]string, fem bool) string {
	if fem {
		return forms[1]
	}
	return forms[0]
}

// arVerb returns the masculine or feminine form of a verb whose subject
// is the Arabic name: feminine when its first word ends in ة (وزارة،
// اللجنة، المنظمة).
func arVerb(name, masc, fem string) string {
	first, _, _ := strings.Cut(name, " ")
	if strings.HasSuffix(first, "ة") {
		return fem
	}
	return masc
}

// chaired writes who chaired the event.
func (w *eventWriter) chaired() {
	sp := w.ev.chair
	s := w.a.sentence()
	var t string
	switch w.lang {
	case "fr":
		t = fmt.Sprintf("Les travaux %s ont été présidés par %s, %s.", frDeThe(w.ref(s, eventKind.frThe)), s.name(sp.person), w.titleOf(s, sp))
	case "en":
		t = fmt.Sprintf("%s was chaired by %s %s.", capitalize(w.ref(s, nil)), w.titleOf(s, sp), s.name(sp.person))
	default:
		verb := pickGender([2]string{"وترأس", "وترأست"}, sp.fem)
		t = fmt.Sprintf("%s أشغال %s %s %s.", verb, w.ref(s, nil), w.titleOf(s, sp), s.name(sp.person))
	}
	w.speakerRelations(s, sp)
	s.rel(w.ev.e, "chaired_by", sp.person)
	w.a.add(s, t)
}

// frDeThe puts "de" before a French phrase with a definite article:
// "le séminaire" -> "du séminaire", "l'atelier" -> "de l'atelier".
func frDeThe(phrase string) string {
	if rest, ok := strings.CutPrefix(phrase, "le "); ok {
		return "du " + rest
	}
	return "de " + phrase
}

// participants writes which bodies took part.
func (w *eventWriter) participants() {
	ev := w.ev
	s := w.a.sentence()
	var t string
	switch w.lang {
	case "fr":
		t = fmt.Sprintf("Des représentants %s ont pris part à %s.", w.frList(s, "de", ev.participants), w.ref(s, eventKind.frThis))
	case "en":
		t = fmt.Sprintf("Representatives of %s took part in %s.", w.enList(s, ev.participants), w.ref(s, nil))
	default:
		t = fmt.Sprintf("وشارك في %s ممثلون عن %s.", w.ref(s, nil), w.arList(s, ev.participants))
	}
	for _, p := range ev.participants {
		s.rel(p, "participated_in", ev.e)
	}
	w.a.add(s, t)
}

// guests writes which countries sent delegations.
func (w *eventWriter) guests() {
	ev := w.ev
	s := w.a.sentence()
	var t string
	switch w.lang {
	case "fr":
		var from []string
		for _, c := range ev.guests {
			from = append(from, frCountry(c.ID, s.name(c)))
		}
		t = fmt.Sprintf("%s réunit des magistrats, des policiers et des responsables venus %s.", capitalize(w.ref(s, eventKind.frThis)), joinList("fr", from))
	case "en":
		var from []string
		for _, c := range ev.guests {
			from = append(from, s.name(c))
		}
		t = fmt.Sprintf("Delegations from %s attended %s.", joinList("en", from), w.ref(s, nil))
	default:
		var from []string
		for _, c := range ev.guests {
			from = append(from, s.name(c))
		}
		t = fmt.Sprintf("ويشارك في %s وفود من %s.", w.ref(s, nil), joinList("ar", from))
	}
	for _, c := range ev.guests {
		s.rel(c, "participated_in", ev.e)
	}
	w.a.add(s, t)
}

// campaign writes the campaign the event belongs to.
func (w *eventWriter) campaign() {
	ev := w.ev
	s := w.a.sentence()
	var t string
	switch w.lang {
	case "fr":
		t = fmt.Sprintf("%s est %s à l'occasion %s.", capitalize(w.ref(s, eventKind.frThis)), ev.kind.frAgree("organisé"), s.fr("de", ev.campaign))
	case "en":
		t = fmt.Sprintf("%s was held on the occasion of %s.", capitalize(w.ref(s, nil)), s.en(ev.campaign))
	default:
		t = fmt.Sprintf("ويأتي تنظيم %s بمناسبة %s.", w.ref(s, nil), s.name(ev.campaign))
	}
	s.rel(ev.e, "part_of", ev.campaign)
	w.a.add(s, t)
}

// implementsPlan writes the plan the event implements.
func (w *eventWriter) implementsPlan() {
	ev := w.ev
	s := w.a.sentence()
	var t, name string
	switch w.lang {
	case "fr":
		name = s.fr("de", ev.plan)
		t = fmt.Sprintf("%s s'inscrit dans le cadre de la mise en œuvre %s.", capitalize(w.ref(s, eventKind.frThis)), name)
	case "en":
		name = s.en(ev.plan)
		t = fmt.Sprintf("%s is part of the implementation of %s.", capitalize(w.ref(s, nil)), name)
	default:
		name = s.name(ev.plan)
		t = fmt.Sprintf("%s %s في إطار تنزيل %s.", ev.kind.arVerb("ويندرج", "وتندرج"), w.ref(s, nil), name)
	}
	s.rel(ev.e, "implements", ev.plan)
	w.planYear(s, name)
	w.a.add(s, t)
}

// planYear records the plan's span when the name the sentence uses says it.
func (w *eventWriter) planYear(s *sentence, name string) {
	if y := w.r.g.entries[w.ev.plan.ID].Year; y != "" && strings.Contains(name, y) {
		s.literal(w.ev.plan, "year", y)
	}
}

// launchDetails writes who implements and who funds the plan launched.
func (w *eventWriter) launchDetails() {
	ev := w.ev
	s := w.a.sentence()
	var t, name string
	switch w.lang {
	case "fr":
		name = s.fr("", ev.plan)
		done := "mis"
		if frArticle(ev.plan.names["fr"][0]) == "la " {
			done = "mise"
		}
		t = fmt.Sprintf("%s sera %s en œuvre par %s", capitalize(name), done, w.frList(s, "", []*ent{ev.implementer}))
		if len(ev.planFunders) > 0 {
			t += ", avec le soutien financier " + w.frList(s, "de", ev.planFunders)
		}
	case "en":
		name = s.en(ev.plan)
		t = fmt.Sprintf("%s will be implemented by %s", capitalize(name), w.enList(s, []*ent{ev.implementer}))
		if len(ev.planFunders) > 0 {
			t += ", with financial support from " + w.enList(s, ev.planFunders)
		}
	default:
		name = s.name(ev.plan)
		t = fmt.Sprintf("وسيتم تنزيل %s من طرف %s", name, w.arList(s, []*ent{ev.implementer}))
		if len(ev.planFunders) > 0 {
			t += "، بدعم من " + w.arList(s, ev.planFunders)
		}
	}
	s.rel(ev.implementer, "implements", ev.plan)
	for _, f := range ev.planFunders {
		s.rel(ev.plan, "funded_by", f)
	}
	w.planYear(s, name)
	w.a.add(s, t+".")
}

// lawFacts writes the law's adoption, the decree that implements it and a
// convention Morocco ratified.
func (w *eventWriter) lawFacts() {
	g, ev := w.r.g, w.ev
	morocco := g.ent("morocco")
	law := g.entries[ev.law.ID]
	if law.Year != "" {
		s := w.a.sentence()
		var t string
		switch w.lang {
		case "fr":
			t = fmt.Sprintf("Pour rappel, %s s'est doté %s en %s.", s.fr("", morocco), s.fr("de", ev.law), law.Year)
		case "en":
			t = fmt.Sprintf("%s adopted %s in %s.", s.name(morocco), s.en(ev.law), law.Year)
		default:
			t = fmt.Sprintf("وتجدر الإشارة إلى أن %s اعتمد سنة %s %s.", s.name(morocco), law.Year, s.name(ev.law))
		}
		s.rel(morocco, "adopted", ev.law)
		s.literal(ev.law, "year", law.Year)
		w.a.add(s, t)
	}
	if ev.decree != nil {
		d := g.entries[ev.decree.ID]
		body := g.ent(d.Establishes)
		s := w.a.sentence()
		var t string
		switch w.lang {
		case "fr":
			t = fmt.Sprintf("%s, pris pour l'application %s, fixe la composition %s.", capitalize(s.fr("", ev.decree)), s.fr("de", ev.law), s.fr("de", body))
		case "en":
			t = fmt.Sprintf("%s, which implements %s, sets up %s.", capitalize(s.en(ev.decree)), s.en(ev.law), s.en(body))
		default:
			t = fmt.Sprintf("ويحدد %s، الصادر تطبيقا لمقتضيات %s، تأليف %s.", s.name(ev.decree), s.name(ev.law), s.name(body))
		}
		s.rel(ev.decree, "implements", ev.law)
		s.rel(ev.decree, "establishes", body)
		w.a.add(s, t)
	}
	if rt := ev.ratified; rt != nil {
		conv := g.ent(rt.law)
		s := w.a.sentence()
		var t string
		switch w.lang {
		case "fr":
			t = fmt.Sprintf("%s a par ailleurs ratifié %s en %d.", capitalize(s.fr("", morocco)), s.fr("", conv), rt.year)
		case "en":
			t = fmt.Sprintf("%s also ratified %s in %d.", s.name(morocco), s.en(conv), rt.year)
		default:
			t = fmt.Sprintf("كما صادق %s سنة %d على %s.", s.name(morocco), rt.year, s.name(conv))
		}
		s.rel(morocco, "ratified", conv)
		w.a.add(s, t)
	}
}

// frList names entities in French after prep, each with its article:
// "de la CNCLT et du CNDH".
func (w *eventWriter) frList(s *sentence, prep string, es []*ent) string {
	var items []string
	for _, e := range es {
		items = append(items, s.fr(prep, e))
	}
	return joinList("fr", items)
}

func (w *eventWriter) enList(s *sentence, es []*ent) string {
	var items []string
	for _, e := range es {
		items = append(items, s.en(e))
	}
	return joinList("en", items)
}

func (w *eventWriter) arList(s *sentence, es []*ent) string {
	var items []string
	for _, e := range es {
		items = append(items, s.name(e))
	}
	return joinList("ar", items)
}
