"""Metadata written inside an action item's text, taken out of its description.

Items carry their metadata in many notations: `(owner: @a, due: 2026-10-31)`,
`— owner @lin — due 2026-12-20`, `[@alice]`, a trailing `- @alice`, `Owner: Jane Doe`,
`[ENG-123]`, `**HIGH**`, `(done)`, ✅. `parse_item` takes the metadata out and keeps the
rest as the item's description. A date inside the description ("replay the orders lost
on 2026-03-02") is not a due date: only a key, "by"/"before", or a run of other metadata
makes a date the due date.
"""

from __future__ import annotations

import re

from blameless.actions.dates import (
    DATE_SPAN,
    WITHIN_SPAN,
    Due,
    DueKind,
    looks_like_due,
    parse_due,
    vague_due,
)
from blameless.actions.fields import (
    ALL_KEYS,
    BARE_DONE,
    BARE_OPEN,
    DUE_KEYS,
    HANDLE,
    OWNER_KEYS,
    OWNER_LIST,
    PRIORITY,
    PRIORITY_KEYS,
    PRIORITY_WORDS,
    STATUS_KEYS,
    TICKET,
    TICKET_ID,
    Fields,
    find_ticket,
    is_owner_list,
    read_owner,
    read_priority,
    read_status,
)
from blameless.actions.text import tidy

_LEADING_MARK = re.compile(r"^(?P<mark>✅|✔️?|☑️?|✓|❌|⬜|🔲)\s*")
_TRAILING_MARK = re.compile(r"\s*(?P<mark>✅|✔️?|☑️?|✓|❌|⬜)$")
_DONE_MARKS = ("✅", "✔", "✔️", "☑", "☑️", "✓")
_LEADING_DONE = re.compile(r"^(?:\[(?i:done)\]|DONE\b|(?i:done)\s*:)\s*[:\-–—]?\s*")
_TRAILING_DONE = re.compile(r"(?:\s*[-–—:]\s*|\s+)(?:DONE|TODO)\.?$")
_LEADING_PRIORITY = re.compile(
    r"^\[?(?P<p>P[0-4]|CRITICAL|URGENT|HIGH|MEDIUM|LOW)\]?(?:\s*[:\-–—|]\s*|\s+)(?=\S)"
)
_LEADING_OWNER = re.compile(rf"^(?P<owner>{HANDLE})\s*[:\-–—]\s+")
_LEADING_TICKET = re.compile(rf"^(?P<ticket>{TICKET_ID})\s*[:\-–—|]\s+")
_KEY = re.compile(
    r"(?<![\w-])(?P<key>"
    + "|".join(sorted((re.escape(k) for k in ALL_KEYS), key=len, reverse=True))
    + r")\s*(?P<colon>[:=])?\s*",
    re.I,
)
_GROUP = re.compile(r"\((?P<paren>[^()]*)\)|\[(?P<bracket>[^\[\]]*)\]")
_CHUNK_SPLIT = re.compile(r"\s*[,;|]\s*|\s+[—–-]\s+")
# Where a value written after a key ends.
_VALUE_END = re.compile(r"\s*(?:[,;()\[\]|]|\s[—–-]\s|\.(?:\s|$)|$)")
_BY_VALUE = re.compile(r"(?:due\s+)?(?:by|before)\s+(?P<value>.+)", re.I)
_BY_DATE = re.compile(r"(?<![\w-])(?P<word>due(?:\s+(?:by|on))?|by|before|no later than)\s+", re.I)
# Metadata at the end of an item is a few chunks; a longer run is description (and
# trying every start of a run of thousands of commas would be quadratic).
_MAX_TAIL_CHUNKS = 12
# A failed run of tail chunks may still succeed once earlier chunks join it only when it
# holds a date (a bare date counts only beside other metadata).
_TAIL_RUN_MAY_GROW = re.compile(r"\d|\bwithin\b|\bend of\b|day\b|\bweeks?\b|\bmonths?\b", re.I)


# -- chunks: one comma- or dash-separated piece of metadata ------------------------------


