"""Matching names and questions to the entries of the notes.

``Matcher`` (``bot.matching.matcher``) serves look-ups, autocomplete and "did you mean"; its parts
are small modules: ``text`` (normalisation), ``query`` (question frames), ``names_index`` (exact
keys), ``typos`` (fuzzy candidates), ``prefix`` (autocomplete), ``bm25`` (descriptions) and
``policy`` (answer or refuse).
"""

from bot.matching.matcher import Matcher
from bot.matching.results import Answer, NotFound, Result, Suggestion

__all__ = ["Answer", "Matcher", "NotFound", "Result", "Suggestion"]
