// Package web serves the actor-network page: a single page that draws the
// graph of package query's JSON API in the browser and lets a user explore
// it.
//
// Handler serves the page at "/" and its assets under "/static/", all
// embedded in the binary with go:embed: nothing is fetched from another
// origin, at build time or at run time. The page expects the API at
// /api/v1/ on the same origin.
//
// # The page
//
// static/index.html lays out the page, static/app.css styles it and
// static/app.js runs it, in plain JavaScript with no build step. The page
// shows:
//
//   - the network: a node per entity, coloured and shaped by type (legend
//     on the left), an edge per relation labelled with it, laid out by
//     Cytoscape.js's force-directed "cose";
//   - a search by name in Arabic, French or English that centres on the
//     actor found, loading it with its neighbours when the view lacks it;
//     a double-click or "Expand neighbours" adds a node's neighbours;
//   - filters by type, relation and date range;
//   - "who partnered with X on what": the partners, the things they worked
//     on and the roles, highlighted in the graph;
//   - on a click, a node's names by language, type and relations, or an
//     edge's sources: each article, with a link to its record
//     (/api/v1/articles/KEY), and the sentence that states the relation,
//     laid out in its own direction (Arabic right to left);
//   - exports of what is on screen, as PNG or SVG, and of its data, as
//     Cytoscape.js elements JSON or GraphML (the server's GraphML export
//     when the view is the whole graph, unfiltered).
//
// The page reads /api/v1/network, /api/v1/partners and /api/v1/export when
// the server has them; without them it builds the same views from
// /api/v1/entities, a request per entity.
//
// # Safety
//
// Text from articles reaches the page only through textContent and text
// nodes, never as markup, and every response carries
// ContentSecurityPolicy, which forbids inline scripts: an article that
// holds HTML or a script shows it as text. The tests check both in a real
// browser.
//
// # The graph library
//
// static/vendor/cytoscape.min.js is Cytoscape.js 3.34.4 (MIT, see
// static/vendor/cytoscape.LICENSE), taken as is from the npm registry:
// tarball cytoscape-3.34.4.tgz, integrity
// sha512-msY99tMY8iWTg+sIPGfSqDcPNOt4xcj+v/K/7qUFaCUxxlqnMkUYLBjRUzn9W5CU/R2hrmtJa5+UtovrEM2ctg==,
// dist/cytoscape.min.js sha256
// 081591ab735b2b6a3b31a3c60f8f3a3e2fee8c92939e0c7820ad1208571b6cd8. It is
// committed, so that go run and go build need neither npm nor a network.
// To refresh it, from the repository root:
//
//	tmp=$(mktemp -d) && (cd "$tmp" && npm pack cytoscape@VERSION && tar xzf cytoscape-VERSION.tgz) &&
//	cp "$tmp"/package/dist/cytoscape.min.js query/web/static/vendor/cytoscape.min.js &&
//	cp "$tmp"/package/LICENSE query/web/static/vendor/cytoscape.LICENSE && rm -r "$tmp"
//
// then update the version and sums above, and run the browser tests.
//
// # Tests
//
// The browser tests drive Debian's chromium with chromedp against the page
// and the API on 127.0.0.1, over the seed articles of testdata/articles.
// They find chromium at $ACTORGRAPH_CHROMIUM, else /usr/bin/chromium, and
// skip without it (.ci/browser.sh installs it). go test -run
// TestBrowser -screenshot rewrites testdata/seed-network.png, the picture
// of the seed network in the README.
package web
