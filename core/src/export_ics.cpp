// RFC 5545 iCalendar: one all-day VEVENT per dated event (contract in export.h).
#include <chronicle/calendar.h>
#include <chronicle/export.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace chronicle {
namespace detail {

std::string ics_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (const char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default:
        // TEXT allows no control characters but HTAB
        out += (c < 0x20 && c != '\t') || c == 0x7F ? ' ' : ch;
    }
  }
  return out;
}

std::string ics_fold(std::string_view line) {
  std::string out;
  out.reserve(line.size() + line.size() / 70 * 3 + 2);
  std::size_t pos = 0;
  std::size_t room = 75;  // octets on the first physical line
  while (line.size() - pos > room) {
    std::size_t cut = pos + room;
    // never split a UTF-8 sequence: back up to the start of the one at `cut`
    while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (cut == pos) cut = pos + room;  // not UTF-8 at all: split anyway, stay finite
    out.append(line.substr(pos, cut - pos));
    out += "\r\n ";
    pos = cut;
    room = 74;  // the leading space counts
  }
  out.append(line.substr(pos));
  out += "\r\n";
  return out;
}

std::string ics_uid(const Event& e) {
  std::set<std::string> sources;
  for (const auto& ev : e.evidence) sources.insert(ev.source);
  std::string key;
  for (const auto& s : sources) key += s + '\x1f';
  key += '\x1e';
  if (!e.evidence.empty())
    key += e.evidence.front().source + '\x1f' + std::to_string(e.evidence.front().start);
  key += '\x1e' + e.type;
  const std::uint64_t h = sdk::fnv1a(key);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string(buf) + "@chronicle";
}

}  // namespace detail

namespace {

std::string ics_date(date::sys_days d) {
  std::string s = cal::iso_day(d);
  s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
  return s;
}

const char* ics_status(sdk::Status s) {
  switch (s) {
    case sdk::Status::occurred:
    case sdk::Status::ongoing: return "CONFIRMED";
    case sdk::Status::cancelled: return "CANCELLED";
    default: return "TENTATIVE";
  }
}

bool uncertain(const When& w) {
  return w.approx || !w.earliest || !w.latest ||
         (w.granularity != Granularity::day && w.granularity != Granularity::time);
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

}  // namespace

std::string to_ics(const Timeline& tl) {
  using detail::ics_escape;
  using detail::ics_fold;
  std::map<std::string, date::sys_days> published;
  for (const auto& s : tl.sources) published[s.id] = s.published;

  std::string out;
  auto prop = [&](const std::string& line) { out += ics_fold(line); };
  prop("BEGIN:VCALENDAR");
  prop("VERSION:2.0");
  prop("PRODID:-//Chronicle//Chronicle event timeline//EN");
  prop("CALSCALE:GREGORIAN");
  prop("METHOD:PUBLISH");
  {
    std::vector<std::string> titles;
    for (const auto& s : tl.sources) titles.push_back(s.title.empty() ? s.id : s.title);
    prop("X-WR-CALNAME:" + ics_escape(titles.size() == 1 ? "Chronicle: " + titles.front()
                                                          : "Chronicle timeline"));
  }
  for (const auto& e : tl.events)
    if (!e.when.earliest && !e.when.latest)
      prop("X-CHRONICLE-UNDATED:" + ics_escape(e.id + " " + e.summary));
  for (const auto& e : tl.events) {
    const When& w = e.when;
    if (!w.earliest && !w.latest) continue;
    prop("BEGIN:VEVENT");
    prop("UID:" + detail::ics_uid(e));
    // DTSTAMP: the newest publication day among the event's sources (never the clock)
    std::optional<date::sys_days> stamp;
    for (const auto& ev : e.evidence)
      if (auto it = published.find(ev.source); it != published.end())
        if (!stamp || it->second > *stamp) stamp = it->second;
    if (!stamp && !tl.sources.empty()) stamp = tl.sources.front().published;
    prop("DTSTAMP:" + ics_date(stamp ? *stamp : (w.earliest ? *w.earliest : *w.latest)) +
         "T000000Z");
    if (w.earliest && w.latest) {
      const date::sys_days last = std::max(*w.earliest, *w.latest);
      prop("DTSTART;VALUE=DATE:" + ics_date(*w.earliest));
      prop("DTEND;VALUE=DATE:" + ics_date(last + date::days{1}));
    } else {
      prop("DTSTART;VALUE=DATE:" + ics_date(w.earliest ? *w.earliest : *w.latest));
    }
    prop("SUMMARY:" + ics_escape(e.summary.empty() ? e.type : e.summary));
    std::string where = e.location;
    if (!e.country.empty() && e.country != e.location)
      where += (where.empty() ? "" : ", ") + e.country;
    if (!where.empty()) prop("LOCATION:" + ics_escape(where));
    std::string desc = "Status: " + std::string(status_name(e.status)) + "\n";
    desc += "When: " + detail::describe_when(w);
    if (!w.text.empty()) desc += " (\"" + w.text + "\")";
    desc += "\n";
    if (!e.participants.empty()) desc += "Participants: " + join(e.participants, ", ") + "\n";
    if (e.reports() > 1) desc += "Reports: " + std::to_string(e.reports()) + "\n";
    for (const auto& c : e.conflicts)
      desc += "Conflict on " + c.field + ": " + join(c.values, " / ") + "\n";
    desc += "Evidence:";
    for (const auto& ev : e.evidence)
      desc += "\n- " + ev.source + " [" + std::to_string(ev.start) + "-" +
              std::to_string(ev.end) + "]: " + ev.sentence;
    prop("DESCRIPTION:" + ics_escape(desc));
    prop("CATEGORIES:" + ics_escape(e.type));
    prop(std::string("STATUS:") + ics_status(e.status));
    prop("TRANSP:TRANSPARENT");
    prop("X-CHRONICLE-ID:" + ics_escape(e.id));
    prop("X-CHRONICLE-STATUS:" + std::string(status_name(e.status)));
    prop("X-CHRONICLE-WINDOW:" + (w.earliest ? cal::iso_day(*w.earliest) : std::string("..")) +
         "/" + (w.latest ? cal::iso_day(*w.latest) : std::string("..")));
    if (uncertain(w)) {
      prop(std::string("X-CHRONICLE-APPROX:") + (w.approx || !w.earliest || !w.latest ? "TRUE" : "FALSE"));
      prop(std::string("X-CHRONICLE-GRANULARITY:") + granularity_name(w.granularity));
    }
    prop("END:VEVENT");
  }
  prop("END:VCALENDAR");
  return out;
}

}  // namespace chronicle
