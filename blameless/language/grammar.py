"""Reading the parse: negation, subjects, plain English words, and edits to a sentence.

Shared by the language checks; what builds rewrite text from words is in `phrases`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from spacy.tokens import Span, Token

from blameless.language.agents import has_vocabulary, is_english_word
from blameless.language.phrases import base_form, capitalize, depersonalize

_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass")


def is_english(token: Token) -> bool:
    """An ordinary English word (stop words included), not a name, handle or acronym.

    Reads the vocabulary the component hands to `agents`; before that, everything counts.
    """
    if token.is_stop or not has_vocabulary():
        return True
    return is_english_word(token.lower_) or is_english_word(token.lemma_.lower())


def calm(text: str) -> str:
    """A suggestion without the exclamations of its source sentence ("!!!" -> ".")."""
    text = re.sub(r"[!?]*\?[!?]*!+[!?]*|[!?]*![!?]*\?[!?]*", "?", text)
    return re.sub(r"!{2,}", ".", text)


def end_of(token: Token) -> int:
    return token.idx + len(token.text)


def negated(token: Token) -> bool:
    """The word, its verb or a "not" right before it negates the statement."""
    heads = [token, token.head] if token.dep_ in ("acomp", "attr", "advmod", "amod") else [token]
    if any(c.dep_ == "neg" for h in heads for c in h.children):
        return True
    before = token.doc[max(token.sent.start, token.i - 2) : token.i]
    return any(t.lower_ in ("not", "n't", "never", "hardly", "less", "non") for t in before)


def clause_subject(verb: Token) -> Token | None:
    """The subject of a verb, climbing through "and"-joined, infinitive and copula heads."""
    seen = 0
    while seen < 6:
        for child in verb.children:
            if child.dep_ in _SUBJECTS or child.dep_ == "expl":
                return child
        if verb.dep_ in ("conj", "xcomp", "acomp", "advcl") and verb.head != verb:
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def removal(sentence: Span, first: Token, last: Token) -> tuple[int, int, str]:
    """An edit that removes the words first..last with their comma or space.

    At the start of the sentence the next word is capitalized: "Obviously, the team"
    becomes "The team"; inside commas both go: "was, obviously, fine" becomes "was fine".
    """
    doc = sentence.doc
    start, end = first.idx, end_of(last)
    after = doc[last.i + 1] if last.i + 1 < sentence.end else None
    before = doc[first.i - 1] if first.i > sentence.start else None
    if after is not None and after.text in (",", ":") and before is not None and before.text == ",":
        start, end = before.idx, end_of(after)
    elif after is not None and after.text in (",", ":"):
        end = end_of(after) + len(after.whitespace_)
    elif last.whitespace_:
        end += len(last.whitespace_)
    elif before is not None and before.whitespace_:
        start = end_of(before)
    nxt = doc[last.i + 2] if after is not None and after.text in (",", ":") else after
    if (
        sentence_initial(sentence, first)
        and nxt is not None
        and nxt.i < sentence.end
        and not nxt.is_punct
    ):
        return start, end_of(nxt), capitalize(nxt.text)
    return start, end, ""


def drop_modifier(sentence: Span, modifier: Token) -> tuple[int, int, str]:
    """Remove an adjective, fixing "an irresponsible decision" to "a decision"."""
    doc = sentence.doc
    before = doc[modifier.i - 1] if modifier.i > sentence.start else None
    after = doc[modifier.i + 1] if modifier.i + 1 < sentence.end else None
    if before is not None and before.lower_ in ("a", "an") and after is not None:
        article = "an" if after.text[:1].lower() in "aeiou" else "a"
        if before.text[:1].isupper():
            article = capitalize(article)
        return before.idx, after.idx, article + " "
    return removal(sentence, modifier, modifier)


def sentence_initial(sentence: Span, token: Token) -> bool:
    return all(t.is_punct or t.is_space for t in sentence.doc[sentence.start : token.i])


def apply_edits(sentence: Span, edits: list[tuple[int, int, str]]) -> str:
    """The sentence text with non-overlapping doc-relative edits applied, tidied."""
    text = sentence.text
    offset = sentence.start_char
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[: start - offset] + replacement + text[end - offset :]
    text = re.sub(r"\s{2,}", " ", text).strip()
    text = re.sub(r"\s+([,.;:?!])", r"\1", text)
    return capitalize(text)


def action_phrase(token: Token, subject: Token | None = None) -> str | None:
    """The action a judgment is about, as a gerund phrase: "pushing the release".

    Looks for a gerund subject ("Pushing X was poor judgment"), "by/in <gerund>", an
    infinitive ("reckless to run X") or a "when" clause ("when he deleted X").
    """
    anchors = [token, token.head]
    if subject is not None:
        anchors.append(subject)
    for anchor in anchors:
        if anchor.dep_ in ("csubj", "csubjpass") and anchor.tag_ == "VBG":
            return gerund_phrase(anchor)
    for anchor in anchors:
        for child in [*anchor.children, *anchor.head.children]:
            if child.dep_ in ("csubj", "csubjpass") and child.tag_ == "VBG":
                return gerund_phrase(child)
            if child.dep_ == "prep" and child.lower_ in ("by", "in"):
                for pcomp in child.children:
                    if pcomp.dep_ == "pcomp" and pcomp.tag_ == "VBG":
                        return gerund_phrase(pcomp)
            if child.dep_ == "xcomp" and child.pos_ == "VERB" and child.tag_ == "VB":
                return gerund_phrase(child)
            if child.dep_ == "advcl" and any(c.lower_ == "when" for c in child.children):
                return gerund_phrase(child)
    return None


def gerund_phrase(verb: Token) -> str:
    """ "run the migration at peak" -> "running the migration at peak"."""
    words = [t for t in verb.subtree if t.i > verb.i]
    while words and (words[-1].is_punct or words[-1].is_space):
        words.pop()
    head = verb.lower_ if verb.tag_ == "VBG" else ing_form(base_form(verb).lower())
    rest = depersonalize(words)
    return f"{head} {rest}".strip()


def ing_form(verb: str) -> str:
    """ "run" -> "running", "delete" -> "deleting", "tie" -> "tying"."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    # one-syllable consonant-vowel-consonant verbs double: flip -> flipping, stop -> stopping
    if (
        len(re.findall(r"[aeiou]+", verb)) == 1
        and len(verb) >= 3
        and verb[-1] not in "aeiouwxy"
        and verb[-2] in "aeiou"
        and verb[-3] not in "aeiou"
    ):
        return verb + verb[-1] + "ing"
    return verb + "ing"


