// Command loadclient sends GET requests for the given paths, in turn, over
// concurrent connections for a while, and prints how many were answered
// by status class and their latency. scripts/loadtest uses it when wrk is
// not installed; its output has the lines scripts/loadtest reads.
//
// Usage:
//
//	loadclient -url http://127.0.0.1:8080 [-c 32] [-d 60s] PATH...
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"sync"
	"time"
)

func main() {
	base := flag.String("url", "", "the server's base `URL`")
	conns := flag.Int("c", 32, "concurrent connections")
	dur := flag.Duration("d", time.Minute, "how long to send requests")
	flag.Parse()
	if *base == "" || flag.NArg() == 0 || *conns < 1 {
		fmt.Fprintln(os.Stderr, "usage: loadclient -url URL [-c N] [-d DURATION] PATH...")
		os.Exit(2)
	}
	ctx, cancel := context.WithTimeout(context.Background(), *dur)
	defer cancel()
	r := run(ctx, *base, flag.Args(), *conns)
	fmt.Print(r)
}

// result counts the answers of a run.
type result struct {
	mu        sync.Mutex // guards the fields below
	requests  int
	errors    int
	byClass   [6]int // answers by status / 100
	latencies []time.Duration
}

// run sends the paths in turn from conns goroutines until ctx is done.
func run(ctx context.Context, base string, paths []string, conns int) *result {
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: conns}}
	var r result
	var wg sync.WaitGroup
	for c := range conns {
		wg.Go(func() {
			for i := c; ctx.Err() == nil; i++ {
				start := time.Now()
				status, err := get(ctx, client, base+paths[i%len(paths)])
				if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
					return // the end of the run, not an answer
				}
				r.add(status, err, time.Since(start))
			}
		})
	}
	wg.Wait()
	return &r
}

func get(ctx context.Context, client *http.Client, u string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func (r *result) add(status int, err error, d time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.requests++
	if err != nil {
		r.errors++
		return
	}
	if c := status / 100; c >= 1 && c <= 5 {
		r.byClass[c]++
	}
	r.latencies = append(r.latencies, d)
}

// String prints the figures in the lines of scripts/loadtest's wrk script.
func (r *result) String() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	slices.Sort(r.latencies)
	pct := func(p float64) float64 {
		if len(r.latencies) == 0 {
			return 0
		}
		return float64(r.latencies[int(p*float64(len(r.latencies)-1))]) / 1e6
	}
	return fmt.Sprintf("requests %d, errors %d\nlatency p50 %.1f ms, p99 %.1f ms, max %.1f ms\nstatus 2xx=%d 4xx=%d 5xx=%d other=%d\n",
		r.requests, r.errors, pct(0.5), pct(0.99), pct(1), r.byClass[2], r.byClass[4], r.byClass[5], r.byClass[1]+r.byClass[3])
}
