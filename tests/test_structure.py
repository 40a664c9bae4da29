"""Tests for graph/structure.py: blocks and their dates, per genre.

Synthetic examples are invented one-liners; the seed tests build Documents by hand
(Simplified with OpenCC, text == raw) so they do not depend on the read stage.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from opencc import OpenCC

from graph.model import Analysis, Block, DocMeta, Document
from graph.structure import split_structure

D = dt.date
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _document(text: str, genre: str, date: dt.date | None = None, doc_id: str = "t") -> Document:
    """A Document whose matching view is its raw text."""
    return Document(doc_id, text, text, tuple(range(len(text))), DocMeta(genre=genre, date=date))


def _blocks(text: str, genre: str, date: dt.date | None = None) -> list[tuple]:
    """(kind, block text, date, approx, speaker, attribution) for each block."""
    blocks = split_structure(Analysis(_document(text, genre, date))).blocks
    return [(b.kind, text[b.start:b.end], b.date, b.approx, b.speaker, b.attribution) for b in blocks]


def _kinds_and_dates(text: str, genre: str, date: dt.date | None = None) -> list[tuple]:
    return [(kind, body, day) for kind, body, day, *_ in _blocks(text, genre, date)]


@pytest.fixture(scope="module")
def seed_text():
    """The seed documents in Simplified script, by number."""
    convert = OpenCC("t2s").convert
    return {path.name[:3]: convert(path.read_text(encoding="utf-8-sig")) for path in SEEDS.glob("*.txt")}


def _seed_blocks(seed_text, number: str, genre: str, date: dt.date | None) -> tuple[str, tuple[Block, ...]]:
    text = seed_text[number]
    return text, split_structure(Analysis(_document(text, genre, date, number))).blocks


# --- invariants ---------------------------------------------------------------------------------


@pytest.mark.parametrize("genre", ["chronicle", "transcript", "article", "compilation", "text"])
def test_structure_blocks_are_ordered_and_disjoint(genre):
    text = "标题行\n\n5月6日\n◆甲方会见乙方。\n\n张三:\n欢迎。\n——5月7日，张三出席会议\n"
    blocks = split_structure(Analysis(_document(text, genre, D(2019, 5, 8)))).blocks
    assert blocks
    for block, after in zip(blocks, blocks[1:]):
        assert block.start < block.end <= after.start
    assert all(text[b.start:b.end] == text[b.start:b.end].strip() for b in blocks)


# --- chronicle -----------------------------------------------------------------------------------


def test_structure_chronicle_day_headings_date_bullets():
    text = "2018年5月\n5月6日\n◆甲方会见乙方。双方表示满意。\n◆丙方致电丁方。\n5月7日\n◆戊方访问己方。\n"
    assert _kinds_and_dates(text, "chronicle") == [
        ("heading", "2018年5月", None),
        ("day", "5月6日", D(2018, 5, 6)),
        ("bullet", "甲方会见乙方。双方表示满意。", D(2018, 5, 6)),
        ("bullet", "丙方致电丁方。", D(2018, 5, 6)),
        ("day", "5月7日", D(2018, 5, 7)),
        ("bullet", "戊方访问己方。", D(2018, 5, 7)),
    ]


def test_structure_chronicle_year_rolls_over():
    text = "2017年12月\n12月31日\n◆甲方会见乙方。\n1月2日\n◆丙方会见丁方。\n"
    dates = [day for kind, _, day in _kinds_and_dates(text, "chronicle") if kind == "bullet"]
    assert dates == [D(2017, 12, 31), D(2018, 1, 2)]


def test_structure_chronicle_year_from_metadata_date():
    text = "12月30日\n◆甲方会见乙方。\n1月3日\n◆丙方会见丁方。\n"
    dates = [day for kind, _, day in _kinds_and_dates(text, "chronicle", D(2019, 3, 1)) if kind == "bullet"]
    assert dates == [D(2018, 12, 30), D(2019, 1, 3)]


def test_structure_chronicle_end_of_month_heading_is_approximate():
    blocks = _blocks("2018年12月底\n◆甲方发现异常情况。\n", "chronicle")
    assert [(kind, day, approx) for kind, _, day, approx, *_ in blocks] == [
        ("heading", D(2018, 12, 31), True), ("bullet", D(2018, 12, 31), True)]


def test_structure_chronicle_bullet_keeps_broken_lines():
    text = "2018年5月6日\n◆甲方表示，双方\n\n将加强合作。\n◆乙方出席。\n"
    bullets = [body for kind, body, _ in _kinds_and_dates(text, "chronicle") if kind == "bullet"]
    assert bullets == ["甲方表示，双方\n\n将加强合作。", "乙方出席。"]


def test_structure_chronicle_preamble_and_footer_take_metadata_date():
    text = "某某纪事\n本文按时间顺序整理如下。\n3月2日\n◆甲方会见乙方。\n---\n欢迎订阅本刊。\n"
    assert _kinds_and_dates(text, "chronicle", D(2019, 4, 1)) == [
        ("heading", "某某纪事", D(2019, 4, 1)),
        ("paragraph", "本文按时间顺序整理如下。", D(2019, 4, 1)),
        ("day", "3月2日", D(2019, 3, 2)),
        ("bullet", "甲方会见乙方。", D(2019, 3, 2)),
        ("paragraph", "欢迎订阅本刊。", D(2019, 4, 1)),
    ]


def test_structure_chronicle_without_any_year_has_no_dates():
    dates = [day for _, _, day in _kinds_and_dates("3月2日\n◆甲方会见乙方。\n", "chronicle")]
    assert dates == [None, None]


def test_structure_chronicle_era_word_gives_the_year():
    dates = [day for _, _, day in _kinds_and_dates("3月2日\n◆甲方通报新冠肺炎疫情。\n", "chronicle")]
    assert dates == [D(2020, 3, 2), D(2020, 3, 2)]


def test_structure_front_matter_is_one_meta_block():
    text = '---\ntitle: "某某纪事"\ndate: "2019-04-01"\n---\n\n3月2日\n◆甲方会见乙方。\n'
    kinds = [(kind, body) for kind, body, _ in _kinds_and_dates(text, "chronicle", D(2019, 4, 1))]
    assert kinds[0] == ("meta", '---\ntitle: "某某纪事"\ndate: "2019-04-01"\n---')
    assert [kind for kind, _ in kinds[1:]] == ["day", "bullet"]


# --- transcript ----------------------------------------------------------------------------------


def test_structure_transcript_turns_and_timestamps():
    text = ("某部门今天举行发布会。\n以下为实录：\n主持人:\n请张部长介绍。\n2019-06-01 10:00:05\n"
            "　张三：\n谢谢。第一点。\n第二点。\n2019-06-01 10:05:00\n某报记者:\n请问进展如何？\n")
    assert _blocks(text, "transcript", D(2019, 6, 1)) == [
        ("paragraph", "某部门今天举行发布会。", D(2019, 6, 1), False, None, None),
        ("paragraph", "以下为实录：", D(2019, 6, 1), False, None, None),
        ("speaker", "主持人", D(2019, 6, 1), False, "主持人", None),
        ("turn", "请张部长介绍。", D(2019, 6, 1), False, "主持人", None),
        ("timestamp", "2019-06-01 10:00:05", D(2019, 6, 1), False, None, None),
        ("speaker", "张三", D(2019, 6, 1), False, "张三", None),
        ("turn", "谢谢。第一点。\n第二点。", D(2019, 6, 1), False, "张三", None),
        ("timestamp", "2019-06-01 10:05:00", D(2019, 6, 1), False, None, None),
        ("speaker", "某报记者", D(2019, 6, 1), False, "某报记者", None),
        ("turn", "请问进展如何？", D(2019, 6, 1), False, "某报记者", None),
    ]


def test_structure_transcript_inline_turn():
    blocks = _blocks("李四：我补充一点。\n", "transcript", D(2019, 6, 1))
    assert [(kind, body, speaker) for kind, body, _, _, speaker, _ in blocks] == [
        ("speaker", "李四", "李四"), ("turn", "我补充一点。", "李四")]


def test_structure_transcript_timestamp_dates_turns_without_metadata():
    text = "王五:\n开始。\n2019-06-02 09:00:00\n赵六:\n好的。\n"
    turns = [(speaker, day) for kind, _, day, _, speaker, _ in _blocks(text, "transcript") if kind == "turn"]
    assert turns == [("王五", D(2019, 6, 2)), ("赵六", D(2019, 6, 2))]


def test_structure_transcript_lines_after_the_last_timestamp_are_no_turn():
    text = "王五:\n结束。\n2019-06-02 09:00:00\n点击查看更多。\n更多报道详见：\n"
    kinds = [(kind, speaker) for kind, _, _, _, speaker, _ in _blocks(text, "transcript")]
    assert kinds == [("speaker", "王五"), ("turn", "王五"), ("timestamp", None),
                     ("paragraph", None), ("paragraph", None)]


# --- article and text ----------------------------------------------------------------------------


def test_structure_article_headings_and_paragraphs():
    text = "title ==> \n\t\t某国向某组织捐款\n\ncontent ==> \n\n\t本报讯，某国今天宣布捐款。\n\n合作继续推进\n\n\t双方表示将继续合作。\n"
    assert _kinds_and_dates(text, "article", D(2019, 7, 1)) == [
        ("meta", "title ==> \n\t\t某国向某组织捐款", None),
        ("meta", "content ==>", None),
        ("paragraph", "本报讯，某国今天宣布捐款。", D(2019, 7, 1)),
        ("heading", "合作继续推进", D(2019, 7, 1)),
        ("paragraph", "双方表示将继续合作。", D(2019, 7, 1)),
    ]


def test_structure_article_without_metadata_takes_its_dateline_day():
    text = "某国卫生部长访问邻国\n本社某地7月9日电（记者 某某）新冠疫苗合作今日启动。\n双方签署协议。\n"
    assert [day for _, _, day in _kinds_and_dates(text, "article")] == [D(2020, 7, 9)] * 3


def test_structure_article_dateline_day_wins_over_the_page_time():
    text = "本社某地7月9日电 双方签署协议。\n"
    assert [day for _, _, day in _kinds_and_dates(text, "article", D(2019, 7, 10))] == [D(2019, 7, 9)]


def test_structure_article_dateline_without_any_year_gives_no_date():
    text = "本社某地7月9日电 双方签署协议。\n"
    assert [day for _, _, day in _kinds_and_dates(text, "article")] == [None]


def test_structure_compilation_year_from_the_title_month_range():
    text = "讲话选编（2018年9月—11月）\n要加强交流。\n——10月6日，甲讲话\n"
    dates = [day for kind, _, day in _kinds_and_dates(text, "compilation") if kind == "attribution"]
    assert dates == [D(2018, 10, 6)]


def test_structure_written_interview_answers_are_turns():
    text = "某部发言人答记者问\n问：合作进展如何？\n答：进展顺利。\n问：下一步呢？\n答：继续推进。\n"
    kinds = [(kind, speaker) for kind, _, _, _, speaker, _ in _blocks(text, "text", D(2019, 8, 1))]
    assert kinds[1:5] == [("speaker", "问"), ("turn", "问"), ("speaker", "答"), ("turn", "答")]


def test_structure_interview_under_reporter_and_name_labels_is_read_in_turns():
    """A written interview of an article: the reporter's label 记者： before each question and the
    interviewee's name before each answer, after a dateline lead."""
    text = ("某报甲市4月20日电 近日，丙国驻丁国大使李明接受某报记者专访。\n"
            "记者：医疗队工作如何？\n李明：医疗队走访了十多个城市。\n"
            "记者：还提供了哪些帮助？\n李明：我们提供了多批物资。\n记者：如何看待质疑？\n李明：事实胜于雄辩。\n")
    kinds = [(kind, speaker) for kind, _, _, _, speaker, _ in _blocks(text, "article", D(2020, 4, 20))]
    assert [k for k in kinds if k[0] == "turn"] == [("turn", "记者"), ("turn", "李明")] * 3


