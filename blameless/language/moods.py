"""Constructions of what did not happen, what is asked, what is ordered, and what is hidden:
counterfactuals and lapses, blame-seeking questions, fixes aimed at people, agentless
blame, and words that blame by themselves.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.agents import NOBODY, TEAM_NOUNS, is_human
from blameless.language.lexicon import lexicon
from blameless.language.parse import (
    CLOCK_WORDS,
    Found,
    clause_end,
    hypothetical,
    in_quotes,
    is_word,
    last_word,
    lemma,
    negated,
    past_form,
    patient_of,
    phrase_start,
    subject_of,
    verbal,
)
from blameless.language.rulekit import Lists

_RESPONSIBLE = lexicon().words("responsibility_words", "blame_nouns")
_NEGATORS = frozenset(
    {
        "not",
        "n't",
        "never",
        "no",
        "nobody",
        "rarely",
        "seldom",
        "unlikely",
        "hardly",
        "none",
        "neither",
        "without",
    }
)
_MECHANISM = frozenset({"because", "since", "so", "as", "due", "therefore", "thus"})
_WRITERS = frozenset({"i", "we", "us", "me"})
_TELLING = frozenset({"mention", "say", "add", "note", "include", "thank", "credit"})
_MODALS_OF_DUTY = frozenset({"must", "should", "need", "ought", "to"})  # "have to": obliged


def modal_perfect(sentence: Span, lists: Lists) -> Iterator[Found]:
    """ "X should have checked", "we could've caught it"."""
    for modal in sentence:
        if not is_word(modal, lists.words) or modal.dep_ not in ("aux", "ROOT"):
            continue
        verb = modal.head if modal.dep_ == "aux" else modal
        if modal.dep_ == "ROOT":  # "ought to have waited"
            verb = next((c for c in modal.children if c.dep_ == "xcomp"), modal)
        if not any(lemma(a) == "have" and a.i > modal.i for a in verb.children):
            continue
        if lists.cancels(verb):
            continue  # "should have felt some relief": a state, not an act
        if any(c.dep_ == "auxpass" for c in verb.children):
            continue  # "I should have been paged": the person is not the one who acted
        agent = subject_of(verb)
        if lists.agent(agent):
            assert agent is not None
            yield Found(modal, agent, phrase_start(agent), clause_end(verb))


def lapse(sentence: Span, lists: Lists) -> Iterator[Found]:
    """ "X forgot to …", "X ignored the alert", "X did not check …" (with `markers`)."""
    for verb in sentence:
        if not is_word(verb, lists.words) or not verbal(verb):
            continue
        if lists.negated != negated(verb) and lemma(verb) != "bother":
            continue  # a negated frame wants "did not check"; the others "forgot to"
        if lists.negated and not _in_the_past(verb):
            continue  # "users do not know each other's addresses": a state, not a lapse
        if verb.tag_ == "VBG" and not lists.negated:
            continue  # "missing permission", "skipping the step": a state, not a lapse
        if any(c.dep_ == "auxpass" for c in verb.children):
            continue  # passives are agentless: concealed-blame's business
        if lemma(verb) in ("fail", "bother") and not any(c.dep_ == "xcomp" for c in verb.children):
            continue  # "failed over the database": a failover, not a lapse
        if any(c.dep_ == "xcomp" and lemma(c) in _TELLING for c in verb.children):
            continue  # "I forgot to mention…": an aside, not a lapse
        agent = subject_of(verb)
        if lists.agent(agent):
            assert agent is not None
            yield Found(verb, agent, phrase_start(agent), clause_end(verb))


def _in_the_past(verb: Token) -> bool:
    """ "did not check", "had never tested", "wasn't verified": a past act or non-act."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return past_form(verb) or any(a.tag_ in ("VBD", "VBN") for a in auxes)


def conditional(sentence: Span, lists: Lists) -> Iterator[Found]:
    """ "If X had checked…", "Had the reviewer looked…"."""
    for word in sentence:
        if not is_word(word, lists.words):
            continue
        if word.lower_ == "if" and word.dep_ == "mark":
            verb = word.head  # "if X had checked", or "if X would have checked" (a learner's)
        elif word.lower_ == "had" and word.dep_ == "aux" and word.i < word.head.i:
            verb = word.head
            if subject_of(verb) is None or subject_of(verb).i < word.i:  # type: ignore[union-attr]
                continue  # "X had forgotten" is a statement, not an inversion
        else:
            continue
        auxes = {a.lower_ for a in verb.children if a.dep_ == "aux"}
        if not auxes & {"had", "'d", "would", "have"} or not past_form(verb):
            continue
        agent = subject_of(verb)
        if lists.agent(agent):
            yield Found(word, agent, word, clause_end(verb))


