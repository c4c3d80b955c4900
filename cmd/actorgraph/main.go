// Command actorgraph builds a knowledge graph of who does what against
// human trafficking in Morocco from news articles in Arabic, French and
// English, and serves it over HTTP.
//
// Usage:
//
//	actorgraph extract [--lexicon FILE]... PATH...
//	actorgraph load    [--store URL] [--lexicon FILE]... PATH...
//	actorgraph load    --server URL [--token-file FILE] PATH...
//	actorgraph serve   [--store URL] [--addr HOST:PORT] [--lexicon FILE]...
//	                   [--write-token-file FILE] [PATH...]
//	actorgraph stats   [--store URL]
//	actorgraph remove  [--store URL] ARTICLE...
//
// Run "actorgraph COMMAND --help" for the details of each command.
//
// With ACTORGRAPH_CPUPROFILE=FILE in the environment, any command writes a
// CPU profile of its run to FILE, for go tool pprof.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	stopProfile, err := startCPUProfile(os.Getenv("ACTORGRAPH_CPUPROFILE"))
	if err == nil {
		err = run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
		err = errors.Join(err, stopProfile())
	}
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "actorgraph:", err)
	}
	os.Exit(exitCode(err))
}

// exitCode returns the exit status for run's error: 0 for none, 2 for a
// wrong command line, 1 for any other failure, such as inputs that a load
// skipped.
func exitCode(err error) int {
	var ue *usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		return 2
	case errors.Is(err, context.Canceled):
		return 130 // as a shell reports a command stopped by Ctrl-C
	}
	return 1
}

// startCPUProfile starts a CPU profile into the file path, if path is not
// empty; the function it returns stops it.
func startCPUProfile(path string) (stop func() error, err error) {
	if path == "" {
		return func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() error {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		return nil
	}, nil
}
