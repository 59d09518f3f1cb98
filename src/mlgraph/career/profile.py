"""A person's profile: the skills and tools they already have, read from a small file.

The file is either YAML (a list of names, or a mapping whose values are lists, e.g.
``skills: [python, sql]``) or plain text, one name per line, ``#`` starting a comment. Names are
resolved forgivingly, preferring skills and tools; naming a role or an education path counts as
having everything that role needs or that path teaches. Names that match nothing are returned,
not printed: the command line warns about them.

>>> read_names("# what I know\\npython\\nSQL   # a little\\nC#\\n")
['python', 'SQL', 'C#']
>>> read_names("skills: [statistics]\\ntools: [python]")
['statistics', 'python']
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

import networkx as nx

from mlgraph.career.names import label_index, normalize, resolve, suggest
from mlgraph.errors import AmbiguousName, BadInput, NameNotFound

#: What a profile names are looked up as first; other types are expanded to what they imply.
PROFILE_TYPES = ("Skill", "Tool")

#: A ``#`` starts a comment at the start of a line or after a space, so "C#" stays a name.
_COMMENT = re.compile(r"(^|\s)#.*$")


@dataclass(frozen=True)
class Profile:
    """The skills and tools a person has (``have``), what they named, and names that matched nothing."""

    have: frozenset[str]
    named: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {"have": sorted(self.have), "named": list(self.named), "unknown": list(self.unknown)}


def read_names(text: str) -> list[str]:
    """Return the names listed in a profile's text: YAML list or mapping of lists, else plain lines."""
    data = _yaml_structure(text)
    if data is None:
        lines = (_COMMENT.sub("", line).strip() for line in text.splitlines())
        return [line for line in lines if line]
    names = []
    for key, value in data.items() if isinstance(data, dict) else [(None, data)]:
        names += _names_in(key, value)
    return [name for name in (str(n).strip() for n in names) if name]


def _names_in(key, value) -> list:
    """Names under one YAML key: a list's items, a mapping's keys (``python: advanced``), else the value."""
    if isinstance(value, list):
        return [item for item in value if isinstance(item, (str, int, float))]
    if isinstance(value, dict):
        return list(value)
    return [key] if value is None else [value]


def _yaml_structure(text: str) -> list | dict | None:
    """Return the YAML list or mapping ``text`` holds, or None when it is plain lines."""
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        # Plain text like "machine learning: basics" is not meant as YAML; read it as lines.
        return None
    return data if isinstance(data, (list, dict)) else None


def resolve_profile(G: nx.MultiDiGraph, names: Iterable[str]) -> Profile:
    """Return the profile of ``names``: the skills and tools they stand for, and the unknown ones.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("mld:sql", label="SQL", type="Skill")
    >>> resolve_profile(G, ["sql", "cooking"]).as_dict()
    {'have': ['mld:sql'], 'named': ['mld:sql'], 'unknown': ['cooking']}
    """
    have, named, unknown = set(), [], []
    for name in names:
        nodes = _profile_nodes(G, name)
        if not nodes:
            unknown.append(name)
        for node in nodes:
            named.append(node)
            have |= _implied(G, node)
    return Profile(have=frozenset(have), named=tuple(dict.fromkeys(named)), unknown=tuple(unknown))


def _profile_nodes(G: nx.MultiDiGraph, name: str) -> list[str]:
    try:
        return [resolve(G, name, prefer=PROFILE_TYPES)]
    except (NameNotFound, BadInput):
        return []
    except AmbiguousName:
        # "spark" as skill and as tool: someone who lists it has both, so take every best match.
        matches = [(rank, n) for rank, n in label_index(G)[normalize(name)] if G.nodes[n]["type"] in PROFILE_TYPES]
        if not matches:
            raise
        best = min(rank for rank, _ in matches)
        return sorted({n for rank, n in matches if rank == best})


def _implied(G: nx.MultiDiGraph, node: str) -> set[str]:
    """Return the skills and tools having ``node`` implies: itself, or what a role or path covers."""
    from mlgraph.career.network import capabilities

    if G.nodes[node]["type"] in PROFILE_TYPES:
        return {node}
    if G.nodes[node]["type"] in ("Role", "EducationPath"):
        return capabilities(G, node)
    return set()


def load_profile(G: nx.MultiDiGraph, path: Path) -> Profile:
    """Read and resolve the profile file at ``path``; raise BadInput if it names nothing known.

    >>> import tempfile
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("mld:sql", label="SQL", type="Skill")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     mine = Path(folder, "me.txt")
    ...     _ = mine.write_text("sql\\n")
    ...     sorted(load_profile(G, mine).have)
    ['mld:sql']
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"{path}: cannot read the profile ({getattr(exc, 'strerror', None) or exc})") from None
    names = read_names(text)
    if not names:
        raise BadInput(f"{path}: the profile lists no skills or tools; write one name per line, e.g. python")
    profile = resolve_profile(G, names)
    if not profile.have:
        raise BadInput(f"{path}: none of the names in the profile is a known skill or tool "
                       f"({', '.join(profile.unknown)}); try `mlgraph list --type Skill`")
    return profile


def have_status(G: nx.MultiDiGraph, profile: Profile | Collection[str],
                nodes: Iterable[str] | None = None) -> dict[str, str]:
    """Map skills and tools (all of them, or those in ``nodes``) to ``"have"`` or ``"missing"``.

    ``profile`` is a Profile or the set of skills and tools held (as ``--have`` gives them).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("mld:sql", label="SQL", type="Skill")
    >>> G.add_node("mld:python", label="Python", type="Tool")
    >>> have_status(G, Profile(have=frozenset({"mld:sql"})))
    {'mld:sql': 'have', 'mld:python': 'missing'}
    """
    held = profile.have if isinstance(profile, Profile) else set(profile)
    chosen = G.nodes if nodes is None else nodes
    return {n: "have" if n in held else "missing"
            for n in chosen if n in G and G.nodes[n]["type"] in PROFILE_TYPES}


def as_profile(G: nx.MultiDiGraph, have: Profile | str | Path | Iterable[str] | None) -> Profile:
    """Return the profile ``have`` stands for: a Profile, a profile file's path, or names.

    Names given in code must all be known (an unknown one raises NameNotFound with suggestions);
    a file's unknown names are skipped and listed in ``unknown``, as the command line does.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("mld:sql", label="SQL", type="Skill")
    >>> sorted(as_profile(G, ["sql"]).have), as_profile(G, None).have
    (['mld:sql'], frozenset())
    >>> as_profile(G, ["sqll"])
    Traceback (most recent call last):
    ...
    mlgraph.errors.NameNotFound: no node named 'sqll'; did you mean: SQL?
    """
    if have is None:
        return Profile(have=frozenset())
    if isinstance(have, Profile):
        return have
    if isinstance(have, (str, PathLike)):
        return load_profile(G, Path(have))
    profile = resolve_profile(G, list(have))
    if profile.unknown:
        raise NameNotFound(profile.unknown[0], suggest(G, normalize(profile.unknown[0])))
    return profile
