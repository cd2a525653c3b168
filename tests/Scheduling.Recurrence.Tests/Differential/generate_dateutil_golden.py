"""Generate dateutil-golden.jsonl, an independent reference for the recurrence engine.

Each output line is one random but reproducible recurrence case expanded with
python-dateutil's ``rrulestr``. The C# differential test expands the same case
with the engine and compares the two lists of occurrences.

How to run (Debian; use the system interpreter, not a pyenv/virtualenv one):

    apt-get install python3-dateutil
    /usr/bin/python3 generate_dateutil_golden.py > dateutil-golden.jsonl

The RNG seed is fixed, so two runs against the same dateutil and tzdata give
byte-identical output. The checked-in file was produced with Debian 12
python3 3.11.2, python3-dateutil 2.8.2-2 and tzdata 2025b-0+deb12u2 (zoneinfo
reads /usr/share/zoneinfo). Cases stay within 1995..2035 so the system tzdata
and the TZDB that NodaTime embeds agree. Asia/Tehran has no DST after 2022
(tzdata 2022b and later); America/Sao_Paulo has none after 2019.

Line format (keys in this order; local date-times are "YYYY-MM-DDTHH:MM:SS"
wall-clock readings in ``tz``):

    {"id": "g0001", "tz": ..., "dtstart": ..., "rrule": ..., "exdate": [...],
     "rdate": [...], "from": ..., "to": ..., "occurrences": [...]}

``occurrences`` are "YYYY-MM-DDTHH:MM:SS+HH:MM": the instant, written in ``tz``
with the UTC offset in effect at that instant ("+00:00" for UTC, never "Z").

``rrule`` is written in one canonical spelling: FREQ first, then INTERVAL
(only when > 1), BYSECOND, BYMINUTE, BYHOUR, BYDAY, BYMONTHDAY, BYYEARDAY,
BYWEEKNO, BYMONTH, BYSETPOS, WKST, and last COUNT or UNTIL (never both).
Numbers within a part are ascending with positives before negatives
("1,15,-1,-7"). BYDAY entries go Monday to Sunday, with no "+" on ordinals.
UNTIL is always in UTC form ("20250310T120000Z").

Semantics (the engine's contract, implemented here around dateutil):

* DTSTART is a wall-clock time in the IANA zone ``tz``. The rule is expanded
  by dateutil from an aware DTSTART, so it steps in local wall-clock time.
  A FREQ=HOURLY series therefore doesn't repeat the hour that a fall-back
  repeats, and its wall-clock readings may fall in a spring-forward gap.
* A wall-clock reading becomes an instant per RFC 5545 3.3.5. A reading in a
  gap uses the UTC offset from before the gap (New York 2025-03-09T02:30 is
  07:30Z, printed 2025-03-09T03:30:00-04:00). An ambiguous reading takes the
  earlier instant. zoneinfo with fold=0 does exactly this (PEP 495); the
  script checks it at start-up.
* occurrences = rule occurrences + RDATEs, minus every item whose wall-clock
  start equals an EXDATE. The rest are turned into instants. Items that share
  an instant appear once, and the list is sorted by instant. COUNT counts rule
  occurrences (wall-clock readings) before EXDATEs are removed and before
  duplicate instants are merged. Because gap readings move forward, a
  reading from just after a gap can land before an earlier reading from
  inside it, even before DTSTART's own instant.
* ``from`` and ``to`` are wall-clock times converted in the same way. An
  occurrence is kept when from <= instant < to.
* UNTIL is inclusive and compared as an instant.
* The engine treats DTSTART as the first occurrence (RFC 5545 3.3.10).
  dateutil instead drops a DTSTART that the rule doesn't generate. So every
  DTSTART here is the rule's own first occurrence from a random seed time,
  and a case is kept only if re-expanding from that DTSTART yields it first.

Cases where dateutil is known to differ from RFC 5545, or where the RFC is
ambiguous, are never generated or are detected and dropped (see
``dateutil_divergence``):

* WEEKLY with BYSETPOS: dateutil builds the first week's set from DTSTART
  onwards, not from the start of the week (dateutil issue #1398).
* BYWEEKNO: dateutil 2.8.2 misnumbers days early in January that belong to
  the previous year's last week (dateutil PR #1537). Every BYWEEKNO case is
  checked against an independent week-number computation.
* UNTIL where local time runs non-monotonically across a gap: dateutil stops
  at the first wall-clock reading after UNTIL. A case is kept only if that
  equals "every rule occurrence whose instant is <= UNTIL".
* Not generated at all: YEARLY;BYMONTHDAY without BYMONTH and YEARLY;BYWEEKNO
  without BYDAY. dateutil expands these over every month or every weekday,
  while RFC 5545 says the missing part comes from DTSTART (dateutil issue
  #1452). Also not generated: ordinals in BYDAY outside MONTHLY/YEARLY or
  alongside BYWEEKNO, and other combinations that RFC 5545 forbids.
"""

import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from itertools import islice
from math import gcd
from zoneinfo import ZoneInfo

import dateutil
from dateutil.rrule import rrulestr

SEED = 5545_2025

CASES_PER_FREQ = {
    "YEARLY": 80,
    "MONTHLY": 85,
    "WEEKLY": 75,
    "DAILY": 80,
    "HOURLY": 42,
    "MINUTELY": 28,
    "SECONDLY": 16,
}
SUB_DAILY = ("HOURLY", "MINUTELY", "SECONDLY")

