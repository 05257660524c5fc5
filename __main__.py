"""`python -m hecha`: the same as the `hecha` command."""

import sys

from hecha.tui.cli import main

if __name__ == "__main__":  # not when a worker process imports it
    sys.exit(main())
