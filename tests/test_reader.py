"""Reading Markdown and plain text into prose segments with exact offsets."""

from __future__ import annotations

from blameless.reading import decode, parse_document
from blameless.sections import SectionKind


def prose_of(text: str, path: str = "pm.md") -> list[str]:
    document = parse_document(text, path)
    return [document.text[s.start : s.end] for s in document.segments]


def test_segments_hold_the_original_characters() -> None:
    text = "# Title\r\n\r\nFirst line é 中文 😀\r\nsecond\tline.\r\n"
    document = parse_document(text, "pm.md")
    for segment in document.segments:
        assert len(segment.prose) == segment.end - segment.start
        assert (
            document.text[segment.start : segment.end].replace("\r\n", "  ").replace("\t", " ")
            == segment.prose
        )


def test_code_urls_comments_and_link_targets_are_not_prose() -> None:
    text = (
        "Run `why did you` then see [the doc](https://example.com/why-you) "
        "or https://example.com/who <!-- a comment --> done.\n\n"
        "```\nWhy did you deploy?\n```\n\n"
        "    indented code, why did you\n\n"
        "<div>\nWhy did you?\n</div>\n"
    )
    document = parse_document(text, "pm.md")
    assert len(document.segments) == 1
    prose = document.segments[0].prose
    assert "why did you" not in prose
    assert "example.com" not in prose
    assert "comment" not in prose
    assert "the doc" in prose


def test_front_matter_is_not_prose() -> None:
    text = "---\ntitle: Why did you do it\nowner: bob\n---\n# Heading\n\nBody.\n"
    assert prose_of(text) == ["Heading", "Body."]


def test_sections_and_quotes() -> None:
    text = (
        "# Incident\n\n## Timeline\n\n14:02 Alice deployed v2.3.\n\n"
        "## 3. Root Cause(s):\n\n> Why did you do it?\n\n"
        "**Where we got lucky**\n\nHad it been worse.\n"
    )
    document = parse_document(text, "pm.md")
    kinds = [(s.prose, s.section_kind, s.quoted) for s in document.segments if s.kind != "heading"]
    assert kinds == [
        ("14:02 Alice deployed v2.3.", SectionKind.TIMELINE, False),
        ("Why did you do it?", SectionKind.CAUSE, True),
        ("Had it been worse.", SectionKind.LUCKY, False),
    ]


def test_tables_split_into_cells_with_escaped_pipes() -> None:
    text = "| Action | Owner |\n|---|---|\n| Add a \\| guard | @alice |\n| Short |\n"
    document = parse_document(text, "pm.md")
    cells = [(s.row, s.col, document.text[s.start : s.end]) for s in document.segments]
    assert cells == [
        (0, 0, "Action"),
        (0, 1, "Owner"),
        (1, 0, "Add a \\| guard"),
        (1, 1, "@alice"),
        (2, 0, "Short"),
    ]


def test_task_lists_and_nested_items() -> None:
    text = "## Action items\n\n- [x] Add a canary\n  - Owner: @lin\n- [ ] Cap retries\n"
    document = parse_document(text, "pm.md")
    items = [
        (s.prose, s.task, s.depth, s.parent_item is not None)
        for s in document.segments
        if s.kind == "item"
    ]
    assert items == [
        ("Add a canary", True, 1, False),
        ("Owner: @lin", None, 2, True),
        ("Cap retries", False, 1, False),
    ]


def test_plain_text_headings_and_lists() -> None:
    text = "Summary:\nThe deploy failed.\n\nAction items:\n- Add a check (owner: @a)\n"
    document = parse_document(text, "pm.txt")
    assert [(s.kind, s.section, document.text[s.start : s.end]) for s in document.segments] == [
        ("paragraph", ("Summary",), "The deploy failed."),
        ("item", ("Action items",), "Add a check (owner: @a)"),
    ]


def test_positions_count_characters_and_every_line_break() -> None:
    document = parse_document("é😀\r\nab\rcd\nxy", "pm.md")
    assert document.position(0) == (1, 1)
    assert document.position(1) == (1, 2)
    assert document.position(4) == (2, 1)
    assert document.position(7) == (3, 1)
    assert document.position(10) == (4, 1)


def test_decode_strips_bom_and_rejects_binary_and_bad_utf8() -> None:
    import pytest

    from blameless.errors import InputError

    assert decode("\ufeffhi".encode(), "x") == "hi"
    with pytest.raises(InputError, match="binary"):
        decode(b"\x00\x01\x02", "x")
    with pytest.raises(InputError, match="UTF-8"):
        decode(b"caf\xe9", "x")


def test_plain_text_items_wrap_and_nest() -> None:
    text = "Action items:\n- Add a check that rejects\n  unknown keys\n  - Owner: @lin\n- Second\n"
    document = parse_document(text, "pm.txt")
    items = [(s.item, s.parent_item, document.text[s.start : s.end]) for s in document.segments]
    assert items == [
        (1, None, "Add a check that rejects\n  unknown keys"),
        (2, 1, "Owner: @lin"),
        (3, None, "Second"),
    ]


def test_an_item_starting_with_code_starts_at_the_backtick() -> None:
    document = parse_document("- `bundle` should pin versions\n", "pm.md")
    segment = document.segments[0]
    assert document.text[segment.start : segment.end] == "`bundle` should pin versions"
