package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/query"
	"github.com/actorgraph/actorgraph/query/web"
)

const serveUsage = `
usage: actorgraph serve [--store URL] [--addr HOST:PORT] [--lexicon FILE]...
                        [--write-token-file FILE] [PATH...]

Serve loads the articles in the files and folders given, if any, as load
does, then serves the store's graph over HTTP until it is interrupted
(SIGINT or SIGTERM), when it finishes the requests under way and stops.

At / it serves the actor-network page, built into the binary. The API
answers JSON (all GET, but the query languages, which take POST too):

  /health                                    status, store, number of articles
  /api/v1/entities?q=NAME[&type=T][&limit=N][&offset=N]
                                             entities by name, in any language
  /api/v1/entities/ID                        an entity, its names, its edges
                                             and the articles they come from
  /api/v1/articles[/KEY]                     the articles, or one and its facts
  /api/v1/partners[?org=ID]                  who partnered with whom on what
  /api/v1/network[?id=ID&depth=N]            the actor network (Cytoscape.js)
  /api/v1/paths?from=ID&to=ID                how two actors are connected
  /api/v1/timeline                           events and reports in date order
  /api/v1/export?format=nquads|jsonld|graphml|dot
                                             the graph, or a subgraph
  /api/v1/stats                              counts of what the store holds
  /api/v1/openapi.json                       the description of the API
  /api/v2/query?lang=gizmo|graphql           Cayley's query languages, bounded

The server is read-only unless it is given a write token, in the file of
--write-token-file or in the environment variable ACTORGRAPH_WRITE_TOKEN
(never on the command line, which every user can read with ps). With one,
clients that send "Authorization: Bearer TOKEN" may add and remove
articles while the server runs, as actorgraph load --server does:

  POST /api/v1/articles[?name=NAME]          an article (text/plain, text/html,
                                             or JSON {"text"|"html", "name",
                                             "url", "published", "lang"})
  DELETE /api/v1/articles/KEY                remove an article

Make a token with: openssl rand -hex 32 > token && chmod 600 token

Logs go to standard error.
`

// Settings of the HTTP server. WriteTimeout leaves a request the whole of
// query.RequestTimeout and time to write its answer.
const (
	defaultAddr       = "127.0.0.1:8080"
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = query.RequestTimeout + 20*time.Second
	idleTimeout       = 2 * time.Minute
	maxHeaderBytes    = 64 << 10
	// shutdownTimeout bounds how long a stopping server waits for the
	// requests under way.
	shutdownTimeout = 10 * time.Second
)

// serveConfig is the command line of serve.
type serveConfig struct {
	Store          string
	Addr           string
	Lexicons       listFlag
	WriteTokenFile string
	Paths          []string

	// WriteToken opens the write routes; it is read from WriteTokenFile or
	// the environment (readToken), and "" keeps the server read-only.
	WriteToken string
}

func runServe(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var cfg serveConfig
	fs := newFlagSet("serve", serveUsage)
	storeFlag(fs, &cfg.Store)
	fs.StringVar(&cfg.Addr, "addr", defaultAddr, "the `HOST:PORT` to listen on; port 0 picks a free one")
	lexiconFlag(fs, &cfg.Lexicons)
	fs.StringVar(&cfg.WriteTokenFile, "write-token-file", "",
		"a `FILE` holding the token that opens the write routes (default: $"+tokenEnv+";\nwithout a token the server is read-only)")
	if ok, err := parseFlags(fs, args, stdout); !ok {
		return err
	}
	cfg.Paths = fs.Args()
	var err error
	if cfg.WriteToken, err = readToken(cfg.WriteTokenFile, os.Getenv); err != nil {
		return fmt.Errorf("serve: %w", err)
	}

	logger := slog.New(slog.NewTextHandler(stderr, nil))
	if fi, err := os.Stat(cfg.WriteTokenFile); err == nil && fi.Mode().Perm()&0o077 != 0 {
		logger.Warn("other users may read the token file; chmod 600 it", "file", cfg.WriteTokenFile, "mode", fi.Mode().Perm())
	}
	srv, err := startServer(ctx, cfg, stdin, logger)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	if err := srv.wait(ctx); err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// server is a running actorgraph server: its store, its listener and the
// HTTP server on it.
type server struct {
	store  *graph.Store
	ln     net.Listener
	http   *http.Server
	logger *slog.Logger
	served chan error // receives what http.Server.Serve returns
}

// startServer opens the store, loads cfg.Paths into it, and starts serving
// the API on cfg.Addr. The address is bound before it returns, so that a
// port in use is reported here. The caller must call wait or close.
func startServer(ctx context.Context, cfg serveConfig, stdin io.Reader, logger *slog.Logger) (_ *server, err error) {
	store, err := graph.Open(cfg.Store)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			_ = store.Close()
		}
	}()
	if len(cfg.Paths) > 0 {
		sum, err := load(ctx, store, batch{
			Paths: cfg.Paths, Lexicons: cfg.Lexicons, Stdin: stdin,
			Skip:     func(err error) { logger.Warn("skipped input", "err", err) },
			Progress: logWriter{logger}, ProgressEvery: progressEvery,
		})
		if err != nil {
			return nil, fmt.Errorf("load: %w", err)
		}
		logger.Info(sum.String())
	}
	opts := &query.Options{}
	if cfg.WriteToken != "" {
		x, err := newExtractor(cfg.Lexicons)
		if err != nil {
			return nil, err
		}
		opts.Writer, opts.WriteToken = storeIngester{x: x, store: store}, cfg.WriteToken
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return nil, err
	}
	s := &server{
		store: store,
		ln:    ln,
		http: &http.Server{
			Handler:           routes(query.NewServerWith(store, logger, opts)),
			ReadHeaderTimeout: readHeaderTimeout,
			ReadTimeout:       readTimeout,
			WriteTimeout:      writeTimeout,
			IdleTimeout:       idleTimeout,
			MaxHeaderBytes:    maxHeaderBytes,
			ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
		},
		logger: logger,
		served: make(chan error, 1),
	}
	go func() { s.served <- s.http.Serve(ln) }()
	logger.Info("serving", "url", s.URL(), "store", store.URL(), "writes", cfg.WriteToken != "")
	return s, nil
}

// URL returns the base URL of the API.
func (s *server) URL() string {
	addr := s.ln.Addr().(*net.TCPAddr)
	host := addr.IP.String()
	if addr.IP.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(addr.Port))
}

// wait serves until ctx is done, then shuts down gracefully.
func (s *server) wait(ctx context.Context) error {
	select {
	case <-ctx.Done():
		s.logger.Info("shutting down", "reason", context.Cause(ctx))
		return s.close()
	case err := <-s.served:
		_ = s.store.Close()
		return err
	}
}

// close stops accepting connections, waits up to shutdownTimeout for the
// requests under way, and closes the store. It returns the first error.
func (s *server) close() error {
	ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	err := s.http.Shutdown(ctx)
	if serr := <-s.served; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if cerr := s.store.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close store: %w", cerr)
	}
	return err
}

// logWriter turns the lines written to it into log records.
type logWriter struct{ logger *slog.Logger }

func (w logWriter) Write(p []byte) (int, error) {
	w.logger.Info(string(bytes.TrimSpace(p)))
	return len(p), nil
}

// routes serves the API under /api/ and /health, and the actor-network
// page, built into the binary, at / .
func routes(api http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/api/", api)
	mux.Handle("/health", api)
	mux.Handle("/", web.Handler())
	return mux
}
