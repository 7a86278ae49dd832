"""A small hand-made ``KnowledgeGraph`` of facts the seed texts state, for the API, export and
analysis tests: real sentences, with their real offsets in the seed files as evidence."""
from __future__ import annotations

import hashlib
from pathlib import Path

from kg import DocumentInfo, Entity, Evidence, Fact, KnowledgeGraph
from kg.normalize import document_id
from kg.vocab import entity_iri

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
FEDERATION = "内蒙古自治区妇女联合会"
PARTY_GROUP = "内蒙古自治区妇女联合会党组"
HOSPITAL = "兴安盟人民医院"
CHAIR = "王芳"


def seed_file(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix``."""
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def evidence(prefix: str, sentence: str) -> Evidence:
    """Evidence for ``sentence`` at its first position in the seed file."""
    path = seed_file(prefix)
    start = path.read_text(encoding="utf-8").index(sentence)
    return Evidence(document_id(path), sentence, start, start + len(sentence))


def info(prefix: str) -> DocumentInfo:
    """The ``DocumentInfo`` of a seed file."""
    path = seed_file(prefix)
    return DocumentInfo(document_id(path), path.name, hashlib.sha256(path.read_bytes()).hexdigest())


def entity(kind: str, name: str, *aliases: str) -> Entity:
    """An entity with the project's IRI for its type and name."""
    return Entity(entity_iri(kind, name), kind, name, tuple(sorted(aliases)))


def sample_graph() -> KnowledgeGraph:
    """Posts, honours and a place from seeds 001, 002 and 004 (traditional script in 004)."""
    chair_001 = evidence("001", "自治区妇联党组书记、主席王芳在北疆巾帼布丝绣创业创新孵化基地调研。")
    chair_004 = evidence("004", "自治區(qū)婦聯(lián)黨組書記、主席王芳專題聽取呼市婦聯(lián)打拐專項行動線索摸排工作情況匯報并提出工作要求")
    deputy = evidence("004", "分管副主席趙紅軍實地走訪慰問困難婦女家庭13戶。")
    honours_2022 = evidence("004", "興安盟人民醫(yī)院婦二科主任于洋等20位女性獲2022年度自治區(qū)三八紅旗手標兵榮譽稱號")
    model = evidence("002", "荣获“人民楷模”国家荣誉称号的草原母亲都贵玛。")
    people = {name: entity("Person", name) for name in (CHAIR, "赵红军", "于洋", "都贵玛")}
    federation = entity("Organisation", FEDERATION, "自治区妇联", "内蒙古自治区妇联")
    party_group = entity("Organisation", PARTY_GROUP, "自治区妇联党组")
    hospital = entity("Organisation", HOSPITAL)
    standard_bearer = entity("Honour", "自治区三八红旗手标兵")
    people_model = entity("Honour", "人民楷模")
    league = entity("Place", "兴安盟")
    facts = (
        Fact(people[CHAIR].iri, "holdsPost", federation.iri, "主席", None, (chair_001, chair_004)),
        Fact(people[CHAIR].iri, "holdsPost", federation.iri, "党组书记", None, (chair_001,)),
        Fact(people[CHAIR].iri, "holdsPost", party_group.iri, "党组书记", None, (chair_001,)),
        Fact(people["赵红军"].iri, "holdsPost", federation.iri, "副主席", None, (deputy,)),
        Fact(people["于洋"].iri, "holdsPost", hospital.iri, "妇二科主任", None, (honours_2022,)),
        Fact(people["于洋"].iri, "awarded", standard_bearer.iri, None, "2022", (honours_2022,)),
        Fact(people["都贵玛"].iri, "awarded", people_model.iri, None, None, (model,)),
        Fact(hospital.iri, "locatedIn", league.iri, None, None, (honours_2022,)),
        Fact(party_group.iri, "partOf", federation.iri, None, None, (chair_001,)),
    )
    entities = (*people.values(), federation, party_group, hospital, standard_bearer,
                people_model, league)
    return KnowledgeGraph((info("001"), info("002"), info("004")),
                          tuple(sorted(entities, key=lambda e: e.iri)),
                          tuple(sorted(facts, key=lambda f: (f.subject, f.predicate, f.object,
                                                             f.role or "", f.year or ""))))
