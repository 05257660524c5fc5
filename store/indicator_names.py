"""Reading the names around a figure: the place, the indicator's noun phrase, the base, lists under 分别.

The words come from the tables in `store/data/` (heads.txt, cues.tsv,
bases.tsv, places.tsv, aliases.tsv); store.indicators puts the readings
together with periods into indicators.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from . import cues
from .figures import Figure
from .script import fold
from .units import alternation

_DATE_TAIL = re.compile(r"(?:月份?|季度|日)(?:末|底|以来)?")
ASIDE = re.compile(r"[（(][^（）()]{1,8}[）)]")  # 地区生产总值（GDP）: the gloss is dropped
_JOINERS = frozenset("与和及的在对从向到把被由以是、")
MAX_NAME = 20
HAN = "\u4e00-\u9fff"


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern]:
    """Compiled patterns from the tables."""
    places = cues.table("places.tsv")
    suffix = alternation(list(places["suffix"]))
    before = "".join(places["before"])
    bases = cues.pairs("bases.tsv")
    full = [name for name, value in known_places().items() if name == value]
    short = [name for name, value in known_places().items() if name != value]
    org = alternation(list(places.get("org", ())))
    known = f"{alternation(full)}|(?:{alternation(short)})(?![{HAN}]{{0,8}}?(?:{org}))"
    return {
        "named": re.compile(
            rf"(?P<known>{known})|(?:^|(?<=[^{HAN}])|(?<=[{before}]))(?![{before}])(?P<name>[{HAN}]{{2,6}}?(?:{suffix}))"
        ),
        "lead": re.compile(
            rf"(?:(?:{alternation(list(places['deictic']))})(?:{suffix})|(?:{known})|[{HAN}]{{2,6}}?(?:{suffix}))"
        ),
        "deictic": re.compile(rf"^(?:{alternation(list(places['deictic']))})(?P<suffix>{suffix})$"),
        "not_start": re.compile(alternation(list(places["not_start"]))),
        "not_place": re.compile(rf"(?:{alternation(list(places['not_place']))})$"),
        "base": re.compile(rf"(?:{alternation(list(bases))})$"),
        "link": re.compile(rf"(?:{cues.pattern('link')}|{cues.pattern('up')}|{cues.pattern('down')})$"),
        "stop": re.compile(rf"(?:{cues.pattern('stop')})"),
        "head": re.compile(rf"(?:{alternation(list(cues.heads()))})$"),
        "period": re.compile(alternation(list(cues.pairs("periods.tsv")))),
        "lead_word": re.compile(cues.pattern("lead")),
        "alias": re.compile(alternation(list(cues.pairs("aliases.tsv")))),
        "until": re.compile(rf"(?:{cues.pattern('until')})$"),
        "among": re.compile(rf"(?:{alternation(list(cues.heads()))})中"),  # 企业中高新技术企业…: among them
        "planned": re.compile(rf"(?:{cues.pattern('plan')})$"),  # 计划完成投资: 完成 is part of a plan's name
    }


_SHORTENED = re.compile(r"(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$")


@lru_cache(maxsize=1)
def known_places() -> dict[str, str]:
    """Province-level and major city names (places.tsv `known`), full and without their suffix
    (安徽 → 安徽省, 广西 → 广西壮族自治区, 北京 → 北京市), each mapped to the full name."""
    found: dict[str, str] = {}
    for full in cues.table("places.tsv").get("known", ()):
        found[full] = full
        short = _SHORTENED.sub("", full)
        if len(short) >= 2:
            found.setdefault(short, full)
    return found


def shortened(name: str) -> bool:
    """A province or city written without its suffix (安徽, 南昌): often the start of a company's or
    project's name (南昌欣旺达), so it names a place only next to the figure, never for a whole paragraph."""
    full = known_places().get(name)
    return full is not None and full != name


def is_place(name: str) -> bool:
    """Whether a matched name is a place: not a common word (城市, 小区) and not …全市."""
    if name in known_places():
        return True
    if patterns()["not_place"].search(name) or patterns()["deictic"].match(name) or patterns()["not_start"].match(name):
        return False
    if any(c in _JOINERS for c in name[2:-1]):
        return False  # 巩固与江西省: a phrase running into the name
    return not any(patterns()["deictic"].match(name[i:]) for i in range(1, len(name) - 1))


def named_places(text: str) -> list[tuple[int, str]]:
    """(offset, name) of each place named in folded text (江西省, 青山湖区, 宜春经开区)."""
    found = []
    for m in patterns()["named"].finditer(text):
        group = "known" if m.group("known") else "name"
        if is_place(m.group(group)):
            found.append((m.start(group), known_places().get(m.group(group), m.group(group))))
    return found


