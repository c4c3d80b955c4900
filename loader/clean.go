package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/internal/fold"
)

// Clean is the plain-text cleaning step. It strips a byte order mark, turns
// CRLF and CR line endings into LF, and drops the whole lines that are not
// part of the article; it never edits a line it keeps, so every sentence of
// the article is kept byte for byte. Runs of blank lines become one blank
// line, and blank lines at the start and end are dropped.
//
// published is the publication date "YYYY-MM-DD" stated by a dateline, or
// "" if none is found.
//
// The rules are general, never keyed to one site:
//   - a dateline near the top or bottom: a line that is only a date with
//     its weekday, time and labels ("vendredi, 26 juillet, 2024 à 23:48",
//     "الثلاثاء 09 يوليو 2024 على الساعة 09:00", "Published on March 5,
//     2024", "Rabat, 14 mars 2024"), or a short byline with a date; it
//     gives the publication date. A dateline that opens the first
//     paragraph ("Rabat, 14 mars 2024 (MAP) - Le ministre …") gives it too,
//     and the paragraph is kept;
//   - a short line made only of site phrases from a small multilingual
//     table (tickers such as "عاجل" or "Breaking", comment notices such as
//     "التعليقات مغلقة" or "Laisser un commentaire", share buttons, "read
//     also", tags, advertising, copyright), or a label of that table
//     followed by a colon ("Lire aussi : …", "Tags: …");
//   - the list of short headlines that follows a "read also" or "related"
//     line;
//   - a bulleted list of two or more short headlines before the first
//     paragraph (a site's headline block);
//   - a line equal, up to white space, to the previous kept line (a
//     title printed twice);
//   - a line with no letter or digit ("***", "|"), or only a URL.
//
// A title line that states facts has many words besides any date in it and
// is kept.
func Clean(text string) (body, published string) {
	text = normalizeNewlines(text)
	lines := strings.Split(text, "\n")
	c := cleaner{lines: lines, drop: make([]bool, len(lines))}
	c.dropSitePhrases()
	c.dropHeadlineBlock()
	published = c.dropDatelines()
	c.dropDuplicates()
	body = c.join()
	if published == "" {
		published = inlineDateline(body)
	}
	return body, published
}

