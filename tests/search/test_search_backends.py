"""Every search backend (Whoosh, and PostgreSQL when the suite runs on it) passes the same tests:
relevance across zh/en/ru/mn and identifiers, filters, facets, sorting, pagination, snippets, updates
and removal, "did you mean" and hostile queries.

Documents come from real catalog listings (factories + `document_for`) and from plain
`SearchDocument`s; each Whoosh index lives in a temp folder, each PostgreSQL index in its own tables."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from factories import SEARCH_T0 as T0
from factories import make_listing, seed_catalog, verified_seller
from factories import search_doc as doc

from marketplace.catalog.schema import category_path
from marketplace.extensions import db
from marketplace.search import analysis
from marketplace.search.interface import SearchBackend, SearchDocument, SearchQuery, document_for
from marketplace.search.postgres_backend import PostgresBackend
from marketplace.search.whoosh_backend import WhooshBackend

BACKENDS = ["whoosh", pytest.param("postgresql", marks=pytest.mark.postgres_only)]


@pytest.fixture(scope="module", params=BACKENDS)
def make_backend(request, app, tmp_path_factory):
    """A function making a new, empty backend of the kind under test (named for its test)."""
    made = []

    def make(name: str):
        if request.param == "whoosh":
            backend = WhooshBackend(tmp_path_factory.mktemp(name) / "index")
        else:
            with app.app_context():
                engine = db.engine
            backend = PostgresBackend(engine, f"search_test_{name}")
            backend.clear()
        made.append(backend)
        return backend

    yield make
    for backend in made:
        backend.close()
        if isinstance(backend, PostgresBackend):
            backend.discard()


@pytest.fixture(scope="module", autouse=True)
def _jieba(tmp_path_factory):
    analysis.init_jieba(tmp_path_factory.getbasetemp() / "jieba")


# -- the relevance corpus: eight real catalog listings and a dozen plain documents ----------------


def _real_listings() -> dict[str, object]:
    """Published listings through the real services (content, attributes and identifiers validated)."""
    seed_catalog()
    owner, company = verified_seller()
    chem = dict(unit="t", moq="25", order_multiple="25")
    out = {"pp": make_listing(owner, company, "pp", publish=True)}  # 聚丙烯 T30S, CAS 9003-07-0, HS 3902.10
    out["pe"] = make_listing(
        owner,
        company,
        "pe",
        publish=True,
        hs_code="390120",
        attributes={"cas_numbers": "9002-88-4", "pe_type": "hdpe", "grade": "DMDA-8008"},
        content={
            "ru": {
                "title": "Полиэтилен низкого давления DMDA-8008",
                "description": "Поставки ПЭНД для литья под давлением со склада в Эрэн-Хото.",
            },
            "en": {"title": "HDPE injection grade DMDA-8008", "description": "High-density PE, coal-based."},
        },
        prices=[{"currency": "USD", "min_quantity": "25", "unit_price": "1150.00"}],
        **chem,
    )
    out["methanol"] = make_listing(
        owner,
        company,
        "methanol",
        publish=True,
        hs_code="2905110000",
        attributes={
            "cas_numbers": "67-56-1",
            "methanol_spec": "gb338_superior",
            "un_number": "UN1230",
            "hazard_class": "3",
            "packing_group": "II",
        },
        content={
            "zh": {"title": "甲醇 优等品 GB 338", "description": "煤制甲醇，槽车运输，二连浩特交货。"},
            "en": {
                "title": "Methanol, superior grade",
                "description": "Coal-based methanol by rail tank car.",
            },
        },
        prices=[{"currency": "USD", "min_quantity": "25", "unit_price": "310.00"}],
        **chem,
    )
    out["pvc"] = make_listing(
        owner,
        company,
        "pvc",
        publish=True,
        hs_code="390410",
        attributes={
            "cas_numbers": "9002-86-2",
            "sg_grade": "SG5",
            "pvc_process": "suspension",
            "pvc_feedstock": "carbide",
        },
        content={
            "zh": {"title": "聚氯乙烯树脂 SG-5 电石法", "description": "悬浮法，25公斤袋装。"},
            "en": {
                "title": "PVC resin SG-5, carbide process",
                "description": "Suspension PVC in 25 kg bags.",
            },
        },
        prices=[{"currency": "USD", "min_quantity": "25", "unit_price": "720.00"}],
        **chem,
    )
    out["caustic"] = make_listing(
        owner,
        company,
        "caustic-soda",
        publish=True,
        hs_code="281511",
        attributes={
            "cas_numbers": "1310-73-2",
            "form": "flakes",
            "naoh_content": "99",
            "un_number": "UN1823",
        },
        content={
            "ru": {
                "title": "Сода каустическая чешуированная 99%",
                "description": "Гидроксид натрия в мешках по 25 кг.",
            },
            "en": {"title": "Caustic soda flakes 99%", "description": "Sodium hydroxide in 25 kg bags."},
        },
        prices=[{"currency": "USD", "min_quantity": "25", "unit_price": "420.00"}],
        **chem,
    )
    out["bev"] = make_listing(
        owner,
        company,
        "bev",
        publish=True,
        hs_code="8703801090",
        unit="vehicle",
        moq="1",
        order_multiple="1",
        attributes={
            "make": "BYD",
            "model": "Seagull",
            "condition": "new",
            "drive_side": "lhd",
            "propulsion": "bev",
            "vin": "LGXCE4CB0P0000001",
        },
        content={
            "en": {"title": "BYD Seagull electric hatchback", "description": "New, left-hand drive, 305 km."},
            "ru": {
                "title": "Электромобиль BYD Seagull",
                "description": "Новый, левый руль, запас хода 305 км.",
            },
            "mn": {"title": "BYD Seagull цахилгаан автомашин", "description": "Шинэ, зүүн жолоотой."},
        },
        prices=[{"currency": "USD", "min_quantity": "1", "unit_price": "18500"}],
    )
    out["knitwear"] = make_listing(
        owner,
        company,
        "knitwear",
        publish=True,
        hs_code="611012",
        unit="pcs",
        moq="50",
        order_multiple="50",
        attributes={
            "composition": "100% cashmere",
            "gauge": "12gg",
            "garment_type": "sweater",
            "colour": "white",
            "gender": "women",
        },
        content={
            "zh": {"title": "女式山羊绒羊绒衫 V领", "description": "鄂尔多斯产100%山羊绒，12针。"},
            "en": {
                "title": "Women's cashmere sweater, V-neck",
                "description": "100% Ordos cashmere, 12 gauge.",
            },
            "mn": {"title": "Эмэгтэй ноолууран цамц", "description": "Ордосын цэвэр ноолуур, 12 гейж."},
        },
        prices=[{"currency": "USD", "min_quantity": "50", "unit_price": "85.00"}],
    )
    out["yarn"] = make_listing(
        owner,
        company,
        "yarn",
        publish=True,
        hs_code="510810",
        unit="kg",
        moq="100",
        order_multiple="50",
        attributes={
            "composition": "100% cashmere",
            "ply": "2",
            "nm_count": "26",
            "spinning_system": "worsted",
        },
        content={
            "ru": {
                "title": "Кашемировая пряжа 2/26Nm, камвольная",
                "description": "Поставка пряжи в бобинах.",
            },
            "en": {"title": "Worsted cashmere yarn 2/26Nm"},
        },
        prices=[{"currency": "USD", "min_quantity": "100", "unit_price": "120.00"}],
    )
    return out


PLAIN = {
    "cable": doc(
        10001,
        titles={"ru": "Кабели силовые медные ВВГнг 3x2,5", "zh": "铜芯电力电缆 3x2.5"},
        descriptions={"ru": "Комплектация кабелем любой длины, поставки со склада в Ордосе."},
    ),
    "trader": doc(
        10002, titles={"ru": "Поставка метанола цистернами"}, descriptions={"ru": "Железнодорожные цистерны."}
    ),
    "coal": doc(
        10003,
        titles={
            "zh": "鄂尔多斯动力煤 5500大卡",
            "en": "Ordos thermal coal 5500 kcal",
            "ru": "Энергетический уголь 5500 ккал",
        },
        identifiers=["2701120000"],
    ),
    "camel": doc(
        10004, vertical="cashmere", titles={"mn": "Тэмээний үс, самнасан", "en": "Camel hair, combed"}
    ),
    "water": doc(10005, titles={"mn": "Ундны цэвэр ус", "en": "Drinking water"}),
    "dump_truck": doc(
        10006,
        vertical="vehicles",
        titles={
            "mn": "Уурхайн өөрөө буулгагч NTE240",
            "ru": "Карьерный самосвал NTE240",
            "en": "Mining dump truck NTE240, 240 t",
        },
        descriptions={"mn": "Ёроолын хавтан бэхжүүлсэн, 240 тонн даацтай."},
        identifiers=["NTE240", "8704100000"],
    ),
    "fibre": doc(
        10007,
        vertical="cashmere",
        titles={"zh": "白色无毛绒 15.5微米", "en": "Dehaired white cashmere fibre, 15.5 micron"},
    ),
    "toluene": doc(
        10008,
        titles={"en": "Toluene 99.9%", "zh": "甲苯 99.9%", "ru": "Толуол нефтяной"},
        identifiers=["108-88-3", "UN1294"],
    ),
    "bags": doc(
        10009, titles={"en": "Woven polypropylene bags, 25 kg"}, descriptions={"en": "Bags for resin."}
    ),
    "merino": doc(10010, vertical="cashmere", titles={"en": "Men's merino wool sweaters"}),
    "lithium": doc(
        10011,
        vertical="vehicles",
        titles={"en": "LFP battery cells EVE LF280K 280Ah", "zh": "磷酸铁锂电芯 LF280K"},
    ),
}


@pytest.fixture(scope="module")
def corpus(app, make_backend):
    """(backend, {name: listing id}): the real listings' documents and the plain ones, indexed."""
    with app.app_context(), app.test_request_context("/en/"):
        listings = _real_listings()
        db.session.commit()
        docs = {
            name: document_for(x, x.live_version, category_path(x.category), x.seller)
            for name, x in listings.items()
        }
        db.session.remove()
    docs.update(PLAIN)
    backend = make_backend("relevance")
    names = list(docs)
    backend.index(docs[n] for n in names[:10])  # two commits: two segments, like a live index
    backend.index(docs[n] for n in names[10:])
    yield backend, {name: d.listing_id for name, d in docs.items()}, docs
    backend.close()