def test_structure_two_reporter_labels_make_no_interview_of_an_article():
    text = "某报甲市4月20日电 丙国外长表示将加强合作。\n记者：合作如何？\n李明：很好。\n记者：还有呢？\n"
    kinds = [kind for kind, *_ in _blocks(text, "article", D(2020, 4, 20))]
    assert "turn" not in kinds


def test_structure_text_paragraphs_take_metadata_date():
    blocks = _kinds_and_dates("第一段说明情况。\n第二段说明原因。\n", "text", D(2019, 8, 1))
    assert blocks == [("paragraph", "第一段说明情况。", D(2019, 8, 1)),
                      ("paragraph", "第二段说明原因。", D(2019, 8, 1))]


# --- compilation ---------------------------------------------------------------------------------


def test_structure_compilation_attribution_dates_passages():
    text = ("[bookmark: _Toc12]一、关于合作\n　　（一）关于交流\n要加强交流。\n要扩大合作。\n"
            "——5月6日，甲在会议上讲话\n\n要坚持开放。\n——5月8日至9日，甲在某地考察\n")
    first, second = "5月6日，甲在会议上讲话", "5月8日至9日，甲在某地考察"
    assert _blocks(text, "compilation", D(2019, 6, 1)) == [
        ("section", "一、关于合作", D(2019, 6, 1), False, None, None),
        ("section", "（一）关于交流", D(2019, 6, 1), False, None, None),
        ("paragraph", "要加强交流。", D(2019, 5, 6), False, None, first),
        ("paragraph", "要扩大合作。", D(2019, 5, 6), False, None, first),
        ("attribution", first, D(2019, 5, 6), False, None, first),
        ("paragraph", "要坚持开放。", D(2019, 5, 8), False, None, second),
        ("attribution", second, D(2019, 5, 8), False, None, second),
    ]


