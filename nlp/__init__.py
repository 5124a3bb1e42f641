"""Thai NLP for villagers' needs: a pure library (no Flask, no database)."""

from nlp.pillars import NATIONAL_PILLARS, Pillar

__all__ = ["NATIONAL_PILLARS", "Pillar"]
