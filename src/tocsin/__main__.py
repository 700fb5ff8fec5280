"""``python -m tocsin`` runs the CLI."""

from tocsin.cli import main

main()
