package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/actorgraph/actorgraph/graph"
)

// The tests of this file run loads in child processes and stop them with
// signals (issue 9): a load killed at any moment must leave a bolt store
// that opens and holds each article whole or not at all, which a second
// load completes; Ctrl-C must stop a load after the article it is writing.
//
// The child is this test binary, made the actorgraph command by
// TestHelperActorgraph: no separate build, and the same code as the test.

var (
	crashTrials = flag.Int("crash.trials", 20, "how many loads TestLoadSignals/kill kills with SIGKILL")
	crashSeed   = flag.Uint64("crash.seed", 1, "the seed of the moments TestLoadSignals/kill kills a load at")
)

// helperEnv, set to 1 in a child's environment, makes TestHelperActorgraph
// run the actorgraph command.
const helperEnv = "ACTORGRAPH_TEST_HELPER"

// crashArticles is how many articles the signal tests generate besides the
// seed articles: enough that a load into a new bolt store lasts about a
// second, as the store syncs each transaction to disk, so that signals
// sent at random moments land while articles are being written.
const crashArticles = 75

// stopTimeout bounds how long a load may take to stop after Ctrl-C: the
// article it is writing takes milliseconds.
const stopTimeout = 10 * time.Second

// TestHelperActorgraph is not a test: in a child process started by
// actorgraphCmd, it runs main with the arguments that follow "--".
func TestHelperActorgraph(t *testing.T) {
	if os.Getenv(helperEnv) != "1" {
		return
	}
	os.Args = append([]string{"actorgraph"}, flag.Args()...)
	main()
	os.Exit(0)
}

