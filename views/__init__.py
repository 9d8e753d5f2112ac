"""Dashboard views of app.py, one module each (Streamlit lives here and in app.py, never in geo/)."""
