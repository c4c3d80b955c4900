// Package lexicon is actorgraph's multilingual dictionary of the field: the
// organizations, people, places, laws, plans, campaigns, reports and events
// that Arabic, French and English articles about the fight against human
// trafficking in Morocco name, and the offices (roles) that people hold in
// them, with who held each office and when.
//
// The loader matches an article against the surface names of the entries to
// find mentions, resolves every mention of the same real-world thing to one
// entry id (whatever the language of the article), and uses roles to turn a
// title such as "وزير العدل" or "la ministre de la Justice" into a person at
// the article's date (see [Lexicon.HolderAt]).
//
// # Entries
//
// An [Entry] has a stable id (a lower-case ASCII slug such as "unodc" or
// "law-27-14"), a type, a canonical English name and its surface names by
// language ("ar", "fr", "en"). Names are the full forms used by the press,
// with their common spelling and word-order variants. They are not expanded
// with Arabic clitics (و ب ل لل ك ف), diacritics, hamza forms, case or
// accents: the extractor folds those itself. Acronyms are listed apart
// because they are matched case-sensitively.
//
// Entries of type Role describe an office rather than a thing: Role is the
// English lower-case literal that the graph stores as the object of
// holds_role ("minister of justice"), Org the organization the office belongs
// to, and Holders who held it and when.
//
// # File format
//
// A lexicon file is JSON Lines, UTF-8: one JSON object an entry, one entry a
// line. Blank lines and lines whose first non-blank character is '#' are
// ignored. Fields are those of [Entry]; an unknown field is an error, so that
// a misspelt field cannot be dropped silently. For example:
//
//	# Laws
//	{"id":"law-27-14","type":"Law","name":"Law 27.14 on Combating Trafficking in Persons","names":{"fr":["loi n° 27-14"]},"year":"2016"}
//	{"id":"minister-justice","type":"Role","role":"minister of justice","org":"ministry-justice","names":{"ar":["وزير العدل"]},"holders":[{"person":"ouahbi","from":"2021-10-07"}]}
//
// Dates are YYYY, YYYY-MM or YYYY-MM-DD. A holder's From and To are both
// inclusive; a term given only to the month or year is taken to cover only
// the days it certainly covers (see [Lexicon.HolderAt]).
//
// # Merging
//
// The default lexicon is embedded in the binary ([Default]). Users extend it
// without a rebuild by giving their own files ([LoadFile], [Lexicon.Merge]).
// An entry whose id is already known is merged into the existing one rather
// than replacing it: its names, acronyms and holders are added, and its
// single-valued fields fill those that are still empty. A merge never removes
// or changes what is already there, and the type of an entry cannot change.
// References between entries (Parent, Org, Holders[].Person, Implements,
// Establishes) are checked once all entries are merged, so a file may refer
// to an entry defined further down or in another file.
package lexicon
