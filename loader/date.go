package loader

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/internal/fold"
)

// FindDates returns the dates stated in text, in order and not
// overlapping. published ("YYYY-MM-DD" or "") is the publication date:
// weekdays ("jeudi", "أمس الخميس", "on Thursday", "lundi dernier"),
// "yesterday" and its peers, and a day and month with no year are resolved
// against it (Relative is set), and dropped when it is "". lang ("ar",
// "fr", "en" or "") only decides how an ambiguous numeric date is read
// (3/5/2024 is 3 May, or 5 March in English); month names of every
// language are known in all.
//
// Forms found:
//   - day, month name, year, with an optional weekday before: "الثلاثاء 09
//     يوليو 2024", "vendredi, 26 juillet, 2024", "14 mars 2024", "فاتح غشت
//     2024", "1er mars 2024", "March 5, 2024", "the 5th of March 2024";
//   - day ranges: "يومي 12 و13 أكتوبر 2021", "du 12 au 14 mars 2024",
//     "12-13 October 2024", "March 12-14, 2024", "28 février au 2 mars
//     2024", "les 30 juin et 1er juillet 2024"; days joined by "و", "et",
//     "and" that do not follow each other are separate dates ("les 5 et 19
//     mars 2024");
//   - month and year: "أكتوبر 2021", "juillet 2024", "شهر كانون الثاني
//     2024", and ranges of months: "entre janvier et août 2024";
//   - numeric: 26/07/2024, 26-07-2024, 26.07.2024, 2024-07-26;
//   - a year after a year word: "سنة 2016", "لسنة 2024", "عام 2016", "en
//     2016", "in 2016", "fin 2023";
//   - relative days: a weekday, alone or with "dernier", "prochain",
//     "الماضي", "المقبل", "last", "next"; "أمس", "hier", "yesterday" (the
//     day before), "أول أمس", "avant-hier" (two days before), "غدا",
//     "demain", "tomorrow".
//
// Month names are the Moroccan (ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر), the
// Middle-Eastern (يوليو، أغسطس …), the Algerian and Tunisian (جويلية، أوت)
// and the Levantine (كانون الثاني … كانون الأول) ones, and the French and
// English ones with their abbreviations.
//
// Never read as a date: a law or decree number (27.14, 02-03, n° 2.18.123),
// a span of years (2023-2030), a time (09:00), a bare number (1500 مؤسسة,
// 188 دولة), a year with no year word before it, a month with neither day
// nor year.
func FindDates(text, lang, published string) []Date {
	return findDates(text, lang, published, true)
}

// findDates is FindDates; with skip, the lines that cannot hold a date are
// not folded (see mayHoldDate), which FindDates does and tests compare.
func findDates(text, lang, published string, skip bool) []Date {
	pub, hasPub := parseDay(published)
	var dates []Date
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if line := text[start:end]; !skip || mayHoldDate(line, hasPub) {
			m := dateMatcher{lang: lang, pub: pub, hasPub: hasPub}
			dates = m.findInLine(dates, line, start)
		}
		start = end + 1
	}
	return dates
}

// findInLine appends the dates of line, which starts at offset in the
// text, to dates.
func (m *dateMatcher) findInLine(dates []Date, line string, offset int) []Date {
	f := fold.Fold(line)
	m.toks = dateTokens(f.Folded)
	for i := 0; i < len(m.toks); {
		found, ok := m.match(i)
		if !ok {
			i++
			continue
		}
		for _, dm := range append([]dateMatch{found}, found.more...) {
			start, _, ok1 := f.Source(m.toks[dm.first].start, m.toks[dm.first].end)
			_, end, ok2 := f.Source(m.toks[dm.last].start, m.toks[dm.last].end)
			if ok1 && ok2 {
				dm.date.Start, dm.date.End = offset+start, offset+end
				dates = append(dates, dm.date)
			}
			i = max(i, dm.last+1)
		}
	}
	return dates
}

// relativeTriggers are parts, in lower case, of the words of the dates
// that need no digit (weekdays, "أمس", "hier", "فاتح غشت", "premier
// mars"): a line that has none of them, no digit and no character that
// folding could turn into one holds no date, and is not folded. Folding is
// most of the cost of FindDates.
var relativeTriggers = []string{
	"حد", "ثنين", "ثلاث", "ربع", "خميس", "جمع", "سبت", "مس", "بارح", "غد", "فاتح",
	"di", "day", "hier", "demain", "tomorrow", "premier",
}

