package loader

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestScratchAll(t *testing.T) {
	files, _ := filepath.Glob("testdata/reading/" + os.Getenv("G"))
	for _, f := range files {
		arts, err := ReadFile(f, ReadOptions{})
		if err != nil {
			fmt.Println("ERR", err)
		}
		for _, a := range arts {
			fmt.Printf("=== %s src=%s lang=%s pub=%q title=%q id=%s\n", a.Name, a.Source, a.Lang, a.Published, a.Title, a.ID)
			for _, s := range a.Sentences {
				fmt.Printf("  [%d:%d %s] %s\n", s.Start, s.End, s.Lang, a.Text[s.Start:s.End])
			}
			for _, d := range a.Dates {
				fmt.Printf("  DATE %q %s %s %v\n", a.Text[d.Start:d.End], d.Value, d.Until, d.Relative)
			}
		}
	}
}
