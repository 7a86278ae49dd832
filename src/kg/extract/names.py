"""What a personal name looks like: where one starts and ends (``person_at``), whether a span
looks like a name (a surname and one or two characters, not an ordinary word), and whether a
candidate is plausible at all (``plausible_name``, read by the overlap policy).

Tables: surnames.tsv, transliteration.tsv, posts.tsv; jieba's dictionary and word frequencies.
"""
from __future__ import annotations

import re

from .. import segmenter
from ..rules import jieba_dictionary, per_rule_set, word_pattern, words
from .lexicon import compiled_rules, post_titles, transliteration
from .sentence import (FUNCTION_START, NAMED_NOT_BODY, NOT_NAME_TAGS, Sentence, dictionary_words,
                       is_word, segmented_at, word_ending_at)

#: A name of two parts joined by a middle dot (古丽娜尔·买买提, 帕提古丽·艾力).
_JOINED_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}[·•・‧]")


@per_rule_set
def name_after() -> re.Pattern:
    """What may follow a person's name: punctuation, a space or the end, a numeral, a count of
    people, and the words of ``name_followers`` (verbs of attending and speaking, news' time
    words and prepositions)."""
    return re.compile(r"(?:[、,，。;；:：)）(（“]|$|\s|\d|[一二三四五六七八九十两]+[人名位]|"
                      + word_pattern("name_followers") + ")")


_NOT_NAME_START = re.compile(r"[\d一二三四五六七八九十百千万两]|" + FUNCTION_START.pattern)


def _joined_name_end(sent: Sentence, pos: int, surnames, strict: bool) -> int | None:
    """The end of a name of parts joined by a middle dot starting at ``pos`` (古丽娜尔·买买提:
    one name, which ends where a word starts), or None."""
    text = sent.text
    joined = _JOINED_NAME.match(text, pos)
    if joined is None or any(pos <= s < joined.end() for s, _, _ in sent.hits_of("post")):
        return None  # (社长兼总编辑|某某·某某: a post title is no part of a name)
    if strict and text[pos:pos + 1] not in surnames:
        return None
    for end in range(joined.end() + 1, min(joined.end() + 8, sent.end) + 1):
        if not re.match(r"[\u4e00-\u9fff]", text[end - 1]):
            break
        if end == sent.end or end in sent.word_starts or name_after().match(text, end) \
                or _word_follows(sent, end):
            return end
    return None


