"""Questions aimed at people: "Why did you…?", "Who pushed this?", "What was X
thinking?", and the same questions put inside a statement ("we need to establish who
approved…") or without their mark in chat ("09:41 why would you…")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.agents import INDEFINITE, NOBODY, is_human
from blameless.language.lexicon import lexicon
from blameless.language.parse import Found, lemma, patient_of, subject_of
from blameless.language.rulekit import Lists
from blameless.language.spans import WRITERS, after_prefix, in_quotes, last_word
from blameless.language.vocabulary import word_names
from blameless.language.wording import is_word

_RESPONSIBLE = lexicon().words("responsibility_words", "blame_nouns")


def question(sentence: Span, lists: Lists) -> Iterator[Found]:
    """Why/who questions aimed at people: "Why did you…?", "Who pushed this?"."""
    asked = "?" in sentence.text or _inverted(sentence)  # chat drops the mark: "@priya why…"
    for word in sentence:
        if not is_word(word, lists.words) or in_quotes(word, sentence):
            continue
        if not (asked or _embedded(word)):
            continue
        verb = word.head if word.dep_ != "ROOT" else word
        passive = verb.dep_ == "auxpass" and verb.head.i != verb.i
        if passive:
            verb = verb.head  # "why was the stage skipped": "why" hung on "was"
        if lemma(verb) == "come" and verb.i == word.i + 1 and subject_of(verb) is None:
            verb = verb.head  # "how come the DBA didn't snapshot": the act asked about
        if word.lower_ == "what":  # "what made you think…?", "what possessed him…?"
            agent = _made_to_act(word, sentence, lists) or _thinking(word, lists)
            if agent is not None:
                yield Found(word, agent, word, _question_end(verb))
            continue
        if word.lower_ in ("who", "whose"):
            blames = lemma(verb) == "be" and any(
                is_word(c, _RESPONSIBLE)
                for c in verb.children
                if c.dep_ in ("acomp", "attr", "xcomp")
            )
            if (
                word.lower_ == "whose"
                or blames
                or (word.dep_ in ("nsubj", "nsubjpass") and _done(verb) and lemma(verb) != "be")
            ):
                yield Found(word, word, word, _question_end(verb))
            continue
        possible = _possible_that(verb, lists) if word.lower_ == "how" else None
        if possible is not None:  # "How is it possible that Mehmet did not see…?"
            yield Found(word, possible, word, _question_end(verb))
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
        # the first who is a person: the parser may make "come" the subject of "how come…"
        # "why was Priya paged?" asks about the paging, not about Priya
        patient = None if passive else patient_of(verb)
        candidates = (subject_of(verb), patient, _asked_about(word, lists))
        agent = next((c for c in candidates if lists.agent(c)), None)
        if agent is None and word.lower_ == "why" and lists.wanted == "person":
            agent = _name_after_auxiliary(word, lists)
        agent = agent or next((c for c in candidates if c is not None and c.lower_ in NOBODY), None)
        undone = passive or any(  # done to something, by nobody named: "was the flag flipped"
            c.dep_ in ("auxpass", "nsubjpass") or (c.dep_ == "acomp" and c.tag_ == "VBN")
            for c in verb.children
        )
        doer = subject_of(verb)
        undone = undone or (doer is not None and doer.pos_ == "PRON")  # "…: why did they…"
        if agent is None and word.lower_ == "why" and asked and undone:
            # "Question for @farah: why was … flipped?"; not "@kim why did the canary pass?"
            agent = _addressee(word, sentence, lists)
        if agent is not None:
            yield Found(word, agent, word, _question_end(verb))


def _possible_that(verb: Token, lists: Lists) -> Token | None:
    """Who a "how is it possible that…" question is about: the doer of its that-clause
    ("…that Mehmet did not see the alert"), not "…to deploy without a check catching it"."""
    if lemma(verb) != "be" or not any(c.lower_ == "possible" for c in verb.children):
        return None
    for clause in verb.children:
        marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        doer = subject_of(clause) if clause.dep_ == "ccomp" and marked else None
        if lists.agent(doer):
            return doer
    return None


def _done(verb: Token) -> bool:
    """A finished act: "who approved", "who has given (or "has give") the approval"."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    progressive = verb.tag_ == "VBG" and any(a.tag_ == "VBD" for a in auxes)  # "who was pushing"
    return verb.tag_ == "VBD" or progressive or any(lemma(a) == "have" for a in auxes)


