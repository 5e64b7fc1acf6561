"""`python -m tarikh` runs the command line."""
import sys

from tarikh.cli import main

sys.exit(main())
