"""The README tells the truth: every command whose output it prints (``$ COMMAND`` in a code
block, followed by the output) is run here on the seeds and its output compared.

A block ending in ``…`` shows the first lines only; ``elapsed: 1.23 s`` matches any time. When
a change of the rules moves a figure, this test fails with the command's real output to paste
into the README.
"""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
_COMMAND = re.compile(r"^(?P<indent> {4}|)\$ (?P<command>.+)$")
_FENCE = "```"
_ELAPSED = re.compile(r"elapsed: \d+\.\d\d s")


@dataclass(frozen=True)
class Example:
    """One ``$ COMMAND`` of the README with the output it shows."""

    line: int
    command: str
    output: tuple[str, ...]

    @property
    def truncated(self) -> bool:
        return self.output[-1:] == ("…",)


def readme_examples(text: str) -> list[Example]:
    """The ``$ COMMAND`` lines of the README's code blocks (fenced or indented), each with the
    lines after it up to the next command or the end of the block."""
    lines = text.splitlines()
    examples, number = [], 0
    while number < len(lines):
        match = _COMMAND.match(lines[number])
        number += 1
        if not match:
            continue
        indent, output = match["indent"], []
        while number < len(lines):
            line = lines[number]
            if _COMMAND.match(line) or line.startswith(_FENCE):
                break
            if indent and line.strip() and not line.startswith(indent):
                break
            output.append(line[len(indent):])
            number += 1
        while output and not output[-1].strip():
            output.pop()
        examples.append(Example(number - len(output), match["command"], tuple(output)))
    return examples


EXAMPLES = readme_examples((ROOT / "README.md").read_text(encoding="utf-8"))


def test_the_readme_shows_the_outputs_of_its_commands():
    commands = [e.command for e in EXAMPLES]
    assert "bash tools/run.sh" in commands and "python scripts/leadership.py" in commands
    assert sum(c.startswith("kg query ") for c in commands) >= 2
    assert all(e.output for e in EXAMPLES)


def argv(command: str) -> list[str]:
    """How the test runs a README command: ``kg`` as ``python -m kg``, the scripts with this
    Python, ``bash tools/run.sh`` as the ``kg build`` it ends in, ``../shared`` from here."""
    words = [w.replace("../shared", str(SHARED)) for w in shlex.split(command)]
    if words == ["bash", "tools/run.sh"]:
        assert (ROOT / "tools" / "run.sh").read_text().rstrip().endswith(
            'exec .venv/bin/kg build "$@"')
        return [sys.executable, "-m", "kg", "build"]
    if words[0] == "kg":
        return [sys.executable, "-m", "kg", *words[1:]]
    if words[0] == "python":
        return [sys.executable, str(ROOT / words[1]), *words[2:]]
    raise AssertionError(f"README command the test does not know how to run: {command}")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """A folder like the project's after ``bash tools/run.sh``: ``output/`` built from the
    seeds, ``queries/`` beside it."""
    folder = tmp_path_factory.mktemp("readme")
    (folder / "queries").symlink_to(ROOT / "queries")
    subprocess.run([sys.executable, "-m", "kg", "build", "-o", "output", "--quiet"],
                   cwd=folder, check=True)
    return folder


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.command for e in EXAMPLES])
def test_readme_output_is_what_the_command_prints(example, workspace):
    if str(SHARED) in " ".join(argv(example.command)) and not SHARED.is_dir():
        pytest.skip("the shared development gold is not here")
    done = subprocess.run(argv(example.command), cwd=workspace, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    printed = [line.rstrip() for line in done.stdout.rstrip().splitlines()]
    shown = [line.rstrip() for line in example.output]
    if example.truncated:
        shown, printed = shown[:-1], printed[:len(shown) - 1]
    printed = ["elapsed: 1.11 s" if _ELAPSED.fullmatch(line) else line for line in printed]
    shown = ["elapsed: 1.11 s" if _ELAPSED.fullmatch(line) else line for line in shown]
    assert printed == shown, (f"README.md line {example.line}: `{example.command}` now prints:"
                              "\n" + done.stdout)
