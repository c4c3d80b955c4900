package query

import (
	_ "embed"
	"net/http"
)

// openAPIDoc is the OpenAPI 3 description of the routes; TestOpenAPI
// checks that it describes every route of the router and no other, with
// the parameters each takes.
//
//go:embed openapi.json
var openAPIDoc []byte

// openAPI serves openAPIDoc.
func (s *server) openAPI(w http.ResponseWriter, r *http.Request) error {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(openAPIDoc)
	}
	return nil
}
