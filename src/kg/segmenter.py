"""jieba's dictionary and segmenter with kg's own dictionary state: never jieba's shared cache.

jieba keeps its prefix dictionary in ``$TMPDIR/jieba.cache`` and loads that file whenever it
exists, whoever wrote it: a planted file would change kg's output, an unreadable one print a
traceback. kg instead reads jieba's packaged ``dict.txt`` itself and keeps what it needs in a
private cache (``$XDG_CACHE_HOME/kg`` or ``~/.cache/kg``, mode 700), each file named after
jieba's dictionary and code as installed (paths, sizes, modification times) and holding the
SHA-256 of its own content. A cache file is used only when it belongs to this user, nobody else may write it, and
its hash matches; anything else is ignored and the state built again (about 2 s).

The state is a ``marisa_trie.Trie`` of the dictionary's words with, by each word's id, its
frequency, log probability and part-of-speech tag in flat arrays, and the tables of
``jieba.posseg``'s hidden Markov model (decoded when a text first needs the HMM): it loads in a
few milliseconds, where jieba's prefix dictionary as a Python dict (580,000 prefixes) and the
350,000 tags took 0.3 s, and one call to the trie gives every word that starts at a position.
A run neither imports jieba nor parses ``dict.txt``.

``tagged_words`` gives the words and tags ``jieba.posseg`` gives a text, but reads only what its
caller asks for: the HMM (``kg.hmm``), the slow part, runs on a stretch of characters the
dictionary leaves single only when that stretch is wanted. ``cut`` gives the words of
``jieba.cut(text, HMM=False)``.
"""
from __future__ import annotations

import logging
import marshal
import math
import re
import sys
from array import array
from collections.abc import Iterator, Mapping
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Callable

import marisa_trie

from .private_cache import cache_folder, installed_key, read_verified, write_verified

#: The layout of the cache file's content (a new layout is a new file name).
_FORMAT = "trie-2"


class Dictionary:
    """jieba's dictionary: its words in a trie, and by each word's id its frequency, log
    probability (``log(frequency) - log(total)``, as jieba computes it) and tag.

    Parameters
    ----------
    trie : marisa_trie.Trie
        Every word of the dictionary.
    frequencies, log_probabilities, tags : array
        By word id: the frequency, its log probability, the index of the tag in ``tag_names``.
    tag_names : tuple of str
        The part-of-speech tags.
    total : int
        The sum of the frequencies (jieba's ``Tokenizer.total``).
    longest : int
        The length of the longest word.
    model : bytes
        ``jieba.posseg``'s HMM tables, marshalled (see ``hmm_model``).
    """

    def __init__(self, trie: marisa_trie.Trie, frequencies: array, log_probabilities: array,
                 tags: array, tag_names: tuple[str, ...], total: int, longest: int,
                 model: bytes):
        self.trie, self.frequencies, self.log_probabilities = trie, frequencies, log_probabilities
        self.tags, self.tag_names, self.total, self.longest = tags, tag_names, total, longest
        self.model = model
        #: The log probability of a character the dictionary lacks: log(1) - log(total).
        self.unknown = 0.0 - math.log(total)
        #: ``fragment``'s answer for each string met on a path (a dict: see there).
        self.fragments = Answers(self._look_up_fragment)

    def frequency(self, word: str) -> int:
        """The word's frequency (0 for a string the dictionary does not hold as a word)."""
        index = self.trie.get(word)
        return 0 if index is None else self.frequencies[index]

    def fragment(self, text: str) -> float | object | None:
        """As a path through the dictionary meets ``text``: its log probability if it is a word
        (of a frequency above 0), ``_PREFIX`` if it only starts one (jieba's prefix dictionary
        holds it with frequency 0), None if no word starts with it. Each string is looked up
        in the trie once (``fragments[text]`` is the same answer, a dict lookup for a string
        met before, as jieba's prefix dictionary was)."""
        return self.fragments[text]

    def _look_up_fragment(self, text: str) -> float | object | None:
        index = self.trie.get(text)
        if index is not None and self.frequencies[index]:
            return self.log_probabilities[index]
        return _PREFIX if next(self.trie.iterkeys(text), None) is not None else None


