  // ---- a shareable address: #node=python, #route=data-scientist,machine-learning-architect ----
  // The fragment names nodes by the last part of their IRI (or by label); opening the page with
  // it restores the view, and every choice on the page writes it back.
  function keyOf(i) {
    const id = NODES[i].id;
    return id.slice(Math.max(id.lastIndexOf("/"), id.lastIndexOf("#")) + 1) || id;
  }
  const byKey = new Map();
  drawn.forEach(i => { const key = keyOf(i).toLowerCase(); if (!byKey.has(key)) byKey.set(key, i); });

  function nodeNamed(text) {
    let name = text;
    try { name = decodeURIComponent(text); } catch (e) { /* keep it as typed */ }
    const key = name.trim().toLowerCase();
    return byKey.has(key) ? byKey.get(key) : findNode(key.replace(/[-_]+/g, " "));
  }

  function addressOf() {
    if (state.kind === "route" && routeState) {
      const r = routeState.routes[routeState.active];
      return "route=" + [r.nodes[0], r.nodes[r.nodes.length - 1]].map(i => encodeURIComponent(keyOf(i))).join(",");
    }
    if (state.kind === "neighbours") return "node=" + encodeURIComponent(keyOf(state.node));
    return "";
  }

  // write the current view into the address bar, without adding to the history
  function changed() {
    if (starting) return;
    const want = addressOf();
    if (location.hash.replace(/^#/, "") === want) return;
    const url = want ? "#" + want : location.pathname + location.search;
    try { history.replaceState(null, "", url); } catch (e) { location.hash = want; }
  }

  // show what an address asks for; return whether it named something on this map
  function restore(hash) {
    const params = new URLSearchParams(hash.replace(/^#/, ""));
    if (params.has("route")) {
      const [from, to] = params.get("route").split(",").map(nodeNamed);
      if (from === null || to === null || from === undefined || to === undefined) return false;
      const own = DATA.routes.length && DATA.routes[0].nodes[0] === from && DATA.routes[0].nodes.slice(-1)[0] === to;
      const route = own ? null : findRoute(from, to);
      if (!own && !route) return false;
      $("route-from").value = String(from);
      $("route-to").value = String(to);
      if (own) showRoute(DATA.routes, DATA.title, 0, true);
      else showRoute([route], "Route from " + NODES[from].label + " to " + NODES[to].label);
      return true;
    }
    if (params.has("node")) {
      const i = nodeNamed(params.get("node"));
      if (i === null) return false;
      selectNode(i, true);
      return true;
    }
    return false;
  }

  window.addEventListener("hashchange", () => { if (location.hash.replace(/^#/, "") !== addressOf()) restore(location.hash); });
