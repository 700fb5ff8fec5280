"""Evaluation against gold corpora: one module per kind (events, places, times).

Each module has ``run(gold, *, model, limit) -> dict`` and ``render(metrics)``.
"""
