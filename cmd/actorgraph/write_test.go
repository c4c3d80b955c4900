package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

// testToken is the write token of the tests.
const testToken = "cmd-test-token-0123456789abcdef"

// writeTokenFile writes token into a file only its owner reads, and
// returns its path.
func writeTokenFile(t *testing.T, token string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(path, []byte(token), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadToken(t *testing.T) {
	env := func(v string) func(string) string {
		return func(name string) string {
			if name == tokenEnv {
				return v
			}
			return ""
		}
	}
	tests := []struct {
		name    string
		file    string // content of the token file; "-" for no file
		env     string
		want    string
		wantErr string
	}{
		{"none", "-", "", "", ""},
		{"file", testToken + "\n", "", testToken, ""},
		{"env", "-", "  " + testToken + "\n", testToken, ""},
		{"file before env", testToken + "\n", "env-token-0123456789abcdef", testToken, ""},
		{"short file", "secret\n", "", "", "shorter than 16"},
		{"short env", "-", "secret", "", "shorter than 16"},
		{"empty file", "\n", "", "", "shorter than 16"},
		{"two words", "0123456789abcdef 0123456789abcdef", "", "", "white space"},
		{"control", "0123456789abcdef\x000123456789abcdef", "", "", "control"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := ""
			if tt.file != "-" {
				file = writeTokenFile(t, tt.file)
			}
			got, err := readToken(file, env(tt.env))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("readToken: %v, want an error saying %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "0123456789abcdef") || strings.Contains(err.Error(), "secret") {
					t.Errorf("the error shows the token: %v", err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("readToken = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	if _, err := readToken(filepath.Join(t.TempDir(), "missing"), env("")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing token file: %v", err)
	}
}

// startWriteServer serves a new store with writes open with testToken,
// and returns its URL.
func startWriteServer(t *testing.T, store string) string {
	t.Helper()
	srv, err := startServer(context.Background(), serveConfig{Store: store, Addr: "127.0.0.1:0", WriteToken: testToken}, nil,
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := srv.close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return srv.URL()
}

// articleIDs returns the IDs of the articles the server at base holds.
func articleIDs(t *testing.T, base string) []string {
	t.Helper()
	arts := getJSON[struct {
		Articles []graph.ArticleRef `json:"articles"`
	}](t, base+"/api/v1/articles", http.StatusOK)
	var ids []string
	for _, a := range arts.Articles {
		ids = append(ids, a.ID)
	}
	return ids
}

// TestLoadServer loads the seeds into a running server with load
// --server: the server then holds the articles a load into the store
// holds, and a second run changes nothing.
func TestLoadServer(t *testing.T) {
	base := startWriteServer(t, "memory:")
	token := writeTokenFile(t, testToken+"\n")

	stdout, stderr, err := runCmd(t, "load", "--server", base, "--token-file", token, seeds)
	if err != nil {
		t.Fatalf("load --server: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "sent 5 articles to "+base+": 5 stored, 0 unchanged (0 skipped)") {
		t.Errorf("first load --server said %q", stdout)
	}
	got := articleIDs(t, base)

	local := t.TempDir() + "/local.db"
	if _, stderr, err := runCmd(t, "load", "--store", "bolt:"+local, seeds); err != nil {
		t.Fatalf("load: %v\n%s", err, stderr)
	}
	var want []string
	err = withStore("bolt:"+local, func(s *graph.Store) error {
		refs, err := s.Articles(context.Background())
		for _, r := range refs {
			want = append(want, r.ID)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("load --server stored articles %v; a load into the store, %v", got, want)
	}

	t.Setenv(tokenEnv, testToken)
	stdout, stderr, err = runCmd(t, "load", "--server", base+"/", seeds)
	if err != nil {
		t.Fatalf("second load --server: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "sent 5 articles to "+base+": 0 stored, 5 unchanged (0 skipped): ") ||
		!strings.Contains(stdout, "(0 added, 0 removed)") {
		t.Errorf("second load --server said %q", stdout)
	}
}

// TestLoadServerRefused checks the failures of load --server: each is
// reported, and none stores anything.
func TestLoadServerRefused(t *testing.T) {
	base := startWriteServer(t, "memory:")
	readOnly, err := startServer(context.Background(), serveConfig{Store: "memory:", Addr: "127.0.0.1:0"}, nil,
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer readOnly.close()
	good, wrong := writeTokenFile(t, testToken), writeTokenFile(t, "wrong-token-0123456789abcdef")
	bad := filepath.Join(t.TempDir(), "bad.txt")
	if err := os.WriteFile(bad, []byte("\x00\x01binary"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		args  []string
		usage bool   // a *usageError
		want  string // in the error
	}{
		{"wrong token", []string{"--server", base, "--token-file", wrong, seeds}, false, "refused the write token (401)"},
		{"no token", []string{"--server", base, seeds}, true, "needs the server's write token"},
		{"read-only server", []string{"--server", readOnly.URL(), "--token-file", good, seeds}, false, "does not take articles (405)"},
		{"with --store", []string{"--server", base, "--token-file", good, "--store", "memory:", seeds}, true, "--store does not go with --server"},
		{"with --lexicon", []string{"--server", base, "--token-file", good, "--lexicon", "x.jsonl", seeds}, true, "--lexicon does not go"},
		{"not a URL", []string{"--server", "localhost:8080", "--token-file", good, seeds}, true, "not the URL of a server"},
		{"server gone", []string{"--server", "http://127.0.0.1:1", "--token-file", good, seeds}, false, "send "},
		{"bad input", []string{"--server", base, "--token-file", good, bad}, false, "1 input skipped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, err := runCmd(t, append([]string{"load"}, tt.args...)...)
			var ue *usageError
			if err == nil || !strings.Contains(err.Error(), tt.want) || errors.As(err, &ue) != tt.usage {
				t.Errorf("err = %v (usage error: %t), want one saying %q (usage error: %t)\n%s", err, errors.As(err, &ue), tt.want, tt.usage, stderr)
			}
			if strings.Contains(stderr, testToken) || err != nil && strings.Contains(err.Error(), testToken) {
				t.Errorf("the token is shown: %v\n%s", err, stderr)
			}
		})
	}
	if ids := articleIDs(t, base); len(ids) != 0 {
		t.Errorf("the server holds %d articles after refusals", len(ids))
	}
}
