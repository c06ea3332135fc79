"""Kazakhstan's working-day calendar: weekends, public holidays and days off moved by decree.

Holidays come from the `holidays` package (country KZ); data/holiday_corrections.json fixes the
days where the package disagrees with the published decrees.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import holidays

DATA = Path(__file__).with_name("data")
FIRST_YEAR, LAST_YEAR = 2000, 2100


@dataclass(frozen=True)
class DayOff:
    day: date
    reason: str  # "weekend", "holiday" or "moved_day_off"
    name: str = ""  # English holiday name from the package, for the "Why this date?" view


class WorkingCalendar:
    def __init__(self, days_off: dict[date, DayOff], working_weekends: set[date]):
        self._days_off = days_off
        self._working_weekends = working_weekends

    def day_off(self, day: date) -> DayOff | None:
        """Why `day` is not a working day, or None when it is one."""
        if day in self._working_weekends:
            return None
        if day in self._days_off:
            return self._days_off[day]
        if day.weekday() >= 5:
            return DayOff(day, "weekend")
        return None

    def is_working_day(self, day: date) -> bool:
        return self.day_off(day) is None

    def nth_working_day_after(self, start: date, n: int) -> tuple[date, list[date], list[DayOff]]:
        """The nth working day after `start` (start itself not counted), with the working days
        counted and the days skipped on the way, so the page can show its working."""
        counted: list[date] = []
        skipped: list[DayOff] = []
        day = start
        while len(counted) < n:
            day += timedelta(days=1)
            off = self.day_off(day)
            if off is None:
                counted.append(day)
            else:
                skipped.append(off)
        return day, counted, skipped

    def days_off_in(self, year: int) -> list[DayOff]:
        """Holidays and moved days off of one year (not plain weekends), for export."""
        return sorted((d for d in self._days_off.values() if d.day.year == year), key=lambda d: d.day)

    def working_weekends_in(self, year: int) -> list[date]:
        return sorted(d for d in self._working_weekends if d.year == year)


def _is_moved(name: str) -> bool:
    # "(observed)": a holiday that fell on a weekend, moved to the next working day by law;
    # "Day off (substituted ...)": a day off swapped with a weekend day by government decree.
    lowered = name.lower()
    return "observed" in lowered or "substituted" in lowered


@lru_cache(maxsize=1)
def holiday_corrections() -> dict:
    """data/holiday_corrections.json, read once: the corrections and the record of each year's check."""
    return json.loads((DATA / "holiday_corrections.json").read_text(encoding="utf-8"))


def unverified_years() -> list[int]:
    """Years whose days off are not yet compared with a decree on moving them."""
    return sorted(int(year) for year, check in holiday_corrections()["verified_years"].items()
                  if check["status"] != "matches")


@lru_cache(maxsize=1)
def kazakhstan_calendar() -> WorkingCalendar:
    years = range(FIRST_YEAR, LAST_YEAR + 1)
    package = holidays.country_holidays("KZ", years=years, language="en_US")
    days_off = {
        day: DayOff(day, "moved_day_off" if _is_moved(name) else "holiday", name)
        for day, name in package.items()
    }
    working_weekends = set(package.weekend_workdays)

    corrections = holiday_corrections()
    for item in corrections["add_days_off"]:
        day = date.fromisoformat(item["date"])
        days_off[day] = DayOff(day, "moved_day_off" if "moved" in item["reason"].lower() else "holiday", item["reason"])
        working_weekends.discard(day)
    for item in corrections["remove_days_off"]:
        days_off.pop(date.fromisoformat(item["date"]), None)
    for item in corrections["add_working_days"]:
        working_weekends.add(date.fromisoformat(item["date"]))
    for item in corrections["remove_working_days"]:
        working_weekends.discard(date.fromisoformat(item["date"]))
    return WorkingCalendar(days_off, working_weekends)
