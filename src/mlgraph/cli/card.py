"""The show command: a node's card, its relations grouped by kind, salaries and sources."""

from __future__ import annotations

import click

from mlgraph.cli.base import Footnotes, echo_json, json_option, pass_settings, wrap
from mlgraph.rdf.vocab import compact_iri


@click.command()
@click.argument("name")
@json_option
@pass_settings
def show(settings, name, as_json):
    """Show the card of a node: type, description, relations grouped by kind, salaries, sources.

    \b
    Examples:
      mlgraph show "ml engineer"
      mlgraph show python --json
      mlgraph show mld:data-scientist
    """
    g = settings.graph()
    card = g.show(name).as_dict()
    if as_json:
        echo_json(card)
    else:
        click.echo(render_card(g.network, card))


#: How a card groups relations: section title and the relations (either direction) it holds.
CARD_SECTIONS = (
    ("Career", ("progressesTo", "leadsTo", "canMoveTo", "requiresEducation", "collaboratesWith")),
    ("Skills", ("requiresSkill", "optionalSkill", "skillRequirement", "prerequisiteOf", "supportsSkill", "teaches")),
    ("Tools", ("usesTool",)),
    ("Tasks", ("performsTask",)),
    ("Organizations", ("hires", "offers", "usesML")),
    ("Industries and applications", ("appliedIn", "hasApplication")),
)


def render_card(G, card: dict) -> str:
    """Return a node card as text."""
    notes = Footnotes(G)
    facts = [card["type"]] + [f"{card[k]} {k}" for k in ("level", "kind") if k in card]
    lines = [card["label"], f"{' · '.join(facts)} · {compact_iri(card['id'])}"]
    if card["alt_labels"]:
        lines.append(wrap("Also known as: " + ", ".join(card["alt_labels"]), indent="  "))
    if card["description"]:
        lines += ["", wrap(card["description"])]
    for title, groups in _card_sections(card["relations"]):
        lines += ["", title]
        for label, items in groups:
            text = ", ".join(f"{r['node']['label']} {_evidence(r, notes)}" for r in items)
            lines.append(wrap(text, indent="      ", first=f"  {label}: "))
    lines += _render_salaries(card.get("salaries", ()), notes)
    lines += _render_matches(card)
    footer = notes.render()
    return "\n".join(lines + (["", footer] if footer else []))


def _evidence(relation: dict, notes) -> str:
    """Return "[1,2] (1 stated, essential; 1 listed)": sources, then their evidence in brief."""
    from mlgraph.career.evidence import summarize_evidence

    records = relation.get("evidence")
    return notes.cite(relation["sources"]) + (f" ({summarize_evidence(records)})" if records else "")


def _card_sections(relations):
    known = {rel: title for title, rels in CARD_SECTIONS for rel in rels}
    rank = {rel: i for _, rels in CARD_SECTIONS for i, rel in enumerate(rels)}
    order = [title for title, _ in CARD_SECTIONS] + ["Other"]
    grouped: dict[str, dict[str, list]] = {}
    for r in sorted(relations, key=lambda r: (rank.get(r["relation"], 99), r["direction"] == "in")):
        title = known.get(r["relation"], "Other")
        grouped.setdefault(title, {}).setdefault(r["relation_label"], []).append(r)
    return [(t, list(grouped[t].items())) for t in order if t in grouped]


def _render_salaries(salaries, notes) -> list[str]:
    if not salaries:
        return []
    lines = ["", "Salaries"]
    for s in salaries:
        amount = (_money(s["amount"], s["currency"]) if s["amount"] is not None
                  else f"{_money(s['min'], s['currency'])} to {_money(s['max'], '')}".rstrip())
        parts = [f"{amount} a {s['period']}", s["region"], s["statistic"], s["date"]]
        lines.append(wrap(" · ".join(p for p in parts if p) + f" {notes.cite(s['sources'])}",
                          indent="    ", first="  "))
    return lines


def _money(value, currency: str) -> str:
    return f"{currency} {value:,.0f}".strip()


def _render_matches(card) -> list[str]:
    matches = list(card.get("matches", ()))
    if "onet" in card:
        matches.append(f"O*NET-SOC {card['onet']}")
    return ["", "Matches", *(f"  {m}" for m in matches)] if matches else []
