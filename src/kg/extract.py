"""The ``extract`` stage: rules applied to a document's normalised text give ``Mention``s."""
from __future__ import annotations

from .model import Document, Mention


def extract_mentions(document: Document) -> tuple[Mention, ...]:
    """All entity mentions of a document, overlaps settled."""
    return ()