def test_structure_compilation_passage_without_attribution_has_no_date():
    blocks = _blocks("一、关于合作\n要加强交流。\n二、关于开放\n", "compilation", D(2019, 6, 1))
    assert blocks[1] == ("paragraph", "要加强交流。", None, False, None, None)


def test_structure_compilation_year_from_a_full_date_in_the_text():
    text = "要加强交流。\n——5月6日，甲讲话\n乙表示，2017年3月1日的协议有效。\n——5月7日，乙讲话\n"
    dates = [day for kind, _, day in _kinds_and_dates(text, "compilation") if kind == "attribution"]
    assert dates == [D(2017, 5, 6), D(2017, 5, 7)]


def test_structure_compilation_without_any_year_has_no_dates():
    dates = [day for _, _, day in _kinds_and_dates("要加强交流。\n——5月6日，甲讲话\n", "compilation")]
    assert dates == [None, None]


# --- seeds ---------------------------------------------------------------------------------------


def _block_containing(text: str, blocks, needle: str) -> Block:
    position = text.index(needle)
    return next(b for b in blocks if b.start <= position < b.end)


def test_structure_seed_000_condolence_message_is_dated_by_its_day_heading(seed_text):
    # Seed 000 names no year anywhere: the era word 新冠肺炎 gives 2020 (see graph/structure.py).
    text, blocks = _seed_blocks(seed_text, "000", "chronicle", None)
    block = _block_containing(text, blocks, "习近平日前致电意大利总统")
    assert (block.kind, block.date) == ("bullet", D(2020, 3, 14))


