package loader

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestZZStress(t *testing.T) {
	files, _ := filepath.Glob("testdata/reading/*.txt")
	var seeds [][]byte
	for _, f := range files {
		d, _ := os.ReadFile(f)
		seeds = append(seeds, d)
	}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 20000; n++ {
		s := append([]byte(nil), seeds[r.Intn(len(seeds))]...)
		for k := r.Intn(5); k >= 0; k-- {
			switch r.Intn(4) {
			case 0:
				if len(s) > 0 {
					s[r.Intn(len(s))] = byte(r.Intn(256))
				}
			case 1:
				if len(s) > 2 {
					i := r.Intn(len(s))
					j := i + r.Intn(len(s)-i)
					s = append(s[:i], s[j:]...)
				}
			case 2:
				i := r.Intn(len(s) + 1)
				s = append(s[:i], append([]byte("\n"), s[i:]...)...)
			case 3:
				if len(s) > 10 {
					i := r.Intn(len(s) - 5)
					s = s[i : i+r.Intn(len(s)-i)]
				}
			}
		}
		done := make(chan bool)
		go func() {
			select {
			case <-done:
			case <-time.After(2 * time.Second):
				fmt.Printf("STUCK on %q\n", s)
				os.Exit(3)
			}
		}()
		Clean(string(s))
		close(done)
	}
}
