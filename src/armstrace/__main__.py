"""`python -m armstrace` runs the command line."""

from armstrace.cli.app import main

main()
