"""The one way the core starts worker processes, for imports, exports and whole-archive work.

On Linux workers come from a fork server that has already imported the imaging modules, so a
new worker is a cheap fork rather than a fresh interpreter importing Pillow again; an import of
a hundred photos would otherwise spend a tenth of its time starting workers. Elsewhere workers
are spawned, as macOS and Windows require.
"""

import multiprocessing
import sys
from multiprocessing.context import BaseContext

PRELOADED = [
    "PIL.Image",
    "PIL.JpegImagePlugin",
    "exifread",
    "quiltarchive.importing.worker",
    "quiltarchive.export.render",
    "quiltarchive.consent.overview",
]


def context() -> BaseContext:
    if not sys.platform.startswith("linux"):
        return multiprocessing.get_context("spawn")
    forkserver = multiprocessing.get_context("forkserver")
    forkserver.set_forkserver_preload(PRELOADED)  # read when the server starts: the first pool
    return forkserver
