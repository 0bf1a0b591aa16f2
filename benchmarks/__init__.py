"""Benchmarks: ``python -m benchmarks.<name>``; each reports ratios against a same-run baseline."""
