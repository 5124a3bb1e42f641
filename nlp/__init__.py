"""Thai NLP for villagers' needs: a pure library (no Flask, no database). Text in, frozen dataclasses out."""

from nlp.analyze import Analysis, analyze, model_version
from nlp.labels import KIND_NAMES_TH, KINDS, SECTOR_NAMES_TH, SECTORS
from nlp.pii import MaskedText, PiiSpan, mask_personal_data
from nlp.pillars import NATIONAL_PILLARS, Pillar
from nlp.similar import DuplicateIndex, SimilarText, similarity
from nlp.strategies import StrategyMatch, link_strategies

__all__ = [
    "KINDS", "KIND_NAMES_TH", "NATIONAL_PILLARS", "SECTORS", "SECTOR_NAMES_TH", "Analysis", "DuplicateIndex",
    "MaskedText", "PiiSpan", "Pillar", "SimilarText", "StrategyMatch", "analyze", "link_strategies",
    "mask_personal_data", "model_version", "similarity",
]
