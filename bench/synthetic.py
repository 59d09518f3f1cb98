"""Write a synthetic career graph in mlgraph's vocabulary, of about a given number of triples.

Roles, skills, tools, education paths, industries and organizations with labels, synonyms,
descriptions, kinds and levels; every relation backed by an ``rdf:Statement`` with one
``dct:source``, an evidence class and sometimes a grade, as the data model asks; some roles
carry salary observations. Seeded, so the same size gives the same file.

Usage: python bench/synthetic.py TRIPLES OUT.ttl
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

HEAD = """@prefix mlg:  <https://w3id.org/mlgraph/ns#> .
@prefix mld:  <https://w3id.org/mlgraph/id/> .
@prefix src:  <https://w3id.org/mlgraph/source/> .
@prefix rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct:  <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
"""

WORDS = ("data", "machine", "learning", "vision", "language", "cloud", "platform", "research", "applied",
         "analytics", "robotics", "speech", "search", "ranking", "security", "health", "finance", "edge")
SKILL_KINDS = ("technical", "mathematical", "workplace", "knowledge")
EDU_KINDS = ("degree", "bootcamp", "online-course", "certification", "hands-on-practice")
LEVELS = ("entry", "mid", "senior")
EVIDENCE = ("stated", "stated", "listed", "editorial")
SOURCES = 40

#: Triples per role, all kinds of node and relation included (measured on generated files).
TRIPLES_PER_ROLE = 138


def name(rng: random.Random, i: int) -> str:
    """Return a readable, unique label such as ``applied vision 17``."""
    return f"{rng.choice(WORDS)} {rng.choice(WORDS)} {i}"


def write_graph(triples: int, out: Path, seed: int = 11) -> Path:
    """Write a graph of about ``triples`` triples to ``out`` and return ``out``."""
    rng = random.Random(seed)
    roles = max(20, triples // TRIPLES_PER_ROLE)
    counts = {"role": roles, "skill": roles, "tool": roles // 2, "edu": roles // 2,
              "industry": max(2, roles // 20), "org": max(2, roles // 10)}
    with open(out, "w", encoding="utf-8") as f:
        f.write(HEAD)
        for i in range(SOURCES):
            f.write(f'src:s{i} a mlg:Source ; skos:prefLabel "synthetic article {i}"@en ; '
                    f'dct:title "Synthetic article {i}"@en .\n')
        for kind, n in counts.items():
            for i in range(n):
                f.write(_node(rng, kind, i))
        for i in range(roles):
            _role_relations(f, rng, i, counts)
        for i in range(counts["edu"]):
            for j in rng.sample(range(counts["skill"]), 4):
                f.write(_relation(rng, f"mld:edu{i}", "teaches", f"mld:skill{j}"))
            f.write(_relation(rng, f"mld:edu{i}", "leadsTo", f"mld:role{rng.randrange(roles)}"))
        for i in range(counts["skill"]):
            f.write(_relation(rng, f"mld:skill{i}", "prerequisiteOf", f"mld:skill{rng.randrange(counts['skill'])}"))
        for i in range(counts["org"]):
            for j in rng.sample(range(roles), 2):
                f.write(_relation(rng, f"mld:org{i}", "hires", f"mld:role{j}"))
        for i in range(0, roles, 5):
            f.write(_salary(rng, i))
    return out


def _node(rng: random.Random, kind: str, i: int) -> str:
    label = name(rng, i)
    cls = {"role": "Role", "skill": "Skill", "tool": "Tool", "edu": "EducationPath",
           "industry": "Industry", "org": "Organization"}[kind]
    extra = ""
    if kind == "role":
        extra = f' ; mlg:level "{rng.choice(LEVELS)}"'
    elif kind == "skill":
        extra = f' ; mlg:kind "{rng.choice(SKILL_KINDS)}"'
    elif kind == "edu":
        extra = f' ; mlg:kind "{rng.choice(EDU_KINDS)}"'
    alt = f' ; skos:altLabel "{kind} {i}"@en' if kind != "industry" else ""
    return (f'mld:{kind}{i} a mlg:{cls} ; skos:prefLabel "{kind} {label}"@en{alt}{extra} ;\n'
            f'    dct:description "A synthetic {cls.lower()} numbered {i}, made for measuring speed."@en .\n')


def _role_relations(f, rng: random.Random, i: int, counts: dict[str, int]) -> None:
    roles = counts["role"]
    f.write(_relation(rng, f"mld:role{i}", "progressesTo", f"mld:role{(i + 1) % roles}"))
    f.write(_relation(rng, f"mld:role{i}", "progressesTo", f"mld:role{rng.randrange(roles)}"))
    f.write(_relation(rng, f"mld:role{i}", "canMoveTo", f"mld:role{rng.randrange(roles)}"))
    for j in rng.sample(range(counts["skill"]), 6):
        relation = "requiresSkill" if rng.random() < 0.7 else "optionalSkill"
        f.write(_relation(rng, f"mld:role{i}", relation, f"mld:skill{j}"))
    for j in rng.sample(range(counts["tool"]), 3):
        f.write(_relation(rng, f"mld:role{i}", "usesTool", f"mld:tool{j}"))
    f.write(_relation(rng, f"mld:role{i}", "appliedIn", f"mld:industry{rng.randrange(counts['industry'])}"))


def _relation(rng: random.Random, s: str, p: str, o: str) -> str:
    evidence = rng.choice(EVIDENCE)
    source = "src:editorial" if evidence == "editorial" else f"src:s{rng.randrange(SOURCES)}"
    grade = f" ; mlg:grade mlg:{rng.choice(('essential', 'goodToHave'))}" if p == "requiresSkill" else ""
    return (f"{s} mlg:{p} {o} .\n[] a rdf:Statement ; rdf:subject {s} ; rdf:predicate mlg:{p} ; "
            f"rdf:object {o} ;\n    dct:source {source} ; mlg:evidence mlg:{evidence}{grade} .\n")


def _salary(rng: random.Random, i: int) -> str:
    return (f'mld:salary{i} a mlg:SalaryObservation ; mlg:salaryOf mld:role{i} ; '
            f'schema:value {rng.randrange(40, 200) * 1000}.0 ;\n    schema:currency "USD" ; mlg:period "year" ; '
            f'mlg:region "United States" ; dct:date "2025"^^xsd:gYear ; dct:source src:s{i % SOURCES} .\n')


if __name__ == "__main__":
    write_graph(int(sys.argv[1]), Path(sys.argv[2]))
