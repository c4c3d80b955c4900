// The actor network page. It reads the JSON API of package query on the
// same origin and draws the graph with Cytoscape.js.
//
// Every string that comes from the API (names, titles, evidence, rules)
// reaches the DOM through textContent or a text node, never as markup;
// hrefs are built from encodeURIComponent of an id. The page's
// Content-Security-Policy forbids inline scripts besides.
//
// The API grows: /api/v1/network, /partners, /export and /articles/{id}
// may be missing from an older server. The page tries each and, when the
// route is not there, builds the same answer from /api/v1/entities.
(function () {
  "use strict";

  const API = "/api/v1";

  // How each entity type is drawn: colour and shape both differ, so that
  // the legend reads without colour vision too.
  const TYPES = [
    { type: "Organization", color: "#1f6fb2", shape: "round-rectangle" },
    { type: "Person", color: "#e8710a", shape: "ellipse" },
    { type: "Event", color: "#c99a00", shape: "diamond" },
    { type: "Plan", color: "#7b3fb3", shape: "hexagon" },
    { type: "Law", color: "#c5221f", shape: "rectangle" },
    { type: "Place", color: "#188038", shape: "triangle" },
    { type: "Campaign", color: "#d0478f", shape: "star" },
    { type: "Report", color: "#129eaf", shape: "rhomboid" },
  ];
  const OTHER = { type: "Other", color: "#9aa0a6", shape: "octagon" };
  const TYPE_INFO = new Map(TYPES.map((t) => [t.type, t]));
  const typeInfo = (type) => TYPE_INFO.get(type) || OTHER;

  // The predicates between two entities (graph/vocab.go); held_on, year
  // and holds_role have a literal object and describe a node instead.
  const PREDICATES = [
    "organized_by", "partner", "funded_by", "chaired_by", "spoke_at", "participated_in",
    "held_in", "part_of", "implements", "member_of", "adopted", "ratified",
    "establishes", "published", "assesses",
  ];
  // Partners: the predicate that makes an organization take part in a
  // thing, by role (graph/partners.go).
  const ROLE_OF = { organized_by: "organizer", partner: "partner", funded_by: "funder" };
  const LANGUAGES = { ar: "Arabic", fr: "French", en: "English" };

  // NODE_LIMIT caps the nodes of a view, as the API's default does:
  // cose keeps a few hundred nodes readable.
  const NODE_LIMIT = 300;
  // BOOT_QUERIES start the view when /api/v1/network is missing: names
  // that contain one of these letters, Latin or Arabic, are nearly all.
  const BOOT_QUERIES = ["a", "e", "i", "o", "u", "ا", "ل"];
  // FETCHES bounds the requests in flight at once.
  const FETCHES = 6;
  const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

  const state = {
    // mode is "network" when /api/v1/network answers, else "entities".
    mode: "",
    truncated: false,
    records: new Map(), // entity id -> Promise of its /entities record
    busy: 0,
    selection: 0, // counts selections, so that a late answer is dropped
    searchSeq: 0,
  };

  const $ = (id) => document.getElementById(id);

  // ---- DOM helpers: text only ----

  // el makes an element. Strings among children become text nodes; attrs
  // are set as attributes, except text (textContent) and on* (listeners).
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    setAttrs(e, attrs);
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.append(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return e;
  }

  const SVG_NS = "http://www.w3.org/2000/svg";

  function svgEl(doc, tag, attrs) {
    const e = doc.createElementNS(SVG_NS, tag);
    setAttrs(e, attrs);
    return e;
  }

  function setAttrs(e, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") e.textContent = String(v);
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, String(v));
    }
  }

  // fromArticle makes an element holding text from an article, laid out
  // in its own direction.
  function fromArticle(tag, text, lang, attrs) {
    const a = Object.assign({ dir: "auto", class: "from-article", text: text }, attrs || {});
    if (lang && /^[a-z]{2,3}$/.test(lang)) a.lang = lang;
    return el(tag, a);
  }

  function setStatus(text, isError) {
    const s = $("status");
    s.textContent = text;
    s.classList.toggle("error", !!isError);
  }

  // ---- the API ----

  class APIError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function getJSON(path) {
    const resp = await fetch(API + path, { headers: { Accept: "application/json" } });
    let body = null;
    try {
      body = await resp.json();
    } catch (_) {
      body = null;
    }
    if (!resp.ok) {
      const msg = body && body.error && body.error.message ? body.error.message : resp.statusText;
      throw new APIError(resp.status, `${path.split("?")[0]}: ${msg}`);
    }
    return body;
  }

  // optional calls a route that an older server lacks: it returns null
  // when the route is not there.
  async function optional(path) {
    try {
      return await getJSON(path);
    } catch (err) {
      if (err instanceof APIError && (err.status === 404 || err.status === 405 || err.status === 501)) return null;
      throw err;
    }
  }

  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== "" && v !== undefined && v !== null) q.set(k, String(v));
    const s = q.toString();
    return s ? "?" + s : "";
  }

  function record(id) {
    let p = state.records.get(id);
    if (!p) {
      p = getJSON("/entities/" + encodeURIComponent(id));
      p.catch(() => state.records.delete(id));
      state.records.set(id, p);
    }
    return p;
  }

  function search(q, type, limit) {
    return getJSON("/entities" + query({ q: q, type: type, limit: limit }));
  }

  // pool runs fn on each item, at most FETCHES at a time.
  async function pool(items, fn) {
    const out = new Array(items.length);
    let next = 0;
    async function worker() {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }
    await Promise.all(Array.from({ length: Math.min(FETCHES, items.length) }, worker));
    return out;
  }

  // articleHref links to the record of an article: the key that ends its
  // IRI (graph.ArticleKey), else its id.
  function articleHref(ref) {
    const key = ref.iri ? ref.iri.slice(ref.iri.lastIndexOf("/") + 1) : ref.id;
    return API + "/articles/" + encodeURIComponent(key);
  }

  // track counts the work under way in data-busy, which tests wait on,
  // and shows its failure. An API error is the server's answer and only
  // shown; anything else is a bug of the page and also logged.
  async function track(work) {
    state.busy++;
    document.body.dataset.busy = String(state.busy);
    try {
      return await work();
    } catch (err) {
      setStatus(err.message, true);
      if (!(err instanceof APIError)) console.error(err);
      return undefined;
    } finally {
      state.busy--;
      document.body.dataset.busy = String(state.busy);
    }
  }

  // ---- dates (graph/subgraph.go: DateRange) ----

  // span returns the first and last day a date covers, comparable as
  // strings, or null.
  function span(d) {
    if (!d || !DATE.test(d)) return null;
    if (d.length === 4) return [d + "-01-01", d + "-12-31"];
    if (d.length === 7) return [d + "-01", d + "-31"];
    return [d, d];
  }

  function overlaps(d, from, to) {
    if (!from && !to) return true;
    const s = span(d);
    if (!s) return false;
    const lo = from ? span(from)[0] : "0000";
    const hi = to ? span(to)[1] : "9999";
    return s[0] <= hi && s[1] >= lo;
  }

  function earliest(dates) {
    return dates.filter((d) => d && DATE.test(d)).sort()[0] || "";
  }

  // ---- the graph ----

  let cy = null;

  function graphStyle() {
    return [
      {
        selector: "node",
        style: {
          "background-color": (n) => typeInfo(n.data("type")).color,
          shape: (n) => typeInfo(n.data("type")).shape,
          width: (n) => (n.data("type") === "Organization" ? 30 : 24),
          height: (n) => (n.data("type") === "Organization" ? 22 : 24),
          label: "data(label)",
          "font-size": 11,
          color: "#1d1d1f",
          "text-valign": "bottom",
          "text-halign": "center",
          "text-margin-y": 4,
          "text-wrap": "ellipsis",
          "text-max-width": 150,
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.75,
          "text-background-padding": 1,
          "min-zoomed-font-size": 6,
          "border-width": 1,
          "border-color": "#ffffff",
        },
      },
      { selector: "node[?root]", style: { "border-width": 3, "border-color": "#1d1d1f" } },
      {
        selector: "edge",
        style: {
          width: "mapData(confidence, 0, 1, 0.8, 2.6)",
          "line-color": "#b3b8bf",
          "target-arrow-color": "#b3b8bf",
          "target-arrow-shape": "triangle",
          "arrow-scale": 0.8,
          "curve-style": "bezier",
          label: "data(label)",
          "font-size": 9,
          color: "#5f6368",
          "text-rotation": "autorotate",
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.8,
          "text-background-padding": 1,
          "min-zoomed-font-size": 7,
        },
      },
      {
        selector: "node:selected",
        style: { "border-width": 4, "border-color": "#0b57d0" },
      },
      {
        selector: "edge:selected",
        style: { "line-color": "#0b57d0", "target-arrow-color": "#0b57d0", width: 3, color: "#0b57d0" },
      },
      {
        selector: "node.hl",
        style: { "border-width": 4, "border-color": "#f2b400", "z-index": 10 },
      },
      {
        selector: "edge.hl",
        style: { "line-color": "#f2b400", "target-arrow-color": "#f2b400", width: 3.5, color: "#1d1d1f", "z-index": 10 },
      },
      { selector: ".faded", style: { opacity: 0.15 } },
      { selector: ".hidden", style: { display: "none" } },
    ];
  }

  function predicateLabel(p) {
    return String(p).replace(/_/g, " ");
  }

  // nodeFromRecord turns an /entities record into node data, with its
  // literal relations as network nodes carry them.
  function nodeFromRecord(rec) {
    const d = { id: rec.id, label: rec.name || rec.id, type: rec.type };
    for (const e of rec.out || []) {
      if (!e.literal) continue;
      if (e.predicate === "held_on" && !d.date) d.date = e.object;
      if (e.predicate === "year" && !d.year) d.year = e.object;
      if (e.predicate === "holds_role") (d.roles = d.roles || []).push(e.object);
    }
    return { data: d };
  }

  function edgeFromRecord(e) {
    return {
      data: {
        id: `${e.subject} ${e.predicate} ${e.object}`,
        source: e.subject,
        target: e.object,
        label: predicateLabel(e.predicate),
        predicate: e.predicate,
        confidence: e.confidence,
        sources: (e.sources || []).length,
        published: earliest((e.sources || []).map((s) => s.article && s.article.date)),
      },
    };
  }

  // merge adds the nodes and edges that are not in the graph yet, and
  // returns the added ones. An edge whose ends are missing is left out.
  function merge(elements, near) {
    const added = cy.collection();
    // New nodes start in a ring around near, else around the centre of
    // the view, for the layout to refine from there.
    const origin = near && near.nonempty() ? near.position()
      : { x: (cy.width() / 2 - cy.pan().x) / cy.zoom(), y: (cy.height() / 2 - cy.pan().y) / cy.zoom() };
    const nodes = (elements.nodes || []).filter((n) => cy.getElementById(n.data.id).empty());
    nodes.forEach((n, i) => {
      const item = { group: "nodes", data: n.data };
      if (origin) {
        const a = (2 * Math.PI * i) / Math.max(nodes.length, 1);
        item.position = { x: origin.x + 90 * Math.cos(a), y: origin.y + 90 * Math.sin(a) };
      }
      added.merge(cy.add(item));
    });
    for (const n of elements.nodes || []) {
      const old = cy.getElementById(n.data.id);
      if (n.data.root === true) old.data("root", true);
    }
    for (const e of elements.edges || []) {
      if (cy.getElementById(e.data.id).nonempty()) continue;
      if (cy.getElementById(e.data.source).empty() || cy.getElementById(e.data.target).empty()) continue;
      added.merge(cy.add({ group: "edges", data: e.data }));
    }
    return added;
  }

  function layout(randomize) {
    return new Promise((resolve) => {
      const eles = cy.elements().not(".hidden");
      if (eles.empty()) return resolve();
      const l = eles.layout({
        name: "cose",
        animate: false,
        randomize: randomize,
        fit: true,
        padding: 30,
        // Tuned on the seed graph in a 1600x1000 window: room for the
        // labels without shrinking the graph below a readable zoom. The
        // labels are left out of the node sizes, else the long names of
        // plans and laws spread the graph too thin; edges of hubs are
        // longer, so that their neighbours do not pile up.
        nodeDimensionsIncludeLabels: false,
        idealEdgeLength: (e) => 50 + 3 * Math.min(20, Math.max(e.source().degree(), e.target().degree())),
        nodeRepulsion: () => 25000,
        edgeElasticity: () => 80,
        nodeOverlap: 20,
        gravity: 1.5,
        componentSpacing: 120,
        numIter: 2000,
        // cose stops when it has cooled: past a hundred and fifty nodes,
        // faster (300 nodes: about 2 s instead of 8 s, in one thread).
        coolingFactor: eles.nodes().length > 150 ? 0.97 : 0.99,
      });
      l.one("layoutstop", () => resolve());
      l.run();
    });
  }

  // ---- loading ----

  // loadView replaces the graph with the network the filters select: from
  // /api/v1/network, or built from search and /entities when it is
  // missing.
  async function loadView() {
    setStatus("Loading…");
    const f = filters();
    const net = state.mode === "entities" ? null : await optional("/network" + query(networkParams(f, { limit: NODE_LIMIT })));
    cy.elements().remove();
    if (net) {
      state.mode = "network";
      state.truncated = !!net.truncated;
      merge(net.elements || {});
    } else {
      state.mode = "entities";
      await bootFromEntities();
    }
    applyFilters();
    await layout(true);
    showCounts();
  }

  function networkParams(f, extra) {
    const types = TYPES.map((t) => t.type).filter((t) => f.types.has(t));
    return Object.assign(
      {
        // An unchecked "Other" needs no parameter: the API has no such type.
        type: types.length === TYPES.length ? "" : types.join(","),
        predicate: f.predicates.size === PREDICATES.length ? "" : [...f.predicates].join(","),
        from: f.from,
        to: f.to,
      },
      extra,
    );
  }

  // bootFromEntities draws the entities that the most articles name,
  // found by searching for common letters, with the relations between
  // them.
  async function bootFromEntities() {
    const hits = new Map();
    const answers = await pool(BOOT_QUERIES, (q) => search(q, "", 100));
    for (const a of answers) for (const h of a.results || []) if (!hits.has(h.id)) hits.set(h.id, h);
    const ranked = [...hits.values()].sort((a, b) => b.articles - a.articles || (a.id < b.id ? -1 : 1));
    state.truncated = ranked.length > NODE_LIMIT;
    const kept = ranked.slice(0, NODE_LIMIT);
    const recs = await pool(kept, (h) => record(h.id));
    const ids = new Set(kept.map((h) => h.id));
    const nodes = recs.map(nodeFromRecord);
    const edges = [];
    for (const rec of recs) {
      for (const e of rec.out) if (!e.literal && ids.has(e.object)) edges.push(edgeFromRecord(e));
    }
    merge({ nodes: nodes, edges: edges });
  }

  // neighbourhood returns the elements around entity id: the entity, its
  // neighbours and the relations between it and them.
  async function neighbourhood(id) {
    if (state.mode === "network") {
      const net = await optional("/network" + query(networkParams(filters(), { id: id, depth: 1, limit: NODE_LIMIT })));
      if (net) return net.elements || {};
    }
    const rec = await record(id);
    const rels = rec.out.concat(rec.in).filter((e) => !e.literal);
    const far = [...new Set(rels.map((e) => (e.subject === id ? e.object : e.subject)))];
    const recs = await pool(far, record);
    return { nodes: [nodeFromRecord(rec)].concat(recs.map(nodeFromRecord)), edges: rels.map(edgeFromRecord) };
  }

  // expand adds the neighbours of id to the graph and lays it out again.
  async function expand(id) {
    const node = cy.getElementById(id);
    const els = await neighbourhood(id);
    const added = merge(els, node);
    cy.getElementById(id).addClass("pinned");
    applyFilters();
    if (added.nonempty()) await layout(false);
    showCounts();
    setStatus(`${statusCounts()} · ${added.nodes().length} added around ${cy.getElementById(id).data("label") || id}`);
    return added;
  }

  // focus selects entity id, loading it with its neighbours when the
  // graph lacks it, centres on it and shows its details.
  async function focus(id) {
    let node = cy.getElementById(id);
    if (node.empty()) {
      await expand(id);
      node = cy.getElementById(id);
    }
    if (node.empty()) return;
    if (node.hasClass("hidden")) {
      node.addClass("pinned");
      applyFilters();
    }
    cy.elements().unselect();
    node.select();
    await centre(node);
    await showNode(id);
  }

  function centre(node) {
    const z = Math.max(cy.zoom(), 1.2);
    const p = node.position();
    const pan = { x: cy.width() / 2 - p.x * z, y: cy.height() / 2 - p.y * z };
    return new Promise((resolve) => {
      cy.stop();
      cy.animate({ zoom: z, pan: pan }, { duration: 300, complete: resolve });
      // A later cy.stop() drops this animation without completing it.
      setTimeout(resolve, 600);
    });
  }

  // ---- filters ----

  function filters() {
    const checked = (box) => new Set([...box.querySelectorAll("input:checked")].map((i) => i.value));
    const date = (input) => (DATE.test(input.value.trim()) ? input.value.trim() : "");
    return {
      types: checked($("filter-types")),
      predicates: checked($("filter-predicates")),
      from: date($("filter-from")),
      to: date($("filter-to")),
    };
  }

  function filtersAreDefault() {
    const f = filters();
    return f.types.size === TYPES.length + 1 && f.predicates.size === PREDICATES.length && !f.from && !f.to;
  }

  // applyFilters hides what the filters leave out. In network mode the
  // server has already applied the date range, by rules that need data
  // the page does not have, so only the types and relations are checked.
  function applyFilters() {
    const f = filters();
    const dated = state.mode === "entities" && (f.from || f.to);
    const nodeDate = (n) => n.data("date") || n.data("year") || "";
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const type = TYPE_INFO.has(n.data("type")) ? n.data("type") : OTHER.type;
        n.toggleClass("hidden", !f.types.has(type) && !n.hasClass("pinned"));
      });
      cy.edges().forEach((e) => {
        let ok = f.predicates.has(e.data("predicate")) && !e.source().hasClass("hidden") && !e.target().hasClass("hidden");
        if (ok && dated) {
          const d = nodeDate(e.source()) || nodeDate(e.target()) || e.data("published");
          ok = overlaps(d, f.from, f.to);
        }
        e.toggleClass("hidden", !ok);
      });
      if (f.from || f.to) {
        cy.nodes().forEach((n) => {
          if (!n.hasClass("pinned") && n.connectedEdges().not(".hidden").empty()) n.addClass("hidden");
        });
      }
    });
  }

  async function onFilter() {
    const bad = [$("filter-from"), $("filter-to")].filter((i) => i.value.trim() && !DATE.test(i.value.trim()));
    if (bad.length) {
      setStatus("A date is YYYY, YYYY-MM or YYYY-MM-DD.", true);
      return;
    }
    clearHighlight();
    if (state.mode === "network") {
      await loadView();
    } else {
      applyFilters();
      await layout(false);
      showCounts();
    }
  }

  // ---- search ----

  let searchTimer = 0;

  async function runSearch(q) {
    const seq = ++state.searchSeq;
    const ans = await search(q, "", 10);
    if (seq !== state.searchSeq) return null;
    return ans.results || [];
  }

  function showResults(hits) {
    const list = $("search-results");
    list.replaceChildren();
    for (const h of hits) {
      list.append(
        el("li", {},
          el("button", { type: "button", "data-id": h.id, onclick: () => pick(h.id) },
            fromArticle("span", h.name || h.id, "", { class: "name" }),
            el("span", { class: "type", text: h.type }))));
    }
    if (!hits.length) list.append(el("li", { class: "hint", text: "No actor by that name." }));
    list.hidden = false;
  }

  function hideResults() {
    $("search-results").hidden = true;
  }

  function pick(id) {
    hideResults();
    return track(() => focus(id));
  }

  function onSearchInput() {
    clearTimeout(searchTimer);
    const q = $("search-input").value.trim();
    if (q.length < 2) {
      hideResults();
      return;
    }
    searchTimer = setTimeout(() => track(async () => {
      const hits = await runSearch(q);
      if (hits && $("search-input").value.trim() === q) showResults(hits);
    }), 200);
  }

  async function onSearchSubmit(ev) {
    ev.preventDefault();
    clearTimeout(searchTimer);
    const q = $("search-input").value.trim();
    if (!q) return;
    await track(async () => {
      const hits = await runSearch(q);
      if (!hits) return;
      if (!hits.length) {
        showResults(hits);
        return;
      }
      hideResults();
      await focus(hits[0].id);
    });
  }

  // ---- details ----

  function shapeIcon(type, size) {
    const svg = svgEl(document, "svg", { width: size, height: size, viewBox: `0 0 ${size} ${size}`, "aria-hidden": "true" });
    const info = typeInfo(type);
    svg.append(shapeElement(document, info.shape, size / 2, size / 2, size - 2, size - 2, { fill: info.color }));
    return svg;
  }

  function entityButton(id, name) {
    return el("button", { type: "button", class: "link", dir: "auto", "data-id": id, text: name || id, onclick: () => track(() => focus(id)) });
  }

  function detailsLoading(title) {
    $("details").replaceChildren(fromArticle("h2", title, ""), el("p", { class: "hint", text: "Loading…" }));
  }

  function sourceList(sources) {
    return (sources || []).map((s) => {
      const a = s.article || {};
      const meta = el("div", { class: "meta" },
        el("a", { href: articleHref(a), dir: "auto", class: "article", text: a.title || a.document || a.id }),
        a.date ? ` · ${a.date}` : "",
        a.lang ? ` · ${LANGUAGES[a.lang] || a.lang}` : "",
        s.rule ? ` · ${s.rule}` : "",
        s.confidence ? ` · ${s.confidence.toFixed(2)}` : "");
      return el("div", { class: "source" },
        meta,
        s.evidence ? fromArticle("blockquote", s.evidence, a.lang, { class: "evidence" }) : null);
    });
  }

  function relationBlock(e, self) {
    const subject = e.subject === self.id ? el("span", { dir: "auto", text: self.name || self.id }) : entityButton(e.subject, e.name);
    let object;
    if (e.literal) object = fromArticle("span", e.object, "");
    else if (e.object === self.id) object = el("span", { dir: "auto", text: self.name || self.id });
    else object = entityButton(e.object, e.name);
    return el("div", { class: "relation", "data-predicate": e.predicate, "data-direction": e.subject === self.id ? "out" : "in" },
      el("div", { class: "head" },
        subject, ` ${predicateLabel(e.predicate)} → `, object,
        el("span", { class: "confidence", text: ` confidence ${Number(e.confidence || 0).toFixed(2)}` })),
      sourceList(e.sources));
  }

  async function showNode(id) {
    const seq = ++state.selection;
    const node = cy.getElementById(id);
    detailsLoading(node.data("label") || id);
    const rec = await record(id);
    if (seq !== state.selection) return;
    const info = typeInfo(rec.type);
    const names = Object.keys(rec.names || {}).sort();
    const relations = (rec.out || []).concat(rec.in || []);
    const panel = [
      fromArticle("h2", rec.name || rec.id, ""),
      el("p", { class: "kind" }, shapeIcon(rec.type, 14), rec.type || info.type, " · ", el("span", { class: "id", text: rec.id })),
      el("div", { class: "buttons" },
        el("button", { type: "button", id: "details-expand", text: "Expand neighbours", onclick: () => track(() => expand(id)) }),
        el("button", { type: "button", text: "Centre", onclick: () => track(() => focus(id)) }),
        rec.type === "Organization"
          ? el("button", { type: "button", id: "details-partners", text: "Who partnered with it?", onclick: () => track(() => partners(id)) })
          : null),
    ];
    if (names.length) {
      const dl = el("dl");
      for (const lang of names) {
        dl.append(el("dt", { text: LANGUAGES[lang] || lang || "Other" }));
        for (const n of rec.names[lang]) dl.append(fromArticle("dd", n, lang));
      }
      panel.push(el("h3", { text: "Names" }), dl);
    }
    panel.push(el("h3", { text: `Relations (${relations.length})` }));
    panel.push(...relations.map((e) => relationBlock(e, rec)));
    const arts = rec.articles || [];
    panel.push(el("h3", { text: `Articles (${arts.length})` }));
    panel.push(el("ul", {}, arts.map((a) =>
      el("li", {},
        el("a", { href: articleHref(a), dir: "auto", class: "article", text: a.title || a.document || a.id }),
        a.date ? ` · ${a.date}` : "",
        a.lang ? ` · ${LANGUAGES[a.lang] || a.lang}` : ""))));
    $("details").replaceChildren(...panel);
    if (rec.type === "Organization") {
      $("partners-org").value = rec.name || rec.id;
      $("partners-org").dataset.id = rec.id;
    }
  }

  async function showEdge(edge) {
    const seq = ++state.selection;
    const d = edge.data();
    const label = (id) => cy.getElementById(id).data("label") || id;
    detailsLoading(`${label(d.source)} ${d.label} ${label(d.target)}`);
    const rec = await record(d.source);
    if (seq !== state.selection) return;
    const e = (rec.out || []).find((x) => x.predicate === d.predicate && x.object === d.target);
    const panel = [
      el("h2", {}, entityButton(d.source, label(d.source)), ` ${d.label} → `, entityButton(d.target, label(d.target))),
      el("p", { class: "kind", text: `relation ${d.predicate} · confidence ${Number(d.confidence || 0).toFixed(2)}` }),
    ];
    if (e) {
      panel.push(el("h3", { text: `Sources (${e.source_count || e.sources.length})` }));
      panel.push(el("div", { class: "relation", "data-predicate": e.predicate, "data-direction": "edge" }, sourceList(e.sources)));
    } else {
      panel.push(el("p", { class: "hint", text: "The store no longer holds this relation." }));
    }
    $("details").replaceChildren(...panel);
  }

  function clearDetails() {
    state.selection++;
    $("details").replaceChildren(el("p", { class: "hint", text: "Select a node or an edge." }));
  }

  // ---- partners ----

  function clearHighlight() {
    cy.elements().removeClass("hl faded");
  }

  async function onPartnersSubmit(ev) {
    ev.preventDefault();
    const input = $("partners-org");
    await track(async () => {
      let id = input.dataset.id;
      if (!id) {
        const q = input.value.trim();
        if (!q) return;
        const ans = await search(q, "Organization", 1);
        if (!ans.results || !ans.results.length) {
          $("partners-result").replaceChildren(el("p", { class: "hint", text: "No organization by that name." }));
          return;
        }
        id = ans.results[0].id;
      }
      await partners(id);
    });
  }

  // partnerships answers "who partnered with org on what": from
  // /api/v1/partners, else from the records of the things org took part
  // in, by the same rule (graph.Partners).
  async function partnerships(org) {
    const f = filters();
    const ans = await optional("/partners" + query({ org: org, from: f.from, to: f.to, limit: 100 }));
    if (ans) {
      const list = Array.isArray(ans) ? ans : ans.partnerships || ans.partners || ans.results || [];
      return list;
    }
    return partnershipsFromEntities(org, f);
  }

  async function partnershipsFromEntities(org, f) {
    const rec = await record(org);
    const orgNode = { id: rec.id, type: rec.type, name: rec.name };
    const things = [...new Set(rec.in.filter((e) => ROLE_OF[e.predicate] && !e.literal).map((e) => e.subject))];
    const byPartner = new Map();
    const thingRecs = await pool(things, record);
    for (const thing of thingRecs) {
      const roles = thing.out.filter((e) => ROLE_OF[e.predicate] && !e.literal);
      const date = nodeFromRecord(thing).data.date || nodeFromRecord(thing).data.year ||
        earliest(roles.flatMap((e) => e.sources.map((s) => s.article && s.article.date)));
      if ((f.from || f.to) && !overlaps(date, f.from, f.to)) continue;
      const part = (e) => ({ org: e.object, role: ROLE_OF[e.predicate], confidence: e.confidence, sources: e.sources });
      const mine = roles.filter((e) => e.object === org).map(part);
      const others = [...new Set(roles.filter((e) => e.object !== org).map((e) => e.object))];
      const otherRecs = await pool(others, record);
      for (const p of otherRecs) {
        if (p.type !== "Organization") continue;
        let entry = byPartner.get(p.id);
        if (!entry) {
          entry = { org: orgNode, partner: { id: p.id, type: p.type, name: p.name }, on: [] };
          byPartner.set(p.id, entry);
        }
        entry.on.push({
          thing: { id: thing.id, type: thing.type, name: thing.name },
          date: date,
          roles: mine.concat(roles.filter((e) => e.object === p.id).map(part)),
        });
      }
    }
    const list = [...byPartner.values()];
    const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    for (const p of list) p.on.sort((a, b) => cmp(a.date || "~", b.date || "~") || cmp(a.thing.id, b.thing.id));
    list.sort((a, b) => b.on.length - a.on.length || cmp(a.partner.id, b.partner.id));
    return rec.type === "Organization" ? list : [];
  }

  const PREDICATE_OF_ROLE = { organizer: "organized_by", partner: "partner", funder: "funded_by" };

  // partners shows who partnered with org on what, and highlights the
  // answer in the graph, adding what it lacks.
  async function partners(org) {
    clearHighlight();
    const rec = await record(org);
    const list = await partnerships(org);
    const nodes = new Map([[rec.id, { data: { id: rec.id, label: rec.name || rec.id, type: rec.type } }]]);
    const edges = [];
    for (const p of list) {
      for (const n of [p.partner].concat(p.on.map((c) => c.thing))) {
        if (!nodes.has(n.id)) nodes.set(n.id, { data: { id: n.id, label: n.name || n.id, type: n.type } });
      }
      for (const c of p.on) {
        for (const r of c.roles) {
          const pred = PREDICATE_OF_ROLE[r.role];
          if (!pred) continue;
          edges.push({ data: {
            id: `${c.thing.id} ${pred} ${r.org}`, source: c.thing.id, target: r.org,
            label: predicateLabel(pred), predicate: pred, confidence: r.confidence, sources: (r.sources || []).length,
          } });
        }
      }
    }
    const added = merge({ nodes: [...nodes.values()], edges: edges }, cy.getElementById(org));
    const hl = cy.collection();
    for (const id of nodes.keys()) hl.merge(cy.getElementById(id));
    for (const e of edges) hl.merge(cy.getElementById(e.data.id));
    hl.addClass("pinned");
    applyFilters();
    if (added.nonempty()) await layout(false);
    cy.elements().addClass("faded");
    hl.removeClass("faded").addClass("hl");
    cy.animate({ fit: { eles: hl, padding: 60 } }, { duration: 300 });
    showCounts();
    renderPartners(rec, list);
  }

  function renderPartners(rec, list) {
    const out = [el("p", {}, "Partners of ", fromArticle("strong", rec.name || rec.id, ""), `: ${list.length}`)];
    for (const p of list) {
      const things = p.on.map((c) => {
        const roles = c.roles.map((r) => `${r.org === rec.id ? "it" : "partner"}: ${r.role}`).join(", ");
        return el("li", { "data-thing": c.thing.id },
          entityButton(c.thing.id, c.thing.name),
          c.date ? ` (${c.date})` : "",
          el("span", { class: "on", text: ` ${roles}` }));
      });
      out.push(el("div", { class: "partner", "data-partner": p.partner.id },
        entityButton(p.partner.id, p.partner.name),
        el("span", { class: "on", text: ` on ${p.on.length}:` }),
        el("ul", {}, things)));
    }
    out.push(el("button", { type: "button", text: "Clear highlight", onclick: () => { clearHighlight(); $("partners-result").replaceChildren(); } }));
    $("partners-result").replaceChildren(...out);
  }

  // ---- export ----

  function download(name, blob) {
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // shapeElement draws a Cytoscape node shape as SVG, centred on (x, y).
  function shapeElement(doc, shape, x, y, w, h, attrs) {
    const poly = (pts) => svgEl(doc, "polygon", Object.assign({
      points: pts.map(([px, py]) => `${(x + (px * w) / 2).toFixed(1)},${(y + (py * h) / 2).toFixed(1)}`).join(" "),
    }, attrs));
    const regular = (n, rot) => Array.from({ length: n }, (_, i) => {
      const a = rot + (2 * Math.PI * i) / n;
      return [Math.cos(a), Math.sin(a)];
    });
    switch (shape) {
      case "ellipse":
        return svgEl(doc, "ellipse", Object.assign({ cx: x, cy: y, rx: w / 2, ry: h / 2 }, attrs));
      case "rectangle":
      case "round-rectangle":
        return svgEl(doc, "rect", Object.assign({ x: x - w / 2, y: y - h / 2, width: w, height: h, rx: shape === "rectangle" ? 0 : Math.min(w, h) / 4 }, attrs));
      case "triangle":
        return poly([[0, -1], [1, 1], [-1, 1]]);
      case "diamond":
        return poly([[0, -1], [1, 0], [0, 1], [-1, 0]]);
      case "rhomboid":
        return poly([[-1, -1], [0.333, -1], [1, 1], [-0.333, 1]]);
      case "hexagon":
        return poly(regular(6, 0));
      case "octagon":
        return poly(regular(8, Math.PI / 8));
      case "star":
        return poly(Array.from({ length: 10 }, (_, i) => {
          const a = -Math.PI / 2 + (Math.PI * i) / 5;
          const r = i % 2 ? 0.45 : 1;
          return [r * Math.cos(a), r * Math.sin(a)];
        }));
      default:
        return svgEl(doc, "circle", Object.assign({ cx: x, cy: y, r: Math.min(w, h) / 2 }, attrs));
    }
  }

  function shorten(s, n) {
    const chars = [...String(s)];
    return chars.length > n ? chars.slice(0, n - 1).join("") + "…" : String(s);
  }

  // buildSVG draws the nodes and edges on screen as an SVG document.
  function buildSVG() {
    const doc = document.implementation.createDocument(SVG_NS, "svg", null);
    const svg = doc.documentElement;
    const eles = cy.elements().not(".hidden");
    const bb = eles.nonempty() ? eles.boundingBox({ includeLabels: true }) : { x1: 0, y1: 0, w: 100, h: 100 };
    const pad = 20;
    setAttrs(svg, {
      width: Math.ceil(bb.w + 2 * pad), height: Math.ceil(bb.h + 2 * pad),
      viewBox: `${(bb.x1 - pad).toFixed(1)} ${(bb.y1 - pad).toFixed(1)} ${(bb.w + 2 * pad).toFixed(1)} ${(bb.h + 2 * pad).toFixed(1)}`,
      "font-family": "system-ui, 'Noto Sans', 'Noto Sans Arabic', 'DejaVu Sans', sans-serif",
    });
    const defs = svgEl(doc, "defs");
    const marker = svgEl(doc, "marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" });
    marker.append(svgEl(doc, "path", { d: "M0,0 L10,5 L0,10 z", fill: "#9aa0a6" }));
    defs.append(marker);
    svg.append(defs, svgEl(doc, "rect", { x: bb.x1 - pad, y: bb.y1 - pad, width: bb.w + 2 * pad, height: bb.h + 2 * pad, fill: "#ffffff" }));
    const edges = svgEl(doc, "g", { class: "edges" });
    cy.edges().not(".hidden").forEach((e) => {
      const s = e.sourceEndpoint();
      const t = e.targetEndpoint();
      const cps = e.controlPoints();
      const d = cps && cps.length === 1 ? `M${s.x},${s.y} Q${cps[0].x},${cps[0].y} ${t.x},${t.y}` : `M${s.x},${s.y} L${t.x},${t.y}`;
      const g = svgEl(doc, "g", { class: "edge", "data-id": e.id() });
      g.append(svgEl(doc, "path", { d: d, fill: "none", stroke: "#b3b8bf", "stroke-width": 1.2, "marker-end": "url(#arrow)" }));
      const m = e.midpoint();
      const text = svgEl(doc, "text", { x: m.x, y: m.y, "font-size": 9, fill: "#5f6368", "text-anchor": "middle", stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke" });
      text.textContent = e.data("label");
      g.append(text);
      edges.append(g);
    });
    const nodes = svgEl(doc, "g", { class: "nodes" });
    cy.nodes().not(".hidden").forEach((n) => {
      const p = n.position();
      const info = typeInfo(n.data("type"));
      const g = svgEl(doc, "g", { class: "node", "data-id": n.id(), "data-type": n.data("type") });
      const title = svgEl(doc, "title");
      title.textContent = `${n.data("label")} (${n.data("type")})`;
      g.append(title, shapeElement(doc, info.shape, p.x, p.y, n.width(), n.height(), { fill: info.color, stroke: "#ffffff" }));
      const text = svgEl(doc, "text", { x: p.x, y: p.y + n.height() / 2 + 14, "font-size": 11, fill: "#1d1d1f", "text-anchor": "middle", stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke" });
      text.textContent = shorten(n.data("label"), 30);
      g.append(text);
      nodes.append(g);
    });
    svg.append(edges, nodes);
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(doc);
  }

  // buildJSON returns the nodes and edges on screen as Cytoscape.js
  // elements JSON, the shape of /api/v1/network, with positions.
  function buildJSON() {
    const vis = cy.elements().not(".hidden");
    return JSON.stringify({
      elements: {
        nodes: vis.nodes().map((n) => ({ data: n.data(), position: n.position() })),
        edges: vis.edges().map((e) => ({ data: e.data() })),
      },
      truncated: state.truncated,
    }, null, 2);
  }

  const GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";

  // buildGraphML returns the nodes and edges on screen as GraphML.
  function buildGraphML() {
    const doc = document.implementation.createDocument(GRAPHML_NS, "graphml", null);
    const root = doc.documentElement;
    // The keys of the server's export (graph.WriteGraphML), and the
    // position of each node on screen.
    const keys = [
      ["label", "node", "label", "string"], ["type", "node", "type", "string"],
      ["date", "node", "date", "string"], ["year", "node", "year", "string"],
      ["roles", "node", "roles", "string"], ["x", "node", "x", "double"], ["y", "node", "y", "double"],
      ["predicate", "edge", "predicate", "string"], ["elabel", "edge", "label", "string"],
      ["confidence", "edge", "confidence", "double"], ["sources", "edge", "sources", "int"],
    ];
    const make = (tag, attrs, text) => {
      const e = doc.createElementNS(GRAPHML_NS, tag);
      setAttrs(e, attrs);
      if (text !== undefined) e.textContent = String(text);
      return e;
    };
    for (const [id, dom, name, type] of keys) root.append(make("key", { id: id, for: dom, "attr.name": name, "attr.type": type }));
    const g = make("graph", { id: "actorgraph", edgedefault: "directed" });
    const data = (key, v) => (v === undefined || v === null || v === "" ? null : make("data", { key: key }, v));
    cy.nodes().not(".hidden").forEach((n) => {
      const p = n.position();
      const node = make("node", { id: n.id() });
      const roles = n.data("roles");
      for (const d of [data("label", n.data("label")), data("type", n.data("type")),
        data("date", n.data("date")), data("year", n.data("year")), data("roles", roles && roles.join("; ")),
        data("x", p.x.toFixed(1)), data("y", p.y.toFixed(1))]) if (d) node.append(d);
      g.append(node);
    });
    cy.edges().not(".hidden").forEach((e) => {
      const edge = make("edge", { id: e.id(), source: e.data("source"), target: e.data("target") });
      for (const d of [data("predicate", e.data("predicate")), data("elabel", e.data("label")),
        data("confidence", e.data("confidence")), data("sources", e.data("sources"))]) if (d) edge.append(d);
      g.append(edge);
    });
    root.append(g);
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(doc);
  }

  async function exportGraphML() {
    // The server's export carries more (names by language, sources) but
    // covers the whole graph: use it when that is what is on screen.
    if (!state.truncated && filtersAreDefault()) {
      const resp = await fetch(API + "/export?format=graphml");
      if (resp.ok) {
        download("actorgraph.graphml", await resp.blob());
        return;
      }
    }
    download("actorgraph.graphml", new Blob([buildGraphML()], { type: "application/graphml+xml" }));
  }

  async function exportPNG() {
    const blob = await cy.png({ output: "blob-promise", full: true, scale: 2, bg: "#ffffff" });
    download("actorgraph.png", blob);
  }

  // ---- page ----

  function statusCounts() {
    const vis = cy.elements().not(".hidden");
    return `${vis.nodes().length} actors, ${vis.edges().length} relations`;
  }

  function showCounts() {
    const from = state.mode === "network" ? "/api/v1/network" : "/api/v1/entities";
    let s = `${statusCounts()} · from ${from}`;
    if (state.truncated) s += ` · cut at ${NODE_LIMIT}: search or expand to see the rest`;
    setStatus(s);
    const counts = new Map();
    cy.nodes().not(".hidden").forEach((n) => {
      const t = TYPE_INFO.has(n.data("type")) ? n.data("type") : OTHER.type;
      counts.set(t, (counts.get(t) || 0) + 1);
    });
    for (const li of $("legend").children) {
      li.querySelector(".count").textContent = ` ${counts.get(li.dataset.type) || 0}`;
    }
  }

  function buildControls() {
    const legend = $("legend");
    const types = $("filter-types");
    for (const t of TYPES.concat([OTHER])) {
      legend.append(el("li", { "data-type": t.type }, shapeIcon(t.type, 16), el("span", { text: t.type }), el("span", { class: "count hint" })));
      types.append(el("label", {}, el("input", { type: "checkbox", value: t.type, checked: "" }), t.type));
    }
    const preds = $("filter-predicates");
    for (const p of PREDICATES) preds.append(el("label", {}, el("input", { type: "checkbox", value: p, checked: "" }), predicateLabel(p)));
  }

  function wire() {
    $("search-form").addEventListener("submit", onSearchSubmit);
    $("search-input").addEventListener("input", onSearchInput);
    $("search-input").addEventListener("keydown", (ev) => { if (ev.key === "Escape") hideResults(); });
    document.addEventListener("click", (ev) => { if (!$("search-form").contains(ev.target)) hideResults(); });
    $("filter-form").addEventListener("submit", (ev) => { ev.preventDefault(); track(onFilter); });
    $("filter-reset").addEventListener("click", () => {
      for (const i of document.querySelectorAll("#filter-form input[type=checkbox]")) i.checked = true;
      $("filter-from").value = "";
      $("filter-to").value = "";
      track(onFilter);
    });
    $("partners-form").addEventListener("submit", onPartnersSubmit);
    $("partners-org").addEventListener("input", () => { delete $("partners-org").dataset.id; });
    $("export-png").addEventListener("click", () => track(exportPNG));
    $("export-svg").addEventListener("click", () => download("actorgraph.svg", new Blob([buildSVG()], { type: "image/svg+xml" })));
    $("export-json").addEventListener("click", () => download("actorgraph.json", new Blob([buildJSON()], { type: "application/json" })));
    $("export-graphml").addEventListener("click", () => track(exportGraphML));
    $("view-fit").addEventListener("click", () => cy.fit(cy.elements().not(".hidden"), 30));
    $("view-layout").addEventListener("click", () => track(() => layout(true)));
    $("view-reload").addEventListener("click", () => track(() => {
      state.records.clear();
      state.mode = "";
      clearDetails();
      return loadView();
    }));

    cy.on("tap", "node", (ev) => track(() => showNode(ev.target.id())));
    cy.on("tap", "edge", (ev) => track(() => showEdge(ev.target)));
    cy.on("tap", (ev) => {
      if (ev.target === cy) {
        clearHighlight();
        clearDetails();
      }
    });
    cy.on("dbltap", "node", (ev) => track(() => expand(ev.target.id())));
  }

  function start() {
    document.body.dataset.busy = "0";
    if (typeof window.cytoscape !== "function") {
      setStatus("The graph library did not load.", true);
      return;
    }
    cy = window.cytoscape({
      container: $("cy"),
      style: graphStyle(),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
    });
    buildControls();
    wire();
    // For tests and the curious: the graph and what the page can do.
    window.actorgraph = {
      cy: cy, state: state, focus: focus, expand: expand, partners: partners,
      buildSVG: buildSVG, buildJSON: buildJSON, buildGraphML: buildGraphML,
    };
    track(loadView).then(() => { document.body.dataset.ready = "true"; });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
