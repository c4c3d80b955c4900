package loader

// trie is a dictionary of names as sequences of folded tokens, matched
// leftmost-longest on whole tokens, with Arabic clitics peeled off the first
// token. Word boundaries are right by construction, and a match never spans
// a hard separator (comma, full stop, parenthesis, line break).
type trie struct {
	vocab *vocabulary
	// first holds the names by their first word's id: a slice, not a map,
	// for the lookup every word of a text makes in every dictionary, most
	// of them missing.
	first []*trieNode
	// skip lists words that may stand inside a phrase without being part
	// of it (adverbs such as "également", "also").
	skip map[int32]bool
}

type trieNode struct {
	next map[int32]*trieNode
	vals []int // payloads of the names that end here
}

// vocabulary interns the words of an extractor's dictionaries, so that a
// text's words are looked up once and tries are walked by number.
type vocabulary struct {
	ids   map[string]int32
	comma int32 // the id of commaKey, which every vocabulary holds
}

func newVocabulary() *vocabulary {
	v := &vocabulary{ids: map[string]int32{}}
	v.comma = v.intern(commaKey)
	return v
}

// intern returns w's id, adding it if new.
func (v *vocabulary) intern(w string) int32 {
	id, ok := v.ids[w]
	if !ok {
		id = int32(len(v.ids))
		v.ids[w] = id
	}
	return id
}

// id returns w's id, or -1 for a word no dictionary holds.
func (v *vocabulary) id(w string) int32 {
	if id, ok := v.ids[w]; ok {
		return id
	}
	return -1
}

// add inserts the name given as folded tokens with payload val.
func (t *trie) add(keys []string, val int) {
	if len(keys) == 0 {
		return
	}
	id := t.vocab.intern(keys[0])
	if int(id) >= len(t.first) {
		t.first = append(t.first, make([]*trieNode, int(id)+1-len(t.first))...)
	}
	if t.first[id] == nil {
		t.first[id] = &trieNode{}
	}
	n := t.first[id]
	for _, k := range keys[1:] {
		id := t.vocab.intern(k)
		if n.next == nil {
			n.next = map[int32]*trieNode{}
		}
		c := n.next[id]
		if c == nil {
			c = &trieNode{}
			n.next[id] = c
		}
		n = c
	}
	for _, v := range n.vals {
		if v == val {
			return
		}
	}
	n.vals = append(n.vals, val)
}

// startOf returns the node of the names whose first word is id, or nil.
func (t *trie) startOf(id int32) *trieNode {
	if id < 0 || int(id) >= len(t.first) {
		return nil
	}
	return t.first[id]
}

// match is a name found at tokens [start, end).
type match struct {
	start, end int
	peeled     int // folded bytes of clitics peeled off the first token
	vals       []int
}

// longestAt returns the longest name that starts at token i, within tokens
// [i, limit).
func (t *trie) longestAt(tk *tokenized, i, limit int) (match, bool) {
	var best match
	found := false
	if i < 0 || i >= len(tk.tokens) || i >= limit {
		return best, false
	}
	if !tk.tokens[i].arabic {
		// The common case, without building the forms.
		return t.walk(tk, i, limit, clitic{tk.tokens[i].text, 0, tk.ids[i]}, match{}, false)
	}
	for _, f := range tk.formsOf(i) {
		best, found = t.walk(tk, i, limit, f, best, found)
	}
	return best, found
}

// walk follows the trie from token i, whose form is f, and returns the
// longest name found, or best if none beats it.
func (t *trie) walk(tk *tokenized, i, limit int, f clitic, best match, found bool) (match, bool) {
	if f.id < 0 {
		return best, found
	}
	comma := t.vocab.comma
	n := t.startOf(f.id)
	for j := i + 1; n != nil; {
		if len(n.vals) > 0 && (!found || j > best.end || (j == best.end && f.peeled < best.peeled)) {
			best, found = match{start: i, end: j, peeled: f.peeled, vals: n.vals}, true
		}
		if j >= limit || n.next == nil {
			break
		}
		tok := tk.tokens[j]
		if tok.hard {
			if !tok.comma || n.next[comma] == nil {
				break
			}
			n = n.next[comma]
		}
		id := tk.ids[j]
		next := n.next[id]
		if next == nil && !tok.hard && t.skip[id] && id >= 0 {
			j++ // an adverb inside a phrase: "ont également pris part"
			continue
		}
		if id < 0 {
			break
		}
		n = next
		j++
	}
	return best, found
}

// allAt returns every name that starts at token i and ends by limit,
// shortest first, whatever the clitic form of the first word.
func (t *trie) allAt(tk *tokenized, i, limit int) []match {
	if i < 0 || i >= len(tk.tokens) || i >= limit {
		return nil
	}
	var out []match
	for _, f := range tk.formsOf(i) {
		if f.id < 0 {
			continue
		}
		n := t.startOf(f.id)
		for j := i + 1; n != nil; j++ {
			if len(n.vals) > 0 {
				out = append(out, match{start: i, end: j, peeled: f.peeled, vals: n.vals})
			}
			if j >= limit || tk.tokens[j].hard || n.next == nil || tk.ids[j] < 0 {
				break
			}
			n = n.next[tk.ids[j]]
		}
	}
	return out
}

// findAll returns the leftmost-longest matches in tokens [from, to).
func (t *trie) findAll(tk *tokenized, from, to int) []match {
	var out []match
	for i := from; i < to; {
		if m, ok := t.longestAt(tk, i, to); ok {
			out = append(out, m)
			i = m.end
			continue
		}
		i++
	}
	return out
}