def home_place(head: str) -> str | None:
    """The place an article is about: the first one named in its title or first lines; a short name
    (安徽, 青岛) counts in the title only, since the body names other places in passing."""
    folded = fold(head)
    title_end = folded.find("\n")
    for m in patterns()["named"].finditer(folded):
        written = m.group("known") or m.group("name")
        if not is_place(written):
            continue
        full = known_places().get(written, written)
        if written == full or title_end < 0 or m.start() < title_end:
            return full
    return None


def resolve_place(word: str | None, home: str | None) -> str | None:
    """全区/该市 → the article's own place when its suffix agrees, else the word itself."""
    if word is None:
        return home
    m = patterns()["deictic"].match(word)
    if m and home and home.endswith(m.group("suffix")):
        return home
    return known_places().get(word, word)


def strip_predicate(head: str) -> tuple[str, str | None]:
    """The clause before a figure without its verbs and links (完成, 同比增长, 为); and the base."""
    base = None
    bases = cues.pairs("bases.tsv")
    while head:
        m = patterns()["base"].search(head) or patterns()["link"].search(head)
        if not m:
            break
        if m.group() in bases:
            base = base or bases[m.group()]
        head = head[: m.start()]
    return head, base


def _lead_places(phrase: str) -> tuple[str | None, str]:
    """The last of the places (and period words) opening a phrase, and the rest of it."""
    place = None
    while phrase:
        if skip := patterns()["period"].match(phrase) or patterns()["lead_word"].match(phrase) or _date_tail(phrase):
            phrase = phrase[skip.end() :]
            continue
        m = patterns()["lead"].match(phrase)
        if not m or len(m.group()) == len(phrase):
            break
        if not patterns()["deictic"].match(m.group()) and not is_place(m.group()):
            break
        place, phrase = m.group(), phrase[m.end() :]
    return place, phrase


def strip_place(phrase: str) -> str:
    """A phrase without the places (and period words) opening it: 同期全省进出口总值 → 进出口总值."""
    return _lead_places(phrase)[1]


_INDUSTRY = re.compile(r"[\u4e00-\u9fff]{1,6}?业")


def _cuts(phrase: str, stop: re.Match) -> bool:
    """Whether a stop word ends the name on its left: not 完成 after a plan word (计划完成投资), not 和
    inside an industry's name (批发和零售业, 水生产和供应业)."""
    if patterns()["planned"].search(phrase, 0, stop.start()):
        return False
    industry = _INDUSTRY.match(phrase, stop.end()) if stop.group() in ("和", "与") else None
    return industry is None or industry.group().endswith(cues.words("not_industry"))


def _date_tail(phrase: str) -> re.Match | None:
    """The end of a date cut off by the digits before it (1-5月全省… → 月), when a place follows it."""
    tail = _DATE_TAIL.match(phrase)
    return tail if tail and patterns()["lead"].match(phrase, tail.end()) else None


@lru_cache(maxsize=1)
def _not_among() -> frozenset[str]:
    """Words where 中 is no 'among' (中国, 中心 …), from cues.tsv `not_in`."""
    return frozenset(cues.words("not_in"))


def read_name(phrase: str) -> tuple[str | None, str | None]:
    """(place, indicator) of a noun phrase: leading places, then the indicator ending in a head noun."""
    place, phrase = _lead_places(phrase)
    stops = [m for m in patterns()["stop"].finditer(phrase) if _cuts(phrase, m)]
    stops += [m for m in patterns()["among"].finditer(phrase) if phrase[m.end() - 1 : m.end() + 1] not in _not_among()]
    stops.sort(key=lambda m: m.end())
    if stops:
        phrase = phrase[stops[-1].end() :]
    inner, phrase = _lead_places(phrase)
    place = inner or place
    phrase = phrase.lstrip("的")[-MAX_NAME:]
    if not phrase or not patterns()["head"].search(phrase):
        return place, None
    return place, full_name(phrase)


def full_name(name: str) -> str:
    """An indicator with its short forms written out (规上工业增加值 → 规模以上工业增加值), so articles match."""
    aliases = cues.pairs("aliases.tsv")
    if not patterns()["alias"].search(name):
        return name
    return patterns()["alias"].sub(lambda m: aliases[m.group()], name)


_DIGITS = re.compile(r"[0-9０-９]")
_LIST_SPLIT = re.compile(r"[和与及、]")
_LISTED = re.compile(r"[和与及、,，]")
_COUNTED = re.compile(r"^[两三四五六七八九十几多]+[地省市县区镇]")  # 两地社会消费品零售总额: 两地 names nothing


