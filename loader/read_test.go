package loader

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// updateGoldens reports whether -update was given: the golden files of
// testdata/reading are then rewritten instead of compared. The flag is
// shared with any other golden test of the package that defines it first.
var updateGoldens = boolFlag("update", "rewrite the golden files")

// boolFlag returns a reader of the boolean flag name, defining it unless
// another test file of the package already has.
func boolFlag(name, usage string) func() bool {
	if f := flag.Lookup(name); f != nil {
		return func() bool { return f.Value.String() == "true" }
	}
	p := flag.Bool(name, false, usage)
	return func() bool { return *p }
}

const readingDir = "testdata/reading"

// TestGolden reads every input of testdata/reading and compares a dump of
// its articles (and problems) with the .golden file beside it.
func TestGolden(t *testing.T) {
	var inputs []string
	for _, pattern := range []string{"*.txt", "*.html", "*.htm", "*.jsonl"} {
		m, err := filepath.Glob(filepath.Join(readingDir, pattern))
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, m...)
	}
	if len(inputs) < 11 { // five seeds and our own ar, fr, en texts, pages and records
		t.Fatalf("found %d inputs in %s, want at least 11", len(inputs), readingDir)
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			arts, err := ReadFile(in, ReadOptions{})
			got := dumpArticles(arts, err)
			golden := in + ".golden"
			if updateGoldens() {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run Golden -update to create it)", err)
			}
			if line, g, w := firstDiff(got, want); line > 0 {
				t.Errorf("%s:%d: mismatch\n got: %s\nwant: %s\n(run go test -run Golden -update and review the diff)", golden, line, g, w)
			}
		})
	}
}

// dumpArticles renders articles and the problems of their input in the
// golden form.
func dumpArticles(arts []*Article, err error) []byte {
	var b bytes.Buffer
	for i, a := range arts {
		if i > 0 {
			b.WriteString("\n---\n\n")
		}
		dumpArticle(&b, a)
	}
	for _, e := range splitJoined(err) {
		fmt.Fprintf(&b, "\nproblem: %v\n", e)
	}
	return b.Bytes()
}

func dumpArticle(b *bytes.Buffer, a *Article) {
	fmt.Fprintf(b, "ID: %s\nSource: %s\nName: %s\nURL: %s\nLang: %s\nPublished: %s\nTitle: %s\n",
		a.ID, filepath.ToSlash(a.Source), a.Name, a.URL, a.Lang, a.Published, a.Title)
	langs := map[string]int{}
	for _, p := range a.Paragraphs {
		langs[p.Lang]++
	}
	fmt.Fprintf(b, "Paragraphs: %d (ar %d, fr %d, en %d)\n", len(a.Paragraphs), langs["ar"], langs["fr"], langs["en"])
	fmt.Fprintf(b, "\nSentences: %d\n", len(a.Sentences))
	for _, s := range a.Sentences {
		fmt.Fprintf(b, "%5d %5d %s | %s\n", s.Start, s.End, s.Lang, a.Text[s.Start:s.End])
	}
	fmt.Fprintf(b, "\nDates: %d\n", len(a.Dates))
	for _, d := range a.Dates {
		v := d.Value
		if d.Until != "" {
			v += ".." + d.Until
		}
		if d.Relative {
			v += " (relative)"
		}
		fmt.Fprintf(b, "%5d %5d %s | %s\n", d.Start, d.End, v, a.Text[d.Start:d.End])
	}
}

// splitJoined returns the errors joined in err, or err alone.
func splitJoined(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		if _, isInput := err.(*InputError); !isInput {
			return j.Unwrap()
		}
	}
	return []error{err}
}

// firstDiff returns the 1-based number of the first line where got and
// want differ, with both lines, or 0 if they are equal.
func firstDiff(got, want []byte) (int, string, string) {
	if bytes.Equal(got, want) {
		return 0, "", ""
	}
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; ; i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl || i >= len(g) || i >= len(w) {
			return i + 1, gl, wl
		}
	}
}

