"""Script and width folding keeps every offset."""

from hecha.store.script import fold, fold_width


def test_traditional_becomes_simplified_one_for_one():
    text = "全港樓價兩個月內升約５．２％，成交逾萬宗"
    folded = fold(text)
    assert folded == "全港楼价两个月内升约5.2%,成交逾万宗"
    assert len(folded) == len(text)


def test_full_width_digits_and_odd_forms():
    assert fold("６﹕４，−３℃") == "6:4,-3℃"
    assert fold_width("億元１２") == "億元12"


def test_every_character_maps_to_one_character():
    sample = "".join(chr(cp) for cp in range(0x4E00, 0x9FFF))
    assert len(fold(sample)) == len(sample)


def test_fold_is_the_same_with_and_without_characters_beyond_the_bmp():
    text = "兩個月內𠀀升約５．２％"
    assert fold(text) == "两个月内𠀀升约5.2%"
    assert fold("萬億") == "万亿"