# Zone and its relative weight. Zones with DST transitions are weighted up.
ZONES = {
    "America/New_York": 3,
    "America/Los_Angeles": 2,
    "Europe/London": 2,
    "Europe/Berlin": 2,
    "Australia/Sydney": 2,
    "Pacific/Auckland": 2,
    "America/Sao_Paulo": 2,
    "Asia/Tehran": 2,
    "Australia/Lord_Howe": 2,
    "Asia/Tokyo": 1,
    "Asia/Kolkata": 1,
    "Asia/Kathmandu": 1,
    "UTC": 1,
}

FIRST_YEAR, LAST_YEAR = 1995, 2035
WINDOW_FLOOR = datetime(FIRST_YEAR, 1, 1)
WINDOW_CEILING = datetime(LAST_YEAR + 1, 1, 1)
LAST_DTSTART = datetime(LAST_YEAR - 1, 12, 31, 23, 59, 59)

MAX_OCCURRENCES = 400
MAX_EMPTY_WINDOWS = 3
MAX_RULE_ITEMS = 20_000
PREVIEW_LENGTH = 500
NEAR_TRANSITION_SHARE = 0.45
EXCEPTION_SHARE = 0.10
LONG_WINDOW_SHARE = 0.10

# A wall-clock reading more than this past `to` cannot be an instant before
# `to`: UTC offsets in the chosen zones move by at most one hour.
STOP_MARGIN = timedelta(hours=3)

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MONDAY, SUNDAY = 0, 6
LOCAL_FORMAT = "%Y-%m-%dT%H:%M:%S"
UNTIL_FORMAT = "%Y%m%dT%H%M%SZ"

# Values valid in every month (so BYMONTH combined with them is never empty).
SAFE_MONTH_DAYS = (1, 2, 5, 10, 13, 15, 20, 25, 28, -1, -2, -5, -10, -15, -28)
MONTH_DAYS = SAFE_MONTH_DAYS + (29, 30, 31, -29, -30, -31)
YEAR_DAYS = (1, 2, 32, 59, 60, 100, 182, 183, 256, 300, 365, 366,
             -1, -2, -7, -100, -183, -306, -365, -366)
YEAR_ORDINALS = (1, 2, 3, 10, 13, 20, 26, 40, 52, -1, -2, -3, -10, -20, -52)
MONTH_ORDINALS = (1, 2, 3, 4, -1, -2, -3, -4)
BOUNDARY_WEEKS = (1, 2, 52, 53, -1, -2)
INTERIOR_WEEKS = tuple(range(3, 50))
SETPOS_CHOICES = ([1], [-1], [2], [-2], [3], [-3], [1, -1])

PART_ORDER = ("INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY",
              "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS",
              "WKST", "COUNT", "UNTIL")


class Rejected(Exception):
    """A candidate case that is not emitted; the message says why."""


def require(condition, message):
    if not condition:
        raise SystemExit(f"generate_dateutil_golden: {message}")


# --- Wall-clock readings and instants ---------------------------------------

def to_instant(local, zone):
    """RFC 5545 3.3.5: a gap reading uses the offset before the gap; an
    ambiguous reading is the earlier instant. zoneinfo with fold=0 does both."""
    return local.replace(tzinfo=zone, fold=0).astimezone(timezone.utc)


def format_local(local):
    return local.strftime(LOCAL_FORMAT)


def format_occurrence(instant, zone):
    return instant.astimezone(zone).isoformat(timespec="seconds")


def check_conversion_rule():
    new_york = ZoneInfo("America/New_York")
    gap = to_instant(datetime(2025, 3, 9, 2, 30), new_york)
    require(gap == datetime(2025, 3, 9, 7, 30, tzinfo=timezone.utc),
            f"gap reading converts to {gap}, expected 07:30Z")
    require(format_occurrence(gap, new_york) == "2025-03-09T03:30:00-04:00",
            "gap reading does not print as 03:30-04:00")
    overlap = to_instant(datetime(2025, 11, 2, 1, 30), new_york)
    require(overlap == datetime(2025, 11, 2, 5, 30, tzinfo=timezone.utc),
            f"ambiguous reading converts to {overlap}, expected the earlier 05:30Z")
    require(format_occurrence(datetime(2025, 1, 1, tzinfo=timezone.utc), ZoneInfo("UTC"))
            == "2025-01-01T00:00:00+00:00", "UTC offset must print as +00:00")


# --- DST transitions --------------------------------------------------------

@dataclass(frozen=True)
class Transition:
    wall: datetime     # wall-clock reading at the change, in the old offset
    shift: timedelta   # new offset minus old offset; > 0 opens a gap

    def interesting_times(self):
        """Readings around the change: inside the gap or overlap and at its edges."""
        if self.shift > timedelta(0):
            gap_start, gap_end = self.wall, self.wall + self.shift
            return [gap_start, gap_start + self.shift / 2, gap_end - timedelta(minutes=1),
                    gap_end, gap_start - timedelta(minutes=30)]
        overlap_start, overlap_end = self.wall + self.shift, self.wall
        return [overlap_start, overlap_start - self.shift / 2,
                overlap_end - timedelta(minutes=1), overlap_end,
                overlap_start - timedelta(minutes=30)]


