"""The words for the codes the rules and checks return, in the reader's language.

Lazy strings, so that this module can be imported before a request picks the language.
"""
from __future__ import annotations

from babel.lists import format_list
from flask_babel import gettext, ngettext
from flask_babel import lazy_gettext as _l
from markupsafe import escape

from .rules.ruleset import rule_book
from .web.i18n import cldr, current_language


# Numbers from the rule data in a sentence. A message never writes a rule's number itself (`flask
# rules check` fails on one that does): it has a placeholder, filled from the data by name. A name
# ending in "working_days" becomes "3 working days", one ending in "days" "30 days" (both through
# ngettext, so the number governs the plural); any other name is the bare number, for forms whose
# words do not change with it ("a %(window)d-day period", "calendar day %(n)d").
def working_days_text(n: int) -> str:
    return ngettext("%(num)d working day", "%(num)d working days", n)


def days_text(n: int) -> str:
    return ngettext("%(num)d day", "%(num)d days", n)


def rule_words(values: dict) -> dict:
    """`values` (numbers, and other params) as a message shows them, by the names above."""
    def word(name, value):
        if isinstance(value, int) and not isinstance(value, bool):
            if name.endswith("working_days"):
                return working_days_text(value)
            if name.endswith("days"):
                return days_text(value)
        return value
    return {name: word(name, value) for name, value in values.items()}


class RuleText:
    """A message whose numbers are values of one rule set's rules, written in the reader's language
    when shown: RuleText(_l("… within %(working_days)s …"), "kz-2026-self-registration",
    working_days="eaeu.address_change.working_days"). Lazy, like the _l strings beside it."""

    def __init__(self, message, rule_set: str, **paths: str):
        self.message, self.rule_set, self.paths = message, rule_set, paths

    @property
    def values(self) -> dict:
        rule_set = rule_book().rule_set(self.rule_set)
        return {name: rule_set.rule_value(path) for name, path in self.paths.items()}

    def __str__(self) -> str:
        return str(self.message) % rule_words(self.values)

    def __html__(self) -> str:
        return str(escape(str(self)))


FIELD_ERRORS = {
    "required_citizenship": _l("Enter the country of your passport"),
    "unknown_country": _l("Select a country from the list"),
    "citizen": _l("Citizens of Kazakhstan do not register as foreigners. Tirkeu is for foreign citizens."),
    "required_entry_date": _l("Enter the date you crossed the border into Kazakhstan"),
    "invalid_date": _l("Enter a real date, for example 27 9 2026"),
    "invalid_iso_date": _l("Enter a real date in the form YYYY-MM-DD, for example 2026-09-27"),
    "missing_day": _l("The date must include a day"),
    "missing_month": _l("The date must include a month"),
    "missing_year": _l("The date must include a year"),
    "year_four_digits": _l("The year must have 4 digits, for example 2026"),
    "year_too_early": _l("Enter a year from 1900 on"),
    "entry_before_rules": _l("Tirkeu knows the rules for entries from 11 January 2020. Enter a later date, or ask the migration police about earlier entries."),
    "too_far_ahead": _l("The date must be within a year from today"),
    "too_early": _l("The date must be after 1 January 2000"),
    "today_out_of_range": _l("The date must be between 2000 and 2100"),
    "required_date_of_birth": _l("Enter the date of birth"),
    "required_passport_issued": _l("Enter the date the passport was issued"),
    "required_passport_expires": _l("Enter the date the passport expires"),
    "required_stay_entry": _l("Enter the date you entered Kazakhstan on that trip"),
    "required_stay_exit": _l("Enter the date you left Kazakhstan on that trip"),
    "exit_before_entry": _l("The date you left must be the same as or after the date you entered"),
    "too_many_stays": _l("Enter at most 50 earlier stays"),
    "invalid_earlier_stays": _l("Choose yes or no"),
    "earlier_stays_missing": _l("Add each earlier stay, or choose No"),
    "earlier_stays_given": _l("You chose No: remove the earlier stays, or choose Yes"),
    "too_many_children": _l("Enter at most 10 children"),
    "too_many_adults": _l("Enter at most 9 other adults: 10 in all"),
    "others_not_a_list": _l("Give the other adults as a list of objects, each with one adult's answers"),
    "no_such_person": _l("Name one of the adults: 1 is the first, 2 the first of the others, and so on"),
    "invalid_accommodation": _l("Choose where you are staying from the list"),
    "unknown_checkpoint": _l("Choose a checkpoint from the list"),
    "not_a_list": _l("Give earlier stays as a list of objects with 'entry' and 'exit' dates"),
    "not_a_string": _l("Give this value as text"),
    "invalid_json": _l("Send a JSON object with the fields citizenship and entry_date"),
    "unknown_field": _l("This field is not known; remove it"),
    # What the API's schema forbids and no other check named (api/validation.py).
    "wrong_type": _l("This value is of the wrong type: see the API description"),
    "missing_field": _l("This field is required"),
    "not_in_list": _l("Use one of the values the API description lists for this field"),
    "date_out_of_range": _l("Enter a date from %(first)s to %(last)s"),
    "not_as_described": _l("This value is not in the form the API description gives for this field"),
    "not_json": _l("Send the body as JSON, with the header Content-Type: application/json"),
}
# What a date typed in three boxes can be refused for, on the server (fields.DatePartsField) and on
# the phone (words.js dateParts): the phone's pages carry these messages.
DATE_PARTS_ERRORS = ("missing_day", "missing_month", "missing_year", "invalid_date", "year_four_digits", "year_too_early")


