"""Invented county catalogs of any size for benchmarks and tests: `python -m kiosk.catalog.generate --items 5000 OUT`.

The header keeps the shipped catalog's themes, life events, queues, material and field library and misspellings;
departments are a county's bureaus, items are plausible matters (object + action, often for one kind of applicant)
with aliases, materials, time limits and legal bases. Same seed, same bytes. Written as catalog.json +
items/<department>.json, which the loader validates like any catalog.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from protocol.catalog_loader import read_header

SHIPPED = Path(__file__).resolve().parents[2] / "assets" / "catalog"
ITEMS_PER_PREFIX = 999  # item codes are 2-4 letters and three digits: one prefix holds 999 items

# (code, name, English, queue, code prefix, theme codes, objects of its matters)
DEPARTMENTS = [
    ("county_police", "县公安局", "County Public Security Bureau", "A", "GA", ["household", "certificates"],
     ["户口", "居民身份证", "居住证", "临时身份证", "户口簿", "出入境通行证", "护照", "暂住登记", "寄递许可"]),
    ("county_traffic", "县公安局交警大队", "County Traffic Police", "F", "JJ", ["transport"],
     ["机动车驾驶证", "机动车行驶证", "机动车号牌", "非机动车号牌", "校车标牌", "临时通行证", "违章处理"]),
    ("county_civil", "县民政局", "County Civil Affairs Bureau", "E", "MZ", ["assistance", "marriage_birth", "elderly"],
     ["婚姻登记", "最低生活保障", "特困人员供养", "临时救助", "高龄津贴", "殡葬补助", "社会团体", "民办非企业单位",
      "养老机构", "收养登记"]),
    ("county_hrss", "县人力资源和社会保障局", "County Human Resources and Social Security Bureau", "B",
     "RS", ["social_security", "employment"],
     ["社会保障卡", "养老保险", "失业保险金", "工伤认定", "就业登记", "创业担保贷款", "职业技能等级证书",
      "劳动合同备案", "退休审批", "灵活就业社保"]),
    ("county_medical", "县医疗保障局", "County Medical Security Bureau", "B", "YB", ["medical"],
     ["医保参保", "异地就医备案", "门诊慢特病", "医疗费用报销", "医保关系转移", "生育津贴", "医保个人账户"]),
    ("county_fund", "县住房公积金管理部", "County Housing Provident Fund Office", "C", "GJ", ["housing_fund"],
     ["住房公积金", "公积金贷款", "公积金缴存", "公积金账户", "公积金异地转移"]),
    ("county_estate", "县不动产登记中心", "County Real Estate Registration Centre", "C", "BD", ["real_estate"],
     ["不动产权证书", "房屋所有权", "抵押权", "宅基地使用权", "林权", "土地承包经营权", "预告登记", "查封登记"]),
    ("county_market", "县市场监督管理局", "County Market Regulation Administration", "D", "SJ", ["business"],
     ["营业执照", "个体工商户", "农民专业合作社", "食品经营许可证", "特种设备使用登记", "计量器具检定", "商标质押",
      "药品零售许可证"]),
    ("county_tax", "县税务局", "County Tax Bureau", "D", "SW", ["tax", "business"],
     ["发票", "个人所得税", "增值税", "契税", "城乡居民医保费", "税务登记", "完税证明", "车船税"]),
    ("county_education", "县教育局", "County Education Bureau", "F", "JY", ["education"],
     ["义务教育入学", "学籍", "教师资格", "学历证明", "民办学校办学许可", "学生资助", "转学"]),
    ("county_health", "县卫生健康局", "County Health Bureau", "F", "WJ", ["marriage_birth", "elderly"],
     ["出生医学证明", "生育登记", "医师执业注册", "护士执业注册", "医疗机构执业许可", "公共场所卫生许可",
      "独生子女父母奖励"]),
    ("county_disabled", "县残疾人联合会", "County Disabled Persons' Federation", "E", "CL", ["disability"],
     ["残疾人证", "残疾人两项补贴", "辅助器具适配", "残疾人就业登记", "残疾人康复救助"]),
    ("county_agri", "县农业农村局", "County Agriculture and Rural Affairs Bureau", "F", "NY", ["business", "assistance"],
     ["农药经营许可证", "兽药经营许可证", "种子生产经营许可证", "渔业捕捞许可证", "农机购置补贴", "农村宅基地",
      "动物防疫条件合格证"]),
    ("county_forestry", "县林业局", "County Forestry Bureau", "F", "LY", ["real_estate", "business"],
     ["林木采伐许可证", "木材运输证", "野生动物驯养许可", "林地使用审核", "森林植被恢复费"]),
    ("county_housing", "县住房和城乡建设局", "County Housing and Urban-Rural Development Bureau", "C", "ZJ",
     ["real_estate", "business"],
     ["建筑工程施工许可证", "商品房预售许可证", "公租房", "房屋租赁备案", "建筑业企业资质", "燃气经营许可证"]),
    ("county_transport", "县交通运输局", "County Transport Bureau", "F", "JT", ["transport", "business"],
     ["道路运输经营许可证", "道路运输证", "从业资格证", "出租汽车驾驶员证", "超限运输许可", "网约车运输证"]),
    ("county_veterans", "县退役军人事务局", "County Veterans Affairs Bureau", "E", "TY", ["employment", "assistance"],
     ["退役军人优待证", "伤残抚恤", "退役士兵安置", "烈士褒扬", "优抚对象补助"]),
    ("county_env", "县生态环境分局", "County Ecology and Environment Office", "D", "HB", ["business"],
     ["排污许可证", "环境影响评价", "危险废物经营许可证", "辐射安全许可证"]),
    ("county_emergency", "县应急管理局", "County Emergency Management Bureau", "D", "YJ", ["business"],
     ["危险化学品经营许可证", "烟花爆竹经营许可证", "安全生产许可", "特种作业操作证"]),
    ("county_culture", "县文化广电和旅游局", "County Culture, Broadcasting and Tourism Bureau", "F", "WL", ["business"],
     ["娱乐场所经营许可证", "网吧经营许可证", "演出经纪机构", "旅行社业务经营许可", "出版物经营许可证"]),
    ("county_water", "县水利局", "County Water Resources Bureau", "F", "SL", ["business", "real_estate"],
     ["取水许可", "河道采砂许可", "水土保持方案", "生产建设项目占用水域"]),
    ("county_judicial", "县司法局", "County Justice Bureau", "E", "SF", ["assistance"],
     ["法律援助", "公证", "人民调解", "基层法律服务工作者执业证"]),
]
ACTIONS = ["申领", "换领", "补领", "变更", "注销", "查询", "备案", "认定", "登记", "核发", "延续", "转移", "打印",
           "审核", "年度报告", "撤销", "确认", "办理"]
# who a matter is for: most matters exist for several kinds of applicant, each its own catalog item
SUBJECTS = ["", "", "", "居民", "企业", "个体工商户", "老年人", "残疾人", "外籍人员", "农村居民", "城镇职工", "退役军人",
            "学生", "灵活就业人员", "困难家庭", "港澳台居民", "社会组织", "农民专业合作社", "未成年人", "现役军人家属"]
# a county also serves each town's service centre: the same matter there is an item of its own
TOWNS = ["", "", "", "", "城关镇", "东河乡", "西山镇", "南岭乡", "北坪镇", "青石镇", "柳湾乡", "桃源镇", "石门乡",
         "新集镇", "双河镇", "马坊乡"]
ALIAS_FORMS = ["办{o}", "{o}怎么{a}", "{o}{a}手续", "{a}{o}", "{o}业务", "我要{a}{o}"]
MATERIAL_REFS = ["idcard", "hukou_book", "photo", "application_form", "proxy_letter", "proxy_idcard", "bank_card",
                 "marriage_cert", "property_cert", "business_license", "legal_rep_idcard", "income_proof",
                 "residence_proof"]
OWN_MATERIALS = ["{o}原件", "{o}复印件", "情况说明", "相关证明材料", "现场照片", "申请书", "承诺书", "单位证明",
                 "检验检测报告", "场所平面图"]
CONDITIONS = ["申请人为{s}本人或其法定代理人", "材料齐全、符合法定形式", "{o}在有效期内或已按规定办理",
              "在本县行政区域内", "无未办结的同类事项", "符合国家和省有关规定"]
LAWS = ["《中华人民共和国行政许可法》第三十条", "《{o}管理办法》第{n}条", "《{d}政务服务事项实施规范》第{n}条",
        "《优化营商环境条例》第三十五条", "《国务院关于加快推进政务服务标准化规范化便利化的指导意见》"]
KIOSK_FORM = ["name", "id_number", "phone", "current_address"]


def _departments() -> list[dict]:
    out = []
    for n, (code, name, en, queue, _, _, _) in enumerate(DEPARTMENTS):
        floor = 1 + n % 3
        out.append({"code": code, "name": name, "en": en, "location": f"县政务服务中心{floor}楼",
                    "location_en": f"County Government Service Centre, floor {floor}",
                    "windows": f"{n + 1}号窗口", "windows_en": f"Window {n + 1}",
                    "hours": "周一至周五 8:30-12:00, 14:00-17:30",
                    "hours_en": "Monday to Friday 8:30-12:00, 14:00-17:30",
                    "phone": f"0000-87{n:06d}", "queue": queue})
    return out


def _matters(rnd: random.Random) -> list[tuple[int, str, str, str]]:
    """Every distinct (department index, town, subject + object, action) name, in a seeded order."""
    combos = [(d, town, subject, obj, action)
              for d, dep in enumerate(DEPARTMENTS) for obj in dep[6] for action in ACTIONS
              for subject in dict.fromkeys(SUBJECTS) for town in dict.fromkeys(TOWNS)]
    rnd.shuffle(combos)
    return combos


def _item(rnd: random.Random, code: str, d: int, town: str, subject: str, obj: str, action: str,
          life_events: list[str]) -> dict:
    dep_code, dep_name, _, _, _, themes, _ = DEPARTMENTS[d]
    name = f"{subject}{obj}{action}" + (f"（{town}）" if town else "")
    fmt = {"o": obj, "a": action, "s": subject or "居民", "d": dep_name, "n": rnd.randint(3, 60)}
    aliases = sorted({f.format(**fmt) for f in rnd.sample(ALIAS_FORMS, rnd.randint(1, 4))} - {name})
    handling = rnd.choices(["window", "one_trip", "online", "kiosk"], [5, 4, 2, 1])[0]
    materials: list[dict] = [{"ref": r} for r in ["idcard"] + rnd.sample(MATERIAL_REFS[1:], rnd.randint(0, 3))]
    for m in rnd.sample(OWN_MATERIALS, rnd.randint(0, 3)):
        materials.append({"name": m.format(**fmt)[:40], "originals": rnd.randint(0, 1), "copies": 1})
    statutory = rnd.choice([0, 1, 5, 10, 15, 20, 30])
    item = {
        "code": code, "name": name[:40], "short_name": f"{obj}{action}"[:12], "aliases": aliases,
        "department": dep_code, "audience": ["organisation"] if subject in ("企业", "社会组织", "农民专业合作社")
        else ["person"], "themes": rnd.sample(themes, rnd.randint(1, len(themes))), "handling": handling,
        "summary": f"为{fmt['s']}办理{obj}{action}。"[:120],
        "conditions": [c.format(**fmt) for c in rnd.sample(CONDITIONS, rnd.randint(1, 3))],
        "materials": materials,
        "limits": {"statutory": statutory, "promised": rnd.randint(0, statutory)},
        "legal_basis": [law.format(**fmt) for law in rnd.sample(LAWS, rnd.randint(1, 2))],
    }
    if rnd.random() < 0.3:
        item["life_events"] = rnd.sample(life_events, 1)
    if rnd.random() < 0.1:
        item["fees"] = [{"name": "工本费", "yuan": str(rnd.choice([5, 10, 20, 40]))}]
    if handling in ("kiosk", "online"):
        item["form"] = KIOSK_FORM[: rnd.randint(2, 4)]
    return item


def generate(out: Path, items: int, seed: int = 1, version: str = "") -> Path:
    """Write a catalog of `items` items to `out` (created; must not hold a catalog already); returns `out`."""
    rnd = random.Random(seed)
    out = Path(out)
    if (out / "catalog.json").exists() or (out / "catalog.toml").exists():
        raise FileExistsError(f"{out} already holds a catalog")
    matters = _matters(rnd)
    if items > len(matters):
        raise ValueError(f"at most {len(matters)} distinct items can be generated")
    header = read_header(SHIPPED).model_dump(mode="json", exclude_defaults=True)
    header.update(version=version or f"2026.{seed}.{items}", title="示例县政务服务事项目录",
                  department=_departments())
    header["general"] = {"queue": "F", "location": "县政务服务中心一楼大厅"}
    life_events = [g["code"] for g in header.get("life_event", [])]
    per_department: dict[int, list[dict]] = {}
    for d, town, subject, obj, action in matters[:items]:
        mine = per_department.setdefault(d, [])
        block, number = divmod(len(mine), ITEMS_PER_PREFIX)
        prefix = DEPARTMENTS[d][4] + ("" if block == 0 else chr(ord("A") + block - 1))
        mine.append(_item(rnd, f"{prefix}-{number + 1:03d}", d, town, subject, obj, action, life_events))
    (out / "items").mkdir(parents=True, exist_ok=True)
    (out / "catalog.json").write_text(json.dumps(header, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for d, entries in sorted(per_department.items()):
        path = out / "items" / f"{DEPARTMENTS[d][0]}.json"
        path.write_text(json.dumps({"item": entries}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kiosk.catalog.generate", description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="directory to write (catalog.json and items/*.json)")
    ap.add_argument("--items", type=int, default=5000, help="number of items (default 5000)")
    ap.add_argument("--seed", type=int, default=1, help="same seed, same catalog (default 1)")
    ap.add_argument("--version", default="", help="catalog version (default 2026.<seed>.<items>)")
    args = ap.parse_args(argv)
    try:
        generate(args.out, args.items, args.seed, args.version)
    except (OSError, ValueError) as e:
        print(f"generate: {e}", file=sys.stderr)
        return 1
    print(f"wrote {args.items} items to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