// readSeedArticles reads the five seeds of testdata/reading.
func readSeedArticles(t testing.TB) []*Article {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(readingDir, "00?_*.txt"))
	if err != nil || len(files) != 5 {
		t.Fatalf("seeds: %v %v", files, err)
	}
	var arts []*Article
	for _, f := range files {
		a, err := ReadFile(f, ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a...)
	}
	return arts
}

func spanString(s Span) string { return strconv.Itoa(s.Start) + ":" + strconv.Itoa(s.End) }

// onRuneBoundary reports whether a rune of s, as range decodes it (an
// invalid byte is a rune of its own), starts at i, or i is len(s).
func onRuneBoundary(s string, i int) bool {
	if i == len(s) {
		return true
	}
	if i < 0 || i > len(s) {
		return false
	}
	// Back up to a byte that surely starts a rune, then decode forward.
	j := max(0, i-utf8.UTFMax)
	for j > 0 && !utf8.RuneStart(s[j]) {
		j--
	}
	for j < i {
		_, size := utf8.DecodeRuneInString(s[j:])
		j += size
	}
	return j == i
}

// TestSeedMetadata checks what the gold files of the seeds state about
// each document: its language and publication date.
func TestSeedMetadata(t *testing.T) {
	want := map[string][2]string{
		"000_d236ae57b0bee246.txt": {"ar", ""},
		"001_5c909531ebe8adc3.txt": {"ar", ""},
		"002_3e62b357ec9e95a5.txt": {"ar", ""},
		"003_e39b19ec1737aeb7.txt": {"fr", "2024-07-26"},
		"004_75f8e7a91cb281f9.txt": {"ar", "2024-07-09"},
	}
	for _, a := range readSeedArticles(t) {
		w, ok := want[a.Name]
		if !ok {
			t.Errorf("unexpected seed %s", a.Name)
			continue
		}
		if a.Lang != w[0] || a.Published != w[1] {
			t.Errorf("%s: Lang, Published = %q, %q, want %q, %q", a.Name, a.Lang, a.Published, w[0], w[1])
		}
	}
}

func TestParseFormats(t *testing.T) {
	const text = "Le ministre de la Justice a présidé à Rabat une réunion de la Commission nationale contre la traite des êtres humains."
	page := "<!DOCTYPE html><html><head><title>Réunion</title></head><body><article><p>" + text + "</p></article></body></html>"
	jsonl := `{"text": "` + text + `", "url": "https://example.ma/a/reunion"}` + "\n"
	tests := []struct {
		name, data     string
		wantName       string
		wantTitle      string
		wantTextPrefix string
	}{
		{"a.txt", text, "a.txt", "", "Le ministre"},
		{"dir/a.text", text, "a.text", "", "Le ministre"},
		{"a.md", text, "a.md", "", "Le ministre"},
		{"a.html", page, "a.html", "Réunion", "Réunion\n\nLe ministre"},
		{"a.htm", page, "a.htm", "Réunion", "Réunion\n\nLe ministre"},
		{"a.jsonl", jsonl, "reunion", "", "Le ministre"},
		{"a.ndjson", jsonl, "reunion", "", "Le ministre"},
		{"sniffed-html", page, "sniffed-html", "Réunion", "Réunion\n\nLe ministre"},
		{"sniffed.json", jsonl, "reunion", "", "Le ministre"},
		{"-", text, "-", "", "Le ministre"},
		{"page.txt", page, "page.txt", "", "<!DOCTYPE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := Parse(tt.name, []byte(tt.data), ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != 1 {
				t.Fatalf("got %d articles, want 1", len(arts))
			}
			a := arts[0]
			if a.Name != tt.wantName || a.Title != tt.wantTitle || !strings.HasPrefix(a.Text, tt.wantTextPrefix) {
				t.Errorf("Name, Title, Text = %q, %q, %q; want %q, %q, %q…", a.Name, a.Title, a.Text, tt.wantName, tt.wantTitle, tt.wantTextPrefix)
			}
		})
	}
}

