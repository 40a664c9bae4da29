"""What the spaCy component costs: jishi's own per-document analysis against ``nlp.add_pipe("jishi")``.

Runs over the seed documents (repeated ``--rounds`` times), in one process, each text in turn:

* jishi: ``read.parse_document`` + ``pipeline.analyse`` + ``resolve.resolve`` of the one document,
  what the core does per document before writing;
* spaCy tokenizer: ``spacy.blank("zh").make_doc``, the character segmenter alone;
* component: ``nlp(text)`` with ``jishi`` in a blank Chinese pipeline: the tokenizer, the same
  analysis, the spans and the Doc attributes.

Prints characters per second of each, wall clock and CPU time, and the ratio component / jishi.

    .venv/bin/python benchmarks/bench_spacy.py [--rounds 5]
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(run: Callable[[str], object], texts: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``run`` over every text."""
    wall, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        run(text)
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="times over the seed documents")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    import spacy

    import graph.spacy_pipe  # noqa: F401  registers "jishi" from this tree, whatever the installed entry point names
    from graph import pipeline, read, resolve
    from graph.catalogue import load_catalogue

    catalogue = load_catalogue()
    nlp = spacy.blank("zh")
    nlp.add_pipe("jishi")
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))] * args.rounds
    chars = sum(map(len, texts))

    def jishi(text: str) -> object:
        return resolve.resolve([pipeline.analyse(read.parse_document(text, "doc"), catalogue)], catalogue)

    nlp(texts[0]), jishi(texts[0])  # warm caches (lexicon tables, automata) outside the timing
    results = {"jishi analysis": timed(jishi, texts), "spaCy tokenizer": timed(nlp.make_doc, texts),
               "component": timed(nlp, texts)}
    print(f"texts: {len(texts)} ({args.rounds} × the seeds), {chars:,} characters")
    for name, (wall, cpu) in results.items():
        print(f"{name:16} wall {wall:6.2f} s {chars / wall:10,.0f} chars/s | cpu {cpu:6.2f} s {chars / cpu:10,.0f} chars/s")
    (jw, jc), (cw, cc) = results["jishi analysis"], results["component"]
    print(f"component / jishi: {(chars / cw) / (chars / jw):.2f} of the speed (wall), {(chars / cc) / (chars / jc):.2f} (cpu)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
