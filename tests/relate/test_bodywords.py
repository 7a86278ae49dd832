"""Bodies' words as extraction found them (relate/bodywords.py): by where they start and end,
their full forms, which of them name a body of its own."""
from kg.relate.bodywords import BodyWords, acting_kinds, full_forms

from .relating import document_of


def test_the_suffixes_extract_handed_on_by_start_and_end():
    doc = document_of("现任县侨联主席出席。")
    words = BodyWords.of(doc)
    start = doc.text.index("侨联")
    assert words.ending_at(start + 2, 0) == ["侨联"] and words.starting_at(start) == ["侨联"]
    assert words.ending_at(start + 2, start + 1) == []  # none starting before ``start``
    assert BodyWords(doc.text, ()).starting_at(start) == []  # only what extract found


def test_full_forms_and_the_kinds_that_act():
    assert full_forms()["妇联"] == "妇女联合会"
    assert "妇联" in acting_kinds() and "办" not in acting_kinds()
