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

}  // namespace

std::string to_yaml(const Timeline& tl) {
  std::ostringstream o;
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
    o << "    when: {text: " << (e.when.text.empty() ? "null" : scalar(e.when.text))
      << ", value: " << (e.when.value.empty() ? "null" : value_scalar(e.when.value))
      << ", earliest: " << day(e.when.earliest) << ", latest: " << day(e.when.latest)
      << ", granularity: " << granularity_name(e.when.granularity)
      << ", approx: " << (e.when.approx ? "true" : "false") << "}\n";
    o << "    summary: " << scalar(e.summary) << "\n";
    o << "    participants: " << flow_list(e.participants) << "\n";
    o << "    location: " << (e.location.empty() ? "null" : scalar(e.location)) << "\n";
    o << "    country: " << (e.country.empty() ? "null" : scalar(e.country)) << "\n";
    o << "    plugin: " << scalar(e.plugin) << "\n";
    o << "    evidence:\n";
    for (const auto& ev : e.evidence) {
      o << "      - {source: " << scalar(ev.source) << ", sentence: " << dq(ev.sentence)
        << ", start: " << ev.start << ", end: " << ev.end << "}\n";
    }
  }
  if (!tl.errors.empty()) {
    o << "errors:\n";
    for (const auto& e : tl.errors)
      o << "  - {where: " << dq(e.where) << ", message: " << dq(e.message) << "}\n";
  }
  return o.str();
}

}  // namespace chronicle
