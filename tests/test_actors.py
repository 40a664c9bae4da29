"""Tests for graph.actors: catalogue matching, X方 and joint forms, discovery, in-document links."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.actors import find_mentions
from graph.catalogue import load_catalogue
from graph.model import Analysis, Block, Document, ProposedName

FIXTURE = Path(__file__).parent / "data" / "catalogue"


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(FIXTURE)


def analyse(text: str, catalogue, blocks: tuple[Block, ...] = ()) -> Analysis:
    doc = Document("t.txt", text, text, tuple(range(len(text))))
    return find_mentions(Analysis(doc, blocks=blocks), catalogue)


def found(text: str, catalogue, blocks: tuple[Block, ...] = ()) -> list[tuple[str, str | None]]:
    return [(m.surface, m.key) for m in analyse(text, catalogue, blocks).mentions]


@pytest.mark.parametrize("text, expected", [
    ("美国疾控中心发布了报告。", [("美国疾控中心", "gov/us-cdc")]),
    ("美国和意大利通电话。", [("美国", "country/US"), ("意大利", "country/IT")]),
    ("世卫组织和WHO是同一个组织。", [("世卫组织", "org/who"), ("WHO", "org/who")]),
    ("WHOLE不是缩写。", []),
])
def test_actors_catalogue_longest_match(catalogue, text, expected):
    assert found(text, catalogue) == expected


@pytest.mark.parametrize("text, expected", [
    ("中方愿同意方加强合作。", [("中方", "country/CN"), ("意方", "country/IT")]),
    ("西方媒体关注中方的做法。", [("中方", "country/CN")]),
])
def test_actors_side_forms(catalogue, text, expected):
    assert found(text, catalogue) == expected


@pytest.mark.parametrize("text, expected", [
    ("巴方表示感谢。", None),
    ("巴基斯坦总统来访，巴方表示感谢。", "country/PK"),
    ("巴西政府宣布新措施，巴方表示愿意合作。", "country/BR"),
])
def test_actors_ambiguous_side_resolved_by_context(catalogue, text, expected):
    side = [m for m in analyse(text, catalogue).mentions if m.surface == "巴方"]
    assert len(side) == 1 and side[0].key == expected


@pytest.mark.parametrize("text, expected", [
    # a readout's title names the country; its later paragraphs say only 巴方
    ("张伟会见巴基斯坦外长李明\n张伟在北京会见李明。\n张伟表示，疫情发生后，巴方向中方提供了物资。\n", "country/PK"),
    ("发言人就巴西新总统就职答记者问\n问：有何评论？\n答：中方祝贺巴方。\n", "country/BR"),
    # named only in another paragraph, not the title: left open (a transcript answers about many countries)
    ("发言人主持例行记者会\n问：巴基斯坦的情况如何？\n答：中方支持巴方。\n", None),
])
def test_actors_ambiguous_side_resolved_by_the_title(catalogue, text, expected):
    lines = text.split("\n")
    starts = [sum(len(line) + 1 for line in lines[:i]) for i in range(len(lines) - 1)]
    blocks = tuple(Block("paragraph", s, s + len(line)) for s, line in zip(starts, lines))
    side = [m for m in analyse(text, catalogue, blocks).mentions if m.surface == "巴方"]
    assert len(side) == 1 and side[0].key == expected


@pytest.mark.parametrize("text, expected", [
    ("张伟听取北极星医院负责同志汇报。", "北极星医院"),
    ("李明其后走访北极星大学。", "北极星大学"),
])
def test_actors_organisation_name_starts_after_a_verb_of_visiting(catalogue, text, expected):
    assert [m.surface for m in analyse(text, catalogue).mentions if m.cls == "Organization"] == [expected]


@pytest.mark.parametrize("text, expected", [
    # a chain of titles whose last title stands after a unit of its own
    ("意大利前总理、民主联盟主席贝利尼表示，合作很重要。", [("贝利尼", "民主联盟主席", "country/IT")]),
    ("意大利参议员、下议院副议长贝利尼表示，合作很重要。", [("贝利尼", "下议院副议长", "country/IT")]),
    # titles only, no name after them
    ("意大利总统、总理分别致电张伟。", []),
])
def test_actors_title_chain_through_a_unit(catalogue, text, expected):
    persons = [m for m in analyse(text, catalogue).mentions if m.cls == "Person" and m.surface != "张伟"]
    assert [(m.surface, m.role, m.affiliation) for m in persons] == expected


@pytest.mark.parametrize("text, expected", [
    # two invented persons of the fixture share the name 伊尔瓦: Italy's prime minister, Serbia's president
    ("张伟同意大利总理伊尔瓦通电话。伊尔瓦表示感谢。", ["person/tomas-ilvar-it", "person/tomas-ilvar-it"]),
    ("塞尔维亚总统伊尔瓦会见张伟。", ["person/ilvar-rs"]),
    # a title of a third country, or none: left open
    ("日本首相伊尔瓦访华。", [None]),
    ("伊尔瓦访华。", [None]),
])
def test_actors_shared_name_resolved_by_the_country_served(catalogue, text, expected):
    assert [m.key for m in analyse(text, catalogue).mentions if m.surface == "伊尔瓦"] == expected


@pytest.mark.parametrize("text, expected", [
    ("中日韩三国外长举行视频会议。", ["country/CN", "country/JP", "country/KR"]),
    ("中意两国人民友谊深厚。", ["country/CN", "country/IT"]),
    ("中美关系十分重要。", ["country/CN", "country/US"]),
    ("中欧合作不断深化。", ["country/CN", "org/eu"]),
    ("9月10日中美元首通话时，双方谈到台湾问题。", ["country/CN", "country/US"]),  # the 10th, not Japan
    ("16日中美关系研讨会举行。", ["country/CN", "country/US"]),
])
def test_actors_joint_forms(catalogue, text, expected):
    mentions = analyse(text, catalogue).mentions
    assert [m.key for m in mentions] == expected
    assert all(m.end - m.start == 1 for m in mentions)


@pytest.mark.parametrize("text, name, role, affiliation", [
    ("纳米比亚总统根哥布致电表示慰问。", "根哥布", "总统", "country/NA"),
    ("意大利外长迪马约表示感谢。", "迪马约", "外长", "country/IT"),
    ("西班牙国王费利佩六世同习近平通电话。", "费利佩六世", "国王", "country/ES"),
    ("世界卫生组织总干事谭德塞说，这是正确的。", "谭德塞", "总干事", "org/who"),
    ("国家卫生健康委主任马晓伟介绍情况。", "马晓伟", "主任", "gov/nhc"),
    ("外交部部长助理张明会见各国使节。", "张明", "部长助理", "gov/mfa"),
    ("韩国外交部长官朴明洙同王毅通电话。", "朴明洙", "部长官", "gov/韩国外交部"),
    # a conjunction inside the unit before the title (感染及传染病中心), a bracketed field of the office
    # between the title and the name, a time word after the name
    ("世界卫生组织感染及传染病中心总监赵立表示，风险很高。", "赵立", "感染及传染病中心总监", "org/who"),
    ("国家卫生健康委总行政经理（质素及标准）周明表示，风险很低。", "周明", "总行政经理", "gov/nhc"),
    ("国家卫生健康委处长王刚其后见记者表示，事件已处理。", "王刚", "处长", "gov/nhc"),
    # a coordinator of a programme, a legislator of Taiwan's Legislative Yuan
    ("世界卫生组织亚洲项目协调员赵立说，这是严重的打压。", "赵立", "亚洲项目协调员", "org/who"),
    ("韩国立法委员周明表示，会加强合作。", "周明", "立法委员", "country/KR"),
])
def test_actors_titled_discovery(catalogue, text, name, role, affiliation):
    result = analyse(text, catalogue)
    person = [m for m in result.mentions if m.surface == name]
    assert len(person) == 1
    assert (person[0].key, person[0].cls, person[0].role, person[0].affiliation) == (
        f"person/{name}", "Person", role, affiliation)
    assert any(a.key == f"person/{name}" and a.role == role for a in result.actors)


@pytest.mark.parametrize("text", [
    "柬埔寨首相直播中国医疗专家组抵达。",
    "意大利总统府发表声明。",
])
def test_actors_title_without_name_is_not_a_person(catalogue, text):
    assert not any(m.key and m.key.startswith("person/") and m.key not in catalogue.actors
                   for m in analyse(text, catalogue).mentions)


def test_actors_catalogue_person_learns_role(catalogue):
    mentions = analyse("中国国家主席习近平日前致电韩国总统文在寅。", catalogue).mentions
    xi = next(m for m in mentions if m.surface == "习近平")
    moon = next(m for m in mentions if m.surface == "文在寅")
    assert (xi.key, xi.role, xi.affiliation) == ("person/xi-jinping", "国家主席", "country/CN")
    assert (moon.key, moon.role, moon.affiliation) == ("person/moon-jae-in", "总统", "country/KR")


@pytest.mark.parametrize("text, surface, key", [
    ("纳米比亚总统根哥布致电。根哥布表示，感谢中方。", "根哥布", "person/根哥布"),
    ("外交部副部长罗照辉介绍情况。罗部长说，合作很重要。", "罗部长", "person/罗照辉"),
])
def test_actors_bare_later_mention_links(catalogue, text, surface, key):
    mentions = [m for m in analyse(text, catalogue).mentions if m.surface == surface]
    assert mentions and all(m.key == key for m in mentions)
    assert mentions[-1].start > text.index("介绍" if "介绍" in text else "致电")


@pytest.mark.parametrize("text, surface, key", [
    ("柬埔寨首相直播中国医疗专家组抵达金边。", "柬埔寨首相", "person/hun-sen"),
    ("意大利外长迪马约表示感谢。此前意大利外长曾致电。", "意大利外长", "person/迪马约"),
])
def test_actors_title_only_resolution(catalogue, text, surface, key):
    mentions = analyse(text, catalogue).mentions
    person = [m for m in mentions if m.surface == surface]
    assert len(person) == 1 and person[0].key == key and person[0].cls == "Person"
    country = [m for m in mentions if m.start == person[0].start and m.end < person[0].end]
    assert len(country) == 1 and country[0].cls == "Country"


@pytest.mark.parametrize("text, surface, key", [
    ("世卫组织总干事昨天表示，需要更多数据。", "世卫组织总干事", "person/tedros"),  # not 世界卫生组织前总干事
    ("联合国秘书长呼吁各方停火。", "联合国秘书长", "person/antonio-guterres"),  # not 联合国常务副秘书长
    ("芬兰总理称挪威外交部发言人的说法不实。", "芬兰总理", "person/sanna-marin"),  # a verb ends the title
])
def test_actors_title_resolves_past_a_deputy_or_former_holder(text, surface, key):
    assert [k for s, k in real(text) if s == surface] == [key]


@pytest.mark.parametrize("text", [
    "肯尼亚副总统向论坛发来贺电。",  # the catalogue's 总统 is no 副总统
    "联合国秘书长发言人表示，希望对话取得成果。",  # the spokesman's office, not the Secretary-General
    "芬兰总统国家安全事务助理赵六与挪威首相索尔贝格通电话。",
    "芬兰总统府发言人赵六同挪威首相索尔贝格会谈。",
])
def test_actors_title_of_another_office_names_no_holder(text):
    assert not [k for _, k in real(text) if k in ("person/sauli-niinisto", "person/uhuru-kenyatta",
                                                  "person/antonio-guterres")]


def test_actors_unnamed_spokesperson_is_the_body(catalogue):
    assert found("外交部发言人表示，中方愿意合作。", catalogue) == [
        ("外交部", "gov/mfa"), ("中方", "country/CN")]


@pytest.mark.parametrize("label_inside_turn", [True, False])
def test_actors_transcript_speaker(catalogue, label_inside_turn):
    text = "请外交部副部长罗照辉介绍情况。\n罗照辉:\n谢谢主持人。\n胡凯红:\n下面开始提问。\n"
    turn1 = text.index("罗照辉:")
    turn2 = text.index("胡凯红:")
    skip = 0 if label_inside_turn else 5
    blocks = (Block("turn", turn1 + skip, turn2, speaker="罗照辉"),
              Block("turn", turn2 + skip, len(text), speaker="胡凯红"))
    mentions = analyse(text, catalogue, blocks).mentions
    luo = [m for m in mentions if m.start == turn1]
    hu = [m for m in mentions if m.start == turn2]
    assert luo and (luo[0].key, luo[0].role, luo[0].affiliation) == ("person/罗照辉", "副部长", "gov/mfa")
    assert hu and (hu[0].key, hu[0].cls) == ("person/胡凯红", "Person")


@pytest.mark.parametrize("line, key", [
    ("韩联社记者:", "org/韩联社"),
    ("澳门日报记者:", "org/澳门日报"),
    ("中央广播电视总台记者:", "org/cmg"),
])
def test_actors_media_outlet_of_reporter(catalogue, line, key):
    text = f"{line}\n请问中方如何看待？\n"
    blocks = (Block("turn", len(line) + 1, len(text), speaker=line.rstrip(":")),)
    mentions = analyse(text, catalogue, blocks).mentions
    assert mentions[0].key == key and mentions[0].cls == "Organization"


@pytest.mark.parametrize("text, expected", [
    ("◆北京协和医院发布诊疗方案。", [("北京协和医院", "org/北京协和医院")]),
    ("专家来到复旦大学的实验室。", [("复旦大学", "org/复旦大学")]),
    ("专家来自同济医院。", [("同济医院", "org/同济医院")]),
    ("他们在有关的大学里学习。", []),
    ("武汉市卫生健康委员会发布通报。", [("武汉市卫生健康委员会", "gov/武汉市卫生健康委员会")]),
    ("专家同复旦大学和同济医院合作。", [("复旦大学", "org/复旦大学"), ("同济医院", "org/同济医院")]),
    ("上海市卫生健康委发布通知。", [("上海市卫生健康委", "gov/上海市卫生健康委")]),
    ("外交部召开国家卫生健康委会议。", [("外交部", "gov/mfa"), ("国家卫生健康委", "gov/nhc")]),
    ("他们送往定点医院。", []),
    ("◆日本驻华使馆发表声明。", [("日本驻华使馆", "gov/日本驻华使馆")]),
    ("◆美国白宫国家经济委员会发表声明。", [("美国", "country/US"),
                                   ("美国白宫国家经济委员会", "gov/白宫国家经济委员会")]),
    ("◆外国驻华使馆发表声明。", []),
    ("该校学生来自有关大学生联合会。", []),
    ("东湖市政府新闻办公室举行发布会。", [("东湖市政府新闻办公室", "gov/东湖市政府新闻办公室")]),
    ("东湖市政府新闻办昨日举行发布会。", [("东湖市政府新闻办", "gov/东湖市政府新闻办")]),
    # a conjunction or 正如 before the name is no part of it
    ("南湖病毒命名委员会而北湖病毒分类委员会则指出，名称不变。",
     [("南湖病毒命名委员会", "gov/南湖病毒命名委员会"), ("北湖病毒分类委员会", "gov/北湖病毒分类委员会")]),
    ("正如东湖大学教务委员会所言，学术自由重要。",
     [("东湖大学", "org/东湖大学"), ("东湖大学教务委员会", "gov/东湖大学教务委员会")]),
])
def test_actors_organisation_by_suffix(catalogue, text, expected):
    assert found(text, catalogue) == expected


@pytest.mark.parametrize("text, expected", [
    ("◆美国哈佛大学医学院发表论文。", [("美国", "country/US"), ("美国哈佛大学", "org/哈佛大学"),
                                 ("美国哈佛大学医学院", "org/哈佛大学医学院")]),
    ("◆中国科学技术大学发表论文。", [("中国科学技术大学", "org/中国科学技术大学")]),
    ("◆日本国立传染病研究所发表论文。", [("日本国立传染病研究所", "org/日本国立传染病研究所")]),
])
def test_actors_organisation_leading_country_stays_in_mention_not_key(catalogue, text, expected):
    assert found(text, catalogue) == expected


def test_actors_mentions_sorted_and_sliced(catalogue):
    text = "中国国家主席习近平同意大利总统马塔雷拉通电话。中意两国合作。"
    mentions = analyse(text, catalogue).mentions
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert all(text[m.start:m.end] == m.surface for m in mentions)


def test_actors_long_text_is_linear(catalogue):
    text = "中国国家主席习近平同意大利总统马塔雷拉通电话。中意两国合作。" * 2000
    mentions = analyse(text, catalogue).mentions
    assert len([m for m in mentions if m.key == "person/马塔雷拉"]) == 2000


def test_actors_real_catalogue():
    catalogue = load_catalogue()
    if "country/IT" not in catalogue.actors or not catalogue.abbreviations:
        pytest.skip("ontology/actors not written yet")
    mentions = analyse("意大利同中方加强合作。中意两国外长通电话。", catalogue).mentions
    assert [m.key for m in mentions] == ["country/IT", "country/CN", "country/CN", "country/IT"]


def test_actors_ministry_after_a_foreign_country_is_that_countrys(catalogue):
    result = analyse("韩国外交部和中国外交部分别发表声明。", catalogue)
    assert [(m.surface, m.key) for m in result.mentions] == [
        ("韩国", "country/KR"), ("韩国外交部", "gov/韩国外交部"), ("中国", "country/CN"), ("外交部", "gov/mfa")]
    assert [(a.key, a.affiliation) for a in result.actors if a.key.startswith("gov/")] == [
        ("gov/韩国外交部", "country/KR")]


def test_actors_bare_ministry_after_a_foreign_one_in_its_paragraph_is_that_ones(catalogue):
    result = analyse("韩国外交部周一发表声明。外交部又强调，两国应加强合作。", catalogue)
    assert [(m.surface, m.key) for m in result.mentions if m.cls == "GovernmentBody"] == [
        ("韩国外交部", "gov/韩国外交部"), ("外交部", "gov/韩国外交部")]


def test_actors_bare_ministry_after_china_named_last_stays_chinas(catalogue):
    result = analyse("韩国外交部和中国外交部分别发表声明，外交部还表示欢迎。", catalogue)
    assert [m.key for m in result.mentions if m.surface == "外交部"] == ["gov/mfa", "gov/mfa"]


def test_actors_bare_ministry_in_another_paragraph_or_a_turn_stays_chinas(catalogue):
    text = "韩国外交部周一发表声明。\n外交部发言人表示欢迎。"
    assert [m.key for m in analyse(text, catalogue).mentions if m.surface == "外交部"] == ["gov/mfa"]
    text = "记者：韩国外交部长对此表示关切，外交部有何回应？"
    blocks = (Block("turn", 3, len(text), speaker="记者"),)
    assert [m.key for m in analyse(text, catalogue, blocks).mentions if m.surface == "外交部"] == ["gov/mfa"]


def test_actors_kenya_by_its_hong_kong_name():
    mentions = analyse("肯雅外交部发表声明。肯雅塔总统表示感谢。", load_catalogue()).mentions
    assert [(m.surface, m.key, m.affiliation) for m in mentions if m.cls != "Country"] == [
        ("肯雅外交部", "gov/肯雅外交部", "country/KE"), ("肯雅塔", "person/uhuru-kenyatta", "country/KE")]


@pytest.mark.parametrize("text, key", [
    # Hong Kong writes Wuhan's and Hubei's bodies without 市 and 省: not the national commission
    ("武汉卫健委周一通报，新增病例。", "gov/wuhan-health-commission"),
    ("武汉卫生健康委员会周一通报，新增病例。", "gov/wuhan-health-commission"),
    ("湖北卫健委周一通报，新增病例。", "gov/hubei-health-commission"),
    ("武汉疾控中心派员检测。", "gov/wuhan-cdc"),
    ("中国国家卫健委周一通报，新增病例。", "gov/nhc"),
])
def test_actors_local_health_bodies_by_their_short_names(text, key):
    assert [m.key for m in analyse(text, load_catalogue()).mentions] == [key]


def test_actors_blocker_hides_a_name_met_earlier():
    text = "疾控中心主任高福指出，高福利社会同样面临挑战。"
    doc = Document("t.txt", text, text, tuple(range(len(text))))
    mentions = find_mentions(Analysis(doc), load_catalogue()).mentions
    assert [m.start for m in mentions if m.surface == "高福"] == [text.index("高福")]


def test_actors_title_sharing_the_last_character_of_a_body(catalogue):
    result = analyse("外交部长王华表示支持。", catalogue)
    person = [(m.surface, m.role, m.affiliation) for m in result.mentions if m.cls == "Person"]
    assert person == [("王华", "部长", "gov/mfa")]


def test_actors_country_and_its_body_lead_to_one_person(catalogue):
    result = analyse("韩国外交部长朴成浩表示支持。", catalogue)
    assert [m.surface for m in result.mentions if m.cls == "Person"] == ["朴成浩"]


@pytest.mark.parametrize("text", ["医疗队飞抵努尔苏丹。", "马里兰州的实验室。", "印度洋沿岸的渔村。", "朝鲜半岛局势。"])
def test_actors_place_names_holding_a_country_name_are_no_country(text):
    doc = Document("t.txt", text, text, tuple(range(len(text))))
    assert find_mentions(Analysis(doc), load_catalogue()).mentions == ()


@pytest.mark.parametrize("text, body, country", [
    ("卫生部同塞尔维亚联邦卫生署举行视频会议。", "塞尔维亚联邦卫生署", "country/RS"),
    ("韩国疫情防控局发布通报。", "韩国疫情防控局", "country/KR"),
])
def test_actors_unknown_agency_after_a_country_is_that_countrys_body(catalogue, text, body, country):
    result = analyse(text, catalogue)
    assert [(m.key, m.cls, m.affiliation) for m in result.mentions if m.surface == body] == [
        (f"gov/{body}", "GovernmentBody", country)]


@pytest.mark.parametrize("text", ["韩国局势趋于稳定。", "韩国署长表示。", "中方局面好转。"])
def test_actors_agency_ending_inside_another_word_is_no_body(catalogue, text):
    assert all(m.cls != "GovernmentBody" for m in analyse(text, catalogue).mentions)


@pytest.mark.parametrize("text, key", [
    ("柬埔寨首相洪森表示支持。", "person/hun-sen"),
    ("巴西卫生部长洪森表示支持。", "person/洪森"),
    ("巴西外长洪森表示支持。", "person/洪森"),
    ("中国驻柬埔寨大使洪森表示支持。", "person/hun-sen"),
])
def test_actors_catalogue_person_serving_another_country_is_someone_else(catalogue, text, key):
    assert [m.key for m in analyse(text, catalogue).mentions if m.cls == "Person"] == [key]


@pytest.mark.parametrize("text, name, affiliation", [
    ("中国驻柬埔寨大使王华表示支持。", "王华", "country/CN"),
    ("柬埔寨驻华大使李明表示支持。", "李明", "country/KH"),
])
def test_actors_ambassador_serves_the_country_before_the_post(catalogue, text, name, affiliation):
    persons = [(m.surface, m.affiliation) for m in analyse(text, catalogue).mentions if m.cls == "Person"]
    assert persons == [(name, affiliation)]


def real(text: str, blocks: tuple[Block, ...] = ()) -> list[tuple[str, str | None]]:
    """Mentions found with the package's own catalogue (its abbreviations and lexicons)."""
    doc = Document("t.txt", text, text, tuple(range(len(text))))
    return [(m.surface, m.key) for m in find_mentions(Analysis(doc, blocks=blocks), load_catalogue()).mentions]


