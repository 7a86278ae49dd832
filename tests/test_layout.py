"""The shape of the code: no module in src/kg over 600 lines, no function over 60 lines (in the
tests, benchmarks and scripts neither), and the stages import only earlier stages' public
names (normalize → extract → resolve → relate → pipeline (merge) → rdf, viz, outputs); the
tests of the stage packages mirror their modules."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kg

PACKAGE = Path(kg.__file__).parent
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 60
#: The stages in pipeline order; those of one tuple are at the same place.
STAGES = (("normalize",), ("extract",), ("resolve",), ("relate",), ("pipeline",),
          ("rdf", "viz", "outputs"))
STAGE_OF = {name: at for at, names in enumerate(STAGES) for name in names}


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def long_functions(source: str) -> list[tuple[str, int]]:
    """The functions and methods of a module's source longer than ``MAX_FUNCTION_LINES``
    (from ``def`` to their last line, docstring included), with their length."""
    return [(node.name, node.end_lineno - node.lineno + 1)
            for node in ast.walk(ast.parse(source))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]


def imported_names(source: str, module: str, is_package: bool = False
                   ) -> list[tuple[str, str | None]]:
    """``(module, name)`` for every import in a module's source, relative ones made absolute
    (``name`` is None for ``import module``; ``from package import name`` gives both
    ``(package, name)`` and ``(package.name, None)``: the name may be a module)."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(alias.name, None) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            absolute = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:
                found += [(absolute, alias.name), (f"{absolute}.{alias.name}", None)]
    return found


def imports_of(path: Path) -> list[tuple[str, str | None]]:
    return imported_names(path.read_text(encoding="utf-8"), module_name(path),
                          path.name == "__init__.py")


def stage(module: str) -> int | None:
    parts = module.split(".")
    return STAGE_OF.get(parts[1]) if len(parts) > 1 and parts[0] == "kg" else None


def test_long_functions_are_found():
    source = "def short():\n    return 1\n\n\ndef long():\n" + "    x = 1\n" * 60
    assert long_functions(source) == [("long", 61)]


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_and_functions_are_short(path):
    source = path.read_text(encoding="utf-8")
    assert source.count("\n") <= MAX_MODULE_LINES
    assert long_functions(source) == []


def test_functions_of_the_tests_benchmarks_and_scripts_are_short():
    root = Path(__file__).resolve().parents[1]
    long = {f"{path.relative_to(root)}:{name}" for folder in ("tests", "benchmarks", "scripts")
            for path in sorted((root / folder).rglob("*.py"))
            for name, _ in long_functions(path.read_text(encoding="utf-8"))}
    assert long == set()


def layering_problems(module: str, imports: list[tuple[str, str | None]]) -> list[str]:
    """What a stage's module imports against the order of stages: a later stage, or another
    stage's private name or module."""
    here, problems = stage(module), set()
    for imported, name in imports:
        there = stage(imported)
        if here is None or there is None or imported.split(".")[1] == module.split(".")[1]:
            continue
        if there > here:
            problems.add(f"{module} imports the later stage {imported.split('.')[1]}")
        elif (name or "").startswith("_") or any(
                part.startswith("_") for part in imported.split(".")[2:]):
            problems.add(f"{module} imports {imported}{'.' + name if name else ''}, a private name")
    return sorted(problems)


def test_layering_problems_are_found():
    source = ("from ..relate import merge_facts\nfrom .. import pipeline\n"
              "from ..extract import _helper\nfrom . import sentences\n"
              "from ..model import Mention\n")
    assert imported_names(source, "kg.normalize.files")[:2] == [
        ("kg.relate", "merge_facts"), ("kg.relate.merge_facts", None)]
    assert layering_problems("kg.resolve.x", imported_names(source, "kg.resolve.x")) == [
        "kg.resolve.x imports kg.extract._helper, a private name",
        "kg.resolve.x imports the later stage pipeline",
        "kg.resolve.x imports the later stage relate"]
    assert layering_problems("kg.relate.x", imported_names(source, "kg.relate.x")) == [
        "kg.relate.x imports kg.extract._helper, a private name",
        "kg.relate.x imports the later stage pipeline"]


def test_stages_import_only_earlier_stages_public_names():
    assert [problem for path in modules()
            for problem in layering_problems(module_name(path), imports_of(path))] == []


def test_resolve_runs_no_normalize_step():
    assert not [module for module, _ in imports_of(PACKAGE / "resolve.py")
                if module.startswith("kg.normalize")]


@pytest.mark.parametrize("package", ["normalize", "extract", "relate"])
def test_the_tests_of_the_stage_packages_mirror_their_modules(package):
    """Every module of ``kg.normalize``, ``kg.extract`` and ``kg.relate`` has its tests in
    ``tests/<package>/test_<module>.py``."""
    modules = {path.stem for path in (PACKAGE / package).glob("*.py") if path.stem != "__init__"}
    tests = Path(__file__).parent / package
    assert {name for name in modules if not (tests / f"test_{name}.py").exists()} == set()
