"""`python -m quiltarchive` runs the command line."""

from quiltarchive.cli import main

main()
