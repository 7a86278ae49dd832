"""What a regular expression needs before it can match: the characters of which each of its
matches holds one at least, so that a rule's pattern is tried only on the sentences holding one
(``trigger``)."""
from __future__ import annotations

import re
from re import _parser  # the parser of the standard library's own engine (its syntax tree)


def trigger(pattern: re.Pattern) -> re.Pattern | None:
    """A character class of the characters of which every match of ``pattern`` holds one at
    least, or None when the pattern needs no such characters that it names one by one (a range,
    any character, a case-insensitive pattern).

    Of the parts every match must hold (not those in a look-around, an optional group or a
    repeat that may be absent) the one with the fewest characters is taken; a choice holds
    the characters of each of its branches.

    >>> trigger(re.compile(r"(?:党的|中共)?[一二三]届中全会")).pattern
    '[届]'
    >>> trigger(re.compile(r"(?<=[听跟])党|[忠诚]向党|团(?=委)")).pattern
    '[党向团]'
    >>> trigger(re.compile(r"[\\u4e00-\\u9fff]{2,4}")) is None
    True
    """
    if pattern.flags & re.IGNORECASE:
        return None
    needed = _needed(_parser.parse(pattern.pattern, pattern.flags))
    if not needed:
        return None
    return re.compile("[" + "".join(re.escape(char) for char in sorted(needed)) + "]")


def _needed(items) -> frozenset[str] | None:
    """The smallest set of characters that one part of a sequence every match holds needs."""
    best = None
    for op, arguments in items:
        chars = _part_needs(op, arguments)
        if chars and (best is None or len(chars) < len(best)):
            best = chars
    return best


def _part_needs(op, arguments) -> frozenset[str] | None:
    """The characters of which one part of a pattern holds one at least, if it must."""
    if op is _parser.LITERAL:
        return frozenset(chr(arguments))
    if op is _parser.IN:  # a class of characters named one by one (not a range, not negated)
        if all(kind is _parser.LITERAL for kind, _ in arguments):
            return frozenset(chr(code) for _, code in arguments)
        return None
    if op is _parser.SUBPATTERN:
        _, add_flags, _, items = arguments
        return None if add_flags & re.IGNORECASE else _needed(items)
    if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
        least, _, items = arguments
        return _needed(items) if least >= 1 else None
    if op is _parser.BRANCH:
        branches = [_needed(items) for items in arguments[1]]
        return frozenset().union(*branches) if all(branches) else None
    return None  # a look-around, an anchor, any character, a back-reference
