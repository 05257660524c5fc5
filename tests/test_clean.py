"""Character-level cleaning: normalising, control characters, punctuation."""

from hecha.store.clean import clean_text, full_width_punctuation, normalise, strip_controls


def test_crlf_and_lone_cr_become_lf():
    assert normalise("一\r\n二\r三") == "一\n二\n三"


def test_odd_spaces_become_plain_and_space_lines_empty():
    assert normalise("甲\u00a0乙\u3000丙\n \u3000 \n丁") == "甲 乙 丙\n\n丁"


def test_nfc_composes_characters():
    assert normalise("e\u0301") == "\u00e9"


def test_zero_width_and_bom_removed():
    assert normalise("\ufeff数\u200b据") == "数据"


def test_escape_sequences_and_controls_are_stripped():
    dirty = "标题\x1b[31m红\x1b[0m\x07\x1b]0;title\x07正文\x9b2J\x00\x08完"
    assert strip_controls(dirty) == "标题红正文完"


def test_bidi_overrides_are_stripped():
    assert strip_controls("abc\u202edef\u2066g\u2069") == "abcdefg"


def test_tabs_and_newlines_survive_control_stripping():
    assert strip_controls("a\tb\nc") == "a\tb\nc"


def test_half_width_punctuation_between_han_becomes_full_width():
    assert full_width_punctuation("近日,一则消息;他说:好!对吗?") == "近日，一则消息；他说：好！对吗？"


def test_parentheses_around_chinese_become_full_width():
    assert full_width_punctuation("公司(以下简称“江铃”)与") == "公司（以下简称“江铃”）与"
    assert full_width_punctuation("(数据来源:管委会)") == "（数据来源：管委会）"


def test_numbers_and_ascii_phrases_stay():
    assert full_width_punctuation("共1,000人,增长3.5%") == "共1,000人，增长3.5%"
    assert full_width_punctuation("5G基站和M0芯片") == "5G基站和M0芯片"
    assert full_width_punctuation("He said: hello, world (really)!") == "He said: hello, world (really)!"
    assert full_width_punctuation("10:30开会") == "10:30开会"


def test_punctuation_after_figure_before_han():
    assert full_width_punctuation("增长7.7%,增幅") == "增长7.7%，增幅"


def test_clean_text_chains_everything():
    assert clean_text("甲,乙\r\n\x1b[1m丙\u3000") == "甲，乙\n丙"
