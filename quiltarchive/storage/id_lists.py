"""Long lists of ids read in one step of SQLite rather than one step a row.

Python's sqlite3 releases the GIL around every step. A list of 100,000 ids read row by row
from a worker thread therefore asks for the GIL back 100,000 times, and while any other thread
is running Python (the window painting, thumbnails arriving) each of those waits can last a
switch interval: a 25 ms list took seconds in measurement. Aggregated into one JSON array
inside SQLite, the whole list is one step, and it is faster even with nothing else running.
"""

import json
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database


def id_list(db: Database, select: str, params: Sequence[Any] = ()) -> list[int]:
    """The first and only column of `select`, in the order `select` gives its rows.

    `select` may end in ORDER BY: SQLite keeps a subquery's order for the aggregate over it
    (the tests hold it to that on every list the app shows).
    """
    sql = f"WITH listing(listed) AS ({select}) SELECT json_group_array(listed) FROM listing"
    (array,) = db.execute(sql, params).fetchone()
    return json.loads(array)


def id_set(db: Database, select: str, params: Sequence[Any] = ()) -> set[int]:
    return set(id_list(db, select, params))
