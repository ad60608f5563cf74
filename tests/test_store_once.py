"""store.js's ``once``: the quiz's checker and the task's work code are fetched
once, and fetched again on the next touch when the first try failed (a
dropped connection must not leave a quiz unable to check for the rest of the visit)."""

from __future__ import annotations

import pytest

from support.esmodules import module_runner


@pytest.fixture(scope="module")
def js(browser):
    with module_runner(browser, "assets/lms/", "window.S = await import('./store.js');", "S = window.S") as run:
        yield run


def test_a_loader_runs_once_and_every_caller_gets_its_result(js):
    assert js(
        """
        let calls = 0;
        const get = S.once(async () => ++calls);
        const results = await Promise.all([get(), get()]);
        results.push(await get());
        return {calls, results, same: get() === get()};
        """
    ) == {"calls": 1, "results": [1, 1, 1], "same": True}


def test_after_a_failure_the_next_call_tries_again(js):
    assert js(
        """
        let calls = 0;
        const get = S.once(async () => {
          if (++calls === 1) throw new Error("offline");
          return "loaded";
        });
        const first = await get().then(() => "resolved", (error) => error.message);
        const second = await get();
        const third = await get();
        return {first, second, third, calls};
        """
    ) == {"first": "offline", "second": "loaded", "third": "loaded", "calls": 2}