@pytest.mark.parametrize("text", ["一些西方国家批评甲方。", "个别西方媒体发表评论。"])
def test_actors_blocker_spelt_like_a_side_form_wins(text):
    assert all(key != "country/ES" for _, key in real(text))


@pytest.mark.parametrize("text", ["芬兰已向多个发展中国家提供疫苗援助。", "芬兰支持发展中国家抗击疫情。"])
def test_actors_developing_countries_hold_no_china(text):
    assert all(key != "country/CN" for _, key in real(text))


@pytest.mark.parametrize("text", ["武汉肺炎席卷全球之际，芬兰与挪威举行视像会议。", "芬兰的武汉肺炎确诊个案增至10宗。"])
def test_actors_the_epidemic_named_after_wuhan_holds_no_wuhan(text):
    # the Hong Kong press's name of the epidemic (武漢肺炎) is no mention of the city
    assert all(key != "gov/wuhan" for _, key in real(text))


@pytest.mark.parametrize("text, noun", [
    ("关于柬埔寨总统选举，各方高度关注。", "选举"),
    ("老挝外长理事会会议在万象举行。", "理事会"),
    ("法国总统大选结果揭晓。", "大选"),
    ("北欧五国领袖视像会议周一举行。", "视像"),
    ("芬兰总理电话会议结束后，挪威发表声明。", "电话"),
])
def test_actors_generic_noun_after_a_title_is_no_person(text, noun):
    assert [s for s, _ in real(text) if s.startswith(noun)] == []


