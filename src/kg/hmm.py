"""jieba.posseg's hidden Markov model, decoded with numpy.

For a stretch of characters its dictionary does not segment, ``jieba.posseg`` finds words and
their part-of-speech tags (names among them) with a Viterbi decoder over 256 states (position in
the word × tag), written in pure Python: the slowest step of kg's extraction. ``hmm_words``
gives exactly the words and tags ``jieba.posseg`` gives (the same tables, from
``segmenter.hmm_model``; the same sums in the same order; ties, as Python's ``max`` of ``(log
probability, state)`` pairs breaks them, to the greatest state), one numpy step per character.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

import numpy as np

from .segmenter import hmm_model

#: jieba's log probability of what its tables do not hold, and of a transition they forbid.
_UNSEEN, _FORBIDDEN = -3.14e100, float("-inf")
#: How jieba.posseg's HMM step splits a stretch: Han runs for the model; numbers (tag m) and
#: Latin letters and digits (eng) as they come; anything else tagged x.
_HAN = re.compile("([\u4E00-\u9FD5]+)")
_SKIP = re.compile(r"([\.0-9]+|[a-zA-Z0-9]+)")
_NUMBER = re.compile(r"[\.0-9]+")
_LATIN = re.compile("[a-zA-Z0-9]+")


class _Model:
    """The HMM's tables as arrays over its states, sorted (so that ties go to the last)."""

    def __init__(self):
        self.char_states, start, trans, self.emit_table = hmm_model()
        self.states = sorted(trans)
        index = {state: i for i, state in enumerate(self.states)}
        size = len(self.states)
        self.index = index
        self.trans = np.full((size, size), _FORBIDDEN)
        self.follows = np.zeros((size, size), dtype=bool)
        for x, row in trans.items():
            for y, log_p in row.items():
                self.trans[index[x], index[y]] = log_p
                self.follows[index[x], index[y]] = True
        self.has_next = self.follows.any(axis=1)
        self.start = np.array([start[state] for state in self.states])
        self.every = np.ones(size, dtype=bool)

    @lru_cache(maxsize=None)
    def allowed(self, char: str) -> np.ndarray:
        """The states the character may take (all of them for a character never seen)."""
        states = self.char_states.get(char)
        if states is None:
            return self.every
        mask = np.zeros(len(self.states), dtype=bool)
        mask[[self.index[state] for state in states]] = True
        return mask

    @lru_cache(maxsize=None)
    def emit(self, char: str) -> np.ndarray:
        return np.array([self.emit_table[state].get(char, _UNSEEN) for state in self.states])

    def decode(self, chars: str) -> list[tuple[str, str]]:
        """The most probable state of each character (jieba.posseg.viterbi's route)."""
        current = np.flatnonzero(self.allowed(chars[0]))
        score = self.start[current] + self.emit(chars[0])[current]
        steps = []
        for char in chars[1:]:
            alive = self.has_next[current]
            previous, before = current[alive], score[alive]
            expected = self.follows[previous].any(axis=0)
            possible = self.allowed(char) & expected
            if not possible.any():
                possible = expected if expected.any() else self.every
            current = np.flatnonzero(possible)
            scores = (before[:, None] + self.trans[np.ix_(previous, current)]) \
                + self.emit(char)[current]
            # the best previous state of each, ties to the greatest: argmax of the rows reversed
            best = len(previous) - 1 - scores[::-1].argmax(axis=0)
            score = scores[best, np.arange(len(current))]
            steps.append((previous[best], current))
        state = current[len(current) - 1 - int(score[::-1].argmax())]
        route = [state]
        for back, states in reversed(steps):
            state = back[np.searchsorted(states, state)]
            route.append(state)
        return [self.states[i] for i in reversed(route)]


@cache
def _model() -> _Model:
    return _Model()


@lru_cache(maxsize=65536)
def hmm_words(stretch: str) -> tuple[tuple[str, str], ...]:
    """The words and tags of a stretch, as ``jieba.posseg``'s HMM step gives them.

    >>> hmm_words("柯望舒在")
    (('柯望舒', 'nr'), ('在', 'p'))
    """
    words: list[tuple[str, str]] = []
    for block in _HAN.split(stretch):
        if _HAN.fullmatch(block):
            words += _han_words(block)
        else:
            for part in _SKIP.split(block):
                if part:
                    tag = "m" if _NUMBER.match(part) else "eng" if _LATIN.match(part) else "x"
                    words.append((part, tag))
    return tuple(words)


def _han_words(block: str) -> list[tuple[str, str]]:
    """Words from the decoded states: a word runs from a B state to the next E, or is one S."""
    route = _model().decode(block)
    words, begin, done = [], 0, 0
    for i, (position, tag) in enumerate(route):
        if position == "B":
            begin = i
        elif position == "E":
            words.append((block[begin:i + 1], tag))
            done = i + 1
        elif position == "S":
            words.append((block[i], tag))
            done = i + 1
    if done < len(block):
        words.append((block[done:], route[done][1]))
    return words
