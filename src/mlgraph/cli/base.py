"""What every command shares: the settings the group records, the ``--json``, ``--have`` and
``--cost`` options, printing JSON, source footnotes, and turning library errors into one line
and an exit code."""

from __future__ import annotations

import json
import os
import shutil
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import click

from mlgraph.errors import MlgraphError


@dataclass
class Settings:
    """Global options, recorded by the group and read by commands when they need the graph."""

    data: tuple[Path, ...] = ()
    use_cache: bool = True
    builtin: bool = True
    remote: dict | None = None  # --endpoint and its options: read the graph from a SPARQL server
    _graph: object = field(default=None, repr=False)
    _warned: set = field(default_factory=set, repr=False)

    def graph(self, network: bool = True):
        """Return the graph (built-in plus ``--data`` files) as the Python API has it, made once.

        With ``network``, the career network is loaded now, so its warnings come first.
        """
        if self._graph is None:
            from mlgraph.api import CareerGraph

            endpoint = None
            if self.remote is not None:
                from mlgraph.cli.remote import endpoint_of

                endpoint = endpoint_of(self)
            self._graph = CareerGraph(self.data, builtin=self.builtin, use_cache=self.use_cache, endpoint=endpoint)
        if network:
            self._graph.network  # noqa: B018 - load now
        self.warn_loaded()
        return self._graph

    def network(self):
        """Return the career network (built-in graph plus ``--data`` files, or the server's), loaded once."""
        return self.graph().network

    def warn_loaded(self) -> None:
        """Print the load warnings not printed yet."""
        if self._graph is not None:
            fresh = [w for w in self._graph.warnings if w not in self._warned]
            self._warned.update(fresh)
            warn(fresh)


pass_settings = click.make_pass_decorator(Settings, ensure=True)

json_option = click.option("--json", "as_json", is_flag=True,
                           help="Print one JSON document on stdout instead of text.")


have_option = click.option(
    "--have", "have_file", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path),
    help="A file naming the skills and tools you already have (YAML list, or one name per line, "
         "# for comments): they are not counted as things to learn.")

cost_option = click.option(
    "--cost", "cost_name", type=click.Choice(["hops", "skills", "blend"]), default="hops", show_default=True,
    help="What makes a route best: fewest steps (hops), least to learn (skills: 1 per new essential "
         "skill or tool, 0.5 per good-to-have skill), or 1 per step plus that (blend).")


def load_have(graph, have_file: Path | None):
    """Return the profile of the ``--have`` file (None without one), warning about unknown names."""
    if have_file is None:
        return None
    profile = graph.profile(have_file)
    warn(f"{have_file}: {name!r} is not a known skill or tool; ignored" for name in profile.unknown)
    return profile


class MlgraphGroup(click.Group):
    """A click group that converts every MlgraphError into one line on stderr and its exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except MlgraphError as exc:
            click.echo(f"mlgraph: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("mlgraph: interrupted", err=True)
            ctx.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:  # a bug: say so in one line unless asked for the traceback
            if os.environ.get("MLGRAPH_DEBUG"):
                raise
            click.echo(f"mlgraph: internal error: {type(exc).__name__}: {exc} "
                       "(set MLGRAPH_DEBUG=1 for details and please report it)", err=True)
            ctx.exit(3)


def warn(warnings) -> None:
    """Print each distinct warning (things ignored on purpose) as one line on stderr."""
    for warning in dict.fromkeys(warnings):
        click.echo(f"mlgraph: warning: {warning}", err=True)


def echo_json(document) -> None:
    """Print ``document`` as indented JSON on stdout."""
    click.echo(json.dumps(document, indent=2, ensure_ascii=False))


def width() -> int:
    """Return the width to wrap text to (terminal width, at most 100)."""
    return min(shutil.get_terminal_size((100, 24)).columns, 100)


def wrap(text: str, indent: str = "", first: str | None = None) -> str:
    """Wrap ``text`` to the terminal width with a hanging ``indent``."""
    return textwrap.fill(text, width=width(), initial_indent=indent if first is None else first,
                         subsequent_indent=indent, break_on_hyphens=False)


class Footnotes:
    """Numbers sources in the order they are first cited, and prints them as a list at the end."""

    def __init__(self, G) -> None:
        self.G = G
        self.numbers: dict[str, int] = {}

    def cite(self, sources) -> str:
        """Return ``[1,2]`` for the sources (``[unsourced]`` if there are none)."""
        if not sources:
            return "[unsourced]"
        nums = [self.numbers.setdefault(s, len(self.numbers) + 1) for s in sources]
        return "[" + ",".join(map(str, sorted(nums))) + "]"

    def render(self) -> str:
        """Return the numbered list of cited sources with their titles and files."""
        lines = []
        for iri, num in self.numbers.items():
            attrs = self.G.nodes[iri] if iri in self.G else {"label": iri}
            extra = f" ({attrs['file']})" if attrs.get("file") else ""
            lines.append(wrap(f"{attrs['label']}{extra}", indent=" " * 7, first=f"  [{num}]".ljust(7)))
        return "\n".join(["Sources", *lines]) if lines else ""

