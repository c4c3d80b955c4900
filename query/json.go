package query

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// internalErrorJSON is the response when a response cannot be encoded.
const internalErrorJSON = `{"error":{"status":500,"message":"Internal Server Error"}}` + "\n"

// writeJSON writes v as the JSON body of a response with the given status.
// It encodes v fully before writing anything, so that an encoding failure
// becomes a clean 500 rather than a truncated body.
func (s *server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	body, err := encodeJSON(v)
	if err != nil {
		s.logger.Error("encode response", "method", r.Method, "path", r.URL.Path, "err", err)
		status, body = http.StatusInternalServerError, []byte(internalErrorJSON)
	}
	writeBody(w, status, body)
}

// encodeJSON returns v as the indented JSON of the API's answers.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeBody writes a JSON body with the given status.
func writeBody(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
