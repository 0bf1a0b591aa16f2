"""The hardening tests need no fixtures of their own beyond ``tests/e2e/conftest.py``'s ``start_bot``."""
