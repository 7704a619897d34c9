"""Rasa custom actions of Wegweiser: they query the directory and render from locales."""