def country_not_found(typed: str, names: list[str]) -> str:
    """The error for a country name that names none (or several): with the closest names, if any."""
    if names:
        return gettext("No country is called “%(typed)s”. Did you mean %(names)s?", typed=typed,
                       names=format_list(names, style="or", locale=cldr(current_language())))
    return gettext("No country is called “%(typed)s”. Type its name as in your passport, in Russian, Kazakh or English.",
                   typed=typed)

WARNINGS = {
    "planning_mode": _l("Your date of entry is in the future, so these are the dates as they would be if you enter then."),
    "visa_required": _l("By our list, citizens of your country need a visa for Kazakhstan. Tirkeu does not cover visa rules: your visa decides how long you may stay. Our list of visa-free countries may be incomplete: if you entered without a visa, call 1414 to check your rules."),
    "bilateral_agreement": _l("Your country has an agreement with Kazakhstan that may allow a longer stay. We show the general rule for visa-free visitors, which gives the earlier dates; ask the migration police or call 1414 about the agreement."),
    "unordered_stays": _l("Your earlier stays were not in date order. We sorted them; check that the dates are right."),
    "overlapping_stays": _l("Some of your earlier stays overlap each other or this stay. Each day is counted once; check the dates."),
    "stay_ended": _l("You left Kazakhstan on %(exit)s. This is what applied to that stay, with the days counted to the day you left."),
    # The last day allowed comes before the registration deadline; the numbers are the plan's (its registration's rule).
    "leave_before_registration": _l("You must leave Kazakhstan by %(leave_by)s, before your registration deadline, %(deadline)s. The sources set that deadline at calendar day %(n)d after crossing the border, and one report of the new rules says they concern those who stay more than %(days)s; we found no source that says plainly whether someone who leaves before the deadline must register. To be safe, register before you leave, or call 1414."),
    "leave_before_host_notification": _l("You must leave Kazakhstan by %(leave_by)s, before your host's deadline to notify the migration police, %(deadline)s. The sources say the host notifies within %(working_days)s of each arrival; we found no source that says whether that changes when the guest leaves sooner. To be safe, ask your host to notify before you leave, or call 1414."),
    "deadline_passed": _l("The deadline %(deadline)s has passed. Do it now: a late registration is better than none. Call 1414 if you need help."),
    # The notes' params come from regimes.json (named as rule_words says).
    "short_stay_exemption_2020": _l("Under the rules of 2020–2023 some sources say visitors staying %(days)s or less did not need registration. We show the host's deadline anyway, the safer reading."),
    "thirty_day_visitors_2026_unclear": _l("The 2026 rules on self-registration name citizens of countries with a %(named_limit)d-day stay. We found no source on whether visitors with a %(per_entry)d-day stay register themselves. To be safe, ask your host to notify the migration police within %(working_days)s as before, and call 1414."),
    "rules_changed_during_stay": _l("The rules changed on %(date)s, during your stay. Tirkeu shows the rules in force on the day you entered, as the sources give them by date of entry; we found no source on whether the new rules apply to people who were already in Kazakhstan. Call 1414 to check what applies to you."),
    "bilateral_checkpoint": _l("This checkpoint is open only to citizens of Kazakhstan and Russia. If you are not a Russian citizen, check that it is the right checkpoint."),
}

