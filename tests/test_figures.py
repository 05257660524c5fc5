"""Tests for store.figures: the dev set scores, the traps, and each rule on its own.

The development set is FIGURES.md's `figures-dev.jsonl` (168 hand-checked
figures of seeds 000–002), embedded below as tab-separated rows so the test
does not depend on a path outside the repository. Offsets are character
offsets into the raw seed files in `seeds/`.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest

from hecha.store.figures import EXTRACTOR_VERSION, KINDS, Figure, date_iso, extract, qualifier_before

SEEDS = Path(__file__).parent.parent / "seeds"
FIELDS = ("seed", "start", "end", "text", "kind", "value", "unit", "low", "high", "qualifier", "iso")
# seed, start, end, text, kind, value, unit, low, high, qualifier, iso (empty = None)
DEV = """\
000	50	60	2022年1月至8月	date						2022-01/2022-08
000	84	86	第五	rank	5					
000	139	144	1月至8月	date						--01/--08
000	160	164	7.7%	percent	7.7	%				
000	196	202	6月至10月	date						--06/--10
000	351	356	2022年	date						2022
000	388	394	1500万元	money	15000000	元				
000	401	405	第一季度	date						--01/--03
000	410	412	3月	date						--03
000	563	566	1亿元	money	100000000	元				
000	666	670	600台	quantity	600	台				
000	690	692	2月	date						--02
000	1029	1032	24条	quantity	24	条				
000	1044	1046	3条	quantity	3	条				
000	1060	1062	2个	quantity	2	个				
000	1069	1071	1个	quantity	1	个				
000	1079	1081	2个	quantity	2	个				
000	1102	1106	239个	quantity	239	个				
000	1177	1179	5所	quantity	5	所				
000	1787	1793	700余人次	quantity	700	人次				
000	2091	2094	1月份	date						--01
000	2097	2101	10万吨	measure	100000	吨				
000	2116	2121	3月18日	date						--03-18
000	2139	2142	2个月	duration	2	个月				
000	2156	2162	10月18日	date						--10-18
000	2232	2235	2个月	duration	2	个月			不到	
000	2247	2251	1个半月	duration	1.5	个月				
000	2444	2451	2023年3月	date						2023-03
000	2504	2507	4个月	duration	4	个月				
000	2581	2583	6个	quantity	6	个				
000	2607	2609	7个	quantity	7	个				
000	2698	2700	千亿	number	100000000000					
000	2706	2711	9月28日	date						--09-28
001	51	55	正月初七	date						
001	106	110	正月初九	date						
001	132	135	数十台	quantity		台				
001	139	141	百名	quantity	100	名			近	
001	188	192	70多天	duration	70	天				
001	347	351	310个	quantity	310	个				
001	510	514	130个	quantity	130	个				
001	592	596	310个	quantity	310	个				
001	601	604	72个	quantity	72	个				
001	612	618	2900亿元	money	290000000000	元			超	
001	635	639	310个	quantity	310	个				
001	650	654	187个	quantity	187	个				
001	659	663	123个	quantity	123	个				
001	696	701	2024年	date						2024
001	954	959	70个以上	quantity	70	个				
001	1043	1048	70个以上	quantity	70	个				
001	1053	1060	300亿元以上	money	30000000000	元				
001	1371	1375	3至6家	quantity		家	3	6		
001	1412	1416	3至6家	quantity		家	3	6		
001	1482	1487	8至10家	quantity		家	8	10		
001	1712	1715	12月	date						--12
001	1744	1748	正月初九	date						
001	1809	1817	2024年一季度	date						2024-01/2024-03
001	1833	1837	24亿元	money	2400000000	元				
001	1844	1852	18.7万平方米	measure	187000	平方米			约	
001	1931	1936	2027年	date						2027
001	2073	2075	6月	date						--06
001	2720	2724	2024	date						2024
001	2883	2886	61家	quantity	61	家				
001	2924	2929	2087个	quantity	2087	个				
001	3092	3098	6000余名	quantity	6000	名				
001	3112	3116	385份	quantity	385	份				
001	3125	3129	312人	quantity	312	人				
001	3387	3392	3个工作日	duration	3	个工作日				
001	3420	3425	2023年	date						2023
001	3583	3588	1365名	quantity	1365	名				
001	3598	3601	78条	quantity	78	条				
001	3674	3679	2024年	date						2024
001	4687	4691	275件	quantity	275	件				
001	4718	4722	100%	percent	100	%			达	
001	4789	4792	10件	quantity	10	件				
001	5002	5005	21件	quantity	21	件				
001	5692	5694	3家	quantity	3	家				
001	5744	5746	3个	quantity	3	个				
001	6039	6046	100.23亩	measure	100.23	亩				
001	6052	6063	53509.96平方米	measure	53509.96	平方米				
001	6068	6074	3.08亿元	money	308000000	元			约	
001	6079	6086	2025年8月	date						2025-08
001	6099	6102	24个	quantity	24	个				
001	6108	6111	36个	quantity	36	个				
002	32	37	2021年	date						2021
002	74	79	2021年	date						2021
002	116	121	2021年	date						2021
002	166	168	五个	quantity	5	个				
002	277	282	2021年	date						2021
002	345	348	10%	percent	10	%			达	
002	351	353	两年	duration	2	年				
002	356	359	千亿元	money	100000000000	元			突破	
002	569	574	50件以上	quantity	50	件				
002	612	614	两项	quantity	2	项				
002	637	641	8.5%	percent	8.5	%				
002	642	646	9%以上	percent	9	%				
002	712	714	三年	duration	3	年				
002	717	719	千亿	number	100000000000					
002	723	725	千亿	number	100000000000					
002	746	752	1000亿元	money	100000000000	元			突破	
002	769	774	500亿元	money	50000000000	元			突破	
002	798	803	300亿元	money	30000000000	元			突破	
002	1042	1047	30%以上	percent	30	%			达到	
002	1125	1129	235个	quantity	235	个				
002	1145	1152	500亿元以上	money	50000000000	元			达到	
002	1164	1169	300亿元	money	30000000000	元				
002	1187	1192	100亿元	money	10000000000	元				
002	1201	1206	100亿元	money	10000000000	元				
002	1220	1224	50亿元	money	5000000000	元				
002	1232	1236	50亿元	money	5000000000	元				
002	1248	1252	50亿元	money	5000000000	元				
002	1376	1383	150万平方米	measure	1500000	平方米				
002	1388	1395	100万平方米	measure	1000000	平方米				
002	1404	1410	50万平方米	measure	500000	平方米				
002	1527	1531	30亿元	money	3000000000	元				
002	1580	1584	30亿元	money	3000000000	元				
002	1608	1612	50亿元	money	5000000000	元				
002	2017	2021	410家	quantity	410	家			突破	
002	2043	2048	40%以上	percent	40	%			达到	
002	2063	2067	3%以上	percent	3	%			达	
002	2217	2219	1家	quantity	1	家				
002	2226	2228	3家	quantity	3	家				
002	2331	2333	5家	quantity	5	家			突破	
002	2350	2353	20人	quantity	20	人			突破	
002	2493	2498	100亿元	money	10000000000	元			超	
002	2503	2505	1个	quantity	1	个			不少于	
002	2507	2511	50亿元	money	5000000000	元			超	
002	2516	2518	3个	quantity	3	个			不少于	
002	2520	2524	20亿元	money	2000000000	元			超	
002	2529	2531	6个	quantity	6	个			不少于	
002	2542	2545	30家	quantity	30	家				
002	2982	2989	100亿元以上	money	10000000000	元				
002	3183	3188	100公里	measure	100	公里				
002	3396	3402	5至10分钟	duration		分钟	5	10		
002	3417	3420	1亿元	money	100000000	元				
002	3540	3544	500米	measure	500	米				
002	3548	3552	300米	measure	300	米				
002	3556	3560	100米	measure	100	米				
002	3667	3676	4月15日至16日	date						--04-15/--04-16
002	3912	3915	一季度	date						--01/--03
002	3926	3929	一季度	date						--01/--03
002	3937	3941	亿元以上	money	100000000	元				
002	3943	3946	44个	quantity	44	个				
002	3950	3957	207.5亿元	money	20750000000	元				
002	3963	3969	20亿元以上	money	2000000000	元				
002	3971	3973	5个	quantity	5	个				
002	4305	4309	150亩	measure	150	亩				
002	4316	4324	20.8万平方米	measure	208000	平方米			约	
002	4329	4334	5.8亿元	money	580000000	元				
002	4337	4339	6栋	quantity	6	栋				
002	4342	4344	1栋	quantity	1	栋				
002	4490	4495	3月28日	date						--03-28
002	4514	4516	3架	quantity	3	架				
002	4523	4525	6条	quantity	6	条				
002	4545	4548	16条	quantity	16	条			达	
002	4560	4564	192个	quantity	192	个			达	
002	4572	4577	15万人次	quantity	150000	人次				
002	4579	4584	2020年	date						2020
002	4594	4599	19.8%	percent	19.8	%				
002	4788	4792	50亿元	money	5000000000	元				
002	4815	4817	一年	duration	1	年			不到	
002	4856	4859	15年	duration	15	年				
002	4881	4886	2019年	date						2019
002	4939	4942	第一家	rank	1					
002	5153	5156	15年	duration	15	年				
002	5463	5465	半天	duration	0.5	天				
002	5565	5567	一项	quantity	1	项				
002	5798	5801	47项	quantity	47	项				
002	5907	5913	18万平方米	measure	180000	平方米			达	
"""


def _number(cell: str) -> int | float | None:
    """A value cell as a number (int when it has no point)."""
    if not cell:
        return None
    return float(cell) if "." in cell else int(cell)


def _dev_rows() -> list[dict]:
    """The embedded dev set as dicts."""
    rows = []
    for line in DEV.splitlines():
        row = dict(zip(FIELDS, line.split("\t"), strict=True))
        for key in ("start", "end"):
            row[key] = int(row[key])
        for key in ("value", "low", "high"):
            row[key] = _number(row[key])
        for key in ("unit", "qualifier", "iso"):
            row[key] = row[key] or None
        rows.append(row)
    return rows


def _seed_text(prefix: str) -> str:
    """The raw text of the seed file whose name starts with `prefix`."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return open(path, encoding="utf-8").read()


