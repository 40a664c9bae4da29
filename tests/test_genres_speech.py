"""Tests for graph/genres/speech.py and how the stages read a speech or a letter.

The texts are invented (occasions, addressees and words made up); the authors are real office holders
of the catalogue, so that the byline resolves to a known actor as it would in a real text.
"""
from __future__ import annotations

import datetime as dt

import pytest

from graph.catalogue import load_catalogue
from graph.genres.speech import describe
from graph.pipeline import analyse
from graph.read import detect_genre, parse_document

SPEECH = """同舟共济 共克时艰
——在某国际组织成员国特别会议上的致辞
（2020年4月3日，北京）
中华人民共和国主席 习近平

尊敬的主席先生，
各位同事：

大家好！很高兴同大家以视频方式相聚，共商抗疫大计。

疫情是人类共同的敌人，各国要团结协作，共同应对这场危机。

中方愿同各方分享防控经验。

谢谢大家。
"""

LETTER = """李克强给某市青年志愿者的回信

亲爱的志愿者们：

你们好！来信收到了，得知你们坚守社区一线，我很欣慰。

希望你们保重身体，继续为社区服务。

李克强
2020年5月8日

新华社北京5月10日电 国务院总理李克强日前给某市青年志愿者回信，勉励他们继续为社区服务。
"""

REPORT = """李克强给某市青年志愿者回信
新华社北京5月10日电 国务院总理李克强日前给某市青年志愿者回信，勉励他们继续为社区服务。
李克强在回信中说，希望你们保重身体。
"""


# A byline ending in a two-character name, then a salutation ending in a comma; Traditional script.
SPEECH_HANT = """守望相助 共創未來
——在某地區合作論壇部長級會議上的致辭
（2020年9月9日，北京）
中華人民共和國國務委員兼外交部長 王毅

尊敬的各位同事，
女士們，先生們：

很高興以視頻方式同大家見面，共同探討抗疫合作。

祝本次會議圓滿成功！
"""

# A letter to a group, opening with the group addressed and closing with a wish, then its report.
LETTER_TO_GROUP = """习近平给某国某大学师生的复信

某大学汉语专业的老师们、同学们：

你们好！来信收到了，你们的问候让我很感动。

希望你们学好中文，为两国友好多作贡献。

祝你们学业进步！

中华人民共和国主席 习近平
2020年7月2日

新华社北京7月3日电 国家主席习近平7月2日给某国某大学师生复信，勉励他们学好中文。
"""


# A congratulatory letter with no salutation, its report after it (the report's dateline must not win).
GREETING = """李克强致某国际合作论坛的贺信

值此某国际合作论坛开幕之际，我谨向论坛的召开表示热烈的祝贺！

疫情再次表明，各国命运与共，只有团结合作才能共渡难关。

预祝论坛取得圆满成功！

中华人民共和国国务院总理 李克强
2020年10月15日

新华社北京10月15日电 国务院总理李克强15日向某国际合作论坛致贺信。
"""


# A report first, then the letter it prints (复信全文如下：).
REPORT_THEN_LETTER = """李克强复信某国商会

新华社北京8月4日电 国务院总理李克强8月3日复信某国商会，鼓励他们继续推动两国经贸合作。
复信全文如下：

某国商会的朋友们：

来信收悉。疫情期间你们坚持在华经营，我很赞赏。

中方将继续扩大开放，欢迎各国企业来华投资。

中华人民共和国国务院总理 李克强
2020年8月3日
"""


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_speech_describe_frame_and_words():
    layout = describe(_lines(SPEECH))
    assert layout.kinds == ["heading", "occasion", "heading", "byline", "heading", "heading",
                            "speech", "speech", "speech", "heading"]
    assert (layout.author, layout.verb, layout.date_line) == ("习近平", "致辞", 2)


def test_speech_describe_letter_signature_and_report():
    layout = describe(_lines(LETTER))
    assert layout.kinds == ["occasion", "heading", "speech", "speech", "byline", "heading", None]
    assert (layout.author, layout.verb, layout.date_line) == ("李克强", "回信", 5)


def test_speech_describe_sentence_mentioning_a_speech_names_no_author():
    layout = describe(["各位听众：", "王明发表讲话时说，合作很重要。", "我们认为这是一个信号。"])
    assert layout.author is None
    assert layout.kinds == ["heading", "speech", "speech"]


@pytest.mark.parametrize("text, genre", [(SPEECH, "speech"), (LETTER, "speech"), (REPORT, "article")])
def test_speech_detect_genre(text, genre):
    assert detect_genre(text) == genre


def test_speech_paragraphs_are_the_authors_statements(catalogue):
    analysis = analyse(parse_document(SPEECH, "speech.txt"), catalogue)
    said = [(s.speaker, s.verb, s.date, s.text) for s in analysis.statements]
    day = dt.date(2020, 4, 3)
    assert said == [
        ("person/xi-jinping", "致辞", day, "大家好！很高兴同大家以视频方式相聚，共商抗疫大计。"),
        ("person/xi-jinping", "致辞", day, "疫情是人类共同的敌人，各国要团结协作，共同应对这场危机。"),
        ("person/xi-jinping", "致辞", day, "中方愿同各方分享防控经验。"),
    ]


def test_speech_letter_dated_by_its_signature_not_the_report(catalogue):
    analysis = analyse(parse_document(LETTER, "letter.txt"), catalogue)
    letter = [s for s in analysis.statements if s.verb == "回信"]
    assert [s.text[:5] for s in letter] == ["你们好！来", "希望你们保"]
    assert {(s.speaker, s.date) for s in letter} == {("person/li-keqiang", dt.date(2020, 5, 8))}
    report_start = LETTER.index("新华社")
    assert all(s.evidence.end <= report_start for s in letter)


