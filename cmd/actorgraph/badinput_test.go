package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/loader"
)

// The tests of this file run load and extract, as a user would, over
// folders of good articles mixed with broken and hostile ones (issue 9):
// each bad input is reported with its file (and line) and why, the rest
// loads, the summary counts the skips by reason, and the exit status says
// whether anything was skipped.

// badInput is an input that load must skip.
type badInput struct {
	name   string                                // file under the folder
	data   []byte                                // its content, unless write is set
	write  func(t *testing.T, path string) error // writes a file too large to hold
	line   int                                   // the line the message names, or 0
	msg    string                                // what the message says after "FILE[:LINE]: "
	reason string                                // the reason the summary counts it under
}

// hostileHTML is an article whose page carries code everywhere it can:
// none of the code* words may reach the store.
const hostileHTML = `<!DOCTYPE html><html lang="fr"><head><title>La Commission nationale réunie à Rabat</title>
<script>document.write("codeHead")</script><style>body{content:"codeStyle"}</style></head>
<body onload="codeOnload()"><article>
<p onclick="codeOnclick()">La Commission nationale de lutte contre la traite des êtres humains s’est réunie à Rabat avec l’Organisation internationale pour les migrations.<script>alert("codeInline")</script></p>
<p onmouseover="codeOnmouseover()">Le ministère de la Justice a présenté le bilan de la mise en œuvre de la loi 27.14.<img src="x" onerror="codeOnerror()"></p>
<p>Le rapport est <a href="javascript:codeURL()">en ligne</a>.</p>
<svg><script>codeSVG()</script></svg><template><p>codeTemplate</p></template>
<iframe srcdoc="&lt;p&gt;codeSrcdoc&lt;/p&gt;"></iframe>
<noscript><img src="x" onerror="codeNoscript()">codeNoscriptText</noscript><xmp><script>codeXmp()</script></xmp>
</article></body></html>`

// bidiArticle is an Arabic article with bidi controls around and inside
// names, and Latin acronyms among the Arabic.
const bidiArticle = "وقعت \u202bوزارة العدل\u202c اتفاقية شراكة مع \u2067المجلس الوطني لحقوق الإنسان\u2069 (\u2066CNDH\u2069) " +
	"لمكافحة الاتجار بالبشر، بحضور ممثلين عن \u200fمنظمة\u200f الأمم المتحدة للطفولة (UNICEF) في الرباط.\n\n" +
	"وأكد \u202bوزير العدل\u202c أن هذه الاتفاقية تهدف إلى حماية الضحايا وتعزيز قدرات المتدخلين.\n"

// navOnlyHTML is a page with no article in it.
const navOnlyHTML = `<html><head><title>Accueil</title></head><body><nav><a href="/">Accueil</a> <a href="/a">Société</a></nav><p>Erreur 404</p></body></html>`

// hugeSize is the size of the huge file: ten times loader.DefaultMaxBytes.
const hugeSize = 100 << 20