HOLIDAYS = {
    "New Year's Day": _l("New Year"),
    "Orthodox Christmas": _l("Orthodox Christmas"),
    "International Women's Day": _l("International Women's Day"),
    "Nowruz Holiday": _l("Nauryz"),
    "Kazakhstan's People Solidarity Holiday": _l("Unity Day of the People of Kazakhstan"),
    "Defender of the Fatherland Day": _l("Defender of the Fatherland Day"),
    "Victory Day": _l("Victory Day"),
    "Capital Day": _l("Capital Day"),
    "Eid al-Adha": _l("Kurban Ait"),
    "Constitution Day": _l("Constitution Day"),
    "Republic Day": _l("Republic Day"),
    "Independence Day": _l("Independence Day"),
    "First President Day": _l("First President Day"),
}

ACCOMMODATIONS = {
    "private": _l("A flat or house of a private owner"),
    "hotel": _l("A hotel, hostel or sanatorium"),
    "employer": _l("Housing from my employer"),
    "dormitory": _l("A dormitory: a student or workers' hostel"),
    "none": _l("No place to stay yet, or not decided"),
}

# The registration step for each place to stay (rules/data/accommodation.json names them by key;
# the phone gets them from webapp/deadlines/offline_data.py). A title takes the deadline as %(date)s.
OBLIGATION_TITLES = {
    "register_online": _l("Register online by %(date)s"),
    "register_no_place": _l("Find a place to stay and register online by %(date)s"),
    "notice_by_host": _l("Your host must notify the migration police by %(date)s"),
    "notice_by_hotel": _l("The hotel must notify the migration police by %(date)s"),
    "notice_by_employer": _l("Your employer must notify the migration police by %(date)s"),
    "notice_by_dormitory": _l("The dormitory must notify the migration police by %(date)s"),
    "notice_no_host": _l("Whoever houses you must notify the migration police by %(date)s"),
}

OBLIGATION_STEPS = {
    # The host notifies (the 2020 and 2023 rules; visitors with a shorter stay from 2026).
    "notice_channels": _l("The host notifies the migration police in one of three ways: in person at the migration police; online at vmp.gov.kz or egov.kz with their digital signature (EDS); or in the eQonaq mobile app, which can scan your passport."),
    "notice_host_needs": _l("The host needs a copy of your passport, the address where you stay and their own details: IIN for a person, BIN for a company."),
    "notice_result": _l("The result is a PDF with a QR code. Ask for a copy: no PDF means it is not done, so submit again. The host is the one fined for a late notice."),
    "notice_hotel": _l("Hotels notify for their guests. Ask at the reception for the notification with its QR code."),
    "notice_hotel_how": _l("At check-in the hotel takes your passport details and notifies online (vmp.gov.kz, eqonaq.kz or the eQonaq app) with its own digital signature."),
    "notice_employer": _l("The company that employs and houses you notifies for you, online at vmp.gov.kz or eqonaq.kz with the company's digital signature (EDS), or in the eQonaq mobile app."),
    "notice_employer_needs": _l("Give the person who deals with it (often the HR department) a copy of your passport and the address where you live; the notice carries the company's BIN."),
    "notice_dormitory": _l("A dormitory notifies for those who live there, like any host; for students, the university's international office files the notice."),
    "notice_dormitory_students": _l("Students: take your passport to the international office as soon as you arrive. Universities ask for it within days of crossing the border, often sooner than the legal deadline."),
    "notice_no_host": _l("Only the one who houses you can notify: a landlord, a hotel (hotels do it for their guests), an employer or a dormitory. Our sources do not say what to do while you have no host: if no one can notify by this date, ask the migration police or the free hotline 1414 before it."),
    # The person registers (the 90-day countries from 1 July 2026).
    "self_enter": _l("Enter your details in the migration police information system: your name, date of birth, passport, the address where you stay and the details of the person who houses you."),
    "self_owner_confirms": _l("The owner of the home gets a message in a mobile app and confirms or refuses. Once confirmed, the registration certificate appears in your personal account. No certificate means you are not registered yet."),
    "self_owner_refuses": _l("If the owner refuses, stay somewhere else, for example in a hotel, and register with that address."),
    "self_certificate": _l("Once confirmed, the registration certificate appears in your personal account. No certificate means you are not registered yet."),
    "self_hotel": _l("In a hotel, rest house or sanatorium you register yourself too, with its address; the hotel confirms in the mobile app (ask at the reception if nothing comes). Our sources do not say whether a hotel may register its guests for them."),
    "self_employer": _l("Give the address of the housing your employer provides; the employer confirms in the mobile app (ask who in the company does it). Our sources do not say whether an employer may register its workers for them."),
    "self_dormitory": _l("Give the dormitory's address; its administration confirms in the mobile app. Our sources do not say whether universities still register their students under these rules: ask the international office."),
    "self_service_address": _l("Our sources do not name the address of the online service. Look for it on egov.kz or ask the free hotline 1414."),
    "no_place_start": _l("The deadline counts from the day you crossed the border, whether or not you have a place yet."),
    "self_no_place_needs": _l("To register you need an address and the details of the one who houses you, who must confirm in the mobile app: a home, a dormitory, a hotel, a rest house or a sanatorium. Register as soon as you have one, and by this date."),
    "self_no_place_silent": _l("Our sources do not say what happens if you have no place by then. Ask the migration police or the free hotline 1414 before this date."),
}