// normalizeNewlines strips a leading byte order mark and turns CRLF and CR
// into LF.
func normalizeNewlines(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// cleaner holds the lines of a text and which of them are dropped.
type cleaner struct {
	lines []string
	drop  []bool
}

// Limits of the line rules.
const (
	// headLines and tailLines are how many lines, not blank and not
	// boilerplate, at the start and end of a text may be datelines.
	headLines = 8
	tailLines = 3
	// The other limits are in words. maxPhraseLineWords bounds a line that
	// may be only site phrases.
	maxPhraseLineWords = 12
	// maxLabelLineWords bounds a "Label: …" line ("Lire aussi : …").
	maxLabelLineWords = 30
	// maxHeadlineWords bounds a headline in a list of headlines.
	maxHeadlineWords = 30
	// maxBylineWords bounds a byline ("Par Karim Benali", "بقلم …").
	maxBylineWords = 6
)

// live returns the indices of the lines that are neither blank nor dropped.
func (c *cleaner) live() []int {
	var idx []int
	for i, l := range c.lines {
		if !c.drop[i] && !isBlankLine(l) {
			idx = append(idx, i)
		}
	}
	return idx
}

func isBlankLine(s string) bool { return strings.TrimSpace(s) == "" }

// dropDatelines drops the datelines among the first headLines and last
// tailLines non-blank lines and returns the publication date they give:
// the first dated "published" line, else the first dateline at all
// ("updated" lines come last).
func (c *cleaner) dropDatelines() string {
	live := c.live()
	var published, updated string
	for n, i := range live {
		head := n < headLines
		if !head && n < len(live)-tailLines {
			continue
		}
		date, isUpdate, ok := datelineDate(c.lines[i], head)
		if !ok {
			continue
		}
		c.drop[i] = true
		switch {
		case isUpdate && updated == "":
			updated = date
		case !isUpdate && published == "":
			published = date
		}
	}
	if published == "" {
		published = updated
	}
	return published
}

// dropSitePhrases drops site-phrase lines, label lines, lines with no
// letters or digits and URL-only lines, and the headline lists that follow
// a "read also" line.
func (c *cleaner) dropSitePhrases() {
	related, items := false, 0 // inside the list that follows a "read also" line
	for i, l := range c.lines {
		if c.drop[i] {
			continue
		}
		if isBlankLine(l) {
			// A blank line ends the list, unless it separates the label
			// from its first item.
			related = related && items == 0
			continue
		}
		if kind, ok := sitePhraseLine(l); ok {
			c.drop[i] = true
			related, items = kind == phraseRelated, 0
			continue
		}
		if !hasLetterOrDigit(l) || isURLLine(l) {
			c.drop[i] = true
			continue
		}
		if related && isHeadline(l) {
			c.drop[i] = true
			items++
			continue
		}
		related = false
	}
}

// dropHeadlineBlock drops a bulleted list of two or more headlines that
// comes before the first paragraph, when a paragraph follows it.
func (c *cleaner) dropHeadlineBlock() {
	live := c.live()
	n := 0
	for n < len(live) && isBulletLine(c.lines[live[n]]) && isHeadline(c.lines[live[n]]) {
		n++
	}
	if n < 2 || n == len(live) {
		return
	}
	for _, i := range live[:n] {
		c.drop[i] = true
	}
}

// dropDuplicates drops a line equal to the previous kept line, up to
// white space.
func (c *cleaner) dropDuplicates() {
	prev := ""
	for _, i := range c.live() {
		k := strings.Join(strings.Fields(c.lines[i]), " ")
		if k == prev {
			c.drop[i] = true
			continue
		}
		prev = k
	}
}

// join returns the kept lines, separated by "\n", or by "\n\n" where blank
// lines stood between them.
func (c *cleaner) join() string {
	var b strings.Builder
	blank := false
	for i, l := range c.lines {
		switch {
		case c.drop[i]:
		case isBlankLine(l):
			blank = true
		default:
			if b.Len() > 0 {
				b.WriteByte('\n')
				if blank {
					b.WriteByte('\n')
				}
			}
			b.WriteString(l)
			blank = false
		}
	}
	return b.String()
}

// hasLetterOrDigit reports whether s has a letter or a digit.
func hasLetterOrDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// isURLLine reports whether s is one URL and nothing else.
func isURLLine(s string) bool {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, " \t") {
		return false
	}
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

// isBulletLine reports whether s starts, after indentation, with a bullet
// symbol, or with a dash, star or plus sign and a space.
func isBulletLine(s string) bool {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	r, size := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '*', '+', '–', '—':
		next, _ := utf8.DecodeRuneInString(s[size:])
		return unicode.IsSpace(next)
	}
	return isBulletRune(r)
}

// isBulletRune reports whether r is a bullet symbol.
func isBulletRune(r rune) bool {
	switch r {
	case '•', '·', '▪', '▫', '◦', '‣', '⁃', '●', '○', '■', '□', '►', '▶', '➢', '➤', '✓', '✔', '★', '☆', '◆', '◇', '»':
		return true
	}
	return false
}

// isHeadline reports whether s reads as a headline: at most
// maxHeadlineWords words, not ending with a period.
func isHeadline(s string) bool {
	s = strings.TrimSpace(s)
	if len(strings.Fields(s)) > maxHeadlineWords {
		return false
	}
	s = strings.TrimRight(s, "\"'”’»)")
	return !strings.HasSuffix(s, ".") || strings.HasSuffix(s, "..")
}

// phraseKind groups the site phrases; only what follows a phraseRelated
// line ("Lire aussi") is dropped with it.
type phraseKind int

const (
	phraseTicker phraseKind = iota + 1
	phraseComment
	phraseShare
	phraseRelated
	phraseLabel
	phraseNav
)

