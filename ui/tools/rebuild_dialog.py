"""Archive → Rebuild Thumbnails: the cache of thumbnails and previews made again from the
originals in the background (the originals are only read)."""

from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from quiltarchive.archive import Archive
from quiltarchive.renditions_cache import RebuildProgress, rebuild_renditions
from ui.tools.steps import StepRunner


class RebuildDialog(QProgressDialog):
    def __init__(self, archive: Archive, only_missing: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rebuild thumbnails"))
        self.setAccessibleName(self.tr("Rebuild thumbnails"))
        self.setLabelText(self.tr("Making thumbnails and previews from the originals…"))
        self.button = QPushButton(self.tr("&Stop"), self)
        self.button.setAccessibleName(self.tr("Stop"))
        self.setCancelButton(self.button)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setRange(0, 0)
        self.problems: list[tuple[int, str]] = []
        self.made = 0
        self.done = False
        self.runner = StepRunner(self)
        self.runner.step.connect(self._step)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self.canceled.connect(self.runner.stop)
        self.runner.start(lambda: rebuild_renditions(archive, only_missing=only_missing))

    def _step(self, step: RebuildProgress) -> None:
        self.setRange(0, max(1, step.total))
        self.setValue(step.done)
        self.made = step.done
        if step.problem:
            self.problems.append((step.photo_id, step.problem))

    def _finished(self, last: RebuildProgress | None) -> None:
        self.done = True
        if last is None:
            words = self.tr("Stopped after {0} photos.").format(f"{self.made:,}")
        else:
            words = self.tr("Made thumbnails and previews for {0} photos.").format(f"{self.made:,}")
        if self.problems:
            words += "\n" + self.tr("{0} could not be read:").format(len(self.problems))
            words += "".join(
                "\n" + self.tr("Photo {0}: {1}").format(i, p) for i, p in self.problems[:20]
            )
        self.setLabelText(words)
        self._closing()
        self.canceled.disconnect()
        self.canceled.connect(self.hide)

    def _failed(self, message: str) -> None:
        self.done = True
        self.setLabelText(self.tr("The thumbnails could not be rebuilt: {0}").format(message))
        self._closing()

    def _closing(self) -> None:
        self.button.setText(self.tr("&Close"))
        self.button.setAccessibleName(self.tr("Close"))
