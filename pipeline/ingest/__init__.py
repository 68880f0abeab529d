"""Readers that turn files under a raw directory into `RawArticle`s or error records."""
from pipeline.ingest.models import RawArticle, ReadProblem
from pipeline.ingest.discover import discover_files, read_articles

__all__ = ["RawArticle", "ReadProblem", "discover_files", "read_articles"]
