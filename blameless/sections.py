"""Section kinds: what a heading says about the prose under it.

The one place that decides what a heading means, for every rule: the language rules
read a section's kind (a name in a timeline is a fact, in a root cause it is blame),
the action extractor reads where follow-ups are, and `actions-missing` reads whether a
document is an incident review at all.

Headings are classified from their words, not matched as whole phrases: numbering,
emoji, markup, trailing punctuation and questions are dropped, plurals read as their
singular ("Preventive Measure" = "Preventive measures"), and a heading that names no
known phrase is read by meaning ("Corrective and preventive measures", "What are we
doing about it?", "How we will prevent this", "Future work", "Lessons learned and next
steps"). Every step is linear in the heading's length (the text is hostile input).
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache


class SectionKind(str, Enum):
    METADATA = "METADATA"
    SUMMARY = "SUMMARY"
    IMPACT = "IMPACT"
    BACKGROUND = "BACKGROUND"
    TIMELINE = "TIMELINE"
    DETECTION = "DETECTION"
    RESPONSE = "RESPONSE"
    CAUSE = "CAUSE"
    LESSONS_WELL = "LESSONS-WELL"
    LESSONS_POORLY = "LESSONS-POORLY"
    LUCKY = "LUCKY"
    LESSONS = "LESSONS"
    ACTIONS = "ACTIONS"
    QUESTIONS = "QUESTIONS"
    MESSAGING = "MESSAGING"
    APPENDIX = "APPENDIX"
    OTHER = "OTHER"


# Checked in order: more specific names first ("root cause and mitigation" is CAUSE,
# "what went well" is not LESSONS-POORLY).
_HEADING_MAP: list[tuple[SectionKind, tuple[str, ...]]] = [
    (SectionKind.LUCKY, ("where we got lucky", "where did we get lucky", "lucky")),
    (
        SectionKind.LESSONS_POORLY,
        (
            "what went wrong",
            "what went poorly",
            "what didn't go well",
            "what didn't go so well",
            "what did not go well",
            "what went badly",
            "what could have gone better",
            "what could have been better",
            "challenges",
            "things that went poorly",
            "things that went wrong",
            "went poorly",
            "didn't go well",
            "areas for improvement",
            "what could be improved",
        ),
    ),
    (
        SectionKind.LESSONS_WELL,
        ("what went well", "things that went well", "went well", "what worked"),
    ),
    (
        SectionKind.ACTIONS,
        (
            "action items",
            "action item",
            "actions",
            "follow-ups",
            "follow ups",
            "followups",
            "follow-up actions",
            "follow-up tasks",
            "follow-up items",
            "follow up",
            "follow-up",
            "corrective actions",
            "corrective and preventative measures",
            "corrective and preventive measures",
            "preventive actions",
            "preventative actions",
            "preventive measures",
            "remediation",
            "remediations",
            "remediation items",
            "remediation actions",
            "repair items",
            "next steps",
            "planned actions",
            "immediate actions",
            "improvements",
            "what are we doing about this",
            "action items & followups",
            "action items and follow-ups",
            "todo",
            "to do",
            "tasks",
            "planned work",
            "future work",
            "what we're doing",
            "what we are doing",
            "prevention",
            "mitigations going forward",
            "review actions",
            "future actions",
            "future measures",
            "action plan",
            "actions to take",
            "follow-up work",
            "followup items",
            "remediation plan",
            "preventive steps",
            "preventative steps",
            "corrective actions and follow-ups",
        ),
    ),
    (
        SectionKind.CAUSE,
        (
            "root cause",
            "root causes",
            "root cause analysis",
            "rca",
            "contributing factors",
            "contributing factor",
            "causes",
            "cause",
            "what caused the incident",
            "trigger",
            "triggers",
            "proximate cause",
            "fault",
            "process breakdown",
            "process breakdowns",
            "five whys",
            "5 whys",
            "analysis",
            "root cause and mitigation",
            "what went wrong",
            "technical details",
            "investigation",
        ),
    ),
    (
        SectionKind.TIMELINE,
        (
            "timeline",
            "incident timeline",
            "chronology",
            "sequence of events",
            "chain of events",
            "timeline of events",
            "recovery efforts",
            "timeline/recovery efforts",
            "detailed timeline",
            "events",
        ),
    ),
    (
        SectionKind.METADATA,
        (
            "date",
            "authors",
            "author",
            "owner",
            "owners",
            "postmortem owner",
            "status",
            "severity",
            "incident #",
            "incident number",
            "shared with",
            "published",
            "responders",
            "attendees",
            "participants",
            "staff present",
            "incident commander",
            "call recording",
            "metadata",
            "people involved",
            "stats",
            "statistics",
        ),
    ),
    (
        SectionKind.SUMMARY,
        (
            "summary",
            "executive summary",
            "overview",
            "tl;dr",
            "tldr",
            "incident summary",
            "issue summary",
            "problem summary",
            "brief description",
            "what happened",
            "description",
            "abstract",
        ),
    ),
    (
        SectionKind.IMPACT,
        (
            "impact",
            "customer impact",
            "user impact",
            "business impact",
            "revenue impact",
            "team impact",
            "summary of impact",
            "scope",
            "data integrity",
            "blast radius",
            "incident impact",
        ),
    ),
    (SectionKind.BACKGROUND, ("background", "context", "leadup", "lead-up", "glossary")),
    (
        SectionKind.DETECTION,
        ("detection", "how was it detected", "why was this hard to detect", "monitoring"),
    ),
    (
        SectionKind.RESPONSE,
        (
            "response",
            "resolution",
            "recovery",
            "mitigation",
            "mitigation & resolution",
            "mitigation and resolution",
            "resolution and recovery",
            "fix",
            "the fix",
        ),
    ),
    (
        SectionKind.LESSONS,
        (
            "lessons learned",
            "lessons learnt",
            "lessons",
            "learnings",
            "takeaways",
            "key learnings",
            "themes",
            "how'd we do",
            "learning points",
            "moving forward",
            "conclusion",
            "conclusions",
            "reflections",
        ),
    ),
    (SectionKind.QUESTIONS, ("open questions", "questions", "unknowns")),
    (
        SectionKind.MESSAGING,
        (
            "messaging",
            "internal email",
            "external message",
            "customer communication",
            "status page update",
            "communication",
            "communications",
        ),
    ),
    (
        SectionKind.APPENDIX,
        (
            "appendix",
            "supporting information",
            "supporting documents",
            "graphs",
            "irc logs",
            "slack logs",
            "chat logs",
            "logs",
            "references",
            "links",
        ),
    ),
]


def _singular(word: str) -> str:
    """A crude singular that is the same for both spellings of a heading word."""
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "is", "us", "'s")):
        return word[:-1]
    return word


# Spellings of one word ("follow ups", "followups", "to-do", "preventative") folded to one.
_VARIANTS = [
    (re.compile(r"\bfollow[ -]?ups?\b"), "follow-up"),
    (re.compile(r"\bto[ -]?dos?\b"), "todo"),
    (re.compile(r"\bpreventative\b"), "preventive"),
    (re.compile(r"\bpost[ -]mortem\b"), "postmortem"),
    (re.compile(r"\s*&\s*"), " and "),
]


def _fold(name: str) -> str:
    for pattern, replacement in _VARIANTS:
        name = pattern.sub(replacement, name)
    return " ".join(_singular(word) for word in name.split())


_EXACT: dict[str, SectionKind] = {
    _fold(name): kind for kind, names in reversed(_HEADING_MAP) for name in names
}
_PREFIXES: list[tuple[SectionKind, tuple[str, ...]]] = [
    (kind, tuple(_fold(n) + " " for n in names if len(n) > 4)) for kind, names in _HEADING_MAP
]

# Leading numbering ("3.", "3)", "III.", "A.") and symbols; applied once at the start.
_LEADING_NUMBER = re.compile(r"\d+(?:\.\d+)*[.)]?\s+|[ivxIVX]+[.)]\s+|[A-Z][.)]\s+")
_TRAILING_CHARS = " \t:?!.*_~`#=-–—|>\u200b\ufe0f"

# Headings about what happened, though they name actions or follow-ups
# ("Follow-up timeline", "Actions taken", "Actions performed during the incident").
_WHAT_HAPPENED = re.compile(
    r"\b(?:timeline|time line|taken|performed|during the incident|log|already taken|so far)\b"
)

# -- follow-ups by meaning --------------------------------------------------------------

# Words that make a heading a follow-up section wherever they stand.
_ACTION_WORDS = re.compile(
    r"\b(?:action item|action plan|follow-up|remediation|remedial|corrective|preventive"
    r"|prevention|next step|todo|recommendation|countermeasure"
    r"|action point|open item|commitment)\b"
)
# Nouns that name follow-ups when something says they lie ahead ("Future measures").
_ACTION_NOUN = (
    r"(?:action|measure|step|improvement|task|work|change|item|fix|plan|mitigation"
    r"|safeguard|work item|project|ticket)"
)
_AHEAD = (
    r"(?:future|planned|proposed|next|further|upcoming|long[- ]term|short[- ]term"
    r"|longer[- ]term|near[- ]term|immediate|recommended|follow-on|outstanding|open|pending"
    r"|new|additional|suggested|agreed|required|preventive|protective|systemic)"
)
_QUALIFIED = re.compile(
    rf"\b{_AHEAD}\s+(?:\w+\s+)?{_ACTION_NOUN}\b|\b{_ACTION_NOUN}\s+(?:going forward|ahead"
    r"|to take|to be taken|we(?:'re| are| will) taking|moving forward|for the future)\b"
    rf"|^{_ACTION_NOUN}$"
)
# What the team will do, as a phrase or a question.
_WE = r"(?:we|we're|we are|we'll|we will|are we|will we|is|are|has|have|the team)"
_DOING = re.compile(
    rf"\bwhat(?:'s| is)? (?:{_WE} )?(?:(?:going|planning|doing|gonna|changing)\b|do\b"
    r"|be(?:ing)? (?:done|changed)|will change|change|to do|next)"
    r"|\bwhat (?:is|will be|are) (?:being )?(?:done|changed|changing|next)"
    r"|\bwhat (?:will|needs to|has to|must|should) (?:change|be done|happen next)"
    rf"|\bhow (?:{_WE} |do we |can we |to |we can |we're going to |we are going to )?"
    r"(?:will )?(?:prevent|avoid|stop|fix|keep|make sure|ensure|improve|reduce)"
    r"|\bprevent\w* (?:it|this|that|them|a repeat|recurrence|a recurrence|future|similar"
    r"|repeat|the same)"
    r"|\b(?:making|make|ensuring|ensure) sure (?:it|this|that)|\bnever again"
    r"|\b(?:looking|moving|going) (?:forward|ahead)\b|\bnext\b"
    r"|^(?:improving|preventing|hardening|strengthening|reducing the risk)\b"
    r"|\bhow (?:are we|we are|we're|will we|we will|we'll) (?:making|make|preventing|reducing"
    r"|improving|stopping|changing|hardening|fixing)\b"
)
# A merged heading that ends in follow-ups ("Lessons learned and next steps").
_MERGED_ACTIONS = re.compile(
    r"(?:\band|\bwith)\s+(?:our |the )?(?:action(?: item)?|next step|follow-up|corrective"
    r" action|remediation|improvement|change|plan)$"
)

# -- other kinds by meaning, checked after follow-ups ------------------------------------

_BY_MEANING: list[tuple[SectionKind, re.Pattern[str]]] = [
    (SectionKind.LUCKY, re.compile(r"\blucky\b|\bluck\b")),
    (
        SectionKind.LESSONS_POORLY,
        re.compile(
            r"\bwent (?:wrong|poorly|badly)|\b(?:didn't|did not|could have|didn't go|did not go)"
            r" (?:go )?(?:well|work|better|gone better|so well)|\bwhat (?:was|were) hard"
            r"|\bwhere we (?:struggled|fell short)|\bwhat could be improved"
        ),
    ),
    (
        SectionKind.LESSONS_WELL,
        re.compile(r"\bwent (?:well|right)\b|\bwhat worked\b|\bwhat we did well\b"),
    ),
    (SectionKind.TIMELINE, re.compile(r"\btimeline\b|\btime line\b|\bchronolog")),
    (
        SectionKind.CAUSE,
        re.compile(
            r"\broot[ -]cause|\bcontributing factor|\bcause\b|\bhow (?:did|was|could) "
            r"(?:this|it|that)|\bwhy (?:did|was|were|does) (?:this|it|that)|\bwhy it happened"
            r"|\btrigger\b|\bfive why|\b5 why"
        ),
    ),
    (
        SectionKind.IMPACT,
        re.compile(r"\bimpact|\bwho was (?:affected|impacted)|\bwhat was affected|\bblast radius"),
    ),
    (
        SectionKind.DETECTION,
        re.compile(r"\bdetect|\bhow (?:was|were|did) (?:it|this|we) (?:found|discovered|notice)"),
    ),
    (
        SectionKind.LESSONS,
        re.compile(r"\blesson|\blearning\b|\btakeaway|\bwhat we learn|\bretrospective\b"),
    ),
    (SectionKind.SUMMARY, re.compile(r"\bsummary\b|\bwhat happened\b|\boverview\b")),
    (SectionKind.RESPONSE, re.compile(r"\bresolution\b|\brecovery\b|\bresponse\b")),
]


def _strip_leading(text: str) -> str:
    """Drop leading numbering, emoji, symbols and markup, in one forward pass."""
    index = 0
    while index < len(text):
        char = text[index]
        if char.isspace() or not (char.isalnum()):
            index += 1
            continue
        number = _LEADING_NUMBER.match(text, index)
        if number is None or number.end() == index:
            break
        index = number.end()
    return text[index:]


def _strip_trailing(text: str) -> str:
    """Drop trailing punctuation, markup and emoji (linear: no backtracking pattern)."""
    end = len(text)
    while end > 0 and (text[end - 1] in _TRAILING_CHARS or _is_symbol(text[end - 1])):
        end -= 1
    return text[:end]


def _is_symbol(char: str) -> bool:
    return not char.isalnum() and not char.isspace() and char not in "()'\"%)]"


def normalize_heading(title: str) -> str:
    """Lower-case a heading and strip numbering, emoji, markup and trailing punctuation."""
    text = title[:300].replace("’", "'")  # a section name is short; the rest is noise
    text = _strip_trailing(_strip_leading(text.strip()))
    return " ".join(text.split()).lower()


# Headings about follow-ups that are not a list of them: ideas turned down, or writing about
# action items in general ("What a good action item looks like", "Things we decided not to do").
_NOT_FOLLOW_UPS = re.compile(
    r"\bnot (?:to do|todo|commit|doing|pursu|plan)|\bdecided against\b|\bout of scope\b"
    r"|\bwon't do\b"
    r"|\brejected\b|\bconsidered\b|\bparking lot\b"
    r"|^(?:what (?:a|an|makes)|how to|writing|about|why)\b"
    r"|\blooks? like\b|\bguide\b|\btemplate\b|\bexamples?\b|\bcall to action\b"
    r"|\byou\b|\byour\b|\b(?:customers?|users?) (?:can|should)\b"
)


def _by_meaning(name: str) -> SectionKind | None:
    if re.search(r"\bquestion", name):
        return SectionKind.QUESTIONS  # "Questions for follow-up" asks, it does not commit
    if _NOT_FOLLOW_UPS.search(name):
        return SectionKind.OTHER
    if _WHAT_HAPPENED.search(name):
        return SectionKind.TIMELINE if "time" in name or "log" in name else SectionKind.RESPONSE
    if _ACTION_WORDS.search(name) or _QUALIFIED.search(name) or _DOING.search(name):
        return SectionKind.ACTIONS
    if _MERGED_ACTIONS.search(name) and len(name.split()) <= 8:
        return SectionKind.ACTIONS
    for kind, pattern in _BY_MEANING:
        if pattern.search(name):
            return kind
    return None


# Cached: every segment asks about its whole heading path, and documents repeat headings.
@lru_cache(maxsize=4096)
def heading_kind(title: str, extra_actions: tuple[str, ...] = ()) -> SectionKind | None:
    """The section kind a heading names, or None when the heading is not a known one."""
    name = normalize_heading(title)
    if not name:
        return None
    folded = _fold(name)
    if extra_actions and folded in {_fold(normalize_heading(extra)) for extra in extra_actions}:
        return SectionKind.ACTIONS
    if folded in _EXACT:
        return _EXACT[folded]
    if _NOT_FOLLOW_UPS.search(folded):
        return _by_meaning(folded)
    # "Action items (owners in Jira)", "Timeline (all times UTC)", "Root cause: DNS".
    head = re.split(r"[(:\-–—/]", folded, maxsplit=1)[0].strip()
    if head in _EXACT and not (
        _EXACT[head] is SectionKind.ACTIONS and _WHAT_HAPPENED.search(folded)
    ):
        return _EXACT[head]
    kind = _by_meaning(folded)
    if kind is not None:
        return kind
    for kind, prefixes in _PREFIXES:
        if folded.startswith(prefixes):
            return kind
    return None


def section_kind(path: tuple[str, ...], extra_actions: tuple[str, ...] = ()) -> SectionKind:
    """The kind of the innermost heading in `path` that names a known section."""
    for title in reversed(path):
        kind = heading_kind(title, extra_actions)
        if kind is not None:
            return kind
    return SectionKind.OTHER
