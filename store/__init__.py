"""hecha's headless core: reading, cleaning, splitting, storing and querying articles.

The app and the CLI use only the names exported here. Nothing in this package
imports Textual: a script can use it as a library.
"""

from .claims import (
    STATUSES,
    Claim,
    HistoryEntry,
    add_claim,
    anchor,
    article_claims,
    claim_history,
    delete_claim,
    get_claim,
    list_claims,
    next_open_claim,
    update_claim,
)
from .db import DatabaseError, default_db_path, open_db, schema_version
from .export import FORMATS as EXPORT_FORMATS
from .export import SUFFIXES as EXPORT_SUFFIXES
from .export import export_claims, write_export
from .figure_store import article_figures, reindex, stale_articles
from .figures import EXTRACTOR_VERSION, KINDS, Figure, extract
from .figures import FIELDS as FIGURE_FIELDS
from .ingest import ImportReport, import_paths
from .library import (
    ArticleSummary,
    ArticleView,
    BlockView,
    SORTS,
    count_articles,
    filter_articles,
    get_article,
    import_seeds_if_empty,
    list_articles,
    mark_read,
    seeds_folder,
    sort_articles,
    source_text,
)
from .reading import Refused, read_source
from .sentences import sentence_at, sentence_spans, word_bounds
from .tags import Tag, add_tag, delete_tag, list_tags, tag_colors, tag_counts, update_tag

__all__ = [
    "EXTRACTOR_VERSION",
    "FIGURE_FIELDS",
    "KINDS",
    "Figure",
    "article_figures",
    "extract",
    "read_source",
    "reindex",
    "stale_articles",
    "ArticleSummary",
    "ArticleView",
    "BlockView",
    "DatabaseError",
    "ImportReport",
    "Refused",
    "SORTS",
    "count_articles",
    "filter_articles",
    "sort_articles",
    "default_db_path",
    "get_article",
    "import_paths",
    "import_seeds_if_empty",
    "list_articles",
    "mark_read",
    "open_db",
    "schema_version",
    "seeds_folder",
    "source_text",
    "STATUSES",
    "EXPORT_FORMATS",
    "EXPORT_SUFFIXES",
    "Claim",
    "HistoryEntry",
    "Tag",
    "add_claim",
    "add_tag",
    "anchor",
    "article_claims",
    "claim_history",
    "delete_claim",
    "delete_tag",
    "export_claims",
    "get_claim",
    "list_claims",
    "list_tags",
    "next_open_claim",
    "sentence_at",
    "sentence_spans",
    "tag_colors",
    "tag_counts",
    "update_claim",
    "update_tag",
    "word_bounds",
    "write_export",
]

# Re-reading stored sources with the current layout rules, and the rule behind each block.
from .reclean import BlockRule, RecleanReport, block_rules, reclean  # noqa: E402

__all__ += ["BlockRule", "RecleanReport", "block_rules", "reclean"]
