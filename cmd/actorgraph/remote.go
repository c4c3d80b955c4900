package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/actorgraph/actorgraph/loader"
	"github.com/actorgraph/actorgraph/query"
)

// Limits of load --server.
const (
	// remoteTimeout bounds one request: the server's own limit
	// (query.RequestTimeout) and the time to send a large article.
	remoteTimeout = query.RequestTimeout + 50*time.Second
	// maxRetries is how many times an article the server is too busy for
	// (503) is sent again, after the wait it asks for, at most
	// maxRetryWait.
	maxRetries   = 5
	maxRetryWait = 10 * time.Second
	// maxErrorBody bounds what is read of an error answer.
	maxErrorBody = 64 << 10
)

// remoteFlags declares the flags of load that send to a server.
func remoteFlags(fs *flag.FlagSet, cfg *loadConfig) {
	fs.StringVar(&cfg.Server, "server", "", "send the articles to the running actorgraph server at `URL`\n(as http://127.0.0.1:8080) instead of opening the store")
	fs.StringVar(&cfg.TokenFile, "token-file", "", "with --server, a `FILE` holding the server's write token (default: $"+tokenEnv+")")
}

// loadRemote is load --server: it reads the articles of cfg.Paths as load
// does and sends each to the server, which extracts and stores it. This
// is how to add articles to a store a server holds: a bolt store is open
// in one process only.
func loadRemote(ctx context.Context, cfg loadConfig, fs *flag.FlagSet, stdin io.Reader, stdout, stderr io.Writer) error {
	for _, name := range []string{"store", "lexicon"} {
		if isSet(fs, name) {
			return &usageError{fmt.Sprintf("load: --%s does not go with --server: the server has its store and lexicon", name)}
		}
	}
	token, err := readToken(cfg.TokenFile, os.Getenv)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	if token == "" {
		return &usageError{"load: --server needs the server's write token: --token-file FILE or $" + tokenEnv}
	}
	c, err := newRemote(cfg.Server, token, &http.Client{Timeout: remoteTimeout})
	if err != nil {
		return &usageError{fmt.Sprintf("load: --server: %v", err)}
	}
	if !c.loopback() && c.base.Scheme == "http" {
		fmt.Fprintf(stderr, "load: warning: the token goes to %s unencrypted; use https beyond this machine\n", c.base.Host)
	}
	skips := &skipCounts{}
	sum, err := c.load(ctx, cfg.Paths, stdin, func(err error) {
		skips.add(err)
		fmt.Fprintf(stderr, "load: skip %v\n", err)
	})
	fmt.Fprintln(stdout, sum)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	if skips.Total() > 0 {
		return fmt.Errorf("load: %w", skippedError(skips))
	}
	return nil
}

// isSet reports whether the flag name was given on the command line.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// remote is a client of a server's write routes.
type remote struct {
	base   *url.URL // the server, as http://HOST:PORT
	token  string
	client *http.Client
	// sleep waits d or until ctx is done; a test seam.
	sleep func(ctx context.Context, d time.Duration) error
}

// newRemote returns a client of the server at rawURL.
func newRemote(rawURL, token string, client *http.Client) (*remote, error) {
	u, err := url.Parse(strings.TrimRight(rawURL, "/"))
	switch {
	case err != nil:
		return nil, err
	case u.Scheme != "http" && u.Scheme != "https" || u.Host == "":
		return nil, fmt.Errorf("%q is not the URL of a server, as http://127.0.0.1:8080", rawURL)
	case u.RawQuery != "" || u.Fragment != "" || u.User != nil:
		return nil, fmt.Errorf("%q: give only the scheme, host, port and path of the server", rawURL)
	}
	return &remote{base: u, token: token, client: client, sleep: sleepCtx}, nil
}

// loopback reports whether the server is on this machine.
func (c *remote) loopback() bool {
	host := c.base.Hostname()
	ip := net.ParseIP(host)
	return host == "localhost" || ip != nil && ip.IsLoopback()
}

// remoteSummary tells what load --server did.
type remoteSummary struct {
	Server    string
	Sent      int // articles the server took
	Stored    int // of which it stored (201)
	Unchanged int // of which it had already (200)
	Skipped   int // inputs that could not be read, articles the server refused
	Quads     int
	Added     int
	Removed   int
	Elapsed   time.Duration
}

func (s remoteSummary) String() string {
	return fmt.Sprintf("sent %d articles to %s: %d stored, %d unchanged (%d skipped): %d quads (%d added, %d removed) in %.2f s",
		s.Sent, s.Server, s.Stored, s.Unchanged, s.Skipped, s.Quads, s.Added, s.Removed, s.Elapsed.Seconds())
}

