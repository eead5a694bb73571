"""Shopkeeper: an offline desktop workbench for solo online sellers."""

__version__ = "0.1.0"
