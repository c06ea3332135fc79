"""The host's page over HTTP: the same page for every host, in the host's language, saying what a
host does for each duty, with sources, and the host's questions answered or marked not found.
The guests' details are not in it: they are after the link's "#", read on the host's phone
(tests/browser/test_send_to_host.py)."""
from __future__ import annotations

import re
from html import unescape

import pytest

from webapp.host.content import DUTIES, QUESTIONS

WORDS = {
    "ru": ("У вас живёт иностранный гость: что нужно сделать", "Что придёт", "Что проверить", "Что нажать", "Что нужно",
           "Я не собственник (родственник, арендатор)", "Сообщение не пришло", "Данные гостя неверны", "Кто регистрирует ребёнка",
           "КоАП РК, статья 518; kodeksy-kz.com, проверено 25.11.2026", "Не найдено"),
    "kk": ("Сізде шетелдік қонақ тұрады: не істеу керек", "Не келеді", "Нені тексеру керек", "Нені басу керек", "Не қажет",
           "Мен меншік иесі емеспін (туысымын, жалға алушымын)", "Хабарлама келмеді", "Қонақтың деректері қате",
           "Баланы кім тіркейді"),
    "en": ("You host a guest from abroad: what to do", "What arrives", "What to check", "What to press", "What you need",
           "I am not the owner (a relative, a tenant)", "No message has come", "The guest's details are wrong",
           "Who registers a child", "No source we read names the app", "Not found:"),
}


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.mark.parametrize("lang", WORDS)
def test_the_hosts_page_says_what_a_host_does_in_the_hosts_language(client, lang):
    response = client.get(f"/{lang}/host")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    shown = text(html.split("<main", 1)[1])
    for words in WORDS[lang]:
        assert words in shown, words
    # Each duty and each question cites its sources; where the sources stop, each question says so.
    assert html.count('class="sources"') == len(DUTIES) + len(QUESTIONS)
    assert shown.count({"ru": "Не найдено", "kk": "Табылмады", "en": "Not found"}[lang]) == len(QUESTIONS)


def test_the_hosts_page_names_no_app_and_gives_the_host_no_deadline_of_their_own(client):
    shown = text(client.get("/en/host").get_data(as_text=True))
    assert "No source we read names the app" in shown
    assert "not a day of your own" in shown  # the sources give only the guest's deadline
    # The penalty is the notice's (article 518), never said of a confirmation.
    notice = shown.split("You notify the migration police", 1)[1]
    assert "article 518" in notice and "article 518" not in shown.split("You notify the migration police", 1)[0]


def test_children_are_answered_the_same_on_what_if_and_the_hosts_page(client):
    for lang in WORDS:
        what_if = text(client.get(f"/{lang}/what-if").get_data(as_text=True))
        host = text(client.get(f"/{lang}/host").get_data(as_text=True))
        question = WORDS[lang][8]
        assert question in what_if and question in host
        assert "vmp.gov.kz" in what_if.split(question, 2)[-1] and "vmp.gov.kz" in host.split(question, 1)[1]
