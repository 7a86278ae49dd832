"""Documents made from bytes (normalize/__init__.py): refused when there is no text, with
their source recorded."""
from __future__ import annotations

import pytest

from conftest import seed_file
from kg.errors import InputError
from kg.normalize import make_document, read_document


# ------------------------------------------------------------------ documents
@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b" \n\t\r\n\xe3\x80\x80\n", "no text"),
    ("。。。，，，!!!……“”《》\n---".encode(), "no text"),
    ("版权所有:某网站\n分享让更多人看到\n".encode(), "no text"),
])
def test_documents_without_text_are_refused(data, reason):
    with pytest.raises(InputError, match=reason) as caught:
        make_document(data, "page.txt")
    assert caught.value.path == "page.txt"


def test_document_records_its_source():
    document = read_document(seed_file("003"))
    assert document.id == seed_file("003").stem
    assert document.encoding == "utf-8"
    assert len(document.sha256) == 64