def _chunk_fields(chunk: str, allow_bare_date: bool) -> Fields | None:
    """The metadata one chunk holds, or None when the chunk is description."""
    text = chunk.strip().strip(".")
    if not text:
        return Fields("")
    found = Fields("")
    key = _KEY.match(text)
    if key and (
        key.group("colon")
        or key.group("key").lower() in ("owner", "due", "by", "priority", "status")
    ):
        return _key_fields(key.group("key").lower(), text[key.end() :], bool(key.group("colon")))
    if is_owner_list(text):
        found.owner = text
    elif TICKET.fullmatch(text):
        found.ticket = text
    elif PRIORITY.fullmatch(text):
        found.priority = text.upper()
    elif text.lower() in BARE_DONE or text in _DONE_MARKS:
        found.done = True
    elif text.lower() in BARE_OPEN:
        found.done = False
    elif (by := _BY_VALUE.fullmatch(text)) and looks_like_due(by.group("value")):
        found.due = parse_due(by.group("value"))
    elif allow_bare_date and parse_due(text).kind in (DueKind.DATE, DueKind.AMBIGUOUS):
        found.due = parse_due(text)
    else:
        return None
    return found


def _key_fields(key: str, value: str, colon: bool) -> Fields | None:
    """Fields from `key value`; without a colon the value must look like its kind."""
    found = Fields("")
    value = value.strip()
    if key in OWNER_KEYS:
        if not colon and not is_owner_list(value):
            return None
        found.owner, found.owner_placeholder = read_owner(value)
        if found.owner is None and found.owner_placeholder is None:
            found.owner_placeholder = "(empty)"
    elif key in DUE_KEYS or key == "by":
        due = parse_due(value)
        if not colon and due.kind is DueKind.VAGUE and not vague_due().fullmatch(value):
            return None
        found.due = due if due.kind is not DueKind.MISSING else Due(DueKind.MISSING, text=value)
    elif key in STATUS_KEYS:
        found.done = read_status(value)
        if found.done is None and not colon:
            return None
    elif key in PRIORITY_KEYS:
        found.priority = read_priority(value)
        if not colon and not PRIORITY.fullmatch(value) and value.lower() not in PRIORITY_WORDS:
            return None
    else:
        found.ticket = find_ticket(value) or (value if colon and value else None)
        if found.ticket is None:
            return None
    return found


def _combine(parts: list[Fields]) -> Fields:
    combined = Fields("")
    for part in parts:
        combined = combined.merge(part)
    return combined


def _all_metadata(chunks: list[str]) -> Fields | None:
    """Fields when every chunk is metadata; a bare date counts only beside other metadata."""
    parts = [_chunk_fields(chunk, allow_bare_date=False) for chunk in chunks]
    if any(part is None for part in parts):
        with_dates = [_chunk_fields(chunk, allow_bare_date=True) for chunk in chunks]
        others = [part for part in parts if part is not None]
        has_other = any(p.owner or p.ticket or p.priority or p.owner_placeholder for p in others)
        if any(part is None for part in with_dates) or not has_other:
            return _named_owner(chunks)
        parts = with_dates
    return _combine([p for p in parts if p is not None])


# A person or team written by name beside a date: "— Hiroshi, 2026-10-16",
# "(Dagny Haugen, by 11 November 2026)", "— Platform team, Q1 2027".
_NAME = re.compile(r"[A-Z][\w'’.-]{0,30}(?: [A-Za-z(][\w'’.()-]{0,30}){0,3}")


_DASH_NAME = re.compile(r"\s[—–-]\s+(?P<name>" + _NAME.pattern + r")$")


def _named_owner(chunks: list[str]) -> Fields | None:
    """Fields when one chunk is a name and every other chunk is a due date or other
    metadata (a name alone is not metadata: it could be any words)."""
    names = [chunk for chunk in chunks if _NAME.fullmatch(chunk.strip().strip("."))]
    if len(names) != 1:
        return None
    others = [chunk for chunk in chunks if chunk is not names[0]]
    parts = [_chunk_fields(chunk, allow_bare_date=True) for chunk in others]
    if not parts or any(part is None for part in parts):
        return None
    combined = _combine([p for p in parts if p is not None])
    if combined.due.kind is DueKind.MISSING:
        return None
    combined.owner = combined.owner or names[0].strip().strip(".")
    return combined


# -- the item as a whole ------------------------------------------------------------------


