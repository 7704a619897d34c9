"""The supervisor: restarts what dies, and SIGTERM stops every process."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from directory.settings import PROJECT_ROOT
from scripts.model import fingerprint
from scripts.supervise import service_env, services

SCRIPT = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from scripts.supervise import Service, Supervisor
    pids = open({pidfile!r}, "a")
    items = [Service("long", [sys.executable, "-c", "import time; time.sleep(600)"]),
             Service("crashy", [sys.executable, "-c", "import sys; sys.exit(3)"])]
    sup = Supervisor(items, {{}})
    orig = sup.start
    def start(service):
        orig(service)
        pids.write(f"{{service.name}} {{service.process.pid}}\\n"); pids.flush()
    sup.start = start
    sys.exit(sup.run())
""")


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_sigterm_stops_all_and_crashes_are_restarted(tmp_path: Path) -> None:
    pidfile = tmp_path / "pids.txt"
    script = tmp_path / "sup.py"
    script.write_text(SCRIPT.format(root=str(PROJECT_ROOT), pidfile=str(pidfile)))
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        names = [line.split()[0] for line in pidfile.read_text().splitlines()] \
            if pidfile.exists() else []
        if names.count("crashy") >= 2:
            break
        time.sleep(0.2)
    assert names.count("crashy") >= 2, "a crashed service was not restarted"
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=20)
    assert proc.returncode == 0
    assert "all services stopped" in out
    long_pids = [int(line.split()[1]) for line in pidfile.read_text().splitlines()
                 if line.startswith("long")]
    time.sleep(0.3)
    assert long_pids and not any(alive(pid) for pid in long_pids)


def test_services_use_the_configured_ports() -> None:
    env = service_env({"RASA_PORT": "6005", "ACTION_PORT": "6055", "WEB_PORT": "6080"})
    items = {s.name: s for s in services(env, Path("models/x.tar.gz"))}
    assert "6055" in items["actions"].argv and "6005" in items["rasa"].argv
    assert env["ACTION_ENDPOINT_URL"] == "http://127.0.0.1:6055/webhook"
    assert "telegram" not in items
    assert "telegram" in {s.name for s in services({**env, "TELEGRAM_BOT_TOKEN": "x"},
                                                   Path("m"))}


def test_model_fingerprint_is_stable() -> None:
    assert fingerprint() == fingerprint()
    assert len(fingerprint()) == 16
