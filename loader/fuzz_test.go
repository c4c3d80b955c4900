package loader

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// The fuzz targets check properties, not only the absence of panics. Their
// seed corpora are in testdata/fuzz; the inputs of testdata/reading are
// added as seeds too.

// fuzzExts are the extensions FuzzParse picks from with its first argument.
var fuzzExts = []string{".txt", ".html", ".jsonl", ".md", ""}

// maxSeedBytes bounds the seeds taken from testdata/reading: the fuzzer
// minimizes every new input it finds, and large ones take it minutes.
const maxSeedBytes = 1200

// seedHead returns the lines of data that fit in maxSeedBytes.
func seedHead(data []byte) []byte {
	if len(data) <= maxSeedBytes {
		return data
	}
	head := data[:maxSeedBytes]
	if i := strings.LastIndexByte(string(head), '\n'); i > 0 {
		head = head[:i+1]
	}
	return head
}

func FuzzParse(f *testing.F) {
	for i, ext := range fuzzExts[:3] {
		files, _ := filepath.Glob(filepath.Join(readingDir, "*"+ext))
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(uint8(i), seedHead(data))
			}
		}
	}
	f.Add(uint8(0), []byte("\ufeffTitre\r\n\r\nRabat, 14 mars 2024 (MAP) - Le ministre a présidé lundi dernier la réunion."))
	f.Add(uint8(1), []byte("<p>jeudi</p>"))
	f.Add(uint8(2), []byte(`{"text":"أمس الخميس","date":"2024-07-26"}`+"\n{bad\n"))
	f.Add(uint8(4), []byte("{\"html\":\"<article><p>x</p></article>\"}"))
	f.Add(uint8(1), []byte("<article><p>x</p>"+strings.Repeat("<div><span>", maxHTMLDepth/2)+"</article><svg><g/></svg>"))
	f.Fuzz(func(t *testing.T, ext uint8, data []byte) {
		name := "input" + fuzzExts[int(ext)%len(fuzzExts)]
		arts, err := Parse(name, data, ReadOptions{MaxBytes: 1 << 20})
		for _, e := range splitJoined(err) {
			var ie *InputError
			if !errors.As(e, &ie) || !strings.HasPrefix(ie.Source, name) {
				t.Errorf("error %v (%T) is not an *InputError for %s", e, e, name)
			}
		}
		for _, a := range arts {
			if msg := checkArticle(a); msg != "" {
				t.Fatalf("article %s: %s\ntext: %q", a.Source, msg, a.Text)
			}
		}
	})
}

// checkArticle reports what breaks the contract of an Article, or "".
func checkArticle(a *Article) string {
	switch {
	case a.ID == "":
		return "empty ID"
	case a.Lang != "ar" && a.Lang != "fr" && a.Lang != "en":
		return "language " + a.Lang
	case a.Published != "" && !validDateValue(a.Published, 10):
		return "published " + a.Published
	case !utf8.ValidString(a.Text):
		return "text is not UTF-8"
	case strings.ContainsRune(a.Text, '\r') || strings.HasPrefix(a.Text, "\ufeff"):
		return "CR or BOM left in text"
	case strings.TrimSpace(a.Text) == "":
		return "empty text"
	}
	if msg := checkSpans(a.Text, a.Paragraphs, true); msg != "" {
		return "paragraphs: " + msg
	}
	if msg := checkSentences(a.Text, a.Sentences); msg != "" {
		return "sentences: " + msg
	}
	for _, s := range a.Sentences {
		if s.Lang == "" {
			return "sentence without language at " + spanString(s)
		}
	}
	return checkDates(a.Text, a.Dates, a.Published)
}

// checkSpans reports spans out of range, off rune boundaries, or (if
// ordered) out of order or overlapping.
func checkSpans(text string, spans []Span, ordered bool) string {
	prev := 0
	for _, s := range spans {
		switch {
		case s.Start < 0 || s.End > len(text) || s.Start >= s.End:
			return "span out of range: " + spanString(s)
		case !onRuneBoundary(text, s.Start) || !onRuneBoundary(text, s.End):
			return "span off rune boundaries: " + spanString(s)
		case ordered && s.Start < prev:
			return "span out of order: " + spanString(s)
		}
		prev = s.End
	}
	return ""
}

// checkDates reports dates out of range or order, with an invalid value
// or range, or relative with no publication date.
func checkDates(text string, dates []Date, published string) string {
	prev := 0
	for _, d := range dates {
		s := Span{Start: d.Start, End: d.End}
		switch {
		case d.Start < prev || d.End <= d.Start || d.End > len(text):
			return "date out of order or range: " + spanString(s)
		case !onRuneBoundary(text, d.Start) || !onRuneBoundary(text, d.End):
			return "date off rune boundaries: " + spanString(s)
		case !validDateValue(d.Value, 0):
			return "date value " + d.Value
		case d.Until != "" && (len(d.Until) != len(d.Value) || !validDateValue(d.Until, 0) || d.Until <= d.Value):
			return "date range " + d.Value + ".." + d.Until
		case d.Relative && published == "":
			return "relative date without publication date"
		}
		prev = d.End
	}
	return ""
}

// validDateValue reports whether v is YYYY-MM-DD, YYYY-MM or YYYY (of
// length n, if n > 0) and a real date from minYear to maxYear.
func validDateValue(v string, n int) bool {
	if n > 0 && len(v) != n {
		return false
	}
	var layout string
	switch len(v) {
	case 4:
		layout = "2006"
	case 7:
		layout = "2006-01"
	case 10:
		layout = "2006-01-02"
	default:
		return false
	}
	tm, err := time.Parse(layout, v)
	return err == nil && tm.Year() >= minYear && tm.Year() <= maxYear && tm.Format(layout) == v
}

