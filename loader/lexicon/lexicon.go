package lexicon

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
)

//go:embed data/*.jsonl
var data embed.FS

// maxReportedErrors caps how many problems New and Merge report at once: a
// user file with a systematic slip would otherwise yield one line per entry.
const maxReportedErrors = 10

// Lexicon is a validated set of entries, indexed by id. Its methods are safe
// for concurrent use, except Merge, which must not run concurrently with any
// other method.
type Lexicon struct {
	entries []Entry        // merged entries, in order of first appearance
	index   map[string]int // entry id -> position in entries
}

// Default returns the lexicon embedded in the binary (data/*.jsonl), files
// read in name order. Each call returns a new Lexicon, which the caller may
// Merge into without affecting other callers.
func Default() (*Lexicon, error) {
	names, err := fs.Glob(data, "data/*.jsonl")
	if err != nil {
		return nil, fmt.Errorf("default lexicon: %w", err)
	}
	files := make([][]Entry, 0, len(names))
	for _, name := range names {
		b, err := data.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("default lexicon: %w", err)
		}
		es, err := Parse(bytes.NewReader(b), name)
		if err != nil {
			return nil, fmt.Errorf("default lexicon: %w", err)
		}
		files = append(files, es)
	}
	l, err := New(files...)
	if err != nil {
		return nil, fmt.Errorf("default lexicon: %w", err)
	}
	return l, nil
}

// New builds a lexicon from lists of entries, taken in order. An entry whose
// id is already known is merged into the earlier one (see the package doc);
// merging entries of different types is an error wrapping ErrConflict. Once
// all entries are merged, each must be complete and its references must name
// entries of the right type (ErrInvalid, ErrReference).
func New(entries ...[]Entry) (*Lexicon, error) {
	l := &Lexicon{index: make(map[string]int)}
	for _, es := range entries {
		if err := l.add(es); err != nil {
			return nil, err
		}
	}
	if err := l.check(); err != nil {
		return nil, err
	}
	return l, nil
}

// Merge merges entries into l by the rule of New, typically the entries of a
// user file given with --lexicon. It is all or nothing: on error l is left
// exactly as it was.
func (l *Lexicon) Merge(entries []Entry) error {
	c := l.clone()
	if err := c.add(entries); err != nil {
		return err
	}
	if err := c.check(); err != nil {
		return err
	}
	*l = *c
	return nil
}

// Entries returns copies of all entries, in order of first appearance.
func (l *Lexicon) Entries() []Entry {
	out := make([]Entry, len(l.entries))
	for i, e := range l.entries {
		out[i] = e.clone()
	}
	return out
}

// Lookup returns a copy of the entry with the given id, and reports whether
// there is one.
func (l *Lexicon) Lookup(id string) (Entry, bool) {
	i, ok := l.index[id]
	if !ok {
		return Entry{}, false
	}
	return l.entries[i].clone(), true
}

// HolderAt returns the person who held the Role roleID throughout date
// (YYYY, YYYY-MM or YYYY-MM-DD), and reports whether exactly one person
// certainly did. It answers false when date is empty or malformed, when
// roleID is not a Role, when no term covers the whole period (so a year in
// which the office changed hands has no holder) and when two people's terms
// do (both held office on a handover day).
//
// Terms are read conservatively: a term whose From is only a month or a year
// is taken to start at the end of that month or year, one whose To is only a
// month or a year to end at its start, and a term with no From never covers
// anything.
func (l *Lexicon) HolderAt(roleID, date string) (person string, ok bool) {
	if date == "" {
		return "", false
	}
	q, err := parsePeriod(date)
	if err != nil {
		return "", false
	}
	i, found := l.index[roleID]
	if !found || l.entries[i].Type != TypeRole {
		return "", false
	}
	for _, h := range l.entries[i].Holders {
		if !h.covers(q) {
			continue
		}
		if ok && h.Person != person {
			return "", false
		}
		person, ok = h.Person, true
	}
	return person, ok
}

// covers reports whether h's term certainly includes every day of q.
func (h Holder) covers(q period) bool {
	if h.From == "" {
		return false
	}
	from, err := parsePeriod(h.From)
	if err != nil || from.end.After(q.start) {
		return false
	}
	if h.To == "" {
		return true
	}
	to, err := parsePeriod(h.To)
	return err == nil && !q.end.After(to.start)
}