@pytest.mark.parametrize("text, name", [
    ("泰国卫生部长林大文周二表示，疫情稳定。", "林大文"),
    ("斐济外长库马拉今日宣布新措施。", "库马拉"),
    ("秘鲁卫生部长桑塔纳发文称，感谢支持。", "桑塔纳"),
])
def test_actors_name_ends_before_a_time_word_or_verb(text, name):
    assert [s for s, key in real(text) if (key or "").startswith("person/")] == [name]


def test_actors_name_glued_to_a_word_is_the_name_met_elsewhere():
    text = "泰国卫生部长林大文表示，病例减少。泰国卫生部长林大文坦言，压力仍大。"
    persons = [(s, key) for s, key in real(text) if (key or "").startswith("person/")]
    assert persons == [("林大文", "person/林大文"), ("林大文", "person/林大文")]


@pytest.mark.parametrize("text, name", [
    ("美国总统气候问题特使卡尔森表示关切。", "卡尔森"),
    ("联合国近东巴勒斯坦难民救济和工程处主任专员罗西尼出席会议。", "罗西尼"),
])
def test_actors_name_after_a_second_title(text, name):
    assert [s for s, key in real(text) if (key or "").startswith("person/")] == [name]


@pytest.mark.parametrize("text", ["中方关注苏丹局势发展。", "孟晚舟事件同加拿大公民个案不同。"])
def test_actors_country_name_is_no_title(text):
    assert all(not (key or "").startswith("person/") for _, key in real(text))


