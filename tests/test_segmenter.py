"""jieba's dictionary state is kg's own: a file planted at jieba's shared cache path, or a
spoilt private cache file, changes nothing."""
from __future__ import annotations

import hashlib
import marshal
import math
import os
import subprocess
import sys

import pytest

from conftest import seed_file
from kg import hmm, segmenter


def _build(tmp_path, name: str, temp: os.PathLike, xdg: os.PathLike) -> bytes:
    """The Turtle of seed 001 built in a new process with the given TMPDIR and cache home."""
    out = tmp_path / name
    done = subprocess.run([sys.executable, "-m", "kg", "build", seed_file("001"), "-o", out,
                           "--no-cache", "--no-html", "--quiet"], capture_output=True, text=True,
                          env={**os.environ, "TMPDIR": str(temp), "XDG_CACHE_HOME": str(xdg)})
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return (out / "kg.ttl").read_bytes()


@pytest.mark.slow
def test_planted_and_spoilt_dictionary_caches_change_nothing(tmp_path):
    clean_tmp, planted_tmp, unreadable_tmp = (tmp_path / n for n in ("t1", "t2", "t3"))
    for folder in (clean_tmp, planted_tmp, unreadable_tmp):
        folder.mkdir()
    # jieba would load this as its whole dictionary: every character a word of its own
    (planted_tmp / "jieba.cache").write_bytes(marshal.dumps(({"妇": 1, "联": 1}, 2)))
    (unreadable_tmp / "jieba.cache").mkdir()     # opening it fails
    expected = _build(tmp_path, "clean", clean_tmp, tmp_path / "xdg-clean")
    assert _build(tmp_path, "planted", planted_tmp, tmp_path / "xdg-planted") == expected
    assert _build(tmp_path, "unreadable", unreadable_tmp, tmp_path / "xdg-unreadable") == expected
    (private,) = (tmp_path / "xdg-clean" / "kg").glob("jieba-dictionary-*.bin")
    data = bytearray(private.read_bytes())
    data[-100] ^= 0xFF                           # one byte spoilt: the digest no longer matches
    private.write_bytes(bytes(data))
    assert _build(tmp_path, "spoilt", clean_tmp, tmp_path / "xdg-clean") == expected
    assert segmenter._load(private) is not None  # written again, whole


def _cache_file(path, payload: bytes) -> None:
    path.write_bytes(hashlib.sha256(payload).digest() + payload)
    path.chmod(0o600)


def test_a_cache_file_others_may_write_is_not_used(tmp_path):
    path = tmp_path / "state.bin"
    _cache_file(path, segmenter._build("妇联 5 nt\n妇女 3 n\n".encode()))
    words = segmenter._load(path)
    tags = segmenter.WordTags(words, 1, 2)
    assert (words.frequency("妇联"), tags["妇女"], words.total) == (5, "n", 8)
    assert (words.frequency("妇"), tags.get("妇")) == (0, None)  # a prefix, not a word
    assert words.fragment("妇") is segmenter._PREFIX and words.fragment("联") is None
    assert words.fragment("妇联") == math.log(5) - math.log(8)
    path.chmod(0o666)
    assert segmenter._load(path) is None
    path.chmod(0o600)
    path.write_bytes(b"\0" * 32 + path.read_bytes()[32:])
    assert segmenter._load(path) is None


@pytest.mark.parametrize("content", [
    (segmenter._FORMAT, 8, 2, ("n",), b"", b"", b"", b"", b""),  # an empty trie is no trie
    (segmenter._FORMAT, 8, 2, ("n",), b"\0" * 8, b"\0" * 8, b"\5\0", b"", b""),  # no trie
    ("trie-0", 8, 2, ("n",), b"", b"", b"", b"", b""),  # another layout
    (segmenter._FORMAT, 8, 2),  # too few fields
    [1, 2, 3],
])
def test_a_cache_file_of_another_shape_is_not_used(tmp_path, content):
    """A file whose digest matches but whose content is not a dictionary of this layout (an
    older kg's, a hand-made one) is rebuilt, not trusted."""
    path = tmp_path / "state.bin"
    payload = marshal.dumps(content)
    _cache_file(path, payload)
    assert segmenter._load(path) is None


