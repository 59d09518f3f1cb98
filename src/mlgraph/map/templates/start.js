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
    picture: format => picture(format),
    // for pictures made from the command line: the map alone, fitted to the whole window
    pictureMode: () => {
      document.body.classList.add("picture");
      network.setSize("100%", "100%");
      network.redraw();
      // a picture may enlarge a small map: it is read on paper or a slide, not zoomed
      const ids = routeState ? drawn.filter(i => !hiddenTypes.has(NODES[i].type)).map(i => NODES[i].id) : null;
      network.fit(Object.assign({animation: false, maxZoomLevel: 2.5}, ids ? {nodes: ids} : {}));
    },
  };
  network.once("afterDrawing", () => {
    window.mlgraphView.ready = true;
    window.mlgraphView.readyAt = performance.now();
  });
  if (location.hash.length > 1 && restore(location.hash)) {
    // the address named a route or a node on this map
  } else if (DATA.routes.length) {
    showRoute(DATA.routes, DATA.title, 0, true);
  } else if (DATA.focus !== null) {
    fit(null);
    selectNode(DATA.focus, false, true);  // a neighbourhood is all neighbours: dim nothing yet
  } else {
    fit(null);
    showIntro();
  }
  starting = false;
