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
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "actorgraph:", err)
		var ue *usageError
		if errors.As(err, &ue) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}
