"""Throughput on one core: full analyses per second beside tokenization alone, on realistic texts."""

import os
import time
from collections.abc import Callable

from nlp.analyze import analyze
from nlp.pii import mask_personal_data
from nlp.text import normalize, tokenize
from nlp.train import read_examples

MIN_SECONDS = 2.0
#: Texts per turn: the measured functions take turns, so a machine whose speed drifts slows all alike.
CHUNK = 500


def per_second(functions: dict[str, Callable[[str], object]], texts: list[str]) -> dict[str, float]:
    """Calls per second of each function over `texts`, taking turns until each has run MIN_SECONDS."""
    if not texts:
        raise ValueError("no texts to measure")
    for function in functions.values():
        for text in texts[:200]:
            function(text)  # warm up: load models, fill caches of the tokenizer's dictionary
    spent = dict.fromkeys(functions, 0.0)
    calls = dict.fromkeys(functions, 0)
    start = 0
    while min(spent.values()) < MIN_SECONDS:
        chunk = texts[start:start + CHUNK]
        start = start + CHUNK if start + CHUNK < len(texts) else 0
        for name, function in functions.items():
            began = time.perf_counter()
            for text in chunk:
                function(text)
            spent[name] += time.perf_counter() - began
            calls[name] += len(chunk)
    return {name: calls[name] / spent[name] for name in functions}


def run() -> dict:
    """Pin to one core and measure; the texts are the project's own examples, as villagers type them."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    texts = [row["text"] for row in read_examples()]
    rates = per_second({"tokenize": lambda t: tokenize(normalize(t)), "analyze": analyze,
                        "mask": mask_personal_data}, texts)
    tokenization, analyses, masking = rates["tokenize"], rates["analyze"], rates["mask"]
    return {
        "texts": len(texts), "mean_chars": round(sum(map(len, texts)) / len(texts), 1), "cores": 1,
        "analyses_per_second": round(analyses), "tokenizations_per_second": round(tokenization),
        "analysis_cost_in_tokenizations": round(tokenization / analyses, 2),
        "maskings_per_second": round(masking),
    }
