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
    if (found !== null && narrow.matches) panel.focus();
  }
  $("search-go").addEventListener("click", search);
  $("search").addEventListener("keydown", event => { if (event.key === "Enter") search(); });
  $("search").addEventListener("change", search);

  // career moves out of each node, preferred relations first (built once, on first use)
  let careerMoves = null;
  function movesFrom(u) {
    if (!careerMoves) {
      careerMoves = new Map();
      drawnEdges.filter(i => REL[EDGES[i][2]].career)
        .sort((a, b) => CAREER_ORDER.indexOf(EDGES[a][2]) - CAREER_ORDER.indexOf(EDGES[b][2]) || a - b)
        .forEach(i => { const v = EDGES[i][0]; if (!careerMoves.has(v)) careerMoves.set(v, []); careerMoves.get(v).push(i); });
    }
    return careerMoves.get(u) || [];
  }

  // breadth-first over career moves from ``from``: how each reached node was reached
  function reach(from, to) {
    const via = new Map([[from, null]]), queue = [from];
    while (queue.length && !via.has(to)) {
      const u = queue.shift();
      movesFrom(u).forEach(ei => { const v = EDGES[ei][1]; if (!via.has(v)) { via.set(v, ei); queue.push(v); } });
    }
    return via;
  }

  function findRoute(from, to) {
    const via = reach(from, to);
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

  // The finder opens on a pair that has a route: the page's own route, else the longest of the
  // shortest routes from the roles with the most moves (a few searches, cheap on any map).
  function routePair() {
    if (DATA.routes.length) { const r = DATA.routes[0].nodes; return [r[0], r[r.length - 1]]; }
    const isEnd = new Set(ends);
    let best = null, longest = 0;
    ends.filter(i => NODES[i].type === "Role").sort((a, b) => movesFrom(b).length - movesFrom(a).length || a - b)
      .slice(0, 40).forEach(from => {
        const via = reach(from, -1), hops = new Map([[from, 0]]);
        via.forEach((ei, v) => { if (ei !== null) hops.set(v, hops.get(EDGES[ei][0]) + 1); });
        hops.forEach((h, v) => { if (isEnd.has(v) && h > longest) { longest = h; best = [from, v]; } });
      });
    return best || ends.slice(0, 2);
  }
  const pair = routePair();
  ["route-from", "route-to"].forEach((id, k) => {
    ends.forEach(i => {
      const option = el("option", null, NODES[i].label + (NODES[i].type === "Role" ? "" : " (" + NODES[i].type + ")"));
      option.value = String(i);
      $(id).appendChild(option);
    });
    if (pair[k] !== undefined) $(id).value = String(pair[k]);
    // Enter in either list shows the route, as the button does
    $(id).addEventListener("keydown", event => { if (event.key === "Enter") { event.preventDefault(); $("route-go").click(); } });
  });
  $("route-go").addEventListener("click", () => {
    const from = Number($("route-from").value), to = Number($("route-to").value);
    const route = findRoute(from, to);
    if (!route) {
      panel.replaceChildren(el("h2", null, "No route"),
        el("p", null, "No career route from " + NODES[from].label + " to " + NODES[to].label + " on this map."));
      revealPanel(false);
      return;
    }
    showRoute([route], "Route from " + NODES[from].label + " to " + NODES[to].label);
    revealPanel(false);
  });
  $("route-clear").addEventListener("click", () => { routeState = null; clearSelection(); });

  network.on("click", params => {
    if (params.nodes.length) selectNode(indexOf.get(params.nodes[0]), false);
    else if (!params.edges.length) clearSelection();
  });