def question(sentence: Span, lists: Lists) -> Iterator[Found]:
    """Why/who questions aimed at people: "Why did you…?", "Who pushed this?"."""
    if "?" not in sentence.text and not _inverted(sentence):
        return  # chat drops the question mark: "@priya why would you run that"
    for word in sentence:
        if not is_word(word, lists.words) or in_quotes(word, sentence):
            continue
        verb = word.head if word.dep_ != "ROOT" else word
        if word.lower_ in ("who", "whose"):
            blames = lemma(verb) == "be" and any(
                is_word(c, _RESPONSIBLE)
                for c in verb.children
                if c.dep_ in ("acomp", "attr", "xcomp")
            )
            if (
                word.lower_ == "whose"
                or blames
                or (
                    word.dep_ in ("nsubj", "nsubjpass")
                    and verb.tag_ == "VBD"
                    and lemma(verb) != "be"
                )
            ):
                yield Found(word, word, word, _question_end(verb))
            continue
        auxes = {lemma(c) for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}
        if verb.tag_ in ("VBZ", "VBP") and not auxes & {"do", "be", "have", "would", "could"}:
            continue  # "why is an operator able to…?": a question about the system
        if lemma(verb) == "be" and not any(c.dep_ == "acomp" for c in verb.children):
            # "Why wasn't the engineer watching…?" read as "was" + a noun with a participle
            attr = next((c for c in verb.children if c.dep_ == "attr"), None)
            watching = attr is not None and any(c.dep_ == "acl" for c in attr.children)
            if watching and lists.agent(attr):
                yield Found(word, attr, word, _question_end(verb))
            continue
        agent = subject_of(verb) or patient_of(verb) or _asked_about(word, lists)
        if lists.agent(agent) or (agent is not None and agent.lower_ in NOBODY):
            yield Found(word, agent, word, _question_end(verb))


def _inverted(sentence: Span) -> bool:
    """A question without its mark: a wh-word right before an auxiliary or a verb
    ("why would you…", "whose idea was it…", "who pushed this")."""
    for word in sentence:
        if word.lower_ in ("why", "who", "whose") and word.i + 1 < sentence.end:
            if not _first_words(word, sentence):
                return False  # "the developer who requested…": a relative clause
            after = word.doc[word.i + 1]
            return after.tag_ in ("MD", "VBD", "VBZ", "VBP") or after.pos_ == "NOUN"
    return False


def _first_words(word: Token, sentence: Span) -> bool:
    """Nothing but a chat prefix before the word: "[02:47] @devon: why would you…"."""
    return all(
        t.is_punct or t.like_num or t.text.startswith("@") or t.nbor(1).text == ":"
        for t in sentence
        if t.i < word.i
    )


def _asked_about(word: Token, lists: Lists) -> Token | None:
    """ "Why did <@U024BE7LH> silence…?": a person right after the auxiliary, for the
    questions whose parse loses the subject (handles, unknown names)."""
    doc = word.doc
    following = doc[word.i + 1 : min(len(doc), word.i + 5)]
    if not following or lemma(following[0]) not in ("do", "be", "have", "would", "could"):
        return None
    return next((t for t in following[1:] if lists.agent(t)), None)


def _question_end(verb: Token) -> Token:
    """The last word of the question: the whole clause the question asks about."""
    return last_word(verb)


def imperative(sentence: Span, lists: Lists) -> Iterator[Found]:
    """An order to people: "Remind everyone…", "Don't push late", "Be more careful"."""
    for word in sentence:
        if not is_word(word, lists.words):
            continue
        verb = word if word.pos_ in ("VERB", "AUX") else word.head
        if word.dep_ in ("acomp", "advmod", "dobj", "aux", "neg") and word.head.pos_ in (
            "VERB",
            "AUX",
        ):
            verb = word.head
        told = lists.wanted == "person"
        if told and (word.i != verb.i or not verbal(word)):
            continue  # an obligation is a verb put on someone: not "add monitoring"
        if _ordered(verb, sentence, told=told):
            yield Found(word, None, min(verb, word, key=lambda t: t.i), clause_end(verb))