// badInputs returns one input of each bad kind.
func badInputs() []badInput {
	return []badInput{
		{name: "empty.txt", data: nil, msg: "file is empty", reason: "empty"},
		{name: "blank.md", data: []byte(" \n\t\r\n"), msg: "only white space", reason: "empty"},
		{name: "photo.txt", data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"), msg: `binary content: "\x89PNG" file signature`, reason: "binary"},
		{name: "nul.txt", data: []byte("Titre\n\nLa Commission nationale\x00 s’est réunie à Rabat."), msg: "binary content: NUL byte at line 3 (byte 31)", reason: "binary"},
		{name: "cp1256.txt", data: []byte("\xe6\xd2\xc7\xd1\xc9 \xc7\xe1\xda\xcf\xe1 \xca\xe6\xde\xda \xc7\xca\xd1\xc7\xde\xed\xc9."), msg: "invalid UTF-8 at line 1 (byte 1)", reason: "not UTF-8"},
		{name: "huge.txt", write: writeHuge, msg: fmt.Sprintf("input too large: %d bytes, over the limit of %d", hugeSize, loader.DefaultMaxBytes), reason: "too large"},
		{name: "deep.html", data: []byte("<html><body><article><p>La Commission.</p>" + strings.Repeat("<div>", 100_000) + "x" + strings.Repeat("</div>", 100_000) + "</article></body></html>"),
			msg: "page nests elements more than 512 deep", reason: "nested too deep"},
		{name: "nav.html", data: []byte(navOnlyHTML), msg: "no article in HTML", reason: "no article in HTML"},
		{name: "lines.jsonl", line: 2, msg: "invalid JSON: ", reason: "invalid JSON"}, // written with the good lines
		{name: "report.pdf", data: []byte("%PDF-1.7\n"), msg: "unsupported document format .pdf", reason: "unsupported"},
	}
}

// writeHuge writes hugeSize bytes of text to path.
func writeHuge(t *testing.T, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	chunk := bytes.Repeat([]byte("La Commission nationale s’est réunie à Rabat.\n"), 1<<10)
	for n := 0; n < hugeSize; n += len(chunk) {
		if _, err := f.Write(chunk[:min(len(chunk), hugeSize-n)]); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

// goodJSONL is lines.jsonl: two articles around a broken line.
const goodJSONL = `{"text": "La Commission nationale de lutte contre la traite des êtres humains a adopté son plan d’action à Rabat.", "lang": "fr"}` + "\n" +
	`{"text": "broken` + "\n" +
	`{"text": "The National Commission met the International Organization for Migration in Rabat to review the 2023 report.", "lang": "en"}` + "\n"

// writeFiles writes files (name -> content) under dir.
func writeFiles(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// goodFolder writes the seed articles and the good hostile ones into dir
// and returns the document names load must store.
func goodFolder(t *testing.T, dir string) []string {
	t.Helper()
	files := map[string][]byte{
		"hostile.html": []byte(hostileHTML),
		"bidi.txt":     []byte(bidiArticle),
		"lines.jsonl":  []byte(goodJSONL),
	}
	want := []string{"hostile.html", "bidi.txt", "lines.jsonl:1", "lines.jsonl:3"}
	for name := range seedNames(t) {
		data, err := os.ReadFile(filepath.Join(seeds, name))
		if err != nil {
			t.Fatal(err)
		}
		files["seeds/"+name] = data
		want = append(want, name)
	}
	writeFiles(t, dir, files)
	sort.Strings(want)
	return want
}

// TestLoadBadArticles loads a folder of good articles and one input of
// each bad kind into a bolt store.
func TestLoadBadArticles(t *testing.T) {
	dir := t.TempDir()
	wantDocs := goodFolder(t, dir)
	bad := badInputs()
	for _, b := range bad {
		p := filepath.Join(dir, b.name)
		switch {
		case b.write != nil:
			if err := b.write(t, p); err != nil {
				t.Fatal(err)
			}
		case b.line == 0:
			writeFiles(t, dir, map[string][]byte{b.name: b.data})
		}
	}

	store := "bolt:" + filepath.Join(t.TempDir(), "db")
	out, errOut, err := runCmd(t, "load", "--store", store, dir)

	// Each bad input has one message that names it, its line and what is
	// wrong; there is no other.
	var skips []string
	for _, l := range strings.Split(errOut, "\n") {
		if s, ok := strings.CutPrefix(l, "load: skip "); ok {
			skips = append(skips, s)
		}
	}
	for _, b := range bad {
		source := filepath.Join(dir, b.name)
		if b.line > 0 {
			source += fmt.Sprintf(":%d", b.line)
		}
		found := false
		for _, s := range skips {
			found = found || strings.HasPrefix(s, source+": "+b.msg)
		}
		if !found {
			t.Errorf("no message %q on standard error:\n%s", source+": "+b.msg+"…", errOut)
		}
	}
	if len(skips) != len(bad) {
		t.Errorf("%d skip messages, want %d:\n%s", len(skips), len(bad), errOut)
	}

	// The summary counts the skips by reason.
	wantSummary := fmt.Sprintf("loaded %d articles (10 skipped: 2 empty, 2 binary, 1 not UTF-8, 1 invalid JSON, 1 too large, 1 nested too deep, 1 no article in HTML, 1 unsupported): ", len(wantDocs))
	if !strings.HasPrefix(out, wantSummary) {
		t.Errorf("summary %q, want %q…", out, wantSummary)
	}

	// The command fails, saying why, and exits with status 1.
	if err == nil {
		t.Fatal("load with bad inputs succeeded")
	}
	if code := exitCode(err); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	wantErr := "load: 10 inputs skipped (2 empty, 2 binary, 1 not UTF-8, 1 invalid JSON, 1 too large, 1 nested too deep, 1 no article in HTML, 1 unsupported; see above)"
	if err.Error() != wantErr {
		t.Errorf("error %q, want %q", err, wantErr)
	}

	checkStored(t, store, wantDocs)
}

// checkStored checks that the store holds exactly the documents want, that
// the bidi article's names are found and clean, and that no code of the
// hostile page was stored.
func checkStored(t *testing.T, url string, want []string) {
	t.Helper()
	ctx := context.Background()
	store, err := graph.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	refs, err := store.Articles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var bidi string
	for _, r := range refs {
		got = append(got, r.Document)
		if r.Document == "bidi.txt" {
			bidi = r.ID
		}
	}
	sort.Strings(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stored articles mismatch (-want +got):\n%s", diff)
	}

	if bidi != "" {
		rec, err := store.ArticleFacts(ctx, bidi)
		if err != nil {
			t.Fatal(err)
		}
		ids := map[graph.ID]bool{}
		for _, e := range rec.Entities {
			ids[e.ID] = true
			ent, err := store.Entity(ctx, e.ID)
			if err != nil {
				t.Fatal(err)
			}
			names := []string{ent.Name}
			for _, ns := range ent.Names {
				names = append(names, ns...)
			}
			for _, n := range names {
				if strings.IndexFunc(n, isBidiControl) >= 0 {
					t.Errorf("entity %s: name %q keeps bidi controls", e.ID, n)
				}
			}
		}
		for _, id := range []graph.ID{"ministry-justice", "cndh", "unicef"} {
			if !ids[id] {
				t.Errorf("bidi.txt: %s not found; entities %v", id, rec.Entities)
			}
		}
	}

	var nq bytes.Buffer
	if err := store.WriteNQuads(ctx, &nq, nil); err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"code", "alert(", "javascript:", "<script", "onclick", "onerror"} {
		if i := strings.Index(nq.String(), code); i >= 0 {
			t.Errorf("%q stored: …%s…", code, nq.String()[max(0, i-100):min(nq.Len(), i+100)])
		}
	}
}

func isBidiControl(r rune) bool { return unicode.Is(unicode.Bidi_Control, r) }

// TestLoadGoodArticlesExitsZero loads the good articles alone: nothing is
// skipped and the exit status is 0.
func TestLoadGoodArticlesExitsZero(t *testing.T) {
	dir := t.TempDir()
	want := goodFolder(t, dir)
	if err := os.WriteFile(filepath.Join(dir, "lines.jsonl"), []byte(strings.ReplaceAll(goodJSONL, `{"text": "broken`, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := runCmd(t, "load", "--store", "memory:", dir)
	if err != nil || exitCode(err) != 0 {
		t.Fatalf("load: %v (exit status %d)\n%s", err, exitCode(err), errOut)
	}
	if prefix := fmt.Sprintf("loaded %d articles (0 skipped): ", len(want)); !strings.HasPrefix(out, prefix) {
		t.Errorf("summary %q, want %q…", out, prefix)
	}
	if strings.Contains(errOut, "skip") {
		t.Errorf("standard error: %q", errOut)
	}
}

// TestManyFilesInOneFolder extracts 10,000 small articles of one folder.
func TestManyFilesInOneFolder(t *testing.T) {
	const n = 10_000
	dir := t.TempDir()
	for i := range n {
		text := fmt.Sprintf("Note %d. Le rapport numéro %d de la Commission nationale est publié.", i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := runCmd(t, "extract", dir)
	if got, want := exitCode(err), 1; got != want {
		t.Errorf("exit status %d (%v), want %d for the empty file", got, err, want)
	}
	if err == nil || err.Error() != "extract: 1 input skipped (1 empty; see above)" {
		t.Errorf("error %v", err)
	}
	if want := "extract: skip " + filepath.Join(dir, "empty.txt") + ": file is empty\n"; errOut != want {
		t.Errorf("standard error %q, want %q", errOut, want)
	}
	if got := strings.Count(out, "\n"); got != n {
		t.Errorf("extract printed %d articles, want %d", got, n)
	}
}

func TestExitCode(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{nil, 0},
		{&usageError{"no command given"}, 2},
		{fmt.Errorf("load: %w", skippedError(&skipCounts{total: 1, byReason: map[string]int{"empty": 1}})), 1},
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

// TestSkipCounts checks the reason each kind of skip is counted under and
// the order the summary lists them in.
func TestSkipCounts(t *testing.T) {
	input := func(err error) error { return &loader.InputError{Source: "a.txt", Err: err} }
	skips := []struct {
		err    error
		reason string
	}{
		{fmt.Errorf("a.txt: %w", errors.New("write quads: disk full")), "not stored"},
		{input(fmt.Errorf("read: %w", io.ErrUnexpectedEOF)), "unreadable"},
		{input(fs.ErrPermission), "permission denied"},
		{input(fs.ErrNotExist), "not found"},
		{input(loader.ErrTooDeep), "nested too deep"},
		{input(loader.ErrTooLarge), "too large"},
		{input(loader.ErrInvalidJSON), "invalid JSON"},
		{input(loader.ErrEmpty), "empty"},
		{input(loader.ErrEmpty), "empty"},
	}
	var c skipCounts
	for _, s := range skips {
		if got := skipReason(s.err); got != s.reason {
			t.Errorf("skipReason(%v) = %q, want %q", s.err, got, s.reason)
		}
		c.add(s.err)
	}
	want := "2 empty, 1 invalid JSON, 1 too large, 1 nested too deep, 1 not found, 1 permission denied, 1 unreadable, 1 not stored"
	if got := c.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if c.Total() != len(skips) {
		t.Errorf("Total() = %d, want %d", c.Total(), len(skips))
	}
	var none *skipCounts
	if none.String() != "" || none.Total() != 0 {
		t.Errorf("nil counts: %q, %d", none.String(), none.Total())
	}
}