RELEVANCE = [
    # Chinese, including 2-character words
    ("zh", "羊绒", "knitwear"),
    ("zh", "电缆", "cable"),
    ("zh", "甲醇", "methanol"),
    ("zh", "羊绒衫", "knitwear"),
    ("zh", "无毛绒", "fibre"),
    ("zh", "动力煤", "coal"),
    ("zh", "鄂尔多斯 动力煤", "coal"),
    ("zh", "聚丙烯", "pp"),
    ("zh", "聚氯乙烯", "pvc"),
    ("zh", "电石法", "pvc"),
    ("zh", "甲苯", "toluene"),
    ("zh", "铜芯电缆", "cable"),
    ("zh", "纱线", "yarn"),
    ("en", "磷酸铁锂", "lithium"),  # Chinese typed on the English page
    # English
    ("en", "polypropylene", "pp"),
    ("en", "polypropylene bags", "bags"),
    ("en", "merino sweater", "merino"),
    ("en", "methanol", "methanol"),
    ("en", "electric hatchback", "bev"),
    ("en", "caustic soda flakes", "caustic"),
    ("en", "worsted yarn", "yarn"),
    ("en", "dump trucks", "dump_truck"),
    ("en", "thermal coal", "coal"),
    ("en", "battery cell", "lithium"),
    ("en", "raffia", "pp"),
    ("en", "homopolymer", "pp"),
    ("en", "BYD", "bev"),
    # Russian, inflected forms
    ("ru", "полипропилена", "pp"),  # only in the category name: the listing has no Russian text
    ("ru", "поставки", "trader"),
    ("ru", "кабелем", "cable"),
    ("ru", "кабель", "cable"),
    ("ru", "каустической соды", "caustic"),
    ("ru", "пряжи", "yarn"),
    ("ru", "самосвалы", "dump_truck"),
    ("ru", "электромобили", "bev"),
    ("ru", "толуола", "toluene"),
    ("ru", "уголь энергетический", "coal"),
    # Mongolian: case, ё/е, Ө/Ү distinct, endings
    ("mn", "ноолууран цамц", "knitwear"),
    ("mn", "ЦАМЦ", "knitwear"),
    ("mn", "үс", "camel"),
    ("mn", "ус", "water"),
    ("mn", "ЁРООЛ", "dump_truck"),
    ("mn", "ероолын", "dump_truck"),
    ("mn", "тэмээний", "camel"),
    ("mn", "цахилгаан автомашин", "bev"),
    # identifiers
    ("en", "9003-07-0", "pp"),
    ("en", "9003070", "pp"),
    ("en", "67-56-1", "methanol"),
    ("en", "3902", "pp"),
    ("ru", "3902.10", "pp"),
    ("en", "2905", "methanol"),
    ("en", "LGXCE4CB0P0000001", "bev"),
    ("mn", "lgxce4cb0p0000001", "bev"),
    ("en", "T30S", "pp"),
    ("zh", "t30s", "pp"),
    ("en", "SG-5", "pvc"),
    ("zh", "sg5", "pvc"),
    ("en", "UN1230", "methanol"),
    ("ru", "NTE240", "dump_truck"),
    ("en", "DMDA8008", "pe"),
    ("en", "1310-73-2", "caustic"),
    ("en", "lf-280k", "lithium"),
]