class Answers(dict):
    """A dict that answers a key it lacks with ``look_up(key)`` and keeps the answer: the
    strings a text repeats cost a dict lookup after the first (a trie is compact, not fast), and
    only the strings a run meets are ever held as Python objects."""

    def __init__(self, look_up: Callable):
        super().__init__()
        self._look_up = look_up

    def __missing__(self, key):
        answer = self[key] = self._look_up(key)
        return answer


class WordTags(Mapping):
    """The words of jieba's dictionary of ``shortest`` to ``longest`` characters and of a
    frequency of at least ``least``, each with its tag: a read-only mapping over the trie.

    Each string asked about is looked up in the trie once (``answers``, a dict of its tag or
    None by string).

    >>> tags = WordTags(dictionary(), 2, 4)
    >>> tags["妇联"], tags.get("妇"), "中华人民共和国" in tags
    ('j', None, False)
    """

    def __init__(self, words: Dictionary, shortest: int, longest: int, least: int = 0):
        self._words, self._shortest, self._longest, self._least = words, shortest, longest, least
        #: The tag, or None, of each string asked about.
        self.answers = Answers(self._look_up)

    def get(self, word: str, default=None):
        tag = self.answers[word]
        return default if tag is None else tag

    def _look_up(self, word: str) -> str | None:
        if self._shortest <= len(word) <= self._longest:
            words = self._words
            index = words.trie.get(word)
            if index is not None and words.frequencies[index] >= self._least:
                return words.tag_names[words.tags[index]]
        return None

    def __contains__(self, word) -> bool:
        return isinstance(word, str) and self.answers[word] is not None

    def __getitem__(self, word: str) -> str:
        tag = self.get(word)
        if tag is None:
            raise KeyError(word)
        return tag

    def __iter__(self) -> Iterator[str]:
        return (word for word in self._words.trie.iterkeys() if self._look_up(word) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


#: What ``Dictionary.fragment`` gives a string that only starts words.
_PREFIX = object()


@cache
def word_tags() -> WordTags:
    """Every word of jieba's dictionary with its part-of-speech tag (``jieba.posseg``'s table)."""
    words = dictionary()
    return WordTags(words, 1, words.longest)


@cache
def dictionary() -> Dictionary:
    """jieba's dictionary, from kg's private cache or built from jieba's files (and cached)."""
    folder = Path(find_spec("jieba").submodule_search_locations[0])
    # named after jieba's dictionary and code (its version, how it reads the file, the HMM's
    # tables) as installed: a new jieba or an edited dict.txt is a new file
    key = installed_key(_FORMAT, (folder / "dict.txt", folder / "__init__.py"))
    path = cache_folder() / f"jieba-dictionary-{key}.bin"
    loaded = _load(path)
    if loaded is not None:
        return loaded
    payload = _build((folder / "dict.txt").read_bytes())
    write_verified(path, payload)
    return _unpack(payload)


def hmm_model() -> tuple[dict, dict, dict, dict]:
    """The tables of ``jieba.posseg``'s HMM: each character's possible states, and the start,
    transition and emission log probabilities."""
    return _hmm_tables(dictionary())


@cache
def _hmm_tables(words: Dictionary) -> tuple[dict, dict, dict, dict]:
    model = marshal.loads(words.model)
    if not (isinstance(model, tuple) and len(model) == 4
            and all(isinstance(table, dict) for table in model)):
        raise ValueError("jieba's HMM tables in kg's cache are not four tables")
    return model


@cache
def tokenizer():
    """``jieba.dt`` (the tokenizer ``jieba.posseg.dt`` uses too) initialised from jieba's
    packaged dictionary, never from jieba's shared cache file: for comparing kg's segmentation
    with jieba's own (``jieba.lcut``, ``jieba.posseg``). kg reads the dictionary through
    ``dictionary()`` and needs no jieba at run time."""
    jieba = _jieba()
    jieba.setLogLevel(logging.WARNING)
    shared = jieba.dt
    with shared.lock:
        if not shared.initialized:
            shared.FREQ, shared.total = shared.gen_pfdict(shared.get_dict_file())
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


def _build(source: bytes) -> bytes:
    """The cache file's content made from jieba's ``dict.txt`` (``source``), read as jieba
    reads it: the frequencies and total of ``Tokenizer.gen_pfdict``, the tags of
    ``jieba.posseg`` (the last line of a word wins in both)."""
    import io

    jieba = _jieba()
    import jieba.posseg

    prefixes, total = jieba.dt.gen_pfdict(io.BytesIO(source))
    tag_of = {}
    for line in source.decode("utf-8").splitlines():
        if line.strip():
            word, _, tag = line.strip().split(" ")  # as jieba.posseg reads the file
            tag_of[word] = tag
    trie = marisa_trie.Trie(tag_of)
    tag_names = tuple(sorted(set(tag_of.values())))
    tag_index = {tag: i for i, tag in enumerate(tag_names)}
    frequencies, log_probabilities = array("q", bytes(8 * len(trie))), array("d", bytes(8 * len(trie)))
    if len(tag_names) > 256:
        raise ValueError("more than 256 part-of-speech tags in jieba's dictionary")
    tags = array("B", bytes(len(trie)))
    log_total = math.log(total)
    for word, index in trie.iteritems():
        frequency = frequencies[index] = prefixes[word]
        # the same expression as jieba's Tokenizer.calc, so the same floating-point value
        log_probabilities[index] = math.log(frequency) - log_total if frequency else 0.0
        tags[index] = tag_index[tag_of[word]]
    model = marshal.dumps((jieba.posseg.char_state_tab_P, jieba.posseg.start_P,
                           jieba.posseg.trans_P, jieba.posseg.emit_P))
    return marshal.dumps((_FORMAT, total, max(map(len, tag_of), default=1), tag_names,
                          frequencies.tobytes(), log_probabilities.tobytes(), tags.tobytes(),
                          trie.tobytes(), model))


def _unpack(payload: bytes) -> Dictionary:
    """The dictionary a cache file's content holds (ValueError, TypeError, EOFError or, from
    marisa, RuntimeError if the content is not what ``_build`` writes)."""
    fields = marshal.loads(payload)
    if not (isinstance(fields, tuple) and len(fields) == 9 and fields[0] == _FORMAT):
        raise ValueError("not a dictionary of this layout")
    _, total, longest, tag_names, frequencies, log_probabilities, tags, trie, model = fields
    if not (isinstance(total, int) and total > 0 and isinstance(longest, int)
            and isinstance(tag_names, tuple) and all(isinstance(t, str) for t in tag_names)
            and all(isinstance(b, bytes) for b in (frequencies, log_probabilities, tags, trie,
                                                   model))):
        raise ValueError("fields of the wrong type")
    arrays = array("q", frequencies), array("d", log_probabilities), array("B", tags)
    words = marisa_trie.Trie()
    words.frombytes(trie)
    unknown_tags = tags.translate(None, bytes(range(len(tag_names))))  # indices past the names
    if {len(a) for a in arrays} != {len(words)} or unknown_tags:
        raise ValueError("the arrays do not match the words")
    return Dictionary(words, *arrays, tag_names, total, longest, model)


def _load(path: Path) -> Dictionary | None:
    """The verified dictionary of a cache file, or None (missing, foreign, spoilt)."""
    payload = read_verified(path)
    try:
        return None if payload is None else _unpack(payload)
    except (ValueError, EOFError, TypeError, RuntimeError):  # marisa: bad trie
        return None


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
        a, b = block.span()
        if a - pos == 1:  # most often: one punctuation mark between two blocks
            words.append((pos, a, "x"))
        elif a > pos:
            words += _gap_words(text, pos, a)
        if wanted(a, b):
            words += _block_words(text, a, b, wanted, beside)
        else:
            words.append((a, b, UNREAD))
        pos = b
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
    if end - start < 2:  # most often: nothing, or one punctuation mark
        return [(start, end, "x")] if end > start else []
    return [(m.start(), m.end(), "x") for m in _GAP_WORD.finditer(text, start, end)]


def _block_words(text: str, start: int, end: int, wanted: Callable[[int, int], bool],
                 beside: frozenset[str]) -> list[Word]:
    """One block's words: the dictionary's path, each stretch of single characters that the
    dictionary does not hold given to the HMM (if wanted), as ``jieba.posseg`` does."""
    words_of, tags = dictionary(), word_tags().answers
    block = text[start:end]
    ends = _best_path(block)
    size = len(block)
    words: list[Word] = []
    before = None  # the tag of the dictionary word before a stretch of single characters
    x = 0
    while x < size:
        y = ends[x]
        if y - x > 1:
            before = tags[block[x:y]] or "x"
            words.append((start + x, start + y, before))
            x = y
            continue
        while y < size and ends[y] == y + 1:  # the stretch of single characters [x, y)
            y += 1
        a, b = start + x, start + y
        if y - x == 1:
            words.append((a, b, tags[block[x]] or "x"))
        elif words_of.frequency(block[x:y]):  # a word the path did not take: one per character
            words += [(p, p + 1, tags[text[p]] or "x") for p in range(a, b)]
        elif wanted(a, b) or before in beside \
                or (y < size and (tags[block[y:ends[y]]] or "x") in beside):
            words += _hmm_words(text, a, b)
        else:
            words.append((a, b, UNREAD_HMM))
        x = y
    return words


def _best_path(block: str) -> list[int]:
    """For each position of a block, the end of the word that starts there on the most
    probable path through jieba's dictionary: ``Tokenizer.get_DAG`` and ``Tokenizer.calc`` in
    one pass (the same sums in the same order, ties to the longer word, so the same path)."""
    words = dictionary()
    known, unknown = words.fragments, words.unknown
    size = len(block)
    score, ends = [0.0] * (size + 1), [0] * size
    for k in range(size - 1, -1, -1):
        best, end = _NO_WORD, 0
        i, fragment = k, block[k]
        while i < size:
            found = known[fragment]
            if found is None:  # no word starts with it
                break
            i += 1
            if found is not _PREFIX:
                value = found + score[i]
                if value >= best:  # jieba's max of (value, end): ties to the later end
                    best, end = value, i
            fragment = block[k:i + 1]
        if not end:
            best, end = unknown + score[k + 1], k + 1
        score[k], ends[k] = best, end
    return ends


#: Below any path's score.
_NO_WORD = float("-inf")


#: What ``jieba.cut`` reads as blocks (its ``re_han_default``), what it gives as they come
#: between them (``re_skip_default``), and the characters it joins into one word when the
#: dictionary leaves them single (``re_eng``).
_CUT_BLOCK = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
_CUT_SKIP = re.compile("(\r\n|\\s)")
_CUT_LATIN = re.compile("[a-zA-Z0-9]")


def cut(text: str) -> list[str]:
    """The words of ``jieba.cut(text, HMM=False)``: the dictionary's best path through each
    block, single Latin letters and digits in a row joined, everything else one character (or
    one ``\\r\\n``) at a time.

    >>> cut("妇联在2024年召开会议")
    ['妇联', '在', '2024', '年', '召开', '会议']
    """
    words: list[str] = []
    for block in _CUT_BLOCK.split(text):
        if not block:
            continue
        if not _CUT_BLOCK.match(block):
            for part in _CUT_SKIP.split(block):
                words += [part] if _CUT_SKIP.match(part) else list(part)
            continue
        ends, x, latin = _best_path(block), 0, ""
        while x < len(block):
            word = block[x:ends[x]]
            if len(word) == 1 and _CUT_LATIN.match(word):
                latin += word
            else:
                if latin:
                    words.append(latin)
                    latin = ""
                words.append(word)
            x = ends[x]
        if latin:
            words.append(latin)
    return words


def _hmm_words(text: str, start: int, end: int) -> list[Word]:
    """The words and tags jieba.posseg's HMM gives a stretch of characters."""
    from .hmm import hmm_words

    words, pos = [], start
    for word, tag in hmm_words(text[start:end]):
        words.append((pos, pos + len(word), tag))
        pos += len(word)
    return words
