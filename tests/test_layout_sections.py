"""Round-ups with a label over each part, and sub-heads that leave out the story's subject.

Both pages were written for this test:

* a 1998-style round-up: one headline over reports from several places, each
  under a short label that its report names again (`北欧` … `本报讯北欧…`);
  the labels are headings of the one article, not bylines or new headlines;
* Hong Kong style, one sentence per line and no empty line: a feature about a
  person whose sub-head drops the person's name while the lines under it say
  it again; a new story after it names its own subject.
"""

from collections import Counter

from hecha.store.layout import split_page

ROUND_UP = """各地关注寒潮影响
北欧
本报斯德哥尔摩１月５日电记者林海报道：北欧多国今天气温降到零下３０度，部分航班取消。
当地气象部门预计，寒潮将持续一周。
加拿大
本报讯加拿大东部各省连日降雪，多所学校停课，电力公司派出抢修队。

港口冬季吞吐量创新高
本报宁川１月５日电记者周青报道：宁川港今冬集装箱吞吐量比去年同期增长１２％。
"""

NO_GAPS = """慕容天明一生愛畫畫
慕容天明昨日在家中病逝，終年八十九歲，家人說他走得很安詳。
他一生畫了三千多幅山水，晚年仍每天作畫。
少年離家學藝拜名師
十四歲那年，慕容天明背着一個布包走路到省城，拜了一位賣字畫的老先生為師，白天磨墨掃地，夜裏對着油燈臨摹古帖。
這位老先生脾氣古怪，收徒從不看出身，只看手腕穩不穩，據說當年三十多個少年排隊應試，只留下兩人。
大橋維修下月完工
運輸署昨日表示，跨海大橋的維修工程將於下月底完工，屆時四條行車線全部重開。
工程期間，部分巴士路線須改道。
"""


def _kinds(text: str) -> list[tuple[int, str, str]]:
    """(article, kind, text) of every block of a page."""
    return [(n, b.kind, b.text) for n, a in enumerate(split_page(text)) for b in a.blocks]


def test_round_up_labels_are_headings_of_one_article():
    articles = split_page(ROUND_UP)
    assert [a.title for a in articles] == ["各地关注寒潮影响", "港口冬季吞吐量创新高"]
    kinds = {t: k for _, k, t in _kinds(ROUND_UP)}
    assert kinds["北欧"] == "heading"
    assert kinds["加拿大"] == "heading"


def test_short_headline_over_a_dateline_still_starts_an_article():
    page = ROUND_UP + "\n雪中送炭\n本报讯寒潮来袭，市民政局向３００户困难家庭送去棉被和取暖器。\n"
    titles = [a.title for a in split_page(page)]
    assert titles[-1] == "雪中送炭"


def test_sub_head_that_leaves_out_the_subject_stays_in_its_story():
    articles = split_page(NO_GAPS)
    assert [a.title for a in articles] == ["慕容天明一生愛畫畫", "大橋維修下月完工"]
    kinds = {t: k for _, k, t in _kinds(NO_GAPS)}
    assert kinds["少年離家學藝拜名師"] == "heading"


def test_nothing_lost_on_both_pages():
    for page in (ROUND_UP, NO_GAPS):
        source = Counter(c for c in page if not c.isspace())
        blocks = Counter(c for a in split_page(page) for b in a.blocks for c in b.text if not c.isspace())
        assert blocks == source


HEALTH_PAGE = """冬天怎样护膝？
周丽
天气转冷以后，不少中老年人膝盖酸痛，医生建议出门时戴上护膝，少爬楼梯，多做抬腿练习。
每天用热毛巾敷膝盖十分钟，也能缓解僵硬。

湿地里的候鸟（附图片２张）
１：成群的白鹭在湖边觅食。
２：几只灰鹤从芦苇丛中飞起，远处是刚刚结冰的湖面。

粮仓里的新技术
吴刚
今年秋粮入库后，县粮库用上了测温电缆，仓内温度和湿度随时显示在值班室的屏幕上。
"""


def test_question_headline_over_a_bare_name_starts_an_article():
    articles = split_page(HEALTH_PAGE)
    assert [a.title for a in articles] == ["冬天怎样护膝？", "湿地里的候鸟（附图片２张）", "粮仓里的新技术"]
    kinds = {t: k for _, k, t in _kinds(HEALTH_PAGE)}
    assert kinds["周丽"] == "byline"
    assert kinds["吴刚"] == "byline"


def test_numbered_lines_under_a_picture_headline_are_captions():
    kinds = {t: k for _, k, t in _kinds(HEALTH_PAGE)}
    assert kinds["１：成群的白鹭在湖边觅食。"] == "caption"
    assert kinds["２：几只灰鹤从芦苇丛中飞起，远处是刚刚结冰的湖面。"] == "caption"


def test_numbered_lines_under_an_ordinary_headline_stay_text():
    page = "今年要办的三件事\n１：修好村口的桥，让校车能开进村。\n２：建一个晒谷场，秋收时不再占用公路。\n"
    kinds = [k for _, k, _t in _kinds(page)]
    assert kinds == ["title", "paragraph", "paragraph"]


SAME_FIELD = """漁港新碼頭今日啟用
新碼頭位於海灣東岸，可同時停泊四十艘漁船，漁民卸貨時間由兩小時縮短到半小時。
漁民協會會長說，碼頭啟用後，漁船出海的班次可望增加。
風雨中的老行業
不少年輕人不願出海，協會正與職業學校合作開辦課程，吸引新人入行。
冷凍倉明年擴建
漁民協會會長說，冷凍倉明年擴建後，漁船出海回來可在碼頭旁直接存放漁獲。
擴建後的冷凍倉可存放三千噸漁獲，漁民卸貨後不必再把漁獲運到市區。
"""


def test_sub_head_whose_words_the_lines_below_do_not_say_stays_in_its_story():
    kinds = {t: k for _, k, t in _kinds(SAME_FIELD)}
    assert kinds["風雨中的老行業"] == "heading"


def test_headline_in_new_words_that_its_lines_repeat_starts_an_article():
    titles = [a.title for a in split_page(SAME_FIELD)]
    assert titles == ["漁港新碼頭今日啟用", "冷凍倉明年擴建"]


LIBRARY = """市圖書館延長開放時間
市圖書館由下月起每晚開放到十時，周末亦全日開放，方便上班族借書。
館方表示，延長時間所需人手將由義工補足。
夜讀成風
不少學生放學後留在閱覽室溫習，自修座位經常坐滿。
一些退休人士則喜歡晚飯後來看報紙雜誌。
"""


def test_sub_head_that_shares_no_words_with_the_lines_below_is_no_headline():
    assert [a.title for a in split_page(LIBRARY)] == ["市圖書館延長開放時間"]
    kinds = {t: k for _, k, t in _kinds(LIBRARY)}
    assert kinds["夜讀成風"] == "heading"
