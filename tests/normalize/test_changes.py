"""The offset map from normalised text back to the original (normalize/changes.py), on the seeds
and on any text."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEED_FILES
from kg.normalize import normalize_text, read_document, split_sentences


# ------------------------------------------------------------------ offset map
def _normalise_alone(original: str) -> str:
    """A piece of original text normalised without its document around it.

    Only ``join_broken_lines`` looks at the lines around a break, so breaks that it joined
    inside a sentence are joined here too.
    """
    return re.sub(r"\n\s*", "", normalize_text(original)[0]).strip()


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_every_sentence_maps_back_to_its_original_text(path):
    document = read_document(path)
    assert document.sentences
    for start, end in document.sentences:
        first, last = document.original_span(start, end)
        assert _normalise_alone(document.text_original[first:last]) == document.text[start:end]


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_unchanged_characters_map_to_themselves(path):
    document = read_document(path)
    text, original, index = document.text, document.text_original, document.offset_map
    assert len(index) == len(text) + 1 and index[-1] == len(original)
    same = sum(text[i] == original[index[i]] for i in range(len(text)))
    assert same >= (0.6 if path.name.startswith(("003", "004")) else 0.99) * len(text)


def test_offsets_skip_removed_glosses():
    text, index = normalize_text("自治區(qū)婦聯(lián)主席")
    assert text == "自治区妇联主席"
    assert list(index) == [0, 1, 2, 7, 8, 15, 16, 17]


_HOSTILE = st.sampled_from(list("聯區(（)）qūlián自治\n\r\t ，。.a\u0301\u200b\u202e⻄㈱…ｶﾞ\u1100\u1161"
                                "\x00\x85\u2028\ufeff\ud800😀\u0b47\u0b3e")
                           + ["<br>", "<p>", "&amp;", "&#0;", "&#xd800;", "<script>", "</script>"])
_HOSTILE_TEXT = st.lists(_HOSTILE, max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.text() | _HOSTILE_TEXT | st.lists(_HOSTILE_TEXT, max_size=5).map("\n".join))
def test_any_text_normalises_with_a_monotonic_map_inside_the_original(text):
    clean, index = normalize_text(text)
    assert len(index) == len(clean) + 1
    assert index[-1] == len(text)
    assert all(0 <= i <= len(text) for i in index)
    assert all(a <= b for a, b in zip(index, index[1:]))
    for start, end in split_sentences(clean):
        assert 0 <= start < end <= len(clean)
