"""What the document templates show: the answers as text, labels in Russian and Kazakh, and the
dates from the rules."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_gettext as lazy_data  # titles from the data file, extracted from there

from ..case import accommodation
from ..deadlines.explain import due_date, source_view, warning_text
from ..messages import RuleText
from ..rules import NotCovered, PlanInput, evaluate, rule_book
from ..rules.places import checkpoint, region
from ..web.i18n import country_name, force_language, languages, place_name
from .answers import AM_ID_CARD, FOREIGN_PASSPORT, HOST_KINDS, PURPOSES, RU_INTERNAL_PASSPORT, AnswersForm, series_number

OTHER_CHECKPOINT = _l("Another checkpoint or an airport")
# The numbers the sheets' fixed texts give are those of the rules for an entry now (regimes.json);
# the dates on a sheet come from the guest's own plan.
RULES_NOW = "kz-2026-self-registration"
DOCUMENT_LANGUAGES = ("ru", "kk")  # every document is labelled in both
# The card shown to an officer (the print page's "Show to an officer") is in one of these first:
# the languages of the documents, Kazakh (the state language) offered first.
OFFICER_LANGUAGES = ("kk", "ru")
# The plan's warnings a document prints: what the person, the host and an officer must know of this
# stay (no dates for visa holders, dates missed or already past, a last day before a deadline), not
# the notes on how Tirkeu reads the sources, which the result page explains. STAY_WARNINGS are those
# counted with the earlier stays: where those were not answered, a document prints none of them, as
# it prints no last day (each would say a date or a count the stays may change).
STAY_WARNINGS = frozenset({"overstay", "limit_used_on_entry", "leaving_after_last_day", "overstayed",
                           "limit_was_used_on_entry", "leave_before_registration", "leave_before_host_notification"})
DOCUMENT_WARNINGS = STAY_WARNINGS | {"visa_required", "deadline_passed"}


def in_language(text, language: str) -> str:
    with force_language(language):
        return str(text)


def both(text) -> list[str]:
    """A label in Russian and in Kazakh."""
    return [in_language(text, language) for language in DOCUMENT_LANGUAGES]


def card_languages(language: str) -> tuple[str, ...]:
    """The card: the reader's language first, then Russian and Kazakh."""
    return (language,) + tuple(other for other in DOCUMENT_LANGUAGES if other != language)


def source_title(source_id: str, language: str) -> str:
    """A source's title in `language` (the documents cite in Russian and Kazakh, whatever the page)."""
    return in_language(lazy_data(rule_book().sources[source_id]["title"]), language)


def warnings_in(plan, language: str, stays_known: bool) -> list[str]:
    """The warnings that must reach the paper too, in `language`."""
    if plan is None:
        return []
    with force_language(language):
        return [warning_text(w) for w in plan.warnings
                if w.code in DOCUMENT_WARNINGS and (stays_known or w.code not in STAY_WARNINGS)]


def numeric_date(day) -> str:
    return day.strftime("%d.%m.%Y") if day else ""


def _plan(form: AnswersForm):
    person, entry = form.person.form, form.entry.form
    try:
        return evaluate(PlanInput(person.citizenship.data, entry.date.data, form.today,
                                  previous_stays=form.earlier_stays_given(),
                                  accommodation=accommodation(form.host.form.kind.data),
                                  checkpoint=entry.checkpoint.data if entry.checkpoint.data != "other" else None,
                                  exit_date=form.exit_date.data))
    except NotCovered:
        return None


# A value is text, or a list of parts when some of it is in a language of its own: a part is text
# or {"lang": …, "text": …}, which the documents print in an element with that lang (the PDF's
# /Lang of that part, for a screen reader: the Kazakh name of a region read as Kazakh).
def concat(*items) -> str | list:
    """The items (text or lists of parts) one after the other: text when none has a language."""
    parts: list = []
    for item in items:
        for part in [item] if isinstance(item, str) else item:
            if isinstance(part, str) and parts and isinstance(parts[-1], str):
                parts[-1] += part
            elif part:
                parts.append(part)
    return parts[0] if len(parts) == 1 and isinstance(parts[0], str) else parts or ""


