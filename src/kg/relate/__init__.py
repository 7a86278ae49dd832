"""The ``relate`` stage: sentence patterns over resolved mentions give ``Fact``s with evidence.

Trigger words come from ``rules/relation_triggers.tsv``. One module per predicate family holds
its rules and documents them: ``posts`` and ``bylines`` (``holdsPost``), ``awards`` (``awarded``), ``runs``,
``places`` (``locatedIn`` and ``partOf``) and ``sections`` (programmes under 【section】
headers); ``facts`` collects what they find, ``phrases`` holds what several of them read,
``titles`` and ``bodywords`` read the post titles and bodies' words extract found
(``Document.marks``, with the headers, titles and honour lists): relate finds none again.

The order of the rules is ``SENTENCE_RULES`` (each sentence in turn, every rule on it), then
``DOCUMENT_RULES`` (once over the whole document). It matters: a later rule reads what an
earlier one found (the awarded subjects, the body of the last election, the last list of
officers). A sentence rule runs only on the sentences that hold what it needs
(``SENTENCE_NEEDS``: mentions of some types, a trigger word), as extract's patterns run only
where their trigger characters are: most rules find nothing in most sentences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Mapping

from ..model import Document, Fact, Mention
from .awards import also_conferred, awards_in_sentence, listed_under_headings
from .facts import Facts, document_organisation, merge_facts
from .places import (congresses_at_seats, located, parts_by_name, parts_in_sentence,
                     plans_of_programmes, subdivisions_listed)
from .bylines import reporters
from .phrases import triggers
from .congresses import elected_bodies, reports_for_bodies
from .posts import posts_held, profile_posts
from .runs import (hosts_of_held_events, meetings_of_bodies, named_runners, role_lists,
                   runners_before_trigger, runners_named_after,
                   runners_of_the_event_named_before)
from .sections import programmes_under_headers

__all__ = ["relate", "merge_facts", "SENTENCE_RULES", "DOCUMENT_RULES", "SENTENCE_NEEDS",
           "Needs"]


@dataclass(frozen=True)
class Needs:
    """What a sentence must hold for a sentence rule to find anything there.

    Parameters
    ----------
    types : frozenset of str
        Mention types of which the sentence must hold one each.
    any_of : frozenset of str
        Mention types of which it must hold one at least (empty: no such need).
    trigger : str or callable, optional
        A word the sentence must hold, or a function giving a pattern (made once per rule set
        from the rule tables) the sentence must match.

    >>> Needs(frozenset({"Person"}), trigger="代表").met({"Person"}, "甲代表某会作报告", (0, 8))
    True
    >>> Needs(any_of=frozenset({"Organisation", "Programme"})).met({"Place"}, "", (0, 0))
    False
    """

    types: frozenset[str] = frozenset()
    any_of: frozenset[str] = frozenset()
    trigger: str | Callable[[], re.Pattern] | None = None

    def met(self, present: set[str], text: str, sentence: tuple[int, int]) -> bool:
        """Whether a sentence holding mentions of the types ``present`` holds what is
        needed."""
        if not self.types <= present or (self.any_of and self.any_of.isdisjoint(present)):
            return False
        if self.trigger is None:
            return True
        if isinstance(self.trigger, str):
            return text.find(self.trigger, *sentence) >= 0
        return self.trigger().search(text, *sentence) is not None


def _runs_triggers() -> re.Pattern:
    return triggers()["runs"]


#: Rules run on each sentence: ``rule(document, sentence, mentions_of_sentence, facts)``.
SENTENCE_RULES = (elected_bodies, posts_held, profile_posts, reports_for_bodies, reporters,
                  awards_in_sentence, runners_before_trigger, named_runners,
                  runners_named_after, hosts_of_held_events, located, parts_in_sentence,
                  subdivisions_listed)
#: What each sentence rule needs of a sentence (read each rule's docstring for why).
SENTENCE_NEEDS: dict[Callable, Needs] = {
    elected_bodies: Needs(frozenset({"Organisation"})),
    posts_held: Needs(frozenset({"Person"})),
    profile_posts: Needs(frozenset({"Person"})),
    reports_for_bodies: Needs(frozenset({"Person", "Organisation"}), trigger="代表"),
    reporters: Needs(frozenset({"Person", "Organisation"})),
    awards_in_sentence: Needs(frozenset({"Honour"})),
    runners_before_trigger: Needs(frozenset({"Programme"}), trigger=_runs_triggers),
    named_runners: Needs(frozenset({"Programme", "Organisation"})),
    runners_named_after: Needs(frozenset({"Programme", "Organisation"}), trigger="由"),
    hosts_of_held_events: Needs(frozenset({"Programme"})),
    located: Needs(any_of=frozenset({"Organisation", "Programme"})),
    parts_in_sentence: Needs(frozenset({"Programme"})),
    subdivisions_listed: Needs(frozenset({"Place"})),
}
#: Rules run once per document, after the sentence rules: ``rule(document, mentions, facts)``.
DOCUMENT_RULES = (listed_under_headings, also_conferred, parts_by_name, plans_of_programmes,
                  programmes_under_headers,
                  meetings_of_bodies, role_lists, runners_of_the_event_named_before,
                  congresses_at_seats)


def relate(document: Document, mentions: tuple[Mention, ...],
           iris: Mapping[tuple[str, str], str]) -> tuple[Fact, ...]:
    """The facts a document states between its resolved mentions.

    Parameters
    ----------
    document : Document
        The normalised document the mentions were found in.
    mentions : tuple of Mention
        Its resolved mentions (keys set).
    iris : mapping of (str, str) to str
        The IRI of each entity (type, canonical name), minted by ``pipeline.with_iris``:
        relate mints none.

    Returns
    -------
    tuple of Fact
        One fact per (subject, predicate, object, role, year), with every evidence sentence.
    """
    by_sentence: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(document.sentence_at(m.start), []).append(m)
    for ms in by_sentence.values():
        ms.sort(key=lambda m: (m.start, -m.end))
    facts = Facts(document, iris, document_organisation(mentions, document.marks.titles,
                                                        document.text), by_sentence)
    text = document.text
    for sentence, ms in sorted(by_sentence.items()):
        present = {m.type for m in ms}
        for rule in SENTENCE_RULES:
            if SENTENCE_NEEDS[rule].met(present, text, sentence):
                rule(document, sentence, ms, facts)
    for rule in DOCUMENT_RULES:
        rule(document, mentions, facts)
    return facts.result()
