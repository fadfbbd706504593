"""CUPS through its own command-line tools: the printers and their state, send a PDF with `lp`,
a job's state, cancel it.

The tools (lp, lpstat, cancel, lpoptions) are on every Linux and macOS machine that prints, talk
to whichever scheduler CUPS_SERVER or the client.conf names, and keep this module free of a
compiled binding. They run with LC_ALL=C so their output reads the same everywhere.
Imports the print errors only; no Qt.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from enum import StrEnum

from briefer.printing.errors import (
    JobRefusedError,
    PrinterNotReadyError,
    PrintError,
    PrintingUnavailableError,
    UnknownPrinterError,
)

QUERY_SECONDS = 20  # lpstat, cancel, lpoptions: the scheduler answers in milliseconds when it is up
SEND_SECONDS = 300  # lp copies the whole document to the spool before it returns

_PRINTER = re.compile(r"^printer (\S+) (?:is idle|now printing (\S+?)\.|disabled)")
_DISABLED = re.compile(r"^printer \S+ disabled")
_ACCEPTING = re.compile(r"^(\S+) (not )?accepting requests")
_DEFAULT = re.compile(r"^system default destination: (\S+)")
_DEVICE = re.compile(r"^device for (\S+): (.*)$")
_JOB = re.compile(r"^(\S+-\d+)\s+\S+\s+\d+\s")
_REQUEST_ID = re.compile(r"request id is (\S+)")
# a driver's own black-and-white setting, for drivers where CUPS does not map print-color-mode
_COLOR_OPTIONS = ("ColorModel", "ColorMode", "PrintoutMode", "ProcessColorModel")
_GRAY_CHOICES = ("gray", "grayscale", "grey", "greyscale", "mono", "monochrome", "blackwhite", "black", "kgray")


def cups_available() -> bool:
    """True where the CUPS client tools are installed (Linux, macOS); False on Windows."""
    return all(shutil.which(tool) for tool in ("lp", "lpstat", "cancel"))


def server_name() -> str:
    """The scheduler the tools talk to, for messages."""
    server = os.environ.get("CUPS_SERVER")
    return f"CUPS at {server}" if server else "CUPS"


@dataclass(frozen=True, slots=True)
class Printer:
    name: str
    enabled: bool = True  # False: stopped ("disabled" in CUPS words): jobs wait in its queue
    accepting: bool = True  # False: new jobs are refused
    printing: str = ""  # the job it prints now, if any
    reason: str = ""  # why it is stopped or refusing, in the administrator's or driver's words
    device: str = ""

    @property
    def ready(self) -> bool:
        return self.enabled and self.accepting

    def state_text(self) -> str:
        """'idle', 'printing pdf-3', 'stopped: paper jam', 'not accepting jobs: maintenance'."""
        why = f": {self.reason}" if self.reason else ""
        if not self.enabled:
            return f"stopped{why}"
        if not self.accepting:
            return f"not accepting jobs{why}"
        return f"printing {self.printing}" if self.printing else "idle"


@dataclass(frozen=True, slots=True)
class Printers:
    printers: tuple[Printer, ...] = ()
    default: str | None = None

    def find(self, name: str) -> Printer | None:
        return next((p for p in self.printers if p.name == name), None)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.printers)


class JobState(StrEnum):
    QUEUED = "queued"  # waiting in the printer's queue (also while the printer is stopped)
    PRINTING = "printing"  # being sent to the printer now
    DONE = "done"  # left the queue: handed to the printer, or cancelled


@dataclass(frozen=True, slots=True)
class JobStatus:
    state: JobState
    printer: Printer  # the printer's state at the same moment: a stopped printer holds the job


def _run(args: list[str], data: bytes | None = None, timeout: float = QUERY_SECONDS) -> tuple[int, str, str]:
    if shutil.which(args[0]) is None:
        raise PrintingUnavailableError(
            f"cannot print: the CUPS tool {args[0]!r} is not installed (Debian and Ubuntu: apt-get install cups-client)"
        )
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    try:
        done = subprocess.run(args, input=data, capture_output=True, timeout=timeout, env=env, check=False)
    except subprocess.TimeoutExpired as exc:
        raise PrintingUnavailableError(f"{server_name()} did not answer within {timeout:.0f} s ({args[0]})") from exc
    except OSError as exc:
        raise PrintingUnavailableError(f"cannot run {args[0]}: {exc.strerror or exc}") from exc
    out = done.stdout.decode("utf-8", "replace")
    err = done.stderr.decode("utf-8", "replace").strip()
    return done.returncode, out, err


def _message(err: str, tool: str) -> str:
    """'lpstat: Scheduler is not running.' -> 'Scheduler is not running'."""
    lines = [line.removeprefix(f"{tool}:").strip() for line in err.splitlines() if line.strip()]
    text = "; ".join(dict.fromkeys(lines)) or "no reason given"  # lpstat repeats itself per option
    return text.removeprefix("Error -").strip().rstrip(".")


def _unreachable(err: str) -> bool:
    lowered = err.lower()
    return "scheduler is not running" in lowered or "unable to connect" in lowered or "connection refused" in lowered


def parse_lpstat(text: str) -> Printers:
    """The printers in `lpstat -p -a -d -v` output (any subset of those options)."""
    found: dict[str, dict[str, object]] = {}
    default: str | None = None
    reason_for: tuple[str, str] | None = None  # (printer, "enabled"|"accepting") a reason line belongs to
    for line in text.splitlines():
        if line.startswith(("\t", " ")):
            if reason_for and line.strip():
                entry = found.setdefault(reason_for[0], {})
                entry.setdefault("reason", line.strip())
            continue
        reason_for = None
        if match := _PRINTER.match(line):
            entry = found.setdefault(match.group(1), {})
            entry["enabled"] = not _DISABLED.match(line)
            entry["printing"] = match.group(2) or ""
            if not entry["enabled"]:
                reason_for = (match.group(1), "enabled")
        elif match := _ACCEPTING.match(line):
            entry = found.setdefault(match.group(1), {})
            entry["accepting"] = not match.group(2)
            if match.group(2):
                reason_for = (match.group(1), "accepting")
        elif match := _DEFAULT.match(line):
            default = match.group(1)
        elif match := _DEVICE.match(line):
            found.setdefault(match.group(1), {})["device"] = match.group(2).strip()
    printers = tuple(Printer(name, **fields) for name, fields in found.items())  # type: ignore[arg-type]
    return Printers(printers, default if default in found else None)


def list_printers() -> Printers:
    """Every printer the scheduler knows, with its state, and the default (None if unset)."""
    code, out, err = _run(["lpstat", "-p", "-a", "-d", "-v"])
    if code != 0 and "no destinations added" in err.lower():
        return Printers()
    if _unreachable(err):
        raise PrintingUnavailableError(f"cannot list the printers: {server_name()} is not running or cannot be reached")
    if code != 0:
        raise PrintingUnavailableError(f"cannot list the printers: {server_name()} says: {_message(err, 'lpstat')}")
    return parse_lpstat(out)


def job_status(job_id: str, printer: str) -> JobStatus:
    """Where `job_id` is now, and the state of its printer."""
    code, out, err = _run(["lpstat", "-p", printer, "-a", printer, "-o", printer])
    if code != 0:
        if _unreachable(err):
            raise PrintingUnavailableError(f"lost touch with {server_name()} while printing on {printer}")
        raise UnknownPrinterError(f"the printer {printer} is gone: {_message(err, 'lpstat')}")
    state = parse_lpstat(out).find(printer) or Printer(printer)
    queued = {m.group(1) for line in out.splitlines() if (m := _JOB.match(line))}
    if state.printing == job_id:
        return JobStatus(JobState.PRINTING, state)
    return JobStatus(JobState.QUEUED if job_id in queued else JobState.DONE, state)


def submit(pdf: bytes, printer: str, lp_args: list[str]) -> str:
    """Hand `pdf` itself to `printer`'s queue; returns the job id ('office-42')."""
    code, out, err = _run(["lp", "-d", printer, *lp_args, "-"], data=pdf, timeout=SEND_SECONDS)
    match = _REQUEST_ID.search(out)
    if code == 0 and match:
        return match.group(1)
    message = _message(err, "lp")
    lowered = message.lower()
    if "not accepting" in lowered:
        raise PrinterNotReadyError(f"the printer {printer} is not accepting jobs ({message})")
    if "does not exist" in lowered:
        raise UnknownPrinterError(f"there is no printer named {printer!r} ({message})")
    raise JobRefusedError(f"the printer {printer} refused the job: {message}")


def cancel(job_id: str, printer: str) -> bool:
    """Take `job_id` out of the queue; False when it had already left it (printed or cancelled)."""
    code, _, err = _run(["cancel", job_id])
    if code == 0:
        return True
    lowered = err.lower()
    if "already" in lowered or "does not exist" in lowered:
        return False
    raise PrintError(f"cannot cancel job {job_id} on {printer}: {_message(err, 'cancel')}")


def gray_choice(printer: str) -> tuple[str, str] | None:
    """The driver's own black-and-white setting, e.g. ('ColorModel', 'Gray'), if it has one."""
    try:
        code, out, _ = _run(["lpoptions", "-p", printer, "-l"])
    except PrintingUnavailableError:
        return None
    if code != 0:
        return None
    for line in out.splitlines():
        name, _, choices = line.partition(":")
        if name.split("/")[0].strip() not in _COLOR_OPTIONS:
            continue
        for choice in (c.lstrip("*") for c in choices.split()):
            if choice.lower() in _GRAY_CHOICES:
                return name.split("/")[0].strip(), choice
    return None
