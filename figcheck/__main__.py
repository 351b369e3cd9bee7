"""`python -m figcheck` runs the command line."""

import sys

from figcheck.cli import main

sys.exit(main())
