"""The regular expression the figure scan runs: number pieces, units, traps and figure forms.

The scan runs on folded text (`script.fold`: simplified characters, half-width
digits and punctuation, same length), so every piece here is written once, in
simplified characters and ASCII. Alternatives are tried in order at each
position: traps first (names, codes, labels swallow the digits they contain),
then dates, times and the other figure forms, and the plain number with its
unit last. Patterns never use `\\b` or `\\w` (Han characters are `\\w`).

Every run of numerals is only entered at its first character (a look-behind
refuses to start inside a run), so the scan stays linear on any input.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from .dates import CLOCK, COLON_TIME, DATE, LUNAR, SEP, TIME_AFTER_DATE, YEAR, YMD
from .script import fold
from .units import CURRENCY_PER, alternation, prefix_pattern, unit_pattern


@cache
def words(name: str) -> tuple[str, ...]:
    """The folded words of a one-word-a-line data file (comments start with #)."""
    text = files("hecha.store").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return tuple(fold(line.strip()) for line in text.splitlines() if line.strip() and not line.startswith("#"))


# ------------------------------------------------------------- number pieces
CN_DIGITS = "零〇○一二三四五六七八九十百千万亿兆两廿卅壹贰叁肆伍陆柒捌玖拾佰仟"
_CN_RUN = f"[{CN_DIGITS}几]"
NOT_IN_DIGITS = r"(?<![0-9])"
NOT_IN_NUMERALS = f"(?<![{CN_DIGITS}几数])"
ARABIC = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|(?<![0-9.%] )[0-9]{1,3}(?: [0-9]{3})+(?![0-9.,]| [0-9])|[0-9]+)(?:[.·][0-9]+)?"  # 1,200; 10 000; 279·5
MAG = r"(?:[十百千]?万亿|[十百千]?亿|[十百千]?万|兆(?![瓦赫帕字焦])|千(?![米克瓦卡焦帕赫伏]))"
NUM_A = rf"{NOT_IN_DIGITS}{ARABIC}(?:万[0-9]{{4}}(?:\.[0-9]+)?(?![0-9.])|兆{ARABIC}亿|(?: (?=[万亿]))?[余多]?{MAG}(?:[余多]亿)?)?"  # 2万4990 (Taiwan prices), 1,300 万
NUM_C = (
    rf"{NOT_IN_NUMERALS}(?:[数几上](?=[十百千万])|[一二三四五六七八九十百千万亿两廿卅壹贰叁肆伍陆柒捌玖拾])"
    rf"{_CN_RUN}*(?:[点.][零〇○一二三四五六七八九]+(?:[万亿]{{1,2}}(?![零〇○一二三四五六七八九]))?)?(?:[余多][万亿]+)?"
)
NUM = rf"(?:{NUM_A}|{NUM_C})"
SIGN = r"(?:(?<![0-9A-Za-z.)\]%])-(?=[0-9])|(?<!正)负(?=[0-9一二三四五六七八九十零])|零下)"
UNIT = unit_pattern()
PREFIX = prefix_pattern()
PER = rf"(?P<per> ?/ ?(?:{alternation(CURRENCY_PER)}))?"
TAIL = r"(?:[及或]?以上|[及或]?以下|左右|以内|之内|上下(?![游级班车楼层])|许|多(?![少种样元数了于出达过]))"
JOIN = r"[+/和与及或、]"

QTY = (
    rf"(?:(?P<cur>{PREFIX}) ?)?(?P<neg>{SIGN})?(?P<n1>{NUM})"
    rf"(?:(?=[^\n]{{0,8}}?{SEP})(?P<u1>{UNIT})? ?{SEP} ?(?P<neg2>{SIGN})?(?P<n2>{NUM}))?(?P<ap>[余多来])?"
    rf"(?:(?P<sp> )?(?(u1)(?P<ur>(?P=u1))|(?P<u>{UNIT})){PER}|(?(u1)(?!)|(?:(?<=[0-9万亿多余零〇○])|(?<=\.[一二三四五六七八九]))))(?:(?P<tail>{TAIL})| (?=以上|以下|左右)(?P<tail_sp>{TAIL}))?"
)

