"""The command line: `briefer validate|list|build|batch|diff|new`, and the app when given no command.

A thin adapter: argparse stays in this package, which turns arguments into typed values (a
Recipe, paths) and hands them to the core. Never imports PySide6 except to start the app.
Exit codes: 0 done, 2 bad input (content, recipe, options, paths), 1 an internal failure or a
broken installation (a file briefer ships is missing).
"""

import gc

# Importing the command line and the core makes a great many objects and no garbage: the cyclic
# collector's passes over them cost a command a few per cent of its time and free nothing.
_collecting = gc.isenabled()
gc.disable()
try:
    from briefer.cli.main import main
finally:
    if _collecting:
        gc.enable()

__all__ = ["main"]
