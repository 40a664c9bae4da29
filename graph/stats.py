"""Network analytics over a saved graph: central actors, communities, activity over time.

>>> from graph import load                                    # doctest: +SKIP
>>> from graph.stats import compute_stats, format_stats       # doctest: +SKIP
>>> print(format_stats(compute_stats(load("out/graph.ttl")))) # doctest: +SKIP

Centrality and communities are computed on the *actor–actor network*
(:func:`graph.viz.actor_network`: two actors linked by the events they share,
weighted by how many), not on the actor–event bipartite graph: the questions
are "who deals with the most counterparts" and "who connects groups that
otherwise do not meet", and in the bipartite graph the event nodes would take
the betweenness that belongs to the actors who bridge. Degree is the number of
distinct counterparts; betweenness uses 1/weight as the length of an edge, so
actors who meet often are close. Communities come from greedy modularity
maximisation, which has no random seed and so gives the same answer every run.

Plots are written with matplotlib's Agg canvas (no display needed). Chinese
names need a CJK font: the first one ``fc-list :lang=zh`` reports is used (the
Makefile's ``browser`` target installs the small ``fonts-wqy-microhei``, which
Chromium needs for the network page too); without one, plots fall back to the
actors' English labels, then to their keys, so a chart never shows empty boxes.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import networkx as nx
import rdflib
from rdflib.namespace import RDFS

from . import viz
from .extras import require

__all__ = ["ActorRank", "Stats", "actor_ranking", "busiest_days", "communities", "compute_stats",
           "events_per_week", "format_stats", "plot_stats"]

BETWEENNESS_SAMPLE_ABOVE = 2000
"""Above this many actors, betweenness is estimated from a seeded sample of sources."""
BETWEENNESS_SAMPLE = 500
SEED = 7
PLOT_TOP = 15


@dataclass(frozen=True)
class ActorRank:
    """One actor's place in the network."""

    iri: str
    label: str
    cls: str
    events: int
    partners: int
    betweenness: float
    label_en: str = ""


@dataclass
class Stats:
    """Everything ``jishi stats`` prints and plots."""

    actors: list[ActorRank]
    communities: list[list[str]]
    weeks: dict[str, Counter]
    days: list[tuple[str, Counter]]
    daily: dict[str, Counter] = field(default_factory=dict)


def actor_ranking(graph: rdflib.Graph | nx.Graph) -> list[ActorRank]:
    """Every actor with its event count, distinct partners (degree) and betweenness, most partners first.

    ``graph`` is the rdflib graph or an :func:`graph.viz.event_network`.

    Examples
    --------
    >>> g = rdflib.Graph().parse(data='''
    ... @prefix jishi: <https://w3id.org/jishi/ontology#> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... <urn:a> a jishi:Person ; rdfs:label "王毅"@zh-Hans .
    ... <urn:b> a jishi:Person ; rdfs:label "谭德塞"@zh-Hans .
    ... <urn:e> a jishi:PhoneCall ; jishi:participant <urn:a>, <urn:b> .''', format="turtle")
    >>> [(r.label, r.events, r.partners) for r in actor_ranking(g)]
    [('王毅', 1, 1), ('谭德塞', 1, 1)]
    """
    net = graph if isinstance(graph, nx.Graph) else viz.event_network(graph)
    actors = viz.actor_network(net)
    between = _betweenness(actors)
    ranks = [ActorRank(iri=node, label=data["label"], cls=data["cls"],
                       events=sum(1 for o in net[node] if net.nodes[o]["kind"] == "event"),
                       partners=actors.degree(node), betweenness=round(between[node], 6))
             for node, data in actors.nodes(data=True)]
    return sorted(ranks, key=lambda r: (-r.partners, -r.events, -r.betweenness, r.label, r.iri))


def _betweenness(actors: nx.Graph) -> dict[str, float]:
    for _, _, data in actors.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    k = BETWEENNESS_SAMPLE if actors.number_of_nodes() > BETWEENNESS_SAMPLE_ABOVE else None
    return nx.betweenness_centrality(actors, k=k, weight="distance", seed=SEED)


def communities(graph: rdflib.Graph | nx.Graph) -> list[list[str]]:
    """Groups of actors that share events more among themselves (greedy modularity), largest first.

    Each group is a sorted list of actor IRIs; actors who share no event with anyone are left out.

    Examples
    --------
    >>> g = rdflib.Graph().parse(data='''
    ... @prefix jishi: <https://w3id.org/jishi/ontology#> .
    ... <urn:a> a jishi:Person . <urn:b> a jishi:Person . <urn:c> a jishi:Person .
    ... <urn:e> a jishi:PhoneCall ; jishi:participant <urn:a>, <urn:b> .''', format="turtle")
    >>> communities(g)
    [['urn:a', 'urn:b']]
    """
    net = graph if isinstance(graph, nx.Graph) else viz.event_network(graph)
    actors = viz.actor_network(net)
    linked = actors.subgraph(sorted(n for n in actors if actors.degree(n) > 0))
    if linked.number_of_edges() == 0:
        return []
    groups = nx.community.greedy_modularity_communities(linked, weight="weight")
    return sorted((sorted(g) for g in groups), key=lambda g: (-len(g), g))