def _ordered(verb: Token, sentence: Span, told: bool = False) -> bool:
    """An imperative, or a person told what to do ("Engineers must…", "Luis to retake…");
    with `told`, only the second: "check the dashboard" is an order to no one in particular."""
    if _topic(verb):
        return False  # "Telling engineers to be careful is not a solution"
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return _ordered(verb.head, sentence, told)  # "…that aren't marked or don't have…"
    subject = subject_of(verb)
    auxes = [c for c in verb.children if c.dep_ in ("aux", "neg")]
    if subject is None:
        if told:
            return False
        lead = [c for c in verb.children if c.dep_ in ("aux", "neg", "advmod") and c.i < verb.i]
        first = min([verb, *lead], key=lambda t: t.i)
        after_label = any(t.text == ":" and t.i < verb.i for t in sentence)
        if any(t.tag_ in ("VBD", "VBZ") for t in lead):
            return False  # "did not", "does not": a statement, not an order
        return verb.tag_ in ("VB", "VBP") and (opens_clause(first) or after_label)
    if subject.lower_ in _WRITERS:
        return False  # "I need to update it", "we must add…": the writers' own plans
    if told and not _people_in_general(subject):
        return False  # "the error tracking team should monitor X": a team's task
    own = any(c.i == subject.i for c in verb.children)
    duties = [a for a in auxes if a.i != subject.i and a.lower_ in _MODALS_OF_DUTY]
    # "Luis to retake…" assigns work; in "Tomasz forgot to renew…" the "to" only links verbs
    duties = [a for a in duties if a.lower_ != "to" or (own and verb.dep_ == "ROOT")]
    obliged = verb.dep_ == "xcomp" and lemma(verb.head) in ("need", "have", "ought", "require")
    needs = lemma(verb) == "need" and any(c.dep_ == "xcomp" for c in verb.children)
    if duties or obliged or needs:
        return is_human(subject, proper_nouns=True, agent_slot=True)
    return False


def _topic(verb: Token) -> bool:
    """The clause is the subject of another: a practice talked about ("Firing the engineer
    removes…", "Telling engineers to be careful is not a solution")."""
    token = verb
    for _ in range(4):
        if token.dep_ in ("csubj", "csubjpass") or (
            token.tag_ == "VBG" and token.dep_ in ("nsubj", "nsubjpass")
        ):
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _people_in_general(subject: Token) -> bool:
    """ "engineers", "every engineer", "everyone", "all reviewers": a rule for people."""
    if subject.lower_ in ("everyone", "everybody", "anyone", "anybody", "nobody", "people"):
        return True
    determiners = {c.lower_ for c in subject.children if c.dep_ in ("det", "predet")}
    if determiners & {"every", "each", "all", "any"}:
        return True
    return subject.tag_ in ("NNS", "NNPS") and not determiners and subject.lower_ not in TEAM_NOUNS


def target(sentence: Span, lists: Lists) -> Iterator[Found]:
    """A person as what gets changed: "retrain Bob", "the engineer was let go"."""
    for verb in sentence:
        if not is_word(verb, lists.words):
            continue
        if not verbal(verb) or verb.dep_ == "compound":
            yield from _misparsed_order(verb, sentence, lists)
            continue
        people = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "dative")]
        people += [  # "have a conversation with Tariq"
            p
            for d in list(people)
            for prep in d.children
            if prep.dep_ == "prep" and prep.lower_ in ("with", "to")
            for p in prep.children
            if p.dep_ == "pobj"
        ]
        patient = patient_of(verb)
        if patient is not None:
            people.append(patient)  # "the staff would … be reminded of protocols"
        if _topic(verb):
            continue  # "Firing the engineer removes…": the practice discussed, not ordered
        people += [  # "hold a technician/JJ accountable/JJ": the person under a misread object
            c for t in people if t.pos_ in ("ADJ", "VERB") for c in t.children
        ]
        people += [
            p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
        ]
        if lists.objects:  # "revoke @kwame's access": the person owns what is taken away
            people += [c for t in people for c in t.children if c.dep_ == "poss"]
        people += [  # small clauses: "hold X accountable", "make X attend"
            c
            for t in verb.children
            if t.dep_ in ("ccomp", "xcomp")
            for c in [*t.children, subject_of(t)]
            if c is not None and c.dep_ in ("nsubj", "npadvmod", "dep", "aux")
        ]
        if lists.objects and not lists.objects_in(sentence.doc[verb.i : sentence.end].text):
            continue
        doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if doer is not None and not is_human(doer) and doer.lower_ not in ("we", "i"):
            continue  # "the bot reminds the on-call": automation, not a people fix
        if any(c.lower_ in ("via", "through") for c in verb.children):
            continue
        person = next((t for t in people if lists.agent(t)), None)
        if person is not None and not negated(verb):
            yield Found.spanning(verb, person, phrase_start(person), clause_end(verb), person)


def _misparsed_order(word: Token, sentence: Span, lists: Lists) -> Iterator[Found]:
    """A sentence-initial order the tagger read as a name ("Retrain Luis on…"): the word
    opens the sentence and a person follows within a few words."""
    if not opens_clause(word):
        return
    if lists.objects and not lists.objects_in(sentence.text):
        return
    for other in word.doc[word.i + 1 : min(sentence.end, word.i + 5)]:
        if lists.agent(other):
            yield Found.spanning(word, other, last_word(other))
            return


