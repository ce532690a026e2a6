"""Due dates: calendar dates in the notations postmortems use, and vague ones.

A due value is a `Due`: a date (quarters and months resolve to their last day), a
vague value that names no calendar day (ASAP, next sprint, "by Friday"), an ambiguous
numeric date (03/04/2026), or nothing at all.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from blameless.packs import get_pack


class DueKind(str, Enum):
    DATE = "date"
    VAGUE = "vague"
    AMBIGUOUS = "ambiguous"
    MISSING = "missing"


@dataclass(frozen=True)
class Due:
    kind: DueKind
    date: dt.date | None = None
    text: str | None = None  # as written

    @property
    def iso(self) -> str | None:
        return self.date.isoformat() if self.date else None


NO_DUE = Due(DueKind.MISSING)

_MONTHS = {
    name: index
    for index in range(1, 13)
    for name in (calendar.month_name[index].lower(), calendar.month_abbr[index].lower())
}
_MONTHS["sept"] = 9
# Month names of the other languages postmortems are written in (French, German, Spanish,
# Portuguese, Dutch, Italian), unaccented spellings too.
_FOREIGN_MONTHS = (
    "janvier janv januar jänner enero janeiro januari gennaio",
    "février fevrier févr fevr februar febrero fevereiro februari febbraio",
    "mars märz maerz marzo março marco maart",
    "avril avr abril aprile",
    "mai mayo maio mei maggio",
    "juin juni junio junho giugno",
    "juillet juil juli julio julho luglio",
    "août aout agosto augustus",
    "septembre septiembre setembro settembre",
    "octobre oktober octubre outubro ottobre",
    "novembre noviembre novembro",
    "décembre decembre dezember diciembre dezembro december dicembre",
)
for _index, _names in enumerate(_FOREIGN_MONTHS, start=1):
    for _name in _names.split():
        _MONTHS.setdefault(_name, _index)
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.)?"
_YEAR = r"(?P<year>\d{4})"
_END = r"(?:(?:by\s+)?(?:the\s+)?end\s+of\s+|eo)?"

# Each pattern matches a whole due value (surrounding words are stripped first).
_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("ymd", re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})")),
    ("dmy_words", re.compile(_DAY + r"(?:\s+of)?\s+" + _MONTH + r",?\s+" + _YEAR, re.I)),
    ("mdy_words", re.compile(_MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.I)),
    ("numeric", re.compile(r"(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})")),
    (
        "quarter",
        re.compile(_END + r"q(?P<q>[1-4])\s*[-/' ]?\s*(?:fy\s*)?(?P<year>\d{4}|'?\d{2})", re.I),
    ),
    ("year_quarter", re.compile(_END + r"(?P<year>\d{4})\s*[-/ ]?\s*q(?P<q>[1-4])", re.I)),
    ("half", re.compile(_END + r"h(?P<h>[12])\s*[-/' ]?\s*(?P<year>\d{4})", re.I)),
    ("month_year", re.compile(_END + _MONTH + r",?\s+" + _YEAR, re.I)),
    ("year_month", re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})")),
    ("year_end", re.compile(r"(?:(?:by\s+)?(?:the\s+)?end\s+of\s+|eoy\s*)(?P<year>\d{4})", re.I)),
    # No year: read against the document's date (see `anchored`).
    ("dm_words", re.compile(_DAY + r"(?:\s+of)?\s+" + _MONTH, re.I)),
    ("md_words", re.compile(_MONTH + r"\s+" + _DAY, re.I)),
]

# The date a document was written, for due dates written without a year ("by Dec 4").
_ANCHOR: ContextVar[dt.date | None] = ContextVar("blameless_due_anchor", default=None)


@contextmanager
def anchored(date: dt.date | None) -> Iterator[None]:
    """Read year-less due dates in this block against `date` (the document's date)."""
    token = _ANCHOR.set(date)
    try:
        yield
    finally:
        _ANCHOR.reset(token)


def _next_on_or_after(anchor: dt.date, month: int, day: int) -> dt.date:
    """The first `month`/`day` on or after the anchor (a week's slack for late write-ups)."""
    candidate = dt.date(anchor.year, month, day)
    if candidate < anchor - dt.timedelta(days=7):
        candidate = dt.date(anchor.year + 1, month, day)
    return candidate


@lru_cache(maxsize=1)
def missing_values() -> frozenset[str]:
    """Values that mean "no due date" rather than a vague one (from the action-due pack)."""
    return frozenset(str(value).lower() for value in get_pack("action-due").patterns["missing"])


@lru_cache(maxsize=1)
def vague_due() -> re.Pattern[str]:
    """Due values that name no calendar day (from the action-due-vague pack); also how a
    vague due date is spotted after "by" in running text."""
    alternatives = get_pack("action-due-vague").patterns["vague"]
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.I)


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year(value: str) -> int:
    digits = value.lstrip("'")
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _month(value: str) -> int:
    return int(value) if value.isdigit() else _MONTHS[value.lower().rstrip(".")]


def _resolve(kind: str, match: re.Match[str]) -> dt.date | None:
    """The calendar date a matched pattern names; None for an ambiguous numeric date."""
    groups = match.groupdict()
    if kind in ("dm_words", "md_words"):
        anchor = _ANCHOR.get()
        if anchor is None:
            raise ValueError("a date without a year, and no document date")
        return _next_on_or_after(anchor, _month(groups["month"]), int(groups["day"]))
    year = _year(groups["year"])
    if kind in ("ymd", "dmy_words", "mdy_words"):
        return dt.date(year, _month(groups["month"]), int(groups["day"]))
    if kind == "numeric":
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12 or (groups["sep"] == "." and b <= 12):  # dots are day-first everywhere
            return dt.date(year, b, a)
        if b > 12 or a == b:
            return dt.date(year, a, b)
        return None
    if kind in ("quarter", "year_quarter"):
        return _last_day(year, 3 * int(groups["q"]))
    if kind == "half":
        return _last_day(year, 6 * int(groups["h"]))
    if kind in ("month_year", "year_month"):
        return _last_day(year, _month(groups["month"]))
    return dt.date(year, 12, 31)  # year_end


