"""The query language in a few lines, for the help screens of the library and review."""

QUERY_HELP = """Search (/): words and filters, all must match
  新能源汽车 增长        words in the title or text (traditional or simplified)
  "港口 货物"            words kept together
  kind:money value>=10亿  a figure of that kind and value (1e9, 10亿, 5%)
  kind:percent           percent, money, quantity, measure, date, …
  tag:数据 status:false  claims with that tag or status
  source:2024-03         part of the source file's name
  date:2024-03  date:2024-01..2024-06   publication date
  has:claims  has:figures
Esc clears the search; s sorts the results (relevance first)."""
