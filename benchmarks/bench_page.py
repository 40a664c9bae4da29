"""How fast the network page opens and answers in headless Chromium, against a blank page in the same run.

Each PAGE is a ``network.html`` or a graph (``.ttl``), whose page is then
written first (the CPU and wall time of :func:`graph.viz.write_network` are
printed: what ``jishi build`` spends on the page). Each page is opened
``--repeat`` times in a fresh tab of headless Chromium (1400×900, every
request but the page's own blocked), and the script prints medians of:

- **readable**: from navigation start to the first frame painted after the
  network has nodes to draw (``window.jishi.network`` exists with nodes);
- **stable**: from navigation start to the end of the last long task (a
  main-thread task over 50 ms, from the Long Tasks API) once the main thread
  has been quiet for ``--quiet`` seconds: the page has settled;
- **search**: typing a name into the search box until the results list shows
  it and the next frame is painted, after the page is stable (how responsive
  it stays; it includes the page's wait for typing to stop);
- **keystroke**: one more key typed into the search box until the next painted
  frame (what a keystroke costs while one types);
- **main busy**: how long the renderer's main thread ran tasks up to
  "stable" (Chrome's ``TaskDuration``: wall time inside tasks, so it grows with
  the machine's load), and **browser CPU**: user+system CPU seconds of every
  Chromium process over the same span (psutil);

each also as a ratio against a blank page (a tiny HTML file with one script)
opened the same way in the same run, so figures taken at different machine
loads can be compared. The load average is printed at the start and the end.

    .venv/bin/python benchmarks/bench_page.py out/network.html /tmp/wildout/graph.ttl [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VIEWPORT = {"width": 1400, "height": 900}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
BLANK = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>blank</title></head>" \
        "<body><p>blank</p><script>window.blank = 1;</script></body></html>"
LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) { window.__longTasks.push(e.startTime + e.duration); });
}).observe({ type: "longtask", buffered: true });
"""
READY = {"blank": "() => window.blank === 1",
         "page": "() => window.jishi !== undefined && window.jishi.network !== undefined"
                 " && window.jishi.network.body.nodeIndices.length > 0"}
NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now()))))"
SEARCH_BOX = "[data-testid=search], #search"
SEARCH_TEXT = "王毅"
SEARCHED = "q => window.jishi.state.searched === undefined || window.jishi.state.searched === q"


def write_page(graph_path: Path, out: Path) -> tuple[Path, float, float]:
    """Write the page of a graph; returns it with the CPU and wall seconds of writing it (loading excluded)."""
    from graph import load
    from graph.viz import write_network

    graph = load(graph_path)
    cpu, wall = time.process_time(), time.perf_counter()
    page = write_network(graph, out)
    return page, time.process_time() - cpu, time.perf_counter() - wall


def browser_cpu() -> float:
    """User+system CPU seconds of every Chromium process started by this script."""
    import psutil

    total = 0.0
    for proc in psutil.Process().children(recursive=True):
        try:
            if "chrom" in proc.name().lower() or "headless" in proc.name().lower():
                times = proc.cpu_times()
                total += times.user + times.system
        except psutil.NoSuchProcess:
            continue
    return total


def open_once(browser, url: str, ready: str, quiet: float, timeout: float) -> dict[str, float]:
    """Open ``url`` in a fresh tab and time it (seconds); see the module docstring for each figure."""
    context = browser.new_context(viewport=VIEWPORT)
    tab = context.new_page()
    try:
        tab.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
        tab.add_init_script(LONG_TASKS)
        cdp = context.new_cdp_session(tab)
        cdp.send("Performance.enable")
        busy0 = _task_duration(cdp)
        cpu0 = browser_cpu()
        tab.goto(url, wait_until="commit", timeout=timeout * 1000)
        tab.wait_for_function(ready, timeout=timeout * 1000, polling=20)
        readable = tab.evaluate(NEXT_FRAME) / 1000
        stable = _settle(tab, readable, quiet, timeout)
        busy, cpu = _task_duration(cdp) - busy0, browser_cpu() - cpu0
        figures = {"readable": readable, "stable": stable, "main_busy": busy, "browser_cpu": cpu}
        if tab.locator(SEARCH_BOX).count():
            box = tab.locator(SEARCH_BOX).first
            start = time.perf_counter()
            box.fill(SEARCH_TEXT)
            tab.wait_for_function(SEARCHED, arg=SEARCH_TEXT, polling=20)
            tab.evaluate(NEXT_FRAME)
            figures["search"] = time.perf_counter() - start
            start = time.perf_counter()
            box.press("x")
            tab.evaluate(NEXT_FRAME)
            figures["keystroke"] = time.perf_counter() - start
        return figures
    finally:
        context.close()


def _task_duration(cdp) -> float:
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return metrics["TaskDuration"]


def _settle(tab, readable: float, quiet: float, timeout: float) -> float:
    """Seconds from navigation start to the end of the last long task, once none has come for ``quiet`` s."""
    deadline = time.perf_counter() + timeout
    last, seen = readable, -1
    while time.perf_counter() < deadline:
        tasks = tab.evaluate("() => window.__longTasks.slice()")
        if len(tasks) == seen:
            break
        seen = len(tasks)
        last = max([readable * 1000, *tasks]) / 1000
        time.sleep(quiet)
    return last


def measure(browser, path: Path, ready: str, repeat: int, quiet: float, timeout: float) -> dict[str, float]:
    """Medians of ``repeat`` openings of one file."""
    url = path.resolve().as_uri()
    runs = [open_once(browser, url, ready, quiet, timeout) for _ in range(repeat)]
    return {key: statistics.median(run[key] for run in runs) for key in runs[0] if all(key in r for r in runs)}


def report(name: str, figures: dict[str, float], blank: dict[str, float], size: int) -> None:
    print(f"{name}  ({size / 1e6:.1f} MB)")
    for key in ("readable", "stable", "main_busy", "browser_cpu", "search", "keystroke"):
        if key in figures:
            ratio = f"  = {figures[key] / blank[key]:.1f}× blank" if blank.get(key) else ""
            print(f"  {key:<12} {figures[key]:7.2f} s{ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="+", type=Path, help="network.html files, or graphs (.ttl) to write pages of")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quiet", type=float, default=2.0, help="seconds without a long task that count as stable")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--chromium", default=os.environ.get("JISHI_CHROMIUM") or shutil.which("chromium"))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory() as work:
        pages = []
        for index, given in enumerate(args.pages):
            if given.suffix == ".html":
                pages.append(given)
                continue
            page, cpu, wall = write_page(given, Path(work) / f"page{index}.html")
            print(f"write_network({given}): {cpu:.1f} CPU-s, {wall:.1f} s wall, {page.stat().st_size / 1e6:.1f} MB")
            pages.append(page)
        blank_path = Path(work) / "blank.html"
        blank_path.write_text(BLANK, encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            try:
                blank = measure(browser, blank_path, READY["blank"], args.repeat, args.quiet, args.timeout)
                report("blank page", blank, {}, blank_path.stat().st_size)
                for given, page in zip(args.pages, pages):
                    figures = measure(browser, page, READY["page"], args.repeat, args.quiet, args.timeout)
                    report(str(given), figures, blank, page.stat().st_size)
            finally:
                browser.close()
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
