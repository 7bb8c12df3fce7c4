"""Calendar feeds as iCalendar (RFC 5545): written by `ics`, served over HTTP by `http`."""
