// Package query serves the graph over HTTP as a JSON API, read-only unless
// the operator opens the write routes.
//
// NewServer returns an http.Handler with these routes, all GET (and HEAD)
// but the last; /api/v1/openapi.json describes them in OpenAPI 3:
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
//	/api/v1/articles/{id}         one article (by the key that ends its IRI,
//	                              or its ID): the entities it names and the
//	                              facts it states, with their evidence
//	/api/v1/stats                 counts of articles, entities and relations
//	/api/v1/partners?org=&from=&to=&limit=&offset=
//	                              who partnered with whom on what: pairs of
//	                              organizations that organized, partnered or
//	                              funded the same thing, with each one's role
//	                              and the evidence
//	/api/v1/network?id=&depth=&type=&predicate=&from=&to=&limit=
//	                              the actor network around id, or the whole
//	                              graph, as Cytoscape.js elements, capped at
//	                              limit nodes ("truncated": true beyond)
//	/api/v1/paths?from=&to=&max=&hops=&via=
//	                              the shortest connections between two
//	                              entities, with the evidence of every hop
//	/api/v1/timeline?type=&from=&to=&org=&limit=&offset=
//	                              events and reports in date order, with
//	                              organizers, partners, funders and places
//	/api/v1/export?format=nquads|jsonld|graphml|dot&id=&depth=
//	                              the whole graph or the subgraph around id
//	/api/v1/openapi.json          the OpenAPI description
//	/api/v2/query?lang=gizmo|graphql  (GET with qu=, or POST with the query
//	                              as body) Cayley's own query languages,
//	                              answered by Cayley's handler, read-only
//
// Two write routes exist only when Options gives both a Writer and a
// WriteToken, and answer only requests with "Authorization: Bearer
// TOKEN" (401 otherwise); without them, these methods are answered 405:
//
//	POST /api/v1/articles[?name=]  an article, as text/plain, text/html or
//	                              a JSON ArticleRequest, read as the loader
//	                              reads a file, extracted and stored: 201,
//	                              or 200 if it was there unchanged; 413
//	                              beyond MaxArticleBytes, 415 for another
//	                              media type
//	DELETE /api/v1/articles/{id}  removes an article and what only it said
//
// The routes that read a subgraph of the whole store (network, paths,
// partners, timeline, export) share MaxExpensive turns: a request that
// finds them all taken waits up to ExpensiveWait for one, then is
// answered 503 with Retry-After. No route reads a file: the page is
// served by package web from embedded assets, and the API only from the
// store. No route sets CORS headers, so a page of another origin cannot
// read the answers.
//
// Every response is JSON (Content-Type: application/json; charset=utf-8)
// but the exports. An error is {"error":{"status":S,"message":M}} with S
// the HTTP status: 400 for a bad parameter (the message names it), 404 for
// an unknown entity, article or route, 405 for a method the route does not
// take, 413 for a Cayley query or answer too large, 503 when the store or
// the server is too busy, 504 when a Cayley query runs too long. A 5xx
// that is not such a limit is logged, and the client sees only a generic
// message.
//
// Cayley's own limit on results does not bound Gizmo's getLimit, toArray
// and forEach, nor GraphQL, and Gizmo's JavaScript engine has no memory
// limit (../shared/research/cayley.md, section 3). So /api/v2/query runs
// under limits of its own (Options): a few queries at once, a time limit,
// a budget of heap growth, a cap on the query's text and on its answer,
// which is cut after its last whole array element and says
// "truncated": true. No other route of Cayley's is mounted: its
// /api/v2/read dumps the store, its write routes change it.
//
// Handlers only parse requests and format answers: the reading, ranking
// and graph algorithms happen in package graph.
package query
