package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// newFlagSet returns the flag set of a subcommand. usage is printed before
// the flags for --help: a synopsis line, a blank line and a description.
func newFlagSet(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parseFlags reports errors once, through the returned error
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprint(w, strings.TrimLeft(usage, "\n"))
		fmt.Fprint(w, "\nFlags:\n\n")
		printFlags(w, fs)
	}
	return fs
}

// parseFlags parses args into fs. For --help it prints the usage to stdout
// and reports false with a nil error: the command has nothing more to do.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) (ok bool, err error) {
	err = fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(stdout)
		fs.Usage()
		return false, nil
	case err != nil:
		return false, &usageError{fmt.Sprintf("%s: %v; run 'actorgraph %s --help' for usage", fs.Name(), err, fs.Name())}
	}
	return true, nil
}

// printFlags lists fs's flags as "--name VALUE" with their usage and
// default, like flag.PrintDefaults but with the double dash people type.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if name != "" {
			line += " " + name
		}
		fmt.Fprintf(w, "%s\n    \t%s", line, strings.ReplaceAll(usage, "\n", "\n    \t"))
		if f.DefValue != "" && f.DefValue != "[]" {
			fmt.Fprintf(w, " (default %q)", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}

// listFlag is a flag that may be given several times; each value is kept.
type listFlag []string

func (l *listFlag) String() string {
	if l == nil || len(*l) == 0 {
		return "[]"
	}
	return strings.Join(*l, ",")
}

func (l *listFlag) Set(s string) error {
	if s == "" {
		return errors.New("empty value")
	}
	*l = append(*l, s)
	return nil
}

// storeFlag declares the --store flag of the commands that open a store.
func storeFlag(fs *flag.FlagSet, url *string) {
	fs.StringVar(url, "store", defaultStore, "the `URL` of the store: bolt:PATH (an embedded store in the folder PATH)\nor memory: (kept only while the command runs)")
}

// lexiconFlag declares the --lexicon flag of the commands that extract.
func lexiconFlag(fs *flag.FlagSet, files *listFlag) {
	fs.Var(files, "lexicon", "a lexicon `FILE` (JSON Lines) to merge into the built-in one; may be repeated")
}