@pytest.mark.parametrize("lang, text, expected", RELEVANCE, ids=[f"{r[0]}:{r[1]}" for r in RELEVANCE])
def test_relevance(corpus, lang, text, expected):
    backend, ids, _ = corpus
    result = backend.search(SearchQuery(text=text, lang=lang))
    names = {v: k for k, v in ids.items()}
    assert result.hits, f"{text!r} found nothing"
    assert names[result.hits[0].listing_id] == expected, [names[h.listing_id] for h in result.hits]


def test_relevance_table_covers_the_languages_and_identifiers():
    assert len(RELEVANCE) >= 40
    assert {r[0] for r in RELEVANCE} == {"zh", "en", "ru", "mn"}


def test_mongolian_letters_stay_distinct(corpus):
    backend, ids, _ = corpus
    assert ids["camel"] not in [h.listing_id for h in backend.search(SearchQuery(text="ус")).hits]
    assert ids["water"] not in [h.listing_id for h in backend.search(SearchQuery(text="үс")).hits]


def test_every_word_must_match_unless_none_does(corpus):
    backend, ids, _ = corpus
    both = backend.search(SearchQuery(text="cashmere sweater"))
    assert [h.listing_id for h in both.hits] == [ids["knitwear"]] and not both.relaxed
    loose = backend.search(SearchQuery(text="cashmere zeppelin"))
    assert loose.relaxed and ids["knitwear"] in [h.listing_id for h in loose.hits]


