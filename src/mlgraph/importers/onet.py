"""Read the O*NET database's tab-separated text files into plain records.

Only the files mlgraph maps are read: Occupation Data, Alternate Titles, Job Zones, Content
Model Reference, Skills, Knowledge, Technology Skills and (unless asked not to) Related
Occupations. Each file has one header row; a row with the wrong number of fields, a value that is
not a number where one is expected, or an unknown code raises :class:`BadInput` naming
``FILE:LINE``. Skills and Knowledge give two rows per rating (IM importance, LV level); they are
joined into one :class:`Rating`.

>>> from pathlib import Path
>>> data = read_onet(Path(__file__).parents[3] / "tests" / "fixtures" / "onet", related=False)
>>> data.occupations["15-2051.00"].title, data.occupations["15-2051.00"].job_zone
('Data Scientists', 4)
>>> data.related
()
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mlgraph.errors import BadInput

#: File name -> the header fields mlgraph reads from it (by name; other fields are ignored).
FILES: dict[str, tuple[str, ...]] = {
    "Occupation Data.txt": ("O*NET-SOC Code", "Title", "Description"),
    "Alternate Titles.txt": ("O*NET-SOC Code", "Alternate Title"),
    "Job Zones.txt": ("O*NET-SOC Code", "Job Zone"),
    "Content Model Reference.txt": ("Element ID", "Element Name", "Description"),
    "Skills.txt": ("O*NET-SOC Code", "Element ID", "Scale ID", "Data Value", "N", "Standard Error",
                   "Recommend Suppress", "Date", "Domain Source"),
    "Knowledge.txt": ("O*NET-SOC Code", "Element ID", "Scale ID", "Data Value", "N", "Standard Error",
                      "Recommend Suppress", "Date", "Domain Source"),
    "Technology Skills.txt": ("O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title",
                              "Hot Technology", "In Demand"),
    "Related Occupations.txt": ("O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"),
}

RELATED_FILE = "Related Occupations.txt"
TIERS = ("Primary-Short", "Primary-Long", "Supplemental")
_CODE = re.compile(r"\d\d-\d\d\d\d\.\d\d\Z")
_DATE = re.compile(r"(\d\d)/(\d\d\d\d)\Z")
_DECIMAL = re.compile(r"\d+(\.\d+)?\Z")


@dataclass(frozen=True)
class Occupation:
    """One O*NET-SOC occupation: code, title, description, job zone (1-5) and alternate titles."""

    code: str
    title: str
    description: str
    job_zone: int | None = None
    alt_titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rating:
    """An occupation's rating on a skill or knowledge element: importance (IM) and level (LV) rows joined.

    Numbers keep O*NET's own text (``"4.12"``) so that they are written exactly as read;
    ``n`` and ``standard_error`` are those of the importance row.
    """

    code: str
    element: str
    importance: str
    level: str | None
    n: str
    standard_error: str
    date: str
    domain_source: str
    suppressed: bool


@dataclass(frozen=True)
class Technology:
    """A technology an occupation uses (``example``), its commodity class, and O*NET's two flags."""

    code: str
    example: str
    commodity_code: str
    commodity_title: str
    hot: bool
    in_demand: bool


@dataclass(frozen=True)
class Related:
    """One entry of an occupation's related-occupation list: tier and rank (index) included."""

    code: str
    related: str
    tier: str
    index: int


@dataclass(frozen=True)
class OnetData:
    """Everything mlgraph reads from one O*NET release."""

    occupations: dict[str, Occupation]
    elements: dict[str, tuple[str, str]]  # element ID -> (name, description)
    ratings: tuple[Rating, ...]
    technology: tuple[Technology, ...]
    related: tuple[Related, ...] = field(default=())