// actorgraphCmd returns the command that runs actorgraph with args in a
// child process.
func actorgraphCmd(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, append([]string{"-test.run=^TestHelperActorgraph$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), helperEnv+"=1")
	return cmd
}

// signalCorpus writes the seed articles and crashArticles generated ones
// into a new folder and returns it.
func signalCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := gen(context.Background(), genConfig{Articles: crashArticles, Seed: 9, Out: dir}, io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(dir, "gold")); err != nil {
		t.Fatal(err)
	}
	for name := range seedNames(t) {
		data, err := os.ReadFile(filepath.Join(seeds, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// signalledLoad is how a load stopped by a signal, or ended before it.
type signalledLoad struct {
	sent  bool // whether the signal was sent before the load ended
	state *os.ProcessState
	out   string // standard output and error
}

// killed reports whether the signal ended the process (as SIGKILL does),
// rather than the process exiting by itself.
func (l signalledLoad) killed() bool {
	ws, ok := l.state.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled()
}

// loadWithSignal loads corpus into the bolt store in dir and sends the
// load sig after delay, unless it ended before. The load must end within
// stopTimeout of the signal.
func loadWithSignal(t *testing.T, dir, corpus string, sig os.Signal, delay time.Duration) signalledLoad {
	t.Helper()
	cmd := actorgraphCmd(t, "load", "--batch", "4", "--store", "bolt:"+dir, corpus)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out // one pipe: the writes are serialized
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		cmd.Wait() // its error is in cmd.ProcessState
		close(done)
	}()
	var l signalledLoad
	select {
	case <-done:
	case <-time.After(delay):
		l.sent = cmd.Process.Signal(sig) == nil
		select {
		case <-done:
		case <-time.After(stopTimeout):
			cmd.Process.Kill()
			<-done
			t.Fatalf("load still running %s after %v; output:\n%s", stopTimeout, sig, out.String())
		}
	}
	l.state, l.out = cmd.ProcessState, out.String()
	return l
}

// loadToEnd loads corpus into the bolt store in dir to completion and
// returns how long it took.
func loadToEnd(t *testing.T, dir, corpus string) time.Duration {
	t.Helper()
	start := time.Now()
	out, err := actorgraphCmd(t, "load", "--batch", "4", "--store", "bolt:"+dir, corpus).CombinedOutput()
	if err != nil {
		t.Fatalf("load: %v; output:\n%s", err, out)
	}
	return time.Since(start)
}

// storedArticles opens the bolt store in dir and returns its quads as
// N-Quads, one string per label, which is the IRI of the article whose
// quads they are. It checks that the store's count of quads is right.
func storedArticles(t *testing.T, dir string) map[string]string {
	t.Helper()
	// Open gives up with ErrLocked after graph.LockTimeout: a store that
	// opens at all opens quickly.
	store, err := graph.Open("bolt:" + dir)
	if err != nil {
		t.Fatalf("the store does not open: %v", err)
	}
	defer store.Close()
	var buf bytes.Buffer
	if err := store.WriteNQuads(context.Background(), &buf, nil); err != nil {
		t.Fatalf("read the store: %v", err)
	}
	// Cayley keeps the count of quads apart from them: it must agree. It
	// writes the count with the first quads, and until then Stats fails
	// ("kv: no bucket"), as it does on any new bolt store: that is not
	// the kill's doing.
	if lines := int64(strings.Count(buf.String(), "\n")); lines > 0 {
		st, err := store.Stats(context.Background())
		if err != nil {
			t.Fatalf("stats of the store: %v", err)
		}
		if st.Quads != lines {
			t.Errorf("the store counts %d quads and holds %d", st.Quads, lines)
		}
	}
	byLabel := map[string]*strings.Builder{}
	for line := range strings.Lines(buf.String()) {
		label := nquadLabel(line)
		if byLabel[label] == nil {
			byLabel[label] = &strings.Builder{}
		}
		byLabel[label].WriteString(line)
	}
	out := make(map[string]string, len(byLabel))
	for label, b := range byLabel {
		out[label] = b.String()
	}
	return out
}

// nquadLabel returns the last term of an N-Quads line: the label, as every
// quad actorgraph writes has one. An IRI holds no space.
func nquadLabel(line string) string {
	line = strings.TrimSuffix(strings.TrimRight(line, "\n"), " .")
	return line[strings.LastIndex(line, " ")+1:]
}

// checkWhole checks that each article of got is exactly as in want, and
// returns how many articles got holds.
func checkWhole(t *testing.T, want, got map[string]string) int {
	t.Helper()
	for label, quads := range got {
		w, ok := want[label]
		switch {
		case !ok:
			t.Errorf("quads under the unknown label %s:\n%.1000s", label, quads)
		case quads != w:
			t.Errorf("article %s is partly stored (-want +got):\n%.3000s", label, cmp.Diff(w, quads))
		}
	}
	return len(got)
}

// TestLoadSignals loads a corpus into bolt stores and stops the loads
// with signals: SIGKILL at random moments, and SIGINT as Ctrl-C sends.
func TestLoadSignals(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a corpus dozens of times")
	}
	if raceEnabled {
		// The children are this binary, built with the race detector: a
		// load takes 5 to 10 times longer, and the test minutes. What it
		// checks is the store's, not the load's concurrency.
		t.Skip("loads a corpus dozens of times, 10 times slower with the race detector")
	}
	corpus := signalCorpus(t)
	refDir := filepath.Join(t.TempDir(), "reference")
	loadTime := loadToEnd(t, refDir, corpus)
	ref := storedArticles(t, refDir)
	if n := len(ref); n != crashArticles+len(seedNames(t)) {
		t.Fatalf("the reference load stored %d articles, want %d", n, crashArticles+len(seedNames(t)))
	}
	// A load of articles already stored reads and compares each, and
	// writes nothing.
	rereadTime := loadToEnd(t, refDir, corpus)
	if diff := cmp.Diff(ref, storedArticles(t, refDir)); diff != "" {
		t.Fatalf("loading the articles again changed the store (-before +after):\n%s", diff)
	}
	t.Logf("reference load: %d articles in %s; again, writing nothing, in %s",
		len(ref), loadTime.Round(time.Millisecond), rereadTime.Round(time.Millisecond))

	t.Run("kill", func(t *testing.T) {
		// The kills come in rounds: a load into a new store is killed,
		// then the load that resumes it, up to killsPerStore times, and a
		// last load completes the store. Each kill is a trial: the store
		// must open and hold whole articles. The first kill of round r of
		// R falls in the r-th R-th of a whole load, so that together they
		// cover it from the creation of the store to the last article; a
		// later one falls anywhere in what is left of the load.
		const killsPerStore = 4
		seed, n := *crashSeed, *crashTrials
		rng := rand.New(rand.NewPCG(seed, 0))
		rounds := (n + killsPerStore - 1) / killsPerStore
		partial := 0 // kills that left some articles but not all
		var log strings.Builder
		for kill, r := 0, 0; kill < n; r++ {
			dir := filepath.Join(t.TempDir(), "store")
			stored := 0
			fmt.Fprintf(&log, "store %d:", r)
			for j := 0; j < killsPerStore && kill < n; j, kill = j+1, kill+1 {
				var delay time.Duration
				if j == 0 {
					delay = time.Duration((float64(r) + rng.Float64()) / float64(rounds) * float64(loadTime))
				} else {
					left := rereadTime + time.Duration(float64(loadTime-rereadTime)*float64(len(ref)-stored)/float64(len(ref)))
					delay = time.Duration(rng.Float64() * float64(max(left, rereadTime)))
				}
				l := loadWithSignal(t, dir, corpus, os.Kill, delay)
				if !l.killed() && !l.state.Success() { // else it ended before the kill
					t.Fatalf("kill %d: the load failed: %v\n%s", kill, l.state, l.out)
				}
				stored = checkWhole(t, ref, storedArticles(t, dir))
				if t.Failed() {
					t.Fatalf("kill %d (seed %d): a load killed after %s left the store above", kill, seed, delay)
				}
				if 0 < stored && stored < len(ref) {
					partial++
				}
				what := "killed at"
				if !l.killed() {
					what = "ended before"
				}
				fmt.Fprintf(&log, " %s %4d ms: %2d articles;", what, delay.Milliseconds(), stored)
			}
			loadToEnd(t, dir, corpus)
			if diff := cmp.Diff(ref, storedArticles(t, dir)); diff != "" {
				t.Fatalf("round %d (seed %d): a load after killed ones left the store (-want +got):\n%s", r, seed, diff)
			}
			log.WriteString(" completed\n")
		}
		t.Logf("%d kills (seed %d), %d of which left some articles but not all:\n%s", n, seed, partial, log.String())
		if n > 0 && partial == 0 {
			t.Errorf("no kill landed while articles were being written: the test tested nothing")
		}
	})

	t.Run("interrupt", func(t *testing.T) {
		// The first signal is sent halfway through; one that lands before
		// the first article or after the last is sent again, later or
		// sooner.
		delay := loadTime / 2
		for attempt := 0; attempt < 5; attempt++ {
			dir := filepath.Join(t.TempDir(), "store")
			l := loadWithSignal(t, dir, corpus, os.Interrupt, delay)
			if !l.sent || l.state.Success() {
				delay /= 2 // the load ended first
				continue
			}
			if !l.state.Exited() {
				t.Fatalf("load did not handle SIGINT: %v; output:\n%s", l.state, l.out)
			}
			got := storedArticles(t, dir)
			stored := checkWhole(t, ref, got)
			if stored == 0 {
				delay += delay / 2 // sent before the first article
				continue
			}
			m := regexp.MustCompile(`(?:loaded|stored) (\d+) (?:of \d+ )?articles`).FindAllStringSubmatch(l.out, -1)
			if m == nil {
				t.Fatalf("an interrupted load does not say how many articles it stored; output:\n%s", l.out)
			}
			if said, _ := strconv.Atoi(m[len(m)-1][1]); said != stored {
				t.Errorf("an interrupted load says it stored %d articles, the store holds %d; output:\n%s", said, stored, l.out)
			}
			if !regexp.MustCompile(`(?i)interrupt|cancel`).MatchString(l.out) {
				t.Errorf("an interrupted load does not say it was interrupted; output:\n%s", l.out)
			}
			t.Logf("interrupted after %s (exit status %d), %d of %d articles stored; output:\n%s",
				delay.Round(time.Millisecond), l.state.ExitCode(), stored, len(ref), l.out)
			loadToEnd(t, dir, corpus)
			if diff := cmp.Diff(ref, storedArticles(t, dir)); diff != "" {
				t.Errorf("a load after an interrupted one left the store (-want +got):\n%s", diff)
			}
			return
		}
		t.Errorf("no SIGINT landed while articles were being written, in 5 attempts")
	})
}
