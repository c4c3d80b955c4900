// Package loader turns news articles into facts: it reads articles as they
// come, cleans them, and finds the organizations, people, places, laws,
// plans, events, campaigns and reports they name and the relations they
// state, each with the sentence that states it.
//
// # Reading
//
// Parse, ReadFile and Walk read plain text (UTF-8, with or without a byte
// order mark, CRLF or LF), saved HTML pages (the article's title and body,
// through go-readability; menus, tickers, share buttons, comments, scripts
// and styles are dropped), JSON Lines (one article an object: text or html,
// with optional url, title, date and lang), folders recursively and
// standard input. An article's identity is its URL when known, else a hash
// of its content, so a renamed file is not a new article.
//
// Clean drops from plain text what is not the article, by general rules:
// blocks of bulleted headlines before the body, "breaking" tickers, comment
// notices and share lines (a small multilingual table of site phrases),
// repeated lines, and datelines and site bylines, which give the
// publication date. Kept lines are kept byte for byte, so that mentions and
// evidence are quoted as written.
//
// DetectLang tells Arabic, French and English apart by the share of Arabic
// letters and, for Latin text, a vote of French and English stop words.
// FindDates finds dates in Arabic (Mashriq and Moroccan month names, فاتح),
// French and English, day ranges, and weekdays and "yesterday" resolved
// against the publication date; it never reads a law number, a plan's span
// or a bare count as a date. Sentences splits text at Arabic and Latin
// sentence ends and line breaks, not inside numbers or abbreviations.
//
// Bad input gets an *InputError naming the file (and line) and wrapping one
// of the Err sentinels; Walk reports it and goes on with the other files.
// Reading is bounded: a file over ReadOptions.MaxBytes is refused from its
// size, a pipe or device is read no further than that, and an HTML page
// that nests elements deeper than browsers do (512) is refused before it
// is parsed. Text with NUL bytes or invalid UTF-8 is refused, not guessed
// at, with the line and byte of the first bad one.
//
// # Recognizing
//
// An Extractor is built from a lexicon (package lexicon: the known actors,
// laws, plans, places and offices, in Arabic, French and English, extendable
// by the user) and from two embedded tables of phrases, data/cues.tsv
// (words that signal a relation: "بشراكة مع", "en partenariat avec", "funded
// by", ...) and data/patterns.tsv (head words that open a name or an event:
// "وزارة", "Commission", "séminaire", "يوما دراسيا", titles, law words).
//
// Text is folded (internal/fold) and cut into words; names are matched on
// whole words, leftmost-longest, with Arabic clitics (و ف ب ل ك لل) peeled
// off the first word, and mapped back to the exact characters of the text.
// Mentions are found in passes: lexicon names and acronyms; offices and
// their holders (a minister by portfolio, "نائبة رئيسة" before a body, a
// name after a title or in apposition); names the lexicon does not know, by
// their head words; laws and decrees by number and year; acronyms in
// parentheses; short forms and head-word anaphors of names met before.
//
// Relations come from cues within a sentence and from what names say by
// themselves (a plan's span, a report's publisher, a decree's body), around
// the article's main event: the event phrase of a sentence that says who
// organized it or where or when it took place, to which later event phrases
// and anaphors refer. Each relation keeps its sentence, the rule that found
// it and a confidence that follows from how it was found (a lexicon name
// beats a pattern, which beats a weaker heuristic).
//
// ExtractAll resolves ids across the articles it is given: the reports of
// one event become one event (by the evidence they share, see
// sameEventThreshold), and an office named without its holder is linked to
// the person who held it, from another report of the same event or from the
// lexicon's dated holders.
//
// Reading and recognizing are deterministic: the same input gives the same
// facts in the same order. An Extractor is safe for concurrent use.
package loader
