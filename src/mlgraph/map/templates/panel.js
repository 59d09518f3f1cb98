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
    link.addEventListener("keydown", event => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); selectNode(i, true); panel.focus(); }
    });
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
      add(item, stepNeeds(s));
      list.appendChild(item);
    });
    add(panel, list, notes.render());
  }

  // A step's most important needs by name (they are drawn under the step), the rest folded away.
  function stepNeeds(s) {
    if (!s.new_skills) return null;  // a route found in the page: needs are not worked out here
    const top = s.top || [], all = [].concat(s.new_skills, s.good_to_have || [], s.new_tools || []);
    const rest = all.filter(j => !top.includes(j));
    if (!all.length) return el("div", "needs", "Nothing new to learn for this step.");
    const box = el("div", "needs");
    const line = add(el("div"), el("strong", null, top.length < all.length ? "Needs most: " : "Needs: "));
    top.forEach((j, k) => add(line, k ? document.createTextNode(", ") : null, nodeRef(j),
                             s.good_to_have && s.good_to_have.includes(j) ? el("span", "meta", " (good to have)") : null));
    box.appendChild(line);
    if (rest.length) {
      const more = add(el("details", "more"), el("summary", null, "and " + rest.length + " more"));
      add(more, el("div", null, rest.map(j => NODES[j].label).join(", ")));
      box.appendChild(more);
    }
    return box;
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

