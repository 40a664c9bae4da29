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
# # Network analysis and the interactive view
#
# Two networks come out of the graph (`graph.viz`):
#
# - the **event network**: actors, events and statements; an event is linked to its
#   participants, a statement to its speaker and to the event it was said in;
# - the **actor–actor network**: two actors are linked when they take part in the same event,
#   and the edge's `weight` counts the events they share.
#
# `graph.stats` measures the actor–actor network (degree, betweenness, communities) and the
# activity over time; `graph.viz.write_network` writes the page that `jishi viz` writes.
# Set `JISHI_GRAPH` to read another graph and `JISHI_OUT` for where files go.

# %%
import os
from collections import Counter
from pathlib import Path

from graph import load
from graph.stats import actor_ranking, communities, compute_stats, format_stats, plot_stats, table
from graph.viz import actor_network, event_network, write_network

GRAPH = Path(os.environ.get("JISHI_GRAPH", "out/graph.ttl"))
OUT = Path(os.environ.get("JISHI_OUT", "out"))
g = load(GRAPH)

# %% [markdown]
# ## The event network

# %%
net = event_network(g)
kinds = Counter(kind for _, kind in net.nodes(data="kind"))
print(table(["kind", "nodes"], sorted(kinds.items())))
print(f"{net.number_of_edges()} links")

# %% [markdown]
# ## The actor–actor network
# The strongest ties: the pairs of actors who share the most events.

# %%
actors = actor_network(net)
print(f"{actors.number_of_nodes()} actors, {actors.number_of_edges()} ties")
name = dict(actors.nodes(data="label"))
ties = sorted(actors.edges(data="weight"), key=lambda e: (-e[2], name[e[0]], name[e[1]]))
print(table(["actor", "actor", "shared events"], [[name[a], name[b], w] for a, b, w in ties[:10]]))

# %% [markdown]
# ## Central actors
# Degree counts distinct counterparts; betweenness measures how often an actor lies on the
# shortest path between two others (edge length 1/shared events).

# %%
ranking = actor_ranking(net)
print(table(["actor", "class", "events", "partners", "betweenness"],
            [[r.label, r.cls, r.events, r.partners, f"{r.betweenness:.3f}"] for r in ranking[:10]]))

# %% [markdown]
# ## Communities
# Groups of actors who share events more among themselves than with others (greedy modularity).

# %%
groups = communities(net)
for number, group in enumerate(groups[:5], 1):
    members = sorted(group, key=lambda iri: -actors.degree(iri))
    print(f"{number}. {len(group)} actors:", "、".join(name[m] for m in members[:8]))

# %% [markdown]
# ## One actor's neighbourhood
# The counterparts of the best-connected person, with the number of events shared.

# %%
person = next(r for r in ranking if r.cls == "Person")
around = sorted(actors[person.iri].items(), key=lambda item: (-item[1]["weight"], name[item[0]]))
print(person.label)
print(table(["counterpart", "shared events"], [[name[other], data["weight"]] for other, data in around[:10]]))

# %% [markdown]
# ## Everything `jishi stats` prints, and its charts

# %%
stats = compute_stats(g)
print(format_stats(stats, top=10))

# %%
charts = plot_stats(stats, OUT / "plots")
print("\n".join(str(path) for path in charts))

# %% [markdown]
# ## The interactive view
# One self-contained HTML file (it works offline): open it in a browser. Filters by event type
# and date, search by name in Simplified or Traditional script, and a button for the
# actor–actor view.

# %%
page = write_network(g, OUT / "network.html")
print(f"{page} ({page.stat().st_size // 1024} kB)")