def test_misspelling_suggests_a_correction(corpus):
    backend, _, _ = corpus
    result = backend.search(SearchQuery(text="polypropilene"))
    assert result.total == 0 and result.suggestion == "polypropylene"
    assert backend.search(SearchQuery(text="ноолуурн цамц", lang="mn")).suggestion in (
        "ноолууран цамц",
        "ноолуур цамц",
    )
    assert backend.search(SearchQuery(text="xqzzvv")).suggestion is None


@pytest.mark.parametrize(
    "text",
    [
        "!!!",
        '"polypropylene',
        "AND OR NOT (",
        "((( [[ {{",
        "*:*",
        "title_en:pp^3 ~2",
        "\x00\x01",
        "‮",
        "😀" * 50,
    ],
)
def test_hostile_queries_are_plain_words(corpus, text):
    backend, _, _ = corpus
    result = backend.search(SearchQuery(text=text, facets=["vertical"]))
    assert result.total >= 0


def test_a_very_long_query_is_cut(corpus):
    backend, _, _ = corpus
    assert backend.search(SearchQuery(text="полипропилен " * 2000)).total >= 1


# -- documents from the catalog --------------------------------------------------------------------


def test_document_for_a_published_listing(corpus):
    _, _, docs = corpus
    pp = docs["pp"]
    assert pp.vertical == "chemicals" and len(pp.category_path_ids) == 3
    assert pp.titles["zh"].startswith("聚丙烯") and set(pp.titles) == {"zh", "en"}
    assert {"9003-07-0", "3902100090", "T30S"} <= set(pp.identifiers)
    assert pp.key_attribute_values["pp_type"] == ["homopolymer"]
    assert pp.attributes["cas_numbers"] == "9003-07-0"
    assert "Полипропилен" in pp.category_names["ru"]
    assert "Гомополимер" in pp.attribute_texts["ru"] or "омополимер" in pp.attribute_texts["ru"]
    assert pp.price_usd == Decimal("1010.00") and pp.published_at is not None
    bev = docs["bev"]
    assert {"LGXCE4CB0P0000001", "Seagull", "8703801090"} <= set(bev.identifiers)
    assert bev.key_attribute_values["make"] == ["BYD"]
    assert "SG5" in docs["pvc"].identifiers and "UN1230" in docs["methanol"].identifiers


