"""`python -m tarikh` runs the command line."""
import sys

from tarikh.cli import main

if __name__ == "__main__":
    sys.exit(main())