def person_at(sent: Sentence, pos: int, surnames, strict: bool = True,
              by_segmentation: bool = True) -> int | None:
    """The end of a person's name starting at ``pos``, or None.

    A Han name is a surname and one or two characters (two or three after a compound surname).
    Where the context is strong (``strict=False``: right after a post title, in a byline or a
    list of honoured people) a name without a Han surname (尼玛拉姆, 乌云其木格) may run from
    three to six characters, with no boundary word inside. Either way the name must end where a
    new word starts: a rule word or a word that may follow a name, or in a strong context a word
    boundary of jieba's (for a name without a Han surname only ``by_segmentation``).
    """
    text = sent.text
    compound = text[pos:pos + 2] in surnames
    if strict and not compound and text[pos:pos + 1] not in surnames:
        return None  # (read strictly, every name opens with a surname: most places do not)
    joined_end = _joined_name_end(sent, pos, surnames, strict)
    if joined_end is not None:
        return joined_end
    if not strict and text[pos:pos + 1] in surnames and not compound:
        spelled = _spelled_by_sound().match(text, pos + 1, min(sent.end, pos + 8))
        if spelled and len(spelled.group()) >= 3 and (
                segmented_at(sent, spelled.end()) or name_after().match(text, spelled.end())):
            return spelled.end()  # 冯德莱恩: a foreign name whose first sound is a surname
    han = _han_lengths(sent, pos, surnames, compound)
    other = (3, 4, 5, 6) if (not strict and pos not in sent.word_starts
                                and not _NOT_NAME_START.match(text, pos)) else ()
    if other:
        spelled = _spelled_by_sound().match(text, pos, min(sent.end, pos + 8))
        if spelled and len(spelled.group()) >= 3 and (
                segmented_at(sent, spelled.end()) or name_after().match(text, spelled.end())):
            return spelled.end()  # 普罗科菲耶夫: a foreign name spelled by sound, whole
        if _is_foreign_pair(text[pos:pos + 2]):
            other = other + (2,)  # 琼斯: two characters when they spell a foreign name
    for lengths in (han, other):
        # a name without a surname holds no boundary word and no common word (讲收获)
        ends = [pos + length for length in lengths if pos + length <= sent.end
                and re.fullmatch(r"[\u4e00-\u9fff·]+", text[pos:pos + length])
                and (lengths is han or (sent.limit(pos + length) <= pos
                                        and not _holds_common_word(text[pos:pos + length])))]
        found = next((end for end in ends if end == sent.end or end in sent.word_starts
                      or name_after().match(text, end)), None)
        if found is None and not strict and (by_segmentation or lengths is han):
            # after a post title, jieba's word boundary will do; a given name of two characters
            # first, unless its second starts a word (王毅|举行, not 王毅举)
            ordered = sorted(ends, key=lambda end: (end - pos != 3, end - pos)) \
                if lengths is han and not compound else ends
            found = next((end for end in ordered if segmented_at(sent, end)
                          and len(word_ending_at(sent, end)) <= end - pos
                          and text[end - 1:end + 1] not in dictionary_words()), None)
        if found and lengths is han and found - pos == 3 and not compound \
                and sent.tagged_name_end(pos) == pos + 2 and found < sent.end \
                and (not name_after().match(text, found) or text[pos + 2] in PREPOSITIONS):
            return pos + 2  # the tagger ends the name before a verb (司勇|来淮, 金浩|向)
        if found:
            return found
    return None


def _han_lengths(sent: Sentence, pos: int, surnames, compound: bool) -> tuple[int, ...]:
    """The lengths a name with a Han surname at ``pos`` may have, in the order tried."""
    text = sent.text
    if compound:
        # (桥本龙太郎: a given name of three ending in 郎, after a Japanese surname)
        return (5, 3, 4, 2) if text[pos + 4:pos + 5] == "郎" else (3, 4, 2)
    if text[pos:pos + 1] not in surnames or (
            text[pos] in _PREPOSITION_SURNAMES
            and dictionary_words().get(text[pos + 1:pos + 3]) == "t"):
        return ()  # (于|来年: a preposition and a time word, not a surname and a name)
    if text[pos + 1:pos + 2] in surnames and text[pos] != text[pos + 1] \
            and not any(name_after().match(text, end) for end in (pos + 2, pos + 3)) \
            and _ends_name(sent, pos + 4):
        return (4,)  # 林郑月娥: a married woman's two surnames and her name
    return 2, 3


def _ends_name(sent: Sentence, end: int) -> bool:
    """Whether a name may end at ``end``: the sentence's end, a follower of names or a digit."""
    return end <= sent.end and (end == sent.end or name_after().match(sent.text, end) is not None)


def spelled_name_at(sent: Sentence, pos: int) -> int | None:
    """The end of a foreign name spelled by sound at ``pos`` (three characters at least:
    特朗普, 默克尔), where jieba's segmentation ends a word before punctuation, a follower of
    names or a verb, preposition or conjunction (特朗普|表示, 默克尔|曾); None if there is none."""
    text = sent.text
    spelled = _spelled_by_sound().match(text, pos, min(sent.end, pos + 8))
    if spelled is None:
        return None
    for end in range(spelled.end(), pos + 2, -1):
        if segmented_at(sent, end) and not is_word(text[pos:end]) \
                and len(word_ending_at(sent, end)) <= end - pos and _action_follows(sent, end):
            if text[end:end + 1] in _MIDDLE_DOTS:
                # 拉多米尔·安蒂奇: the parts a middle dot joins are one name
                return _joined_part_end(sent, end + 1) or end
            return end
    return None