@pytest.mark.parametrize("label", ["记者", "追问"])
def test_actors_speaker_label_saying_who_asks_is_no_person(label):
    text = f"汪大明：谢谢。\n{label}：请问还有补充吗？\n"
    turn = text.index(label)
    blocks = (Block("turn", turn, len(text), speaker=label),)
    assert all(s != label for s, _ in real(text, blocks))


@pytest.mark.parametrize("text, surface, key", [
    ("江苏为湖北随州提供物资。", "湖北随州", "gov/suizhou"),
    ("医疗队抵达湖北武汉。", "湖北武汉", "gov/wuhan"),
])
def test_actors_province_before_its_city_names_the_city(text, surface, key):
    assert (surface, key) in real(text) and ("湖北", "gov/hubei") not in real(text)


@pytest.mark.parametrize("text, surface, key", [
    ("此外，挪威绿松党干事长奥斯兰表示支持。", "挪威绿松党", "org/绿松党"),
    ("秘鲁人民团结联盟主席卡洛斯表示感谢。", "秘鲁人民团结联盟", "org/人民团结联盟"),
    ("马里复兴运动总书记库利巴利表示支持。", "马里复兴运动", "org/复兴运动"),
])
def test_actors_party_after_its_country(text, surface, key):
    assert (surface, key) in real(text)


