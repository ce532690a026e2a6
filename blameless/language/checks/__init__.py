"""One check function per language rule, named after the rule id (`why-you` -> why_you)."""
