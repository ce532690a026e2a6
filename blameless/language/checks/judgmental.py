"""judgmental: words that judge a person's character or performance ("careless", "sloppy").

A word is flagged only when the parse attaches it to a person ("a careless contractor",
"Saoirse was careless"), to a person's action ("a sloppy commit", "carelessly dropped",
"Kofi messed up the rollback") or to the person's judgment ("poor judgment"). The same
words about an artifact ("lazy loading", "the retry policy was inappropriate") are left
alone, as are the writer's own words about themselves (self-blame covers those), agentless
passives ("the window was botched": concealed-blame) and quoted or negated uses.

The helpers at the bottom (removal edits, subjects, action phrases) are shared with the
`hindsight` and `animated` checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from blameless.language.agents import FIRST_PERSON, NOBODY, ROLE_NOUNS, TEAM_NOUNS, is_human
from blameless.language.engine import Match, RuleInput
from blameless.language.grammar import (
    action_phrase,
    clause_subject,
    drop_modifier,
    edit_suggestions,
    end_of,
    negated,
    noun_phrase,
    removal,
    sentence_initial,
)
from blameless.language.phrases import (
    depersonalize,
    quoted,
    replace_range,
)
from blameless.packs import trigger_pattern
from blameless.sections import SectionKind

_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass")


@dataclass(frozen=True)
class _Hit:
    start: int  # doc offsets of the judging words
    end: int
    removal: tuple[int, int, str] | None  # a word-level edit that takes the judgment out
    rewrite: str | None  # a whole-sentence rewrite when no plain removal exists
    prompt: str
    person: bool  # attached to a named person, role or team (not only to an action)
    extra: tuple[tuple[int, int, str], ...] = ()  # "Ingrid's" -> "the", in the rewrite only


def check(rule: RuleInput) -> Iterator[Match]:
    sentence = rule.sentence
    patterns = rule.pack.patterns
    people = rule.context.people
    hits = [
        hit
        for token in sentence
        if not _writers_own(token) and (hit := _judgment(token, patterns, people)) is not None
    ]
    if rule.context.section is SectionKind.ACTIONS:
        # "catch careless mistakes in review" is about a class of errors, not a person.
        hits = [hit for hit in hits if hit.person]
    if not hits:
        return
    first = hits[0]
    triggers = trigger_pattern(rule.pack.triggers)
    suggestions = _suggestions(sentence, hits, triggers, patterns)
    fix = first.removal if len(hits) == 1 else None
    yield Match(first.start, first.end, suggestions=suggestions, fix=fix)


def _suggestions(
    sentence: Span, hits: list[_Hit], triggers: re.Pattern[str], patterns: dict
) -> tuple[str, ...]:
    """The sentence with every judgment removed, then a question; none that re-triggers."""
    removals = [hit.removal for hit in hits]
    prompts = [hits[0].prompt]
    if all(removals):
        removals += [edit for hit in hits for edit in hit.extra]  # "Ingrid's" -> "the"
    elif len(hits) == 1 and hits[0].rewrite:
        prompts.insert(0, hits[0].rewrite)
    return edit_suggestions(
        sentence,
        removals,
        prompts,
        keep=lambda text: not triggers.search(text),
        fallback=patterns["generic_prompt"],
    )


# -- finding a judgment -------------------------------------------------------------------


def _judgment(token: Token, patterns: dict, people: frozenset[str]) -> _Hit | None:
    lower = token.lower_
    if quoted(token):
        return None  # a mention: "we no longer write 'careless' in reviews"
    if lower in patterns["adverbs"]:
        return _adverb(token, patterns, people)
    if lower in patterns["character"] and token.pos_ in ("ADJ", "NOUN", "PROPN", "VERB"):
        return _character(token, patterns, people)
    if lower in patterns["character_nouns"]:
        return _character_noun(token, patterns, people)
    if lower in patterns["novice"] and token.head.lemma_.lower() in patterns["novice_heads"]:
        return _novice(token, patterns)
    lemma = token.lemma_.lower()
    if lemma in patterns["judgment_nouns"]:
        return _poor_judgment(token, patterns, people)
    if lemma in patterns["decision_nouns"]:
        return _bad_decision(token, patterns, people)
    if token.pos_ in ("VERB", "AUX", "ADJ") or token.tag_.startswith("VB"):
        return _judging_verb(token, patterns, people)
    return None


def _adverb(token: Token, patterns: dict, people: frozenset[str]) -> _Hit | None:
    """ "The DBA carelessly dropped the wrong table"; not "the module is lazily loaded"."""
    verb = token.head
    if verb.pos_ not in ("VERB", "AUX") or negated(verb):
        return None
    passive = any(child.dep_ == "auxpass" for child in verb.children)
    agent = _agent(verb) if passive else clause_subject(verb)
    if agent is not None and _writer_or_nobody(agent):
        return None
    person = agent is not None and _person(agent, people, character=True)
    if token.lower_ in patterns["strict"] and not person:
        return None  # "lazily evaluated": a technical reading unless a person acts
    if not person and agent is not None and not passive and agent.dep_ != "csubj":
        return None  # a system as the actor: "the job recklessly retried" is a metaphor
    return _hit(
        token, token, removal(token.sent, token, token), None, _prompt_for(verb, patterns), person
    )


def _character(token: Token, patterns: dict, people: frozenset[str]) -> _Hit | None:
    strict = token.lower_ in patterns["strict"]
    if negated(token):
        return None
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is not None and following.pos_ == "ADJ" and following.head == token.head:
        return None  # an intensifier: "a stupid simple fix"
    if token.dep_ in ("amod", "compound", "nmod") and token.head.pos_ in ("NOUN", "PROPN"):
        noun = token.head
        owner = _possessor(noun)
        if owner is not None and _writer_or_nobody(owner):
            return None
        person = _person(noun, people, character=True)
        action = _action_noun(noun, patterns, strict)
        if not person and not action:
            return None
        sentence = token.sent
        edit = drop_modifier(sentence, token)
        return _hit(
            token,
            token,
            edit,
            None,
            _prompt_for(noun, patterns),
            person or (owner is not None and _person(owner, people)),
            _possessor_edit(noun, people),
        )
    if token.dep_ in ("acomp", "attr", "ROOT", "conj", "xcomp", "oprd"):
        if token.dep_ == "conj":
            return None  # "careless and sloppy": the first adjective carries the finding
        verb = token.head if token.dep_ != "ROOT" else token
        subject = clause_subject(verb)
        if subject is None or _writer_or_nobody(subject) or negated(verb):
            return None
        person = _person(subject, people, character=True)
        if not (person or _action_subject(subject, patterns, people, strict)):
            return None
        return _hit(
            token,
            token,
            None,
            _predicate_rewrite(token, verb),
            _predicate_prompt(token, subject, patterns),
            person,
        )
    return None


def _character_noun(token: Token, patterns: dict, people: frozenset[str]) -> _Hit | None:
    """ "negligence", "carelessness": blame as a noun ("the outage came from negligence")."""
    owner = _possessor(token)
    if owner is not None and _writer_or_nobody(owner):
        return None
    if negated(token) or _negated_noun(token):
        return None
    sentence = token.sent
    rewrite = None
    prep = token.head
    if token.dep_ == "pobj" and prep.head.pos_ in ("VERB", "AUX", "ADP", "ADJ"):
        # "caused by negligence" -> "caused by a gap in <tool or process>"
        phrase = noun_phrase(token)
        rewrite = replace_range(sentence, phrase[0].idx, end_of(phrase[-1]), patterns["gap"])
    person = owner is not None and _person(owner, people)
    return _hit(token, token, None, rewrite, patterns["generic_prompt"], person)


def _novice(token: Token, patterns: dict) -> _Hit | None:
    """ "a rookie mistake": the judgment is in the modifier."""
    noun = token.head
    if negated(noun) or _negated_noun(noun):
        return None
    edit = drop_modifier(token.sent, token)
    return _hit(token, noun, edit, None, _prompt_for(noun, patterns), False)


def _poor_judgment(token: Token, patterns: dict, people: frozenset[str]) -> _Hit | None:
    """ "poor judgment", "a lapse in judgment"."""
    bad = [c for c in token.children if c.dep_ == "amod" and c.lower_ in patterns["bad"]]
    first = bad[0] if bad else None
    if first is None:
        # "a lapse in judgment" (the parser hangs "in" on the noun or on the verb)
        doc = token.doc
        before = doc[max(token.sent.start, token.i - 3) : token.i]
        lapse = [t for t in before if t.lemma_.lower() in ("lapse", "error")]
        if token.dep_ != "pobj" or not lapse or token.head.lower_ not in ("in", "of"):
            return None
        first = lapse[-1]
    owner = _possessor(token) or _owner_of(token, people)
    if owner is not None and _writer_or_nobody(owner):
        return None
    if negated(token) or negated(token.head) or _negated_noun(token):
        return None
    person = owner is not None and _person(owner, people)
    begin, finish = (first, token) if first.i < token.i else (token, first)
    return _hit(begin, finish, None, None, _prompt_for(token, patterns), person)


def _bad_decision(token: Token, patterns: dict, people: frozenset[str]) -> _Hit | None:
    """ "a poor decision by the release captain"; "a bad routing decision" by a system is fine."""
    bad = [c for c in token.children if c.dep_ == "amod" and c.lower_ in patterns["bad"]]
    if not bad or negated(token) or _negated_noun(token):
        return None
    owner = _possessor(token) or _owner_of(token, people)
    if owner is None or _writer_or_nobody(owner) or not _person(owner, people):
        return None
    return _hit(
        bad[0], token, drop_modifier(token.sent, bad[0]), None, _prompt_for(token, patterns), True
    )


def _judging_verb(token: Token, patterns: dict, people: frozenset[str]) -> _Hit | None:
    """ "messed up", "botched", "dropped the ball", "rushed the change", "should know better"."""
    lemma = token.lemma_.lower()
    particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
    kind = None
    if lemma in patterns["phrasal"] and particles & {patterns["phrasal"][lemma]}:
        kind = "phrasal"
    elif lemma in patterns["verbs"] or token.lower_ in patterns["verbs"]:
        kind = "verb"
    elif lemma == "drop" and any(c.dep_ == "dobj" and c.lower_ == "ball" for c in token.children):
        kind = "ball"
    elif lemma == "rush" and _object(token) is not None:
        kind = "rush"
    elif lemma == "know" and _knows_better(token):
        kind = "better"
    if kind is None or negated(token):
        return None
    if kind == "verb" and token.dep_ in ("amod", "compound") and token.head.pos_ == "NOUN":
        return _botched_noun(token, patterns, people)
    passive = any(child.dep_ == "auxpass" for child in token.children)
    agent = _agent(token) if passive else clause_subject(token)
    if agent is None or _writer_or_nobody(agent) or not _person(agent, people, character=True):
        return None  # agentless "the window was botched" is concealed-blame's
    end_token = _last_word_of(token, kind)
    rewrite = None
    if kind != "better" and not passive and agent.i < token.i:
        rewrite = _outcome_rewrite(token, agent, kind, patterns)
    return _hit(token, end_token, None, rewrite, _prompt_for(token, patterns), True)


def _outcome_rewrite(verb: Token, agent: Token, kind: str, patterns: dict) -> str | None:
    """ "Kofi messed up the handoff to the night shift and ..." -> "The handoff to the night
    shift did not go as planned and ..."; the person leaves, the event stays."""
    if kind == "ball":
        target = _ball_target(verb)
        if target is None:
            return None
        words = list(target.subtree)
        template = patterns["ball_rewrite"]
    else:
        obj = _object(verb)
        if obj is None:
            return None
        if kind == "rush":
            # "rushed the change through review" -> "The change went through review"; the
            # phrase after the object stays in the sentence
            if not any(c.dep_ == "prep" and c.i > obj.i for c in verb.children):
                return None
            words = list(obj.subtree)
            template = patterns["rush_rewrite"]
        else:
            # the object and what completes it ("the handoff" + "to the night shift")
            parts = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "prep")]
            words = sorted((t for part in parts for t in part.subtree), key=lambda t: t.i)
            template = patterns["went_wrong"]
    if not words:
        return None
    text = template.format(object=depersonalize(words))
    return replace_range(verb.sent, agent.left_edge.idx, end_of(words[-1]), text)


