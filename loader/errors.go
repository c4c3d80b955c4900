package loader

import (
	"errors"
	"fmt"
	"strconv"
)

// These errors can occur when an input is read: each comes back wrapped in
// an *InputError that names the input, so test for them with errors.Is.
var (
	// ErrEmpty is returned when an input has no article text: an empty file,
	// a file of white space, a file whose every line is boilerplate, or a
	// .jsonl line with neither text nor html.
	ErrEmpty = errors.New("no article text")

	// ErrBinary is returned when an input holds NUL bytes, starts with the
	// signature of a binary format (PDF, ZIP, images, gzip), or has many
	// control characters.
	ErrBinary = errors.New("binary content")

	// ErrInvalidUTF8 is returned when a text input, or an HTML page that
	// declares no other character set, is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")

	// ErrTooLarge is returned when an input is larger than
	// ReadOptions.MaxBytes, or an HTML page has more elements than the
	// reader handles (maxHTMLElements). Files are checked before they are
	// read whole.
	ErrTooLarge = errors.New("input too large")

	// ErrTooDeep is returned when an HTML page nests elements deeper than
	// the reader allows (maxHTMLDepth, as browsers do): reading such a page
	// takes time in proportion to its depth times its size.
	ErrTooDeep = errors.New("HTML nested too deep")

	// ErrNoArticle is returned when an HTML page has no article in it: no
	// readable content, or only navigation and boilerplate.
	ErrNoArticle = errors.New("no article in HTML")

	// ErrUnsupported is returned for a path that is neither a regular file
	// nor a folder, and for document formats the loader cannot read (PDF,
	// Word, OpenDocument, RTF, EPUB).
	ErrUnsupported = errors.New("unsupported input")

	// ErrInvalidJSON is returned when a .jsonl line is not a JSON object.
	ErrInvalidJSON = errors.New("invalid JSON")
)

// InputError is a problem with one input: a file, a line of a .jsonl file,
// or standard input ("-").
type InputError struct {
	Source string // the path as given, or "-" for standard input
	Line   int    // 1-based line of a .jsonl file, or 0 for the whole input
	Err    error  // what is wrong; wraps one of the Err* sentinels
}

// Error returns "source: problem", or "source:line: problem" for a line.
func (e *InputError) Error() string {
	if e.Line > 0 {
		return e.Source + ":" + strconv.Itoa(e.Line) + ": " + e.Err.Error()
	}
	return e.Source + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *InputError) Unwrap() error { return e.Err }

// kindError is a problem described in words of its own that still matches
// its sentinel (and its cause, if any) with errors.Is, so that messages read
// "file is empty" instead of "no article text: file is empty".
type kindError struct {
	msg   string
	kind  error // one of the Err* sentinels
	cause error // the underlying error, or nil
}

func (e *kindError) Error() string { return e.msg }

func (e *kindError) Unwrap() []error {
	if e.cause == nil {
		return []error{e.kind}
	}
	return []error{e.kind, e.cause}
}

// problemf returns an error whose message is the formatted text and that
// matches kind with errors.Is. If the last argument is an error, it is kept
// as the cause.
func problemf(kind error, format string, args ...any) error {
	e := &kindError{msg: fmt.Sprintf(format, args...), kind: kind}
	if n := len(args); n > 0 {
		if err, ok := args[n-1].(error); ok {
			e.cause = err
		}
	}
	return e
}

// inputError wraps err in an *InputError for source and line, unless it
// already is one.
func inputError(source string, line int, err error) error {
	if err == nil {
		return nil
	}
	var ie *InputError
	if errors.As(err, &ie) {
		return err
	}
	return &InputError{Source: source, Line: line, Err: err}
}
