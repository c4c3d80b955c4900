package query

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/actorgraph/actorgraph/graph"
)

// requestError is a failure the client caused and can fix; its message is
// shown to the client as is.
type requestError struct {
	status int
	msg    string
}

func (e *requestError) Error() string { return e.msg }

// badRequest returns a 400 error with the formatted message.
func badRequest(format string, args ...any) error {
	return &requestError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

// tooLarge returns a 413 error with the formatted message.
func tooLarge(format string, args ...any) error {
	return &requestError{http.StatusRequestEntityTooLarge, fmt.Sprintf(format, args...)}
}

// errorStatuses maps the sentinel errors of the packages the handlers call
// to the status the client gets. Errors found nowhere here are 500.
var errorStatuses = []struct {
	err    error
	status int
}{
	{graph.ErrNotFound, http.StatusNotFound},
	{context.DeadlineExceeded, http.StatusServiceUnavailable},
	{context.Canceled, http.StatusServiceUnavailable},
}

// errorBody is the JSON of every error response.
type errorBody struct {
	Error struct {
		Status  int    `json:"status"`
		Message string `json:"message"`
	} `json:"error"`
}

// writeError writes err as a JSON error response. A requestError carries
// its message, even as a 503 or 504: it is a limit the client can act on
// (retry later, bound the query). Another 4xx carries err's message; any
// other 5xx is logged and carries only the status text, so that no
// internal detail reaches the client.
func (s *server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := http.StatusInternalServerError, ""
	var re *requestError
	if errors.As(err, &re) {
		status, msg = re.status, re.msg
		if status >= 500 {
			s.logger.Warn("request refused", "method", r.Method, "path", r.URL.Path, "status", status, "reason", msg)
		}
	} else {
		for _, e := range errorStatuses {
			if errors.Is(err, e.err) {
				status, msg = e.status, err.Error()
				break
			}
		}
		if status >= 500 {
			msg = http.StatusText(status)
			level := slog.LevelError
			if r.Context().Err() != nil {
				level = slog.LevelInfo // the client went away
			}
			s.logger.Log(r.Context(), level, "request failed", "method", r.Method, "path", r.URL.Path, "status", status, "err", err)
		}
	}
	var body errorBody
	body.Error.Status, body.Error.Message = status, msg
	s.writeJSON(w, r, status, body)
}
