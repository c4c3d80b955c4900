package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"unicode"
)

// tokenEnv is the environment variable that may hold the write token, for
// serve and for load --server. A token is never a flag: the command lines
// of all processes are visible to every user (ps, /proc/PID/cmdline).
const tokenEnv = "ACTORGRAPH_WRITE_TOKEN"

// minTokenBytes bounds the write token from below: 16 random characters
// are beyond guessing over HTTP. `openssl rand -hex 32` makes a good one.
const minTokenBytes = 16

// readToken returns the write token: the content of file if file is not
// "", else the value of tokenEnv, "" if that is unset. Surrounding white
// space, such as the newline that ends a file, is dropped. Its errors
// never hold the token.
func readToken(file string, getenv func(string) string) (string, error) {
	var token, from string
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("read token file: %w", err)
		}
		token, from = string(b), "token file "+file
	} else {
		token, from = getenv(tokenEnv), tokenEnv
	}
	token = strings.TrimSpace(token)
	switch {
	case file == "" && token == "":
		return "", nil
	case len(token) < minTokenBytes:
		return "", fmt.Errorf("%s: %w", from, errWeakToken)
	case strings.ContainsFunc(token, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }):
		return "", fmt.Errorf("%s: the token holds white space or control characters; it must be one word", from)
	}
	return token, nil
}

// errWeakToken is returned when a write token is shorter than
// minTokenBytes.
var errWeakToken = errors.New("the token is shorter than 16 characters; make one with: openssl rand -hex 32")
