"""Golden files: Python's complete outputs, case by case, that the phone's modules must give too
(`flask --app webapp golden write build/golden`, checked by `node --test tests/js/`). Written at
test time, never committed: the corpus is seeded, so a failing case can be named and made again."""
from .deadlines import write_golden

__all__ = ["write_golden"]