func TestArticleID(t *testing.T) {
	data := []byte("Le ministre a présidé une réunion de la Commission nationale à Rabat.")
	a1, err := Parse("a.txt", data, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a2, err := Parse("renamed/b.txt", data, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if a1[0].ID != a2[0].ID || !strings.HasPrefix(a1[0].ID, "sha256:") || len(a1[0].ID) != len("sha256:")+32 {
		t.Errorf("IDs %q, %q: want the same sha256:<32 hex> for a renamed file", a1[0].ID, a2[0].ID)
	}
	a3, _ := Parse("c.txt", append(data, " Fin."...), ReadOptions{})
	if a3[0].ID == a1[0].ID {
		t.Errorf("different content, same ID %q", a1[0].ID)
	}
	withURL, _ := Parse("x.jsonl", []byte(`{"url":"https://example.ma/x","text":"Le ministre a présidé la réunion."}`), ReadOptions{})
	if withURL[0].ID != "https://example.ma/x" || withURL[0].URL != "https://example.ma/x" {
		t.Errorf("ID, URL = %q, %q; want the URL", withURL[0].ID, withURL[0].URL)
	}
}

func TestParseTextEncodings(t *testing.T) {
	const line = "Le ministre a présidé la réunion."
	utf16le := []byte{0xff, 0xfe}
	for _, r := range line {
		utf16le = append(utf16le, byte(r), byte(r>>8))
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"lf", []byte("Titre\n\n" + line + "\n"), "Titre\n\n" + line},
		{"crlf", []byte("Titre\r\n\r\n" + line + "\r\n"), "Titre\n\n" + line},
		{"cr", []byte("Titre\r\r" + line), "Titre\n\n" + line},
		{"bom", []byte("\ufeffTitre\n" + line), "Titre\n" + line},
		{"utf-16le with bom", utf16le, line},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := Parse("a.txt", tt.data, ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := arts[0].Text; got != tt.want {
				t.Errorf("Text = %q, want %q", got, tt.want)
			}
		})
	}
}

