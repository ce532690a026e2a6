"""The fields of an action item, and how each single value is read.

Owner, due date, status, priority and ticket, as written in a column, after a key
("Owner: Jane Doe") or on their own (`@alice`, `ENG-123`, `P1`, ✅). `blameless.actions.metadata`
finds them inside an item's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from blameless.actions.dates import NO_DUE, Due, DueKind
from blameless.actions.text import tidy
from blameless.packs import get_pack


def _names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(",") if name.strip())


# -- vocabularies -----------------------------------------------------------------------

OWNER_KEYS = _names(
    "owner, owners, owned by, assignee, assignees, assigned to, who, dri, responsible, lead, "
    "poc, point of contact"
)
DUE_KEYS = _names("due, due date, due by, deadline, eta, target date, target, by when")
STATUS_KEYS = _names("status, state")
PRIORITY_KEYS = _names("priority, pri, prio, severity, sev")
TICKET_KEYS = _names(
    "ticket, tickets, issue, bug, tracking bug, tracking issue, tracking, jira, link, ref, pr, "
    "tracker"
)
ALL_KEYS = OWNER_KEYS + DUE_KEYS + STATUS_KEYS + PRIORITY_KEYS + TICKET_KEYS

DONE_WORDS = frozenset(
    _names(
        "done, complete, completed, closed, fixed, resolved, shipped, merged, finished, released, "
        "implemented, ✅, ✔, ✔️, ☑, ☑️, ✓, yes, y, x, true, [x]"
    )
)
OPEN_WORDS = frozenset(
    _names(
        "open, todo, to do, to-do, in progress, in-progress, wip, blocked, planned, not started, "
        "pending, ongoing, started, backlog, new, ❌, ⬜, no, false, [ ]"
    )
)
# A chunk that is only a status word ("…, done", "(Done)"): fewer words than a Status column.
BARE_DONE = frozenset(_names("done, complete, completed, closed, fixed, resolved, shipped"))
BARE_OPEN = frozenset(_names("open, todo, to do, in progress, wip, blocked, not started"))
PRIORITY_WORDS = _names("critical, urgent, high, medium, med, normal, low")

# -- token patterns ---------------------------------------------------------------------

HANDLE = r"(?<![\w@])@[A-Za-z0-9](?:[\w.-]*\w)?(?:/[A-Za-z0-9][\w.-]*)?"
_GOOGLE_HANDLE = r"(?<![\w@.])[a-z][a-z0-9_.-]*@(?![\w.])"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_SLACK = r"<@[A-Z0-9]+>"
_ONE_OWNER = f"(?:{_SLACK}|{_EMAIL}|{HANDLE}|{_GOOGLE_HANDLE})"
OWNER_LIST = re.compile(rf"{_ONE_OWNER}(?:\s*(?:,|/|&|\band\b)?\s*{_ONE_OWNER})*")

# Upper-case prefixes that look like ticket keys but are standards, hashes or CVEs.
_NOT_TICKETS = _names(
    "SHA, UTF, ISO, RFC, CVE, CWE, GHSA, TLS, SSL, HTTP, HTTPS, AES, RSA, MD, IPV, COVID, GPT, "
    "PEP, ECMA, IEEE, ES, FY, UTC, GMT, CET, BST, SEV, PR, V, Q, H, P"
)
TICKET_ID = (
    rf"(?<![\w/#-])(?!(?:{'|'.join(_NOT_TICKETS)})-)[A-Z][A-Z0-9]+-\d+\b"
    r"|(?<![\w&#/])(?:[\w.-]+/[\w.-]+)?#\d+\b"
    r"|\bb/\d{4,}\b|\b(?:BUG|Bug|bug)\s?\d{3,}\b"
)
TICKET = re.compile(TICKET_ID)
_ISSUE_URL = re.compile(
    r"/(?:issues|pull|pulls|merge_requests|browse|tickets?|bugs?|show_bug\.cgi|c)/"
    r"|/-/(?:issues|merge_requests)|linear\.app/|atlassian\.net/|trello\.com/|jira\.|b/\d+",
    re.I,
)
PRIORITY = re.compile(r"\b[Pp][0-4]\b|\b[Ss][Ee][Vv]\s?[1-5]\b|priority::\d")


@dataclass
class Fields:
    """Metadata found in an item, and the words left once it is taken out."""

    description: str
    owner: str | None = None
    owner_placeholder: str | None = None  # "TBD", "?": written, but not an owner
    due: Due = NO_DUE
    done: bool | None = None  # None: the item does not say
    priority: str | None = None
    ticket: str | None = None
    urls: tuple[str, ...] = field(default_factory=tuple)

    def merge(self, other: Fields) -> Fields:
        """These fields, with the gaps filled from `other` (a sub-bullet, a later paragraph)."""
        return replace(
            self,
            owner=self.owner or other.owner,
            owner_placeholder=self.owner_placeholder or other.owner_placeholder,
            due=self.due if self.due.kind is not DueKind.MISSING else other.due,
            done=self.done if self.done is not None else other.done,
            priority=self.priority or other.priority,
            ticket=self.ticket or other.ticket,
        )


# -- single values ----------------------------------------------------------------------


def read_owner(value: str) -> tuple[str | None, str | None]:
    """(owner, placeholder) from an owner value as written."""
    text = tidy(value).strip(" .,;:")
    if text.lower() in owner_placeholders():
        return None, text or None
    return text, None


def read_status(value: str) -> bool | None:
    """True for done, False for open, None when the value says neither."""
    text = tidy(value).strip(" .!").lower()
    if not text:
        return None
    if text in DONE_WORDS or text.split()[0] in DONE_WORDS:
        return True
    if text in OPEN_WORDS or text.split()[0] in OPEN_WORDS:
        return False
    return None


def read_priority(value: str) -> str | None:
    text = tidy(value).strip(" .")
    match = PRIORITY.search(text)
    if match:
        return match.group().upper().replace(" ", "")
    word = text.lower()
    if word in PRIORITY_WORDS or word.split(" ")[0] in PRIORITY_WORDS:
        return text.split(" ")[0].capitalize()
    return text or None


def find_ticket(text: str, urls: tuple[str, ...] = ()) -> str | None:
    """The first ticket id in `text`, else the first issue-tracker link."""
    match = TICKET.search(text)
    if match:
        return match.group()
    return next((url for url in urls if _ISSUE_URL.search(url)), None)


def is_owner_list(text: str) -> bool:
    return bool(OWNER_LIST.fullmatch(text.strip()))


@lru_cache(maxsize=1)
def owner_placeholders() -> frozenset[str]:
    """Values that hold an owner's place without naming one (from the action-owner pack)."""
    return frozenset(
        str(word).lower() for word in get_pack("action-owner").patterns["placeholders"]
    )


