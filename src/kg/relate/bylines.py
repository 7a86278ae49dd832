"""The ``holdsPost`` rule of bylines: a reporter in a byline (记者 X) works for the outlets
the line names before (来源:某报, 某报·某网记者, 某网消息)."""
from __future__ import annotations

import re

from ..rules import per_rule_set, word_pattern, words


def reporters(document, sentence, ms, facts):
    """A reporter named in a byline (记者 X, 作者:记者 X) works for the outlets the byline
    names before it on its line (中国妇女报·中国女网记者 X; 某网消息 (记者 X); 来源:某报
    作者:记者 X); the names listed after the first share its label (记者 X、Y)."""
    text = document.text
    outlets = [m for m in ms if m.type == "Organisation"
               and (m.key or m.surface).endswith(words("outlet_endings"))]
    previous = None  # the reporter before and the label that names them
    for person in (m for m in ms if m.type == "Person"):
        label = _reporter().search(text, max(sentence[0], person.start - 8), person.start)
        if label is None and previous is not None \
                and _REPORTER_JOIN.fullmatch(text, previous[0].end, person.start):
            label = previous[1]
        previous = (person, label) if label is not None else None
        if label is None:
            continue
        line_start = text.rfind("\n", 0, label.start()) + 1
        before = [o for o in outlets if line_start <= o.start and o.end <= label.start()]
        if not before:
            continue
        group = [before[-1]]  # the outlets joined by a middle dot to the last one
        for o in reversed(before[:-1]):
            if text[o.end:group[-1].start] in "·・":
                group.append(o)
        for outlet in group:
            facts.add(person, "holdsPost", outlet, sentence, role=label.group(1))


#: Between two reporters' names of one byline.
_REPORTER_JOIN = re.compile(r"[、\s]+")


@per_rule_set
def _reporter() -> re.Pattern:
    """A reporter's label right before a name in a byline (rules/words.tsv reporter_titles)."""
    return re.compile(rf"({word_pattern('reporter_titles')})[\s:：]*$")
