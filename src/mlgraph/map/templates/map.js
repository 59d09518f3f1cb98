/* mlgraph map: draws the embedded graph with vis-network and adds search, type filters, node
   cards and a route finder. Graph text only ever reaches the screen through textContent, DOM
   nodes or canvas labels: never as markup. */
(function () {
  "use strict";
  const DATA = JSON.parse(document.getElementById("mlgraph-data").textContent);
  const NODES = DATA.nodes, EDGES = DATA.edges, REL = DATA.relations, SOURCES = DATA.sources;
  const TYPES = new Map(DATA.types.map(t => [t.name, t]));
  const CAREER_ORDER = ["progressesTo", "leadsTo", "canMoveTo"];
  const EMPH_BORDER = 4;
  const drawn = NODES.map((n, i) => i).filter(i => NODES[i].shown);
  const indexOf = new Map(NODES.map((n, i) => [n.id, i]));
  const drawnEdges = EDGES.map((e, i) => i).filter(i => NODES[EDGES[i][0]].shown && NODES[EDGES[i][1]].shown);
  const incident = NODES.map(() => []);
  EDGES.forEach((e, i) => { incident[e[0]].push(i); if (e[1] !== e[0]) incident[e[1]].push(i); });
  const edgeOf = new Map(EDGES.map((e, i) => [e[0] + "|" + e[1] + "|" + e[2], i]));
  const big = drawn.length > 800;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function add(parent, ...children) { children.forEach(c => c && parent.appendChild(c)); return parent; }
  function $(id) { return document.getElementById(id); }
  function fade(hex, alpha) {
    const v = parseInt(hex.slice(1), 16);
    return "rgba(" + (v >> 16 & 255) + "," + (v >> 8 & 255) + "," + (v & 255) + "," + alpha + ")";
  }
  function normalize(text) {
    return String(text).toLowerCase().replace(/[^\p{L}\p{N}+#]+/gu, " ").trim();
  }

  // ---- drawing -------------------------------------------------------------------------
  // Roles and education paths carry the story: big enough to read when the whole map fits the
  // screen; other labels appear as you zoom in (vis skips labels under 5 screen pixels).
  const SIZE = {Role: 22, EducationPath: 17, Industry: 13, Organization: 12};
  const FONT = {Role: 36, EducationPath: 18, Industry: 17};

  function tooltip(n) {
    const tip = el("div", "tip");
    add(tip, el("strong", null, n.label), el("span", null, n.type + (n.level ? " · " + n.level : "")));
    return tip;
  }

  // With a --have profile, skills and tools wear a ring: solid green if had, dashed red if not.
  const PROFILE = {have: {colour: "#15803d", label: "you have", dashes: false},
                   missing: {colour: "#dc2626", label: "to learn", dashes: [4, 3]}};
  const PROFILE_BORDER = 3;

  function nodeStyle(i, mode, hidden) {
    const n = NODES[i], t = TYPES.get(n.type) || {colour: "#6b7280", shape: "dot"};
    const colour = mode === "dim" ? fade(t.colour, 0.18) : t.colour;
    const size = (SIZE[n.type] || 9) + (mode === "emph" ? 6 : 0);
    const ring = n.profile && mode !== "dim" ? PROFILE[n.profile] : null;
    const border = mode === "emph" ? "#111827" : ring ? ring.colour : (mode === "dim" ? "rgba(0,0,0,0.08)" : fade("#000000", 0.35));
    return {
      id: n.id, hidden: hidden, size: size + (ring ? 2 : 0), shape: t.shape, widthConstraint: {maximum: n.type === "Role" ? 250 : 170},
      borderWidth: mode === "emph" ? EMPH_BORDER : ring ? PROFILE_BORDER : 1,
      shapeProperties: {borderDashes: ring ? ring.dashes : false},
      color: {background: colour, border: border, highlight: {background: t.colour, border: "#111827"}},
      font: {size: mode === "emph" ? Math.max((FONT[n.type] || 13) + 4, 24) : (FONT[n.type] || 13), color: mode === "dim" ? "#cbd5e1" : "#111827",
             strokeWidth: mode === "dim" ? 0 : 4, strokeColor: "#ffffff"},
    };
  }

  function edgeStyle(i, mode, step, hidden) {
    const e = EDGES[i], r = REL[e[2]];
    const style = {id: "e" + i, hidden: hidden, width: r.width, dashes: r.dashed, label: "",
                   color: {color: r.colour, highlight: r.colour, opacity: 1},
                   arrows: {to: {enabled: true, scaleFactor: r.career ? 0.7 : 0.35}},
                   font: {size: 0, strokeWidth: 0, background: "rgba(0,0,0,0)"}};
    if (mode === "dim") style.color = {color: "rgba(148,163,184,0.14)", highlight: r.colour, opacity: 1};
    if (mode === "emph") {
      Object.assign(style, {width: 5, dashes: false, label: String(step),
        color: {color: "#dc2626", highlight: "#dc2626", opacity: 1},
        font: {size: 30, color: "#b91c1c", background: "#ffffff", strokeWidth: 0, align: "horizontal"}});
    }
    return style;
  }

  const nodes = new vis.DataSet(drawn.map(i => Object.assign(nodeStyle(i, "normal", false),
    {label: NODES[i].label, x: NODES[i].x, y: NODES[i].y, title: tooltip(NODES[i])})));
  const edges = new vis.DataSet(drawnEdges.map(i => Object.assign(edgeStyle(i, "normal", 0, false),
    {from: NODES[EDGES[i][0]].id, to: NODES[EDGES[i][1]].id})));
  const network = new vis.Network($("map"), {nodes: nodes, edges: edges}, {
    physics: false,
    layout: {improvedLayout: false},
    interaction: {tooltipDelay: 250, hideEdgesOnDrag: big, hideEdgesOnZoom: big, keyboard: false},
    nodes: {font: {face: "system-ui, 'DejaVu Sans', sans-serif"},
            scaling: {label: {drawThreshold: 8, maxVisible: 40}}},
    // curves keep a move and its reverse apart; straight lines draw faster on big maps
    edges: {smooth: drawnEdges.length > 600 ? false : {type: "curvedCW", roundness: 0.12}, selectionWidth: 1.5},
  });

  // ---- highlight state: a route, or a selected node and its neighbours -------------------
  const hiddenTypes = new Set();
  let routeState = null;          // {routes, active, title}
  let state = {kind: "none"};
  const painted = {nodes: new Map(drawn.map(i => [i, "normalfalse"])),
                   edges: new Map(drawnEdges.map(i => [i, "normalfalse"]))};

  function paint() {
    const nodeMode = new Map(), edgeMode = new Map();
    if (state.kind === "route") {
      const route = routeState.routes[routeState.active];
      route.nodes.forEach(i => nodeMode.set(i, "emph"));
      route.steps.forEach((s, k) => {
        edgeMode.set(edgeOf.get(s.from + "|" + s.to + "|" + s.relation), k + 1);
        // what the step asks for stays readable, with the links that say so
        [].concat(s.new_skills || [], s.good_to_have || [], s.new_tools || []).forEach(j => {
          if (!nodeMode.has(j)) nodeMode.set(j, "normal");
          incident[j].forEach(ei => { if (EDGES[ei][0] === s.to && !edgeMode.has(ei)) edgeMode.set(ei, "normal"); });
        });
      });
      // what the person already has (a --have profile) stays readable too
      drawn.forEach(i => { if (NODES[i].profile === "have" && !nodeMode.has(i)) nodeMode.set(i, "normal"); });
      // the other routes stay visible, only less prominent than the one being read
      routeState.routes.forEach(r => {
        r.nodes.forEach(i => { if (!nodeMode.has(i)) nodeMode.set(i, "normal"); });
        r.steps.forEach(s => {
          const ei = edgeOf.get(s.from + "|" + s.to + "|" + s.relation);
          if (!edgeMode.has(ei)) edgeMode.set(ei, "normal");
        });
      });
    } else if (state.kind === "focus") {
      nodeMode.set(state.node, "emph");
    } else if (state.kind === "neighbours") {
      nodeMode.set(state.node, "emph");
      incident[state.node].forEach(ei => {
        edgeMode.set(ei, "normal");
        [EDGES[ei][0], EDGES[ei][1]].forEach(j => { if (!nodeMode.has(j)) nodeMode.set(j, "normal"); });
      });
    }
    const dimRest = state.kind === "route" || state.kind === "neighbours";
    const isHidden = i => hiddenTypes.has(NODES[i].type);
    // restyle only what changed: on a big map, restyling every node makes clicks feel slow
    const nodeChanges = [], edgeChanges = [];
    drawn.forEach(i => {
      const mode = nodeMode.get(i) || (dimRest ? "dim" : "normal"), hidden = isHidden(i);
      if (painted.nodes.get(i) !== mode + hidden) nodeChanges.push(nodeStyle(i, mode, hidden));
      painted.nodes.set(i, mode + hidden);
    });
    drawnEdges.forEach(i => {
      const m = edgeMode.get(i), hidden = isHidden(EDGES[i][0]) || isHidden(EDGES[i][1]);
      const mode = typeof m === "number" ? "emph" : (m || (dimRest ? "dim" : "normal"));
      const key = mode + (typeof m === "number" ? m : "") + hidden;
      if (painted.edges.get(i) !== key) edgeChanges.push(edgeStyle(i, mode, typeof m === "number" ? m : 0, hidden));
      painted.edges.set(i, key);
    });
    nodes.update(nodeChanges);
    edges.update(edgeChanges);
  }

  function selectNode(i, focus, keepColours) {
    if (hiddenTypes.has(NODES[i].type)) setTypeShown(NODES[i].type, true);
    network.selectNodes([NODES[i].id]);
    state = {kind: keepColours ? "focus" : "neighbours", node: i};
    paint();
    showCard(i);
    if (focus) network.focus(NODES[i].id, {scale: Math.max(network.getScale(), 0.9), animation: false});
  }

  function clearSelection() {
    network.unselectAll();
    state = routeState ? {kind: "route"} : {kind: "none"};
    paint();
    routeState ? showRoutes() : showIntro();
  }

  // fit the map (or some nodes) to the window, but never enlarge a small map past life size
  function fit(ids) {
    network.fit(ids ? {nodes: ids, animation: false} : {animation: false});
    if (network.getScale() > 1) network.moveTo({scale: 1, animation: false});
  }

  function showRoute(routes, title, active, fitAll) {
    routeState = {routes: routes, active: active || 0, title: title};
    network.unselectAll();
    state = {kind: "route"};
    paint();
    showRoutes();
    fit(fitAll ? null : routes[routeState.active].nodes.map(i => NODES[i].id));
  }

  // ---- the side panel ---------------------------------------------------------------------
  const panel = $("panel");

  function citations() {
    const numbers = new Map();
    return {
      cite(list) {
        if (!list || !list.length) return el("span", "cite", " [unsourced]");
        const nums = list.map(s => { if (!numbers.has(s)) numbers.set(s, numbers.size + 1); return numbers.get(s); });
        return el("span", "cite", " [" + nums.sort((a, b) => a - b).join(",") + "]");
      },
      render() {
        if (!numbers.size) return null;
        const box = el("div");
        const list = el("ol");
        numbers.forEach((num, s) => add(list, sourceItem(SOURCES[s])));
        return add(box, el("h2", null, "Sources"), list);
      },
    };
  }

  function sourceItem(src) {
    const item = el("li");
    const extra = [src.publisher, src.date].filter(Boolean).join(", ");
    add(item, el("span", null, src.title || src.label), extra ? el("span", "meta", " — " + extra) : null,
        src.file ? el("span", "meta", " (" + src.file + ")") : null, el("div", "iri", src.id));
    return item;
  }

  function nodeRef(i) {
    const n = NODES[i];
    if (!n.shown) return el("span", "off", n.label + " (not on this map)");
    const link = el("span", "link", n.label);  // a span wraps like text, unlike a button
    link.setAttribute("role", "button");
    link.tabIndex = 0;
    link.addEventListener("click", () => selectNode(i, true));
    link.addEventListener("keydown", event => { if (event.key === "Enter") selectNode(i, true); });
    return link;
  }

  function showIntro() {
    panel.replaceChildren();
    add(panel, el("h2", null, "About this map"),
        el("p", null, drawn.length + " nodes and " + drawnEdges.length + " relations. Click a node to see its card: " +
           "type, description, relations and the articles that support them."),
        el("p", "hint", "Drag to move, scroll to zoom. Use the search box, the type filters and the route finder on the left."));
  }

  function showRoutes() {
    const {routes, active, title} = routeState;
    const notes = citations();
    panel.replaceChildren(el("h2", null, title));
    if (routes.length > 1) {
      const tabs = el("div", "tabs");
      routes.forEach((r, k) => {
        const b = el("button", null, "Route " + (k + 1) + " (" + r.steps.length + ")");
        b.type = "button";
        b.setAttribute("aria-pressed", String(k === active));
        b.addEventListener("click", () => showRoute(routes, title, k, routes === DATA.routes));
        tabs.appendChild(b);
      });
      panel.appendChild(tabs);
    }
    const route = routes[active];
    add(panel, el("p", null, route.nodes.map(i => NODES[i].label).join(" → ") +
                  " (" + route.steps.length + " step" + (route.steps.length === 1 ? "" : "s") + ")"));
    const list = el("ol", "steps");
    list.style.listStyle = "none";
    list.style.paddingLeft = "0";
    route.steps.forEach((s, k) => {
      const item = add(el("li"), el("span", "step-num", k + 1), nodeRef(s.from), el("span", "rel", " " + s.label + " "),
                       nodeRef(s.to), notes.cite(s.sources));
      [["New skills", s.new_skills], ["Good to have", s.good_to_have], ["New tools", s.new_tools]].forEach(([name, items]) => {
        if (items && items.length) item.appendChild(el("div", "needs", name + ": " + items.map(j => NODES[j].label).join(", ")));
      });
      list.appendChild(item);
    });
    add(panel, list, notes.render());
  }

  function showCard(i) {
    const n = NODES[i], notes = citations();
    panel.replaceChildren();
    if (routeState) {
      const back = el("button", null, "← Back to the route");
      back.type = "button";
      back.addEventListener("click", clearSelection);
      panel.appendChild(back);
    }
    const facts = [(TYPES.get(n.type) || {label: n.type}).label, n.level && n.level + " level", n.kind,
                   n.profile && PROFILE[n.profile].label].filter(Boolean).join(" · ");
    add(panel, el("div", "card-title", n.label), el("div", "meta", facts), el("div", "iri", n.id));
    if (n.alt && n.alt.length) add(panel, el("p", "meta", "Also known as: " + n.alt.join(", ")));
    if (n.description) add(panel, el("p", null, n.description));
    if (n.salaries && n.salaries.length) {
      const list = el("ul");
      n.salaries.forEach(s => {
        const money = v => (s.currency + " " + Math.round(v).toLocaleString("en")).trim();
        const amount = s.amount !== null ? money(s.amount) : money(s.min) + " to " + money(s.max);
        add(list, add(el("li", null, [amount + " a " + s.period, s.region, s.date].filter(Boolean).join(" · ")),
                      notes.cite(s.sources)));
      });
      add(panel, el("h2", null, "Salaries"), list);
    }
    add(panel, relationList(i, notes), notes.render());
  }

  function relationList(i, notes) {
    const groups = new Map();
    incident[i].forEach(ei => {
      const [u, v, rel, srcs, evidence] = EDGES[ei];
      const out = u === i, r = REL[rel];
      const key = (r.career ? "0" : "1") + (out ? r.label : r.inverse);
      if (!groups.has(key)) groups.set(key, {title: out ? r.label : r.inverse, items: []});
      groups.get(key).items.push([out ? v : u, srcs, evidence]);
    });
    if (!groups.size) return el("p", "hint", "No relations.");
    const box = add(el("div"), el("h2", null, "Relations"));
    [...groups.keys()].sort().forEach(key => {
      const {title, items} = groups.get(key);
      const list = el("ul");
      items.sort((a, b) => NODES[a[0]].label.localeCompare(NODES[b[0]].label));
      items.forEach(([j, srcs, evidence]) => add(list, add(el("li"), nodeRef(j), notes.cite(srcs),
                                                         evidence ? el("span", "meta", " " + evidence) : "")));
      add(box, el("div", "rel", title + ":"), list);
    });
    return box;
  }

  // ---- controls: legend with type toggles, search, route finder ---------------------------
  function setTypeShown(type, shown) {
    shown ? hiddenTypes.delete(type) : hiddenTypes.add(type);
    const box = document.querySelector("input[data-type-index='" + DATA.types.findIndex(t => t.name === type) + "']");
    if (box) box.checked = shown;
    paint();
  }

  DATA.types.forEach((t, k) => {
    const box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.typeIndex = String(k);
    box.addEventListener("change", () => setTypeShown(t.name, box.checked));
    const swatch = el("span", "swatch " + t.shape);
    swatch.style.background = t.colour;
    const label = add(el("label"), box, swatch, el("span", null, t.label));
    add($("legend-types"), add(el("li"), label, el("span", "count", t.count)));
  });

  const relCount = new Map();
  drawnEdges.forEach(i => relCount.set(EDGES[i][2], (relCount.get(EDGES[i][2]) || 0) + 1));
  Object.keys(REL).filter(r => relCount.has(r))
    .sort((a, b) => (REL[b].career - REL[a].career) || a.localeCompare(b))
    .forEach(r => {
      const line = el("span", "line");
      line.style.borderTop = Math.max(REL[r].width, 1.5) + "px " + (REL[r].dashed ? "dashed " : "solid ") + REL[r].colour;
      add($("legend-relations"), add(el("li"), line, el("span", null, REL[r].label), el("span", "count", relCount.get(r))));
    });

  if (DATA.profile) {
    $("profile-section").hidden = false;
    ["have", "missing"].forEach(k => {
      const ring = el("span", "swatch ring");
      ring.style.border = "3px " + (PROFILE[k].dashes ? "dashed " : "solid ") + PROFILE[k].colour;
      add($("legend-profile"), add(el("li"), add(el("span"), ring, el("span", null, PROFILE[k].label)),
                                   el("span", "count", DATA.profile[k])));
    });
  }

  const names = $("names");
  drawn.slice().sort((a, b) => NODES[a].label.localeCompare(NODES[b].label)).forEach(i => {
    const option = el("option");
    option.value = NODES[i].label;
    names.appendChild(option);
  });

  function findNode(text) {
    const key = normalize(text);
    if (!key) return null;
    const rank = i => {
      const n = NODES[i], label = normalize(n.label), alts = (n.alt || []).map(normalize);
      if (label === key) return 0;
      if (alts.includes(key)) return 1;
      if (label.startsWith(key)) return 2;
      if (label.includes(key)) return 3;
      if (alts.some(a => a.includes(key))) return 4;
      return 9;
    };
    let best = null, bestRank = 9;
    drawn.forEach(i => {
      const r = rank(i);
      if (r < bestRank || (r === bestRank && r < 9 && NODES[i].label.length < NODES[best].label.length)) { best = i; bestRank = r; }
    });
    return best;
  }

  function search() {
    const text = $("search").value;
    const found = findNode(text);
    $("search-status").textContent = found === null && text.trim() ? "Nothing on this map is called “" + text.trim() + "”." : "";
    if (found !== null) selectNode(found, true);
  }
  $("search-go").addEventListener("click", search);
  $("search").addEventListener("keydown", event => { if (event.key === "Enter") search(); });
  $("search").addEventListener("change", search);

  function findRoute(from, to) {
    const next = new Map();
    drawnEdges.filter(i => REL[EDGES[i][2]].career)
      .sort((a, b) => CAREER_ORDER.indexOf(EDGES[a][2]) - CAREER_ORDER.indexOf(EDGES[b][2]) || a - b)
      .forEach(i => { const u = EDGES[i][0]; if (!next.has(u)) next.set(u, []); next.get(u).push(i); });
    const via = new Map([[from, null]]);
    const queue = [from];
    while (queue.length && !via.has(to)) {
      const u = queue.shift();
      (next.get(u) || []).forEach(ei => { const v = EDGES[ei][1]; if (!via.has(v)) { via.set(v, ei); queue.push(v); } });
    }
    if (!via.has(to) || from === to) return null;
    const steps = [];
    for (let v = to; via.get(v) !== null; v = EDGES[via.get(v)][0]) {
      const [u, w, rel, srcs] = EDGES[via.get(v)];
      steps.unshift({from: u, to: w, relation: rel, label: REL[rel].label, sources: srcs});
    }
    return {nodes: [from, ...steps.map(s => s.to)], steps: steps};
  }

  const ends = drawn.filter(i => NODES[i].type === "Role" || NODES[i].type === "EducationPath")
    .sort((a, b) => NODES[a].label.localeCompare(NODES[b].label));
  ["route-from", "route-to"].forEach((id, k) => {
    ends.forEach(i => {
      const option = el("option", null, NODES[i].label + (NODES[i].type === "Role" ? "" : " (" + NODES[i].type + ")"));
      option.value = String(i);
      $(id).appendChild(option);
    });
    const first = DATA.routes.length ? DATA.routes[0].nodes : null;
    if (first) $(id).value = String(k === 0 ? first[0] : first[first.length - 1]);
    else if (ends.length > 1 && k === 1) $(id).value = String(ends[1]);
  });
  $("route-go").addEventListener("click", () => {
    const from = Number($("route-from").value), to = Number($("route-to").value);
    const route = findRoute(from, to);
    if (!route) {
      panel.replaceChildren(el("h2", null, "No route"),
        el("p", null, "No career route from " + NODES[from].label + " to " + NODES[to].label + " on this map."));
      return;
    }
    showRoute([route], "Route from " + NODES[from].label + " to " + NODES[to].label);
  });
  $("route-clear").addEventListener("click", () => { routeState = null; clearSelection(); });

  network.on("click", params => {
    if (params.nodes.length) selectNode(indexOf.get(params.nodes[0]), false);
    else if (!params.edges.length) clearSelection();
  });

  // ---- first view ------------------------------------------------------------------------
  $("notes").textContent = DATA.notes.join(" ");
  window.mlgraphView = {
    data: DATA, network: network, nodes: nodes, edges: edges, ready: false, readyAt: null,
    expected: {nodes: drawn.length, edges: drawnEdges.length},
    drawnNodeCount: () => network.body.nodeIndices.length,
    drawnEdgeCount: () => network.body.edgeIndices.length,
    selected: () => network.getSelectedNodes()[0] || null,
    select: id => selectNode(indexOf.get(id), true),
    emphasised: () => nodes.get({filter: n => n.borderWidth === EMPH_BORDER}).map(n => n.id).sort(),
    ringed: kind => nodes.get({filter: n => n.borderWidth === PROFILE_BORDER && n.color.border === PROFILE[kind].colour})
      .map(n => n.id).sort(),
    findRoute: (from, to) => {
      const route = findRoute(indexOf.get(from), indexOf.get(to));
      return route && route.nodes.map(i => NODES[i].id);
    },
  };
  network.once("afterDrawing", () => {
    window.mlgraphView.ready = true;
    window.mlgraphView.readyAt = performance.now();
  });
  if (DATA.routes.length) {
    showRoute(DATA.routes, DATA.title, 0, true);
  } else if (DATA.focus !== null) {
    fit(null);
    selectNode(DATA.focus, false, true);  // a neighbourhood is all neighbours: dim nothing yet
  } else {
    fit(null);
    showIntro();
  }
})();
