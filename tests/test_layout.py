"""Layout analysis on the real seed pages: kinds, joins, article splits, no text lost."""

from collections import Counter

import pytest
from conftest import seed_articles, seed_text

from hecha.store.blocks import split_lines
from hecha.store.clean import clean_text
from hecha.store.layout import split_page

SEEDS = ["000", "001", "002", "003", "004"]


def kinds_of(prefix: str) -> dict[str, str]:
    """Block text → kind for every block of a seed."""
    return {b.text: b.kind for a in seed_articles(prefix) for b in a.blocks}


def find_block(prefix: str, start: str):
    """The first block of a seed whose text starts with `start`."""
    return next(b for a in seed_articles(prefix) for b in a.blocks if b.text.startswith(start))


@pytest.mark.parametrize("prefix", SEEDS)
def test_no_text_lost(prefix):
    """Every non-space character of the cleaned input is in exactly one block."""
    source = Counter(c for c in clean_text(seed_text(prefix)) if not c.isspace())
    blocks = Counter(c for a in seed_articles(prefix) for b in a.blocks for c in b.text if not c.isspace())
    assert blocks == source


@pytest.mark.parametrize(("prefix", "count"), [("000", 1), ("001", 8), ("002", 9), ("003", 1), ("004", 1)])
def test_article_count_per_seed(prefix, count):
    assert len(seed_articles(prefix)) == count


@pytest.mark.parametrize(
    ("prefix", "text", "kind"),
    [
        ("000", "赣江新区经开组团", "kicker"),
        ("000", "铆足干劲不放松 融合发展向前冲", "title"),
        ("002", "——赣江新区《2021年“发展大突破行动”实施方案》解读", "subtitle"),
        ("001", "红谷滩区吹响实施项目带动战略“十百千万”工程行动号角", "subtitle"),
        ("000", "党建品牌持续擦亮 优良作风护航发展", "heading"),
        ("002", "实现综合实力大突破", "heading"),
        ("001", "● 做大总盘 310个区重大重点项目蓄势待发", "heading"),
        ("004", "强化 党建引领", "heading"),
        ("000", "黄家湖互通立交", "caption"),
        ("000", "集智能终端摄像头模组研发生产销售为一体的同兴达", "caption"),
        ("001", "洪州大道快速化工程项目建设现场", "caption"),
        ("004", "苏强格波压新上线的智能仓储", "caption"),
        ("001", "（刘磊文/图）", "byline"),
        ("001", "（李志健）", "byline"),
        ("002", "（赣 轩）", "byline"),
        ("003", "龚娟莉 熊焕明 吴成/文", "byline"),
        ("001", "徐玉婷摄", "credit"),
        ("003", "（本版图片由青山湖区融媒体中心提供）", "credit"),
        ("000", "（数据来源：南昌经开区管委会）", "credit"),
        ("002", "（李书赐 辜现琦 张志豪摄）", "credit"),
        ("000", "经开组团始终坚持“项目为王”理念，按照", "fragment"),
        ("002", "截至目前，金开双创科技工", "fragment"),
    ],
)
def test_block_kinds_on_seed_examples(prefix, text, kind):
    assert kinds_of(prefix)[text] == kind


def test_join_across_a_caption():
    """Seed 000: `“从正式签约到拿地、开` · caption · `工,仅用了…` is one paragraph."""
    article = seed_articles("000")[0]
    texts = [b.text for b in article.blocks]
    joined = next(i for i, t in enumerate(texts) if t.startswith("“从正式签约到拿地、开"))
    assert texts[joined].startswith("“从正式签约到拿地、开工，仅用了不到2个月时间")
    assert article.blocks[joined].kind == "paragraph"
    assert texts[joined + 1] == "集智能终端摄像头模组研发生产销售为一体的同兴达"
    assert article.blocks[joined + 1].kind == "caption"


@pytest.mark.parametrize(
    ("prefix", "joint"),
    [
        ("000", "陆续引进赣鄱数据湖、中国电信中部"),  # across a caption
        ("000", "中国工业互联网研究院江西分院"),  # continuation printed earlier on the page
        ("000", "让人民过上好日子"),
        ("001", "抢抓未来产业发展先机，重点聚焦"),  # across three captions
        ("001", "对接好省供销、省交投"),  # column break
        ("003", "反映事项。目前，125条"),
        ("004", "有效提升“两新”组织党建质量"),
    ],
)
def test_cut_paragraphs_are_rejoined(prefix, joint):
    block = next(b for a in seed_articles(prefix) for b in a.blocks if joint in b.text)
    assert block.kind == "paragraph"


def test_trailing_byline_is_split_from_its_paragraph():
    block = find_block("002", "打响生态品牌")
    assert block.text.endswith("农村人居环境整治。")


def test_brief_titles_and_section_labels_start_articles():
    titles = [(a.first("kicker"), a.title) for a in seed_articles("002")]
    assert ("赣江速递", "赣江新区 一季度招商成绩单出炉") in titles
    assert ("", "临空组团 服务春秋航空在赣完成注册") in titles
    assert ("党史学习教育", "走进萍乡开展党史学习教育") in titles


def test_photo_story_has_title_and_captions():
    article = next(a for a in seed_articles("002") if a.title == "图片新闻")
    assert [b.kind for b in article.blocks] == ["title", "caption", "caption", "caption", "credit"]


def test_captions_after_a_byline_stay_with_the_article():
    article = seed_articles("003")[0]
    assert article.blocks[-1].text == "老旧小区改造" and article.blocks[-1].kind == "caption"
    assert sum(b.text == "老旧小区改造" for b in article.blocks) == 2


def test_single_article_pages_keep_their_headings():
    for prefix in ("000", "003", "004"):
        (article,) = seed_articles(prefix)
        assert sum(b.kind == "heading" for b in article.blocks) >= 3


def test_block_spans_index_the_article_text():
    for article in seed_articles("001"):
        for block, (start, end) in zip(article.blocks, article.block_spans()):
            assert article.text[start:end] == block.text


def test_gap_counts_blank_lines():
    blocks = split_lines("甲\n\n\n\n乙\n丙")
    assert [(b.text, b.gap) for b in blocks] == [("甲", 0), ("乙", 3), ("丙", 0)]


def test_page_without_a_title_takes_its_first_sentence():
    (article,) = split_page("今年全区新增企业23家，增长12%。另有两家在建。")
    assert article.title == "今年全区新增企业23家"
    assert article.blocks[0].kind == "paragraph"


def test_empty_page_has_no_articles():
    assert split_page("\n \n") == []