def events_per_week(graph: rdflib.Graph | nx.Graph) -> dict[str, Counter]:
    """ISO week ("2020-W12") → event class → number of dated events, weeks in order.

    Examples
    --------
    >>> g = rdflib.Graph().parse(data='''
    ... @prefix jishi: <https://w3id.org/jishi/ontology#> .
    ... @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    ... <urn:e> a jishi:PhoneCall ; jishi:date "2020-03-19"^^xsd:date .''', format="turtle")
    >>> events_per_week(g)
    {'2020-W12': Counter({'PhoneCall': 1})}
    """
    weeks: dict[str, Counter] = defaultdict(Counter)
    for day, counts in _events_per_day(graph).items():
        year, week, _ = date.fromisoformat(day).isocalendar()
        weeks[f"{year}-W{week:02d}"].update(counts)
    return dict(sorted(weeks.items()))


def busiest_days(graph: rdflib.Graph | nx.Graph, top: int = 10) -> list[tuple[str, Counter]]:
    """The ``top`` days with the most events (ties by date), each with its count per class."""
    daily = _events_per_day(graph)
    ranked = sorted(daily.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    return ranked[:top]


def _events_per_day(graph: rdflib.Graph | nx.Graph) -> dict[str, Counter]:
    net = graph if isinstance(graph, nx.Graph) else viz.event_network(graph)
    days: dict[str, Counter] = defaultdict(Counter)
    for _, data in net.nodes(data=True):
        if data["kind"] == "event" and data["date"]:
            days[data["date"]][data["cls"]] += 1
    return dict(sorted(days.items()))


def compute_stats(graph: rdflib.Graph, top_days: int = 10) -> Stats:
    """All the analytics of ``jishi stats`` in one pass over the graph."""
    net = viz.event_network(graph)
    english = _english_labels(graph)
    actors = [ActorRank(**{**r.__dict__, "label_en": english.get(r.iri, "")}) for r in actor_ranking(net)]
    return Stats(actors=actors, communities=communities(net), weeks=events_per_week(net),
                 days=busiest_days(net, top_days), daily=_events_per_day(net))


def _english_labels(graph: rdflib.Graph) -> dict[str, str]:
    labels: dict[str, str] = {}
    for node, label in sorted(graph.subject_objects(RDFS.label)):
        if isinstance(label, rdflib.Literal) and (label.language or "").lower() == "en":
            labels.setdefault(str(node), str(label))
    return labels


# ---- text output ------------------------------------------------------------------------------

def format_stats(stats: Stats, top: int = 20) -> str:
    """Aligned plain-text tables (CJK characters count as two columns)."""
    labels = {a.iri: a.label for a in stats.actors}
    by_degree = stats.actors[:top]
    by_between = sorted(stats.actors, key=lambda r: (-r.betweenness, -r.partners, r.label, r.iri))[:top]
    types = sorted({cls for counts in stats.weeks.values() for cls in counts})
    sections = [
        f"Actors by degree (distinct partners in the actor–actor network), top {len(by_degree)} of {len(stats.actors)}",
        table(["#", "actor", "class", "events", "partners", "betweenness"],
              [[i, a.label, a.cls, a.events, a.partners, f"{a.betweenness:.3f}"] for i, a in enumerate(by_degree, 1)]),
        f"Actors by betweenness centrality (edge length 1/shared events), top {len(by_between)}",
        table(["#", "actor", "class", "betweenness", "partners"],
              [[i, a.label, a.cls, f"{a.betweenness:.3f}", a.partners] for i, a in enumerate(by_between, 1)]),
        f"Communities (greedy modularity on the actor–actor network): {len(stats.communities)}",
        table(["#", "size", "members"],
              [[i, len(group), _members(group, labels)] for i, group in enumerate(stats.communities, 1)]),
        "Events per ISO week and type",
        table(["week", *types, "total"],
              [[week, *(counts.get(t, 0) for t in types), sum(counts.values())]
               for week, counts in stats.weeks.items()]),
        f"Busiest days (top {len(stats.days)})",
        table(["date", "events", "by type"],
              [[day, sum(counts.values()), ", ".join(f"{c} {n}" for c, n in sorted(counts.items()))]
               for day, counts in stats.days]),
    ]
    return "\n\n".join(f"{heading}\n{body}" for heading, body in zip(sections[::2], sections[1::2], strict=True)) + "\n"


def _members(group: list[str], labels: dict[str, str], limit: int = 8) -> str:
    names = [labels.get(iri, iri) for iri in group]
    return "、".join(names[:limit]) + (f" … (+{len(names) - limit})" if len(names) > limit else "")


def table(headers: list[str], rows: list[list]) -> str:
    """Rows as an aligned text table; numbers right-aligned, text left-aligned.

    >>> print(table(["actor", "events"], [["王毅", 3], ["WHO", 12]]))
    actor  events
    -----  ------
    王毅        3
    WHO        12
    """
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(headers))]
    numeric = [all(_is_number(row[i]) for row in cells[1:]) and len(cells) > 1 for i in range(len(headers))]
    lines = [_row(cells[0], widths, [False] * len(widths)), "  ".join("-" * w for w in widths)]
    lines += [_row(row, widths, numeric) for row in cells[1:]]
    return "\n".join(line.rstrip() for line in lines)


