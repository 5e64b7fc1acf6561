"""Time the text layer (read_document) over the bundled corpus:  python bench/text_layer.py

Prints the first (cold: imports, tables, caches) and the best of five warm rounds, in wall-clock and in CPU
seconds (CPU time is steadier on a loaded machine), and whether py3langid's model had to be loaded.
"""
import sys
import time

from tarikh.corpus import paths
from tarikh.extract.text import read_document

ROUNDS = 5


def timed() -> tuple[float, float, int]:
    wall, cpu = time.perf_counter(), time.process_time()
    sources = [read_document(p) for p in paths()]
    return time.perf_counter() - wall, time.process_time() - cpu, sum(len(s.raw) for s in sources)


def main() -> None:
    wall, cpu, chars = timed()
    print(f"cold: {wall:.3f} s wall, {cpu:.3f} s CPU for {chars} chars")
    rounds = [timed() for _ in range(ROUNDS)]
    wall, cpu = min(r[0] for r in rounds), min(r[1] for r in rounds)
    print(f"warm (best of {ROUNDS}): {wall:.3f} s wall, {cpu:.3f} s CPU ({chars / wall / 1e6:.2f} M chars/s)")
    print(f"py3langid model loaded: {'py3langid.langid' in sys.modules}")


if __name__ == "__main__":
    main()