def _botched_noun(token: Token, patterns: dict, people: frozenset[str]) -> _Hit | None:
    """ "Ingrid's botched failover", "a botched deploy"."""
    noun = token.head
    owner = _possessor(noun)
    if owner is not None and _writer_or_nobody(owner):
        return None
    person = owner is not None and _person(owner, people)
    if not person and not _action_noun(noun, patterns, strict=False):
        return None
    return _hit(
        token,
        token,
        drop_modifier(token.sent, token),
        None,
        _prompt_for(noun, patterns),
        person,
        _possessor_edit(noun, people),
    )


# -- attachment -----------------------------------------------------------------------------


def _person(token: Token, people: frozenset[str], character: bool = False) -> bool:
    """A person, role or team other than the writer; with `character`, any role noun counts.

    Character words ("careless", "negligent") only describe people, so "the network
    engineer" is a person here even though "network" reads as a technical modifier.
    """
    if token.lower_ in FIRST_PERSON or token.lower_ in NOBODY:
        return False
    if token.lower_ in ("his", "her", "their", "your") and token.dep_ == "poss":
        return True
    if is_human(token, people, proper_nouns=True):
        return True
    lemma = token.lemma_.lower()
    return character and token.pos_ == "NOUN" and (lemma in ROLE_NOUNS or lemma in TEAM_NOUNS)


