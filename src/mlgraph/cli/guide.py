"""Commands that guide a career: gap, next, plan."""

from __future__ import annotations

from pathlib import Path

import click

from mlgraph.cli.base import (
    Footnotes, echo_json, have_option, json_option, load_have, pass_settings, wrap,
)

ROLE_TYPES = ("Role", "EducationPath")

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
    from mlgraph.career.gap import skill_gap
    from mlgraph.career.names import resolve

    G = settings.network()
    src, dst = (resolve(G, name, ROLE_TYPES) for name in (source, target))
    found = skill_gap(G, src, dst, load_have(G, have_file))
    if as_json:
        echo_json(found.as_dict())
    else:
        click.echo(render_gap(G, found))


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
    Imported O*NET occupations are ranked by a similarity of knowledge and skill ratings
    (importance and level), technology, occupation family and job zone, whose parts the "why"
    line shows; their kind follows the job zone (advancement, lateral, step down).

    \b
    Examples:
      mlgraph next "data scientist"
      mlgraph next "ml engineer" -n 3 --have me.txt --json
    """
    from mlgraph.career.moves import next_moves
    from mlgraph.career.names import resolve
    from mlgraph.career.network import node_summary

    G = settings.network()
    node = resolve(G, role, ("Role",))
    moves = next_moves(G, node, n, load_have(G, have_file))
    if as_json:
        echo_json({"role": node_summary(G, node), "moves": [m.as_dict() for m in moves]})
        return
    if not moves:
        from mlgraph.errors import NothingFound

        raise NothingFound(f"no moves known out of {G.nodes[node]['label']}: it has no career relations "
                           "and no skills in common with other roles")
    click.echo(render_moves(G, node, moves))


def render_moves(G, role: str, moves) -> str:
    """Return ranked moves as text: kind, relation with sources, similarity, shared and new needs."""
    notes = Footnotes(G)
    lines = [f"Next moves from {G.nodes[role]['label']}"]
    for rank, move in enumerate(moves, 1):
        why = (f"{move.relation_text} {notes.cite(move.sources)}" if move.relation
               else "similar skills and tools")
        lines += ["", wrap(f"{move.node['label']} — {move.kind} ({move.kind_reason})", indent="    ",
                           first=f"{rank:>2}. ")]
        if move.why:
            why = f"{move.relation_text} {notes.cite(move.sources)}" if move.relation else "similar occupation"
            lines.append(wrap(f"{why}; you cover {move.coverage:.0%} of its needs", indent="      ", first="    "))
            lines.append(wrap(render_why(move.why), indent="      ", first="    why: "))
        else:
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


#: How each similarity component reads in ``next``'s "why" line.
WHY_LABELS = {"profile": "knowledge & skills r={:.2f}", "technology": "shared technology {:.2f}",
              "minor_group": "same SOC minor group", "broad_group": "same SOC broad occupation",
              "job_zone": "job zone {:+.0f}", "titles": "title words {:.2f}"}


def render_why(why: dict) -> str:
    """Return a similarity's components as one line: score = each non-zero part and what it adds."""
    parts = []
    for key, value in why["parts"].items():
        if value is None:
            parts.append("no knowledge & skills ratings" if key == "profile" else f"no {key}")
        elif value or key == "profile":
            parts.append(f"{WHY_LABELS[key].format(value)} ({why['contributions'][key]:+.2f})")
    return f"score {why['score']:.2f} = " + ", ".join(parts)


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
    from mlgraph.career.costs import step_cost
    from mlgraph.career.names import resolve
    from mlgraph.career.paths import find_routes
    from mlgraph.career.plan import render_plan, write_plan

    G = settings.network()
    src, dst = (resolve(G, name, ROLE_TYPES) for name in (source, target))
    have = load_have(G, have_file)
    route = find_routes(G, src, dst, cost=step_cost(cost_name, have), have=have)[0]
    text = render_plan(G, route, have, cost_name)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_plan(text, output)
        click.echo(f"wrote {output}", err=True)
