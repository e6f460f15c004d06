#include <chronicle/calendar.h>
#include <chronicle/timeline.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <sstream>
#include <string_view>

namespace chronicle {
namespace {

// The timeline is written into a buffer, flushed to the stream in blocks: no string is made
// per field.

// The bytes a double-quoted scalar writes escaped: control characters, DEL, the quote and
// the backslash.
constexpr std::array<bool, 256> kEscaped = [] {
  std::array<bool, 256> escaped{};
  for (int c = 0; c < 0x20; ++c) escaped[c] = true;
  escaped[0x7F] = escaped['"'] = escaped['\\'] = true;
  return escaped;
}();

// The bytes that make a plain scalar double-quoted: control characters and YAML indicators.
constexpr std::array<bool, 256> kNotPlain = [] {
  std::array<bool, 256> not_plain{};
  for (int c = 0; c < 0x20; ++c) not_plain[c] = true;
  for (unsigned char c : std::string_view("\"'#{}[],&*!|>%@`\\:")) not_plain[c] = true;
  return not_plain;
}();

// Whether one of the eight bytes of `w` is one kEscaped marks (below 0x20, DEL, the quote,
// the backslash): each test sets the high bit of a byte it finds (or of one above a byte it
// finds, which then sets its own); bytes of 0x80 and above set none.
bool escaped_in(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  auto zero_byte = [](std::uint64_t x) { return (x - kOnes) & ~x; };
  return (((w - 0x20 * kOnes) & ~w) | zero_byte(w ^ (0x7F * kOnes)) | zero_byte(w ^ ('"' * kOnes)) |
          zero_byte(w ^ ('\\' * kOnes))) &
         kHigh;
}

// The first byte from s[i] on that a double-quoted scalar escapes, or s.size(): eight bytes
// at a time to the first word that may hold one, then byte by byte.
std::size_t unescaped_end(std::string_view s, std::size_t i) {
  for (std::uint64_t w; i + 8 <= s.size(); i += 8) {
    std::memcpy(&w, s.data() + i, sizeof w);
    if (escaped_in(w)) break;
  }
  while (i < s.size() && !kEscaped[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

// Double-quoted YAML scalar (JSON-compatible escapes).
void put_dq(std::string& out, std::string_view s) {
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = unescaped_end(s, 0); i < s.size(); i = unescaped_end(s, i)) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    out.append(s.data() + run, i - run);
    run = ++i;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02X", c);
        out += buf;
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

// The words YAML 1.1 reads as null or a boolean: always quoted.
bool reserved_word(std::string_view s) {
  static constexpr std::string_view kReserved[] = {
      "null", "Null", "NULL", "~",  "true", "True", "TRUE", "false", "False",
      "FALSE", "yes", "Yes",  "YES", "no",  "No",   "NO",   "on",    "On",
      "ON",   "off",  "Off",  "OFF", "y",   "n",    "Y",    "N"};
  if (s.size() > 5) return false;
  for (std::string_view r : kReserved)
    if (r == s) return true;
  return false;
}

// Plain when safe, double-quoted otherwise.
void put_scalar(std::string& out, std::string_view s) {
  if (s.empty() || reserved_word(s)) return put_dq(out, s);
  const unsigned char f = static_cast<unsigned char>(s.front());
  if (!((f >= 'a' && f <= 'z') || (f >= 'A' && f <= 'Z') || f >= 0x80)) return put_dq(out, s);
  if (s.back() == ' ' || s.back() == ':') return put_dq(out, s);
  for (const char c : s)
    if (kNotPlain[static_cast<unsigned char>(c)]) return put_dq(out, s);
  out += s;
}

void put_scalar_or_null(std::string& out, std::string_view s) {
  if (s.empty())
    out += "null";
  else
    put_scalar(out, s);
}

// TIMEX3 values are written plain: 2025-02-18, 2025-W08, P3D, PAST_REF
void put_value(std::string& out, std::string_view v) {
  for (char c : v)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || std::isupper(static_cast<unsigned char>(c)) ||
          c == '-' || c == '_' || c == ':' || c == '.'))
      return put_scalar(out, v);
  if (v.find(':') != std::string_view::npos) return put_dq(out, v);
  out += v;
}

void put_day(std::string& out, const std::optional<date::sys_days>& d) {
  if (d)
    out += cal::iso_day(*d);
  else
    out += "null";
}

void put_number(std::string& out, std::size_t n) { out += std::to_string(n); }

void put_flow_list(std::string& out, const std::vector<std::string>& v) {
  out += '[';
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += ", ";
    put_scalar(out, v[i]);
  }
  out += ']';
}

void put_when(std::string& out, const When& w) {
  out += "{text: ";
  put_scalar_or_null(out, w.text);
  out += ", value: ";
  if (w.value.empty())
    out += "null";
  else
    put_value(out, w.value);
  out += ", earliest: ";
  put_day(out, w.earliest);
  out += ", latest: ";
  put_day(out, w.latest);
  out += ", granularity: ";
  out += granularity_name(w.granularity);
  out += ", approx: ";
  out += w.approx ? "true" : "false";
  out += '}';
}

void put_value_list(std::string& out, const std::vector<std::string>& v, bool when) {
  out += '[';
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += ", ";
    if (when)
      put_value(out, v[i]);
    else
      put_scalar(out, v[i]);
  }
  out += ']';
}

void put_event(std::string& o, const Event& e) {
  o += "  - id: ";
  o += e.id;
  o += "\n    type: ";
  put_scalar(o, e.type);
  o += "\n    status: ";
  o += status_name(e.status);
  o += "\n    when: ";
  put_when(o, e.when);
  o += "\n    summary: ";
  put_scalar(o, e.summary);
  o += "\n    participants: ";
  put_flow_list(o, e.participants);
  o += "\n    location: ";
  put_scalar_or_null(o, e.location);
  o += "\n    country: ";
  put_scalar_or_null(o, e.country);
  o += "\n    plugin: ";
  put_scalar(o, e.plugin);
  o += '\n';
  // cross-article merge: only for events that more than one source reports
  if (e.reports() > 1) {
    o += "    reports: ";
    put_number(o, e.reports());
    o += '\n';
  }
  if (!e.conflicts.empty()) {
    o += "    conflicts:\n";
    for (const auto& c : e.conflicts) {
      o += "      - {field: ";
      put_scalar(o, c.field);
      o += ", values: ";
      put_value_list(o, c.values, c.field == "when");
      o += ", sources: [";
      for (std::size_t i = 0; i < c.sources.size(); ++i) {
        if (i) o += ", ";
        put_flow_list(o, c.sources[i]);
      }
      o += "]}\n";
    }
  }
  o += "    evidence:\n";
  for (const auto& ev : e.evidence) {
    o += "      - {source: ";
    put_scalar(o, ev.source);
    o += ", sentence: ";
    put_dq(o, ev.sentence);
    o += ", start: ";
    put_number(o, ev.start);
    o += ", end: ";
    put_number(o, ev.end);
    o += "}\n";
  }
  if (!e.versions.empty()) {
    o += "    versions:\n";
    for (const auto& v : e.versions) {
      o += "      - {source: ";
      put_scalar(o, v.evidence.empty() ? std::string_view() : v.evidence.front().source);
      o += ", type: ";
      put_scalar(o, v.type);
      o += ", status: ";
      o += status_name(v.status);
      o += ", when: ";
      put_when(o, v.when);
      o += ", summary: ";
      put_scalar(o, v.summary);
      o += ", participants: ";
      put_flow_list(o, v.participants);
      o += ", location: ";
      put_scalar_or_null(o, v.location);
      o += ", country: ";
      put_scalar_or_null(o, v.country);
      o += ", plugin: ";
      put_scalar(o, v.plugin);
      o += "}\n";
    }
  }
}

// Hands the buffer to the stream once it holds a block.
void flush_block(std::ostream& out, std::string& buf, bool force = false) {
  if (!force && buf.size() < (1u << 16)) return;
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
  buf.clear();
}

}  // namespace