def test_document_for_refuses_a_version_that_is_not_live(ctx):
    seed_catalog()
    owner, company = verified_seller()
    draft = make_listing(owner, company, "pp")
    with pytest.raises(ValueError, match="live version"):
        document_for(draft, draft.working_version, category_path(draft.category), draft.seller)


# -- snippets --------------------------------------------------------------------------------------


def test_snippets_are_in_the_viewers_language_with_marks(corpus):
    backend, ids, _ = corpus
    ru = backend.search(SearchQuery(text="кабели", lang="ru")).hits[0]
    assert ru.snippet_lang == "ru" and "<mark>кабелем</mark>" in ru.snippet_html
    assert ru.title_html.startswith("<mark>Кабели</mark>")
    zh = backend.search(SearchQuery(text="电缆", lang="zh")).hits[0]
    assert zh.snippet_lang == "zh" and "<mark>电缆</mark>" in zh.title_html
    # the English viewer of a listing without English text sees the language that matched
    en = backend.search(SearchQuery(text="кабели", lang="en")).hits[0]
    assert en.snippet_lang == "ru" and "<mark>" in en.snippet_html
    knit = backend.search(SearchQuery(text="cashmere", lang="mn")).hits
    assert {h.snippet_lang for h in knit if h.listing_id == ids["knitwear"]} == {"mn"}


def test_snippets_escape_html(make_backend):
    backend = make_backend("escape")
    backend.index(
        [doc(1, titles={"en": "<script>alert(1)</script> resin"}, descriptions={"en": "a & b <i>resin</i>"})]
    )
    hit = backend.search(SearchQuery(text="resin")).hits[0]
    assert hit.title_html == "&lt;script&gt;alert(1)&lt;/script&gt; <mark>resin</mark>"
    assert hit.snippet_html == "a &amp; b &lt;i&gt;<mark>resin</mark>&lt;/i&gt;"


# -- filters, facets, sorting, pagination over a generated catalogue ------------------------------

VERTICALS = ("chemicals", "vehicles", "cashmere")
CATEGORY_PATHS = {"chemicals": [1, 2, 3], "vehicles": [10, 11], "cashmere": [20, 21, 22]}


def _bulk_docs(n: int = 240) -> list[SearchDocument]:
    rng = random.Random(7)
    docs = []
    for i in range(1, n + 1):
        vertical = VERTICALS[i % 3]
        path = CATEGORY_PATHS[vertical][: 2 + (i % 2)]
        price = None if i % 17 == 0 else Decimal(rng.randint(50, 30000)) + Decimal("0.25")
        colour = "brown" if i % 3 == 0 else ("white", "light_grey")[i % 2]
        docs.append(
            doc(
                i,
                vertical=vertical,
                category_id=path[-1],
                category_path_ids=path,
                seller_id=100 + i % 4,
                origin_ordos=i % 5 != 0,
                incoterm="EXW" if i % 3 == 1 else ("DAP" if i % 4 == 0 else "FCA"),
                price_usd=price,
                published_at=T0 + timedelta(minutes=rng.randint(0, 100_000)),
                titles={"en": f"Bulk lot {i} {'premium' if i % 6 == 0 else 'standard'} goods"},
                attributes={"colour": colour, "application": ["film", "pipe"] if i % 2 else ["film"]},
                key_attribute_values={"colour": [colour]},
                stock_countries=[c for c, every in (("MN", 5), ("RU", 7)) if i % every == 0],
            )
        )
    return docs