@pytest.mark.parametrize("text", ["英国反对党批评政府。", "该国执政党召开会议。", "党员干部下沉社区。"])
def test_actors_generic_party_words_are_no_party(text):
    assert all(not (key or "").startswith("org/") for _, key in real(text))


@pytest.mark.parametrize("text, surface", [
    ("秘鲁人民联盟-青年联盟主席卡洛斯表示感谢。", "秘鲁人民联盟-青年联盟"),
    ("专家来到中国—东盟海洋合作研究中心。", "中国—东盟海洋合作研究中心"),
])
def test_actors_dash_inside_a_name(text, surface):
    surfaces = [s for s, _ in real(text)]
    assert surface in surfaces and not any(s.endswith("人民联盟") for s in surfaces)


@pytest.mark.parametrize("text, key", [
    ("近日，在江西省公安厅统一部署下，多部门联合行动。", "gov/江西省公安厅"),
    ("记者来到南昌市青山湖社区，看到志愿者正在值守。", "org/南昌市青山湖社区"),
])
def test_actors_local_bodies_with_their_place(text, key):
    assert key in [k for _, k in real(text)]


def test_actors_catalogue_party_after_its_country_keeps_the_catalogue_key():
    assert ("国民力量党", "org/palang-pracharath") in real("泰国国民力量党表示支持。")


@pytest.mark.parametrize("text", [
    "几家跨国公司表示关注。", "病人被送往公立医院。", "不少美国公司纷散撤离。",
    "选举委员会宣布结果。", "中国正加快构建新发展格局。", "部分医院暂停门诊。",
])
def test_actors_common_noun_with_an_ending_is_no_organisation(text):
    assert all(not (key or "").startswith(("org/", "gov/")) for _, key in real(text))


@pytest.mark.parametrize("text, key", [
    ("据斐济时报报道，疫情稳定。", "org/斐济时报"),
    ("汤加红十字会发出呼吁。", "org/汤加红十字会"),
    ("蒙古国家广播公司报道了此事。", "org/蒙古国家广播公司"),
])
def test_actors_country_alone_before_some_endings_is_a_name(text, key):
    assert key in [k for _, k in real(text)]


@pytest.mark.parametrize("text, key", [
    ("他们一再诋毁芬兰赫尔辛基大学。", "org/赫尔辛基大学"),
    ("有留学生前往中国驻芬兰大使馆求助。", "gov/中国驻芬兰大使馆"),
    ("英驻冰岛使馆发表声明。", "gov/英驻冰岛使馆"),
])
def test_actors_organisation_starts_at_the_place_inside_the_run(text, key):
    assert key in [k for _, k in real(text)]


def test_actors_parent_organisation_keeps_a_place_inside_its_name():
    assert "org/复旦大学芬兰研究中心" in [k for _, k in real("复旦大学芬兰研究中心发布报告。")]


def test_actors_name_glued_to_a_verb_is_the_name_the_text_writes_alone():
    text = "芬兰外长哈维斯托坦承，双方将会晤。哈维斯托，这位资深外交官，此前曾多次访华。"
    persons = [s for s, key in real(text) if (key or "").startswith("person/")]
    assert persons and set(persons) == {"哈维斯托"}


def test_actors_dotted_name_is_not_cut_at_its_dot():
    text = "美国总统气候问题特使约翰·卡尔森表示关切。约翰，你好。"
    assert "约翰·卡尔森" in [s for s, _ in real(text)]


def test_actors_royal_title_shares_no_character_with_a_body():
    text = "根据港大公共卫生学院数据，病例回落。"
    assert all(not (key or "").startswith("person/") for _, key in real(text))


@pytest.mark.parametrize("text, name", [
    ("英国流行病学家汉森表示，疫情仍在蔓延。", "汉森"),
    ("美国参议员卡尔顿称，将提出议案。", "卡尔顿"),
])
def test_actors_scholar_and_legislator_titles(text, name):
    assert [s for s, key in real(text) if (key or "").startswith("person/")] == [name]


@pytest.mark.parametrize("text", ["这才是美国议员们真正应该操心的事。", "一些美国议员经常有奇怪的论调。"])
def test_actors_legislators_in_general_are_no_person(text):
    assert all(not (key or "").startswith("person/") for _, key in real(text))


@pytest.mark.parametrize("text", ["双方代表在阿拉斯加举行会谈。", "论坛将在巴黎举行。", "不能以释法方式处理。", "这是最新方针。"])
def test_actors_abbreviation_inside_a_word_is_no_country(text):
    assert real(text) == []


