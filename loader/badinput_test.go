package loader

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

// The tests of this file feed the reader and the extractor broken and
// hostile inputs: each must be refused with a message that says where and
// why, or read without harm.

// TestParseBadInputMessages checks the whole message of bad inputs: the
// file, then what is wrong and where.
func TestParseBadInputMessages(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"empty.txt", "", "empty.txt: file is empty"},
		{"nul.txt", "Titre\n\nLe ministre a présidé\x00 la réunion.", "nul.txt: binary content: NUL byte at line 3 (byte 31)"},
		{"latin1.txt", "Titre\nLe minist\xe8re a présidé la réunion.", "latin1.txt: invalid UTF-8 at line 2 (byte 16)"},
		{"latin1.html", "<html><body>\n<p>Le minist\xe8re</p></body></html>", "latin1.html: invalid UTF-8 at line 2 (byte 26) and no charset declared"},
		{"big.txt", strings.Repeat("x", 101), "big.txt: input too large: 101 bytes, over the limit of 100"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.name, []byte(tt.data), ReadOptions{MaxBytes: 100})
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestParseJSONLBadLines checks that a .jsonl file loses only its bad
// lines, whatever is wrong with them, and that each error names its line.
func TestParseJSONLBadLines(t *testing.T) {
	good := `{"text": "La Commission nationale s’est réunie à Rabat avec ses partenaires."}`
	data := good + "\n" +
		`{"text": "broken` + "\n" +
		`{"text": "La Commission` + "\x00" + ` nationale."}` + "\n" +
		`{"text": "La Commission\u0000 nationale."}` + "\n" +
		`{"text": "La Commission na` + "\xe9" + `tionale."}` + "\n" +
		`{"text": ""}` + "\n" +
		`{"text": "Le ministre de la Justice a présidé la réunion de la Commission."}` + "\n"
	arts, err := Parse("a.jsonl", []byte(data), ReadOptions{})
	var sources []string
	for _, a := range arts {
		sources = append(sources, a.Source)
	}
	if diff := cmp.Diff([]string{"a.jsonl:1", "a.jsonl:7"}, sources); diff != "" {
		t.Errorf("articles mismatch (-want +got):\n%s", diff)
	}
	want := []struct {
		line int
		kind error
		msg  string
	}{
		{2, ErrInvalidJSON, "a.jsonl:2: invalid JSON: unexpected end of JSON input"},
		{3, ErrBinary, "a.jsonl:3: binary content: NUL byte at byte 24 of the line"},
		{4, ErrBinary, "a.jsonl:4: binary content: NUL in text"},
		{5, ErrInvalidUTF8, "a.jsonl:5: invalid UTF-8 at byte 27 of the line"},
		{6, ErrEmpty, "a.jsonl:6: record has no text or html"},
	}
	errs := splitJoined(err)
	if len(errs) != len(want) {
		t.Fatalf("got %d problems, want %d: %v", len(errs), len(want), err)
	}
	for i, w := range want {
		checkInputError(t, errs[i], "a.jsonl", w.line, w.kind)
		if errs[i].Error() != w.msg {
			t.Errorf("message %q, want %q", errs[i], w.msg)
		}
	}
}

// TestReadBounded checks that what has no size to check beforehand (a
// device, standard input) is read no further than the limit.
func TestReadBounded(t *testing.T) {
	const limit = 1 << 20
	opts := ReadOptions{MaxBytes: limit}
	if _, err := os.Stat("/dev/zero"); err == nil {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := ReadFile("/dev/zero", opts) // endless
		runtime.ReadMemStats(&after)
		checkInputError(t, err, "/dev/zero", 0, ErrTooLarge)
		if got := after.TotalAlloc - before.TotalAlloc; got > 8*limit {
			t.Errorf("reading /dev/zero allocated %d bytes, want at most a few times the limit of %d", got, limit)
		}
	}
	var problems []error
	stdin := strings.NewReader(strings.Repeat("La Commission nationale s’est réunie. ", limit/16))
	err := Walk(context.Background(), []string{"-"}, opts, stdin, func(*Article) error {
		t.Error("an article from too large an input")
		return nil
	}, func(err error) { problems = append(problems, err) })
	if err != nil || len(problems) != 1 {
		t.Fatalf("Walk = %v, problems %v; want one problem", err, problems)
	}
	checkInputError(t, problems[0], "-", 0, ErrTooLarge)
	if want := "-: input too large: over the limit of 1048576 bytes"; problems[0].Error() != want {
		t.Errorf("message %q, want %q", problems[0], want)
	}
}

