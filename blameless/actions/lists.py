"""Action items written as lists: checkboxes, bullets, numbered lists, labelled paragraphs.

A top-level list item in an action section is one action item. Its sub-bullets are
details, and those that are only metadata ("Owner: Ahmed Khan", "Due: Q1 2027", a link
to the ticket) fill its fields. A top-level item that is only a label ("**Detection**",
"Process:") groups the items nested under it. A list item labelled like a section
("- **Review actions**:") holds action items even where there is no heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from blameless.actions.fields import Fields, reads_as_done
from blameless.actions.items import FoundItem
from blameless.actions.markup import Inline, read_inline, reference_targets
from blameless.actions.metadata import parse_item, parse_metadata_line
from blameless.actions.sections import (
    ActionSection,
    is_action_heading,
    section_of,
    subsection_titles,
)
from blameless.document import Document, Segment

_MARKER = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
_BOLD_LABEL = re.compile(r"\s*(?:\*\*|__)(?P<label>[^*_\n]{1,80}?)\s*:?\s*(?:\*\*|__)\s*:?\s*")
_COLON_LABEL = re.compile(r"\s*(?P<label>[^.!?:\n]{1,60}):\s*")
_LABEL_PREFIX = re.compile(
    r"^\s*(?:\*\*|__)\s*(?P<label>[^*_\n]{1,60}?)\s*:?\s*(?:\*\*|__)\s*:?\s*$"
)
_LINK_BULLET = re.compile(r"^\s+(?:[-*+]|\d{1,3}[.)])\s+(?P<link><?https?://\S+?>?)\s*$")
_DONE_HEADING = re.compile(r"\b(?:completed|done|finished|closed|already (?:done|fixed))\b", re.I)


@dataclass
class _Node:
    id: int
    segments: list[Segment]
    parent: int | None
    task: bool | None
    children: list[int] = field(default_factory=list)

    @property
    def first(self) -> Segment:
        return self.segments[0]


def list_items(document: Document, sections: list[ActionSection]) -> list[FoundItem]:
    """Action items written as list items or labelled paragraphs, in document order."""
    nodes = _build_nodes(document)
    roots: list[_Node] = []
    for node in nodes.values():
        if node.first.quoted:
            continue
        parent = nodes.get(node.parent) if node.parent is not None else None
        in_section = section_of(node.first.start, sections)
        if in_section and (parent is None or section_of(parent.first.start, sections) is None):
            roots.append(node)
    roots.extend(_labelled_lists(document, nodes, sections))
    found: list[FoundItem] = []
    seen: set[int] = set()
    for root in sorted(roots, key=lambda n: n.first.start):
        for node in _expand_groups(document, nodes, root):
            if node.id not in seen:
                seen.add(node.id)
                found.append(_item_from_node(document, nodes, node, sections))
    found.extend(_labelled_paragraphs(document))
    return sorted(found, key=lambda item: item.start)


# -- the list tree ----------------------------------------------------------------------


def _build_nodes(document: Document) -> dict[int, _Node]:
    """List items by id, with parents (derived from depth for plain text) and children."""
    nodes: dict[int, _Node] = {}
    stack: list[tuple[int, int]] = []  # (depth, id) for plain text, which has no parent ids
    last: _Node | None = None
    for segment in document.segments:
        if segment.kind != "item" or segment.item is None:
            if last is not None and _continues(document, last, segment):
                last.segments.append(segment)
            elif segment.kind != "item":
                last = None
            continue
        if segment.item in nodes:
            nodes[segment.item].segments.append(segment)
            continue
        parent = segment.parent_item
        if not document.markdown:
            while stack and stack[-1][0] >= segment.depth:
                stack.pop()
            parent = stack[-1][1] if stack else None
            stack.append((segment.depth, segment.item))
        node = _Node(id=segment.item, segments=[segment], parent=parent, task=segment.task)
        nodes[segment.item] = node
        if parent is not None and parent in nodes:
            nodes[parent].children.append(node.id)
        last = node
    return nodes


def _continues(document: Document, node: _Node, segment: Segment) -> bool:
    """A plain-text item wrapped onto indented lines: the reader sees a new paragraph."""
    if document.markdown or segment.kind != "paragraph":
        return False
    previous_end_line = document.position(node.segments[-1].end)[0]
    indented = document.line_text(segment.line)[:1] in (" ", "\t")
    return segment.line == previous_end_line + 1 and indented


def _raw_text(document: Document, segment: Segment) -> str:
    """The segment's Markdown as written, from just after its list marker to the end of its
    last line: the segment itself is trimmed to its words, without `~~`, `**` or code."""
    start = segment.start
    if segment.kind == "item":
        line_start = document.line_starts[segment.line - 1]
        marker = _MARKER.match(document.line_text(segment.line))
        if marker and line_start + marker.end() <= segment.start:
            start = line_start + marker.end()
    last_line = document.position(segment.end)[0]
    end = document.line_starts[last_line - 1] + len(document.line_text(last_line))
    return document.text[start : max(end, segment.end)]


def _inline(document: Document, raw: str) -> Inline:
    return read_inline(raw, reference_targets(document.text))


# -- groups and labels -------------------------------------------------------------------


def _label(raw: str) -> str | None:
    """The label of an item that is only a label ("**Detection**", "Process:"), else None."""
    match = _BOLD_LABEL.fullmatch(raw) or _COLON_LABEL.fullmatch(raw)
    if not match or len(match.group("label").split()) > 8:
        return None
    return match.group("label").strip()


def _is_metadata(document: Document, node: _Node) -> bool:
    inline = _inline(document, _raw_text(document, node.first))
    if not inline.text:
        return True  # a bare link: the parent's ticket
    return parse_metadata_line(inline.text) is not None


def _expand_groups(document: Document, nodes: dict[int, _Node], node: _Node) -> list[_Node]:
    """The item itself, or the items nested under it when it is only a group label."""
    children = [nodes[c] for c in node.children if c in nodes]
    label = _label(_raw_text(document, node.first))
    if label is None or not children or all(_is_metadata(document, c) for c in children):
        return [node]
    expanded: list[_Node] = []
    for child in children:
        expanded.extend(_expand_groups(document, nodes, child))
    return expanded


def _labelled_lists(
    document: Document, nodes: dict[int, _Node], sections: list[ActionSection]
) -> list[_Node]:
    """Items under a list item labelled like an action section ("- **Review actions**:")."""
    roots: list[_Node] = []
    ordered = sorted(nodes.values(), key=lambda n: n.first.start)
    for index, node in enumerate(ordered):
        label = _label(_raw_text(document, node.first))
        if label is None or not is_action_heading(label) or section_of(node.first.start, sections):
            continue
        children = [nodes[c] for c in node.children if c in nodes]
        roots.extend(children or _following_items(document, ordered[index + 1 :], node))
    return roots


def _following_items(document: Document, after: list[_Node], label: _Node) -> list[_Node]:
    """A childless label's items: the top-level items right after it, up to other text."""
    items: list[_Node] = []
    position = label.segments[-1].end
    for node in after:
        if node.parent is not None:
            continue
        between = [
            s
            for s in document.segments
            if position <= s.start < node.first.start and s.kind != "item"
        ]
        if between or _label(_raw_text(document, node.first)) is not None:
            break
        items.append(node)
        position = node.segments[-1].end
    return items