def test_structure_seed_001_traditional_chronicle_carries_years(seed_text):
    text, blocks = _seed_blocks(seed_text, "001", "chronicle", D(2020, 4, 7))
    days = [b.date for b in blocks if b.kind == "day"]
    assert days[0] == D(2019, 12, 30)
    assert days[-1].year == 2020 and days == sorted(days)
    first = _block_containing(text, blocks, "不明原因肺炎病例")
    assert (first.kind, first.date, first.approx) == ("bullet", D(2019, 12, 31), True)


def test_structure_seed_002_turns_have_speakers(seed_text):
    text, blocks = _seed_blocks(seed_text, "002", "transcript", D(2020, 3, 26))
    speakers = {b.speaker for b in blocks if b.kind == "turn"}
    assert {"罗照辉", "徐南平", "曾益新", "邓波清", "胡凯红"} <= speakers
    assert all(b.date == D(2020, 3, 26) for b in blocks if b.kind == "turn")
    assert not any("2020-03-26 1" in text[b.start:b.end] for b in blocks if b.kind == "turn")


def test_structure_seed_004_passages_take_their_attribution_date(seed_text):
    # Seed 004 names no year either: the era word gives 2020, as for seed 000.
    text, blocks = _seed_blocks(seed_text, "004", "compilation", None)
    passage = _block_containing(text, blocks, "当前已初步呈现疫情防控形势持续向好")
    assert (passage.kind, passage.date) == ("paragraph", D(2020, 3, 4))
    assert passage.attribution.startswith("3月4日，习近平主持召开")
    assert sum(b.kind == "section" for b in blocks) >= 10


