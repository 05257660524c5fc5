"""Keywords from the search-mode words import has already cut."""

from hecha.store.keywords import keywords, precise_words
from hecha.store.segment import search_words, tokenizer

TEXTS = [
    "中华人民共和国国家发展和改革委员会负责人介绍，高速公路收费站改造工程已完成。",
    "城乡居民人均可支配收入增长，农村居民人均可支配收入增速快于城镇居民。",
    "研究生招生考试报名人数创新高，其中应届本科毕业生占比过半。A股市场成交额1.2万亿元。",
    "中国中国人民银行行长表示……",
]


def test_precise_words_are_recovered_exactly_from_search_words():
    for text in TEXTS:
        found = search_words(text)
        assert len(found) > len(tokenizer().cut(text, False))  # search mode adds the words inside words
        assert precise_words(text, found) == tokenizer().cut(text, False)


def test_keywords_are_the_same_with_or_without_the_search_words_at_hand():
    text = "".join(TEXTS) * 3
    assert keywords(text, search_words=search_words(text)) == keywords(text)
    assert "支配" in keywords(text) and "收入" in keywords(text)
