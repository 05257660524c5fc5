"""Indicators: what each figure measures, where and when; conflicts across articles (store.indicators)."""

import pytest

from hecha import store
from hecha.store.figures import extract
from hecha.store.indicators import find_indicators, home_place, named_places

HEAD = "青石县召开全县经济工作会议"


def indicators(sentence: str, date: str | None = "2023-12-05", head: str = HEAD):
    """(indicator, place, period, base, value, unit) of each figure of a sentence."""
    return [
        (i.indicator, i.place, i.period, i.base, i.value, i.unit)
        for i in find_indicators(sentence, extract(sentence), date, head)
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "1至11月，临江市规模以上工业增加值达到120.5亿元，同比增长6.3%。",
            [
                ("规模以上工业增加值", "临江市", "2023-01/2023-11", None, 12050000000.0, "元"),
                ("规模以上工业增加值", "临江市", "2023-01/2023-11", "同比", 6.3, "%"),
            ],
        ),
        (
            "今年以来，全县固定资产投资完成88.6亿元，比上年增长12%。",
            [
                ("固定资产投资", "青石县", "2023-01/2023-12", None, 8860000000.0, "元"),
                ("固定资产投资", "青石县", "2023-01/2023-12", "比上年", 12.0, "%"),
            ],
        ),
        (
            "一季度，江北新区实现财政总收入45.1亿元，环比下降3.2%。",
            [
                ("财政总收入", "江北新区", "2023-01/2023-03", None, 4510000000.0, "元"),
                ("财政总收入", "江北新区", "2023-01/2023-03", "环比", 3.2, "%"),
            ],
        ),
        (
            "截至10月底，该县社会消费品零售总额累计实现1205000万元。",
            [
                ("社会消费品零售总额", "青石县", "2023-01/2023-10", None, 12050000000.0, "元"),
            ],
        ),
        (
            "1至9月，全县规上工业增加值同比增长7.5%。",
            [
                ("规模以上工业增加值", "青石县", "2023-01/2023-09", "同比", 7.5, "%"),
            ],
        ),
        (
            "截至9月末，全县金融机构存款余额352.1亿元，比年初增加31.2亿元，增长9.7%。",
            [
                ("金融机构存款余额", "青石县", "2023-01/2023-09", None, 35210000000.0, "元"),
                ("金融机构存款余额", "青石县", "2023-01/2023-09", "比年初", 3120000000.0, "元"),
                ("金融机构存款余额", "青石县", "2023-01/2023-09", "比年初", 9.7, "%"),
            ],
        ),
        ("去年全县粮食产量达到52.3万吨。", [("粮食产量", "青石县", "2022", None, 523000.0, "吨")]),
        ("2022年，南岭省进出口总额为3.2万亿元。", [("进出口总额", "南岭省", "2022", None, 3.2e12, "元")]),
    ],
)
def test_indicator_place_period_base(sentence, expected):
    assert indicators(sentence) == expected


def test_place_and_period_from_an_earlier_clause_of_the_paragraph():
    found = indicators("2022年，临江市新签约项目45个，年度计划投资60.5亿元，实际完成投资71.2亿元。")
    assert [(i[0], i[1], i[2]) for i in found] == [
        ("新签约项目", "临江市", "2022"),
        ("年度计划投资", "临江市", "2022"),
        ("投资", "临江市", "2022"),
    ]


def test_without_a_date_the_year_stays_open():
    assert indicators("1至6月，全县财政总收入完成20.1亿元。", date=None)[0][2] == "--01/--06"


def test_a_figure_with_no_indicator_noun_is_left_out():
    assert indicators("会议持续了3天，来了200多人。") == []


def test_places_and_words_that_only_look_like_places():
    assert [n for _, n in named_places("在临江市和青石县，城市更新与小区改造同步推进")] == ["临江市", "青石县"]
    assert home_place("——宜川经开区高质量发展纪实") == "宜川经开区"


def test_traditional_script():
    sentence = "1至11月，臨江市規模以上工業增加值達到120.5億元。"
    from hecha.store.script import fold

    found = find_indicators(sentence, extract(fold(sentence)), "2023-12-05", HEAD)
    # names are read from the folded text, so both scripts give one indicator to follow
    assert [(i.indicator, i.place) for i in found] == [("规模以上工业增加值", "临江市")]


