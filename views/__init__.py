"""Dashboard views beside app.py's Statement view, one module each (Streamlit lives here, never in geo/)."""
