"""A private CUPS scheduler for a test session (and bench_print.py): real printing, never to a real printer.

`cupsd -f` runs in the background of the calling process group with its own configuration,
spool and logs in a temporary folder, listening on a free localhost port; CUPS_SERVER points
the client tools (lp, lpstat, cancel, lpoptions) at it. Each PDF queue uses the Generic PDF
Printer driver from Debian's cups-filters, whose device is a file: CUPS runs its usual PDF
filter (pdftopdf: page ranges, copies, blank pages between duplex copies) and writes what a
PDF-capable office printer would receive (a PJL header with the job's duplex, paper and colour
settings, then the PDF) into that file. The scheduler keeps every job's spooled document and
attributes, so a test can compare what was sent with the brief byte for byte.

Why not Debian's cups-pdf: its backend must run as root, reads its settings from /etc/cups only
and writes into the submitting user's home, so a private scheduler cannot point it at a
temporary folder without changing the machine's own configuration.
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PPD_CANDIDATES = (
    "/usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd",
    "/usr/share/cups/model/Generic-PDF_Printer-PDF.ppd",
)
TOOLS = ("cupsd", "lpadmin", "lp", "lpstat", "cancel", "cupsenable", "cupsdisable", "cupsaccept", "cupsreject")
TOOLS += ("ipptool",)
START_SECONDS = 15
JOB_SECONDS = 60


class CupsUnavailable(Exception):
    """The private scheduler cannot run here; the message says why (for pytest.skip)."""


def _which(tool: str) -> str | None:
    return shutil.which(tool) or next(
        (str(p) for d in ("/usr/sbin", "/usr/bin", "/sbin") if (p := Path(d) / tool).exists()), None
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_as() -> tuple[str, str]:
    """cupsd refuses to run filters as root: as root, use Debian's lp user; else ourselves."""
    if os.getuid() == 0:
        for user in ("lp", "nobody"):
            with contextlib.suppress(KeyError):
                entry = pwd.getpwnam(user)
                return user, grp.getgrgid(entry.pw_gid).gr_name
    return pwd.getpwuid(os.getuid()).pw_name, grp.getgrgid(os.getgid()).gr_name


@dataclass
class PrivateCups:
    root: Path
    port: int
    process: subprocess.Popen[bytes]
    tools: dict[str, str]
    ppd: str
    _queues: int = 0

    @property
    def server(self) -> str:
        return f"localhost:{self.port}"

    def env(self) -> dict[str, str]:
        return {**os.environ, "CUPS_SERVER": self.server, "LC_ALL": "C", "LANG": "C"}

    def run(self, tool: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([self.tools[tool], *args], capture_output=True, text=True, env=self.env(), timeout=30)
        if check and done.returncode != 0:
            raise RuntimeError(f"{tool} {' '.join(args)} failed: {done.stderr.strip()}\n{self.log_tail()}")
        return done

    def add_pdf_queue(self, name: str | None = None) -> PdfQueue:
        """A new PDF printer whose output is an empty file in the private folder."""
        self._queues += 1
        name = name or f"briefer-pdf-{self._queues}"
        output = self.root / "out" / f"{name}.out"
        output.touch()  # CUPS opens a file device without creating it
        output.chmod(0o666)
        self.run("lpadmin", "-p", name, "-E", "-v", f"file:{output}", "-P", self.ppd, "-o", "PageSize=A4")
        return PdfQueue(self, name, output)

    def set_default(self, name: str) -> None:
        self.run("lpadmin", "-d", name)

    def log_tail(self, lines: int = 25) -> str:
        log = self.root / "log" / "error_log"
        if not log.exists():
            return ""
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.root, ignore_errors=True)


@dataclass
class PdfQueue:
    """One PDF printer of the private scheduler, and what it printed."""

    cups: PrivateCups
    name: str
    output: Path

    def queued_jobs(self) -> list[str]:
        out = self.cups.run("lpstat", "-o", self.name, check=False).stdout
        return [line.split()[0] for line in out.splitlines() if line.strip() and not line.startswith(("\t", " "))]

    def wait_until_done(self, job_id: str, timeout: float = JOB_SECONDS) -> dict[str, str]:
        """Wait for the job to leave the queue; its attributes once it has (it must have completed)."""
        deadline = time.monotonic() + timeout
        while job_id in self.queued_jobs():
            if time.monotonic() > deadline:
                raise AssertionError(f"job {job_id} still queued after {timeout} s\n{self.cups.log_tail()}")
            time.sleep(0.1)
        return self.job_attributes(job_id)

    def job_attributes(self, job_id: str) -> dict[str, str]:
        """Every attribute the scheduler keeps for the job (ipptool Get-Job-Attributes), as text."""
        test = self.cups.root / "get-job.test"
        number = job_id.rsplit("-", 1)[1]
        uri = f"ipp://localhost:{self.cups.port}/printers/{self.name}"
        done = self.cups.run("ipptool", "-tv", "-d", f"job={number}", uri, str(test))
        attributes: dict[str, str] = {}
        received = False
        for line in done.stdout.splitlines():
            received = received or "RECEIVED:" in line
            name, sep, value = line.strip().partition(" = ")
            if received and sep and " (" in name:
                attributes[name.split(" (")[0]] = value
        return attributes

    def spooled_document(self, job_id: str) -> bytes:
        """The document exactly as the job handed it to CUPS (kept by PreserveJobFiles)."""
        number = int(job_id.rsplit("-", 1)[1])
        return (self.cups.root / "spool" / f"d{number:05d}-001").read_bytes()

    def printed(self) -> bytes:
        """All that reached the printer's device for the last job: PJL header, PDF, PJL trailer."""
        return self.output.read_bytes()

    def printed_pdf(self) -> bytes:
        data = self.printed()
        start, end = data.find(b"%PDF-"), data.rfind(b"%%EOF")
        assert start >= 0 and end > start, f"no PDF reached {self.name}: {data[:200]!r}"
        return data[start : end + len(b"%%EOF")]

    def pjl(self) -> str:
        """The PJL job header the driver put before the PDF: its DUPLEX, PAPER, RENDERMODE settings."""
        data = self.printed()
        return data[: max(0, data.find(b"%PDF-"))].decode("latin-1")

    def clear(self) -> None:
        self.output.write_bytes(b"")

    def disable(self, reason: str) -> None:
        """Stop the printer as an administrator (or a paper jam) would: jobs wait in its queue."""
        self.cups.run("cupsdisable", "-r", reason, self.name)

    def refuse(self, reason: str) -> None:
        self.cups.run("cupsreject", "-r", reason, self.name)

    def hold_jobs(self) -> None:
        """Hold every new job in the queue until released, as a secure-release office printer does."""
        self.cups.run("lpadmin", "-p", self.name, "-o", "job-hold-until-default=indefinite")

    def allow_only(self, user: str) -> None:
        """Refuse jobs from everyone but `user`, as an office printer kept for one team does."""
        self.cups.run("lpadmin", "-p", self.name, "-u", f"allow:{user}")

    def remove(self) -> None:
        self.cups.run("lpadmin", "-x", self.name)

    def resume(self) -> None:
        self.cups.run("cupsenable", self.name)
        self.cups.run("cupsaccept", self.name)


