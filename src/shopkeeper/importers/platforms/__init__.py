"""Built-in platform formats: one module per platform, each listing its FormatSpecs in `SPECS`.

Nothing registers itself on import; importers/format_registry.py lists the
modules explicitly.
"""