@pytest.mark.parametrize("text, keys", [
    ("中西两国关系稳定。", ["country/CN", "country/ES"]),
    ("法方表示支持。", ["country/FR"]),
])
def test_actors_abbreviation_in_a_country_form_is_kept(text, keys):
    assert [k for _, k in real(text)] == keys


@pytest.mark.parametrize("text", ["我们要停止搞小集团。", "病人获安排入住医院。", "他们的利益集团很强大。"])
def test_actors_clause_before_an_ending_is_no_organisation(text):
    assert all(not (key or "").startswith(("org/", "gov/")) for _, key in real(text))


@pytest.mark.parametrize("text, expected", [
    ("快递员孙小明每天接送医护人员。孙小明说，大家都很辛苦。",
     [("孙小明", "person/孙小明"), ("孙小明", "person/孙小明")]),
    ("查房时，周丽告诉患者，要有信心。周丽已经连续工作了一个月。", [("周丽", "person/周丽"), ("周丽", "person/周丽")]),
    ("孙小明说，大家都很辛苦。", []),
    ("文章说，要坚持下去。这篇文章很长。", []),
    # a report goes on quoting with an adverb, or with the verbs Hong Kong reports use (指, 估计)
    ("孙小明估计，会议会延期。孙小明又指，各方会配合。",
     [("孙小明", "person/孙小明"), ("孙小明", "person/孙小明")]),
    ("邝小英续指，情况未改善。邝小英指，要再观察。", [("邝小英", "person/邝小英"), ("邝小英", "person/邝小英")]),
    # a family name alone before an adverb, a body, a day are no names
    ("邝续指，情况未改善。邝续指，要再观察。", []),
    ("商经局指，会跟进。商经局指，已收到投诉。", []),
    ("周六表示，会跟进。周六表示，已收到投诉。", []),
])
def test_actors_a_person_quoted_by_bare_name(catalogue, text, expected):
    assert found(text, catalogue) == expected


@pytest.mark.parametrize("text, key", [("香港广东两地合作。", "gov/guangdong"), ("澳门福建两地往来。", "gov/fujian")])
def test_actors_province_after_a_territory_is_no_foreign_body(text, key):
    assert key in [k for _, k in real(text)]


@pytest.mark.parametrize("text", ["他被送到了私家医院。", "亚太地区挑动集团对抗。"])
def test_actors_more_common_nouns_with_an_ending(text):
    assert all(not (key or "").startswith(("org/", "gov/")) for _, key in real(text))


def test_actors_deploying_names_no_agency():
    """部署 (deploy) is a verb, not a 署 agency; the navy before it is the body that deploys."""
    assert [k for _, k in real("美国海军部署军舰。") if k.startswith("gov/")] == ["gov/美国海军"]


@pytest.mark.parametrize("text, expected", [
    # Hong Kong reports quote interviewees by a familiar name with 阿 (often a pseudonym)
    ("阿乐（化名）今年二十岁。阿乐说，他很想回家。", [("阿乐", "person/阿乐"), ("阿乐", "person/阿乐")]),
    ("阿青指，店铺下月结业。阿青已在店里工作三年。", [("阿青", "person/阿青"), ("阿青", "person/阿青")]),
    # kinship words and the short form of a country's side open with 阿 and are no names
    ("阿妈说，要早点回家。阿妈说，饭已煮好。", []),
    ("阿伯表示，天气太热。阿伯表示，要多喝水。", []),
])
def test_actors_a_person_quoted_by_a_familiar_name(text, expected):
    assert found(text, load_catalogue()) == expected


def test_actors_side_of_a_country_opening_with_a_is_no_person():
    text = "阿方表示，愿同中方加强合作。阿方表示，将继续支持和平进程。"
    assert all(not (key or "").startswith("person/") for _, key in real(text))


@pytest.mark.parametrize("text, expected", [
    # 阿 and the last character of the given name stand for the one person named in full
    ("52岁的钱志辉是一名门将。阿辉说，会继续训练。阿辉又指，球队需要时间。",
     [("钱志辉", "person/钱志辉"), ("阿辉", "person/钱志辉"), ("阿辉", "person/钱志辉")]),
    ("店主孙美芳在街口开店。阿芳表示，生意很淡。阿芳表示，会撑下去。",
     [("孙美芳", "person/孙美芳"), ("阿芳", "person/孙美芳"), ("阿芳", "person/孙美芳")]),
    # two people whose names end alike: the familiar name is a person of its own
    ("店主孙美芳和司机钱小芳是邻居。阿芳表示，生意很淡。阿芳表示，会撑下去。",
     [("孙美芳", "person/孙美芳"), ("钱小芳", "person/钱小芳"), ("阿芳", "person/阿芳"), ("阿芳", "person/阿芳")]),
])
def test_actors_a_familiar_name_stands_for_the_person_named_in_full(text, expected):
    assert found(text, load_catalogue()) == expected


@pytest.mark.parametrize("text, persons", [
    # a reporting verb ends the name after a title, as 表示 does
    ("港大中心总监陈志明反驳他的说法，认为疫情未受控。", ["陈志明"]),
    ("香港出版总会会长李家强相信，资助有帮助。", ["李家强"]),
    ("香港出版总会会长郑丽华补充，选举主任会考虑。", ["郑丽华"]),
    ("立法会议员何小兰忆述，当年竞选很激烈。", ["何小兰"]),
    # how an unnamed officer speaks stands where a name would, and is none
    ("创科局新闻主任口头补充，数字不能相加。", []),
    ("商经局新闻主任透过电话向记者解释，口罩足够。", []),
    ("外交部发言人甚至公然质疑，病毒来自别国军队。", []),
])
def test_actors_a_reporting_verb_or_a_manner_ends_the_name_after_a_title(text, persons):
    assert [s for s, key in real(text) if (key or "").startswith("person/")] == persons


def test_actors_a_person_a_column_heading_introduces():
    text = "## 3. 【抗疫群英谱】钱小红：守护生命\n钱小红是一名护士。"
    assert found(text, load_catalogue()) == [("钱小红", "person/钱小红"), ("钱小红", "person/钱小红")]


@pytest.mark.parametrize("text, country", [
    ("据报道，韩驻日大使朴明浩接受质询。", "country/KR"),
    ("外交部已向加驻华使馆提出交涉。", "country/CA"),
])
def test_actors_abbreviation_before_a_post_is_the_country(text, country):
    assert (text[text.index("驻") - 1], country) in real(text)


