"""How ranked needs read in text: one line per item, grouped by theme, with importance and evidence.

Shared by ``gap``, ``path`` and ``next``; the options that shorten or filter those lists
(``--all``, ``--min-evidence``) live here too.
"""

from __future__ import annotations

import click

from mlgraph.cli.base import wrap

all_option = click.option("--all", "show_all", is_flag=True,
                          help="List every need, not only the ten most important.")

min_evidence_option = click.option(
    "--min-evidence", type=click.Choice(["stated", "imported", "listed", "editorial"]), default=None,
    help="Hide needs whose strongest evidence is weaker than this (stated > imported > listed > editorial).")


def evidence_text(records, notes) -> str:
    """Return "[1,3] 2 stated, essential; 1 listed": the sources cited, then their evidence in brief."""
    from mlgraph.career.evidence import summarize_evidence

    if not records:
        return "[unsourced]"
    return f"{notes.cite(sorted({r['source'] for r in records}))} {summarize_evidence(records)}"


def item_title(item: dict) -> str:
    """Return an item's name: "one of A, B" for alternatives, with "(good to have)" or "(prerequisite)"."""
    if item.get("one_of"):
        name = "one of " + ", ".join(m["label"] for m in item["one_of"])
    else:
        name = item["label"]
    if item.get("prerequisite"):
        name += " (prerequisite)"
    elif item.get("essential") is False:
        name += " (good to have)"
    return name


def item_details(item: dict) -> list[str]:
    """Return what else an item says: the narrower needs it includes, and where to learn it."""
    details = []
    if item.get("includes"):
        details.append("includes " + ", ".join(m["label"] for m in item["includes"]))
    if item.get("needed_for"):
        details.append("needed for " + ", ".join(m["label"] for m in item["needed_for"]))
    places = item.get("best_places")
    if places:
        def place(p):
            return p["label"] + (f" ({', '.join(o['label'] for o in p['offered_by'])})" if p["offered_by"] else "")
        details.append(("learn at " if len(places) == 1 else "learn at one of: ") + "; ".join(map(place, places)))
    return details


def render_items(items, notes, indent: str = "  ", detailed: bool = True) -> list[str]:
    """Return the items as lines, each theme as a heading followed by its items."""
    lines, current = [], None
    for item in items:
        if item.get("theme") != current:
            current = item.get("theme")
            lines.append(f"{indent}{current}")
        text = f"{item_title(item)} · {item['importance']:.2f} · {evidence_text(item['evidence'], notes)}"
        lines.append(wrap(text, indent=indent + "      ", first=indent + "  - "))
        if detailed:
            for detail in item_details(item):
                lines.append(wrap(detail, indent=indent + "      ", first=indent + "      "))
    return lines


def rest_line(left: int, what: str = "needs", hint: str = "--all lists them") -> str:
    """Return "and 23 more needs, less important (--all lists them)", or "" when none are left."""
    return f"  and {left} more {what}, less important ({hint})" if left else ""
