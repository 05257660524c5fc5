"""The table of line forms: author lines, credits, datelines, jump lines, caption cues.

Every example is written for this test, in the styles papers print them:
simplified and traditional characters, full-width and half-width digits.
"""

import pytest

from hecha.store.blocks import split_lines
from hecha.store.forms import bare_names, end_signature, inline_credit, line_form, starts_with


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("本报记者 周晓岚", "byline"),
        ("本报记者　周晓岚　通讯员　郑小川", "byline"),
        ("新华社记者戚远山林小雨", "byline"),
        ("本报驻巴西记者陶然", "byline"),
        ("（本报记者吴立、孙明、赵一帆、何静）", "byline"),
        ("（吴建国李红梅周正）", "byline"),
        ("——编  者", "byline"),
        ("王小宁/文", "byline"),
        ("（作者为某大学经济学院教授）", "byline"),
        ("本報記者 陳家明", "byline"),
        ("（新华社记者林海摄）", "credit"),
        ("（本报记者张一摄）", "credit"),
        ("林海  何川摄影报道", "credit"),
        ("陈晓摄（新华社发）", "credit"),
        ("刘洋摄（视觉中国）", "credit"),
        ("（新华社发路透社照片）", "credit"),
        ("（傳真照片）", "credit"),
        ("（资料图片）", "credit"),
        ("（附图片２张）", "credit"),
        ("本期统筹：钱晓", "credit"),
        ("二版责编：孙  立  李  默", "credit"),
        ("广告", "credit"),
        ("（一九九九年三月八日）", "credit"),
        ("（新华社南宁１月３日电）", "source"),
        ("（本报东京电）", "source"),
        ("（转第三版）", "jump"),
        ("上接第2版", "jump"),
        ("相关报道见第五版", "jump"),
        ("（完）", "notname"),
    ],
)
def test_whole_line_forms(line, role):
    form = line_form(line)
    assert form is not None and form.role == role, (line, form)


@pytest.mark.parametrize(
    "line",
    [
        "记者手记",  # a column label, not an author
        "同心共绘发展新蓝图",
        "学好中文",
        "《山河》影片摄成",
        "丰收的喜悦",
        "3D打印走进千家万户",
    ],
)
def test_headlines_are_no_forms(line):
    assert line_form(line) is None


@pytest.mark.parametrize(
    "text",
    [
        "本报北京3月2日电  （记者孙梅）今天，",
        "本报南江１月９日电　记者从市农业局获悉，",
        "新华社西宁一月九日电 记者近日在山区采访时看到，",
        "据新华社日内瓦5月6日电（记者林一）",
        "本报讯 1月8日清晨，",
        "本報訊 昨日上午，",
        "【环球时报综合报道】",
        "中新社香港7月3日电 港府今日公布，",
    ],
)
def test_datelines_open_a_report(text):
    assert starts_with("dateline", text) is not None


@pytest.mark.parametrize("text", ["本报记者从市电力公司获悉，", "记者近日走访发现，", "今年以来，本市新增企业3000家。"])
def test_ordinary_openings_are_no_datelines(text):
    assert starts_with("dateline", text) is None


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("游客在湖边赏花。（新华社记者林海摄）", "（新华社记者林海摄）"),
        ("工人在码头上检查出口订单。 记者 陈光 摄", "记者 陈光 摄"),
        ("圖為市民在碼頭等候渡輪。（本報記者攝）", "（本報記者攝）"),
        ("夜色中的古城。陈晓摄（新华社发）", "陈晓摄（新华社发）"),
    ],
)
def test_inline_credit_at_the_end_of_a_caption(text, credit):
    cut = inline_credit(text)
    assert (text[cut:].strip() if cut is not None else None) == credit


@pytest.mark.parametrize(
    ("text", "signature"),
    [
        ("全年新增就业岗位一万个。（吴建国　李红）", "（吴建国　李红）"),
        ("活动将持续到月底。”（本报记者 何静）", "（本报记者 何静）"),
        ("会议在北京举行。（新华社北京１月３日电）", None),
        ("演出到此结束。（完）", None),
        ("项目将于年底完工。（下转第二版）", None),
        ("机器让农业更有劲（中国产业观察）", None),  # a headline's column label
    ],
)
def test_end_signature_after_the_last_sentence(text, signature):
    cut = end_signature(text)
    assert (text[cut:] if cut is not None else None) == signature


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("张京陈辉", True),
        ("李明 王芳", True),
        ("欧阳小雨", True),
        ("王　川", True),
        ("天气趋势分析", False),
        ("大 海", False),
    ],
)
def test_bare_names(line, names):
    assert bare_names(line) is names


def test_split_lines_separates_a_caption_from_its_credit():
    caption, credit = split_lines("孩子们在新教室里上电脑课。（新华社记者马骁摄）")
    assert (caption.kind, caption.text) == ("caption", "孩子们在新教室里上电脑课。")
    assert (credit.kind, credit.text) == ("credit", "（新华社记者马骁摄）")
    assert caption.rule and credit.rule
