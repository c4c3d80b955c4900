package loader

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWalkJSONLLargerThanTheLimit checks that Walk reads a .jsonl file a
// line at a time: a file far over the size limit is read whole, the limit
// applies to each line, and a line over it is reported with its number
// while the lines after it are read.
func TestWalkJSONLLargerThanTheLimit(t *testing.T) {
	const limit = 2000
	var b strings.Builder
	want := 0
	for n := 1; n <= 200; n++ {
		switch n {
		case 50:
			fmt.Fprintf(&b, "{\"text\": %q}\n", strings.Repeat("long text ", limit))
		case 51:
			b.WriteString("\n") // blank
		case 120:
			b.WriteString("{broken\n")
		default:
			fmt.Fprintf(&b, "{\"url\": \"https://example.ma/%d\", \"text\": \"La CNCLT a organisé une journée à Rabat, numéro %d.\"}\n", n, n)
			want++
		}
	}
	b.WriteString(`{"url": "https://example.ma/last", "text": "Sans fin de ligne."}`) // no final newline
	want++
	path := filepath.Join(t.TempDir(), "many.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Size() < 10*limit {
		t.Fatalf("the file is %d bytes: not over the limit enough", fi.Size())
	}
	var got []*Article
	var problems []error
	err := Walk(context.Background(), []string{path}, ReadOptions{MaxBytes: limit}, nil,
		func(a *Article) error { got = append(got, a); return nil },
		func(err error) { problems = append(problems, err) })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != want {
		t.Errorf("read %d articles, want %d", len(got), want)
	}
	if len(problems) != 2 {
		t.Fatalf("problems %v, want the long line and the broken one", problems)
	}
	var ie *InputError
	if !errors.As(problems[0], &ie) || ie.Line != 50 || !errors.Is(problems[0], ErrTooLarge) {
		t.Errorf("first problem %v, want line 50 too large", problems[0])
	}
	if !errors.As(problems[1], &ie) || ie.Line != 120 || !errors.Is(problems[1], ErrInvalidJSON) {
		t.Errorf("second problem %v, want line 120 invalid JSON", problems[1])
	}
	if last := got[len(got)-1]; !strings.Contains(last.Text, "Sans fin de ligne") {
		t.Errorf("last article %q, want the line without a newline", last.Text)
	}
}