def _embedded(word: Token) -> bool:
    """A question asked inside a statement: "we need to establish who approved…", "please
    explain why X was…", "I keep asking myself why our architect decided…"."""
    if word.lower_ not in ("why", "who", "whose"):
        return False
    before = [t for t in word.doc[max(0, word.i - 4) : word.i] if not t.is_punct]
    if before and not _opens_question(before[-1]):
        return False  # "asking anyone who arbed it to return…": a relative clause
    if any(lemma(t) in _ANSWERS for t in before):
        return True  # "still no answer on why the on-call didn't page…"
    # asked by people or of the reader ("please explain why…"), not "the runbook explains why"
    return any(lemma(t) in _INQUIRY and _asked_by_people(t) for t in before)


def _opens_question(word: Token) -> bool:
    """What may come right before a question put inside a statement: the verb that asks
    ("establish who"), a preposition ("the question of who", "no answer on why"), the one
    asked ("asking myself why") or a copula ("a key question is who")."""
    asking = lemma(word) in _INQUIRY or word.lower_ in ("me", "us", "myself", "ourselves")
    return asking or word.pos_ == "ADP" or lemma(word) == "be" or _asked_whom(word)


def _asked_whom(word: Token) -> bool:
    """The person a question is put to: "asks Fatima why she restarted…"."""
    asking = word.dep_ in ("dobj", "dative") and lemma(word.head) == "ask"
    if word.lower_ in INDEFINITE:
        return False  # "asking anyone who arbed it to return…": who is sought, not asked
    return asking and is_human(word, proper_nouns=True, agent_slot=True)


def _asked_by_people(verb: Token) -> bool:
    if verb.tag_ == "VBG" and verb.dep_ in ("csubj", "nsubj"):
        return False  # "Asking why someone did it puts them on the defensive": a topic
    asker = verb.head if verb.dep_ == "acl" else subject_of(verb)  # "a manager asking…"
    if asker is None:
        return True  # "Please explain why…"
    if lemma(verb) == "ask" and (verb.tag_ == "VBD" or any(_asked_whom(c) for c in verb.children)):
        return True  # "the review panel asked why…", reported; "IC asks Fatima why…"
    # a question someone means to put ("we need to establish who…", "I keep asking
    # myself why…"), not a timeline's "@kim determines why the job reverted…"
    # still open: "we need to establish…", "Leadership is asking…", "I haven't heard who…"
    helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    open_ = any(c.tag_ in ("MD", "VBZ", "VBP") for c in helpers)
    pending = verb.dep_ in ("xcomp", "ccomp") or open_
    return pending and (asker.lower_ in WRITERS or is_human(asker) or _institution(asker))


def _institution(asker: Token) -> bool:
    """Those who ask for an account: "Leadership is asking whose decision it was"."""
    return lemma(asker) in _ASKERS


_ASKERS = frozenset(
    {
        "leadership",
        "management",
        "lawmaker",
        "regulator",
        "board",
        "panel",
        "review",
        "director",
        "vp",
        "customer",
        "investigator",
        "auditor",
        "executive",
        "ceo",
        "cto",
        "press",
    }
)


# Nouns that ask for an account: "no answer on why…", "the explanation for why…".
_ANSWERS = frozenset({"answer", "explanation", "justification", "question"})
# Verbs that ask or seek what a clause after them says.
_INQUIRY = frozenset(
    {
        "ask",
        "establish",
        "explain",
        "tell",
        "wonder",
        "determine",
        "understand",
        "know",
        "find",
        "hear",
        "clarify",
        "learn",
        "investigate",
    }
)


def _addressee(word: Token, sentence: Span, lists: Lists) -> Token | None:
    """The person a question is put to by a label before it: "Question for @farah: why…",
    "@farah: why…", or by a handle right before it ("@hwang why was this merged…")."""
    label = [t for t in sentence if t.i < word.i]
    if not label:
        return None
    if not any(t.text == ":" for t in label):
        vocative = label[-1].text.startswith("@") and after_prefix(word, sentence)
        return label[-1] if vocative and lists.agent(label[-1]) else None
    return next((t for t in label if lists.agent(t)), None)