def respectively(folded: str, figures: list[Figure]) -> dict[int, tuple[str | None, str, str | None]]:
    """Figure start → (place, indicator, base) where a list of names is followed by 分别 and as many figures.

    `工业增加值和固定资产投资分别增长5.1%和7.4%` gives each figure its own indicator;
    `甲市、乙县社会消费品零售总额分别为…` each its own place and the shared indicator;
    `粮食、油料、蔬菜产量分别达到…` each name the shared head noun (粮食产量). A clause
    that opens with 分别 (`…，分别增长6%和4%`) takes the list before it in the sentence.
    A list whose count does not match the figures' is left to the usual reading.
    """
    found: dict[int, tuple[str | None, str, str | None]] = {}
    last: list[tuple[str | None, str]] = []
    found_end = 0
    for m in re.finditer("分别", folded):
        floor = folded.rfind("\n", 0, m.start()) + 1
        left = ASIDE.sub("", folded[cues.clause_start(folded, m.start(), floor) : m.start()])
        left, left_base = _base_off(left)  # …增加值比上年同期分别增长: the base stands before 分别
        listed = _listed_after(folded, m.end(), figures)
        if len(listed) < 2:
            continue
        if (
            not left.strip()
            and len(last) == len(listed)
            and not any(c in "。！？!?\n" for c in folded[found_end : m.start()])
        ):
            pairs = last
        else:
            pairs = _named_list(_LIST_SPLIT.split(left))
            if len(pairs) != len(listed):  # 电力、热力燃气及水生产和供应业: 和/及 inside an item of a 、 list
                pairs = _named_list(left.split("、"))
        if len(pairs) != len(listed):
            continue
        base = strip_predicate(folded[m.end() : listed[0].start])[1] or left_base  # 分别比上年增长…: theirs all
        found.update((f.start, (place, name, base)) for f, (place, name) in zip(listed, pairs))
        last, found_end = pairs, listed[-1].end
    return found


def _base_off(left: str) -> tuple[str, str | None]:
    """A list of names without the comparison base closing it (…增加值比上年同期), and that base."""
    m = _BASE_END.search(left)
    if m is None:
        return left, None
    return left[: m.start()], cues.pairs("bases.tsv").get(m.group(1))


_BASE_END = re.compile(rf"({alternation(list(cues.pairs('bases.tsv')))})$")


def _named_list(parts: list[str]) -> list[tuple[str | None, str]]:
    """(place, indicator) for each part of a list of names (none if they do not read as one)."""
    if any(_DIGITS.search(part) for part in parts):
        return []  # 第1、2季…: a list of dates, not of names
    named = [(part, None) if _whole_place(part) else read_name(part) for part in parts]
    if len(named) < 2:
        return []
    if all(name for _, name in named):
        first = next((place for place, _ in named if place), None)
        return [(place or first, str(name)) for place, name in named]
    last_place, last_name = named[-1]
    if not last_name:
        return []
    if all(place and not name for place, name in named[:-1]):  # places sharing one indicator
        shared = _COUNTED.sub("", last_name) or last_name
        return [(place, shared) for place, _ in named[:-1]] + [(last_place, shared)]
    head = patterns()["head"].search(last_name)
    if head and head.start() > 0:  # names sharing the last one's head noun
        lead, _ = _lead_places(parts[0])
        items = [_lead_places(part)[1].lstrip("的") for part in parts[:-1]]
        if all(items) and not any(patterns()["head"].search(item) for item in items):
            return [(lead or last_place, full_name(item + head.group())) for item in items] + [
                (lead or last_place, last_name)
            ]
    return []


def _whole_place(part: str) -> bool:
    m = patterns()["lead"].fullmatch(part)
    return m is not None and is_place(part)


def _listed_after(text: str, pos: int, figures: list[Figure]) -> list[Figure]:
    """The figures listed right after `pos` (a short predicate first), joined only by 和, 、, 与, 及 or a comma."""
    start = bisect_left([f.start for f in figures], pos)
    listed: list[Figure] = []
    for f in figures[start:]:
        gap = "".join(text[listed[-1].end if listed else pos : f.start].split())  # 7.1%、 1.9%: spaces aside
        if listed and (len(gap) > 2 or not all(_LISTED.match(c) for c in gap)):
            break
        if not listed and (len(gap) > 8 or any(c in cues.CLAUSE_MARKS for c in gap)):
            break
        listed.append(f)
    return listed