// mayHoldDate reports whether line may hold a date: it has a number, or,
// when relative dates can be resolved (hasPub), a relative trigger or a
// character that folding may turn into one (Arabic diacritics and tatweel,
// presentation forms, full-width letters).
func mayHoldDate(line string, hasPub bool) bool {
	for _, r := range line {
		if r < utf8.RuneSelf {
			if r >= '0' && r <= '9' {
				return true
			}
			continue
		}
		if unicode.IsNumber(r) {
			return true
		}
		if hasPub && foldChanges(r) {
			return true
		}
	}
	if !hasPub {
		return false
	}
	lower := strings.ToLower(line)
	for _, t := range relativeTriggers {
		if strings.Contains(lower, t) {
			return true
		}
	}
	return false
}

// foldChanges reports whether folding may change r in a way that a
// substring test of relativeTriggers would miss: Arabic diacritics and
// tatweel, joiners and bidi marks inside a word, presentation forms,
// full-width and mathematical letters.
func foldChanges(r rune) bool {
	return r >= 0x064B && r <= 0x065F || r == 0x0670 || r == 0x0640 || r == 0x061C || r == 0x00AD ||
		r >= 0x200B && r <= 0x206F || r >= 0xFB50
}

// dateTokKind is the kind of a date token.
type dateTokKind uint8

const (
	dateTokWord  dateTokKind = iota + 1 // letters and marks
	dateTokNum                          // ASCII digits (Arabic-Indic digits are folded to them)
	dateTokPunct                        // one other rune
)

// dateToken is a token of folded text.
type dateToken struct {
	kind       dateTokKind
	text       string
	start, end int  // byte span in the folded text
	spaced     bool // white space precedes the token
	num        int  // value of a dateTokNum of at most 9 digits
}

// dateTokens splits folded text into words, numbers and punctuation.
func dateTokens(s string) []dateToken {
	toks := make([]dateToken, 0, len(s)/4)
	spaced := true
	for i := 0; i < len(s); {
		r, size := decodeRuneFast(s[i:])
		switch {
		case unicode.IsSpace(r):
			spaced = true
			i += size
			continue
		case r >= '0' && r <= '9':
			j := i
			n := 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				if j-i < 9 {
					n = n*10 + int(s[j]-'0')
				}
				j++
			}
			toks = append(toks, dateToken{kind: dateTokNum, text: s[i:j], start: i, end: j, spaced: spaced, num: n})
			i = j
		case unicode.IsLetter(r) || unicode.IsMark(r):
			j := i + size
			for j < len(s) {
				r2, s2 := decodeRuneFast(s[j:])
				if !unicode.IsLetter(r2) && !unicode.IsMark(r2) {
					break
				}
				j += s2
			}
			toks = append(toks, dateToken{kind: dateTokWord, text: s[i:j], start: i, end: j, spaced: spaced})
			i = j
		default:
			toks = append(toks, dateToken{kind: dateTokPunct, text: s[i : i+size], start: i, end: i + size, spaced: spaced})
			i += size
		}
		spaced = false
	}
	return toks
}

// dateMatcher matches the date forms over tokens.
type dateMatcher struct {
	toks   []dateToken
	lang   string
	pub    time.Time
	hasPub bool
}

// dateMatch is a date and the tokens it spans.
type dateMatch struct {
	date        Date
	first, last int         // token indices, inclusive
	more        []dateMatch // further dates of one match ("les 5 et 19 mars")
}

// match tries every form at token i.
func (m *dateMatcher) match(i int) (dateMatch, bool) {
	t := m.toks[i]
	switch t.kind {
	case dateTokNum:
		if d, ok := m.dayMonth(i, i); ok {
			return d, true
		}
		return m.numeric(i)
	case dateTokWord:
		if _, ok := m.weekday(i); ok {
			return m.fromWeekday(i)
		}
		if d, ok := m.relativeDay(i); ok {
			return d, true
		}
		if d, ok := m.lastNext(i); ok {
			return d, true
		}
		if dateDayWords[t.text] > 0 {
			return m.dayMonth(i, i)
		}
		if _, _, ok := m.month(i); ok {
			if d, ok := m.monthFirst(i); ok {
				return d, true
			}
			return m.monthYear(i, i)
		}
		if t.text == "شهر" {
			return m.monthYear(i+1, i)
		}
		if dateYearWords[t.text] {
			return m.cuedYear(i)
		}
	}
	return dateMatch{}, false
}