// TestReadFileHugeNotRead reads a file far over the limit: it is refused
// from its size, without being read into memory.
func TestReadFileHugeNotRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.txt")
	chunk := []byte(strings.Repeat("La Commission nationale s’est réunie à Rabat.\n", 1<<12))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	for written := 0; written < 8*len(chunk); written += len(chunk) {
		if _, err := f.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	limit := int64(len(chunk))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = ReadFile(path, ReadOptions{MaxBytes: limit})
	runtime.ReadMemStats(&after)
	checkInputError(t, err, path, 0, ErrTooLarge)
	if got := after.TotalAlloc - before.TotalAlloc; got > uint64(limit)/4 {
		t.Errorf("refusing a file of %d bytes allocated %d bytes: it was read", 8*limit, got)
	}
}

// articleText is enough words to make an HTML page an article.
const articleText = "La Commission nationale de lutte contre la traite des êtres humains a présenté à Rabat son rapport annuel, en présence de ses partenaires."

// TestParseHTMLDeep reads pages built to be deep, which must be refused
// without the parser's time growing with depth times size, and pages that
// only look deep to a tag counter, which must be read.
func TestParseHTMLDeep(t *testing.T) {
	article := func(inner string) string {
		return "<html><body><article><p>" + articleText + "</p>" + inner + "</article></body></html>"
	}
	nest := func(open, close string, n int) string {
		return strings.Repeat(open, n) + "x" + strings.Repeat(close, n)
	}
	tests := []struct {
		name string
		page string
		want error // nil: read
	}{
		{"100,000 divs", article(nest("<div>", "</div>", 100_000)), ErrTooDeep},
		{"100,000 unclosed divs", article(strings.Repeat("<div>", 100_000)), ErrTooDeep},
		{"100,000 self-closed divs", article(strings.Repeat("<div/>", 100_000)), ErrTooDeep},
		{"just over the limit", article(nest("<span>", "</span>", maxHTMLDepth)), ErrTooDeep},
		{"mismatched end tags", article(nest("<div><span>", "</i>", 1000)), ErrTooDeep},
		{"deep but allowed", article(nest("<div>", "</div>", maxHTMLDepth-10)), nil},
		{"unclosed paragraphs and items", article(strings.Repeat("<p>"+articleText, 2000) + strings.Repeat("<li>x", 2000)), nil},
		{"SVG of self-closed shapes", article("<svg>" + strings.Repeat(`<path d="M0 0"/>`, 2000) + "</svg>"), nil},
		{"many line breaks", article(strings.Repeat("<br/><img src=x>", 2000)), nil},
		{"deep inside a script", article("<script>" + strings.Repeat("<div>", 10_000) + "</script>"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := Parse("page.html", []byte(tt.page), ReadOptions{})
			if tt.want == nil {
				if err != nil {
					t.Fatalf("error %v, want the article", err)
				}
				if !strings.Contains(arts[0].Text, "Commission nationale") {
					t.Errorf("text %.200q…", arts[0].Text)
				}
				return
			}
			checkInputError(t, err, "page.html", 0, tt.want)
			if !strings.Contains(err.Error(), "page.html: page nests elements more than 512 deep") {
				t.Errorf("message %q", err)
			}
		})
	}
}

// hostileMarkers are words that hostilePage puts only in scripts, event
// handlers, styles and other code: none may reach an article's text.
var hostileMarkers = []string{
	"SCRIPTHEAD", "SCRIPTBODY", "SCRIPTSVG", "ONCLICK", "ONERROR", "ONLOAD", "ONMOUSEOVER",
	"JSURL", "STYLEBODY", "TEMPLATE", "IFRAMESRCDOC", "NOSCRIPT", "SCRIPTXMP", "TEXTAREA",
	"alert(", "javascript:", "<script", "<",
}

// hostilePage is an article whose page carries code everywhere it can.
const hostilePage = `<!DOCTYPE html><html><head><title>Réunion de la Commission</title>
<script>document.write("SCRIPTHEAD")</script></head>
<body onload="ONLOAD()"><article>
<p onclick="ONCLICK()">` + articleText + `<script>alert("SCRIPTBODY")</script></p>
<p onmouseover="ONMOUSEOVER()">Le ministre de la Justice a salué le travail de la Commission et de ses partenaires.<img src="x" onerror="ONERROR()"></p>
<p>Voir <a href="javascript:JSURL()">le rapport</a> de la Commission.<style>p{content:"STYLEBODY"}</style></p>
<svg><script>SCRIPTSVG()</script></svg>
<template><p>TEMPLATE</p></template>
<iframe srcdoc="<p>IFRAMESRCDOC</p>"></iframe>
<noscript><img src="x" onerror="ONERROR()">NOSCRIPT</noscript>
<xmp><script>alert("SCRIPTXMP")</script></xmp>
<form action="javascript:JSURL()"><textarea>TEXTAREA</textarea><button onclick="ONCLICK()">Envoyer</button></form>
</article></body></html>`

