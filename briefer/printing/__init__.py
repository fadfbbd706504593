"""Printing through the system's print service (CUPS on Linux and macOS): the PDF itself goes to
the printer, never a bitmap of it. Qt-free; the command line and the app share it.

    printers = cups.list_printers()                              # Printers, each with its state
    document = send.read_document(pdf_bytes)                     # pages, paper
    job = send.send(document, PrintOptions(printer="office", copies=2, duplex=Duplex.LONG, pages="1-3,5"))
    cups.job_status(job.job_id, job.printer)                     # queued, printing, done
    cups.cancel(job.job_id, job.printer)

Every failure is a PrintError subclass (errors.py) whose message names the printer. Modules:
options (choices, page ranges, lp options; pure), cups (the CUPS tools), send (the whole path).
Nothing is imported here, so the command line's parser can read options.py without loading the rest.
"""
