"""The built wheel, installed with a plain ``pip install`` into a fresh venv, works from any
folder: the embedded seeds travel inside the package and no ``seeds/`` folder nearby is read."""
from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from kg.pipeline import default_corpus

ROOT = Path(__file__).resolve().parents[1]


def test_the_seeds_are_package_data_not_a_folder_found_by_walking_up():
    corpus = default_corpus()
    package = Path(__import__("kg").__file__).resolve().parent
    assert [p.name[:3] for p in corpus] == ["000", "001", "002", "003", "004"]
    assert all(p.resolve().parent == package / "seeds" for p in corpus)


def _run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


@pytest.mark.slow
def test_wheel_installed_in_a_fresh_venv_builds_the_seeds_from_another_folder(tmp_path):
    dist = tmp_path / "dist"
    _run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", dist, ROOT)
    (wheel,) = dist.glob("kg-*.whl")
    env = tmp_path / "env"
    venv.create(env, with_pip=True)
    _run(env / "bin" / "python", "-m", "pip", "install", "-q", wheel)
    # an unrelated seeds/ folder above the working folder must not be read
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "unrelated.txt").write_text("内蒙古自治区妇联在赤峰市开展活动。\n",
                                                     encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    built = _run(env / "bin" / "kg", "build", "-o", "out", cwd=elsewhere)
    assert built.stdout.startswith("documents read: 5\n")
    turtle = (elsewhere / "out" / "kg.ttl").read_text(encoding="utf-8")
    assert "000_ed4c681966dfcba4.txt" in turtle and "unrelated" not in turtle
    api = _run(env / "bin" / "python", "-c",
               "import kg; print(sorted(d.path for d in kg.build().documents))", cwd=elsewhere)
    assert api.stdout.count(".txt") == 5 and "unrelated" not in api.stdout
