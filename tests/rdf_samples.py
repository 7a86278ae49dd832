"""A small ``KnowledgeGraph`` of facts the seed texts state, built by hand for the RDF, SHACL
and SPARQL tests (the extraction stages are tested elsewhere): real sentences of the seed files
with their real offsets in the original file text as evidence, all five predicates, roles,
years, traditional-script forms and a fact stated in two documents."""
from __future__ import annotations

import hashlib
from pathlib import Path

from kg.graph import KnowledgeGraph
from kg.model import DocumentInfo, Entity, Evidence, Fact
from kg.vocab import entity_iri

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
FEDERATION = "内蒙古自治区妇女联合会"
REGION = "内蒙古自治区"


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix``."""
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def original_text(prefix: str) -> str:
    """The original (decoded, unnormalised) text of a seed file."""
    return seed_path(prefix).read_bytes().decode("utf-8")


def evidence(prefix: str, sentence: str) -> Evidence:
    """Evidence for ``sentence`` at its first position in the seed file's original text."""
    start = original_text(prefix).index(sentence)
    return Evidence(seed_path(prefix).stem, sentence, start, start + len(sentence))


def document(prefix: str) -> DocumentInfo:
    """The ``DocumentInfo`` of a seed file."""
    path = seed_path(prefix)
    return DocumentInfo(path.stem, path.name, hashlib.sha256(path.read_bytes()).hexdigest(),
                        REGION)


def entity(kind: str, name: str, aliases: tuple[str, ...] = (),
           traditional: tuple[str, ...] = ()) -> Entity:
    """An entity with the project's IRI for its type and name."""
    return Entity(entity_iri(kind, name), kind, name, tuple(sorted(aliases)),
                  tuple(sorted(traditional)))


def seed_graph() -> KnowledgeGraph:
    """Posts, honours, programmes and places read from seeds 000, 001, 002 and 004."""
    chair_001 = evidence("001", "自治区妇联党组书记、主席王芳在北疆巾帼布丝绣创业创新孵化基地调研。")
    chair_004 = evidence("004", "自治區(qū)婦聯(lián)黨組書記、主席王芳專題聽取呼市婦聯(lián)打拐"
                                "專項行動線索摸排工作情況匯報并提出工作要求")
    deputy = evidence("004", "分管副主席趙紅軍實地走訪慰問困難婦女家庭13戶。")
    honours_2022 = evidence(
        "004", "興安盟人民醫(yī)院婦二科主任于洋等20位女性獲2022年度自治區(qū)三八紅旗手標兵榮譽稱號,"
               "呼和浩特日報社采訪中心副主任云靜等200位女性獲2022年度自治區(qū)三八紅旗手榮譽稱號,"
               "呼和浩特市公安行政事項審批中心等100個單位獲2022年度自治區(qū)三八紅旗集體榮譽稱號")
    model = evidence("002", "荣获“人民楷模”国家荣誉称号的草原母亲都贵玛。")
    contest = evidence("000", "开展城乡巾帼“巾帼护航计划”,举办北疆巾帼手工创新创业大赛,")
    seminar = evidence("002", "一个激动人心的消息传来:“全国妇联宣传思想工作研讨会”要在自治区举办了!")
    knocking = evidence("002", "鄂尔多斯市“幸福敲门”敬老助残志愿服务项目、兴安盟扎赉特旗电力社区分获全国"
                               "巾帼志愿服务“十大优秀项目”“十大优秀社区”")

    person, org, programme, honour, place = _entities()
    fed, p, o, pr, h, pl = org["federation"].iri, person, org, programme, honour, place
    facts = (
        Fact(p["王芳"].iri, "holdsPost", fed, "党组书记、主席", None, (chair_001, chair_004)),
        Fact(p["赵红军"].iri, "holdsPost", fed, "副主席", None, (deputy,)),
        Fact(p["于洋"].iri, "holdsPost", o["hospital"].iri, "妇二科主任", None, (honours_2022,)),
        Fact(p["云静"].iri, "holdsPost", o["paper"].iri, "采访中心副主任", None, (honours_2022,)),
        Fact(p["于洋"].iri, "awarded", h["bearer"].iri, None, "2022", (honours_2022,)),
        Fact(p["云静"].iri, "awarded", h["red_flag"].iri, None, "2022", (honours_2022,)),
        Fact(o["office"].iri, "awarded", h["collective"].iri, None, "2022", (honours_2022,)),
        Fact(p["都贵玛"].iri, "awarded", h["model"].iri, None, None, (model,)),
        Fact(pr["knocking"].iri, "awarded", h["top_ten"].iri, None, None, (knocking,)),
        Fact(fed, "runs", pr["escort"].iri, None, None, (contest,)),
        Fact(fed, "runs", pr["contest"].iri, None, None, (contest,)),
        Fact(o["national"].iri, "runs", pr["seminar"].iri, None, None, (seminar,)),
        Fact(pr["seminar"].iri, "locatedIn", pl["region"].iri, None, None, (seminar,)),
        Fact(pr["knocking"].iri, "locatedIn", pl["ordos"].iri, None, None, (knocking,)),
        Fact(o["hospital"].iri, "locatedIn", pl["xingan"].iri, None, None, (honours_2022,)),
        Fact(o["paper"].iri, "locatedIn", pl["hohhot"].iri, None, None, (honours_2022,)),
        Fact(o["office"].iri, "locatedIn", pl["hohhot"].iri, None, None, (honours_2022,)),
        Fact(fed, "locatedIn", pl["region"].iri, None, None, (chair_001,)),
        Fact(pl["jalaid"].iri, "partOf", pl["xingan"].iri, None, None, (knocking,)),
        Fact(pl["xingan"].iri, "partOf", pl["region"].iri, None, None, (honours_2022,)),
    )
    entities = [*person.values(), *org.values(), *programme.values(), *honour.values(),
                *place.values()]
    return KnowledgeGraph(
        tuple(document(prefix) for prefix in ("000", "001", "002", "004")),
        tuple(sorted(entities, key=lambda e: e.iri)),
        tuple(sorted(facts, key=lambda f: (f.subject, f.predicate, f.object, f.role or "",
                                           f.year or ""))))


