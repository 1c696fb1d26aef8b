"""Document signals: what should lower trust in a document, each with evidence and reason.

    from armstrace.signals import detect_signals
    for signal in detect_signals(document):          # a Document, or a DocumentRow + text=
        print(signal.kind, signal.evidence, signal.reason)

Cue lists live in src/armstrace/data/signals/*.yml (see SOURCES.md there).
"""

from armstrace.signals.cues import SignalCues, load_cues
from armstrace.signals.detect import Signal, detect_signals

__all__ = ["Signal", "SignalCues", "detect_signals", "load_cues"]
