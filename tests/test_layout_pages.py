"""Whole pages in the styles papers print, each written for this test.

* a local page in 1998 print style: full-width digits, an empty line between
  articles (not always), author lines, datelines, end signatures, a photo
  caption with its credit at the end of the line;
* an e-paper page: half-width digits, two-space datelines, a feature with an
  editor's note, sub-heads and a coordinator's credit, a picture story, jump
  lines and page furniture;
* Hong Kong news in traditional characters, one sentence per line and no
  empty line at all: headlines and sub-heads told apart by the story's words;
* a reader's own news item, pasted with and without empty lines.
"""

from collections import Counter

import pytest

from hecha.store.clean import clean_text
from hecha.store.layout import split_page

PRINT_PAGE = """临江市春运首日发送旅客１２万人次
本报记者　周晓岚
本报临江１月１０日电　今天是春运第一天，临江市铁路、公路、水路共发送旅客１２万人次，比去年同期增长８％。
市交通局负责人介绍，今年春运预计持续４０天，全市将加开临时客车３００班次。（吴建国　李红）

山区小学用上了新电脑
新华社记者　马骁
新华社西宁１月９日电　记者近日在青海省东部山区采访时看到，一所村小学的孩子们用上了新电脑。
校长说，这批电脑由一家企业捐赠，共有４０台，明年还将增加一间多媒体教室。
孩子们在新教室里上电脑课。（新华社记者马骁摄）


渔港迎来开海后第一个丰收日
去年总产量逾３万吨，创历史新高
本报讯　１月８日清晨，东海渔港的码头上人头攒动，出海归来的渔船卸下一筐筐鲜鱼。
渔民老陈说，今年的收成比去年好，鱼价也稳。
冬季蔬菜供应充足价格平稳
本报南江１月９日电　记者从南江市农业局获悉，入冬以来全市蔬菜日均上市量保持在８００吨以上。
（新华社南江１月９日电）
"""

EPAPER_PAGE = """城市绿道串起百姓幸福生活（城市漫步）
一条条绿道，把公园、河岸和街巷连在一起。去年，全市新增绿道120公里，市民出门见绿的日子多了。
绿道建设要因地制宜，不能一味求大求贵。这组报道记录了几座城市的探索。
——编  者
河岸变成了跑道
清晨六点，江边的绿道上已经有不少跑步的市民。“以前这里是堆场，现在成了我们每天必来的地方。”退休教师周阿姨说。
据了解，这段绿道全长8公里，沿线设置了12处驿站。
老街有了新去处
在老城区，绿道穿过一条条小巷，把分散的小公园连了起来。
本期统筹：钱晓

全市新增停车位2.3万个
本报杭州1月31日电  （记者林青）记者从市交通局获悉：2025年全市新增公共停车位2.3万个，同比增长15%。
市交通局表示，今年将继续推进智慧停车建设。
（转第三版）

图片报道
1月30日，市民在湖畔绿道骑行。
图为骑行爱好者在绿道上合影。
陈晓摄（新华社发）

广告
"""

HK_PAGE = """港鐵新線下月通車
港鐵公司昨日宣布，連接東西兩區的新線將於下月初通車。
新線全長12公里，設有6個車站﹔
預計每日載客15萬人次，可紓緩現有路線的擠迫情況。
港鐵發言人說﹕「試車已經完成，各項安全測試均合格。
我們有信心新線可以準時通車。」
新線票價較巴士略高
新線車費由5元至12元不等，比同區巴士略高。
有乘客認為，新線可節省不少車程時間，票價可以接受。
但亦有區議員批評新線票價過高，促請港鐵提供優惠。
圖為新線列車在車站試車。
颱風襲港天文台發八號風球
天文台昨晚發出八號烈風或暴風信號，全港學校今日停課。
受颱風影響，渡輪服務暫停，多條航線取消。
天文台預料，颱風會在今日下午遠離本港。
"""

READER_ITEM = """今年前三季度本市外贸进出口增长5.8%
本报讯（记者 王晓）今年前三季度，本市外贸进出口总值达到1200亿元，
港口码头上，工人正在装卸集装箱。
同比增长5.8%，增速高于全国平均水平。
图为港口集装箱码头一角。（本报记者 刘洋摄）
工人在码头上检查出口订单。 记者 陈光 摄
市商务局负责人表示，四季度将继续稳定外贸订单。
"""


def page(text: str):
    """Articles of a page, and every block of it as (kind, text)."""
    articles = split_page(clean_text(text))
    return articles, [(b.kind, b.text) for a in articles for b in a.blocks]


def kind_of(blocks, start: str) -> str:
    """The kind of the first block starting with `start`."""
    return next(kind for kind, text in blocks if text.startswith(start))


