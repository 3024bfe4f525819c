"""Entry point for `python -m lagesbild`."""

import sys

from lagesbild.cli import main

sys.exit(main())
