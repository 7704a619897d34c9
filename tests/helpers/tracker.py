"""Build rasa-sdk trackers for action tests, and run actions against them."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

DEFAULT_SLOTS: dict[str, Any] = {"language": None, "language_locked": False, "search": None,
                                 "results": None, "result_offset": 0.0,
                                 "session_started_metadata": None}


def make_tracker(text: str, intent: str, *, entities: list[dict[str, Any]] | None = None,
                 slots: dict[str, Any] | None = None, metadata: dict[str, Any] | None = None,
                 extra: dict[str, Any] | None = None) -> Tracker:
    """Return a tracker whose latest user message is ``text`` classified as ``intent``."""
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.99},
              "entities": entities or [], "metadata": metadata or {}, **(extra or {})}
    return Tracker("test-user", {**DEFAULT_SLOTS, **(slots or {})}, latest, [], False, None, {},
                   "action_listen")


def run_action(action: Action, tracker: Tracker) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Run ``action``; return (messages sent, slots set)."""
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker, {})
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    return dispatcher.messages, slots


def texts(messages: list[dict[str, Any]]) -> str:
    """Join the text of all messages."""
    return "\n".join(m.get("text") or "" for m in messages)


def follow(tracker: Tracker, slots: dict[str, Any], text: str, intent: str,
           entities: list[dict[str, Any]] | None = None) -> Tracker:
    """Return the next turn's tracker, carrying the slots set by the previous action."""
    merged = {**tracker.slots, **slots}
    return make_tracker(text, intent, entities=entities, slots=merged)
