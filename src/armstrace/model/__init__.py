"""Plain typed records shared by every stage; no I/O here."""

from armstrace.model.claim import Claim, Conveyance, Evidence, Item, Quantity, When
from armstrace.model.document import Document

__all__ = ["Claim", "Conveyance", "Document", "Evidence", "Item", "Quantity", "When"]
