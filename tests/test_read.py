"""Tests of graph/read.py: decoding, metadata, genre, and the matching view with its offsets."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from graph import read
from graph.read import UnreadableDocument, detect_genre, find_documents, parse_document, read_document

SIMPLIFIED = "外交部发言人表示，中方愿同各方加强合作。\n世界卫生组织专家组抵达北京，双方举行视频会议。\n"
TRADITIONAL = "外交部發言人表示，中方願同各方加強合作。\n世界衛生組織專家組抵達北京，雙方舉行視頻會議。\n"
SHORT = "外交部发言人表示，中方愿同各方加强合作。"
SHORT_TRADITIONAL = "外交部發言人表示，中方願同各方加強合作。"
SEED_GENRES = {
    "000_88ab725de4594ffc.txt": "chronicle",
    "001_8486d6720058fcd3.txt": "chronicle",
    "002_214cb19a08ba0256.txt": "transcript",
    "003_c79255a596d7c34a.txt": "article",
    "004_057ea572d0f1fc7d.txt": "compilation",
}


def _assert_offsets(doc) -> None:
    """The view's invariant: one offset per character, increasing, each the source of its character.

    ``text[i]`` is ``raw[offsets[i]]`` in Simplified script, converted character for character.
    """
    assert len(doc.offsets) == len(doc.text)
    assert all(a < b for a, b in zip(doc.offsets, doc.offsets[1:]))
    simplified = read._simplify(doc.raw)
    assert all(simplified[offset] == char for char, offset in zip(doc.text, doc.offsets))


# ---------------------------------------------------------------- finding files

def test_read_find_documents_recursive_sorted_unique(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/2.md", "1.txt", "b/3.TXT", "notes.csv", ".hidden/x.txt"):
        (tmp_path / name).write_text(SHORT, encoding="utf-8")
    found = find_documents([tmp_path, tmp_path / "1.txt", tmp_path / "missing"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["1.txt", "b/2.md", "b/3.TXT"]


def test_read_find_documents_in_a_hidden_folder_given_by_name(tmp_path: Path) -> None:
    """Only what is hidden below a folder given is passed over, not the folder itself."""
    (tmp_path / ".corpus" / "a" / ".drafts").mkdir(parents=True)
    for name in ("a/1.txt", "a/.2.txt", "a/.drafts/3.txt"):
        (tmp_path / ".corpus" / name).write_text(SHORT, encoding="utf-8")
    assert find_documents([tmp_path / ".corpus"]) == [tmp_path / ".corpus" / "a" / "1.txt"]


@pytest.fixture
def odd_paths(tmp_path: Path) -> Path:
    """A folder with one document and every kind of path that is none."""
    import os

    (tmp_path / "good.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "loop_a.txt").symlink_to("loop_b.txt")
    (tmp_path / "loop_b.txt").symlink_to("loop_a.txt")
    (tmp_path / "dangling.md").symlink_to("nowhere.md")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "linked").symlink_to("sub")
    return tmp_path


def test_read_survey_names_every_path_that_is_no_document(odd_paths: Path) -> None:
    """Loops, dangling links and FIFOs vanished without a word; a .pdf in a corpus folder too."""
    documents, skipped = read.survey_documents([odd_paths])
    assert documents == [odd_paths / "good.txt"]
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert reasons == {
        "report.pdf": "unsupported type (.pdf files; jishi reads .txt and .md: save it as text)",
        "loop_a.txt": "symbolic link loop (the links lead in a circle)",
        "loop_b.txt": "symbolic link loop (the links lead in a circle)",
        "dangling.md": "dangling symbolic link (to nowhere.md, which does not exist)",
        "pipe.txt": "not a regular file (a FIFO)",
        "linked": "a link to a folder, not followed (give the folder itself)",
    }


@pytest.mark.parametrize(("name", "reason"), [
    ("report.pdf", "unsupported type (.pdf files"), ("notes.csv", "unsupported type (.csv files"),
    ("pipe.txt", "not a regular file (a FIFO)"), ("loop_a.txt", "symbolic link loop"),
    ("dangling.md", "dangling symbolic link"), ("missing.txt", "no such file or folder"),
])
def test_read_survey_names_every_path_given_that_is_no_document(odd_paths: Path, name: str, reason: str) -> None:
    """A .pdf, .docx or .html given by name was ignored without a reason (``wrote: nothing``)."""
    documents, skipped = read.survey_documents([odd_paths / name])
    assert documents == []
    assert [(Path(s.path).name, s.reason[:len(reason)]) for s in skipped] == [(name, reason)]


def test_read_never_opens_a_fifo(odd_paths: Path) -> None:
    with pytest.raises(UnreadableDocument, match="not a regular file"):
        read_document(odd_paths / "pipe.txt")


# ---------------------------------------------------------------- encodings

@pytest.mark.parametrize(("name", "expected", "encoding"), [
    ("utf8_bom.txt", SIMPLIFIED, "utf-8-sig"),
    ("gbk.txt", SIMPLIFIED, "gb18030"),
    ("gbk_short.txt", SHORT, "gb18030"),
    ("big5.txt", TRADITIONAL, "big5"),
    ("big5_short.txt", SHORT_TRADITIONAL, "big5"),
    ("utf16_bom.txt", SIMPLIFIED, "utf-16"),
    ("utf16le.txt", SIMPLIFIED, "utf-16-le"),
    ("utf16be.txt", SIMPLIFIED, "utf-16-be"),
    ("crlf.txt", SIMPLIFIED.replace("\n", "\r\n"), "utf-8"),
])
def test_read_decodes_encodings(data_dir: Path, name: str, expected: str, encoding: str) -> None:
    doc = read_document(data_dir / name)
    assert doc.raw == expected
    assert doc.meta.encoding == encoding
    assert doc.id == name
    _assert_offsets(doc)


def test_read_drops_bom_only(data_dir: Path) -> None:
    doc = read_document(data_dir / "utf8_bom.txt")
    assert not doc.raw.startswith("\ufeff")
    assert doc.text == SIMPLIFIED


def test_read_keeps_crlf_in_raw(data_dir: Path) -> None:
    doc = read_document(data_dir / "crlf.txt")
    assert "\r\n" in doc.raw
    assert doc.text == doc.raw


@pytest.mark.parametrize(("name", "reason"), [
    ("empty.txt", "empty"),
    ("blank.txt", "only whitespace"),
    ("binary.txt", "binary"),
    ("no_such_file.txt", "no such file"),
])
def test_read_unreadable_reasons(data_dir: Path, name: str, reason: str) -> None:
    with pytest.raises(UnreadableDocument) as info:
        read_document(data_dir / name)
    assert reason in info.value.reason
    assert info.value.path.name == name
    assert name in str(info.value)


# ---------------------------------------------------------------- repairs

def test_read_truncated_utf8_keeps_the_text_before_the_cut(data_dir: Path) -> None:
    """A file cut inside its last character was once skipped whole; now only that character is lost."""
    doc = read_document(data_dir / "truncated.txt")
    assert doc.raw == SIMPLIFIED.rstrip("\n")[:-1]
    assert doc.meta.encoding == "utf-8"
    assert doc.notes == ("truncated: the file ends inside a character; its last 2 bytes were dropped",)
    _assert_offsets(doc)


def test_read_truncated_gbk_keeps_the_text_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes((SIMPLIFIED * 3).encode("gbk")[:-4])       # \n and 。 dropped, then half of 议
    doc = read_document(path)
    assert doc.raw == (SIMPLIFIED * 3)[:-3]
    assert doc.meta.encoding == "gb18030"
    assert doc.notes == ("truncated: the file ends inside a character; its last byte was dropped",)


def test_read_stray_nul_bytes_are_dropped_not_binary(tmp_path: Path) -> None:
    """Two NULs in a UTF-8 text made it 'binary' and the document was lost."""
    path = tmp_path / "nul.txt"
    path.write_bytes(SIMPLIFIED.replace("，", "\x00，", 1).replace("北京", "北京\x00").encode("utf-8"))
    doc = read_document(path)
    assert doc.raw == SIMPLIFIED
    assert doc.notes == ("2 stray NUL bytes dropped",)
    _assert_offsets(doc)


def test_read_utf16_without_bom_is_not_taken_for_nuls(data_dir: Path) -> None:
    doc = read_document(data_dir / "utf16le.txt")
    assert (doc.raw, doc.notes) == (SIMPLIFIED, ())


@pytest.mark.parametrize(("limit", "reason"), [
    (30, "over the limit of 30 per document (split it)"),
    (5, "bytes, more than the limit of 5 characters per document allows (split it)"),
])
def test_read_refuses_a_document_over_the_size_limit(data_dir: Path, limit: int, reason: str) -> None:
    with pytest.raises(UnreadableDocument) as info:
        read_document(data_dir / "gbk.txt", max_chars=limit)
    assert reason in info.value.reason
    if limit == 30:
        assert info.value.reason.startswith(f"{len(SIMPLIFIED)} characters")


def test_read_document_at_the_size_limit_is_read(data_dir: Path) -> None:
    assert read_document(data_dir / "gbk.txt", max_chars=len(SIMPLIFIED)).raw == SIMPLIFIED


# ---------------------------------------------------------------- script and view

def test_read_traditional_view_is_simplified(data_dir: Path) -> None:
    doc = read_document(data_dir / "big5.txt")
    assert doc.meta.language == "zh-Hant"
    assert doc.text == SIMPLIFIED
    _assert_offsets(doc)


@pytest.mark.parametrize(("raw", "language"), [
    (SHORT, "zh-Hans"),
    (SHORT_TRADITIONAL, "zh-Hant"),
    ("國家主席习近平同意大利总理孔特通电话，双方就合作交换意见。", "zh-Hans"),
])
def test_read_language(raw: str, language: str) -> None:
    assert parse_document(raw, "x.txt").meta.language == language


@pytest.mark.parametrize(("raw", "text"), [
    ("中国发布疫情信息纪事 中\n\n国外交部牵头，各部门参加。", "中国发布疫情信息纪事 中国外交部牵头，各部门参加。"),
    ("◆中日韩举行特别外长视频\n\n会议。三方交换意见。", "◆中日韩举行特别外长视频会议。三方交换意见。"),
    ("◆习近平指出，疫情没有国界，\n\n世界各国是命运共同体。", "◆习近平指出，疫情没有国界，世界各国是命运共同体。"),
])
def test_read_joins_broken_sentences(raw: str, text: str) -> None:
    doc = parse_document(raw, "x.txt")
    assert doc.text == text
    _assert_offsets(doc)


@pytest.mark.parametrize("raw", [
    "◆双方举行视频会议。\n\n会议交换了意见。",
    "3月14日\n\n◆外交部发言人表示，中方愿加强合作。",
    "◆外交部发言人表示，中方愿同各方加强合作\n\n3月15日\n◆会议举行。",
    "◆外交部发言人表示，中方愿同各方加强合作\n\n◆会议举行。",
    "新华社北京4月6日电 题：中国推进合作纪事\n\n新华社记者\n\n外交部发言人表示。",
    "罗照辉:\n\n谢谢主持人。",
    "——3月4日，习近平主持召开会议\n\n湖北和武汉是重中之重。",
    "中国向世卫组织捐款 支持国际合作\n\n\t罗照辉介绍，中国提供了援助。",
    "主持人:\n好的\n记者:\n好的\n部长:\n好的\n",
])
def test_read_keeps_real_line_breaks(raw: str) -> None:
    assert parse_document(raw, "x.txt").text == raw


def test_read_drops_running_header() -> None:
    header = "公开、透明、负责任态度，及时发布疫情信息"
    raw = (f"◆中方本着{header}，分享防控经验。\n\n"
           f"◆国务院联防联控机制新\n\n{header}\n\n闻发布会通报，内地无新增病例。\n")
    doc = parse_document(raw, "x.txt")
    assert "◆国务院联防联控机制新闻发布会通报" in doc.text
    assert doc.text.count(header) == 1
    _assert_offsets(doc)


def test_read_drops_line_repeated_as_page_header() -> None:
    header = "中国推进疫情防控国际合作纪事"
    raw = "".join(f"{header}\n◆第{n}天外交部发言人表示，中方愿同各方加强合作。\n" for n in range(3))
    doc = parse_document(raw, "x.txt")
    assert header not in doc.text
    assert doc.text.count("外交部发言人") == 3


def test_read_drops_bookmark_artefacts() -> None:
    doc = parse_document("[bookmark: _Toc4450]一、外交活动\n[bookmark: _Toc1]（一）合作\n中方愿加强合作。", "x.txt")
    assert doc.text == "一、外交活动\n（一）合作\n中方愿加强合作。"
    _assert_offsets(doc)


# ---------------------------------------------------------------- metadata

def test_read_front_matter() -> None:
    raw = ('---\ntitle: "外交部發言人答記者問"\ndate: "2021-05-04"\nauthor: "本報記者"\n'
           'url: "https://example.org/a"\n---\n\n外交部發言人表示，中方願同各方加強合作。\n')
    doc = parse_document(raw, "x.md")
    assert (doc.meta.title, doc.meta.date, doc.meta.author, doc.meta.source) == (
        "外交部發言人答記者問", dt.date(2021, 5, 4), "本報記者", "https://example.org/a")
    assert doc.text.strip() == SHORT
    assert doc.raw.startswith("---\n")


def test_read_front_matter_unquoted_dates_are_text_except_the_date() -> None:
    raw = "---\ndate: 2021-05-04\nurl: 2021-05-05\nauthor: 2021-05-06\n---\n外交部发言人表示。\n"
    meta = parse_document(raw, "x.md").meta
    assert (meta.date, meta.source, meta.author) == (dt.date(2021, 5, 4), "2021-05-05", "2021-05-06")


@pytest.mark.parametrize(("value", "expected"), [
    ("https://example.org/新闻/1.html", "https://example.org/新闻/1.html"), ("urn:isbn:7-01", "urn:isbn:7-01"),
    ("人民网", "人民网"), ("/news/1.html", "/news/1.html"), ("'新华社: 北京'", "新华社: 北京"), ("3", "3"),
    ("新华社: 北京", None),  # not YAML: the front matter is text
    ("{x: y}", "{'x': 'y'}")])
def test_read_source_is_kept_as_the_file_gives_it(value: str, expected: str | None) -> None:
    """Emit decides what becomes a link (tests/test_emit.py); read keeps the text."""
    raw = f"---\ntitle: 示例\nurl: {value}\n---\n外交部发言人表示，中方愿加强合作。\n"
    assert parse_document(raw, "x.md").meta.source == expected


@pytest.mark.parametrize("value", ["0001-01-01T00:00:00Z", "9999-12-31", "'0001年1月1日'"])
def test_read_placeholder_date_is_no_date(value: str) -> None:
    raw = f"---\ntitle: 示例\ndate: {value}\n---\n3月2日，甲国外长张三会见乙国外长李四。\n"
    assert parse_document(raw, "x.md").meta.date is None


@pytest.mark.parametrize(("value", "expected"), [("2020-02-30", None), ("2020-13-01", None),
                                               ("2020-01-01T25:00:00", dt.date(2020, 1, 1))])
def test_read_front_matter_with_an_impossible_date_keeps_its_other_fields(value: str, expected) -> None:
    raw = f"---\ntitle: 示例\ndate: {value}\n---\n外交部发言人表示，中方愿加强合作。\n"
    doc = parse_document(raw, "x.md")
    assert (doc.meta.title, doc.meta.date, doc.text) == ("示例", expected, "外交部发言人表示，中方愿加强合作。\n")


@pytest.mark.parametrize("raw", ["==>", "外交部发言人表示 ==> 中方愿加强合作。", "==>\n标题 ==> 示例\n外交部发言人表示。"])
def test_read_arrow_outside_a_header_is_text(raw: str) -> None:
    """``==>`` with no key before it crashed the read (zip() argument 2 is longer) and stopped the build."""
    doc = parse_document(raw, "x.txt")
    assert doc.text == raw
    _assert_offsets(doc)


ALIAS_BOMB = "---\na0: &a0 [示例, 示例, 示例, 示例, 示例, 示例, 示例, 示例, 示例]\n" + "".join(
    f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]\n" for n in range(1, 6)) + "title: *a5\n---\n外交部发言人表示。\n"


@pytest.mark.parametrize("front", [ALIAS_BOMB, "---\ntitle: &t 示例\nauthor: *t\n---\n外交部发言人表示。\n"])
def test_read_front_matter_with_aliases_is_ignored_with_a_note(front: str) -> None:
    """YAML aliases let 488 bytes of front matter grow to gigabytes; they are refused, not expanded."""
    doc = parse_document(front, "x.md")
    assert (doc.meta.title, doc.meta.author, doc.text) == (None, None, "外交部发言人表示。\n")
    assert doc.notes == ("front matter ignored: YAML aliases (*name) are not accepted",)


def test_read_front_matter_nested_too_deep_is_ignored_with_a_note() -> None:
    doc = parse_document("---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n外交部发言人表示。\n", "x.md")
    assert (doc.meta.title, doc.text) == (None, "外交部发言人表示。\n")
    assert doc.notes == ("front matter ignored: nested too deep",)


def test_read_arrow_headers() -> None:
    raw = ("title ==> \n\t\t中方向多国提供抗疫援助\n\ntime ==> \n\t\t2020年04月02日09:15|来源：示例网\n\n"
           "link ==> \n\t\thttp://example.org/n1\n\ncontent ==> \n\n\t示例网北京4月2日电 （王小明）外交部发言人表示。\n")
    meta = parse_document(raw, "x.txt").meta
    assert (meta.title, meta.date, meta.source, meta.author, meta.genre) == (
        "中方向多国提供抗疫援助", dt.date(2020, 4, 2), "http://example.org/n1", "王小明", "article")


def test_read_preamble_date() -> None:
    raw = "【示例网】\n国务院新闻办公室于2021年1月5日（星期二）上午10时举行新闻发布会，请外交部官员介绍情况。\n主持人:\n大家好。\n"
    meta = parse_document(raw, "x.txt").meta
    assert meta.date == dt.date(2021, 1, 5)
    assert meta.title is None


@pytest.mark.parametrize("period", ["（2022年4月1日以来）", "（2019年12月27日至2020年1月19日）", "2020年2月3日起"])
def test_read_preamble_period_gives_no_document_date(period: str) -> None:
    raw = f"第二阶段：某地常态化防控{period}\n\n这一阶段，甲市疫情总体平稳。\n——4月2日，甲市召开新闻发布会。\n"
    assert parse_document(raw, "x.txt").meta.date is None


def test_read_markdown_heading_title() -> None:
    assert parse_document("\n# 中方抗疫合作纪事\n\n外交部发言人表示。", "x.md").meta.title == "中方抗疫合作纪事"


def test_read_dateline_without_year_gives_no_date() -> None:
    assert parse_document("新华社北京4月6日电 外交部发言人表示，中方愿加强合作。", "x.txt").meta.date is None


# ---------------------------------------------------------------- genre

@pytest.mark.parametrize(("text", "genre"), [
    ("3月14日\n◆外交部发言人表示。\n3月15日\n◆中方举行视频会议。\n3月16日\n◆专家组抵达。", "chronicle"),
    ("主持人:\n大家好。\n2020-03-26 10:01:21\n王部长:\n谢谢。\n2020-03-26 10:05:00\n记者:\n请问。\n主持人:\n请回答。",
     "transcript"),
    ("一、外交活动\n（一）合作\n中方愿加强合作。\n——3月12日，习近平同秘书长通电话\n（二）援助\n要加强援助。\n"
     "——3月16日，习近平同总理通电话\n二、表态", "compilation"),
    ("人民网北京3月26日电 今天上午，国新办举行新闻发布会。\n外交部副部长介绍了情况。", "article"),
    ("外交部发言人表示，中方愿同各方加强合作。", "text"),
    # numbered parts with no attribution dating them: an article or a set of answers, not a compilation
    ("甲国总统周二表示，两国合作顺利。\n一、疫情\n乙国卫生部长昨日召开记者会。\n二、经济\n（一）出口\n丙国宣布减税。\n"
     "（二）就业\n三、外交\n丁国外长同戊国外长通电话。", "text"),
    ("一、问：能否介绍会议的情况？\n答：各方同意加强合作。\n二、问：中方有何期待？\n答：希望会议取得成功。", "text"),
    # labels of a notice or a column, and names with their verb of saying: an article, not turns
    ("甲会长周二召开记者会，宣布展览开幕。\n日期：即日至6月28日\n时间：下午2时至晚上10时\n地点：九龙某会堂\n"
     "入场费：免费\n日期：7月1日\n时间：上午10时", "text"),
    ("乙报头版以大字标题报道选举结果。\n导语：丙国总统昨日宣布胜选。\n导语：丁国外长致电祝贺。\n导语：戊党召开记者会。\n"
     "导语：己市市长表示欢迎。\n导语：庚国总理发表声明。", "text"),
    ("议员周一召开记者会。\n王某表示：「我们反对。」\n李某说：「我们支持。」\n王某表示：「请三思。」\n"
     "李某指：「时间紧迫。」\n王某称：「不会让步。」", "text"),
])
def test_read_detect_genre(text: str, genre: str) -> None:
    assert detect_genre(text) == genre


# ---------------------------------------------------------------- seeds

@pytest.mark.parametrize(("doc_id", "genre"), sorted(SEED_GENRES.items()))
def test_read_seed_genre(seed_documents, doc_id: str, genre: str) -> None:
    assert seed_documents[doc_id].meta.genre == genre


def test_read_seed_metadata(seed_documents) -> None:
    languages = {doc_id: doc.meta.language for doc_id, doc in seed_documents.items()}
    assert languages == {doc_id: "zh-Hant" if doc_id.startswith("001") else "zh-Hans" for doc_id in SEED_GENRES}
    assert seed_documents["001_8486d6720058fcd3.txt"].meta.date == dt.date(2020, 4, 7)
    assert seed_documents["002_214cb19a08ba0256.txt"].meta.date == dt.date(2020, 3, 26)
    assert seed_documents["003_c79255a596d7c34a.txt"].meta.date == dt.date(2020, 3, 26)
    assert seed_documents["003_c79255a596d7c34a.txt"].meta.source.startswith("http://")


def test_read_seed_repairs(seed_documents) -> None:
    text = seed_documents["000_88ab725de4594ffc.txt"].text
    assert "纪事 中国外交部牵头" in text
    assert "视频会议。三方" in text
    assert "联防联控机制新闻发布会通报" in text
    assert seed_documents["001_8486d6720058fcd3.txt"].text.count("中国国家主席习近平") > 10
    assert "[bookmark" not in seed_documents["004_057ea572d0f1fc7d.txt"].text


def test_read_seed_offsets(seed_documents) -> None:
    for doc in seed_documents.values():
        _assert_offsets(doc)




def test_read_survey_names_a_folder_it_cannot_list(odd_paths: Path, monkeypatch) -> None:
    """A subfolder without read permission was passed over in silence by the recursive search."""
    import os

    real = os.scandir
    locked = str(odd_paths / "sub")

    def scandir(path):
        if str(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    documents, skipped = read.survey_documents([odd_paths])
    assert documents == [odd_paths / "good.txt"]
    assert {s.path: s.reason for s in skipped}[locked] == "folder cannot be listed (Permission denied)"


@pytest.mark.parametrize("raw, view", [
    ("衞生署發言人表示", "卫生署发言人表示"),   # a Hong Kong variant (衞) through its standard form (衛)
    ("食物及衞生局", "食物及卫生局"),
    ("他抬頭說", "他抬头说"),                  # 抬 is already Simplified: it stays
])
def test_read_hong_kong_variants_are_simplified(raw, view):
    assert read._simplify(raw) == view
