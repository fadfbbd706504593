"""The desktop bundle's entry point: `briefer` exactly as the installed console script, plus the
two ways a frozen app starts copies of itself (multiprocessing workers for batch builds, and the
app's warm preview process), which a bundle cannot do with `python -m`."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a batch worker runs here and exits
    from briefer.gui.build_process import FROZEN_CHILD_ARGUMENT

    if sys.argv[1:2] == [FROZEN_CHILD_ARGUMENT]:
        from briefer.gui.build_process import main as serve_previews

        serve_previews()
        raise SystemExit(0)
    from briefer.cli import main

    raise SystemExit(main())