@pytest.fixture(scope="module")
def bulk(make_backend):
    backend = make_backend("bulk")
    docs = _bulk_docs()
    backend.index(docs)
    yield backend, {d.listing_id: d for d in docs}
    backend.close()


def _expected(docs, **conditions):
    return {i for i, d in docs.items() if all(check(d) for check in conditions.values())}


def test_filters(bulk):
    backend, docs = bulk

    def ids(**kw):
        result = backend.search(SearchQuery(per_page=100, page=1, **kw))
        found = set()
        page = 1
        while True:
            found |= {h.listing_id for h in result.hits}
            if page * 100 >= result.total:
                break
            page += 1
            result = backend.search(SearchQuery(per_page=100, page=page, **kw))
        assert len(found) == result.total
        return found

    assert ids(vertical="vehicles") == _expected(docs, v=lambda d: d.vertical == "vehicles")
    assert ids(category_ids=[2]) == _expected(docs, c=lambda d: 2 in d.category_path_ids)  # descendants
    assert ids(category_ids=[3, 22]) == _expected(docs, c=lambda d: {3, 22} & set(d.category_path_ids))
    assert ids(origin_ordos=False) == _expected(docs, o=lambda d: not d.origin_ordos)
    assert ids(incoterm="DAP") == _expected(docs, i=lambda d: d.incoterm == "DAP")
    assert ids(seller_id=101) == _expected(docs, s=lambda d: d.seller_id == 101)
    assert ids(stock_country="RU") == _expected(docs, s=lambda d: "RU" in d.stock_countries)
    assert ids(stock_country="kz") == set()
    assert ids(attributes={"colour": "brown"}) == _expected(
        docs, a=lambda d: d.attributes["colour"] == "brown"
    )
    assert ids(attributes={"application": "pipe"}) == _expected(
        docs, a=lambda d: "pipe" in d.attributes["application"]
    )
    assert ids(attributes={"colour": ["brown", "white"]}) == _expected(
        docs, a=lambda d: d.attributes["colour"] in ("brown", "white")
    )
    assert ids(price_min_usd=Decimal(1000), price_max_usd=Decimal("5000.25")) == _expected(
        docs, p=lambda d: d.price_usd is not None and 1000 <= d.price_usd <= Decimal("5000.25")
    )
    assert ids(text="premium", vertical="cashmere", origin_ordos=True) == _expected(
        docs,
        t=lambda d: "premium" in d.titles["en"],
        v=lambda d: d.vertical == "cashmere",
        o=lambda d: d.origin_ordos,
    )


def _counts(values) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return sorted(counts.items(), key=lambda vc: (-vc[1], vc[0]))


def test_facet_counts(bulk):
    backend, docs = bulk
    names = [
        "vertical",
        "category",
        "origin_ordos",
        "incoterm",
        "seller",
        "price",
        "attr:colour",
        "attr:application",
        "stock_country",
    ]
    result = backend.search(SearchQuery(text="premium", facets=names))
    matched = [d for d in docs.values() if "premium" in d.titles["en"]]
    assert result.total == len(matched)
    f = result.facets
    assert f["vertical"] == _counts(d.vertical for d in matched)
    assert f["category"] == _counts(str(c) for d in matched for c in d.category_path_ids)
    assert f["origin_ordos"] == _counts("yes" if d.origin_ordos else "no" for d in matched)
    assert f["incoterm"] == _counts(d.incoterm for d in matched)
    assert f["seller"] == _counts(str(d.seller_id) for d in matched)
    assert f["attr:colour"] == _counts(d.attributes["colour"] for d in matched)
    assert f["attr:application"] == _counts(a for d in matched for a in d.attributes["application"])
    assert f["stock_country"] == _counts(c for d in matched for c in d.stock_countries)
    assert sum(n for _, n in f["price"]) == sum(1 for d in matched if d.price_usd is not None)
    assert [label for label, _ in f["price"]] == sorted(
        (label for label, _ in f["price"]), key=lambda x: int(x.split("-")[0])
    )