def _same(a: object, b: object) -> bool:
    """Equal, comparing numbers with a relative tolerance."""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return a == b


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    """Exact-span precision and recall on the dev set, and kind/value accuracy on matches."""
    gold = _dev_rows()
    found = {}
    for seed in {g["seed"] for g in gold}:
        found[seed] = {(f.start, f.end): f for f in extract(_seed_text(seed))}
    matched = [(g, found[g["seed"]].get((g["start"], g["end"]))) for g in gold]
    matched = [(g, f) for g, f in matched if f is not None]
    n_found = sum(len(spans) for spans in found.values())
    values_ok = [all(_same(getattr(f, k), g[k]) for k in ("value", "low", "high", "iso")) for g, f in matched]
    return {
        "precision": len(matched) / n_found,
        "recall": len(matched) / len(gold),
        "kind": sum(f.kind == g["kind"] for g, f in matched) / len(matched),
        "value": sum(values_ok) / len(matched),
        "text": sum(f.text == g["text"] for g, f in matched) / len(matched),
    }


# ------------------------------------------------------------------ dev set
def test_dev_set_is_complete():
    rows = _dev_rows()
    assert len(rows) == 168
    for row in rows:
        assert _seed_text(row["seed"])[row["start"] : row["end"]] == row["text"]


