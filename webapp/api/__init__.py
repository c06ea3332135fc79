"""JSON API, versioned under /api/v1 (DESIGN.md, "JSON API")."""
from .plan import bp

__all__ = ["bp"]