def test_speech_letter_to_a_group_is_read_as_a_letter_without_its_closing_wish(catalogue):
    assert detect_genre(LETTER_TO_GROUP) == "speech"
    layout = describe(_lines(LETTER_TO_GROUP))
    assert layout.kinds[1:5] == ["heading", "speech", "speech", "heading"]
    analysis = analyse(parse_document(LETTER_TO_GROUP, "letter_group.txt"), catalogue)
    letter = [s for s in analysis.statements if s.verb == "复信"]
    assert [s.text[:5] for s in letter] == ["你们好！来", "希望你们学"]
    assert {(s.speaker, s.date) for s in letter} == {("person/xi-jinping", dt.date(2020, 7, 2))}


def test_speech_salutation_after_a_two_character_name_is_not_joined_to_the_byline(catalogue):
    analysis = analyse(parse_document(SPEECH_HANT, "speech_hant.txt"), catalogue)
    said = [(s.speaker, s.verb, s.date) for s in analysis.statements]
    assert said == [("person/wang-yi", "致辞", dt.date(2020, 9, 9))]


def test_speech_occasion_line_is_a_gathering_the_author_addressed(catalogue):
    analysis = analyse(parse_document(SPEECH_HANT, "speech_hant.txt"), catalogue)
    summits = [(e.date, e.participants) for e in analysis.events if e.cls == "Summit"]
    assert summits == [(dt.date(2020, 9, 9), ("person/wang-yi",))]


def test_speech_congratulatory_letter_without_salutation_outweighs_its_report(catalogue):
    assert detect_genre(GREETING) == "speech"
    analysis = analyse(parse_document(GREETING, "greeting.txt"), catalogue)
    letter = [(s.speaker, s.verb, s.date, s.text[:6]) for s in analysis.statements if s.verb == "致信"]
    day = dt.date(2020, 10, 15)
    assert letter == [("person/li-keqiang", "致信", day, "值此某国际合"), ("person/li-keqiang", "致信", day, "疫情再次表明")]


def test_speech_letter_printed_after_its_report_is_the_authors_words(catalogue):
    assert detect_genre(REPORT_THEN_LETTER) == "speech"
    layout = describe(_lines(REPORT_THEN_LETTER))
    assert layout.kinds == ["heading", None, "heading", "heading", "speech", "speech", "byline", "heading"]
    analysis = analyse(parse_document(REPORT_THEN_LETTER, "report_letter.txt"), catalogue)
    letter = [(s.speaker, s.date, s.text[:4]) for s in analysis.statements if s.verb == "复信"]
    day = dt.date(2020, 8, 3)
    assert letter == [("person/li-keqiang", day, "来信收悉"), ("person/li-keqiang", day, "中方将继")]


def test_speech_short_report_sentence_before_a_letter_is_text_not_a_heading(catalogue):
    text = REPORT_THEN_LETTER.replace("复信全文如下：", "此前，谭德塞致信李克强，对中方支持世界卫生组织工作表示感谢。\n复信全文如下：")
    layout = describe(_lines(text))
    assert layout.kinds[:4] == ["heading", None, None, "heading"]
    analysis = analyse(parse_document(text, "report_letter.txt"), catalogue)
    thanks = [(s.speaker, s.text[:6]) for s in analysis.statements if s.verb != "复信" and "感谢" in s.text]
    assert thanks == [("person/tedros", "对中方支持世")]


def test_speech_letter_signed_with_a_date_in_chinese_numerals(catalogue):
    text = ("李克强给某国商会的复信\n\n某国商会的朋友们：\n\n来信收悉，我很赞赏你们的坚持。\n\n"
            "欢迎各国企业来华投资。\n\n李克强\n二〇二〇年八月十三日\n")
    layout = describe(_lines(text))
    assert layout.kinds == ["occasion", "heading", "speech", "speech", "byline", "heading"]
    analysis = analyse(parse_document(text, "letter_cn_date.txt"), catalogue)
    day = dt.date(2020, 8, 13)
    assert [(s.speaker, s.date) for s in analysis.statements] == [("person/li-keqiang", day)] * 2
    assert [(e.cls, e.date, e.participants[0]) for e in analysis.events] == [("Message", day, "person/li-keqiang")]


def test_speech_report_after_a_letter_tells_words_of_the_letter_on_its_day(catalogue):
    text = ("李克强给某国商会的复信\n\n某国商会的朋友们：\n\n来信收悉，我很赞赏你们的坚持。\n\n"
            "李克强\n2020年8月13日\n\n新华社北京8月14日电 国务院总理李克强13日给某国商会复信。\n"
            "李克强在复信中表示，欢迎各国企业来华投资兴业。\n")
    analysis = analyse(parse_document(text, "letter_report.txt"), catalogue)
    reported = [(s.speaker, s.date) for s in analysis.statements if s.text.startswith("欢迎各国企业")]
    assert reported == [("person/li-keqiang", dt.date(2020, 8, 13))]


def test_speech_remarks_at_a_summit_are_a_speech(catalogue):
    text = ("——在某地区领导人特别会议上的发言\n（2020年6月2日，北京）\n中华人民共和国国务院总理 李克强\n\n"
            "主席先生：\n\n各方应当加强疫苗合作。\n\n谢谢。\n")
    assert detect_genre(text) == "speech"
    analysis = analyse(parse_document(text, "remarks.txt"), catalogue)
    day = dt.date(2020, 6, 2)
    assert [(s.speaker, s.verb, s.date) for s in analysis.statements] == [("person/li-keqiang", "发言", day)]
    assert [(e.cls, e.date, e.participants) for e in analysis.events] == [("Summit", day, ("person/li-keqiang",))]
