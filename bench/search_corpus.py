"""Deterministic, realistic search documents and queries for bench/search.py.

Listings of the three verticals with titles and descriptions in Chinese, English, Russian and
Mongolian (each listing has two to four of them, as sellers write them), category names and attribute
values in every language, identifiers (CAS, HS, VIN, model and grade codes), prices, sellers, Incoterms
and origin. Russian text uses several case forms of the same words, Chinese text is unsegmented, so
the analysis is exercised as on real content. The same seed gives the same corpus and queries.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from marketplace.search.interface import SearchDocument, SearchQuery

FIRST_ID = 10_000_000  # far above the ids of real listings in the same database
T0 = datetime(2024, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Product:
    key: str
    vertical: str
    category: int  # leaf category id; its parent is the vertical's root (1, 2, 3)
    names: dict[str, str]  # language -> product name
    ru_forms: tuple[str, ...]  # other case forms used in Russian descriptions
    hs: str
    cas: str = ""


P = Product
PRODUCTS = [
    P(
        "pp",
        "chemicals",
        11,
        {"en": "Polypropylene", "zh": "聚丙烯", "ru": "Полипропилен", "mn": "Полипропилен"},
        ("полипропилена", "полипропиленом"),
        "390210",
        "9003-07-0",
    ),
    P(
        "pe",
        "chemicals",
        12,
        {"en": "HDPE polyethylene", "zh": "高密度聚乙烯", "ru": "Полиэтилен ПНД", "mn": "Полиэтилен"},
        ("полиэтилена", "полиэтиленом"),
        "390120",
        "9002-88-4",
    ),
    P(
        "pvc",
        "chemicals",
        13,
        {"en": "PVC resin", "zh": "聚氯乙烯树脂", "ru": "Смола ПВХ", "mn": "ПВХ давирхай"},
        ("смолы", "смолой"),
        "390410",
        "9002-86-2",
    ),
    P(
        "methanol",
        "chemicals",
        14,
        {"en": "Methanol", "zh": "甲醇", "ru": "Метанол", "mn": "Метанол"},
        ("метанола", "метанолом"),
        "290511",
        "67-56-1",
    ),
    P(
        "soda",
        "chemicals",
        15,
        {"en": "Caustic soda flakes", "zh": "片碱", "ru": "Каустическая сода", "mn": "Идэмхий натри"},
        ("каустической соды", "каустической содой"),
        "281512",
        "1310-73-2",
    ),
    P(
        "urea",
        "chemicals",
        16,
        {"en": "Urea fertilizer", "zh": "尿素", "ru": "Карбамид", "mn": "Мочевин бордоо"},
        ("карбамида", "карбамидом"),
        "310210",
        "57-13-6",
    ),
    P(
        "carbide",
        "chemicals",
        17,
        {"en": "Calcium carbide", "zh": "电石", "ru": "Карбид кальция", "mn": "Кальцийн карбид"},
        ("карбида кальция", "карбидом кальция"),
        "284910",
        "75-20-7",
    ),
    P(
        "glycol",
        "chemicals",
        18,
        {"en": "Ethylene glycol", "zh": "乙二醇", "ru": "Этиленгликоль", "mn": "Этилен гликол"},
        ("этиленгликоля", "этиленгликолем"),
        "290531",
        "107-21-1",
    ),
    P(
        "coal",
        "chemicals",
        19,
        {"en": "Thermal coal", "zh": "动力煤", "ru": "Энергетический уголь", "mn": "Эрчим хүчний нүүрс"},
        ("угля", "углём"),
        "270112",
    ),
    P(
        "dump",
        "vehicles",
        21,
        {"en": "Mining dump truck", "zh": "矿用自卸车", "ru": "Карьерный самосвал", "mn": "Уурхайн самосвал"},
        ("самосвалы", "самосвалов", "самосвалом"),
        "870410",
    ),
    P(
        "tractor",
        "vehicles",
        22,
        {"en": "Heavy truck tractor", "zh": "重型牵引车", "ru": "Седельный тягач", "mn": "Хүнд даацын тягач"},
        ("тягача", "тягачи", "тягачом"),
        "870120",
    ),
    P(
        "bev",
        "vehicles",
        23,
        {
            "en": "Electric passenger car",
            "zh": "纯电动乘用车",
            "ru": "Электромобиль",
            "mn": "Цахилгаан машин",
        },
        ("электромобиля", "электромобили"),
        "870380",
    ),
    P(
        "loader",
        "vehicles",
        24,
        {"en": "Wheel loader", "zh": "轮式装载机", "ru": "Фронтальный погрузчик", "mn": "Дугуйт ачигч"},
        ("погрузчика", "погрузчики"),
        "842951",
    ),
    P(
        "bus",
        "vehicles",
        25,
        {"en": "City bus", "zh": "城市客车", "ru": "Городской автобус", "mn": "Хотын автобус"},
        ("автобуса", "автобусы"),
        "870290",
    ),
    P(
        "sweater",
        "cashmere",
        31,
        {"en": "Cashmere sweater", "zh": "羊绒衫", "ru": "Кашемировый свитер", "mn": "Ноолууран цамц"},
        ("свитера", "свитеры", "кашемировые свитеры"),
        "611012",
    ),
    P(
        "yarn",
        "cashmere",
        32,
        {"en": "Cashmere yarn", "zh": "羊绒纱线", "ru": "Кашемировая пряжа", "mn": "Ноолууран утас"},
        ("пряжи", "пряжу", "кашемировую пряжу"),
        "510830",
    ),
    P(
        "fibre",
        "cashmere",
        33,
        {
            "en": "Dehaired cashmere fibre",
            "zh": "无毛绒",
            "ru": "Кашемировое волокно",
            "mn": "Самнасан ноолуур",
        },
        ("волокна", "волокном"),
        "510211",
    ),
    P(
        "scarf",
        "cashmere",
        34,
        {"en": "Cashmere scarf", "zh": "羊绒围巾", "ru": "Кашемировый шарф", "mn": "Ноолууран ороолт"},
        ("шарфа", "шарфы"),
        "611710",
    ),
    P(
        "camel",
        "cashmere",
        35,
        {"en": "Camel hair", "zh": "驼绒", "ru": "Верблюжья шерсть", "mn": "Тэмээний ноос"},
        ("верблюжьей шерсти", "шерстью"),
        "510219",
    ),
]
VERTICAL_ROOTS = {"chemicals": 1, "vehicles": 2, "cashmere": 3}
VERTICAL_NAMES = {
    "chemicals": {"en": "Chemicals", "zh": "化工产品", "ru": "Химия", "mn": "Химийн бүтээгдэхүүн"},
    "vehicles": {"en": "Vehicles", "zh": "车辆", "ru": "Техника", "mn": "Тээврийн хэрэгсэл"},
    "cashmere": {"en": "Cashmere", "zh": "羊绒", "ru": "Кашемир", "mn": "Ноолуур"},
}
QUALITY = {
    "en": ["premium", "export grade", "industrial", "first class", "standard", "high purity", "new"],
    "zh": ["优级品", "出口级", "工业级", "一等品", "标准", "高纯度", "全新"],
    "ru": [
        "премиум",
        "экспортное качество",
        "технический",
        "высший сорт",
        "стандарт",
        "высокой чистоты",
        "новый",
    ],
    "mn": ["дээд зэрэг", "экспортын", "үйлдвэрийн", "нэгдүгээр зэрэг", "стандарт", "өндөр цэвэршилт", "шинэ"],
}
COLOURS = {
    "en": ["white", "grey", "black", "brown", "blue", "natural"],
    "zh": ["白色", "灰色", "黑色", "棕色", "蓝色", "本色"],
    "ru": ["белый", "серый", "чёрный", "коричневый", "синий", "натуральный"],
    "mn": ["цагаан", "саарал", "хар", "бор", "цэнхэр", "байгалийн"],
}
PHRASES = {
    "en": [
        "Shipped from Ordos by rail via Erenhot.",
        "Packed in 25 kg bags on pallets.",
        "Certificate of analysis with every lot.",
        "Delivery to Ulaanbaatar within 7 days.",
        "Monthly capacity 20,000 units.",
        "Samples available on request.",
        "Produced in the Ordos coal-to-chemicals park.",
        "Suitable for film, fibre and injection moulding.",
        "Warranty and spare parts service in Mongolia.",
        "Hand-finished by skilled workers in Dongsheng.",
    ],
    "zh": [
        "从鄂尔多斯经二连浩特铁路发货。",
        "25公斤编织袋包装，托盘运输。",
        "每批附质量检验报告。",
        "七天内送达乌兰巴托。",
        "月产能两万件。",
        "可按要求提供样品。",
        "产自鄂尔多斯煤化工园区。",
        "适用于薄膜、纤维和注塑。",
        "在蒙古提供质保和备件服务。",
        "东胜熟练工人手工整理。",
    ],
    "ru": [
        "Отгрузка из Ордоса по железной дороге через Эрэн-Хото.",
        "Упаковка в мешки по 25 кг на паллетах.",
        "Сертификат анализа к каждой партии.",
        "Доставка в Улан-Батор в течение 7 дней.",
        "Ежемесячная мощность 20 000 единиц.",
        "Образцы по запросу.",
        "Производство в углехимическом парке Ордоса.",
        "Подходит для плёнки, волокна и литья под давлением.",
        "Гарантия и запасные части в Монголии.",
        "Ручная отделка опытными мастерами.",
    ],
    "mn": [
        "Ордосоос Эрээнээр дамжин төмөр замаар ачуулна.",
        "25 кг-ын уутанд савлаж тавиур дээр тээвэрлэнэ.",
        "Багц бүрт шинжилгээний гэрчилгээтэй.",
        "Улаанбаатар хүртэл 7 хоногт хүргэнэ.",
        "Сарын хүчин чадал 20 000 ширхэг.",
        "Хүсэлтээр дээж өгнө.",
        "Ордосын нүүрсний химийн паркад үйлдвэрлэсэн.",
        "Хальс, утас, цутгалтад тохиромжтой.",
        "Монголд баталгаат засвар, сэлбэгтэй.",
        "Туршлагатай ажилчид гараар боловсруулсан.",
    ],
}
INCOTERMS = ["EXW", "FCA", "CPT", "CIP", "DAP", "FOB", "CIF"]
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
LANG_SETS = [
    ("zh", "en"),
    ("zh", "en", "ru"),
    ("zh", "en", "ru", "mn"),
    ("zh", "ru"),
    ("en", "ru", "mn"),
    ("zh",),
]


def _code(rng: random.Random) -> str:
    letters = "".join(rng.choice(string.ascii_uppercase) for _ in range(rng.randint(1, 3)))
    return f"{letters}{rng.randint(10, 9999)}{rng.choice(['', 'S', 'H', 'K'])}"


def documents(n: int, seed: int = 42) -> list[SearchDocument]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        product = PRODUCTS[rng.randrange(len(PRODUCTS))]
        langs = LANG_SETS[rng.randrange(len(LANG_SETS))]
        quality = rng.randrange(len(QUALITY["en"]))
        colour = rng.randrange(len(COLOURS["en"]))
        code = _code(rng)
        identifiers = [product.hs + rng.choice(["0000", "0090", "1000", "9000"])]
        if product.cas:
            identifiers.append(product.cas)
        identifiers.append(code)
        if product.vertical == "vehicles" and rng.random() < 0.4:
            identifiers.append("L" + "".join(rng.choice(VIN_CHARS) for _ in range(16)))
        titles, descriptions = {}, {}
        for lang in langs:
            name = product.names[lang]
            titles[lang] = f"{name} {code} {QUALITY[lang][quality]}"
            phrases = rng.sample(PHRASES[lang], 3)
            if lang == "ru":
                phrases.insert(rng.randrange(4), f"Поставки {rng.choice(product.ru_forms)} со склада.")
            descriptions[lang] = " ".join(phrases)
        category_names = {
            lang: f"{VERTICAL_NAMES[product.vertical][lang]} / {product.names[lang]}"
            for lang in ("zh", "en", "ru", "mn")
        }
        attribute_texts = {
            lang: f"{COLOURS[lang][colour]} · {QUALITY[lang][quality]}" for lang in ("zh", "en", "ru", "mn")
        }
        price = Decimal(rng.randint(50, 120_000)) + Decimal(rng.randint(0, 99)) / 100
        out.append(
            SearchDocument(
                listing_id=FIRST_ID + i,
                vertical=product.vertical,
                category_id=product.category,
                category_path_ids=[VERTICAL_ROOTS[product.vertical], product.category],
                seller_id=1000 + rng.randrange(300),
                seller_name=f"Seller {rng.randrange(300)}",
                origin_ordos=rng.random() < 0.7,
                incoterm=rng.choice(INCOTERMS),
                price_usd=None if rng.random() < 0.05 else price,
                published_at=T0 + timedelta(minutes=rng.randint(0, 500_000)),
                titles=titles,
                descriptions=descriptions,
                attributes={"colour": COLOURS["en"][colour], "quality": QUALITY["en"][quality]},
                identifiers=identifiers,
                key_attribute_values={"colour": [COLOURS["en"][colour]]},
                category_names=category_names,
                attribute_texts=attribute_texts,
            )
        )
    return out


PAGE_FACETS = ["vertical", "category", "origin_ordos", "incoterm", "seller", "price"]


def queries(seed: int = 7) -> list[tuple[str, SearchQuery]]:
    """200 (kind, query): single terms, phrases, Chinese words, Russian forms, identifiers and
    faceted queries with filters and counts (as the search page asks them)."""
    rng = random.Random(seed)
    out: list[tuple[str, SearchQuery]] = []
    singles = [
        ("en", "polypropylene"),
        ("en", "methanol"),
        ("en", "sweater"),
        ("en", "loader"),
        ("en", "coal"),
        ("en", "yarn"),
        ("en", "tractor"),
        ("en", "glycol"),
        ("mn", "ноолуур"),
        ("mn", "самосвал"),
        ("mn", "нүүрс"),
        ("mn", "утас"),
        ("ru", "метанол"),
        ("ru", "карбамид"),
        ("ru", "автобус"),
        ("ru", "пряжа"),
        ("en", "cashmere"),
        ("en", "premium"),
        ("ru", "уголь"),
        ("mn", "цахилгаан"),
    ]
    russian = ["полипропилена", "самосвалы", "кашемировую пряжу", "тягачи", "погрузчики", "угля", "свитеры"]
    russian += ["электромобили", "карбида кальция", "поставки метанола", "шерстью", "пряжи", "автобусы"]
    chinese = ["羊绒", "电石", "甲醇", "尿素", "自卸车", "无毛绒", "聚丙烯", "羊绒衫", "驼绒", "乙二醇"]
    chinese += ["牵引车", "装载机", "动力煤", "客车", "围巾", "白色 羊绒衫", "鄂尔多斯 甲醇"]
    phrases = [
        ("en", "cashmere sweater grey"),
        ("en", "wheel loader new"),
        ("en", "caustic soda flakes"),
        ("en", "thermal coal export grade"),
        ("ru", "карьерный самосвал"),
        ("ru", "полиэтилен ПНД"),
        ("ru", "кашемировый свитер серый"),
        ("mn", "ноолууран цамц"),
        ("mn", "уурхайн самосвал"),
        ("mn", "хотын автобус шинэ"),
        ("en", "electric passenger car"),
        ("en", "dehaired cashmere fibre white"),
    ]
    identifiers = ["9003-07-0", "67-56-1", "9002-88-4", "1310-73-2", "57-13-6", "3902", "6110", "5108"]
    identifiers += ["8704", "2905", "75-20-7", "107-21-1"]
    for _ in range(30):
        lang, text = rng.choice(singles)
        out.append(("single term", SearchQuery(text=text, lang=lang)))
    for _ in range(30):
        out.append(("Russian form", SearchQuery(text=rng.choice(russian), lang="ru")))
    for _ in range(30):
        out.append(("Chinese word", SearchQuery(text=rng.choice(chinese), lang="zh")))
    for _ in range(30):
        lang, text = rng.choice(phrases)
        out.append(("phrase", SearchQuery(text=text, lang=lang)))
    for _ in range(20):
        out.append(("identifier", SearchQuery(text=rng.choice(identifiers), lang="en")))
    for i in range(60):
        lang, text = rng.choice(singles + phrases)
        filters: dict = {}
        if i % 3 == 0:
            filters["vertical"] = rng.choice(list(VERTICAL_ROOTS))
        if i % 4 == 0:
            filters["origin_ordos"] = True
        if i % 5 == 0:
            filters["incoterm"] = rng.choice(INCOTERMS)
        if i % 6 == 0:
            filters["price_min_usd"], filters["price_max_usd"] = Decimal(1000), Decimal(20000)
        if i % 10 == 0:
            text = ""  # browsing: filters and facets only
        page = 1 + (i % 7 == 0)
        out.append(
            ("faceted", SearchQuery(text=text, lang=lang, facets=list(PAGE_FACETS), page=page, **filters))
        )
    return out
