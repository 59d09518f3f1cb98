  // ---- pictures of the current view: PNG from the canvas, SVG redrawn from the same data -----
  // Both are built in the page and saved through a data: link, so nothing leaves the page.
  const SVG_NS = "http://www.w3.org/2000/svg";
  const CAPTION = 34;  // pixels of title above the picture

  function fileName(ext) {
    const stem = normalize(DATA.title.replace(/^mlgraph: /, "")).replace(/ +/g, "-").slice(0, 60) || "map";
    return "mlgraph-" + stem + "." + ext;
  }

  function save(url, name) {
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  // the canvas as drawn, on white, with the map's title above it
  function pictureCanvas() {
    const src = network.canvas.frame.canvas, ratio = src.width / src.clientWidth || 1;
    const out = document.createElement("canvas");
    out.width = src.width;
    out.height = src.height + Math.round(CAPTION * ratio);
    const ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.fillStyle = "#111827";
    ctx.font = "600 " + Math.round(18 * ratio) + "px system-ui, 'DejaVu Sans', sans-serif";
    ctx.textBaseline = "middle";
    ctx.fillText(currentTitle(), 12 * ratio, CAPTION * ratio / 2, out.width - 24 * ratio);
    ctx.drawImage(src, 0, Math.round(CAPTION * ratio));
    return out;
  }

  function currentTitle() {
    if (state.kind === "route" && routeState) return routeState.title;
    if (state.kind === "neighbours" || state.kind === "focus") return NODES[state.node].label + " and its neighbours";
    return DATA.title;
  }

  function svgElement(tag, attrs, text) {
    const node = document.createElementNS(SVG_NS, tag);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, String(v)));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function shapePoints(shape, x, y, r) {
    const ring = (count, start, radii) => Array.from({length: count}, (_, k) => {
      const a = start + 2 * Math.PI * k / count, rr = radii[k % radii.length];
      return (x + rr * Math.cos(a)).toFixed(1) + "," + (y + rr * Math.sin(a)).toFixed(1);
    }).join(" ");
    if (shape === "diamond") return ring(4, 0, [r]);
    if (shape === "triangle") return ring(3, -Math.PI / 2, [r]);
    if (shape === "triangleDown") return ring(3, Math.PI / 2, [r]);
    if (shape === "hexagon") return ring(6, 0, [r]);
    if (shape === "star") return ring(10, -Math.PI / 2, [r, r * 0.45]);
    return null;
  }

  // the visible part of the map as SVG: edges, shapes and wrapped labels, as on screen
  function pictureSvg() {
    const box = $("map").getBoundingClientRect();
    const a = network.DOMtoCanvas({x: 0, y: 0}), b = network.DOMtoCanvas({x: box.width, y: box.height});
    const svg = svgElement("svg", {xmlns: SVG_NS, width: Math.round(box.width), height: Math.round(box.height + CAPTION),
      viewBox: [a.x, a.y - CAPTION / network.getScale(), b.x - a.x, b.y - a.y + CAPTION / network.getScale()].map(v => v.toFixed(1)).join(" ")});
    const unit = 1 / network.getScale();
    svg.appendChild(svgElement("rect", {x: a.x, y: a.y - CAPTION * unit, width: b.x - a.x, height: b.y - a.y + CAPTION * unit, fill: "#ffffff"}));
    svg.appendChild(svgElement("text", {x: a.x + 12 * unit, y: a.y - CAPTION * unit / 2, "font-size": 18 * unit, "font-weight": 600,
      "dominant-baseline": "middle", "font-family": "system-ui, 'DejaVu Sans', sans-serif", fill: "#111827"}, currentTitle()));
    const at = network.getPositions();
    edges.get({filter: e => !e.hidden && at[e.from] && at[e.to]}).forEach(e => svg.appendChild(svgEdge(e, at)));
    nodes.get({filter: n => !n.hidden}).forEach(n => svgNode(svg, n, at[n.id]));
    return new XMLSerializer().serializeToString(svg);
  }

  function svgEdge(e, at) {
    const p = at[e.from], q = at[e.to], group = svgElement("g", {});
    const colour = e.color.color, width = e.width || 1;
    const to = network.body.nodes[e.to], gap = (to ? to.options.size : 10) + 3;
    const len = Math.hypot(q.x - p.x, q.y - p.y) || 1, ux = (q.x - p.x) / len, uy = (q.y - p.y) / len;
    const ex = q.x - ux * gap, ey = q.y - uy * gap;
    group.appendChild(svgElement("line", {x1: p.x, y1: p.y, x2: ex, y2: ey, stroke: colour, "stroke-width": width,
      "stroke-dasharray": e.dashes ? "5 4" : "none", "stroke-linecap": "round"}));
    const head = Math.max(6, width * 3);
    group.appendChild(svgElement("polygon", {fill: colour, points: [[ex, ey], [ex - ux * head - uy * head / 2, ey - uy * head + ux * head / 2],
      [ex - ux * head + uy * head / 2, ey - uy * head - ux * head / 2]].map(v => v[0].toFixed(1) + "," + v[1].toFixed(1)).join(" ")}));
    if (e.label) {
      group.appendChild(svgElement("text", {x: (p.x + q.x) / 2, y: (p.y + q.y) / 2, "font-size": e.font.size || 14, "font-weight": 700,
        fill: e.font.color || "#111827", stroke: "#ffffff", "stroke-width": 6, "paint-order": "stroke", "text-anchor": "middle",
        "dominant-baseline": "middle", "font-family": "system-ui, 'DejaVu Sans', sans-serif"}, e.label));
    }
    return group;
  }

  function svgNode(svg, n, p) {
    const r = n.size, fill = n.color.background, stroke = n.color.border, sw = n.borderWidth;
    const points = shapePoints(n.shape, p.x, p.y, r);
    const common = {fill: fill, stroke: stroke, "stroke-width": sw};
    if (points) svg.appendChild(svgElement("polygon", Object.assign({points: points}, common)));
    else if (n.shape === "square") svg.appendChild(svgElement("rect", Object.assign({x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r}, common)));
    else svg.appendChild(svgElement("circle", Object.assign({cx: p.x, cy: p.y, r: r}, common)));
    const label = network.body.nodes[n.id].labelModule, f = n.font.size;
    const lines = (label.lines || []).map(line => line.blocks.map(block => block.text).join(""));
    const top = p.y + r + 4 + (n.shape === "dot" ? f / 2 : 0);
    const text = svgElement("text", {x: p.x, y: top, "font-size": f, fill: n.font.color, stroke: "#ffffff", "stroke-width": n.font.strokeWidth,
      "paint-order": "stroke", "text-anchor": "middle", "font-family": "system-ui, 'DejaVu Sans', sans-serif"});
    (lines.length ? lines : [n.label]).forEach((line, k) => text.appendChild(svgElement("tspan", {x: p.x, y: top + f * (k + 0.85)}, line)));
    svg.appendChild(text);
  }

  function picture(format) {
    return format === "svg" ? "data:image/svg+xml;charset=utf-8," + encodeURIComponent(pictureSvg())
                            : pictureCanvas().toDataURL("image/png");
  }
  $("download-png").addEventListener("click", () => save(picture("png"), fileName("png")));
  $("download-svg").addEventListener("click", () => save(picture("svg"), fileName("svg")));