def test_the_private_cache_lives_under_the_users_cache_home(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert segmenter.cache_folder() == tmp_path / "kg"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert segmenter.cache_folder() == tmp_path / "home" / ".cache" / "kg"


#: Text in our own words, with names jieba's dictionary does not hold (its HMM reads them).
TEXT = ("昨天下午，区科协副主席柯望舒在会上说：要把科普工作做实。\n"
        "村医窦禾生和护士长贝若溪2023年起坚持送药上门，群众称赞“好医生”！")


def _posseg(text: str) -> list[tuple[str, str]]:
    import jieba.posseg

    segmenter.tokenizer()
    return [(pair.word, pair.flag) for pair in jieba.posseg.dt.cut(text)]


def test_cut_is_jieba_cut_without_hmm():
    import jieba

    segmenter.tokenizer()
    for text in (TEXT, "Wi-Fi覆盖率达99.5%，A股和B股\r\n  ab c+d#e 2024年起", "乌兰其其格等"):
        assert segmenter.cut(text) == list(jieba.dt.cut(text, HMM=False))


def test_the_dictionary_is_jieba_s():
    import jieba.posseg

    shared, words = segmenter.tokenizer(), segmenter.dictionary()
    assert words.total == shared.total
    for word in ("妇联", "中华人民共和国", "李娜", "的", "妇", "柯望舒"):
        assert words.frequency(word) == shared.FREQ.get(word, 0)
        assert segmenter.word_tags().get(word) == jieba.posseg.dt.word_tag_tab.get(word)


def _strings(words) -> list[tuple[str, str]]:
    return [(TEXT[a:b], tag) for a, b, tag in words]


def test_tagged_words_read_whole_are_jieba_posseg():
    words = segmenter.tagged_words(TEXT, 0, len(TEXT), lambda a, b: True)
    assert _strings(words) == _posseg(TEXT)
    start = TEXT.index("村医")
    assert _strings(segmenter.tagged_words(TEXT, start, len(TEXT), lambda a, b: True)) \
        == _posseg(TEXT[start:])


def test_only_wanted_stretches_are_read_and_the_rest_reads_the_same_later():
    # blocks of more than four characters are read, none of the HMM's stretches in them
    words = segmenter.tagged_words(TEXT, 0, len(TEXT), lambda a, b: b - a > 4)
    assert ("昨天下午", segmenter.UNREAD) in _strings(words)
    assert ("柯望舒在", segmenter.UNREAD_HMM) in _strings(words)
    assert ("窦禾生", "nr") in _strings(words)  # its stretch (村医窦禾生和) is longer
    read_later = [w for word in words for w in segmenter.read_unread(TEXT, word)]
    assert _strings(read_later) == _posseg(TEXT)
    nothing = segmenter.tagged_words(TEXT, 0, len(TEXT), lambda a, b: False)
    assert {tag for _, _, tag in nothing} == {segmenter.UNREAD, "x"}


def test_the_words_beside_a_name_are_read():
    text = "李娜便去了"  # a name of jieba's dictionary, then single characters for its HMM
    block = lambda a, b: (a, b) == (0, len(text))  # noqa: E731 (the block, none of its stretches)
    assert segmenter.tagged_words(text, 0, len(text), block)[-1] == (2, 5, segmenter.UNREAD_HMM)
    beside = segmenter.tagged_words(text, 0, len(text), block, frozenset(("nr",)))
    assert [(text[a:b], tag) for a, b, tag in beside] == _posseg(text)


def test_the_hmm_gives_jieba_posseg_s_words_and_tags():
    import jieba.posseg
    from jieba.posseg.viterbi import viterbi

    # stretches of characters jieba's dictionary leaves single: names, a run on, a number inside
    for stretch in ("柯望舒在", "窦禾生和", "贝若溪", "乌兰其其格等", "阿布都热合曼", "老李说4次就"):
        expected = jieba.posseg.dt._POSTokenizer__cut_detail(stretch)
        assert list(hmm.hmm_words(stretch)) == [(p.word, p.flag) for p in expected]
        han = "".join(c for c in stretch if "\u4e00" <= c <= "\u9fd5")
        route = viterbi(han, jieba.posseg.char_state_tab_P, jieba.posseg.start_P,
                        jieba.posseg.trans_P, jieba.posseg.emit_P)[1]
        assert hmm._model().decode(han) == route