// sitePhrases are the phrases that news sites print around an article, in
// Arabic, French and English. They are matched as whole words on folded
// text (fold.Fold), so "عذراً التعليقات مغلقة" matches "التعليقات مغلقة".
var sitePhrases = map[phraseKind][]string{
	phraseTicker: {
		"عاجل", "خبر عاجل", "أخبار عاجلة", "الأكثر قراءة", "الأكثر مشاهدة", "آخر الأخبار", "مباشر",
		"breaking", "breaking news", "urgent", "flash", "flash info", "dernière minute",
		"dernières nouvelles", "dernières infos", "à la une", "les plus lus", "most read",
		"most popular", "latest news", "trending", "en direct", "live",
	},
	phraseComment: {
		"التعليقات مغلقة", "التعليقات", "تعليقات", "تعليق", "اترك تعليقا", "أضف تعليقا", "أضف تعليق",
		"إضافة تعليق", "لا توجد تعليقات", "كن أول من يعلق", "رد",
		"comments are closed", "comments closed", "comments", "comment", "no comments",
		"leave a comment", "leave a reply", "add a comment", "post a comment", "reply",
		"be the first to comment", "commentaires", "commentaire", "laisser un commentaire",
		"ajouter un commentaire", "les commentaires sont fermés", "commentaires fermés",
		"réagir", "répondre",
	},
	phraseShare: {
		"شارك", "شارك المقال", "شارك الخبر", "مشاركة", "طباعة", "إرسال", "نسخ الرابط",
		"share", "share this", "share this article", "partager", "partager cet article", "partagez",
		"tweet", "tweeter", "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin",
		"email", "e-mail", "messenger", "pinterest", "imprimer", "print", "envoyer", "send",
		"copier le lien", "copy link", "youtube", "instagram", "فيسبوك", "تويتر", "واتساب",
		"تلغرام", "لينكدإن", "يوتيوب", "انستغرام",
	},
	phraseRelated: {
		"اقرأ أيضا", "اقرأ كذلك", "اقرأ المزيد", "مقالات ذات صلة", "أخبار ذات صلة",
		"مواضيع ذات صلة", "مواضيع مرتبطة", "ذات صلة", "قد يهمك", "read also", "read more",
		"see also", "related", "related articles", "related news", "related posts",
		"you may also like", "lire aussi", "à lire aussi", "lire la suite", "voir aussi",
		"à voir aussi", "sur le même sujet", "articles similaires", "articles liés",
		"dans la même rubrique", "vous aimerez aussi",
	},
	phraseLabel: {
		"tags", "tag", "الوسوم", "وسوم", "كلمات مفتاحية", "mots-clés", "mots clés", "keywords",
		"catégorie", "catégories", "category", "التصنيف", "تصنيف", "rubrique",
		"source", "المصدر", "photo", "photos", "crédit photo", "صورة", "الصورة", "image",
		"vidéo", "video", "فيديو", "illustration", "copyright", "all rights reserved",
		"tous droits réservés", "جميع الحقوق محفوظة", "حقوق النشر محفوظة",
		"advertisement", "publicité", "sponsored", "sponsorisé", "إعلان", "إعلانات",
		"abonnez-vous", "s'abonner", "subscribe", "newsletter", "اشترك", "follow us",
		"suivez-nous", "تابعونا", "rejoignez-nous", "cookies", "accepter", "accept",
		"la rédaction", "هيئة التحرير",
	},
	phraseNav: {
		"الرئيسية", "بحث", "السابق", "التالي", "المقال السابق", "المقال التالي",
		"home", "accueil", "menu", "rechercher", "search", "précédent", "suivant", "previous",
		"next", "article précédent", "article suivant", "previous article", "next article",
		"retour", "back to top", "haut de page",
	},
}