def test_structure_transcript_long_colon_line_is_prose_not_a_speaker():
    text = "张三:\n我想从三个方面谈谈我们的体会：\n第一，加强合作。\n某某电视台记者:\n请问进展？\n"
    speakers = [(kind, speaker) for kind, _, _, _, speaker, _ in _blocks(text, "transcript", D(2019, 6, 1))]
    assert speakers == [("speaker", "张三"), ("turn", "张三"), ("speaker", "某某电视台记者"), ("turn", "某某电视台记者")]


@pytest.mark.parametrize("line", ["首先：要加强合作。", "他说：要加强合作。", "以下为全文：",
                                  "**标题：四议员玩完**", "导语：人大常委会昨天通过决定。"])
def test_structure_transcript_enumeration_and_quotes_are_no_speakers(line):
    kinds = [kind for kind, *_ in _blocks(f"张三:\n开场。\n{line}\n", "transcript", D(2019, 6, 1))]
    assert kinds == ["speaker", "turn"]


@pytest.mark.parametrize("line, speaker", [
    ("《东方时报》记者：请问合作进展如何？", "《东方时报》记者"),
    ("南国《晨星报》记者：请问援助何时抵达？", "南国《晨星报》记者"),
    ("《通知》：各单位要加强防控。", None),
])
def test_structure_transcript_outlet_in_title_marks_is_a_speaker(line, speaker):
    blocks = _blocks(f"张三:\n开场。\n{line}\n", "transcript", D(2019, 6, 1))
    speakers = [s for kind, _, _, _, s, _ in blocks if kind == "speaker"]
    assert speakers == ["张三"] + ([speaker] if speaker else [])


CHRONOLOGY = (
    "一、迅即应对突发疫情\n"
    "（2019年12月27日至2020年1月19日）\n"
    "（1）12月27日，甲市某医院向乙区疾控中心报告病例。\n"
    "（2）12月31日，甲市发布通报。当日起，专家组进驻。\n"
    "后续情况另见附件。\n"
    "\n"
    "各方反应见下文。\n"
    "（3）1月3日，丙国向丁国通报疫情信息。\n"
    "二、初步遏制\n"
    "（4）2月2日，戊市开始收治病人。\n"
)