def _take_groups(text: str) -> tuple[str, list[Fields]]:
    """Remove bracketed metadata groups: `(owner: @a, due: …)`, `[@alice]`, `[ENG-1]`, `(done)`."""
    found: list[Fields] = []

    def take(match: re.Match[str]) -> str:
        inner = match.group("paren") if match.group("paren") is not None else match.group("bracket")
        fields = _all_metadata(_CHUNK_SPLIT.split(inner.strip())) if inner.strip() else None
        if fields is None:
            return match.group()
        found.append(fields)
        return " "

    return _GROUP.sub(take, text), found


def _take_keyed(text: str) -> tuple[str, list[Fields]]:
    """Remove `key: value` and `— owner @a` pairs written inside the running text."""
    found: list[Fields] = []
    pieces: list[str] = []
    position = 0
    for match in _KEY.finditer(text):
        if match.start() < position:
            continue
        colon = bool(match.group("colon"))
        before = text[: match.start()].rstrip()
        # Without a colon, a key word is metadata only after a separator ("— owner @a").
        if not colon and before and not re.search(r"(?:[,;(|]|\s[—–-]|\.)$", before):
            continue
        key = match.group("key").lower()
        end, value = _value_after(text, match.end(), key)
        fields = _key_fields(key, value, colon)
        if fields is None:
            continue
        found.append(fields)
        pieces.append(text[position : match.start()])
        position = end
    pieces.append(text[position:])
    return " ".join(pieces), found


def _value_after(text: str, start: int, key: str) -> tuple[int, str]:
    """End offset and text of the value written after a key."""
    rest = text[start:]
    if key in DUE_KEYS or key == "by":
        date = DATE_SPAN.match(rest) or vague_due().match(rest)
        if date:
            return start + date.end(), date.group()
    if key in OWNER_KEYS:
        owners = OWNER_LIST.match(rest)
        if owners:
            return start + owners.end(), owners.group()
    end = _VALUE_END.search(rest)
    stop = end.start() if end else len(rest)
    # A following key ends the value too ("Owner: Jane Doe Due: 2026-08-15").
    following = _KEY.search(rest, 1)
    if following and following.group("colon") and following.start() < stop:
        stop = following.start()
    return start + stop, rest[:stop]


def _take_by_dates(text: str) -> tuple[str, list[Fields]]:
    """Remove "by 2026-08-15" / "due end of March 2027" / "by Friday" from running text."""
    found: list[Fields] = []
    pieces: list[str] = []
    position = 0
    for match in _BY_DATE.finditer(text):
        if match.start() < position:
            continue
        rest = text[match.end() :]
        date = DATE_SPAN.match(rest) or vague_due().match(rest)
        if not date:
            continue
        found.append(Fields("", due=parse_due(f"{match.group('word')} {date.group()}")))
        pieces.append(text[position : match.start()])
        position = match.end() + date.end()
    pieces.append(text[position:])
    text, found = " ".join(pieces), found
    within = WITHIN_SPAN.search(text) if "within" in text.lower() else None
    if within and parse_due(within.group()).kind is DueKind.DATE:  # only with a review date
        found.append(Fields("", due=parse_due(within.group())))
        text = text[: within.start()] + text[within.end() :]
    return text, found


def _take_tail(text: str) -> tuple[str, list[Fields]]:
    """Remove trailing metadata: "… - @alice", "…, P1, @sec-eng, 2026-08-01", "… Owner: @a."."""
    stripped = text.rstrip(" .,;|")
    separators = list(re.finditer(r"\s+[—–-]\s+|\s*[,;|]\s*|\.\s+|:\s+", stripped))
    # The longest run of chunks at the end that is all metadata: a bare date only counts
    # beside an owner or a ticket, so a shorter run can fail where a longer one succeeds.
    best: tuple[int, Fields] | None = None
    for separator in reversed(separators[-_MAX_TAIL_CHUNKS:]):
        run = stripped[separator.end() :]
        fields = _all_metadata(_CHUNK_SPLIT.split(run)) if run else None
        if fields is not None:
            best = (separator.start(), fields)
        elif not _TAIL_RUN_MAY_GROW.search(run):
            break
    if best is None:
        return _take_trailing_ticket(text)
    return _take_trailing_ticket(stripped[: best[0]])[0], [best[1]]


def _take_trailing_ticket(text: str) -> tuple[str, list[Fields]]:
    """Drop a ticket id left at the very end after a space ("… high priority #3500")."""
    match = re.search(r"\s(?P<ticket>" + TICKET_ID + r")[.)]?\s*$", text)
    if not match:
        return text, []
    return text[: match.start()], [Fields("", ticket=match.group("ticket"))]


