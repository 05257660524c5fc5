"""Pinyin readings for title sort keys: phrases decide characters with several readings."""

from hecha.store.pinyin import readings, tone3
from hecha.store.sortkeys import title_key


def test_tone_marks_become_numbers_and_the_neutral_tone_five():
    assert [tone3(r) for r in ("zhōng", "lǜ", "ma", "ḿ", "ň")] == ["zhong1", "lv4", "ma5", "m2", "n3"]


def test_a_phrase_picks_the_reading_of_a_character_with_several():
    assert readings("重庆长途车站") == ["chong2", "qing4", "chang2", "tu2", "che1", "zhan4"]
    assert readings("农商银行") == ["nong2", "shang1", "yin2", "hang2"]
    assert readings("重量")[0] == "zhong4"


def test_other_characters_stay_as_they_are():
    assert readings("5G基站A") == ["5", "G", "ji1", "zhan4", "A"]


def test_titles_sort_in_pinyin_order():
    titles = ["中山路拓宽", "北站扩建", "安置房交付", "重庆航线加密", "长江大桥通车"]
    assert sorted(titles, key=title_key) == ["安置房交付", "北站扩建", "长江大桥通车", "重庆航线加密", "中山路拓宽"]