def test_dev_precision(scores):
    assert scores["precision"] >= 0.97


def test_dev_recall(scores):
    assert scores["recall"] >= 0.97


def test_dev_kind_accuracy(scores):
    assert scores["kind"] >= 0.97


def test_dev_value_and_iso_accuracy(scores):
    assert scores["value"] >= 0.97


def test_dev_span_text_matches(scores):
    assert scores["text"] == 1.0


def test_output_is_sorted_and_non_overlapping():
    for prefix in ("000", "001", "002", "003", "004"):
        figures = extract(_seed_text(prefix))
        assert figures
        for a, b in itertools.pairwise(figures):
            assert a.end <= b.start
        assert all(f.kind in KINDS for f in figures)


# ------------------------------------------------------------------- helpers
def spans(text: str) -> list[str]:
    """The texts of the figures found in `text`."""
    return [f.text for f in extract(text)]


def one(text: str, span: str) -> Figure:
    """The single figure whose text is `span`."""
    hits = [f for f in extract(text) if f.text == span]
    assert len(hits) == 1, (span, spans(text))
    return hits[0]


# ------------------------------------------------------------------- API
def test_public_api():
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION
    assert KINDS == ("percent", "money", "quantity", "measure", "date", "duration", "rank", "multiple", "number")
    fig = one("总投资约3.08亿元。", "3.08亿元")
    assert fig.to_dict() == {
        "text": "3.08亿元",
        "start": 4,
        "end": 10,
        "kind": "money",
        "value": 308000000,
        "unit": "元",
        "low": None,
        "high": None,
        "qualifier": "约",
        "iso": None,
    }
    with pytest.raises(AttributeError):
        fig.kind = "number"  # frozen