def read_onet(folder: Path, related: bool = True, progress: Callable[[int], None] | None = None) -> OnetData:
    """Read an O*NET text release; with ``related=False`` Related Occupations.txt is never opened.

    ``progress`` is called with the size in bytes of each file once it has been read.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise BadInput(f"{folder}: not a folder; give the folder of O*NET's text files (Occupation Data.txt ...)")
    done = progress or (lambda size: None)
    occupations = _read_occupations(folder, done)
    known = set(occupations)
    elements = {row["Element ID"]: (row["Element Name"], row["Description"])
                for _, row in _rows(folder, "Content Model Reference.txt", done)}
    ratings = tuple(r for name in ("Skills.txt", "Knowledge.txt") for r in _read_ratings(folder, name, known, elements, done))
    technology = tuple(_read_technology(folder, known, done))
    links = tuple(read_related(folder, known, done)) if related else ()
    return OnetData(occupations, elements, ratings, technology, links)


def read_related(folder: Path, known: set[str] | None = None, progress: Callable[[int], None] | None = None) -> Iterator[Related]:
    """Yield the related-occupation links of Related Occupations.txt (O*NET's expert-reviewed lists)."""
    for where, row in _rows(Path(folder), RELATED_FILE, progress or (lambda size: None)):
        code, other = _code(row["O*NET-SOC Code"], where, known), _code(row["Related O*NET-SOC Code"], where, known)
        if row["Relatedness Tier"] not in TIERS:
            raise BadInput(f"{where}: unknown relatedness tier {row['Relatedness Tier']!r}; expected one of {', '.join(TIERS)}")
        yield Related(code, other, row["Relatedness Tier"], int(_number(row["Index"], where, "Index")))


def _read_occupations(folder: Path, done) -> dict[str, Occupation]:
    base = {}
    for where, row in _rows(folder, "Occupation Data.txt", done):
        code = _code(row["O*NET-SOC Code"], where)
        base[code] = (row["Title"], row["Description"])
    zones, alts = {}, {code: [] for code in base}
    for where, row in _rows(folder, "Job Zones.txt", done):
        zone = _number(row["Job Zone"], where, "Job Zone")
        if zone not in {1.0, 2.0, 3.0, 4.0, 5.0}:
            raise BadInput(f"{where}: job zone {row['Job Zone']!r} is not 1 to 5")
        zones[_code(row["O*NET-SOC Code"], where, base)] = int(zone)
    for where, row in _rows(folder, "Alternate Titles.txt", done):
        alts[_code(row["O*NET-SOC Code"], where, base)].append(row["Alternate Title"])
    return {code: Occupation(code, title, text, zones.get(code), tuple(sorted(set(alts[code]) - {title})))
            for code, (title, text) in sorted(base.items())}


def _read_ratings(folder: Path, name: str, known: set[str], elements: dict, done) -> Iterator[Rating]:
    pairs: dict[tuple[str, str], dict[str, tuple[str, dict]]] = {}
    for where, row in _rows(folder, name, done):
        key = (_code(row["O*NET-SOC Code"], where, known), row["Element ID"])
        if key[1] not in elements:
            raise BadInput(f"{where}: element {key[1]!r} is not in Content Model Reference.txt")
        if row["Scale ID"] not in ("IM", "LV"):
            continue
        _number(row["Data Value"], where, "Data Value")
        pairs.setdefault(key, {})[row["Scale ID"]] = (where, row)
    for (code, element), scales in sorted(pairs.items()):
        if "IM" not in scales:
            where = scales["LV"][0]
            raise BadInput(f"{where}: level (LV) of {element} for {code} has no importance (IM) row")
        where, im = scales["IM"]
        lv = scales.get("LV", (None, None))[1]
        yield Rating(code, element, im["Data Value"], lv["Data Value"] if lv else None,
                     _integer(im["N"], where), _decimal(im["Standard Error"], where), _month(im["Date"], where),
                     im["Domain Source"], any(r["Recommend Suppress"] == "Y" for _, r in scales.values()))


def _read_technology(folder: Path, known: set[str], done) -> Iterator[Technology]:
    for where, row in _rows(folder, "Technology Skills.txt", done):
        flags = [row[f] for f in ("Hot Technology", "In Demand")]
        if any(flag not in ("Y", "N") for flag in flags) or not row["Commodity Code"].isdigit():
            raise BadInput(f"{where}: expected a numeric commodity code and Y/N flags, got "
                           f"{row['Commodity Code']!r}, {flags[0]!r}, {flags[1]!r}")
        yield Technology(_code(row["O*NET-SOC Code"], where, known), row["Example"], row["Commodity Code"],
                         row["Commodity Title"], flags[0] == "Y", flags[1] == "Y")


def _rows(folder: Path, name: str, done) -> Iterator[tuple[str, dict[str, str]]]:
    """Yield (``FILE:LINE``, fields by header name) for each data row of one file."""
    path = folder / name
    try:
        handle = path.open(encoding="utf-8", newline="")
        with handle:
            header = handle.readline().rstrip("\r\n").split("\t")
            missing = [f for f in FILES[name] if f not in header]
            if missing:
                raise BadInput(f"{path}:1: header lacks {', '.join(missing)}; is this O*NET's {name}?")
            for number, line in enumerate(handle, start=2):
                fields = line.rstrip("\r\n").split("\t")
                if len(fields) != len(header):
                    raise BadInput(f"{path}:{number}: {len(fields)} tab-separated fields, expected {len(header)}")
                yield f"{path}:{number}", dict(zip(header, fields))
    except FileNotFoundError:
        raise BadInput(f"{path}: missing; an O*NET text release has {name}") from None
    except UnicodeDecodeError as exc:
        raise BadInput(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    done(path.stat().st_size)


def _code(value: str, where: str, known=None) -> str:
    if not _CODE.match(value):
        raise BadInput(f"{where}: {value!r} is not an O*NET-SOC code such as 15-2051.00")
    if known is not None and value not in known:
        raise BadInput(f"{where}: occupation {value} is not in Occupation Data.txt")
    return value


def _number(value: str, where: str, what: str) -> float:
    if not _DECIMAL.match(value):
        raise BadInput(f"{where}: {what} {value!r} is not a number")
    return float(value)


def _integer(value: str, where: str) -> str:
    if value and not value.isdigit():
        raise BadInput(f"{where}: N {value!r} is not a whole number")
    return value


def _decimal(value: str, where: str) -> str:
    if value:
        _number(value, where, "Standard Error")
    return value


def _month(value: str, where: str) -> str:
    """Return O*NET's ``MM/YYYY`` as ``YYYY-MM`` (xsd:gYearMonth)."""
    match = _DATE.match(value)
    if not match:
        raise BadInput(f"{where}: date {value!r} is not MM/YYYY")
    return f"{match.group(2)}-{match.group(1)}"
