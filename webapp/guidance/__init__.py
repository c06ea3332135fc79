"""The pages to read: the start page, the rules and sources, "What if…", the border checklist and
the privacy notice. Their words and sources are in content.py; the rules come from webapp/rules."""
from .views import bp

__all__ = ["bp"]
