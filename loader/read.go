package loader

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"

	xunicode "golang.org/x/text/encoding/unicode"
)

// DefaultMaxBytes is the default ReadOptions.MaxBytes: far above a news
// article or a saved news page (tens to hundreds of kilobytes), small
// enough to hold in memory.
const DefaultMaxBytes = 10 << 20

// ReadOptions are the settings of Parse, ReadFile and Walk.
type ReadOptions struct {
	// MaxBytes is the size, in bytes, of the largest input read; a larger
	// one fails with ErrTooLarge, and a file is checked before it is read
	// whole. 0 means DefaultMaxBytes.
	MaxBytes int64
}

// maxBytes returns the limit in effect.
func (o ReadOptions) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// inputFormat is the format of an input.
type inputFormat int

const (
	formatText inputFormat = iota + 1
	formatHTML
	formatJSONL
)

// inputFormats maps file extensions to formats; Walk reads only these from
// a folder.
var inputFormats = map[string]inputFormat{
	".txt": formatText, ".text": formatText, ".md": formatText,
	".html": formatHTML, ".htm": formatHTML, ".xhtml": formatHTML,
	".jsonl": formatJSONL, ".ndjson": formatJSONL,
}

// unsupportedFormats are document formats that may hold an article but
// that the loader cannot read; they are reported, not skipped silently.
var unsupportedFormats = map[string]bool{
	".pdf": true, ".doc": true, ".docx": true, ".odt": true, ".rtf": true, ".epub": true,
}

// Parse reads the articles of one input named name (a path, or "-"):
// text (.txt, .text, .md), a saved HTML page (.html, .htm), or one article
// a line (.jsonl, .ndjson); with another extension the format is sniffed
// from data. Errors are *InputError values naming name.
//
// For .jsonl, Parse returns the articles of the good lines and, if some
// lines are bad, an errors.Join of one *InputError per bad line.
func Parse(name string, data []byte, opts ReadOptions) ([]*Article, error) {
	if limit := opts.maxBytes(); int64(len(data)) > limit {
		return nil, inputError(name, 0, tooLarge(int64(len(data)), limit))
	}
	format, err := formatOf(name, data)
	if err != nil {
		return nil, inputError(name, 0, err)
	}
	var a *Article
	switch format {
	case formatJSONL:
		return parseJSONL(name, data)
	case formatHTML:
		a, err = parseHTML(name, data)
	default:
		a, err = parseText(name, data)
	}
	if err != nil {
		return nil, inputError(name, 0, err)
	}
	return []*Article{a}, nil
}

// tooLarge returns the ErrTooLarge problem for size bytes over limit.
func tooLarge(size, limit int64) error {
	return problemf(ErrTooLarge, "input too large: %d bytes, over the limit of %d", size, limit)
}

// readLimited reads r up to limit bytes, and fails with ErrTooLarge if
// there are more: a pipe or a device has no size to check beforehand.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", withoutPathError(err))
	}
	if int64(len(data)) > limit {
		return nil, problemf(ErrTooLarge, "input too large: over the limit of %d bytes", limit)
	}
	return data, nil
}

// formatOf returns the format of name by its extension, or sniffed from
// data when the extension is unknown.
func formatOf(name string, data []byte) (inputFormat, error) {
	ext := strings.ToLower(filepath.Ext(name))
	if f, ok := inputFormats[ext]; ok {
		return f, nil
	}
	if unsupportedFormats[ext] {
		return 0, problemf(ErrUnsupported, "unsupported document format %s", ext)
	}
	return sniffFormat(data), nil
}

// sniffLen is how much of an input sniffFormat looks at.
const sniffLen = 4096

// sniffFormat guesses the format of data: JSON Lines if the first line is
// a JSON object, HTML if it starts with a tag and has HTML elements, else
// text.
func sniffFormat(data []byte) inputFormat {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	data = bytes.TrimLeft(data, " \t\r\n")
	if len(data) > 0 && data[0] == '{' {
		first, _, _ := bytes.Cut(data, []byte("\n"))
		if json.Valid(bytes.TrimSpace(first)) {
			return formatJSONL
		}
	}
	if len(data) > 0 && data[0] == '<' {
		head := bytes.ToLower(data[:min(len(data), sniffLen)])
		for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<p ", "<div"} {
			if bytes.Contains(head, []byte(tag)) {
				return formatHTML
			}
		}
	}
	return formatText
}

// parseText reads a plain-text article.
func parseText(name string, data []byte) (*Article, error) {
	text, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	return buildArticle(articleDraft{source: name, name: filepath.Base(name), text: text, raw: data})
}

