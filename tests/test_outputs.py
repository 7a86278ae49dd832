"""write_build: every format rendered, then written as one set; validation on request."""
import pytest

from kg import pipeline
from kg.errors import OutputError
from kg.outputs import write_build

TEXT = "湖南省妇联主席李梅出席2023年湖南省三八红旗手表彰大会。"


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    source = tmp_path_factory.mktemp("docs") / "report.txt"
    source.write_text(TEXT, encoding="utf-8")
    return pipeline.build([source])


@pytest.mark.parametrize("formats, names", [
    (("ttl", "html"), ["kg.ttl", "kg.html"]),
    (("html",), ["kg.html"]),
    (("ttl", "ttl"), ["kg.ttl"]),
])
def test_writes_exactly_the_requested_formats(graph, tmp_path, formats, names):
    written = write_build(graph, tmp_path / "out", formats=formats)
    assert [p.name for p in written.paths] == names
    assert sorted(p.name for p in (tmp_path / "out").glob("kg.*")) == sorted(names)
    assert written.conforms is None


def test_validation_reports_conformance_of_the_turtle(graph, tmp_path):
    written = write_build(graph, tmp_path, formats=["ttl"], validate=True)
    assert written.conforms is True and "Conforms: True" in written.report


@pytest.mark.parametrize("formats, message", [
    (["pdf"], "pdf: unknown output format"),
    ([], "--format: unknown output format"),
])
def test_unknown_format_is_refused_before_writing(graph, tmp_path, formats, message):
    with pytest.raises(OutputError, match=message):
        write_build(graph, tmp_path / "out", formats=formats)
    assert not (tmp_path / "out").exists()


def test_validation_needs_the_turtle(graph, tmp_path):
    with pytest.raises(OutputError, match="add ttl"):
        write_build(graph, tmp_path, formats=["html"], validate=True)
