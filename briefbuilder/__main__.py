"""``python -m briefbuilder``: the same command as the ``briefbuilder`` script."""

from .cli import run

run()