// decodeText checks that data is text and returns it as a string: UTF-8,
// or UTF-16 with a byte order mark.
func decodeText(data []byte) (string, error) {
	if len(data) == 0 {
		return "", problemf(ErrEmpty, "file is empty")
	}
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		dec := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", problemf(ErrInvalidUTF8, "invalid UTF-16: %v", err)
		}
		data = out
	}
	if err := checkBinary(data); err != nil {
		return "", err
	}
	if !utf8.Valid(data) {
		return "", problemf(ErrInvalidUTF8, "invalid UTF-8 at %s", position(data, invalidUTF8At(data)))
	}
	return string(data), nil
}

// position returns where offset is in data, for a message: "line 3 (byte
// 57)", lines and bytes counted from 1.
func position(data []byte, offset int) string {
	offset = min(max(offset, 0), len(data))
	return fmt.Sprintf("line %d (byte %d)", bytes.Count(data[:offset], []byte("\n"))+1, offset+1)
}

// binarySignatures start files of binary formats.
var binarySignatures = []string{
	"%PDF-", "PK\x03\x04", "\x89PNG", "GIF87a", "GIF89a", "\xff\xd8\xff", "\x1f\x8b", "BZh9",
	"\xd0\xcf\x11\xe0", "RIFF", "\x7fELF", "OggS", "ID3",
}

// checkBinary looks at the first binarySample bytes; more than
// maxControlFraction of them being control characters makes a file binary.
// Bytes that are not UTF-8 do not: a text in windows-1256 is mostly such
// bytes, and is reported as ErrInvalidUTF8.
const (
	binarySample         = 64 << 10
	maxControlFraction   = 0.10
	minBinaryCheckLength = 16
)

// checkBinary returns an ErrBinary problem if data holds a NUL byte, starts
// with a binary signature, or, in its first binarySample bytes, has too
// many control characters. Text never holds NUL: a NUL byte is the mark of
// a binary file, of UTF-16 without a byte order mark, or of a damaged file,
// whose text cannot be trusted.
func checkBinary(data []byte) error {
	if err := checkBinaryFormat(data); err != nil {
		return err
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return problemf(ErrBinary, "binary content: NUL byte at %s", position(data, i))
	}
	return nil
}

// checkBinaryFormat is checkBinary without the search for a NUL byte past
// the sample: a .jsonl file with a NUL in one line loses that line only.
func checkBinaryFormat(data []byte) error {
	for _, sig := range binarySignatures {
		if bytes.HasPrefix(data, []byte(sig)) {
			return problemf(ErrBinary, "binary content: %q file signature", sig)
		}
	}
	sample := data[:min(len(data), binarySample)]
	if len(sample) < minBinaryCheckLength {
		return nil
	}
	control := 0
	for _, c := range sample {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' || c == 0x7f {
			control++
		}
	}
	if float64(control) > maxControlFraction*float64(len(sample)) {
		return problemf(ErrBinary, "binary content: %d control characters in %d bytes", control, len(sample))
	}
	return nil
}

// invalidUTF8At returns the offset of the first byte of data that is not
// valid UTF-8.
func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// jsonRecord is one line of a .jsonl input.
type jsonRecord struct {
	Text  string `json:"text"`
	HTML  string `json:"html"`
	URL   string `json:"url"`
	Title string `json:"title"`
	Date  string `json:"date"`
	Lang  string `json:"lang"`
}

