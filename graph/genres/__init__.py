"""Genre modules: how a document of one genre is cut into dated blocks.

Each module declares its layout cues (``ontology/lexicon/<genre>.yaml``) and a
``classify`` function that ``graph.structure`` calls on the document's lines.
"""
