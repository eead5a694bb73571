"""Importing platform exports into the shop: recognise, read, normalise, merge.

Start with formats.py (the registry of export formats and how a new platform
plugs in) and pipeline.py (one file = one undoable batch). reading/ turns a
dropped file into UTF-8 tables; staging.py and normalise_sql.py convert the
cells inside DuckDB; platforms/ holds one module per platform; canonical.py
writes the canonical tables through db/merge.py. The window and the command
line call services/imports.py, never these modules directly.
"""