@pytest.mark.parametrize("text", [PRINT_PAGE, EPAPER_PAGE, HK_PAGE, READER_ITEM, READER_ITEM.replace("\n", "\n\n")])
def test_every_character_is_in_exactly_one_block(text):
    source = Counter(c for c in clean_text(text) if not c.isspace())
    articles, _ = page(text)
    assert Counter(c for a in articles for b in a.blocks for c in b.text if not c.isspace()) == source


def test_print_page_splits_at_headlines_with_or_without_an_empty_line():
    articles, _ = page(PRINT_PAGE)
    assert [a.title for a in articles] == [
        "临江市春运首日发送旅客１２万人次",
        "山区小学用上了新电脑",
        "渔港迎来开海后第一个丰收日",
        "冬季蔬菜供应充足价格平稳",
    ]


def test_print_page_fields():
    articles, blocks = page(PRINT_PAGE)
    assert [a.first("byline") for a in articles[:2]] == ["本报记者 周晓岚", "新华社记者 马骁"]
    assert articles[2].first("subtitle") == "去年总产量逾３万吨，创历史新高"
    assert ("byline", "（吴建国 李红）") in blocks
    assert kind_of(blocks, "本报临江") == "paragraph"  # a dateline opens the report
    assert kind_of(blocks, "孩子们在新教室") == "caption"
    assert ("credit", "（新华社记者马骁摄）") in blocks
    assert kind_of(blocks, "（新华社南江") == "credit"  # a closing tag on its own line starts nothing


def test_epaper_feature_keeps_its_sub_heads_and_credits():
    articles, blocks = page(EPAPER_PAGE)
    assert [a.title for a in articles] == ["城市绿道串起百姓幸福生活（城市漫步）", "全市新增停车位2.3万个", "图片报道"]
    assert articles[0].first("byline") == "——编  者"
    for heading in ("河岸变成了跑道", "老街有了新去处"):
        assert kind_of(blocks, heading) == "heading"
    assert kind_of(blocks, "本期统筹") == "credit"
    assert kind_of(blocks, "（转第三版）") == "credit"
    assert kind_of(blocks, "广告") == "credit"
    assert kind_of(blocks, "图为骑行爱好者") == "caption"
    assert kind_of(blocks, "陈晓摄") == "credit"
    assert kind_of(blocks, "据了解，这段绿道") == "paragraph"


def test_hong_kong_page_without_empty_lines():
    articles, blocks = page(HK_PAGE)
    assert [a.title for a in articles] == ["港鐵新線下月通車", "颱風襲港天文台發八號風球"]
    assert kind_of(blocks, "新線票價較巴士略高") == "heading"
    assert kind_of(blocks, "圖為新線列車") == "caption"


def test_hong_kong_page_joins_cut_sentences_and_open_quotes():
    _, blocks = page(HK_PAGE)
    texts = [text for kind, text in blocks if kind == "paragraph"]
    assert "新線全長12公里，設有6個車站﹔預計每日載客15萬人次，可紓緩現有路線的擠迫情況。" in texts
    assert any(t.endswith("各項安全測試均合格。我們有信心新線可以準時通車。」") for t in texts)


@pytest.mark.parametrize("text", [READER_ITEM, READER_ITEM.replace("\n", "\n\n")], ids=["lines", "spaced"])
def test_reader_item_headline_ending_in_a_figure_is_not_glued(text):
    (article,) = split_page(clean_text(text))
    assert article.title == "今年前三季度本市外贸进出口增长5.8%"
    assert article.blocks[0].kind == "title"
    assert article.blocks[1].text.startswith("本报讯")


@pytest.mark.parametrize("text", [READER_ITEM, READER_ITEM.replace("\n", "\n\n")], ids=["lines", "spaced"])
def test_reader_item_caption_without_credit_leaves_the_sentence_whole(text):
    _, blocks = page(text)
    whole = "本报讯（记者 王晓）今年前三季度，本市外贸进出口总值达到1200亿元，同比增长5.8%，增速高于全国平均水平。"
    assert ("paragraph", whole) in blocks
    assert ("caption", "港口码头上，工人正在装卸集装箱。") in blocks


@pytest.mark.parametrize("text", [READER_ITEM, READER_ITEM.replace("\n", "\n\n")], ids=["lines", "spaced"])
def test_reader_item_inline_credits_with_and_without_tuwei(text):
    _, blocks = page(text)
    assert ("caption", "图为港口集装箱码头一角。") in blocks
    assert ("credit", "（本报记者 刘洋摄）") in blocks
    assert ("caption", "工人在码头上检查出口订单。") in blocks
    assert ("credit", "记者 陈光 摄") in blocks


def test_every_block_names_its_rule():
    for text in (PRINT_PAGE, EPAPER_PAGE, HK_PAGE, READER_ITEM):
        articles, _ = page(text)
        assert all(b.rule for a in articles for b in a.blocks)


