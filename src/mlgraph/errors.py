"""The one error family of mlgraph.

Every failure a user can cause is an :class:`MlgraphError`; the command line turns it into one
line on stderr and the exit code it carries. Messages name the bad value and a next step.

>>> err = NameNotFound("data scientst", suggestions=["data scientist"])
>>> str(err)
"no node named 'data scientst'; did you mean: data scientist?"
>>> err.exit_code
1
"""

from __future__ import annotations

from collections.abc import Sequence


class MlgraphError(Exception):
    """Base class: a problem the user can fix. ``exit_code`` is 2 (bad input) unless overridden."""

    exit_code = 2


class NothingFound(MlgraphError):
    """A well-formed question with no answer (no match, no route)."""

    exit_code = 1


class NameNotFound(NothingFound):
    """A name that matches no node, with the closest names as suggestions."""

    def __init__(self, name: str, suggestions: Sequence[str] = ()) -> None:
        self.name = name
        self.suggestions = list(suggestions)
        hint = f"; did you mean: {', '.join(self.suggestions)}?" if self.suggestions else (
            "; try `mlgraph search TEXT` or `mlgraph list`"
        )
        super().__init__(f"no node named {name!r}{hint}")


class AmbiguousName(MlgraphError):
    """A name that matches several nodes equally well; the candidates are listed."""

    def __init__(self, name: str, candidates: Sequence[str]) -> None:
        self.name = name
        self.candidates = list(candidates)
        super().__init__(
            f"{name!r} is ambiguous: it could be {'; '.join(self.candidates)}. "
            "Use a longer name or the IRI."
        )


class NoRoute(NothingFound):
    """No route joins two nodes under the given constraints."""


class BadInput(MlgraphError):
    """Unreadable or invalid input: a file, an option value, a query."""


class RemoteError(MlgraphError):
    """A SPARQL server that cannot be reached, refuses, or answers something unusable."""