// phraseFillers may stand beside site phrases in a site-phrase line
// ("Partager sur Facebook", "عذراً التعليقات مغلقة").
var phraseFillers = []string{
	"عذرا", "عبر", "على", "في", "من", "و", "أيضا", "المقال", "الخبر", "هنا", "لنا",
	"sorry", "désolé", "sur", "on", "via", "this", "article", "l", "d", "s", "cet", "cette",
	"ce", "the", "a", "an", "ici", "here", "et", "and", "le", "la", "les", "un", "une", "de",
	"du", "des", "to", "your", "votre", "vos", "our", "nos", "us", "nous", "you", "vous",
	"in", "with", "avec", "friends", "amis", "is", "are", "sont",
}

// phraseTable is sitePhrases and phraseFillers in folded words.
type phraseTable struct {
	phrases map[string]phraseKind // folded words joined by " "
	fillers map[string]bool
	longest int // most words in a phrase
}

var sitePhraseTable = newPhraseTable()

func newPhraseTable() phraseTable {
	t := phraseTable{phrases: map[string]phraseKind{}, fillers: map[string]bool{}}
	for kind, list := range sitePhrases {
		for _, p := range list {
			w := phraseWords(p)
			t.phrases[strings.Join(w, " ")] = kind
			t.longest = max(t.longest, len(w))
		}
	}
	for _, f := range phraseFillers {
		t.fillers[strings.Join(phraseWords(f), " ")] = true
	}
	return t
}

// phraseWords returns the folded words of s: runs of letters and digits.
func phraseWords(s string) []string {
	return strings.FieldsFunc(fold.Fold(s).Folded, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// cover reports whether words are all site phrases, fillers or numbers,
// with at least one phrase, and the kind of the first phrase.
func (t phraseTable) cover(words []string) (phraseKind, bool) {
	var first phraseKind
	for i := 0; i < len(words); {
		k := min(t.longest, len(words)-i)
		for ; k > 0; k-- {
			if kind, ok := t.phrases[strings.Join(words[i:i+k], " ")]; ok {
				if first == 0 {
					first = kind
				}
				break
			}
		}
		if k > 0 {
			i += k
			continue
		}
		if !t.fillers[words[i]] && !isASCIIDigits(words[i]) {
			return 0, false
		}
		i++
	}
	return first, first != 0
}

// sitePhraseLine reports whether line is boilerplate of the phrase table:
// a short line of site phrases, fillers and counts ("3 commentaires"), a
// line that starts with a copyright sign, or a "Label: …" line whose label
// is a phrase other than a ticker, or a breadcrumb that starts with a
// navigation phrase ("Accueil > Société"). It returns the phrase kind.
func sitePhraseLine(line string) (phraseKind, bool) {
	s := strings.TrimSpace(line)
	if moreWordsThan(s, maxLabelLineWords) {
		return 0, false // a paragraph: not worth folding
	}
	if strings.HasPrefix(s, "©") {
		return phraseLabel, true
	}
	if moreWordsThan(s, maxPhraseLineWords) && !strings.Contains(s, ":") {
		// Too long for a line of phrases or a breadcrumb, and no label:
		// not worth folding either.
		return 0, false
	}
	words := phraseWords(s)
	if len(words) == 0 {
		return 0, false
	}
	if len(words) <= maxPhraseLineWords {
		if kind, ok := sitePhraseTable.cover(words); ok {
			return kind, true
		}
	}
	if len(words) > maxLabelLineWords {
		return 0, false
	}
	if label, _, ok := strings.Cut(s, ":"); ok {
		if kind, ok := sitePhraseTable.cover(phraseWords(label)); ok && kind != phraseTicker {
			return kind, true
		}
	}
	// A breadcrumb: "Accueil > Société > Justice".
	if i := strings.IndexAny(s, ">›»/|"); i > 0 && len(words) <= maxPhraseLineWords {
		if kind, ok := sitePhraseTable.cover(phraseWords(s[:i])); ok && kind == phraseNav {
			return kind, true
		}
	}
	return 0, false
}

// moreWordsThan reports whether s has more than n space-separated fields
// with a letter or digit in them.
func moreWordsThan(s string, n int) bool {
	count, inWord, hasAlnum := 0, false, false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			if inWord && hasAlnum {
				count++
			}
			inWord, hasAlnum = false, false
		default:
			inWord = true
			hasAlnum = hasAlnum || unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		if count > n {
			return true
		}
	}
	if inWord && hasAlnum {
		count++
	}
	return count > n
}

// isASCIIDigits reports whether s is a non-empty run of ASCII digits.
func isASCIIDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// datelineWords may stand beside the date of a dateline: labels, times,
// reading times. datelineUpdate are those that mark a date of update.
var (
	datelineWords = foldedWordSet(
		"date", "le", "on", "the", "at", "à", "de", "du", "in", "published", "publié", "publiée",
		"posted", "mis", "mise", "jour", "updated", "update", "last", "modified", "modifié",
		"dernière", "edited", "h", "hrs", "heure", "heures", "gmt", "utc", "am", "pm", "min",
		"lecture", "read", "نشر", "نشرت", "نشر في", "في", "بتاريخ", "تاريخ", "التاريخ", "النشر",
		"آخر", "تحديث", "التحديث", "الساعة", "ساعة", "على", "يوم", "ص", "م", "صباحا", "مساء",
		"مساءا", "قراءة", "دقيقة", "دقائق",
	)
	datelineUpdate = foldedWordSet("mis", "mise", "updated", "update", "modified", "modifié", "تحديث", "التحديث")
	bylineWords    = foldedWordSet("par", "by", "بقلم", "كتب", "إعداد", "متابعة")
)

// foldedWordSet returns the set of the folded words of words.
func foldedWordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		for _, f := range phraseWords(w) {
			m[f] = true
		}
	}
	return m
}