// tok returns token i, or a zero token past the end.
func (m *dateMatcher) tok(i int) dateToken {
	if i < 0 || i >= len(m.toks) {
		return dateToken{}
	}
	return m.toks[i]
}

// isPunct reports whether token i is one of the runes in set.
func (m *dateMatcher) isPunct(i int, set string) bool {
	t := m.tok(i)
	return t.kind == dateTokPunct && strings.Contains(set, t.text)
}

// skipPunct returns the index after token i if it is one of set, else i.
func (m *dateMatcher) skipPunct(i int, set string) int {
	if m.isPunct(i, set) {
		return i + 1
	}
	return i
}

// skipWords returns the index after token i if it is one of words, else i.
func (m *dateMatcher) skipWords(i int, words map[string]bool) int {
	if t := m.tok(i); t.kind == dateTokWord && words[t.text] {
		return i + 1
	}
	return i
}

// weekday returns the weekday named by token i.
func (m *dateMatcher) weekday(i int) (time.Weekday, bool) {
	t := m.tok(i)
	if t.kind != dateTokWord {
		return 0, false
	}
	wd, ok := weekdayNames[t.text]
	return wd, ok
}

// month returns the month named at token i (one word, or two for the
// Levantine "كانون الثاني") and the index after it. An abbreviation may
// take a period.
func (m *dateMatcher) month(i int) (mon monthName, next int, ok bool) {
	t := m.tok(i)
	if t.kind != dateTokWord {
		return monthName{}, i, false
	}
	if n := m.tok(i + 1); n.kind == dateTokWord {
		if mn, ok := monthNames[t.text+" "+n.text]; ok {
			return mn, i + 2, true
		}
	}
	mn, ok := monthNames[t.text]
	if !ok {
		return monthName{}, i, false
	}
	next = i + 1
	if mn.abbrev && m.isPunct(next, ".") && !m.tok(next).spaced {
		next++
	}
	return mn, next, true
}

// day returns the day of the month at token i: a number from 1 to 31 of at
// most two digits that is not part of a larger number (27.14, 09:00),
// with an ordinal suffix ("1er", "5th"); or a word for the first day
// ("فاتح", "premier").
func (m *dateMatcher) day(i int) (day, next int, ok bool) {
	t := m.tok(i)
	if t.kind == dateTokWord {
		if d := dateDayWords[t.text]; d > 0 {
			return d, i + 1, true
		}
		return 0, i, false
	}
	if t.kind != dateTokNum || len(t.text) > 2 || t.num < 1 || t.num > 31 || m.inNumber(i) {
		return 0, i, false
	}
	next = i + 1
	if s := m.tok(next); s.kind == dateTokWord && !s.spaced && ordinalSuffixes[s.text] {
		next++
	}
	return t.num, next, true
}

// inNumber reports whether number token i is part of a larger number: a
// decimal, a time, a law number, a numeric date.
func (m *dateMatcher) inNumber(i int) bool {
	p, n := m.tok(i-1), m.tok(i+1)
	if p.kind == dateTokPunct && !m.tok(i).spaced && strings.Contains(".,:/", p.text) &&
		m.tok(i-2).kind == dateTokNum && !p.spaced {
		return true
	}
	return n.kind == dateTokPunct && !n.spaced && strings.Contains(".,:/", n.text) &&
		m.tok(i+2).kind == dateTokNum && !m.tok(i+2).spaced
}

// year returns the year at token i: four digits from 1900 to 2100 that do
// not start or end a span of years (2023-2030) or a longer number.
func (m *dateMatcher) year(i int) (year, next int, ok bool) {
	t := m.tok(i)
	if t.kind != dateTokNum || len(t.text) != 4 || t.num < minYear || t.num > maxYear {
		return 0, i, false
	}
	if p := m.tok(i - 1); p.kind == dateTokPunct && strings.Contains("-/.", p.text) && m.spanPart(i-2, i-1, i) {
		return 0, i, false
	}
	if n := m.tok(i + 1); n.kind == dateTokPunct && strings.Contains("-/.,", n.text) && m.spanPart(i, i+1, i+2) {
		return 0, i, false
	}
	return t.num, i + 1, true
}

// spanPart reports whether numbers a and b around punctuation p form one
// number or span: written with no space (2023-2030, 2024-25, 2024.5), or a
// span of two years with spaces (2023 - 2030). "2024 - 18:30" is not.
func (m *dateMatcher) spanPart(a, p, b int) bool {
	ta, tp, tb := m.tok(a), m.tok(p), m.tok(b)
	if ta.kind != dateTokNum || tb.kind != dateTokNum {
		return false
	}
	if !tp.spaced && !tb.spaced {
		return true
	}
	return tp.text == "-" && len(ta.text) == 4 && len(tb.text) == 4
}