func FuzzClean(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(readingDir, "*.txt"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(string(seedHead(data)))
		}
	}
	f.Add("\ufeff• عاجل\r\n• خبر\r\nعاجل\r\nالثلاثاء 09 يوليو 2024 على الساعة 09:00\r\n\r\nعنوان\r\n\r\nعنوان\r\n\r\nنص المقال.")
	f.Add(" date 2024-07 vendredi, 26 juillet, 2024 à 23:48\n\nTexte.\nComments are closed.")
	f.Fuzz(func(t *testing.T, text string) {
		body, published := Clean(text)
		if published != "" && !validDateValue(published, 10) {
			t.Fatalf("published %q", published)
		}
		if strings.ContainsRune(body, '\r') {
			t.Fatalf("CR in body %q", body)
		}
		if body != strings.TrimSpace(body) && strings.TrimSpace(body) != "" && (strings.HasPrefix(body, "\n") || strings.HasSuffix(body, "\n")) {
			t.Fatalf("leading or trailing blank line in %q", body)
		}
		// Kept lines are a subsequence of the input lines, verbatim.
		in := strings.Split(normalizeNewlines(text), "\n")
		j := 0
		for _, line := range strings.Split(body, "\n") {
			if line == "" {
				continue
			}
			for j < len(in) && in[j] != line {
				j++
			}
			if j == len(in) {
				t.Fatalf("line %q of the body is not an input line, in order\ninput: %q\nbody: %q", line, text, body)
			}
			j++
		}
		if strings.Contains(body, "\n\n\n") {
			t.Fatalf("more than one blank line in a row: %q", body)
		}
	})
}

func FuzzFindDates(f *testing.F) {
	for _, p := range readingParagraphs() {
		f.Add(p, "", "2024-07-26")
	}
	for _, s := range []string{
		"يومي 12 و13 أكتوبر 2021", "du 12 au 14 mars 2024", "12-13 October", "أمس الخميس", "lundi dernier",
		"القانون 14.27 سنة 2016", "2023-2030", "09:00", "فاتح غشت", "1er mars", "كانون الثاني 2024", "29 février 2023",
	} {
		f.Add(s, "", "2024-07-26")
	}
	f.Add("jeudi", "fr", "")
	f.Add("03/25/2024", "en", "0000-01-01")
	f.Fuzz(func(t *testing.T, text, lang, published string) {
		if _, ok := parseDay(published); !ok {
			published = ""
		}
		got := FindDates(text, lang, published)
		if msg := checkDates(text, got, published); msg != "" {
			t.Fatalf("FindDates(%q, %q, %q): %s", text, lang, published, msg)
		}
		// Skipping lines that cannot hold a date loses no date.
		if all := findDates(text, lang, published, false); !reflect.DeepEqual(got, all) {
			t.Fatalf("FindDates(%q, %q, %q) = %v, without skipping lines %v", text, lang, published, got, all)
		}
	})
}

func FuzzSentences(f *testing.F) {
	for _, p := range readingParagraphs() {
		f.Add(p)
	}
	f.Add("M. Ouahbi. Mme. X? «Oui !» a-t-il dit… 27.14. U.S. Embassy؛ ثم؟\r\n- point")
	f.Fuzz(func(t *testing.T, text string) {
		spans := Sentences(text)
		if msg := checkSentences(text, spans); msg != "" {
			t.Fatalf("Sentences(%q): %s", text, msg)
		}
		for _, s := range spans {
			if strings.IndexFunc(text[s.Start:s.End], isLineBreak) >= 0 {
				t.Fatalf("Sentences(%q): sentence %q spans lines", text, text[s.Start:s.End])
			}
		}
	})
}

func FuzzDetectLang(f *testing.F) {
	for _, p := range readingParagraphs() {
		f.Add(p)
	}
	f.Add("Rabat")
	f.Add("ONUDC و UNODC")
	f.Fuzz(func(t *testing.T, text string) {
		got := DetectLang(text)
		hasLetter := strings.IndexFunc(text, func(r rune) bool {
			return unicode.IsLetter(r) && (unicode.Is(unicode.Arabic, r) || unicode.Is(unicode.Latin, r))
		}) >= 0
		switch {
		case got != "" && got != "ar" && got != "fr" && got != "en":
			t.Fatalf("DetectLang(%q) = %q", text, got)
		case (got == "") == hasLetter:
			t.Fatalf("DetectLang(%q) = %q, has Arabic or Latin letters: %v", text, got, hasLetter)
		case got != DetectLang(text):
			t.Fatalf("DetectLang(%q) is not deterministic", text)
		}
		if !strings.ContainsFunc(text, func(r rune) bool { return unicode.Is(unicode.Latin, r) }) && hasLetter && got != "ar" {
			t.Fatalf("DetectLang(%q) = %q for Arabic letters only", text, got)
		}
	})
}

// readingParagraphs returns the paragraphs of the text inputs of
// testdata/reading, as seeds.
func readingParagraphs() []string {
	var out []string
	files, _ := filepath.Glob(filepath.Join(readingDir, "*.txt"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			continue
		}
		for _, p := range strings.Split(string(data), "\n\n") {
			if strings.TrimSpace(p) != "" {
				out = append(out, string(seedHead([]byte(p))))
			}
		}
	}
	return out
}
