// Timelines written for other tools and for people: JSON, iCalendar, TimelineJS3,
// Markdown. YAML (to_yaml in timeline.h) stays the primary format; every other format
// is written from the same Timeline, so they all agree with it.
#pragma once

#include <chronicle/timeline.h>

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace chronicle {

// The YAML structure as JSON: the same fields in the same order (`reports`, `conflicts`,
// `versions` and `errors` only when the YAML has them), unknown values as null.
// Pretty-printed, two spaces, one trailing newline. Schema: docs/timeline.schema.json.
std::string to_json(const Timeline& timeline);
// The same bytes written to `out` one source and one event at a time, without the whole
// document as a JSON value in memory.
void write_json(std::ostream& out, const Timeline& timeline);

// RFC 5545 calendar: one all-day VEVENT per event with at least one known bound.
//  - both bounds: DTSTART;VALUE=DATE = earliest, DTEND;VALUE=DATE = the day after latest;
//  - one bound only (a planned event "from the publication day on"): DTSTART = that
//    bound and no DTEND (a one-day entry), marked X-CHRONICLE-APPROX:TRUE;
//  - no bound at all: no VEVENT (a calendar entry needs a day); the calendar carries
//    one X-CHRONICLE-UNDATED:<id> <summary> line for each such event instead.
// Every event has X-CHRONICLE-ID (the timeline id) and X-CHRONICLE-WINDOW
// (earliest/latest, ".." for an unknown bound); uncertain windows (approx, an open
// bound, or granularity other than day/time) add X-CHRONICLE-APPROX and
// X-CHRONICLE-GRANULARITY. STATUS: occurred/ongoing CONFIRMED, cancelled CANCELLED,
// anything else TENTATIVE. DTSTAMP is the latest publication day of the event's sources
// (never the clock), so the same timeline gives the same bytes.
std::string to_ics(const Timeline& timeline);

// TimelineJS3 JSON: {"title": ..., "events": [...]}; start_date/end_date hold only the
// parts the granularity knows; display_date for approximate and open windows.
// Events with no known bound are left out (TimelineJS needs a start_date).
std::string to_timelinejs(const Timeline& timeline);

// A Markdown chronology: one table row per event (date, event, who, where, status,
// source), pipes and line breaks escaped.
std::string to_markdown(const Timeline& timeline);

// One self-contained HTML page (no scripts, fonts or links out) with an inline SVG
// timeline: a month (or year) axis, one lane per event type, a point for a day and a bar
// for a window, colour by status, faded and dashed when approximate or open, labels in
// rows so that none overlap, the evidence in each mark's <title> (shown on hover).
// Every mark carries class "mark" and data-event="<id>"; undated events are listed
// under the picture, one <li class="mark undated"> each. Wide spans scroll sideways.
// The axis is cut where more than three months pass without an event, and a month is
// drawn wider when many events start in it (14 px each), so a thousand events stay
// readable; radio buttons (CSS only) zoom the picture to fit, 50%, 100% or 200%.
std::string to_html(const Timeline& timeline);

// The formats that write a whole timeline (`jsonl` is written per document by the CLI).
const std::vector<std::string>& timeline_formats();

// Writes `timeline` in `format` (one of timeline_formats()); throws std::invalid_argument
// for any other name.
std::string render_timeline(const Timeline& timeline, std::string_view format);
// The same bytes written to `out`; YAML goes there as it is made, without a copy of the
// whole text in memory.
void write_timeline(std::ostream& out, const Timeline& timeline, std::string_view format);

namespace detail {

// HTML text and attribute escaping of & < > ", and of ' too when `apostrophe` (the HTML
// page escapes it; TimelineJS's HTML text keeps it as written).
std::string html_escape(std::string_view text, bool apostrophe = false);

// RFC 5545 TEXT value escaping: backslash, semicolon, comma, newline (CR dropped, other
// control characters become spaces).
std::string ics_escape(std::string_view text);

// RFC 5545 §3.1 folding of one content line (no CRLF in `line`): at most 75 octets per
// physical line, continuation lines start with one space, a UTF-8 sequence is never
// split. Returns the folded line ending in CRLF.
std::string ics_fold(std::string_view line);

// Stable UID: FNV-1a 64 of the event's sorted source ids, its first evidence's source and
// offset, and its type, as 16 hex digits + "@chronicle".
std::string ics_uid(const Event& event);

// Human words for a date window: "18 February 2025", "18–20 February 2025",
// "February 2025", "later in February 2025", "about 10–16 February 2025",
// "on or after 17 February 2025", "by 16 February 2025", "date unknown".
std::string describe_when(const When& when);

}  // namespace detail
}  // namespace chronicle