def joined(*items) -> str | list:
    """The items that are not empty, with ", " between."""
    given = [item for item in items if item]
    return concat(*[piece for i, item in enumerate(given) for piece in ((", ", item) if i else (item,))])


def in_languages(names: dict, languages) -> list:
    """Names in `languages`, each once (a country may be spelt the same in two), " / " between."""
    parts: list = []
    seen: list[str] = []
    for language in languages:
        if names[language] not in seen:
            parts += [" / "] * bool(seen) + [{"lang": language, "text": names[language]}]
            seen.append(names[language])
    return parts


def ru_kk(names: dict) -> list:
    return in_languages(names, DOCUMENT_LANGUAGES)


def text_of(value) -> str:
    """A value as plain text (the languages' parts without their marks)."""
    return value if isinstance(value, str) or not value else "".join(part if isinstance(part, str) else part["text"] for part in value)


def translated(text) -> dict:
    return {language: in_language(text, language) for language in languages()}


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in text)


def child_values(child) -> dict:
    """A child's row, labelled by the script the name is written in."""
    name = f"{child.surname.data or ''} {child.given_names.data or ''}".strip()
    label_ru, label_kk = both(LABELS["full_name_cyrillic" if is_cyrillic(name) else "full_name_latin"])
    return {"name": name, "date_of_birth": numeric_date(child.date_of_birth.data), "label_ru": label_ru, "label_kk": label_kk}


def passport_values(form: AnswersForm, card: tuple[str, ...]) -> dict:
    """The document's rows: its kind, number (an internal passport's as "45 12 345678"), dates (an
    internal passport has no date of expiry); the card names a document other than the passport."""
    passport = form.passport.form
    internal = form.document_kind == RU_INTERNAL_PASSPORT
    number = series_number(passport.number.data) if internal else passport.number.data or ""
    issued = numeric_date(passport.issued.data)
    expires = "" if internal else numeric_date(passport.expires.data)
    kind = translated(DOCUMENT_NAMES[form.document_kind])
    named = in_languages(kind, card)
    card_document = {RU_INTERNAL_PASSPORT: named, AM_ID_CARD: concat(named, ", ", expires)}.get(form.document_kind, expires)
    return {
        "internal_passport": internal,
        "id_card": form.document_kind == AM_ID_CARD,
        "foreign_passport": form.document_kind == FOREIGN_PASSPORT,
        "document_kind": ru_kk(kind),
        "passport_number": number,
        "passport_issued": issued,
        "passport_expires": expires,
        "passport_period": issued if internal else f"{issued} – {expires}",
        "card_passport": concat(number, " (", card_document, ")"),
    }


