"""The PDFs: every filled value comes back out of the text, every Kazakh letter survives, fonts are
embedded, metadata is set, nothing outside our static files is ever fetched."""
from __future__ import annotations

import contextlib
import io
import subprocess
import zipfile

import pytest
from pypdf import PdfReader
from weasyprint.urls import FatalURLFetchingError

from webapp.documents.catalog import DOCUMENTS
from webapp.documents.render import BASE_URL, StaticOnlyFetcher

from .documents_data import KAZAKH_LETTERS, api_answers, form_answers

NAMES = [d.name for d in DOCUMENTS]


def pdf_text(data: bytes) -> str:
    """The text of every page, with line breaks and runs of spaces as single spaces."""
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def fonts(data: bytes) -> list[tuple[str, bool]]:
    found = []
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            found.append((str(font["/BaseFont"]), any(k.startswith("/FontFile") for k in descriptor)))
    return found


def post_pdf(client, name: str, answers: dict, language: str = "ru"):
    return client.post(f"/api/v1/documents/{name}.pdf", json=answers, headers={"Accept-Language": language})


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
@pytest.mark.parametrize("name", NAMES)
def test_every_value_and_kazakh_letter_is_in_the_pdf(client, name, language):
    response = post_pdf(client, name, api_answers(), language)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response.headers
    text = pdf_text(response.data)
    expected = ["IVANOV IVAN", "27.03.1990", "75 1234567", KAZAKH_LETTERS]
    if name != "iin-sheet":
        expected += ["Қуанышбаева Әйгерім Ұлықпанқызы", "+7 701 123 45 67", "01.09.2026"]
    if name in ("registration-sheet", "card"):
        # Registration: by 30 September (1 Sep + 29, the day of crossing as day 1), the earlier of the
        # two readings; 1 October (1 Sep + 30) is the later one, which no document prints.
        expected.append("30.09.2026")
        assert "01.10.2026" not in text
    if name == "card":
        expected.append("29.11.2026")  # last day of stay: 1 Sep + 89
    if name == "registration-sheet":
        expected += ["ИВАНОВ ИВАН", "ИВАНОВИЧ", "15.06.2030", "900101400003", "Иванова Мария", "01.01.2018"]
    for value in expected:
        assert value in text, f"{value!r} missing from {name} ({language})"


@pytest.mark.parametrize("name", NAMES)
def test_fonts_are_embedded_and_metadata_set(client, name):
    data = post_pdf(client, name, api_answers()).data
    used = fonts(data)
    assert used and all(embedded for _, embedded in used), used
    assert all("Noto-Sans" in font for font, _ in used)
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title.endswith("— Tirkeu")
    assert reader.trailer["/Root"]["/Lang"] == "ru"


def test_documents_are_labelled_in_russian_and_kazakh(client):
    text = pdf_text(post_pdf(client, "registration-sheet", api_answers(), "en").data)
    assert "Дата рождения" in text and "Туған күні" in text


def test_card_fits_one_a6_page(client):
    reader = PdfReader(io.BytesIO(post_pdf(client, "card", api_answers(), "en").data))
    assert len(reader.pages) == 1
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (105, 148)


@pytest.mark.parametrize("hostile", [
    '<img src="file:///etc/passwd">',
    "<link rel=stylesheet href=http://127.0.0.1:9/x.css>",
    "x{background:url(http://127.0.0.1:9/)}",
])
def test_hostile_values_are_only_text(client, hostile):
    answers = api_answers(**{"stay.street": hostile, "host.name": hostile})
    response = post_pdf(client, "registration-sheet", answers)
    assert response.status_code == 200
    assert hostile.replace(" ", "") in pdf_text(response.data).replace(" ", "").replace("\n", "")


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:9/", "https://example.org/font.ttf", "file:///etc/passwd",
    BASE_URL + "../webapp/web/config.py", BASE_URL + "fonts/missing.ttf",
])
def test_the_fetcher_refuses_anything_but_our_static_files(url):
    with pytest.raises(FatalURLFetchingError):
        StaticOnlyFetcher().fetch(url)


def test_the_fetcher_serves_our_fonts():
    response = StaticOnlyFetcher().fetch(BASE_URL + "fonts/NotoSans-Regular.ttf")
    assert response.read(4) == b"\x00\x01\x00\x00"


