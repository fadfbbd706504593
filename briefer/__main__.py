"""`python -m briefer` runs the command line (and, with no arguments, the app)."""

from briefer.cli import main

raise SystemExit(main())
