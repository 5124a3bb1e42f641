"""Throughput on one core: full analyses per second beside tokenization alone, on realistic texts."""

import os
import time
from collections.abc import Callable

from nlp.analyze import analyze
from nlp.pii import mask_personal_data
from nlp.text import normalize, tokenize
from nlp.train import read_examples

MIN_SECONDS = 2.0


def per_second(function: Callable[[str], object], texts: list[str]) -> float:
    """Calls per second of `function` over `texts`, repeated until MIN_SECONDS have passed."""
    for text in texts[:200]:
        function(text)  # warm up: load models, fill caches of the tokenizer's dictionary
    calls, start = 0, time.perf_counter()
    while time.perf_counter() - start < MIN_SECONDS:
        for text in texts:
            function(text)
        calls += len(texts)
    return calls / (time.perf_counter() - start)


def run() -> dict:
    """Pin to one core and measure; the texts are the project's own examples, as villagers type them."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    texts = [row["text"] for row in read_examples()]
    tokenization = per_second(lambda t: tokenize(normalize(t)), texts)
    analyses = per_second(analyze, texts)
    masking = per_second(mask_personal_data, texts)
    return {
        "texts": len(texts), "mean_chars": round(sum(map(len, texts)) / len(texts), 1), "cores": 1,
        "analyses_per_second": round(analyses), "tokenizations_per_second": round(tokenization),
        "analysis_cost_in_tokenizations": round(tokenization / analyses, 2),
        "maskings_per_second": round(masking),
    }
