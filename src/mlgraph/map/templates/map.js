/* mlgraph map: draws the embedded graph with vis-network and adds search, type filters, node
   cards and a route finder. Graph text only ever reaches the screen through textContent, DOM
   nodes or canvas labels: never as markup. */
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
  let starting = true;  // the first view is drawn before any of the reader's choices

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
    // NFKC first, as the command line does: "café" typed composed finds a label stored decomposed.
    return String(text).normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}\p{M}+#]+/gu, " ").trim();
  }

  // ---- drawing -------------------------------------------------------------------------
  // Shape and label sizes come with the data: the layout kept these labels apart. Roles and
  // education paths carry the story; other labels appear as you zoom in.
  const typeOf = n => TYPES.get(n.type) || {colour: "#6b7280", shape: "dot", size: 9, font: 13, wrap: 170};

  function tooltip(n) {
    const tip = el("div", "tip");
    add(tip, el("strong", null, n.label), el("span", null, n.type + (n.level ? " · " + n.level : "")));
    return tip;
  }

  // With a --have profile, skills and tools wear a ring: solid green if had, dashed red if not.
  const PROFILE = {have: {colour: "#15803d", label: "you have", dashes: false},
                   missing: {colour: "#dc2626", label: "to learn", dashes: [4, 3]}};
  const PROFILE_BORDER = 3;

  // "emph" marks a route's nodes and a selected node; "centre" the node a neighbourhood map is about.
  function nodeStyle(i, mode, hidden) {
    const n = NODES[i], t = typeOf(n);
    const colour = mode === "dim" ? fade(t.colour, 0.18) : t.colour;
    const strong = mode === "emph" || mode === "centre";
    const size = mode === "centre" ? Math.max(t.size * 2, DATA.centre.size) : t.size + (mode === "emph" ? 6 : 0);
    const font = mode === "centre" ? Math.max(t.font + 12, DATA.centre.font)
      : mode === "emph" ? Math.max(t.font + 4, 24) : mode === "need" ? Math.max(t.font, 16) : t.font;
    const ring = n.profile && mode !== "dim" ? PROFILE[n.profile] : null;
    const border = strong ? "#111827" : ring ? ring.colour : (mode === "dim" ? "rgba(0,0,0,0.08)" : fade("#000000", 0.35));
    return {
      id: n.id, hidden: hidden, size: size + (ring ? 2 : 0), shape: t.shape,
      widthConstraint: {maximum: mode === "need" ? 140 : t.wrap},
      borderWidth: strong ? EMPH_BORDER : ring ? PROFILE_BORDER : 1,
      shapeProperties: {borderDashes: ring ? ring.dashes : false},
      color: {background: colour, border: border, highlight: {background: t.colour, border: "#111827"}},
      font: {size: font, color: mode === "dim" ? "#cbd5e1" : "#111827", bold: {color: "#111827"},
             strokeWidth: mode === "dim" ? 0 : strong ? 6 : 4, strokeColor: "#ffffff"},
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
    interaction: {tooltipDelay: 250, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
                  keyboard: {enabled: true, bindToWindow: false}},
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
        (s.top || []).forEach(j => {
          if (!nodeMode.has(j)) nodeMode.set(j, "need");
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
      nodeMode.set(state.node, state.node === DATA.focus ? "centre" : "emph");
    } else if (state.kind === "neighbours") {
      nodeMode.set(state.node, state.node === DATA.focus ? "centre" : "emph");
      incident[state.node].forEach(ei => {
        edgeMode.set(ei, "normal");
        [EDGES[ei][0], EDGES[ei][1]].forEach(j => { if (!nodeMode.has(j)) nodeMode.set(j, "normal"); });
      });
    }
    if (state.kind === "none" && DATA.focus !== null) nodeMode.set(DATA.focus, "centre");
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
    revealPanel(false);
    changed();
  }

  function clearSelection() {
    network.unselectAll();
    state = routeState ? {kind: "route"} : {kind: "none"};
    paint();
    routeState ? showRoutes() : showIntro();
    changed();
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
    changed();
  }