@pytest.mark.parametrize("text", ["古巴驻华大使表示感谢。", "美国在其领土驻军。", "加勒比驻华使节访问新疆。"])
def test_actors_character_of_another_word_before_a_post_is_no_country(text):
    assert all(len(s) > 1 for s, _ in real(text))


def test_actors_person_posted_by_an_abbreviated_country_serves_it():
    doc = Document("t.txt", "韩驻日大使朴明浩表示。", "韩驻日大使朴明浩表示。", tuple(range(12)))
    person = [m for m in find_mentions(Analysis(doc), load_catalogue()).mentions if m.surface == "朴明浩"]
    assert person and person[0].affiliation == "country/KR"


def test_actors_a_person_introduced_by_age():
    assert found("52岁的钱小红是一名护士。她说，大家都很辛苦。", load_catalogue()) == [("钱小红", "person/钱小红")]


@pytest.mark.parametrize("text, surface, key", [
    ("埃及青年劳动党主席萨米尔表示支持。", "埃及青年劳动党", "org/青年劳动党"),
    ("也门安全部队已从甲城撤出。", "也门安全部队", "gov/也门安全部队"),
])
def test_actors_boundary_word_inside_a_country_name_does_not_cut_the_body(text, surface, key):
    assert (surface, key) in real(text)


@pytest.mark.parametrize("text, surface, key", [
    ("挪威空军有两架运输机参与。", "挪威空军", "gov/挪威空军"),
    ("叙利亚政府军收复了甲镇。", "叙利亚政府军", "gov/叙利亚政府军"),
    ("秘鲁安全部队正在前往现场。", "秘鲁安全部队", "gov/秘鲁安全部队"),
    ("智利军方随后发表声明。", "智利军方", "gov/智利军方"),
    ("芬兰议会通过了一项决议。", "芬兰议会", "gov/芬兰议会"),
    ("巴西央行宣布降息。", "巴西央行", "gov/巴西央行"),
])
def test_actors_armed_forces_and_state_bodies_after_their_country(text, surface, key):
    assert (surface, key) in real(text)


@pytest.mark.parametrize("text", ["空军基地遭到袭击。", "海军陆战队员返回。", "该国议会选举推迟。"])
def test_actors_armed_force_words_alone_name_no_body(text):
    assert all(not (key or "").startswith("gov/") for _, key in real(text))


@pytest.mark.parametrize("text, name", [
    ("秘鲁财政部长卡洛斯·门多萨表示，经济将复苏。", "卡洛斯·门多萨"),
    ("智利总参谋长罗德里格斯说，部队已经就位。", "罗德里格斯"),
    ("挪威议会第一副议长奥斯兰表示支持。", "奥斯兰"),
    ("美国助理国务卿史密斯称，双方将继续对话。", "史密斯"),
])
def test_actors_person_after_a_newly_listed_title(text, name):
    assert any(surface == name and key and key.startswith("person/") for surface, key in real(text))


@pytest.mark.parametrize("text, name", [
    ("在北湖社区，公交司机李安全一家就住在这里。", "李安全"),
    ("已有二十年警龄的警长龚小志是一名老党员。", "龚小志"),
    ("她的女儿叫赵小青，今年18岁。", "赵小青"),
    ("医院救治专家组组长杜明辉一直在坚持。", "杜明辉"),
    ("报告的作者名叫郑国安。", "郑国安"),
])
def test_actors_person_introduced_by_occupation_or_kinship(text, name):
    assert (name, f"person/{name}") in real(text)


@pytest.mark.parametrize("text", ["全美多州已出动国民警卫军。", "当地出动国民警卫队维持秩序。"])
def test_actors_guard_after_police_word_is_no_name(text):
    assert not any((key or "").startswith("person/") for _, key in real(text))


@pytest.mark.parametrize("text, surface, key", [
    ("据甲国《北湖晨报》报道，乙方表示。", "北湖晨报", "org/北湖晨报"),
    ("美国《南岭邮报》和《西岸时报》都刊文。", "南岭邮报", "org/南岭邮报"),
    ("他在《远帆》杂志网站发表文章。", "《远帆》杂志", "org/远帆杂志"),
    ("《青石》周刊刊登了访问。", "《青石》周刊", "org/青石周刊"),
])
def test_actors_outlet_named_in_title_marks(text, surface, key):
    assert (surface, key) in real(text)


@pytest.mark.parametrize("text", ["两国发表了《北湖联合公报》。", "卫生部门发布《疫情通报》。", "《经济简报》显示增长放缓。"])
def test_actors_document_in_title_marks_is_no_outlet(text):
    assert not any((key or "").startswith("org/") for _, key in real(text))


def test_actors_catalogue_periodical_in_title_marks_stays_the_catalogues():
    assert ("《求是》", "org/qiushi") in real("讲话发表在《求是》杂志第4期。")


@pytest.mark.parametrize("text, name", [
    ("然而，甲社引述意大利记者庞甲利（Anna Pomolli）指，援助并非捐赠。", "庞甲利"),
    ("北湖大学政治系教授黎乙友（Andrew Norton）说，局势紧张。", "黎乙友"),
    ("作者尼丙逊（Fraser Nelton）认为这转变虽好。", "尼丙逊"),
    ("研究所主任玛丽・丁・吉斯蒙（Maria Tina Gismon）表示。", "玛丽・丁・吉斯蒙"),
])
def test_actors_name_glossed_in_latin_is_a_person(text, name):
    assert (name, f"person/{name}") in real(text)


@pytest.mark.parametrize("text", [
    "甲城皮尤研究中心（Pew Research Center）调查显示。",
    "他提出「深层国家（DEEP STATE）」的说法。",
    "南湖的港龙航空（Cathay Dragon）也将比照办理。",
    "市民可收听法尔塔电台（Radio Farta）的节目。",
])
def test_actors_glossed_organisation_or_word_is_no_person(text):
    assert not any((key or "").startswith("person/") for _, key in real(text))


def test_actors_party_before_a_political_title_is_a_party():
    """党政 (party and state) does not stop a party name when 政治领袖 follows it."""
    mentions = real("特立尼达和多巴哥联合进步党政治领袖比萨表示支持。")
    assert ("特立尼达和多巴哥联合进步党", "org/联合进步党") in mentions and ("比萨", "person/比萨") in mentions


def test_actors_term_of_office_is_no_party_name():
    assert not any((key or "").startswith("org/") for _, key in real("中方愿同日本新一届党政领导人一道努力。"))


