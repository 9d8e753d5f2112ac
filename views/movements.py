"""The dashboard's list of movements: who or what moves from where to where, one row per movement.

A thin view over :mod:`geo.export` (the movement record): app.py calls :func:`show` under the
places table; the arrows themselves are drawn by :func:`geo.mapview.movement_group`.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo import Situation
from geo.export import movement_record

__all__ = ["COLUMNS", "MAX_ROWS", "movement_table", "show"]

#: The table's columns, in order.
COLUMNS = ["trigger", "from", "to", "what", "ends", "sentence"]
_ENDS = {"both": "both", "from": "origin only", "to": "destination only"}


#: Rows of the movements table (a big statement states thousands; the exports hold them all).
MAX_ROWS = 1_000


def movement_table(situation: Situation, limit: int | None = None) -> pd.DataFrame:
    """One row per movement in text order (the first ``limit``); a missing end is empty. Cells are plain text."""
    rows = []
    for mv in situation.movements[:limit]:
        r = movement_record(mv)
        rows.append([r["trigger"], r["from_name"] or "", r["to_name"] or "", r["what"] or "", _ENDS[r["ends"]],
                     r["quote"]])
    return pd.DataFrame(rows, columns=COLUMNS)  # explicit columns: no movements still shows the header


def show(situation: Situation) -> None:
    """The "Movements" subheader and table (st.dataframe shows text as text: statement text stays inert)."""
    st.subheader("Movements")
    table = movement_table(situation, MAX_ROWS)
    n = len(situation.movements)
    if n > MAX_ROWS:
        st.caption(f"The first {MAX_ROWS:,} of {n:,} movements; the downloads hold them all.")
    if table.empty:
        st.caption("None: no sentence says that someone or something moves from or to a place.")
        return
    st.dataframe(
        table, key="movements_table", hide_index=True, width="stretch",
        column_config={"trigger": "Trigger", "from": "From", "to": "To", "what": "What moves",
                       "ends": "Ends", "sentence": st.column_config.TextColumn("Sentence", width="large")},
    )