# ----------------------------------------------------------------- traps
_QUOTED = "|".join(
    rf"{a}(?=[^{a}{b}\n]{{1,10}}{b})[^{a}{b}\n]*?[0-9{CN_DIGITS}][^{a}{b}\n]*?{b}" for a, b in ("“”", "‘’", "「」")
)
_CN_SMALL = "[一二三四五六七八九十两]"


def _after_words(names: tuple[str, ...], pattern: str) -> str:
    """`pattern` right after one of `names`, as look-behinds so the scan enters it at the digit."""
    by_length: dict[int, list[str]] = {}
    for name in names:
        by_length.setdefault(len(name), []).append(re.escape(name))
    last = "".join(sorted({re.escape(name[-1]) for name in names}))
    behind = "|".join(f"(?<={'|'.join(group)})" for group in by_length.values())
    return f"(?<=[{last}])(?:{behind}){pattern}"  # the one-character test first: most places fail it


def _idioms(idioms: tuple[str, ...]) -> str:
    """Idioms as a trap entered at their first numeral: 乱七八糟 → (?<=乱)七八糟."""
    plain, behind, last = [], [], set()
    for idiom in idioms:
        cut = next((i for i, c in enumerate(idiom) if c in CN_DIGITS), None)
        if cut is None:
            continue  # no numeral, nothing to guard
        if cut:
            behind.append(f"(?<={re.escape(idiom[:cut])}){re.escape(idiom[cut:])}")
            last.add(re.escape(idiom[cut - 1]))
        else:
            plain.append(idiom)
    return "|".join([alternation(plain), f"(?<=[{''.join(sorted(last))}])(?:{'|'.join(behind)})"])


