package loader

import (
	"os"
	"testing"
)

// BenchmarkExtractDir extracts every article of the folder named by
// $ACTORGRAPH_BENCH_DIR (e.g. one written by actorgraph gen), to measure
// extraction on a corpus larger than the test articles.
func BenchmarkExtractDir(b *testing.B) {
	dir := os.Getenv("ACTORGRAPH_BENCH_DIR")
	if dir == "" {
		b.Skip("set ACTORGRAPH_BENCH_DIR to a folder of articles")
	}
	x := newTestExtractor(b)
	arts := readDir(b, dir)
	size := 0
	for _, a := range arts {
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		x.ExtractAll(arts)
	}
}