def _writers_own(token: Token) -> bool:
    """A judgment inside a clause about the writer ("I ... in an act of laziness")."""
    head = token
    for _ in range(8):
        if head.pos_ in ("VERB", "AUX") and (subject := clause_subject(head)) is not None:
            return subject.lower_ in FIRST_PERSON
        if head.head == head:
            return False
        head = head.head
    return False


def _writer_or_nobody(token: Token) -> bool:
    return token.lower_ in FIRST_PERSON or token.lower_ in NOBODY


def _action_noun(noun: Token, patterns: dict, strict: bool) -> bool:
    lemma = noun.lemma_.lower()
    if lemma not in patterns["action_nouns"]:
        return False
    return not (strict and lemma in patterns["strict_technical"])


def _action_subject(subject: Token, patterns: dict, people: frozenset[str], strict: bool) -> bool:
    """ "The on-call response was negligent", "Running it at peak was reckless"."""
    if subject.dep_ in ("csubj", "csubjpass") or subject.tag_ == "VBG":
        return not strict
    if subject.lower_ in ("it", "this", "that"):
        # "It was careless to run the migration at peak": the action is the infinitive.
        infinitive = any(c.dep_ in ("xcomp", "ccomp") for c in subject.head.children)
        return (infinitive and not strict) or _action_noun(subject, patterns, strict)
    lemma = subject.lemma_.lower()
    if lemma in ("way", "manner"):
        # "the way QA handled the regression"
        return any(
            c.dep_ == "relcl" and (s := clause_subject(c)) is not None and _person(s, people, True)
            for c in subject.children
        )
    return _action_noun(subject, patterns, strict)


