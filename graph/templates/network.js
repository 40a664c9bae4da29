// The jishi network page. Document text reaches the page only through
// textContent or the canvas: never innerHTML.
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("data").textContent);
  const MIN_OPEN_SCALE = 0.3;   // the opening zoom never goes below this, so the main names can be read
  const ROWS_STEP = 100;        // rows drawn at a time: a keystroke costs little; "show more" or scrolling draws more
  const SEARCH_WAIT = 200;      // ms after the last keystroke before the list is searched, so fast typing searches once
  const $ = function (id) { return document.getElementById(id); };
  let DETAILS = null;           // node id → what the details panel shows: most of a large page, parsed on first use

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function detailOf(n) {
    if (!DETAILS) DETAILS = JSON.parse($("details-data").textContent);
    return DETAILS[n.id];
  }

  function setBusy(text) { $("busy").textContent = text; }

  // ---- the data, indexed ----------------------------------------------------------------
  const byId = new Map(DATA.events.nodes.map(function (n) { return [n.id, n]; }));
  const links = new Map();      // node id → [{other, roles}]
  DATA.events.edges.forEach(function (e) {
    [[e.from, e.to], [e.to, e.from]].forEach(function (pair) {
      if (!links.has(pair[0])) links.set(pair[0], []);
      links.get(pair[0]).push({ other: pair[1], roles: e.roles });
    });
  });
  const typeLabel = new Map(DATA.legend.map(function (l) { return [l.cls, l.label]; }));
  const isFact = function (n) { return n.kind !== "actor"; };
  const factsOf = function (id) { return (links.get(id) || []).filter(function (l) { return isFact(byId.get(l.other)); }); };
  const actorsOf = function (id) { return (links.get(id) || []).filter(function (l) { return !isFact(byId.get(l.other)); }); };

  // A role's words in an event class (role_words.csv: a message's 发送方 sender), else the ontology's label.
  function roleWords(role, cls) {
    const words = (DATA.roleWords[cls] || {})[role];
    return words || { zh: DATA.roles[role] || role, en: role };
  }
  function roleLabel(role, cls) { const w = roleWords(role, cls); return w.zh + " " + w.en; }

  function edgeItem(e) {
    const role = e.role;
    const item = Object.assign({}, e, { arrows: e.arrows ? { to: { enabled: true, scaleFactor: 0.6 } } : undefined });
    const fact = byId.get(e.from).kind === "actor" ? byId.get(e.to) : byId.get(e.from);
    if (e.arrows && role !== "during" && role !== "speaker") item.label = roleWords(role, fact.cls).zh;
    return item;
  }

  function nodeItem(n) {
    const copy = Object.assign({}, n);
    copy.color = { background: n.color, border: "#333333", highlight: { background: n.color, border: "#000000" } };
    return copy;
  }

  // A large page draws groups of nodes as one node (templates/fold.js), so its edges are drawn from allEdges.
  const folds = jishiFolds(DATA.folds, DATA.events.nodes);
  const colourOf = function (cls) { return (DATA.legend.find(function (l) { return l.cls === cls; }) || {}).color; };
  const nodes = new vis.DataSet(DATA.events.nodes.concat(folds.items(colourOf)).map(nodeItem));
  const allEdges = DATA.events.edges.map(edgeItem);
  const edges = new vis.DataSet();
  const actorNodes = new vis.DataSet(DATA.actors.nodes.map(nodeItem));
  const actorEdges = new vis.DataSet(DATA.actors.edges);

  // ---- state, and the URL that holds it -----------------------------------------------------
  const allTypes = DATA.types.map(function (t) { return t.cls; });
  const allActorClasses = DATA.actorClasses.map(function (t) { return t.cls; });
  const state = {
    view: "events", types: new Set(allTypes), actorClasses: new Set(allActorClasses),
    from: "", to: "", undated: true, orphans: false, query: "", focus: "", steps: 1, pair: "",
    selected: "", sort: "date", bin: "day",
  };

  function readHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    const list = function (key, all) { return p.has(key) ? new Set(p.get(key).split(",").filter(function (c) { return all.indexOf(c) >= 0; })) : new Set(all); };
    state.view = p.get("view") === "actors" ? "actors" : "events";
    state.types = list("types", allTypes);
    state.actorClasses = list("actors", allActorClasses);
    state.from = p.get("from") || "";
    state.to = p.get("to") || "";
    state.undated = p.get("undated") !== "0";
    state.orphans = p.get("orphans") === "1";
    state.query = p.get("q") || "";
    state.pair = actorEdges.get(p.get("pair")) ? p.get("pair") : "";
    state.focus = byId.has(p.get("focus")) ? p.get("focus") : "";
    state.steps = p.get("steps") === "2" ? 2 : 1;
    state.selected = byId.has(p.get("sel")) ? p.get("sel") : "";
    state.sort = ["date", "type", "actor"].indexOf(p.get("sort")) >= 0 ? p.get("sort") : "date";
    state.bin = p.get("bin") === "week" ? "week" : "day";
  }

  function writeHash() {
    const p = new URLSearchParams();
    if (state.view !== "events") p.set("view", state.view);
    if (state.types.size !== allTypes.length) p.set("types", allTypes.filter(function (c) { return state.types.has(c); }).join(","));
    if (state.actorClasses.size !== allActorClasses.length) p.set("actors", allActorClasses.filter(function (c) { return state.actorClasses.has(c); }).join(","));
    if (state.from) p.set("from", state.from);
    if (state.to) p.set("to", state.to);
    if (!state.undated) p.set("undated", "0");
    if (state.orphans) p.set("orphans", "1");
    if (state.query) p.set("q", state.query);
    if (state.pair) p.set("pair", state.pair);
    if (state.focus) { p.set("focus", state.focus); p.set("steps", String(state.steps)); }
    if (state.selected) p.set("sel", state.selected);
    if (state.sort !== "date") p.set("sort", state.sort);
    if (state.bin !== "day") p.set("bin", state.bin);
    history.replaceState(null, "", "#" + p.toString());
  }

  // ---- what is shown -----------------------------------------------------------------------
  function inRange(n) {
    if (!n.date) return state.undated;
    return (!state.from || n.date >= state.from) && (!state.to || n.date <= state.to);
  }

  // A fact passes its type, one of its actors' classes (when that filter is narrowed), and the dates.
  function factPasses(n, ignoreDates) {
    if (!state.types.has(n.cls)) return false;
    if (state.actorClasses.size !== allActorClasses.length &&
        !actorsOf(n.id).some(function (l) { return state.actorClasses.has(byId.get(l.other).cls); })) return false;
    return ignoreDates || inRange(n);
  }

  function neighbourhood(start, steps, allowed) {
    let found = new Set([start]);
    let edge = [start];
    for (let i = 0; i < steps; i++) {
      const next = [];
      edge.forEach(function (id) {
        (links.get(id) || []).forEach(function (l) {
          if (!found.has(l.other) && allowed(l.other)) { found.add(l.other); next.push(l.other); }
        });
      });
      edge = next;
    }
    return found;
  }

  function recompute() {
    const facts = new Set();
    DATA.events.nodes.forEach(function (n) { if (isFact(n) && factPasses(n, false)) facts.add(n.id); });
    const visible = new Set(facts);
    DATA.events.nodes.forEach(function (n) {
      if (isFact(n) || !state.actorClasses.has(n.cls)) return;
      const linked = factsOf(n.id);
      if (linked.some(function (l) { return facts.has(l.other); }) || (state.orphans && linked.length === 0)) visible.add(n.id);
    });
    state.shown = state.focus ? neighbourhood(state.focus, state.steps, function (id) { return visible.has(id); }) : visible;
    state.drawn = folds.display(state.shown);
    state.facts = facts;
    const partnered = new Set();
    actorEdges.forEach(function (e) {
      if (e.events.some(function (id) { return facts.has(id); }) && state.shown.has(e.from) && state.shown.has(e.to)) {
        partnered.add(e.from); partnered.add(e.to);
      }
    });
    state.partnered = partnered;
  }

  // ---- the network ---------------------------------------------------------------------------
  readHash();
  recompute();
  const views = {
    events: {
      nodes: new vis.DataView(nodes, { filter: function (n) { return state.drawn.has(n.id); } }),
      edges: edges,
      physics: DATA.events.physics,
    },
    actors: {
      nodes: new vis.DataView(actorNodes, { filter: function (n) { return state.partnered.has(n.id); } }),
      edges: new vis.DataView(actorEdges, { filter: function (e) {
        return state.partnered.has(e.from) && state.partnered.has(e.to) && e.events.some(function (id) { return state.facts.has(id); });
      } }),
      physics: DATA.actors.physics,
    },
  };

  function physicsOptions(on) {
    return on ? { enabled: true, solver: "barnesHut", minVelocity: 1.5,
                  barnesHut: { gravitationalConstant: -3000, springLength: 90, avoidOverlap: 0.1 },
                  stabilization: { iterations: 250, updateInterval: 50, fit: true } }
              : { enabled: false };
  }

  const network = new vis.Network($("network"), { nodes: views[state.view].nodes, edges: views[state.view].edges }, {
    layout: { randomSeed: 7, improvedLayout: false },
    physics: physicsOptions(views[state.view].physics),
    interaction: { hover: true, keyboard: false, multiselect: false },
    nodes: { font: { face: "Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif" }, borderWidth: 1 },
    edges: { color: { color: "#bbbbbb", highlight: "#333333", hover: "#666666" }, smooth: false,
             font: { size: 9, color: "#555555", strokeWidth: 2, align: "middle" }, scaling: { min: 1, max: 8 } },
  });
  network.on("stabilizationIterationsDone", function () { network.setOptions({ physics: { enabled: false } }); });
  network.on("beforeDrawing", function (ctx) {      // a white ground, so the PNG export is not transparent
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
  });

  function openingView() {
    network.fit({ animation: false });
    if (network.getScale() < MIN_OPEN_SCALE) network.moveTo({ scale: MIN_OPEN_SCALE, animation: false });
  }

  network.on("click", function (params) {
    if (params.nodes.length && folds.isFold(params.nodes[0])) { folds.open(params.nodes[0]); update(); }
    else if (params.nodes.length) select(params.nodes[0], false);
    else if (state.view === "actors" && params.edges.length) showPair(params.edges[0]);
  });

  // An actor–actor edge clicked: the results list holds the events the two share.
  function showPair(id) {
    state.pair = id || "";
    update();
  }

  // The event view's edges between what is drawn: a folded node's edges go to its fold, counted.
  function drawEdges() {
    const now = folds.edges(allEdges, state.shown);
    const keep = new Set(now.map(function (e) { return e.id; }));
    edges.remove(edges.getIds().filter(function (id) { return !keep.has(id); }));
    edges.update(now);
  }

  // ---- filters panel -------------------------------------------------------------------------
  function swatch(cls) {
    const entry = DATA.legend.find(function (l) { return l.cls === cls; });
    const mark = el("span", null, "swatch " + (entry ? entry.shape : ""));
    mark.style.backgroundColor = entry ? entry.color : "#777777";
    mark.setAttribute("aria-hidden", "true");
    return mark;
  }

  function checkboxRow(box, t, key, withOnly) {
    const row = el("div", null, "type-row");
    const label = el("label");
    const input = el("input");
    input.type = "checkbox";
    input.value = t.cls;
    input.addEventListener("change", function () {
      if (input.checked) state[key].add(t.cls); else state[key].delete(t.cls);
      update();
    });
    label.appendChild(input);
    label.appendChild(swatch(t.cls));
    label.appendChild(document.createTextNode(t.label + " " + t.cls + " (" + t.count + ")"));
    row.appendChild(label);
    if (withOnly) {
      const only = el("button", "only");
      only.type = "button";
      only.setAttribute("aria-label", "Only " + t.cls + " 仅此类型");
      only.addEventListener("click", function () { state[key] = new Set([t.cls]); update(); });
      row.appendChild(only);
    }
    box.appendChild(row);
  }

  function syncControls() {
    document.querySelectorAll("#types input").forEach(function (b) { b.checked = state.types.has(b.value); });
    document.querySelectorAll("#actor-classes input").forEach(function (b) { b.checked = state.actorClasses.has(b.value); });
    $("date-from").value = state.from;
    $("date-to").value = state.to;
    $("undated").checked = state.undated;
    $("orphans").checked = state.orphans;
    $("search").value = state.query;
    $("sort").value = state.sort;
    $("bin").value = state.bin;
    $("focus-steps").value = String(state.steps);
    $("focus-box").hidden = !state.focus;
    $("focus-name").textContent = state.focus ? byId.get(state.focus).label : "";
    ["events", "actors"].forEach(function (v) {
      $("view-" + v).classList.toggle("active", state.view === v);
      $("view-" + v).setAttribute("aria-pressed", String(state.view === v));
    });
  }

  // ---- search and the results list -----------------------------------------------------------
  function matches(n, q) {
    return n.search.some(function (s) { return s.indexOf(q) >= 0; });
  }

  function partiesText(n) {
    return actorsOf(n.id).map(function (l) { return byId.get(l.other).label; }).sort().join("; ");
  }

  function results() {
    const q = state.query.trim().toLowerCase();
    const shared = state.pair ? new Set(actorEdges.get(state.pair).events) : null;  // a pair's events only
    const rows = [];
    DATA.events.nodes.forEach(function (n) {
      if (!state.shown.has(n.id) || (shared && !shared.has(n.id))) return;
      if (!q) { if (isFact(n)) rows.push(n); return; }
      if (matches(n, q) || (isFact(n) && actorsOf(n.id).some(function (l) { return matches(byId.get(l.other), q); }))) rows.push(n);
    });
    const key = {
      date: function (n) { return [n.date || "9999", n.cls, n.label]; },
      type: function (n) { return [n.kind, n.cls, n.date || "9999", n.label]; },
      actor: function (n) { return [isFact(n) ? partiesText(n) : n.label, n.date || "9999", n.label]; },
    }[state.sort];
    return rows.sort(function (a, b) {      // the actors a search finds first, then the facts in the chosen order
      const ka = [isFact(a)].concat(key(a)), kb = [isFact(b)].concat(key(b));
      for (let i = 0; i < ka.length; i++) { if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1; }
      return a.id < b.id ? -1 : 1;
    });
  }

  function drawResults() {
    const list = $("results");
    const rows = results();
    state.rows = rows;
    state.drawnRows = 0;
    state.searched = state.query;
    list.textContent = "";
    drawMoreRows();
    const undated = rows.filter(function (n) { return isFact(n) && !n.date; }).length;
    $("results-count").textContent = rows.length + " results" + (undated ? " (" + undated + " undated)" : "");
    const pair = state.pair ? actorEdges.get(state.pair) : null;
    $("pair").hidden = !pair;
    $("pair-name").textContent = pair ? byId.get(pair.from).label + " – " + byId.get(pair.to).label : "";
    $("search-result").textContent = state.query ? rows.length + " found" : "";
  }

  // The next ROWS_STEP rows of the list, and a "show more" row while some are left (the CSV holds them all).
  function drawMoreRows() {
    const list = $("results");
    const more = list.querySelector("li.more");
    if (more) more.remove();
    const rows = state.rows.slice(state.drawnRows, state.drawnRows + ROWS_STEP);
    state.drawnRows += rows.length;
    rows.forEach(function (n) {
      const li = el("li");
      li.setAttribute("role", "option");
      li.setAttribute("data-testid", "result-row");
      li.setAttribute("aria-selected", String(n.id === state.selected));
      li.dataset.id = n.id;
      li.tabIndex = -1;
      li.appendChild(el("span", isFact(n) ? n.date || "undated" : typeLabel.get(n.cls) || n.cls, "date"));
      li.appendChild(swatch(n.cls));
      li.appendChild(el("span", n.label, "label"));
      li.addEventListener("click", function () { select(n.id, true); });
      list.appendChild(li);
    });
    const left = state.rows.length - state.drawnRows;
    if (left > 0) {
      const li = el("li", null, "more");
      const button = el("button", "Show " + Math.min(left, ROWS_STEP) + " more of " + left + " 显示更多", "link");
      button.type = "button";
      button.setAttribute("data-testid", "results-more");
      button.addEventListener("click", drawMoreRows);
      li.appendChild(button);
      list.appendChild(li);
    }
  }

  // Scrolling near the end of the list draws the next rows.
  function moreOnScroll() {
    const list = $("results");
    if (state.drawnRows < state.rows.length && list.scrollTop + list.clientHeight >= list.scrollHeight - 40) drawMoreRows();
  }

  // A search changes only the list: the network, timeline and counts show the filters, not the search.
  function searchSoon() {
    clearTimeout(state.searchTimer);
    state.searchTimer = setTimeout(searchNow, SEARCH_WAIT);
  }

  function searchNow() {
    clearTimeout(state.searchTimer);
    state.query = $("search").value;
    if (state.searched === state.query) return;
    drawResults();
    writeHash();
  }

  function moveInList(step) {
    const items = Array.from(document.querySelectorAll("#results li[data-id]"));
    if (!items.length) return;
    const at = items.indexOf(document.activeElement);
    if (at + step >= items.length && state.drawnRows < state.rows.length) { drawMoreRows(); moveInList(step); return; }
    const next = items[Math.min(items.length - 1, Math.max(0, at + step))];
    next.focus();
  }

  function csvCell(value) {
    let text = String(value === null || value === undefined ? "" : value);
    if (DATA.formulaStarts.some(function (s) { return text.startsWith(s); })) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }

  function exportCsv() {
    searchNow();
    const lines = [["date", "class", "label", "parties", "evidence", "id"].map(csvCell).join(",")];
    state.rows.forEach(function (n) {
      lines.push([n.date || "", n.cls, n.label, isFact(n) ? partiesText(n) : "", detailOf(n).evidence.length, n.id].map(csvCell).join(","));
    });
    download("jishi-results.csv", URL.createObjectURL(new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" })));
  }

  function download(name, href) {
    const a = el("a");
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  // ---- the details panel ---------------------------------------------------------------------
  function nodeButton(id, text) {
    const b = el("button", text, "link");
    b.type = "button";
    b.addEventListener("click", function () { select(id, true); });
    return b;
  }

  function section(body, title) {
    body.appendChild(el("h3", title));
    const ul = el("ul");
    body.appendChild(ul);
    return ul;
  }

  function external(href, text) {
    if (!/^https?:\/\//.test(href)) return el("span", text);
    const a = el("a", text);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }

  function evidenceBlock(ev) {
    const box = el("blockquote", null, "evidence");
    box.setAttribute("data-testid", "evidence");
    const p = el("p");
    p.appendChild(document.createTextNode(ev.sentence.slice(0, ev.at[0])));
    p.appendChild(el("mark", ev.sentence.slice(ev.at[0], ev.at[1])));
    p.appendChild(document.createTextNode(ev.sentence.slice(ev.at[1])));
    box.appendChild(p);
    const doc = DATA.documents[ev.doc] || { id: ev.doc, title: "", date: "", source: "" };
    const cite = el("cite");
    cite.appendChild(el("span", [doc.title || doc.id, doc.date, doc.title ? doc.id : ""].filter(Boolean).join(" · ")));
    if (doc.source) { cite.appendChild(document.createTextNode(" · ")); cite.appendChild(external(doc.source, "source 原文")); }
    box.appendChild(cite);
    return box;
  }

  function byDate(a, b) {
    return (a.date || "9999").localeCompare(b.date || "9999") || a.label.localeCompare(b.label);
  }

  function eventBody(body, n) {
    body.appendChild(el("p", (n.date ? n.date + (n.approx ? " (approx. 约)" : "") : "undated 无日期")));
    const roles = actorsOf(n.id);
    const withRole = function (role) { return roles.filter(function (l) { return l.roles.indexOf(role) >= 0; }); };
    const providers = withRole("provider"), recipients = withRole("recipient"), requesters = withRole("requestedBy");
    const ul = section(body, "Participants 参与方");
    if (providers.length || recipients.length) {
      const li = el("li");
      providers.forEach(function (l) { li.appendChild(nodeButton(l.other, byId.get(l.other).label)); li.appendChild(document.createTextNode(" ")); });
      li.appendChild(document.createTextNode("(" + roleLabel("provider", n.cls) + ") → "));
      recipients.forEach(function (l) { li.appendChild(nodeButton(l.other, byId.get(l.other).label)); li.appendChild(document.createTextNode(" ")); });
      li.appendChild(document.createTextNode("(" + roleLabel("recipient", n.cls) + ")"));
      ul.appendChild(li);
    }
    roles.filter(function (l) { return l.roles.indexOf("provider") < 0 && l.roles.indexOf("recipient") < 0 && l.roles.indexOf("requestedBy") < 0; })
      .concat(requesters.filter(function (l) { return l.roles.indexOf("participant") >= 0; }))
      .forEach(function (l) {
        const li = el("li");
        li.appendChild(nodeButton(l.other, byId.get(l.other).label));
        li.appendChild(document.createTextNode(" " + byId.get(l.other).cls));
        ul.appendChild(li);
      });
    requesters.forEach(function (l) {
      const li = el("li");
      li.appendChild(document.createTextNode(roleLabel("requestedBy") + ": "));
      li.appendChild(nodeButton(l.other, byId.get(l.other).label));
      ul.appendChild(li);
    });
    const said = factsOf(n.id).map(function (l) { return byId.get(l.other); }).filter(function (m) { return m.kind === "statement"; });
    if (said.length) {
      const sl = section(body, "Statements 言论");
      said.sort(byDate).forEach(function (m) { const li = el("li"); li.appendChild(nodeButton(m.id, m.label)); sl.appendChild(li); });
    }
  }

  function statementBody(body, n) {
    body.appendChild(el("p", n.date || "undated 无日期"));
    actorsOf(n.id).forEach(function (l) {
      const p = el("p", roleLabel("speaker") + ": ");
      p.appendChild(nodeButton(l.other, byId.get(l.other).label));
      body.appendChild(p);
    });
    const d = detailOf(n);
    if (d.verb) body.appendChild(el("p", d.verb + "：", "verb"));
    if (d.text) body.appendChild(el("p", d.text, "words"));
    factsOf(n.id).forEach(function (l) {
      const p = el("p", roleLabel("during") + ": ");
      p.appendChild(nodeButton(l.other, byId.get(l.other).label));
      body.appendChild(p);
    });
  }

  function actorBody(body, n) {
    const d = detailOf(n);
    if (d.role) body.appendChild(el("p", "Role 职务: " + d.role));
    body.appendChild(el("p", "简/繁: " + d.scripts.join(" / ")));
    body.appendChild(el("p", "Names 名称: " + d.names.join("、")));
    if (d.affiliation) {
      const p = el("p", "Affiliation 隶属: ");
      p.appendChild(byId.has(d.affiliation) ? nodeButton(d.affiliation, byId.get(d.affiliation).label)
                                           : el("span", d.affiliationLabel || d.affiliation));
      body.appendChild(p);
    }
    (d.wikidata || []).forEach(function (href) {
      const p = el("p", "Wikidata: ");
      p.appendChild(external(href, href.split("/").pop()));
      body.appendChild(p);
    });
    const facts = factsOf(n.id).map(function (l) { return byId.get(l.other); }).sort(byDate);
    [["event", "Events 事件"], ["statement", "Statements 言论"]].forEach(function (kind) {
      const mine = facts.filter(function (m) { return m.kind === kind[0]; });
      if (!mine.length) return;
      const ul = section(body, kind[1] + " (" + mine.length + ")");
      mine.forEach(function (m) {
        const li = el("li", (m.date || "undated") + " ");
        li.appendChild(nodeButton(m.id, m.kind === "statement" && detailOf(m).text ? m.label + "：" + detailOf(m).text.slice(0, 80) : m.label));
        ul.appendChild(li);
      });
    });
  }

  function showDetails(id) {
    const panel = $("details");
    const body = $("details-body");
    body.textContent = "";
    if (!id) { panel.hidden = true; return; }
    const n = byId.get(id);
    body.appendChild(el("h2", n.label));
    body.appendChild(el("p", (typeLabel.get(n.cls) || n.cls) + " " + n.cls, "class"));
    ({ actor: actorBody, event: eventBody, statement: statementBody })[n.kind](body, n);
    const evidence = detailOf(n).evidence;
    if (evidence.length) {
      body.appendChild(el("h3", "Evidence 证据 (" + evidence.length + ")"));
      evidence.forEach(function (ev) { body.appendChild(evidenceBlock(ev)); });
    }
    panel.hidden = false;
  }

  function copyDetails() {
    const text = $("details-body").innerText;
    const fallback = function () {
      const range = document.createRange();
      range.selectNodeContents($("details-body"));
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      document.execCommand("copy");
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(fallback);
    else fallback();
    $("copy").textContent = "Copied 已复制";
    setTimeout(function () { $("copy").textContent = "Copy 复制"; }, 1500);
  }

  function select(id, move) {
    if (state.view === "events" && id && folds.shownAs(id) !== id) { folds.reveal(id); update(); }
    state.selected = id || "";
    showDetails(state.selected);
    if (state.selected && views[state.view].nodes.get(state.selected)) {
      network.selectNodes([state.selected]);
      if (move) network.focus(state.selected, { scale: Math.max(network.getScale(), 1.0), animation: false });
    } else {
      network.unselectAll();
    }
    document.querySelectorAll("#results li[data-id]").forEach(function (li) {
      li.setAttribute("aria-selected", String(li.dataset.id === state.selected));
      if (li.dataset.id === state.selected && !move) li.scrollIntoView({ block: "nearest" });
    });
    writeHash();
  }

  // ---- the timeline --------------------------------------------------------------------------
  const SVG = "http://www.w3.org/2000/svg";
  const DAY = 86400000;

  function binOf(date) {
    if (state.bin === "day") return date;
    const t = Date.parse(date + "T00:00:00Z");
    const monday = new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * DAY);
    return monday.toISOString().slice(0, 10);
  }

  function binEnd(start) {
    return state.bin === "day" ? start : new Date(Date.parse(start + "T00:00:00Z") + 6 * DAY).toISOString().slice(0, 10);
  }

  function timelineBins() {
    const counts = new Map();
    let undated = 0;
    DATA.events.nodes.forEach(function (n) {
      if (n.kind !== "event" || !factPasses(n, true)) return;
      if (!n.date) { undated += 1; return; }
      const b = binOf(n.date);
      counts.set(b, (counts.get(b) || 0) + 1);
    });
    const starts = Array.from(counts.keys()).sort();
    const bins = [];
    if (starts.length) {
      const step = state.bin === "day" ? DAY : 7 * DAY;
      for (let t = Date.parse(starts[0] + "T00:00:00Z"); t <= Date.parse(starts[starts.length - 1] + "T00:00:00Z"); t += step) {
        const key = new Date(t).toISOString().slice(0, 10);
        bins.push({ start: key, end: binEnd(key), count: counts.get(key) || 0 });
      }
    }
    return { bins: bins, undated: undated };
  }

  function svgEl(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function drawTimeline() {
    const chart = $("timeline-chart");
    const t = timelineBins();
    state.bins = t.bins;
    chart.textContent = "";
    $("undated-count").textContent = String(t.undated);
    const width = chart.clientWidth || 600, height = chart.clientHeight || 100;
    const max = Math.max(1, Math.max.apply(null, t.bins.map(function (b) { return b.count; }).concat([0])));
    const w = t.bins.length ? width / t.bins.length : width;
    state.binWidth = w;
    t.bins.forEach(function (b, i) {
      const h = Math.round((height - 14) * b.count / max);
      const bar = svgEl("rect", { x: (i * w).toFixed(1), y: height - 14 - h, width: Math.max(1, w - 1).toFixed(1), height: h,
                                  class: "bar" + ((state.from && b.end < state.from) || (state.to && b.start > state.to) ? " out" : "") });
      bar.dataset.start = b.start;
      bar.dataset.count = String(b.count);
      const tip = svgEl("title", {});
      tip.textContent = b.start + (b.end !== b.start ? " – " + b.end : "") + ": " + b.count;
      bar.appendChild(tip);
      chart.appendChild(bar);
    });
    const every = Math.max(1, Math.ceil(t.bins.length / 8));
    t.bins.forEach(function (b, i) {
      if (i % every) return;
      const label = svgEl("text", { x: (i * w).toFixed(1), y: height - 2 });
      label.textContent = b.start;
      chart.appendChild(label);
    });
    const note = (state.from || state.to ? (state.from || "…") + " – " + (state.to || "…") : "all dates 全部日期") +
      " · undated 无日期: " + t.undated + (state.undated ? " kept 保留" : " hidden 隐藏");
    $("range-note").textContent = note;
  }

  function binAt(x) {
    const i = Math.floor(x / state.binWidth);
    return state.bins[Math.min(state.bins.length - 1, Math.max(0, i))];
  }

  function brush() {
    const chart = $("timeline-chart");
    let start = null, rect = null;
    const x = function (e) { return e.clientX - chart.getBoundingClientRect().left; };
    chart.addEventListener("pointerdown", function (e) {
      if (!state.bins.length) return;
      start = x(e);
      rect = svgEl("rect", { class: "brush", x: start, y: 0, width: 1, height: chart.clientHeight });
      chart.appendChild(rect);
      chart.setPointerCapture(e.pointerId);
    });
    chart.addEventListener("pointermove", function (e) {
      if (start === null) return;
      const now = x(e);
      rect.setAttribute("x", Math.min(start, now));
      rect.setAttribute("width", Math.max(1, Math.abs(now - start)));
    });
    chart.addEventListener("pointerup", function (e) {
      if (start === null) return;
      const a = binAt(Math.min(start, x(e))), b = binAt(Math.max(start, x(e)));
      start = null;
      state.from = a.start;
      state.to = b.end;
      update();
    });
  }

  // ---- putting it together -------------------------------------------------------------------
  function update(options) {
    setBusy("Updating 更新中…");
    recompute();
    const view = views[state.view];
    drawEdges();
    view.nodes.refresh();
    if (view.edges.refresh) view.edges.refresh();
    syncControls();
    drawResults();
    drawTimeline();
    if (state.selected && !byId.has(state.selected)) state.selected = "";
    showDetails(state.selected);
    $("count").textContent = view.nodes.length + " of " + (state.view === "events" ? DATA.events.nodes.length : actorNodes.length) + " nodes shown";
    writeHash();
    if (options && options.fit) openingView();
    requestAnimationFrame(function () { setBusy(""); });
  }

  function setView(name) {
    state.view = name;
    const view = views[name];
    network.setOptions({ physics: physicsOptions(view.physics) });
    network.setData({ nodes: view.nodes, edges: view.edges });
    update({ fit: true });
  }

  function focusOn(id, steps) {
    state.focus = id || "";
    state.steps = steps || state.steps;
    update({ fit: true });
  }

  function buildFoldNote() {
    if (!DATA.foldNote) return;
    $("fold-note").hidden = false;
    $("fold-note").insertBefore(el("span", DATA.foldNote), $("fold-again"));
    $("fold-again").addEventListener("click", function () { folds.closeAll(); update(); });
  }

  function buildPanel() {
    buildFoldNote();
    document.getElementById("title").textContent = DATA.title;
    DATA.types.forEach(function (t) { checkboxRow($("types"), t, "types", true); });
    DATA.actorClasses.forEach(function (t) { checkboxRow($("actor-classes"), t, "actorClasses", true); });
    $("types-all").addEventListener("click", function () { state.types = new Set(allTypes); update(); });
    $("types-none").addEventListener("click", function () { state.types = new Set(); update(); });
    ["from", "to"].forEach(function (end) {
      const input = $("date-" + end);
      if (DATA.dates[0]) { input.min = DATA.dates[0]; input.max = DATA.dates[1]; }
      input.addEventListener("change", function () { state[end] = input.value; update(); });
    });
    $("undated").addEventListener("change", function (e) { state.undated = e.target.checked; update(); });
    $("orphans").addEventListener("change", function (e) { state.orphans = e.target.checked; update(); });
    $("range-clear").addEventListener("click", function () { state.from = ""; state.to = ""; update(); });
    $("bin").addEventListener("change", function (e) { state.bin = e.target.value; update(); });
    $("sort").addEventListener("change", function (e) { state.sort = e.target.value; drawResults(); writeHash(); });
    $("search").addEventListener("input", searchSoon);
    $("search").addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === "ArrowDown") { e.preventDefault(); searchNow(); moveInList(0); }
    });
    $("results").addEventListener("scroll", moreOnScroll);
    $("results").addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); moveInList(1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); moveInList(-1); }
      else if ((e.key === "Enter" || e.key === " ") && document.activeElement.dataset.id) {
        e.preventDefault();
        select(document.activeElement.dataset.id, true);
      }
    });
    $("results").addEventListener("focus", function (e) { if (e.target.id === "results") moveInList(0); });
    $("view-events").addEventListener("click", function () { setView("events"); });
    $("view-actors").addEventListener("click", function () { setView("actors"); });
    $("focus-1").addEventListener("click", function () { if (state.selected) focusOn(state.selected, state.steps); });
    $("focus-steps").addEventListener("change", function (e) { focusOn(state.focus, Number(e.target.value)); });
    $("focus-clear").addEventListener("click", function () { focusOn("", state.steps); });
    $("copy").addEventListener("click", copyDetails);
    $("close").addEventListener("click", function () { select("", false); $("search").focus(); });
    $("details").addEventListener("keydown", function (e) { if (e.key === "Escape") { select("", false); $("results").focus(); } });
    $("export-csv").addEventListener("click", exportCsv);
    $("pair-clear").addEventListener("click", function () { showPair(""); });
    $("export-png").addEventListener("click", function () {
      download("jishi-view.png", document.querySelector("#network canvas").toDataURL("image/png"));
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "/" && !/INPUT|SELECT|TEXTAREA/.test(document.activeElement.tagName)) { e.preventDefault(); $("search").focus(); }
    });
    brush();
  }

  buildPanel();
  if (state.view !== "events") setView(state.view);
  update();
  openingView();
  if (state.selected) select(state.selected, true);
  network.once("afterDrawing", function () { setBusy(""); });

  // A small handle for the browser console and for tests.
  window.jishi = {
    network: network, nodes: nodes, edges: edges, actorNodes: actorNodes, actorEdges: actorEdges, state: state,
    setView: setView, select: select, focus: focusOn, folds: folds,
    openFold: function (id) { folds.open(id); update(); },
    pair: showPair,
    search: function (q) { $("search").value = q; searchNow(); return state.rows.map(function (n) { return n.id; }); },
    visibleNodeIds: function () { return views[state.view].nodes.getIds(); },
    resultIds: function () { return state.rows.map(function (n) { return n.id; }); },
    setTypes: function (list) { state.types = new Set(list); update(); },
    setDates: function (from, to) { state.from = from || ""; state.to = to || ""; update(); },
  };
})();