def test_empty_and_plain_text():
    assert extract("") == []
    assert extract("经开组团铆足干劲不放松，融合发展向前冲。") == []


# ------------------------------------------------------------ number forms
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("共有1365名成员", "1365名", 1365),
        ("提供1,200个岗位", "1,200个", 1200),
        ("面积53509.96平方米", "53509.96平方米", 53509.96),
        ("总建筑面积18.7万平方米", "18.7万平方米", 187000),
        ("总投资2900亿元", "2900亿元", 290000000000),
        ("规模达1.2万亿元", "1.2万亿元", 1200000000000),
        ("共两百人参加", "两百人", 200),
        ("投入三千五百万元", "三千五百万元", 35000000),
        ("共十四个项目", "十四个", 14),
        ("增加１２个", "１２个", 12),
        ("引进１，２００名", "１，２００名", 1200),
        ("收入100多万元", "100多万元", 1000000),
    ],
)
def test_number_forms(text, span, value):
    assert one(text, span).value == value


def test_full_width_percent_keeps_original_text():
    fig = one("同比增长１２％，", "１２％")
    assert (fig.kind, fig.value, fig.unit, fig.start, fig.end) == ("percent", 12, "%", 4, 7)


def test_decimal_after_han_is_whole():
    assert spans("同比增长12.5%") == ["12.5%"]


# ------------------------------------------------------------ unit families
@pytest.mark.parametrize(
    ("text", "span", "kind", "unit"),
    [
        ("增长7.7%", "7.7%", "percent", "%"),
        ("提高2.3个百分点", "2.3个百分点", "percent", "个百分点"),
        ("准备1500万元资金", "1500万元", "money", "元"),
        ("融资5亿美元", "5亿美元", "money", "美元"),
        ("均价1.2万元/平方米", "1.2万元/平方米", "money", "元/平方米"),
        ("首批600台轿车", "600台", "quantity", "台"),
        ("培训700余人次", "700余人次", "quantity", "人次"),
        ("年产10万吨铜箔", "10万吨", "measure", "吨"),
        ("用地100.23亩", "100.23亩", "measure", "亩"),
        ("装机200MW光伏", "200MW", "measure", "MW"),
        ("新增道路100公里", "100公里", "measure", "公里"),
        ("形成150GWh产能", "150GWh", "measure", "GWh"),
        ("仅用2个月时间", "2个月", "duration", "个月"),
        ("实现15年安全运行", "15年", "duration", "年"),
        ("在3个工作日内", "3个工作日", "duration", "个工作日"),
        ("经过70多天奋战", "70多天", "duration", "天"),
        ("增长3倍", "3倍", "multiple", "倍"),
    ],
)
def test_unit_families(text, span, kind, unit):
    fig = one(text, span)
    assert (fig.kind, fig.unit) == (kind, unit)


def test_money_value_applies_magnitude_of_unit():
    assert one("准备1500万元资金", "1500万元").value == 15_000_000
    assert one("突破千亿元大关", "千亿元").value == 100_000_000_000
    assert one("新签约亿元以上项目", "亿元以上").value == 100_000_000