// The years a date may have.
const (
	minYear = 1900
	maxYear = 2100
)

// dayMonth matches, at token i, a day and a month with an optional year,
// or a range of days: "12 و13 أكتوبر 2021", "12 au 14 mars", "12-13
// October", "28 février au 2 mars 2024". first is the token where the
// match starts (a weekday before the day).
//
// Days joined by "-", "au", "to", "إلى" are a range. Days joined by "و",
// "et", "and" are a range when they follow each other ("les 12 et 13
// mars"), else separate dates ("les 5 et 19 mars": 5 March, 19 March).
func (m *dateMatcher) dayMonth(i, first int) (dateMatch, bool) {
	d1, j, ok := m.day(i)
	if !ok {
		return dateMatch{}, false
	}
	days := []dayTok{{d1, i}}
	enumerated := false
	for {
		k, enum := m.rangeSep(j)
		if k == j {
			break
		}
		d, k2, ok := m.day(k)
		if !ok {
			break
		}
		days, j = append(days, dayTok{d, k}), k2
		enumerated = enumerated || enum
	}
	j = m.skipWords(j, dateOfWords)
	mon, j, ok := m.month(j)
	if !ok {
		return dateMatch{}, false
	}
	y1, j1, hasY1 := m.optYear(j)
	if len(days) > 1 {
		return m.dayList(first, j1-1, y1, hasY1, mon.month, days, enumerated)
	}
	// A range across months: d1 month1 [year1] - d2 month2 [year2].
	if k, enum := m.rangeSep(j1); k > j1 {
		if d2, k2, ok := m.day(m.skipWords(k, dateArticleWords)); ok {
			k2 = m.skipWords(k2, dateOfWords)
			if mon2, k3, ok := m.month(k2); ok {
				y2, end, hasY2 := m.optYear(k3)
				from, to := calDay{y1, mon.month, d1}, calDay{y2, mon2.month, d2}
				if !hasY1 && hasY2 {
					from.y = y2
					if mon.month > mon2.month {
						from.y--
					}
				}
				if enum && !closeDays(from, to) {
					// Two dates: this one, with the year of the second.
					if hasY2 {
						return m.resolveRange(first, j1-1, from, calDay{})
					}
					return m.resolve(first, j1-1, y1, hasY1, from, calDay{})
				}
				switch {
				case hasY2:
					return m.resolveRange(first, end-1, from, to)
				case !hasY1 && mon.month < mon2.month:
					return m.resolve(first, end-1, 0, false, from, to)
				}
			}
		}
	}
	return m.resolve(first, j1-1, y1, hasY1, calDay{0, mon.month, d1}, calDay{})
}

// dayList resolves several days of one month ("12 و13 أكتوبر", "5 et 19
// mars"), spanning tokens first..last: a range from the first day to the
// last when they are joined by range words or follow each other, else one
// date for each day.
func (m *dateMatcher) dayList(first, last, year int, hasYear bool, month int, days []dayTok, enumerated bool) (dateMatch, bool) {
	n := len(days)
	consecutive := true
	for k := 1; k < n; k++ {
		consecutive = consecutive && days[k].day == days[k-1].day+1
	}
	if !enumerated && n == 2 || consecutive {
		return m.resolve(first, last, year, hasYear, calDay{0, month, days[0].day}, calDay{0, month, days[n-1].day})
	}
	// Separate dates: each day alone, the last with the month and year.
	var main dateMatch
	for k, d := range days {
		f, l := d.tok, d.tok
		if k == 0 {
			f = first
		}
		if k == n-1 {
			l = last
		}
		dm, ok := m.resolve(f, l, year, hasYear, calDay{0, month, d.day}, calDay{})
		if !ok {
			return dateMatch{}, false
		}
		if k == 0 {
			main = dm
		} else {
			main.more = append(main.more, dm)
		}
	}
	return main, true
}

// dayTok is a day of the month and the index of its token.
type dayTok struct{ day, tok int }

// closeDays reports whether to is at most three days after from, so that
// "30 juin et 1er juillet" is a range and "3 mai et 15 août" two dates.
func closeDays(from, to calDay) bool {
	if from.y == 0 || to.y == 0 {
		from.y, to.y = 2000, 2000
		if from.m > to.m {
			to.y++
		}
	}
	a := time.Date(from.y, time.Month(from.m), from.d, 0, 0, 0, 0, time.UTC)
	b := time.Date(to.y, time.Month(to.m), to.d, 0, 0, 0, 0, time.UTC)
	return b.After(a) && b.Sub(a) <= 3*24*time.Hour
}

