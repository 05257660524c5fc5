"""Units and qualifiers: the words after a number that say what it counts, and before it that hedge it.

Split out of `figures` so that module holds the figure rules alone. `UNIT_KIND`
maps every unit to the kind of figure it makes (元 → money, 亩 → measure);
`qualifier_before` finds 约, 超过, 不到 … standing right before a figure.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------- unit tables
UNITS = {
    "money": "元 美元 欧元 日元 英镑 港元 港币 澳元 韩元 卢布 人民币 美金",
    "percent": "% ‰ 个百分点 百分点",
    "measure": "平方米 平方公里 平方千米 平方 立方米 立方 公顷 亩 吨 千克 公斤 克 斤 公里 千米 米 厘米 毫米 "
    "海里 千瓦时 千瓦 兆瓦 瓦 度 升 毫升 摄氏度 ℃ 标准箱 标箱 层 岁 ㎡ ㎞",
    "duration": "年 个月 个多月 个半月 个小时 个多小时 个半小时 小时 分钟 秒 天 周 周年 个星期 星期 "
    "个工作日 工作日 个季度 年半 昼夜",
    "multiple": "倍",
    "quantity": "个 家 条 台 名 人 人次 次 件 份 所 项 批 路 栋 座 架 架次 辆 艘 套 户 位 只 头 株 棵 块 张 "
    "篇 部 本 间 处 场 场次 轮 支 组 片 颗 枚 根 种 款 例 起 宗 笔 门 家次 户次 车次 班次 批次",
}
ASCII_UNITS = {"measure": "MWh MW GWh GW kWh kW KW km kg m2 m² TEU Mbps GB TB nm"}
UNIT_KIND = {u: kind for table in (UNITS, ASCII_UNITS) for kind, units in table.items() for u in units.split()}
# UNIT_KIND maps every unit the rules know to the kind of figure it makes.
UNIT_KIND["成"] = "percent"
# After a Chinese numeral these are words, not units: 十分, 百度, 五四路, 三门峡, 两头.
ARABIC_ONLY = frozenset("路 分 度 点 方 号 期 门 头 层".split())
HALF_UNITS = {"个半月": "个月", "个半小时": "个小时", "年半": "年"}
ROUGH_UNITS = {"个多月": "个月", "个多小时": "个小时"}
# A unit followed by one of these characters is the start of a word: 组团, 家庭, 人员, 年级.
UNIT_NOT_BEFORE = {
    "组": "团织成合建件", "家": "庭属长乡具电园", "人": "员民口才群士大均们工造气类生身",
    "部": "门署分长队委", "条": "件例款约", "名": "单称义字额牌片", "次": "数序要日",
    "年": "级轻代", "只": "有是要能会", "处": "理置长室级", "场": "所景地合面", "座": "谈",
    "起": "来点步草码诉", "项": "目", "支": "持付撑出部", "批": "准评复示", "度": "过假",
}
CURRENCY_PER = "平方米 吨 人 年 月 天 亩 公斤 千克 斤 件 小时 股 千瓦时 度 台 辆 米 公里 kWh km".split()


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so the longest wins."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))



# ------------------------------------------------------------- qualifiers
QUALIFIERS = (
    "约 近 超 逾 达 仅 超过 不到 不足 不少于 不低于 不超过 不高于 不止 达到 突破 将近 接近 几近 大约 约为 "
    "高达 多达 长达 至少 最多 最高 最低 仅有 只有 超出"
).split()
_QUALIFIER = re.compile(rf"(?:{alternation(QUALIFIERS)})$")
# A single-character qualifier that is really the end of a word: 签约, 最近, 到达.
_NOT_QUALIFIER = {
    "约": "签合节制履特预违公邀相践盟条", "近": "最附邻靠临就亲", "达": "到抵传表下发通直送转雷",
    "超": "赶高", "仅": "不",
}

def qualifier_before(text: str, start: int) -> str | None:
    """The qualifying word (约, 超过, 不到 …) standing right before `start`, if any."""
    match = _QUALIFIER.search(text, max(0, start - 3), start)
    if not match:
        return None
    word = match.group()
    before = text[match.start() - 1] if match.start() else ""
    if word in _NOT_QUALIFIER and before and before in _NOT_QUALIFIER[word]:
        return None
    return word
