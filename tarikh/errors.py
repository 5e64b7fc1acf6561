"""The one exception type the command line turns into a one-line message."""


class TarikhError(Exception):
    """A user-facing failure: bad input, unreachable endpoint, invalid graph.

    The message names the file (or endpoint) and the problem in one line; the CLI prints it
    without a traceback and exits non-zero.
    """

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.exit_code = exit_code
