// Folds of a large page (graph/fold.py decides them): groups of nodes drawn as
// one node until opened. Folds nest; a node is drawn as its outermost closed
// fold, and edges follow, merged into one edge per pair with a count.
"use strict";
function jishiFolds(list, nodes) {
  const parent = new Map();
  const byId = new Map();
  const opened = new Set();
  list.forEach(function (f) {
    byId.set(f.id, f);
    f.members.forEach(function (m) { parent.set(m, f.id); });
  });
  const placed = new Map();
  nodes.forEach(function (n) { if (n.x !== undefined) placed.set(n.id, [n.x, n.y]); });

  // A fold sits at the centre of what it holds, where the layout put its members.
  function centre(f) {
    if (placed.has(f.id)) return placed.get(f.id);
    let x = 0, y = 0, k = 0;
    f.members.forEach(function (m) {
      const p = byId.has(m) ? centre(byId.get(m)) : placed.get(m);
      if (p) { x += p[0]; y += p[1]; k += 1; }
    });
    const at = k ? [x / k, y / k] : [0, 0];
    placed.set(f.id, at);
    return at;
  }

  function shownAs(id) {
    let shown = id;
    for (let p = parent.get(id); p !== undefined; p = parent.get(p)) if (!opened.has(p)) shown = p;
    return shown;
  }

  function display(visible) {
    const out = new Set();
    visible.forEach(function (id) { out.add(shownAs(id)); });
    return out;
  }

  function edges(all, visible) {
    const out = new Map();
    all.forEach(function (e) {
      if (!visible.has(e.from) || !visible.has(e.to)) return;
      const a = shownAs(e.from), b = shownAs(e.to);
      if (a === b) return;
      if (a === e.from && b === e.to) { out.set(e.id, e); return; }
      const key = "fold " + (a < b ? a + " " + b : b + " " + a);
      const seen = out.get(key);
      if (seen) seen.value += 1;
      else out.set(key, { id: key, from: a, to: b, value: 1, dashes: true, roles: [] });
    });
    return Array.from(out.values());
  }

  function items(colourOf) {
    return list.map(function (f) {
      const at = centre(f);
      return { id: f.id, kind: "fold", cls: f.cls, date: null, label: f.label, x: at[0], y: at[1],
               shape: "dot", size: Math.min(60, 10 + 3 * Math.sqrt(f.count)), color: colourOf(f.cls),
               borderWidth: 3, shapeProperties: { borderDashes: [5, 4] }, search: [], title: f.count + " nodes: click to open" };
    });
  }

  // Open every fold that hides ``id``, so it is drawn itself.
  function reveal(id) {
    for (let p = parent.get(id); p !== undefined; p = parent.get(p)) opened.add(p);
  }

  return {
    count: list.length, isFold: function (id) { return byId.has(id); }, shownAs: shownAs, display: display,
    edges: edges, items: items, reveal: reveal,
    open: function (id) { opened.add(id); }, closeAll: function () { opened.clear(); },
    openIds: function () { return Array.from(opened).sort(); },
  };
}
