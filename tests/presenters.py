"""A round presenter for tests: keeps every event a round shows, in order."""

from __future__ import annotations

from bot.quiz.round import HintShown, QuestionAsked, QuestionClosed, RoundFinished


class Recorder:
    """A presenter (``bot.quiz.runner.RoundPresenter``) that keeps every event."""

    def __init__(self) -> None:
        self.events: list[object] = []

    async def asked(self, event: QuestionAsked) -> None:
        self.events.append(event)

    async def hinted(self, event: HintShown) -> None:
        self.events.append(event)

    async def closed(self, event: QuestionClosed) -> None:
        self.events.append(event)

    async def finished(self, event: RoundFinished) -> None:
        self.events.append(event)

    def of(self, kind: type) -> list:  # type: ignore[type-arg]
        """The events of ``kind``, in order."""
        return [e for e in self.events if isinstance(e, kind)]
