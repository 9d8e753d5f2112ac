"""Subcommands of ``python -m geo``, one module per feature, each registering its own parsers."""
