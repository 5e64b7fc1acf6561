"""The `tarikh` command line: one subcommand per module in `tarikh.commands`."""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from typing import Sequence

from tarikh import commands
from tarikh.errors import TarikhError

DESCRIPTION = """\
tarikh reads narrative texts on Kazakhstan's political history (Kazakh, Azerbaijani, Russian)
and builds a knowledge graph of the events they tell: elections, referendums, party foundings,
treaties, laws, meetings, appointments, protests... each with its date, actors, place and the
exact source sentence. Start with `tarikh build` (no arguments: the bundled demo corpus).
"""


def build_parser() -> argparse.ArgumentParser:
    """The parser with every subcommand module found in `tarikh.commands`."""
    parser = argparse.ArgumentParser(prog="tarikh", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"tarikh.commands.{info.name}")
        name = getattr(module, "NAME", info.name)
        sub = subparsers.add_parser(name, help=module.HELP, description=module.__doc__,
                                    formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; user errors become one line on stderr and a non-zero exit."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except TarikhError as error:
        print(f"tarikh: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("tarikh: interrupted; previous outputs left as they were", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
