"""Time the O*NET import and whole mlgraph commands on the imported graph against `import networkx, click`.

Prints: the import's wall-clock time and peak memory; the first (cold) load of the imported graph;
then the best of N runs of cached `path`, `show` and `next` on it, and each one's ratio to
`python -c "import networkx, click"` (the project aims at 1.5 or less for cached queries).

Usage: python bench/bench_onet.py ONET_FOLDER [-n RUNS]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUERIES = {
    "path": ["path", "data scientists", "computer systems engineers/architects"],
    "show": ["show", "statisticians"],
    "next": ["next", "15-2051.00"],
}


def timed(command: list[str], env: dict) -> float:
    """Return the wall-clock seconds one run of ``command`` takes (it must succeed)."""
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def best_time(command: list[str], runs: int, env: dict) -> float:
    """Return the fastest of ``runs`` timings of ``command``."""
    return min(timed(command, env) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the O*NET text release (e.g. ../shared/data/onet-29.2)")
    parser.add_argument("-n", "--runs", type=int, default=5)
    args = parser.parse_args()
    py = sys.executable
    mlgraph = shutil.which("mlgraph", path=str(Path(py).parent)) or shutil.which("mlgraph")
    with tempfile.TemporaryDirectory() as work:
        env = dict(os.environ, MLGRAPH_CACHE_DIR=str(Path(work) / "cache"))
        output = Path(work) / "onet.ttl"
        seconds = timed([mlgraph, "import", "onet", str(args.folder), "-o", str(output)], env)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"import: {seconds:.1f} s, peak memory {peak:.0f} MB, {output.stat().st_size / 1e6:.1f} MB of Turtle")
        data = [mlgraph, "--data", str(output)]
        print(f"first load (parse, project, cache): {timed([*data, *QUERIES['show']], env):.1f} s")
        floor = best_time([py, "-c", "import networkx, click"], args.runs, env)
        print(f"python -c 'import networkx, click': {floor:.3f} s (best of {args.runs})")
        for name, query in QUERIES.items():
            cached = best_time([*data, *query], args.runs, env)
            print(f"cached {name:<5} {cached:.3f} s   ratio {cached / floor:.2f}")


if __name__ == "__main__":
    main()
