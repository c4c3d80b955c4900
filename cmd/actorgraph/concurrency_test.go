package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/query"
)

// TestQueriesWhileWriting posts 200 articles, several at once, to a server
// on a bolt store while other clients query it, and checks that the
// queries were answered all along the load, not only before and after:
// the store is locked for each article's write, not for the load.
//
// It counts, rather than times: every answer takes the next number of one
// counter, and the reads answered between writes are counted. Were the
// store locked for the whole load, no read would be answered between its
// first and its last write.
func TestQueriesWhileWriting(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 200 articles")
	}
	const articles, writers, readers = 200, 4, 4
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	if err := gen(t.Context(), genConfig{Articles: articles, Seed: 7, Out: corpus}, io.Discard); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(corpus, "*.txt"))
	if err != nil || len(files) != articles {
		t.Fatalf("gen wrote %d articles (%v), want %d", len(files), err, articles)
	}
	base := startWriteServer(t, "bolt:"+filepath.Join(dir, "db"))
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: writers + readers}}

	var (
		clock    atomic.Int64 // numbers the answers in the order they came
		mu       sync.Mutex   // guards writes and reads
		writes   []int64      // the numbers of the writes' answers
		reads    []int64      // the numbers of the reads' answers
		failures atomic.Int32
	)
	fail := func(format string, args ...any) {
		if failures.Add(1) <= 10 {
			t.Errorf(format, args...)
		}
	}
	todo := make(chan string, len(files))
	for _, f := range files {
		todo <- f
	}
	close(todo)
	writing := make(chan struct{}) // closed when the writers are done

	var wg sync.WaitGroup
	for range writers {
		wg.Go(func() {
			for f := range todo {
				body, err := os.ReadFile(f)
				if err != nil {
					fail("%v", err)
					continue
				}
				req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/articles?name="+url.QueryEscape(filepath.Base(f)), strings.NewReader(string(body)))
				req.Header.Set("Content-Type", "text/plain; charset=utf-8")
				req.Header.Set("Authorization", "Bearer "+testToken)
				status, err := roundTrip(client, req)
				if err != nil || status != http.StatusCreated {
					fail("POST %s: %d %v", filepath.Base(f), status, err)
					continue
				}
				n := clock.Add(1)
				mu.Lock()
				writes = append(writes, n)
				mu.Unlock()
			}
		})
	}
	// Reads that take milliseconds: while one runs, a write waits, and
	// the reads of every article or entity (/health, /api/v1/stats, the
	// timeline) take long on a bolt store of 200 articles. An entity is
	// 404 until an article names it.
	first := postFile(t, client, base, filepath.Join(seeds, "003_e39b19ec1737aeb7.txt"))
	queries := []string{"/api/v1/articles/" + first.Key, "/api/v1/entities/unodc"}
	var readWG sync.WaitGroup
	for i := range readers {
		readWG.Go(func() {
			for j := i; ; j++ {
				select {
				case <-writing:
					return
				default:
				}
				req, _ := http.NewRequest(http.MethodGet, base+queries[j%len(queries)], nil)
				status, err := roundTrip(client, req)
				if err != nil || status != http.StatusOK && status != http.StatusNotFound {
					fail("GET %s: %d %v", queries[j%len(queries)], status, err)
					continue
				}
				n := clock.Add(1)
				mu.Lock()
				reads = append(reads, n)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	close(writing)
	readWG.Wait()
	if failures.Load() > 0 {
		t.FailNow()
	}

	ids := articleIDs(t, base)
	if len(ids) != articles+1 {
		t.Errorf("the server holds %d articles, want %d", len(ids), articles+1)
	}
	// The writes in four quarters, by the order of their answers: reads
	// must have been answered within each.
	slices.Sort(writes)
	quarter := articles / 4
	var during []int
	for q := range 4 {
		lo, hi := writes[q*quarter], writes[(q+1)*quarter-1]
		n := 0
		for _, r := range reads {
			if lo < r && r < hi {
				n++
			}
		}
		during = append(during, n)
	}
	t.Logf("%d reads in all; answered between the writes of each quarter of the load: %v", len(reads), during)
	for q, n := range during {
		if n == 0 {
			t.Errorf("no read was answered between writes %d and %d of the load: readers stalled", q*quarter+1, (q+1)*quarter)
		}
	}
}

// postFile posts the article in file to the server at base.
func postFile(t *testing.T, client *http.Client, base, file string) query.ArticleResponse {
	t.Helper()
	body, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/articles", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "text/plain")
	req.Header.Set("Authorization", "Bearer "+testToken)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out query.ArticleResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST %s: %d %v", file, resp.StatusCode, err)
	}
	return out
}

// roundTrip sends req and returns the status, having read the body.
func roundTrip(client *http.Client, req *http.Request) (int, error) {
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, err
}

// buildBinary builds actorgraph into a temporary folder and returns its
// path.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "actorgraph")
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestSIGTERMFinishesRequest starts the binary, begins a request, sends
// the process SIGTERM while the request is under way, and checks that the
// request is answered in full and that the process then exits with
// status 0.
//
// The request is a POST with "Expect: 100-continue": the server answers
// "100 Continue" when the handler starts reading the body, so the test
// knows the handler runs before it sends the signal, and sends the body
// only once the server has logged that it is shutting down.
func TestSIGTERMFinishesRequest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	var stderr syncBuffer
	cmd := exec.Command(bin, "serve", "--store", "bolt:"+filepath.Join(t.TempDir(), "db"), "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), tokenEnv+"="+testToken)
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var waitErr error
	exited := make(chan struct{}) // closed when the process has exited, with waitErr set
	go func() { waitErr = cmd.Wait(); close(exited) }()
	defer func() {
		select {
		case <-exited:
		default:
			_ = cmd.Process.Kill()
			<-exited
		}
	}()
	base := waitForLog(t, &stderr, regexp.MustCompile(`msg=serving url=http://(\S+)`), exited)

	body, err := os.ReadFile(filepath.Join(seeds, "003_e39b19ec1737aeb7.txt"))
	if err != nil {
		t.Fatal(err)
	}
	conn, err := net.Dial("tcp", base)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/v1/articles?name=003.txt HTTP/1.1\r\nHost: %s\r\nContent-Type: text/plain\r\n"+
		"Authorization: Bearer %s\r\nContent-Length: %d\r\nExpect: 100-continue\r\n\r\n", base, testToken, len(body))
	br := bufio.NewReader(conn)
	cont, err := http.ReadResponse(br, nil)
	if err != nil || cont.StatusCode != http.StatusContinue {
		t.Fatalf("the server did not answer 100 Continue: %v %v", cont, err)
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waitForLog(t, &stderr, regexp.MustCompile(`msg="shutting down"`), exited)

	if _, err := conn.Write(body); err != nil {
		t.Fatalf("send the body after SIGTERM: %v", err)
	}
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatalf("the request under way at SIGTERM got no answer: %v\n%s", err, stderr.String())
	}
	answer, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated || !strings.Contains(string(answer), `"changed": true`) {
		t.Errorf("the request under way at SIGTERM: %d %s", resp.StatusCode, answer)
	}

	select {
	case <-exited:
		if waitErr != nil {
			t.Errorf("the server exited with %v, want status 0\n%s", waitErr, stderr.String())
		}
	case <-time.After(shutdownTimeout + 10*time.Second):
		t.Fatalf("the server did not exit after SIGTERM\n%s", stderr.String())
	}
}

// waitForLog waits until the log matches re and returns its last group,
// or the match if re has none; it fails if the process exits first or a
// minute passes.
func waitForLog(t *testing.T, log *syncBuffer, re *regexp.Regexp, exited <-chan struct{}) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for {
		if m := re.FindStringSubmatch(log.String()); m != nil {
			return m[len(m)-1]
		}
		select {
		case <-exited:
			t.Fatalf("the server exited before logging %s:\n%s", re, log.String())
		case <-ctx.Done():
			t.Fatalf("the server did not log %s:\n%s", re, log.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
}
