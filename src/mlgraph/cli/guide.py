"""Commands that guide a career: gap, next, plan."""

from __future__ import annotations

from pathlib import Path

import click

from mlgraph.cli.base import (
    Footnotes, echo_json, have_option, json_option, load_have, pass_settings, wrap,
)

#: How many shared or missing needs a move lists in text before summing up the rest.
LIST_LIMIT = 12

@click.command()
@click.argument("source")
@click.argument("target")
@have_option
@json_option
@pass_settings
def gap(settings, source, target, have_file, as_json):
    """Show the skills and tools TARGET needs that SOURCE does not, and who teaches them.

    Essential skills come before good-to-have ones; each names the education paths that teach
    it and the organizations that offer them. The learning order keeps prerequisites first.

    \b
    Examples:
      mlgraph gap "data scientist" "machine learning engineer"
      mlgraph gap "software engineer" "ml engineer" --have me.txt --json
    """
    g = settings.graph()
    found = g.gap(source, target, have=load_have(g, have_file))
    if as_json:
        echo_json(found.as_dict())
    else:
        click.echo(render_gap(g.network, found.gap))


def render_gap(G, found) -> str:
    """Return a gap as text: what to gain (with teachers), what is shared, prerequisites to learn first."""
    notes = Footnotes(G)
    lines = [wrap(f"From {found.source['label']} to {found.target['label']}")]
    if found.profile:
        lines.append(wrap("with your profile: " + ", ".join(n["label"] for n in found.profile), indent="  ", first="  "))
    sections = (("Essential skills to gain", [s for s in found.skills_to_gain if s["essential"]]),
                ("Good-to-have skills to gain", [s for s in found.skills_to_gain if not s["essential"]]),
                ("Tools to gain", list(found.tools_to_gain)),
                (f"Prerequisites {found.target['label']} does not list but builds on",
                 list(found.prerequisites_to_gain)))
    for title, items in sections:
        if items:
            lines += ["", f"{title} ({len(items)})", *_render_needs(items, notes)]
    if not found.skills_to_gain and not found.tools_to_gain:
        lines += ["", f"Nothing to gain: what {found.target['label']} needs is already covered."]
    shared = [n["label"] for n in (*found.skills_shared, *found.tools_shared)]
    if shared:
        lines += ["", wrap(", ".join(shared), indent="  ", first="Already covered: ")]
    order = _prerequisites_first(found)
    if order:
        lines += ["", wrap("; ".join(order), indent="  ", first="Learn first: ")]
    footer = notes.render()
    return "\n".join(lines + (["", footer] if footer else []))


def _render_needs(items: list[dict], notes: Footnotes) -> list[str]:
    """One line per need that has teachers or prerequisites; the others together on an ``also`` line."""
    lines, plain = [], []
    for item in items:
        text = f"{item['label']} {notes.cite(item['sources'])}"
        extra = []
        if item.get("needed_for"):
            extra.append(f"needed for {', '.join(p['label'] for p in item['needed_for'])}")
        if item.get("builds_on"):
            extra.append(f"builds on {', '.join(p['label'] for p in item['builds_on'])}")
        if item["taught_by"]:
            extra.append("taught by " + "; ".join(
                p["label"] + (f" ({', '.join(o['label'] for o in p['offered_by'])})" if p["offered_by"] else "")
                for p in item["taught_by"]))
        if extra:
            lines.append(wrap(f"{text}: {'; '.join(extra)}", indent="      ", first="  - "))
        else:
            plain.append(text)
    if plain:
        lines.append(wrap(", ".join(plain), indent="      ", first="  - " + ("also: " if lines else "")))
    return lines


def _prerequisites_first(found) -> list[str]:
    """Return "a, b → c" for every skill to gain that builds on other needs to gain, in learning order."""
    before = {s["id"]: [p["label"] for p in s["learn_after"]]
              for s in (*found.skills_to_gain, *found.prerequisites_to_gain)}
    return [f"{', '.join(before[n['id']])} → {n['label']}" for n in found.learning_order if before.get(n["id"])]


@click.command("next")
@click.argument("role")
@click.option("-n", "n", type=click.IntRange(min=1), default=5, show_default=True, help="How many moves to show.")
@have_option
@json_option
@pass_settings
def next_role(settings, role, n, have_file, as_json):
    """Rank the moves out of ROLE: stated career steps first, then roles with similar needs.

    Stated moves are the sources' own (progresses to, entry route into, can move to). Other
    roles are ranked by weighted Jaccard similarity of skills and tools (essential 1, good to
    have 0.5, tools 1); roles of a lower level are left out. Each move is an advancement (higher
    level, better pay in the same currency, or a stated progression) or lateral, with why.

    \b
    Examples:
      mlgraph next "data scientist"
      mlgraph next "ml engineer" -n 3 --have me.txt --json
    """
    g = settings.graph()
    moves = g.next(role, n, have=load_have(g, have_file))
    if as_json:
        echo_json(moves.as_dict())
        return
    if not moves:
        from mlgraph.errors import NothingFound

        raise NothingFound(f"no moves known out of {moves.role['label']}: it has no career relations "
                           "and no skills in common with other roles")
    click.echo(render_moves(g.network, moves.role["id"], moves.moves))


def render_moves(G, role: str, moves) -> str:
    """Return ranked moves as text: kind, relation with sources, similarity, shared and new needs."""
    notes = Footnotes(G)
    lines = [f"Next moves from {G.nodes[role]['label']}"]
    for rank, move in enumerate(moves, 1):
        why = (f"{move.relation_text} {notes.cite(move.sources)}" if move.relation
               else "similar skills and tools")
        lines += ["", wrap(f"{move.node['label']} — {move.kind} ({move.kind_reason})", indent="    ",
                           first=f"{rank:>2}. ")]
        lines.append(wrap(f"{why}; similarity {move.similarity:.2f}; you cover {move.coverage:.0%} of its needs",
                          indent="      ", first="    "))
        for title, items in (("shared", move.shared), ("to gain", move.to_gain)):
            if items:
                labels = [i["label"] + ("" if i["essential"] else " (good to have)") for i in items[:LIST_LIMIT]]
                if len(items) > LIST_LIMIT:
                    labels.append(f"and {len(items) - LIST_LIMIT} more (see `mlgraph gap`)")
                lines.append(wrap(", ".join(labels), indent=" " * 15, first=f"    {title + ':':<11}"))
    footer = notes.render()
    return "\n".join(lines + (["", footer] if footer else []))


@click.command()
@click.argument("source")
@click.argument("target")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the Markdown plan to this file (folders are created); default: print it.")
@click.option("--cost", "cost_name", type=click.Choice(["hops", "skills", "blend"]), default="skills",
              show_default=True, help="Which route to plan: least to learn (skills), fewest steps (hops), or both (blend).")
@have_option
@pass_settings
def plan(settings, source, target, output, cost_name, have_file):
    """Write a Markdown study plan for the route from SOURCE to TARGET with the least to learn.

    Per step: what to learn (prerequisites first, essential before good to have), the education
    paths that teach it and who offers them, and numbered sources with article titles and files.

    \b
    Examples:
      mlgraph plan "data scientist" "machine learning architect"
      mlgraph plan "software engineer" "ml architect" --cost skills --have me.txt -o out/plan.md
    """
    g = settings.graph()
    study = g.plan(source, target, cost=cost_name, have=load_have(g, have_file))
    if output is None:
        click.echo(study.markdown, nl=False)
    else:
        study.save(output)
        click.echo(f"wrote {output}", err=True)