BRIEFS_PAGE = """春天来了！
本报讯　昨天，全市气温回升到２０摄氏度，公园里的桃花开了。
市民纷纷走出家门踏青。

谁来管管路边的共享单车？
本报记者　林一
小区门口的人行道上，横七竖八停着几十辆共享单车，行人只能绕行。

本报讯　市图书馆日前推出夜间开放服务，每周五、周六开放至晚上十点。（方圆）

本报讯　南湖公园改造工程近日完工，新增座椅２００余张。（田野）
"""


def test_headlines_ending_in_an_exclamation_or_a_question():
    articles, _ = page(BRIEFS_PAGE)
    assert [a.title for a in articles[:2]] == ["春天来了！", "谁来管管路边的共享单车？"]
    assert articles[1].first("byline") == "本报记者 林一"


def test_briefs_without_headlines_are_articles_of_their_own():
    articles, blocks = page(BRIEFS_PAGE)
    assert len(articles) == 4
    assert [a.first("byline") for a in articles[2:]] == ["（方圆）", "（田野）"]
    assert kind_of(blocks, "本报讯 市图书馆") == "paragraph"  # the ideographic space is cleaned to a plain one


SPACED_PAGE = """河道清淤工程完工

本报记者 许文

历时两个月的城区河道清淤工程日前完工，共清理淤泥5万立方米。

社区食堂开门迎客

本报记者 林一

3月1日，东街社区食堂正式开业，六十岁以上老人用餐可享受优惠。

菜市场改造提速，年内完成20个

本报讯 市商务局近日表示，今年将改造20个菜市场。
"""


def test_spaced_page_splits_at_headlines_over_author_lines_and_datelines():
    articles, _ = page(SPACED_PAGE)
    assert [a.title for a in articles] == ["河道清淤工程完工", "社区食堂开门迎客", "菜市场改造提速，年内完成20个"]
    assert [a.first("byline") for a in articles] == ["本报记者 许文", "本报记者 林一", ""]
    assert [b.kind for b in articles[2].blocks] == ["title", "paragraph"]


def test_bullet_lines_of_a_lead_are_not_glued_together():
    text = (
        "城市更新要久久为功\n"
        "■城市更新是一项系统工程，要统筹谋划、分步推进，让群众住得更安心\n"
        "■老旧小区改造要尊重居民意愿，把好事办好、实事办实\n"
        "本报北京3月2日电  （记者孙梅）住房城乡建设部近日召开会议，部署今年的城市更新工作。\n"
    )
    _, blocks = page(text)
    assert len(blocks) == 4
    assert [text[:1] for _, text in blocks[1:3]] == ["■", "■"]
    assert blocks[3][0] == "paragraph"

    long_lead = text.replace("让群众住得更安心", "让群众住得更安心、更舒心、更放心，" * 4 + "让城市更有温度")
    _, blocks = page(long_lead)
    assert [kind for kind, _ in blocks] == ["title", "paragraph", "heading", "paragraph"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("本报讯 市图书馆日前推出夜间开放服务，每周五开放至晚上十点。", "市图书馆日前推出夜间开放服务"),
        ("本报北京3月2日电  （记者孙梅）住房城乡建设部近日召开会议，部署工作。", "住房城乡建设部近日召开会议"),
        ("本報訊 市政府昨日公布新措施，協助中小企業。", "市政府昨日公布新措施"),
    ],
)
def test_a_brief_without_headline_is_named_after_its_news_not_its_dateline(text, title):
    (article,) = split_page(clean_text(text))
    assert article.title == title


def spaced(text: str) -> str:
    """The page with an empty line after every line, as a copy from a web page gives it."""
    return "\n".join(line + "\n" for line in text.split("\n"))


def test_whole_paragraphs_between_empty_lines_read_like_lines():
    assert [a.title for a in page(spaced(PRINT_PAGE))[0]] == [a.title for a in page(PRINT_PAGE)[0]]
    assert [a.title for a in page(spaced(HK_PAGE))[0]] == ["港鐵新線下月通車", "颱風襲港天文台發八號風球"]
    _, blocks = page(spaced(HK_PAGE))
    assert kind_of(blocks, "新線票價較巴士略高") == "heading"


def test_bracketed_note_under_a_bullet_is_not_glued_to_the_next_paragraph():
    text = (
        "三名官員被點名問責\n"
        "調查報告昨日公佈，三名官員被點名要負責。\n"
        "●衛生署署長李大文\n"
        "（問責﹕通報疫情太遲）\n"
        "李大文去年3月才向公眾公佈疫情，委員會認為延誤了防疫工作。\n"
    )
    _, blocks = page(text)
    assert ("paragraph", "（問責﹕通報疫情太遲）") in blocks
    assert kind_of(blocks, "●衛生署署長") == "heading"
