"""Resolution across documents: one node per actor, event and statement."""
import datetime as dt
from pathlib import Path

import pytest

from graph.catalogue import Catalogue, CatalogueActor
from graph.model import (ActorInfo, Analysis, DocMeta, Document, DocumentInfo, EventCandidate, Mention,
                         StatementCandidate)
from graph.resolve import Resolver, findings, resolve
from graph.texts import SpilledTexts

D = dt.date


def _doc(doc_id: str, raw: str, lang: str = "zh-Hans") -> Document:
    return Document(doc_id, raw, raw, tuple(range(len(raw))), DocMeta(language=lang))


@pytest.fixture
def catalogue() -> Catalogue:
    actors = {
        "person/xi-jinping": CatalogueActor("person/xi-jinping", "Person", "习近平", "習近平", "Xi Jinping",
                                            role="国家主席", affiliation="country/CN"),
        "country/CN": CatalogueActor("country/CN", "Country", "中国", "中國", "China", iso="CN", wikidata="Q148"),
        "country/RU": CatalogueActor("country/RU", "Country", "俄罗斯", "俄羅斯", "Russia", iso="RU"),
    }
    return Catalogue(root=Path("."), actors=actors, surfaces={})


def _call(doc: Document, start: int, end: int, day: D, approx: bool = False) -> EventCandidate:
    return EventCandidate("PhoneCall", day, approx, ("person/xi-jinping", "person/普京"),
                          doc.raw_span(start, end), requested_by="person/普京")


def test_resolve_merges_one_call_told_by_two_documents(catalogue):
    a = _doc("a.txt", "习近平同俄罗斯总统普京通电话。")
    b = _doc("b.txt", "習近平日前同普京通電話。", "zh-Hant")
    analyses = [
        Analysis(a, events=(_call(a, 0, 14, D(2020, 3, 19)),)),
        Analysis(b, events=(_call(b, 0, 11, D(2020, 3, 20), approx=True),)),
    ]
    resolved = resolve(analyses, catalogue)
    assert len(resolved.events) == 1
    event = resolved.events[0]
    assert event.date == D(2020, 3, 19) and not event.approx
    assert {s.doc_id for s in event.evidence} == {"a.txt", "b.txt"}
    assert event.requested_by == "person/普京"


def test_resolve_keeps_calls_on_different_days_apart(catalogue):
    a = _doc("a.txt", "习近平同普京通电话。习近平同普京通电话。")
    analyses = [Analysis(a, events=(_call(a, 0, 9, D(2020, 2, 1)), _call(a, 10, 19, D(2020, 3, 19))))]
    assert len(resolve(analyses, catalogue).events) == 2


def test_resolve_labels_actors_from_catalogue_and_surfaces(catalogue):
    b = _doc("b.txt", "習近平同普京通電話。", "zh-Hant")
    mentions = (Mention(0, 3, "习近平", "person/xi-jinping", "Person"),
                Mention(4, 6, "普京", "person/普京", "Person", "总统", "country/RU"))
    infos = (ActorInfo("person/普京", "Person", "普京", "总统", "country/RU"),)
    resolved = resolve([Analysis(b, mentions=mentions, actors=infos)], catalogue)
    by_key = {a.key: a for a in resolved.actors}
    assert set(by_key) == {"person/xi-jinping", "person/普京", "country/RU", "country/CN"}
    xi = by_key["person/xi-jinping"]
    assert ("习近平", "zh-Hans") in xi.labels and xi.affiliation == "country/CN"
    assert ("習近平", "zh-Hant") in xi.labels
    putin = by_key["person/普京"]
    assert putin.labels == (("普京", "zh-Hans"),) and putin.role == "总统"
    assert by_key["country/RU"].iso_code == "RU"


def test_resolve_merges_a_statement_repeated_in_two_places(catalogue):
    text = "习近平强调，团结合作是最有力的武器。习近平强调，团结合作是最有力的武器。"
    a = _doc("a.txt", text)
    words = "团结合作是最有力的武器。"
    statements = (
        StatementCandidate("person/xi-jinping", "强调", words, D(2020, 3, 1), a.raw_span(6, 18)),
        StatementCandidate("person/xi-jinping", "强调", words, D(2020, 3, 1), a.raw_span(24, 36)),
    )
    resolved = resolve([Analysis(a, statements=statements)], catalogue)
    assert len(resolved.statements) == 1
    assert len(resolved.statements[0].evidence) == 2


