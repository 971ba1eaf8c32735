"""Extra search keys per item: its 繁體 forms (our own character table) and its English names from `*_en`."""

from __future__ import annotations

from typing import Iterable

from protocol.bilingual import SCREEN_WORDS

# simplified -> traditional for every character of the shipped catalog's names, short names, aliases, misspellings,
# themes and departments that has a traditional form (a test fails when a new catalog word needs one more). Our own
# table, not OpenCC at index time: OpenCC is loaded only by a kiosk showing 繁體, and it writes 换发 as 換髮 (hair)
# and 刻制 two ways, where a citizen types 換發 and 刻製.
_SIMPLIFIED = ("业东丢两丧个临么义乡书买产亲优会伤体余儿关养内册农准几创制办务动劳医协单卫历压参发变后听员围国场坏处"
               "备学宝审寿属岁师废开异录志怀恤户执抚护报担挂损换摆摊数断无时暂机权来标档检残毕汇没注济满灵电疗监离种"
               "积税签简系纳细经结续综缴职联节范药营补认训议记设证评诊询请贫购贴贷费资车转轮辅辆辞迁过还进适遗里鉴钱"
               "销长门闭阶险难静项领额驶驻驾验龄")
_TRADITIONAL = ("業東丟兩喪個臨麼義鄉書買產親優會傷體餘兒關養內冊農準幾創製辦務動勞醫協單衛歷壓參發變後聽員圍國場壞處"
                "備學寶審壽屬歲師廢開異錄誌懷卹戶執撫護報擔掛損換擺攤數斷無時暫機權來標檔檢殘畢彙沒註濟滿靈電療監離種"
                "積稅簽簡係納細經結續綜繳職聯節範藥營補認訓議記設證評診詢請貧購貼貸費資車轉輪輔輛辭遷過還進適遺裡鑑錢"
                "銷長門閉階險難靜項領額駛駐駕驗齡")
TO_TRADITIONAL = dict(zip(_SIMPLIFIED, _TRADITIONAL))
_TABLE = str.maketrans(TO_TRADITIONAL)


def traditional_form(text: str) -> str:
    """A catalog text as a reader of 繁體 types it (the terminal's own words, 打印 -> 列印, as they say them)."""
    out = text.translate(_TABLE)
    for mainland, taiwan in SCREEN_WORDS:
        out = out.replace(mainland, taiwan)
    return out


def extra_keys(chinese: Iterable[str], english: Iterable[str]) -> list[str]:
    """The texts to index besides `chinese`: their traditional forms where they differ, then the English ones."""
    chinese = list(chinese)
    seen = set(chinese)
    out = []
    for text in [traditional_form(t) for t in chinese] + [t.strip() for t in english]:
        if text and text not in seen:
            seen.add(text)
            out.append(text)
    return out