def _entities() -> tuple[dict[str, Entity], ...]:
    """The people, organisations, programmes, honours and places of ``seed_graph``."""
    person = {name: entity("Person", name, traditional=trad) for name, trad in (
        ("王芳", ()), ("赵红军", ("趙紅軍",)), ("于洋", ()), ("云静", ("云靜",)), ("都贵玛", ()))}
    org = {
        "federation": entity("Organisation", FEDERATION, ("自治区妇联", "内蒙古自治区妇联"),
                             ("自治區婦聯",)),
        "national": entity("Organisation", "中华全国妇女联合会", ("全国妇联",)),
        "hospital": entity("Organisation", "兴安盟人民医院", (), ("興安盟人民醫院",)),
        "paper": entity("Organisation", "呼和浩特日报社", (), ("呼和浩特日報社",)),
        "office": entity("Organisation", "呼和浩特市公安行政事项审批中心", (),
                         ("呼和浩特市公安行政事項審批中心",)),
    }
    programme = {
        "escort": entity("Programme", "巾帼护航计划"),
        "contest": entity("Programme", "北疆巾帼手工创新创业大赛"),
        "seminar": entity("Programme", "全国妇联宣传思想工作研讨会"),
        "knocking": entity("Programme", "鄂尔多斯市“幸福敲门”敬老助残志愿服务项目"),
    }
    honour = {
        "bearer": entity("Honour", "自治区三八红旗手标兵", (), ("自治區三八紅旗手標兵",)),
        "red_flag": entity("Honour", "自治区三八红旗手", (), ("自治區三八紅旗手",)),
        "collective": entity("Honour", "自治区三八红旗集体", (), ("自治區三八紅旗集體",)),
        "model": entity("Honour", "人民楷模"),
        "top_ten": entity("Honour", "全国巾帼志愿服务十大优秀项目"),
    }
    place = {
        "region": entity("Place", REGION, ("自治区",)),
        "xingan": entity("Place", "兴安盟", (), ("興安盟",)),
        "hohhot": entity("Place", "呼和浩特市", (), ("呼和浩特",)),
        "ordos": entity("Place", "鄂尔多斯市"),
        "jalaid": entity("Place", "扎赉特旗"),
    }
    return person, org, programme, honour, place
