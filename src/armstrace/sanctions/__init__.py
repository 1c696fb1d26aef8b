"""Sanctions instruments (UN, EU, US) as data, and the flags they raise on claims.

    from armstrace.sanctions import flag_claim, load_instruments
    for flag in flag_claim(claim, document):
        print(flag.instrument, flag.timing, flag.reason)

Instruments live in src/armstrace/data/sanctions/*.yml (see SOURCES.md there).
"""

from armstrace.sanctions.flags import SanctionFlag, flag_claim
from armstrace.sanctions.instruments import Instrument, Period, Scope, load_instruments

__all__ = ["Instrument", "Period", "SanctionFlag", "Scope", "flag_claim", "load_instruments"]