def document_values(form: AnswersForm, language: str) -> dict:
    """Every value the documents show, as text (or a list, or a yes/no), named as the templates
    and the phone's static/js/core/document-values.js name them: the phone computes the same dict from
    the answers kept on the device, and fills the blank pages with it."""
    person, entry = form.person.form, form.entry.form
    stay, host = form.stay.form, form.host.form
    card = card_languages(language)
    country = {lang: country_name(person.citizenship.data, lang) for lang in languages()}
    place = region(stay.region.data)
    region_names = {lang: place_name(place, lang) if place else "" for lang in languages()}
    point = checkpoint(entry.checkpoint.data)
    point_names = {lang: place_name(point, lang) for lang in languages()} if point else translated(OTHER_CHECKPOINT)
    plan = _plan(form)
    registration = plan.obligations[0] if plan and plan.obligations else None
    name_latin, transliterated = form.latin_name()
    name_cyrillic = f"{person.surname_cyrillic.data or ''} {person.given_names_cyrillic.data or ''}".strip()
    marked = f"{name_latin} ({in_language(LABELS['transliteration'], language)})" if transliterated and name_latin else name_latin
    kind = host.kind.data
    # The date a duty is due by: the earlier reading where the sources allow two (as on the page).
    due = numeric_date(due_date(registration)) if registration else ""
    two_readings = bool(registration and registration.safe_by)
    duty = "undated" if registration is None else "self" if registration.kind == "self_registration" else "notice"
    # A last day counted without earlier stays the person did not give would be too late: none then.
    leave_by = plan.stay.leave_by if plan and plan.stay and plan.stay.leave_by else None
    stays_known = form.stays_known()
    return {
        "warnings": [list(pair) for pair in zip(warnings_in(plan, "ru", stays_known),
                                                warnings_in(plan, "kk", stays_known), strict=True)],
        "reader_warnings": warnings_in(plan, language, stays_known),
        "name_latin": name_latin,
        "name_cyrillic": name_cyrillic,
        "name_transliterated": transliterated,
        "card_name": (f"{name_cyrillic} / {marked}" if transliterated else f"{name_latin} / {name_cyrillic}") if name_cyrillic
        else marked,
        "patronymic": person.patronymic.data or "",
        "date_of_birth": numeric_date(person.date_of_birth.data),
        "sex": ru_kk(translated(LABELS[person.sex.data])) if person.sex.data in ("female", "male") else "",
        "citizenship": ru_kk(country),
        "card_citizenship": in_languages(country, card),
        **passport_values(form, card),
        "entry_date": numeric_date(entry.date.data),
        "checkpoint": ru_kk(point_names),
        "card_entry": concat(numeric_date(entry.date.data), ", ", in_languages(point_names, card)),
        "purpose": ru_kk(translated(PURPOSES[entry.purpose.data])) if entry.purpose.data in PURPOSES else "",
        "host_kind": ru_kk(translated(HOST_KINDS[kind])) if kind in HOST_KINDS else "",
        "host_name": host.name.data or "",
        "host_iin": host.iin.data or "",
        "host_bin": host.bin.data or "",
        "host_phone": host.phone.data or "",
        # A private host has an IIN, an organisation a BIN: that row stays, empty, for the host to fill.
        "show_iin": bool(host.iin.data or (not host.bin.data and kind == "person")),
        "show_bin": bool(host.bin.data or (not host.iin.data and kind != "person")),
        "card_host": joined(host.name.data, host.phone.data),
        "region": ru_kk(region_names) if place else "",
        "city": stay.city.data or "",
        "street": stay.street.data or "",
        "house": stay.house.data or "",
        "flat": stay.flat.data or "",
        "postcode": stay.postcode.data or "",
        "address": joined(ru_kk(region_names) if place else "", stay.city.data, stay.street.data, stay.house.data, stay.flat.data),
        "card_address": joined(in_languages(region_names, card) if place else "", stay.city.data, stay.street.data,
                               stay.house.data, stay.flat.data),
        "children": [child_values(child.form) for child in form.children],
        "has_children": bool(form.children.entries),
        "self_registration": duty == "self",
        "host_notice": duty == "notice",
        "duty_self": duty == "self",
        "duty_notice": duty == "notice",
        "duty_undated": duty == "undated",
        "deadline": due,
        # Said beside a date that is the earlier of two readings (the page tells both under "Why this date?").
        "deadline_sub": ru_kk(translated(LABELS["to_be_safe"])) if two_readings else "",
        "card_deadline": due + (f" ({in_language(LABELS['to_be_safe'], language)})" if two_readings else ""),
        "leave_by": numeric_date(leave_by) if leave_by and stays_known else "",
        "leave_by_unknown": bool(leave_by and not stays_known),
        "citations": [f"{source_view(i).host} ({numeric_date(source_view(i).checked)})"
                      for i in citation_ids(plan, registration) or ()],
        "made_on": numeric_date(form.today),
    }