def noun_phrase(token: Token) -> Span:
    doc = token.doc
    return doc[token.left_edge.i : token.right_edge.i + 1]


def disjoint(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The edits that do not overlap an earlier one, in order."""
    kept: list[tuple[int, int, str]] = []
    for edit in sorted(edits):
        if kept and edit[0] < kept[-1][1]:
            continue
        kept.append(edit)
    return kept


_TIME = re.compile(r"^\d{1,2}[:.h]\d{2}(?::\d{2})?$|^\d+$")


def phrase_start(token: Token) -> int:
    """Where the phrase headed by `token` starts, without a leading timestamp or bullet.

    In a timeline ("14:02 Alice deployed…") the time often hangs off the subject.
    """
    doc = token.doc
    index = token.left_edge.i
    while index < token.i and (
        doc[index].is_punct or doc[index].is_space or _TIME.match(doc[index].text)
    ):
        index += 1
    return doc[index].idx


def edit_suggestions(
    sentence: Span,
    removals: Sequence[tuple[int, int, str] | None],
    prompts: Sequence[str],
    keep: Callable[[str], bool],
    fallback: str,
) -> tuple[str, ...]:
    """The sentence with every flagged word removed (when each can be), then the prompts.

    Exclamations are calmed, and a candidate `keep` rejects (one that would re-trigger a
    rule) is dropped; `fallback` stands in when nothing is left.
    """
    candidates: list[str] = []
    if removals and all(edit is not None for edit in removals):
        candidates.append(apply_edits(sentence, disjoint([e for e in removals if e is not None])))
    candidates.extend(prompts)
    kept = [calm(text) for text in candidates if keep(calm(text))]
    return tuple(dict.fromkeys(kept or [fallback]))
