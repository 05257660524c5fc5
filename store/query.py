"""The query language: words, quoted phrases and filters, parsed into safe SQL.

`新能源汽车 增长 kind:money value>=10亿 date:2024-01..2024-06 tag:数据`

Words are folded (traditional → simplified), segmented like the index and
each word quoted, so nothing a user types reaches FTS5's own syntax: `AND`,
`*`, `(`, `NEAR(` and stray quotes are words or punctuation, never operators.
The words of one term must stand near each other, in any order (search mode
puts the words inside a long word between its neighbours). Filters become SQL
conditions on the article `a` with bound parameters. Anything that cannot be
understood raises QueryError with a one-line message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .figures import KINDS
from .numerals import parse_number
from .script import fold
from .segment import query_words

FILTERS = ("kind", "value", "tag", "status", "source", "date", "has")
HAS = {"claims": "a.n_claims > 0", "figures": "a.n_figures > 0"}
_FILTER = re.compile(r"^([A-Za-z]+):(.*)$", re.S)
_VALUE = re.compile(r"^value(>=|<=|>|<|=)(.*)$", re.I | re.S)
_DATE = re.compile(r"^(?:19|20)[0-9]{2}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$")
_OPS = {">=": ">=", "<=": "<=", ">": ">", "<": "<", "=": "="}


class QueryError(ValueError):
    """A query that cannot be understood; the message says why in one line."""


@dataclass
class Query:
    """A parsed query: the words of each term, and filters as SQL with parameters."""

    terms: list[list[str]] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    values: list[tuple[str, float, bool]] = field(default_factory=list)
    filters: list[tuple[str, str, list[object]]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @property
    def words(self) -> list[str]:
        """Every word of every term (what a snippet highlights)."""
        return [w for term in self.terms for w in term]

    def match(self) -> str:
        """The FTS5 MATCH expression: every term, each word quoted."""
        return " AND ".join(_term_expression(term) for term in self.terms)

    def empty(self) -> bool:
        """True when there is neither a word nor a filter."""
        return not self.terms and not self.filters

    def figure_kinds(self) -> list[str]:
        """The kinds a figure must be of: those asked for, else percent for a value in %, else any."""
        return list(self.kinds) or (["percent"] if any(p for *_, p in self.values) else [])

    def add(self, key: str, sql: str, *params: object) -> None:
        """Add a filter: its key (tag, status, …), an SQL condition on articles `a`, its parameters."""
        self.filters.append((key, sql, list(params)))

    def where(self, skip: tuple[str, ...] = ()) -> tuple[list[str], list[object]]:
        """The SQL conditions and parameters of the filters, leaving out those keyed in `skip`."""
        kept = [f for f in self.filters if f[0] not in skip]
        return [sql for _, sql, _ in kept], [p for _, _, params in kept for p in params]


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _term_expression(words: list[str]) -> str:
    """One word quoted; several quoted inside NEAR, allowing search mode's extra words between."""
    if len(words) == 1:
        return _quote(words[0])
    return f"NEAR({' '.join(_quote(w) for w in words)}, {2 * len(words)})"


def split_terms(text: str) -> list[str]:
    """Whitespace-separated terms; "double quotes" keep spaces in one term (an unclosed one runs to the end)."""
    return [a or b for a, b in re.findall(r'"([^"]*)"?|(\S+)', text.replace("“", '"').replace("”", '"')) if a or b]


def parse(text: str, user_words: tuple[str, ...] = ()) -> Query:
    """Parse a query; QueryError (one line) when a filter is wrong or nothing is left to search."""
    query = Query()
    for term in split_terms(fold(text or "")):
        if value := _VALUE.match(term):
            query.values.append(_value(value.group(1), value.group(2)))
        elif (found := _FILTER.match(term)) and found.group(1).lower() in FILTERS:
            _filter(query, found.group(1).lower(), found.group(2).strip())
        elif found and not found.group(1).isdigit() and found.group(2) and not re.match(r"^//", found.group(2)):
            raise QueryError(f"unknown filter {found.group(1)}: (filters: {', '.join(f + ':' for f in FILTERS)})")
        else:
            words = [w.lower() for w in query_words(term, user_words)]
            if words:
                query.terms.append(words)
    _figure_condition(query)
    if query.empty():
        raise QueryError("nothing to search: type words or a filter such as kind:money or date:2024-03")
    return query


