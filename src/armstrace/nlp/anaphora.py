"""Resolve the few anaphors arms reporting leans on: "the group", "both governments".

Only phrases whose referent is unambiguous from what was read so far are resolved; everything
else stays unresolved rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from armstrace.nlp.lexicon import compile_phrases, load_lexicon
from armstrace.nlp.mentions import ActorMention
from armstrace.nlp.phrases import PhraseMatcher

_GROUP = re.compile(
    r"\bthe\s+(?:(?:[a-z]\w*|\w+-[\w\-]+)\s+){0,2}?(?:group|militia|movement|militants|rebels|organi[sz]ation|faction)\b(?!['\u2019]s\s+leader)",
    re.I,
)
_COUNTRY = re.compile(
    r"\bthe\s+country(?=['\u2019]s\b|\s+(?:army|military|government|forces|air\s+force|navy)\b)",
    re.I,
)
_ARMY = re.compile(
    r"(?<!['\u2019]s\s)\bthe\s+(?:army|military|junta|regime|armed\s+forces|military\s+government|generals|"
    r"air\s+force|navy)\b(?!\s+of\b)",
)
_NAME_BEFORE = re.compile(
    r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s)[A-Z][a-z]{2}\s$"
)
_SOURCE_BEFORE = re.compile(r"(?i)\bfrom\s+$")
_BOTH = re.compile(
    r"\b(?:both\s+(?:governments|countries|states|capitals)|the\s+two\s+(?:governments|countries|states))\b",
    re.I,
)


@cache
def _state_epithets() -> tuple[PhraseMatcher, dict[str, tuple[str, ...]]]:
    """ "the Gulf state", "the oil-rich kingdom": a description of one state named before.

    The phrases are found by one scan of the document (Aho-Corasick); "the" is checked after."""
    table = {phrase.lower(): states for phrase, states in load_lexicon().state_epithets}
    return compile_phrases(list(table)), table


_THE_BEFORE = re.compile(r"\bthe\s+(?:[a-z][\w\-]*\s+)?$", re.I)
_PLURAL_AFTER = re.compile(r"(?:s|es)\b")


@dataclass
class AnaphoraState:
    """The last armed group and the last two states named, in reading order."""

    last_group: str | None = None
    states: list[str] = field(default_factory=list)
    home: str | None = None  # the state the document is mostly about: "the army", "the junta"
    named_states: list[str] = field(default_factory=list)  # every state named, latest last

    def observe(self, mentions: list[ActorMention]) -> None:
        for mention in mentions:
            if not mention.is_party or mention.form == "demonym":
                continue
            if mention.actor_id.isupper():
                if mention.actor_id in self.named_states:
                    self.named_states.remove(mention.actor_id)
                self.named_states.append(mention.actor_id)
                if mention.actor_id in self.states:
                    self.states.remove(mention.actor_id)
                self.states.append(mention.actor_id)
                del self.states[:-2]
            else:
                self.last_group = mention.actor_id

    def resolve(
        self,
        text: str,
        start: int,
        end: int,
        before: list[ActorMention] | None = None,
        sentence: list[ActorMention] | None = None,
    ) -> list[ActorMention]:
        """Anaphors in [start, end); `before` are this sentence's mentions, read first."""
        if before:
            saved = (self.last_group, list(self.states))
            self.observe(before)
            resolved = self.resolve(text, start, end, sentence=before)
            self.last_group, self.states = saved
            return resolved
        sentence = sentence or []
        found: list[ActorMention] = []
        for m in _GROUP.finditer(text, start, end):
            if self.last_group:
                found.append(ActorMention(m.start(), m.end(), m.group(0), self.last_group, "name"))
        for m in _COUNTRY.finditer(text, start, end):  # "to the country's army"
            if self.states:
                found.append(ActorMention(m.start(), m.end(), m.group(0), self.states[-1], "name"))
        for m in _ARMY.finditer(text, start, end):
            if _NAME_BEFORE.search(text, max(0, m.start() - 4), m.start()):
                continue  # a short capitalised word right before: part of a name, unless a month
            local = [
                a.actor_id
                for a in sentence
                if a.end <= m.start()
                and a.actor_id.isupper()
                and a.is_party
                and not _SOURCE_BEFORE.search(text, max(0, a.start - 6), a.start)
            ]  # "From Russia the air force received": the giver is not the army's state
            target = (
                local[-1] if local else self.home
            )  # "deployed in Mali to back the military government"
            if target:
                found.append(ActorMention(m.start(), m.end(), m.group(0), target, "name"))
        phrases, table = _state_epithets()
        for hit in phrases.finditer(text, start, end):
            the = _THE_BEFORE.search(text, max(start, hit.start() - 40), hit.start())
            if the is None or _PLURAL_AFTER.match(text, hit.end()):
                continue  # "a Gulf state", "the Gulf states": no one state
            candidates = table.get(" ".join(hit.group(0).lower().split()), ())
            state = next((s for s in reversed(self.named_states) if s in candidates), None)
            if state is not None:
                found.append(
                    ActorMention(
                        the.start(), hit.end(), text[the.start() : hit.end()], state, "name"
                    )
                )
        for m in _BOTH.finditer(text, start, end):
            if len(self.states) == 2:
                for state in self.states:
                    found.append(ActorMention(m.start(), m.end(), m.group(0), state, "name"))
        return found
