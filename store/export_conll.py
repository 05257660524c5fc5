"""CoNLL-style BIO export: jieba tokens of each article, one per line, with a B-/I-/O label.

For training or evaluating a claim tagger. Each article starts with a
`-DOCSTART- -X- O O` line (CoNLL-2003); sentences (store.sentences) are separated by blank lines;
each line is `TOKEN LABEL`, the label `B-<tags>` on the first token of a
claim, `I-<tags>` on the rest, `O` outside, where <tags> joins the claim's
tags as the doccano export does. Tokens are jieba's words with numbers kept whole (store.sentences.word_bounds), cut at claim edges so every
claim is exactly a run of tokens; whitespace is not a token. Where claims
overlap, the earlier claim keeps the overlapping tokens. Orphans are left out.
"""

from __future__ import annotations

from itertools import pairwise

from .annotation_export import by_article, joined_label, placed
from .sentences import sentence_spans, word_bounds


def to_conll(records: list[dict], texts: dict[int, str], **_options) -> str:
    """The BIO file for the articles of the claims."""
    blocks = []
    for article_id, claims in by_article(records).items():
        blocks.append("-DOCSTART- -X- O O\n\n" + _article(texts[article_id], placed(claims)))
    return "".join(blocks)


def _article(text: str, claims: list[dict]) -> str:
    """One article's sentences, a blank line after each."""
    labels = _char_labels(len(text), claims)
    edges = {c["start"] for c in claims} | {c["end"] for c in claims}
    out = []
    for start, end in sentence_spans(text) or [(0, len(text))]:
        lines = [f"{token} {_label(labels, s, e)}" for token, s, e in _tokens(text, start, end, edges)]
        if lines:
            out.append("\n".join(lines) + "\n\n")
    return "".join(out)


def _char_labels(length: int, claims: list[dict]) -> list[tuple[int, str] | None]:
    """For each character, (claim start, label) of the first claim covering it, or None."""
    labels: list[tuple[int, str] | None] = [None] * length
    for claim in claims:
        for i in range(claim["start"], min(claim["end"], length)):
            if labels[i] is None:
                labels[i] = (claim["start"], joined_label(claim["tags"]))
    return labels


def _tokens(text: str, start: int, end: int, edges: set[int]):
    """(token, start, end) of the jieba words of text[start:end] (numbers whole), cut at claim edges.

    Whitespace is dropped: a token never contains a space, so `TOKEN LABEL` splits cleanly.
    """
    bounds = sorted({start + b for b in word_bounds(text[start:end])} | {e for e in edges if start < e < end})
    for s, e in pairwise(bounds):
        piece, cursor = text[s:e], 0
        for token in piece.split():
            cursor = piece.index(token, cursor)
            yield token, s + cursor, s + cursor + len(token)
            cursor += len(token)


def _label(labels: list, start: int, end: int) -> str:
    """B-/I-/O for the token start–end."""
    mark = labels[start]
    if mark is None:
        return "O"
    claim_start, label = mark
    return f"{'B' if start == claim_start or (start > 0 and labels[start - 1] != mark) else 'I'}-{label}"