void write_yaml(std::ostream& out, const Timeline& tl) {
  std::string o;
  o += "chronicle: 1\nsources:";
  if (tl.sources.empty()) o += " []";
  o += '\n';
  std::optional<date::sys_days> last_day;  // the sources come in date order
  std::string last_day_text;
  for (const auto& s : tl.sources) {
    o += "  - id: ";
    put_scalar(o, s.id);
    o += "\n    published: ";
    if (!last_day || *last_day != s.published) {
      last_day_text = cal::iso_day(s.published);
      last_day = s.published;
    }
    o += last_day_text;
    o += "\n    title: ";
    put_scalar_or_null(o, s.title);
    o += '\n';
    flush_block(out, o);
  }
  o += "events:";
  if (tl.events.empty()) o += " []";
  o += '\n';
  for (const auto& e : tl.events) {
    put_event(o, e);
    flush_block(out, o);
  }
  if (!tl.errors.empty()) {
    o += "errors:\n";
    for (const auto& e : tl.errors) {
      o += "  - {where: ";
      put_dq(o, e.where);
      o += ", message: ";
      put_dq(o, e.message);
      o += "}\n";
    }
  }
  flush_block(out, o, true);
}

std::string to_yaml(const Timeline& tl) {
  std::ostringstream o;
  write_yaml(o, tl);
  return o.str();
}

}  // namespace chronicle
