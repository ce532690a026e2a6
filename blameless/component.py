"""The spaCy component `blameless`: adds the language findings of a Doc to `doc._.blame`.

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("blameless")          # found through the spacy_factories entry point
    doc = nlp("Why did you skip the canary?")
    doc._.blame                        # [Hit(rule='why-you', start=0, end=..., ...)]

`doc._.blame_context` (a `Context`) tells the component which section the text is from;
without one the text is read as ordinary prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from blameless.hits import combine
from blameless.language.engine import Context, LanguageEngine
from blameless.language.entities import set_recognizer
from blameless.language.vocabulary import set_english_words
from blameless.packs import get_pack

# Registered once at import, as spaCy recommends; `blame` is derived, so it is a getter.
# Set before the component runs: the context of the whole text, or of its parts as
# [(start character, Context)] when a Doc joins text from several places in a document.
for _name in ("blame_context", "blame_parts", "blame_hits", "blame_errors"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Doc.has_extension("blame"):
    Doc.set_extension(
        "blame",
        getter=lambda doc: combine(
            doc._.blame_hits or [], lambda hit: hit.severity or get_pack(hit.rule).severity
        ),
    )


# Rewrites re-parsed per Doc; a Doc is at most a 20,000-character chunk of a document.
VERIFY_BUDGET = 64


class BlamelessComponent:
    """Finds blame language.

    `doc._.blame_hits` keeps every rule's hit; `doc._.blame` has one per sentence.
    """

    def __init__(self, nlp: Language, *, people: list[str], allow: list[str]) -> None:
        set_english_words(_lemmatizer_vocabulary(nlp))
        set_recognizer(_recognizer(nlp))
        _keep_role_words_whole(nlp)
        self.engine = LanguageEngine()
        self.engine.verify = self._passes
        self.default_context = Context.of(people=people, allow=allow)
        self.nlp = nlp
        self._checker = LanguageEngine(self.engine.rules)  # re-checks rewrites, unverified
        self._verified: dict[str, bool] = {}
        self._budget = VERIFY_BUDGET

    def _passes(self, text: str) -> bool:
        """A suggestion passes when no rule fires on it (parsed without this component).

        Results are cached, and each Doc may verify only so many: past the budget a
        rewrite counts as failing, so the rule's own question (which passes) stands in.
        Pathological text with thousands of findings stays linear that way.
        """
        if text in self._verified:
            return self._verified[text]
        if self._budget <= 0:
            return False
        self._budget -= 1
        doc = self.nlp.make_doc(text)
        for _, process in self.nlp.pipeline:
            if process is not self:
                doc = process(doc)
        passes = not self._checker.find(doc, self.default_context)
        if len(self._verified) > 4096:
            self._verified.clear()
        self._verified[text] = passes
        return passes

    def __call__(self, doc: Doc) -> Doc:
        self._budget = VERIFY_BUDGET
        context = doc._.blame_context or self.default_context
        errors: list[str] = []
        doc._.blame_hits = self.engine.find(doc, context, doc._.blame_parts or (), errors)
        doc._.blame_errors = errors
        return doc


@Language.factory(
    "blameless",
    default_config={"people": [], "allow": []},
    requires=["token.dep", "token.lemma", "doc.sents"],
    retokenizes=False,
)
def make_blameless_component(
    nlp: Language, name: str, people: list[str], allow: list[str]
) -> BlamelessComponent:
    return BlamelessComponent(nlp, people=people, allow=allow)


def _keep_role_words_whole(nlp: Language) -> None:
    """Tokenize "on-call" as one word, so it can be a subject ("On-call failed to page"),
    and handles too ("@sre-oncall", "<@U024BE7LH>")."""
    from spacy.tokenizer import Tokenizer

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokenizer (or ours, already wrapped) keeps its own rules
    for word in ("on-call", "on-caller", "on-callers"):
        for variant in (word, word.capitalize(), word.upper()):
            tokenizer.add_special_case(variant, [{"ORTH": variant}])
    # Handles are merged after tokenizing: a `token_match` would make spaCy reload all its
    # special cases, a third of a cold check's own time.
    nlp.tokenizer = _HandlesWhole(tokenizer)


# A handle in running text (a trailing stop stays apart): "@sre-oncall", "<@U024BE7LH>".
_HANDLE = re.compile(r"(?<![\w@.<])@[\w.\-/]*[\w/]|<@[A-Z0-9]+>")


class _HandlesWhole:
    """The pipeline's tokenizer, with each handle merged into one token."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        if "@" in text:
            spans = [doc.char_span(m.start(), m.end()) for m in _HANDLE.finditer(text)]
            with doc.retokenize() as retokenizer:
                for span in spans:
                    if span is not None and len(span) > 1:
                        retokenizer.merge(span)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self.tokenizer, name)  # serialization and the rest: the tokenizer's


def _recognizer(nlp: Language) -> Callable[[Doc], Doc] | None:
    """The pipeline's NER, enabled or not: names are looked up with it only when needed."""
    if "ner" not in nlp.component_names:
        return None
    recognizer: Callable[[Doc], Doc] = nlp.get_pipe("ner")
    return recognizer


def _lemmatizer_vocabulary(nlp: Language) -> list[str]:
    """The words the pipeline's rule lemmatizer knows (its WordNet-based index), if any."""
    if "lemmatizer" not in nlp.pipe_names:
        return []
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return []
    return [word for words in lookups.get_table("lemma_index").values() for word in words]