# ------------------------------------------------------------ library and conflicts
def write(folder, name, text):
    """A news file; its name carries the publication date."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def library(db, tmp_path):
    """Three articles about one county; two disagree on one figure, one restates it in 万元."""
    folder = tmp_path / "news"
    folder.mkdir()
    write(
        folder,
        "2023-12-05_a.txt",
        "青石县经济运行平稳\n\n1至11月，全县规模以上工业增加值达到120.5亿元，同比增长6.3%。\n",
    )
    write(
        folder,
        "2023-12-08_b.txt",
        "青石县工业稳中有进\n\n1至11月，青石县规模以上工业增加值为118.2亿元，同比增长6.3%。\n",
    )
    write(folder, "2023-12-09_c.txt", "青石县简讯\n\n1至11月，全县规模以上工业增加值1205000万元。\n")
    store.import_paths(db, [folder])
    return db


def test_indicators_are_stored_at_import(library):
    rows = store.list_indicators(library)
    assert {(i.indicator, i.place, i.period) for i in rows} == {("规模以上工业增加值", "青石县", "2023-01/2023-11")}
    assert all(i.article_id is not None and i.text for i in rows)


def test_conflict_listed_and_10000_yuan_restatement_is_not_one(library):
    groups = store.indicator_conflicts(library)
    assert len(groups) == 1
    values = sorted({i.value for i in groups[0]})
    assert values == [11820000000.0, 12050000000.0]
    only = store.list_indicators(library, only_conflicts=True)
    assert {i.base for i in only} == {None}
    assert store.list_indicators(library)[: len(only)] == only  # conflicts come first


def test_same_value_in_yi_and_wan_is_no_conflict(db, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    write(folder, "2023-12-05_a.txt", "青石县\n\n1至11月，全县规模以上工业增加值达到120.5亿元。\n")
    write(folder, "2023-12-09_c.txt", "青石县\n\n1至11月，全县规模以上工业增加值1205000万元。\n")
    store.import_paths(db, [folder])
    assert store.indicator_conflicts(db) == []
    assert len(store.list_indicators(db)) == 2


def test_checks_are_stored_at_import_and_carried_by_a_span(db, tmp_path):
    path = write(
        tmp_path,
        "2023-12-05_p.txt",
        "青石县\n\n年度计划投资40.7亿元，全年实际完成投资52.9亿元，完成全年目标的129.9%。\n",
    )
    store.import_paths(db, [path])
    article_id = store.list_articles(db)[0].id
    checks = store.list_checks(db, article_id)
    assert [(c.kind, c.verdict, c.article_id) for c in checks] == [("plan", "rounding", article_id)]
    text = store.get_article(db, article_id).text
    start = text.index("年度")
    assert store.claim_checks(db, article_id, start, len(text)) == checks
    assert store.claim_checks(db, article_id, start, start + 5) == []


def test_an_older_version_of_a_changed_file_is_no_conflict(db, tmp_path):
    path = write(tmp_path, "2023-12-05_a.txt", "青石县\n\n1至11月，全县规模以上工业增加值达到120.5亿元。\n")
    store.import_paths(db, [path])
    path.write_text("青石县\n\n1至11月，全县规模以上工业增加值达到121.5亿元。\n", encoding="utf-8")
    store.import_paths(db, [path])
    assert [i.value for i in store.list_indicators(db)] == [12150000000.0]
    assert store.indicator_conflicts(db) == []


def test_checks_and_indicators_are_recomputed_when_made_by_other_rules(library):
    before = store.list_indicators(library)
    with library.atomic():
        library.execute("UPDATE articles SET checks_version = 'old'")
        library.execute("DELETE FROM indicators")
    assert store.refresh_checks(library) == 3
    assert store.list_indicators(library) == before


def test_schema_has_the_migration(db):
    from hecha.store.db import MIGRATION_NAMES

    assert "m006_indicators" in MIGRATION_NAMES
    assert {"checks", "indicators"} <= set(db.table_names())
    assert "checks_version" in db["articles"].columns_dict


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (  # names listed, then 分别 and as many figures: each figure its own indicator
            "1至10月，全县规模以上工业增加值和固定资产投资分别增长5.1%和7.4%。",
            [("规模以上工业增加值", "青石县", 5.1), ("固定资产投资", "青石县", 7.4)],
        ),
        (  # places listed with one indicator; a clause opening with 分别 takes the same list
            "今年以来，南溪市、北岭县两地社会消费品零售总额分别为1200亿元和350亿元，分别同比增长6%和4%。",
            [
                ("社会消费品零售总额", "南溪市", 1.2e11),
                ("社会消费品零售总额", "北岭县", 3.5e10),
                ("社会消费品零售总额", "南溪市", 6),
                ("社会消费品零售总额", "北岭县", 4),
            ],
        ),
        (  # names sharing the last one's head noun
            "全县粮食、油料、蔬菜产量分别达到30万吨、2万吨和15万吨。",
            [("粮食产量", "青石县", 3e5), ("油料产量", "青石县", 2e4), ("蔬菜产量", "青石县", 1.5e5)],
        ),
    ],
)
def test_a_list_followed_by_respectively_gives_each_figure_its_own_name(sentence, expected):
    found = find_indicators(sentence, extract(sentence), "2024-11-20", HEAD)
    assert [(i.indicator, i.place, i.value) for i in found] == expected
    if "同比" in sentence:
        assert [i.base for i in found[2:]] == ["同比", "同比"]


def test_a_list_whose_count_differs_from_the_figures_is_not_paired():
    sentence = "前三季度，出口和进口分别增长3.1%、2.2%和5%。"
    found = find_indicators(sentence, extract(sentence), "2024-11-20", HEAD)
    assert ("出口", 3.1) not in [(i.indicator, i.value) for i in found]