// optYear matches an optional ", year" at token i.
func (m *dateMatcher) optYear(i int) (year, next int, ok bool) {
	j := m.skipPunct(i, ",")
	if y, k, ok := m.year(j); ok {
		return y, k, true
	}
	return 0, i, false
}

// rangeSep returns the index after a separator of days at token i, and
// whether it enumerates ("و", "et", "and", "&") rather than spans ("-",
// "au", "to", "إلى"); it returns i if there is none.
func (m *dateMatcher) rangeSep(i int) (next int, enumerates bool) {
	t := m.tok(i)
	switch {
	case t.kind == dateTokPunct && t.text == "-":
		return i + 1, false
	case t.kind == dateTokPunct && t.text == "&":
		return i + 1, true
	case t.kind == dateTokWord && dateRangeWords[t.text]:
		return i + 1, false
	case t.kind == dateTokWord && dateAndWords[t.text]:
		return i + 1, true
	}
	return i, false
}

// monthFirst matches an English date at token i: "March 5, 2024", "March
// 12-14, 2024", "March 5".
func (m *dateMatcher) monthFirst(i int) (dateMatch, bool) {
	mon, j, _ := m.month(i)
	if !mon.english {
		return dateMatch{}, false
	}
	d1, j, ok := m.day(j)
	if !ok {
		return dateMatch{}, false
	}
	if m.tok(j).kind == dateTokNum && m.tok(j).spaced {
		return dateMatch{}, false // "March 5 2000 people": ambiguous
	}
	to := calDay{}
	if k, _ := m.rangeSep(j); k > j {
		if d2, k2, ok := m.day(k); ok && d2 > d1 {
			to, j = calDay{0, mon.month, d2}, k2
		}
	}
	y, end, hasYear := m.optYear(j)
	return m.resolve(i, end-1, y, hasYear, calDay{0, mon.month, d1}, to)
}

// monthYear matches a month and a year at token i, or a range of months
// of one year: "أكتوبر 2021", "juillet 2024", "July, 2024", "entre janvier
// et août 2024", "من يناير إلى غشت 2024". first is where the match starts.
func (m *dateMatcher) monthYear(i, first int) (dateMatch, bool) {
	mon, j, ok := m.month(i)
	if !ok {
		return dateMatch{}, false
	}
	if k, _ := m.rangeSep(j); k > j {
		if mon2, k2, ok := m.month(m.skipWords(k, dateMonthArticles)); ok && mon2.month > mon.month {
			if y, end, ok := m.optYear(k2); ok {
				return dateMatch{date: Date{
					Value: fmt.Sprintf("%04d-%02d", y, mon.month),
					Until: fmt.Sprintf("%04d-%02d", y, mon2.month),
				}, first: first, last: end - 1}, true
			}
		}
	}
	y, end, ok := m.optYear(j)
	if !ok {
		return dateMatch{}, false
	}
	return dateMatch{date: Date{Value: fmt.Sprintf("%04d-%02d", y, mon.month)}, first: first, last: end - 1}, true
}

// cuedYear matches a year after a year word at token i: "سنة 2016", "en
// 2016", "mid-2024". The match is the year alone.
func (m *dateMatcher) cuedYear(i int) (dateMatch, bool) {
	j := i + 1
	if m.isPunct(j, "-") && !m.tok(j).spaced {
		j++
	}
	y, _, ok := m.year(j)
	if !ok || !m.tok(j).spaced && j == i+1 {
		return dateMatch{}, false
	}
	return dateMatch{date: Date{Value: fmt.Sprintf("%04d", y)}, first: j, last: j}, true
}

