"""Curate claims in a tight loop until killed (run by test_crash_curation.py).

    python curation_worker.py DB_URL PROGRESS_FILE FIRST_STEP

Step i works on claim i % n (claims in id order) and is fully determined by i, so a test
can say what every committed audit entry must hold: even rounds edit the quantity to
1,000,001 + i (a count no extracted claim in the test corpus states, so no edit is a no-op),
odd rounds grade the claim. After each call returns, "i" is appended to PROGRESS_FILE and
synced: a line there means the call had returned, i.e. the edit had committed.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from armstrace.curation import edit_claim, set_credibility
from armstrace.store import Store, open_store

USER = "crash-test"
CLAIMS = 12
"""How many claims the loop cycles through."""
QUANTITY_BASE = 1_000_000
"""Edited counts start above any the corpus states: an edit to the claim's own value is refused."""


def step(i: int) -> tuple[str, Any]:
    """The action of step i: ("quantity", value) or ("credibility", grade)."""
    rounds = i // CLAIMS
    if rounds % 2 == 0:
        return "quantity", QUANTITY_BASE + i + 1
    return "credibility", (rounds // 2) % 6 + 1  # differs from the claim's previous grade


def claim_ids(store: Store) -> list[str]:
    return sorted(claim.id for claim in store.query_claims())[:CLAIMS]


def main() -> None:
    url, progress_path, first = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open_store(url) as store, open(progress_path, "a", encoding="ascii") as progress:
        ids = claim_ids(store)
        i = first
        while True:
            claim_id, (kind, value) = ids[i % CLAIMS], step(i)
            if kind == "quantity":
                edit_claim(store, claim_id, USER, {"quantity": value}, note=f"step {i}")
            else:
                set_credibility(store, claim_id, value, USER, note=f"step {i}")
            progress.write(f"{i}\n")
            progress.flush()
            os.fsync(progress.fileno())
            i += 1


if __name__ == "__main__":
    main()
