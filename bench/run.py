"""Build benchmark (`make bench`): the bundled corpus and 4x and 16x copies of it, 1 and 2 worker processes.

    python bench/run.py [--copies 1,4,16] [--workers 1,2] [--runs 5]
    python bench/run.py --profile        # where the time of one build of the corpus goes, by stage

Each build is a fresh `python -m tarikh build --no-cache` subprocess (wall time includes start-up); peak RSS is
the largest sum of the resident memory of the build and all its processes, sampled every 20 ms. The floor is
spaCy's blank Kazakh tokenizer (`make_doc`) over every paragraph of the same texts, timed here; the floor
process is the like-for-like one: a fresh `python` that imports spaCy, makes the blank Kazakh language, reads the
same files and tokenizes every line of them, timed from outside as the build is. Then: a rebuild
after one file changed (cache on), and the median latency of every canned query on the embedded store and on
rdflib's engine over the same graph (bench/queries.py's timing). Targets on 2 cores: 1x <= 3 s and <= 2.5x the
floor, 16x <= 17x the 1x time, peak RSS <= 1 GB, canned queries <= 10 ms.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from tarikh.corpus import paths as corpus_paths

BENCH = Path(__file__).resolve().parent
SAMPLE_SECONDS = 0.02
SUMMARY_NUMBERS = {"events": r"^events: (\d+)", "triples": r"^triples: (\d+)", "reused": r"(\d+) reused",
                   "seconds": r"^seconds: ([\d.]+)"}


def timing_helpers():
    """bench/queries.py, loaded by path (its name would clash with the `queries` folder)."""
    spec = importlib.util.spec_from_file_location("bench_queries", BENCH / "queries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def copy_corpus(folder: Path, copies: int) -> tuple[Path, int]:
    """`copies` renamed copies of the corpus in `folder`; the folder and its size in characters."""
    folder.mkdir(parents=True)
    chars = 0
    for copy in range(copies):
        for path in corpus_paths():
            shutil.copyfile(path, folder / f"c{copy:02d}_{path.name}")
            chars += len(path.read_text(encoding="utf-8"))
    return folder, chars


def tree_rss(process: psutil.Process) -> int:
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_build(texts: Path, out: Path, workers: int, cache: bool = False) -> dict[str, float | str]:
    """One `tarikh build` subprocess: wall seconds, peak RSS (MB) and the numbers of its summary."""
    command = [sys.executable, "-m", "tarikh", "build", str(texts), "--out", str(out), "--workers", str(workers)]
    started = time.perf_counter()
    child = subprocess.Popen(command + ([] if cache else ["--no-cache"]), stderr=subprocess.PIPE, text=True)
    watched, peak = psutil.Process(child.pid), 0
    try:
        while child.poll() is None:
            peak = max(peak, tree_rss(watched))
            time.sleep(SAMPLE_SECONDS)
    except BaseException:
        child.kill()
        raise
    wall = time.perf_counter() - started
    summary = child.stderr.read()
    if child.returncode:
        raise SystemExit(f"bench: build failed: {summary.strip()}")
    figures: dict[str, float | str] = {"wall": wall, "rss_mb": peak / 2**20}
    for name, pattern in SUMMARY_NUMBERS.items():
        match = re.search(pattern, summary, re.M)
        figures[name] = float(match.group(1)) if match else 0
    stages = re.search(r"^seconds: [\d.]+ \((.*)\)", summary, re.M)
    figures["stages"] = stages.group(1) if stages else ""
    return figures


def tokenizer_floor(copies: int) -> float:
    """Seconds for spaCy's blank kk tokenizer over every paragraph of `copies` copies of the corpus."""
    import spacy

    from tarikh.extract.text import read_document

    nlp = spacy.blank("kk")
    paragraphs = []
    for path in corpus_paths():
        source = read_document(path)
        paragraphs += [source.clean[p.start:p.end] for p in source.paragraphs]
    nlp.make_doc("warm up")
    started = time.perf_counter()
    for _ in range(copies):
        for paragraph in paragraphs:
            nlp.make_doc(paragraph)
    return time.perf_counter() - started


FLOOR_SCRIPT = """
import sys
from pathlib import Path
import spacy
nlp = spacy.blank("kk")
for path in sorted(Path(sys.argv[1]).iterdir()):
    for line in path.read_text(encoding="utf-8").splitlines():
        nlp.make_doc(line)
"""