def _take_marks(text: str) -> tuple[str, bool | None, str | None, str | None, str | None]:
    """Leading/trailing ✅, DONE, priority, `ENG-1:` and `@owner:` prefixes.

    A few rounds at most: real items carry a mark or two, and a line of ten thousand
    marks must not cost ten thousand scans of itself.
    """
    done: bool | None = None
    priority = owner = ticket = None
    changed = True
    rounds = 0
    while changed and rounds < 8:
        changed = False
        rounds += 1
        for pattern in (_LEADING_MARK, _TRAILING_MARK):
            match = pattern.search(text)
            if match:
                done = match.group("mark") in _DONE_MARKS
                text = text[: match.start()] + text[match.end() :]
                changed = True
        match = _LEADING_DONE.match(text) or _TRAILING_DONE.search(text)
        if match:
            done = "TODO" not in match.group()
            text = text[: match.start()] + text[match.end() :]
            changed = True
        match = _LEADING_PRIORITY.match(text)
        if match and priority is None:
            priority = (
                match.group("p").capitalize() if len(match.group("p")) > 2 else match.group("p")
            )
            text = text[match.end() :]
            changed = True
        match = _LEADING_TICKET.match(text)
        if match and ticket is None:
            ticket = match.group("ticket")
            text = text[match.end() :]
            changed = True
        match = _LEADING_OWNER.match(text)
        if match and owner is None:
            owner = match.group("owner")
            text = text[match.end() :]
            changed = True
    return text, done, priority, owner, ticket


# "Restore the threshold (Amara Nwosu) — 2026-09-09": who in brackets, then the date.
_NAME_THEN_DATE = re.compile(
    r"\s\((?P<name>[A-Z][^()\d]{1,60})\)\s*[—–-]\s*(?P<due>[^()—–]{3,40})$"
)


def _take_name_then_date(text: str) -> tuple[str, list[Fields]]:
    match = _NAME_THEN_DATE.search(text.rstrip(" ."))
    if not match:
        return text, []
    due = parse_due(match.group("due"))
    if due.kind not in (DueKind.DATE, DueKind.AMBIGUOUS) and not looks_like_due(match.group("due")):
        return text, []
    return text[: match.start()], [Fields("", owner=match.group("name").strip(), due=due)]


def parse_item(text: str, urls: tuple[str, ...] = ()) -> Fields:
    """Split one item's plain text into its description and its metadata."""
    rest, done, priority, owner, ticket = _take_marks(text.strip())
    parts: list[Fields] = [Fields("", owner=owner, done=done, priority=priority, ticket=ticket)]
    rest, bracketed = _take_name_then_date(rest)
    parts.extend(bracketed)
    for take in (_take_groups, _take_keyed, _take_tail, _take_by_dates):
        rest, found = take(rest)
        parts.extend(found)
    rest, done, priority, owner, ticket = _take_marks(tidy(rest))
    parts.append(Fields("", owner=owner, done=done, priority=priority, ticket=ticket))
    fields = _combine(parts)
    if fields.owner is None and (fields.due.kind is not DueKind.MISSING or fields.ticket):
        named = _DASH_NAME.search(rest.rstrip(" .,;"))
        if named:  # "Configure the mirror — Sam, due 2026-12-15": the name beside the date
            fields.owner = named.group("name")
            rest = rest[: named.start()]
    fields.description = _clean_description(rest)
    if fields.ticket is None:
        fields.ticket = find_ticket(fields.description, urls)
    fields.urls = urls
    return fields


def _clean_description(text: str) -> str:
    text = tidy(text)
    text = re.sub(r"^[\s:;,.\-–—|]+", "", text)
    text = re.sub(r"[\s:;,\-–—|(]+$", "", text)
    return re.sub(r"(?<!\.)\.$", "", text)  # one final period: items read as titles


def parse_metadata_line(text: str) -> Fields | None:
    """Fields from a sub-bullet that is only metadata ("Owner: Ahmed Khan", "Due: Q1 2027",
    a link to the ticket); None when the sub-bullet says something else."""
    stripped = text.strip().rstrip(".")
    key = _KEY.match(stripped)
    if key and key.group("colon"):
        return _key_fields(key.group("key").lower(), stripped[key.end() :], True)
    return _all_metadata(_CHUNK_SPLIT.split(stripped)) if stripped else None
