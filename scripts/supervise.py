"""Start and supervise Wegweiser's processes in the foreground (``make run``).

Rasa (REST + Socket.IO, HTTP API) on ``RASA_PORT`` (5005), the action server on
``ACTION_PORT`` (5055), the web app on ``WEB_PORT`` (8000) and, when
``TELEGRAM_BOT_TOKEN`` is set, the Telegram bridge. A process that dies is restarted
with growing back-off; Ctrl-C or SIGTERM stops them all cleanly.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Service:
    """One supervised process."""

    name: str
    argv: list[str]
    process: subprocess.Popen | None = None
    restarts: int = 0
    started_at: float = 0.0
    env: dict[str, str] = field(default_factory=dict)


def service_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """Return the environment shared by all services (ports, action endpoint)."""
    env = dict(os.environ if base is None else base)
    env.setdefault("RASA_PORT", "5005")
    env.setdefault("ACTION_PORT", "5055")
    env.setdefault("WEB_PORT", "8000")
    env.setdefault("ACTION_ENDPOINT_URL", f"http://127.0.0.1:{env['ACTION_PORT']}/webhook")
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def services(env: dict[str, str], model: Path) -> list[Service]:
    """Return the services to run with ``env`` and the trained ``model``."""
    py = sys.executable
    found = [
        Service("actions", [py, "-m", "rasa_sdk", "--actions", "actions", "--port",
                            env["ACTION_PORT"]]),
        Service("rasa", [py, "-m", "rasa", "run", "--enable-api", "--cors", "*",
                         "--port", env["RASA_PORT"], "--model", str(model),
                         "--credentials", "credentials.yml", "--endpoints", "endpoints.yml"]),
        Service("web", [py, "-m", "directory.webapp"]),
    ]
    if env.get("TELEGRAM_BOT_TOKEN"):
        found.append(Service("telegram", [py, "-m", "bot.telegram"]))
    return found


class Supervisor:
    """Keep services running until told to stop."""

    def __init__(self, items: list[Service], env: dict[str, str]) -> None:
        self.items = items
        self.env = env
        self.stopping = False

    def start(self, service: Service) -> None:
        """Start one service."""
        service.process = subprocess.Popen(service.argv, cwd=ROOT, env=self.env)
        service.started_at = time.monotonic()
        print(f"[supervise] started {service.name} (pid {service.process.pid})", flush=True)

    def stop(self, *_: object) -> None:
        """Stop every service: SIGTERM, then SIGKILL after 10 s."""
        self.stopping = True
        for service in self.items:
            if service.process and service.process.poll() is None:
                service.process.terminate()
        deadline = time.monotonic() + 10
        for service in self.items:
            if service.process:
                try:
                    service.process.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    service.process.kill()
        print("[supervise] all services stopped", flush=True)

    def run(self) -> int:
        """Start everything and restart what dies, until SIGINT/SIGTERM."""
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        for service in self.items:
            self.start(service)
        while not self.stopping:
            time.sleep(0.5)
            for service in self.items:
                if self.stopping or service.process is None or service.process.poll() is None:
                    continue
                if time.monotonic() - service.started_at > 60:
                    service.restarts = 0
                service.restarts += 1
                delay = min(30, 2 ** service.restarts)
                print(f"[supervise] {service.name} exited with {service.process.returncode}; "
                      f"restarting in {delay} s", flush=True)
                time.sleep(delay)
                if not self.stopping:
                    self.start(service)
        return 0


def main() -> int:
    """Entry point: ``python -m scripts.supervise``."""
    from scripts.model import model_path

    model = model_path()
    if not model.exists():
        print("no trained model for the current inputs: run `make train`", file=sys.stderr)
        return 1
    env = service_env()
    print(f"[supervise] Rasa on :{env['RASA_PORT']}, actions on :{env['ACTION_PORT']}, "
          f"web on :{env['WEB_PORT']}", flush=True)
    return Supervisor(services(env, model), env).run()


if __name__ == "__main__":
    sys.exit(main())
