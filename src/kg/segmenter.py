"""jieba's segmenter with kg's own dictionary state: never jieba's shared cache file.

jieba keeps its prefix dictionary in ``$TMPDIR/jieba.cache`` and loads that file whenever it
exists, whoever wrote it: a planted file would change kg's output, an unreadable one print a
traceback. kg instead builds the prefix dictionary from jieba's packaged ``dict.txt`` and keeps
it in a private cache (``$XDG_CACHE_HOME/kg`` or ``~/.cache/kg``, mode 700), each file named
after the hash of the dictionary it was made from and holding the SHA-256 of its own content.
A cache file is used only when it belongs to this user, nobody else may write it, and its hash
matches; anything else is ignored and the dictionary built again (about 2 s). The same file holds
every word's part-of-speech tag and the tables of ``jieba.posseg``'s hidden Markov model, so that
a run neither parses ``dict.txt`` nor imports ``jieba.posseg`` (0.3 s each).

``tagged_words`` gives the words and tags ``jieba.posseg`` gives a text, but reads only what its
caller asks for: the HMM (``kg.hmm``), the slow part, runs on a stretch of characters the
dictionary leaves single only when that stretch is wanted.
"""
from __future__ import annotations

import hashlib
import logging
import marshal
import math
import os
import re
import stat
import sys
from functools import cache
from pathlib import Path
from typing import Callable

from .errors import OutputError
from .io import write_atomic

#: Bytes of the SHA-256 digest that opens a cache file.
_DIGEST = 32


def cache_folder() -> Path:
    """kg's private cache folder (``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"


@cache
def tokenizer():
    """``jieba.dt`` (the tokenizer ``jieba.posseg.dt`` uses too), initialised from kg's
    private, verified dictionary state; call before any jieba segmentation."""
    jieba = _jieba()
    jieba.setLogLevel(logging.WARNING)
    shared = jieba.dt
    with shared.lock:
        if not shared.initialized:
            shared.FREQ, shared.total = _dictionary_state()[:2]
            shared.initialized = True
    return shared


@cache
def _jieba():
    """The jieba package, imported without ``pkg_resources`` (which jieba imports only to open
    its own files, falling back to ``open`` without it, and which takes 0.15 s to import)."""
    if "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # an import of it fails while jieba is imported
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


@cache
def word_tags() -> dict[str, str]:
    """The part-of-speech tag of each word of jieba's dictionary (``jieba.posseg``'s table)."""
    return _dictionary_state()[2]


def hmm_model() -> tuple[dict, dict, dict, dict]:
    """The tables of ``jieba.posseg``'s HMM: each character's possible states, and the start,
    transition and emission log probabilities."""
    return _dictionary_state()[3]


#: What the private cache file holds: the prefix dictionary, its total, the word tags, the HMM.
State = tuple[dict[str, int], int, dict[str, str], tuple[dict, dict, dict, dict]]


@cache
def _dictionary_state() -> State:
    """jieba's prefix dictionary, its total frequency, every word's tag and posseg's HMM, from
    the private cache or built from jieba's files."""
    jieba = _jieba()
    with jieba.dt.get_dict_file() as handle:
        source = handle.read()
    key = hashlib.sha256(source + jieba.__version__.encode()).hexdigest()[:24]
    path = cache_folder() / f"jieba-tagged-{key}.marshal"
    loaded = _load(path)
    if loaded is not None:
        return loaded
    import io

    import jieba.posseg

    freq, total = jieba.dt.gen_pfdict(io.BytesIO(source))
    tags = {}
    for line in source.decode("utf-8").splitlines():
        if line.strip():
            word, _, tag = line.strip().split(" ")  # as jieba.posseg reads the file
            tags[word] = tag
    model = (jieba.posseg.char_state_tab_P, jieba.posseg.start_P, jieba.posseg.trans_P,
             jieba.posseg.emit_P)
    state = (freq, total, tags, model)
    _save(path, state)
    return state


def _load(path: Path) -> State | None:
    """The verified content of a cache file, or None (missing, foreign, spoilt)."""
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return None
            data = handle.read()
        digest, payload = data[:_DIGEST], data[_DIGEST:]
        if hashlib.sha256(payload).digest() != digest:
            return None
        freq, total, tags, model = marshal.loads(payload)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not (isinstance(freq, dict) and isinstance(total, int) and isinstance(tags, dict)
            and isinstance(model, tuple) and len(model) == 4
            and all(isinstance(table, dict) for table in model)):
        return None
    return freq, total, tags, model


def _save(path: Path, state: State) -> None:
    """Write the cache file (best effort: without it the next run builds the state again)."""
    payload = marshal.dumps(state)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(path, hashlib.sha256(payload).digest() + payload)
    except (OSError, OutputError):
        pass


#: A word of ``tagged_words``: start, end (positions in the text) and tag.
Word = tuple[int, int, str]
#: The tag of a block ``tagged_words`` left unread, and of a stretch it did not give the HMM.
UNREAD, UNREAD_HMM = "unread", "unread-hmm"
#: What jieba.posseg segments as one block (its ``re_han_internal``); the rest is punctuation and
#: spaces, one word each (tag x), a line break ``\r\n`` one word.
_BLOCK = re.compile("[\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+")
_GAP_WORD = re.compile(r"\r\n|.", re.S)


