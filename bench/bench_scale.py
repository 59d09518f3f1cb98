"""Time mlgraph on synthetic graphs of growing size against pyoxigraph and the import floor.

For each size (triples) it writes a graph in mlgraph's vocabulary (bench/synthetic.py: every
relation backed by an rdf:Statement with its source) into a temporary folder, then runs whole
processes and prints, side by side:

- floors: ``python -c "import networkx, click"`` and pyoxigraph's ``Store.load`` of the same file;
- cold (empty cache) and warm (cache filled) ``stats``, ``path``, ``show``, ``next``, ``viz``;
  ``export`` (Turtle) and ``validate``, which do not use the cache;
- wall seconds (best of --runs for warm runs), CPU seconds (user + system) and peak memory of
  each process (from ``os.wait4``), the goal ratios and the growth exponent (slope of log time
  against log triples over the sizes run).

The machine may be shared: CPU seconds are steadier than wall seconds then.

Usage: python bench/bench_scale.py [--sizes 20000,200000,2000000] [--runs 3] [--skip validate@2000000]
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # bench/ is not a package: find synthetic.py
from synthetic import write_graph  # noqa: E402

GIB = 1024 ** 3
STORE_LOAD = ("import sys, pyoxigraph as ox; s = ox.Store(); "
              "s.load(path=sys.argv[1], format=ox.RdfFormat.TURTLE); print(len(s))")


def run(command: list[str], env: dict, timeout: float = 900) -> dict:
    """Run ``command`` once; return wall and CPU seconds, peak memory (bytes) and exit code."""
    errors = tempfile.TemporaryFile()
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            return {"wall": math.nan, "cpu": math.nan, "rss": math.nan, "code": "timeout"}
        time.sleep(0.01)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    errors.seek(0)
    stderr = errors.read().decode(errors="replace")
    if code not in (0, 1):
        print(f"  ! {' '.join(command[-4:])} exited {code}: {stderr.strip()[-300:]}", file=sys.stderr)
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss * 1024, "code": code}


def best(command: list[str], env: dict, runs: int) -> dict:
    """Return the run with the least wall time of ``runs`` runs (peak memory: the largest)."""
    results = [run(command, env) for _ in range(runs)]
    chosen = min(results, key=lambda r: r["wall"] if not math.isnan(r["wall"]) else math.inf)
    return dict(chosen, rss=max(r["rss"] for r in results))


def measure(size: int, data: Path | None, args, folder: Path) -> dict[str, dict]:
    """Return every measurement for one graph (``data`` None: the built-in graph alone)."""
    py = sys.executable
    mlgraph = [shutil.which("mlgraph", path=str(Path(py).parent)) or "mlgraph"]
    if data is not None:
        mlgraph += ["--data", str(data)]
    names = ("role 0", "role 100") if data is not None else ("data scientist", "machine learning architect")
    cache = folder / f"cache-{size}"
    env = dict(os.environ, MLGRAPH_CACHE_DIR=str(cache))
    skip = set(args.skip)
    found: dict[str, dict] = {}

    def cold(label: str, command: list[str]) -> None:
        shutil.rmtree(cache, ignore_errors=True)
        found[f"{label} cold"] = run(command, env)

    page = folder / f"map-{size}.html"
    commands = {
        "stats": [*mlgraph, "stats"],
        "path": [*mlgraph, "path", *names],
        "show": [*mlgraph, "show", names[0]],
        "next": [*mlgraph, "next", names[0]],
        "viz": [*mlgraph, "viz", "-o", str(page)],
    }
    for label, command in commands.items():
        if f"{label}@{size}" in skip:
            continue
        if label in ("stats", "path", "viz"):
            cold(label, command)
        run(command, env)  # fill the cache (and the layout cache for viz)
        found[f"{label} warm"] = best(command, env, args.runs)
    if page.exists():
        found["viz page"] = {"bytes": page.stat().st_size}
    if f"export@{size}" not in skip:
        found["export ttl"] = run([*mlgraph, "export", "--force", "-o", str(folder / f"export-{size}.ttl")], env)
    if f"validate@{size}" not in skip:
        found["validate"] = run([*mlgraph, "validate"], env)
    if data is not None:
        found["pyoxigraph Store.load"] = best([py, "-c", STORE_LOAD, str(data)], env, args.runs)
    return found


def exponent(points: list[tuple[float, float]]) -> float:
    """Return the least-squares slope of log(y) against log(x)."""
    points = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0 and not math.isnan(y)]
    if len(points) < 2:
        return math.nan
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    return sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)


def fmt(value: float, unit: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "MiB":
        return f"{value / 1024 ** 2:,.0f} MiB"
    if unit == "MB":
        return f"{value / 1e6:.2f} MB"
    return f"{value:.2f}x"


def report(results: dict, triples: dict, floor: dict) -> None:
    """Print the measurements as one table, sizes side by side, then the goals."""
    sizes = list(results)
    head = ["measure"] + [f"{triples[s]:,} triples" if s else "built-in" for s in sizes] + ["exponent"]
    rows = [head]
    floor_row = ["python -c 'import networkx, click'"] + [fmt(floor["wall"], "s")] * len(sizes) + [""]
    rows.append(floor_row)
    keys = sorted({k for r in results.values() for k in r}, key=_order)
    for key in keys:
        if key == "viz page":
            rows.append([key + " size"] + [fmt(results[s].get(key, {}).get("bytes", math.nan), "MB") for s in sizes] + [""])
            continue
        for metric, unit in (("wall", "s"), ("cpu", "s"), ("rss", "MiB")):
            cells = [fmt(results[s].get(key, {}).get(metric, math.nan), unit) for s in sizes]
            slope = exponent([(triples[s], results[s].get(key, {}).get(metric, math.nan)) for s in sizes if s])
            name = {"wall": f"{key}", "cpu": "  cpu", "rss": "  peak memory"}[metric]
            rows.append([name] + cells + ["" if metric == "rss" or math.isnan(slope) else f"{slope:.2f}"])
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)))
    print()
    print_goals(results, triples, floor)


def _order(key: str) -> tuple:
    order = ["pyoxigraph Store.load", "stats cold", "stats warm", "path cold", "path warm", "show warm",
             "next warm", "viz cold", "viz warm", "viz page", "export ttl", "validate"]
    return (order.index(key) if key in order else 99, key)


def print_goals(results: dict, triples: dict, floor: dict) -> None:
    """Print each goal with the figure beside it and whether it is met."""
    lines = []

    def goal(text: str, value: float, limit: float, shown: str) -> None:
        if value is None or math.isnan(value):
            lines.append(f"  [ -- ] {text}: not measured")
        else:
            lines.append(f"  [{'met ' if value <= limit else 'MISS'}] {text}: {shown}")

    for s in results:
        r, n = results[s], triples[s]
        get = lambda key, metric="wall": r.get(key, {}).get(metric, math.nan)  # noqa: E731
        if s and n >= 150_000:
            ox_wall, ox_cpu = get("pyoxigraph Store.load"), get("pyoxigraph Store.load", "cpu")
            goal(f"cold load (stats) <= 2x Store.load at {n:,}", get("stats cold") / ox_wall, 2,
                 f"{get('stats cold') / ox_wall:.2f}x wall, {get('stats cold', 'cpu') / ox_cpu:.2f}x cpu")
        for cmd in ("path", "show", "next"):
            if s and n >= 1_500_000:
                goal(f"warm {cmd} < 3 s at {n:,}", get(f"{cmd} warm"), 3, fmt(get(f"{cmd} warm"), "s"))
            elif not s or n >= 150_000:
                ratio = get(f"{cmd} warm") / floor["wall"]
                goal(f"warm {cmd} <= 1.5x import networkx, click at {n:,}", ratio, 1.5,
                     f"{ratio:.2f}x wall, {get(f'{cmd} warm', 'cpu') / floor['cpu']:.2f}x cpu")
        if s and n >= 1_500_000:
            goal(f"peak memory cold < 1.5 GiB at {n:,}", get("stats cold", "rss") / GIB, 1.5, fmt(get("stats cold", "rss"), "MiB"))
            warm = max(get(f"{c} warm", "rss") for c in ("stats", "path", "show", "next"))
            goal(f"peak memory warm < 1 GiB at {n:,}", warm / GIB, 1.0, fmt(warm, "MiB"))
            size = r.get("viz page", {}).get("bytes", math.nan)
            goal(f"2,000-node viz page < 3 MB at {n:,}", size / 1e6, 3, fmt(size, "MB"))
            goal(f"2,000-node viz page written < 5 s warm at {n:,}", get("viz warm"), 5, fmt(get("viz warm"), "s"))
        if not s:
            goal("validate built-in < 1 s", get("validate"), 1, fmt(get("validate"), "s"))
        elif 150_000 <= n < 1_500_000:
            goal(f"validate < 20 s at {n:,}", get("validate"), 20, fmt(get("validate"), "s"))
    print("Goals")
    print("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000,200000", help="comma-separated triple counts "
                        "(add 2000000 for the large graph: minutes)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each warm command (best is kept)")
    parser.add_argument("--skip", default="validate@2000000,export@2000000",
                        help="comma-separated COMMAND@SIZE to leave out (pySHACL and rdflib export take "
                             "many minutes at 2M); '' to run everything")
    parser.add_argument("--keep", metavar="DIR", help="write graphs and outputs here and keep them")
    args = parser.parse_args()
    args.skip = [s for s in args.skip.split(",") if s]
    sizes = [0] + [int(s) for s in args.sizes.split(",") if s]
    with tempfile.TemporaryDirectory(prefix="mlgraph-bench-") as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        floor = best([sys.executable, "-c", "import networkx, click"], dict(os.environ), max(args.runs, 5))
        results, triples = {}, {}
        for size in sizes:
            data = None if not size else folder / f"graph-{size}.ttl"
            if data is not None and not data.exists():
                write_graph(size, data)
            triples[size] = _count(data)
            print(f"measuring {triples[size]:,} triples ...", file=sys.stderr)
            results[size] = measure(size, data, args, folder)
        report(results, triples, floor)


def _count(data: Path | None) -> int:
    """Return the number of triples in ``data`` (None: the built-in graph), counted by pyoxigraph
    in a child process: loading it here would raise the peak memory every later child reports
    (Linux children inherit the parent's high-water mark across fork)."""
    code = ("import sys, pyoxigraph as ox; from pathlib import Path; from mlgraph.rdf.builtin import builtin_files; "
            "s = ox.Store(); paths = [Path(p) for p in sys.argv[1:]] or builtin_files(); "
            "[s.bulk_load(path=str(p), format=ox.RdfFormat.TURTLE, base_iri=p.resolve().as_uri()) for p in paths]; "
            "print(len(s))")
    out = subprocess.run([sys.executable, "-c", code, *([str(data)] if data else [])],
                         check=True, capture_output=True, text=True)
    return int(out.stdout)


if __name__ == "__main__":
    main()
