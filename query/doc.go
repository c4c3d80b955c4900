// Package query serves the graph over HTTP as a read-only JSON API.
//
// NewServer returns an http.Handler with these routes, all GET:
//
//	/health                       {"status":"ok","store":URL,"articles":N}
//	/api/v1/entities?q=&type=&limit=&offset=
//	                              entities one of whose names contains q, in
//	                              any language, compared case-, accent- and
//	                              Arabic-spelling-insensitively
//	/api/v1/entities/{id}         one entity: its names by language, the
//	                              articles that name it, its edges in both
//	                              directions with each source's evidence
//	/api/v1/articles              the articles in the store
//	/api/v1/stats                 counts of articles, entities and relations
//
// Every response is JSON (Content-Type: application/json; charset=utf-8).
// An error is {"error":{"status":S,"message":M}} with S the HTTP status: 400
// for a bad parameter (the message names it), 404 for an unknown entity or
// route, 405 for a method other than GET. A 5xx is logged, and the client
// sees only a generic message.
//
// Handlers only parse requests and format answers: the reading and ranking
// happen in package graph.
package query
