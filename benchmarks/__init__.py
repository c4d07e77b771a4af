"""Benchmarks of the course: page speed, kernel memory, interaction latency, a classroom at once.

Run with ``make bench`` or ``python -m benchmarks`` (see ``benchmarks/README.md``).
"""
