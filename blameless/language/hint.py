"""A cheap test, on raw text, that a sentence might name a person at all.

Frames about a person cannot match without one, so sentences that fail it are never
parsed for them. It errs towards yes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from blameless.language.agents import (
    HUMAN_PRONOUNS,
    NOBODY,
    PLURAL_PRONOUNS,
    ROLE_NOUNS,
    SHIFT_TIMES,
    TEAM_NOUNS,
)

# Words that open a sentence without naming anyone: a capitalized word elsewhere at the
# start of a sentence may be a name ("Tomasz broke the build").
_SENTENCE_OPENERS = (
    "The|A|An|This|That|These|Those|It|Its|We|Our|Us|There|Here|In|On|At|After|Before|When|"
    "While|If|As|For|To|From|By|With|Without|During|Since|Because|Due|Once|All|Some|No|Not|"
    "One|Two|Three|Most|Many|Several|Each|Every|Both|Also|Then|Next|Finally|However|But|And|"
    "Or|So|Although|Though|Until|Over|Under|About|Around|Between|Within|Instead|Later|Earlier|"
    "Root|Trigger|Cause|Impact|Summary|Resolution|Detection|Timeline|Status|Note|What|How|"
    "Where|Which|Is|Are|Was|Were|Do|Does|Did|Has|Have|Had|Can|Could|Should|Would|Will|May|Might"
)


# Openers that are also first names ("Will took down…"): worth a parse.
_NAMES_LIKE_OPENERS = "Will|May|Grace|Mark|Joy|Hope|Faith|Bill|Pat|Sue|Rose|June|Art"


# The writers, for self-blame frames ("we wiped the cache by accident", "my bad").
SELF_HINT = re.compile(r"\b(?:I|(?i:we|us|our|ours|my|me|mine|myself|ourselves))\b")


@lru_cache(maxsize=16)
def person_hint(people: tuple[str, ...] = ()) -> re.Pattern[str]:
    """A cheap test, on raw text, that a sentence might name a person at all.

    Rules about a person as cause or subject cannot fire without one, so sentences that
    fail this test are never parsed for them. It errs towards yes: any capitalized word
    that is not a common sentence opener counts, as do pronouns, handles, and role nouns.
    """
    words = sorted(
        {
            *HUMAN_PRONOUNS,
            *PLURAL_PRONOUNS,
            *ROLE_NOUNS,
            *TEAM_NOUNS,
            *NOBODY,
            "his",
            "their",
            "your",
            "who",
            "whose",
            "on-call",
            "oncall",
            "no one",
            *(f"{time} shift" for time in SHIFT_TIMES),  # "the night shift": its people
            *(person.lower() for person in people),
        },
        key=len,
        reverse=True,
    )
    lexical = "|".join(re.escape(word) for word in words)
    return re.compile(
        rf"(?i:\b(?:{lexical})(?:s|es)?\b)"  # pronouns, roles, teams, configured people
        r"|@\w|\w@(?!\w)|<@"  # handles
        r"|\bI\b"
        rf"|(?<=[\w,;:)\]—–\-=>|]\s)[A-Z][\w'’\-]*[a-z]"  # a capitalized word inside a sentence
        rf"|^\W*(?!(?:{_SENTENCE_OPENERS})\b)[A-Z][\w'’\-]*[a-z]"  # or opening it
        rf"|^\W*(?:{_NAMES_LIKE_OPENERS})(?:['’]s)?\s+\w"  # "Will deleted…", "Will's typo"
        # A chat line opening in lower case, where names are too ("anh's PR broke…"; no
        # letter before the first lower-case one, so the pattern cannot backtrack: linear).
        r"|^[^A-Za-z]*[a-z]"
    )