REGIONS = {
    "atyrau": _l("Atyrau Region"),
    "west_kazakhstan": _l("West Kazakhstan Region"),
    "aktobe": _l("Aktobe Region"),
    "kostanay": _l("Kostanay Region"),
    "north_kazakhstan": _l("North Kazakhstan Region"),
    "pavlodar": _l("Pavlodar Region"),
    "east_kazakhstan": _l("East Kazakhstan Region"),
}

# Only shown by the phone's own result page (static/js/offline-plan.js); listed here to be translated.
OFFLINE_ONLY = (
    _l("Worked out on this phone without a connection."),
    _l("Some answers are missing or not valid. Change your answers."),
)

# The "Rules and sources" page: each rule set in plain words (webapp/templates/rules.html), its
# numbers from its own rules.
RULE_SET_SUMMARIES = {
    "kz-2020-host-notification": RuleText(
        _l("Foreigners did not register themselves: the host (the owner, the hotel, the employer or the dormitory) notified the migration police within %(working_days)s of each arrival. Citizens of EAEU countries could stay %(stay_days)s from each entry, so leaving and coming back started the count again."),
        "kz-2020-host-notification", working_days="eaeu.registration.working_days", stay_days="eaeu.stay.per_entry"),
    "kz-2023-90-in-180": RuleText(
        _l("Leaving and coming back no longer starts the count again: a stay is limited to %(max_days)s in any %(window)d-day period. Visitors from other visa-free countries may also stay at most %(per_entry_days)s per entry. The host still notifies the migration police within %(working_days)s."),
        "kz-2023-90-in-180", max_days="eaeu.stay.window.max_days", window="eaeu.stay.window.window_days",
        per_entry_days="visa_free_30.stay.per_entry", working_days="eaeu.registration.working_days"),
    "kz-2026-self-registration": RuleText(
        _l("Citizens of countries with a %(max)d-day stay register themselves online by calendar day %(n)d after crossing the border; the owner of the housing confirms in a mobile app, and the registration certificate appears in the person's online account. After moving, they register again within %(working_days)s. The limit of %(max_days)s in any %(window)d-day period stays."),
        "kz-2026-self-registration", max="eaeu.stay.window.max_days", n="eaeu.registration.calendar_days",
        working_days="eaeu.address_change.working_days", max_days="eaeu.stay.window.max_days",
        window="eaeu.stay.window.window_days"),
}
GROUP_NAMES = {
    "eaeu": _l("Citizens of Armenia, Belarus, Kyrgyzstan and Russia (EAEU)"),
    "visa_free_30": _l("Citizens of other visa-free countries"),
}