// load reads the articles of paths with loader.Walk and posts each. An
// input that cannot be read, or an article the server refuses (400, 413),
// goes to skip and is counted. The error is for what stops the load: a
// cancelled context, a server that cannot be reached or refuses the
// token, or does not take writes.
func (c *remote) load(ctx context.Context, paths []string, stdin io.Reader, skip func(error)) (remoteSummary, error) {
	start := time.Now()
	sum := remoteSummary{Server: c.base.String()}
	onArticle := func(a *loader.Article) error {
		resp, err := c.post(ctx, a)
		var refused *refusedError
		switch {
		case errors.As(err, &refused) && !refused.fatal():
			sum.Skipped++
			skip(fmt.Errorf("%s: %w", a.Source, err))
			return nil
		case err != nil:
			return err
		}
		sum.Sent++
		if resp.Changed {
			sum.Stored++
		} else {
			sum.Unchanged++
		}
		sum.Quads += resp.Quads
		sum.Added += resp.Added
		sum.Removed += resp.Removed
		return nil
	}
	onProblem := func(err error) {
		sum.Skipped++
		skip(err)
	}
	err := loader.Walk(ctx, paths, loader.ReadOptions{}, stdin, onArticle, onProblem)
	sum.Elapsed = time.Since(start)
	return sum, err
}

// post sends one article, again while the server answers 503, and
// returns the server's answer.
func (c *remote) post(ctx context.Context, a *loader.Article) (query.ArticleResponse, error) {
	var out query.ArticleResponse
	body, err := json.Marshal(query.ArticleRequest{ID: a.ID, Name: a.Name, Source: a.Source, URL: a.URL,
		Title: a.Title, Published: a.Published, Lang: a.Lang, Text: a.Text})
	if err != nil {
		return out, fmt.Errorf("encode %s: %w", a.Source, err)
	}
	target := c.base.JoinPath("/api/v1/articles").String()
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(body))
		if err != nil {
			return out, err
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+c.token)
		resp, err := c.client.Do(req)
		if err != nil {
			if ctx.Err() != nil {
				return out, ctx.Err()
			}
			return out, fmt.Errorf("send %s: %w", a.Source, err)
		}
		if resp.StatusCode == http.StatusOK || resp.StatusCode == http.StatusCreated {
			err = json.NewDecoder(resp.Body).Decode(&out)
			resp.Body.Close()
			if err != nil {
				return out, fmt.Errorf("send %s: read the answer: %w", a.Source, err)
			}
			return out, nil
		}
		refused := refusal(resp)
		if resp.StatusCode != http.StatusServiceUnavailable || attempt == maxRetries {
			return out, refused
		}
		if err := c.sleep(ctx, retryAfter(resp.Header.Get("Retry-After"))); err != nil {
			return out, err
		}
	}
}

// refusedError is a server's answer other than 200 or 201.
type refusedError struct {
	status int
	msg    string // the server's message
}

func (e *refusedError) Error() string {
	switch e.status {
	case http.StatusUnauthorized:
		return "the server refused the write token (401): give the one it was started with"
	case http.StatusMethodNotAllowed, http.StatusNotFound:
		return fmt.Sprintf("the server does not take articles (%d): start it with --write-token-file or $%s", e.status, tokenEnv)
	}
	return fmt.Sprintf("the server answered %d: %s", e.status, e.msg)
}

// fatal reports whether the refusal would be the same for every article.
func (e *refusedError) fatal() bool {
	switch e.status {
	case http.StatusUnauthorized, http.StatusForbidden, http.StatusMethodNotAllowed, http.StatusNotFound:
		return true
	}
	return false
}

// refusal reads a refused answer and closes its body.
func refusal(resp *http.Response) *refusedError {
	defer resp.Body.Close()
	var e struct {
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	msg := strings.TrimSpace(string(b))
	if json.Unmarshal(b, &e) == nil && e.Error.Message != "" {
		msg = e.Error.Message
	}
	return &refusedError{status: resp.StatusCode, msg: msg}
}

// retryAfter reads a Retry-After header in seconds: 1 s when absent or
// unreadable, at most maxRetryWait.
func retryAfter(h string) time.Duration {
	n, err := strconv.Atoi(strings.TrimSpace(h))
	if err != nil || n < 1 {
		return time.Second
	}
	return min(time.Duration(n)*time.Second, maxRetryWait)
}

// sleepCtx waits d, or until ctx is done.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
