package loader

import (
	"fmt"
	"os"
	"testing"
)

func TestScratchRaw(t *testing.T) {
	data, _ := os.ReadFile(os.Getenv("F"))
	p, err := readHTML(data, "")
	fmt.Printf("%q\n%v\n%s\n", p.title, err, p.text)
}