def tagged_words(text: str, start: int, end: int, wanted: Callable[[int, int], bool],
                 beside: frozenset[str] = frozenset()) -> list[Word]:
    """``jieba.posseg``'s words of ``text[start:end]`` with their tags (HMM on), reading only
    what is wanted.

    jieba reads each block (a run of Han characters, Latin letters and digits) on its own: the
    dictionary's best path through it, then the HMM on each stretch of two or more characters
    that path leaves single and the dictionary does not hold. A block for which
    ``wanted(start, end)`` is false is left as one word tagged ``UNREAD``; a stretch for the HMM
    that is not wanted and borders no dictionary word with a tag in ``beside`` as one word
    tagged ``UNREAD_HMM``. ``read_unread`` reads either later. Everything read is what
    ``jieba.posseg.cut(text[start:end])`` gives.

    Parameters
    ----------
    text : str
        The text (a whole document: positions are the text's).
    start, end : int
        The span to read.
    wanted : callable
        ``wanted(a, b)``: whether the words of ``text[a:b]`` may be asked for.
    beside : frozenset of str
        Tags whose dictionary words need the words beside them too.

    Returns
    -------
    list of (int, int, str)
        The words in order, covering ``[start, end)``.

    Examples
    --------
    >>> words = tagged_words("王芳出席会议。", 0, 7, lambda a, b: True)
    >>> [("王芳出席会议。"[a:b], tag) for a, b, tag in words]
    [('王芳', 'nr'), ('出席会议', 'l'), ('。', 'x')]
    """
    words: list[Word] = []
    pos = start
    for block in _BLOCK.finditer(text, start, end):
        words += _gap_words(text, pos, block.start())
        if wanted(block.start(), block.end()):
            words += _block_words(text, block.start(), block.end(), wanted, beside)
        else:
            words.append((block.start(), block.end(), UNREAD))
        pos = block.end()
    return words + _gap_words(text, pos, end)


def read_unread(text: str, word: Word) -> list[Word]:
    """The words of an item ``tagged_words`` left unread (or the item itself if it was read)."""
    start, end, tag = word
    if tag == UNREAD:
        return _block_words(text, start, end, lambda a, b: True, frozenset())
    if tag == UNREAD_HMM:
        return _hmm_words(text, start, end)
    return [word]


def _gap_words(text: str, start: int, end: int) -> list[Word]:
    return [(m.start(), m.end(), "x") for m in _GAP_WORD.finditer(text, start, end)]


def _block_words(text: str, start: int, end: int, wanted: Callable[[int, int], bool],
                 beside: frozenset[str]) -> list[Word]:
    """One block's words: the dictionary's path, each stretch of single characters that the
    dictionary does not hold given to the HMM (if wanted), as ``jieba.posseg`` does."""
    segmenter, tags = tokenizer(), word_tags()
    block = text[start:end]
    ends = _best_path(block)
    pieces: list[Word] = []  # dictionary words, and single-character stretches (tag None)
    x = 0
    while x < len(block):
        y = ends[x]
        if y - x > 1:
            pieces.append((start + x, start + y, tags.get(block[x:y], "x")))
        elif pieces and pieces[-1][2] is None:
            pieces[-1] = (pieces[-1][0], start + y, None)
        else:
            pieces.append((start + x, start + y, None))
        x = y
    words: list[Word] = []
    for i, (a, b, tag) in enumerate(pieces):
        stretch = text[a:b]
        if tag is not None:
            words.append((a, b, tag))
        elif b - a == 1:
            words.append((a, b, tags.get(stretch, "x")))
        elif segmenter.FREQ.get(stretch):  # a word the path did not take: one per character
            words += [(p, p + 1, tags.get(text[p], "x")) for p in range(a, b)]
        elif wanted(a, b) or any(0 <= j < len(pieces) and pieces[j][2] in beside
                                 for j in (i - 1, i + 1)):
            words += _hmm_words(text, a, b)
        else:
            words.append((a, b, UNREAD_HMM))
    return words


def _best_path(block: str) -> list[int]:
    """For each position of a block, the end of the word that starts there on the most
    probable path through jieba's dictionary: ``Tokenizer.get_DAG`` and ``Tokenizer.calc`` in
    one pass, with each word's log probability computed once per process (the same sums in the
    same order, ties to the longer word, so the same path)."""
    frequency, log_probability = tokenizer().FREQ, _log_probabilities()
    unknown = -log_probability[""]  # a character the dictionary lacks: log(1) - log(total)
    size = len(block)
    score, ends = [0.0] * (size + 1), [0] * size
    for k in range(size - 1, -1, -1):
        best = None
        i, fragment = k, block[k]
        while i < size and fragment in frequency:  # the prefix dictionary holds every prefix
            if frequency[fragment]:
                value = log_probability.get(fragment)
                if value is None:
                    value = log_probability[fragment] = math.log(frequency[fragment]) \
                        - log_probability[""]
                candidate = (value + score[i + 1], i)
                if best is None or candidate > best:
                    best = candidate
            i += 1
            fragment = block[k:i + 1]
        if best is None:
            best = (unknown + score[k + 1], k)
        score[k], ends[k] = best[0], best[1] + 1
    return ends


@cache
def _log_probabilities() -> dict[str, float]:
    """Each dictionary word's log probability, filled as words are met (under "": the log of
    the total frequency)."""
    return {"": math.log(tokenizer().total)}


def _hmm_words(text: str, start: int, end: int) -> list[Word]:
    """The words and tags jieba.posseg's HMM gives a stretch of characters."""
    from .hmm import hmm_words

    words, pos = [], start
    for word, tag in hmm_words(text[start:end]):
        words.append((pos, pos + len(word), tag))
        pos += len(word)
    return words
