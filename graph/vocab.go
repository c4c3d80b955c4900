package graph

// Predicate names a relation between entities, or between an entity and a
// literal.
type Predicate string

// The predicates of the extraction contract (shared/spec/extraction.md).
const (
	OrganizedBy    Predicate = "organized_by"
	Partner        Predicate = "partner"
	FundedBy       Predicate = "funded_by"
	ChairedBy      Predicate = "chaired_by"
	SpokeAt        Predicate = "spoke_at"
	ParticipatedIn Predicate = "participated_in"
	HeldIn         Predicate = "held_in"
	HeldOn         Predicate = "held_on"
	PartOf         Predicate = "part_of"
	Implements     Predicate = "implements"
	HoldsRole      Predicate = "holds_role"
	MemberOf       Predicate = "member_of"
	Adopted        Predicate = "adopted"
	Ratified       Predicate = "ratified"
	Establishes    Predicate = "establishes"
	Published      Predicate = "published"
	Assesses       Predicate = "assesses"
	Year           Predicate = "year"
)

// Predicates lists the predicates in a stable order.
var Predicates = []Predicate{
	OrganizedBy, Partner, FundedBy, ChairedBy, SpokeAt, ParticipatedIn, HeldIn, HeldOn, PartOf,
	Implements, HoldsRole, MemberOf, Adopted, Ratified, Establishes, Published, Assesses, Year,
}

// Valid reports whether p is one of Predicates.
func (p Predicate) Valid() bool {
	_, ok := predicateIRIs[p]
	return ok
}

// Literal reports whether p's object is a literal (a date, a role, a year)
// rather than an entity.
func (p Predicate) Literal() bool {
	return p == HeldOn || p == HoldsRole || p == Year
}

// Base is the namespace of every IRI actorgraph mints.
const Base = "https://actorgraph.org/"

// IRI prefixes.
const (
	entityNS  = Base + "id/"
	articleNS = Base + "article/"
	factNS    = Base + "fact/"
	vocabNS   = Base + "ns#"
	schemaNS  = "https://schema.org/"
	rdfType   = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
	rdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label"
	xsdNS     = "http://www.w3.org/2001/XMLSchema#"
)

// predicateIRIs maps each predicate to its IRI: a schema.org term where one
// means the same thing, else one of ours.
var predicateIRIs = map[Predicate]string{
	OrganizedBy:    schemaNS + "organizer",
	Partner:        vocabNS + "partner",
	FundedBy:       schemaNS + "funder",
	ChairedBy:      vocabNS + "chairedBy",
	SpokeAt:        vocabNS + "spokeAt",
	ParticipatedIn: vocabNS + "participatedIn",
	HeldIn:         schemaNS + "location",
	HeldOn:         schemaNS + "startDate",
	PartOf:         schemaNS + "superEvent",
	Implements:     vocabNS + "implements",
	HoldsRole:      schemaNS + "jobTitle",
	MemberOf:       schemaNS + "memberOf",
	Adopted:        vocabNS + "adopted",
	Ratified:       vocabNS + "ratified",
	Establishes:    vocabNS + "establishes",
	Published:      vocabNS + "published",
	Assesses:       vocabNS + "assesses",
	Year:           vocabNS + "year",
}

// typeIRIs maps each entity type to its class IRI.
var typeIRIs = map[Type]string{
	Organization: schemaNS + "Organization",
	Person:       schemaNS + "Person",
	Place:        schemaNS + "Place",
	Law:          schemaNS + "Legislation",
	Plan:         vocabNS + "Plan",
	Event:        schemaNS + "Event",
	Campaign:     vocabNS + "Campaign",
	Report:       schemaNS + "Report",
}

// Properties of entities, articles and facts.
const (
	propName       = schemaNS + "name"       // canonical name, @en
	propLabel      = rdfsLabel               // a mention as written, @lang
	propKey        = vocabNS + "key"         // folded mention, for search
	propMentionsIn = vocabNS + "mentionedIn" // entity -> article
	classArticle   = vocabNS + "Article"
	propArticleID  = vocabNS + "articleId"
	propDocument   = vocabNS + "document"
	propSource     = vocabNS + "source"
	propURL        = schemaNS + "url"
	propHeadline   = schemaNS + "headline"
	propLanguage   = schemaNS + "inLanguage"
	propPublished  = schemaNS + "datePublished"
	classFact      = vocabNS + "Fact"
	propSubject    = vocabNS + "subject"
	propPredicate  = vocabNS + "predicate"
	propObject     = vocabNS + "object"
	propEvidence   = vocabNS + "evidence"
	propRule       = vocabNS + "rule"
	propConfidence = vocabNS + "confidence"
	propStatedIn   = vocabNS + "statedIn"
)
