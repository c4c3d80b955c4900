// Package graph keeps the facts that articles state as quads in a Cayley
// store, and reads them back as plain Go values.
//
// # Model
//
// Every IRI actorgraph mints is under Base (https://actorgraph.org/):
//
//   - an entity is https://actorgraph.org/id/ID, where ID is its slug
//     ("unodc", "law-27-14"); its class is a schema.org type where one fits
//     (schema:Organization, schema:Person, schema:Place, schema:Legislation,
//     schema:Event, schema:Report) and ours otherwise (ag:Plan, ag:Campaign);
//   - an article is https://actorgraph.org/article/DIGEST, where DIGEST is a
//     hash of the article's ID (its URL, or a hash of its content); it is an
//     ag:Article with ag:articleId, ag:document (file name), ag:source,
//     schema:url, schema:headline, schema:inLanguage and schema:datePublished;
//   - a relation is a quad entity -> predicate -> entity or literal. The
//     predicates are schema.org terms where they fit (schema:organizer,
//     schema:funder, schema:location, schema:startDate, schema:superEvent,
//     schema:memberOf, schema:jobTitle) and ours under
//     https://actorgraph.org/ns# otherwise (ag:partner, ag:implements, ...);
//   - a statement "article A says S P O" is a node
//     https://actorgraph.org/fact/DIGEST, an ag:Fact with ag:subject,
//     ag:predicate, ag:object, ag:statedIn, ag:evidence (the sentence, tagged
//     with its language), ag:rule (what found it) and ag:confidence.
//
// Names are language-tagged strings: schema:name holds the canonical name,
// rdfs:label each mention as written ("..."@ar, "..."@fr), and ag:key the
// folded form used by Search. Dates are typed literals (xsd:date,
// xsd:gYearMonth, xsd:gYear), as precise as the article allows.
//
// # Provenance
//
// Every quad an article yields carries the article's IRI as its label (the
// fourth element). A relation stated by several articles is one edge, S P O,
// present once per article label; Store.Entity gathers its sources, and its
// confidence rises with each independent source. Put replaces exactly the
// quads of one label in one transaction, so loading an article again
// changes nothing, and Remove deletes what only that article said.
package graph
