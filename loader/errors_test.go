package loader

import (
	"errors"
	"io/fs"
	"testing"
)

func TestInputErrorMessage(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"file", &InputError{Source: "data/a.txt", Err: problemf(ErrEmpty, "file is empty")}, "data/a.txt: file is empty"},
		{"line", &InputError{Source: "x.jsonl", Line: 3, Err: problemf(ErrInvalidJSON, "invalid JSON: %v", errors.New("unexpected end of JSON input"))}, "x.jsonl:3: invalid JSON: unexpected end of JSON input"},
		{"sentinel", &InputError{Source: "-", Err: ErrBinary}, "-: binary content"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestInputErrorUnwrap(t *testing.T) {
	cause := fs.ErrNotExist
	err := inputError("a.txt", 0, problemf(ErrUnsupported, "cannot read: %v", cause))
	var ie *InputError
	if !errors.As(err, &ie) || ie.Source != "a.txt" {
		t.Fatalf("errors.As(%v) = %v, want an *InputError for a.txt", err, ie)
	}
	if !errors.Is(err, ErrUnsupported) {
		t.Errorf("errors.Is(%v, ErrUnsupported) = false", err)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("errors.Is(%v, fs.ErrNotExist) = false: the cause is lost", err)
	}
	if errors.Is(err, ErrEmpty) {
		t.Errorf("errors.Is(%v, ErrEmpty) = true", err)
	}
	// An *InputError is not wrapped twice.
	if again := inputError("b.txt", 2, err); again != err {
		t.Errorf("inputError wrapped an *InputError again: %v", again)
	}
	if inputError("a.txt", 0, nil) != nil {
		t.Error("inputError(nil) != nil")
	}
}