def _filter(query: Query, key: str, value: str) -> None:
    """Add one key:value filter."""
    if not value:
        raise QueryError(f"{key}: needs a value, e.g. {key}:{_EXAMPLES[key]}")
    if key == "kind":
        if value.lower() not in KINDS:
            raise QueryError(f"kind:{value}: unknown kind (kinds: {', '.join(KINDS)})")
        query.kinds.append(value.lower())
    elif key == "value":
        raise QueryError(f"value:{value}: write value>=, value<=, value>, value< or value= and a number")
    elif key == "tag":
        query.tags.append(value)
        query.add(
            "tag",
            "a.id IN (SELECT c.article_id FROM claims c JOIN claim_tags ct ON ct.claim_id = c.id "
            "JOIN tags t ON t.id = ct.tag_id WHERE lower(t.name) = lower(?))",
            value,
        )
    elif key == "status":
        from .claims import STATUSES  # claims sits above the index in the import order

        if value.lower() not in STATUSES:
            raise QueryError(f"status:{value}: unknown status (statuses: {', '.join(STATUSES)})")
        query.statuses.append(value.lower())
        query.add("status", "a.id IN (SELECT article_id FROM claims WHERE status = ?)", value.lower())
    elif key == "source":
        query.sources.append(value.lower())
        query.add("source", "a.source_id IN (SELECT id FROM sources WHERE instr(lower(name), ?) > 0)", value.lower())
    elif key == "date":
        _date(query, value)
    elif key == "has":
        if value.lower() not in HAS:
            raise QueryError(f"has:{value}: unknown (use {', '.join('has:' + h for h in HAS)})")
        query.add("has", HAS[value.lower()])


_EXAMPLES = {
    "kind": "money",
    "value": "10亿",
    "tag": "数据",
    "status": "false",
    "source": "2024",
    "date": "2024-03",
    "has": "claims",
}


def _date(query: Query, value: str) -> None:
    """date:2024, date:2024-03, date:2024-03-18 or a range date:2024-01..2024-06 (ends included)."""
    low, sep, high = value.partition("..")
    low, high = low.strip(), (high.strip() if sep else low.strip())
    for part in (low, high):
        if part and not _DATE.match(part):
            raise QueryError(f"date:{value}: write a date as 2024, 2024-03 or 2024-03-18, a range as 2024-01..2024-06")
    if low:
        query.add("date", "a.date >= ?", low)
    if high:
        query.add("date", "a.date <= ?", high + "\uffff")
    if not low and not high:
        raise QueryError(f"date:{value}: needs a date such as 2024-03")


def parse_value(text: str) -> tuple[float, bool]:
    """A number such as 1e9, 10亿, 3.5万亿元 or 5%: (value, is a percentage)."""
    text = text.strip().replace(",", "")
    percent = text.endswith("%")
    text = text.rstrip("%").strip()
    try:
        return float(text), percent
    except ValueError:
        pass
    for cut in range(0, 3):
        number = parse_number(text[: len(text) - cut]) if len(text) > cut else None
        if number is not None:
            return float(number), percent
    raise QueryError(f"value: cannot read {text!r} as a number (write 1e9, 10亿 or 5%)")


def _value(op: str, text: str) -> tuple[str, float, bool]:
    value, percent = parse_value(text)
    return _OPS[op], value, percent


def _figure_condition(query: Query) -> None:
    """kind: and value filters together: one figure of those kinds whose value passes every test."""
    if not query.kinds and not query.values:
        return
    sql, params = figure_test(query.figure_kinds(), query.values)
    query.add("figure", f"a.id IN (SELECT article_id FROM figures f WHERE {sql})", *params)


def figure_test(kinds: list[str], values: list[tuple[str, float, bool]]) -> tuple[str, list[object]]:
    """An SQL test on one figure `f`: one of `kinds` (any when empty) whose value passes every test."""
    sql, params = "1", []  # type: tuple[str, list[object]]
    if kinds:
        sql += f" AND f.kind IN ({', '.join('?' * len(kinds))})"
        params += kinds
    for op, value, _ in values:
        sql += f" AND coalesce(f.value, f.high, f.low) {op} ?"
        params.append(value)
    return sql, params
