// Package corpus writes synthetic news articles about the fight against
// human trafficking in Morocco, in Arabic, French and English, each with its
// gold annotation in the format of shared/spec/extraction.md, so that a run
// at scale is also a run of the extractor's quality: `actorgraph gen` writes
// them, `actorgraph load` and the benchmarks read them, and `actorgraph eval`
// scores the extraction against the gold.
//
// # What the articles say
//
// A Generator draws stories from the lexicon it is given (package
// lexicon): its organizations, places, laws, plans, campaigns, reports and
// the people who held an office on the story's date ([lexicon.Lexicon.HolderAt]).
// A story is one of:
//
//   - an event (workshop, seminar, study day, conference, training course,
//     coordination meeting, round table, awareness day): its organizers,
//     partners, funders, place and date, the campaign it belongs to or the
//     plan it implements, the delegations and bodies taking part, and the
//     speeches of office holders and of invented experts;
//   - a speech by an office holder at such an event, told from the speaker;
//   - a study day on a law, with the law's adoption, the conventions Morocco
//     ratified and the decree that set up the national commission;
//   - the launch of a plan or mechanism, who implements and funds it;
//   - the publication of a yearly report and what it assesses.
//
// One story is reported by one to three articles in different languages,
// dated from the day of the event to a few days after it, so that the same
// event appears under several names: the gold gives all of them one id and
// one name, which is what the extractor's cross-document resolution is
// scored against. Each sentence comes from several templates per language,
// and articles are padded with sentences that name nothing (context,
// quotes), so that their length and vocabulary resemble the press.
//
// # Gold
//
// The gold follows the conventions of testdata/eval/README.md: lexicon
// entities keep the lexicon's ids and canonical names; events get an id
// made of place, date, kind and topic, and a descriptive name; a mention
// is the exact string of the article (without the Arabic conjunction و
// before it); an office holder's title gives holds_role (the lexicon's role
// literal) and member_of (the office's organization) when the article
// names that organization, which in Arabic a minister's title does
// (وزير العدل names العدل); evidence is the whole sentence that states the
// relation. [Validate] checks a gold set against the spec's table of
// predicates.
//
// The articles are synthetic. The institutions, laws, conventions, plans,
// campaigns and office holders are the lexicon's, and the laws' years and
// Morocco's ratifications are real; the events, quotes and experts are
// invented. Do not use them as a source of facts.
//
// # Determinism
//
// The same lexicon, seed and number of articles give the same articles,
// byte for byte, on every platform: the generator draws from its own
// PCG stream and never iterates over a map.
package corpus
