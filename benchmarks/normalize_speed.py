"""Speed of the text stages (decode, each normalisation step, sentence splitting) in MB/s.

A corpus of about 20 MB is made of the seed texts (simplified, and traditional with pinyin
glosses as in seed 004), each line numbered so that no paragraph repeats (the repeat
detector would otherwise shrink the work); it is normalised once more with full-width
punctuation, as most web pages have it (the seeds were scraped with ASCII commas). The target
is 5 MB/s per core for the text stages.

Run: ``.venv/bin/python benchmarks/normalize_speed.py [MB]``.
"""
from __future__ import annotations

import sys
import time
from array import array

from kg import normalize
from kg.pipeline import default_corpus


def numbered_corpus(megabytes: float) -> str:
    """Seed lines, each prefixed by its number, up to about ``megabytes`` of UTF-8."""
    lines = [line for path in default_corpus()
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out, size, n = [], 0, 0
    while size < megabytes * 1e6:
        line = f"{n}.{lines[n % len(lines)]}"
        out.append(line)
        size += len(line.encode()) + 1
        n += 1
    return "\n".join(out)


def timed(label: str, megabytes: float, function, *args):
    started = time.perf_counter()
    result = function(*args)
    elapsed = time.perf_counter() - started
    print(f"{label:28s} {elapsed:7.3f} s {megabytes / elapsed:8.1f} MB/s")
    return result


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 20.0
    text = numbered_corpus(megabytes)
    data = text.encode("utf-8")
    size = len(data) / 1e6
    print(f"corpus: {size:.1f} MB, {len(text):,} characters")
    timed("decode", size, normalize.decode_bytes, data)
    current, index = text, array(normalize.OFFSET_TYPECODE, range(len(text) + 1))
    for step in normalize.STEPS:
        current, changes = timed(step.__name__, size, step, current)
        if changes:
            index = timed(f"  map ({len(changes):,} changes)", size,
                          normalize.apply_changes, index, changes)
    clean = timed("normalize_text (all steps)", size, lambda: normalize.normalize_text(text))[0]
    timed("split_sentences", size, normalize.split_sentences, clean)
    timed("make_document (all)", size, normalize.make_document, data, "bench.txt")
    full_width = text.replace(",", "，").replace(":", "：").replace(";", "；")
    size = len(full_width.encode()) / 1e6
    timed("same, full-width punctuation", size, normalize.normalize_text, full_width)


if __name__ == "__main__":
    main()
