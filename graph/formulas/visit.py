"""The ``visit`` formula: a visitor goes to a host country (``jishi:Visit``).

Reads the cues ``visit_*`` (and the shared ones of ``CUES``) of
``event_cues.yaml``. The sentences it reads:

* ``甲国总统张三对乙国进行国事访问`` — the host after 对 (or 在) before the trigger;
* ``张三访问乙国`` / ``张三出访乙国、丙国`` — the hosts right after the trigger, one visit each
  (the day written is the first stop's; a later stop is dated only by the range's last day);
* ``张三12日抵达乙国首都进行国事访问`` — the host after an arrival verb of the clause;
* ``张三访华`` — a destination word that names the host (访华: China);
* ``会见正在乙国访问的甲国总统张三`` — 访问的X: the visitor is named after the trigger.

The visitor is the clause's subject (its person when it names one), else the
first name of the sentence. Only a country hosts a visit, and a media outlet
visits nobody (its 访问 is an interview), so a 访问 without both sides tells
no Visit. Planned visits (将访问, 将于…访问) are left out by the filters every
event shares; the rows of ``event_vetoes.yaml`` for the class leave out visits
invited or agreed on, visits that only set the time of another act (访问期间),
visits pointed back at (此次访问), interviews (接受…访问) and the rest.

>>> from graph.catalogue import load_catalogue
>>> from graph.events import extract_events
>>> from graph.model import Analysis, Document, Mention
>>> text = "张三对乙国进行国事访问。"
>>> doc = Document("d", text, text, tuple(range(len(text))))
>>> ms = (Mention(0, 2, "张三", "person/张三", "Person"), Mention(3, 5, "乙国", "country/YI", "Country"))
>>> [(e.cls, e.participants) for e in extract_events(Analysis(doc, mentions=ms), load_catalogue()).events]
[('Visit', ('person/张三', 'country/YI'))]
"""
from __future__ import annotations

from graph import events as ev
from graph.formulas import register

__all__ = ["read_visit"]

CUES = ("visit_host_markers", "visit_arrivals", "visit_destinations", "visit_host_classes",
        "visit_visitor_classes", "visit_attribute", "home_words", "subject_ends", "object_gap",
        "object_gap_words", "phrase_rest", "request_self", "request_pattern", "clause_breaks", "speaker_marks",
        "apposition_before")


@register("visit", cues=CUES)
def read_visit(ctx: ev._Context, hit: ev._Hit) -> list[ev._Draft]:
    """The visits a trigger tells: one per host country, each with the visitor.

    Parameters
    ----------
    ctx : the events stage's document context.
    hit : a trigger of shape ``visit``.

    Returns
    -------
    One draft per host; none for a count of visits (多次访问乙国) or a 访问
    missing its visitor or host.
    """
    if ev._counted(ctx, hit):
        return []
    cues = ctx.lex.cues
    attribute = ctx.text.startswith(cues["visit_attribute"], hit.end)
    hosts = _hosts(ctx, hit, after=not attribute)
    visitor = _attributed_visitor(ctx, hit) if attribute else _visitor(ctx, hit, hosts)
    if visitor is None:
        return []
    drafts = []
    for host in hosts:
        if any(_at_home(ctx, visitor, key) for key in host.keys):
            continue
        start, end = ev._evidence_range(ctx, hit, max(hit.end, host.end, visitor.end))
        drafts.append(ev._Draft(hit.trigger.cls, ev._keys_of(visitor.keys, host.keys), start, end,
                                requested_by=ev._requested_by(ctx, hit, host.keys), later_leg=bool(drafts)))
    return drafts


def _hosts(ctx: ev._Context, hit: ev._Hit, after: bool) -> list[ev._Phrase]:
    """The host countries: a destination word, the names after 对/在, after the trigger (when
    ``after``), or after an arrival verb of the clause."""
    cues = ctx.lex.cues
    destination = cues["visit_destinations"].get(ctx.text[hit.start:hit.end])
    if destination:
        return [ev._Phrase(hit.start, hit.end, (destination,), "Country")]
    found = ev._after_marker(ctx, cues["visit_host_markers"], hit.clause[0], hit) or []
    if not found and after:
        found = ev._objects(ctx, hit.end, hit.clause[1]) or ev._city_after(ctx, hit, hit.end)
    if not found:
        found = _arrived(ctx, hit)
    return [p for p in found if p.cls in cues["visit_host_classes"]]


def _arrived(ctx: ev._Context, hit: ev._Hit) -> list[ev._Phrase]:
    """The place of the last arrival in the clause before the trigger (抵达乙国首都进行访问,
    来华进行国事访问): the names after the verb, a city standing for its country, or the home word's actor."""
    cues = ctx.lex.cues
    homes = cues["home_words"]
    arrival = ev._find(ctx, list(cues["visit_arrivals"]) + list(homes), hit.clause[0], hit.start, last=True)
    if arrival is None:
        return []
    word = ctx.text[arrival[0]:arrival[1]]
    if word in homes:
        return [ev._Phrase(arrival[0], arrival[1], (homes[word],), "Country")]
    return ev._objects(ctx, arrival[1], hit.start) or ev._city_after(ctx, hit, arrival[1])


def _visitor(ctx: ev._Context, hit: ev._Hit, hosts: list[ev._Phrase]) -> ev._Phrase | None:
    """Who visits: the last person the clause names before the trigger (…就美国务卿X访问B: X, not
    who briefs on it), else the name nearest before the trigger (甲国代表团访问B), else the first
    name of the sentence (X抵达B，开始对B的访问). Never a host, nor a transcript turn's speaker."""
    taken = {k for host in hosts for k in host.keys}
    named = [p for p in ctx.phrases_in(hit.clause[0], hit.start)
             if not set(p.keys) & taken and not ev._not_giver(ctx, p)]
    persons = [p for p in named if p.cls == "Person"]
    if persons or named:
        return _eligible_visitor(ctx, (persons or named)[-1:], taken)
    earlier = [p for p in ctx.phrases_in(hit.sent[0], hit.clause[0])
               if not set(p.keys) & taken and not ev._not_giver(ctx, p)
               and (p.cls == "Person" or p.start == ctx.clause_at(p.start, hit.sent)[0])]
    return _eligible_visitor(ctx, earlier[:1], taken)


def _attributed_visitor(ctx: ev._Context, hit: ev._Hit) -> ev._Phrase | None:
    """The visitor named after 访问的 (正在乙国访问的甲国总统张三)."""
    named = ev._objects(ctx, hit.end + len(ctx.lex.cues["visit_attribute"]), hit.clause[1])
    return _eligible_visitor(ctx, named[:1], set())


def _eligible_visitor(ctx: ev._Context, named: list[ev._Phrase], hosts: set[str]) -> ev._Phrase | None:
    """The one name of ``named``, if its class may visit and it does not belong to the host
    (多国外长访华 with only 王毅 named: China's minister visits no one in China)."""
    if not named or named[0].cls not in ctx.lex.cues["visit_visitor_classes"]:
        return None
    return None if any(_at_home(ctx, named[0], key) for key in hosts) else named[0]


def _at_home(ctx: ev._Context, visitor: ev._Phrase, host: str) -> bool:
    """True when the visitor is the host or belongs to it, up the chain of affiliations (武汉市 is in
    China, 王毅 acts for China): nobody visits his own country."""
    return any(key == host or ev._within(ctx, key, host) for key in visitor.keys)