def _possessor(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    return None


def _owner_of(noun: Token, people: frozenset[str]) -> Token | None:
    """Who the decision or judgment belongs to: "by the captain", "on Raj's part", "X made"."""
    for prep in noun.children:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            if prep.lower_ in ("by", "from", "of") and _person(obj, people, True):
                return obj
            if prep.lower_ == "on" and obj.lemma_.lower() == "part":
                return _possessor(obj)
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in ("make", "show", "exercise", "use", "take"):
        return clause_subject(head)
    if noun.dep_ == "attr" and head.lemma_ == "be":
        subject = clause_subject(head)
        if subject is not None and _person(subject, people, True):
            return subject
    return None


def _knows_better(verb: Token) -> bool:
    """ "should know better", "ought to know better"."""
    better = any(c.lower_ == "better" for c in verb.children)
    modal = any(c.lower_ in ("should", "ought", "must") for c in verb.children if c.dep_ == "aux")
    return better and modal


def _object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
    return None


def _ball_target(verb: Token) -> Token | None:
    """ "dropped the ball on the certificate renewal" -> "the certificate renewal"."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "with"):
            for obj in prep.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    return obj
    return None


def _last_word_of(verb: Token, kind: str) -> Token:
    children = list(verb.children)
    if kind == "phrasal":
        return max((c for c in children if c.dep_ == "prt"), key=lambda t: t.i, default=verb)
    if kind == "ball":
        return max((c for c in children if c.dep_ == "dobj"), key=lambda t: t.i, default=verb)
    if kind == "better":
        return max((c for c in children if c.lower_ == "better"), key=lambda t: t.i, default=verb)
    return verb


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _negated_noun(noun: Token) -> bool:
    """ "no negligence", "not a rookie mistake", "without any carelessness"."""
    if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in noun.children):
        return True
    if noun.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "neg" or (c.dep_ == "dobj" and c.lower_ == "nothing") for c in noun.head.children
    ):
        return True  # "poor judgment had nothing to do with it"
    left = noun.doc[max(noun.sent.start, noun.left_edge.i - 2) : noun.left_edge.i]
    return any(t.lower_ in ("not", "n't", "without", "never", "rather") for t in left)


# -- suggestions ----------------------------------------------------------------------------


def _hit(
    first: Token,
    last: Token,
    edit: tuple[int, int, str] | None,
    rewrite: str | None,
    prompt: str,
    person: bool,
    extra: tuple[tuple[int, int, str], ...] = (),
) -> _Hit:
    return _Hit(first.idx, end_of(last), edit, rewrite, prompt, person, extra)


def _possessor_edit(noun: Token, people: frozenset[str]) -> tuple[tuple[int, int, str], ...]:
    """ "Hiroshi's copy-paste" -> "the copy-paste" (for the rewrite, not the automatic fix)."""
    owner = _possessor(noun)
    if owner is None or not _person(owner, people):
        return ()
    doc = noun.doc
    last = max(owner.subtree, key=lambda t: t.i)
    if last.i + 1 < len(doc) and doc[last.i + 1].dep_ == "case":
        last = doc[last.i + 1]
    start = owner.left_edge.idx
    article = "The" if sentence_initial(noun.sent, owner.left_edge) else "the"
    return ((start, end_of(last), article),)


def _predicate_prompt(adjective: Token, subject: Token, patterns: dict) -> str:
    """ "Oluwaseun's handling of the pager was sloppy" asks about the decisions it was made of."""
    if subject.pos_ == "NOUN" and subject.lemma_.lower() in patterns["action_nouns"]:
        words = _object_words(subject, patterns)
        if words:
            return patterns["decisions_prompt"].format(object=words)
    for relcl in (c for c in subject.children if c.dep_ == "relcl"):
        words = _object_words(relcl, patterns)  # "the way QA handled the regression"
        if words:
            return patterns["object_prompt"].format(object=words)
    return _prompt_for(adjective, patterns, subject)


def _prompt_for(token: Token, patterns: dict, subject: Token | None = None) -> str:
    """A question about the action the judgment was attached to, in the sentence's words."""
    action = action_phrase(token, subject)
    if action is not None:
        return patterns["action_prompt"].format(action=action)
    thing = _object_words(token, patterns)
    if thing:
        return patterns["object_prompt"].format(object=thing)
    return patterns["generic_prompt"]


def _object_words(token: Token, patterns: dict) -> str | None:
    """The action noun or the object of the judging verb, without the judging words."""
    if token.pos_ == "NOUN" and token.lemma_.lower() in patterns["action_nouns"]:
        noun = token
    elif token.lemma_.lower() == "drop":
        noun = _ball_target(token)  # "dropped the ball on the renewal": the renewal
    else:
        noun = _object(token)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    skip = set(patterns["character"]) | set(patterns["bad"]) | set(patterns["novice"])
    skip |= set(patterns["verbs"])
    words = [
        t
        for t in noun.subtree
        if t.lower_ not in skip
        and not (t.head == noun and t.dep_ in ("det", "predet"))
        and not _inside(t, noun, ("relcl", "acl", "poss"))
    ]
    text = depersonalize(words)
    return f"the {text}" if text else None


def _inside(token: Token, root: Token, deps: tuple[str, ...]) -> bool:
    """Whether the token sits in a `deps` branch below `root` (the branch head included)."""
    while token != root:
        if token.dep_ in deps:
            return True
        token = token.head
    return False


def _predicate_rewrite(adjective: Token, verb: Token) -> str | None:
    """ "The reviewers were lazy and approved the diff" -> "The reviewers approved the diff"."""
    conj = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    cc = [c for c in verb.children if c.dep_ == "cc"]
    if not conj or not cc or adjective.i > cc[0].i:
        return None
    sentence = verb.sent
    return replace_range(sentence, verb.idx, conj[0].idx, "")
