"""An iCalendar (RFC 5545) file for one event: escaped text, folded lines, CRLF endings."""
from __future__ import annotations

from datetime import UTC, datetime


def escape(text: str) -> str:
    """TEXT value escaping: backslash, semicolon, comma and newlines."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1  # step back out of a multi-byte character
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines begin with a space
    return "\r\n ".join(parts)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(*, uid: str, title: str, description: str, starts_at: datetime, ends_at: datetime,
             location: str, url: str, stamp: datetime) -> str:
    """The text of a VCALENDAR with one VEVENT (times in UTC; calendars show local time)."""
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//OTE portal//Events//FI", "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH", "BEGIN:VEVENT",
        f"UID:{uid}", f"DTSTAMP:{_utc(stamp)}", f"DTSTART:{_utc(starts_at)}", f"DTEND:{_utc(ends_at)}",
        f"SUMMARY:{escape(title)}",
    ]
    if description:
        lines.append(f"DESCRIPTION:{escape(description)}")
    if location:
        lines.append(f"LOCATION:{escape(location)}")
    lines += [f"URL:{url}", "END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(fold(line) for line in lines) + "\r\n"
