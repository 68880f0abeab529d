"""Plain records passed from ingestion to processing."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def text_sha256(text: str) -> str:
    """sha256 hex digest of the UTF-8 encoded text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class RawArticle:
    """One article's text as read, with where it came from."""

    source: str
    text: str
    format: str
    external_id: str | None = None
    sha256: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", text_sha256(self.text))

    @property
    def article_id(self) -> str:
        """Stable id derived from the content hash."""
        return self.sha256[:16]


@dataclass(frozen=True)
class ReadProblem:
    """A file (or record) that could not be read, or was read with a caveat."""

    source: str
    stage: str
    message: str
    severity: str = "error"  # "error": skipped; "warning": processed anyway

    def as_row(self) -> dict:
        return {"source": self.source, "stage": self.stage, "message": self.message,
                "severity": self.severity}