@lru_cache(maxsize=None)
def transitions_in_year(zone_name, year):
    zone = ZoneInfo(zone_name)
    instant = datetime(year, 1, 1, tzinfo=timezone.utc)
    year_end = datetime(year + 1, 1, 1, tzinfo=timezone.utc)
    offset = zone.utcoffset(instant.astimezone(zone))
    found = []
    while instant < year_end:
        following = instant + timedelta(hours=1)
        next_offset = following.astimezone(zone).utcoffset()
        if next_offset != offset:
            change = first_instant_with_new_offset(zone, instant, following, offset)
            wall = (change + offset).replace(tzinfo=None)
            found.append(Transition(wall, next_offset - offset))
        instant, offset = following, next_offset
    return tuple(found)


def first_instant_with_new_offset(zone, before, after, old_offset):
    while after - before > timedelta(minutes=1):
        middle = before + (after - before) / 2
        if middle.astimezone(zone).utcoffset() == old_offset:
            before = middle
        else:
            after = middle
    return after.replace(second=0, microsecond=0)


# --- Seeds --------------------------------------------------------------------

def pick_zone(rng):
    names = list(ZONES)
    return rng.choices(names, weights=[ZONES[name] for name in names])[0]


def pick_seed(rng, freq):
    """A zone and a wall-clock start to search the rule's first occurrence from."""
    zone_name = pick_zone(rng)
    if rng.random() < NEAR_TRANSITION_SHARE:
        transition = pick_transition(rng, zone_name)
        if transition is not None:
            return zone_name, seed_near(rng, freq, transition)
    return zone_name, random_seed(rng)


def pick_transition(rng, zone_name):
    for _ in range(8):
        year = rng.randint(FIRST_YEAR + 1, LAST_YEAR - 1)
        candidates = transitions_in_year(zone_name, year)
        if candidates:
            return rng.choice(candidates)
    return None


def seed_near(rng, freq, transition):
    anchor = rng.choice(transition.interesting_times())
    if freq == "HOURLY":
        return anchor - timedelta(hours=rng.randint(0, 30), minutes=rng.choice([0, 0, 30]))
    if freq == "MINUTELY":
        return anchor - timedelta(minutes=rng.randint(0, 150))
    if freq == "SECONDLY":
        return anchor - timedelta(minutes=rng.randint(0, 8), seconds=rng.randint(0, 59))
    lead_days = {"DAILY": 6, "WEEKLY": 20, "MONTHLY": 60, "YEARLY": 200}[freq]
    if rng.random() < 0.5:
        return anchor
    return anchor - timedelta(days=rng.randint(0, lead_days))


def random_seed(rng):
    day = date(FIRST_YEAR, 1, 1) + timedelta(days=rng.randrange(365 * (LAST_YEAR - FIRST_YEAR)))
    minute = rng.choice([0, 0, 0, 15, 30, 45, rng.randrange(60)])
    second = 0 if rng.random() < 0.9 else rng.randrange(60)
    return datetime(day.year, day.month, day.day, rng.randrange(24), minute, second)


# --- Rule parts ---------------------------------------------------------------

def rule_text(freq, parts):
    fields = [f"FREQ={freq}"]
    for name in PART_ORDER:
        if name in parts:
            fields.append(f"{name}={format_part(name, parts[name])}")
    return ";".join(fields)


def format_part(name, value):
    if name == "BYDAY":
        return format_weekdays(value)
    if name == "WKST":
        return WEEKDAYS[value]
    if name == "UNTIL":
        return value.strftime(UNTIL_FORMAT)
    if name in ("INTERVAL", "COUNT"):
        return str(value)
    return ",".join(str(v) for v in sorted(set(value), key=lambda v: (v < 0, abs(v))))


def format_weekdays(entries):
    def key(entry):
        ordinal, weekday = entry
        return weekday, ordinal is not None, (ordinal or 0) < 0, abs(ordinal or 0)
    ordered = sorted(set(entries), key=key)
    return ",".join(f"{ordinal or ''}{WEEKDAYS[weekday]}" for ordinal, weekday in ordered)


def plain_days(weekdays):
    return [(None, weekday) for weekday in weekdays]


def pick_interval(rng, common=(1, 1, 1, 1, 2, 2, 3, 4), rare=(5, 6, 7, 10, 13)):
    return rng.choice(rare) if rng.random() < 0.08 else rng.choice(common)


def with_interval(parts, interval):
    if interval > 1:
        parts["INTERVAL"] = interval
    return parts


def some_weekdays(rng, low, high, include=None):
    chosen = set(rng.sample(range(7), rng.randint(low, high)))
    if include is not None:
        chosen.add(include)
    return sorted(chosen)


def some_months(rng, low, high, include=None):
    chosen = set(rng.sample(range(1, 13), rng.randint(low, high)))
    if include is not None:
        chosen.add(include)
    return sorted(chosen)


def some_of(rng, values, low, high):
    return rng.sample(list(values), rng.randint(low, high))


def hours_around(rng, hour, extra):
    neighbours = [(hour + delta) % 24 for delta in (-1, 1, 2)]
    return sorted({hour, *rng.sample(neighbours, extra)})


def reachable_values(rng, start, interval, base, low, high):
    """BYxxx values a sub-daily FREQ can reach from `start` in steps of `interval`."""
    step = gcd(interval, base)
    candidates = [v for v in range(base) if (v - start) % step == 0]
    return sorted(rng.sample(candidates, min(len(candidates), rng.randint(low, high))))


def setpos_for(rng, set_size):
    return rng.choice([p for p in SETPOS_CHOICES if max(map(abs, p)) <= set_size])


