"""Action items written without list or table markup, inside an action section.

- **Heading-style items**: a sub-heading per item, with the owner in a handle, a code
  span or a trailing tag, and the date in the heading or the paragraph under it
  (`### 1) Add disk-usage alerts @sam [detect]`).
- **Bold-lead paragraphs**: `**Add a canary stage.** Why… Owner: Noor. Due: 2026-09-04.`
- **Lines of one paragraph** that each read as an item (each starts a sentence on its
  own line and ends one); past-tense lines ("Reduced the workers from 16 to 12.") are
  done.
- **Prose commitments**: a sentence that commits to future work ("We will add…", "The
  platform team is going to…", "Acme plans to…") is an item of layout `commitment`,
  over that sentence's range. Sentences after it that only say who or when ("Gabriel
  owns this.", "This will be live by 11 December 2026.") fill its fields. The owner and
  due-date rules apply to it like to any item, so an untracked promise is reported.

Prose that is neither (context, reasoning, "we considered…") is never an item.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from blameless.actions.fields import HANDLE, Fields, reads_as_done
from blameless.actions.items import FoundItem
from blameless.actions.metadata import parse_item
from blameless.actions.sections import ActionSection, SectionIndex
from blameless.actions.text import segment_words, tidy
from blameless.document import Segment
from blameless.sections import SectionKind, heading_kind

_NUMBERING = re.compile(r"(?:\d{1,3}[.):]|[A-Za-z][.)]|#\d{1,3}|[-*•])\s+")
_TAG = re.compile(r"\s*\[[\w\s/.-]{1,30}\]\s*$")
_TRAILING_HANDLES = re.compile(rf"\s(?P<owner>{HANDLE}(?:[ ,/&]+{HANDLE}){{0,4}})$")
_HANDLE_ONLY = re.compile(rf"(?:{HANDLE}|[a-z][a-z0-9_.-]*@)")
# Where one sentence ends: fixed-width look-arounds only, so the scan is linear.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9@])")
_ALREADY = re.compile(
    r"\balready (?:been )?(?:done|in place|live|made|built|set|put|written|run|sent|taken"
    r"|begun|\w+ed)\b|^already\b"
    r"|\bhas been (?:done|merged|fixed|shipped|deployed)\b",
    re.I,
)
_LEAD_ADVERB = re.compile(
    r"(?:finally|also|additionally|in addition|next|then|second(?:ly)?"
    r"|first(?:ly)?|third(?:ly)?|lastly|separately|longer term)\s*,\s*",
    re.I,
)
_MODALS = frozenset({"will", "shall", "must"})
_PLAN_VERBS = frozenset(
    {
        "plan",
        "plans",
        "planning",
        "intend",
        "intends",
        "aim",
        "aims",
        "need",
        "needs",
        "commit",
        "commits",
        "committed",
        "going",
        "expect",
        "expects",
    }
)
_NOT_SUBJECT = frozenset(
    {
        "this",
        "it",
        "that",
        "there",
        "if",
        "when",
        "which",
        "who",
        "what",
        "these",
        "those",
        "otherwise",
        "nobody",
        "none",
        "no",
        "nothing",
        "once",
        "until",
        "while",
        "because",
    }
)
_TEAM_WORDS = ("team", "squad", "group", "on-call", "oncall", "sre", "guild", "department")
_OWNS = re.compile(
    r"(?P<owner>[A-Z][\w'-]+(?: [A-Z][\w'-]+)?)(?:'s team)? (?:owns|will own|leads|will lead"
    r"|will drive|has taken (?:this|it) on|will do (?:this|it)|is on (?:this|it)|will handle)\b"
    r"|\bowned by (?:the )?(?P<by>[\w'-]+(?: [\w'-]+){0,3}?(?: team)?)(?=[.,;]| and\b|$)"
)


def prose_items(index: SectionIndex, taken: Mapping[int, FoundItem]) -> list[FoundItem]:
    """Heading-style, bold-lead, line-per-item and commitment items of every action section,
    and the firm commitments lessons end in."""
    found: list[FoundItem] = []
    for section in index.sections:
        found.extend(_section_items(index, section, taken))
    for section in index.lessons:
        found.extend(_lesson_commitments(index, section))
    return found


# In lessons, only a firm promise by the team counts: "…, but we will review how reports
# are made". Advice and reflection ("we should have", "teams need to") do not.
_FIRM = re.compile(
    r"(?<!\bif )(?<!\bwhether )\b(?:we|our [\w-]+(?: [\w-]+){0,2} team|the [\w-]+(?: [\w-]+){0,2}"
    r" team)(?: will|'ll| are going to| plan to| intend to| are committed to| commit to)"
    r"(?! not\b| never\b)",
    re.I,
)


def _lesson_commitments(index: SectionIndex, section: ActionSection) -> list[FoundItem]:
    found: list[FoundItem] = []
    for segment in index.segments_in(section):
        if segment.kind != "paragraph" or segment.quoted or _is_metadata(segment):
            continue
        if index.section_of(segment.start):
            continue  # commitments a lesson introduces: read with the action sections
        for start, end in _sentences(segment):
            text = " ".join(segment.prose[start - segment.start : end - segment.start].split())
            firm = _FIRM.search(text)
            if firm is None or text.endswith("?") or _introduces(text):
                continue
            fields = parse_item(text)
            fields.description = text.rstrip(".")
            fields.owner = fields.owner or _subject_owner(firm.group().rsplit(" ", 2)[0])
            fields.done = False
            raw = index.document.text[start:end]
            line = index.document.position(start)[0]
            found.append(FoundItem(start, end, line, fields, "commitment", raw))
    return found


def _blocks(segments: list[Segment]) -> Iterator[tuple[Segment | None, list[Segment], bool]]:
    """(sub-heading or None, the segments up to the next heading, has sub-headings)."""
    heading: Segment | None = None
    body: list[Segment] = []
    for at, segment in enumerate(segments):
        if segment.kind == "heading":
            yield heading, body, False
            heading, body = segment, []
            following = next((s for s in segments[at + 1 : at + 2] if s.kind == "heading"), None)
            if following is not None and following.level > segment.level:
                yield heading, [], True  # a group heading: its sub-headings hold the items
                heading = None
            continue
        body.append(segment)
    yield heading, body, False


def _section_items(
    index: SectionIndex, section: ActionSection, taken: Mapping[int, FoundItem]
) -> list[FoundItem]:
    found: list[FoundItem] = []
    for heading, body, group in _blocks(index.segments_in(section)):
        if group:
            continue
        listed = any(s.kind in ("item", "cell") or s.start in taken for s in body)
        prose = [s for s in body if s.kind == "paragraph" and not s.quoted]
        if heading is not None and not listed and _reads_as_item_heading(heading):
            found.append(_heading_item(index, heading, prose))
            continue
        for segment in prose:
            if segment.plain.rstrip().endswith(":") or _is_metadata(segment):
                continue  # an introduction ("Still open:") or a key-value line
            if segment.label is not None and heading_kind(segment.label) is SectionKind.ACTIONS:
                continue  # "**Action item:** …" is one item, read with the lists
            found.extend(_paragraph_items(index, segment, listed))
    return found


def _is_metadata(segment: Segment) -> bool:
    return bool(segment.section) and heading_kind(segment.section[-1]) is SectionKind.METADATA


# -- heading-style items -----------------------------------------------------------------


def _reads_as_item_heading(heading: Segment) -> bool:
    """A sub-heading that names a change, not a theme ("Detection") or a section."""
    words = tidy(heading.plain)
    if not words or (heading_kind(words) is not None and not _NUMBERING.match(words)):
        return False
    return len(words.split()) >= 3 or bool(_NUMBERING.match(words))


def _heading_item(index: SectionIndex, heading: Segment, body: list[Segment]) -> FoundItem:
    words = segment_words(heading)
    text = words.text
    number = _NUMBERING.match(text)
    if number:
        text = text[number.end() :]
    tags = _TAG.search(text)
    while tags:
        text = text[: tags.start()]
        tags = _TAG.search(text)
    owner = _TRAILING_HANDLES.search(text)
    fields = parse_item(text[: owner.start()] if owner else text, words.urls)
    if owner:
        fields = fields.merge(Fields("", owner=owner.group("owner")))
    for segment in body:
        more = segment_words(segment)
        fields = fields.merge(_prose_fields(more.text, more.urls, segment.codes))
    fields = fields.merge(Fields("", owner=_code_owner(heading.codes)))
    if fields.done is None:
        fields.done = words.struck or reads_as_done(fields.description)
    raw = index.document.text[heading.start : heading.end]
    return FoundItem(heading.start, heading.end, heading.line, fields, "heading", raw)


def _code_owner(codes: tuple[str, ...]) -> str | None:
    return next((code for code in codes if _HANDLE_ONLY.fullmatch(code)), None)


def _prose_fields(text: str, urls: tuple[str, ...], codes: tuple[str, ...] = ()) -> Fields:
    """Owner, due date and ticket said in running prose under an item."""
    fields = parse_item(text, urls)
    fields = Fields("", owner=fields.owner, due=fields.due, ticket=fields.ticket, done=fields.done)
    owns = _OWNS.search(text)
    if fields.owner is None and owns:
        fields.owner = (owns.group("owner") or owns.group("by") or "").strip() or None
    if fields.owner is None:
        fields.owner = _code_owner(codes)
    if fields.done is None and _ALREADY.search(text):
        fields.done = True
    return fields


# -- paragraphs ------------------------------------------------------------------------


def _paragraph_items(index: SectionIndex, segment: Segment, listed: bool) -> list[FoundItem]:
    document = index.document
    if segment.lead and not listed and tidy(segment.plain) != segment.lead:
        return [_lead_item(index, segment)]
    if not listed and _is_line_list(segment):
        texts = _line_texts(segment)
        return [
            _line_item(index, segment, n, texts[n])
            for n in range(len(segment.lines))
            if not _introduces(texts[n])
        ]
    items: list[FoundItem] = []
    sentences = _sentences(segment)
    texts = [
        " ".join(segment.prose[start - segment.start : end - segment.start].split())
        for start, end in sentences
    ]
    subjects = [_commitment(text) for text in texts]
    for at, (start, end) in enumerate(sentences):
        text, subject = texts[at], subjects[at]
        if subject is None or (items and _who_and_when(text, subject)):
            continue
        detail: list[str] = []
        for following in range(at + 1, len(sentences)):
            if subjects[following] is not None and not _who_and_when(
                texts[following], subjects[following]
            ):
                break
            detail.append(texts[following])
        fields = parse_item(text)
        fields = fields.merge(_prose_fields(" ".join(detail), ()))
        fields = fields.merge(Fields("", owner=_subject_owner(subject)))
        if fields.done is None or not fields.done:
            fields.done = bool(_ALREADY.search(" ".join([text, *detail])))
        fields.description = text.rstrip(".")
        raw = document.text[start:end]
        line = document.position(start)[0]
        items.append(FoundItem(start, end, line, fields, "commitment", raw))
    if (
        not items
        and (not listed or _ALREADY.match(segment.plain.lstrip()))
        and _ALREADY.search(segment.plain[:400])
    ):
        words = segment_words(segment)
        fields = parse_item(words.text, words.urls)
        fields.done = True
        first = sentences[0] if sentences else (segment.start, segment.end)
        fields.description = tidy(document.text[first[0] : first[1]]).rstrip(".")
        raw = document.text[segment.start : segment.end]
        items.append(FoundItem(first[0], first[1], segment.line, fields, "paragraph", raw))
    return items


def _lead_item(index: SectionIndex, segment: Segment) -> FoundItem:
    lead = segment.lead or ""
    words = segment_words(segment)
    fields = parse_item(lead.rstrip(".:"), words.urls)
    rest = words.text[len(lead) :] if words.text.startswith(lead) else words.text
    fields = fields.merge(_prose_fields(rest, words.urls, segment.codes))
    fields.description = lead.rstrip(".: ")
    if fields.done is None:
        fields.done = words.struck or reads_as_done(fields.description)
    raw = index.document.text[segment.start : segment.end]
    return FoundItem(segment.start, segment.end, segment.line, fields, "paragraph", raw)


def _line_texts(segment: Segment) -> list[str]:
    return [tidy(line) for line in segment.plain.split("\n")]


def _is_line_list(segment: Segment) -> bool:
    """Every line of the paragraph is one sentence of its own: one item per line."""
    texts = _line_texts(segment)
    if len(segment.lines) < 2 or len(texts) != len(segment.lines):
        return False
    return all(
        text[:1].isupper() and text[-1:] in ".!?)" + "0123456789" and len(text.split()) >= 3
        for text in texts
    )


def _line_item(index: SectionIndex, segment: Segment, number: int, text: str) -> FoundItem:
    start, end = segment.lines[number]
    fields = parse_item(text)
    subject = _commitment(text)
    if subject is not None:
        fields = fields.merge(Fields("", owner=_subject_owner(subject)))
    if fields.done is None:
        fields.done = subject is None and reads_as_done(fields.description)
    line = index.document.position(start)[0]
    raw = index.document.text[start:end]
    return FoundItem(start, end, line, fields, "line" if subject is None else "commitment", raw)


def _introduces(text: str) -> bool:
    return text.endswith(":") or "the following" in text.lower()


def _sentences(segment: Segment) -> list[tuple[int, int]]:
    """Source ranges of the sentences of a paragraph (trimmed to their words)."""
    prose = segment.prose
    ranges: list[tuple[int, int]] = []
    position = 0
    for match in _SENTENCE_END.finditer(prose):
        ranges.append((position, match.start()))
        position = match.end()
    ranges.append((position, len(prose)))
    trimmed = []
    for start, end in ranges:
        piece = prose[start:end]
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right > left:
            trimmed.append((segment.start + start + left, segment.start + start + right))
    return trimmed


# -- commitments -------------------------------------------------------------------------


def _commitment(sentence: str) -> str | None:
    """The subject of a sentence that commits to future work, else None."""
    text = sentence.strip()
    if not text or text.endswith("?") or _introduces(text):
        return None  # a question, or the introduction of a list
    adverb = _LEAD_ADVERB.match(text)
    if adverb:
        text = text[adverb.end() :]
    words = text.split()[:16]
    lowered = [word.lower().strip(",;:") for word in words]
    for at, word in enumerate(lowered):
        if at > 8:
            return None
        if word in ("would", "could", "might", "may", "did", "was", "were", "had"):
            return None
        subject = words[:at]
        if not subject and not word.endswith("'ll"):
            continue
        follows = lowered[at + 1] if at + 1 < len(lowered) else ""
        if word.endswith("'ll") or word in _MODALS:
            subject = words[: at + 1] if word.endswith("'ll") else subject
        elif (word == "should" and follows != "have") or (word in _PLAN_VERBS and follows == "to"):
            pass
        elif word in ("is", "are", "am") and (
            follows.endswith("ing") and follows not in ("being", "nothing")
        ):
            if follows == "going" or lowered[0] in ("we", "our") or _is_team(lowered[:at]):
                pass
            else:
                return None
        elif word in ("is", "are", "am", "has", "have"):
            if (
                lowered[at + 1 : at + 2] in (["also"], ["now"])
                and lowered[at + 2 : at + 3]
                and (lowered[at + 2].endswith("ing") or lowered[at + 2] == "going")
            ):
                pass
            else:
                continue
        else:
            continue
        if not subject or subject[0].lower().strip(",") in _NOT_SUBJECT:
            return None
        if _owns_this(lowered[at + 1 : at + 4]):
            return None  # "Sun-hee will do this by…": who, for the sentence before
        if lowered[at + 1 : at + 2] in (["not"], ["never"]) or word.endswith("n't"):
            return None  # "We will not: …" turns an idea down
        return " ".join(subject)
    return None


def _who_and_when(sentence: str, subject: str | None) -> bool:
    """A short sentence after a commitment that names its person: "Nadia will write a
    proposal by 8 January." (a detail of the commitment before, not a new one)."""
    words = sentence.split()
    return (
        subject is not None
        and len(words) <= 14
        and len(subject.split()) == 1
        and subject[:1].isupper()
        and subject.lower() not in ("we", "i", "our")
    )


def _owns_this(after: list[str]) -> bool:
    return (
        len(after) >= 2
        and after[1].strip(".") in ("this", "it", "that")
        and after[0]
        in (
            "do",
            "own",
            "handle",
            "drive",
            "lead",
            "take",
            "pick",
            "track",
        )
    )


def _is_team(words: list[str]) -> bool:
    return bool(words) and words[-1].strip(",") in _TEAM_WORDS


def _subject_owner(subject: str) -> str | None:
    """The owner a commitment's subject names: a team or a person, not "we"."""
    words = subject.replace("'ll", "").split()
    lowered = [w.lower() for w in words]
    if not words or lowered[0] in ("we", "i", "you", "they", "everyone", "someone"):
        return None
    if lowered[0] in ("our", "the", "a", "an", "each", "every") and _is_team(lowered):
        return " ".join(words[1:])
    if _is_team(lowered) or (
        len(words) <= 2 and all(w[:1].isupper() for w in words) and lowered[0] not in ("the",)
    ):
        return " ".join(words)
    return None
