package lexicon

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
)

// MaxLineBytes is the longest line Parse accepts. The longest entry of the
// default lexicon is a few kilobytes; a line a thousand times longer is not a
// lexicon entry but a wrong file, and reading it whole would only waste
// memory.
const MaxLineBytes = 1 << 20

// LineError is a problem with one line of a lexicon file.
type LineError struct {
	Source string // file name or other label given to Parse
	Line   int    // 1-based line number
	Err    error
}

func (e *LineError) Error() string {
	return fmt.Sprintf("lexicon %s:%d: %v", e.Source, e.Line, e.Err)
}

func (e *LineError) Unwrap() error { return e.Err }

// Parse reads a lexicon in JSON Lines (see the package doc) and returns its
// entries in file order. source names the input in errors. Each entry is
// checked on its own: id, type, the fields its type allows, names and dates.
// Required fields and references to other entries are checked by New and
// Merge, which see the merged entries, so a file may hold partial entries
// that add to known ones. The first bad line stops the parse: the error is a
// *LineError naming source and line, and no entries are returned.
func Parse(r io.Reader, source string) ([]Entry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), MaxLineBytes)
	var entries []Entry
	line := 0
	for sc.Scan() {
		line++
		text := sc.Bytes()
		if line == 1 {
			text = bytes.TrimPrefix(text, []byte("\uFEFF"))
		}
		text = bytes.TrimSpace(text)
		if len(text) == 0 || text[0] == '#' {
			continue
		}
		e, err := parseEntry(text)
		if err != nil {
			return nil, &LineError{Source: source, Line: line, Err: err}
		}
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("line longer than %d bytes", MaxLineBytes)
		}
		return nil, &LineError{Source: source, Line: line + 1, Err: err}
	}
	return entries, nil
}

// parseEntry decodes and checks the JSON object of one line.
func parseEntry(text []byte) (Entry, error) {
	dec := json.NewDecoder(bytes.NewReader(text))
	dec.DisallowUnknownFields()
	var e Entry
	if err := dec.Decode(&e); err != nil {
		return Entry{}, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return Entry{}, errors.New("unexpected data after the JSON object")
	}
	canonicalize(&e)
	if err := validate(e); err != nil {
		return Entry{}, err
	}
	return e, nil
}

// LoadFile reads the lexicon file at path with Parse. Its errors name path.
func LoadFile(path string) (entries []Entry, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open lexicon: %w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			entries, err = nil, fmt.Errorf("close lexicon: %w", cerr)
		}
	}()
	return Parse(f, path)
}
