"""Dashboard views and helpers that use Streamlit (the library, :mod:`geo`, never does)."""

__all__: list[str] = []