@pytest.mark.parametrize("text, expected", [
    ("科威特国防军23日发表声明。", [("科威特国防军", "gov/科威特国防军")]),
    ("日本国内疫情趋缓。", [("日本", "country/JP")]),
    ("日本国会通过了法案。", [("日本国会", "gov/日本国会")]),
])
def test_actors_formal_name_gives_its_state_character_back(text, expected):
    assert real(text) == expected


@pytest.mark.parametrize("text", ["美国抗议者冲击国会。", "新西兰工党赢得议会多数。", "中国想要拥有一支远洋海军。"])
def test_actors_legislature_or_force_needs_its_country_right_before(text):
    assert not any((key or "").startswith("gov/") for _, key in real(text))


@pytest.mark.parametrize("text, surface", [
    ("专家组与世卫组织驻甲国代表处交流经验。", "世卫组织驻甲国代表处"),
    ("北湖基金会驻华代表处表示欢迎。", "北湖基金会驻华代表处"),
])
def test_actors_representative_office_posted_abroad(text, surface):
    assert (surface, f"org/{surface}") in real(text)


def test_actors_office_without_a_post_is_no_office():
    assert not any((key or "").startswith("org/") for _, key in real("他们在代表处门外集会。"))


@pytest.mark.parametrize("text, surface", [("驻甲美军发言人随后发表声明说。", "驻甲美军"), ("驻乙俄军司令表示。", "驻乙俄军")])
def test_actors_forces_posted_abroad_are_a_body(text, surface):
    assert (surface, f"gov/{surface}") in real(text)


def test_actors_forces_not_posted_stay_the_catalogues():
    assert real("美军发言人表示。") == [("美军", "gov/us-military")]


@pytest.mark.parametrize("text, name", [
    ("日本内阁官房长官加藤正信在记者会上表示。", "加藤正信"),
    ("韩国外交部第一次官崔正建举行会谈。", "崔正建"),
    ("南非前大主教图甲当日逝世。", "图甲"),
])
def test_actors_person_after_an_office_of_another_state(text, name):
    assert any(surface == name and key.startswith("person/") for surface, key in real(text))


def proposed(text: str, catalogue, names: list[tuple[str, str]]) -> Analysis:
    """``find_mentions`` with each (name, class) proposed at its first place in ``text``."""
    doc = Document("t.txt", text, text, tuple(range(len(text))))
    spans = [ProposedName(text.index(name), text.index(name) + len(name), cls) for name, cls in names]
    return find_mentions(Analysis(doc), catalogue, spans)


def test_actors_proposed_person_is_found_again_bare(catalogue):
    result = proposed("外长罗森伯格抵达。罗森伯格表示感谢。", catalogue, [("罗森伯格", "Person")])
    assert [(m.start, m.surface, m.key) for m in result.mentions] == [
        (2, "罗森伯格", "person/罗森伯格"), (9, "罗森伯格", "person/罗森伯格")]
    assert [(i.key, i.cls, i.name) for i in result.actors] == [("person/罗森伯格", "Person", "罗森伯格")]


@pytest.mark.parametrize("name, cls, key", [
    ("青禾会", "Organization", "org/青禾会"),
    ("卡尔维亚", "GovernmentBody", "gov/卡尔维亚"),
    ("世卫组织", "Organization", "org/who"),  # the catalogue's key and class win over the proposal's
])
def test_actors_proposed_body_takes_its_key(catalogue, name, cls, key):
    text = f"{name}举行会议。"
    doc = Document("t.txt", text, text, tuple(range(len(text))))
    result = find_mentions(Analysis(doc), catalogue, [ProposedName(0, len(name), cls)])
    assert [(m.surface, m.key) for m in result.mentions] == [(name, key)]


@pytest.mark.parametrize("names", [
    [("习近平", "Organization")],  # the catalogue found it: the proposal is ignored
    [("近平同", "Person")],  # overlaps a catalogue mention
])
def test_actors_proposal_never_overrides_a_mention(catalogue, names):
    result = proposed("习近平同文在寅通电话。", catalogue, names)
    assert [(m.surface, m.key) for m in result.mentions] == [
        ("习近平", "person/xi-jinping"), ("文在寅", "person/moon-jae-in")]



@pytest.mark.parametrize("text, person", [
    # a catalogue person's transliterated name inside a longer one is no mention of that person
    ("德国部长林德萨尔表示，会加强合作。", "林德萨尔"),
    ("俄罗斯市长埃比亚娃表示，会加强合作。", "埃比亚娃"),
    # the catalogue name where the longer run is another match, a title or a Chinese word
    ("瑞典外交大臣林德表示，会加强合作。", "林德"),
    ("卡塔尔塔米姆埃米尔表示，会加强合作。", "塔米姆"),
    ("俄罗斯普京总统表示，会加强合作。", "普京"),
])
def test_actors_a_name_inside_a_longer_transliteration(text, person):
    persons = [surface for surface, key in real(text) if (key or "").startswith("person/")]
    assert persons == ([person] if person else [])


@pytest.mark.parametrize("text, name", [
    ("正如英国前首相哈维顿所说，合作是唯一出路。", "哈维顿"),
    ("芬兰总理卡尔森更说，两国将加强合作。", "卡尔森"),
])
def test_actors_name_ends_before_a_word_glued_to_its_verb(text, name):
    """所说 and 更说 end a titled name said only once (曼德拉所说 is 曼德拉)."""
    assert [s for s, key in real(text) if (key or "").startswith("person/")] == [name]


@pytest.mark.parametrize("text, surface, key", [
    ("挪威首相会晤美国卫生部长：加强合作。美国卫生部长林守远表示感谢。", "美国卫生部长", "person/林守远"),
    ("芬兰总理会见中国外交部长。中国外交部长张立新表示，愿加强合作。", "中国外交部长", "person/张立新"),
])
def test_actors_ministry_and_its_head_share_a_character(text, surface, key):
    # 卫生部长 is 卫生部 (a ministry the catalogue knows) and 部长: the title alone is the minister named
    person = [m for m in analyse(text, load_catalogue()).mentions if m.surface == surface]
    assert len(person) == 1 and (person[0].key, person[0].cls) == (key, "Person")
    assert person[0].start < text.index("。")


def test_actors_ministry_head_named_nowhere_stays_the_ministry():
    mentions = analyse("美国卫生部长称，已签署协议。", load_catalogue()).mentions
    assert [(m.surface, m.cls) for m in mentions] == [("美国卫生部", "GovernmentBody")]
