package main

import (
	"context"
	"fmt"
	"io"
	"strings"
)

// command is a subcommand of actorgraph.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error
}

// commands lists the subcommands in the order the usage shows them.
var commands = []command{
	{"extract", "print what articles say, as JSON Lines", runExtract},
	{"load", "load articles into the store", runLoad},
	{"serve", "serve the store's graph over HTTP, loading articles first if given", runServe},
	{"stats", "print counts of what the store holds, as JSON", runStats},
	{"remove", "remove articles and what only they said from the store", runRemove},
	{"eval", "score an extraction against hand-checked gold files", runEval},
	{"gen", "write synthetic articles with their gold files, for scale and quality runs", runGen},
}

// run runs the subcommand that args name. It returns a *usageError when
// args are wrong; "--help" prints the usage and returns nil.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		printUsage(stderr)
		return &usageError{"no command given"}
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		printUsage(stdout)
		return nil
	case "help":
		if len(args) < 2 {
			printUsage(stdout)
			return nil
		}
		name, args = args[1], []string{args[1], "--help"}
	}
	for _, c := range commands {
		if c.name == name {
			return c.run(ctx, args[1:], stdin, stdout, stderr)
		}
	}
	return &usageError{fmt.Sprintf("unknown command %q; run 'actorgraph --help' for the list", name)}
}

func printUsage(w io.Writer) {
	var b strings.Builder
	b.WriteString(`actorgraph builds a knowledge graph of who does what against human
trafficking in Morocco from news articles (Arabic, French, English), and
serves it over HTTP.

Usage:

  actorgraph COMMAND [FLAGS] [ARGS]

Commands:

`)
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-8s %s\n", c.name, c.summary)
	}
	b.WriteString("\nRun 'actorgraph COMMAND --help' for the flags and arguments of a command.\n")
	io.WriteString(w, b.String())
}

// usageError is a command line that does not make sense: an unknown
// command or flag, a missing argument. main exits with status 2 for it.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }
