"""URL ingest against SSRF, with the guard on as in production: no private, loopback,
link-local or metadata address is reached, directly or through redirects; other schemes are
refused; downloads stop at the size and time limits.

The "public" web site lives in a private network namespace (`unshare -rn`) whose loopback
device carries a public address, so nothing here leaves the machine (see ssrf_probe.py).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from armstrace.store import open_store

PROBE = Path(__file__).with_name("ssrf_probe.py")
PUBLIC_IP = "93.184.216.34"
SETUP = f'ip link set lo up && ip addr add {PUBLIC_IP}/32 dev lo && exec "$@"'
LOOPBACK = r"refused: address (127\.0\.0\.1|::1) is private \(loopback\)"
METADATA = re.escape(
    "refused: address 169.254.169.254 is private (link-local, e.g. cloud metadata)"
)


def _namespace_works() -> bool:
    if not (shutil.which("unshare") and shutil.which("ip")):
        return False
    trial = subprocess.run(
        ["unshare", "-rn", "sh", "-c", SETUP, "sh", "true"], capture_output=True, check=False
    )
    return trial.returncode == 0


def _expected(base: str, local: str) -> dict[str, str]:
    """URL → full-match regex of the reason it must fail with."""
    return {
        f"{base}/to-metadata": METADATA,
        f"{base}/hop": METADATA,
        f"{base}/to-loopback": LOOPBACK,
        f"{base}/to-localhost": LOOPBACK,
        f"{base}/to-hex-loopback": LOOPBACK,
        f"{base}/to-ipv6-loopback": LOOPBACK,
        f"{base}/to-private": re.escape("refused: address 10.0.0.1 is private (private network)"),
        # urllib itself refuses redirects to other schemes, before our guard sees them
        f"{base}/to-file": r"HTTP 302 Found - Redirection to url 'file:///etc/passwd' is not allowed",
        f"{base}/to-gopher": r"HTTP 302 Found - Redirection to url 'gopher://.+' is not allowed",
        f"{base}/big": re.escape(
            "response is 2 MB, over the 1 MB limit (ARMSTRACE_MAX_FILE_BYTES)"
        ),
        f"{base}/big-unannounced": re.escape(
            "response is over the 1 MB limit (ARMSTRACE_MAX_FILE_BYTES)"
        ),
        f"http://{local}/admin": LOOPBACK,
        f"http://[::ffff:{local.replace(':', ']:')}/admin": LOOPBACK,
        "http://169.254.169.254/latest/meta-data/": METADATA,
        "http://[fd00:ec2::254]/latest/meta-data/": re.escape(
            "refused: address fd00:ec2::254 is private (private network)"
        ),
        "http://100.100.100.200/latest/meta-data/": re.escape(
            "refused: address 100.100.100.200 is private (not public)"
        ),
        "file:///etc/passwd": re.escape("refused: scheme 'file' is not http or https"),
        f"gopher://{local}/_x": re.escape("refused: scheme 'gopher' is not http or https"),
    }


@pytest.mark.slow
@pytest.mark.skipif(not _namespace_works(), reason="needs unshare -rn and ip (network namespace)")
def test_url_ingest_reaches_no_private_address(
    armstrace_cmd: list[str], cli_env: dict[str, str], tmp_path: Path
) -> None:
    db_url = f"sqlite:///{tmp_path / 'ssrf.db'}"
    limits = {"ARMSTRACE_URL_TIMEOUT": "1", "ARMSTRACE_MAX_FILE_BYTES": str(2**20)}
    command = ["unshare", "-rn", "sh", "-c", SETUP, "sh", sys.executable, str(PROBE)]
    done = subprocess.run(
        [*command, PUBLIC_IP, db_url, *armstrace_cmd],
        capture_output=True,
        text=True,
        env=cli_env | limits,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    assert report["secret_hits"] == 0
    assert report["returncode"] == 1, report["stderr"]
    assert "Traceback" not in report["stderr"]

    expected = _expected(report["base"], report["local"])
    expected[report["urls"][-3]] = re.escape("timed out after 1 s")  # the silent server
    with open_store(db_url) as store:
        failures = {failure.source: failure.reason for failure in store.failures()}
        stored = [row.source for row in store.documents()]
    assert stored == [f"{report['base']}/ok"]  # the site is reachable: refusals are not luck
    assert set(failures) == set(expected)
    for url, reason in failures.items():
        assert re.fullmatch(expected[url], reason), f"{url}: {reason}"
