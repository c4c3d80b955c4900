package loader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchInputs returns the inputs of testdata/reading that match one of
// patterns, by name, and their total size.
func benchInputs(b *testing.B, patterns ...string) (map[string][]byte, int64) {
	b.Helper()
	var files []string
	for _, p := range patterns {
		m, err := filepath.Glob(filepath.Join(readingDir, p))
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		b.Fatalf("no inputs %v", patterns)
	}
	inputs := map[string][]byte{}
	var total int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		inputs[f] = data
		total += int64(len(data))
	}
	return inputs, total
}

// benchParse measures the whole reading path (decoding, extraction,
// cleaning, language, paragraphs, sentences, dates) on the inputs that
// match pattern.
func benchParse(b *testing.B, patterns ...string) {
	inputs, total := benchInputs(b, patterns...)
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for name, data := range inputs {
			if _, err := Parse(name, data, ReadOptions{}); err != nil && !strings.HasSuffix(name, ".jsonl") {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkReadText(b *testing.B)  { benchParse(b, "*.txt") }
func BenchmarkReadHTML(b *testing.B)  { benchParse(b, "*.html", "*.htm") }
func BenchmarkReadJSONL(b *testing.B) { benchParse(b, "*.jsonl") }

// benchText returns the text inputs of testdata/reading, joined.
func benchText(b *testing.B) string {
	inputs, _ := benchInputs(b, "*.txt")
	var sb strings.Builder
	for _, data := range inputs {
		sb.Write(data)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

func BenchmarkClean(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Clean(text)
	}
}

func BenchmarkDetectLang(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		DetectLang(text)
	}
}

func BenchmarkSentences(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sentences(text)
	}
}

func BenchmarkFindDates(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		FindDates(text, "", "2024-07-26")
	}
}