TRAP_P = "|".join(  # traps that start with a letter, a bracket, a quote or a word
    [
        r"(?<![A-Za-z])(?![A-Z][0-9]{3,6} ?(?:IU|国际单位))[A-Za-z][A-Za-z&]{0,20}[-_]?[0-9][0-9A-Za-z_#-]{0,30}(?:\.[0-9][0-9A-Za-z_#-]{0,10})?",  # RC14001, PM2.5 (not 维生素D400 IU)
        r"(?<![A-Za-z])[A-Za-z]{0,20}[a-z][A-Za-z]{0,20} [0-9]{1,4}(?![0-9.,%])",  # iPhone 15, Mate 60
        _QUOTED,  # “五个一”, “152”, “五一”
        r"《(?=[^《》\n]{0,40}》)[^《》\n]*?(?:至|到|—|~)[^《》\n]*?》",  # a period named in a title: 《…2000年9月至2001年9月…方案》
        r"[(（]?单位[:：] ?[^)）\n]{0,12}[)）]?",  # a table header (单位：亿元)
        r"[(（]附?(?:图|图片|照片)[0-9一二三四五六七八九十]{1,2}[张幅][)）]",  # an editorial note
        rf"[(（](?:{_CN_SMALL}{{1,3}}|[0-9]{{1,2}})[)）]",  # （一）, (1)
        rf"(?:男子|女子|男女|混合|混双)(?:{NUM_A}|{_CN_RUN}{{1,6}})(?:米|公里|千米)",  # 男子一万米
    ]
)
TRAP_N_PARTS = (  # traps that start with a numeral
    [
        r"(?<![0-9A-Za-z])(?:[0-9]{1,3}|[A-Za-z]{1,3})(?:\+(?:[0-9]{1,3}|[A-Za-z]{1,3}))+(?![0-9A-Za-z.])",  # 1+5+2, 4+X
        r"0[0-9]{2,3}-[0-9]{7,8}|1[3-9][0-9]{9}(?![0-9])|400-?[0-9]{3}-?[0-9]{4}",  # phones
        r"[0-9]{1,6}#",  # 1#楼
        r"[0-9]{2}人队(?![伍员])",  # 76人队: a team named by a number
        r"[0-9]{1,2}座(?=[高中低]层[A-Z0-9]{1,3}室|[A-Z][0-9]{0,2}室|[0-9]{1,2}楼[A-Z0-9]{0,3}室|[^,，。;；\n]{1,12}?的[A-Z][0-9]{0,2}室)",  # 6座高层H室, 2座实用700方呎的H室: a block of flats
        r"9[059](?:\.[0-9])?% ?(?:CI|置信区间|可信区间)",  # 95%CI: the level of a confidence interval
        r"[(（][0-9]{4,6}(?:\.[A-Z]{2,4})?[)）]|[0-9]{4,6}\.(?:HK|SH|SZ|SS|TW|BJ)(?![A-Za-z])",  # stock codes
        rf"(?:{YEAR}年)?第[0-9]{{1,4}}号|〔{YEAR}〕[0-9]{{1,4}}号",  # document numbers
        rf"(?<![^\n。；;:：])[0-9]{{1,2}}[.、](?=(?:{YEAR})年|[^0-9])",  # enumerators 1. 2、
        rf"(?<![^\n。；;:：,，!?！？ ])(?:{_CN_SMALL}{{1,3}}[是、]|其{_CN_SMALL})",  # 一是, 二、, 其一
        rf"(?:[0-9]{{1,2}}|{_CN_SMALL}{{1,3}})(?:个月|年|天)期(?![间内满限末中初])",  # 五年期国库券, 一年期LPR
        r"十[一二三四五六]五",  # 十四五
        rf"(?:[0-9]{{1,3}}|{_CN_SMALL}{{1,3}})(?:日|周|月|年)均线|[0-9]{{1,3}}日线",  # 5日均线: a chart line named by its span
        r"(?<![0-9一二三四五六七八九十])几[十百千万亿]{1,2}",  # 几千条: a guess, not a figure
        r"第[一二]次世界大战",  # a war named by its number
        rf"{_CN_SMALL}{{1,3}}(?:届{_CN_SMALL}{{1,3}}[中次](?:全会)?|中全会|次(?:全会|会议|全体会议|常委会|代表大会))",  # 三中全会, 二次会议
        rf"(?<!第){_CN_SMALL}{{1,3}}大(?![于约概多半小部量批幅都体家])",  # 二十大, 四大支柱产业
        rf"第[一二三]产业|[一二三]次产业|{_CN_SMALL}{{1,3}}连[增涨跌降升]",  # 第二产业, 三次产业, 十连增
        r"[0-9]{1,2}[x×*][0-9]{2,4}米",  # 4×100米接力
        rf"(?=[0-9.,{CN_DIGITS}]{{1,12}}(?:米|公里|千米))(?:{NUM_A}|{_CN_RUN}{{1,4}})(?:米|公里|千米)(?=自由泳|蛙泳|仰泳|蝶泳|个人混合泳|混合泳|接力|栏|障碍|竞走|速滑|决赛|预赛|半决赛|飞人)",
        _after_words(words("name_words.txt"), "[0-9]{1,5}"),  # 沪深300, 骁龙8
        _idioms(words("idioms.txt")),  # 一马当先, 乱七八糟
    ]
)
TRAP_N = "|".join(TRAP_N_PARTS)