def test_half_units():
    assert one("提前1个半月", "1个半月").value == 1.5
    assert one("提前1个半月", "1个半月").unit == "个月"
    assert (one("半天后就有人到场", "半天").value, one("半天后", "半天").unit) == (0.5, "天")


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("占百分之五", "百分之五", 5, "%"),
        ("占三成以上", "三成以上", 30, "%"),
        ("其中一半以上的探头", "一半以上", 50, "%"),
        ("约占三分之一", "三分之一", 33.33, "%"),
    ],
)
def test_chinese_percent_forms(text, span, value, unit):
    fig = one(text, span)
    assert (fig.kind, fig.value, fig.unit) == ("percent", value, unit)


def test_cheng_inside_words_is_not_a_percent():
    assert spans("一成不变的做法，三成员国") == []


def test_multiples():
    assert (one("力争翻一番", "翻一番").kind, one("力争翻一番", "翻一番").value) == ("multiple", 2)
    assert one("实现翻两番", "翻两番").value == 4
    assert one("增长一倍", "一倍").value == 1


# ------------------------------------------------------------- approximations
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("吸引了6000余名求职者", "6000余名", 6000),
        ("经过70多天", "70多天", 70),
        ("增长9%以上", "9%以上", 9),
        ("引进项目70个以上", "70个以上", 70),
        ("温度在30℃左右", "30℃左右", 30),
        ("控制在5%以内", "5%以内", 5),
        ("二十多个村", "二十多个", 20),
        ("十余家企业", "十余家", 10),
    ],
)
def test_fused_approximators(text, span, value):
    assert one(text, span).value == value


def test_rough_chinese_amounts_have_no_value():
    fig = one("数十台机械", "数十台")
    assert (fig.kind, fig.value, fig.unit) == ("quantity", None, "台")
    assert one("上百家企业", "上百家").value is None


def test_bare_round_numeral_needs_a_qualifier():
    assert one("近百名工人", "百名").value == 100
    assert spans("学好百年党史，千名干部进千企") == []


# ------------------------------------------------------------------ ranges
@pytest.mark.parametrize(
    ("text", "span", "kind", "low", "high", "unit"),
    [
        ("引进龙头企业3至6家", "3至6家", "quantity", 3, 6, "家"),
        ("设立公司8至10家", "8至10家", "quantity", 8, 10, "家"),
        ("形成5至10分钟生活圈", "5至10分钟", "duration", 5, 10, "分钟"),
        ("形成5—10分钟生活圈", "5—10分钟", "duration", 5, 10, "分钟"),
        ("增长5-10%", "5-10%", "percent", 5, 10, "%"),
        ("奖励3万至5万元", "3万至5万元", "money", 30000, 50000, "元"),
        ("奖励3至5万元", "3至5万元", "money", 30000, 50000, "元"),
        ("需要三至五年", "三至五年", "duration", 3, 5, "年"),
    ],
)
def test_ranges_are_one_span(text, span, kind, low, high, unit):
    fig = one(text, span)
    assert (fig.kind, fig.value, fig.low, fig.high, fig.unit) == (kind, None, low, high, unit)


