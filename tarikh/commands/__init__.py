"""Subcommands of the `tarikh` command line.

Each module here is one subcommand and defines:
  HELP: str                              one line for `tarikh --help`
  add_arguments(parser) -> None          its options
  run(args) -> int                       the exit code
The CLI discovers the modules, so adding a subcommand touches no other file.
"""
