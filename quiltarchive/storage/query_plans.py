"""The statements a piece of core work runs, each with SQLite's plan for it.

For the performance notes: a smart list should read through indexes, never scan a large table
once per photo. Only statements that read (SELECT/WITH) are explained; nothing is written.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database


@dataclass(frozen=True)
class StatementPlan:
    sql: str
    plan: list[str]
    times_run: int


def _reads(sql: str) -> bool:
    return sql.lstrip().split(None, 1)[0].upper() in {"SELECT", "WITH"} if sql.strip() else False


def explain_while(db: Database, work: Callable[[], Any]) -> list[StatementPlan]:
    """Run `work`, then explain every distinct reading statement it sent to `db`, in order."""
    seen: dict[str, int] = {}
    db.conn.set_trace_callback(lambda sql: seen.__setitem__(sql, seen.get(sql, 0) + 1))
    try:
        work()
    finally:
        db.conn.set_trace_callback(None)
    plans = []
    for sql, count in seen.items():
        if not _reads(sql):
            continue
        rows = db.conn.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
        depth = {0: 0}
        lines = []
        for node, parent, _unused, detail in rows:
            depth[node] = depth.get(parent, 0) + 1
            lines.append("  " * (depth[node] - 1) + detail)
        plans.append(StatementPlan(" ".join(sql.split()), lines, count))
    return plans