// badInputs are inputs that fail, with the sentinel each must give.
func badInputs() []struct {
	name string
	data []byte
	want error
} {
	return []struct {
		name string
		data []byte
		want error
	}{
		{"empty.txt", nil, ErrEmpty},
		{"blank.txt", []byte(" \n\t\r\n  \n"), ErrEmpty},
		{"boilerplate.txt", []byte("عاجل\nShare\nComments are closed.\n"), ErrEmpty},
		{"digits.txt", []byte("2023-2030\n12 34\n"), ErrEmpty},
		{"binary.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrBinary},
		{"nul.txt", []byte("Le ministre\x00 a présidé la réunion."), ErrBinary},
		{"controls.txt", bytes.Repeat([]byte("ab\x01\x02\x03\x04"), 10), ErrBinary},
		{"random.bin.txt", randomBytes(4096), ErrBinary},
		{"windows-1256.txt", []byte("\xe4\xd9\xe3\xca \xc7\xe1\xe1\xcc\xe4\xc9 \xc7\xe1\xe6\xd8\xe4\xed\xc9 \xed\xe6\xe3\xc7 \xca\xe6\xc7\xd5\xe1\xed\xc7."), ErrInvalidUTF8},
		{"latin1.txt", []byte("Le minist\xe8re a pr\xe9sid\xe9 la r\xe9union de la Commission nationale."), ErrInvalidUTF8},
		{"empty.html", nil, ErrEmpty},
		{"noarticle.html", []byte(noArticlePage), ErrNoArticle},
		{"latin1-undeclared.html", []byte("<html><body><p>Le minist\xe8re a pr\xe9sid\xe9 la r\xe9union.</p></body></html>"), ErrInvalidUTF8},
		{"doc.pdf", []byte("%PDF-1.7\n"), ErrUnsupported},
		{"empty.jsonl", nil, ErrEmpty},
		{"blank.jsonl", []byte("\n\n"), ErrEmpty},
	}
}

// randomBytes returns n bytes of a fixed pseudo-random sequence with no
// NUL, so that only the share of control characters makes it binary.
func randomBytes(n int) []byte {
	b := make([]byte, n)
	x := uint32(2463534242)
	for i := range b {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b[i] = max(byte(x), 1)
	}
	return b
}

const noArticlePage = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Page introuvable | Le Journal</title>
<style>body{}</style><script>var x = 1;</script></head><body>
<header><nav><ul><li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li><li><a href="/societe">Société</a></li></ul></nav></header>
<main><h1>Erreur 404</h1><p>La page demandée est introuvable.</p><form action="/search"><input name="q"><button>Rechercher</button></form></main>
<footer><p>© 2024 Le Journal. Tous droits réservés.</p></footer></body></html>`

func TestParseBadInput(t *testing.T) {
	for _, tt := range badInputs() {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := Parse(tt.name, tt.data, ReadOptions{})
			if len(arts) != 0 {
				t.Errorf("got %d articles, want none", len(arts))
			}
			checkInputError(t, err, tt.name, 0, tt.want)
		})
	}
}

// checkInputError checks that err is an *InputError for source and line
// that matches want.
func checkInputError(t *testing.T, err error, source string, line int, want error) {
	t.Helper()
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v (%T) is not an *InputError", err, err)
	}
	if ie.Source != source || ie.Line != line {
		t.Errorf("InputError for %s:%d, want %s:%d", ie.Source, ie.Line, source, line)
	}
	if !errors.Is(err, want) {
		t.Errorf("error %q does not match %v", err, want)
	}
	if !strings.HasPrefix(err.Error(), source+":") {
		t.Errorf("message %q does not start with %q", err, source+":")
	}
}

func TestParseTooLarge(t *testing.T) {
	data := bytes.Repeat([]byte("Le ministre a présidé la réunion. "), 100)
	_, err := Parse("big.txt", data, ReadOptions{MaxBytes: 1000})
	checkInputError(t, err, "big.txt", 0, ErrTooLarge)
	if _, err := Parse("big.txt", data, ReadOptions{MaxBytes: int64(len(data))}); err != nil {
		t.Errorf("at the limit: %v", err)
	}
}

// TestReadFileTooLargeNotRead checks that the size is checked before the
// file is read: the file is unreadable, yet the error is ErrTooLarge.
func TestReadFileTooLargeNotRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(DefaultMaxBytes + 1); err != nil { // sparse: NUL bytes if read
		t.Fatal(err)
	}
	f.Close()
	_, err = ReadFile(path, ReadOptions{})
	checkInputError(t, err, path, 0, ErrTooLarge)
}

func TestParseJSONL(t *testing.T) {
	data := []byte(`{"url": "https://example.ma/news/one/", "text": "Le ministre a présidé la réunion de la Commission.", "date": "2024-07-26T23:48:00+01:00", "lang": "FR-ma", "title": "Réunion"}` + "\r\n" +
		"\n" +
		`{"text": "broken` + "\n" +
		`{"title": "no text"}` + "\n" +
		`["not", "an", "object"]` + "\n" +
		`{"text": 12}` + "\n" +
		"{\"text\": \"caf\xe9\"}\n" +
		`{"html": "<html><head><title>Séminaire</title><meta property=\"article:published_time\" content=\"2024-03-14T10:00:00+01:00\"></head><body><article><p>La Commission nationale a organisé hier à Rabat un séminaire sur la protection des enfants contre l’exploitation en ligne, avec l’ONUDC.</p></article></body></html>", "date": "vendredi 15 mars 2024"}` + "\n" +
		`{"text": "Second text with no url, in English, about the review of the plan.", "date": "not a date"}`)
	arts, err := Parse("dir/x.jsonl", data, ReadOptions{})
	type got struct{ Source, Name, ID, Lang, Published, Title string }
	var gotArts []got
	for _, a := range arts {
		id := a.ID
		if strings.HasPrefix(id, "sha256:") {
			id = "sha256"
		}
		gotArts = append(gotArts, got{a.Source, a.Name, id, a.Lang, a.Published, a.Title})
	}
	want := []got{
		{"dir/x.jsonl:1", "one", "https://example.ma/news/one/", "fr", "2024-07-26", "Réunion"},
		{"dir/x.jsonl:8", "x.jsonl:8", "sha256", "fr", "2024-03-15", "Séminaire"},
		{"dir/x.jsonl:9", "x.jsonl:9", "sha256", "en", "", ""},
	}
	if diff := cmp.Diff(want, gotArts); diff != "" {
		t.Errorf("articles mismatch (-want +got):\n%s", diff)
	}
	if !strings.HasPrefix(arts[0].Text, "Réunion\n\nLe ministre") {
		t.Errorf("record title not put before its text: %q", arts[0].Text)
	}
	if arts[1].Dates[0].Value != "2024-03-14" {
		t.Errorf("html record: hier = %v, want 2024-03-14 (relative to the record's date)", arts[1].Dates)
	}
	errs := splitJoined(err)
	wantErrs := []struct {
		line int
		kind error
	}{{3, ErrInvalidJSON}, {4, ErrEmpty}, {5, ErrInvalidJSON}, {6, ErrInvalidJSON}, {7, ErrInvalidUTF8}}
	if len(errs) != len(wantErrs) {
		t.Fatalf("got %d problems, want %d: %v", len(errs), len(wantErrs), err)
	}
	for i, w := range wantErrs {
		checkInputError(t, errs[i], "dir/x.jsonl", w.line, w.kind)
	}
	if !strings.HasPrefix(errs[0].Error(), "dir/x.jsonl:3: invalid JSON: ") {
		t.Errorf("message %q", errs[0])
	}
}