# An item that reports work already done: "Reverted the flag", "We've enabled 2FA",
# "The action has been disabled". Adjective-like participles ("Improved monitoring",
# "Automated tests") are left out: they usually head a noun phrase.
_PAST_LEAD = re.compile(
    r"^(?:reverted|rolled back|switched|disabled|removed|restored|released|issued|sent|rotated|"
    r"revoked|deleted|migrated|upgraded|downgraded|patched|fixed|added|enabled|moved|reworked|"
    r"re-worked|replaced|deployed|tightened|introduced|published|shipped|merged|paused|purged|"
    r"notified|contacted|documented|reduced|applied|rewrote|wrote|raised|lowered|increased|"
    r"decreased|created|updated|configured|implemented|installed|renamed|retired|rebuilt|"
    r"tuned|scaled|extended|limited|blocked|froze|cleaned up|set up|turned off|turned on)\b",
    re.I,
)
_WE_DID = re.compile(
    r"^we(?:'ve| have| had)?\s+(?:also\s+|now\s+|already\s+|\w+ly\s+)?\w+[^\We]ed\b", re.I
)
_HAS_BEEN = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|already\s+)?been\s+(?!(?:scheduled|planned|proposed|"
    r"requested|discussed|raised|agreed|started|assigned|prioriti[sz]ed|considered|suggested|"
    r"identified)\b)\w+(?:ed|en)\b",
    re.I,
)


def reads_as_done(description: str) -> bool:
    """True when the item's first clause reports finished work rather than planned work."""
    first = re.split(r"[.:;]\s|\s[—–-]\s", description, maxsplit=1)[0]
    has_been = _HAS_BEEN.search(first)
    if has_been and _RELATIVE_END.search(first, 0, has_been.start()):
        has_been = None  # "Changes that have been tested … should be deployed": a clause
    return bool(_PAST_LEAD.match(first) or _WE_DID.match(first) or has_been)


_RELATIVE_END = re.compile(r"\b(?:that|which|who|whose|once|when|after|if)\s*$", re.I)
