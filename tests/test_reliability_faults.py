"""Ordinary faults end in one clear line, never "internal error": a full disk (RLIMIT_FSIZE), an
unwritable folder, special files, odd locales and output encodings."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

HEAD = ("@prefix mlg: <https://w3id.org/mlgraph/ns#> .\n@prefix mld: <https://w3id.org/mlgraph/id/> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n")


def run(tmp_path, *args, env=None, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "MLGRAPH_CACHE_DIR": str(tmp_path / "cache"), **(env or {})}
    return subprocess.run([sys.executable, "-m", "mlgraph", *map(str, args)], capture_output=True, text=True,
                          cwd=tmp_path, env=env, timeout=120, **kwargs)


def one_error(done) -> bool:
    return (done.returncode == 2 and done.stderr.count("mlgraph: error:") == 1
            and "internal error" not in done.stderr and "Traceback" not in done.stderr)


def small_files(limit: int):
    """A preexec_fn that caps the size of any file the child writes: writes past it fail (EFBIG),
    as on a full disk (Python ignores SIGXFSZ)."""
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.parametrize("args", [["export", "-o", "out/g.ttl"], ["viz", "-o", "out/map.html"],
                                  ["plan", "data scientist", "machine learning architect", "-o", "out/plan.md"]])
def test_a_full_disk_while_writing_a_file_is_one_error_and_leaves_nothing(tmp_path, args):
    run(tmp_path, "stats")  # the cache is written before the limit applies
    done = run(tmp_path, *args, preexec_fn=small_files(1024))
    assert one_error(done), done.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == [] if (tmp_path / "out").exists() else True


def test_a_full_disk_on_stdout_is_one_error(tmp_path):
    with open(tmp_path / "capped.txt", "w") as capped:
        done = subprocess.run([sys.executable, "-m", "mlgraph", "export", "-o", "-"], stdout=capped,
                              stderr=subprocess.PIPE, text=True, preexec_fn=small_files(4096), timeout=120,
                              env={**os.environ, "MLGRAPH_CACHE_DIR": str(tmp_path / "cache")})
    assert one_error(done), done.stderr


def test_a_cache_that_cannot_be_written_is_not_an_error(tmp_path):
    (tmp_path / "blocker").write_text("a file where the cache folder should be")
    done = run(tmp_path, "show", "data scientist", env={"MLGRAPH_CACHE_DIR": str(tmp_path / "blocker" / "cache")})
    assert done.returncode == 0 and "data scientist" in done.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_one_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert one_error(run(tmp_path, "export", "-o", "ro/g.ttl"))
    finally:
        folder.chmod(0o700)


def test_a_folder_or_a_device_given_as_a_file_is_one_error(tmp_path):
    (tmp_path / "dir.ttl").mkdir()
    for args in (["--data", "/dev/null", "stats"], ["export", "-o", "dir.ttl"],
                 ["gap", "data scientist", "ml engineer", "--have", "/dev/zero"]):
        assert one_error(run(tmp_path, *args)), args
    usage = run(tmp_path, "--data", "dir.ttl", "stats")  # click's own check of the option
    assert usage.returncode == 2 and "is a directory" in usage.stderr and "Traceback" not in usage.stderr


@pytest.mark.parametrize("settings", [{"LC_ALL": "C"}, {"LC_ALL": "C", "PYTHONIOENCODING": "latin-1"},
                                      {"PYTHONIOENCODING": "cp1252"}, {"LC_ALL": "POSIX", "PYTHONUTF8": "0"},
                                      {"PYTHONUNBUFFERED": "1", "PYTHONIOENCODING": "ascii"}])
def test_odd_locales_and_encodings_still_print_the_route(tmp_path, settings):
    (tmp_path / "ü.ttl").write_text(HEAD + 'mld:u a mlg:Role ; skos:prefLabel "Ünïcødé → rôle 数据"@en .\n')
    done = run(tmp_path, "--data", "ü.ttl", "path", "data scientist", "machine learning architect", env=settings)
    assert done.returncode == 0 and "→" in done.stdout, done.stderr
    listed = run(tmp_path, "--data", "ü.ttl", "list", "--type", "Role", env=settings)
    assert listed.returncode == 0 and "Ünïcødé → rôle 数据" in listed.stdout


def test_sigterm_removes_the_temporary_file(tmp_path):
    import signal
    import time

    (tmp_path / "big.ttl").write_text(HEAD + "".join(f'mld:s{i} a mlg:Skill ; skos:prefLabel "s {i}"@en .\n'
                                                     for i in range(6000)))
    env = {**os.environ, "MLGRAPH_CACHE_DIR": str(tmp_path / "cache")}
    child = subprocess.Popen([sys.executable, "-m", "mlgraph", "--no-builtin", "--data", "big.ttl", "export", "-o",
                              "g.nt"], cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while child.poll() is None and time.monotonic() < deadline:
        if any(p.name.endswith(".mlgraph-tmp") for p in tmp_path.iterdir()):
            child.send_signal(signal.SIGTERM)
            break
        time.sleep(0.0005)
    code = child.wait(60)
    assert code in (0, 143)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".mlgraph-tmp")]