# ------------------------------------------------------------- figure forms
_D2 = "[零〇○一二三四五六七八九]"
_NUMS = rf"(?:{NUM_A}|{_CN_RUN}{{1,8}})"
COMPOUND = (  # 一小时五分三十秒, 17岁零两个月, 9秒83, 八米一五
    rf"{_NUMS}(?:个?(?:小时|钟头)零?{_NUMS}(?:分(?:钟)?(?:零?{_NUMS}秒)?|秒)|分(?:钟)?零?{_NUMS}(?:\.[0-9]+)?秒(?:[0-9]{{2}}(?![0-9]))?"
    rf"|(?:年|岁)零?{_NUMS}个月|(?:年|个月)零?{_NUMS}天|天{_NUMS}个?小时)"
    rf"|(?<![0-9.])[0-9]{{1,2}}秒[0-9]{{2}}(?![0-9])|{NOT_IN_NUMERALS}[一二三四五六七八九十]{{1,3}}秒{_D2}{{2}}(?![{CN_DIGITS}])|(?<![0-9.])[0-9]{{1,2}}米[0-9]{{2}}(?![0-9米厘公])"
    rf"|{NOT_IN_NUMERALS}[一二三四五六七八九]米{_D2}{{2}}(?![米{CN_DIGITS}])"
)
RANK = (
    rf"第(?P<r1>[0-9]{{1,4}}|{_CN_RUN}{{1,6}})(?:(?:及|和|、|至|到|-)第?(?P<r2>[0-9]{{1,4}}|{_CN_RUN}{{1,6}}))?"
    rf"(?P<rcls>{UNIT})?|(?P<seed>[0-9]{{1,3}}|{_CN_RUN}{{1,3}})号(?=种子)"
)
SCORE = (
    r"(?<![0-9:.])[0-9]{1,3}(?:\.[0-9]+)?(?::[0-9]{1,3}(?:\.[0-9]+)?)+(?![0-9:])"
    rf"|(?<![0-9])[0-9]{{1,3}}(?:比|(?<![0-9]{{4}})-)[0-9]{{1,3}}(?![0-9.])|{NOT_IN_NUMERALS}{_CN_SMALL}{{1,3}}比[零一二三四五六七八九十]{{1,3}}"
)
_SIDE = r"(?:[0-9]{1,2},[0-9]{3}|[0-9]{2,5})"
SIZE = rf"(?<![0-9,]){_SIDE} ?[x×*] ?{_SIDE}(?![0-9米])"  # 2400x1080, 1,800 x 1,350
ERA = (
    rf"(?:[0-9]{{1,2}}|{_CN_RUN}{{1,4}})世纪(?:[0-9]{{2}}|[一二三四五六七八九]十)?(?:年代)?(?:初|末|中叶|中期|初期|末期|中后期)?"
    r"|(?<![0-9])(?:1[89]|20)?[0-9]0年代(?:初|末|中期|初期|末期)?|(?<![一二三四五六七八九十])[二三四五六七八九]十年代(?:初|末|中期|初期|末期)?"
)
_ROC_MD = (
    r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月"
    r"(?:(?:3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])[日号])?"
)
ROC = (  # 民国93年7月, 114年9月5日: a year of the Republic of China calendar (+1911)
    rf"民国(?P<rocy>[0-9]{{2,3}}|[一二三四五六七八九十百零〇]{{2,4}})年(?P<rocmd>{_ROC_MD})?"
    rf"|(?<![0-9])(?P<rocy3>1[01][0-9])年(?P<rocmd3>{_ROC_MD})"
)
WEEKDAY = (
    r"(?<![每两一])[上下本这]?(?:周|星期|礼拜)(?:[一二三四五六日]|天(?!气))(?:(?:至|到|-|~)(?:周|星期|礼拜)?[一二三四五六日天])?"
    r"(?![次个遍期轮])"
)
TIME = rf"{NOT_IN_DIGITS}{NOT_IN_NUMERALS}{CLOCK}许?|{NOT_IN_DIGITS}{COLON_TIME}"
DAYS_IN_WORDS = (  # 过去三日, 连续五日: days counted in words after a word that counts them
    r"(?:(?<=过去)|(?<=未来)|(?<=连续)|(?<=一连)|(?<=短短)|(?<=最近)|(?<=近))"
    r"(?:(?:[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九两])[至到])?"  # 未来十一至十四日: a range
    r"(?:[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九两])日(?![报元本期圆])"
)
HEAD_MONTHS = r"(?<=年)[头前首](?P<hm>[0-9]{1,2}|[一二三四五六七八九十两]{1,2})个月"
PERCENT = (  # 百分之五, 百分之60至95 (a range), 一半
    rf"[百千]分之(?:{NUM_C}|{ARABIC})(?P<prange>(?:至|到|~|-|〜)(?:[百千]分之)?(?:{NUM_C}|{ARABIC}))?(?P<ptail>{TAIL})?|一半(?:{TAIL})?"
)
MULTIPLE = r"翻了?(?:[一两二三四五]番|番)"
FRACTION = rf"{NOT_IN_NUMERALS}[一二三四五六七八九十两]{{1,4}}分之{NUM_C}"
HALF = r"半(?:个多?(?:月|小时|钟头|世纪)|小时|天|年(?![度报刊])|成(?![品功熟本年人就为了]))"
SLASH_FRACTION = r"(?<![0-9./])[1-9][0-9]?/[1-9][0-9]{0,2}(?![0-9./]|决赛|赛)"  # 1/3, 2/5: a share (1/4决赛 is a round)
SHARED = rf"{NUM_A}(?= ?{JOIN} ?{NUM_A}(?: ?{JOIN} ?{NUM_A}){{0,3}} ?(?!年|月|日|号){UNIT})"  # 8+256GB, 16 / 64GB