def test_wizard_pdf_and_zip(client):
    data = form_answers()
    response = client.post("/kk/documents/card.pdf", data=data)
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == 'attachment; filename="tirkeu-card.pdf"'
    archive = client.post("/en/documents/tirkeu-documents.zip", data=data)
    assert archive.headers["Cache-Control"] == "no-store"
    with zipfile.ZipFile(io.BytesIO(archive.data)) as zipped:
        assert sorted(zipped.namelist()) == sorted(f"tirkeu-{n}.pdf" for n in NAMES)
        assert "IVANOV IVAN" in pdf_text(zipped.read("tirkeu-card.pdf"))


def test_api_lists_documents_with_schema_and_example(client):
    import jsonschema

    listing = client.get("/api/v1/documents", headers={"Accept-Language": "en"}).json
    assert [d["name"] for d in listing] == ["registration-sheet", "host-sheet", "iin-sheet", "card"]
    for document in listing:
        jsonschema.Draft202012Validator.check_schema(document["schema"])
        jsonschema.validate(document["example"], document["schema"])
        assert post_pdf(client, document["name"], document["example"]).status_code == 200
    assert listing[0]["title"] == "Registration data sheet"


def test_api_errors_name_each_field(client):
    answers = api_answers(**{"person.surname_latin": "Иванов", "passport.expires": "2030-02-30", "host.iin": "900101400004"})
    answers["children"] = [{"surname": "X", "given_names": "Y", "date_of_birth": "1.1.2018"}]
    response = post_pdf(client, "card", answers, "en")
    assert response.status_code == 400
    assert set(response.json["errors"]) == {"person.surname_latin", "passport.expires", "host.iin", "children[0].date_of_birth"}
    assert response.json["errors"]["passport.expires"].startswith("Enter a real date in the form YYYY-MM-DD")


@pytest.mark.parametrize("body", [[], "text", {"person": "x"}, {"children": [{}] * 11}])
def test_api_bad_bodies_are_400(client, body):
    assert post_pdf(client, "card", body).status_code == 400


def test_unknown_document_is_404(client):
    assert post_pdf(client, "passport-copy", api_answers()).status_code == 404


def test_deeply_nested_json_is_a_400(client):
    body = "[" * 5000 + "]" * 5000
    for url in ("/api/v1/documents/card.pdf", "/api/v1/plan"):
        response = client.post(url, data=body, content_type="application/json")
        assert response.status_code == 400, url
    nested = api_answers()
    nested["person"]["surname_latin"] = {"a": {"b": {"c": {"d": "IVANOV"}}}}
    assert post_pdf(client, "card", nested).status_code == 400


def test_odd_child_indices_in_json_do_not_crash(client):
    answers = api_answers()
    answers["children"] = {"²": {"surname": "A"}}
    assert post_pdf(client, "card", answers).status_code in (200, 400)
    # A form field's name in the JSON is no field of its schema: refused at it, not read as the form's.
    refused = post_pdf(client, "card", {**api_answers(), "children-²-surname": "A"})
    assert refused.status_code == 400 and list(refused.json["errors"]) == ["children-²-surname"]


def test_visa_holders_get_no_invented_dates(client):
    answers = api_answers(**{"person.citizenship": "IN"})
    host = pdf_text(post_pdf(client, "host-sheet", answers, "en").data)
    assert "в течение 3 рабочих дней после прибытия" in host  # the duty, with no date we do not have
    assert "Tirkeu не учитывает визовые правила" in host  # the guest's warning, for the host
    sheet = pdf_text(post_pdf(client, "registration-sheet", answers, "en").data)
    assert "Tirkeu не учитывает визовые правила" in sheet
    # The card is shown to an officer: no warning for its holder, and no date Tirkeu does not know.
    card = pdf_text(post_pdf(client, "card", answers, "en").data)
    assert "visa" not in card and "визов" not in card
    assert "29.11.2026" not in card and "01.10.2026" not in card


def test_the_safe_date_is_the_date_printed(client):
    # A US citizen entering on Tuesday 8 September 2026: the host notifies by Thursday 10 September
    # counting the day of arrival, the earlier reading; Friday 11 September, the later one, is not printed.
    answers = api_answers(**{"person.citizenship": "US", "entry.date": "2026-09-08"})
    for name in ("registration-sheet", "host-sheet", "card"):
        text = " ".join(pdf_text(post_pdf(client, name, answers, "en").data).split())
        assert "10.09.2026" in text and "11.09.2026" not in text, name
        if name != "card":  # the sheets say it in Russian and Kazakh, the card in the reader's language
            assert "10.09.2026 надёжнее / сақтық үшін" in text, name
    card = " ".join(pdf_text(post_pdf(client, "card", answers, "en").data).split())
    assert "10.09.2026 (to be safe)" in card


