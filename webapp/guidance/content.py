"""Short answers to "What if…" and the border checklist: each says what its sources say, and what
they do not (the team's research notes, re-checked with the search tools on 2026-11-25). A claim with no
source is not made; where the sources stop, the text says so. Sources are in rules/data/sources.json.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from ..messages import RuleText

# The rule sets the answers speak of ("from 1 July 2026", "before 1 July 2026"): their numbers come
# from these rule sets' rules (regimes.json).
RULES_2026, RULES_2023 = "kz-2026-self-registration", "kz-2023-90-in-180"


@dataclass(frozen=True)
class Answer:
    id: str  # the anchor in the page
    question: object  # lazy string
    paragraphs: tuple
    sources: tuple[str, ...]
    unknown: object = None  # what no source says


WHAT_IF = (
    Answer(
        "owner-refuses", _l("The owner of my housing refuses to register me"),
        (
            _l("From 1 July 2026 you enter your details and the owner confirms or refuses in a mobile app. The owner's refusal is one of the grounds to refuse your registration, with wrong details and a stay already over its limit."),
            RuleText(_l("You can register at another address: the new rules cover houses, flats, dormitories, hotels, holiday homes, sanatoriums and other places to stay. The deadline is calendar day %(n)d after you crossed."),
                     RULES_2026, n="eaeu.registration.calendar_days"),
            RuleText(_l("Before 1 July 2026 it is the host who notifies the migration police within %(working_days)s, and the host who answers for not doing it: a warning for a private person, a fine for an official or an organisation."),
                     RULES_2023, working_days="eaeu.registration.working_days"),
        ),
        ("trend-order-923", "24kg-order-923", "inform-order-923", "wpk-notification", "kodeksy-518"),
        _l("No source says what else a foreigner can do when the owner refuses, or whether registering elsewhere changes the deadline."),
    ),
    Answer(
        "moving", _l("I move to another address"),
        (
            RuleText(_l("From 1 July 2026 you register again within %(working_days)s; your registration at the old address ends by itself."),
                     RULES_2026, working_days="eaeu.address_change.working_days"),
            RuleText(_l("Before 1 July 2026 the host at the new address notifies the migration police within %(working_days)s of the change of address."),
                     RULES_2023, working_days="eaeu.address_change.working_days"),
        ),
        ("trend-order-923", "24kg-order-923", "wpk-address-change"),
        RuleText(_l("No source says whether the %(working_days)s count from the day you move."),
                 RULES_2026, working_days="eaeu.address_change.working_days"),
    ),
    Answer(
        "overstay", _l("I stayed longer than I may (overstay)"),
        (
            _l("Under article 517 of the Code of Administrative Offences, staying up to 3 days too long brings a warning, and more than 3 days up to 5 days a fine of 10 monthly calculation indices."),
            _l("For longer overstays the article goes up to expulsion. In cases the deputy minister of internal affairs described, people expelled by a court were banned from entering for 5 years, and a fine left unpaid stops the next entry until it is paid."),
            _l("If you may overstay, go to the migration police before your last day: the migration police advise a week before."),
        ),
        ("oq-overstay", "mgorod-517", "arasha-entry-ban"),
        _l("We did not find the article's text for overstays of more than 5 days; an older report gives other amounts, from a proposal. Ask the migration police or the free hotline 1414."),
    ),
    Answer(
        "permit-pending", _l("My application for a residence permit is pending"),
        (
            _l("No source says that an application extends your stay: until a permit is issued, count your days as before. The migration police warned that people overstayed while their documents were still being considered."),
            RuleText(_l("The limit of %(max_days)s in %(window)d does not apply to those who obtained a temporary residence permit or a visa during their stay."),
                     RULES_2026, max_days="eaeu.stay.window.max_days", window="eaeu.stay.window.window_days"),
            _l("A temporary residence permit needs the owner of your housing in person, someone with their power of attorney, or their notarised consent. An application for a permanent residence permit needs a foreign passport valid for at least 180 more days."),
        ),
        ("oq-overstay", "alau-residence-permit", "informburo-residence-2023"),
        _l("No source says in so many words that a pending application does not extend your stay; no source gives how long a decision takes."),
    ),
    Answer(
        "no-eds", _l("I have no digital signature (EDS)"),
        (
            _l("Your host can notify without an EDS on paper at the migration police. Online, through vmp.gov.kz or egov.kz, the host needs their own EDS. There is also the eQonaq app."),
            _l("A non-resident's phone number is not in the Mobile citizens database, so the new check when an EDS is re-issued does not apply to non-residents."),
        ),
        ("zhaikpress-channels", "dos-notification-channels", "kazinform-eds-2025"),
        _l("No source says whether eQonaq asks for an EDS, whether the 2026 self-registration does, or how a non-resident re-issues an EDS online."),
    ),
    Answer(
        "lost-passport", _l("I lost my passport"),
        (
            _l("Tell your country's embassy or consulate at once. Report the loss to the police where you are and take their certificate."),
            _l("When the embassy has issued a return certificate or a temporary passport, apply at the migration police for an exit visa, with the police certificate."),
        ),
        ("buqara-lost-passport", "wpk-lost-passport"),
        _l("No source says whether citizens of the EAEU countries need the exit visa too. Ask your embassy."),
    ),
    Answer(
        "iin-card", _l("I need an IIN or a bank card"),
        (
            _l("The IIN is issued in person at a Public Service Centre (ЦОН) where you stay, with your passport: not online under the rules of 29 February 2024, and not by embassies since 1 January 2025. According to gov.kz it takes 1 working day and is free."),
            _l("A bank card needs an IIN. From 19 January 2025 cards for non-residents are valid for at most 12 months. In January 2025 at least six banks paused issuing cards to non-residents: ask the bank before you go."),
        ),
        ("zakon-iin-2024", "govkz-nonresidents", "intinvest-cards-2025", "alumni-cards-2025", "vedomosti-cards-2025"),
        _l("We do not know which banks issue cards to non-residents today."),
    ),
    Answer(
        "children", _l("Who registers a child"),
        (
            _l("Under the rules of 2020 the host filled in, in the same application on vmp.gov.kz, the details of the foreigner and, where needed, of their children: the children were on the notice of the adult they came with."),
        ),
        ("investastana-2020-notification",),
        _l("No source we read says who registers a child under the rules since 27 January 2023 or from 1 July 2026, nor from what age; none says that children need no registration. List each child in the documents, and ask the migration police or call 1414 before the registration's date."),
    ),
)
# The one on children, which the host's page asks too (webapp/host/content.py).
CHILDREN = WHAT_IF[-1]

# The border checklist: each item with the sources that make it worth checking. Ticks stay on the
# phone (static/js/answers.js, journey "checklist").
@dataclass(frozen=True)
class Item:
    id: str
    text: object
    sources: tuple[str, ...]


CHECKLIST = (
    Item("passport", _l("Your passport. Russian citizens may enter and stay on the internal passport. To apply for a permanent residence permit you need a foreign passport valid for at least 180 more days: take it if you may apply."),
         ("sputnik-internal-passport-2023", "informburo-residence-2023")),
    Item("children", _l("Children under 14 who are Russian citizens: from 20 January 2026 they may leave Russia only with a foreign passport, not with a birth certificate. From 14, the internal passport is enough."),
         ("yk-children-2026", "kursiv-children-2026")),
    Item("address", _l("The address where you will stay and how to reach your host: your registration, or your host's notice, has a deadline counted from the day you cross."),
         ("inform-order-923", "wpk-notification")),
    Item("entry-date", _l("Note the day you cross the border: your registration deadline and your days of stay count from it."),
         ("inform-order-923", "wpk-notification", "astanatimes-2023-visa-run")),
    Item("offline", _l("Tirkeu without a connection: open it once while you have one, until it says “Ready offline”. Your answers stay on your phone."),
         ()),
)
# What we looked for and did not find: said on the page, so that nobody reads silence as "not needed".
CHECKLIST_NOT_FOUND = _l("We found no source saying that you must enter on the foreign passport, that you should check an entry stamp, or that border officers ask for your address, and no current source on whether visa-free travellers still get a migration card.")