def shown(values: dict, key: str) -> bool:
    """Whether a part marked `key` (or "!key": its opposite) shows; print-documents.js does the same."""
    if key.startswith("!"):
        return not shown(values, key[1:])
    return bool(values.get(key))


def document_context(form: AnswersForm | None, language: str, guests: list[AnswersForm] | None = None) -> dict:
    """The template's context: the values, or none for the blank page the phone fills; for the
    host's sheet, each guest's values too (every adult travelling together, the first first)."""
    values = document_values(form, language) if form is not None else {}
    return {
        "guests": [document_values(guest, language) for guest in guests] if guests else [values],
        "blank": form is None,
        "d": values,
        "shown": lambda key: shown(values, key),
        # The same for another guest's values (host_guest.html).
        "shown_in": lambda guest: lambda key: shown(guest, key),
        "language": language,
        "both": both,
        "in_language": in_language,
        "card_languages": card_languages(language),
        "document_languages": DOCUMENT_LANGUAGES,
        "numeric_date": numeric_date,
        "source_view": source_view,
        "labels": LABELS,
        "source_title": source_title,
        "host_duties": HOST_DUTIES,
        "iin_steps": IIN_STEPS,
        "iin_data_title": IIN_DATA_TITLE,
    }


# Labels of the documents (each shown in Russian and Kazakh, the card also in the reader's language).
LABELS = {
    "not_official": _l("Prepared by Tirkeu from your answers. This is not an official form: use it to fill in the official service."),
    # The card is shown, not used to fill in anything: it says who made it and what it is not.
    "not_official_card": _l("Prepared with Tirkeu by its holder from their own answers. It is not an official document and does not replace the registration."),
    # The host's sheet speaks to the host, who did not type the answers.
    "not_official_host": _l("Prepared by Tirkeu from your guest's answers. This is not an official form: use it to fill in the official service."),
    "person": _l("Personal details"),
    "guest": _l("Guest"),
    "name": _l("Full name"),
    "address_short": _l("Address"),
    "full_name_latin": _l("Surname and given names (Latin)"),
    "full_name_cyrillic": _l("Surname and given names (Cyrillic)"),
    "patronymic": _l("Patronymic"),
    "date_of_birth": _l("Date of birth"),
    "sex": _l("Sex"),
    "female": _l("Female"),
    "male": _l("Male"),
    "citizenship": _l("Citizenship"),
    "passport": _l("Passport"),
    "passport_number": _l("Passport number"),
    "document_kind": _l("Identity document"),
    "series_number": _l("Series and number"),
    "full_name_transliterated": _l("Surname and given names in Latin letters: a transliteration, not from the document"),
    "transliteration": _l("transliteration, not from the document"),
    "issued": _l("Date of issue"),
    "expires": _l("Date of expiry"),
    "host": _l("Person providing the accommodation"),
    "host_kind": _l("Type of host"),
    "card_host": _l("Host"),
    "host_name": _l("Name of the person or organisation"),
    "iin": _l("IIN"),
    "bin": _l("BIN"),
    "phone": _l("Phone"),
    "address": _l("Address of temporary stay"),
    "region": _l("Region"),
    "city": _l("Town or village"),
    "street": _l("Street"),
    "house": _l("House"),
    "flat": _l("Flat"),
    "postcode": _l("Postcode"),
    "entry": _l("Entry into Kazakhstan"),
    "entry_date": _l("Date of entry"),
    "checkpoint": _l("Checkpoint"),
    "purpose": _l("Purpose of the trip"),
    "children": _l("Children under 18 travelling together"),
    "deadline": _l("Registration deadline"),
    "host_deadline": _l("Host's notification deadline"),
    "leave_by": _l("Last day of stay"),
    "to_be_safe": _l("to be safe"),
    "leave_by_unknown": _l("No last day of stay: earlier stays change it and were not answered. Answer “Have you been in Kazakhstan before?” in Tirkeu, step “Your entry into Kazakhstan”."),
    "sources": _l("Sources"),
    "checked": _l("checked"),
    "made_on": _l("Prepared on"),
    "not_given": _l("not given"),
}

