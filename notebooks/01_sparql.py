# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # SPARQL over the jishi graph
#
# The graph written by `jishi build` (`out/graph.ttl`) is plain RDF in the vocabulary of the
# ontology contract: actors, events and statements, each with evidence pointing back to the
# exact sentence of the document it came from. This notebook loads it and asks it questions
# with SPARQL. Set `JISHI_GRAPH` to read another graph.
#
# `graph.load` holds the graph in the Oxigraph store (through `oxrdflib`), which runs SPARQL
# much faster than rdflib's own engine.

# %%
import os
from pathlib import Path

from rdflib import Literal
from rdflib.namespace import DCTERMS, RDFS, SKOS, XSD

from graph import JID, JISHI, load
from graph.stats import table

GRAPH = Path(os.environ.get("JISHI_GRAPH", "out/graph.ttl"))
g = load(GRAPH)
print(f"{len(g)} triples in {GRAPH}")

# %% [markdown]
# The contract's prefixes, bound once for every query below.

# %%
PREFIXES = {name: str(ns) for name, ns in
            {"jishi": JISHI, "jid": JID, "rdfs": RDFS, "skos": SKOS, "dcterms": DCTERMS, "xsd": XSD}.items()}


def ask(query: str) -> list[list[str]]:
    """Run a SELECT query; every value as text (empty when unbound)."""
    return [["" if value is None else str(value) for value in row] for row in g.query(query, initNs=PREFIXES)]


# %% [markdown]
# ## What is in the graph?
# Nodes per class: documents, actor classes, event classes, statements, evidence.

# %%
rows = ask("""
SELECT ?class (COUNT(?node) AS ?n) WHERE {
  ?node a ?class .
  FILTER(STRSTARTS(STR(?class), STR(jishi:)))
}
GROUP BY ?class ORDER BY DESC(?n) ?class
""")
print(table(["class", "nodes"], [[c.split("#")[-1], n] for c, n in rows]))

# %% [markdown]
# ## The documents
# One `jishi:Document` per input file, with its language (script) and genre.

# %%
rows = ask("""
SELECT ?id ?language ?genre ?date WHERE {
  ?doc a jishi:Document ; dcterms:identifier ?id .
  OPTIONAL { ?doc dcterms:language ?language }
  OPTIONAL { ?doc jishi:genre ?genre }
  OPTIONAL { ?doc dcterms:date ?date }
}
ORDER BY ?id
""")
print(table(["document", "language", "genre", "date"], rows))

# %% [markdown]
# ## Who took part in the most events?

# %%
rows = ask("""
SELECT ?name (COUNT(DISTINCT ?event) AS ?events) WHERE {
  ?event jishi:participant ?actor .
  ?actor rdfs:label ?name .
  FILTER(LANGMATCHES(LANG(?name), "zh-Hans"))
}
GROUP BY ?name ORDER BY DESC(?events) ?name LIMIT 10
""")
print(table(["actor", "events"], rows))

# %% [markdown]
# ## A person's phone calls, with the counterpart and who asked for the call
# 应约 ("at the request of") is recorded as `jishi:requestedBy`. A Python value goes into a
# query through its N-Triples form (`Literal.n3()`), which quotes and escapes it.

# %%
PERSON = "习近平"
rows = ask("""
SELECT ?date ?counterpart ?requester WHERE {
  ?person rdfs:label %s .
  ?call a jishi:PhoneCall ; jishi:participant ?person, ?other ; jishi:date ?date .
  FILTER(?other != ?person)
  ?other rdfs:label ?counterpart . FILTER(LANGMATCHES(LANG(?counterpart), "zh-Hans"))
  OPTIONAL { ?call jishi:requestedBy/rdfs:label ?requester . FILTER(LANGMATCHES(LANG(?requester), "zh-Hans")) }
}
ORDER BY ?date ?counterpart
""" % Literal(PERSON, lang="zh-Hans").n3())
print(f"{len(rows)} calls of {PERSON}")
print(table(["date", "counterpart", "requested by"], rows[:15]))

# %% [markdown]
# ## Messages: who sent one to whom

# %%
rows = ask("""
SELECT ?date ?from ?to WHERE {
  ?msg a jishi:Message ; jishi:provider/rdfs:label ?from ; jishi:recipient/rdfs:label ?to .
  OPTIONAL { ?msg jishi:date ?date }
  FILTER(LANGMATCHES(LANG(?from), "zh-Hans") && LANGMATCHES(LANG(?to), "zh-Hans"))
}
ORDER BY ?date ?from ?to
""")
print(table(["date", "from", "to"], rows[:15]))

# %% [markdown]
# ## What the World Health Organization and its people said
# A statement's speaker is the actor; `jishi:affiliation` links a person to the organisation.

# %%
rows = ask("""
SELECT ?date ?speaker ?verb ?text WHERE {
  ?who rdfs:label "世界卫生组织"@zh-Hans .
  ?s a jishi:Statement ; jishi:speaker ?actor ; jishi:text ?text .
  ?actor rdfs:label ?speaker . FILTER(LANGMATCHES(LANG(?speaker), "zh-Hans"))
  FILTER(?actor = ?who || EXISTS { ?actor jishi:affiliation ?who })
  OPTIONAL { ?s jishi:date ?date }
  OPTIONAL { ?s jishi:reportingVerb ?verb }
}
ORDER BY ?date ?speaker
""")
print(f"{len(rows)} statements")
print(table(["date", "speaker", "verb", "text"], [[d, s, v, t[:40]] for d, s, v, t in rows[:10]]))

# %% [markdown]
# ## The evidence behind an event
# Every fact points to the sentence it was read from: the quote, its document and offsets
# (`text[start:end] == quote` in the decoded document).

# %%
rows = ask("""
SELECT ?event ?doc ?start ?end ?quote WHERE {
  ?event a jishi:PhoneCall ; jishi:evidence ?ev .
  ?ev jishi:document/dcterms:identifier ?doc ; jishi:quote ?quote ; jishi:start ?start ; jishi:end ?end .
}
ORDER BY ?event ?doc ?start LIMIT 5
""")
print(table(["document", "start", "end", "quote"], [[d, s, e, q[:50]] for _, d, s, e, q in rows]))

# %% [markdown]
# ## Events told by more than one document

# %%
rows = ask("""
SELECT ?label (COUNT(DISTINCT ?doc) AS ?documents) WHERE {
  ?event jishi:evidence/jishi:document ?doc ; rdfs:label ?label .
  VALUES ?class { jishi:PhoneCall jishi:Meeting jishi:Message jishi:VideoConference jishi:Summit
                  jishi:PressConference jishi:Aid jishi:ExpertTeam jishi:InfoSharing jishi:Visit }
  ?event a ?class .
}
GROUP BY ?label HAVING (COUNT(DISTINCT ?doc) > 1)
ORDER BY DESC(?documents) ?label LIMIT 10
""")
print(table(["event", "documents"], rows))

# %% [markdown]
# ## A timeline: events per day and type

# %%
rows = ask("""
SELECT ?date ?class (COUNT(?event) AS ?n) WHERE {
  VALUES ?class { jishi:PhoneCall jishi:Meeting jishi:Message jishi:VideoConference jishi:Summit
                  jishi:PressConference jishi:Aid jishi:ExpertTeam jishi:InfoSharing jishi:Visit }
  ?event a ?class ; jishi:date ?date .
}
GROUP BY ?date ?class ORDER BY ?date ?class
""")
print(table(["date", "type", "events"], [[d, c.split("#")[-1], n] for d, c, n in rows[-12:]]))
