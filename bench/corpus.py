"""A large synthetic corpus made by recombining the paragraphs of the seed articles.

Benchmarks need thousands of realistic articles; we only ship five. Each
synthetic article takes a title line and a random run of seed paragraphs, so
the text has the same mix of figures, punctuation and layout debris as the
real pages. The generator is seeded, so every run measures the same corpus.
"""

from __future__ import annotations

import random
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_paragraphs() -> list[str]:
    """Every non-empty line of every seed file, in file order."""
    lines: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines.extend(x for x in path.read_text(encoding="utf-8").splitlines() if x.strip())
    return lines


def build_corpus(n_articles: int, seed: int = 7) -> list[str]:
    """Return `n_articles` article texts of 4 to 12 paragraphs each."""
    rng = random.Random(seed)
    paragraphs = seed_paragraphs()
    long = [p for p in paragraphs if len(p) > 40]
    articles = []
    for i in range(n_articles):
        title = f"{rng.choice(paragraphs)[:18]}（{i}）"
        body = rng.sample(long, rng.randint(4, 12))
        articles.append(title + "\n\n" + "\n\n".join(body) + "\n")
    return articles


def write_corpus(folder: Path, n_articles: int, per_file: int = 1, seed: int = 7) -> int:
    """Write the corpus to `folder` as UTF-8 .txt files; return the bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    articles = build_corpus(n_articles, seed)
    total = 0
    for start in range(0, len(articles), per_file):
        text = "\n\n\n".join(articles[start : start + per_file])
        data = text.encode("utf-8")
        (folder / f"article_{start:06d}.txt").write_bytes(data)
        total += len(data)
    return total
