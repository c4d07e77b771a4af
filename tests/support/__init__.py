"""What tests and benchmarks share: paths, a fake clock, servers and browser pages.

Conftest files hold fixtures only and import from here; ``benchmarks/`` imports from here too, never
from a conftest or a test module, and nothing here imports ``benchmarks``.
"""
