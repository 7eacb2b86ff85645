"""No SQL outside quiltarchive/storage/: the rest of the program speaks in domain objects.

Every module of the product is read (not imported) and searched for SQL statements in its
strings and for any use of SQLite's libraries. The tests and the benchmarks may tamper with a
database on purpose, so they are not the product and are not searched.
"""

import ast
import re
from pathlib import Path

from tests.conftest import REPO

PRODUCT = ("quiltarchive", "ui", "scripts")
STORAGE = REPO / "quiltarchive" / "storage"
DATABASE_LIBRARIES = {"sqlite3", "sqlite_utils", "apsw", "sqlalchemy"}
STATEMENT = re.compile(
    r"\b(SELECT\b[\s\S]*\bFROM\b|INSERT\s+(OR\s+\w+\s+)?INTO\b|REPLACE\s+INTO\b"
    r"|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|CREATE\s+(UNIQUE\s+)?(TABLE|INDEX|VIEW|TRIGGER)\b"
    r"|DROP\s+(TABLE|INDEX|VIEW|TRIGGER)\b|ALTER\s+TABLE\b|PRAGMA\s+\w+|BEGIN\s+TRANSACTION\b)"
)


def product_modules() -> list[Path]:
    modules = [p for folder in PRODUCT for p in (REPO / folder).rglob("*.py")]
    return sorted(p for p in modules if STORAGE not in p.parents)


def strings_in(tree: ast.AST) -> list[tuple[int, str]]:
    """Plain strings, and the literal parts of f-strings joined as they would read."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append((node.lineno, node.value))
        elif isinstance(node, ast.JoinedStr):
            text = " ? ".join(
                part.value
                for part in node.values
                if isinstance(part, ast.Constant) and isinstance(part.value, str)
            )
            found.append((node.lineno, text))
    return found


def database_imports(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found += [(node.lineno, n) for n in names if n.split(".")[0] in DATABASE_LIBRARIES]
    return found


def violations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    where = path.relative_to(REPO)
    problems = [f"{where}:{line}: imports {name}" for line, name in database_imports(tree)]
    problems += [
        f"{where}:{line}: SQL {text.strip()[:60]!r}"
        for line, text in strings_in(tree)
        if STATEMENT.search(text)
    ]
    return problems


def test_no_module_outside_storage_uses_sql_or_sqlite():
    modules = product_modules()
    assert len(modules) > 100  # the whole product was searched
    problems = [problem for path in modules for problem in violations(path)]
    assert problems == []


def test_the_search_finds_sql_where_there_is_some(tmp_path):
    """The search itself works: it finds what storage modules legitimately hold."""
    found = [p for p in sorted(STORAGE.rglob("*.py")) if violations(p)]
    assert STORAGE / "imports.py" in found and STORAGE / "database.py" in found
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import sqlite3\n"
        "from sqlite_utils import Database\n"
        "def f(db, table):\n"
        "    db.execute(f'SELECT name FROM {table} WHERE id = ?', [1])\n"
        "    db.execute('UPDATE photos SET caption = ?', ['x'])\n"
        "label = 'Select the photos from this event'\n",
        encoding="utf-8",
    )
    tree = ast.parse(sample.read_text(encoding="utf-8"))
    assert [name for _, name in database_imports(tree)] == ["sqlite3", "sqlite_utils"]
    statements = {line for line, text in strings_in(tree) if STATEMENT.search(text)}
    assert statements == {4, 5}  # the two statements, not the sentence for people