// parseJSONL reads one article a line. Blank lines are skipped.
func parseJSONL(name string, data []byte) ([]*Article, error) {
	if len(data) == 0 {
		return nil, inputError(name, 0, problemf(ErrEmpty, "file is empty"))
	}
	if err := checkBinaryFormat(data); err != nil {
		return nil, inputError(name, 0, err)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var arts []*Article
	var errs []error
	n := 0
	for rest := data; len(rest) > 0; {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		n++
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		a, err := parseRecord(name, n, line)
		if err != nil {
			errs = append(errs, inputError(name, n, err))
			continue
		}
		arts = append(arts, a)
	}
	if len(arts) == 0 && len(errs) == 0 {
		return nil, inputError(name, 0, problemf(ErrEmpty, "only white space"))
	}
	return arts, errors.Join(errs...)
}

// parseRecord reads the article of line n of a .jsonl input. A record's
// title, url, date and lang take precedence over what the text or page
// says; a title is put before a text that does not start with it.
func parseRecord(name string, n int, line []byte) (*Article, error) {
	if i := bytes.IndexByte(line, 0); i >= 0 {
		return nil, problemf(ErrBinary, "binary content: NUL byte at byte %d of the line", i+1)
	}
	if !utf8.Valid(line) {
		return nil, problemf(ErrInvalidUTF8, "invalid UTF-8 at byte %d of the line", invalidUTF8At(line)+1)
	}
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, problemf(ErrInvalidJSON, "invalid JSON: %v", err)
	}
	d := articleDraft{
		source:    fmt.Sprintf("%s:%d", name, n),
		name:      recordName(rec.URL, filepath.Base(name), n),
		url:       strings.TrimSpace(rec.URL),
		title:     strings.TrimSpace(rec.Title),
		lang:      recordLang(rec.Lang),
		published: recordDate(rec.Date),
	}
	switch {
	case strings.TrimSpace(rec.Text) != "":
		if strings.IndexByte(rec.Text, 0) >= 0 {
			return nil, problemf(ErrBinary, "binary content: NUL in text")
		}
		d.text, d.raw = rec.Text, []byte(rec.Text)
		if d.title != "" && !startsWithLine(d.text, d.title) {
			d.text = d.title + "\n\n" + d.text // as for a page: the title states facts too
		}
	case strings.TrimSpace(rec.HTML) != "":
		page, err := readHTML([]byte(rec.HTML), d.url)
		if err != nil {
			return nil, err
		}
		d.text, d.raw, d.html = page.text, []byte(rec.HTML), true
		d.title = cmp.Or(d.title, page.title)
		d.published = cmp.Or(d.published, page.published)
	default:
		return nil, problemf(ErrEmpty, "record has no text or html")
	}
	return buildArticle(d)
}

// recordName returns the last segment of rawURL's path, or "base:n".
func recordName(rawURL, base string, n int) string {
	if u, err := url.Parse(strings.TrimSpace(rawURL)); err == nil && u.Path != "" {
		if seg := path.Base(strings.TrimRight(u.Path, "/")); seg != "." && seg != "/" && seg != "" {
			return seg
		}
	}
	return fmt.Sprintf("%s:%d", base, n)
}

// recordLang returns "ar", "fr" or "en" for a language tag ("fr",
// "fr-MA", "AR"), or "" to detect the language.
func recordLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	switch tag {
	case "ar", "fr", "en":
		return tag
	}
	return ""
}

// recordDate returns the day of a record's date ("2024-07-26",
// "2024-07-26T23:48:00+01:00", "26/07/2024", "26 juillet 2024"), or "".
func recordDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= len("2006-01-02") {
		if _, ok := parseDay(s[:len("2006-01-02")]); ok {
			return s[:len("2006-01-02")]
		}
	}
	for _, d := range FindDates(s, "", "") {
		if len(d.Value) == len("2006-01-02") {
			return d.Value
		}
	}
	return ""
}

// ReadFile reads the articles of the file at path, as Parse does. A file
// larger than opts.MaxBytes fails with ErrTooLarge before it is read.
func ReadFile(path string, opts ReadOptions) ([]*Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, inputError(path, 0, withoutPathError(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, inputError(path, 0, withoutPathError(err))
	}
	if fi.IsDir() {
		return nil, inputError(path, 0, problemf(ErrUnsupported, "is a folder"))
	}
	limit := opts.maxBytes()
	if fi.Mode().IsRegular() && fi.Size() > limit {
		return nil, inputError(path, 0, tooLarge(fi.Size(), limit))
	}
	data, err := readLimited(f, limit)
	if err != nil {
		return nil, inputError(path, 0, err)
	}
	return Parse(path, data, opts)
}

// withoutPathError drops the *fs.PathError around err, whose path the InputError
// already names.
func withoutPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Walk reads each path, a file, a folder or "-" for stdin, and calls fn
// for each article in order. A folder is walked recursively in lexical
// order; in it, files and folders whose name starts with "." are skipped,
// and only files of known extensions are read (PDF and Word files are
// reported as ErrUnsupported, other files are skipped). A file named
// explicitly is read whatever its extension.
//
// A file that cannot be read or parsed is reported to problem (an
// *InputError naming the file and what is wrong; one per bad line of a
// .jsonl file) and skipped; Walk goes on. A .jsonl file is read a line at
// a time, and ReadOptions.MaxBytes bounds each line, not the file. Walk returns fn's first error, or
// the context's error if ctx is done. problem may be nil.
func Walk(ctx context.Context, paths []string, opts ReadOptions, stdin io.Reader, fn func(*Article) error, problem func(error)) error {
	if problem == nil {
		problem = func(error) {}
	}
	w := pathWalker{ctx: ctx, opts: opts, fn: fn, problem: problem}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := w.path(p, stdin); err != nil {
			return err
		}
	}
	return nil
}