def test_card_values_in_every_card_language(client):
    text = pdf_text(post_pdf(client, "card", api_answers(), "en").data).replace(" ", "")
    assert "Russia/Россия/Ресей" in text
    assert "WestKazakhstanRegion/Западно-Казахстанскаяобласть/БатысҚазақстаноблысы" in text


def test_card_with_long_real_values_fits_one_page(client):
    answers = api_answers(**{"person.citizenship": "US", "entry.checkpoint": "other"})
    answers["person"].update({"surname_latin": "HERNANDEZ-GONZALEZ", "given_names_latin": "MARIA DE LOS ANGELES ALEJANDRA",
                              "surname_cyrillic": "ЭРНАНДЕС-ГОНСАЛЕС", "given_names_cyrillic": "МАРИЯ ДЕ ЛОС АНХЕЛЕС АЛЕХАНДРА"})
    answers["stay"].update({"city": "Усть-Каменогорск", "street": "проспект Нурсултана Назарбаева, бизнес-центр «Нурлы Тау»",
                            "house": "17/2 блок Б", "flat": "офис 1204"})
    answers["host"] = {"kind": "organisation",
                       "name": "ТОО «Казахстанская горно-металлургическая инвестиционная компания Восток»",
                       "phone": "+7 (7232) 12-34-56", "bin": "900101400003"}
    for language in ("en", "ru", "kk"):
        reader = PdfReader(io.BytesIO(post_pdf(client, "card", answers, language).data))
        assert len(reader.pages) == 1, language


def test_host_identifier_is_labelled_by_what_was_given(client):
    answers = api_answers(**{"host.kind": "hotel"})  # a hotel host of whom only an IIN is known
    text = pdf_text(post_pdf(client, "host-sheet", answers, "en").data)
    assert "ИИН / ЖСН 900101400003" in text and "БИН / БСН 900101400003" not in text


def test_child_names_are_labelled_by_their_script(client):
    answers = api_answers()
    answers["children"] = [{"surname": "Müller", "given_names": "Zoë", "date_of_birth": "2018-01-01"}]
    text = pdf_text(post_pdf(client, "registration-sheet", answers, "en").data)
    assert "(латиницей) / Тегі мен аты (латынша) Müller Zoë" in text


def test_sources_are_cited_in_russian_whatever_the_page_language(client):
    text = pdf_text(post_pdf(client, "iin-sheet", api_answers(), "en").data)
    assert "Bizmedia.kz, 15 марта 2024" in text


def test_nothing_is_fetched_whatever_the_values_say(client):
    """Values that would make a browser fetch something, aimed at a socket that records every
    connection: they are printed as text, and nobody connects."""
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    connections = []

    def accept():
        while not stop.is_set():
            with contextlib.suppress(OSError):  # the 0.2 s timeout: look at `stop` again
                connections.append(listener.accept())

    stop = threading.Event()
    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    hostile = {
        "stay.street": f'<link rel=stylesheet href="http://127.0.0.1:{port}/x.css">',
        "stay.city": f'<img src="http://127.0.0.1:{port}/i.png">',
        "host.name": f"x{{background:url(http://127.0.0.1:{port}/b)}} <img src=file:///etc/passwd>",
        "stay.house": "<style>@import 'http://127.0.0.1/'</style>"[:20],
    }
    try:
        response = post_pdf(client, "registration-sheet", api_answers(**hostile))
        assert response.status_code == 200, response.get_data(as_text=True)[:300]
        text = pdf_text(response.data).replace(" ", "")
        for value in hostile.values():
            assert value.replace(" ", "") in text
    finally:
        stop.set()
        thread.join(timeout=2)
        listener.close()
    assert connections == []


@pytest.mark.parametrize("field, value", [
    ("stay.street", "x" * 10_000),  # far past the field's length
    ("stay.city", "Уральск\u202eкснялаУ"),  # a right-to-left override
    ("host.name", "Ann\x00\x07"),  # control characters
])
def test_hostile_values_are_refused_next_to_their_field(client, field, value):
    response = post_pdf(client, "host-sheet", api_answers(**{field: value}))
    assert response.status_code == 400
    assert list(response.json["errors"]) == [field]


@pytest.mark.parametrize("field, value, shown", [
    ("stay.street", "улица Абая 🏠", "🏠"),
    ("stay.city", "Ωμέγα", "Ω"),
    ("host.name", "ТОО «Қазақ» ❤️", "❤"),
    ("person.surname_latin", "SALTꞌILLO", "ꞌ"),  # a Latin letter the fonts lack
])
def test_a_character_the_fonts_cannot_print_is_named_at_its_field(client, field, value, shown):
    """The fonts (static/fonts, read with fontTools) decide: an answer with a character they
    cannot draw is refused at its field, in the person's language, naming the character."""
    response = post_pdf(client, "host-sheet", api_answers(**{field: value}))
    assert response.status_code == 400
    assert response.json["errors"] == {field: f"Уберите «{shown}»: документы не могут его напечатать. "
                                              "Используйте латинские или кириллические буквы, цифры и знаки препинания"}


