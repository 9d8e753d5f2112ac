"""Dashboard views beside app.py's Statement view (Streamlit code lives here, never in geo/)."""