def _labelled_paragraphs(document: Document) -> list[FoundItem]:
    """Paragraphs that start with an action label: "**Action item:** Declare incidents…"."""
    found: list[FoundItem] = []
    for segment in document.segments:
        if segment.kind != "paragraph" or segment.quoted:
            continue
        line_start = document.line_starts[segment.line - 1]
        prefix = _LABEL_PREFIX.match(document.text[line_start : segment.start])
        if not prefix or not is_action_heading(prefix.group("label")):
            continue
        raw = _raw_text(document, segment)
        inline = _inline(document, raw)
        fields = parse_item(inline.text, inline.urls)
        found.append(FoundItem(segment.start, segment.end, segment.line, fields, "paragraph", raw))
    return found


# -- one item ---------------------------------------------------------------------------


def _item_from_node(
    document: Document, nodes: dict[int, _Node], node: _Node, sections: list[ActionSection]
) -> FoundItem:
    first = node.first
    raw = _raw_text(document, first)
    inline = _inline(document, raw)
    fields = parse_item(inline.text, inline.urls)
    for segment in node.segments[1:]:  # later paragraphs: metadata only
        more = _inline(document, _raw_text(document, segment))
        fields = fields.merge(parse_item(more.text, more.urls))
    for child_id in node.children:
        fields = fields.merge(_child_fields(document, nodes[child_id]))
    if fields.ticket is None:
        fields.ticket = parse_item("", _link_only_bullets(document, nodes, node)).ticket
    if node.task is not None:
        fields.done = node.task
    elif fields.done is None:
        fields.done = (
            inline.struck
            or _under_done_heading(document, first, sections)
            or reads_as_done(fields.description)
        )
    return FoundItem(first.start, first.end, first.line, fields, "list", raw)


def _child_fields(document: Document, child: _Node) -> Fields:
    inline = _inline(document, _raw_text(document, child.first))
    if not inline.text:
        return parse_item("", inline.urls)
    fields = parse_metadata_line(inline.text)
    return fields if fields is not None else Fields("")


def _link_only_bullets(document: Document, nodes: dict[int, _Node], node: _Node) -> tuple[str, ...]:
    """Links in sub-bullets that hold nothing else: the reader keeps no segment for them."""
    subtree = _subtree(nodes, node)
    after = node.first.end
    following = next(
        (s for s in document.segments if s.start > after and s.item not in subtree), None
    )
    last_line = following.line if following else len(document.line_starts) + 1
    urls: list[str] = []
    for line in range(node.first.line + 1, last_line):
        bullet = _LINK_BULLET.match(document.line_text(line))
        if bullet:
            urls.extend(_inline(document, bullet.group("link")).urls)
    return tuple(urls)


def _subtree(nodes: dict[int, _Node], node: _Node) -> set[int]:
    ids = {node.id}
    for child in node.children:
        if child in nodes:
            ids |= _subtree(nodes, nodes[child])
    return ids


def _under_done_heading(
    document: Document, segment: Segment, sections: list[ActionSection]
) -> bool:
    """Items under "Immediate actions (completed)" are done."""
    section = section_of(segment.start, sections)
    if section is None:
        return False
    return any(_DONE_HEADING.search(t) for t in subsection_titles(document, section, segment.start))
