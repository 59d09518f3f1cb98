"""Concurrent runs and killed runs never give a wrong answer, leave a broken file or a refusal.

Rounds and runs are bounded (more when the environment variable CI is set); each test prints
its figures (run pytest with -s to see them).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mlgraph.career.network import input_files, load_network
from mlgraph.storage import cache
from mlgraph.storage.network_codec import rows

CI = bool(os.environ.get("CI"))
HEAD = ("@prefix mlg: <https://w3id.org/mlgraph/ns#> .\n@prefix mld: <https://w3id.org/mlgraph/id/> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n")
MARKER = "https://w3id.org/mlgraph/id/m"


def marker_file(label: str, size: int) -> str:
    """A role called ``label`` plus ``size`` filler skills, so parsing takes a little while."""
    filler = "".join(f'mld:s{i} a mlg:Skill ; skos:prefLabel "{label} skill {i}"@en .\n' for i in range(size))
    return HEAD + f'mld:m a mlg:Role ; skos:prefLabel "{label} Marker"@en .\n' + filler


def _flip(path: str, contents: list[str], stop) -> None:
    """Replace ``path`` atomically with each content in turn until ``stop`` is set (an editor saving)."""
    tmp = path + ".editor"
    i = 0
    while not stop.is_set():
        with open(tmp, "w") as out:
            out.write(contents[i % 2])
        os.replace(tmp, path)
        i += 1
        time.sleep(0.002)


def _read_marker(path: str) -> str:
    G = load_network([Path(path)], builtin=False)
    label = G.nodes[MARKER]["label"]
    # The whole network must come from one content: every filler skill names the same marker.
    others = {attrs["label"].split(" skill ")[0] for node, attrs in G.nodes(data=True) if " skill " in attrs["label"]}
    return label if others == {label.removesuffix(" Marker")} else f"MIXED {label} {sorted(others)}"


def test_concurrent_readers_with_a_file_replaced_mid_run_never_answer_from_the_wrong_content(tmp_path, private_cache):
    rounds, workers = (16, 8) if CI else (6, 6)
    contents = [marker_file("Alpha", 300), marker_file("Beta", 300)]
    mine = tmp_path / "mine.ttl"
    mine.write_text(contents[0])
    context = multiprocessing.get_context("fork")
    answers, failures = [], 0
    for _ in range(rounds):
        stop = context.Event()
        editor = context.Process(target=_flip, args=(str(mine), contents, stop))
        editor.start()
        with context.Pool(workers) as pool:
            got = pool.map(_read_marker, [str(mine)] * workers)
        stop.set()
        editor.join(10)
        answers += got
        failures += sum(answer not in ("Alpha Marker", "Beta Marker") for answer in got)
    # Afterwards each content must be answered for by its own entry.
    for text, label in zip(contents, ("Alpha Marker", "Beta Marker")):
        mine.write_text(text)
        if _read_marker(str(mine)) != label:
            failures += 1
    entries = list(private_cache.glob("network-*.json"))
    for entry in entries:
        envelope = json.loads(entry.read_text())
        assert entry.name == f"network-{envelope['key']}.json"
        (path, digest), = [i for i in envelope["inputs"] if i[0] == str(mine.resolve())]
        payload = envelope["network"]  # the codec's columns: node ids, then their attributes in order
        label = rows(payload["node_attrs"])[payload["nodes"].index(MARKER)]["label"]
        schema = input_files([], builtin=False)[0]
        wanted = {cache.digest_sources([(schema, schema.read_bytes()), (Path(path), t.encode())]): t
                  for t in contents}
        assert wanted[envelope["key"]].count(label) == 1  # the entry holds the content of its key
    print(f"\nconcurrency: {rounds} rounds x {workers} readers, {len(answers)} answers "
          f"({answers.count('Alpha Marker')} Alpha, {answers.count('Beta Marker')} Beta), "
          f"{len(entries)} cache entries checked, {failures} failures")
    assert failures == 0


def _big_data(folder: Path) -> Path:
    path = folder / "big.ttl"
    path.write_text(marker_file("Big", 6000))
    return path


def _leftovers(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.iterdir() if p.name.endswith(".mlgraph-tmp")]


def _kill_at_random(args: list[str], folder: Path, env: dict, delay: float, watch: Path | None) -> int:
    """Start mlgraph and kill -9 it after ``delay`` s, or (``watch``) as soon as a temporary file
    shows up in that folder, i.e. in the middle of writing."""
    run = subprocess.Popen([sys.executable, "-m", "mlgraph", *args], cwd=folder, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + (60 if watch else delay)
    while run.poll() is None and time.monotonic() < deadline:
        if watch and _leftovers(watch):
            break
        time.sleep(0.0005 if watch else 0.01)
    run.send_signal(signal.SIGKILL)
    return run.wait(30)


def test_kill_9_at_random_points_of_export_and_cache_writing(tmp_path, private_cache):
    runs = 12 if CI else 5
    env = {**os.environ, "MLGRAPH_CACHE_DIR": str(private_cache)}
    data = _big_data(tmp_path)
    expected = subprocess.run([sys.executable, "-m", "mlgraph", "--no-builtin", "--data", str(data), "export",
                               "--format", "nt", "-o", "-"], capture_output=True, env=env, timeout=120).stdout
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mlgraph", "--no-builtin", "--data", str(data), "export", "-o", "g.nt"],
                   cwd=tmp_path, env=env, timeout=120, check=True)
    span = time.perf_counter() - started
    rng = random.Random(13)
    left_after_kill, refused, broken = 0, 0, 0
    for i in range(runs):
        for args, folder in ((["--no-builtin", "--data", str(data), "export", "-o", "g.nt"], tmp_path),
                             (["--no-builtin", "--data", str(data), "stats"], private_cache)):
            for entry in private_cache.glob("network-*.json"):
                entry.unlink()  # so the killed run writes the cache again
            # Half the kills at a random time, half in the middle of writing a file.
            _kill_at_random(args, tmp_path, env, rng.uniform(0.2, span * 1.1), folder if i % 2 else None)
            left_after_kill += len(_leftovers(tmp_path, private_cache))
            if (tmp_path / "g.nt").read_bytes() != expected:
                broken += 1
            for entry in private_cache.glob("network-*.json"):
                try:
                    envelope = json.loads(entry.read_text())
                    assert envelope["key"] in entry.name
                except (ValueError, KeyError, AssertionError):
                    broken += 1
        follow = subprocess.run([sys.executable, "-m", "mlgraph", "--no-builtin", "--data", str(data), "export",
                                 "-o", "g.nt"], cwd=tmp_path, env=env, capture_output=True, timeout=120)
        refused += follow.returncode != 0
    remaining = _leftovers(tmp_path, private_cache)
    print(f"\nkill -9: {2 * runs} runs killed ({runs} export, {runs} cache write), temporary files seen right "
          f"after a kill {left_after_kill}, left after the next run {len(remaining)}, refused {refused}, broken {broken}")
    assert (refused, broken, remaining) == (0, 0, [])