def test_a_facet_counts_its_other_values_while_filtered_by_it(bulk):
    backend, docs = bulk
    result = backend.search(
        SearchQuery(vertical="vehicles", origin_ordos=True, facets=["vertical", "origin_ordos"])
    )
    assert result.total == len(
        _expected(docs, v=lambda d: d.vertical == "vehicles", o=lambda d: d.origin_ordos)
    )
    ordos = [d for d in docs.values() if d.origin_ordos]
    assert result.facets["vertical"] == _counts(d.vertical for d in ordos)  # not only "vehicles"
    vehicles = [d for d in docs.values() if d.vertical == "vehicles"]
    assert result.facets["origin_ordos"] == _counts("yes" if d.origin_ordos else "no" for d in vehicles)


def _all_pages(backend, **kw) -> list[int]:
    out, page = [], 1
    while True:
        result = backend.search(SearchQuery(page=page, per_page=25, **kw))
        out.extend(h.listing_id for h in result.hits)
        if not result.hits:
            return out
        page += 1


def test_sorting_and_pagination(bulk):
    backend, docs = bulk
    by_price = _all_pages(backend, sort="price_asc")
    assert len(by_price) == len(set(by_price)) == len(docs)
    priced = [i for i in by_price if docs[i].price_usd is not None]
    assert [docs[i].price_usd for i in priced] == sorted(docs[i].price_usd for i in priced)
    assert all(docs[i].price_usd is None for i in by_price[len(priced) :])  # no price: last
    desc = _all_pages(backend, sort="price_desc")
    assert [docs[i].price_usd for i in desc if docs[i].price_usd is not None] == sorted(
        (d.price_usd for d in docs.values() if d.price_usd is not None), reverse=True
    )
    assert docs[desc[-1]].price_usd is None
    newest = _all_pages(backend, sort="newest")
    assert [docs[i].published_at for i in newest] == sorted(
        (d.published_at for d in docs.values()), reverse=True
    )
    assert _all_pages(backend) == newest  # an empty query sorts by newest


def test_paging_limits(bulk):
    backend, docs = bulk
    last = backend.search(SearchQuery(page=10, per_page=25))
    assert last.total == len(docs) and len(last.hits) == len(docs) - 225
    assert backend.search(SearchQuery(page=11, per_page=25)).hits == []
    assert len(backend.search(SearchQuery(per_page=10_000)).hits) == 100
    assert len(backend.search(SearchQuery(page=-3, per_page=0)).hits) == 1
    assert backend.search(SearchQuery(sort="bogus")).total == len(docs)


def test_relevance_sort_puts_better_matches_first(bulk):
    backend, _ = bulk
    result = backend.search(SearchQuery(text="premium goods"))
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0


# -- writing: update, removal, clearing ------------------------------------------------------------


def test_update_and_remove(make_backend):
    backend = make_backend("update")
    assert isinstance(backend, SearchBackend)
    backend.index([doc(1, titles={"en": "Methanol"}), doc(2, titles={"en": "Methanol drums"})])
    assert backend.search(SearchQuery(text="methanol")).total == 2
    backend.index([doc(1, titles={"en": "Toluene"})])  # replaces listing 1
    assert [h.listing_id for h in backend.search(SearchQuery(text="methanol")).hits] == [2]
    assert [h.listing_id for h in backend.search(SearchQuery(text="toluene")).hits] == [1]
    assert backend.index([doc(3, titles={"en": "Old"}), doc(3, titles={"en": "Xylene"})]) == 1  # last wins
    assert (
        backend.search(SearchQuery(text="xylene")).total == 1
        and backend.search(SearchQuery(text="old")).total == 0
    )
    assert backend.index([]) == 0
    backend.remove([2, 3, 999])
    assert backend.search(SearchQuery(text="methanol")).total == 0
    assert backend.search(SearchQuery()).total == 1
    backend.clear()
    assert backend.search(SearchQuery()).total == 0 and backend.check() is None
    backend.close()


def test_query_dataclass_defaults_are_independent():
    a, b = SearchQuery(), SearchQuery()
    a.facets.append("vertical")
    assert b.facets == [] and replace(a, text="x").facets == ["vertical"]