def _joined_part_end(sent: Sentence, pos: int) -> int | None:
    """The end of the part of a foreign name after a middle dot at ``pos - 1``: a run of
    spelling characters, two at least, that jieba's segmentation ends."""
    part = _spelled_by_sound().match(sent.text, pos, min(sent.end, pos + 8))
    if part is None:
        return None
    return next((end for end in range(part.end(), pos + 1, -1) if segmented_at(sent, end)), None)


#: Surnames that are also prepositions (于来年, 向明天: a time word after one is no name).
_PREPOSITION_SURNAMES = frozenset("于向从自至当")

#: Dots that join the parts of a foreign name.
_MIDDLE_DOTS = frozenset("·•・‧")


def _action_follows(sent: Sentence, pos: int) -> bool:
    """Whether punctuation, a follower of names, or a verb, a preposition or a conjunction of
    jieba's dictionary comes at ``pos``."""
    text, words = sent.text, dictionary_words()
    return pos >= sent.end or not re.match(r"[\u4e00-\u9fff]", text[pos]) \
        or name_after().match(text, pos) is not None \
        or any(words.get(text[pos:pos + length]) in _ACTION_TAGS for length in (2, 1))


#: jieba tags of the word after a name that tell of an action or a link.
_ACTION_TAGS = frozenset(("v", "vd", "p", "c", "d"))


def _word_follows(sent: Sentence, pos: int) -> bool:
    """Whether an ordinary dictionary word of two or three characters (a verb, a noun: 致信)
    starts at ``pos`` where jieba's segmentation has a boundary (巴赫|致信)."""
    text = sent.text
    return segmented_at(sent, pos) and any(
        is_word(text[pos:pos + length])
        for length in (2, 3) if pos + length <= sent.end)


def _holds_common_word(text: str) -> bool:
    """Whether a common word that is not a name (收获) lies inside ``text``."""
    return any(_ordinary(text[i:i + 2]) for i in range(len(text) - 1))


def _ordinary(word: str) -> bool:
    """Whether ``word`` is a common word that is not a name (收获, 宣传)."""
    words, common = jieba_dictionary()
    return word in common and words[word] in NOT_NAME_TAGS


def looks_like_name(text: str, surnames) -> bool:
    """A surname, one or two more characters, and not an ordinary word; a married woman's two
    surnames and two characters (林郑月娥)."""
    compound = text[:2] in surnames or (len(text) == 4 and text[0] in surnames
                                        and text[1] in surnames)
    return bool(text) and text[:1] != text[1:2] and not NUMERAL.match(text, 1) \
        and ((compound and 3 <= len(text) <= 4) or (text[0] in surnames and 2 <= len(text) <= 3)) \
        and not _is_name_word(text) and not text.endswith("家庭")  # 李|梅家庭: the family of 李梅


#: A numeral: no given name of one character is one (左一, a caption's "left, first").
NUMERAL = re.compile(r"[一二三四五六七八九十](?:$)")

#: Prepositions and motion verbs that may follow a name of two characters (金某|向…, 王某|到会).
PREPOSITIONS = frozenset("向在对为把被给跟和与同从到来去")


#: Last characters of a unit's short name (文明办, 宣传部, 政法委): before a post title, a word
#: ending in one is the unit, not a name.
UNIT_END = frozenset("办部委局处科室厅院所站队组会社团馆")


def _is_name_word(text: str) -> bool:
    """Whether ``text`` is a whole word, not a name: an ordinary dictionary word, or one of the
    frequent words jieba tags as names (荣誉, 文明, 宁静; as the start of a name, 黎明 of
    黎明某 is fine); a frequent one of three characters is a well-known person's name
    (江泽民), unless an ordinary word ends it (黄金周, 古建筑). A unit the dictionary tags as
    a name (宣传部, 宣传科: an ordinary word and a unit's last character) is not one either."""
    tag = dictionary_words().get(text)
    return is_word(text) or (tag == "nr" and _frequency(text) >= _WORD_FREQUENCY
                             and (len(text) < 3 or _holds_common_word(text))) \
        or (tag == "nr" and len(text) == 3 and text[-1] in UNIT_END and _ordinary(text[:2]))


