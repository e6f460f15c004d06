#include <chronicle/calendar.h>
#include <chronicle/timeline.h>

#include <cstdio>
#include <set>
#include <sstream>

namespace chronicle {
namespace {

// Double-quoted YAML scalar (JSON-compatible escapes).
std::string dq(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02X", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

// Plain when safe, double-quoted otherwise.
std::string scalar(std::string_view s) {
  static const std::set<std::string, std::less<>> reserved{
      "null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "False", "FALSE",
      "yes",  "Yes",  "YES",  "no", "No",  "NO",   "on",   "On",   "ON",    "off", "Off", "OFF", "y", "n", "Y", "N"};
  if (s.empty() || reserved.count(s)) return dq(s);
  const unsigned char f = static_cast<unsigned char>(s.front());
  if (!(std::isalpha(f) || f >= 0x80)) return dq(s);
  if (s.back() == ' ' || s.back() == ':') return dq(s);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '"' || c == '\'' || c == '#' || c == '{' || c == '}' || c == '[' ||
        c == ']' || c == ',' || c == '&' || c == '*' || c == '!' || c == '|' || c == '>' ||
        c == '%' || c == '@' || c == '`' || c == '\\')
      return dq(s);
    if (c == ':' ) return dq(s);
  }
  return std::string(s);
}

// TIMEX3 values are written plain: 2025-02-18, 2025-W08, P3D, PAST_REF
std::string value_scalar(std::string_view v) {
  for (char c : v)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || std::isupper(static_cast<unsigned char>(c)) ||
          c == '-' || c == '_' || c == ':' || c == '.'))
      return scalar(v);
  if (v.find(':') != std::string_view::npos) return dq(v);
  return std::string(v);
}

std::string day(const std::optional<date::sys_days>& d) {
  return d ? cal::iso_day(*d) : "null";
}

std::string flow_list(const std::vector<std::string>& v) {
  std::string out = "[";
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + scalar(v[i]);
  return out + "]";
}

std::string when_flow(const When& w) {
  return "{text: " + (w.text.empty() ? std::string("null") : scalar(w.text)) +
         ", value: " + (w.value.empty() ? std::string("null") : value_scalar(w.value)) +
         ", earliest: " + day(w.earliest) + ", latest: " + day(w.latest) +
         ", granularity: " + granularity_name(w.granularity) +
         ", approx: " + (w.approx ? "true" : "false") + "}";
}

std::string value_list(const std::vector<std::string>& v, bool when) {
  std::string out = "[";
  for (std::size_t i = 0; i < v.size(); ++i)
    out += (i ? ", " : "") + (when ? value_scalar(v[i]) : scalar(v[i]));
  return out + "]";
}

}  // namespace

void write_yaml(std::ostream& o, const Timeline& tl) {
  o << "chronicle: 1\n";
  o << "sources:";
  if (tl.sources.empty()) o << " []";
  o << "\n";
  for (const auto& s : tl.sources) {
    o << "  - id: " << scalar(s.id) << "\n";
    o << "    published: " << cal::iso_day(s.published) << "\n";
    o << "    title: " << (s.title.empty() ? "null" : scalar(s.title)) << "\n";
  }
  o << "events:";
  if (tl.events.empty()) o << " []";
  o << "\n";
  for (const auto& e : tl.events) {
    o << "  - id: " << e.id << "\n";
    o << "    type: " << scalar(e.type) << "\n";
    o << "    status: " << status_name(e.status) << "\n";
    o << "    when: " << when_flow(e.when) << "\n";
    o << "    summary: " << scalar(e.summary) << "\n";
    o << "    participants: " << flow_list(e.participants) << "\n";
    o << "    location: " << (e.location.empty() ? "null" : scalar(e.location)) << "\n";
    o << "    country: " << (e.country.empty() ? "null" : scalar(e.country)) << "\n";
    o << "    plugin: " << scalar(e.plugin) << "\n";
    // cross-article merge: only for events that more than one source reports
    if (e.reports() > 1) o << "    reports: " << e.reports() << "\n";
    if (!e.conflicts.empty()) {
      o << "    conflicts:\n";
      for (const auto& c : e.conflicts) {
        o << "      - {field: " << scalar(c.field)
          << ", values: " << value_list(c.values, c.field == "when") << ", sources: [";
        for (std::size_t i = 0; i < c.sources.size(); ++i)
          o << (i ? ", " : "") << flow_list(c.sources[i]);
        o << "]}\n";
      }
    }
    o << "    evidence:\n";
    for (const auto& ev : e.evidence) {
      o << "      - {source: " << scalar(ev.source) << ", sentence: " << dq(ev.sentence)
        << ", start: " << ev.start << ", end: " << ev.end << "}\n";
    }
    if (!e.versions.empty()) {
      o << "    versions:\n";
      for (const auto& v : e.versions) {
        o << "      - {source: " << scalar(v.evidence.empty() ? std::string() : v.evidence.front().source)
          << ", type: " << scalar(v.type) << ", status: " << status_name(v.status)
          << ", when: " << when_flow(v.when) << ", summary: " << scalar(v.summary)
          << ", participants: " << flow_list(v.participants)
          << ", location: " << (v.location.empty() ? "null" : scalar(v.location))
          << ", country: " << (v.country.empty() ? "null" : scalar(v.country))
          << ", plugin: " << scalar(v.plugin) << "}\n";
      }
    }
  }
  if (!tl.errors.empty()) {
    o << "errors:\n";
    for (const auto& e : tl.errors)
      o << "  - {where: " << dq(e.where) << ", message: " << dq(e.message) << "}\n";
  }
}

std::string to_yaml(const Timeline& tl) {
  std::ostringstream o;
  write_yaml(o, tl);
  return o.str();
}

}  // namespace chronicle
