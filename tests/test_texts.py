"""Documents' text spilled to disk: quotes read back are the document's own text."""
from graph.model import Span
from graph.texts import SpilledTexts


def test_spilled_texts_quote_each_document_by_character_offsets():
    first, second = "习近平同普京通电话。", "𠮷野家 and ASCII\n第二行"
    with SpilledTexts() as texts:
        texts.add("a.txt", first)
        texts.add("b.txt", second)
        assert texts.quote(Span("a.txt", 4, 6)) == "普京"
        assert texts.quote(Span("b.txt", 0, 3)) == "𠮷野家"   # a character beyond the BMP is one offset
        assert texts.quote(Span("b.txt", 14, 17)) == "第二行"


def test_spilled_texts_quote_like_a_slice_at_the_end_of_a_text():
    with SpilledTexts() as texts:
        texts.add("a.txt", "通电话")
        assert texts.quote(Span("a.txt", 1, 10)) == "通电话"[1:10]
        assert texts.quote(Span("a.txt", 5, 10)) == ""