// numeric matches 26/07/2024, 26-07-2024, 26.07.2024 and 2024-07-26 at
// token i, unless a law word ("loi", "رقم", "n°") comes before it.
func (m *dateMatcher) numeric(i int) (dateMatch, bool) {
	a, s1, b, s2, c := m.tok(i), m.tok(i+1), m.tok(i+2), m.tok(i+3), m.tok(i+4)
	if s1.kind != dateTokPunct || s1.text != s2.text || !strings.Contains("/-.", s1.text) ||
		b.kind != dateTokNum || c.kind != dateTokNum || s1.spaced || b.spaced || s2.spaced || c.spaced {
		return dateMatch{}, false
	}
	// Not part of a longer chain (2.18.2014.5) or after a law word.
	if n := m.tok(i + 5); n.kind == dateTokPunct && !n.spaced && m.tok(i+6).kind == dateTokNum && !m.tok(i+6).spaced {
		return dateMatch{}, false
	}
	if p := m.tok(i - 1); p.kind == dateTokPunct && !a.spaced && m.tok(i-2).kind == dateTokNum {
		return dateMatch{}, false
	}
	if m.afterLawWord(i) {
		return dateMatch{}, false
	}
	var d calDay
	switch {
	case len(a.text) == 4 && len(b.text) <= 2 && len(c.text) <= 2:
		d = calDay{a.num, b.num, c.num}
	case len(a.text) <= 2 && len(b.text) <= 2 && len(c.text) == 4:
		d = calDay{c.num, b.num, a.num}
		if (m.lang == "en" && a.num <= 12 || b.num > 12) && validDay(c.num, a.num, b.num) {
			d = calDay{c.num, a.num, b.num}
		}
	default:
		return dateMatch{}, false
	}
	if d.y < minYear || d.y > maxYear || !validDay(d.y, d.m, d.d) {
		return dateMatch{}, false
	}
	return dateMatch{date: Date{Value: d.String()}, first: i, last: i + 4}, true
}

// afterLawWord reports whether a law word ("loi", "décret", "رقم",
// "n°") comes just before token i, allowing "n°" and "No." marks.
func (m *dateMatcher) afterLawWord(i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		t := m.tok(j)
		switch {
		case t.kind == dateTokWord && dateLawWords[t.text]:
			return true
		case t.kind == dateTokPunct && strings.Contains("°º:.", t.text):
		case t.kind == dateTokWord && (t.text == "n" || t.text == "no" || t.text == "nº"):
			return true
		default:
			return false
		}
	}
	return false
}

// fromWeekday matches at a weekday token i: a full date after it
// ("vendredi, 26 juillet, 2024"), else a relative weekday ("jeudi",
// "lundi dernier", "الخميس المقبل").
func (m *dateMatcher) fromWeekday(i int) (dateMatch, bool) {
	wd, _ := m.weekday(i)
	j := m.skipPunct(i+1, ",،")
	j = m.skipWords(j, dateArticleWords)
	if d, ok := m.dayMonth(j, i); ok {
		return d, true
	}
	dir, last := 0, i
	if t := m.tok(i + 1); t.kind == dateTokWord && datePastWords[t.text] {
		dir, last = -1, i+1
	} else if t.kind == dateTokWord && dateNextWords[t.text] {
		dir, last = 1, i+1
	}
	return m.relativeWeekday(i, last, wd, dir)
}

// lastNext matches "last Thursday", "next Monday" at token i.
func (m *dateMatcher) lastNext(i int) (dateMatch, bool) {
	t := m.tok(i)
	wd, ok := m.weekday(i + 1)
	if !ok {
		return dateMatch{}, false
	}
	switch t.text {
	case "last":
		return m.relativeWeekday(i, i+1, wd, -1)
	case "next":
		return m.relativeWeekday(i, i+1, wd, 1)
	}
	return dateMatch{}, false
}

// relativeWeekday resolves weekday wd against the publication date: the
// latest such day on or before it (dir 0), strictly before it (dir -1), or
// the first strictly after it (dir 1).
func (m *dateMatcher) relativeWeekday(first, last int, wd time.Weekday, dir int) (dateMatch, bool) {
	if !m.hasPub {
		return dateMatch{}, false
	}
	var delta int
	if dir > 0 {
		delta = (int(wd) - int(m.pub.Weekday()) + 7) % 7
		if delta == 0 {
			delta = 7
		}
	} else {
		delta = -((int(m.pub.Weekday()) - int(wd) + 7) % 7)
		if delta == 0 && dir < 0 {
			delta = -7
		}
	}
	return m.relativeMatch(first, last, m.pub.AddDate(0, 0, delta))
}

// relativeMatch returns the relative date d, spanning tokens first..last,
// if its year is one a date may have.
func (m *dateMatcher) relativeMatch(first, last int, d time.Time) (dateMatch, bool) {
	if d.Year() < minYear || d.Year() > maxYear {
		return dateMatch{}, false
	}
	return dateMatch{date: Date{Value: d.Format(time.DateOnly), Relative: true}, first: first, last: last}, true
}

