"""The language stage with a memory: an edited document re-parses only changed paragraphs.

spaCy is most of the cost of a check, and the language rules read each prose segment
on its own (its words, its kind, its section, whether it is quoted). So their hits are
kept per segment, relative to its start, keyed by everything the rules see of it but
its place; a keystroke misses the cache for one paragraph only.

A full check parses each window of trigger sentences as a Doc of its own, and so does
this cache, one segment at a time: the editor and the CLI read a sentence alike.
"""

from __future__ import annotations

from dataclasses import replace

from blameless.config import Config
from blameless.document import Document, Segment
from blameless.hits import Hit


class ParagraphCache:
    """Call it like `checker.language_hits`; one per open document.

    Each changed segment is parsed on its own, so its hits do not depend on which
    other paragraphs changed in the same edit: the cached report of a text is the same
    whatever edits led to it.
    """

    def __init__(self) -> None:
        self.hits: dict[Segment, tuple[Hit, ...]] = {}
        self.config: str | None = None
        self.parsed = 0  # segments sent to the language stage, for tests and benchmarks

    def __call__(self, document: Document, config: Config) -> list[Hit]:
        from blameless.checker import language_hits

        settings = config.model_dump_json()
        if settings != self.config:
            self.hits, self.config = {}, settings
        known: dict[Segment, tuple[Hit, ...]] = {}
        found: list[Hit] = []
        for segment in document.segments:
            key = _key(segment)
            if key not in known:
                cached = self.hits.get(key)
                if cached is None:
                    alone = language_hits(replace(document, segments=[segment]), config)
                    cached = tuple(_shift(hit, -segment.start) for hit in alone)
                    self.parsed += 1
                known[key] = cached
            found.extend(_shift(hit, segment.start) for hit in known[key])
        self.hits = known  # only what the document still holds
        return found


def _key(segment: Segment) -> Segment:
    """The segment without its place in the document: offsets, line and running ids."""
    return replace(segment, start=0, end=0, line=0, item=None, parent_item=None, table=None)


def _shift(hit: Hit, by: int) -> Hit:
    fix = hit.fix
    if fix is not None:
        fix = fix.model_copy(update={"offset": fix.offset + by, "end_offset": fix.end_offset + by})
    return replace(
        hit,
        start=None if hit.start is None else hit.start + by,
        end=None if hit.end is None else hit.end + by,
        fix=fix,
        sentence=None if hit.sentence is None else (hit.sentence[0] + by, hit.sentence[1] + by),
    )