_LEAD_WORDS = re.compile(
    r"^(?:(?:due|by|before|until|no later than|target(?:ed)?|eta|on|bis|avant le|avant"
    r"|d'ici le|antes del?|até)\s*:?\s+)+",
    re.I,
)


_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WITHIN = re.compile(
    r"(?:within|in)\s+(?:the\s+next\s+)?(?P<n>\d{1,3}|" + "|".join(_NUMBERS) + r")\s+"
    r"(?P<unit>day|week|month)s?(?:\s+of\s+(?:this|the)\s+(?:review|incident))?",
    re.I,
)
# A relative due date inside running text ("…, within one week of this review.").
WITHIN_SPAN = re.compile(_WITHIN.pattern, re.I)
_WEEKDAY = re.compile(r"(?:(?:this|next)\s+)?(?P<day>" + "|".join(_WEEKDAYS) + r")", re.I)
_PERIOD_END = re.compile(
    r"(?:the\s+)?end\s+of\s+(?P<which>this|the|next)\s+(?P<unit>week|month|quarter)", re.I
)


def _relative(core: str, anchor: dt.date) -> dt.date | None:
    """A relative due value ("within two weeks", "by Friday", "end of this month") read
    against the document's date."""
    within = _WITHIN.fullmatch(core)
    if within:
        count = within.group("n").lower()
        n = int(count) if count.isdigit() else _NUMBERS[count]
        unit = within.group("unit").lower()
        if unit == "month":
            month = anchor.month - 1 + n
            year, month = anchor.year + month // 12, month % 12 + 1
            return dt.date(year, month, min(anchor.day, calendar.monthrange(year, month)[1]))
        return anchor + dt.timedelta(days=n * (7 if unit == "week" else 1))
    weekday = _WEEKDAY.fullmatch(core)
    if weekday:
        ahead = (_WEEKDAYS.index(weekday.group("day").lower()) - anchor.weekday()) % 7 or 7
        if core.lower().startswith("next") and ahead < 7:
            ahead += 7
        return anchor + dt.timedelta(days=ahead)
    period = _PERIOD_END.fullmatch(core)
    if period:
        unit, step = period.group("unit").lower(), period.group("which").lower() == "next"
        if unit == "week":
            return anchor + dt.timedelta(days=(6 - anchor.weekday()) + 7 * step)
        if unit == "month":
            month = anchor.month + step
            year, month = anchor.year + (month - 1) // 12, (month - 1) % 12 + 1
            return _last_day(year, month)
        quarter_end = 3 * ((anchor.month - 1) // 3 + 1) + 3 * step
        year, month = anchor.year + (quarter_end - 1) // 12, (quarter_end - 1) % 12 + 1
        return _last_day(year, month)
    return None


def parse_due(value: str | None) -> Due:
    """Read a due value as written in a Due column, a `due:` field or after "by"."""
    if value is None:
        return NO_DUE
    text = " ".join(value.split()).strip(" .,;()[]*_`")
    if text.lower() in missing_values():
        return NO_DUE
    core = _LEAD_WORDS.sub("", text)
    anchor = _ANCHOR.get()
    if anchor is not None and len(core) < 60:
        relative = _relative(core, anchor)
        if relative is not None:
            return Due(DueKind.DATE, date=relative, text=text)
    for kind, pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(core)
        if not match:
            continue
        try:
            date = _resolve(kind, match)
        except (ValueError, KeyError):  # 2026-02-30, month 13
            return Due(DueKind.VAGUE, text=text)
        if date is None:
            return Due(DueKind.AMBIGUOUS, text=text)
        return Due(DueKind.DATE, date=date, text=text)
    return Due(DueKind.VAGUE, text=text)


_MONTH_WORD = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
# A date inside running text ("by 2026-08-15", "…, due end of March 2027"): the span is
# then read by `parse_due`.
DATE_SPAN = re.compile(
    r"(?<![\w/.-])(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH_WORD + r",?\s+\d{4}"
    r"|" + _MONTH_WORD + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{4}"
    r"|(?:(?:the\s+)?end\s+of\s+)?(?:q[1-4]\s*[-/' ]?\s*\d{4}|\d{4}\s*[-/ ]?\s*q[1-4]"
    r"|h[12]\s*[-/' ]?\s*\d{4}|" + _MONTH_WORD + r",?\s+\d{4})"
    r"|(?:the\s+)?end\s+of\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th|er|\.)?(?:\s+of)?\s+" + _MONTH_WORD + r"(?!,?\s+\d)"
    r"|" + _MONTH_WORD + r"\s+\d{1,2}(?:st|nd|rd|th)?(?!,?\s+\d))(?![\w/-])",
    re.I,
)


def looks_like_due(value: str) -> bool:
    """True when `value` as a whole is a due value: a date, an ambiguous date or a vague one."""
    due = parse_due(value)
    if due.kind is DueKind.VAGUE:
        return bool(vague_due().fullmatch(_LEAD_WORDS.sub("", due.text or "")))
    return due.kind is not DueKind.MISSING