def test_resolve_points_statement_at_merged_event(catalogue):
    a = _doc("a.txt", "习近平同普京通电话。习近平指出，双方要加强合作。")
    events = (_call(a, 0, 9, D(2020, 3, 19)),)
    statements = (StatementCandidate("person/xi-jinping", "指出", "双方要加强合作。", D(2020, 3, 19),
                                     a.raw_span(16, 24), during=0),)
    resolved = resolve([Analysis(a, events=events, statements=statements)], catalogue)
    assert resolved.statements[0].during == resolved.events[0].key


def test_resolve_does_not_label_a_country_with_an_ambiguous_side_form(catalogue):
    ambiguous = Catalogue(root=Path("."), actors=catalogue.actors,
                          surfaces={"巴方": ("country/PK", "country/BR")})
    a = _doc("a.txt", "巴方表示感谢。")
    mentions = (Mention(0, 2, "巴方", "country/RU", "Country"),)
    resolved = resolve([Analysis(a, mentions=mentions)], ambiguous)
    russia = {x.key: x for x in resolved.actors}["country/RU"]
    assert ("巴方", "zh-Hans") not in russia.alt_labels


def test_resolve_keeps_two_same_day_tellings_of_one_document_apart(catalogue):
    a = _doc("a.txt", "习近平同普京通电话。习近平同普京通电话。")
    day = D(2020, 3, 19)
    analyses = [Analysis(a, events=(_call(a, 0, 9, day), _call(a, 10, 19, day)))]
    assert len(resolve(analyses, catalogue).events) == 2


def test_resolve_keeps_aid_directions_apart(catalogue):
    a = _doc("a.txt", "中方向俄方提供物资。俄方向中方提供物资。")
    day = D(2020, 3, 1)
    aid = [EventCandidate("Aid", day, False, ("country/CN", "country/RU"), a.raw_span(0, 9),
                          provider=p, recipient=r)
           for p, r in (("country/CN", "country/RU"), ("country/RU", "country/CN"))]
    b = _doc("b.txt", "中方向俄方提供物资。")
    analyses = [Analysis(a, events=(aid[0],)), Analysis(b, events=(aid[1],))]
    assert len(resolve(analyses, catalogue).events) == 2


def test_resolve_gives_actor_its_first_mention_per_document(catalogue):
    a = _doc("a.txt", "习近平同普京通电话。习近平强调合作。")
    mentions = (Mention(0, 3, "习近平", "person/xi-jinping", "Person"),
                Mention(10, 13, "习近平", "person/xi-jinping", "Person"))
    resolved = resolve([Analysis(a, mentions=mentions)], catalogue)
    xi = {x.key: x for x in resolved.actors}["person/xi-jinping"]
    assert [(s.doc_id, s.start, s.end) for s in xi.evidence] == [("a.txt", 0, 3)]



def test_resolve_maps_first_mentions_through_the_matching_view_to_raw(catalogue):
    """The view drops a line break inside the first 习近平 (raw 2) and a page mark (raw 11-13) before the second."""
    raw = "习近\n平同普京通电话。〔1〕习近平强调合作。"
    text = "习近平同普京通电话。习近平强调合作。"
    offsets = [0, 1, *range(3, 11), *range(14, 22)]
    a = Document("a.txt", raw, text, offsets, DocMeta())
    mentions = (Mention(0, 3, "习近平", "person/xi-jinping", "Person"),
                Mention(10, 13, "习近平", "person/xi-jinping", "Person"),
                Mention(4, 6, "普京", "person/普京", "Person"))
    resolved = resolve([Analysis(a, mentions=mentions)], catalogue)
    by_key = {x.key: x for x in resolved.actors}
    assert [(s.doc_id, s.start, s.end) for s in by_key["person/xi-jinping"].evidence] == [("a.txt", 0, 4)]
    assert [(s.doc_id, s.start, s.end) for s in by_key["person/普京"].evidence] == [("a.txt", 5, 7)]

