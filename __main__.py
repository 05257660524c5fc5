"""`python -m hecha`: the same as the `hecha` command."""

import sys

from hecha.tui.cli import main

sys.exit(main())
