"""Constructions of causation: what a causal clause or preposition pins on a person
("because X pushed…", "due to the contractor", "traced to a password an intern set"), and
damage hung on a person's act ("…, causing the outage", "a config that took down signup").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.garbled import act_after
from blameless.language.lexicon import lexicon
from blameless.language.parse import (
    Found,
    hypothetical,
    lemma,
    negated,
    subject_of,
    verbal,
)
from blameless.language.rulekit import Lists
from blameless.language.sequels import nothing, relieves
from blameless.language.spans import clause_end, head_noun, last_word, phrase_start, possessed
from blameless.language.wording import following_text, is_word

_BENIGN = lexicon().words("benign_verbs")
_TRACING = frozenset({"trace", "attribute", "pin"})
_BECAUSE_SHORT = frozenset({"bc", "b/c", "cuz", "coz"})


def causal(sentence: Span, lists: Lists) -> Iterator[Found]:
    """A cause pinned on a person: "because X pushed…", "due to X", "traced to X's password"."""
    if not any(lists.has_marker(t) and t.dep_ != "prt" for t in sentence):
        return  # no outcome ("we scaled down because Ana asked"): no blame
    if lists.unless_in(sentence.text):
        return  # "thanks to Kenji's quick failover we only lost 4 minutes": credit
    for word in sentence:
        causal_mark = word.lower_ == "because" or (word.lower_ == "since" and _no_date(word))
        # (the next word's text: "" at the Doc's end)
        if causal_mark and word.dep_ == "mark" and following_text(word, 2).strip() != "of":
            verb = word.head
            agent = subject_of(verb)
            if lists.agent(agent) and not hypothetical(verb) and not _responds(verb):
                yield Found(word, agent, word, clause_end(verb))  # (not "because Ana asked")
        elif word.lower_ in _BECAUSE_SHORT:
            # chat's "bc"/"cuz", which the parser reads as a noun: the doer between it and
            # the next verb
            ahead = word.doc[word.i + 1 : min(sentence.end, word.i + 6)]
            act = next((t for t in ahead if verbal(t) and t.tag_ != "MD"), None)
            if act is None or hypothetical(act):
                continue
            agent = next((t for t in ahead if t.i < act.i and lists.agent(t)), None)
            if agent is not None:
                yield Found(word, agent, word, clause_end(act))
        elif is_word(word, lists.words) and lemma(word) in _ONSETS:
            yield from _onset(word, lists)
        elif is_word(word, lists.words) and word.dep_ != "mark":
            if _credits(word):
                continue  # "because of Ivan's dashboard, the regression was caught": credit
            if negated(word) or (word.pos_ == "ADP" and negated(word.head)):
                continue  # "the outage was not caused by the new hire": denied
            target = _causal_object(word)
            parties = [*_responsible_parties(target)] if target is not None else []
            # when the parse lost the phrase; not for "pin X to …", which has its own object
            following = following_text(word, 2).strip()
            if lemma(word) not in _TRACING or following in ("back", "to", "on"):
                parties += _named_after(word, sentence)
            party = next((p for p in parties if lists.agent(p)), None)
            if party is not None:
                last = last_word(target) if target is not None else party
                yield Found.spanning(word, party, last, party)


def _credits(cue: Token) -> bool:
    """The cue explains a detection or a fix, not an outcome: its verb is benign."""
    verb = cue.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return cue.dep_ == "prep" and is_word(verb, _BENIGN)


def _no_date(since: Token) -> bool:
    """ "since" as "because": its clause has a doer and an act ("the outage happened since
    a colleague was running the migration twice"), not a point in time ("since Monday")."""
    return since.head.pos_ in ("VERB", "AUX") and since.head.i > since.i


def _onset(verb: Token, lists: Lists) -> Iterator[Found]:
    """ "The incident began when Marguerite issued a DELETE…": the outage dated from a
    person's act."""
    outcome = subject_of(verb)
    if outcome is None or not (lists.has_marker(outcome) or _it_all(outcome)):
        return  # "the call started when Ana joined": no outcome began
    for clause in _dated_clauses(verb):
        if hypothetical(clause) or negated(clause) or _responds(clause):
            continue  # "the outage began after Ana paged the DBA": the response
        agent = subject_of(clause)
        if lists.agent(agent):
            assert agent is not None
            yield Found.spanning(verb, agent, phrase_start(outcome), clause_end(clause), agent)


def _dated_clauses(verb: Token) -> Iterator[Token]:
    """The acts an onset is dated from: "…started (exactly) when/after X merged…", "…started
    the moment X touched…"."""
    for clause in verb.children:
        timed = any(c.lower_ in _DATING for c in clause.children if c.dep_ in _TIMING)
        if clause.dep_ == "advcl" and timed:
            yield clause
        elif clause.dep_ in ("dobj", "npadvmod") and clause.lower_ == "moment":
            yield from (c for c in clause.children if c.dep_ == "relcl")


def _it_all(subject: Token) -> bool:
    """ "It all started when…", "this all began when…": the whole incident."""
    after = following_text(subject, 2).strip()  # ("" at the document's end)
    whole = any(c.lower_ == "all" for c in subject.children) or after == "all"
    return subject.lower_ in ("it", "this") and whole


_ONSETS = lexicon().words("onset_verbs")
_TIMING = frozenset({"advmod", "mark"})
_DATING = lexicon().words("dating_words")
# Acts that date the response, a state or an absence, not the outage: "paged", "rolled
# back", "was at lunch", "had gone home".
_RESPONSES = lexicon().words(
    "benign_verbs", "response_verbs", "remedy_verbs", "state_verbs", "absence_verbs"
)


def _responds(act: Token) -> bool:
    """A responder's act, a state or an absence, which dates no outage: "paged"."""
    return is_word(act, _RESPONSES)


def _causal_object(word: Token) -> Token | None:
    """The noun a causal preposition governs ("due to the new hire" -> "hire"); for a
    verb of tracing, what it traces to ("traced the breach to a developer")."""
    if lemma(word) in _TRACING and any(c.dep_ == "dobj" for c in word.children):
        # "traced the breach to a developer": past the object, to what it traces to
        for prep in word.children:
            if prep.dep_ in ("prep", "dative") and prep.lower_ in ("to", "on"):
                return next((p for p in prep.children if p.dep_ == "pobj"), None)
        return None
    for token in word.doc[word.i : min(len(word.doc), word.i + 4)]:
        for child in token.children:
            # "because of X": the object hangs off "of", not off "because"
            if child.dep_ in ("pobj", "dobj", "pcomp") and child.i > word.i and child.pos_ != "ADP":
                return child
    return None


def _named_after(word: Token, sentence: Span) -> list[Token]:
    """The words' own reading of "caused by an engineer performing…", "traces back to a
    password that a summer intern set": the first noun after the cue, and the nouns of a
    clause right after it, up to its verb."""
    doc = sentence.doc
    ahead = list(doc[word.i + 1 : min(sentence.end, word.i + 12)])
    nouns = [i for i, t in enumerate(ahead) if _nominal(t)]
    if not nouns or any(t.is_punct for t in ahead[: nouns[0]]):
        return []
    named = [ahead[nouns[0]]]
    for token in ahead[nouns[0] + 1 : nouns[0] + 7]:
        if token.is_punct or (token.tag_.startswith("VB") and token.i > named[-1].i + 1):
            break
        if token.pos_ == "ADP" and token.lower_ != "that":
            break  # "a bug in KubeSpawner", "timeout from Docker Hub": where, not who
        if _nominal(token) or token.tag_ == "MD":  # "Will"/MD set…
            named.append(token)
    return named


def _nominal(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") or token.text.startswith("@")


def _responsible_parties(target: Token) -> Iterator[Token]:
    """Who may stand behind a cause: the noun itself, its possessor, who made it
    ("a password created by an intern"), whose it was ("a mistake by an employee"), or
    who did it ("traced to Natasha deleting the account")."""
    yield target
    doer = subject_of(target) if target.pos_ in ("VERB", "AUX") else None
    if doer is not None:
        yield doer
    for child in target.children:
        if child.dep_ == "poss":
            yield child
        elif child.dep_ in ("acl", "relcl"):
            found = subject_of(child)
            if found is not None and found.i != target.i:
                yield found
        elif child.dep_ == "prep" and child.lower_ in ("by", "of"):
            yield from (c for c in child.children if c.dep_ == "pobj")


def _after_comma(verb: Token) -> bool:
    """The clause is set off by a comma or a dash: ", causing…", ", which led to…"."""
    doc = verb.doc
    start = min([verb, *(c for c in verb.children if c.i < verb.i)], key=lambda t: t.i)
    return start.i > 0 and doc[start.i - 1].text in (",", "—", "–", "-", ";")


def consequence(sentence: Span, lists: Lists) -> Iterator[Found]:
    """A person's act with its damage attached: "…, causing…", "…, which led to the outage"."""
    for verb in sentence:
        if not is_word(verb, lists.words) or not verbal(verb):
            continue
        relative = any(c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in verb.children)
        if not (verb.tag_ == "VBG" or relative) or verb.dep_ == "ROOT":
            continue
        if not (_after_comma(verb) or _made_thing(verb, lists)):
            continue  # "rules which were blocking requests" describes the rules
        if any(c.dep_ == "nsubj" and c.lower_ not in ("which", "that") for c in verb.children):
            continue  # "…, as it was causing errors": its own subject, its own act
        if any(nothing(c) for c in verb.children if c.dep_ == "dobj"):
            continue  # "rotated the keys, exposing nothing": no damage done
        agent = _acting_person(verb, lists)
        if agent is not None:
            yield Found(verb, agent, phrase_start(agent), clause_end(verb))


def _made_thing(verb: Token, lists: Lists) -> bool:
    """ "X pushed a config that took down signup": the damage is done by a thing the
    person's act made or shipped (the frame's `markers`), not by what it removed."""
    thing = verb.head
    return (
        bool(lists.markers)
        and verb.dep_ == "relcl"
        and thing.dep_ in ("dobj", "pobj")
        and lists.has_marker(thing.head)
    )


def _acting_person(verb: Token, lists: Lists) -> Token | None:
    """Whose act the consequence hangs off, up through the clauses it is attached to
    ("a contractor unplugged a server that ran X, grounding flights": the contractor)."""
    act = verb
    for _ in range(5):
        if act.head.i == act.i:
            return None
        act = act.head
        if act.pos_ not in ("VERB", "AUX") or negated(act):
            continue
        agent = subject_of(act)
        if agent is not None and agent.i < verb.i and lists.agent(agent):
            return None if is_word(act, _BENIGN) else agent  # "restored…, ending the outage"
    return None


def owned(sentence: Span, lists: Lists) -> Iterator[Found]:
    """A person's thing does the damage, whatever the thing: "@gkaur's purge job took out
    the thumbnails", "brought to its knees by the ML team's training jobs", "the deploy
    Kofi pushed brought down the cluster", "a firewall change by @olu blocked…"."""
    for owner in sentence:
        thing = possessed(owner, sentence)  # "Rahul's bulk tag rename": up to "rename"
        if thing is None and owner.dep_ == "nsubj" and owner.head.dep_ == "relcl":
            made = owner.head.head  # "the deploy Kofi pushed brought down the cluster"
            if made.i < owner.i < owner.head.i and made.pos_ in ("NOUN", "PROPN"):
                thing = head_noun(made)
        if thing is None and owner.dep_ == "pobj" and owner.head.lower_ == "by":
            made = owner.head.head  # "a misrouted firewall change by @olu-netops blocked…"
            thing = made if made.pos_ == "NOUN" and made.i < owner.i else None
        if thing is None or not lists.agent(owner):
            continue
        if thing.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in thing.head.children):
            verb = thing.head
        elif thing.dep_ == "pobj" and thing.head.dep_ == "agent":
            verb = thing.head.head
        elif thing.dep_ in ("pobj", "dobj", "attr"):
            continue  # a thing inside a phrase: "changes to Facebook's routers caused…"
        else:
            # the act, from the words where the parser hung the thing on another verb:
            # "marisol's terraform apply/VBP destroyed the prod bastion"
            read = act_after(thing, sentence, lambda t: is_word(t, lists.words))
            if read is None or read.i == thing.head.i:
                continue  # "Priya's laptop crashed", "X's console timed out": nothing reached
            verb = read
        if relieves(verb):
            continue  # "Priya's fix stopped the errors": good news
        if not verbal(verb) or not is_word(verb, lists.words):
            continue
        if negated(verb) or hypothetical(verb):
            continue
        yield Found.spanning(verb, owner, phrase_start(owner), clause_end(verb), owner)