GET_JOB_TEST = """{
  OPERATION Get-Job-Attributes
  GROUP operation-attributes-tag
  ATTR charset attributes-charset utf-8
  ATTR naturalLanguage attributes-natural-language en
  ATTR uri printer-uri $uri
  ATTR integer job-id $job
  ATTR name requesting-user-name $user
  ATTR keyword requested-attributes all
  STATUS successful-ok
}
"""


def _write_config(root: Path, port: int) -> None:
    user, group = _run_as()
    (root / "cups-files.conf").write_text(
        "\n".join(
            [
                f"ServerRoot {root / 'etc'}",
                f"RequestRoot {root / 'spool'}",
                f"TempDir {root / 'spool' / 'tmp'}",
                f"CacheDir {root / 'cache'}",
                f"StateDir {root / 'state'}",
                f"ErrorLog {root / 'log' / 'error_log'}",
                f"AccessLog {root / 'log' / 'access_log'}",
                f"PageLog {root / 'log' / 'page_log'}",
                f"Printcap {root / 'printcap'}",
                "DataDir /usr/share/cups",
                "ServerBin /usr/lib/cups",
                "FileDevice Yes",
                f"User {user}",
                f"Group {group}",
                f"SystemGroup {'root' if group != 'root' else 'sys'}",  # must differ from Group; no Require uses it
                "",
            ]
        )
    )
    # No authentication: only this test run knows the port, and lpadmin must work unprivileged.
    (root / "etc" / "cupsd.conf").write_text(
        f"""Listen 127.0.0.1:{port}
LogLevel info
Browsing No
WebInterface No
PreserveJobFiles Yes
PreserveJobHistory Yes
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""
    )
    (root / "get-job.test").write_text(GET_JOB_TEST.replace("$user", pwd.getpwuid(os.getuid()).pw_name))


def start_cups() -> PrivateCups:
    """Start the private scheduler; CupsUnavailable (with the reason) when it cannot run here."""
    tools = {tool: _which(tool) for tool in TOOLS}
    missing = [tool for tool, path in tools.items() if path is None]
    if missing:
        raise CupsUnavailable(
            f"CUPS is not installed ({', '.join(missing)} missing); ./run test installs Debian's cups and cups-client"
        )
    ppd = next((p for p in PPD_CANDIDATES if Path(p).exists()), None)
    if ppd is None:
        raise CupsUnavailable("the Generic PDF Printer driver is missing (Debian package cups-filters)")
    # under /tmp, readable by all: as root, the filters run as the lp user and must reach the spool
    root = Path(tempfile.mkdtemp(prefix="briefer-cups-"))
    root.chmod(0o755)
    for folder in ("etc/ppd", "spool/tmp", "cache", "state", "log", "out"):
        (root / folder).mkdir(parents=True)
    (root / "out").chmod(0o777)
    port = _free_port()
    _write_config(root, port)
    command = [str(tools["cupsd"]), "-f", "-c", str(root / "etc" / "cupsd.conf"), "-s", str(root / "cups-files.conf")]
    with (root / "log" / "cupsd.out").open("wb") as log:  # the child keeps its own copy of the handle
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    cups = PrivateCups(root, port, process, {k: str(v) for k, v in tools.items()}, ppd)
    _wait_until_up(cups)
    return cups


def _wait_until_up(cups: PrivateCups) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if cups.process.poll() is not None:
            reason = (cups.root / "log" / "cupsd.out").read_text(errors="replace") + cups.log_tail()
            cups.stop()
            raise CupsUnavailable(f"cupsd stopped at once (exit {cups.process.returncode}): {reason.strip()}")
        if "scheduler is running" in cups.run("lpstat", "-r", check=False).stdout:
            return
        time.sleep(0.1)
    reason = cups.log_tail()
    cups.stop()
    raise CupsUnavailable(f"cupsd did not answer within {START_SECONDS} s: {reason}")