// relativeDay matches "أمس", "hier", "yesterday", "أول أمس", "avant-hier",
// "غدا", "demain", "tomorrow" at token i, with a weekday that may follow
// ("أمس الخميس", "hier jeudi").
func (m *dateMatcher) relativeDay(i int) (dateMatch, bool) {
	t := m.tok(i)
	offset, last := 0, i
	switch {
	case t.text == "اول" && relativeDays[m.tok(i+1).text] == -1:
		offset, last = -2, i+1
	case t.text == "avant" && m.isPunct(i+1, "-") && m.tok(i+2).text == "hier":
		offset, last = -2, i+2
	default:
		offset = relativeDays[t.text]
	}
	if offset == 0 {
		return dateMatch{}, false
	}
	if _, ok := m.weekday(m.skipPunct(last+1, ",،")); ok {
		last = m.skipPunct(last+1, ",،")
	}
	if !m.hasPub {
		return dateMatch{}, false
	}
	return m.relativeMatch(i, last, m.pub.AddDate(0, 0, offset))
}

// calDay is a calendar date; a zero y means the year is not stated.
type calDay struct{ y, m, d int }

func (d calDay) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d) }

// resolve returns the date from and, if to.m is set, the range to its day
// to, in the year stated (hasYear) or the year that puts from closest to
// the publication date.
func (m *dateMatcher) resolve(first, last, year int, hasYear bool, from, to calDay) (dateMatch, bool) {
	relative := false
	if !hasYear {
		if !m.hasPub {
			return dateMatch{}, false
		}
		year, relative = m.closestYear(from.m, from.d), true
	}
	from.y = year
	if to.m != 0 {
		to.y = year
	}
	d, ok := m.resolveRange(first, last, from, to)
	d.date.Relative = relative
	return d, ok
}

// closestYear returns the year, among the publication year and its
// neighbours, that puts month/day closest to the publication date.
func (m *dateMatcher) closestYear(month, day int) int {
	best, bestDist := m.pub.Year(), time.Duration(1<<62)
	for y := m.pub.Year() - 1; y <= m.pub.Year()+1; y++ {
		t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		dist := t.Sub(m.pub)
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = y, dist
		}
	}
	return best
}

// resolveRange validates from and to (to.m == 0: no range) and returns the
// match.
func (m *dateMatcher) resolveRange(first, last int, from, to calDay) (dateMatch, bool) {
	if !validDay(from.y, from.m, from.d) || from.y < minYear || from.y > maxYear {
		return dateMatch{}, false
	}
	d := Date{Value: from.String()}
	if to.m != 0 {
		if !validDay(to.y, to.m, to.d) || to.y > maxYear || to.String() <= from.String() {
			return dateMatch{}, false
		}
		d.Until = to.String()
	}
	return dateMatch{date: d, first: first, last: last}, true
}

// validDay reports whether y-m-d is a day of the calendar.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// parseDay parses "YYYY-MM-DD", a day from minYear to maxYear.
func parseDay(s string) (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil && t.Year() >= minYear && t.Year() <= maxYear
}

// isDateWord reports whether folded word w names a weekday or a month.
func isDateWord(w string) bool {
	_, wd := weekdayNames[w]
	_, mn := monthNames[w]
	return wd || mn || monthParts[w]
}

// decodeRuneFast is utf8.DecodeRuneInString with a fast path for ASCII.
func decodeRuneFast(s string) (rune, int) {
	if s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	return utf8.DecodeRuneInString(s)
}

// monthName is a month as named in some language.
type monthName struct {
	month   int
	english bool // English names also come before the day ("March 5")
	abbrev  bool // may take a period ("janv.", "Sept.")
}

