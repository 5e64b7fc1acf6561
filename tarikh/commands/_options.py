"""Options several subcommands share (a module whose name starts with `_` is not a subcommand)."""
from __future__ import annotations

import argparse
from pathlib import Path

DEFAULT_STORE = Path("out/store")


def add_store(parser: argparse.ArgumentParser) -> None:
    """`--store DIR`: the build's store that reading commands query."""
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE, help="the build's store (default: out/store)")


def add_store_questions(parser: argparse.ArgumentParser, dest: str, metavar: str
                        ) -> tuple[argparse._SubParsersAction, argparse.ArgumentParser]:
    """`--store` before the question, subparsers for the questions, and a parent parser that lets `--store` also
    follow the question (`tarikh network path A B --store DIR`)."""
    add_store(parser)
    store = argparse.ArgumentParser(add_help=False)
    store.add_argument("--store", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser.add_subparsers(dest=dest, metavar=metavar, required=True), store


def add_text_input(parser: argparse.ArgumentParser, lang_help: str) -> None:
    """FILE (or - for standard input), `--per-line` and `--lang`, for the commands that read a user's text."""
    parser.add_argument("file", nargs="?", default="-", help="text file, or - for standard input (default)")
    parser.add_argument("--per-line", action="store_true", help="read each line on its own, without context")
    parser.add_argument("--lang", choices=["kk", "az", "ru"], help=lang_help)