// TestWalk walks a folder with good, bad and ignored files, a .jsonl
// with a broken line, a nested folder and a hidden one, plus standard
// input and a missing path, and checks the order of articles and problems.
func TestWalk(t *testing.T) {
	dir := t.TempDir()
	good := "Le ministre de la Justice a présidé la réunion de la Commission nationale à Rabat."
	files := map[string][]byte{
		"a_good.txt":                 []byte(good),
		"b_empty.txt":                nil,
		"c_binary.txt":               []byte("abc\x00def"),
		"d_latin1.txt":               []byte("minist\xe8re de la Justice"),
		"e_big.txt":                  bytes.Repeat([]byte("x "), 600),
		"f_noarticle.html":           []byte(noArticlePage),
		"g_lines.jsonl":              []byte(`{"text": "` + good + `"}` + "\n{broken\n" + `{"text": "Second good line about the Commission and its partners in Rabat."}` + "\n"),
		"h_notes.json":               []byte(`{"ignored": true}`),
		"i_report.pdf":               []byte("%PDF-1.7"),
		"sub/j_good.txt":             []byte(good + " Deuxième."),
		".hidden/k_good.txt":         []byte(good),
		".l_hidden.txt":              []byte(good),
		"sub/deeper/m_good.html":     []byte("<html><body><article><p>" + good + " Troisième.</p></article></body></html>"),
		"sub/deeper/n_whitespace.md": []byte("\n \n"),
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	fn := func(a *Article) error {
		got = append(got, "article "+relTo(dir, a.Source))
		return nil
	}
	problem := func(err error) {
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Errorf("problem %v is not an *InputError", err)
			return
		}
		kind := "other"
		for _, k := range []error{ErrEmpty, ErrBinary, ErrInvalidUTF8, ErrTooLarge, ErrNoArticle, ErrUnsupported, ErrInvalidJSON} {
			if errors.Is(err, k) {
				kind = k.Error()
			}
		}
		src := relTo(dir, ie.Source)
		if ie.Line > 0 {
			src += ":" + strconv.Itoa(ie.Line)
		}
		got = append(got, "problem "+src+": "+kind)
	}
	stdin := strings.NewReader(good + " Depuis l’entrée standard.")
	missing := filepath.Join(dir, "missing.txt")
	err := Walk(context.Background(), []string{dir, "-", missing, filepath.Join(dir, "h_notes.json")}, ReadOptions{MaxBytes: 1000}, stdin, fn, problem)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"article a_good.txt",
		"problem b_empty.txt: no article text",
		"problem c_binary.txt: binary content",
		"problem d_latin1.txt: invalid UTF-8",
		"problem e_big.txt: input too large",
		"problem f_noarticle.html: no article in HTML",
		"article g_lines.jsonl:1",
		"problem g_lines.jsonl:2: invalid JSON", // in the order of the lines
		"article g_lines.jsonl:3",
		"problem i_report.pdf: unsupported input",
		"article sub/deeper/m_good.html",
		"problem sub/deeper/n_whitespace.md: no article text",
		"article sub/j_good.txt",
		"article -",
		"problem missing.txt: other",
		"problem h_notes.json:1: no article text", // named explicitly: sniffed as JSON Lines
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Walk mismatch (-want +got):\n%s", diff)
	}
}