def floor_process(texts: Path) -> float:
    """Wall seconds of a fresh process that starts Python and spaCy and tokenizes every line of `texts`."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", FLOOR_SCRIPT, str(texts)], check=True)
    return time.perf_counter() - started


def build_table(work: Path, copies: list[int], workers: list[int]) -> dict[tuple[int, int], dict]:
    print(f"{'corpus':>7s} {'workers':>7s} {'wall s':>7s} {'build s':>7s} {'chars/s':>9s} {'peak MB':>8s} "
          f"{'events':>7s} {'triples':>8s} {'floor s':>7s} {'x floor':>7s} {'process':>7s} {'x proc':>6s}  stages (s)")
    rows = {}
    for count in copies:
        texts, chars = copy_corpus(work / f"texts_{count}", count)
        floor, process = tokenizer_floor(count), floor_process(texts)
        for worker_count in workers:
            row = run_build(texts, work / f"out_{count}_{worker_count}", worker_count)
            rows[count, worker_count] = row
            print(f"{count:>6d}x {worker_count:>7d} {row['wall']:7.2f} {row['seconds']:7.2f} "
                  f"{chars / row['wall']:9.0f} {row['rss_mb']:8.0f} {row['events']:7.0f} {row['triples']:8.0f} "
                  f"{floor:7.2f} {row['wall'] / floor:7.1f} {process:7.2f} {row['wall'] / process:6.1f}  "
                  f"{row['stages']}", flush=True)
    for worker_count in workers:
        if (1, worker_count) in rows:
            for count in copies[1:]:
                ratio = rows[count, worker_count]["wall"] / rows[1, worker_count]["wall"]
                print(f"scaling, {worker_count} worker(s): {count}x corpus takes {ratio:.1f}x the 1x wall time")
    return rows


def incremental(work: Path) -> None:
    """A cached build, a rebuild with nothing changed, and one after appending a sentence to one file."""
    texts, _ = copy_corpus(work / "texts_incremental", 1)
    out = work / "out_incremental"
    first = run_build(texts, out, 1, cache=True)
    same = run_build(texts, out, 1, cache=True)
    changed_file = sorted(texts.iterdir())[0]
    with open(changed_file, "a", encoding="utf-8") as handle:
        handle.write("1995 жылғы 30 тамызда республикалық референдумда Қазақстанның жаңа Конституциясы қабылданды.\n")
    changed = run_build(texts, out, 1, cache=True)
    print(f"\nincremental (1 worker): first {first['wall']:.2f} s; unchanged rebuild {same['wall']:.2f} s "
          f"({same['reused']:.0f} reused); after editing {changed_file.name}: {changed['wall']:.2f} s "
          f"({changed['reused']:.0f} reused)  stages: {changed['stages']}")


def query_latency(out: Path, runs: int) -> None:
    import rdflib

    from tarikh.graph import sparql

    median_ms = timing_helpers().median_ms
    engine = sparql.EmbeddedEngine(out / "store")
    graph = rdflib.Graph().parse(str(out / "graph.ttl"), format="turtle")
    print(f"\ncanned queries on {out.name} ({len(graph)} triples), median of {runs} runs")
    print(f"{'query':26s} {'rows':>6s} {'oxigraph ms':>12s} {'rdflib ms':>10s}")
    oxigraph_times = []
    for name, query in sparql.canned().items():
        oxi, rows = median_ms(lambda: len(engine.run(query.text).rows), runs)
        lib, _ = median_ms(lambda: len(list(graph.query(query.text))), max(1, runs // 2))
        oxigraph_times.append(oxi)
        print(f"{name:26s} {rows:6d} {oxi:12.1f} {lib:10.1f}")
    print(f"median over the queries: oxigraph {statistics.median(oxigraph_times):.1f} ms, "
          f"slowest {max(oxigraph_times):.1f} ms")


# Stage → the functions whose cumulative time it is: (end of the file path, function name).
PROFILE_STAGES = {
    "imports (spaCy, tables)": [("<frozen importlib._bootstrap>", "_find_and_load")],
    "read + text layer": [("extract/text.py", "read_document")],
    "learned aliases": [("extract/aliases.py", "learn_aliases")],
    "trigger pre-filter": [("extract/triggers.py", "may_hold_trigger")],
    "spaCy tokenizer": [("spacy/language.py", "make_doc")],
    "dates": [("extract/dates.py", "find_dates")],
    "actors": [("extract/actors.py", "__call__")],
    "triggers": [("extract/triggers.py", "__call__")],
    "discourse dates": [("extract/pipeline.py", "resolve_discourse_dates")],
    "event mentions": [("extract/events.py", "extract_mentions")],
    "shards (write + read)": [("tarikh/cache.py", "put"), ("tarikh/cache.py", "mentions")],
    "merge": [("extract/merge.py", "merge_events")],
    "RDF conversion": [("graph/rdf.py", "to_dataset")],
    "SHACL": [("graph/shacl.py", "validate")],
    "Turtle": [("graph/rdf.py", "write_turtle")],
    "store": [("graph/store.py", "write_store")],
}


def profile_build(work: Path) -> None:
    """cProfile over one in-process build of the corpus (imports included): seconds per stage, hottest functions."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    from tarikh.builder import build

    build(None, work / "out_profile", cache=False)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = max(ct for (_, _, name), (_, _, _, ct, _) in stats.stats.items() if name == "build")
    print(f"profile of one build of the corpus (cProfile overhead included): build {total:.2f} s")
    for stage, functions in PROFILE_STAGES.items():
        seconds = sum(ct for (path, _, name), (_, _, _, ct, _) in stats.stats.items()
                      if (path.replace("\\", "/").endswith(functions[0][0]) and name == functions[0][1])
                      or any(path.endswith(p) and name == n for p, n in functions[1:]))
        print(f"  {stage:26s} {seconds:7.2f} s  {100 * seconds / total:5.1f} %")
    print("hottest functions (own time):")
    stats.sort_stats("tottime").print_stats(15)


def numbers(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=numbers, default=[1, 4, 16], help="corpus sizes (default 1,4,16)")
    parser.add_argument("--workers", type=numbers, default=[1, 2], help="worker counts (default 1,2)")
    parser.add_argument("--runs", type=int, default=5, help="runs per canned query (default 5)")
    parser.add_argument("--profile", action="store_true", help="profile one build by stage instead")
    parser.add_argument("--builds-only", action="store_true", help="only the build table")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tarikh-bench-") as folder:
        work = Path(folder)
        if args.profile:
            profile_build(work)
            return 0
        rows = build_table(work, args.copies, args.workers)
        if args.builds_only:
            return 0
        incremental(work)
        smallest = min(rows)
        query_latency(work / f"out_{smallest[0]}_{smallest[1]}", args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