// pathWalker carries Walk's arguments.
type pathWalker struct {
	ctx     context.Context
	opts    ReadOptions
	fn      func(*Article) error
	problem func(error)
}

// path reads one of Walk's paths.
func (w *pathWalker) path(p string, stdin io.Reader) error {
	if p == "-" {
		return w.stdin(stdin)
	}
	fi, err := os.Stat(p)
	switch {
	case err != nil:
		w.problem(inputError(p, 0, withoutPathError(err)))
		return nil
	case fi.IsDir():
		return w.dir(p)
	}
	return w.file(p)
}

// stdin reads standard input as one input named "-".
func (w *pathWalker) stdin(r io.Reader) error {
	if r == nil {
		w.problem(inputError("-", 0, problemf(ErrUnsupported, "no standard input")))
		return nil
	}
	data, err := readLimited(r, w.opts.maxBytes())
	if err != nil {
		w.problem(inputError("-", 0, err))
		return nil
	}
	arts, err := Parse("-", data, w.opts)
	return w.emit(arts, err)
}

// dir walks a folder.
func (w *pathWalker) dir(root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			w.problem(inputError(p, 0, withoutPathError(err)))
			return nil // WalkDir skips what it could not read
		}
		if ctxErr := w.ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		ext := strings.ToLower(filepath.Ext(p))
		switch {
		case inputFormats[ext] != 0:
			return w.file(p)
		case unsupportedFormats[ext]:
			w.problem(inputError(p, 0, problemf(ErrUnsupported, "unsupported document format %s", ext)))
		}
		return nil
	})
}

// file reads one file.
func (w *pathWalker) file(p string) error {
	if inputFormats[strings.ToLower(filepath.Ext(p))] == formatJSONL {
		return w.jsonlFile(p)
	}
	arts, err := ReadFile(p, w.opts)
	return w.emit(arts, err)
}

// jsonlFile reads a .jsonl file a line at a time, so that a file of any
// size can be read: the size limit applies to each line, each an article.
func (w *pathWalker) jsonlFile(p string) error {
	f, err := os.Open(p)
	if err != nil {
		w.problem(inputError(p, 0, withoutPathError(err)))
		return nil
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 64<<10)
	head, _ := r.Peek(binarySample)
	if err := checkBinaryFormat(head); err != nil {
		w.problem(inputError(p, 0, err))
		return nil
	}
	limit := w.opts.maxBytes()
	articles, lines := 0, 0
	for n := 1; ; n++ {
		line, err := readLine(r, limit)
		if errors.Is(err, io.EOF) && len(line) == 0 {
			break
		}
		if err != nil && !errors.Is(err, io.EOF) {
			if errors.Is(err, ErrTooLarge) {
				w.problem(inputError(p, n, err))
				continue
			}
			w.problem(inputError(p, n, fmt.Errorf("read: %w", withoutPathError(err))))
			return nil
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\ufeff"))
		}
		if line = bytes.TrimSpace(line); len(line) == 0 {
			continue
		}
		lines++
		a, perr := parseRecord(p, n, line)
		if perr != nil {
			w.problem(inputError(p, n, perr))
			continue
		}
		articles++
		if err := w.emit([]*Article{a}, nil); err != nil {
			return err
		}
	}
	if lines == 0 {
		w.problem(inputError(p, 0, problemf(ErrEmpty, "file is empty or only white space")))
	}
	return nil
}

// readLine returns the next line of r without its newline. A line longer
// than limit bytes is read to its end and dropped, with ErrTooLarge.
func readLine(r *bufio.Reader, limit int64) ([]byte, error) {
	var line []byte
	tooLong := false
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(chunk)) > limit+1 { // +1: the newline
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if tooLong {
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			return nil, problemf(ErrTooLarge, "line too large: over the limit of %d bytes", limit)
		}
		return bytes.TrimSuffix(line, []byte("\n")), err
	}
}

// emit passes arts to fn and each error of err to problem.
func (w *pathWalker) emit(arts []*Article, err error) error {
	for _, a := range arts {
		if ctxErr := w.ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if fnErr := w.fn(a); fnErr != nil {
			return fnErr
		}
	}
	if err == nil {
		return nil
	}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		if _, isInput := err.(*InputError); !isInput {
			for _, e := range joined.Unwrap() {
				w.problem(e)
			}
			return nil
		}
	}
	w.problem(err)
	return nil
}