def opens_clause(word: Token) -> bool:
    """The word starts its clause: first in the sentence, or after a comma, colon, dash or
    a timestamp ("14:02 UTC — Retrain…", "During the window, remind…")."""
    doc = word.doc
    index = word.i - 1
    while index >= 0 and (doc[index].like_num or doc[index].text.upper() in CLOCK_WORDS):
        index -= 1
    return index < 0 or doc[index].is_punct or doc[index].is_space


def agentless(sentence: Span, lists: Lists) -> Iterator[Found]:
    """Blame with the agent hidden: "the warning was ignored", "someone forgot to…"."""
    for verb in sentence:
        if not is_word(verb, lists.words) or not verbal(verb):
            continue
        if any(t.lower_ in _MECHANISM for t in sentence):
            return  # "…skipped because the label bypasses the tests": a mechanism is given
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        has_agent = any(c.dep_ == "agent" for c in verb.children)
        subject = patient_of(verb) if passive else subject_of(verb)
        if passive and not has_agent and subject is not None and lists.wanted == "none":
            if lists.objects and not is_word(subject, lists.objects):
                continue
            if lists.negated != negated(verb):
                continue
            yield Found(verb, None, phrase_start(subject), clause_end(verb))
        elif passive and lists.wanted == "someone" and has_agent:
            # "was overlooked by whoever owned the integration"
            agent = subject_of(verb)
            if lists.agent(agent) and subject is not None:
                yield Found.spanning(verb, agent, phrase_start(subject), clause_end(verb))
        elif (
            not passive
            and lists.wanted == "someone"
            and lists.agent(subject)
            and verb.tag_ == "VBD"
            and not hypothetical(verb)
        ):
            assert subject is not None
            yield Found(verb, subject, phrase_start(subject), clause_end(verb))


def lexical(sentence: Span, lists: Lists) -> Iterator[Found]:
    """Words that blame by themselves: "sloppy", "human error", "dumpster fire", "my bad"."""
    tokens = list(sentence)
    for index, word in enumerate(tokens):
        length = lists.phrase_at(tokens, index)
        if not length:
            continue
        last = tokens[index + length - 1]
        following = tokens[index + length : index + length + 1]
        if following and following[0].text in ("(", "-", "–", "and", "with", ","):
            following = tokens[index + length : index + length + 3]
        if any(lists.cancels(t) or _status_code(t) for t in following):
            continue  # "lazy loading", "user error (HTTP 400)": a technical sense
        if last.dep_ == "compound" and last.head.i > last.i and last.pos_ == "NOUN":
            continue  # "fat-finger protection", "error budget": the words name something else
        if _scare_quoted(word, last) or _mentioned(word):
            continue
        if word.is_alpha and _negated(word, sentence):
            continue
        if lists.wanted != "none" and not any(lists.agent(t) for t in tokens):
            continue
        if lists.past and not _finished_act(word):
            continue
        yield Found(word, None, word, last)


def _status_code(token: Token) -> bool:
    """ "user error (HTTP 400)", "user error and HTTP 413": a protocol's error code."""
    return token.like_num and len(token.text) == 3 and token.text[:1] in "45"


def _finished_act(word: Token) -> bool:
    """The word's clause tells of a past act that is not the writers' own: "the deploy
    was clearly risky", "she obviously skipped it"; not "SSH is obviously no longer
    exposed", "they could of course be the same person", "we had of course rotated it"."""
    verb = word.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes):
        return False
    if not (verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)):
        return False
    doer = subject_of(verb)
    return doer is None or doer.lower_ not in _WRITERS


def _scare_quoted(first: Token, last: Token) -> bool:
    """ "'human error'" in quotes of its own: the term mentioned, not used."""
    doc = first.doc
    return (
        first.i > 0
        and last.i + 1 < len(doc)
        and doc[first.i - 1].is_quote
        and doc[last.i + 1].is_quote
    )


def _negated(word: Token, sentence: Span) -> bool:
    """ "not human error", "nobody was careless", "no disciplinary action"."""
    ancestors = {word.i, word.head.i, *(t.i for t in word.ancestors)}
    window = word.doc[max(sentence.start, word.i - 6) : word.i]
    return any(t.lower_ in _NEGATORS and t.head.i in ancestors for t in window)


def _mentioned(word: Token) -> bool:
    """ "the term 'human error'", "the label human error": talk about the word."""
    index = word.i - 1
    while index >= 0 and word.doc[index].is_quote:
        index -= 1
    return index >= 0 and word.doc[index].lower_ in ("term", "label", "phrase", "word", "called")
