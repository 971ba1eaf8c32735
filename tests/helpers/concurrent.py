"""Run the same taking loop from several threads at once and collect what each call returned."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any


def take_concurrently(takers: Iterable[Any], take: Callable[[Any], Any], times: int) -> list[Any]:
    """`take(taker)` `times` times in one thread per taker, all started together; every answer, in no order. Any
    exception in a thread fails the caller (after all threads ended), so a lost call cannot pass unseen."""
    answers: list[Any] = []
    errors: list[BaseException] = []
    start = threading.Barrier(len(list(takers := list(takers))))

    def run(taker) -> None:
        try:
            start.wait(300)
            for _ in range(times):
                answers.append(take(taker))
        except BaseException as exc:  # noqa: BLE001 - raised again below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(t,)) for t in takers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)  # generous: two cores shared with other work
    assert not any(t.is_alive() for t in threads), "a taking thread did not finish"
    if errors:
        raise errors[0]
    return answers
