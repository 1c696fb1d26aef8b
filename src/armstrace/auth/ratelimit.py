"""Rate limiting of sign-in attempts per account and client address.

Why per account+IP: a guesser is slowed on the account it attacks without locking the real
user out from their own machine. Kept in memory: one workbench process per store; a restart
forgets, which is acceptable for a limit measured in minutes.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable


class LoginLimiter:
    """At most `attempts` failed sign-ins per (account, address) within `window_s` seconds."""

    def __init__(
        self,
        attempts: int = 5,
        window_s: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.attempts = attempts
        self.window_s = window_s
        self._clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, account: str, address: str) -> float:
        """Seconds until another attempt is allowed; 0 when it is allowed now."""
        key = (account.lower(), address)
        with self._lock:
            failures = self._recent(key)
            if len(failures) < self.attempts:
                return 0.0
            return max(0.0, failures[0] + self.window_s - self._clock())

    def failed(self, account: str, address: str) -> None:
        """Count one failed attempt."""
        key = (account.lower(), address)
        with self._lock:
            self._recent(key).append(self._clock())

    def succeeded(self, account: str, address: str) -> None:
        """A successful sign-in clears the count."""
        with self._lock:
            self._failures.pop((account.lower(), address), None)

    def _recent(self, key: tuple[str, str]) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        horizon = self._clock() - self.window_s
        while failures and failures[0] <= horizon:
            failures.popleft()
        return failures
