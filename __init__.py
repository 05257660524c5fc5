"""hecha 核查: a terminal reader and annotator for Chinese news.

The repository's top-level folders install as this package's parts:
`hecha.store` (the headless core), `hecha.tui` (the app and the CLI) and
`hecha.seeds` (the bundled sample articles).
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hecha")
except PackageNotFoundError:  # running from a tree that was never installed
    __version__ = "0+unknown"
