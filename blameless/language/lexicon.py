"""The word lists of the language rules: one typed model, loaded from `rules/lexicon.yaml`.

Every list has one home here. A frame in a rule pack names lists by their field name, so
a misspelt key in the YAML or in a frame fails at load, not silently at match time.
Entries are lemmas or phrases; `inflection.surface_forms` spells out the inflections that
the cheap prefilter looks for in raw text.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from blameless.errors import ConfigError

Words = tuple[str, ...]


class Lexicon(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    person_pronouns: Words
    plural_pronouns: Words
    self_pronouns: Words
    self_possessives: Words
    person_possessives: Words
    indefinite_people: Words
    people_in_general: Words
    nobody: Words
    roles: Words
    teams: Words
    ambiguous_roles: Words
    human_role_modifiers: Words
    technical_modifiers: Words
    system_nouns: Words
    tool_nouns: Words
    damage_verbs: Words
    destructive_verbs: Words
    valuable_objects: Words
    scope_words: Words
    error_verbs: Words
    error_nouns: Words
    change_nouns: Words
    make_verbs: Words
    bad_modifiers: Words
    change_verbs: Words
    error_markers: Words
    wrong_words: Words
    cause_verbs: Words
    consequence_verbs: Words
    incident_nouns: Words
    outcome_verbs: Words
    symptom_nouns: Words
    cessation_verbs: Words
    remedy_verbs: Words
    sequel_verbs: Words
    broken_states: Words
    cause_labels: Words
    causal_prepositions: Words
    ironic_causes: Words
    relief_words: Words
    responsibility_words: Words
    blame_nouns: Words
    omission_verbs: Words
    disregard_verbs: Words
    diligence_verbs: Words
    counterfactual_modals: Words
    state_verbs: Words
    conditional_words: Words
    question_words: Words
    judgment_words: Words
    technical_heads: Words
    benign_verbs: Words
    response_verbs: Words
    retired_words: Words
    treating_verbs: Words
    talking_verbs: Words
    hindsight_adverbs: Words
    hindsight_words: Words
    minimized_duties: Words
    whole_words: Words
    evidence_verbs: Words
    animated_marks: Words
    recurrence_words: Words
    animated_words: Words
    single_cause_words: Words
    exclusive_words: Words
    exclusive_links: Words
    exclusive_closers: Words
    teaching_verbs: Words
    reminder_phrases: Words
    shadowing_verbs: Words
    pairing_verbs: Words
    seniority_words: Words
    sending_verbs: Words
    removal_verbs: Words
    removal_objects: Words
    holding_verbs: Words
    permission_verbs: Words
    withdrawn_marks: Words
    accountability_words: Words
    obligation_verbs: Words
    care_words: Words
    behaviour_phrases: Words
    sanction_words: Words
    chat_words: Words
    ideal_people_marks: Words
    word_talk: Words
    applying_verbs: Words
    plea_words: Words
    talking_to_cues: Words
    culprit_asks: Words
    equation_links: Words
    duty_heads: Words
    ideal_words: Words
    blame_talk_kinds: Words
    past_hindsight_words: Words
    past_duties: Words
    stern_talk_verbs: Words
    person_sanctions: Words
    softeners: Words
    lead_ins: Words
    learning_verbs: Words
    learning_objects: Words
    training_nouns: Words
    prohibition_words: Words
    concealing_phrases: Words
    neglect_states: Words
    doing_verbs: Words
    process_subjects: Words
    negations: Words
    possessive_marks: Words
    duty_words: Words
    cleft_openers: Words
    hindsight_modals: Words
    foresight_verbs: Words
    planned_words: Words
    pseudo_cleft_openers: Words
    absence_verbs: Words
    onset_verbs: Words
    dating_words: Words
    headline_marks: Words
    clause_breaks: Words
    pointer_links: Words
    perfect_auxiliaries: Words
    perfect_have: Words
    past_negations: Words
    relative_words: Words
    without_words: Words
    agent_prepositions: Words
    blame_verbs: Words
    safeguard_nouns: Words
    check_verbs: Words
    blame_talk_cues: Words
    meta_phrases: Words
    measure_heads: Words
    human_error_words: Words
    self_blame_phrases: Words

    @model_validator(mode="after")
    def _each_entry_once(self) -> Lexicon:
        """A list holds each entry once: a second copy is a sign of a list grown by hand."""
        for name in type(self).model_fields:
            seen: set[str] = set()
            for entry in getattr(self, name):
                if entry.lower() in seen:
                    raise ValueError(f"{name} lists {entry!r} twice")
                seen.add(entry.lower())
        return self

    def words(self, *names: str) -> frozenset[str]:
        """The lower-cased entries of the named lists, as one set."""
        return frozenset(word.lower() for name in names for word in getattr(self, name))


LIST_NAMES = frozenset(Lexicon.model_fields)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon, validated once per process."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = resources.files("blameless.rules").joinpath("lexicon.yaml").read_text("utf-8")
    try:
        return Lexicon.model_validate(yaml.load(text, Loader=loader))
    except (ValidationError, yaml.YAMLError) as error:
        first = " ".join(str(error).splitlines()[0:3])
        raise ConfigError(f"rule pack lexicon.yaml is invalid: {first}") from None


def is_verb_list(name: str) -> bool:
    """Lists of verbs (named `…_verbs`), whose entries take every verb form."""
    return name.endswith("_verbs") or name in _VERB_LISTS


# Lists that hold verbs or verb phrases without saying so in their name.
_VERB_LISTS = frozenset(
    {
        "error_markers",
        "behaviour_phrases",
        "sanction_words",
        "human_error_words",
        "judgment_words",
        "prohibition_words",
        "concealing_phrases",
        "self_blame_phrases",
        "causal_prepositions",
        "single_cause_words",
        "exclusive_links",
        "hindsight_words",
        "duty_words",
        "past_negations",
        "cleft_openers",
        "perfect_auxiliaries",
        "perfect_have",
        "duty_heads",
    }
)