# ------------------------------------------------------------------- dates
@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        ("精心做好2024年项目谋划", "2024年", "2024"),
        ("3月18日，一期项目开工", "3月18日", "--03-18"),
        ("今年3月以来", "3月", "--03"),
        ("今年1月份", "1月份", "--01"),
        ("预计2023年3月试生产", "2023年3月", "2023-03"),
        ("2021年5月22日，项目开工", "2021年5月22日", "2021-05-22"),
        ("从2022年1月至8月", "2022年1月至8月", "2022-01/2022-08"),
        ("今年1月至8月", "1月至8月", "--01/--08"),
        ("1至11月，财政总收入", "1至11月", "--01/--11"),
        ("4月15日至16日，集体学习", "4月15日至16日", "--04-15/--04-16"),
        ("2021—2025年规划", "2021—2025年", "2021/2025"),
        ("今年一季度", "一季度", "--01/--03"),
        ("用作第一季度嘉奖", "第一季度", "--01/--03"),
        ("2024年一季度开工", "2024年一季度", "2024-01/2024-03"),
        ("今年上半年", "上半年", "--01/--06"),
        ("2023年下半年", "2023年下半年", "2023-07/2023-12"),
        ("前三季度", "前三季度", "--01/--09"),
        ("每月的10日", "10日", "---10"),
        ("二〇二一年三月十八日", "二〇二一年三月十八日", "2021-03-18"),
        ("截止2023-12-31", "2023-12-31", "2023-12-31"),
        ("截止2023/1/5", "2023/1/5", "2023-01-05"),
        ("2024“春风行动”综合招聘会", "2024", "2024"),
    ],
)
def test_dates(text, span, iso):
    fig = one(text, span)
    assert (fig.kind, fig.iso, fig.value) == ("date", iso, None)


def test_lunar_dates_have_no_iso():
    fig = one("正月初七，在施工现场", "正月初七")
    assert (fig.kind, fig.iso) == ("date", None)


def test_year_number_versus_duration():
    assert one("实现15年安全运行", "15年").kind == "duration"
    assert one("2019年通过认证", "2019年").kind == "date"
    assert one("已有2000多年历史", "2000多年").kind == "duration"


def test_date_iso_helper():
    assert date_iso("6月至10月") == "--06/--10"
    assert date_iso("第二季度") == "--04/--06"
    assert date_iso("15至16日") == "---15/---16"


# ------------------------------------------------------------------- ranks
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("取得了全国第五的好成绩", "第五", 5),
        ("列全国第12位", "第12位", 12),
        ("列宜春市第一位；", "第一位", 1),
        ("排名第一，评价等级为优秀", "第一", 1),
        ("勇夺全市第一名", "第一名", 1),
        ("在中国建立的第一家世界级工厂", "第一家", 1),
        ("比2022年前进3位", "3位", 3),
    ],
)
def test_ranks(text, span, value):
    fig = one(text, span)
    assert (fig.kind, fig.value, fig.unit) == ("rank", value, None)


@pytest.mark.parametrize(
    "text",
    [
        "南昌市第一医院、第九医院和第二附属医院",
        "第一时间送政策",
        "第二届中国国际博览会",
        "第十五次党代会",
        "第一，要抓项目；第二，要抓招商。",
    ],
)
def test_ordinals_that_are_names_are_not_ranks(text):
    assert spans(text) == []


def test_people_with_wei_stay_a_quantity():
    assert one("邀请5位专家", "5位").kind == "quantity"


# -------------------------------------------------------------- qualifiers
@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        ("总建筑面积约18.7万平方米", "18.7万平方米", "约"),
        ("近百名工人", "百名", "近"),
        ("项目总投资超2900亿元", "2900亿元", "超"),
        ("支持逾1.1亿元", "1.1亿元", "逾"),
        ("用了不到2个月时间", "2个月", "不到"),
        ("不足3成", "3成", "不足"),
        ("满意率达100%", "100%", "达"),
        ("比重达到30%以上", "30%以上", "达到"),
        ("突破千亿元大关", "千亿元", "突破"),
        ("超过5000人", "5000人", "超过"),
        ("不少于3个", "3个", "不少于"),
        ("仅用了不到一年的时间", "一年", "不到"),
        ("用了大约一年", "一年", "大约"),
    ],
)
def test_qualifier_stands_outside_the_span(text, span, qualifier):
    fig = one(text, span)
    assert fig.qualifier == qualifier
    assert qualifier not in fig.text


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("从签约到项目开工仅用2个月时间", "2个月"),
        ("共计签约52个项目", "52个"),
        ("最近3年", "3年"),
        ("春秋航空到达6条", "6条"),
    ],
)
def test_no_qualifier_when_a_word_only_ends_like_one(text, span):
    assert one(text, span).qualifier is None


def test_qualifier_before_helper():
    text = "投资约3亿元"
    assert qualifier_before(text, 3) == "约"
    assert qualifier_before(text, 0) is None