def _thinking(what: Token, lists: Lists) -> Token | None:
    """ "What was Kofi thinking?": the person whose thinking is asked about."""
    verb = what.head
    if lemma(verb) != "think" or verb.tag_ != "VBG":
        return None
    agent = subject_of(verb)
    if agent is not None and agent.lower_ in ("they", "you", "he", "she"):
        return agent  # only people think: "what were they thinking, turning off…?"
    return agent if lists.agent(agent) else None


def _made_to_act(what: Token, sentence: Span, lists: Lists) -> Token | None:
    """The person between "what made" and the act it asks about ("the release manager")."""
    for token in sentence.doc[what.i + 2 : min(sentence.end, what.i + 7)]:
        if lists.agent(token):
            return token
        if token.pos_ in ("VERB", "AUX"):
            return None  # past the act: "what made the alert fire?"
    return None


def _inverted(sentence: Span) -> bool:
    """A question without its mark: a wh-word right before an auxiliary or a verb
    ("why would you…", "whose idea was it…", "who pushed this")."""
    for word in sentence:
        if word.lower_ in ("why", "who", "whose", "what", "how") and word.i + 1 < sentence.end:
            if not after_prefix(word, sentence):
                return False  # "the developer who requested…": a relative clause
            after = word.doc[word.i + 1]
            described = word.lower_ == "whose" and after.pos_ == "ADJ"  # "whose bright idea…"
            come = word.lower_ == "how" and after.lower_ == "come"  # "how come nobody noticed"
            # "why Andrei did not call…": a name before the auxiliary, as non-native writers ask
            named = word.lower_ == "why" and after.pos_ in ("PROPN", "PRON", "DET")
            verb_next = after.tag_ in ("MD", "VBD", "VBZ", "VBP") or after.pos_ == "NOUN"
            return verb_next or described or come or named
    return False


def _asked_about(word: Token, lists: Lists) -> Token | None:
    """ "Why did <@U024BE7LH> silence…?": a person right after the auxiliary, for the
    questions whose parse loses the subject (handles, unknown names)."""
    doc = word.doc
    following = doc[word.i + 1 : min(len(doc), word.i + 5)]
    if following and following[0].lower_ == "come":
        # "how come one admin didn't…": the person before the auxiliary
        ahead = list(doc[following[0].i + 1 : min(len(doc), following[0].i + 5)])
        auxiliary = next((t for t in ahead if lemma(t) in _AUXILIARIES), None)
        return next((t for t in ahead if auxiliary and t.i < auxiliary.i and lists.agent(t)), None)
    if len(following) > 1 and lists.agent(following[0]) and lemma(following[1]) in _AUXILIARIES:
        return following[0]  # "why @k.smith did not call…": asked without inversion
    if not following or lemma(following[0]) not in _AUXILIARIES:
        return None
    return next((t for t in following[1:] if lists.agent(t)), None)


def _name_after_auxiliary(word: Token, lists: Lists) -> Token | None:
    """ "Why didn't Grace/compound page/NN the database…?", "why didn't the new hire/compound
    page/NN the…": the doer right after the auxiliary, where only a doer fits, however the
    tagger read it (a first name, or a person's phrase, before a verb read as a noun)."""
    following = word.doc[word.i + 1 : min(len(word.doc), word.i + 7)]
    if not following or lemma(following[0]) not in _AUXILIARIES:
        return None
    named = next((t for t in following[1:] if t.dep_ not in ("neg", "det", "amod")), None)
    if named is None or not (
        lists.agent(named) or (named.is_title and named.lower_ in word_names())
    ):
        return None
    act = named.head  # a verb, or one the tagger made a noun: "page/NN the database"
    acting = act.pos_ == "VERB" or (
        act.pos_ == "NOUN" and act.i + 1 < len(act.doc) and act.nbor(1).tag_ in ("DT", "PRP$")
    )
    return named if acting and act.i > named.i else None


_AUXILIARIES = frozenset({"do", "be", "have", "would", "could"})


def _question_end(verb: Token) -> Token:
    """The last word of the question: the whole clause the question asks about."""
    return last_word(verb)
