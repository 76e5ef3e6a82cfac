"""Demo listings and two more demo sellers (pure data, used by the demo loader).

`EXTRA_SELLERS` are two more Ordos companies: a chlor-alkali / coal-chemical producer in Dalad Banner
(division 150621) and a mining-vehicle dealer in Ejin Horo Banner (150627). Their USCCs carry a check
character computed with `stdnum.cn.uscc.calc_check_digit`; customs codes follow the 10-digit format of
shared/docs/verticals.md §3.2.

`LISTINGS` reference sellers by e-mail (the three sellers of `marketplace.demo.cli.COMPANIES` and the two
above) and categories by leaf slug of `marketplace.catalog.seed_data.CATEGORIES`. Attribute values use
the codes of the category path: enum values are option values, decimals are strings, multi-enums are
lists; document attributes are omitted. Every HS code's first six digits exist in HS 2022, CAS numbers
pass their check digit, VINs of single used units carry a valid GB 16735 / ISO 3779 check digit, and
sea-only Incoterms (FAS, FOB, CFR, CIF) appear only with transport_mode "sea". Prices are indicative
2026 levels per listing unit; `origin_ordos` is False for traded goods made elsewhere in China.
"""

EXTRA_SELLERS: list[dict] = [
    {
        "email": "export@dalad-chloralkali.example",
        "name": "赵刚 Zhao Gang",
        "language": "zh",
        "legal_name": "鄂尔多斯市达拉特旗氯碱化工有限责任公司",
        "legal_name_latin": "Ordos Dalad Chlor-Alkali Chemical Co., Ltd.",
        "address": "内蒙古鄂尔多斯市达拉特旗达拉特经济开发区树林召镇化工园区",
        "city": "Ordos",
        "postal_code": "014300",
        "contact_name": "Zhao Gang",
        "contact_phone": "+86 477 000 4004",
        "uscc": "91150621MA0R7KXD3R",
        "customs_code": "1506960352",
    },
    {
        "email": "sales@ejinhoro-mining.example",
        "name": "高建军 Gao Jianjun",
        "language": "zh",
        "legal_name": "鄂尔多斯市伊金霍洛旗矿用车辆装备有限公司",
        "legal_name_latin": "Ordos Ejin Horo Mining Vehicle Equipment Co., Ltd.",
        "address": "内蒙古鄂尔多斯市伊金霍洛旗阿勒腾席热镇装备制造产业园",
        "city": "Ordos",
        "postal_code": "017200",
        "contact_name": "Gao Jianjun",
        "contact_phone": "+86 477 000 5005",
        "uscc": "91150627MA0PW4HU8B",
        "customs_code": "1506960614",
    },
]

