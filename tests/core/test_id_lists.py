"""Long id lists come out of SQLite in one step, in exactly the order the query asks for: the
grid's order, a collection's own order and the smart lists rest on it."""

import random

from quiltarchive.storage.database import connect
from quiltarchive.storage.id_lists import id_list, id_set


def a_table(tmp_path, rows=20_000):
    db = connect(tmp_path / "lists.sqlite")
    db.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, taken TEXT, position INTEGER)")
    shuffled = random.Random(7).sample(range(rows), rows)
    db.conn.executemany(
        "INSERT INTO items VALUES (?, ?, ?)",
        [(n + 1, None if n % 11 == 0 else f"2024-{n % 12 + 1:02}-{n % 28 + 1:02}", p)
         for n, p in enumerate(shuffled)],
    )  # fmt: skip
    db.conn.commit()
    return db


def row_by_row(db, sql, params=()):
    return [row[0] for row in db.execute(sql, params)]


def test_the_order_of_the_query_is_kept_whether_sqlite_sorts_or_walks_an_index(tmp_path):
    db = a_table(tmp_path)
    orders = [
        "SELECT id FROM items ORDER BY taken IS NULL, taken, id",  # sorted in a temporary tree
        "SELECT id FROM items ORDER BY position",
        "SELECT id FROM items ORDER BY taken DESC, id DESC",
        "SELECT id FROM items WHERE position % 3 = ? ORDER BY position DESC",
    ]
    db.execute("CREATE INDEX items_position ON items (position)")
    for sql in orders:
        params = [1] if "?" in sql else []
        expected = row_by_row(db, sql, params)
        assert len(expected) > 5_000
        assert id_list(db, sql, params) == expected


def test_an_empty_result_is_an_empty_list_and_sets_hold_every_id(tmp_path):
    db = a_table(tmp_path, rows=300)
    assert id_list(db, "SELECT id FROM items WHERE position < 0") == []
    assert id_set(db, "SELECT id FROM items WHERE position < 100") == {
        row[0] for row in db.execute("SELECT id FROM items WHERE position < 100")
    }