// The word tables, in folded form (see dateKey).
var (
	monthNames, monthParts = newMonthTables()

	weekdayNames = newWeekdayTable()

	// dateDayWords name the first day of a month: "فاتح غشت" is 1 August.
	dateDayWords = map[string]int{dateKey("فاتح"): 1, dateKey("الفاتح"): 1, "premier": 1}

	ordinalSuffixes   = foldedWordSet("er", "re", "e", "eme", "ème", "st", "nd", "rd", "th")
	dateOfWords       = foldedWordSet("de", "of")
	dateArticleWords  = foldedWordSet("le", "the", "on", "في", "الموافق")
	dateRangeWords    = foldedWordSet("au", "to", "à", "إلى", "الى", "حتى", "till", "until", "through")
	dateAndWords      = foldedWordSet("و", "et", "and")
	dateMonthArticles = foldedWordSet("en", "in", "شهر")
	datePastWords     = foldedWordSet("dernier", "dernière", "passé", "passée", "الماضي", "المنصرم", "الفارط", "المنقضي")
	dateNextWords     = foldedWordSet("prochain", "prochaine", "المقبل", "القادم")

	// dateYearWords introduce a year: "سنة 2016", "en 2016", "in 2016".
	dateYearWords = foldedWordSet(
		"سنة", "لسنة", "بسنة", "وسنة", "السنة", "للسنة", "عام", "لعام", "العام", "للعام", "بعام",
		"وعام", "والعام", "منذ", "خلال", "برسم", "مطلع", "أواخر", "أوائل",
		"en", "année", "depuis", "courant", "fin", "début", "mi",
		"in", "since", "year", "during", "early", "late", "mid",
	)

	// dateLawWords before a number make it a law or decree number.
	dateLawWords = foldedWordSet(
		"رقم", "قانون", "القانون", "مرسوم", "المرسوم", "ظهير", "الظهير", "المادة", "الفصل", "دورية",
		"loi", "décret", "dahir", "arrêté", "circulaire", "article", "art", "law", "decree", "act",
	)

	// relativeDays are days counted from the publication date.
	relativeDays = map[string]int{
		dateKey("أمس"): -1, dateKey("البارحة"): -1, "hier": -1, "yesterday": -1,
		dateKey("غدا"): 1, "demain": 1, "tomorrow": 1,
	}
)

// newWeekdayTable returns the weekdays by folded name.
func newWeekdayTable() map[string]time.Weekday {
	table := map[string]time.Weekday{}
	for wd, names := range [7][]string{
		{"الأحد", "dimanche", "sunday"},
		{"الاثنين", "الإثنين", "lundi", "monday"},
		{"الثلاثاء", "mardi", "tuesday"},
		{"الأربعاء", "mercredi", "wednesday"},
		{"الخميس", "jeudi", "thursday"},
		{"الجمعة", "vendredi", "friday"},
		{"السبت", "samedi", "saturday"},
	} {
		for _, n := range names {
			table[dateKey(n)] = time.Weekday(wd)
		}
	}
	return table
}

// newMonthTables returns the month names by folded key, and the words of
// the two-word names.
func newMonthTables() (map[string]monthName, map[string]bool) {
	names := map[string]monthName{}
	parts := map[string]bool{}
	add := func(month int, english, abbrev bool, words ...string) {
		for _, w := range words {
			k := dateKey(w)
			if strings.Contains(k, " ") {
				for _, p := range strings.Fields(k) {
					parts[p] = true
				}
			}
			names[k] = monthName{month: month, english: english, abbrev: abbrev}
		}
	}
	arabic := [12][]string{
		{"يناير", "جانفي", "كانون الثاني"},
		{"فبراير", "فيفري", "شباط"},
		{"مارس", "آذار"},
		{"أبريل", "ابريل", "إبريل", "أفريل", "نيسان"},
		{"ماي", "مايو", "أيار"},
		{"يونيو", "يونيه", "جوان", "حزيران"},
		{"يوليوز", "يوليو", "يوليه", "جويلية", "تموز"},
		{"غشت", "أغسطس", "أوت", "آب"},
		{"شتنبر", "سبتمبر", "أيلول"},
		{"أكتوبر", "اكتوبر", "تشرين الأول"},
		{"نونبر", "نوفمبر", "تشرين الثاني"},
		{"دجنبر", "ديسمبر", "كانون الأول"},
	}
	french := [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	frenchAbbrev := [12][]string{{"janv"}, {"févr", "fév"}, nil, {"avr"}, nil, nil, {"juil"}, nil, {"sept"}, {"oct"}, {"nov"}, {"déc"}}
	english := [12]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	englishAbbrev := [12][]string{{"jan"}, {"feb"}, {"mar"}, {"apr"}, nil, {"jun"}, {"jul"}, {"aug"}, {"sep", "sept"}, {"oct"}, {"nov"}, {"dec"}}
	for i := range 12 {
		add(i+1, false, false, arabic[i]...)
		add(i+1, false, false, french[i])
		add(i+1, false, true, frenchAbbrev[i]...)
		add(i+1, true, false, english[i])
		add(i+1, true, true, englishAbbrev[i]...)
	}
	return names, parts
}

// dateKey returns the folded form of a table word, as dateTokens sees it.
func dateKey(s string) string { return strings.Join(phraseWords(s), " ") }
