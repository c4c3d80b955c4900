package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/actorgraph/actorgraph/internal/fold"
)

// EntityIRI returns the IRI of the entity id.
func EntityIRI(id ID) string { return entityNS + string(id) }

// ArticleIRI returns the IRI of the article with the given ID (a URL or a
// content hash): a digest, so that any ID makes a valid IRI.
func ArticleIRI(articleID string) string { return string(articleIRI(articleID)) }

func articleIRI(articleID string) quad.IRI {
	return quad.IRI(articleNS + digest(articleID))
}

// factIRI names the statement "article says s p o", the node that carries
// its evidence, rule and confidence.
func factIRI(article quad.IRI, s quad.Value, p quad.IRI, o quad.Value) quad.IRI {
	return quad.IRI(factNS + digest(string(article)+"\x00"+s.String()+"\x00"+p.String()+"\x00"+o.String()))
}

func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:12])
}

// articleQuads returns the quads that say what a says, each labelled with
// the article's IRI, without duplicates, in a deterministic order.
func articleQuads(a *Article) []quad.Quad {
	label := articleIRI(a.ID)
	var out []quad.Quad
	seen := map[quad.Quad]bool{}
	add := func(s quad.Value, p string, o quad.Value) {
		q := quad.Quad{Subject: s, Predicate: quad.IRI(p), Object: o, Label: label}
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	lang := a.Lang
	add(label, rdfType, quad.IRI(classArticle))
	add(label, propArticleID, quad.String(a.ID))
	if a.Name != "" {
		add(label, propDocument, quad.String(a.Name))
	}
	if a.Source != "" {
		add(label, propSource, quad.String(a.Source))
	}
	if a.URL != "" {
		add(label, propURL, quad.String(a.URL))
	}
	if a.Title != "" {
		add(label, propHeadline, text(a.Title, lang))
	}
	if lang != "" {
		add(label, propLanguage, quad.String(lang))
	}
	if a.Published != "" {
		add(label, propPublished, dateValue(a.Published))
	}
	for _, e := range a.Entities {
		s := quad.IRI(EntityIRI(e.ID))
		add(s, rdfType, quad.IRI(typeIRIs[e.Type]))
		if e.Name != "" {
			add(s, propName, quad.String(e.Name))
			add(s, propKey, quad.String(fold.Key(e.Name)))
		}
		l := e.Lang
		if l == "" {
			l = lang
		}
		for _, m := range e.Mentions {
			add(s, propLabel, text(m, l))
			add(s, propKey, quad.String(fold.Key(m)))
		}
		for _, alias := range e.Aliases {
			if k := fold.Key(alias); k != "" {
				add(s, propKey, quad.String(k))
			}
		}
		add(s, propMentionsIn, label)
	}
	for _, r := range a.Relations {
		s := quad.IRI(EntityIRI(r.Subject))
		p := quad.IRI(predicateIRIs[r.Predicate])
		o := objectValue(r.Predicate, r.Object)
		add(s, string(p), o)
		f := factIRI(label, s, p, o)
		add(f, rdfType, quad.IRI(classFact))
		add(f, propSubject, s)
		add(f, propPredicate, p)
		add(f, propObject, o)
		add(f, propStatedIn, label)
		if r.Evidence != "" {
			add(f, propEvidence, text(r.Evidence, lang))
		}
		if r.Rule != "" {
			add(f, propRule, quad.String(r.Rule))
		}
		if r.Confidence > 0 {
			add(f, propConfidence, quad.Float(r.Confidence))
		}
	}
	return out
}

// text returns s as a language-tagged string when the language is known.
func text(s, lang string) quad.Value {
	if lang == "" {
		return quad.String(s)
	}
	return quad.LangString{Value: quad.String(s), Lang: lang}
}

// objectValue returns the quad value of a relation's object: an entity IRI,
// or a typed literal.
func objectValue(p Predicate, o string) quad.Value {
	switch p {
	case HeldOn:
		return dateValue(o)
	case Year:
		if yearPattern.MatchString(o) {
			return quad.TypedString{Value: quad.String(o), Type: xsdNS + "gYear"}
		}
		return quad.String(o)
	case HoldsRole:
		return quad.LangString{Value: quad.String(o), Lang: "en"}
	}
	return quad.IRI(EntityIRI(ID(o)))
}

var (
	yearPattern  = regexp.MustCompile(`^\d{4}$`)
	monthPattern = regexp.MustCompile(`^\d{4}-\d{2}$`)
	dayPattern   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// dateValue types a date as precise as it is: xsd:date, xsd:gYearMonth or
// xsd:gYear.
func dateValue(d string) quad.Value {
	switch {
	case dayPattern.MatchString(d):
		return quad.TypedString{Value: quad.String(d), Type: xsdNS + "date"}
	case monthPattern.MatchString(d):
		return quad.TypedString{Value: quad.String(d), Type: xsdNS + "gYearMonth"}
	case yearPattern.MatchString(d):
		return quad.TypedString{Value: quad.String(d), Type: xsdNS + "gYear"}
	}
	return quad.String(d)
}

// literal returns the plain text of a literal value and its language.
func literal(v quad.Value) (string, string) {
	switch v := v.(type) {
	case quad.String:
		return string(v), ""
	case quad.LangString:
		return string(v.Value), v.Lang
	case quad.TypedString:
		return string(v.Value), ""
	case quad.Float:
		return strconv.FormatFloat(float64(v), 'f', -1, 64), ""
	case quad.IRI:
		return string(v), ""
	}
	if v == nil {
		return "", ""
	}
	return quad.StringOf(v), ""
}

// entityID returns the entity id of an entity IRI.
func entityID(v quad.Value) (ID, bool) {
	iri, ok := v.(quad.IRI)
	if !ok || !strings.HasPrefix(string(iri), entityNS) {
		return "", false
	}
	return ID(strings.TrimPrefix(string(iri), entityNS)), true
}
