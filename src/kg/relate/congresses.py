"""What the report of a congress says of bodies besides posts: the body it elects
(``elected_bodies``; ``posts.posts_held`` reads it, ``Facts.elected``, as the unit of the
elections after it that name none) and who reports for a body (``reports_for_bodies``: a seat
on it without a title).
"""
from __future__ import annotations

import re

from ..rules import per_rule_set, word_pattern


def elected_bodies(document, sentence, ms, facts):
    """大会选举产生某会第N届委员会…: the body a congress elects is the one the posts of the
    elections after it are in (甲当选主席，乙、丙当选副主席), when they name no unit."""
    orgs = [m for m in ms if m.type == "Organisation" and m.cue != "post"]
    for org in orgs:
        if _elects_body().search(document.text, max(sentence[0], org.start - 8), org.start):
            facts.elected = min((o for o in orgs if o.start == org.start), key=lambda o: o.end)
            return


@per_rule_set
def _elects_body() -> re.Pattern:
    """An election that names the body it fills, right before the body's name (选举产生了新一届|:
    rules/words.tsv electing_verbs, new_terms)."""
    return re.compile(rf"{word_pattern('electing_verbs')}了?{word_pattern('new_terms')}?$")


def reports_for_bodies(document, sentence, ms, facts):
    """甲代表某会第N届委员会作工作报告: who reports for a body or its organ sits on it (a seat
    without a title)."""
    text = document.text
    orgs = [m for m in ms if m.type == "Organisation"]
    for person in (m for m in ms if m.type == "Person" and text.startswith("代表", m.end)):
        unit = max((o for o in orgs if o.start == person.end + 2), key=lambda o: o.end,
                   default=None)
        if unit is not None and _REPORT_AFTER.match(text, unit.end):
            facts.add(person, "holdsPost", unit, sentence)


#: A report made for a body, after its name (…委员会|作工作报告, 向大会作…的报告).
_REPORT_AFTER = re.compile(r"(?:向大会)?作[^,，。;；]{0,16}报告")