def test_letters_the_fonts_draw_from_their_parts_are_printed(client):
    """"Ễ" is not in the fonts, but "E" and its two accents are: it prints, and its text reads back
    (as "E" and the accents, which NFC makes "Ễ" again); a compatibility form prints as text."""
    import unicodedata

    values = {"person.surname_latin": "NGUYỄN", "host.name": "ТОО «Қазақ» ＜b＞ﬁ"}
    response = post_pdf(client, "host-sheet", api_answers(**values))
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert {font.split("+")[1] for font, _ in fonts(response.data)} == {"Tirkeu-Noto-Sans", "Tirkeu-Noto-Sans-Bold"}
    text = unicodedata.normalize("NFC", pdf_text(response.data))
    assert "NGUYỄN" in text and "ТОО «Қазақ»" in text and "<b>fi" in text


def test_printable_keeps_out_what_the_fonts_lack():
    """The last guard, for text that is not an answer: left out, or "?"."""
    from webapp.documents.render import printable

    assert printable("улица Абая 🏠👍🏽, 12") == "улица Абая, 12"
    assert printable("Ωμέγα") == "?????"


SHIPPED_FONTS = {"Tirkeu-Noto-Sans", "Tirkeu-Noto-Sans-Bold"}


def pdffonts(data: bytes, tmp_path) -> set[str]:
    """The fonts poppler's pdffonts lists, without their subset prefix ("ABCDEF+")."""
    path = tmp_path / "document.pdf"
    path.write_bytes(data)
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    return {line.split()[0].split("+")[-1] for line in lines}


@pytest.mark.parametrize("name", NAMES)
def test_pdffonts_lists_only_the_shipped_fonts(client, tmp_path, name):
    assert pdffonts(post_pdf(client, name, api_answers()).data, tmp_path) == SHIPPED_FONTS


def test_a_character_the_fonts_lack_is_never_drawn_with_a_font_of_the_server(tmp_path):
    """Without printable() in front: Greek, a Georgian letter, CJK and an emoji reach Pango, which
    would draw them with any installed font that has them (DejaVu Sans has Greek and Georgian);
    the documents' font configuration has no font but the shipped ones."""
    from weasyprint import HTML

    from webapp.documents.render import _shared

    font_config, stylesheet, fetcher = _shared()
    html = '<html lang="ru"><title>x</title><p>Ωμέγα ა 漢 🏠 <b>Ωμέγα</b> улица Абая</p></html>'
    data = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).write_pdf(stylesheets=[stylesheet], font_config=font_config)
    assert pdffonts(data, tmp_path) == SHIPPED_FONTS


def test_a_render_past_its_time_limit_is_stopped_and_the_worker_carries_on(client):
    from webapp import create_app

    from .conftest import TODAY

    slow = create_app({"TESTING": True, "TODAY": TODAY, "PDF_RENDER_SECONDS": 0.001}).test_client()
    page = slow.post("/ru/documents/card.pdf", data=form_answers())
    assert page.status_code == 503 and int(page.headers["Retry-After"]) > 0
    assert "Создание документа заняло слишком много времени" in page.get_data(as_text=True)
    api = slow.post("/api/v1/documents/card.pdf", json=api_answers(), headers={"Accept-Language": "kk"})
    assert api.status_code == 503 and api.json["errors"]["request"]
    # The same process renders the next one normally.
    assert post_pdf(client, "card", api_answers()).status_code == 200


def _boxes(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)


@pytest.mark.parametrize("name", NAMES)
def test_lists_draw_their_own_markers(client, monkeypatch, name):
    """WeasyPrint 70 keeps about 0.5 KB for every ::marker it lays out, for the life of the worker
    (found with python -m bench): the documents number and bullet their lists with ::before."""
    from weasyprint import HTML

    from webapp.documents import render, views

    pages = []
    monkeypatch.setattr(views, "render_pdf", lambda html, seconds: pages.append(html) or render.render_pdf(html))
    response = post_pdf(client, name, api_answers())
    assert response.status_code == 200
    fonts_, stylesheet, fetcher = render._shared()
    document = HTML(string=pages[0], base_url=render.BASE_URL, url_fetcher=fetcher).render(
        stylesheets=[stylesheet], font_config=fonts_)
    tags = [box.element_tag or "" for page in document.pages for box in _boxes(page._page_box)]
    assert ("li" in tags) == (name != "card")  # the card has no room for a list of sources
    assert not [tag for tag in tags if tag.endswith("::marker")]
    if name == "host-sheet":
        text = pdf_text(response.data)
        assert all(f"{n}. " in text for n in (1, 2, 3, 4)), text[:600]