def _row(cells: list[str], widths: list[int], right: list[bool]) -> str:
    padded = [(" " * (w - _width(c)) + c) if r else (c + " " * (w - _width(c)))
              for c, w, r in zip(cells, widths, right, strict=True)]
    return "  ".join(padded)


def _width(text: str) -> int:
    """Terminal columns: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# ---- plots -------------------------------------------------------------------------------------

def plot_stats(stats: Stats, outdir: str | os.PathLike, top: int = PLOT_TOP) -> list[Path]:
    """Write ``timeline.png`` (events per day, stacked by type) and ``top_actors.png`` into ``outdir``."""
    require("matplotlib", "plot", "charts (plot_stats, jishi stats --plot)")
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    from matplotlib import rc_context

    font = _cjk_font()
    with rc_context({"font.family": [font, "DejaVu Sans"]} if font else {}):
        return [_plot_timeline(stats, outdir / "timeline.png"),
                _plot_top_actors(stats, outdir / "top_actors.png", font, top)]


@lru_cache(maxsize=1)
def _cjk_font() -> str | None:
    """The family name of an installed CJK font, registered with matplotlib; None if there is none."""
    if not shutil.which("fc-list"):
        return None
    found = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, check=False)
    paths = sorted(line.split(":")[0].strip() for line in found.stdout.splitlines() if line.strip())
    if not paths:
        return None
    from matplotlib import font_manager

    font_manager.fontManager.addfont(paths[0])
    return font_manager.FontProperties(fname=paths[0]).get_name()


def _display_name(rank: ActorRank, font: str | None) -> str:
    if font or rank.label.isascii():
        return rank.label
    if rank.label_en:
        return rank.label_en
    tail = rank.iri.rsplit("/actor/", 1)[-1]
    return tail if tail.isascii() else f"actor {rank.iri.rsplit('/', 1)[-1].encode('unicode_escape').decode()}"


def _figure():
    from matplotlib.figure import Figure

    return Figure(figsize=(10, 5.5), dpi=110, layout="constrained")


def _plot_timeline(stats: Stats, path: Path) -> Path:
    fig = _figure()
    ax = fig.add_subplot()
    days = sorted(stats.daily)
    types = sorted({cls for counts in stats.daily.values() for cls in counts})
    colours = _class_colours(types)
    bottom = [0] * len(days)
    xs = [date.fromisoformat(d) for d in days]
    for cls in types:
        heights = [stats.daily[d].get(cls, 0) for d in days]
        ax.bar(xs, heights, bottom=bottom, color=colours[cls], label=cls, width=0.8)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.set_title("Events per day by type")
    ax.set_ylabel("events")
    ax.yaxis.get_major_locator().set_params(integer=True)
    if types:
        ax.legend(loc="upper left", fontsize="small", ncols=2)
    fig.autofmt_xdate()
    fig.savefig(path, metadata={"Software": None})
    return path


def _plot_top_actors(stats: Stats, path: Path, font: str | None, top: int) -> Path:
    fig = _figure()
    ax = fig.add_subplot()
    ranked = sorted(stats.actors, key=lambda r: (-r.events, -r.partners, r.label, r.iri))[:top]
    names = [_display_name(r, font) for r in reversed(ranked)]
    ax.barh(names, [r.events for r in reversed(ranked)], color="#4e79a7", label="events")
    ax.barh(names, [r.partners for r in reversed(ranked)], color="#f28e2b", height=0.35, label="partners")
    ax.set_title(f"Top {len(ranked)} actors by number of events")
    ax.set_xlabel("count")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="lower right", fontsize="small")
    fig.savefig(path, metadata={"Software": None})
    return path


def _class_colours(types: list[str]) -> dict[str, str]:
    """The network page's colour for each event class, so charts and page agree."""
    net = nx.Graph()
    net.add_nodes_from((t, {"kind": "event", "cls": t}) for t in types)
    return {cls: colour for (_, cls), colour in viz.class_colours(net).items()}