def test_resolve_clusters_tellings_by_date_first_made_cluster_first(catalogue):
    call = "习近平同普京通电话。"
    docs = {name: _doc(f"{name}.txt", call + call) for name in "abcdef"}
    tellings = {
        "a": [(D(2020, 3, 20), True)],  # 日前: the call on 3-15 told by b and c
        "b": [(D(2020, 3, 15), False)],
        "c": [(D(2020, 3, 15), False)],
        "d": [(D(2020, 4, 10), False)],  # three weeks later: another call
        "e": [(D(2020, 4, 10), False), (D(2020, 4, 10), False)],  # two calls that day
        "f": [(D(2020, 4, 10), False)],  # told once: the first of them
    }
    analyses = [Analysis(docs[name], events=tuple(_call(docs[name], 10 * i, 10 * i + 10, day, approx)
                                                  for i, (day, approx) in enumerate(days)))
                for name, days in tellings.items()]
    events = resolve(analyses, catalogue).events
    told = sorted((e.date, tuple(f"{s.doc_id}:{s.start}" for s in e.evidence)) for e in events)
    assert told == [
        (D(2020, 3, 15), ("a.txt:0", "b.txt:0", "c.txt:0")),
        (D(2020, 4, 10), ("d.txt:0", "e.txt:0", "f.txt:0")),
        (D(2020, 4, 10), ("e.txt:10",)),
    ]
    assert all(not e.approx for e in events)


def test_findings_fold_a_documents_mentions_into_one_row_per_key(catalogue):
    """习近平 named twice (class counted twice, first mention kept), 普京 once and described once."""
    doc = _doc("b.txt", "習近平同普京通電話。習近平說。", "zh-Hant")
    mentions = (Mention(0, 3, "習近平", "person/xi-jinping", "Person"),
                Mention(4, 6, "普京", "person/普京", "Person", "总统", "country/RU"),
                Mention(10, 13, "習近平", "person/xi-jinping", "Person"))
    infos = (ActorInfo("person/普京", "Person", "普京", "总统", "country/RU"),)
    found = findings(Analysis(doc, mentions=mentions, actors=infos), catalogue)
    assert found.document == DocumentInfo("b.txt", DocMeta(language="zh-Hant")) and found.raw == doc.raw
    assert found.actors == (
        ("person/xi-jinping", (("Person", 2),), (), (), (), (("習近平", "zh-Hant"),), (0, 3)),
        ("person/普京", (("Person", 2),), (("普京", 1),), (("总统", 2),), (("country/RU", 2),),
         (("普京", "zh-Hant"),), (4, 6)),
    )


def test_resolver_given_findings_resolves_as_given_the_analyses(catalogue):
    """What a rebuild does from the cache (findings) gives what a build does from the analyses."""
    a = _doc("a.txt", "习近平同普京通电话。习近平说：合作。")
    b = _doc("b.txt", "習近平同普京通電話。", "zh-Hant")
    xi, putin = Mention(0, 3, "习近平", "person/xi-jinping", "Person"), Mention(4, 6, "普京", "person/普京", "Person")
    analyses = [
        Analysis(a, mentions=(xi, putin, Mention(10, 13, "习近平", "person/xi-jinping", "Person")),
                 actors=(ActorInfo("person/普京", "Person", "普京", "总统", "country/RU"),),
                 events=(_call(a, 0, 10, D(2020, 3, 1)),),
                 statements=(StatementCandidate("person/xi-jinping", "说", "合作", D(2020, 3, 1), a.raw_span(10, 18)),)),
        Analysis(b, mentions=(xi, putin), events=(_call(b, 0, 10, D(2020, 3, 1)),)),
    ]
    whole = resolve(analyses, catalogue)
    with SpilledTexts() as texts:
        resolver = Resolver(catalogue, texts)
        for analysis in reversed(analyses):
            resolver.add(findings(analysis, catalogue))
        folded = resolver.resolved()
        assert [texts.text(d.id) for d in folded.documents] == [a.raw, b.raw]
    assert (folded.actors, folded.events, folded.statements) == (whole.actors, whole.events, whole.statements)
    assert len(folded.events) == 1 and len(folded.actors) == 4


def test_resolver_without_texts_refuses_findings(catalogue):
    with pytest.raises(TypeError, match="Analysis"):
        Resolver(catalogue).add(findings(Analysis(_doc("a.txt", "习近平")), catalogue))
