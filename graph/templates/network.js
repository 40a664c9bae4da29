// The jishi network page. Document text reaches the page only through
// textContent or the canvas: never innerHTML.
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("data").textContent);

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function tooltip(info) {
    const box = el("div", null, "tip");
    box.appendChild(el("strong", info.heading));
    info.lines.forEach(function (line) { box.appendChild(el("div", line)); });
    info.evidence.forEach(function (ev) {
      box.appendChild(el("blockquote", ev.quote));
      box.appendChild(el("cite", ev.source));
    });
    if (info.more) box.appendChild(el("div", info.more, "more"));
    return box;
  }

  function items(list) {
    return list.map(function (item) {
      const copy = Object.assign({}, item, { title: tooltip(item.info) });
      copy.color = { background: item.color, border: "#555555",
                     highlight: { background: item.color, border: "#000000" } };
      return copy;
    });
  }

  function edgeItems(list) {
    return list.map(function (item) {
      const copy = Object.assign({}, item);
      if (item.info) copy.title = tooltip(item.info);
      return copy;
    });
  }

  const nodes = new vis.DataSet(items(DATA.events.nodes));
  const edges = new vis.DataSet(edgeItems(DATA.events.edges));
  const actorNodes = new vis.DataSet(items(DATA.actors.nodes));
  const actorEdges = new vis.DataSet(edgeItems(DATA.actors.edges));

  // Which facts (events, statements) each actor is linked to, for the filters.
  const factsOf = new Map();
  DATA.events.edges.forEach(function (e) {
    [[e.from, e.to], [e.to, e.from]].forEach(function (pair) {
      if (!factsOf.has(pair[0])) factsOf.set(pair[0], []);
      factsOf.get(pair[0]).push(pair[1]);
    });
  });

  const state = {
    types: new Set(DATA.types.map(function (t) { return t.cls; })),
    from: "", to: "", view: "events", visible: new Set(),
  };

  // Once a date bound is set, undated facts are hidden: nothing says they fall inside it.
  function factPasses(n) {
    if (!state.types.has(n.cls)) return false;
    if ((state.from || state.to) && !n.date) return false;
    if (state.from && n.date < state.from) return false;
    if (state.to && n.date > state.to) return false;
    return true;
  }

  // In the event view an actor is shown when it is linked to a visible fact, or to no fact at all.
  function recompute() {
    const facts = new Set();
    nodes.forEach(function (n) { if (n.kind !== "actor" && factPasses(n)) facts.add(n.id); });
    const visible = new Set(facts);
    nodes.forEach(function (n) {
      if (n.kind !== "actor") return;
      const linked = (factsOf.get(n.id) || []).filter(function (id) { return nodes.get(id).kind !== "actor"; });
      if (linked.length === 0 || linked.some(function (id) { return facts.has(id); })) visible.add(n.id);
    });
    // The actor view shows the actors that share a visible event with another.
    const partnered = new Set();
    actorEdges.forEach(function (e) {
      if (e.events.some(function (id) { return facts.has(id); })) { partnered.add(e.from); partnered.add(e.to); }
    });
    state.facts = facts;
    state.visible = visible;
    state.partnered = partnered;
  }
  recompute();

  const views = {
    events: {
      nodes: new vis.DataView(nodes, { filter: function (n) { return state.visible.has(n.id); } }),
      edges: new vis.DataView(edges, { filter: function (e) { return state.visible.has(e.from) && state.visible.has(e.to); } }),
      physics: DATA.events.physics,
    },
    actors: {
      nodes: new vis.DataView(actorNodes, { filter: function (n) { return state.partnered.has(n.id); } }),
      edges: new vis.DataView(actorEdges, { filter: function (e) {
        return e.events.some(function (id) { return state.facts.has(id); });
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

  const container = document.getElementById("network");
  const network = new vis.Network(container, { nodes: views.events.nodes, edges: views.events.edges }, {
    layout: { randomSeed: 7, improvedLayout: DATA.events.nodes.length <= 150 },
    physics: physicsOptions(views.events.physics),
    interaction: { hover: true, tooltipDelay: 150 },
    nodes: { font: { size: 12, face: "Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif", multi: false } },
    edges: { color: { color: "#bbbbbb", highlight: "#444444", hover: "#666666" }, smooth: false,
             scaling: { min: 1, max: 8 } },
  });
  network.on("stabilizationIterationsDone", function () { network.setOptions({ physics: { enabled: false } }); });

  function refresh() {
    recompute();
    const view = views[state.view];
    view.nodes.refresh();
    view.edges.refresh();
    document.getElementById("count").textContent =
      view.nodes.length + " of " + (state.view === "events" ? nodes.length : actorNodes.length) + " nodes shown";
  }

  function setView(name) {
    state.view = name;
    const view = views[name];
    network.setOptions({ physics: physicsOptions(view.physics) });
    network.setData({ nodes: view.nodes, edges: view.edges });
    document.getElementById("view-events").classList.toggle("active", name === "events");
    document.getElementById("view-actors").classList.toggle("active", name === "actors");
    refresh();
  }

  function search(query) {
    const q = query.trim().toLowerCase();
    const out = document.getElementById("search-result");
    if (!q) { network.unselectAll(); out.textContent = ""; return []; }
    const found = views[state.view].nodes.get({
      filter: function (n) { return n.search.some(function (s) { return s.indexOf(q) >= 0; }); },
    });
    found.sort(function (a, b) { return (a.kind !== "actor") - (b.kind !== "actor") || (a.id < b.id ? -1 : 1); });
    const ids = found.map(function (n) { return n.id; });
    network.selectNodes(ids);
    if (ids.length) network.focus(ids[0], { scale: 1.2, animation: false });
    out.textContent = ids.length + " found";
    return ids;
  }

  function buildPanel() {
    document.getElementById("title").textContent = DATA.title;
    const legend = document.getElementById("legend");
    DATA.legend.forEach(function (entry) {
      const li = el("li");
      const swatch = el("span", null, "swatch " + entry.shape);
      swatch.style.backgroundColor = entry.color;
      li.appendChild(swatch);
      li.appendChild(el("span", entry.cls));
      legend.appendChild(li);
    });
    const types = document.getElementById("types");
    DATA.types.forEach(function (t) {
      const label = el("label");
      const box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = t.cls;
      box.addEventListener("change", function () {
        if (box.checked) state.types.add(t.cls); else state.types.delete(t.cls);
        refresh();
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + t.cls + " (" + t.count + ")"));
      types.appendChild(label);
    });
    ["from", "to"].forEach(function (end) {
      const input = document.getElementById("date-" + end);
      if (DATA.dates[0]) { input.min = DATA.dates[0]; input.max = DATA.dates[1]; }
      input.addEventListener("change", function () { state[end] = input.value; refresh(); });
    });
    document.getElementById("search").addEventListener("input", function (e) { search(e.target.value); });
    document.getElementById("view-events").addEventListener("click", function () { setView("events"); });
    document.getElementById("view-actors").addEventListener("click", function () { setView("actors"); });
  }

  buildPanel();
  refresh();

  // A small handle for the browser console and for tests.
  window.jishi = {
    network: network, nodes: nodes, edges: edges, actorNodes: actorNodes, actorEdges: actorEdges,
    search: search, setView: setView,
    visibleNodeIds: function () { return views[state.view].nodes.getIds(); },
    setTypes: function (list) {
      state.types = new Set(list);
      document.querySelectorAll("#types input").forEach(function (box) { box.checked = state.types.has(box.value); });
      refresh();
    },
    setDates: function (from, to) {
      state.from = from || ""; state.to = to || "";
      document.getElementById("date-from").value = state.from;
      document.getElementById("date-to").value = state.to;
      refresh();
    },
  };
})();
