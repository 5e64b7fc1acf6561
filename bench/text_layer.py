"""Time the text layer (read_document) over the bundled corpus:  python bench/text_layer.py"""
import time

from tarikh.corpus import paths
from tarikh.extract.text import read_document


def main() -> None:
    for round_ in ("first (imports, caches)", "second"):
        start = time.perf_counter()
        sources = [read_document(p) for p in paths()]
        elapsed = time.perf_counter() - start
        chars = sum(len(s.raw) for s in sources)
        print(f"{round_}: {elapsed:.3f} s for {chars} chars ({chars / elapsed / 1e6:.2f} M chars/s)")


if __name__ == "__main__":
    main()
