"""Entry point for `python -m lagesbild`."""

import sys

from lagesbild.cli import run

sys.exit(run())