def test_structure_numbered_chronology_items_carry_and_roll_over_the_year():
    assert _kinds_and_dates(CHRONOLOGY, "chronology") == [
        ("section", "一、迅即应对突发疫情", None),
        ("section", "（2019年12月27日至2020年1月19日）", None),
        ("bullet", "12月27日，甲市某医院向乙区疾控中心报告病例。", D(2019, 12, 27)),
        ("bullet", "12月31日，甲市发布通报。当日起，专家组进驻。\n后续情况另见附件。", D(2019, 12, 31)),
        ("paragraph", "各方反应见下文。", None),
        ("bullet", "1月3日，丙国向丁国通报疫情信息。", D(2020, 1, 3)),
        ("section", "二、初步遏制", None),
        ("bullet", "2月2日，戊市开始收治病人。", D(2020, 2, 2)),
    ]


def test_structure_numbered_chronology_without_any_year_takes_the_metadata_year():
    text = "（1）12月30日，甲市报告。\n（2）1月2日，乙市报告。\n"
    assert [day for *_, day in _kinds_and_dates(text, "chronology", D(2020, 4, 7))] == [D(2019, 12, 30), D(2020, 1, 2)]


def test_structure_numbered_chronology_is_detected_by_its_items():
    from graph.read import detect_genre

    assert detect_genre(CHRONOLOGY) == "chronology"


DAY_CHRONOLOGY = (
    "某省对外合作纪事\n"
    "\n"
    "一、互帮互助（2020年10月至12月）\n"
    "\n"
    "10月9日，甲市向乙国友好城市捐赠口罩。\n"
    "\n"
    "12月30日，丙省卫生健康委同丁国专家举行视频交流。次日，双方签署合作备忘录。\n"
    "\n"
    "1月12日，甲市医疗队抵达乙国。\n"
    "\n"
    "二、深化合作（2021年2月至3月）\n"
    "\n"
    "2月3日，戊市向乙国提供检测试剂。\n"
)


def test_structure_day_paragraph_chronology_is_detected_by_its_period_headings():
    from graph.read import detect_genre

    assert detect_genre(DAY_CHRONOLOGY) == "chronology"
    assert detect_genre("一、背景（2020年）\n（一）概况（2020年3月）\n") == "chronology"


def test_structure_day_paragraphs_of_a_chronology_are_items_and_roll_over_the_year():
    assert _kinds_and_dates(DAY_CHRONOLOGY, "chronology") == [
        ("heading", "某省对外合作纪事", None),
        ("section", "一、互帮互助（2020年10月至12月）", None),
        ("bullet", "10月9日，甲市向乙国友好城市捐赠口罩。", D(2020, 10, 9)),
        ("bullet", "12月30日，丙省卫生健康委同丁国专家举行视频交流。次日，双方签署合作备忘录。", D(2020, 12, 30)),
        ("bullet", "1月12日，甲市医疗队抵达乙国。", D(2021, 1, 12)),
        ("section", "二、深化合作（2021年2月至3月）", None),
        ("bullet", "2月3日，戊市向乙国提供检测试剂。", D(2021, 2, 3)),
    ]


YEAR_CHRONOLOGY = (
    "某市国际交流大事记\n"
    "2020年\n"
    "2月20日，甲市向乙国友城捐赠口罩。\n"
    "11月28日，甲市医疗队抵达乙国。\n"
    "2021年\n"
    "1月12日，甲市同乙国友城举行视频会议。\n"
)


def test_structure_year_lines_head_a_chronologys_items():
    from graph.read import detect_genre

    assert detect_genre(YEAR_CHRONOLOGY) == "chronology"
    assert [(kind, day) for kind, _, day in _kinds_and_dates(YEAR_CHRONOLOGY, "chronology")] == [
        ("heading", None), ("section", None), ("bullet", D(2020, 2, 20)), ("bullet", D(2020, 11, 28)),
        ("section", None), ("bullet", D(2021, 1, 12))]


def test_structure_chronology_title_year_dates_items_and_months_leap_ahead_in_the_same_year():
    text = "2020年某省对外合作大事记\n二、物资援助\n（1）2月28日，甲省向乙国捐赠试剂。\n（2）12月20日，甲省援助丙国。\n（3）1月6日，甲省医疗队抵达丁国。\n"
    assert [day for kind, _, day in _kinds_and_dates(text, "chronology") if kind == "bullet"] == [
        D(2020, 2, 28), D(2020, 12, 20), D(2021, 1, 6)]


