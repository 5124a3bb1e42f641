"""python -m nlp analyze | evaluate | bench | train — JSON on stdout, progress on stderr."""

import argparse
import dataclasses
import json
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nlp", description="Thai NLP of villagers' needs")
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("analyze", help="analyse one text")
    one.add_argument("text")
    evaluation = commands.add_parser("evaluate", help="metrics on a labelled CSV")
    evaluation.add_argument("--data", type=Path, required=True)
    evaluation.add_argument("--strategies", type=Path)
    commands.add_parser("bench", help="analyses per second on one core, beside tokenization alone")
    commands.add_parser("train", help="rebuild the shipped model from nlp/data/")
    args = parser.parse_args(argv)
    result = _run(args)
    if result is not None:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return 0


def _run(args: argparse.Namespace) -> object:
    if args.command == "analyze":
        return _analysis(args.text)
    if args.command == "evaluate":
        from nlp.evaluate import run

        return run(args.data, args.strategies)
    if args.command == "bench":
        from nlp.bench import run

        return run()
    from nlp.train import main as train

    train()
    return None


def _analysis(text: str) -> dict:
    from nlp import NATIONAL_PILLARS, analyze, link_strategies, mask_personal_data

    masked = mask_personal_data(text)
    return {
        **dataclasses.asdict(analyze(text)),
        "national_pillars": [dataclasses.asdict(m) for m in link_strategies(text, NATIONAL_PILLARS)],
        "masked_text": masked.text,
        "personal_data": [dataclasses.asdict(s) for s in masked.spans],
    }


if __name__ == "__main__":
    raise SystemExit(main())
