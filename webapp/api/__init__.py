"""JSON API, versioned under /api/v1 (DESIGN.md, "JSON API")."""
from . import documents, openapi  # noqa: F401  (register their routes on bp)
from .plan import bp

__all__ = ["bp"]
