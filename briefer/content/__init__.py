"""The report as data: the model, safe YAML reading and validation. No Qt, no ReportLab."""