def test_the_hosts_sheet_lists_the_children_and_asks_for_no_signature(client):
    """A data sheet to type the notice from, not a form: no line for a signature (no source says the
    service asks for one), and each child with the guest (research of 2026-12-03: under the rules of
    2020 the host put the children on the guest's notice)."""
    answers = api_answers()
    answers["children"] = [{"surname": "Иванова", "given_names": "Мария", "date_of_birth": "2015-02-02"},
                           {"surname": "IVANOV", "given_names": "PAVEL", "date_of_birth": "2022-11-30"}]
    text = " ".join(pdf_text(post_pdf(client, "host-sheet", answers, "kk").data).split())
    assert "Дети до 18 лет, следующие вместе" in text
    assert "по ответам вашего гостя" in text and "по вашим ответам" not in text  # it speaks to the host
    assert "Иванова Мария 02.02.2015" in text and "IVANOV PAVEL 30.11.2022" in text
    assert "Подпись" not in text and "Қолы" not in text


@pytest.mark.parametrize("name", ["registration-sheet", "host-sheet", "iin-sheet"])
def test_every_place_and_choice_is_in_both_languages_of_the_sheet(app, client, name):
    """The sheets are in Russian and Kazakh: each name the person chose from a list is printed in
    both, whatever the reader's language (the host's sheet once printed the region in Russian only)."""
    from webapp.documents.answers import HOST_KINDS, PURPOSES
    from webapp.documents.content import LABELS, in_language
    from webapp.rules.places import checkpoint, region
    from webapp.web.i18n import country_name, place_name

    answers = api_answers()
    with app.test_request_context():
        names = {"region": [place_name(region("west_kazakhstan"), lang) for lang in ("ru", "kk")],
                 "citizenship": [country_name("RU", lang) for lang in ("ru", "kk")]}
        if name == "registration-sheet":
            names |= {"checkpoint": [place_name(checkpoint("kairak"), lang) for lang in ("ru", "kk")],
                      "purpose": [in_language(PURPOSES["private"], lang) for lang in ("ru", "kk")],
                      "host_kind": [in_language(HOST_KINDS["person"], lang) for lang in ("ru", "kk")],
                      "sex": [in_language(LABELS["male"], lang) for lang in ("ru", "kk")],
                      "document": [in_language(LABELS["passport"], lang) for lang in ("ru", "kk")]}
        if name == "host-sheet":
            names["document"] = [in_language(LABELS["passport"], lang) for lang in ("ru", "kk")]
    for language in ("ru", "kk", "en"):
        text = pdf_text(post_pdf(client, name, answers, language).data)
        for key, (ru, kk) in names.items():
            assert f"{ru} / {kk}" in text, (name, language, key)


@pytest.mark.parametrize("change, field", [
    (lambda b: b.update(nickname="Vanya"), "nickname"),
    (lambda b: b["person"].update(middle_name="Ivanovich"), "person.middle_name"),  # a misspelt field
    (lambda b: b["host"].update(email="host@example.org"), "host.email"),
    (lambda b: b.update(children=[{"surname": "IVANOVA", "given_names": "ANNA", "date_of_birth": "2019-05-01",
                                   "age": 6}]), "children[0].age"),
])
def test_documents_api_refuses_a_field_its_schema_does_not_know(client, change, field):
    """The schema says additionalProperties: false; a field it does not know was dropped in silence."""
    body = api_answers()
    change(body)
    response = client.post("/api/v1/documents/card.pdf", json=body, headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert response.json["errors"] == {field: "This field is not known; remove it"}


@pytest.mark.parametrize("value", [True, 1, 1.5, ["IVANOV"], {"text": "IVANOV"}])
def test_documents_api_refuses_a_name_that_is_not_text(client, value):
    """`true` in a name was printed as "True"."""
    body = api_answers()
    body["person"]["surname_latin"] = value
    response = client.post("/api/v1/documents/card.pdf", json=body, headers={"Accept-Language": "ru"})
    assert response.status_code == 400
    assert response.json["errors"]["person.surname_latin"] == "Передайте это значение в виде строки"
