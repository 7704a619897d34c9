"""Start Rasa and the action server on free ports (tests, benchmarks) and talk over REST."""
from __future__ import annotations

import os
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from directory.settings import PROJECT_ROOT
from scripts.supervise import service_env, services


def free_port() -> int:
    """Return a free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, timeout: float, process: subprocess.Popen, log: Path) -> None:
    """Wait until ``url`` answers 200, or fail with the process log."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: process exited\n{log.read_text()[-4000:]}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not come up in {timeout} s\n{log.read_text()[-4000:]}")


@dataclass
class Assistant:
    """A running Rasa + action server pair."""

    rasa_url: str
    processes: list[subprocess.Popen] = field(default_factory=list)

    def send(self, sender: str, text: str, metadata: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Send one message over the REST channel; return the bot's messages."""
        body: dict[str, Any] = {"sender": sender, "message": text}
        if metadata:
            body["metadata"] = metadata
        response = requests.post(f"{self.rasa_url}/webhooks/rest/webhook", json=body, timeout=60)
        response.raise_for_status()
        return response.json()

    def stop(self) -> None:
        """Stop both servers."""
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def start_assistant(model: Path, db_url: str, log_dir: Path) -> Assistant:
    """Start the action server and Rasa on free ports with ``model`` and ``db_url``."""
    rasa_port, action_port = free_port(), free_port()
    env = service_env({**os.environ, "DATABASE_URL": db_url, "RASA_PORT": str(rasa_port),
                       "ACTION_PORT": str(action_port), "RASA_TELEMETRY_ENABLED": "false"})
    assistant = Assistant(rasa_url=f"http://127.0.0.1:{rasa_port}")
    by_name = {s.name: s for s in services(env, model)}
    checks = {"actions": f"http://127.0.0.1:{action_port}/health",
              "rasa": f"{assistant.rasa_url}/status"}
    started = []
    for name in ("actions", "rasa"):
        log = log_dir / f"{name}.log"
        process = subprocess.Popen(by_name[name].argv, cwd=PROJECT_ROOT, env=env,
                                   stdout=log.open("w"), stderr=subprocess.STDOUT)
        assistant.processes.append(process)
        started.append((name, process, log))
    try:
        for name, process, log in started:
            wait_for(checks[name], 180, process, log)
    except Exception:
        assistant.stop()
        raise
    return assistant


def new_sender() -> str:
    """Return a fresh conversation id."""
    return f"test-{uuid.uuid4().hex[:12]}"
