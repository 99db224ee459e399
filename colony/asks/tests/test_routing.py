"""Routing: the right people, across languages, with reasons; nobody flooded."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from colony.asks.routing import rank_candidates
from colony.testing import make_person, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(commit):
    with commit():
        people = {
            "sap": make_person("sanne", title="ERP consultant", skills=["SAP", "data migration"],
                               bio="I move finance and logistics data between ERP systems."),
            "k8s": make_person("kostya", title="Platform engineer", skills=["Kubernetes", "Helm"],
                               bio="Container platforms and CI pipelines."),
            "pay": make_person("putri", title="Payroll specialist", skills=["payroll"],
                               bio="Salary administration for the Jakarta office."),
            "chef": make_person("carlo", title="Office manager", bio="Canteen menus and office events."),
        }
    with commit():
        publish(people["sap"], "Finished the SAP S/4HANA data migration for the Rotterdam warehouse today.")
        publish(people["k8s"], "Upgraded our Kubernetes clusters, zero downtime.")
        publish(people["chef"], "Pizza on Friday in the canteen!")
    return people


def test_a_dutch_ask_finds_the_english_expert_first(org, leader):
    ranked = rank_candidates("Wie kan helpen met het migreren van onze SAP-gegevens naar het nieuwe systeem?",
                             asker=leader, limit=4)
    assert ranked[0].handle == "sanne"
    codes = {r["code"] for r in ranked[0].reasons}
    assert "skills" in codes and "wrote" in codes
    assert "leader" not in [c.handle for c in ranked]


def test_an_indonesian_ask_about_salaries_finds_payroll(org, leader):
    ranked = rank_candidates("Saya perlu bantuan dengan perhitungan gaji karyawan bulan ini", asker=leader, limit=2)
    assert ranked[0].handle == "putri"


def test_away_people_and_excluded_handles_are_left_out(org, leader):
    org["sap"].away_until = timezone.now() + timedelta(days=3)
    org["sap"].save()
    handles = [c.handle for c in rank_candidates("SAP data migration", asker=leader, limit=10, exclude=["kostya"])]
    assert "sanne" not in handles and "kostya" not in handles and handles


def test_people_already_sent_their_daily_share_are_left_out(org, leader, settings, commit):
    from colony.asks.actions import do_create_ask

    settings.COLONY_ASK_DAILY_CAP = 1
    with commit():
        do_create_ask(author=leader, need="Who knows SAP data migration?")
    assert "sanne" not in [c.handle for c in rank_candidates("SAP data migration", asker=leader, limit=10)]