SELF_REGISTRATION_HOST = (
    _l("What you do as the host"),
    (
        _l("Your guest enters their details and your address in the migration police information system."),
        _l("You get a message in the mobile app: confirm that the guest stays with you. If you refuse, the guest cannot register at your address."),
        _l("After your confirmation the guest gets the registration certificate in their personal account."),
        RuleText(_l("If the guest moves, they register again at the new address within %(working_days)s."),
                 RULES_NOW, working_days="eaeu.address_change.working_days"),
    ),
)
HOST_NOTIFICATION = (
    _l("What you must do as the host"),
    (
        RuleText(_l("Notify the migration police of your guest's arrival within %(working_days)s: by the date below."),
                 RULES_NOW, working_days="visa_free_30.registration.working_days"),
        _l("Choose one way: in person at the migration police; online at vmp.gov.kz or egov.kz with your digital signature (EDS); or in the eQonaq mobile app, which can scan the guest's passport."),
        _l("Type in the guest's details from this sheet. Keep the PDF with the QR code you receive and give your guest a copy: no PDF means it is not done, so submit again."),
        _l("The host answers for a late notice: a warning for a private person, a fine for an official or an organisation."),
    ),
)
HOST_NOTIFICATION_UNDATED = (
    HOST_NOTIFICATION[0],
    (RuleText(_l("Notify the migration police of your guest's arrival within %(working_days)s of the arrival."),
              RULES_NOW, working_days="visa_free_30.registration.working_days"),) + HOST_NOTIFICATION[1][1:],
)
# Each step with the document it is for (None: any; as a row's if_). The sources speak of the
# foreign passport; of the Russian internal passport and the Armenian card they say nothing, and
# the sheet says so.
IIN_STEPS = (
    (_l("Go in person to a Public Service Centre (ЦОН) in the place where you stay. Since 29 February 2024 the IIN is not issued online."), None),
    (_l("Bring your valid foreign passport (the original)."), "foreign_passport"),
    (_l("We found no source on whether a Public Service Centre gives an IIN on the Russian internal passport: the sources speak of the foreign passport. Ask the Centre or call 1414 before you go, and bring your foreign passport too if you have one."),
     "internal_passport"),
    (_l("We found no source on whether a Public Service Centre gives an IIN on the identity card of Armenia: the sources speak of the foreign passport. Ask the Centre or call 1414 before you go, and bring your foreign passport too if you have one."),
     "id_card"),
    (_l("If your passport has no spelling of your name in Cyrillic or Latin letters, bring a notarised translation of it."), "foreign_passport"),
    (_l("Your names are taken from the machine-readable zone of your passport (the lines at the bottom of the data page)."), "foreign_passport"),
    (_l("According to gov.kz the IIN certificate is issued in 1 working day and is free for foreigners."), None),
)
IIN_DATA_TITLE = _l("Your details as they will be asked")


# The document's name on the documents (its choice in the wizard says more).
DOCUMENT_NAMES = {FOREIGN_PASSPORT: LABELS["passport"], RU_INTERNAL_PASSPORT: _l("Internal passport of a citizen of Russia"),
                  AM_ID_CARD: _l("Identity card of a citizen of Armenia")}

HOST_DUTIES = {"self": SELF_REGISTRATION_HOST, "notice": HOST_NOTIFICATION, "undated": HOST_NOTIFICATION_UNDATED}


def citation_ids(plan, registration) -> list[str] | None:
    """The sources of the dates a document shows (None: the document's own list)."""
    if plan is None or registration is None:
        return None
    ids = list(registration.sources)
    if plan.stay:
        ids += [s for s in plan.stay.sources if s not in ids]
    return ids