// clone returns a deep copy of l, for Merge to work on.
func (l *Lexicon) clone() *Lexicon {
	c := &Lexicon{
		entries: make([]Entry, len(l.entries)),
		index:   maps.Clone(l.index),
	}
	if c.index == nil {
		c.index = make(map[string]int)
	}
	for i, e := range l.entries {
		c.entries[i] = e.clone()
	}
	return c
}

// add validates each entry and merges it into l. It leaves the check of
// completeness and references to check, which must follow.
func (l *Lexicon) add(entries []Entry) error {
	for _, e := range entries {
		e = e.clone()
		canonicalize(&e)
		if err := validate(e); err != nil {
			return fmt.Errorf("lexicon: %w", err)
		}
		i, ok := l.index[e.ID]
		if !ok {
			i = len(l.entries)
			l.index[e.ID] = i
			l.entries = append(l.entries, Entry{ID: e.ID, Type: e.Type})
		} else if t := l.entries[i].Type; t != e.Type {
			return fmt.Errorf("lexicon: %w: %s is a %s, cannot merge a %s into it", ErrConflict, e.ID, t, e.Type)
		}
		mergeInto(&l.entries[i], e)
	}
	return nil
}

// mergeInto adds src's names, acronyms and holders that dst lacks, and fills
// dst's empty single-valued fields from src. It never removes or overwrites.
func mergeInto(dst *Entry, src Entry) {
	fill := func(d *string, s string) {
		if *d == "" {
			*d = s
		}
	}
	fill(&dst.Name, src.Name)
	fill(&dst.Parent, src.Parent)
	fill(&dst.Year, src.Year)
	fill(&dst.Implements, src.Implements)
	fill(&dst.Establishes, src.Establishes)
	fill(&dst.Kind, src.Kind)
	fill(&dst.Role, src.Role)
	fill(&dst.Org, src.Org)
	for _, lang := range slices.Sorted(maps.Keys(src.Names)) {
		for _, n := range src.Names[lang] {
			if slices.Contains(dst.Names[lang], n) {
				continue
			}
			if dst.Names == nil {
				dst.Names = make(map[string][]string)
			}
			dst.Names[lang] = append(dst.Names[lang], n)
		}
	}
	for _, a := range src.Acronyms {
		if !slices.Contains(dst.Acronyms, a) {
			dst.Acronyms = append(dst.Acronyms, a)
		}
	}
	for _, h := range src.Holders {
		if !slices.Contains(dst.Holders, h) {
			dst.Holders = append(dst.Holders, h)
		}
	}
}

// check reports every merged entry that is incomplete, refers to a missing
// entry or one of the wrong type, or sits on a cycle of parents.
func (l *Lexicon) check() error {
	var errs []error
	report := func(err error) {
		errs = append(errs, err)
	}
	for _, e := range l.entries {
		if err := complete(e); err != nil {
			report(fmt.Errorf("lexicon: %w", err))
		}
		for _, r := range e.refs() {
			j, ok := l.index[r.id]
			if !ok {
				report(fmt.Errorf("lexicon: %w: %s: %s %q: no such entry", ErrReference, e.ID, r.field, r.id))
				continue
			}
			if t := l.entries[j].Type; !slices.Contains(r.want, t) {
				report(fmt.Errorf("lexicon: %w: %s: %s %q is a %s, want %v", ErrReference, e.ID, r.field, r.id, t, r.want))
			}
		}
		if l.inParentCycle(e.ID) {
			report(fmt.Errorf("lexicon: %w: %s: its parents lead back to it", ErrReference, e.ID))
		}
	}
	if len(errs) > maxReportedErrors {
		n := len(errs) - maxReportedErrors
		errs = append(errs[:maxReportedErrors], fmt.Errorf("lexicon: and %d more problems", n))
	}
	return errors.Join(errs...)
}

// inParentCycle reports whether following parents from id comes back to id.
func (l *Lexicon) inParentCycle(id string) bool {
	cur := id
	for range len(l.entries) {
		i, ok := l.index[cur]
		if !ok || l.entries[i].Parent == "" {
			return false
		}
		cur = l.entries[i].Parent
		if cur == id {
			return true
		}
	}
	return false
}