# ------------------------------------------------------------- not figures
@pytest.mark.parametrize(
    ("text", "trap"),
    [
        ("青山湖区构建1+5+2机制", "1+5+2"),
        ("开展“4+X”专项整治", "4+X"),
        ("围绕4+2+N现代产业布局", "4+2+N"),
        ("打造“1+2+3+X”产业集群体系", "1+2+3+X"),
        ("加快引进一批“152”项目", "152"),
        ("“152”项目9个", "152"),
        ("在“十四五”开局之年", "十四五"),
        ("在十四五开局之年", "十四五"),
        ("建立“五个一”服务推进机制", "五个一"),
        ("建立五个一服务推进机制", "五个一"),
        ("“三单一表”调度机制", "三单一表"),
        ("三单一表调度机制", "三单一表"),
        ("推进双‘一号工程’战略实施", "一号工程"),
        ("推进双一号工程战略实施", "一号工程"),
        ("推动5G、AI、VR融合", "5G"),
        ("混合产业用地(M0)试点", "M0"),
        ("通过RC14001体系认证", "RC14001"),
        ("南昌学校建设项目1#楼封顶", "1#楼"),
        ("１＃楼封顶", "１＃"),
        ("以北的JLH1702-H01地块", "JLH1702-H01"),
        ("咨询电话0791-86123456", "0791-86123456"),
        ("手机13812345678", "13812345678"),
        ("邮编330038", "330038"),
        ("入选中国工业百强区", "百强"),
        ("瞄准VR50强企业", "VR50强"),
        ("数字经济100强", "100强"),
        ("每个项目都有一名县级领导挂点", "一名"),
        ("一个政府部门负责，一批项目落地", "一个"),
        ("一批项目构成一个新的增长极", "一批"),
        ("一届三次会议立案提案", "三次"),
        ("实现“两个维护”", "两个"),
        ("坚持五位一体", "五位"),
        ("加快四组团互联互通", "四组"),
        ("工业4.0示范", "4.0"),
    ],
)
def test_not_figures_never_overlap(text, trap):
    start = text.index(trap)
    end = start + len(trap)
    for fig in extract(text):
        assert fig.end <= start or fig.start >= end, (fig, trap)


@pytest.mark.parametrize(
    "word",
    [
        "一直以来",
        "一些企业",
        "统一设计",
        "万一出事",
        "一切围绕项目干",
        "第一时间",
        "十分重要",
        "百度搜索",
        "三门峡",
        "千家万户",
        "一年四季",
        "三番五次强调",
        "四处奔走",
        "落实中央八项规定精神",
        "不仅一批项目",
    ],
)
def test_ordinary_words_do_not_light_up(word):
    assert extract(word) == []


def test_figures_next_to_traps_still_found():
    assert spans("“152”项目9个，“100”项目2个") == ["9个", "2个"]
    assert spans("VR50强企业3至6家") == ["3至6家"]


# ------------------------------------------------------- raw and cleaned text
def test_raw_and_cleaned_punctuation_give_the_same_figures():
    raw = "增速达10%,力争两年内突破千亿元大关;截至11月(不含2月):"
    cleaned = "增速达10%，力争两年内突破千亿元大关；截至11月（不含2月）："
    assert spans(raw) == spans(cleaned) == ["10%", "两年", "千亿元", "11月", "2月"]


@pytest.mark.parametrize("prefix", ["000", "001", "002"])
def test_full_width_digits_give_the_same_figures(prefix):
    text = _seed_text(prefix)
    wide = text.translate(str.maketrans({**{str(i): chr(0xFF10 + i) for i in range(10)}, "%": "％"}))
    plain = [(f.start, f.end, f.kind, f.value, f.iso) for f in extract(text)]
    assert [(f.start, f.end, f.kind, f.value, f.iso) for f in extract(wide)] == plain


def test_dev_scores_summary(scores, capsys):
    """Prints the four dev-set scores (run with -s to see them) and checks them together."""
    with capsys.disabled():
        print("\ndev set: " + "  ".join(f"{name}={value:.4f}" for name, value in scores.items()))
    assert min(scores.values()) >= 0.97
