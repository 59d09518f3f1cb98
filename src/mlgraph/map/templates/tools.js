  // ---- small screens, keyboard and print ---------------------------------------------------
  // Below 900 px the side panels slide over the map from two buttons (see map.css); the map
  // keeps the whole width. Escape closes what is open, then clears the selection.
  const narrow = window.matchMedia("screen and (max-width: 900px)");
  const toggles = {controls: $("toggle-controls"), panel: $("toggle-panel")};

  function setOpen(which, open) {
    document.body.classList.toggle("show-" + which, open);
    toggles[which].setAttribute("aria-expanded", String(open));
  }
  function isOpen(which) { return document.body.classList.contains("show-" + which); }

  // after a choice (a node, a route): on a small screen, trade the controls for the details
  function revealPanel(moveFocus) {
    if (starting || !narrow.matches) return;
    setOpen("controls", false);
    setOpen("panel", true);
    if (moveFocus) panel.focus();
  }

  Object.entries(toggles).forEach(([which, button]) => button.addEventListener("click", () => {
    const open = !isOpen(which);
    setOpen(which, open);
    if (open) {
      setOpen(which === "controls" ? "panel" : "controls", false);
      (which === "controls" ? $("search") : panel).focus();
    }
  }));

  document.addEventListener("keydown", event => {
    const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName);
    if (event.key === "Escape") {
      const open = ["panel", "controls"].find(isOpen);
      if (open && narrow.matches) {
        setOpen(open, false);
        toggles[open].focus();
      } else if (state.kind !== "none" && !(typing && event.target.value)) {
        const inPanel = panel.contains(document.activeElement);
        clearSelection();
        if (inPanel) panel.focus();  // the focused link is gone with the card
      }
    } else if (event.key === "/" && !typing) {
      event.preventDefault();
      if (narrow.matches) setOpen("controls", true);
      $("search").focus();
    }
  });

  $("print").addEventListener("click", () => window.print());
