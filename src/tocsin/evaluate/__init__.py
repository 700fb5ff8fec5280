"""Evaluation against gold corpora: one module per kind (events, places, times), each with run() and render()."""