THEME_CHRONOLOGY = (
    "甲国同乙组织合作大事记（2021年12月至2022年1月）\n"
    "一、信息交流\n"
    "（一）12月28日，甲国卫生部向乙组织通报病例情况。\n"
    "（二）1月3日，甲国专家同乙组织专家举行视频会议。\n"
    "二、物资援助\n"
    "（一）12月31日，甲国援助丙国的物资运抵丙国首都。\n"
    "（二）1月10日，甲国向丁国捐赠检测试剂。\n"
)


def test_structure_chronology_items_numbered_in_words_are_items():
    from graph.read import detect_genre

    assert detect_genre(THEME_CHRONOLOGY) == "chronology"
    assert [kind for kind, *_ in _kinds_and_dates(THEME_CHRONOLOGY, "chronology")] == [
        "paragraph", "section", "bullet", "bullet", "section", "bullet", "bullet"]


def test_structure_chronology_by_theme_keeps_its_items_in_the_period_its_title_states():
    days = [day for kind, _, day in _kinds_and_dates(THEME_CHRONOLOGY, "chronology") if kind == "bullet"]
    assert days == [D(2021, 12, 28), D(2022, 1, 3), D(2021, 12, 31), D(2022, 1, 10)]


def test_structure_an_item_writing_its_own_year_keeps_it_whatever_the_title_period():
    text = THEME_CHRONOLOGY.replace("2022年1月）", "2022年3月）").replace("（二）1月10日", "（二）2020年2月29日")
    days = [day for kind, _, day in _kinds_and_dates(text, "chronology") if kind == "bullet"]
    assert days == [D(2021, 12, 28), D(2022, 1, 3), D(2021, 12, 31), D(2020, 2, 29)]


def test_structure_a_title_period_spanning_years_leaves_a_month_of_either_year_carried():
    text = ("某省援外纪事（2020年1月至2021年6月）\n一、物资\n（1）2月3日，甲省向乙国捐赠口罩。\n（2）11月5日，甲省援助丙国。\n"
            "二、专家\n（1）3月9日，甲省医疗队抵达丁国。\n")
    days = [day for kind, _, day in _kinds_and_dates(text, "chronology") if kind == "bullet"]
    assert days == [D(2020, 2, 3), D(2020, 11, 5), D(2021, 3, 9)]


DASH_CHRONOLOGY = (
    "第五阶段：某省常态化防控（2022年4月1日以来）\n"
    "这一阶段，某省疫情总体平稳。\n"
    "——4月2日，甲省召开新闻发布会，介绍防控情况。\n"
    "——4月8日，甲省省长同乙国大使通电话。\n"
    "——5月22日，甲省医疗队抵达丙国。\n"
)


def test_structure_dashed_day_sentences_are_a_chronology_not_a_compilation():
    from graph.read import detect_genre

    assert detect_genre(DASH_CHRONOLOGY) == "chronology"
    assert detect_genre("甲要坚持科学防控。\n——3月4日，甲主持召开某会议并发表重要讲话\n乙要加强合作。\n——3月10日，甲考察某市时强调\n"
                        "丙要守望相助。\n——3月18日，甲主持召开会议\n") == "compilation"
    assert [(kind, day) for kind, _, day in _kinds_and_dates(DASH_CHRONOLOGY, "chronology")][2:] == [
        ("bullet", D(2022, 4, 2)), ("bullet", D(2022, 4, 8)), ("bullet", D(2022, 5, 22))]


MONTH_CHRONOLOGY = (
    "某省对外卫生合作大事记（2021年）\n"
    "十一月\n"
    "12日，甲省省长在乙市会见丙国大使。\n"
    "28日，甲省援助丁国的物资运抵戊市。\n"
    "十二月\n"
    "7日，甲省同丙国卫生部举行视频会议。\n"
    "一月\n"
    "3日，甲省医疗队抵达丁国。\n"
)


