"""The command line: `briefer validate|list|build|batch|diff|new`, and the app when given no command.

A thin adapter: argparse stays in this package, which turns arguments into typed values (a
Recipe, paths) and hands them to the core. Never imports PySide6 except to start the app.
Exit codes: 0 done, 2 bad input (content, recipe, options, paths), 1 an internal failure or a
broken installation (a file briefer ships is missing).
"""

from briefer.cli.main import main

__all__ = ["main"]
