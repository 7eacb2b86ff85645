"""Pseudonymous person ids for exported metadata.

The same person gets the same id in every export of one archive (so a recipient's catalogue can
group their photos), but the id cannot be turned back into a name, a row id or anything else
without the archive's secret key.
"""

import base64
import hashlib
import hmac


def person_pseudonym(key: str, person_id: int) -> str:
    digest = hmac.new(key.encode(), f"person:{person_id}".encode(), hashlib.sha256).digest()
    return "person-" + base64.b32encode(digest[:10]).decode("ascii").lower()
