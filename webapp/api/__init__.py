"""JSON API, versioned under /api/v1 (DESIGN.md, "JSON API")."""
from . import documents  # noqa: F401  (registers its routes on bp)
from .plan import bp

__all__ = ["bp"]
