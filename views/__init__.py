"""Dashboard views beside app.py's Statement view, one module each (Streamlit code lives here, never in geo/)."""