// maxDatelineWords bounds a dateline.
const maxDatelineWords = 16

// datelineDate reports whether line is a dateline: a full date with, around
// it, only weekdays, month names, numbers, times, labels such as "Publié
// le" or "على الساعة", an agency in parentheses, and at most a place before
// the date ("Rabat, 14 mars 2024"). In the head of a text a byline with a
// date counts too ("Par Karim Benali - 14 mars 2024"). It returns the date
// (the first full date) and whether the line is labelled as an update.
func datelineDate(line string, head bool) (date string, isUpdate, ok bool) {
	s := strings.TrimSpace(line)
	if moreWordsThan(s, maxDatelineWords) {
		return "", false, false
	}
	dates := FindDates(s, "", "")
	for _, d := range dates {
		if len(d.Value) == len("2006-01-02") && d.Until == "" && !d.Relative {
			date = d.Value
			break
		}
	}
	if date == "" {
		return "", false, false
	}
	var before, leftover []string // words outside dates that are not labels
	prev := 0
	for n, d := range dates {
		for _, w := range phraseWords(dropParenthesized(s[prev:d.Start])) {
			if datelineUpdate[w] {
				isUpdate = true
			}
			if isDatelineWord(w) {
				continue
			}
			leftover = append(leftover, w)
			if n == 0 {
				before = append(before, w)
			}
		}
		prev = d.End
	}
	for _, w := range phraseWords(dropParenthesized(s[prev:])) {
		if datelineUpdate[w] {
			isUpdate = true
		}
		if !isDatelineWord(w) {
			leftover = append(leftover, w)
		}
	}
	switch {
	case len(leftover) == 0:
		return date, isUpdate, true
	case len(leftover) == 1 && len(before) == 1 && placeBeforeDate(s[:dates[0].Start]):
		return date, isUpdate, true
	case head && len(before) == len(leftover) && len(before) <= maxBylineWords && isByline(s[:dates[0].Start]):
		return date, isUpdate, true
	case head && len(leftover) <= maxSiteWords && !endsLikeSentence(s) && (strings.Contains(s, "|") || strings.Contains(strings.ToLower(s), "n°")):
		// A site's byline: "Publié le 21/02/2024 à 17:40 | Le Matin",
		// "Médias24 | Le 25 septembre 2024", "Edition N°:6770 Le 15/05/2024".
		return date, isUpdate, true
	}
	return "", false, false
}