LISTINGS: list[dict] = [
    {
        "seller": "sales@yitai-chem.example",
        "category": "pp",
        "hs_code": "3902100090",
        "origin_ordos": True,
        "unit": "t",
        "moq": "25",
        "order_multiple": "25",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 10,
        "prices": [
            {"currency": "USD", "min_quantity": "25", "unit_price": "985.00"},
            {"currency": "USD", "min_quantity": "100", "unit_price": "960.00"},
            {"currency": "CNY", "min_quantity": "25", "unit_price": "7000.00"},
        ],
        "attributes": {
            "cas_numbers": "9003-07-0",
            "grade": "T30S",
            "precursor_category": "none",
            "hazard_class": "none",
            "packaging": "bag_25kg",
            "feedstock_route": "coal_to_olefins",
            "material_source": "virgin",
            "pp_type": "homopolymer",
            "mfr": "3.0",
            "isotactic_index": "96.5",
            "application": ["raffia", "fibre"],
        },
        "content": {
            "zh": {
                "title": "聚丙烯 T30S 拉丝级均聚料 MFR 3.0，煤制烯烃新料",
                "description": (
                    "T30S 均聚聚丙烯，熔体流动速率 3.0 g/10 min（230 °C/2.16 kg），等规指数≥96%，"
                    "适用于编织袋、扁丝和吨袋基布。25 kg 阀口编织袋包装，每托 1.5 t，整车 25–32 t "
                    "经二连浩特—扎门乌德口岸公路发运。每批随货提供 COA。"
                ),
            },
            "en": {
                "title": "PP T30S raffia homopolymer, MFR 3.0 – coal-to-olefins prime",
                "description": (
                    "Homopolymer polypropylene T30S with MFR 3.0 g/10 min (230 °C/2.16 kg) and isotactic "
                    "index ≥ 96 %, made for woven sacks, flat yarn and FIBC fabric. Packed in 25 kg "
                    "valve bags, 1.5 t per pallet; truckloads of 25–32 t cross at Erenhot–Zamyn-Üüd. A "
                    "COA accompanies every lot."
                ),
            },
            "ru": {
                "title": "Полипропилен T30S, гомополимер для рафии, ПТР 3,0 — первичный, из угля",
                "description": (
                    "Гомополимер полипропилена марки T30S: ПТР 3,0 г/10 мин (230 °C/2,16 кг), индекс "
                    "изотактичности ≥ 96 %. Для тканых мешков, плоской нити и ткани для МКР. Мешки по 25 "
                    "кг, 1,5 т на поддоне; автопартии 25–32 т через переход Эрлянь — Замын-Ууд. К каждой "
                    "партии прилагается сертификат анализа."
                ),
            },
            "mn": {
                "title": (
                    "Полипропилен T30S, раффиагийн гомополимер, MFR 3.0 — нүүрснээс гаргасан шинэ түүхий эд"
                ),
                "description": (
                    "T30S гомополимер полипропилен, хайлмалын урсах хурд 3.0 г/10 мин (230 °C/2.16 кг), "
                    "изотактик индекс ≥ 96 %. Нэхмэл уут, хавтгай утас, том уутны даавуунд зориулсан. 25 "
                    "кг-ын уутаар, тавиур тутамд 1.5 т; 25–32 т-ын ачааг Эрээн — Замын-Үүдээр авто "
                    "замаар тээвэрлэнэ. Багц бүрд шинжилгээний гэрчилгээ хавсаргана."
                ),
            },
        },
    },
    {
        "seller": "sales@yitai-chem.example",
        "category": "pp",
        "hs_code": "3902100090",
        "origin_ordos": True,
        "unit": "t",
        "moq": "25",
        "order_multiple": "25",
        "incoterm": "CPT",
        "incoterm_place": "Almaty-1 station",
        "transport_mode": "rail",
        "lead_time_days": 21,
        "prices": [
            {"currency": "USD", "min_quantity": "25", "unit_price": "1080.00"},
            {"currency": "USD", "min_quantity": "200", "unit_price": "1055.00"},
        ],
        "attributes": {
            "cas_numbers": "9003-07-0",
            "grade": "S1003",
            "precursor_category": "none",
            "hazard_class": "none",
            "packaging": "bag_25kg",
            "feedstock_route": "coal_to_olefins",
            "material_source": "virgin",
            "pp_type": "homopolymer",
            "mfr": "3.2",
            "isotactic_index": "97.0",
            "application": ["film_bopp", "raffia"],
        },
        "content": {
            "zh": {
                "title": "聚丙烯 S1003 均聚薄膜料，铁路运至阿拉木图",
                "description": (
                    "S1003 均聚聚丙烯，MFR 3.2 g/10 min，分子量分布均匀，适用于 BOPP 及通用薄膜，"
                    "亦可用于拉丝。40 英尺集装箱（约 25 t）经阿拉山口铁路运至阿拉木图-1 站，CPT "
                    "价含运费。"
                ),
            },
            "en": {
                "title": "PP S1003 film-grade homopolymer – rail CPT Almaty",
                "description": (
                    "S1003 homopolymer PP, MFR 3.2 g/10 min, with a narrow molecular-weight distribution "
                    "for BOPP and general film; also runs on raffia lines. Shipped in 40′ containers "
                    "(about 25 t) by rail via Alashankou, CPT Almaty-1 station."
                ),
            },
            "ru": {
                "title": "Полипропилен S1003, плёночный гомополимер — ж/д CPT Алматы",
                "description": (
                    "Гомополимер ПП марки S1003, ПТР 3,2 г/10 мин, узкое молекулярно-массовое "
                    "распределение — для БОПП и плёнок общего назначения, подходит и для рафии. Отгрузка "
                    "в 40-футовых контейнерах (около 25 т) по железной дороге через Алашанькоу, CPT "
                    "станция Алматы-1."
                ),
            },
            "mn": {
                "title": "Полипропилен S1003, хальсны гомополимер — Алматы хүртэл төмөр замаар (CPT)",
                "description": (
                    "S1003 гомополимер PP, MFR 3.2 г/10 мин, молекул жингийн нарийн тархалттай тул BOPP "
                    "болон ерөнхий хальсанд тохиромжтой, раффиа шугамд ч ажиллана. 40 футын чингэлгээр "
                    "(ойролцоогоор 25 т) Алашанькоугаар дамжуулан Алматы-1 өртөө хүртэл CPT нөхцлөөр."
                ),
            },
        },
    },
    {
        "seller": "sales@yitai-chem.example",
        "category": "pp",
        "hs_code": "390230",
        "origin_ordos": True,
        "unit": "t",
        "moq": "25",
        "order_multiple": "25",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 14,
        "prices": [
            {"currency": "USD", "min_quantity": "25", "unit_price": "1120.00"},
            {"currency": "USD", "min_quantity": "100", "unit_price": "1090.00"},
            {"currency": "CNY", "min_quantity": "25", "unit_price": "7950.00"},
        ],
        "attributes": {
            "cas_numbers": "9010-79-1",
            "grade": "K8003",
            "precursor_category": "none",
            "hazard_class": "none",
            "packaging": "bag_25kg",
            "feedstock_route": "coal_to_olefins",
            "material_source": "virgin",
            "pp_type": "impact_copolymer",
            "mfr": "2.5",
            "application": ["injection"],
        },
        "content": {
            "zh": {
                "title": "抗冲共聚聚丙烯 K8003 注塑料 MFR 2.5",
                "description": (
                    "K8003 抗冲共聚聚丙烯，MFR 2.5 g/10 min，低温冲击性能好，适用于蓄电池壳、汽车零部件、"
                    "周转箱和家电外壳。25 kg 袋装，二连浩特 FCA 交货，最小订量一整车 25 t。"
                ),
            },
            "en": {
                "title": "Impact copolymer PP K8003 for injection moulding, MFR 2.5",
                "description": (
                    "K8003 impact-copolymer polypropylene, MFR 2.5 g/10 min, with good low-temperature "
                    "impact strength for battery cases, automotive parts, crates and appliance housings. "
                    "25 kg bags, FCA Erenhot, minimum one 25 t truckload."
                ),
            },
            "ru": {
                "title": "Ударопрочный сополимер ПП K8003 для литья под давлением, ПТР 2,5",
                "description": (
                    "Блок-сополимер пропилена K8003, ПТР 2,5 г/10 мин, высокая ударная вязкость при "
                    "низких температурах: корпуса аккумуляторов, автокомпоненты, ящики, корпуса бытовой "
                    "техники. Мешки по 25 кг, FCA Эрлянь, минимальная партия — одна машина 25 т."
                ),
            },
            "mn": {
                "title": "Цохилтод тэсвэртэй сополимер PP K8003, шахмал цутгалтын, MFR 2.5",
                "description": (
                    "K8003 цохилтод тэсвэртэй сополимер полипропилен, MFR 2.5 г/10 мин, хүйтэнд цохилтын "
                    "бат бэх сайн. Аккумуляторын их бие, автомашины эд анги, хайрцаг, гэр ахуйн "
                    "цахилгаан хэрэгслийн их биед. 25 кг-ын уутаар, Эрээн FCA, хамгийн бага захиалга 25 "
                    "т (нэг машин)."
                ),
            },
        },
    },
    {
        "seller": "sales@yitai-chem.example",
        "category": "pp",
        "hs_code": "3902100090",
        "origin_ordos": True,
        "unit": "t",
        "moq": "25",
        "order_multiple": "25",
        "incoterm": "FOB",
        "incoterm_place": "Tianjin Xingang",
        "transport_mode": "sea",
        "lead_time_days": 18,
        "prices": [
            {"currency": "USD", "min_quantity": "25", "unit_price": "1010.00"},
            {"currency": "USD", "min_quantity": "250", "unit_price": "985.00"},
        ],
        "attributes": {
            "cas_numbers": "9003-07-0",
            "grade": "V30G",
            "precursor_category": "none",
            "hazard_class": "none",
            "packaging": "bag_25kg",
            "feedstock_route": "coal_to_olefins",
            "material_source": "virgin",
            "pp_type": "homopolymer",
            "mfr": "16",
            "isotactic_index": "96.0",
            "application": ["fibre", "injection"],
        },
        "content": {
            "zh": {
                "title": "聚丙烯 V30G 高流动纤维/注塑料，天津新港 FOB",
                "description": (
                    "V30G 均聚聚丙烯，MFR 约 16 g/10 min，用于短纤、纺粘无纺布及薄壁注塑件。"
                    "铁路运至天津新港，40 英尺集装箱出口，FOB 天津新港，每柜 25 t。"
                ),
            },
            "en": {
                "title": "PP V30G high-flow fibre and injection grade – FOB Tianjin",
                "description": (
                    "V30G homopolymer PP with MFR about 16 g/10 min for staple fibre, spunbond nonwovens "
                    "and thin-wall injection parts. Railed to Tianjin Xingang and exported in 40′ "
                    "containers of 25 t, FOB Tianjin Xingang."
                ),
            },
            "ru": {
                "title": "Полипропилен V30G для волокна и литья, высокая текучесть — FOB Тяньцзинь",
                "description": (
                    "Гомополимер ПП V30G, ПТР около 16 г/10 мин: штапельное волокно, спанбонд, "
                    "тонкостенное литьё. Доставка по железной дороге в порт Тяньцзинь (Синган), морская "
                    "отгрузка в 40-футовых контейнерах по 25 т, FOB Тяньцзинь Синган."
                ),
            },
            "mn": {
                "title": "Полипропилен V30G, өндөр урсалттай, ширхэг ба цутгалтын — FOB Тяньжин",
                "description": (
                    "V30G гомополимер PP, MFR ойролцоогоор 16 г/10 мин; богино ширхэг, spunbond нэхмэл "
                    "бус материал, нимгэн ханатай цутгамал эдлэлд. Тяньжин Шинган боомт хүртэл төмөр "
                    "замаар, 25 т-ын 40 футын чингэлгээр далайгаар, FOB Тяньжин Шинган."
                ),
            },
        },
    },
    {
        "seller": "sales@yitai-chem.example",
        "category": "pp",
        "hs_code": "3902100090",
        "origin_ordos": True,
        "unit": "t",
        "moq": "25",
        "order_multiple": "25",
        "incoterm": "CPT",
        "incoterm_place": "Duisburg",
        "transport_mode": "rail",
        "lead_time_days": 28,
        "prices": [
            {"currency": "USD", "min_quantity": "25", "unit_price": "1150.00"},
            {"currency": "EUR", "min_quantity": "25", "unit_price": "1060.00"},
        ],
        "attributes": {
            "cas_numbers": "9003-07-0",
            "grade": "Z30S",
            "precursor_category": "none",
            "hazard_class": "none",
            "packaging": "bag_25kg",
            "feedstock_route": "coal_to_olefins",
            "material_source": "virgin",
            "pp_type": "homopolymer",
            "mfr": "25",
            "isotactic_index": "96.0",
            "application": ["fibre"],
        },
        "content": {
            "zh": {
                "title": "聚丙烯 Z30S 纺粘无纺布纤维料，中欧班列至杜伊斯堡",
                "description": (
                    "Z30S 均聚聚丙烯，MFR 25 g/10 min，可纺性好，适用于纺粘无纺布和 BCF 地毯丝。"
                    "经二连浩特出境的中欧班列中通道运至德国杜伊斯堡，CPT 杜伊斯堡，门到站约 18–22 天。"
                ),
            },
            "en": {
                "title": "PP Z30S spunbond fibre grade – China–Europe train to Duisburg",
                "description": (
                    "Z30S homopolymer PP, MFR 25 g/10 min, with stable spinnability for spunbond "
                    "nonwovens and BCF carpet yarn. Shipped by China–Europe Railway Express on the "
                    "central corridor via Erenhot, CPT Duisburg; about 18–22 days in transit."
                ),
            },
            "ru": {
                "title": "Полипропилен Z30S для спанбонда — поезд Китай–Европа до Дуйсбурга",
                "description": (
                    "Гомополимер ПП Z30S, ПТР 25 г/10 мин, стабильная прядомость: нетканые материалы "
                    "спанбонд, ковровая нить BCF. Отправка контейнерным поездом Китай–Европа по "
                    "центральному коридору через Эрлянь, CPT Дуйсбург, в пути около 18–22 суток."
                ),
            },
            "mn": {
                "title": (
                    "Полипропилен Z30S, spunbond ширхэгийн — Хятад–Европын галт тэргээр Дуйсбург хүртэл"
                ),
                "description": (
                    "Z30S гомополимер PP, MFR 25 г/10 мин, ээрэлт тогтвортой; spunbond нэхмэл бус "
                    "материал, BCF хивсний утсанд. Хятад–Европын төмөр замын төв коридороор Эрээнээр "
                    "дамжин Дуйсбург хүртэл CPT, тээвэрлэлт 18–22 хоног."
                ),
            },
        },
    },
    {
        "seller": "sales@yitai-chem.example",
        "category": "pp",
        "hs_code": "390230",
        "origin_ordos": False,
        "unit": "t",
        "moq": "25",
        "order_multiple": "25",
        "incoterm": "DAP",
        "incoterm_place": "Ulaanbaatar",
        "transport_mode": "road",
        "lead_time_days": 12,
        "prices": [
            {"currency": "USD", "min_quantity": "25", "unit_price": "1190.00"},
            {"currency": "CNY", "min_quantity": "25", "unit_price": "8450.00"},
        ],
        "attributes": {
            "cas_numbers": "9010-79-1",
            "grade": "4220",
            "precursor_category": "none",
            "hazard_class": "none",
            "packaging": "bag_25kg",
            "feedstock_route": "naphtha",
            "material_source": "virgin",
            "pp_type": "random_copolymer",
            "mfr": "0.25",
            "application": ["pipe"],
        },
        "content": {
            "zh": {
                "title": "无规共聚聚丙烯 PPR 4220 管材料，乌兰巴托 DAP（贸易货）",
                "description": (
                    "PPR 4220 无规共聚聚丙烯，MFR 0.25 g/10 min，耐热耐压，用于冷热水管材和管件。"
                    "非鄂尔多斯产品，由我司代理采购；25 kg 袋装，公路运输经二连浩特至乌兰巴托，DAP 交货。"
                ),
            },
            "en": {
                "title": "PPR 4220 random-copolymer pipe grade – DAP Ulaanbaatar (traded)",
                "description": (
                    "PPR 4220 random-copolymer polypropylene, MFR 0.25 g/10 min, for hot- and cold-water "
                    "pipes and fittings. Traded material sourced from a refinery outside Ordos; 25 kg "
                    "bags trucked via Erenhot, DAP Ulaanbaatar."
                ),
            },
            "ru": {
                "title": "Статсополимер ПП PPR 4220 для труб — DAP Улан-Батор (трейдинг)",
                "description": (
                    "Статистический сополимер пропилена PPR 4220, ПТР 0,25 г/10 мин, для труб и фитингов "
                    "горячего и холодного водоснабжения. Товар закупается у НПЗ за пределами Ордоса; "
                    "мешки по 25 кг, автодоставка через Эрлянь, DAP Улан-Батор."
                ),
            },
            "mn": {
                "title": "PPR 4220 санамсаргүй сополимер, хоолойн түүхий эд — DAP Улаанбаатар (худалдааны)",
                "description": (
                    "PPR 4220 санамсаргүй сополимер полипропилен, MFR 0.25 г/10 мин; халуун, хүйтэн усны "
                    "хоолой, холбох хэрэгсэлд. Ордосоос гадуурх үйлдвэрээс худалдан авсан бараа; 25 "
                    "кг-ын уутаар, Эрээнээр дамжин Улаанбаатар хүртэл DAP нөхцлөөр."
                ),
            },
        },
    },
    {
        "seller": "sales@yitai-chem.example",
        "category": "pe",
        "hs_code": "3901200090",
        "origin_ordos": True,
        "unit": "t",
        "moq": "25",
        "order_multiple": "25",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 10,
        "prices": [
            {"currency": "USD", "min_quantity": "25", "unit_price": "1070.00"},
            {"currency": "USD", "min_quantity": "100", "unit_price": "1045.00"},
            {"currency": "CNY", "min_quantity": "25", "unit_price": "7600.00"},
        ],
        "attributes": {
            "cas_numbers": "9002-88-4",
            "grade": "DMDA-8008",
            "precursor_category": "none",
            "hazard_class": "none",
            "packaging": "bag_25kg",
            "feedstock_route": "coal_to_olefins",
            "material_source": "virgin",
            "pe_type": "hdpe",
            "mfr_pe": "8.0",
            "density": "0.965",
            "pe_application": ["injection"],
        },
        "content": {
            "zh": {
                "title": "高密度聚乙烯 DMDA-8008 注塑料 MFR 8",
                "description": (
                    "DMDA-8008 高密度聚乙烯，MFR 8.0 g/10 min（190 °C/2.16 kg），密度 0.965 g/cm³，"
                    "刚性高、翘曲小，用于周转箱、瓶盖和日用品注塑。25 kg 袋装，二连浩特 FCA 交货。"
                ),
            },
            "en": {
                "title": "HDPE DMDA-8008 injection grade, MFR 8, density 0.965",
                "description": (
                    "DMDA-8008 high-density polyethylene, MFR 8.0 g/10 min (190 °C/2.16 kg), density "
                    "0.965 g/cm³; high stiffness and low warpage for crates, closures and housewares. 25 "
                    "kg bags, FCA Erenhot."
                ),
            },
            "ru": {
                "title": "ПЭНД DMDA-8008 для литья под давлением, ПТР 8, плотность 0,965",
                "description": (
                    "Полиэтилен высокой плотности DMDA-8008: ПТР 8,0 г/10 мин (190 °C/2,16 кг), "
                    "плотность 0,965 г/см³, высокая жёсткость и малое коробление — ящики, крышки, "
                    "хозяйственные товары. Мешки по 25 кг, FCA Эрлянь."
                ),
            },
            "mn": {
                "title": "Өндөр нягттай полиэтилен DMDA-8008, цутгалтын, MFR 8",
                "description": (
                    "DMDA-8008 HDPE, MFR 8.0 г/10 мин (190 °C/2.16 кг), нягт 0.965 г/см³; хатуу, муруйлт "
                    "багатай тул хайрцаг, таг, ахуйн эдлэл цутгахад тохиромжтой. 25 кг-ын уутаар, Эрээн "
                    "FCA."
                ),
            },
        },
    },
    {
        "seller": "sales@yitai-chem.example",
        "category": "pe",
        "hs_code": "3901200090",
        "origin_ordos": True,
        "unit": "t",
        "moq": "25",
        "order_multiple": "25",
        "incoterm": "CPT",
        "incoterm_place": "Novosibirsk-Vostochny",
        "transport_mode": "rail",
        "lead_time_days": 24,
        "prices": [
            {"currency": "USD", "min_quantity": "25", "unit_price": "1140.00"},
            {"currency": "USD", "min_quantity": "200", "unit_price": "1115.00"},
        ],
        "attributes": {
            "cas_numbers": "9002-88-4",
            "grade": "5000S",
            "precursor_category": "none",
            "hazard_class": "none",
            "packaging": "bag_25kg",
            "feedstock_route": "coal_to_olefins",
            "material_source": "virgin",
            "pe_type": "hdpe",
            "mfr_pe": "0.9",
            "density": "0.954",
            "pe_application": ["raffia"],
        },
        "content": {
            "zh": {
                "title": "高密度聚乙烯 5000S 拉丝/单丝料，铁路运至新西伯利亚",
                "description": (
                    "5000S 高密度聚乙烯，MFR 0.9 g/10 min，密度 0.954 g/cm³，用于渔网丝、绳索、"
                    "编织布和防虫网单丝。经满洲里—后贝加尔斯克换装，CPT 新西伯利亚东站，整柜 25 t。"
                ),
            },
            "en": {
                "title": "HDPE 5000S monofilament and raffia grade – rail CPT Novosibirsk",
                "description": (
                    "5000S HDPE, MFR 0.9 g/10 min, density 0.954 g/cm³, for fishing-net yarn, rope, "
                    "woven fabric and insect-screen monofilament. Transshipped at Manzhouli–Zabaykalsk, "
                    "CPT Novosibirsk-Vostochny, 25 t per container."
                ),
            },
            "ru": {
                "title": "ПЭНД 5000S для мононити и рафии — ж/д CPT Новосибирск",
                "description": (
                    "ПЭНД 5000S: ПТР 0,9 г/10 мин, плотность 0,954 г/см³ — сетеснастная нить, канаты, "
                    "тканые полотна, москитные сетки. Перегрузка на переходе Маньчжурия — Забайкальск, "
                    "CPT Новосибирск-Восточный, по 25 т в контейнере."
                ),
            },
            "mn": {
                "title": "HDPE 5000S, моно утас ба раффиагийн — Новосибирск хүртэл төмөр замаар",
                "description": (
                    "5000S HDPE, MFR 0.9 г/10 мин, нягт 0.954 г/см³; загасны торны утас, олс, нэхмэл "
                    "даавуу, шавьжны торны моно утсанд. Манжуур — Забайкальскаар ачаа шилжүүлж, "
                    "Новосибирск-Восточный өртөө хүртэл CPT, чингэлэг тутамд 25 т."
                ),
            },
        },
    },
    {
        "seller": "sales@yitai-chem.example",
        "category": "pe",
        "hs_code": "3901402090",
        "origin_ordos": True,
        "unit": "t",
        "moq": "25",
        "order_multiple": "25",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 10,
        "prices": [
            {"currency": "USD", "min_quantity": "25", "unit_price": "1010.00"},
            {"currency": "USD", "min_quantity": "100", "unit_price": "990.00"},
            {"currency": "CNY", "min_quantity": "25", "unit_price": "7200.00"},
        ],
        "attributes": {
            "cas_numbers": "25087-34-7",
            "grade": "DFDA-7042",
            "precursor_category": "none",
            "hazard_class": "none",
            "packaging": "bag_25kg",
            "feedstock_route": "coal_to_olefins",
            "material_source": "virgin",
            "pe_type": "lldpe",
            "mfr_pe": "2.0",
            "density": "0.920",
            "pe_application": ["film"],
        },
        "content": {
            "zh": {
                "title": "线性低密度聚乙烯 DFDA-7042 吹膜料",
                "description": (
                    "DFDA-7042 线性低密度聚乙烯（丁烯共聚），MFR 2.0 g/10 min，密度 0.920 g/cm³，"
                    "用于农膜、包装膜和缠绕膜，可与 LDPE 共混。25 kg 袋装，整车 25–32 t，二连浩特 FCA。"
                ),
            },
            "en": {
                "title": "LLDPE DFDA-7042 blown-film grade, MFR 2.0",
                "description": (
                    "DFDA-7042 butene-copolymer LLDPE, MFR 2.0 g/10 min, density 0.920 g/cm³, for "
                    "agricultural, packaging and stretch film, alone or blended with LDPE. 25 kg bags, "
                    "truckloads of 25–32 t, FCA Erenhot."
                ),
            },
            "ru": {
                "title": "ЛПЭНП DFDA-7042 для выдувных плёнок, ПТР 2,0",
                "description": (
                    "Линейный полиэтилен низкой плотности DFDA-7042 (сополимер с бутеном): ПТР 2,0 г/10 "
                    "мин, плотность 0,920 г/см³ — сельскохозяйственные, упаковочные и стретч-плёнки, в "
                    "т. ч. в смеси с ПЭВД. Мешки по 25 кг, партии 25–32 т, FCA Эрлянь."
                ),
            },
            "mn": {
                "title": "Шугаман бага нягттай полиэтилен DFDA-7042, үлээлгэх хальсны",
                "description": (
                    "DFDA-7042 LLDPE (бутентэй сополимер), MFR 2.0 г/10 мин, нягт 0.920 г/см³; хөдөө аж "
                    "ахуйн, савлагааны, сунадаг хальсанд, LDPE-тэй хольж болно. 25 кг-ын уутаар, 25–32 "
                    "т-ын машинаар, Эрээн FCA."
                ),
            },
        },
    },
    {
        "seller": "sales@yitai-chem.example",
        "category": "pe",
        "hs_code": "3901200090",
        "origin_ordos": False,
        "unit": "t",
        "moq": "25",
        "order_multiple": "25",
        "incoterm": "FOB",
        "incoterm_place": "Tianjin Xingang",
        "transport_mode": "sea",
        "lead_time_days": 15,
        "prices": [
            {"currency": "USD", "min_quantity": "25", "unit_price": "1060.00"},
            {"currency": "USD", "min_quantity": "250", "unit_price": "1035.00"},
        ],
        "attributes": {
            "cas_numbers": "9002-88-4",
            "grade": "7000F",
            "precursor_category": "none",
            "hazard_class": "none",
            "packaging": "bag_25kg",
            "feedstock_route": "naphtha",
            "material_source": "virgin",
            "pe_type": "hdpe",
            "mfr_pe": "0.04",
            "density": "0.952",
            "pe_application": ["film"],
        },
        "content": {
            "zh": {
                "title": "高密度聚乙烯 7000F 高分子量薄膜料，天津新港 FOB（贸易货）",
                "description": (
                    "7000F 高分子量 HDPE 薄膜料，MFR 0.04 g/10 min，密度 0.952 g/cm³，用于背心袋、"
                    "购物袋和薄型高强度膜。非鄂尔多斯生产，由我司贸易供货；天津新港 FOB，40 英尺柜装 25 "
                    "t。"
                ),
            },
            "en": {
                "title": "HDPE 7000F HMW film grade – FOB Tianjin (traded)",
                "description": (
                    "7000F high-molecular-weight HDPE film grade, MFR 0.04 g/10 min, density 0.952 "
                    "g/cm³, for T-shirt bags, carrier bags and thin high-strength film. Traded material "
                    "from a non-Ordos producer; FOB Tianjin Xingang, 25 t per 40′ container."
                ),
            },
            "ru": {
                "title": "ПЭНД 7000F высокомолекулярный плёночный — FOB Тяньцзинь (трейдинг)",
                "description": (
                    "Высокомолекулярный ПЭНД 7000F: ПТР 0,04 г/10 мин, плотность 0,952 г/см³ — "
                    "пакеты-майки, фасовочные пакеты, тонкие прочные плёнки. Товар другого (не "
                    "ордосского) производителя; FOB Тяньцзинь Синган, 25 т в 40-футовом контейнере."
                ),
            },
            "mn": {
                "title": "HDPE 7000F өндөр молекул жинтэй хальсны — FOB Тяньжин (худалдааны)",
                "description": (
                    "7000F өндөр молекул жинтэй HDPE, MFR 0.04 г/10 мин, нягт 0.952 г/см³; майк уут, "
                    "худалдааны уут, нимгэн бат бөх хальсанд. Ордосоос гадуурх үйлдвэрлэгчийн бараа; FOB "
                    "Тяньжин Шинган, 40 футын чингэлэгт 25 т."
                ),
            },
        },
    },
    {
        "seller": "export@dalad-chloralkali.example",
        "category": "pvc",
        "hs_code": "390410",
        "origin_ordos": True,
        "unit": "t",
        "moq": "25",
        "order_multiple": "25",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 10,
        "prices": [
            {"currency": "USD", "min_quantity": "25", "unit_price": "720.00"},
            {"currency": "USD", "min_quantity": "100", "unit_price": "705.00"},
            {"currency": "CNY", "min_quantity": "25", "unit_price": "5150.00"},
        ],
        "attributes": {
            "cas_numbers": "9002-86-2",
            "grade": "SG-5",
            "precursor_category": "none",
            "hazard_class": "none",
            "packaging": "bag_25kg",
            "pvc_process": "suspension",
            "pvc_feedstock": "carbide",
            "k_value": "66",
            "sg_grade": "SG5",
            "polymerisation_degree": "1050",
            "bulk_density": "0.52",
            "volatiles": "0.3",
            "material_source": "virgin",
        },
        "content": {
            "zh": {
                "title": "PVC 树脂 SG-5（K66）电石法悬浮料，二连浩特 FCA",
                "description": (
                    "达拉特旗自产电石法悬浮 PVC SG-5，K 值 66，平均聚合度 1000–1100，符合 GB/T 5761-2018 "
                    "优等品，用于硬管、型材、板材和管件。25 kg 三合一编织袋，每车 25–30 t，二连浩特 FCA。"
                ),
            },
            "en": {
                "title": "PVC resin SG-5 (K66), carbide-route suspension – FCA Erenhot",
                "description": (
                    "Suspension PVC SG-5 from our calcium-carbide plant in Dalad Banner: K-value 66, "
                    "average degree of polymerisation 1000–1100, GB/T 5761-2018 superior grade, for "
                    "rigid pipe, profiles, sheet and fittings. 25 kg laminated woven bags, 25–30 t per "
                    "truck, FCA Erenhot."
                ),
            },
            "ru": {
                "title": "Смола ПВХ SG-5 (K66), суспензионная, карбидный метод — FCA Эрлянь",
                "description": (
                    "Суспензионный ПВХ SG-5 собственного производства (карбидный метод, Далат-Ци): K 66, "
                    "средняя степень полимеризации 1000–1100, высший сорт по GB/T 5761-2018 — трубы, "
                    "профили, листы, фитинги. Ламинированные мешки по 25 кг, 25–30 т на машину, FCA "
                    "Эрлянь."
                ),
            },
            "mn": {
                "title": "PVC давирхай SG-5 (K66), карбидын аргаар, суспензийн — Эрээн FCA",
                "description": (
                    "Далад хошууны өөрийн үйлдвэрийн кальцийн карбидын аргаар гаргасан суспензийн PVC "
                    "SG-5: K утга 66, полимержилтын дундаж зэрэг 1000–1100, GB/T 5761-2018 дээд зэрэг; "
                    "хатуу хоолой, профиль, хавтан, холбох хэрэгсэлд. 25 кг-ын ламинатан уутаар, машин "
                    "тутамд 25–30 т, Эрээн FCA."
                ),
            },
        },
    },
    {
        "seller": "export@dalad-chloralkali.example",
        "category": "pvc",
        "hs_code": "390410",
        "origin_ordos": True,
        "unit": "t",
        "moq": "50",
        "order_multiple": "25",
        "incoterm": "CPT",
        "incoterm_place": "Novosibirsk-Vostochny",
        "transport_mode": "rail",
        "lead_time_days": 25,
        "prices": [
            {"currency": "USD", "min_quantity": "50", "unit_price": "815.00"},
            {"currency": "USD", "min_quantity": "200", "unit_price": "795.00"},
        ],
        "attributes": {
            "cas_numbers": "9002-86-2",
            "grade": "SG-5",
            "precursor_category": "none",
            "hazard_class": "none",
            "packaging": "jumbo_bag",
            "pvc_process": "suspension",
            "pvc_feedstock": "carbide",
            "k_value": "66",
            "sg_grade": "SG5",
            "polymerisation_degree": "1050",
            "bulk_density": "0.53",
            "material_source": "virgin",
        },
        "content": {
            "zh": {
                "title": "PVC SG-5 吨袋装，铁路运至新西伯利亚 CPT",
                "description": (
                    "SG-5 悬浮法 PVC（K66），1 t 吨袋包装，适合俄罗斯型材和管材厂自动上料。"
                    "经满洲里—后贝加尔斯克铁路换装，CPT 新西伯利亚东站，随附俄文 SDS、COA 和 EAC "
                    "所需资料。"
                ),
            },
            "en": {
                "title": "PVC SG-5 in 1 t big bags – rail CPT Novosibirsk",
                "description": (
                    "Suspension PVC SG-5 (K66) in 1 t FIBCs for automatic feeding at Russian profile and "
                    "pipe plants. Rail via Manzhouli–Zabaykalsk with gauge-change transshipment, CPT "
                    "Novosibirsk-Vostochny; Russian-language SDS and COA supplied."
                ),
            },
            "ru": {
                "title": "ПВХ SG-5 в биг-бэгах по 1 т — ж/д CPT Новосибирск",
                "description": (
                    "Суспензионный ПВХ SG-5 (K66) в МКР по 1 т для автоматической подачи на заводах "
                    "профилей и труб. Железная дорога через Маньчжурию — Забайкальск с перегрузкой на "
                    "широкую колею, CPT Новосибирск-Восточный; паспорт безопасности и сертификат анализа "
                    "на русском языке."
                ),
            },
            "mn": {
                "title": "PVC SG-5, 1 т-ын том уутаар — Новосибирск хүртэл төмөр замаар (CPT)",
                "description": (
                    "Суспензийн PVC SG-5 (K66), 1 т-ын том уутаар; Оросын профиль, хоолойн үйлдвэрийн "
                    "автомат тэжээлд тохиромжтой. Манжуур — Забайкальскаар өргөн царигт шилжүүлэн, "
                    "Новосибирск-Восточный хүртэл CPT; орос хэл дээрх SDS, COA хавсаргана."
                ),
            },
        },
    },
    {
        "seller": "export@dalad-chloralkali.example",
        "category": "pvc",
        "hs_code": "390410",
        "origin_ordos": True,
        "unit": "t",
        "moq": "25",
        "order_multiple": "25",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 14,
        "prices": [
            {"currency": "USD", "min_quantity": "25", "unit_price": "760.00"},
            {"currency": "USD", "min_quantity": "100", "unit_price": "745.00"},
            {"currency": "CNY", "min_quantity": "25", "unit_price": "5450.00"},
        ],
        "attributes": {
            "cas_numbers": "9002-86-2",
            "grade": "SG-3",
            "precursor_category": "none",
            "hazard_class": "none",
            "packaging": "bag_25kg",
            "pvc_process": "suspension",
            "pvc_feedstock": "carbide",
            "k_value": "71",
            "sg_grade": "SG3",
            "polymerisation_degree": "1300",
            "bulk_density": "0.48",
            "volatiles": "0.3",
            "material_source": "virgin",
        },
        "content": {
            "zh": {
                "title": "PVC 树脂 SG-3（K71）软制品料",
                "description": (
                    "SG-3 悬浮法 PVC，K 值 71，平均聚合度约 1300，吸油率高，适用于电缆料、软管、"
                    "人造革和软质薄膜。25 kg 袋装，二连浩特 FCA，可与 SG-5 拼车发运。"
                ),
            },
            "en": {
                "title": "PVC resin SG-3 (K71) for flexible compounds",
                "description": (
                    "Suspension PVC SG-3, K-value 71, average degree of polymerisation about 1300, with "
                    "high plasticiser absorption for cable compound, hoses, artificial leather and "
                    "flexible film. 25 kg bags, FCA Erenhot; can share a truck with SG-5."
                ),
            },
            "ru": {
                "title": "Смола ПВХ SG-3 (K71) для пластифицированных изделий",
                "description": (
                    "Суспензионный ПВХ SG-3: K 71, средняя степень полимеризации около 1300, высокая "
                    "впитываемость пластификатора — кабельные пластикаты, шланги, искусственная кожа, "
                    "мягкие плёнки. Мешки по 25 кг, FCA Эрлянь, возможна сборная машина с SG-5."
                ),
            },
            "mn": {
                "title": "PVC давирхай SG-3 (K71), зөөлөн эдлэлийн",
                "description": (
                    "Суспензийн PVC SG-3, K утга 71, полимержилтын дундаж зэрэг ойролцоогоор 1300, "
                    "хуванцаржуулагч сайн шингээдэг; кабелийн хольц, уян хоолой, хиймэл арьс, зөөлөн "
                    "хальсанд. 25 кг-ын уутаар, Эрээн FCA, SG-5-тай нэг машинд хамт ачиж болно."
                ),
            },
        },
    },
    {
        "seller": "export@dalad-chloralkali.example",
        "category": "pvc",
        "hs_code": "390410",
        "origin_ordos": True,
        "unit": "t",
        "moq": "25",
        "order_multiple": "25",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 14,
        "prices": [
            {"currency": "USD", "min_quantity": "25", "unit_price": "785.00"},
            {"currency": "CNY", "min_quantity": "25", "unit_price": "5600.00"},
        ],
        "attributes": {
            "cas_numbers": "9002-86-2",
            "grade": "SG-8",
            "precursor_category": "none",
            "hazard_class": "none",
            "packaging": "bag_25kg",
            "pvc_process": "suspension",
            "pvc_feedstock": "carbide",
            "k_value": "58",
            "sg_grade": "SG8",
            "polymerisation_degree": "700",
            "bulk_density": "0.56",
            "material_source": "virgin",
        },
        "content": {
            "zh": {
                "title": "PVC 树脂 SG-8（K58）透明硬片及注塑管件料",
                "description": (
                    "SG-8 悬浮法 PVC，K 值 58，平均聚合度约 700，塑化快、透明性好，用于透明硬片、"
                    "吹塑瓶和注塑管件。25 kg 袋装，二连浩特 FCA，月供量约 500 t。"
                ),
            },
            "en": {
                "title": "PVC resin SG-8 (K58) for clear rigid sheet and injection fittings",
                "description": (
                    "Suspension PVC SG-8, K-value 58, average degree of polymerisation about 700; fast "
                    "fusion and good clarity for transparent rigid sheet, blow-moulded bottles and "
                    "injection-moulded fittings. 25 kg bags, FCA Erenhot, about 500 t available per "
                    "month."
                ),
            },
            "ru": {
                "title": "Смола ПВХ SG-8 (K58) для прозрачных листов и литьевых фитингов",
                "description": (
                    "Суспензионный ПВХ SG-8: K 58, средняя степень полимеризации около 700, быстрое "
                    "желирование и хорошая прозрачность — жёсткие прозрачные листы, выдувные флаконы, "
                    "литые фитинги. Мешки по 25 кг, FCA Эрлянь, до 500 т в месяц."
                ),
            },
            "mn": {
                "title": "PVC давирхай SG-8 (K58), тунгалаг хатуу хавтан, цутгамал холбох хэрэгслийн",
                "description": (
                    "Суспензийн PVC SG-8, K утга 58, полимержилтын дундаж зэрэг ойролцоогоор 700; хурдан "
                    "хайлж, тунгалаг сайтай тул тунгалаг хавтан, үлээлгэсэн сав, цутгамал холбох "
                    "хэрэгсэлд. 25 кг-ын уутаар, Эрээн FCA, сард 500 т хүртэл нийлүүлнэ."
                ),
            },
        },
    },
    {
        "seller": "export@dalad-chloralkali.example",
        "category": "pvc",
        "hs_code": "390410",
        "origin_ordos": False,
        "unit": "t",
        "moq": "25",
        "order_multiple": "25",
        "incoterm": "FOB",
        "incoterm_place": "Tianjin Xingang",
        "transport_mode": "sea",
        "lead_time_days": 20,
        "prices": [
            {"currency": "USD", "min_quantity": "25", "unit_price": "705.00"},
            {"currency": "USD", "min_quantity": "250", "unit_price": "690.00"},
        ],
        "attributes": {
            "cas_numbers": "9002-86-2",
            "grade": "SG-5",
            "precursor_category": "none",
            "hazard_class": "none",
            "packaging": "bag_25kg",
            "pvc_process": "suspension",
            "pvc_feedstock": "carbide",
            "k_value": "66",
            "sg_grade": "SG5",
            "polymerisation_degree": "1000",
            "material_source": "virgin",
        },
        "content": {
            "zh": {
                "title": "PVC SG-5 乌海产电石法树脂，天津新港 FOB（贸易货）",
                "description": (
                    "内蒙古乌海产电石法 SG-5（K66），由我司集中采购后与自产料统一检验出口，"
                    "适用于管材和型材。25 kg 袋装，天津新港 FOB，每 40 英尺柜 26 t。"
                ),
            },
            "en": {
                "title": "PVC SG-5 from Wuhai, carbide route – FOB Tianjin (traded)",
                "description": (
                    "Carbide-route SG-5 (K66) produced in Wuhai, Inner Mongolia, bought in and inspected "
                    "together with our own output; for pipe and profile extrusion. 25 kg bags, FOB "
                    "Tianjin Xingang, 26 t per 40′ container."
                ),
            },
            "ru": {
                "title": "ПВХ SG-5 производства Ухая, карбидный метод — FOB Тяньцзинь (трейдинг)",
                "description": (
                    "ПВХ SG-5 (K66) карбидного метода производства г. Ухай (Внутренняя Монголия), "
                    "закупается нами и проходит общий контроль с собственной продукцией; для экструзии "
                    "труб и профилей. Мешки по 25 кг, FOB Тяньцзинь Синган, 26 т в 40-футовом контейнере."
                ),
            },
            "mn": {
                "title": "Вүхайд үйлдвэрлэсэн PVC SG-5, карбидын аргаар — FOB Тяньжин (худалдааны)",
                "description": (
                    "Өвөр Монголын Вүхай хотод карбидын аргаар үйлдвэрлэсэн SG-5 (K66); манай компани "
                    "худалдан авч өөрийн бүтээгдэхүүнтэй хамт шалгаж экспортолдог. Хоолой, профиль "
                    "шахахад. 25 кг-ын уутаар, FOB Тяньжин Шинган, 40 футын чингэлэгт 26 т."
                ),
            },
        },
    },
    {
        "seller": "sales@yitai-chem.example",
        "category": "methanol",
        "hs_code": "2905110000",
        "origin_ordos": True,
        "unit": "t",
        "moq": "60",
        "order_multiple": "60",
        "incoterm": "CPT",
        "incoterm_place": "Almaty-1 station",
        "transport_mode": "rail",
        "lead_time_days": 25,
        "prices": [
            {"currency": "USD", "min_quantity": "60", "unit_price": "372.00"},
            {"currency": "USD", "min_quantity": "600", "unit_price": "355.00"},
        ],
        "attributes": {
            "cas_numbers": "67-56-1",
            "ec_number": "200-659-6",
            "purity": "99.85",
            "grade": "IMPCA",
            "precursor_category": "none",
            "un_number": "UN1230",
            "hazard_class": "3",
            "subsidiary_hazard": "6.1",
            "packing_group": "II",
            "ghs_pictograms": ["GHS02", "GHS06", "GHS08"],
            "packaging": "bulk",
            "methanol_spec": "impca",
            "water_content": "0.05",
        },
        "content": {
            "zh": {
                "title": "煤制甲醇 IMPCA 标准，铁路罐车运至阿拉木图",
                "description": (
                    "煤制精甲醇，符合 IMPCA 甲醇参考规格，纯度≥99.85%，水分≤0.1%。铁路罐车散装，每车约 "
                    "60 t，按危险货物铁路运输规则（SMGS 附件 2）经阿拉山口运至阿拉木图-1 站，CPT 交货。"
                ),
            },
            "en": {
                "title": "Coal-based methanol, IMPCA spec – rail tank wagons CPT Almaty",
                "description": (
                    "Coal-to-methanol product meeting the IMPCA Methanol Reference Specifications: "
                    "purity ≥ 99.85 %, water ≤ 0.1 %. Bulk in rail tank wagons of about 60 t, moved as "
                    "dangerous goods under SMGS Annex 2 via Alashankou, CPT Almaty-1 station."
                ),
            },
            "ru": {
                "title": "Метанол из угля по спецификации IMPCA — ж/д цистерны, CPT Алматы",
                "description": (
                    "Метанол угольного производства, соответствует спецификации IMPCA: массовая доля ≥ "
                    "99,85 %, воды ≤ 0,1 %. Наливом в ж/д цистернах по ~60 т, перевозка как опасного "
                    "груза по Приложению 2 к СМГС через Алашанькоу, CPT станция Алматы-1."
                ),
            },
            "mn": {
                "title": (
                    "Нүүрснээс гаргасан метанол, IMPCA стандарт — төмөр замын цистернээр Алматы хүртэл"
                ),
                "description": (
                    "Нүүрсний химийн метанол, IMPCA стандартад нийцсэн: цэвэршил ≥ 99.85 %, ус ≤ 0.1 %. "
                    "Төмөр замын цистернд задгайгаар (≈ 60 т), СМГС-ийн 2-р хавсралтын дагуу аюултай "
                    "ачаагаар Алашанькоугаар дамжуулж Алматы-1 өртөө хүртэл CPT."
                ),
            },
        },
    },
    {
        "seller": "export@dalad-chloralkali.example",
        "category": "methanol",
        "hs_code": "2905110000",
        "origin_ordos": True,
        "unit": "t",
        "moq": "20",
        "order_multiple": "20",
        "incoterm": "DAP",
        "incoterm_place": "Zamyn-Üüd",
        "transport_mode": "road",
        "lead_time_days": 7,
        "prices": [
            {"currency": "USD", "min_quantity": "20", "unit_price": "380.00"},
            {"currency": "CNY", "min_quantity": "20", "unit_price": "2700.00"},
        ],
        "attributes": {
            "cas_numbers": "67-56-1",
            "ec_number": "200-659-6",
            "purity": "99.9",
            "grade": "GB/T 338 superior",
            "precursor_category": "none",
            "un_number": "UN1230",
            "hazard_class": "3",
            "subsidiary_hazard": "6.1",
            "packing_group": "II",
            "ghs_pictograms": ["GHS02", "GHS06", "GHS08"],
            "packaging": "iso_tank",
            "methanol_spec": "gb338_superior",
            "water_content": "0.08",
        },
        "content": {
            "zh": {
                "title": "精甲醇 GB/T 338 优等品，ISO 罐箱，扎门乌德 DAP",
                "description": (
                    "精甲醇，符合 GB/T 338 优等品，纯度≥99.9%。ISO 罐式集装箱装，每罐约 20 t，"
                    "危险品资质车队经二连浩特运至蒙古国扎门乌德，DAP 交货，可供蒙古国选矿及化工用户。"
                ),
            },
            "en": {
                "title": "Methanol GB/T 338 superior grade in ISO tanks – DAP Zamyn-Üüd",
                "description": (
                    "Refined methanol to GB/T 338 superior grade, purity ≥ 99.9 %. About 20 t per ISO "
                    "tank container, hauled by a dangerous-goods licensed fleet via Erenhot, DAP "
                    "Zamyn-Üüd, for Mongolian mineral-processing and chemical users."
                ),
            },
            "ru": {
                "title": "Метанол GB/T 338 высшего сорта в танк-контейнерах — DAP Замын-Ууд",
                "description": (
                    "Метанол-ректификат высшего сорта по GB/T 338, массовая доля ≥ 99,9 %. Около 20 т в "
                    "танк-контейнере ISO, перевозка перевозчиком с допуском к опасным грузам через "
                    "Эрлянь, DAP Замын-Ууд — для горно-обогатительных и химических предприятий Монголии."
                ),
            },
            "mn": {
                "title": "Метанол, GB/T 338 дээд зэрэг, ISO танкаар — DAP Замын-Үүд",
                "description": (
                    "Цэвэршүүлсэн метанол, GB/T 338 дээд зэрэг, цэвэршил ≥ 99.9 %. ISO танк-чингэлэгт ≈ "
                    "20 т, аюултай ачааны зөвшөөрөлтэй тээвэрлэгчээр Эрээнээр дамжин Замын-Үүд хүртэл "
                    "DAP; Монголын баяжуулах үйлдвэр, химийн хэрэглэгчдэд."
                ),
            },
        },
    },
    {
        "seller": "export@dalad-chloralkali.example",
        "category": "methanol",
        "hs_code": "2905110000",
        "origin_ordos": True,
        "unit": "t",
        "moq": "60",
        "order_multiple": "60",
        "incoterm": "FCA",
        "incoterm_place": "Manzhouli",
        "transport_mode": "rail",
        "lead_time_days": 14,
        "prices": [
            {"currency": "USD", "min_quantity": "60", "unit_price": "335.00"},
            {"currency": "USD", "min_quantity": "300", "unit_price": "325.00"},
            {"currency": "CNY", "min_quantity": "60", "unit_price": "2400.00"},
        ],
        "attributes": {
            "cas_numbers": "67-56-1",
            "ec_number": "200-659-6",
            "purity": "99.5",
            "grade": "GB/T 338 first-class",
            "precursor_category": "none",
            "un_number": "UN1230",
            "hazard_class": "3",
            "subsidiary_hazard": "6.1",
            "packing_group": "II",
            "ghs_pictograms": ["GHS02", "GHS06", "GHS08"],
            "packaging": "bulk",
            "methanol_spec": "gb338_first",
            "water_content": "0.15",
        },
        "content": {
            "zh": {
                "title": "工业甲醇 GB/T 338 一等品，满洲里铁路 FCA",
                "description": (
                    "工业甲醇，GB/T 338 一等品，纯度≥99.5%，适用于甲醛、MTBE 及燃料用途。铁路罐车散装，"
                    "满洲里口岸 FCA 交货，买方负责俄方宽轨段运输。"
                ),
            },
            "en": {
                "title": "Methanol GB/T 338 first-class – FCA Manzhouli by rail",
                "description": (
                    "Industrial methanol to GB/T 338 first-class grade, purity ≥ 99.5 %, for "
                    "formaldehyde, MTBE and fuel blending. Bulk rail tank wagons delivered FCA Manzhouli "
                    "border station; the buyer books the broad-gauge leg in Russia."
                ),
            },
            "ru": {
                "title": "Метанол технический GB/T 338 первого сорта — FCA Маньчжурия, ж/д",
                "description": (
                    "Метанол технический первого сорта по GB/T 338, массовая доля ≥ 99,5 % — для "
                    "формальдегида, МТБЭ и топливного смешения. Наливом в ж/д цистернах, FCA пограничная "
                    "станция Маньчжурия; перевозку по широкой колее в России организует покупатель."
                ),
            },
            "mn": {
                "title": "Үйлдвэрийн метанол, GB/T 338 нэгдүгээр зэрэг — Манжуурт төмөр замаар FCA",
                "description": (
                    "Үйлдвэрийн метанол, GB/T 338 нэгдүгээр зэрэг, цэвэршил ≥ 99.5 %; формальдегид, "
                    "MTBE, түлшний хольцод. Төмөр замын цистернээр задгай, Манжуурын хилийн өртөөнд FCA; "
                    "Оросын өргөн царигийн тээврийг худалдан авагч зохион байгуулна."
                ),
            },
        },
    },
    {
        "seller": "export@dalad-chloralkali.example",
        "category": "caustic-soda",
        "hs_code": "2815110000",
        "origin_ordos": True,
        "unit": "t",
        "moq": "25",
        "order_multiple": "25",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 7,
        "prices": [
            {"currency": "USD", "min_quantity": "25", "unit_price": "455.00"},
            {"currency": "USD", "min_quantity": "100", "unit_price": "440.00"},
            {"currency": "CNY", "min_quantity": "25", "unit_price": "3250.00"},
        ],
        "attributes": {
            "cas_numbers": "1310-73-2",
            "ec_number": "215-185-5",
            "purity": "99.0",
            "grade": "Flakes 99% (membrane)",
            "precursor_category": "none",
            "un_number": "UN1823",
            "hazard_class": "8",
            "packing_group": "II",
            "ghs_pictograms": ["GHS05"],
            "packaging": "bag_25kg",
            "form": "flakes",
            "naoh_content": "99.0",
            "nacl_content": "0.03",
            "fe2o3_content": "0.005",
        },
        "content": {
            "zh": {
                "title": "离子膜片碱 99%，25 kg 袋装，二连浩特 FCA",
                "description": (
                    "离子膜法片状烧碱，NaOH≥99.0%，NaCl≤0.03%，符合 GB/T 209 优等品。25 kg 三层（PE "
                    "内衬）编织袋，每车 25–28 t，二连浩特 FCA；按 UN1823、第 8 类、II 类包装申报，随附 "
                    "SDS。"
                ),
            },
            "en": {
                "title": "Caustic soda flakes 99 % (membrane), 25 kg bags – FCA Erenhot",
                "description": (
                    "Membrane-cell caustic soda flakes, NaOH ≥ 99.0 %, NaCl ≤ 0.03 %, GB/T 209 superior "
                    "grade. 25 kg three-layer woven bags with PE liner, 25–28 t per truck, FCA Erenhot; "
                    "declared as UN1823, class 8, PG II, SDS supplied."
                ),
            },
            "ru": {
                "title": "Сода каустическая чешуированная 99 % (мембранная), мешки 25 кг — FCA Эрлянь",
                "description": (
                    "Натр едкий мембранный чешуированный: NaOH ≥ 99,0 %, NaCl ≤ 0,03 %, высший сорт по "
                    "GB/T 209. Трёхслойные мешки по 25 кг с ПЭ-вкладышем, 25–28 т на машину, FCA Эрлянь; "
                    "UN1823, класс 8, группа упаковки II, паспорт безопасности прилагается."
                ),
            },
            "mn": {
                "title": "Идэмхий натри 99 %, ширхэгт (мембран), 25 кг-ын уутаар — Эрээн FCA",
                "description": (
                    "Мембраны аргаар гаргасан ширхэгт идэмхий натри: NaOH ≥ 99.0 %, NaCl ≤ 0.03 %, GB/T "
                    "209 дээд зэрэг. PE доторлогоотой гурван давхар 25 кг-ын уутаар, машин тутамд 25–28 "
                    "т, Эрээн FCA; UN1823, 8-р анги, савлагааны II бүлэг, SDS хавсаргана."
                ),
            },
        },
    },
    {
        "seller": "export@dalad-chloralkali.example",
        "category": "caustic-soda",
        "hs_code": "2815110000",
        "origin_ordos": True,
        "unit": "t",
        "moq": "25",
        "order_multiple": "25",
        "incoterm": "CPT",
        "incoterm_place": "Almaty-1 station",
        "transport_mode": "rail",
        "lead_time_days": 21,
        "prices": [
            {"currency": "USD", "min_quantity": "25", "unit_price": "570.00"},
            {"currency": "USD", "min_quantity": "200", "unit_price": "555.00"},
        ],
        "attributes": {
            "cas_numbers": "1310-73-2",
            "ec_number": "215-185-5",
            "purity": "99.0",
            "grade": "Pearls 99%",
            "precursor_category": "none",
            "un_number": "UN1823",
            "hazard_class": "8",
            "packing_group": "II",
            "ghs_pictograms": ["GHS05"],
            "packaging": "bag_25kg",
            "form": "pearls",
            "naoh_content": "99.0",
            "nacl_content": "0.03",
        },
        "content": {
            "zh": {
                "title": "粒碱（珠碱）99%，铁路运至阿拉木图 CPT",
                "description": (
                    "珠状烧碱，NaOH≥99%，流动性好、粉尘少，适合自动计量投料。25 kg 袋装，20 英尺柜约 25 "
                    "t，经阿拉山口铁路运至阿拉木图-1 站，CPT 价含运费。"
                ),
            },
            "en": {
                "title": "Caustic soda pearls 99 % – rail CPT Almaty",
                "description": (
                    "Caustic soda pearls, NaOH ≥ 99 %, free-flowing and low-dust for automatic dosing. "
                    "25 kg bags, about 25 t per 20′ container, by rail via Alashankou, CPT Almaty-1 "
                    "station (freight included)."
                ),
            },
            "ru": {
                "title": "Сода каустическая гранулированная 99 % — ж/д CPT Алматы",
                "description": (
                    "Натр едкий гранулированный (перлы), NaOH ≥ 99 %: хорошая сыпучесть, мало пыли, "
                    "удобен для автоматического дозирования. Мешки по 25 кг, около 25 т в 20-футовом "
                    "контейнере, ж/д через Алашанькоу, CPT Алматы-1 (фрахт включён)."
                ),
            },
            "mn": {
                "title": "Мөхлөгт идэмхий натри 99 % — Алматы хүртэл төмөр замаар (CPT)",
                "description": (
                    "Сувдан мөхлөгт идэмхий натри, NaOH ≥ 99 %; сайн асгардаг, тоос багатай тул автомат "
                    "тунлалд тохиромжтой. 25 кг-ын уутаар, 20 футын чингэлэгт ≈ 25 т, Алашанькоугаар "
                    "төмөр замаар Алматы-1 хүртэл CPT (тээврийн зардал багтсан)."
                ),
            },
        },
    },
    {
        "seller": "export@dalad-chloralkali.example",
        "category": "caustic-soda",
        "hs_code": "2815110000",
        "origin_ordos": True,
        "unit": "t",
        "moq": "25",
        "order_multiple": "25",
        "incoterm": "FOB",
        "incoterm_place": "Tianjin Xingang",
        "transport_mode": "sea",
        "lead_time_days": 18,
        "prices": [
            {"currency": "USD", "min_quantity": "25", "unit_price": "415.00"},
            {"currency": "USD", "min_quantity": "500", "unit_price": "405.00"},
        ],
        "attributes": {
            "cas_numbers": "1310-73-2",
            "ec_number": "215-185-5",
            "purity": "96.0",
            "grade": "Flakes 96%",
            "precursor_category": "none",
            "un_number": "UN1823",
            "hazard_class": "8",
            "packing_group": "II",
            "ghs_pictograms": ["GHS05"],
            "packaging": "jumbo_bag",
            "form": "flakes",
            "naoh_content": "96.0",
            "nacl_content": "2.5",
        },
        "content": {
            "zh": {
                "title": "片碱 96% 吨袋装，天津新港 FOB",
                "description": (
                    "片状烧碱 NaOH≥96%，NaCl≤2.5%，适用于氧化铝、印染和污水处理等对盐分要求不高的工业用"
                    "途。1 t 吨袋，20 英尺柜装 25 t，天津新港 FOB，按 IMDG 危险货物出运。"
                ),
            },
            "en": {
                "title": "Caustic soda flakes 96 % in big bags – FOB Tianjin",
                "description": (
                    "Caustic soda flakes, NaOH ≥ 96 %, NaCl ≤ 2.5 %, for alumina, textile processing and "
                    "wastewater treatment where salt content is not critical. 1 t big bags, 25 t per 20′ "
                    "container, FOB Tianjin Xingang, shipped under IMDG."
                ),
            },
            "ru": {
                "title": "Сода каустическая чешуированная 96 % в биг-бэгах — FOB Тяньцзинь",
                "description": (
                    "Натр едкий чешуированный NaOH ≥ 96 %, NaCl ≤ 2,5 % — для глинозёмного производства, "
                    "текстильной отделки, водоочистки, где содержание соли некритично. Биг-бэги по 1 т, "
                    "25 т в 20-футовом контейнере, FOB Тяньцзинь Синган, перевозка по МКМПОГ (IMDG)."
                ),
            },
            "mn": {
                "title": "Идэмхий натри 96 %, ширхэгт, том уутаар — FOB Тяньжин",
                "description": (
                    "Ширхэгт идэмхий натри NaOH ≥ 96 %, NaCl ≤ 2.5 %; давсны агууламж чухал бус хөнгөн "
                    "цагааны исэл, нэхмэл будах, бохир ус цэвэрлэх үйлдвэрт. 1 т-ын том уутаар, 20 футын "
                    "чингэлэгт 25 т, FOB Тяньжин Шинган, IMDG-ийн дагуу тээвэрлэнэ."
                ),
            },
        },
    },
    {
        "seller": "export@dalad-chloralkali.example",
        "category": "caustic-soda",
        "hs_code": "2815120000",
        "origin_ordos": True,
        "unit": "t",
        "moq": "20",
        "order_multiple": "20",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 7,
        "prices": [
            {"currency": "USD", "min_quantity": "20", "unit_price": "175.00"},
            {"currency": "CNY", "min_quantity": "20", "unit_price": "1250.00"},
        ],
        "attributes": {
            "cas_numbers": "1310-73-2",
            "ec_number": "215-185-5",
            "purity": "32.0",
            "grade": "Liquid lye 32%",
            "precursor_category": "none",
            "un_number": "UN1824",
            "hazard_class": "8",
            "packing_group": "II",
            "ghs_pictograms": ["GHS05"],
            "packaging": "iso_tank",
            "form": "liquid_lye",
            "naoh_content": "32.0",
            "nacl_content": "0.007",
        },
        "content": {
            "zh": {
                "title": "离子膜液碱 32%，ISO 罐箱，二连浩特 FCA",
                "description": (
                    "离子膜法液体烧碱，NaOH 32%±0.5%，低盐低铁，适用于选矿、水处理和造纸。不锈钢 ISO "
                    "罐箱装，每罐约 22 t，价格按湿吨计，二连浩特 FCA；不得使用柔性液袋。"
                ),
            },
            "en": {
                "title": "Membrane caustic lye 32 % in ISO tanks – FCA Erenhot",
                "description": (
                    "Membrane-grade liquid caustic soda, NaOH 32 % ± 0.5 %, low salt and iron, for ore "
                    "processing, water treatment and pulp. Stainless-steel ISO tanks of about 22 t; "
                    "priced per wet tonne, FCA Erenhot. Flexitanks are not allowed for this corrosive "
                    "liquid."
                ),
            },
            "ru": {
                "title": "Жидкий натр едкий 32 % (мембранный) в танк-контейнерах — FCA Эрлянь",
                "description": (
                    "Раствор гидроксида натрия мембранный, NaOH 32 % ± 0,5 %, с низким содержанием соли "
                    "и железа — обогащение руд, водоподготовка, целлюлоза. Танк-контейнеры из "
                    "нержавеющей стали ≈ 22 т; цена за тонну раствора, FCA Эрлянь. Флекситанки для этого "
                    "коррозионного груза не допускаются."
                ),
            },
            "mn": {
                "title": "Шингэн идэмхий натри 32 % (мембран), ISO танкаар — Эрээн FCA",
                "description": (
                    "Мембраны аргын шингэн идэмхий натри, NaOH 32 % ± 0.5 %, давс, төмөр багатай; хүдэр "
                    "баяжуулах, ус цэвэршүүлэх, цаасны үйлдвэрт. Зэвэрдэггүй гангийн ISO танкаар ≈ 22 т; "
                    "үнэ нь уусмалын тонноор, Эрээн FCA. Идэмхий шингэн тул флекситанк хэрэглэхгүй."
                ),
            },
        },
    },
    {
        "seller": "export@dalad-chloralkali.example",
        "category": "caustic-soda",
        "hs_code": "2815120000",
        "origin_ordos": True,
        "unit": "t",
        "moq": "20",
        "order_multiple": "20",
        "incoterm": "FOB",
        "incoterm_place": "Tianjin Xingang",
        "transport_mode": "sea",
        "lead_time_days": 20,
        "prices": [
            {"currency": "USD", "min_quantity": "20", "unit_price": "315.00"},
            {"currency": "USD", "min_quantity": "200", "unit_price": "305.00"},
        ],
        "attributes": {
            "cas_numbers": "1310-73-2",
            "ec_number": "215-185-5",
            "purity": "50.0",
            "grade": "Liquid lye 50%",
            "precursor_category": "none",
            "un_number": "UN1824",
            "hazard_class": "8",
            "packing_group": "II",
            "ghs_pictograms": ["GHS05"],
            "packaging": "iso_tank",
            "form": "liquid_lye",
            "naoh_content": "50.0",
            "nacl_content": "0.01",
        },
        "content": {
            "zh": {
                "title": "液碱 50%，ISO 罐箱，天津新港 FOB",
                "description": (
                    "离子膜液碱 NaOH 50%，按湿吨计价（约合每干吨 630 美元），冬季运输罐箱配蒸汽加热盘管以"
                    "防结晶。天津新港 FOB，每罐约 24 t。"
                ),
            },
            "en": {
                "title": "Caustic soda lye 50 % in ISO tanks – FOB Tianjin",
                "description": (
                    "Membrane caustic lye, NaOH 50 %, priced per wet tonne (about USD 630 per dry metric "
                    "tonne). In winter the ISO tanks have steam coils to prevent crystallisation. FOB "
                    "Tianjin Xingang, about 24 t per tank."
                ),
            },
            "ru": {
                "title": "Жидкий натр едкий 50 % в танк-контейнерах — FOB Тяньцзинь",
                "description": (
                    "Мембранный раствор NaOH 50 %, цена за тонну раствора (≈ 630 долл. США за тонну 100 "
                    "% NaOH). Зимой танк-контейнеры с паровым обогревом против кристаллизации. FOB "
                    "Тяньцзинь Синган, ≈ 24 т в танке."
                ),
            },
            "mn": {
                "title": "Шингэн идэмхий натри 50 %, ISO танкаар — FOB Тяньжин",
                "description": (
                    "Мембраны аргын NaOH 50 % уусмал, үнэ нь уусмалын тонноор (100 % NaOH-д шилжүүлбэл ≈ "
                    "630 ам.доллар/т). Өвөл талсжихаас сэргийлж уурын халаагууртай ISO танк ашиглана. "
                    "FOB Тяньжин Шинган, танк тутамд ≈ 24 т."
                ),
            },
        },
    },
    {
        "seller": "sales@yitai-chem.example",
        "category": "fine-chemicals",
        "hs_code": "2902300000",
        "origin_ordos": True,
        "unit": "t",
        "moq": "20",
        "order_multiple": "20",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 15,
        "prices": [
            {"currency": "USD", "min_quantity": "20", "unit_price": "790.00"},
            {"currency": "CNY", "min_quantity": "20", "unit_price": "5650.00"},
        ],
        "attributes": {
            "cas_numbers": "108-88-3",
            "ec_number": "203-625-9",
            "purity": "99.9",
            "grade": "Hydrorefined, 99.9%",
            "precursor_category": "cat3",
            "un_number": "UN1294",
            "hazard_class": "3",
            "packing_group": "II",
            "ghs_pictograms": ["GHS02", "GHS07", "GHS08"],
            "packaging": "iso_tank",
            "substance": "toluene",
            "appearance": "Clear colourless liquid",
            "impurity_profile": "Benzene ≤ 0.01 %, sulfur ≤ 1 mg/kg",
            "colour_hazen": "10",
            "water_content": "0.02",
        },
        "content": {
            "zh": {
                "title": "加氢精制甲苯 99.9%（焦化粗苯），易制毒第三类",
                "description": (
                    "焦化粗苯加氢精制甲苯，纯度≥99.9%，苯≤0.01%，硫≤1 mg/kg。ISO 罐箱装，二连浩特 FCA。"
                    "甲苯属第三类易制毒化学品，每票出口须取得商务部出口许可并提供进口国政府合法用途证明。"
                ),
            },
            "en": {
                "title": "Hydrorefined toluene 99.9 % from coke-oven benzol – precursor cat. 3",
                "description": (
                    "Toluene from hydrorefined coke-oven crude benzol, purity ≥ 99.9 %, benzene ≤ 0.01 "
                    "%, sulfur ≤ 1 mg/kg. ISO tank, FCA Erenhot. Toluene is a China category 3 "
                    "precursor: every export needs a MOFCOM licence and proof of legitimate use from the "
                    "importing country."
                ),
            },
            "ru": {
                "title": "Толуол гидроочищенный 99,9 % из коксохимического бензола — прекурсор кат. 3",
                "description": (
                    "Толуол из гидроочищенного сырого коксохимического бензола: ≥ 99,9 %, бензол ≤ 0,01 "
                    "%, сера ≤ 1 мг/кг. Танк-контейнер ISO, FCA Эрлянь. Толуол — прекурсор 3-й категории "
                    "КНР: на каждую отгрузку нужна экспортная лицензия MOFCOM и подтверждение законного "
                    "использования от страны-импортёра."
                ),
            },
            "mn": {
                "title": "Устөрөгчөөр цэвэршүүлсэн толуол 99.9 % (коксын бензол) — 3-р ангиллын прекурсор",
                "description": (
                    "Коксын түүхий бензолыг устөрөгчөөр цэвэршүүлж гаргасан толуол, ≥ 99.9 %, бензол ≤ "
                    "0.01 %, хүхэр ≤ 1 мг/кг. ISO танкаар, Эрээн FCA. Толуол нь БНХАУ-ын 3-р ангиллын "
                    "прекурсор тул экспорт бүрд MOFCOM-ын зөвшөөрөл, импортлогч улсын хууль ёсны "
                    "хэрэглээний баталгаа шаардлагатай."
                ),
            },
        },
    },
    {
        "seller": "export@dalad-chloralkali.example",
        "category": "fine-chemicals",
        "hs_code": "280700",
        "origin_ordos": True,
        "unit": "t",
        "moq": "20",
        "order_multiple": "20",
        "incoterm": "DAP",
        "incoterm_place": "Zamyn-Üüd",
        "transport_mode": "road",
        "lead_time_days": 10,
        "prices": [
            {"currency": "USD", "min_quantity": "20", "unit_price": "105.00"},
            {"currency": "USD", "min_quantity": "200", "unit_price": "95.00"},
            {"currency": "CNY", "min_quantity": "20", "unit_price": "750.00"},
        ],
        "attributes": {
            "cas_numbers": "7664-93-9",
            "ec_number": "231-639-5",
            "purity": "98.0",
            "grade": "Industrial 98%",
            "precursor_category": "cat3",
            "un_number": "UN1830",
            "hazard_class": "8",
            "packing_group": "II",
            "ghs_pictograms": ["GHS05"],
            "packaging": "iso_tank",
            "substance": "sulfuric_acid",
            "appearance": "Clear oily liquid",
            "impurity_profile": "Fe ≤ 0.005 %, As ≤ 0.0001 %, ash ≤ 0.02 %",
        },
        "content": {
            "zh": {
                "title": "工业硫酸 98%，ISO 罐箱，扎门乌德 DAP（易制毒第三类）",
                "description": (
                    "工业硫酸 H₂SO₄≥98%，符合 GB/T 534 一等品，来自煤化工装置酸性气制酸。专用衬塑/碳钢 "
                    "ISO 罐箱，DAP 扎门乌德，供蒙古国铜矿湿法冶金用户；硫酸属第三类易制毒化学品，"
                    "须办理出口许可。"
                ),
            },
            "en": {
                "title": "Sulfuric acid 98 % in ISO tanks – DAP Zamyn-Üüd (precursor cat. 3)",
                "description": (
                    "Industrial sulfuric acid, H₂SO₄ ≥ 98 %, GB/T 534 first grade, made from acid gas at "
                    "our coal-chemical complex. Dedicated ISO tanks, DAP Zamyn-Üüd, for Mongolian copper "
                    "leaching (SX-EW). Sulfuric acid is a China category 3 precursor, so each shipment "
                    "needs an export licence."
                ),
            },
            "ru": {
                "title": (
                    "Кислота серная техническая 98 % в танк-контейнерах — DAP Замын-Ууд (прекурсор кат. 3)"
                ),
                "description": (
                    "Серная кислота техническая, H₂SO₄ ≥ 98 %, первый сорт по GB/T 534, получена из "
                    "кислых газов углехимического комплекса. Специализированные танк-контейнеры, DAP "
                    "Замын-Ууд, для гидрометаллургии меди в Монголии. Серная кислота — прекурсор 3-й "
                    "категории КНР, нужна экспортная лицензия."
                ),
            },
            "mn": {
                "title": (
                    "Үйлдвэрийн хүхрийн хүчил 98 %, ISO танкаар — DAP Замын-Үүд (3-р ангиллын прекурсор)"
                ),
                "description": (
                    "Үйлдвэрийн хүхрийн хүчил H₂SO₄ ≥ 98 %, GB/T 534 нэгдүгээр зэрэг; нүүрс-химийн "
                    "цогцолборын хүчиллэг хийнээс гаргасан. Тусгай ISO танкаар, Замын-Үүд хүртэл DAP; "
                    "Монголын зэсийн уусгалтын (SX-EW) үйлдвэрүүдэд. 3-р ангиллын прекурсор тул ачилт "
                    "бүрд экспортын зөвшөөрөл шаардана."
                ),
            },
        },
    },
    {
        "seller": "export@dalad-chloralkali.example",
        "category": "fine-chemicals",
        "hs_code": "280610",
        "origin_ordos": True,
        "unit": "t",
        "moq": "20",
        "order_multiple": "20",
        "incoterm": "FCA",
        "incoterm_place": "Dalad Banner plant",
        "transport_mode": "road",
        "lead_time_days": 7,
        "prices": [
            {"currency": "USD", "min_quantity": "20", "unit_price": "70.00"},
            {"currency": "CNY", "min_quantity": "20", "unit_price": "500.00"},
        ],
        "attributes": {
            "cas_numbers": "7647-01-0",
            "ec_number": "231-595-7",
            "purity": "31.0",
            "grade": "Synthetic 31%",
            "precursor_category": "cat3",
            "un_number": "UN1789",
            "hazard_class": "8",
            "packing_group": "II",
            "ghs_pictograms": ["GHS05", "GHS07"],
            "packaging": "iso_tank",
            "substance": "hydrochloric_acid",
            "appearance": "Colourless to light yellow liquid",
            "impurity_profile": "Fe ≤ 0.002 %, free chlorine ≤ 0.005 %",
        },
        "content": {
            "zh": {
                "title": "合成盐酸 31%，衬胶罐箱，达拉特工厂 FCA",
                "description": (
                    "氯碱装置副产合成盐酸，HCl≥31%，铁≤0.002%，符合 GB 320 工业用合成盐酸优等品。衬胶 "
                    "ISO 罐箱装，达拉特旗工厂 FCA；盐酸属第三类易制毒化学品，出口须办理许可。"
                ),
            },
            "en": {
                "title": "Synthetic hydrochloric acid 31 %, rubber-lined tanks – FCA Dalad plant",
                "description": (
                    "Synthetic hydrochloric acid from our chlor-alkali unit, HCl ≥ 31 %, Fe ≤ 0.002 %, "
                    "GB 320 superior grade. Rubber-lined ISO tanks, FCA our Dalad Banner plant. "
                    "Hydrochloric acid is a category 3 precursor in China; exports need a licence."
                ),
            },
            "ru": {
                "title": (
                    "Кислота соляная синтетическая 31 % в гуммированных танк-контейнерах — FCA завод Далат"
                ),
                "description": (
                    "Синтетическая соляная кислота хлорщелочного производства, HCl ≥ 31 %, Fe ≤ 0,002 %, "
                    "высший сорт по GB 320. Гуммированные танк-контейнеры ISO, FCA завод в Далат-Ци. "
                    "Соляная кислота — прекурсор 3-й категории КНР, экспорт по лицензии."
                ),
            },
            "mn": {
                "title": (
                    "Нийлэгжүүлсэн давсны хүчил 31 %, резин доторлогоотой танкаар — Далад үйлдвэрт FCA"
                ),
                "description": (
                    "Хлор-шүлтийн үйлдвэрийн нийлэгжүүлсэн давсны хүчил, HCl ≥ 31 %, Fe ≤ 0.002 %, GB "
                    "320 дээд зэрэг. Резин доторлогоотой ISO танкаар, Далад хошууны үйлдвэрт FCA. 3-р "
                    "ангиллын прекурсор тул экспортод зөвшөөрөл шаардана."
                ),
            },
        },
    },
    {
        "seller": "sales@yitai-chem.example",
        "category": "fine-chemicals",
        "hs_code": "2914110000",
        "origin_ordos": False,
        "unit": "t",
        "moq": "16",
        "order_multiple": "16",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 12,
        "prices": [
            {"currency": "USD", "min_quantity": "16", "unit_price": "830.00"},
            {"currency": "CNY", "min_quantity": "16", "unit_price": "5900.00"},
        ],
        "attributes": {
            "cas_numbers": "67-64-1",
            "ec_number": "200-662-2",
            "purity": "99.5",
            "grade": "Industrial 99.5%",
            "precursor_category": "cat3",
            "un_number": "UN1090",
            "hazard_class": "3",
            "packing_group": "II",
            "ghs_pictograms": ["GHS02", "GHS07"],
            "packaging": "drum_200l",
            "substance": "acetone",
            "appearance": "Clear colourless liquid",
            "impurity_profile": "Methanol ≤ 0.05 %, acidity ≤ 0.002 %",
            "colour_hazen": "5",
            "water_content": "0.3",
        },
        "content": {
            "zh": {
                "title": "工业丙酮 99.5%，160 kg 镀锌桶，二连浩特 FCA（贸易货）",
                "description": (
                    "工业用丙酮，符合 GB/T 6026 优等品，纯度≥99.5%，水分≤0.3%。160 kg 净重/200 L "
                    "镀锌铁桶，80 桶一车。非鄂尔多斯生产，由我司采购；丙酮为第三类易制毒化学品，"
                    "出口凭商务部许可证。"
                ),
            },
            "en": {
                "title": "Acetone 99.5 % in 160 kg drums – FCA Erenhot (traded)",
                "description": (
                    "Industrial acetone to GB/T 6026 superior grade, purity ≥ 99.5 %, water ≤ 0.3 %. 160 "
                    "kg net in 200 L galvanised drums, 80 drums per truck. Traded product bought outside "
                    "Ordos; acetone is a China category 3 precursor and ships only under a MOFCOM export "
                    "licence."
                ),
            },
            "ru": {
                "title": "Ацетон технический 99,5 % в бочках по 160 кг — FCA Эрлянь (трейдинг)",
                "description": (
                    "Ацетон технический высшего сорта по GB/T 6026, ≥ 99,5 %, вода ≤ 0,3 %. 160 кг нетто "
                    "в оцинкованных бочках 200 л, 80 бочек на машину. Товар закуплен вне Ордоса; ацетон "
                    "— прекурсор 3-й категории КНР, отгрузка только по экспортной лицензии MOFCOM."
                ),
            },
            "mn": {
                "title": "Үйлдвэрийн ацетон 99.5 %, 160 кг-ын торхоор — Эрээн FCA (худалдааны)",
                "description": (
                    "Үйлдвэрийн ацетон, GB/T 6026 дээд зэрэг, ≥ 99.5 %, ус ≤ 0.3 %. 200 л-ийн цайрдсан "
                    "торхонд цэвэр 160 кг, машинд 80 торх. Ордосоос гадна худалдан авсан бараа; ацетон "
                    "нь 3-р ангиллын прекурсор тул зөвхөн MOFCOM-ын экспортын зөвшөөрлөөр ачина."
                ),
            },
        },
    },
    {
        "seller": "sales@yitai-chem.example",
        "category": "fine-chemicals",
        "hs_code": "2905310000",
        "origin_ordos": True,
        "unit": "t",
        "moq": "22",
        "order_multiple": "22",
        "incoterm": "FOB",
        "incoterm_place": "Tianjin Xingang",
        "transport_mode": "sea",
        "lead_time_days": 18,
        "prices": [
            {"currency": "USD", "min_quantity": "22", "unit_price": "560.00"},
            {"currency": "USD", "min_quantity": "220", "unit_price": "545.00"},
        ],
        "attributes": {
            "cas_numbers": "107-21-1",
            "ec_number": "203-473-3",
            "purity": "99.9",
            "grade": "Polyester grade",
            "precursor_category": "none",
            "hazard_class": "none",
            "ghs_pictograms": ["GHS07", "GHS08"],
            "packaging": "flexitank",
            "substance": "ethylene_glycol",
            "appearance": "Clear colourless liquid",
            "impurity_profile": "DEG ≤ 0.05 %, aldehydes ≤ 8 mg/kg, UV transmittance at 220 nm ≥ 75 %",
            "colour_hazen": "5",
            "water_content": "0.05",
        },
        "content": {
            "zh": {
                "title": "煤制乙二醇聚酯级 99.9%，集装箱液袋，天津新港 FOB",
                "description": (
                    "煤制乙二醇（合成气路线），聚酯级，纯度≥99.9%，二乙二醇≤0.05%，220 nm "
                    "紫外透光率≥75%。非危险货物，20 英尺柜装柔性液袋每袋约 22 t，天津新港 FOB。"
                ),
            },
            "en": {
                "title": "Coal-based MEG polyester grade 99.9 % in flexitanks – FOB Tianjin",
                "description": (
                    "Mono-ethylene glycol from the syngas (coal) route, polyester grade, purity ≥ 99.9 "
                    "%, DEG ≤ 0.05 %, UV transmittance at 220 nm ≥ 75 %. Not dangerous goods for "
                    "transport; about 22 t per flexitank in a 20′ container, FOB Tianjin Xingang."
                ),
            },
            "ru": {
                "title": "Моноэтиленгликоль из угля, волоконный 99,9 % во флекситанках — FOB Тяньцзинь",
                "description": (
                    "МЭГ по угольной (синтез-газовой) технологии, волоконного качества: ≥ 99,9 %, ДЭГ ≤ "
                    "0,05 %, пропускание УФ при 220 нм ≥ 75 %. Не является опасным грузом; ≈ 22 т во "
                    "флекситанке в 20-футовом контейнере, FOB Тяньцзинь Синган."
                ),
            },
            "mn": {
                "title": (
                    "Нүүрснээс гаргасан этилен гликол, полиэстерийн 99.9 %, флекситанкаар — FOB Тяньжин"
                ),
                "description": (
                    "Синтез хийн (нүүрсний) аргаар гаргасан MEG, полиэстерийн зэрэг, ≥ 99.9 %, DEG ≤ "
                    "0.05 %, 220 нм-т UV нэвтрэлт ≥ 75 %. Тээврийн аюултай ачаа биш; 20 футын чингэлэг "
                    "дэх флекситанкт ≈ 22 т, FOB Тяньжин Шинган."
                ),
            },
        },
    },
    {
        "seller": "sales@yitai-chem.example",
        "category": "fine-chemicals",
        "hs_code": "2905310000",
        "origin_ordos": True,
        "unit": "t",
        "moq": "22",
        "order_multiple": "22",
        "incoterm": "CPT",
        "incoterm_place": "Vorsino (Kaluga region)",
        "transport_mode": "rail",
        "lead_time_days": 30,
        "prices": [
            {"currency": "USD", "min_quantity": "22", "unit_price": "655.00"},
            {"currency": "CNY", "min_quantity": "22", "unit_price": "4650.00"},
        ],
        "attributes": {
            "cas_numbers": "107-21-1",
            "ec_number": "203-473-3",
            "purity": "99.8",
            "grade": "Industrial grade",
            "precursor_category": "none",
            "hazard_class": "none",
            "ghs_pictograms": ["GHS07", "GHS08"],
            "packaging": "flexitank",
            "substance": "ethylene_glycol",
            "appearance": "Clear colourless liquid",
            "water_content": "0.1",
        },
        "content": {
            "zh": {
                "title": "工业级乙二醇 99.8%，中欧班列至俄罗斯沃尔西诺 CPT",
                "description": (
                    "煤制乙二醇工业级，纯度≥99.8%，用于防冻液、不饱和树脂和冷却液。柔性液袋装，"
                    "经二连浩特—扎门乌德—纳乌什基中蒙俄通道运至卡卢加州沃尔西诺站，CPT 交货。"
                ),
            },
            "en": {
                "title": "Industrial-grade MEG 99.8 % by rail – CPT Vorsino, Russia",
                "description": (
                    "Coal-route ethylene glycol, industrial grade, purity ≥ 99.8 %, for antifreeze, "
                    "unsaturated polyester resins and coolants. Flexitanks by rail through "
                    "Erenhot–Zamyn-Üüd–Naushki to Vorsino terminal (Kaluga region), CPT."
                ),
            },
            "ru": {
                "title": "МЭГ технический 99,8 % по железной дороге — CPT Ворсино",
                "description": (
                    "Этиленгликоль угольного производства, технический, ≥ 99,8 % — антифризы, "
                    "ненасыщенные полиэфирные смолы, охлаждающие жидкости. Флекситанки, ж/д по маршруту "
                    "Эрлянь — Замын-Ууд — Наушки до терминала Ворсино (Калужская обл.), CPT."
                ),
            },
            "mn": {
                "title": "Үйлдвэрийн этилен гликол 99.8 % — Оросын Ворсино хүртэл төмөр замаар (CPT)",
                "description": (
                    "Нүүрсний аргаар гаргасан үйлдвэрийн этилен гликол, ≥ 99.8 %; антифриз, ханаагүй "
                    "полиэстер давирхай, хөргөх шингэнд. Флекситанкаар Эрээн — Замын-Үүд — Наушкигаар "
                    "дамжин Калугийн мужийн Ворсино терминал хүртэл CPT."
                ),
            },
        },
    },
    {
        "seller": "sales@yitai-chem.example",
        "category": "fine-chemicals",
        "hs_code": "271220",
        "origin_ordos": True,
        "unit": "t",
        "moq": "10",
        "order_multiple": "10",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 14,
        "prices": [
            {"currency": "USD", "min_quantity": "10", "unit_price": "1180.00"},
            {"currency": "USD", "min_quantity": "50", "unit_price": "1140.00"},
            {"currency": "CNY", "min_quantity": "10", "unit_price": "8400.00"},
        ],
        "attributes": {
            "cas_numbers": "8002-74-2",
            "ec_number": "232-315-6",
            "grade": "F-T wax C105",
            "precursor_category": "none",
            "hazard_class": "none",
            "packaging": "bag_25kg",
            "substance": "ft_wax",
            "appearance": "White pastilles, congealing point 100–105 °C",
            "impurity_profile": "Oil content ≤ 0.5 %",
        },
        "content": {
            "zh": {
                "title": "费托合成蜡 C105（煤间接液化），25 kg 袋装颗粒",
                "description": (
                    "煤间接液化装置副产费托硬蜡，凝固点 100–105 °C，含油≤0.5%，白色颗粒。用于 PVC "
                    "润滑剂、热熔胶、色母粒分散和沥青改性。25 kg 袋装，二连浩特 FCA。"
                ),
            },
            "en": {
                "title": "Fischer–Tropsch hard wax C105 from coal-to-liquids, 25 kg bags",
                "description": (
                    "Fischer–Tropsch hard wax from our coal-to-liquids plant, congealing point 100–105 "
                    "°C, oil ≤ 0.5 %, white pastilles. For PVC lubricants, hot-melt adhesives, "
                    "masterbatch dispersion and asphalt modification. 25 kg bags, FCA Erenhot."
                ),
            },
            "ru": {
                "title": "Воск Фишера–Тропша C105 (из угля), гранулы в мешках по 25 кг",
                "description": (
                    "Твёрдый воск Фишера–Тропша установки косвенного ожижения угля: температура "
                    "застывания 100–105 °C, масло ≤ 0,5 %, белые пастилки. Смазки для ПВХ, термоклеи, "
                    "диспергирование суперконцентратов, модификация битума. Мешки по 25 кг, FCA Эрлянь."
                ),
            },
            "mn": {
                "title": "Фишер–Тропшийн хатуу лав C105 (нүүрснээс шингэн түлш), 25 кг-ын уутаар",
                "description": (
                    "Нүүрсийг шингэрүүлэх үйлдвэрийн Фишер–Тропшийн хатуу лав, хөлдөх цэг 100–105 °C, "
                    "тос ≤ 0.5 %, цагаан мөхлөг. PVC-ийн тосолгоо, халуун цавуу, мастербатч, битум "
                    "сайжруулахад. 25 кг-ын уутаар, Эрээн FCA."
                ),
            },
        },
    },
    {
        "seller": "export@ordos-auto.example",
        "category": "bev",
        "hs_code": "8703801090",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 20,
        "prices": [
            {"currency": "USD", "min_quantity": "1", "unit_price": "11800.00"},
            {"currency": "USD", "min_quantity": "10", "unit_price": "11300.00"},
            {"currency": "CNY", "min_quantity": "1", "unit_price": "84000.00"},
        ],
        "attributes": {
            "make": "BYD",
            "model": "Seagull (Dolphin Mini) Flying Edition",
            "model_year": "2026",
            "condition": "new",
            "propulsion": "bev",
            "drive_side": "lhd",
            "emission_standard": "none_ev",
            "colour": "Polar white",
            "homologation": ["mn_type_approval"],
            "export_licence": True,
            "body_type": "hatchback",
            "seats": "4",
            "battery_kwh": "30.08",
            "battery_chemistry": "lfp",
            "range_km": "305",
            "power_kw": "55",
            "un_transport": "UN3556",
        },
        "content": {
            "zh": {
                "title": "比亚迪海鸥 飞翔版 2026 款 纯电动小车，30.08 kWh 刀片电池",
                "description": (
                    "2026 款比亚迪海鸥飞翔版，30.08 kWh 磷酸铁锂刀片电池，CLTC 续航 305 km，55 kW 电机，"
                    "左舵四座。已办理纯电动乘用车出口许可证，二连浩特 FCA 自驾或轿运车交车，"
                    "适合乌兰巴托城市通勤和网约车队。"
                ),
            },
            "en": {
                "title": "BYD Seagull (Dolphin Mini) Flying Edition 2026 BEV, 30.08 kWh Blade battery",
                "description": (
                    "2026 BYD Seagull Flying Edition with a 30.08 kWh LFP Blade battery, 305 km CLTC "
                    "range and a 55 kW motor; left-hand drive, four seats. China BEV export licence in "
                    "place; handed over FCA Erenhot, driven or on a car carrier, a good fit for "
                    "Ulaanbaatar commuting and ride-hailing fleets."
                ),
            },
            "ru": {
                "title": (
                    "BYD Seagull (Dolphin Mini) Flying Edition 2026, электромобиль, батарея Blade 30,08 кВт·ч"
                ),
                "description": (
                    "BYD Seagull 2026 Flying Edition: LFP-батарея Blade 30,08 кВт·ч, запас хода 305 км "
                    "по CLTC, мотор 55 кВт, левый руль, 4 места. Экспортная лицензия КНР на "
                    "электромобили оформлена; передача FCA Эрлянь своим ходом или автовозом — для "
                    "городских поездок и такси в Улан-Баторе."
                ),
            },
            "mn": {
                "title": (
                    "BYD Seagull (Dolphin Mini) Flying Edition 2026, цахилгаан машин, 30.08 кВт·ц Blade "
                    "батерей"
                ),
                "description": (
                    "2026 оны BYD Seagull Flying Edition: 30.08 кВт·ц LFP Blade батерей, CLTC-ээр 305 км "
                    "явна, 55 кВт мотор, зүүн жолоотой, 4 суудалтай. Цахилгаан машины экспортын "
                    "зөвшөөрөлтэй; Эрээнд FCA нөхцлөөр өөрийн хүчээр эсвэл автовозоор хүлээлгэн өгнө. "
                    "Улаанбаатарын хотын унаа, такси паркад тохиромжтой."
                ),
            },
        },
    },
    {
        "seller": "export@ordos-auto.example",
        "category": "bev",
        "hs_code": "8703801090",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "CPT",
        "incoterm_place": "Almaty-1 station",
        "transport_mode": "rail",
        "lead_time_days": 30,
        "prices": [
            {"currency": "USD", "min_quantity": "1", "unit_price": "19900.00"},
            {"currency": "USD", "min_quantity": "10", "unit_price": "19200.00"},
        ],
        "attributes": {
            "make": "BYD",
            "model": "Yuan Plus (Atto 3) Honour Edition 510 km",
            "model_year": "2026",
            "condition": "new",
            "propulsion": "bev",
            "drive_side": "lhd",
            "emission_standard": "none_ev",
            "colour": "Surf blue",
            "homologation": ["eaeu_otts"],
            "export_licence": True,
            "body_type": "suv",
            "seats": "5",
            "battery_kwh": "60.48",
            "battery_chemistry": "lfp",
            "range_km": "510",
            "range_wltp_km": "420",
            "power_kw": "150",
            "un_transport": "UN3556",
        },
        "content": {
            "zh": {
                "title": "比亚迪元 PLUS（ATTO 3）荣耀版 510 km 纯电 SUV，铁路运至阿拉木图",
                "description": (
                    "60.48 kWh 刀片电池，CLTC 510 km（WLTP 420 km），150 kW 前驱电机，"
                    "持有欧亚经济联盟车辆型式批准（ОТТС）。双层商品车集装箱铁路运至阿拉木图-1 站，CPT "
                    "价含运费，按 UN3556 锂离子电池驱动车辆申报。"
                ),
            },
            "en": {
                "title": "BYD Yuan Plus (Atto 3) Honour Edition 510 km electric SUV – rail CPT Almaty",
                "description": (
                    "60.48 kWh Blade battery, 510 km CLTC (420 km WLTP), 150 kW front motor, with an "
                    "EAEU vehicle type approval (OTTS). Shipped in double-deck car containers by rail, "
                    "CPT Almaty-1 station with freight included, declared as UN3556 lithium-ion battery "
                    "powered vehicles."
                ),
            },
            "ru": {
                "title": "BYD Yuan Plus (Atto 3) Honour Edition 510 км, электрокроссовер — ж/д CPT Алматы",
                "description": (
                    "Батарея Blade 60,48 кВт·ч, запас хода 510 км CLTC (420 км WLTP), передний мотор 150 "
                    "кВт, имеется ОТТС ЕАЭС. Двухъярусные автомобильные контейнеры по железной дороге, "
                    "CPT станция Алматы-1 (фрахт включён); перевозка как UN3556 «транспортное средство с "
                    "литий-ионной батареей»."
                ),
            },
            "mn": {
                "title": (
                    "BYD Yuan Plus (Atto 3) Honour Edition 510 км, цахилгаан жийп — Алматы хүртэл төмөр "
                    "замаар (CPT)"
                ),
                "description": (
                    "60.48 кВт·ц Blade батерей, CLTC 510 км (WLTP 420 км), 150 кВт урд мотор, ЕАЭЗХ-ны "
                    "хэв шинжийн зөвшөөрөлтэй (ОТТС). Хоёр давхар автомашины чингэлгээр төмөр замаар "
                    "Алматы-1 хүртэл CPT (тээвэр багтсан); UN3556 гэж мэдүүлнэ."
                ),
            },
        },
    },
    {
        "seller": "export@ordos-auto.example",
        "category": "bev",
        "hs_code": "8703801090",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 25,
        "prices": [
            {"currency": "USD", "min_quantity": "1", "unit_price": "17600.00"},
            {"currency": "USD", "min_quantity": "10", "unit_price": "16900.00"},
            {"currency": "CNY", "min_quantity": "1", "unit_price": "125000.00"},
        ],
        "attributes": {
            "make": "Geely",
            "model": "Galaxy E5 530 km Pro",
            "model_year": "2026",
            "condition": "new",
            "propulsion": "bev",
            "drive_side": "lhd",
            "emission_standard": "none_ev",
            "colour": "Mist grey",
            "homologation": ["mn_type_approval"],
            "export_licence": True,
            "body_type": "suv",
            "seats": "5",
            "battery_kwh": "60.22",
            "battery_chemistry": "lfp",
            "range_km": "530",
            "power_kw": "160",
            "un_transport": "UN3556",
        },
        "content": {
            "zh": {
                "title": "吉利银河 E5 530 km Pro 纯电 SUV，二连浩特 FCA",
                "description": (
                    "吉利银河 E5，60.22 kWh 神盾短刀磷酸铁锂电池，CLTC 530 km，160 kW 电机，11 合 1 "
                    "电驱，支持 -30 °C 低温预热，适合蒙古国冬季使用。二连浩特 FCA，10 台起享批量价。"
                ),
            },
            "en": {
                "title": "Geely Galaxy E5 530 km Pro electric SUV – FCA Erenhot",
                "description": (
                    "Geely Galaxy E5 with a 60.22 kWh LFP Aegis short-blade battery, 530 km CLTC and a "
                    "160 kW motor; battery pre-heating for −30 °C winters makes it suitable for "
                    "Mongolia. FCA Erenhot; fleet price from 10 units."
                ),
            },
            "ru": {
                "title": "Geely Galaxy E5 530 км Pro, электрокроссовер — FCA Эрлянь",
                "description": (
                    "Geely Galaxy E5: LFP-батарея Aegis 60,22 кВт·ч, 530 км по CLTC, мотор 160 кВт; "
                    "предпрогрев батареи для зим до −30 °C, подходит для Монголии. FCA Эрлянь, цена для "
                    "автопарков от 10 машин."
                ),
            },
            "mn": {
                "title": "Geely Galaxy E5 530 км Pro, цахилгаан жийп — Эрээн FCA",
                "description": (
                    "Geely Galaxy E5: 60.22 кВт·ц LFP Aegis батерей, CLTC 530 км, 160 кВт мотор; −30 "
                    "°C-ийн хүйтэнд батерейгаа урьдчилан халаадаг тул Монголын өвөлд тохиромжтой. Эрээн "
                    "FCA, 10-аас дээш машинд бөөний үнэ."
                ),
            },
        },
    },
    {
        "seller": "export@ordos-auto.example",
        "category": "bev",
        "hs_code": "8703801090",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "FOB",
        "incoterm_place": "Tianjin Xingang",
        "transport_mode": "sea",
        "lead_time_days": 35,
        "prices": [
            {"currency": "USD", "min_quantity": "1", "unit_price": "38500.00"},
            {"currency": "USD", "min_quantity": "5", "unit_price": "37400.00"},
        ],
        "attributes": {
            "make": "Zeekr",
            "model": "001 YOU 100 kWh AWD",
            "model_year": "2026",
            "condition": "new",
            "propulsion": "bev",
            "drive_side": "lhd",
            "emission_standard": "none_ev",
            "colour": "Crystal black",
            "homologation": ["eu_wvta"],
            "export_licence": True,
            "body_type": "hatchback",
            "seats": "5",
            "battery_kwh": "100",
            "battery_chemistry": "nmc",
            "range_km": "705",
            "range_wltp_km": "580",
            "power_kw": "580",
            "un_transport": "UN3556",
        },
        "content": {
            "zh": {
                "title": "极氪 001 YOU 版 100 kWh 四驱猎装车，天津新港滚装 FOB",
                "description": (
                    "极氪 001 YOU 版，100 kWh 麒麟三元锂电池，双电机 580 kW，CLTC 705 km（WLTP 约 580 "
                    "km），800 V 快充平台。欧盟整车型式认证车型，天津新港滚装船 FOB，适合欧洲经销商采购。"
                ),
            },
            "en": {
                "title": "Zeekr 001 YOU 100 kWh AWD shooting brake – FOB Tianjin ro-ro",
                "description": (
                    "Zeekr 001 YOU with a 100 kWh Qilin NMC battery, dual motors totalling 580 kW, 705 "
                    "km CLTC (about 580 km WLTP) and an 800 V fast-charging platform. EU whole-vehicle "
                    "type-approved model, FOB Tianjin Xingang on ro-ro vessels for European dealers."
                ),
            },
            "ru": {
                "title": "Zeekr 001 YOU 100 кВт·ч AWD, универсал — FOB Тяньцзинь (ро-ро)",
                "description": (
                    "Zeekr 001 YOU: батарея NMC Qilin 100 кВт·ч, два мотора суммарно 580 кВт, 705 км по "
                    "CLTC (около 580 км WLTP), платформа 800 В. Модель с одобрением типа ЕС (WVTA); FOB "
                    "Тяньцзинь Синган на судах ро-ро для европейских дилеров."
                ),
            },
            "mn": {
                "title": "Zeekr 001 YOU 100 кВт·ц, бүх дугуйгаар хөтлөгчтэй — FOB Тяньжин (ро-ро)",
                "description": (
                    "Zeekr 001 YOU: 100 кВт·ц NMC Qilin батерей, хоёр мотор нийт 580 кВт, CLTC 705 км "
                    "(WLTP ≈ 580 км), 800 В хурдан цэнэглэлт. ЕХ-ны хэв шинжийн зөвшөөрөлтэй загвар; "
                    "Европын дилерүүдэд Тяньжин Шинганаас ро-ро хөлгөөр FOB."
                ),
            },
        },
    },
    {
        "seller": "export@ordos-auto.example",
        "category": "bev",
        "hs_code": "8703801090",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "5",
        "order_multiple": "5",
        "incoterm": "DAP",
        "incoterm_place": "Ulaanbaatar",
        "transport_mode": "road",
        "lead_time_days": 25,
        "prices": [
            {"currency": "USD", "min_quantity": "5", "unit_price": "11200.00"},
            {"currency": "USD", "min_quantity": "20", "unit_price": "10800.00"},
        ],
        "attributes": {
            "make": "Wuling",
            "model": "Bingo 410 km",
            "model_year": "2026",
            "condition": "new",
            "propulsion": "bev",
            "drive_side": "lhd",
            "emission_standard": "none_ev",
            "colour": "Macaron green",
            "homologation": ["mn_type_approval"],
            "export_licence": True,
            "body_type": "hatchback",
            "seats": "5",
            "battery_kwh": "37.9",
            "battery_chemistry": "lfp",
            "range_km": "410",
            "power_kw": "50",
            "un_transport": "UN3556",
        },
        "content": {
            "zh": {
                "title": "五菱缤果 410 km 纯电小车，5 台起订，乌兰巴托 DAP",
                "description": (
                    "五菱缤果 410 km 版，37.9 kWh 磷酸铁锂电池，50 kW 电机，CLTC 410 km。5 台起订，"
                    "轿运车经二连浩特送至乌兰巴托 DAP，含蒙古国型式认可资料；适合城市通勤和企业公务车。"
                ),
            },
            "en": {
                "title": "Wuling Bingo 410 km city EV, from 5 units – DAP Ulaanbaatar",
                "description": (
                    "Wuling Bingo 410 km version with a 37.9 kWh LFP battery, 50 kW motor and 410 km "
                    "CLTC range. Minimum five units, delivered by car carrier via Erenhot, DAP "
                    "Ulaanbaatar, with the Mongolian type-approval file; suits city commuting and "
                    "company pool cars."
                ),
            },
            "ru": {
                "title": "Wuling Bingo 410 км, городской электромобиль, от 5 шт. — DAP Улан-Батор",
                "description": (
                    "Wuling Bingo версии 410 км: LFP-батарея 37,9 кВт·ч, мотор 50 кВт, запас хода 410 км "
                    "(CLTC). От пяти машин, автовозом через Эрлянь, DAP Улан-Батор, с документами для "
                    "монгольского одобрения типа; для городских поездок и служебных автопарков."
                ),
            },
            "mn": {
                "title": "Wuling Bingo 410 км, хотын цахилгаан машин, 5-аас дээш — DAP Улаанбаатар",
                "description": (
                    "Wuling Bingo 410 км хувилбар: 37.9 кВт·ц LFP батерей, 50 кВт мотор, CLTC 410 км. "
                    "Хамгийн багадаа 5 машин, Эрээнээр дамжуулан автовозоор Улаанбаатар хүртэл DAP, "
                    "Монголын хэв шинжийн зөвшөөрлийн баримттай; хотын унаа, байгууллагын албаны машинд."
                ),
            },
        },
    },
    {
        "seller": "export@ordos-auto.example",
        "category": "bev",
        "hs_code": "8703801090",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 25,
        "prices": [
            {"currency": "USD", "min_quantity": "1", "unit_price": "20800.00"},
            {"currency": "USD", "min_quantity": "10", "unit_price": "20100.00"},
        ],
        "attributes": {
            "make": "Leapmotor",
            "model": "C10 530 km",
            "model_year": "2026",
            "condition": "new",
            "propulsion": "bev",
            "drive_side": "lhd",
            "emission_standard": "none_ev",
            "colour": "Glacier white",
            "homologation": ["eaeu_otts", "mn_type_approval"],
            "export_licence": True,
            "body_type": "suv",
            "seats": "5",
            "battery_kwh": "69.9",
            "battery_chemistry": "lfp",
            "range_km": "530",
            "power_kw": "160",
            "un_transport": "UN3556",
        },
        "content": {
            "zh": {
                "title": "零跑 C10 530 km 纯电中型 SUV，二连浩特 FCA",
                "description": (
                    "零跑 C10，69.9 kWh 磷酸铁锂电池（CTC 电池底盘一体化），后驱 160 kW，CLTC 530 km，"
                    "持有欧亚经济联盟 ОТТС 和蒙古国型式认可。二连浩特 FCA，可安排俄语/蒙语车机。"
                ),
            },
            "en": {
                "title": "Leapmotor C10 530 km mid-size electric SUV – FCA Erenhot",
                "description": (
                    "Leapmotor C10 with a 69.9 kWh LFP cell-to-chassis battery, 160 kW rear motor and "
                    "530 km CLTC range; EAEU OTTS and Mongolian type approval. FCA Erenhot; Russian or "
                    "Mongolian infotainment language on request."
                ),
            },
            "ru": {
                "title": "Leapmotor C10 530 км, среднеразмерный электрокроссовер — FCA Эрлянь",
                "description": (
                    "Leapmotor C10: LFP-батарея 69,9 кВт·ч по технологии cell-to-chassis, задний мотор "
                    "160 кВт, 530 км CLTC; ОТТС ЕАЭС и монгольское одобрение типа. FCA Эрлянь, "
                    "мультимедиа на русском или монгольском по запросу."
                ),
            },
            "mn": {
                "title": "Leapmotor C10 530 км, дунд оврын цахилгаан жийп — Эрээн FCA",
                "description": (
                    "Leapmotor C10: 69.9 кВт·ц LFP батерей (cell-to-chassis), хойд 160 кВт мотор, CLTC "
                    "530 км; ЕАЭЗХ-ны ОТТС болон Монголын хэв шинжийн зөвшөөрөлтэй. Эрээн FCA, "
                    "мультимедиа орос эсвэл монгол хэлээр захиалж болно."
                ),
            },
        },
    },
    {
        "seller": "export@ordos-auto.example",
        "category": "bev",
        "hs_code": "8703801090",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 30,
        "prices": [
            {"currency": "USD", "min_quantity": "1", "unit_price": "16500.00"},
            {"currency": "CNY", "min_quantity": "1", "unit_price": "117000.00"},
        ],
        "attributes": {
            "make": "BYD",
            "model": "Han EV 605 km Premium",
            "model_year": "2022",
            "condition": "used",
            "propulsion": "bev",
            "drive_side": "lhd",
            "emission_standard": "none_ev",
            "mileage": "38000",
            "vin": "LGXCH6CD7N3041872",
            "colour": "Ink blue",
            "homologation": ["mn_type_approval"],
            "export_licence": True,
            "body_type": "sedan",
            "seats": "5",
            "battery_kwh": "76.9",
            "battery_chemistry": "lfp",
            "range_km": "605",
            "power_kw": "163",
            "un_transport": "UN3556",
        },
        "content": {
            "zh": {
                "title": "二手比亚迪汉 EV 605 km 尊贵型 2022 款，行驶 3.8 万公里",
                "description": (
                    "2022 款比亚迪汉 EV，76.9 kWh 刀片电池，电池健康度（SOH）93%，行驶 38,000 km，"
                    "一手车，保养记录齐全。按二手车出口流程办理出口许可证，二连浩特 FCA，单台出售（VIN "
                    "见参数）。"
                ),
            },
            "en": {
                "title": "Used BYD Han EV 605 km Premium 2022, 38,000 km",
                "description": (
                    "2022 BYD Han EV with a 76.9 kWh Blade battery at 93 % state of health, 38,000 km, "
                    "one owner, full service history. Exported under China's used-vehicle export licence "
                    "procedure, FCA Erenhot; single unit, VIN in the specifications."
                ),
            },
            "ru": {
                "title": "BYD Han EV 605 км Premium 2022 с пробегом 38 000 км",
                "description": (
                    "BYD Han EV 2022 г.: батарея Blade 76,9 кВт·ч, остаточная ёмкость (SOH) 93 %, пробег "
                    "38 000 км, один владелец, полная сервисная история. Экспорт по процедуре "
                    "лицензирования подержанных автомобилей КНР, FCA Эрлянь; один автомобиль, VIN указан "
                    "в характеристиках."
                ),
            },
            "mn": {
                "title": "Хэрэглэсэн BYD Han EV 605 км Premium 2022, 38 000 км явсан",
                "description": (
                    "2022 оны BYD Han EV: 76.9 кВт·ц Blade батерей, батерейн эрүүл байдал (SOH) 93 %, 38 "
                    "000 км явсан, нэг эзэмшигчтэй, үйлчилгээний түүх бүрэн. БНХАУ-ын хуучин машины "
                    "экспортын зөвшөөрлөөр, Эрээн FCA; ганц машин, VIN дугаар нь үзүүлэлтэд бий."
                ),
            },
        },
    },
    {
        "seller": "export@ordos-auto.example",
        "category": "phev",
        "hs_code": "870360",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 20,
        "prices": [
            {"currency": "USD", "min_quantity": "1", "unit_price": "17800.00"},
            {"currency": "USD", "min_quantity": "10", "unit_price": "17200.00"},
            {"currency": "CNY", "min_quantity": "1", "unit_price": "126000.00"},
        ],
        "attributes": {
            "make": "BYD",
            "model": "Song Plus DM-i 110 km Flagship",
            "model_year": "2026",
            "condition": "new",
            "propulsion": "phev",
            "drive_side": "lhd",
            "emission_standard": "china_6b",
            "colour": "Time grey",
            "homologation": ["mn_type_approval"],
            "export_licence": True,
            "body_type": "suv",
            "seats": "5",
            "battery_kwh": "18.3",
            "battery_chemistry": "lfp",
            "range_km": "110",
            "power_kw": "145",
            "displacement_cc": "1498",
            "un_transport": "UN3166",
        },
        "content": {
            "zh": {
                "title": "比亚迪宋 PLUS DM-i 110 km 旗舰型插混 SUV",
                "description": (
                    "骁云 1.5 L 插混专用发动机（1498 cc）+ 18.3 kWh 刀片电池，纯电续航 CLTC 110 km，国六 "
                    "b 排放。插混乘用车已纳入出口许可证管理，我司持证出口，二连浩特 FCA。"
                ),
            },
            "en": {
                "title": "BYD Song Plus DM-i 110 km Flagship plug-in hybrid SUV",
                "description": (
                    "Xiaoyun 1.5 L plug-in hybrid engine (1498 cc) with an 18.3 kWh Blade battery, 110 "
                    "km CLTC electric range, China 6b emissions. PHEV passenger cars need a China export "
                    "licence, which we hold; FCA Erenhot."
                ),
            },
            "ru": {
                "title": "BYD Song Plus DM-i 110 км Flagship, подключаемый гибрид-кроссовер",
                "description": (
                    "Гибридный двигатель Xiaoyun 1,5 л (1498 см³) и батарея Blade 18,3 кВт·ч, 110 км на "
                    "электротяге (CLTC), экокласс China 6b. Экспорт подключаемых гибридов лицензируется "
                    "в КНР — лицензия у нас есть; FCA Эрлянь."
                ),
            },
            "mn": {
                "title": "BYD Song Plus DM-i 110 км Flagship, залгууртай хайбрид жийп",
                "description": (
                    "Xiaoyun 1.5 л хайбрид хөдөлгүүр (1498 cc), 18.3 кВт·ц Blade батерей, цахилгаанаар "
                    "CLTC 110 км явна, China 6b стандарт. Залгууртай хайбрид машин экспортлоход БНХАУ-ын "
                    "зөвшөөрөл шаардлагатай бөгөөд бид эзэмшдэг; Эрээн FCA."
                ),
            },
        },
    },
    {
        "seller": "export@ordos-auto.example",
        "category": "phev",
        "hs_code": "870360",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "CPT",
        "incoterm_place": "Zabaykalsk",
        "transport_mode": "rail",
        "lead_time_days": 30,
        "prices": [
            {"currency": "USD", "min_quantity": "1", "unit_price": "16900.00"},
            {"currency": "USD", "min_quantity": "10", "unit_price": "16300.00"},
        ],
        "attributes": {
            "make": "Geely",
            "model": "Galaxy L7 EM-i 115 km",
            "model_year": "2026",
            "condition": "new",
            "propulsion": "phev",
            "drive_side": "lhd",
            "emission_standard": "eaeu_5",
            "colour": "Silver",
            "homologation": ["eaeu_otts"],
            "export_licence": True,
            "body_type": "suv",
            "seats": "5",
            "battery_kwh": "18.7",
            "battery_chemistry": "lfp",
            "range_km": "115",
            "power_kw": "287",
            "displacement_cc": "1499",
            "un_transport": "UN3166",
        },
        "content": {
            "zh": {
                "title": "吉利银河 L7 EM-i 115 km 插混 SUV，后贝加尔斯克 CPT",
                "description": (
                    "1.5T 混动专用发动机（1499 cc）+ 3 挡 DHT，系统综合功率 287 kW，18.7 kWh 电池，CLTC "
                    "纯电 115 km。持欧亚经济联盟 ОТТС，商品车集装箱经满洲里铁路运至后贝加尔斯克，CPT "
                    "交货。"
                ),
            },
            "en": {
                "title": "Geely Galaxy L7 EM-i 115 km plug-in hybrid SUV – CPT Zabaykalsk",
                "description": (
                    "1.5T hybrid engine (1499 cc) with a 3-speed DHT, 287 kW system output, 18.7 kWh "
                    "battery and 115 km CLTC electric range. EAEU OTTS approved; car containers by rail "
                    "via Manzhouli, CPT Zabaykalsk."
                ),
            },
            "ru": {
                "title": "Geely Galaxy L7 EM-i 115 км, подключаемый гибрид — CPT Забайкальск",
                "description": (
                    "Гибридный двигатель 1,5T (1499 см³) с 3-ступенчатой DHT, системная мощность 287 "
                    "кВт, батарея 18,7 кВт·ч, 115 км на электротяге (CLTC). Есть ОТТС ЕАЭС; "
                    "автомобильные контейнеры по железной дороге через Маньчжурию, CPT Забайкальск."
                ),
            },
            "mn": {
                "title": "Geely Galaxy L7 EM-i 115 км, залгууртай хайбрид жийп — Забайкальск хүртэл CPT",
                "description": (
                    "1.5T хайбрид хөдөлгүүр (1499 cc), 3 шатлалт DHT, системийн нийт хүч 287 кВт, 18.7 "
                    "кВт·ц батерей, цахилгаанаар CLTC 115 км. ЕАЭЗХ-ны ОТТС-тэй; автомашины чингэлгээр "
                    "Манжуураар дамжуулан Забайкальск хүртэл CPT."
                ),
            },
        },
    },
    {
        "seller": "export@ordos-auto.example",
        "category": "phev",
        "hs_code": "870360",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 30,
        "prices": [
            {"currency": "USD", "min_quantity": "1", "unit_price": "34500.00"},
            {"currency": "USD", "min_quantity": "5", "unit_price": "33600.00"},
        ],
        "attributes": {
            "make": "Li Auto",
            "model": "L6 Max",
            "model_year": "2026",
            "condition": "new",
            "propulsion": "erev",
            "drive_side": "lhd",
            "emission_standard": "china_6b",
            "colour": "Lunar grey",
            "homologation": ["mn_type_approval"],
            "export_licence": True,
            "body_type": "suv",
            "seats": "5",
            "battery_kwh": "36.8",
            "battery_chemistry": "nmc",
            "range_km": "212",
            "power_kw": "300",
            "displacement_cc": "1496",
            "un_transport": "UN3166",
        },
        "content": {
            "zh": {
                "title": "理想 L6 Max 增程式五座 SUV，纯电 212 km",
                "description": (
                    "理想 L6 Max，1.5T 增程器（1496 cc）+ 36.8 kWh 三元锂电池，CLTC 纯电续航 212 km，"
                    "双电机四驱 300 kW。增程式乘用车按出口许可证管理出口，二连浩特 FCA，"
                    "适合蒙古国和俄罗斯远东长途冬季用车。"
                ),
            },
            "en": {
                "title": "Li Auto L6 Max range-extender 5-seat SUV, 212 km electric range",
                "description": (
                    "Li Auto L6 Max with a 1.5T range extender (1496 cc), 36.8 kWh NMC battery, 212 km "
                    "CLTC electric range and dual-motor AWD rated 300 kW. Exported under China's "
                    "export-licence regime for EREVs, FCA Erenhot; built for long winter trips in "
                    "Mongolia and the Russian Far East."
                ),
            },
            "ru": {
                "title": "Li Auto L6 Max, кроссовер с увеличенным запасом хода, 212 км на электротяге",
                "description": (
                    "Li Auto L6 Max: генератор-расширитель 1,5T (1496 см³), батарея NMC 36,8 кВт·ч, 212 "
                    "км на электротяге (CLTC), полный привод от двух моторов 300 кВт. Экспорт по "
                    "лицензии КНР, FCA Эрлянь; для дальних зимних поездок в Монголии и на Дальнем "
                    "Востоке России."
                ),
            },
            "mn": {
                "title": "Li Auto L6 Max, зай уртасгагчтай 5 суудалтай жийп, цахилгаанаар 212 км",
                "description": (
                    "Li Auto L6 Max: 1.5T зай уртасгагч (1496 cc), 36.8 кВт·ц NMC батерей, цахилгаанаар "
                    "CLTC 212 км, хоёр моторт бүх дугуйн хөтлөгч 300 кВт. БНХАУ-ын экспортын "
                    "зөвшөөрлөөр, Эрээн FCA; Монгол болон Оросын Алс Дорнодын өвлийн урт замд "
                    "тохиромжтой."
                ),
            },
        },
    },
    {
        "seller": "export@ordos-auto.example",
        "category": "phev",
        "hs_code": "870360",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 30,
        "prices": [
            {"currency": "USD", "min_quantity": "1", "unit_price": "9800.00"},
            {"currency": "CNY", "min_quantity": "1", "unit_price": "69500.00"},
        ],
        "attributes": {
            "make": "BYD",
            "model": "Qin Plus DM-i 120 km Excellence",
            "model_year": "2023",
            "condition": "used",
            "propulsion": "phev",
            "drive_side": "lhd",
            "emission_standard": "china_6b",
            "mileage": "52000",
            "vin": "LGXCE4CB4P7218305",
            "colour": "Pearl white",
            "homologation": ["mn_type_approval"],
            "export_licence": True,
            "body_type": "sedan",
            "seats": "5",
            "battery_kwh": "18.3",
            "battery_chemistry": "lfp",
            "range_km": "110",
            "power_kw": "145",
            "displacement_cc": "1498",
            "un_transport": "UN3166",
        },
        "content": {
            "zh": {
                "title": "二手比亚迪秦 PLUS DM-i 2023 款，行驶 5.2 万公里",
                "description": (
                    "2023 款秦 PLUS DM-i 120 km 卓越型，1.5 L（1498 cc）+ 18.3 kWh 刀片电池，行驶 52,000 "
                    "km，无事故、无泡水。办理二手车出口许可证及出口检验，二连浩特 FCA，单台（VIN "
                    "见参数）。"
                ),
            },
            "en": {
                "title": "Used BYD Qin Plus DM-i 2023 plug-in hybrid sedan, 52,000 km",
                "description": (
                    "2023 Qin Plus DM-i 120 km Excellence, 1.5 L (1498 cc) with an 18.3 kWh Blade "
                    "battery, 52,000 km, no accident or flood damage. Used-vehicle export licence and "
                    "export inspection arranged, FCA Erenhot; single unit, VIN in the specifications."
                ),
            },
            "ru": {
                "title": "BYD Qin Plus DM-i 2023, подключаемый гибрид-седан с пробегом 52 000 км",
                "description": (
                    "Qin Plus DM-i 120 км Excellence 2023 г.: 1,5 л (1498 см³) и батарея Blade 18,3 "
                    "кВт·ч, пробег 52 000 км, без ДТП и затоплений. Оформляем экспортную лицензию на "
                    "подержанный автомобиль и экспортный осмотр, FCA Эрлянь; один автомобиль, VIN в "
                    "характеристиках."
                ),
            },
            "mn": {
                "title": "Хэрэглэсэн BYD Qin Plus DM-i 2023, залгууртай хайбрид седан, 52 000 км",
                "description": (
                    "2023 оны Qin Plus DM-i 120 км Excellence: 1.5 л (1498 cc), 18.3 кВт·ц Blade "
                    "батерей, 52 000 км явсан, осолд ороогүй, усанд автаагүй. Хуучин машины экспортын "
                    "зөвшөөрөл, экспортын үзлэгийг бид хийнэ, Эрээн FCA; ганц машин, VIN нь үзүүлэлтэд."
                ),
            },
        },
    },
    {
        "seller": "export@ordos-auto.example",
        "category": "ice",
        "hs_code": "870322",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 20,
        "prices": [
            {"currency": "USD", "min_quantity": "1", "unit_price": "14300.00"},
            {"currency": "USD", "min_quantity": "10", "unit_price": "13800.00"},
            {"currency": "CNY", "min_quantity": "1", "unit_price": "101500.00"},
        ],
        "attributes": {
            "make": "Haval",
            "model": "H6 1.5T 7DCT Pro",
            "model_year": "2026",
            "condition": "new",
            "propulsion": "petrol",
            "drive_side": "lhd",
            "emission_standard": "china_6b",
            "colour": "Hamilton white",
            "homologation": ["eaeu_otts", "mn_type_approval"],
            "export_licence": True,
            "body_type": "suv",
            "seats": "5",
            "displacement_cc": "1499",
            "power_kw": "135",
            "transmission": "dct",
            "un_transport": "UN3166",
        },
        "content": {
            "zh": {
                "title": "哈弗 H6 1.5T 7DCT Pro 燃油 SUV，二连浩特 FCA",
                "description": (
                    "哈弗 H6 1.5T 汽油发动机（1499 cc，135 kW）匹配 7 速湿式双离合，国六 b，"
                    "持欧亚经济联盟 ОТТС。蒙古国及俄罗斯市场保有量大、配件易得，二连浩特 FCA，10 "
                    "台以上批量价。"
                ),
            },
            "en": {
                "title": "Haval H6 1.5T 7DCT Pro petrol SUV – FCA Erenhot",
                "description": (
                    "Haval H6 with a 1.5T petrol engine (1499 cc, 135 kW) and 7-speed wet dual-clutch, "
                    "China 6b, EAEU OTTS. Large parc and easy parts supply in Mongolia and Russia; FCA "
                    "Erenhot, fleet price from 10 units."
                ),
            },
            "ru": {
                "title": "Haval H6 1.5T 7DCT Pro, бензиновый кроссовер — FCA Эрлянь",
                "description": (
                    "Haval H6: бензиновый двигатель 1,5T (1499 см³, 135 кВт), 7-ступенчатый «мокрый» "
                    "робот DCT, China 6b, ОТТС ЕАЭС. Большой парк и доступные запчасти в Монголии и "
                    "России; FCA Эрлянь, цена от 10 машин."
                ),
            },
            "mn": {
                "title": "Haval H6 1.5T 7DCT Pro, бензин жийп — Эрээн FCA",
                "description": (
                    "Haval H6: 1.5T бензин хөдөлгүүр (1499 cc, 135 кВт), 7 шатлалт нойтон хос шүүрэлттэй "
                    "хурдны хайрцаг, China 6b, ЕАЭЗХ-ны ОТТС-тэй. Монгол, Орост олон тоогоор явдаг, "
                    "сэлбэг элбэг; Эрээн FCA, 10-аас дээш машинд бөөний үнэ."
                ),
            },
        },
    },
    {
        "seller": "export@ordos-auto.example",
        "category": "ice",
        "hs_code": "870323",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "CPT",
        "incoterm_place": "Tashkent (Chukursay station)",
        "transport_mode": "rail",
        "lead_time_days": 35,
        "prices": [
            {"currency": "USD", "min_quantity": "1", "unit_price": "17900.00"},
            {"currency": "USD", "min_quantity": "10", "unit_price": "17300.00"},
        ],
        "attributes": {
            "make": "Chery",
            "model": "Tiggo 8 Pro 2.0T 7DCT 4WD",
            "model_year": "2026",
            "condition": "new",
            "propulsion": "petrol",
            "drive_side": "lhd",
            "emission_standard": "euro_5",
            "colour": "Titanium grey",
            "homologation": ["eaeu_otts"],
            "export_licence": True,
            "body_type": "suv",
            "seats": "7",
            "displacement_cc": "1998",
            "power_kw": "187",
            "transmission": "dct",
            "un_transport": "UN3166",
        },
        "content": {
            "zh": {
                "title": "奇瑞瑞虎 8 PRO 2.0T 四驱七座 SUV，铁路运至塔什干",
                "description": (
                    "2.0T 涡轮增压发动机（1998 cc，187 kW），7 速双离合，四驱，七座，出口欧 5 版本。"
                    "商品车集装箱经霍尔果斯铁路运至塔什干楚库尔赛站，CPT 交货。"
                ),
            },
            "en": {
                "title": "Chery Tiggo 8 Pro 2.0T 4WD seven-seater – rail CPT Tashkent",
                "description": (
                    "2.0T turbo petrol engine (1998 cc, 187 kW), 7-speed DCT, four-wheel drive, seven "
                    "seats, Euro 5 export version. Car containers by rail via Khorgos, CPT Tashkent "
                    "(Chukursay station)."
                ),
            },
            "ru": {
                "title": "Chery Tiggo 8 Pro 2.0T 4WD, семиместный — ж/д CPT Ташкент",
                "description": (
                    "Турбобензиновый двигатель 2,0T (1998 см³, 187 кВт), робот DCT-7, полный привод, 7 "
                    "мест, экспортная версия Евро-5. Автомобильные контейнеры по железной дороге через "
                    "Хоргос, CPT Ташкент (станция Чукурсай)."
                ),
            },
            "mn": {
                "title": "Chery Tiggo 8 Pro 2.0T 4WD, 7 суудалтай — Ташкент хүртэл төмөр замаар (CPT)",
                "description": (
                    "2.0T турбо бензин хөдөлгүүр (1998 cc, 187 кВт), 7 шатлалт DCT, бүх дугуйгаар "
                    "хөтлөгчтэй, 7 суудалтай, Евро-5 экспортын хувилбар. Автомашины чингэлгээр Хоргосоор "
                    "дамжин Ташкент (Чукурсай өртөө) хүртэл CPT."
                ),
            },
        },
    },
    {
        "seller": "export@ordos-auto.example",
        "category": "ice",
        "hs_code": "870322",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "FOB",
        "incoterm_place": "Tianjin Xingang",
        "transport_mode": "sea",
        "lead_time_days": 30,
        "prices": [
            {"currency": "USD", "min_quantity": "1", "unit_price": "13400.00"},
            {"currency": "USD", "min_quantity": "20", "unit_price": "12800.00"},
        ],
        "attributes": {
            "make": "Changan",
            "model": "CS75 Plus 1.5T 8AT",
            "model_year": "2026",
            "condition": "new",
            "propulsion": "petrol",
            "drive_side": "lhd",
            "emission_standard": "euro_6",
            "colour": "Star silver",
            "homologation": ["none"],
            "export_licence": True,
            "body_type": "suv",
            "seats": "5",
            "displacement_cc": "1494",
            "power_kw": "138",
            "transmission": "automatic",
            "un_transport": "UN3166",
        },
        "content": {
            "zh": {
                "title": "长安 CS75 PLUS 1.5T 8AT 燃油 SUV，天津新港 FOB",
                "description": (
                    "蓝鲸 1.5T 发动机（1494 cc，138 kW）+ 爱信 8AT，欧 6 出口版。"
                    "天津新港滚装或框架箱出运，FOB 天津新港，20 台以上批量价，可按目的国要求配置。"
                ),
            },
            "en": {
                "title": "Changan CS75 Plus 1.5T 8AT petrol SUV – FOB Tianjin",
                "description": (
                    "Blue Whale 1.5T engine (1494 cc, 138 kW) with an Aisin 8-speed automatic, Euro 6 "
                    "export version. Ro-ro or flat-rack from Tianjin Xingang, FOB; volume price from 20 "
                    "units, specification adapted to the destination market."
                ),
            },
            "ru": {
                "title": "Changan CS75 Plus 1.5T 8AT, бензиновый кроссовер — FOB Тяньцзинь",
                "description": (
                    "Двигатель Blue Whale 1,5T (1494 см³, 138 кВт) и 8-ступенчатый автомат Aisin, "
                    "экспортная версия Евро-6. Ро-ро или флэт-рэк из Тяньцзинь Синган, FOB; цена от 20 "
                    "машин, комплектация под страну назначения."
                ),
            },
            "mn": {
                "title": "Changan CS75 Plus 1.5T 8AT, бензин жийп — FOB Тяньжин",
                "description": (
                    "Blue Whale 1.5T хөдөлгүүр (1494 cc, 138 кВт), Aisin 8 шатлалт автомат, Евро-6 "
                    "экспортын хувилбар. Тяньжин Шинганаас ро-ро эсвэл флэт-рэкээр FOB; 20-оос дээш "
                    "машинд хямдрал, очих улсын шаардлагаар тоноглоно."
                ),
            },
        },
    },
    {
        "seller": "export@ordos-auto.example",
        "category": "ice",
        "hs_code": "870323",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "DAP",
        "incoterm_place": "Ulaanbaatar",
        "transport_mode": "road",
        "lead_time_days": 25,
        "prices": [
            {"currency": "USD", "min_quantity": "1", "unit_price": "29500.00"},
            {"currency": "USD", "min_quantity": "5", "unit_price": "28700.00"},
        ],
        "attributes": {
            "make": "Tank",
            "model": "300 2.0T Off-road Edition",
            "model_year": "2026",
            "condition": "new",
            "propulsion": "petrol",
            "drive_side": "lhd",
            "emission_standard": "euro_5",
            "colour": "Army green",
            "homologation": ["mn_type_approval", "eaeu_otts"],
            "export_licence": True,
            "body_type": "suv",
            "seats": "5",
            "displacement_cc": "1967",
            "power_kw": "167",
            "transmission": "automatic",
            "un_transport": "UN3166",
        },
        "content": {
            "zh": {
                "title": "坦克 300 2.0T 越野版，非承载车身，乌兰巴托 DAP",
                "description": (
                    "坦克 300 越野版，2.0T 发动机（1967 cc，167 kW）+ 8AT，非承载式车身，前后差速锁，"
                    "分时四驱。专为蒙古国草原和戈壁路况，经二连浩特公路送至乌兰巴托 DAP，"
                    "含蒙古国型式认可。"
                ),
            },
            "en": {
                "title": "Tank 300 2.0T Off-road Edition, body-on-frame 4×4 – DAP Ulaanbaatar",
                "description": (
                    "Tank 300 Off-road Edition with a 2.0T engine (1967 cc, 167 kW), 8-speed automatic, "
                    "ladder frame, front and rear locking differentials and part-time 4WD. Made for "
                    "Mongolian steppe and Gobi tracks; trucked via Erenhot, DAP Ulaanbaatar, Mongolian "
                    "type approval included."
                ),
            },
            "ru": {
                "title": "Tank 300 2.0T Off-road Edition, рамный внедорожник — DAP Улан-Батор",
                "description": (
                    "Tank 300 Off-road Edition: двигатель 2,0T (1967 см³, 167 кВт), автомат 8АКПП, "
                    "рамная конструкция, блокировки переднего и заднего дифференциалов, подключаемый "
                    "полный привод. Для степи и Гоби; доставка через Эрлянь, DAP Улан-Батор, монгольское "
                    "одобрение типа включено."
                ),
            },
            "mn": {
                "title": "Tank 300 2.0T Off-road Edition, рамтай бартаат замын машин — DAP Улаанбаатар",
                "description": (
                    "Tank 300 Off-road Edition: 2.0T хөдөлгүүр (1967 cc, 167 кВт), 8 шатлалт автомат, "
                    "рамтай их бие, урд хойд дифференциалын түгжээ, залгадаг бүх дугуйн хөтлөгч. "
                    "Монголын тал хээр, говийн замд зориулсан; Эрээнээр дамжин Улаанбаатар хүртэл DAP, "
                    "Монголын хэв шинжийн зөвшөөрөлтэй."
                ),
            },
        },
    },
    {
        "seller": "export@ordos-auto.example",
        "category": "ice",
        "hs_code": "870322",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 30,
        "prices": [
            {"currency": "USD", "min_quantity": "1", "unit_price": "7400.00"},
            {"currency": "CNY", "min_quantity": "1", "unit_price": "52500.00"},
        ],
        "attributes": {
            "make": "Geely",
            "model": "Coolray 1.5T 7DCT Sport",
            "model_year": "2021",
            "condition": "used",
            "propulsion": "petrol",
            "drive_side": "lhd",
            "emission_standard": "china_6b",
            "mileage": "68000",
            "vin": "L6T7844S9MN503921",
            "colour": "Red",
            "homologation": ["mn_type_approval"],
            "export_licence": True,
            "body_type": "suv",
            "seats": "5",
            "displacement_cc": "1477",
            "power_kw": "130",
            "transmission": "dct",
            "un_transport": "UN3166",
        },
        "content": {
            "zh": {
                "title": "二手吉利缤越 1.5T 运动版 2021 款，行驶 6.8 万公里",
                "description": (
                    "2021 款吉利缤越 1.5T（1477 cc，130 kW）7DCT，行驶 68,000 km，车况 B+，"
                    "第三方检测报告可提供。二手车出口许可证由我司办理，二连浩特 FCA，单台（VIN 见参数）。"
                ),
            },
            "en": {
                "title": "Used Geely Coolray 1.5T Sport 2021, 68,000 km",
                "description": (
                    "2021 Geely Coolray 1.5T (1477 cc, 130 kW) with 7DCT, 68,000 km, condition grade B+, "
                    "third-party inspection report available. We obtain the used-vehicle export licence; "
                    "FCA Erenhot, single unit, VIN in the specifications."
                ),
            },
            "ru": {
                "title": "Geely Coolray 1.5T Sport 2021 с пробегом 68 000 км",
                "description": (
                    "Geely Coolray 2021 г.: 1,5T (1477 см³, 130 кВт), робот 7DCT, пробег 68 000 км, "
                    "состояние B+, отчёт независимой диагностики предоставляется. Экспортную лицензию на "
                    "подержанный автомобиль оформляем сами; FCA Эрлянь, один автомобиль, VIN в "
                    "характеристиках."
                ),
            },
            "mn": {
                "title": "Хэрэглэсэн Geely Coolray 1.5T Sport 2021, 68 000 км",
                "description": (
                    "2021 оны Geely Coolray: 1.5T (1477 cc, 130 кВт), 7DCT, 68 000 км явсан, B+ "
                    "үнэлгээтэй, гуравдагч талын үзлэгийн тайлантай. Хуучин машины экспортын зөвшөөрлийг "
                    "бид авна; Эрээн FCA, ганц машин, VIN нь үзүүлэлтэд."
                ),
            },
        },
    },
    {
        "seller": "export@ordos-auto.example",
        "category": "trucks",
        "hs_code": "870421",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "2",
        "order_multiple": "1",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 25,
        "prices": [
            {"currency": "USD", "min_quantity": "2", "unit_price": "14800.00"},
            {"currency": "USD", "min_quantity": "10", "unit_price": "14200.00"},
            {"currency": "CNY", "min_quantity": "2", "unit_price": "105000.00"},
        ],
        "attributes": {
            "make": "Foton",
            "model": "Aumark S3 4.2 m dropside",
            "model_year": "2026",
            "condition": "new",
            "propulsion": "diesel",
            "drive_side": "lhd",
            "emission_standard": "euro_5",
            "colour": "White",
            "homologation": ["mn_type_approval"],
            "export_licence": True,
            "truck_body": "cargo",
            "gvw_t": "4.495",
            "drive_config": "4x2",
            "payload_t": "1.8",
            "power_kw": "110",
        },
        "content": {
            "zh": {
                "title": "福田欧马可 S3 4.2 米栏板轻卡 4×2 柴油",
                "description": (
                    "福田欧马可 S3，总质量 4.495 t，额定载质量 1.8 t，康明斯 2.8 L 柴油机 110 kW，欧 5 "
                    "出口版。2 台起订，二连浩特 FCA，适合蒙古国城市配送和建材运输。"
                ),
            },
            "en": {
                "title": "Foton Aumark S3 4.2 m dropside light truck, 4×2 diesel",
                "description": (
                    "Foton Aumark S3, GVW 4.495 t, 1.8 t rated payload, Cummins 2.8 L diesel with 110 "
                    "kW, Euro 5 export version. From two units, FCA Erenhot; suited to urban "
                    "distribution and building-materials haulage in Mongolia."
                ),
            },
            "ru": {
                "title": "Foton Aumark S3, бортовой лёгкий грузовик 4×2, кузов 4,2 м, дизель",
                "description": (
                    "Foton Aumark S3: полная масса 4,495 т, грузоподъёмность 1,8 т, дизель Cummins 2,8 л "
                    "110 кВт, экспортная версия Евро-5. От двух машин, FCA Эрлянь; для городской "
                    "доставки и перевозки стройматериалов в Монголии."
                ),
            },
            "mn": {
                "title": "Foton Aumark S3, 4.2 м бортон тэвштэй хөнгөн ачааны машин, 4×2 дизель",
                "description": (
                    "Foton Aumark S3: бүрэн масс 4.495 т, даац 1.8 т, Cummins 2.8 л дизель 110 кВт, "
                    "Евро-5 экспортын хувилбар. 2-оос дээш машин, Эрээн FCA; Монголын хотын түгээлт, "
                    "барилгын материал тээвэрт тохиромжтой."
                ),
            },
        },
    },
    {
        "seller": "export@ordos-auto.example",
        "category": "trucks",
        "hs_code": "870460",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "2",
        "order_multiple": "1",
        "incoterm": "DAP",
        "incoterm_place": "Ulaanbaatar",
        "transport_mode": "road",
        "lead_time_days": 30,
        "prices": [
            {"currency": "USD", "min_quantity": "2", "unit_price": "24000.00"},
            {"currency": "USD", "min_quantity": "10", "unit_price": "23200.00"},
        ],
        "attributes": {
            "make": "JAC",
            "model": "Shuailing i5 EV box van",
            "model_year": "2026",
            "condition": "new",
            "propulsion": "bev",
            "drive_side": "lhd",
            "emission_standard": "none_ev",
            "colour": "White",
            "homologation": ["mn_type_approval"],
            "export_licence": True,
            "truck_body": "box",
            "gvw_t": "4.5",
            "drive_config": "4x2",
            "payload_t": "1.5",
            "power_kw": "120",
        },
        "content": {
            "zh": {
                "title": "江淮帅铃 i5 纯电动厢式轻卡，乌兰巴托 DAP",
                "description": (
                    "江淮帅铃 i5 纯电厢式货车，总质量 4.5 t，载质量 1.5 t，电机峰值 120 kW，"
                    "磷酸铁锂电池约 100 kWh，CLTC 续航约 260 km。轿运车送至乌兰巴托 DAP，"
                    "适合城市冷链和快递配送。"
                ),
            },
            "en": {
                "title": "JAC Shuailing i5 electric box van, light truck – DAP Ulaanbaatar",
                "description": (
                    "JAC Shuailing i5 battery-electric box truck, GVW 4.5 t, 1.5 t payload, 120 kW peak "
                    "motor and an LFP battery of about 100 kWh for roughly 260 km CLTC. Delivered DAP "
                    "Ulaanbaatar for urban parcel and cold-chain distribution."
                ),
            },
            "ru": {
                "title": "JAC Shuailing i5, электрический фургон, лёгкий грузовик — DAP Улан-Батор",
                "description": (
                    "JAC Shuailing i5 — электрический грузовой фургон: полная масса 4,5 т, "
                    "грузоподъёмность 1,5 т, мотор 120 кВт (пик), LFP-батарея около 100 кВт·ч, около 260 "
                    "км по CLTC. DAP Улан-Батор; для городской доставки посылок и холодовой логистики."
                ),
            },
            "mn": {
                "title": "JAC Shuailing i5, цахилгаан фургон хөнгөн ачааны машин — DAP Улаанбаатар",
                "description": (
                    "JAC Shuailing i5 цахилгаан фургон: бүрэн масс 4.5 т, даац 1.5 т, моторын оргил хүч "
                    "120 кВт, ≈ 100 кВт·ц LFP батерей, CLTC-ээр ≈ 260 км. Улаанбаатар хүртэл DAP; хотын "
                    "илгээмж, хөргүүртэй түгээлтэд."
                ),
            },
        },
    },
    {
        "seller": "export@ordos-auto.example",
        "category": "trucks",
        "hs_code": "870423",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 30,
        "prices": [
            {"currency": "USD", "min_quantity": "1", "unit_price": "43000.00"},
            {"currency": "USD", "min_quantity": "5", "unit_price": "41800.00"},
        ],
        "attributes": {
            "make": "FAW Jiefang",
            "model": "J6P 8x4 stake cargo truck 9.5 m",
            "model_year": "2026",
            "condition": "new",
            "propulsion": "diesel",
            "drive_side": "lhd",
            "emission_standard": "euro_5",
            "colour": "Red",
            "homologation": ["mn_type_approval", "eaeu_otts"],
            "export_licence": True,
            "truck_body": "cargo",
            "gvw_t": "31",
            "drive_config": "8x4",
            "payload_t": "18",
            "power_kw": "338",
        },
        "content": {
            "zh": {
                "title": "一汽解放 J6P 8×4 仓栅载货车 9.5 米，二连浩特 FCA",
                "description": (
                    "解放 J6P 8×4，锡柴 11 L 柴油机 338 kW（460 马力），总质量 31 t，仓栅货厢 9.5 m，欧 "
                    "5 出口版。二连浩特 FCA，可自驾出境至扎门乌德，适合蒙古国和俄罗斯干线运输。"
                ),
            },
            "en": {
                "title": "FAW Jiefang J6P 8×4 stake cargo truck, 9.5 m body – FCA Erenhot",
                "description": (
                    "Jiefang J6P 8×4 with an 11 L Xichai diesel rated 338 kW (460 hp), GVW 31 t, 9.5 m "
                    "stake body, Euro 5 export version. FCA Erenhot, can be driven across to Zamyn-Üüd; "
                    "for trunk haulage in Mongolia and Russia."
                ),
            },
            "ru": {
                "title": "FAW Jiefang J6P 8×4, бортовой с решётчатыми бортами, кузов 9,5 м — FCA Эрлянь",
                "description": (
                    "Jiefang J6P 8×4: дизель Xichai 11 л, 338 кВт (460 л. с.), полная масса 31 т, кузов "
                    "9,5 м с решётчатыми бортами, экспортная версия Евро-5. FCA Эрлянь, возможен перегон "
                    "своим ходом до Замын-Ууда; для магистральных перевозок в Монголии и России."
                ),
            },
            "mn": {
                "title": "FAW Jiefang J6P 8×4, торон хашлагатай 9.5 м тэвштэй ачааны машин — Эрээн FCA",
                "description": (
                    "Jiefang J6P 8×4: Xichai 11 л дизель 338 кВт (460 м.х.), бүрэн масс 31 т, 9.5 м "
                    "торон хашлагатай тэвш, Евро-5 экспортын хувилбар. Эрээн FCA, Замын-Үүд хүртэл "
                    "өөрийн хүчээр гаргаж болно; Монгол, Оросын холын тээвэрт."
                ),
            },
        },
    },
    {
        "seller": "sales@ejinhoro-mining.example",
        "category": "trucks",
        "hs_code": "870423",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "DAP",
        "incoterm_place": "Tsogttsetsii (Tavan Tolgoi)",
        "transport_mode": "road",
        "lead_time_days": 40,
        "prices": [
            {"currency": "USD", "min_quantity": "1", "unit_price": "48500.00"},
            {"currency": "USD", "min_quantity": "10", "unit_price": "46900.00"},
        ],
        "attributes": {
            "make": "Sinotruk",
            "model": "HOWO TX 6x4 dump truck 5.6 m",
            "model_year": "2026",
            "condition": "new",
            "propulsion": "diesel",
            "drive_side": "lhd",
            "emission_standard": "euro_5",
            "colour": "Yellow",
            "homologation": ["mn_type_approval"],
            "export_licence": True,
            "truck_body": "dump",
            "gvw_t": "25",
            "drive_config": "6x4",
            "payload_t": "25",
            "power_kw": "294",
        },
        "content": {
            "zh": {
                "title": "重汽豪沃 TX 6×4 自卸车 5.6 米，塔温陶勒盖 DAP",
                "description": (
                    "豪沃 TX 6×4 自卸车，MC11 柴油机 294 kW（400 马力），HW 变速箱，5.6 m U 形加强货箱，"
                    "欧 5 出口版。经甘其毛都—嘎顺苏海图口岸送至塔温陶勒盖矿区（查干策吉）DAP，"
                    "适合煤矿短倒运输。"
                ),
            },
            "en": {
                "title": "Sinotruk HOWO TX 6×4 dump truck, 5.6 m body – DAP Tavan Tolgoi",
                "description": (
                    "HOWO TX 6×4 tipper with an MC11 diesel rated 294 kW (400 hp), HW gearbox and a "
                    "reinforced 5.6 m U-body, Euro 5 export version. Delivered through the "
                    "Ganqimaodu–Gashuunsukhait crossing, DAP Tsogttsetsii (Tavan Tolgoi), for short-haul "
                    "coal transport."
                ),
            },
            "ru": {
                "title": "Sinotruk HOWO TX 6×4, самосвал с кузовом 5,6 м — DAP Таван-Толгой",
                "description": (
                    "Самосвал HOWO TX 6×4: дизель MC11, 294 кВт (400 л. с.), КПП HW, усиленный "
                    "U-образный кузов 5,6 м, экспортная версия Евро-5. Доставка через переход "
                    "Ганьцимаоду — Гашуун-Сухайт, DAP Цогтцэций (Таван-Толгой), для челночной вывозки "
                    "угля."
                ),
            },
            "mn": {
                "title": "Sinotruk HOWO TX 6×4 өөрөө буулгагч, 5.6 м тэвштэй — DAP Тавантолгой",
                "description": (
                    "HOWO TX 6×4 самосвал: MC11 дизель 294 кВт (400 м.х.), HW хурдны хайрцаг, бэхжүүлсэн "
                    "5.6 м U хэлбэрийн тэвш, Евро-5 экспортын хувилбар. Ганцмод — Гашуунсухайтын "
                    "боомтоор Цогтцэций (Тавантолгой) хүртэл DAP; нүүрсний ойрын зайн тээвэрт."
                ),
            },
        },
    },
    {
        "seller": "sales@ejinhoro-mining.example",
        "category": "trucks",
        "hs_code": "870129",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "FCA",
        "incoterm_place": "Ejin Horo Banner yard",
        "transport_mode": "road",
        "lead_time_days": 35,
        "prices": [
            {"currency": "USD", "min_quantity": "1", "unit_price": "52000.00"},
            {"currency": "CNY", "min_quantity": "1", "unit_price": "369000.00"},
        ],
        "attributes": {
            "make": "Shacman",
            "model": "X3000 6x4 LNG tractor",
            "model_year": "2026",
            "condition": "new",
            "propulsion": "lng",
            "drive_side": "lhd",
            "emission_standard": "china_6b",
            "colour": "White",
            "homologation": ["none"],
            "export_licence": True,
            "truck_body": "tractor",
            "gvw_t": "25",
            "drive_config": "6x4",
            "power_kw": "353",
        },
        "content": {
            "zh": {
                "title": "陕汽德龙 X3000 6×4 LNG 牵引车，伊金霍洛 FCA",
                "description": (
                    "德龙 X3000 6×4 牵引车，潍柴 WP13NG 天然气发动机 353 kW（480 马力），1,000 L LNG "
                    "气瓶，法士特 12 挡。鄂尔多斯煤炭长途运输主力车型，伊金霍洛旗场地 FCA 交车。"
                ),
            },
            "en": {
                "title": "Shacman X3000 6×4 LNG tractor unit – FCA Ejin Horo",
                "description": (
                    "Delong X3000 6×4 tractor with a Weichai WP13NG natural-gas engine rated 353 kW (480 "
                    "hp), 1,000 L LNG tank and Fast 12-speed gearbox. The workhorse of Ordos "
                    "long-distance coal haulage; FCA our Ejin Horo Banner yard."
                ),
            },
            "ru": {
                "title": "Shacman X3000 6×4, седельный тягач на СПГ — FCA Эджин-Хоро",
                "description": (
                    "Тягач Delong X3000 6×4: газовый двигатель Weichai WP13NG, 353 кВт (480 л. с.), "
                    "криобак СПГ 1000 л, КПП Fast 12 ступеней. Основная машина дальних перевозок угля в "
                    "Ордосе; FCA площадка в Эджин-Хоро-Ци."
                ),
            },
            "mn": {
                "title": "Shacman X3000 6×4, LNG түлштэй чиргүүлийн тягач — Эжин Хоро FCA",
                "description": (
                    "Delong X3000 6×4 тягач: Weichai WP13NG байгалийн хийн хөдөлгүүр 353 кВт (480 м.х.), "
                    "1000 л LNG сав, Fast 12 шатлалт хурдны хайрцаг. Ордосын нүүрсний холын тээврийн гол "
                    "машин; Эжин Хоро хошууны талбайд FCA."
                ),
            },
        },
    },
    {
        "seller": "sales@ejinhoro-mining.example",
        "category": "trucks",
        "hs_code": "870423",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "FCA",
        "incoterm_place": "Ejin Horo Banner yard",
        "transport_mode": "road",
        "lead_time_days": 20,
        "prices": [
            {"currency": "USD", "min_quantity": "1", "unit_price": "19500.00"},
            {"currency": "CNY", "min_quantity": "1", "unit_price": "138000.00"},
        ],
        "attributes": {
            "make": "Shacman",
            "model": "F3000 8x4 dump truck",
            "model_year": "2019",
            "condition": "used",
            "propulsion": "diesel",
            "drive_side": "lhd",
            "emission_standard": "china_5",
            "mileage": "310000",
            "vin": "LZGJLDR44KX116720",
            "colour": "Yellow",
            "homologation": ["mn_type_approval"],
            "export_licence": True,
            "truck_body": "dump",
            "gvw_t": "31",
            "drive_config": "8x4",
            "payload_t": "20",
            "power_kw": "276",
        },
        "content": {
            "zh": {
                "title": "二手陕汽德龙 F3000 8×4 自卸车 2019 款，31 万公里",
                "description": (
                    "2019 款德龙 F3000 8×4 自卸车，潍柴 WP12 柴油机 276 kW，国五，行驶 310,000 km，"
                    "货箱已更换耐磨板，车架无变形。二手车出口许可证由我司办理，伊金霍洛旗场地 FCA，"
                    "单台（VIN 见参数）。"
                ),
            },
            "en": {
                "title": "Used Shacman F3000 8×4 dump truck 2019, 310,000 km",
                "description": (
                    "2019 Delong F3000 8×4 tipper, Weichai WP12 diesel at 276 kW, China 5, 310,000 km; "
                    "dump body re-plated with wear plate, straight chassis. We arrange the used-vehicle "
                    "export licence; FCA Ejin Horo Banner yard, single unit, VIN in the specifications."
                ),
            },
            "ru": {
                "title": "Shacman F3000 8×4, самосвал 2019 г. с пробегом 310 000 км",
                "description": (
                    "Самосвал Delong F3000 8×4 2019 г.: дизель Weichai WP12, 276 кВт, China 5, пробег "
                    "310 000 км; кузов обшит износостойким листом, рама без деформаций. Экспортную "
                    "лицензию на подержанную технику оформляем сами; FCA площадка в Эджин-Хоро-Ци, одна "
                    "машина, VIN в характеристиках."
                ),
            },
            "mn": {
                "title": "Хэрэглэсэн Shacman F3000 8×4 өөрөө буулгагч 2019, 310 000 км",
                "description": (
                    "2019 оны Delong F3000 8×4 самосвал: Weichai WP12 дизель 276 кВт, China 5, 310 000 "
                    "км явсан; тэвшийг элэгдэлд тэсвэртэй хавтангаар бүрсэн, рам гажилтгүй. Хуучин "
                    "техникийн экспортын зөвшөөрлийг бид авна; Эжин Хоро хошууны талбайд FCA, ганц "
                    "машин, VIN нь үзүүлэлтэд."
                ),
            },
        },
    },
    {
        "seller": "sales@ejinhoro-mining.example",
        "category": "mining-dump-trucks",
        "hs_code": "8704109000",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "DAP",
        "incoterm_place": "Khanbogd (Oyu Tolgoi)",
        "transport_mode": "road",
        "lead_time_days": 120,
        "prices": [
            {"currency": "USD", "min_quantity": "1", "unit_price": "720000.00"},
            {"currency": "USD", "min_quantity": "4", "unit_price": "695000.00"},
        ],
        "attributes": {
            "make": "NHL (North Hauler)",
            "model": "TR100",
            "model_year": "2026",
            "condition": "new",
            "propulsion": "diesel",
            "drive_side": "lhd",
            "emission_standard": "china_nonroad_4",
            "colour": "Yellow",
            "homologation": ["none"],
            "payload_t": "91",
            "drive_type": "mechanical",
            "power_kw": "783",
            "body_volume_m3": "58",
        },
        "content": {
            "zh": {
                "title": "北方股份 TR100 91 吨机械传动矿用自卸车，汗博格德 DAP",
                "description": (
                    "北方股份 TR100 刚性矿用自卸车，额定载重 91 t，康明斯柴油机 783 kW，艾里逊 6 "
                    "挡液力机械传动，堆装容积 58 m³。散件经甘其毛都口岸运至汗博格德（奥尤陶勒盖），DAP "
                    "交货并含现场组装与培训。"
                ),
            },
            "en": {
                "title": "NHL TR100 91 t mechanical-drive mining dump truck – DAP Khanbogd",
                "description": (
                    "NHL TR100 rigid haul truck, 91 t payload, Cummins diesel at 783 kW, Allison 6-speed "
                    "powershift transmission, 58 m³ heaped body. Shipped knocked down via the Ganqimaodu "
                    "crossing, DAP Khanbogd (Oyu Tolgoi), including site assembly and operator training."
                ),
            },
            "ru": {
                "title": "Карьерный самосвал NHL TR100, 91 т, гидромеханическая трансмиссия — DAP Ханбогд",
                "description": (
                    "Карьерный самосвал NHL TR100: грузоподъёмность 91 т, дизель Cummins 783 кВт, "
                    "6-ступенчатая гидромеханическая КПП Allison, объём кузова с шапкой 58 м³. Поставка "
                    "в разобранном виде через Ганьцимаоду, DAP Ханбогд (Оюу-Толгой), с монтажом на "
                    "площадке и обучением водителей."
                ),
            },
            "mn": {
                "title": "NHL TR100, 91 т даацтай механик дамжуулгатай уурхайн самосвал — DAP Ханбогд",
                "description": (
                    "NHL TR100 хатуу рамтай уурхайн самосвал: даац 91 т, Cummins дизель 783 кВт, Allison "
                    "6 шатлалт гидромеханик хурдны хайрцаг, тэвшийн багтаамж 58 м³. Задалсан байдлаар "
                    "Ганцмодоор Ханбогд (Оюу толгой) хүртэл DAP; талбай дээр угсралт, жолоочийн "
                    "сургалттай."
                ),
            },
        },
    },
    {
        "seller": "sales@ejinhoro-mining.example",
        "category": "mining-dump-trucks",
        "hs_code": "8704109000",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "DAP",
        "incoterm_place": "Tsogttsetsii (Tavan Tolgoi)",
        "transport_mode": "road",
        "lead_time_days": 120,
        "prices": [
            {"currency": "USD", "min_quantity": "1", "unit_price": "655000.00"},
            {"currency": "USD", "min_quantity": "4", "unit_price": "635000.00"},
        ],
        "attributes": {
            "make": "SANY",
            "model": "SRT95C",
            "model_year": "2026",
            "condition": "new",
            "propulsion": "diesel",
            "drive_side": "lhd",
            "emission_standard": "china_nonroad_4",
            "colour": "Yellow",
            "homologation": ["none"],
            "payload_t": "95",
            "drive_type": "mechanical",
        },
        "content": {
            "zh": {
                "title": "三一 SRT95C 95 吨刚性矿用自卸车，塔温陶勒盖 DAP",
                "description": (
                    "三一 SRT95C 刚性矿车，额定载重 95 t，机械传动，适合 200–300 "
                    "万吨/年露天煤矿剥离和运煤。DAP 查干策吉（塔温陶勒盖），含首年备件包和常驻服务工程"
                    "师。"
                ),
            },
            "en": {
                "title": "SANY SRT95C 95 t rigid mining truck – DAP Tavan Tolgoi",
                "description": (
                    "SANY SRT95C rigid hauler, 95 t payload, mechanical drive, sized for overburden and "
                    "coal haulage at open pits of 2–3 Mt/a. DAP Tsogttsetsii (Tavan Tolgoi) with a "
                    "first-year spare-parts kit and a resident service engineer."
                ),
            },
            "ru": {
                "title": "Карьерный самосвал SANY SRT95C, 95 т — DAP Таван-Толгой",
                "description": (
                    "Жёсткорамный самосвал SANY SRT95C: 95 т, механическая трансмиссия, для вскрыши и "
                    "вывозки угля на разрезах мощностью 2–3 млн т/год. DAP Цогтцэций (Таван-Толгой), с "
                    "комплектом запчастей на первый год и постоянным сервисным инженером."
                ),
            },
            "mn": {
                "title": "SANY SRT95C, 95 т даацтай уурхайн самосвал — DAP Тавантолгой",
                "description": (
                    "SANY SRT95C хатуу рамтай самосвал: даац 95 т, механик дамжуулгатай; жилд 2–3 сая т "
                    "олборлолттой ил уурхайн хөрс хуулалт, нүүрс тээвэрт. Цогтцэций (Тавантолгой) хүртэл "
                    "DAP, эхний жилийн сэлбэгийн багц, байнгын засварын инженертэй."
                ),
            },
        },
    },
    {
        "seller": "sales@ejinhoro-mining.example",
        "category": "mining-dump-trucks",
        "hs_code": "8704103000",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "CPT",
        "incoterm_place": "Mezhdurechensk station",
        "transport_mode": "rail",
        "lead_time_days": 180,
        "prices": [{"currency": "USD", "min_quantity": "1", "unit_price": "1420000.00"}],
        "attributes": {
            "make": "XCMG",
            "model": "XDE240",
            "model_year": "2026",
            "condition": "new",
            "propulsion": "diesel",
            "drive_side": "lhd",
            "emission_standard": "china_nonroad_4",
            "colour": "Yellow",
            "homologation": ["none"],
            "payload_t": "220",
            "drive_type": "electric_wheel",
            "power_kw": "1865",
            "body_volume_m3": "140",
        },
        "content": {
            "zh": {
                "title": "徐工 XDE240 电动轮矿用自卸车 220 吨级，铁路运至俄罗斯",
                "description": (
                    "徐工 XDE240 交流电传动电动轮矿车，额定载重约 220 t，柴油机 1,865 kW，堆装容积 140 "
                    "m³。散件经满洲里铁路运至克麦罗沃州梅日杜列琴斯克站，CPT 交货，"
                    "现场组装由厂家工程师完成。"
                ),
            },
            "en": {
                "title": "XCMG XDE240 electric-wheel mining truck, 220 t class – rail to Russia",
                "description": (
                    "XCMG XDE240 AC electric-drive haul truck, about 220 t payload, 1,865 kW diesel, 140 "
                    "m³ heaped body. Shipped knocked down by rail via Manzhouli, CPT Mezhdurechensk "
                    "station (Kemerovo region), with factory engineers assembling on site."
                ),
            },
            "ru": {
                "title": "Карьерный самосвал XCMG XDE240 с мотор-колёсами, класс 220 т — ж/д в Россию",
                "description": (
                    "XCMG XDE240 с электромеханической трансмиссией переменного тока: грузоподъёмность "
                    "около 220 т, дизель 1865 кВт, кузов 140 м³ с шапкой. Поставка в разобранном виде по "
                    "железной дороге через Маньчжурию, CPT ст. Междуреченск (Кемеровская обл.), сборка "
                    "заводскими инженерами."
                ),
            },
            "mn": {
                "title": (
                    "XCMG XDE240, цахилгаан мотор-дугуйтай 220 т-ын уурхайн самосвал — Орос руу төмөр замаар"
                ),
                "description": (
                    "XCMG XDE240 хувьсах гүйдлийн цахилгаан хөтлөгчтэй самосвал: даац ≈ 220 т, дизель "
                    "1865 кВт, тэвш 140 м³. Задалсан байдлаар Манжуураар төмөр замаар Кемерово мужийн "
                    "Междуреченск өртөө хүртэл CPT; угсралтыг үйлдвэрийн инженерүүд хийнэ."
                ),
            },
        },
    },
    {
        "seller": "sales@ejinhoro-mining.example",
        "category": "mining-dump-trucks",
        "hs_code": "8704103000",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "FCA",
        "incoterm_place": "Ejin Horo Banner yard",
        "transport_mode": "road",
        "lead_time_days": 45,
        "prices": [{"currency": "USD", "min_quantity": "1", "unit_price": "430000.00"}],
        "attributes": {
            "make": "XEMC",
            "model": "SF31904 (108 t)",
            "model_year": "2018",
            "condition": "used",
            "propulsion": "diesel",
            "drive_side": "lhd",
            "emission_standard": "china_nonroad_4",
            "colour": "Yellow",
            "homologation": ["none"],
            "payload_t": "108",
            "drive_type": "electric_wheel",
            "engine_hours": "31500",
        },
        "content": {
            "zh": {
                "title": "二手湘电 SF31904 108 吨电动轮矿车 2018 款，3.15 万小时",
                "description": (
                    "2018 款湘电 SF31904 交流电传动矿车，额定载重 108 t，康明斯 QST30 柴油机，发动机 "
                    "31,500 h，2025 年完成发动机大修和电动轮检修。伊金霍洛旗场地 FCA，"
                    "提供检测报告和视频验车。"
                ),
            },
            "en": {
                "title": "Used XEMC SF31904 108 t electric-drive mining truck 2018, 31,500 h",
                "description": (
                    "2018 XEMC SF31904 AC electric-drive haul truck, 108 t payload, Cummins QST30 "
                    "diesel, 31,500 engine hours; engine overhaul and wheel-motor service done in 2025. "
                    "FCA Ejin Horo Banner yard, inspection report and video inspection available."
                ),
            },
            "ru": {
                "title": "Карьерный самосвал XEMC SF31904, 108 т, мотор-колёса, 2018 г., 31 500 моточасов",
                "description": (
                    "XEMC SF31904 2018 г. с электромеханической трансмиссией: 108 т, дизель Cummins "
                    "QST30, наработка 31 500 моточасов; в 2025 г. выполнены капремонт двигателя и "
                    "обслуживание мотор-колёс. FCA площадка в Эджин-Хоро-Ци, отчёт об осмотре и "
                    "видеоосмотр."
                ),
            },
            "mn": {
                "title": (
                    "Хэрэглэсэн XEMC SF31904, 108 т, цахилгаан мотор-дугуйтай самосвал 2018, 31 500 "
                    "моторын цаг"
                ),
                "description": (
                    "2018 оны XEMC SF31904 хувьсах гүйдлийн цахилгаан хөтлөгчтэй самосвал: даац 108 т, "
                    "Cummins QST30 дизель, 31 500 моторын цаг; 2025 онд хөдөлгүүрийн их засвар, "
                    "мотор-дугуйн үйлчилгээ хийсэн. Эжин Хоро хошууны талбайд FCA, үзлэгийн тайлан, "
                    "видео үзлэгтэй."
                ),
            },
        },
    },
    {
        "seller": "sales@ejinhoro-mining.example",
        "category": "mining-dump-trucks",
        "hs_code": "8704109000",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "FCA",
        "incoterm_place": "Ejin Horo Banner yard",
        "transport_mode": "road",
        "lead_time_days": 30,
        "prices": [{"currency": "USD", "min_quantity": "1", "unit_price": "310000.00"}],
        "attributes": {
            "make": "NHL (North Hauler)",
            "model": "TR100",
            "model_year": "2017",
            "condition": "used",
            "propulsion": "diesel",
            "drive_side": "lhd",
            "emission_standard": "china_nonroad_4",
            "colour": "Yellow",
            "homologation": ["none"],
            "payload_t": "91",
            "drive_type": "mechanical",
            "engine_hours": "41000",
            "power_kw": "783",
        },
        "content": {
            "zh": {
                "title": "二手北方股份 TR100 91 吨矿车 2017 款，4.1 万小时",
                "description": (
                    "2017 款 TR100，额定载重 91 t，发动机 41,000 h，变速箱 2024 年大修，货箱衬板新换。"
                    "原在准格尔旗露天煤矿使用，伊金霍洛旗场地 FCA，可试车验收。"
                ),
            },
            "en": {
                "title": "Used NHL TR100 91 t mining truck 2017, 41,000 h",
                "description": (
                    "2017 TR100, 91 t payload, 41,000 engine hours, transmission overhauled in 2024 and "
                    "new body liners. Previously worked at an open-pit coal mine in Jungar Banner; FCA "
                    "Ejin Horo Banner yard, test run on request."
                ),
            },
            "ru": {
                "title": "Карьерный самосвал NHL TR100, 91 т, 2017 г., 41 000 моточасов",
                "description": (
                    "TR100 2017 г.: грузоподъёмность 91 т, наработка двигателя 41 000 моточасов, "
                    "капремонт КПП в 2024 г., новая футеровка кузова. Работал на угольном разрезе в "
                    "Джунгар-Ци; FCA площадка в Эджин-Хоро-Ци, пробный запуск по запросу."
                ),
            },
            "mn": {
                "title": "Хэрэглэсэн NHL TR100, 91 т даацтай самосвал 2017, 41 000 моторын цаг",
                "description": (
                    "2017 оны TR100: даац 91 т, 41 000 моторын цаг, хурдны хайрцгийг 2024 онд их "
                    "засварласан, тэвшийн доторлогоо шинэ. Жунгар хошууны ил уурхайд ажиллаж байсан; "
                    "Эжин Хоро хошууны талбайд FCA, хүсвэл туршилтын явалт хийнэ."
                ),
            },
        },
    },
    {
        "seller": "sales@ejinhoro-mining.example",
        "category": "mining-dump-trucks",
        "hs_code": "8704103000",
        "origin_ordos": True,
        "unit": "vehicle",
        "moq": "1",
        "order_multiple": "1",
        "incoterm": "DAP",
        "incoterm_place": "Khanbogd (Oyu Tolgoi)",
        "transport_mode": "road",
        "lead_time_days": 60,
        "prices": [{"currency": "USD", "min_quantity": "1", "unit_price": "780000.00"}],
        "attributes": {
            "make": "NHL (North Hauler)",
            "model": "NTE240",
            "model_year": "2019",
            "condition": "used",
            "propulsion": "diesel",
            "drive_side": "lhd",
            "emission_standard": "china_nonroad_4",
            "colour": "Yellow",
            "homologation": ["none"],
            "payload_t": "220",
            "drive_type": "electric_wheel",
            "engine_hours": "36000",
        },
        "content": {
            "zh": {
                "title": "二手北方股份 NTE240 电动轮矿车 2019 款，220 吨级",
                "description": (
                    "2019 款 NTE240 交流电动轮矿车，额定载重约 220 t，发动机 36,000 h，2025 "
                    "年更换主发电机轴承和车厢衬板。经甘其毛都口岸运至汗博格德 DAP，含拆解、运输和复装。"
                ),
            },
            "en": {
                "title": "Used NHL NTE240 electric-wheel mining truck 2019, 220 t class",
                "description": (
                    "2019 NTE240 AC electric-wheel haul truck, about 220 t payload, 36,000 engine hours; "
                    "main alternator bearings and body liners replaced in 2025. Delivered via "
                    "Ganqimaodu, DAP Khanbogd, including dismantling, transport and reassembly."
                ),
            },
            "ru": {
                "title": "Карьерный самосвал NHL NTE240 с мотор-колёсами, 2019 г., класс 220 т",
                "description": (
                    "NTE240 2019 г. с электромеханической трансмиссией переменного тока: около 220 т, 36 "
                    "000 моточасов; в 2025 г. заменены подшипники тягового генератора и футеровка "
                    "кузова. Доставка через Ганьцимаоду, DAP Ханбогд, включая разборку, перевозку и "
                    "сборку."
                ),
            },
            "mn": {
                "title": "Хэрэглэсэн NHL NTE240, цахилгаан мотор-дугуйтай самосвал 2019, 220 т-ын ангилал",
                "description": (
                    "2019 оны NTE240 хувьсах гүйдлийн мотор-дугуйтай самосвал: даац ≈ 220 т, 36 000 "
                    "моторын цаг; 2025 онд үндсэн генераторын холхивч, тэвшийн доторлогоог сольсон. "
                    "Ганцмодоор Ханбогд хүртэл DAP; задлах, тээвэрлэх, дахин угсрах ажил багтсан."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "raw-fibre",
        "hs_code": "5102110000",
        "origin_ordos": True,
        "unit": "kg",
        "moq": "100",
        "order_multiple": "50",
        "incoterm": "CIP",
        "incoterm_place": "Milan Malpensa Airport",
        "transport_mode": "air",
        "lead_time_days": 10,
        "prices": [
            {"currency": "USD", "min_quantity": "100", "unit_price": "108.00"},
            {"currency": "USD", "min_quantity": "500", "unit_price": "105.00"},
            {"currency": "EUR", "min_quantity": "100", "unit_price": "99.50"},
        ],
        "attributes": {
            "colour": "white",
            "certifications": ["sfa_bronze"],
            "composition": "100% cashmere",
            "fibre_origin": "Otog Banner, Ordos (Arbas white goat)",
            "processing_state": "dehaired",
            "mean_diameter_um": "15.5",
            "length_mm": "36",
            "cv_pct": "21.5",
            "pct_over_30um": "0.3",
            "coarse_hair_pct": "0.2",
        },
        "content": {
            "zh": {
                "title": "阿尔巴斯白山羊无毛绒 15.5 µm / 36 mm，空运米兰 CIP",
                "description": (
                    "鄂托克旗阿尔巴斯白绒山羊原料分梳，平均细度 15.5 µm（IWTO-8），手排长度 36 mm，"
                    "含粗率 0.2%，离散系数 21.5%。SFA 铜级认证，100 kg 起订，空运米兰马尔彭萨机场 CIP，"
                    "适合意大利精纺纺纱厂。"
                ),
            },
            "en": {
                "title": "Arbas white dehaired cashmere 15.5 µm / 36 mm – CIP Milan by air",
                "description": (
                    "Dehaired from Arbas white goats of Otog Banner: mean diameter 15.5 µm (IWTO-8), "
                    "hand-arranged length 36 mm, coarse hair 0.2 %, CV 21.5 %. SFA bronze certified, "
                    "from 100 kg, air freight CIP Milan Malpensa Airport for Italian spinners."
                ),
            },
            "ru": {
                "title": (
                    "Пух кашемировый белый обезволошенный, арбасская коза, 15,5 мкм / 36 мм — CIP Милан"
                ),
                "description": (
                    "Обезволошенный пух белых арбасских коз хошуна Отог: средний диаметр 15,5 мкм "
                    "(IWTO-8), длина ручной раскладки 36 мм, содержание ости 0,2 %, CV 21,5 %. "
                    "Сертификат SFA (бронза), от 100 кг, авиадоставка CIP аэропорт Милан Мальпенса — для "
                    "итальянских прядильщиков."
                ),
            },
            "mn": {
                "title": (
                    "Арбасын цагаан ямааны самнасан ноолуур 15.5 µm / 36 мм — Милан хүртэл агаараар CIP"
                ),
                "description": (
                    "Отог хошууны Арбас цагаан ямааны самнасан ноолуур: ширхэгийн дундаж голч 15.5 µm "
                    "(IWTO-8), гар аргаар хэмжсэн урт 36 мм, бүдүүн үс 0.2 %, CV 21.5 %. SFA хүрэл "
                    "гэрчилгээтэй, 100 кг-аас, Миланы Мальпенса нисэх буудал хүртэл агаарын тээврээр "
                    "CIP; Италийн ээрмэлийн үйлдвэрүүдэд."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "raw-fibre",
        "hs_code": "5102110000",
        "origin_ordos": True,
        "unit": "kg",
        "moq": "50",
        "order_multiple": "25",
        "incoterm": "CIP",
        "incoterm_place": "Milan Malpensa Airport",
        "transport_mode": "air",
        "lead_time_days": 14,
        "prices": [
            {"currency": "USD", "min_quantity": "50", "unit_price": "119.00"},
            {"currency": "EUR", "min_quantity": "50", "unit_price": "109.50"},
        ],
        "attributes": {
            "colour": "white",
            "certifications": ["sfa_silver", "good_cashmere_standard"],
            "composition": "100% cashmere",
            "fibre_origin": "Otog Banner, Ordos (Arbas white goat)",
            "processing_state": "dehaired",
            "mean_diameter_um": "14.5",
            "length_mm": "38",
            "cv_pct": "20.0",
            "pct_over_30um": "0.2",
            "coarse_hair_pct": "0.1",
        },
        "content": {
            "zh": {
                "title": "特细白无毛绒 14.5 µm / 38 mm，SFA 银级 + GCS 双认证",
                "description": (
                    "精选阿尔巴斯幼龄山羊绒，平均细度 14.5 µm，长度 38 mm，离散系数 20%，含粗率 0.1%。"
                    "同时持有 SFA 银级和优质羊绒标准（GCS）认证，可追溯至牧户，适合高支精纺和奢侈品牌供应"
                    "链。"
                ),
            },
            "en": {
                "title": "Extra-fine white dehaired cashmere 14.5 µm / 38 mm, SFA silver and GCS",
                "description": (
                    "Selected Arbas kid-goat cashmere: mean diameter 14.5 µm, length 38 mm, CV 20 %, "
                    "coarse hair 0.1 %. Certified to SFA silver and The Good Cashmere Standard with "
                    "traceability to the herder, for fine worsted counts and luxury-brand supply chains."
                ),
            },
            "ru": {
                "title": "Особо тонкий белый обезволошенный кашемир 14,5 мкм / 38 мм, SFA silver и GCS",
                "description": (
                    "Отборный пух молодых арбасских коз: средний диаметр 14,5 мкм, длина 38 мм, CV 20 %, "
                    "ость 0,1 %. Сертификаты SFA (серебро) и The Good Cashmere Standard, "
                    "прослеживаемость до скотовода — для тонкой гребенной пряжи и цепочек поставок "
                    "люксовых брендов."
                ),
            },
            "mn": {
                "title": "Онцгой нарийн цагаан самнасан ноолуур 14.5 µm / 38 мм, SFA мөнгө ба GCS",
                "description": (
                    "Арбасын борлон ишигний сонгон ноолуур: дундаж голч 14.5 µm, урт 38 мм, CV 20 %, "
                    "бүдүүн үс 0.1 %. SFA мөнгө болон Сайн ноолуурын стандарт (GCS) гэрчилгээтэй, малчин "
                    "хүртэл мөшгөх боломжтой; нарийн самнасан утас, тансаг брэндийн нийлүүлэлтэд."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "raw-fibre",
        "hs_code": "5102110000",
        "origin_ordos": True,
        "unit": "kg",
        "moq": "100",
        "order_multiple": "50",
        "incoterm": "CPT",
        "incoterm_place": "Vorsino terminal (near Moscow)",
        "transport_mode": "rail",
        "lead_time_days": 25,
        "prices": [
            {"currency": "USD", "min_quantity": "100", "unit_price": "95.00"},
            {"currency": "USD", "min_quantity": "500", "unit_price": "92.00"},
        ],
        "attributes": {
            "colour": "light_grey",
            "certifications": ["none"],
            "composition": "100% cashmere",
            "fibre_origin": "Hanggin Banner, Ordos",
            "processing_state": "dehaired",
            "mean_diameter_um": "15.8",
            "length_mm": "34",
            "cv_pct": "22.5",
            "pct_over_30um": "0.4",
            "coarse_hair_pct": "0.2",
        },
        "content": {
            "zh": {
                "title": "青绒（浅灰）无毛绒 15.8 µm / 34 mm，中欧班列 CPT",
                "description": (
                    "杭锦旗青绒分梳无毛绒，平均细度 15.8 µm，长度 34 mm，天然浅灰色可免染或染深色。"
                    "压缩包装每包约 100 kg，经二连浩特铁路运至莫斯科附近的沃尔西诺站，CPT 交货。"
                ),
            },
            "en": {
                "title": "Light grey dehaired cashmere 15.8 µm / 34 mm – rail CPT Vorsino near Moscow",
                "description": (
                    "Dehaired light grey cashmere from Hanggin Banner: mean diameter 15.8 µm, length 34 "
                    "mm; the natural grey can be used undyed or over-dyed to dark shades. Pressed bales "
                    "of about 100 kg, by rail via Erenhot, CPT Vorsino terminal near Moscow."
                ),
            },
            "ru": {
                "title": (
                    "Пух кашемировый светло-серый обезволошенный 15,8 мкм / 34 мм — ж/д CPT Ворсино под "
                    "Москвой"
                ),
                "description": (
                    "Обезволошенный серый пух хошуна Ханджин: средний диаметр 15,8 мкм, длина 34 мм; "
                    "натуральный серый цвет без крашения или под тёмные тона. Прессованные кипы около "
                    "100 кг, железной дорогой через Эрлянь, CPT терминал Ворсино под Москвой."
                ),
            },
            "mn": {
                "title": (
                    "Цайвар саарал самнасан ноолуур 15.8 µm / 34 мм — Москва хүртэл төмөр замаар (CPT)"
                ),
                "description": (
                    "Ханжин хошууны саарал (хөх) самнасан ноолуур: дундаж голч 15.8 µm, урт 34 мм; "
                    "байгалийн саарал өнгөөр нь эсвэл бараан өнгөөр будаж хэрэглэнэ. ≈ 100 кг-ын шахмал "
                    "боодол, Эрээнээр төмөр замаар Москвагийн бүсийн Ворсино терминал хүртэл CPT."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "raw-fibre",
        "hs_code": "5102110000",
        "origin_ordos": True,
        "unit": "kg",
        "moq": "100",
        "order_multiple": "50",
        "incoterm": "FCA",
        "incoterm_place": "Ordos Ejin Horo Airport",
        "transport_mode": "air",
        "lead_time_days": 10,
        "prices": [
            {"currency": "USD", "min_quantity": "100", "unit_price": "84.00"},
            {"currency": "USD", "min_quantity": "500", "unit_price": "81.00"},
            {"currency": "CNY", "min_quantity": "100", "unit_price": "600.00"},
        ],
        "attributes": {
            "colour": "brown",
            "certifications": ["sfa_bronze"],
            "composition": "100% cashmere",
            "fibre_origin": "Uxin Banner, Ordos",
            "processing_state": "dehaired",
            "mean_diameter_um": "16.2",
            "length_mm": "33",
            "cv_pct": "23.0",
            "pct_over_30um": "0.5",
            "coarse_hair_pct": "0.3",
        },
        "content": {
            "zh": {
                "title": "乌审旗紫绒（棕色）无毛绒 16.2 µm，鄂尔多斯机场 FCA",
                "description": (
                    "乌审旗紫绒分梳，天然棕色，平均细度 16.2 µm，长度 33 mm，大于 30 µm 纤维 0.5%。"
                    "适用于本色粗纺纱和深色针织品，鄂尔多斯伊金霍洛国际机场 FCA，可空运至欧洲或韩国。"
                ),
            },
            "en": {
                "title": "Uxin brown dehaired cashmere 16.2 µm – FCA Ordos airport",
                "description": (
                    "Dehaired purple-brown cashmere from Uxin Banner: mean diameter 16.2 µm, length 33 "
                    "mm, 0.5 % of fibres over 30 µm. For natural-colour woollen yarn and dark knitwear; "
                    "FCA Ordos Ejin Horo International Airport for air freight to Europe or Korea."
                ),
            },
            "ru": {
                "title": "Пух кашемировый коричневый (Ушин) обезволошенный 16,2 мкм — FCA аэропорт Ордос",
                "description": (
                    "Обезволошенный коричневый пух хошуна Ушин: средний диаметр 16,2 мкм, длина 33 мм, "
                    "волокон толще 30 мкм — 0,5 %. Для аппаратной пряжи натурального цвета и тёмного "
                    "трикотажа; FCA международный аэропорт Ордос Эджин-Хоро, авиаотправка в Европу или "
                    "Корею."
                ),
            },
            "mn": {
                "title": "Үшин хошууны бор самнасан ноолуур 16.2 µm — Ордосын нисэх буудалд FCA",
                "description": (
                    "Үшин хошууны бор (ягаан) самнасан ноолуур: дундаж голч 16.2 µm, урт 33 мм, 30 "
                    "µm-ээс бүдүүн ширхэг 0.5 %. Байгалийн өнгөтэй ноосон ээрмэл, бараан сүлжмэлд; "
                    "Ордосын Эжин Хоро олон улсын нисэх буудалд FCA, Европ, Солонгос руу агаараар."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "raw-fibre",
        "hs_code": "5102110000",
        "origin_ordos": True,
        "unit": "kg",
        "moq": "200",
        "order_multiple": "100",
        "incoterm": "FOB",
        "incoterm_place": "Tianjin Xingang",
        "transport_mode": "sea",
        "lead_time_days": 21,
        "prices": [
            {"currency": "USD", "min_quantity": "200", "unit_price": "88.00"},
            {"currency": "USD", "min_quantity": "1000", "unit_price": "85.50"},
        ],
        "attributes": {
            "colour": "white",
            "certifications": ["none"],
            "composition": "100% cashmere",
            "fibre_origin": "Ordos",
            "processing_state": "dehaired",
            "mean_diameter_um": "16.5",
            "length_mm": "31",
            "cv_pct": "23.5",
            "pct_over_30um": "0.6",
            "coarse_hair_pct": "0.3",
        },
        "content": {
            "zh": {
                "title": "白无毛绒 16.5 µm / 31 mm 粗纺用，天津新港 FOB",
                "description": (
                    "标准级白色无毛绒，平均细度 16.5 µm，长度 31 mm，适合粗纺 2/26 Nm 纱线和机织面料。"
                    "200 kg 起订，20 英尺柜海运，FOB 天津新港，每批附 IWTO 检测报告。"
                ),
            },
            "en": {
                "title": "White dehaired cashmere 16.5 µm / 31 mm for woollen spinning – FOB Tianjin",
                "description": (
                    "Standard white dehaired cashmere, mean diameter 16.5 µm, length 31 mm, for woollen "
                    "2/26 Nm yarn and woven fabrics. From 200 kg, sea freight in 20′ containers, FOB "
                    "Tianjin Xingang, with an IWTO test report per lot."
                ),
            },
            "ru": {
                "title": "Пух кашемировый белый 16,5 мкм / 31 мм для аппаратного прядения — FOB Тяньцзинь",
                "description": (
                    "Белый обезволошенный пух стандартного качества: 16,5 мкм, длина 31 мм — для "
                    "аппаратной пряжи 2/26 Nm и тканей. От 200 кг, морем в 20-футовых контейнерах, FOB "
                    "Тяньцзинь Синган, протокол IWTO на каждую партию."
                ),
            },
            "mn": {
                "title": "Цагаан самнасан ноолуур 16.5 µm / 31 мм, ноосон ээрмэлд — FOB Тяньжин",
                "description": (
                    "Стандарт зэргийн цагаан самнасан ноолуур: дундаж голч 16.5 µm, урт 31 мм; 2/26 Nm "
                    "ноосон ээрмэл, нэхмэл даавуунд. 200 кг-аас, 20 футын чингэлгээр далайгаар, FOB "
                    "Тяньжин Шинган, багц бүрд IWTO-ийн шинжилгээний тайлантай."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "raw-fibre",
        "hs_code": "5102110000",
        "origin_ordos": False,
        "unit": "kg",
        "moq": "200",
        "order_multiple": "100",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 10,
        "prices": [
            {"currency": "USD", "min_quantity": "200", "unit_price": "92.00"},
            {"currency": "CNY", "min_quantity": "200", "unit_price": "655.00"},
        ],
        "attributes": {
            "colour": "white",
            "certifications": ["none"],
            "composition": "100% cashmere",
            "fibre_origin": "Qinghe, Hebei (dehaired from mixed Chinese raw cashmere)",
            "processing_state": "dehaired",
            "mean_diameter_um": "16.0",
            "length_mm": "32",
            "cv_pct": "23.0",
            "pct_over_30um": "0.5",
            "coarse_hair_pct": "0.3",
        },
        "content": {
            "zh": {
                "title": "河北清河分梳白无毛绒 16.0 µm（贸易货），二连浩特 FCA",
                "description": (
                    "河北清河分梳厂加工的白色无毛绒，平均细度 16.0 µm，长度 32 mm，由我司复检后转售。"
                    "非鄂尔多斯原料，二连浩特 FCA，适合对价格敏感的粗纺用户。"
                ),
            },
            "en": {
                "title": "White dehaired cashmere 16.0 µm from Qinghe, Hebei (traded) – FCA Erenhot",
                "description": (
                    "White dehaired cashmere processed by a dehairing mill in Qinghe, Hebei: mean "
                    "diameter 16.0 µm, length 32 mm, re-tested by us before resale. Not Ordos fibre; FCA "
                    "Erenhot, for price-sensitive woollen spinners."
                ),
            },
            "ru": {
                "title": "Пух кашемировый белый 16,0 мкм, обезволошен в Цинхэ (трейдинг) — FCA Эрлянь",
                "description": (
                    "Белый обезволошенный пух, переработанный в Цинхэ (провинция Хэбэй): 16,0 мкм, длина "
                    "32 мм, перед продажей повторно испытан нами. Сырьё не из Ордоса; FCA Эрлянь, для "
                    "аппаратных прядильщиков, чувствительных к цене."
                ),
            },
            "mn": {
                "title": "Хэбэйн Чинхэд самнасан цагаан ноолуур 16.0 µm (худалдааны) — Эрээн FCA",
                "description": (
                    "Хэбэй мужийн Чинхэгийн үйлдвэрт самнасан цагаан ноолуур: дундаж голч 16.0 µm, урт "
                    "32 мм, бид дахин шинжилж борлуулна. Ордосын түүхий эд биш; Эрээн FCA, үнэд "
                    "мэдрэмтгий ноосон ээрмэлийн үйлдвэрүүдэд."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "raw-fibre",
        "hs_code": "5102110000",
        "origin_ordos": True,
        "unit": "kg",
        "moq": "500",
        "order_multiple": "250",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 7,
        "prices": [
            {"currency": "USD", "min_quantity": "500", "unit_price": "56.00"},
            {"currency": "CNY", "min_quantity": "500", "unit_price": "400.00"},
        ],
        "attributes": {
            "colour": "white",
            "certifications": ["none"],
            "composition": "100% cashmere",
            "fibre_origin": "Otog Banner, Ordos (Arbas white goat)",
            "processing_state": "raw",
            "mean_diameter_um": "15.2",
            "length_mm": "40",
            "yield_pct": "55",
        },
        "content": {
            "zh": {
                "title": "阿尔巴斯白山羊原绒（未分梳），净绒率约 55%",
                "description": (
                    "2026 年春季抓绒的阿尔巴斯白山羊原绒，含粗毛和皮屑，预计净绒率约 55%，绒纤维平均细度 "
                    "15.2 µm。500 kg 起订，按批取样检测，二连浩特 FCA。"
                ),
            },
            "en": {
                "title": "Arbas white raw cashmere (greasy, undehaired), about 55 % yield",
                "description": (
                    "Spring 2026 combings from Arbas white goats, with guard hair and scurf; expected "
                    "clean cashmere yield about 55 %, down fibre mean diameter 15.2 µm. From 500 kg, "
                    "sampled and tested per lot, FCA Erenhot."
                ),
            },
            "ru": {
                "title": "Пух-сырец белый арбасских коз (немытый, необезволошенный), выход около 55 %",
                "description": (
                    "Начёс весны 2026 г. с белых арбасских коз, с остью и перхотью; ожидаемый выход "
                    "чистого пуха около 55 %, средний диаметр пуховых волокон 15,2 мкм. От 500 кг, отбор "
                    "проб и испытания по партиям, FCA Эрлянь."
                ),
            },
            "mn": {
                "title": "Арбасын цагаан ямааны түүхий ноолуур (самнаагүй), гарц ≈ 55 %",
                "description": (
                    "2026 оны хаврын самнасан Арбасын цагаан ямааны түүхий ноолуур, бүдүүн үс, хуйхны "
                    "хаг агуулсан; цэвэр ноолуурын гарц ≈ 55 %, ноолуурын ширхэгийн дундаж голч 15.2 µm. "
                    "500 кг-аас, багц бүрээс дээж авч шинжилнэ, Эрээн FCA."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "raw-fibre",
        "hs_code": "5102110000",
        "origin_ordos": True,
        "unit": "kg",
        "moq": "300",
        "order_multiple": "100",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 10,
        "prices": [
            {"currency": "USD", "min_quantity": "300", "unit_price": "63.00"},
            {"currency": "CNY", "min_quantity": "300", "unit_price": "450.00"},
        ],
        "attributes": {
            "colour": "brown",
            "certifications": ["none"],
            "composition": "100% cashmere",
            "fibre_origin": "Uxin Banner, Ordos",
            "processing_state": "scoured",
            "mean_diameter_um": "16.4",
            "length_mm": "35",
            "yield_pct": "68",
        },
        "content": {
            "zh": {
                "title": "紫绒洗净绒（未分梳），净绒率约 68%",
                "description": (
                    "乌审旗紫绒经洗涤去脂，尚未分梳，预计分梳净绒率约 68%，平均细度 16.4 µm。"
                    "适合自有分梳线的买家，300 kg 起订，二连浩特 FCA。"
                ),
            },
            "en": {
                "title": "Scoured brown cashmere (not dehaired), about 68 % yield",
                "description": (
                    "Uxin Banner brown cashmere, scoured to remove grease but not yet dehaired; expected "
                    "dehairing yield about 68 %, mean diameter 16.4 µm. For buyers with their own "
                    "dehairing line; from 300 kg, FCA Erenhot."
                ),
            },
            "ru": {
                "title": "Пух кашемировый коричневый мытый (необезволошенный), выход около 68 %",
                "description": (
                    "Коричневый пух хошуна Ушин, отмыт от жира, но не обезволошен; ожидаемый выход после "
                    "обезволашивания около 68 %, средний диаметр 16,4 мкм. Для покупателей с собственной "
                    "линией обезволашивания; от 300 кг, FCA Эрлянь."
                ),
            },
            "mn": {
                "title": "Угаасан бор ноолуур (самнаагүй), гарц ≈ 68 %",
                "description": (
                    "Үшин хошууны бор ноолуурыг угааж өөхийг нь арилгасан, харин самнаагүй; самнасны "
                    "дараах гарц ≈ 68 %, дундаж голч 16.4 µm. Өөрийн самнах шугамтай худалдан авагчдад; "
                    "300 кг-аас, Эрээн FCA."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "raw-fibre",
        "hs_code": "510531",
        "origin_ordos": True,
        "unit": "kg",
        "moq": "100",
        "order_multiple": "50",
        "incoterm": "CIP",
        "incoterm_place": "Milan Malpensa Airport",
        "transport_mode": "air",
        "lead_time_days": 21,
        "prices": [
            {"currency": "USD", "min_quantity": "100", "unit_price": "128.00"},
            {"currency": "EUR", "min_quantity": "100", "unit_price": "118.00"},
        ],
        "attributes": {
            "colour": "white",
            "certifications": ["sfa_bronze"],
            "composition": "100% cashmere",
            "fibre_origin": "Otog Banner, Ordos",
            "processing_state": "tops",
            "mean_diameter_um": "15.8",
            "length_mm": "42",
            "cv_pct": "21.0",
            "pct_over_30um": "0.2",
            "coarse_hair_pct": "0.05",
        },
        "content": {
            "zh": {
                "title": "白羊绒条 15.8 µm，豪特长度 42 mm，精纺用",
                "description": (
                    "白色无毛绒经梳理、精梳制成的羊绒条，平均细度 15.8 µm，豪特长度 42 mm，含粗率 0.05%。"
                    "每球约 10 kg，真空压缩装箱，空运米兰 CIP，供精纺 2/48–2/60 Nm 纺纱。"
                ),
            },
            "en": {
                "title": "White cashmere tops 15.8 µm, Hauteur 42 mm, for worsted spinning",
                "description": (
                    "Carded and combed tops from white dehaired cashmere: mean diameter 15.8 µm, Hauteur "
                    "42 mm, coarse hair 0.05 %. Balls of about 10 kg, vacuum-packed in cartons, air "
                    "freight CIP Milan Malpensa, for worsted 2/48–2/60 Nm spinning."
                ),
            },
            "ru": {
                "title": "Гребенная лента (топс) из белого кашемира 15,8 мкм, Hauteur 42 мм",
                "description": (
                    "Кардо- и гребнечёсаная лента из белого обезволошенного пуха: 15,8 мкм, длина "
                    "Hauteur 42 мм, ость 0,05 %. Клубки около 10 кг, вакуумная упаковка в коробах, авиа "
                    "CIP Милан Мальпенса — для гребенной пряжи 2/48–2/60 Nm."
                ),
            },
            "mn": {
                "title": "Цагаан ноолуурын тууз (топс) 15.8 µm, Hauteur 42 мм, самнасан ээрмэлд",
                "description": (
                    "Цагаан самнасан ноолуурыг хөвөөлж, сүлжиж гаргасан тууз: дундаж голч 15.8 µm, "
                    "Hauteur урт 42 мм, бүдүүн үс 0.05 %. ≈ 10 кг-ын бөөрөнхий, вакуум савлагаатай "
                    "хайрцагт, Милан Мальпенса хүртэл агаараар CIP; 2/48–2/60 Nm самнасан ээрмэлд."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "raw-fibre",
        "hs_code": "510531",
        "origin_ordos": True,
        "unit": "kg",
        "moq": "100",
        "order_multiple": "50",
        "incoterm": "CPT",
        "incoterm_place": "Vorsino terminal (near Moscow)",
        "transport_mode": "rail",
        "lead_time_days": 28,
        "prices": [
            {"currency": "USD", "min_quantity": "100", "unit_price": "116.00"},
            {"currency": "USD", "min_quantity": "500", "unit_price": "112.00"},
        ],
        "attributes": {
            "colour": "light_grey",
            "certifications": ["none"],
            "composition": "100% cashmere",
            "fibre_origin": "Hanggin Banner, Ordos",
            "processing_state": "tops",
            "mean_diameter_um": "16.0",
            "length_mm": "40",
            "cv_pct": "22.0",
            "coarse_hair_pct": "0.08",
        },
        "content": {
            "zh": {
                "title": "青绒（浅灰）羊绒条 16.0 µm，铁路运至莫斯科",
                "description": (
                    "浅灰色羊绒条，平均细度 16.0 µm，豪特长度 40 mm，天然灰色适合混色纱和免染系列。"
                    "经二连浩特—扎门乌德中欧班列运至莫斯科附近的沃尔西诺站，CPT 交货。"
                ),
            },
            "en": {
                "title": "Light grey cashmere tops 16.0 µm – rail to Moscow",
                "description": (
                    "Light grey cashmere tops, mean diameter 16.0 µm, Hauteur 40 mm; the natural grey "
                    "suits melange yarns and undyed collections. By China–Europe train via "
                    "Erenhot–Zamyn-Üüd, CPT Vorsino terminal near Moscow."
                ),
            },
            "ru": {
                "title": "Гребенная лента из светло-серого кашемира 16,0 мкм — ж/д до Москвы",
                "description": (
                    "Светло-серый кашемировый топс: 16,0 мкм, Hauteur 40 мм; натуральный серый подходит "
                    "для меланжевой пряжи и неокрашенных коллекций. Поездом Китай–Европа через Эрлянь — "
                    "Замын-Ууд, CPT терминал Ворсино под Москвой."
                ),
            },
            "mn": {
                "title": "Цайвар саарал ноолуурын тууз 16.0 µm — Москва хүртэл төмөр замаар",
                "description": (
                    "Цайвар саарал ноолуурын тууз: дундаж голч 16.0 µm, Hauteur 40 мм; байгалийн саарал "
                    "өнгө нь холимог өнгийн утас, будаагүй цуглуулгад тохирно. Хятад–Европын галт "
                    "тэргээр Эрээн — Замын-Үүдээр дамжин Москвагийн ойролцоох Ворсино терминал хүртэл "
                    "CPT."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "yarn",
        "hs_code": "5108101100",
        "origin_ordos": True,
        "unit": "kg",
        "moq": "50",
        "order_multiple": "10",
        "incoterm": "CIP",
        "incoterm_place": "Milan Malpensa Airport",
        "transport_mode": "air",
        "lead_time_days": 20,
        "prices": [
            {"currency": "USD", "min_quantity": "50", "unit_price": "142.00"},
            {"currency": "USD", "min_quantity": "300", "unit_price": "136.00"},
            {"currency": "EUR", "min_quantity": "50", "unit_price": "131.00"},
        ],
        "attributes": {
            "colour": "white",
            "certifications": ["sfa_bronze"],
            "composition": "100% cashmere",
            "fibre_origin": "Otog Banner, Ordos",
            "ply": "2",
            "nm_count": "26",
            "spinning_system": "woollen",
            "put_up": "cone",
        },
        "content": {
            "zh": {
                "title": "100% 羊绒粗纺纱 2/26 Nm 本白，筒纱",
                "description": (
                    "鄂尔多斯白绒纺制的粗纺羊绒纱 2/26 Nm，本白（未染色），蜡处理筒纱每只约 1 kg，适合 "
                    "7–12 针横机。50 kg 起订，空运米兰 CIP，可按需染色。"
                ),
            },
            "en": {
                "title": "100 % cashmere woollen yarn 2/26 Nm, raw white, on cones",
                "description": (
                    "Woollen-spun 2/26 Nm yarn from Ordos white cashmere, raw white (undyed), waxed "
                    "cones of about 1 kg for 7–12 gauge flat knitting. From 50 kg, air freight CIP Milan "
                    "Malpensa; dyeing to order."
                ),
            },
            "ru": {
                "title": "Пряжа 100 % кашемир аппаратная 2/26 Nm, суровая белая, на бобинах",
                "description": (
                    "Аппаратная пряжа 2/26 Nm из белого ордосского кашемира, суровая (неокрашенная), "
                    "парафинированные бобины около 1 кг для плосковязальных машин 7–12 класса. От 50 кг, "
                    "авиа CIP Милан Мальпенса; крашение по заказу."
                ),
            },
            "mn": {
                "title": "100 % ноолуурын ноосон ээрмэл утас 2/26 Nm, будаагүй цагаан, бобиноор",
                "description": (
                    "Ордосын цагаан ноолуураар ээрсэн 2/26 Nm ноосон ээрмэл утас, будаагүй цагаан, ≈ 1 "
                    "кг-ын лавдсан бобин; 7–12 gg хавтгай сүлжмэлийн машинд. 50 кг-аас, Милан Мальпенса "
                    "хүртэл агаараар CIP; захиалгаар будна."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "yarn",
        "hs_code": "5108101100",
        "origin_ordos": True,
        "unit": "kg",
        "moq": "30",
        "order_multiple": "10",
        "incoterm": "FCA",
        "incoterm_place": "Ordos Ejin Horo Airport",
        "transport_mode": "air",
        "lead_time_days": 25,
        "prices": [
            {"currency": "USD", "min_quantity": "30", "unit_price": "152.00"},
            {"currency": "USD", "min_quantity": "200", "unit_price": "146.00"},
            {"currency": "CNY", "min_quantity": "30", "unit_price": "1080.00"},
        ],
        "attributes": {
            "colour": "dyed",
            "certifications": ["oeko_tex_100"],
            "composition": "100% cashmere",
            "fibre_origin": "Ordos",
            "ply": "2",
            "nm_count": "26",
            "spinning_system": "woollen",
            "put_up": "cone",
        },
        "content": {
            "zh": {
                "title": "100% 羊绒粗纺纱 2/26 Nm 染色，60 色常备色卡",
                "description": (
                    "粗纺 2/26 Nm 羊绒纱，60 个常备色，每色 30 kg 起订，OEKO-TEX® STANDARD 100 "
                    "认证染料和助剂。鄂尔多斯伊金霍洛国际机场 FCA，常备色 25 天交货。"
                ),
            },
            "en": {
                "title": "100 % cashmere woollen yarn 2/26 Nm, dyed – 60 stock colours",
                "description": (
                    "Woollen 2/26 Nm cashmere yarn in 60 stock shades, 30 kg minimum per colour, dyed "
                    "with OEKO-TEX® STANDARD 100 certified dyes and auxiliaries. FCA Ordos Ejin Horo "
                    "International Airport, stock colours in 25 days."
                ),
            },
            "ru": {
                "title": "Пряжа 100 % кашемир аппаратная 2/26 Nm, крашеная, 60 цветов в наличии",
                "description": (
                    "Аппаратная кашемировая пряжа 2/26 Nm в 60 складских цветах, от 30 кг на цвет, "
                    "красители и вспомогательные вещества с сертификатом OEKO-TEX® STANDARD 100. FCA "
                    "международный аэропорт Ордос Эджин-Хоро, складские цвета — 25 дней."
                ),
            },
            "mn": {
                "title": "100 % ноолуурын ноосон ээрмэл утас 2/26 Nm, будсан, 60 өнгө бэлэн",
                "description": (
                    "2/26 Nm ноосон ээрмэл ноолуурын утас, 60 бэлэн өнгө, өнгө тус бүр 30 кг-аас, "
                    "OEKO-TEX® STANDARD 100 гэрчилгээтэй будаг, туслах бодис. Ордосын Эжин Хоро олон "
                    "улсын нисэх буудалд FCA, бэлэн өнгө 25 хоногт."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "yarn",
        "hs_code": "5108101100",
        "origin_ordos": True,
        "unit": "kg",
        "moq": "50",
        "order_multiple": "10",
        "incoterm": "CPT",
        "incoterm_place": "Duisburg",
        "transport_mode": "rail",
        "lead_time_days": 35,
        "prices": [
            {"currency": "USD", "min_quantity": "50", "unit_price": "158.00"},
            {"currency": "EUR", "min_quantity": "50", "unit_price": "146.00"},
        ],
        "attributes": {
            "colour": "dyed",
            "certifications": ["sfa_bronze", "oeko_tex_100"],
            "composition": "100% cashmere",
            "fibre_origin": "Ordos",
            "ply": "2",
            "nm_count": "28",
            "spinning_system": "semi_worsted",
            "put_up": "cone",
        },
        "content": {
            "zh": {
                "title": "100% 羊绒半精纺纱 2/28 Nm（欧标支数），中欧班列至杜伊斯堡",
                "description": (
                    "半精纺 2/28 Nm 羊绒纱，欧洲常用支数，条干均匀、起球少，适合 12–14 针针织。"
                    "中欧班列经二连浩特运至杜伊斯堡，CPT 交货，整箱拼装欧洲多家客户。"
                ),
            },
            "en": {
                "title": (
                    "100 % cashmere semi-worsted yarn 2/28 Nm (European standard count) – CPT Duisburg"
                ),
                "description": (
                    "Semi-worsted 2/28 Nm cashmere yarn, the usual European count, with even evenness "
                    "and low pilling for 12–14 gauge knitting. China–Europe train via Erenhot, CPT "
                    "Duisburg, consolidated for several European customers."
                ),
            },
            "ru": {
                "title": "Пряжа 100 % кашемир полугребенная 2/28 Nm (европейский стандарт) — CPT Дуйсбург",
                "description": (
                    "Полугребенная кашемировая пряжа 2/28 Nm — привычный для Европы номер: ровная, мало "
                    "пиллингуется, для вязания 12–14 класса. Поездом Китай–Европа через Эрлянь, CPT "
                    "Дуйсбург, сборные контейнеры для нескольких европейских клиентов."
                ),
            },
            "mn": {
                "title": (
                    "100 % ноолуурын хагас самнасан утас 2/28 Nm (Европын стандарт) — Дуйсбург хүртэл CPT"
                ),
                "description": (
                    "Хагас самнасан 2/28 Nm ноолуурын утас — Европт түгээмэл нарийвчлал; жигд, бөөгнөрөл "
                    "багатай, 12–14 gg сүлжмэлд. Хятад–Европын галт тэргээр Эрээнээр дамжин Дуйсбург "
                    "хүртэл CPT, хэд хэдэн Европын хэрэглэгчийн ачааг нэгтгэнэ."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "yarn",
        "hs_code": "510820",
        "origin_ordos": True,
        "unit": "kg",
        "moq": "50",
        "order_multiple": "10",
        "incoterm": "CIP",
        "incoterm_place": "Milan Malpensa Airport",
        "transport_mode": "air",
        "lead_time_days": 30,
        "prices": [
            {"currency": "USD", "min_quantity": "50", "unit_price": "176.00"},
            {"currency": "EUR", "min_quantity": "50", "unit_price": "162.00"},
        ],
        "attributes": {
            "colour": "white",
            "certifications": ["sfa_silver"],
            "composition": "100% cashmere",
            "fibre_origin": "Otog Banner, Ordos",
            "ply": "2",
            "nm_count": "48",
            "spinning_system": "worsted",
            "put_up": "cone",
        },
        "content": {
            "zh": {
                "title": "100% 羊绒精纺纱 2/48 Nm 本白，14–16 针用",
                "description": (
                    "采用 15.5 µm 以下白绒条精纺的 2/48 Nm 羊绒纱，本白，强力高、毛羽少，适合 14–16 "
                    "针细针织和梭织。SFA 银级，空运米兰 CIP。"
                ),
            },
            "en": {
                "title": "100 % cashmere worsted yarn 2/48 Nm, raw white, for 14–16 gauge",
                "description": (
                    "Worsted 2/48 Nm yarn spun from white tops finer than 15.5 µm, raw white, high "
                    "strength and low hairiness for 14–16 gauge fine knits and weaving. SFA silver; air "
                    "freight CIP Milan Malpensa."
                ),
            },
            "ru": {
                "title": "Пряжа 100 % кашемир гребенная 2/48 Nm, суровая белая, для 14–16 класса",
                "description": (
                    "Гребенная пряжа 2/48 Nm из белого топса тоньше 15,5 мкм, суровая белая, высокая "
                    "прочность и малая ворсистость — для тонкого трикотажа 14–16 класса и ткачества. SFA "
                    "(серебро); авиа CIP Милан Мальпенса."
                ),
            },
            "mn": {
                "title": "100 % ноолуурын самнасан утас 2/48 Nm, будаагүй цагаан, 14–16 gg-д",
                "description": (
                    "15.5 µm-ээс нарийн цагаан туузаар ээрсэн 2/48 Nm самнасан утас, будаагүй цагаан, "
                    "бат бөх, үсэрхэг бага; 14–16 gg нарийн сүлжмэл, нэхмэлд. SFA мөнгө; Милан Мальпенса "
                    "хүртэл агаараар CIP."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "yarn",
        "hs_code": "510820",
        "origin_ordos": True,
        "unit": "kg",
        "moq": "50",
        "order_multiple": "10",
        "incoterm": "CIP",
        "incoterm_place": "Paris Charles de Gaulle Airport",
        "transport_mode": "air",
        "lead_time_days": 35,
        "prices": [
            {"currency": "USD", "min_quantity": "50", "unit_price": "168.00"},
            {"currency": "EUR", "min_quantity": "50", "unit_price": "155.00"},
        ],
        "attributes": {
            "colour": "dyed",
            "certifications": ["oeko_tex_100"],
            "composition": "70% cashmere, 30% silk",
            "fibre_origin": "Ordos (cashmere); Zhejiang (mulberry silk)",
            "ply": "2",
            "nm_count": "60",
            "spinning_system": "worsted",
            "put_up": "cone",
        },
        "content": {
            "zh": {
                "title": "羊绒桑蚕丝混纺精纺纱 2/60 Nm（70/30），染色",
                "description": (
                    "70% 羊绒 / 30% 桑蚕丝精纺混纺纱 2/60 Nm，光泽柔和、手感滑爽，适合 16–18 针春夏针织。"
                    "每色 50 kg 起订，空运巴黎戴高乐机场 CIP。"
                ),
            },
            "en": {
                "title": "Cashmere/silk worsted blend yarn 2/60 Nm (70/30), dyed",
                "description": (
                    "Worsted blend of 70 % cashmere and 30 % mulberry silk, 2/60 Nm, with a soft lustre "
                    "and smooth hand for 16–18 gauge spring-summer knitwear. 50 kg minimum per colour, "
                    "air freight CIP Paris Charles de Gaulle."
                ),
            },
            "ru": {
                "title": "Пряжа гребенная кашемир/шёлк 2/60 Nm (70/30), крашеная",
                "description": (
                    "Гребенная смесовая пряжа 70 % кашемир / 30 % шёлк тутового шелкопряда, 2/60 Nm: "
                    "мягкий блеск, гладкий гриф — для весенне-летнего трикотажа 16–18 класса. От 50 кг "
                    "на цвет, авиа CIP Париж Шарль-де-Голль."
                ),
            },
            "mn": {
                "title": "Ноолуур, торгоны холимог самнасан утас 2/60 Nm (70/30), будсан",
                "description": (
                    "70 % ноолуур, 30 % ялаамны торгоны самнасан холимог утас 2/60 Nm; зөөлөн гялбаатай, "
                    "гөлгөр мэдрэмжтэй, 16–18 gg хавар-зуны сүлжмэлд. Өнгө тус бүр 50 кг-аас, Парисын "
                    "Шарль де Голль нисэх буудал хүртэл агаараар CIP."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "yarn",
        "hs_code": "5109101100",
        "origin_ordos": True,
        "unit": "kg",
        "moq": "20",
        "order_multiple": "5",
        "incoterm": "CIP",
        "incoterm_place": "London Heathrow Airport",
        "transport_mode": "air",
        "lead_time_days": 20,
        "prices": [
            {"currency": "USD", "min_quantity": "20", "unit_price": "185.00"},
            {"currency": "USD", "min_quantity": "100", "unit_price": "176.00"},
            {"currency": "EUR", "min_quantity": "20", "unit_price": "170.00"},
        ],
        "attributes": {
            "colour": "dyed",
            "certifications": ["good_cashmere_standard"],
            "composition": "100% cashmere",
            "fibre_origin": "Ordos",
            "ply": "3",
            "nm_count": "26",
            "spinning_system": "woollen",
            "put_up": "retail_ball",
        },
        "content": {
            "zh": {
                "title": "100% 羊绒手编纱 3/26 Nm，50 g 零售团纱",
                "description": (
                    "三股 3/26 Nm 粗纺羊绒手编纱，50 g 团纱带吊牌（零售包装），24 个时尚色，GCS 认证。20 "
                    "kg 起订，空运伦敦希思罗机场 CIP，适合手工编织专卖店和电商。"
                ),
            },
            "en": {
                "title": "100 % cashmere hand-knitting yarn 3/26 Nm in 50 g retail balls",
                "description": (
                    "Three-ply 3/26 Nm woollen-spun cashmere for hand knitting, 50 g balls with ball "
                    "bands for retail sale, 24 fashion shades, Good Cashmere Standard certified. From 20 "
                    "kg, air freight CIP London Heathrow, for yarn shops and e-commerce."
                ),
            },
            "ru": {
                "title": "Пряжа для ручного вязания 100 % кашемир 3/26 Nm, клубки по 50 г",
                "description": (
                    "Трёхниточная аппаратная кашемировая пряжа 3/26 Nm для ручного вязания, клубки 50 г "
                    "с бандеролью (розничная упаковка), 24 модных цвета, сертификат Good Cashmere "
                    "Standard. От 20 кг, авиа CIP Лондон Хитроу — для магазинов пряжи и "
                    "интернет-торговли."
                ),
            },
            "mn": {
                "title": "100 % ноолуурын гар сүлжмэлийн утас 3/26 Nm, 50 г-ын жижиглэнгийн ороодос",
                "description": (
                    "Гурван давхар 3/26 Nm ноосон ээрмэл ноолуурын гар сүлжмэлийн утас, шошготой 50 г-ын "
                    "ороодос (жижиглэнгийн савлагаа), 24 өнгө, GCS гэрчилгээтэй. 20 кг-аас, Лондон "
                    "Хитроу хүртэл агаараар CIP; утасны дэлгүүр, цахим худалдаанд."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "knitwear",
        "hs_code": "611012",
        "origin_ordos": True,
        "unit": "pcs",
        "moq": "100",
        "order_multiple": "50",
        "incoterm": "CIP",
        "incoterm_place": "Milan Malpensa Airport",
        "transport_mode": "air",
        "lead_time_days": 45,
        "prices": [
            {"currency": "USD", "min_quantity": "100", "unit_price": "86.00"},
            {"currency": "USD", "min_quantity": "500", "unit_price": "79.00"},
            {"currency": "EUR", "min_quantity": "100", "unit_price": "79.50"},
        ],
        "attributes": {
            "colour": "dyed",
            "certifications": ["sfa_bronze"],
            "composition": "100% cashmere",
            "fibre_origin": "Ordos",
            "gauge": "12gg",
            "garment_type": "sweater",
            "gender": "men",
            "weight_g": "280",
            "size_range": "S–XXL",
        },
        "content": {
            "zh": {
                "title": "男式 100% 羊绒圆领套衫 12 针，2/26 Nm",
                "description": (
                    "12 针 2/26 Nm 纯羊绒男式圆领套衫，约 280 g/件，全成型罗纹领口，S–XXL，8 个经典色。"
                    "可贴牌（OEM），每款每色 100 件起订，空运米兰 CIP。"
                ),
            },
            "en": {
                "title": "Men's 100 % cashmere crew-neck sweater, 12 gauge, 2/26 Nm",
                "description": (
                    "Men's crew-neck in pure cashmere, 12 gauge 2/26 Nm, about 280 g per piece, fully "
                    "fashioned rib collar, sizes S–XXL, eight classic colours. OEM labelling available, "
                    "100 pieces per style and colour, CIP Milan Malpensa by air."
                ),
            },
            "ru": {
                "title": "Мужской джемпер 100 % кашемир, круглый вырез, 12 класс, 2/26 Nm",
                "description": (
                    "Мужской джемпер из чистого кашемира с круглым вырезом, 12 класс, пряжа 2/26 Nm, "
                    "около 280 г, фасонированная резинка горловины, размеры S–XXL, восемь классических "
                    "цветов. Возможен OEM, от 100 шт. на модель и цвет, авиа CIP Милан Мальпенса."
                ),
            },
            "mn": {
                "title": "Эрэгтэй 100 % ноолууран дугуй захтай цамц, 12 gg, 2/26 Nm",
                "description": (
                    "Цэвэр ноолууран эрэгтэй дугуй захтай цамц, 12 gg, 2/26 Nm утас, ≈ 280 г, "
                    "хэлбэржүүлсэн зах, S–XXL хэмжээ, 8 сонгодог өнгө. OEM шошго хийнэ, загвар, өнгө тус "
                    "бүр 100 ширхэгээс, Милан Мальпенса хүртэл агаараар CIP."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "knitwear",
        "hs_code": "611012",
        "origin_ordos": True,
        "unit": "pcs",
        "moq": "100",
        "order_multiple": "50",
        "incoterm": "CPT",
        "incoterm_place": "Vorsino terminal (near Moscow)",
        "transport_mode": "rail",
        "lead_time_days": 50,
        "prices": [
            {"currency": "USD", "min_quantity": "100", "unit_price": "98.00"},
            {"currency": "USD", "min_quantity": "500", "unit_price": "91.00"},
        ],
        "attributes": {
            "colour": "dyed",
            "certifications": ["oeko_tex_100"],
            "composition": "100% cashmere",
            "fibre_origin": "Ordos",
            "gauge": "14gg",
            "garment_type": "cardigan",
            "gender": "women",
            "weight_g": "230",
            "size_range": "XS–XL",
        },
        "content": {
            "zh": {
                "title": "女式 100% 羊绒 V 领开衫 14 针精纺",
                "description": (
                    "14 针 2/48 Nm 精纺纯羊绒女式 V 领开衫，约 230 g/件，贝母扣，XS–XL。OEKO-TEX® 100 "
                    "认证，中欧班列运至莫斯科附近的沃尔西诺站 CPT，含俄文成分标签及 EAC "
                    "合格声明所需资料。"
                ),
            },
            "en": {
                "title": "Women's 100 % cashmere V-neck cardigan, 14 gauge worsted",
                "description": (
                    "Women's V-neck cardigan in pure worsted cashmere, 14 gauge 2/48 Nm, about 230 g, "
                    "mother-of-pearl buttons, XS–XL. OEKO-TEX® 100; China–Europe train, CPT Vorsino "
                    "terminal near Moscow, Russian composition labels and the documents for an EAC "
                    "declaration of conformity included."
                ),
            },
            "ru": {
                "title": "Женский кардиган 100 % кашемир с V-вырезом, 14 класс, гребенная пряжа",
                "description": (
                    "Женский кардиган с V-вырезом из чистого кашемира, 14 класс, гребенная пряжа 2/48 "
                    "Nm, около 230 г, перламутровые пуговицы, XS–XL. OEKO-TEX® 100; поездом "
                    "Китай–Европа, CPT терминал Ворсино под Москвой, маркировка состава на русском и "
                    "документы для декларации о соответствии ЕАЭС."
                ),
            },
            "mn": {
                "title": "Эмэгтэй 100 % ноолууран V захтай кардиган, 14 gg, самнасан утсаар",
                "description": (
                    "Цэвэр ноолууран эмэгтэй V захтай кардиган, 14 gg, 2/48 Nm самнасан утас, ≈ 230 г, "
                    "сувдан товчтой, XS–XL. OEKO-TEX® 100; Хятад–Европын галт тэргээр Москвагийн "
                    "ойролцоох Ворсино терминал хүртэл CPT, орос хэлний найрлагын шошго, ЕАЭЗХ-ны "
                    "тохирлын мэдүүлгийн баримттай."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "knitwear",
        "hs_code": "611012",
        "origin_ordos": True,
        "unit": "pcs",
        "moq": "50",
        "order_multiple": "25",
        "incoterm": "CIP",
        "incoterm_place": "Paris Charles de Gaulle Airport",
        "transport_mode": "air",
        "lead_time_days": 50,
        "prices": [
            {"currency": "USD", "min_quantity": "50", "unit_price": "168.00"},
            {"currency": "EUR", "min_quantity": "50", "unit_price": "155.00"},
        ],
        "attributes": {
            "colour": "white",
            "certifications": ["sfa_silver"],
            "composition": "100% cashmere",
            "fibre_origin": "Otog Banner, Ordos",
            "gauge": "5gg",
            "garment_type": "sweater",
            "gender": "unisex",
            "weight_g": "520",
            "size_range": "XS–XL",
        },
        "content": {
            "zh": {
                "title": "5 针粗针绞花纯羊绒套衫，本白无染",
                "description": (
                    "5 针 2/26 Nm×4 合股粗针绞花套衫，约 520 g/件，本白色阿尔巴斯羊绒不经染色，SFA "
                    "银级可追溯。每款 50 件起订，空运巴黎 CIP。"
                ),
            },
            "en": {
                "title": "5-gauge chunky cable-knit cashmere sweater, undyed ecru",
                "description": (
                    "Chunky 5-gauge cable sweater knitted with four ends of 2/26 Nm, about 520 g, in "
                    "undyed ecru Arbas cashmere, SFA silver traceable. 50 pieces per style, air freight "
                    "CIP Paris."
                ),
            },
            "ru": {
                "title": "Объёмный джемпер с косами из кашемира, 5 класс, неокрашенный экрю",
                "description": (
                    "Объёмный джемпер с косами 5 класса, вязка в четыре сложения 2/26 Nm, около 520 г, "
                    "из неокрашенного кашемира арбасских коз цвета экрю, прослеживаемость SFA (серебро). "
                    "От 50 шт. на модель, авиа CIP Париж."
                ),
            },
            "mn": {
                "title": "5 gg бүдүүн сүлжээт гоёлын хээтэй ноолууран цамц, будаагүй",
                "description": (
                    "5 gg бүдүүн сүлжээт гоёлын хээтэй цамц, 2/26 Nm утсыг 4 давхарлан сүлжсэн, ≈ 520 г, "
                    "Арбасын ноолуурын байгалийн цайвар өнгөөр, SFA мөнгө мөшгөлттэй. Загвар тус бүр 50 "
                    "ширхэгээс, Парис хүртэл агаараар CIP."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "knitwear",
        "hs_code": "610441",
        "origin_ordos": True,
        "unit": "pcs",
        "moq": "50",
        "order_multiple": "25",
        "incoterm": "CIP",
        "incoterm_place": "Milan Malpensa Airport",
        "transport_mode": "air",
        "lead_time_days": 55,
        "prices": [
            {"currency": "USD", "min_quantity": "50", "unit_price": "165.00"},
            {"currency": "EUR", "min_quantity": "50", "unit_price": "152.00"},
        ],
        "attributes": {
            "colour": "dyed",
            "certifications": ["oeko_tex_100"],
            "composition": "90% cashmere, 10% silk",
            "fibre_origin": "Ordos",
            "gauge": "14gg",
            "garment_type": "dress",
            "gender": "women",
            "weight_g": "360",
            "size_range": "XS–L",
        },
        "content": {
            "zh": {
                "title": "女式羊绒真丝针织连衣裙 14 针（90/10）",
                "description": (
                    "90% 羊绒 / 10% 桑蚕丝 14 针针织连衣裙，约 360 g/件，修身 A 字廓形，XS–L，6 "
                    "个季节色。每款每色 50 件起订，空运米兰 CIP。"
                ),
            },
            "en": {
                "title": "Women's cashmere-silk knitted dress, 14 gauge (90/10)",
                "description": (
                    "Knitted dress in 90 % cashmere and 10 % mulberry silk, 14 gauge, about 360 g, "
                    "fitted A-line shape, XS–L, six seasonal colours. 50 pieces per style and colour, "
                    "air freight CIP Milan Malpensa."
                ),
            },
            "ru": {
                "title": "Женское вязаное платье кашемир/шёлк, 14 класс (90/10)",
                "description": (
                    "Вязаное платье из 90 % кашемира и 10 % шёлка, 14 класс, около 360 г, приталенный "
                    "А-силуэт, XS–L, шесть сезонных цветов. От 50 шт. на модель и цвет, авиа CIP Милан "
                    "Мальпенса."
                ),
            },
            "mn": {
                "title": "Эмэгтэй ноолуур, торгон сүлжмэл даашинз, 14 gg (90/10)",
                "description": (
                    "90 % ноолуур, 10 % ялаамны торгон сүлжмэл даашинз, 14 gg, ≈ 360 г, бэлхүүс тодорсон "
                    "A хэлбэр, XS–L, улирлын 6 өнгө. Загвар, өнгө тус бүр 50 ширхэгээс, Милан Мальпенса "
                    "хүртэл агаараар CIP."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "knitwear",
        "hs_code": "6117101100",
        "origin_ordos": True,
        "unit": "pcs",
        "moq": "200",
        "order_multiple": "100",
        "incoterm": "FCA",
        "incoterm_place": "Ordos Ejin Horo Airport",
        "transport_mode": "air",
        "lead_time_days": 30,
        "prices": [
            {"currency": "USD", "min_quantity": "200", "unit_price": "38.00"},
            {"currency": "USD", "min_quantity": "1000", "unit_price": "34.50"},
            {"currency": "CNY", "min_quantity": "200", "unit_price": "270.00"},
        ],
        "attributes": {
            "colour": "dyed",
            "certifications": ["sfa_bronze"],
            "composition": "100% cashmere",
            "fibre_origin": "Ordos",
            "gauge": "12gg",
            "garment_type": "scarf",
            "gender": "unisex",
            "weight_g": "150",
            "size_range": "180 × 30 cm",
        },
        "content": {
            "zh": {
                "title": "100% 羊绒针织围巾 180×30 cm，12 针",
                "description": (
                    "12 针纯羊绒罗纹针织围巾，180×30 cm，约 150 g，两端流苏，20 色可选。200 条起订，"
                    "鄂尔多斯机场 FCA，适合礼品和机场免税渠道。"
                ),
            },
            "en": {
                "title": "100 % cashmere knitted scarf 180 × 30 cm, 12 gauge",
                "description": (
                    "Pure cashmere rib-knit scarf, 12 gauge, 180 × 30 cm, about 150 g, fringed ends, 20 "
                    "colours. From 200 pieces, FCA Ordos Ejin Horo Airport, for gift and airport "
                    "duty-free channels."
                ),
            },
            "ru": {
                "title": "Вязаный шарф 100 % кашемир 180 × 30 см, 12 класс",
                "description": (
                    "Шарф из чистого кашемира резинкой 12 класса, 180 × 30 см, около 150 г, с бахромой, "
                    "20 цветов. От 200 шт., FCA аэропорт Ордос Эджин-Хоро — для подарочного рынка и "
                    "магазинов дьюти-фри."
                ),
            },
            "mn": {
                "title": "100 % ноолууран сүлжмэл ороолт 180 × 30 см, 12 gg",
                "description": (
                    "Цэвэр ноолууран 12 gg сүлжмэл ороолт, 180 × 30 см, ≈ 150 г, хоёр үзүүртээ цацагтай, "
                    "20 өнгө. 200 ширхэгээс, Ордосын Эжин Хоро нисэх буудалд FCA; бэлэг дурсгал, нисэх "
                    "буудлын татваргүй дэлгүүрт."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "knitwear",
        "hs_code": "650500",
        "origin_ordos": True,
        "unit": "pcs",
        "moq": "200",
        "order_multiple": "100",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 30,
        "prices": [
            {"currency": "USD", "min_quantity": "200", "unit_price": "26.00"},
            {"currency": "USD", "min_quantity": "1000", "unit_price": "23.50"},
        ],
        "attributes": {
            "colour": "dyed",
            "certifications": ["none"],
            "composition": "100% cashmere",
            "fibre_origin": "Ordos",
            "gauge": "7gg",
            "garment_type": "hat",
            "gender": "unisex",
            "weight_g": "80",
            "size_range": "One size",
        },
        "content": {
            "zh": {
                "title": "100% 羊绒罗纹针织帽 7 针，均码",
                "description": (
                    "7 针纯羊绒双层罗纹翻边帽，约 80 g，均码，12 色。200 顶起订，二连浩特 FCA，"
                    "适合蒙古国和俄罗斯冬季零售。"
                ),
            },
            "en": {
                "title": "100 % cashmere rib-knit beanie, 7 gauge, one size",
                "description": (
                    "Pure cashmere double-layer rib beanie with turn-up, 7 gauge, about 80 g, one size, "
                    "12 colours. From 200 pieces, FCA Erenhot, for winter retail in Mongolia and Russia."
                ),
            },
            "ru": {
                "title": "Шапка бини из 100 % кашемира, резинка, 7 класс, безразмерная",
                "description": (
                    "Двухслойная шапка с отворотом из чистого кашемира, резинка 7 класса, около 80 г, "
                    "единый размер, 12 цветов. От 200 шт., FCA Эрлянь — для зимней розницы в Монголии и "
                    "России."
                ),
            },
            "mn": {
                "title": "100 % ноолууран сүлжмэл малгай, 7 gg, нэг хэмжээтэй",
                "description": (
                    "Цэвэр ноолууран хоёр давхар, эргүүлгэтэй сүлжмэл малгай, 7 gg, ≈ 80 г, нэг "
                    "хэмжээтэй, 12 өнгө. 200 ширхэгээс, Эрээн FCA; Монгол, Оросын өвлийн жижиглэн "
                    "худалдаанд."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "knitwear",
        "hs_code": "611691",
        "origin_ordos": True,
        "unit": "pcs",
        "moq": "200",
        "order_multiple": "100",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 30,
        "prices": [
            {"currency": "USD", "min_quantity": "200", "unit_price": "21.00"},
            {"currency": "USD", "min_quantity": "1000", "unit_price": "19.00"},
        ],
        "attributes": {
            "colour": "dyed",
            "certifications": ["none"],
            "composition": "100% cashmere",
            "fibre_origin": "Ordos",
            "gauge": "12gg",
            "garment_type": "gloves",
            "gender": "unisex",
            "weight_g": "60",
            "size_range": "S/M, L/XL",
        },
        "content": {
            "zh": {
                "title": "100% 羊绒针织手套 12 针，触屏指尖",
                "description": (
                    "12 针纯羊绒针织手套，约 60 g/副，拇指和食指指尖织入导电纱可触屏，S/M、L/XL "
                    "两个尺码。200 副起订，二连浩特 FCA。"
                ),
            },
            "en": {
                "title": "100 % cashmere knitted gloves, 12 gauge, touchscreen tips",
                "description": (
                    "Pure cashmere knitted gloves, 12 gauge, about 60 g per pair, with conductive yarn "
                    "knitted into thumb and index tips for touchscreens; sizes S/M and L/XL. From 200 "
                    "pairs, FCA Erenhot."
                ),
            },
            "ru": {
                "title": "Вязаные перчатки 100 % кашемир, 12 класс, для сенсорных экранов",
                "description": (
                    "Перчатки из чистого кашемира 12 класса, около 60 г на пару, в кончики большого и "
                    "указательного пальцев ввязана токопроводящая нить для сенсорных экранов; размеры "
                    "S/M и L/XL. От 200 пар, FCA Эрлянь."
                ),
            },
            "mn": {
                "title": "100 % ноолууран сүлжмэл бээлий, 12 gg, мэдрэгч дэлгэцэнд",
                "description": (
                    "Цэвэр ноолууран 12 gg сүлжмэл бээлий, хос нь ≈ 60 г; эрхий, долоовор хурууны үзүүрт "
                    "цахилгаан дамжуулах утас шигтгэсэн тул утасны дэлгэцэнд ажиллана; S/M, L/XL хэмжээ. "
                    "200 хосоос, Эрээн FCA."
                ),
            },
        },
    },
    {
        "seller": "trade@erdos-cashmere.example",
        "category": "knitwear",
        "hs_code": "611012",
        "origin_ordos": True,
        "unit": "pcs",
        "moq": "100",
        "order_multiple": "50",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 40,
        "prices": [
            {"currency": "USD", "min_quantity": "100", "unit_price": "62.00"},
            {"currency": "USD", "min_quantity": "500", "unit_price": "57.00"},
            {"currency": "CNY", "min_quantity": "100", "unit_price": "440.00"},
        ],
        "attributes": {
            "colour": "dyed",
            "certifications": ["oeko_tex_100"],
            "composition": "100% cashmere",
            "fibre_origin": "Ordos",
            "gauge": "12gg",
            "garment_type": "sweater",
            "gender": "kids",
            "weight_g": "160",
            "size_range": "110–150 cm",
        },
        "content": {
            "zh": {
                "title": "儿童 100% 羊绒套衫 12 针，提花图案",
                "description": (
                    "12 针纯羊绒儿童提花套衫，约 160 g/件，身高 110–150 cm 五个尺码，OEKO-TEX® 100 "
                    "婴幼儿及儿童用品安全认证。100 件起订，二连浩特 FCA。"
                ),
            },
            "en": {
                "title": "Children's 100 % cashmere jacquard sweater, 12 gauge",
                "description": (
                    "Children's jacquard pullover in pure cashmere, 12 gauge, about 160 g, five sizes "
                    "for heights 110–150 cm, OEKO-TEX® 100 certified. From 100 pieces, FCA Erenhot."
                ),
            },
            "ru": {
                "title": "Детский жаккардовый джемпер 100 % кашемир, 12 класс",
                "description": (
                    "Детский жаккардовый джемпер из чистого кашемира, 12 класс, около 160 г, пять "
                    "размеров на рост 110–150 см, сертификат OEKO-TEX® 100. От 100 шт., FCA Эрлянь."
                ),
            },
            "mn": {
                "title": "Хүүхдийн 100 % ноолууран хээтэй цамц, 12 gg",
                "description": (
                    "Цэвэр ноолууран хүүхдийн жаккард хээтэй цамц, 12 gg, ≈ 160 г, 110–150 см өндөрт "
                    "зориулсан 5 хэмжээ, OEKO-TEX® 100 гэрчилгээтэй. 100 ширхэгээс, Эрээн FCA."
                ),
            },
        },
    },
]
