"""The emergency answer: numbers first, one instruction, in the person's language."""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.base import WegweiserAction
from actions.constants import NUMBERS
from actions.language import LanguageDecision
from actions.render import isolate_ltr
from bot.crisis import detect_crisis
from locales import t

#: Lines of each crisis kind: (locale key, number, second number).
CRISIS_LINES: dict[str, list[tuple[str, str, str | None]]] = {
    "suicide": [("crisis.suicide", "ambulance", None),
                ("crisis.suicide_helpline", "crisis_line_1", "crisis_line_2")],
    "violence": [("crisis.violence", "police", None),
                 ("crisis.violence_helpline", "violence_helpline", None),
                 ("crisis.medical", "ambulance", None)],
    "fire": [("crisis.fire", "ambulance", None)],
    "medical": [("crisis.medical", "ambulance", None),
                ("crisis.medical_nonurgent", "on_call_doctor", None)],
}
#: When the model says emergency but no pattern names the kind, show every number.
ALL_KINDS = ("medical", "violence", "suicide")


def crisis_text(kind: str | None, lang: str) -> str:
    """Return the emergency answer for ``kind`` (None: every number) in ``lang``."""
    kinds = (kind,) if kind in CRISIS_LINES else ALL_KINDS
    lines = [t(lang, "crisis.header")]
    seen: set[str] = set()
    for k in kinds:
        for key, number, second in CRISIS_LINES[k]:
            if key in seen:
                continue
            seen.add(key)
            params = {"number": isolate_ltr(NUMBERS[number], lang)}
            if second:
                params["number2"] = isolate_ltr(NUMBERS[second], lang)
            lines.append(t(lang, key, **params))
    lines.append(t(lang, f"crisis.instruction_{kinds[0]}"))
    lines.append(t(lang, "crisis.after"))
    return "\n".join(lines)


class ActionEmergency(WegweiserAction):
    """Answer an emergency at once with the right numbers."""

    asks_language_when_unsure = False

    def name(self) -> str:
        return "action_emergency"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str,
               decision: LanguageDecision) -> list[EventType]:
        message = tracker.latest_message or {}
        crisis = message.get("crisis") or {}
        kind = crisis.get("kind")
        if kind is None:
            match = detect_crisis(message.get("text") or "")
            kind = match.kind if match else None
        if decision.ask and crisis.get("language"):
            lang = crisis["language"]
        dispatcher.utter_message(text=crisis_text(kind, lang),
                                 json_message={"type": "emergency", "kind": kind or "unknown",
                                               "numbers": NUMBERS})
        return []