// maxSiteWords bounds the words other than the date and its labels in a
// site's byline line: the site's name, an edition number.
const maxSiteWords = 4

// endsLikeSentence reports whether s ends like a sentence, with a full stop,
// an exclamation or a question mark.
func endsLikeSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return strings.ContainsRune(".!?؟", r)
}

// isDatelineWord reports whether folded word w may stand in a dateline: a
// label, a weekday or month name, a number, or a time such as "10h30".
func isDatelineWord(w string) bool {
	if datelineWords[w] || isDateWord(w) {
		return true
	}
	letters := strings.TrimFunc(w, func(r rune) bool { return r >= '0' && r <= '9' })
	if letters == w {
		return false // no digit at either end
	}
	letters = strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, w)
	return letters == "" || datelineWords[letters]
}

// dropParenthesized removes short parenthesized groups, such as a news
// agency "(MAP)" or "(و م ع)", from s.
func dropParenthesized(s string) string {
	for {
		i := strings.IndexByte(s, '(')
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], ')')
		if j < 0 || j > 24 {
			return s
		}
		s = s[:i] + " " + s[i+j+1:]
	}
}

// placeBeforeDate reports whether s, the text before a date, is one word
// followed by a comma or a dash ("Rabat, ", "الرباط - ").
func placeBeforeDate(s string) bool {
	s = strings.TrimSpace(s)
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) })
	if end <= 0 {
		return false
	}
	sep := strings.TrimLeftFunc(s[end:], unicode.IsSpace)
	r, _ := utf8.DecodeRuneInString(sep)
	return strings.ContainsRune(",،-–—:", r)
}

// isByline reports whether s, the text before a date, is a byline: a
// byline word ("Par", "By", "بقلم") and names, capitalized if Latin.
func isByline(s string) bool {
	fields := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) })
	if len(fields) < 2 || !bylineWords[strings.Join(phraseWords(fields[0]), "")] {
		return false
	}
	for _, f := range fields[1:] {
		r, _ := utf8.DecodeRuneInString(f)
		if unicode.Is(unicode.Latin, r) && !unicode.IsUpper(r) && !datelineWords[strings.Join(phraseWords(f), "")] {
			return false
		}
	}
	return true
}

// maxInlineDatelineWords bounds the place before the date of a dateline
// that opens a paragraph ("Casablanca, le"); inlineDatelineBytes bounds
// the place, the date and the agency together.
const (
	maxInlineDatelineWords = 3
	inlineDatelineBytes    = 200
)

// linePrefix returns the first n bytes of line at most, cut at a rune
// boundary.
func linePrefix(line string, n int) string {
	if len(line) <= n {
		return line
	}
	for n > 0 && !utf8.RuneStart(line[n]) {
		n--
	}
	return line[:n]
}

// inlineDateline returns the date of a dateline that opens one of the first
// two lines of body, such as "Rabat, 14 mars 2024 (MAP) - Le ministre …"
// or "الرباط - 14 مارس 2024: …": a full date after at most a place and a
// comma or dash, followed by a dash or colon. It returns "" if there is none.
func inlineDateline(body string) string {
	n := 0
	for line := range strings.SplitSeq(body, "\n") {
		if isBlankLine(line) {
			continue
		}
		if n++; n > 2 {
			break
		}
		dates := FindDates(linePrefix(line, inlineDatelineBytes), "", "")
		if len(dates) == 0 {
			continue
		}
		d := dates[0]
		if len(d.Value) != len("2006-01-02") || d.Until != "" || d.Relative {
			continue
		}
		before := strings.TrimSpace(line[:d.Start])
		if len(phraseWords(before)) > maxInlineDatelineWords {
			continue
		}
		if before != "" && !strings.ContainsAny(before, ",،-–—") {
			continue
		}
		after := strings.TrimSpace(dropParenthesized(line[d.End:]))
		r, _ := utf8.DecodeRuneInString(after)
		if strings.ContainsRune("-–—:", r) {
			return d.Value
		}
	}
	return ""
}