def _country_pair(given: str) -> bool:
    """Whether a given name of two is two countries' short forms, China's one of them or
    neither a common given name's character (巴印, 中美, 美俄: 谈巴印恢复会谈, a headline)."""
    countries = words("country_abbreviations")
    return len(given) == 2 and all(c in countries or c == "中" for c in given) \
        and ("中" in given or not _GIVEN_NAME_CHARS.intersection(given))


#: Country short forms that are also common characters of given names (英, 德, 新 …).
_GIVEN_NAME_CHARS = frozenset("英德法意新古美加")

#: Pronouns, no part of a given name.
_PRONOUNS = frozenset("我你您他她它们咱")


def _rare_entry(name: str, surnames) -> bool:
    """A rare three-character entry of jieba's dictionary that opens with a surname (舒某某,
    tagged v with frequency 5): after a post title, a name that entered the dictionary."""
    return len(name) == 3 and name[0] in surnames and _frequency(name) <= _RARE_ENTRY


#: jieba's frequency up to which a three-character entry may be a name it holds by mistake.
_RARE_ENTRY = 20


def name_word(text: str) -> bool:
    """Whether ``text`` is a two-character word jieba tags as a personal name and uses often
    enough to be an ordinary word too (荣誉, 宁静; but also 李鹏, 朱德): a name only where the
    context is strong (after a post title and before a verb, among names of a list)."""
    return len(text) == 2 and dictionary_words().get(text) == "nr" \
        and _frequency(text) >= _WORD_FREQUENCY


#: jieba's frequency above which a word it tags as a name is an ordinary word (荣誉 2877,
#: 宁静 652; the common names it knows stay below: 李娜 438).
_WORD_FREQUENCY = 600


def _frequency(word: str) -> int:
    """The frequency of a word in jieba's dictionary (0 if it holds none)."""
    return segmenter.dictionary().frequency(word)


def plausible_name(name: str, strong: bool = False, tagged: bool = False) -> bool:
    """Not an ordinary word, not starting with one (关怀就, 武装妇女) unless right after a
    post title (省长柯文涛) or read whole as a name by jieba's tagger (``tagged``: 周长|某),
    four characters only with a compound surname; a frequent word jieba tags as a name
    (``name_word``: 李鹏, 荣誉) only in a strong context (after a post, in a list of names)."""
    _, _, _, surnames = compiled_rules()
    if _PRONOUNS.intersection(name[1:]) or _country_pair(name[1:]):
        return False  # 周书记|到我镇, 发言人|谈巴印…: no pronoun, no pair of countries
    if (_is_name_word(name) and not (strong and (name_word(name) or _rare_entry(name, surnames)))) \
            or name in post_titles() or (
            len(name) >= 3 and is_word(name[:2]) and "·" not in name and not tagged
            and name[:2] not in surnames  # 上官 is a word and a surname
            # after a post, a proper name's start (柯文 of 柯文涛) may open it, or a noun
            # whose second character opens no word with the third (程志|明: 程志明)
            and not (strong and (dictionary_words()[name[:2]] in NAMED_NOT_BODY or (
                len(name) == 3 and dictionary_words()[name[:2]] == "n"
                and name[0] in surnames and not is_word(name[1:]))))):
        return False
    # a Han surname and three more characters is not a name (梁更坚固); a compound surname,
    # a name without a Han surname (格桑梅朵) or a foreign name spelled by sound (古特雷斯)
    # may have four
    return len(name) != 4 or name[:2] in surnames or name[0] not in surnames \
        or sum(char in transliteration() for char in name) >= 3 \
        or (strong and name[1] in surnames)  # 林郑月娥 after a post: two surnames


def _is_foreign_pair(pair: str) -> bool:
    """Two characters that jieba knows as a person's name (or as a place: 普京, which the
    gazetteer does not hold) or that both spell by sound."""
    return dictionary_words().get(pair) in ("nr", "nrt", "nrfg", "ns") \
        or (len(pair) == 2 and all(char in transliteration() for char in pair))


@per_rule_set
def _spelled_by_sound() -> re.Pattern:
    return re.compile("[" + "".join(sorted(transliteration())) + "]+")