func relTo(dir, p string) string {
	if r, err := filepath.Rel(dir, p); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return p
}

func TestWalkStops(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.txt", "b.txt", "c.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("La Commission nationale s’est réunie à Rabat, fichier "+n+"."), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stop := errors.New("stop")
	n := 0
	err := Walk(context.Background(), []string{dir}, ReadOptions{}, nil, func(*Article) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	}, nil)
	if !errors.Is(err, stop) || n != 2 {
		t.Errorf("Walk = %v after %d articles, want fn's error after 2", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = Walk(ctx, []string{dir}, ReadOptions{}, nil, func(*Article) error {
		n++
		cancel()
		return nil
	}, nil)
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("Walk = %v after %d articles, want context.Canceled after 1", err, n)
	}
}

// seedGold is what a gold file quotes from its seed.
type seedGold struct {
	mentions, evidence []string
}

// readSeedGold reads the gold files of the seeds (testdata/gold at the
// root of the module), keyed by document name.
func readSeedGold(t testing.TB) map[string]seedGold {
	t.Helper()
	files, err := filepath.Glob("../testdata/gold/*.json")
	if err != nil || len(files) == 0 {
		t.Skipf("no gold files: %v", err)
	}
	out := map[string]seedGold{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Document string `json:"document"`
			Entities []struct {
				Mentions []string `json:"mentions"`
			} `json:"entities"`
			Relations []struct {
				Evidence string `json:"evidence"`
			} `json:"relations"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var g seedGold
		for _, e := range doc.Entities {
			g.mentions = append(g.mentions, e.Mentions...)
		}
		for _, r := range doc.Relations {
			g.evidence = append(g.evidence, r.Evidence)
		}
		out[doc.Document] = g
	}
	return out
}

func ExampleParse() {
	data := []byte("\ufeffBREAKING\r\nRabat, 14 mars 2024 (MAP) - La Commission nationale s’est réunie lundi dernier. " +
		"Elle a adopté son rapport.\r\nLaisser un commentaire\r\n")
	arts, err := Parse("depeche.txt", data, ReadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	a := arts[0]
	fmt.Println(a.Name, a.Lang, a.Published)
	for _, s := range a.Sentences {
		fmt.Printf("%s: %s\n", s.Lang, a.Text[s.Start:s.End])
	}
	for _, d := range a.Dates {
		fmt.Printf("%s = %s\n", a.Text[d.Start:d.End], d.Value)
	}
	_, err = Parse("vide.txt", nil, ReadOptions{})
	fmt.Println(err, errors.Is(err, ErrEmpty))
	// Output:
	// depeche.txt fr 2024-03-14
	// fr: Rabat, 14 mars 2024 (MAP) - La Commission nationale s’est réunie lundi dernier.
	// fr: Elle a adopté son rapport.
	// 14 mars 2024 = 2024-03-14
	// lundi dernier = 2024-03-11
	// vide.txt: file is empty true
}