// TestParseHTMLScripts checks that no code of a page reaches the text,
// from a file and from the html field of a .jsonl record.
func TestParseHTMLScripts(t *testing.T) {
	record, err := json.Marshal(map[string]string{"html": hostilePage})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []struct{ name, data string }{
		{"page.html", hostilePage},
		{"page.jsonl", string(record)},
	} {
		t.Run(in.name, func(t *testing.T) {
			arts, err := Parse(in.name, []byte(in.data), ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			text := arts[0].Text
			for _, m := range hostileMarkers {
				if strings.Contains(text, m) {
					t.Errorf("%q reached the text: %q", m, text)
				}
			}
			for _, want := range []string{"Commission nationale", "Le ministre de la Justice a salué", "le rapport"} {
				if !strings.Contains(text, want) {
					t.Errorf("%q lost from the text: %q", want, text)
				}
			}
		})
	}
}

// TestExtractBidiControls checks that bidi controls around and inside
// names do not change what is found, and are not kept in names.
func TestExtractBidiControls(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct {
		name        string
		plain, bidi string
		wantID      string
	}{
		{
			name:   "embedding around a ministry",
			plain:  "وقعت وزارة العدل اتفاقية شراكة مع المجلس الوطني لحقوق الإنسان لمكافحة الاتجار بالبشر.",
			bidi:   "وقعت \u202bوزارة العدل\u202c اتفاقية شراكة مع \u2067المجلس الوطني لحقوق الإنسان\u2069 لمكافحة الاتجار بالبشر.",
			wantID: "ministry-justice",
		},
		{
			name:   "marks inside names",
			plain:  "أكد وزير العدل عبد اللطيف وهبي أن الحكومة تعمل على مكافحة الاتجار بالبشر. وقال المحامي محمد الإدريسي إن القانون 27.14 يحمي الضحايا.",
			bidi:   "أكد وزير العدل \u202bعبد\u200f \u2067اللطيف\u2069 وهبي\u202c أن الحكومة تعمل على مكافحة الاتجار بالبشر. وقال المحامي \u200fمحمد\u200f \u202eالإدريسي\u202c إن \u2068القانون \u206627.14\u2069\u2069 يحمي الضحايا.",
			wantID: "ouahbi",
		},
		{
			name:   "Latin names in overrides and isolates",
			plain:  "Le ministre de la Justice, Abdellatif Ouahbi, a présidé la réunion. L'avocate Samira Bennani a salué la loi 27.14.",
			bidi:   "Le \u202aministre de la Justice\u202c, \u2066Abdellatif\u2069 \u202dOuahbi\u202c, a présidé la réunion. L'avocate \u200eSamira\u200e \u2068Bennani\u2069 a salué la loi 27.14.",
			wantID: "ouahbi",
		},
	}
	type entity struct {
		ID, Name string
		Mentions []string
	}
	entities := func(t *testing.T, text string) []entity {
		t.Helper()
		arts, err := Parse("a.txt", []byte(text), ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var out []entity
		for _, e := range x.Extract(arts[0]).Entities {
			out = append(out, entity{string(e.ID), e.Name, e.Mentions})
		}
		return out
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, got := entities(t, tt.plain), entities(t, tt.bidi)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("entities with bidi controls differ (-plain +bidi):\n%s", diff)
			}
			found := false
			for _, e := range got {
				found = found || e.ID == tt.wantID
				for _, s := range append([]string{e.Name}, e.Mentions...) {
					if strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Bidi_Control, r) }) >= 0 {
						t.Errorf("%s: bidi control kept in %q", e.ID, s)
					}
				}
			}
			if !found {
				t.Errorf("%s not found in %q", tt.wantID, tt.bidi)
			}
		})
	}
}

func TestVisibleName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"وزارة العدل", "وزارة العدل"},
		{"\u202bوزارة العدل\u202c", "وزارة العدل"},
		{" \u2067وزارة\u200f العدل\u2069 ", "وزارة العدل"},
		{"\u061c\u200e\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", ""},
		{"Samira\u200c Bennani", "Samira\u200c Bennani"}, // a joiner control is not bidi
	}
	for _, tt := range tests {
		if got := visibleName(tt.in); got != tt.want {
			t.Errorf("visibleName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