def test_structure_month_headings_head_a_chronologys_day_items():
    from graph.read import detect_genre

    assert detect_genre(MONTH_CHRONOLOGY) == "chronology"
    assert [(kind, day) for kind, _, day in _kinds_and_dates(MONTH_CHRONOLOGY, "chronology")] == [
        ("paragraph", None), ("section", None), ("bullet", D(2021, 11, 12)), ("bullet", D(2021, 11, 28)),
        ("section", None), ("bullet", D(2021, 12, 7)), ("section", None), ("bullet", D(2022, 1, 3))]


def test_structure_a_day_alone_is_no_item_without_a_month_heading_above_it():
    from graph.read import detect_genre

    text = "新华社北京3月5日电 甲国外长同乙国外长通电话。\n4日，丙国向丁国捐赠口罩。\n6月\n"
    assert detect_genre(text) == "article"
    assert [kind for kind, *_ in _kinds_and_dates("一、概况（2020年）\n4日，丙国向丁国捐赠口罩。\n", "chronology")] == [
        "section", "paragraph"]


def test_structure_a_day_without_a_comma_opens_no_chronology_item():
    text = "一、概况（2020年）\n3月5日上午天气晴朗。\n"
    assert [kind for kind, *_ in _kinds_and_dates(text, "chronology")] == ["section", "paragraph"]


def test_structure_transcript_opening_announcement_is_the_hosts_turn():
    text = ("2019年6月1日某部发言人张三主持例行记者会\n2019-06-01 15:00\n应南国邀请，某部长将出席会议。\n"
            "某报记者：请问进展？\n张三：进展顺利。\n")
    turns = [(kind, speaker) for kind, _, _, _, speaker, _ in _blocks(text, "transcript", D(2019, 6, 1))
             if kind in ("turn", "paragraph")]
    assert turns == [("turn", "发言人"), ("turn", "某报记者"), ("turn", "张三")]


def test_structure_transcript_rule_line_ends_a_turn_and_after_session_question_is_one():
    text = "张三:\n结束。\n*****\n会后有记者问及：请问进展？\n张三：进展顺利。\n"
    blocks = _blocks(text, "transcript", D(2019, 6, 1))
    assert [(kind, quote, speaker) for kind, quote, _, _, speaker, _ in blocks if kind == "turn"] == [
        ("turn", "结束。", "张三"), ("turn", "请问进展？", "会后有记者问及"), ("turn", "进展顺利。", "张三")]


@pytest.mark.parametrize("text, expected", [
    # the writer's timeline: a clock time before a colon is no label, and it ends the turn before it
    ("王某：我不能呼吸。\n8:20pm，警察仍跪着他。\n8:27pm，救护车到场。\n",
     [("turn", "我不能呼吸。", "王某"), ("paragraph", "8:20pm，警察仍跪着他。", None),
      ("paragraph", "8:27pm，救护车到场。", None)]),
    # a numbered question ends the answer before it; a date line is no speaker either
    ("问：进展如何？\n李教授：进展顺利。\n2,问：下一步呢？\n李教授：继续推进。\n4月15日：会议召开。\n",
     [("turn", "进展如何？", "问"), ("turn", "进展顺利。", "李教授"), ("paragraph", "2,问：下一步呢？", None),
      ("turn", "继续推进。", "李教授"), ("paragraph", "4月15日：会议召开。", None)]),
    # digits before a role word still make a label
    ("甲国24KZ电视台记者：请问进展？\n张三：进展顺利。\n",
     [("turn", "请问进展？", "甲国24KZ电视台记者"), ("turn", "进展顺利。", "张三")]),
])
def test_structure_transcript_a_numbered_line_is_no_label_and_ends_the_turn(text, expected):
    blocks = _blocks(text, "transcript", D(2019, 6, 1))
    assert [(kind, quote, speaker) for kind, quote, _, _, speaker, _ in blocks if kind != "speaker"] == expected
