"""How well claims follow changed text, over every article of every seed, and how fast.

Run from the repository root: `.venv/bin/python bench/anchoring.py`. For each
seed article it marks every sentence and first clause as claims, applies the
six changes of tests/test_anchoring.py (a paragraph inserted, punctuation
normalised, a caption removed, sentences edited slightly, one moved, one
deleted), re-anchors, and prints claims landed right / orphaned right /
misplaced, counts by anchor kind, and the time taken.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_anchoring import TOLERANCE, change_six_ways, claim_spans, sentences_with_claims  # noqa: E402

from hecha import store  # noqa: E402

SEEDS = ROOT / "seeds"


def main() -> None:
    """Measure every article long enough for the six changes."""
    totals, kinds, seconds = Counter(), Counter(), 0.0
    with tempfile.TemporaryDirectory() as folder:
        db = store.open_db(Path(folder) / "bench.db")
        store.import_paths(db, sorted(SEEDS.glob("*.txt")))
        for summary in store.list_articles(db):
            view = store.get_article(db, summary.id)
            captions = [(b.start, b.end) for b in view.blocks if b.kind == "caption"]
            if len(sentences_with_claims(view.text, claim_spans(view.text))) < 31 or not captions:
                continue
            try:
                doc = change_six_ways(view.text, captions)
            except StopIteration:
                continue
            before = {}
            for start, end in claim_spans(view.text):
                claim = store.add_claim(db, summary.id, start, end)
                before[claim.id] = claim
            began = time.perf_counter()
            counts = store.reanchor_article(db, summary.id, doc.text)
            seconds += time.perf_counter() - began
            kinds.update(counts)
            for claim_id, old in before.items():
                new, expected = store.get_claim(db, claim_id), doc.expected(old.start, old.end)
                totals[verdict := _verdict(new, expected)] += 1
                if verdict != "right" and "-v" in sys.argv:
                    shown = doc.text[expected[0] : expected[1]] if expected else None
                    print(f"{verdict}: {old.quote!r} → {new.quote!r} ({new.anchor}); its text went to {shown!r}")
    total = sum(totals.values())
    print(
        f"claims {total}: right {totals['right']} ({totals['right'] / total:.1%}), "
        f"orphaned though placeable {totals['orphan-lost']}, misplaced {totals['wrong']}"
    )
    print("by anchor:", dict(kinds), f"· re-anchoring took {seconds:.2f} s")


def _verdict(new, expected) -> str:
    """right, orphan-lost (should have landed) or wrong (placed in the wrong place)."""
    if new.anchor == "orphan":
        return "right" if expected is None else "orphan-lost"
    if expected and abs(new.start - expected[0]) <= TOLERANCE and abs(new.end - expected[1]) <= TOLERANCE:
        return "right"
    return "wrong"


if __name__ == "__main__":
    main()
