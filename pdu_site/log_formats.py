"""Log lines as JSON (LOG_FORMAT=json): one object per line, for log collectors to search.

Each line has time (UTC, ISO 8601), level, logger and message, plus any `extra` fields; a line
about a request (Django's own) adds its path and response status, never the request itself.
"""

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter

# Django attaches these to its request log lines; they are summarised, not dumped.
REQUEST_ATTRIBUTES = ["request", "status_code", "server_time"]


class JsonLogFormatter(JsonFormatter):
    def __init__(self):
        super().__init__(
            ["levelname", "name", "message"],
            rename_fields={"levelname": "level", "name": "logger"},
            timestamp="time",
            reserved_attrs=[*RESERVED_ATTRS, *REQUEST_ATTRIBUTES],
        )

    def add_fields(self, log_data, record, message_dict):
        super().add_fields(log_data, record, message_dict)
        path = getattr(getattr(record, "request", None), "path", None)
        if isinstance(path, str):
            log_data["path"] = path
        status = getattr(record, "status_code", None)
        if isinstance(status, int):
            log_data["status"] = status

    def process_log_record(self, log_data):
        # The time first, as in any log line.
        return {"time": log_data.pop("time"), **log_data}