_N = f"0-9{CN_DIGITS}"
_C = CN_DIGITS
# (look-ahead, name, pattern) of each alternative, in the order they are tried. The look-ahead
# is a cheap test of what the alternative needs near its start; it keeps the scan fast.
ALTERNATIVES = [
    (
        "[(（]",
        "paren_day",
        rf"(?<=[今昨明前])[(（](?:3[01]|[12][0-9]|0?[1-9])[)）]日(?:{TIME_AFTER_DATE})?",
    ),  # 今（15）日 (Taiwan)
    ("[A-Za-z“‘「《(（〔单男女混]", "trap", TRAP_P),
    (f"[{_N}〔第其(（几]", "trap_n", TRAP_N),
    ("[12][0-9]{3}[-/.]", "ymd", rf"{YMD}(?:[ T]{COLON_TIME})?"),
    (f"[{_N}]{{1,4}}(?:世纪|年代)", "era", ERA),
    (
        f"[{_N}]{{1,4}} ?[年月日号季至到~\\-—–〜]|第|前|首[一二三1-3]季|[上下]半年",
        "date",
        rf"(?:{DATE})(?:{TIME_AFTER_DATE}(?:{SEP}(?:{DATE})?{TIME_AFTER_DATE})?)?",
    ),
    (f"[正腊冬]月|[{_C}]{{1,2}}月初|大年初|(?<=[日号][(（])初", "lunar", LUNAR),
    ("[上下本这]?(?:周|星期|礼拜)", "weekday", WEEKDAY),
    ("民国|1[01][0-9]年", "roc", ROC),
    ("[头前首]", "head", HEAD_MONTHS),
    ("[一二三四五六七八九十两]{1,3}(?:[至到][一二三四五六七八九十两]{1,3})?日", "days", DAYS_IN_WORDS),
    (f"第|[{_N}]{{1,3}}号种子", "rank", RANK),
    (f"[{_N},.]{{1,12}}(?:个?小时|钟头|分|秒|年|岁|个月|天|米)", "compound", COMPOUND),
    ("[0-9,]{2,6} ?[x×*]", "size", SIZE),
    (f"[0-9.]{{1,8}}[:比]|[0-9]{{1,3}}-[0-9]|[{_C}]{{1,3}}比", "score", SCORE),
    (f"[{_N}]{{1,3}}[时点:]", "time", TIME),
    ("[百千]分之|一半", "percent", PERCENT),
    (f"[{_C}]{{1,4}}分之", "fraction", FRACTION),
    ("翻", "multiple", MULTIPLE),
    ("半", "half", HALF),
    ("[0-9][0-9.,万亿千多余]{0,20} ?[+/和与及或、]", "shared", SHARED),
    ("[1-9][0-9]?/", "slash", SLASH_FRACTION),
    (f"[{_N}数几上\\-负零$¥€£人港新台A-Z]", "qty", QTY),
]
# Where a figure (or a trap) may start: a numeral, a letter or a sign, or a common word-character
# only before the character that makes it a start (上半年, 人民币, 第三); the two-step test keeps
# the scan from trying every alternative at each 上, 人 or 大 of running text.
_STARTERS = f"[{_N}A-Za-z“‘「《(（〔\\-负$¥€£]"
_LEADS = "单男女混其第前上下正腊冬大头首本这周星礼翻半数几人港新台民初"
_SECONDS = f"{_N}位子女合双月年周星期拜礼半个小天成番了民币元台国日"
FIRST = f"(?:{_STARTERS}|[{_LEADS}](?=[{_SECONDS}]))"


def scan_pattern(alternatives: list[tuple[str, str, str]]) -> re.Pattern:
    """One regex trying each alternative behind its look-ahead."""
    body = "|".join(f"(?={ahead})(?P<{name}>{pattern})" for ahead, name, pattern in alternatives)
    return re.compile(f"(?={FIRST})(?:{body})")


SCAN = scan_pattern(ALTERNATIVES)
QTY_ONLY = re.compile(QTY)