def ordinal_in_month(day):
    days_in_month = (date(day.year + day.month // 12, day.month % 12 + 1, 1) - timedelta(days=1)).day
    return -1 if day.day + 7 > days_in_month else (day.day - 1) // 7 + 1


def pick_wkst(rng):
    return rng.choice([MONDAY, MONDAY, SUNDAY, SUNDAY, 1, 2, 3, 4, 5])


# YEARLY shapes. BYMONTHDAY always comes with BYMONTH, and BYWEEKNO with BYDAY.

def yearly_anniversary(rng, seed):
    return with_interval({}, pick_interval(rng))


def yearly_in_months(rng, seed):
    return with_interval({"BYMONTH": some_months(rng, 1, 3, seed.month)}, pick_interval(rng))


def yearly_month_days(rng, seed):
    if rng.random() < 0.3:
        return {"BYMONTH": [seed.month], "BYMONTHDAY": [seed.day]}
    return with_interval({"BYMONTH": some_months(rng, 1, 3),
                          "BYMONTHDAY": some_of(rng, SAFE_MONTH_DAYS, 1, 3)}, pick_interval(rng))


def yearly_nth_weekday_of_month(rng, seed):
    if rng.random() < 0.5:   # the seed's own rank, e.g. the DST change's "last Sunday in March"
        return {"BYMONTH": [seed.month], "BYDAY": [(ordinal_in_month(seed), seed.weekday())]}
    entries = [(rng.choice(MONTH_ORDINALS), rng.randrange(7)) for _ in range(rng.randint(1, 2))]
    return with_interval({"BYMONTH": some_months(rng, 1, 2), "BYDAY": entries}, pick_interval(rng))


def yearly_nth_weekday_of_year(rng, seed):
    entries = [(rng.choice(YEAR_ORDINALS), rng.randrange(7)) for _ in range(rng.randint(1, 2))]
    return with_interval({"BYDAY": entries}, pick_interval(rng))


def yearly_year_days(rng, seed):
    return with_interval({"BYYEARDAY": some_of(rng, YEAR_DAYS, 1, 3)}, pick_interval(rng))


def yearly_week_numbers(rng, seed):
    # Weeks at the year boundary spill into the neighbouring year; with INTERVAL > 1
    # RFC 5545 does not say which year's period they belong to, so keep INTERVAL=1 there.
    at_boundary = rng.random() < 0.5
    weeks = some_of(rng, BOUNDARY_WEEKS if at_boundary else INTERIOR_WEEKS, 1, 2)
    parts = {"BYWEEKNO": weeks, "BYDAY": plain_days(some_weekdays(rng, 1, 3))}
    if rng.random() < 0.6:
        parts["WKST"] = pick_wkst(rng)
    return parts if at_boundary else with_interval(parts, pick_interval(rng))


def yearly_weekdays_in_months(rng, seed):
    return with_interval({"BYMONTH": some_months(rng, 1, 2),
                          "BYDAY": plain_days(some_weekdays(rng, 1, 2))}, pick_interval(rng))


def yearly_weekday_of_year(rng, seed):
    return with_interval({"BYDAY": plain_days(some_weekdays(rng, 1, 1))}, pick_interval(rng))


def yearly_last_workday(rng, seed):
    return {"BYMONTH": some_months(rng, 1, 2), "BYDAY": plain_days(range(5)),
            "BYSETPOS": setpos_for(rng, 20)}


def yearly_weekday_in_seven_days(rng, seed):
    # RFC 5545 example: US election day, BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8
    first = rng.choice([1, 2, 8, 15, 22])
    return {"BYMONTH": some_months(rng, 1, 1), "BYDAY": plain_days([rng.randrange(7)]),
            "BYMONTHDAY": list(range(first, first + 7))}


# MONTHLY shapes.

def monthly_on_start_day(rng, seed):
    parts = with_interval({}, pick_interval(rng))
    if rng.random() < 0.2:
        parts["BYMONTH"] = some_months(rng, 2, 5, seed.month)
    return parts


def monthly_month_days(rng, seed):
    days = some_of(rng, MONTH_DAYS, 1, 3)
    parts = with_interval({"BYMONTHDAY": days}, pick_interval(rng))
    if rng.random() < 0.25 and all(abs(d) <= 28 for d in days):
        parts["BYMONTH"] = some_months(rng, 2, 5)
    return parts


def monthly_nth_weekday(rng, seed):
    if rng.random() < 0.4:
        entries = [(ordinal_in_month(seed), seed.weekday())]
    else:
        ordinals = MONTH_ORDINALS + (5, -5) if rng.random() < 0.2 else MONTH_ORDINALS
        entries = [(rng.choice(ordinals), rng.randrange(7)) for _ in range(rng.randint(1, 2))]
    parts = with_interval({"BYDAY": entries}, pick_interval(rng))
    if rng.random() < 0.2 and all(abs(n) <= 4 for n, _ in entries):
        parts["BYMONTH"] = some_months(rng, 2, 4)
    return parts


def monthly_weekdays(rng, seed):
    return with_interval({"BYDAY": plain_days(some_weekdays(rng, 1, 3))}, pick_interval(rng))


def monthly_setpos_of_weekdays(rng, seed):
    weekdays, set_size = rng.choice([(range(5), 20), ((5, 6), 8), ((1, 2, 3), 12)])
    return with_interval({"BYDAY": plain_days(weekdays), "BYSETPOS": setpos_for(rng, set_size)},
                         pick_interval(rng))


def monthly_setpos_of_month_days(rng, seed):
    days, set_size = rng.choice([([1, 15, -1], 3), ([5, 10, 15, 20], 4), ([1, -1], 2)])
    return {"BYMONTHDAY": days, "BYSETPOS": setpos_for(rng, set_size)}


def monthly_weekday_on_month_day(rng, seed):
    # e.g. Friday the 13th: BYDAY=FR;BYMONTHDAY=13
    day = 13 if rng.random() < 0.5 else rng.choice(SAFE_MONTH_DAYS)
    weekday = 4 if rng.random() < 0.5 else rng.randrange(7)
    return {"BYDAY": plain_days([weekday]), "BYMONTHDAY": [day]}


def monthly_weekday_in_seven_days(rng, seed):
    # RFC 5545 example: the first Saturday after the first Sunday, BYDAY=SA;BYMONTHDAY=7,...,13
    first = rng.choice([1, 7, 8, 15, 22])
    return with_interval({"BYDAY": plain_days([rng.randrange(7)]),
                          "BYMONTHDAY": list(range(first, first + 7))}, pick_interval(rng))


# WEEKLY shapes.

def weekly_plain(rng, seed):
    parts = with_interval({}, pick_interval(rng))
    if rng.random() < 0.3:
        parts["WKST"] = pick_wkst(rng)
    return parts


def weekly_days(rng, seed):
    parts = with_interval({"BYDAY": plain_days(some_weekdays(rng, 1, 4))}, pick_interval(rng))
    if rng.random() < (0.7 if "INTERVAL" in parts else 0.2):
        parts["WKST"] = pick_wkst(rng)
    return parts


def weekly_days_in_months(rng, seed):
    return with_interval({"BYDAY": plain_days(some_weekdays(rng, 1, 3)),
                          "BYMONTH": some_months(rng, 2, 6, seed.month)}, pick_interval(rng))


def weekly_setpos(rng, seed):
    weekdays = some_weekdays(rng, 2, 5)
    parts = {"BYDAY": plain_days(weekdays), "BYSETPOS": setpos_for(rng, len(weekdays))}
    if rng.random() < 0.5:
        parts["WKST"] = pick_wkst(rng)
    return with_interval(parts, pick_interval(rng))


# DAILY shapes.

def daily_plain(rng, seed):
    return with_interval({}, pick_interval(rng, rare=(7, 10, 13)))


def daily_on_weekdays(rng, seed):
    return with_interval({"BYDAY": plain_days(some_weekdays(rng, 1, 5))}, pick_interval(rng))


def daily_in_months(rng, seed):
    return with_interval({"BYMONTH": some_months(rng, 1, 4)}, pick_interval(rng))


def daily_on_month_days(rng, seed):
    return with_interval({"BYMONTHDAY": some_of(rng, MONTH_DAYS, 1, 3)}, pick_interval(rng))


def daily_at_hours(rng, seed):
    parts = {"BYHOUR": hours_around(rng, seed.hour, rng.randint(1, 2))}
    if rng.random() < 0.4:
        parts["BYMINUTE"] = sorted({seed.minute, rng.choice([0, 15, 30, 45])})
    return with_interval(parts, pick_interval(rng))


def daily_setpos_of_hours(rng, seed):
    return {"BYHOUR": hours_around(rng, seed.hour, 2), "BYSETPOS": setpos_for(rng, 3)}


def daily_mixed_filters(rng, seed):
    return {"BYDAY": plain_days(some_weekdays(rng, 1, 3)), "BYMONTH": some_months(rng, 2, 6)}


# HOURLY shapes. BYHOUR values are reachable from the seed's hour.

def hourly_plain(rng, seed):
    return with_interval({}, rng.choice([1, 1, 1, 2, 3, 4, 5, 6, 7, 12, 25]))


def hourly_filtered_hours(rng, seed):
    interval = rng.choice([1, 1, 2, 3, 4, 5])
    return with_interval({"BYHOUR": reachable_values(rng, seed.hour, interval, 24, 2, 6)}, interval)


def hourly_at_minutes(rng, seed):
    minutes = sorted({seed.minute, *rng.sample([0, 10, 15, 20, 30, 45], rng.randint(1, 2))})
    return with_interval({"BYMINUTE": minutes}, rng.choice([1, 1, 2, 3]))


def hourly_on_weekdays(rng, seed):
    return with_interval({"BYDAY": plain_days(some_weekdays(rng, 1, 5, seed.weekday()))},
                         rng.choice([1, 2, 3, 5]))


def hourly_on_days(rng, seed):
    if rng.random() < 0.5:
        return {"BYMONTHDAY": sorted({seed.day, rng.choice(SAFE_MONTH_DAYS)})}
    return {"BYYEARDAY": [seed.timetuple().tm_yday, rng.choice([1, -1, 100])]}


def hourly_setpos_of_minutes(rng, seed):
    return {"BYMINUTE": [0, 20, 40], "BYSETPOS": setpos_for(rng, 3)}


def hourly_at_seconds(rng, seed):
    return {"BYSECOND": sorted({seed.second, rng.choice([0, 15, 30, 45])})}


# MINUTELY shapes.

def minutely_plain(rng, seed):
    return with_interval({}, rng.choice([1, 2, 5, 7, 10, 15, 20, 30, 45, 90]))


def minutely_in_hours(rng, seed):
    interval = rng.choice([1, 5, 10, 15, 20, 30])
    return with_interval({"BYHOUR": hours_around(rng, seed.hour, rng.randint(1, 2))}, interval)


def minutely_at_seconds(rng, seed):
    seconds = sorted({seed.second, rng.choice([0, 20, 30, 45])})
    return with_interval({"BYSECOND": seconds}, rng.choice([1, 5, 15, 30]))


def minutely_filtered_minutes(rng, seed):
    interval = rng.choice([1, 2, 3, 4, 5, 6, 10, 15])
    return with_interval({"BYMINUTE": reachable_values(rng, seed.minute, interval, 60, 3, 10)}, interval)


def minutely_on_weekdays(rng, seed):
    return with_interval({"BYDAY": plain_days(some_weekdays(rng, 1, 4, seed.weekday()))},
                         rng.choice([15, 30, 45, 60, 90]))


def minutely_setpos_of_seconds(rng, seed):
    return with_interval({"BYSECOND": [0, 15, 30, 45], "BYSETPOS": setpos_for(rng, 4)},
                         rng.choice([1, 5, 10]))


# SECONDLY shapes.

def secondly_plain(rng, seed):
    return with_interval({}, rng.choice([1, 5, 10, 15, 30, 45, 60, 90, 120]))


def secondly_filtered_seconds(rng, seed):
    interval = rng.choice([1, 2, 3, 5, 10])
    return with_interval({"BYSECOND": reachable_values(rng, seed.second, interval, 60, 2, 6)}, interval)


def secondly_in_minutes(rng, seed):
    minutes = sorted({(seed.minute + delta) % 60 for delta in rng.sample(range(0, 40), 4)})
    return with_interval({"BYMINUTE": minutes}, rng.choice([1, 5, 10, 15, 30]))


def secondly_in_hours(rng, seed):
    return with_interval({"BYHOUR": hours_around(rng, seed.hour, 1)}, rng.choice([15, 30, 60]))


SHAPES = {
    "YEARLY": (yearly_anniversary, yearly_in_months, yearly_month_days, yearly_nth_weekday_of_month,
               yearly_nth_weekday_of_month, yearly_nth_weekday_of_year, yearly_nth_weekday_of_year,
               yearly_year_days, yearly_year_days, yearly_week_numbers, yearly_week_numbers,
               yearly_weekdays_in_months, yearly_weekday_of_year, yearly_last_workday,
               yearly_weekday_in_seven_days),
    "MONTHLY": (monthly_on_start_day, monthly_month_days, monthly_month_days, monthly_nth_weekday,
                monthly_nth_weekday, monthly_weekdays, monthly_setpos_of_weekdays,
                monthly_setpos_of_month_days, monthly_weekday_on_month_day,
                monthly_weekday_in_seven_days),
    "WEEKLY": (weekly_plain, weekly_days, weekly_days, weekly_days_in_months, weekly_setpos),
    "DAILY": (daily_plain, daily_plain, daily_on_weekdays, daily_in_months, daily_on_month_days,
              daily_at_hours, daily_at_hours, daily_setpos_of_hours, daily_mixed_filters),
    "HOURLY": (hourly_plain, hourly_plain, hourly_filtered_hours, hourly_at_minutes,
               hourly_on_weekdays, hourly_on_days, hourly_setpos_of_minutes, hourly_at_seconds),
    "MINUTELY": (minutely_plain, minutely_plain, minutely_in_hours, minutely_at_seconds,
                 minutely_filtered_minutes, minutely_on_weekdays, minutely_setpos_of_seconds),
    "SECONDLY": (secondly_plain, secondly_plain, secondly_filtered_seconds, secondly_in_minutes,
                 secondly_in_hours),
}


def add_time_parts(rng, seed, parts):
    """Expand day-or-longer rules to a few times of day, often at a DST-sensitive hour."""
    if "BYHOUR" not in parts and rng.random() < 0.22:
        parts["BYHOUR"] = hours_around(rng, seed.hour, rng.randint(0, 2))
    if "BYMINUTE" not in parts and rng.random() < 0.12:
        parts["BYMINUTE"] = sorted({seed.minute, rng.choice([0, 15, 30, 45])})
    if rng.random() < 0.04:
        parts["BYSECOND"] = sorted({seed.second, rng.choice([0, 30, 59])})


def pick_rule_parts(rng, freq, shape, seed):
    parts = shape(rng, seed)
    if freq not in SUB_DAILY:
        add_time_parts(rng, seed, parts)
    return parts


# --- Expansion with dateutil ------------------------------------------------

def rule_starts(rule, dtstart, zone, stop, limit=None):
    """Wall-clock starts dateutil generates from DTSTART up to `stop` (inclusive)."""
    iterator = iter(rrulestr(rule, dtstart=dtstart.replace(tzinfo=zone)))
    starts = []
    for start in islice(iterator, limit if limit is not None else MAX_RULE_ITEMS + 1):
        local = start.replace(tzinfo=None)
        if local > stop:
            break
        starts.append(local)
    if limit is None and len(starts) > MAX_RULE_ITEMS:
        raise Rejected("too many rule occurrences before the window ends")
    return starts


def first_start(rule, seed, zone):
    starts = rule_starts(rule, seed, zone, WINDOW_CEILING, limit=1)
    return starts[0] if starts else None


@dataclass
class Case:
    tz: str
    dtstart: datetime
    rrule: str
    window_from: datetime
    window_to: datetime
    exdates: tuple = ()
    rdates: tuple = ()

    @property
    def zone(self):
        return ZoneInfo(self.tz)

    def starts_in_window(self, rule=None, until=None):
        """Wall-clock rule starts whose instant lies in the window (before EXDATE/RDATE)."""
        window_start = to_instant(self.window_from, self.zone)
        window_end = to_instant(self.window_to, self.zone)
        starts = rule_starts(rule or self.rrule, self.dtstart, self.zone, self.window_to + STOP_MARGIN)
        return [s for s in starts
                if window_start <= to_instant(s, self.zone) < window_end
                and (until is None or to_instant(s, self.zone) <= until)]

    def occurrences(self, rule=None, until=None):
        """The engine contract: rule + RDATE - EXDATE (wall-clock), as unique
        sorted instants in the window."""
        window_start = to_instant(self.window_from, self.zone)
        window_end = to_instant(self.window_to, self.zone)
        excluded = set(self.exdates)
        rule_part = self.starts_in_window(rule, until)
        instants = {to_instant(s, self.zone) for s in [*rule_part, *self.rdates] if s not in excluded}
        return [i for i in sorted(instants) if window_start <= i < window_end]

    def to_json(self, number):
        record = {
            "id": f"g{number:04d}",
            "tz": self.tz,
            "dtstart": format_local(self.dtstart),
            "rrule": self.rrule,
            "exdate": [format_local(d) for d in self.exdates],
            "rdate": [format_local(d) for d in self.rdates],
            "from": format_local(self.window_from),
            "to": format_local(self.window_to),
            "occurrences": [format_occurrence(i, self.zone) for i in self.occurrences()],
        }
        return json.dumps(record, separators=(",", ":"))


# --- Known dateutil divergences ---------------------------------------------

def dateutil_divergence(freq, parts, dtstart, preview):
    """Why dateutil's expansion of this rule cannot serve as a reference, or None."""
    if freq == "WEEKLY" and "BYSETPOS" in parts and week_has_earlier_match(parts, dtstart):
        return "WEEKLY+BYSETPOS first week starts before DTSTART (dateutil #1398)"
    if "BYWEEKNO" in parts and not week_numbers_agree(parts, dtstart, preview):
        return "BYWEEKNO disagrees with independent week numbering (dateutil #1537)"
    return None


def week_start(day, wkst):
    return day - timedelta(days=(day.weekday() - wkst) % 7)


def week_has_earlier_match(parts, dtstart):
    """dateutil builds DTSTART's weekly set from DTSTART onwards. That only matters
    if a BYDAY day of the same week (per WKST) comes before DTSTART."""
    weekdays = {weekday for _, weekday in parts.get("BYDAY", [])} or {dtstart.weekday()}
    day = week_start(dtstart.date(), parts.get("WKST", MONDAY))
    while day < dtstart.date():
        if day.weekday() in weekdays:
            return True
        day += timedelta(days=1)
    return False


def week_number(day, wkst):
    """RFC 5545 3.3.10 week numbering: week 1 is the first week (starting on WKST)
    with at least four days in the year, i.e. the week containing 4 January."""
    start = week_start(day, wkst)
    year = (start + timedelta(days=3)).year
    first = week_start(date(year, 1, 4), wkst)
    weeks_in_year = (week_start(date(year + 1, 1, 4), wkst) - first).days // 7
    return year, (start - first).days // 7 + 1, weeks_in_year


def week_numbers_agree(parts, dtstart, preview):
    """Independently list the BYWEEKNO/BYDAY dates from DTSTART to the last previewed one."""
    wkst = parts.get("WKST", MONDAY)
    weeks = set(parts["BYWEEKNO"])
    weekdays = {weekday for _, weekday in parts["BYDAY"]}
    interval = parts.get("INTERVAL", 1)
    expected = []
    day = dtstart.date()
    while day <= preview[-1].date():
        year, number, weeks_in_year = week_number(day, wkst)
        if (day.weekday() in weekdays
                and (number in weeks or number - weeks_in_year - 1 in weeks)
                and (year - dtstart.year) % interval == 0):
            expected.append(day)
        day += timedelta(days=1)
    return expected == sorted({start.date() for start in preview})


# --- Ends, windows and exceptions -------------------------------------------

def choose_end(rng, preview, zone):
    """No end, a COUNT, or an UNTIL on, just before, or between rule occurrences."""
    roll = rng.random()
    if roll < 0.40:
        return {}
    if roll < 0.62:
        return {"COUNT": rng.randint(1, min(len(preview), 80))}
    index = rng.randrange(min(len(preview), 120))
    until = to_instant(preview[index], zone)
    variant = rng.random()
    if variant < 0.2 and index > 0:
        until -= timedelta(seconds=1)
    elif variant >= 0.6 and index + 1 < len(preview):
        gap_seconds = int((to_instant(preview[index + 1], zone) - until).total_seconds())
        if gap_seconds > 2:
            until += timedelta(seconds=rng.randint(1, gap_seconds - 1))
    return {"UNTIL": until}


def window_nudges(freq):
    if freq in SUB_DAILY:
        return [timedelta(0)] * 2 + [timedelta(seconds=1), timedelta(minutes=1),
                                     timedelta(minutes=7), timedelta(hours=1)]
    return [timedelta(0)] * 2 + [timedelta(minutes=1), timedelta(hours=1), timedelta(days=1),
                                 timedelta(days=7), timedelta(days=45)]


def choose_window(rng, freq, preview):
    """[from, to) as wall-clock readings; often exactly on an occurrence to test the edges."""
    if freq in ("YEARLY", "MONTHLY") and rng.random() < LONG_WINDOW_SHARE:
        start = datetime(preview[0].year, 1, 1)
        end = start.replace(year=start.year + rng.choice([10, 20, 41]))
    else:
        last = len(preview) - 1
        end_index = rng.randint(min(2, last), min(last, 300))
        start_index = 0 if rng.random() < 0.6 else rng.randint(0, end_index)
        nudges = window_nudges(freq)
        start = preview[start_index] - rng.choice(nudges)
        end = preview[end_index] + rng.choice(nudges)
    return max(start, WINDOW_FLOOR), min(end, WINDOW_CEILING)


def shrink_window(case):
    """Halve the window until it holds at most MAX_OCCURRENCES occurrences."""
    while len(case.occurrences()) > MAX_OCCURRENCES:
        half = (case.window_to - case.window_from).total_seconds() // 2
        case.window_to = case.window_from + timedelta(seconds=half)


def choose_exceptions(rng, case):
    """A few EXDATEs (mostly real occurrences, sometimes a miss) and RDATEs
    (sometimes equal to a rule occurrence, sometimes a new time)."""
    starts = case.starts_in_window()
    if not starts:
        return (), ()
    exdates = set(rng.sample(starts, min(len(starts), rng.randint(1, 3))))
    if rng.random() < 0.4:
        miss = rng.choice(starts) + rng.choice([timedelta(seconds=10), timedelta(minutes=1),
                                                timedelta(hours=1), timedelta(days=1)])
        if miss not in starts:
            exdates.add(miss)
    rdates = {random_time_in_window(rng, case) for _ in range(rng.randint(1, 2))}
    if rng.random() < 0.5:
        rdates.add(rng.choice(starts))
    if rng.random() < 0.15:
        rdates.add(rng.choice(sorted(exdates)))
    return tuple(sorted(exdates)), tuple(sorted(rdates))


def random_time_in_window(rng, case):
    seconds = int((case.window_to - case.window_from).total_seconds())
    offset = rng.randrange(max(seconds, 1))
    if seconds > 3600:
        offset -= offset % 60
    return case.window_from + timedelta(seconds=offset)


# --- Building cases -----------------------------------------------------------

def build_case(rng, freq, shape):
    zone_name, seed = pick_seed(rng, freq)
    zone = ZoneInfo(zone_name)
    parts = pick_rule_parts(rng, freq, shape, seed)
    body = rule_text(freq, parts)
    try:
        dtstart = first_start(body, seed, zone)
        if dtstart is None or not WINDOW_FLOOR <= dtstart <= LAST_DTSTART:
            raise Rejected("first occurrence outside the year range")
        preview = rule_starts(body, dtstart, zone, WINDOW_CEILING + STOP_MARGIN, limit=PREVIEW_LENGTH)
        if preview[0] != dtstart:
            raise Rejected("dateutil does not start at DTSTART")
        divergence = dateutil_divergence(freq, parts, dtstart, preview)
        if divergence:
            raise Rejected(divergence)
        end = choose_end(rng, preview, zone)
        rule = rule_text(freq, {**parts, **end})
        if rule_starts(rule, dtstart, zone, WINDOW_CEILING, limit=1) != [dtstart]:
            raise Rejected("the bounded rule does not start at DTSTART")
        window_from, window_to = choose_window(rng, freq, preview)
        case = Case(zone_name, dtstart, rule, window_from, window_to)
        shrink_window(case)
        if rng.random() < EXCEPTION_SHARE:
            case.exdates, case.rdates = choose_exceptions(rng, case)
        if "UNTIL" in end and case.occurrences() != case.occurrences(body, until=end["UNTIL"]):
            raise Rejected("UNTIL cut differs from an instant filter (non-monotonic wall clock)")
    except ValueError as error:   # dateutil refuses rules whose BYxxx set is unreachable
        raise Rejected(f"dateutil: {error}") from None
    return case


def generate_cases(rng, rejections):
    # Each FREQ cycles through its shapes, so every shape gets its share of cases.
    plan = [(freq, SHAPES[freq][i % len(SHAPES[freq])])
            for freq, count in CASES_PER_FREQ.items() for i in range(count)]
    rng.shuffle(plan)
    cases, empty_windows = [], 0
    for freq, shape in plan:
        for _ in range(1000):
            try:
                case = build_case(rng, freq, shape)
            except Rejected as reason:
                rejections[str(reason)] += 1
                continue
            if case.occurrences() or empty_windows < MAX_EMPTY_WINDOWS:
                empty_windows += not case.occurrences()
                cases.append(case)
                break
            rejections["empty window"] += 1
        else:
            raise SystemExit(f"generate_dateutil_golden: no usable {freq} case after 1000 attempts")
    return cases


def tzdata_version():
    try:
        with open("/usr/share/zoneinfo/tzdata.zi", encoding="ascii") as source:
            return source.readline().strip().removeprefix("# version ")
    except OSError:
        return "unknown"


def main():
    check_conversion_rule()
    rejections = Counter()
    cases = generate_cases(random.Random(SEED), rejections)
    for number, case in enumerate(cases, start=1):
        print(case.to_json(number))
    per_freq = Counter(case.rrule.split(";")[0].removeprefix("FREQ=") for case in cases)
    print(f"{len(cases)} cases; dateutil {dateutil.__version__}; tzdata {tzdata_version()}", file=sys.stderr)
    print(f"per FREQ: {dict(per_freq)}", file=sys.stderr)
    print(f"rejected candidates: {dict(rejections.most_common())}", file=sys.stderr)


if __name__ == "__main__":
    main()
