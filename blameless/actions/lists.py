"""Action items written as lists: checkboxes, bullets, numbered lists, labelled paragraphs.

A top-level list item in an action section is one action item. Its sub-bullets are
details, and those that are only metadata ("Owner: Ahmed Khan", "Due: Q1 2027", a link
to the ticket) fill its fields. A top-level item that is only a label ("**Detection**",
"Process:") groups the items nested under it. A list item labelled like a section
("- **Review actions**:") holds action items even where there is no heading.

Reads only the reader's segments; every step is linear in the number of segments (no
recursion, so a list nested thousands deep is fine).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from blameless.actions.fields import Fields, reads_as_done
from blameless.actions.items import FoundItem
from blameless.actions.metadata import parse_item, parse_metadata_line
from blameless.actions.sections import SectionIndex, is_action_heading, subsection_titles
from blameless.actions.text import Words, segment_words
from blameless.document import Segment

_COLON_LABEL = re.compile(r"(?P<label>[^.!?:\n]{1,60}):")
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


def list_items(index: SectionIndex) -> list[FoundItem]:
    """Action items written as list items or labelled paragraphs, in document order."""
    nodes, order = _build_nodes(index.segments)
    roots: list[_Node] = []
    for node in nodes.values():
        if node.first.quoted:
            continue
        parent = nodes.get(node.parent) if node.parent is not None else None
        if index.section_of(node.first.start) and (
            parent is None or index.section_of(parent.first.start) is None
        ):
            roots.append(node)
    roots.extend(_labelled_lists(index, nodes, order))
    found: list[FoundItem] = []
    seen: set[int] = set()
    for root in sorted(roots, key=lambda n: n.first.start):
        for node in _expand_groups(nodes, root):
            if node.id not in seen and not _blank(node):
                seen.add(node.id)
                found.append(_item_from_node(index, nodes, node))
    found.extend(_labelled_paragraphs(index))
    return sorted(found, key=lambda item: item.start)


def _blank(node: _Node) -> bool:
    """An empty checkbox ("- [ ] " and nothing after it) asks nothing of anyone, as an empty
    bullet does: no item."""
    alone = len(node.segments) == 1 and not node.children
    return alone and not segment_words(node.first).text.strip()


# -- the list tree ----------------------------------------------------------------------


def _build_nodes(segments: list[Segment]) -> tuple[dict[int, _Node], list[int]]:
    """List items by id, with parents and children; and their ids in document order."""
    nodes: dict[int, _Node] = {}
    order: list[int] = []
    for segment in segments:
        if segment.kind != "item" or segment.item is None:
            continue
        if segment.item in nodes:
            nodes[segment.item].segments.append(segment)
            continue
        parent = segment.parent_item
        node = _Node(id=segment.item, segments=[segment], parent=parent, task=segment.task)
        nodes[segment.item] = node
        order.append(segment.item)
        if parent is not None and parent in nodes:
            nodes[parent].children.append(node.id)
    return nodes, order


# -- groups and labels -------------------------------------------------------------------


def _label(segment: Segment) -> str | None:
    """The label of an item that is only a label ("**Detection**", "Process:"), else None."""
    words = " ".join(segment.plain.split())
    if segment.lead and words.rstrip(" :") == segment.lead.rstrip(" :"):
        label = segment.lead.rstrip(" :")
    else:
        match = _COLON_LABEL.fullmatch(words[:62])
        if not match or len(words) > 61:
            return None
        label = match.group("label")
    return label.strip() if label.strip() and len(label.split()) <= 8 else None


def _is_metadata(node: _Node) -> bool:
    words = segment_words(node.first)
    if not words.text:
        return True  # a bare link: the parent's ticket
    return parse_metadata_line(words.text) is not None


def _expand_groups(nodes: dict[int, _Node], root: _Node) -> list[_Node]:
    """The item itself, or the items nested under it when it is only a group label."""
    expanded: list[_Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        children = [nodes[c] for c in node.children if c in nodes]
        if _label(node.first) is None or not children or all(_is_metadata(c) for c in children):
            expanded.append(node)
        else:
            stack.extend(reversed(children))
    return expanded


def _labelled_lists(index: SectionIndex, nodes: dict[int, _Node], order: list[int]) -> list[_Node]:
    """Items under a list item labelled like an action section ("- **Review actions**:")."""
    roots: list[_Node] = []
    position = {node_id: at for at, node_id in enumerate(order)}
    for node_id in order:
        node = nodes[node_id]
        label = _label(node.first)
        if label is None or not is_action_heading(label) or index.section_of(node.first.start):
            continue
        children = [nodes[c] for c in node.children if c in nodes]
        roots.extend(children or _following_items(index, nodes, order, position[node_id]))
    return roots


def _following_items(
    index: SectionIndex, nodes: dict[int, _Node], order: list[int], at: int
) -> list[_Node]:
    """A childless label's items: the top-level items right after it, up to other text.

    Stops at the next label, so the walks of successive labels never overlap.
    """
    items: list[_Node] = []
    end = nodes[order[at]].segments[-1].end
    for following in range(at + 1, len(order)):
        node = nodes[order[following]]
        if node.parent is not None:
            continue
        between = index.segments_between(end, node.first.start)
        if any(s.kind != "item" for s in between) or _label(node.first) is not None:
            break
        items.append(node)
        end = node.segments[-1].end
    return items


def _labelled_paragraphs(index: SectionIndex) -> list[FoundItem]:
    """Paragraphs that start with an action label: "**Action item:** Declare incidents…"."""
    found: list[FoundItem] = []
    for segment in index.segments:
        if segment.kind != "paragraph" or segment.quoted or segment.label is None:
            continue
        if not is_action_heading(segment.label):
            continue
        words = segment_words(segment)
        fields = parse_item(words.text, words.urls)
        raw = index.document.text[segment.start : segment.end]
        found.append(FoundItem(segment.start, segment.end, segment.line, fields, "paragraph", raw))
    return found


# -- one item ---------------------------------------------------------------------------


def _item_from_node(index: SectionIndex, nodes: dict[int, _Node], node: _Node) -> FoundItem:
    first = node.first
    words = segment_words(first)
    fields = parse_item(words.text, words.urls)
    for segment in node.segments[1:]:  # later paragraphs: metadata only
        more = segment_words(segment)
        fields = fields.merge(parse_item(more.text, more.urls))
    for child_id in node.children:
        fields = fields.merge(_child_fields(segment_words(nodes[child_id].first)))
    if node.task is not None:
        fields.done = node.task
    elif fields.done is None:
        fields.done = (
            words.struck or _under_done_heading(index, first) or reads_as_done(fields.description)
        )
    raw = index.document.text[first.start : first.end]
    return FoundItem(first.start, first.end, first.line, fields, "list", raw)


def _child_fields(words: Words) -> Fields:
    if not words.text:
        return parse_item("", words.urls)
    fields = parse_metadata_line(words.text)
    return fields if fields is not None else Fields("")


def _under_done_heading(index: SectionIndex, segment: Segment) -> bool:
    """Items under "Immediate actions (completed)" are done."""
    section = index.section_of(segment.start)
    if section is None:
        return False
    titles = (section.title, *subsection_titles(segment, section))
    return any(_DONE_HEADING.search(title) for title in titles)
