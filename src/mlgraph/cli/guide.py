"""Commands that guide a career: gap, next, plan."""

from __future__ import annotations

from pathlib import Path

import click

from mlgraph.cli.base import (
    Footnotes, echo_json, have_option, json_option, load_have, pass_settings, wrap,
)
from mlgraph.career.evidence import best_class
from mlgraph.cli.needs_text import (
    all_option, evidence_text, item_title, min_evidence_option, render_items, rest_line,
)

#: How many shared or missing needs a move lists in text before summing up the rest.
LIST_LIMIT = 12

#: Below this many sourced needs, a gap warns that the starting role is thinly described.
FEW_NEEDS = 5

#: How many items to gain a gap shows unless asked for all (kept in step with the ranking's own).
TOP_ITEMS = 10

@click.command()
@click.argument("source")
@click.argument("target")
@have_option
@all_option
@min_evidence_option
@json_option
@pass_settings
def gap(settings, source, target, have_file, show_all, min_evidence, as_json):
    """Show what TARGET needs that SOURCE does not: the most important first, with who says so.

    Needs are counted once (narrower skills under a broader one, alternatives as "one of"),
    grouped by theme, and ranked by importance (0 to 1: how many sources ask for the need, how
    strongly and how plainly); prerequisites come first. Each names its sources and evidence and
    the best place to learn it. A role with no sourced needs is "not enough data to compare".

    \b
    Examples:
      mlgraph gap "data scientist" "machine learning engineer"
      mlgraph gap "software engineer" "ml engineer" --all --min-evidence stated
      mlgraph gap "data scientist" "ml engineer" --have me.txt --json
    """
    g = settings.graph()
    found = g.gap(source, target, have=load_have(g, have_file), min_evidence=min_evidence)
    if as_json:
        echo_json(found.as_dict())
    else:
        click.echo(render_gap(g.network, found.gap, None if show_all else TOP_ITEMS, min_evidence))


def render_gap(G, found, limit: int | None = TOP_ITEMS, min_evidence: str | None = None) -> str:
    """Return a gap as text: coverage, the top items to gain by theme, what is covered, the sources."""
    from mlgraph.career.ranking import top_items

    notes = Footnotes(G)
    source, target = found.source["label"], found.target["label"]
    lines = [wrap(f"From {source} to {target}")]
    if found.profile:
        lines.append(wrap("with your profile: " + ", ".join(n["label"] for n in found.profile), indent="  ", first="  "))
    if found.inherits_from:
        lines.append(wrap(f"{target} also needs what {', '.join(r['label'] for r in found.inherits_from)} "
                          "needs, unless it says otherwise", indent="  "))
    lines.append(wrap(coverage_text(found, source, target)))
    if found.coverage is not None and found.source.get("type") == "Role" and 0 < found.source_needs < FEW_NEEDS \
            and not found.profile:
        lines.append(wrap(f"(The sources give {source} only {found.source_needs} needs: what they do not list "
                          "may still be known; --have adds yours.)"))
    shown, left = top_items(G, list(found.items), limit)
    if shown:
        count = len(found.items)
        head = (f"{count} thing{'s' * (count != 1)} to gain" + (f", the {len(shown)} most important shown" if left else "")
                + " (importance 0-1 · sources and evidence):")
        lines += ["", wrap(head), *render_items(shown, notes)]
        if left:
            lines.append(rest_line(left))
    elif found.skills_shared or found.tools_shared:
        lines += ["", f"Nothing to gain: what {target} needs is already covered."]
    if found.hidden:
        lines.append(f"  ({found.hidden} needs with evidence weaker than {min_evidence} are hidden)")
    shared = [n["label"] for n in sorted((*found.skills_shared, *found.tools_shared), key=lambda n: -n["importance"])]
    if shared:
        more = f", and {len(shared) - LIST_LIMIT} more" if limit and len(shared) > LIST_LIMIT else ""
        lines += ["", wrap(", ".join(shared[:limit and LIST_LIMIT]) + more, indent="  ", first="Already covered: ")]
    footer = notes.render()
    return "\n".join(lines + (["", footer] if footer else []))


def coverage_text(found, source: str, target: str) -> str:
    """Return how much of the target's needs the person covers, or why there is not enough data."""
    if found.coverage is not None:
        return f"You cover {found.coverage:.0%} of its {found.target_needs} needs (weighted by importance)."
    if found.source_needs or found.profile:
        return f"Not enough data to compare: no source describes what {target} needs (at most the editors' guesses)."
    return f"Not enough data to compare: the sources give {source} no needs (add yours with --have)."


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
    """Return ranked moves as text: kind, relation with sources and evidence, coverage, shared and new needs."""
    notes = Footnotes(G)
    lines = [f"Next moves from {G.nodes[role]['label']}"]
    for rank, move in enumerate(moves, 1):
        why = (f"{move.relation_text} {evidence_text(move.evidence, notes) if move.evidence else notes.cite(move.sources)}"
               if move.relation else "similar skills and tools")
        if move.weak:
            why = f"{best_class(move.evidence) or 'unsourced'} only: {why} (no source states this move)"
        lines += ["", wrap(f"{move.node['label']} — {move.kind} ({move.kind_reason})", indent="    ",
                           first=f"{rank:>2}. ")]
        fit = ("not enough data to compare their needs" if move.coverage is None
               else f"similarity {move.similarity or 0:.2f}; you cover {move.coverage:.0%} of its {move.needs} needs")
        if move.why:  # between imported occupations the score's parts say why
            fit = fit.replace(f"similarity {move.similarity or 0:.2f}; ", "")
        lines.append(wrap(f"{why if move.relation or not move.why else 'similar occupation'}; {fit}",
                          indent="      ", first="    "))
        if move.why:
            lines.append(wrap(render_why(move.why), indent="      ", first="    why: "))
        for title, items in (("shared", move.shared), ("to gain", move.to_gain)):
            if items:
                labels = [item_title(i) for i in items[:LIST_LIMIT]]
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
@all_option
@min_evidence_option
@click.option("--force", is_flag=True, help="Replace FILE even if mlgraph did not write it.")
@pass_settings
def plan(settings, source, target, output, cost_name, have_file, show_all, min_evidence, force):
    """Write a Markdown study plan for the route from SOURCE to TARGET with the least to learn.

    Per step: a checklist of the ten most important things to learn (prerequisites first; --all
    for every one), each with its importance, evidence and sources and the best place to learn
    it, then numbered sources with article titles and files.

    \b
    Examples:
      mlgraph plan "data scientist" "machine learning architect"
      mlgraph plan "software engineer" "ml architect" --cost skills --have me.txt -o out/plan.md
    """
    if output is not None:
        from mlgraph.storage.records import check_replaceable

        check_replaceable(output, "the plan", force)
    g = settings.graph()
    study = g.plan(source, target, cost=cost_name, have=load_have(g, have_file), all=show_all,
                   min_evidence=min_evidence)
    if output is None:
        click.echo(study.markdown, nl=False)
    else:
        study.save(output, force=force)
        click.echo(f"wrote {output}", err=True)
