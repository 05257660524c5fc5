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
from .reading import Refused, find_files, read_source
from .sentences import sentence_at, sentence_spans, word_bounds
from .tags import Tag, add_tag, delete_tag, list_tags, tag_colors, tag_counts, update_tag

# Database faults said in one line (read-only, locked, disk full, damaged, foreign files).
from .db_faults import DB_ERRORS, fault_message, is_database_fault, remember_sound
from .names import display_name

# reader: find in an article, undo a delete, the word under a point, settings
from .claims import DeletedClaim, claim_at, claims_stamp, delete_claim_for_undo, restore_claim
from .find import find_matches, raw_span
from .sentences import word_at
from .settings import default_export_dir, load_settings, save_setting

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
    "remember_sound",
    "get_article",
    "import_paths",
    "find_files",
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
    "DB_ERRORS",
    "display_name",
    "fault_message",
    "is_database_fault",
]

# Claims that travel and last: exchange formats, importing claims, re-anchoring, backups.
from .anchoring import ANCHORS, reanchor_article
from .backup import backup_db, check_backup, restore_db
from .export import FOLDER_FORMATS as EXPORT_FOLDER_FORMATS
from .export import csv_text, label_studio_config_path
from .import_claims import ClaimImportReport, import_claims, read_claim_file

__all__ += [
    "ANCHORS",
    "ClaimImportReport",
    "EXPORT_FOLDER_FORMATS",
    "backup_db",
    "check_backup",
    "csv_text",
    "import_claims",
    "label_studio_config_path",
    "read_claim_file",
    "reanchor_article",
    "restore_db",
]

__all__ += [  # reader: find in an article, undo a delete, the word under a point, settings
    "DeletedClaim",
    "claim_at",
    "claims_stamp",
    "delete_claim_for_undo",
    "restore_claim",
    "find_matches",
    "raw_span",
    "word_at",
    "load_settings",
    "save_setting",
    "default_export_dir",
]

# Checks, indicators and suggested claims (issue: help check, not only mark).
from .analysis import (  # noqa: E402
    article_suggestions,
    checks_within,
    claim_checks,
    indicator_conflicts,
    list_checks,
    list_indicators,
)
from .analysis import refresh as refresh_checks  # noqa: E402
from .checks import CHECK_KINDS, VERDICTS, Check  # noqa: E402
from .indicators import Indicator  # noqa: E402
from .suggest import Suggestion  # noqa: E402

__all__ += [
    "CHECK_KINDS",
    "VERDICTS",
    "Check",
    "Indicator",
    "Suggestion",
    "article_suggestions",
    "checks_within",
    "claim_checks",
    "indicator_conflicts",
    "list_checks",
    "list_indicators",
    "refresh_checks",
]

# --- search: full-text index, query language, keywords, user dictionary, library windows
from .library import (  # noqa: E402
    LibraryOrder,
    article_keywords,
    articles_by_ids,
    library_count,
    library_has_dates,
    library_ids,
    library_window,
    sort_ids,
)
from .query import FILTERS as QUERY_FILTERS  # noqa: E402
from .query import QueryError  # noqa: E402
from .fulltext import (  # noqa: E402
    Hit,
    find_words,
    pending as search_pending,
    reindex_search,
    search,
    search_ids,
    timed_search,
)
from .fulltext import warm as warm_search  # noqa: E402
from .search_claims import filter_claims, query_words_of  # noqa: E402
from .userdict import DictionaryError, add_words as add_dictionary_words, dict_path  # noqa: E402
from .userdict import load_words as dictionary_words  # noqa: E402

__all__ += [
    "DictionaryError",
    "Hit",
    "LibraryOrder",
    "article_keywords",
    "QUERY_FILTERS",
    "QueryError",
    "add_dictionary_words",
    "articles_by_ids",
    "dict_path",
    "dictionary_words",
    "filter_claims",
    "find_words",
    "library_count",
    "library_has_dates",
    "library_ids",
    "library_window",
    "query_words_of",
    "reindex_search",
    "search",
    "search_ids",
    "search_pending",
    "sort_ids",
    "timed_search",
    "warm_search",
]

# Re-reading stored sources with the current layout rules, and the rule behind each block.
from .reclean import BlockRule, RecleanReport, block_rules, reclean  # noqa: E402

__all__ += ["BlockRule", "RecleanReport", "block_rules", "reclean"]
