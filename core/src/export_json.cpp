// The timeline as JSON (the YAML structure, field for field), the format table, and the
// date words the human-facing formats share.
#include <chronicle/calendar.h>
#include <chronicle/export.h>
#include <chronicle/json_string.h>

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <sstream>
#include <stdexcept>

namespace chronicle {
namespace {

using Json = nlohmann::ordered_json;

// The timeline is written straight into a buffer, byte for byte as nlohmann::json's
// dump(2) writes the same document (two spaces per level, no ASCII escaping, invalid UTF-8
// replaced), without building a json tree first.

// The length of the well-formed UTF-8 sequence at s[i] (i < s.size(), s[i] >= 0x80), or 0
// when it is malformed (overlong, a surrogate, beyond U+10FFFF, cut short).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = at(i);
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size() || at(i + 1) < lo || at(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (at(i + k) < 0x80 || at(i + k) > 0xBF) return 0;
  return n;
}

// Whether one of the eight bytes of `w` is not ASCII or needs escaping in JSON (below
// 0x20, a quote, a backslash): each test sets the high bit of a byte it finds (or of one
// above a byte it finds, which then sets its own).
bool escape_or_not_ascii(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  auto zero_byte = [](std::uint64_t x) { return (x - kOnes) & ~x; };
  return ((w | ((w - 0x20 * kOnes) & ~w) | zero_byte(w ^ ('"' * kOnes)) |
           zero_byte(w ^ ('\\' * kOnes))) &
          kHigh) != 0;
}

// The ASCII bytes written as they are: all but control characters, the quote and the
// backslash.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();

std::uint64_t word_at(std::string_view s, std::size_t i) {
  std::uint64_t w;
  std::memcpy(&w, s.data() + i, sizeof w);
  return w;
}

// The end of the run of bytes from s[i] on that are written as they are: eight bytes at a
// time to the first word that may hold another (the last word of `s` ending at its end,
// over bytes already checked), then byte by byte.
inline std::size_t plain_run_end(std::string_view s, std::size_t i) {
  const std::size_t n = s.size();
  if (i + 8 <= n) {
    for (; i + 8 <= n; i += 8)
      if (escape_or_not_ascii(word_at(s, i))) break;
    if (i + 8 > n && (i == n || !escape_or_not_ascii(word_at(s, n - 8)))) return n;
  }
  while (i < n && kPlain[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

// write_json_string for `s` whose first `plain` bytes are written as they are.
char* write_json_string_from(char* out, std::string_view s, std::size_t plain) {
  static constexpr char kHex[] = "0123456789abcdef";
  char* const start = out;
  *out++ = '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = plain; i < s.size(); i = plain_run_end(s, i)) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const std::size_t n = utf8_length(s, i);
      if (n == 0) {  // malformed: nlohmann::json's replacement of bad bytes is the reference
        const std::string dumped = Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
        std::memcpy(start, dumped.data(), dumped.size());
        return start + dumped.size();
      }
      i += n;
      continue;
    }
    std::memcpy(out, s.data() + run, i - run);
    out += i - run;
    *out++ = '\\';
    switch (c) {
      case '"':
        *out++ = '"';
        break;
      case '\\':
        *out++ = '\\';
        break;
      case '\b':
        *out++ = 'b';
        break;
      case '\t':
        *out++ = 't';
        break;
      case '\n':
        *out++ = 'n';
        break;
      case '\f':
        *out++ = 'f';
        break;
      case '\r':
        *out++ = 'r';
        break;
      default:
        *out++ = 'u';
        *out++ = '0';
        *out++ = '0';
        *out++ = kHex[c >> 4];
        *out++ = kHex[c & 0xF];
    }
    run = ++i;
  }
  std::memcpy(out, s.data() + run, s.size() - run);
  out += s.size() - run;
  *out++ = '"';
  return out;
}

}  // namespace

char* write_json_string(char* out, std::string_view s) {
  const std::size_t plain = plain_run_end(s, 0);
  if (plain != s.size()) return write_json_string_from(out, s, plain);
  *out++ = '"';  // nothing to escape or check: most strings
  if (!s.empty()) std::memcpy(out, s.data(), s.size());  // (an empty view's data may be null)
  out += s.size();
  *out++ = '"';
  return out;
}

void append_json_string(std::string& out, std::string_view s) {
  const std::size_t plain = plain_run_end(s, 0);
  if (plain == s.size()) {  // nothing to escape or check: most strings
    out += '"';
    out.append(s);
    out += '"';
    return;
  }
  const std::size_t at = out.size();
  out.resize(at + json_string_room(s));
  char* const end = write_json_string_from(out.data() + at, s, plain);
  out.resize(static_cast<std::size_t>(end - out.data()));
}

namespace {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  // `s` as a JSON string
  void str(std::string_view s) { append_json_string(out_, s); }
  void str_or_null(const std::string& s) {
    if (s.empty())
      out_ += "null";
    else
      str(s);
  }
  void day(const std::optional<date::sys_days>& d) {
    if (d)
      str(day_text(*d));
    else
      out_ += "null";
  }
  // cal::iso_day(d), the last day's text kept (the sources come in date order)
  std::string_view day_text(date::sys_days d) {
    if (!last_day_ || *last_day_ != d) {
      last_day_text_ = cal::iso_day(d);
      last_day_ = d;
    }
    return last_day_text_;
  }
  void number(std::size_t n) { out_ += std::to_string(n); }
  void boolean(bool b) { out_ += b ? "true" : "false"; }

  // Objects and arrays: open, then key() or item() before each member, then close.
  void open_object() { open('{'); }
  void close_object() { close('}'); }
  void open_array() { open('['); }
  void close_array() { close(']'); }
  // `"k": ` on a new member's line, appended at once
  void key(std::string_view k) { field(k, {}, false); }
  // key(k), then str(v)
  void field(std::string_view k, std::string_view v) { field(k, v, true); }
  // key(k), then str_or_null(v)
  void field_or_null(std::string_view k, std::string_view v) {
    if (v.empty()) {
      key(k);
      out_ += "null";
    } else {
      field(k, v);
    }
  }
  void item() { next(); }
  // After item(): the object {"id": id, "published": published, "title": title or null}
  // as open_object(), field(), field(), field_or_null() and close_object() write it, made
  // in one buffer when no value needs escaping (most sources): false, and nothing
  // written, otherwise.
  bool source_object(std::string_view id, std::string_view published, std::string_view title) {
    const std::size_t indent = 2 * first_.size() + 2;  // the members'
    if (indent > 32 || id.size() + published.size() + title.size() > 256 ||
        plain_run_end(id, 0) != id.size() || plain_run_end(published, 0) != published.size() ||
        plain_run_end(title, 0) != title.size())
      return false;
    char line[512];
    char* p = line;
    *p++ = '{';
    auto member = [&](std::string_view key, std::string_view v, bool comma, bool null_if_empty) {
      if (comma) *p++ = ',';
      *p++ = '\n';
      std::memset(p, ' ', indent);
      p += indent;
      std::memcpy(p, key.data(), key.size());
      p += key.size();
      if (v.empty() && null_if_empty) {
        std::memcpy(p, "null", 4);
        p += 4;
        return;
      }
      *p++ = '"';
      if (!v.empty()) std::memcpy(p, v.data(), v.size());
      p += v.size();
      *p++ = '"';
    };
    member("\"id\": ", id, false, false);
    member("\"published\": ", published, true, false);
    member("\"title\": ", title, true, true);
    *p++ = '\n';
    std::memset(p, ' ', indent - 2);
    p += indent - 2;
    *p++ = '}';
    out_.append(line, static_cast<std::size_t>(p - line));
    return true;
  }
  void string_list(const std::vector<std::string>& v) {
    if (v.empty()) {
      out_ += "[]";
      return;
    }
    open_array();
    for (const auto& s : v) {
      item();
      str(s);
    }
    close_array();
  }

 private:
  void indent(std::size_t depth) { out_.append(2 * depth, ' '); }
  void open(char c) {
    out_ += c;
    first_.push_back(true);
  }
  void next() {
    char line[64];
    if (2 * first_.size() + 2 <= sizeof line) {  // (appended at once)
      out_.append(line, static_cast<std::size_t>(start_member(line) - line));
      return;
    }
    out_ += first_.back() ? "\n" : ",\n";
    first_.back() = false;
    indent(first_.size());
  }
  // key(k), then str(v) when `with_value`: a short line whose value needs no escaping is
  // appended at once
  void field(std::string_view k, std::string_view v, bool with_value) {
    char line[160];
    const bool plain = with_value && plain_run_end(v, 0) == v.size();
    const std::size_t room = 2 * first_.size() + k.size() + 6 + (plain ? v.size() + 2 : 0);
    if (room > sizeof line) {  // a deep or long key, or a long value
      next();
      out_ += '"';
      out_.append(k);
      out_ += "\": ";
      if (plain) {  // (checked: not looked at again)
        out_ += '"';
        out_.append(v);
        out_ += '"';
      } else if (with_value) {
        str(v);
      }
      return;
    }
    char* p = start_member(line);
    *p++ = '"';
    std::memcpy(p, k.data(), k.size());
    p += k.size();
    std::memcpy(p, "\": ", 3);
    p += 3;
    if (plain) {
      *p++ = '"';
      if (!v.empty()) std::memcpy(p, v.data(), v.size());
      p += v.size();
      *p++ = '"';
    }
    out_.append(line, static_cast<std::size_t>(p - line));
    if (with_value && !plain) str(v);
  }
  // next()'s bytes written at `p` (room for 2 + 2 * depth), returning their end
  char* start_member(char* p) {
    if (!first_.back()) *p++ = ',';
    first_.back() = false;
    *p++ = '\n';
    const std::size_t n = 2 * first_.size();
    spaces(p, n);
    return p + n;
  }
  // n spaces at p, in a buffer with room for max(n, 16) bytes there: most indents are a
  // copy of a fixed 16 bytes (the bytes after the n are written over or not used)
  static void spaces(char* p, std::size_t n) {
    static constexpr char kSpaces[] = "                ";
    if (n <= 16)
      std::memcpy(p, kSpaces, 16);
    else
      std::memset(p, ' ', n);
  }
  // an object or array with no member is written "{}" or "[]"
  void close(char c) {
    const bool empty = first_.back();
    first_.pop_back();
    char line[64];
    if (empty) {
      out_ += c;
    } else if (2 * first_.size() + 2 <= sizeof line) {  // (appended at once)
      line[0] = '\n';
      spaces(line + 1, 2 * first_.size());
      line[2 * first_.size() + 1] = c;
      out_.append(line, 2 * first_.size() + 2);
    } else {
      out_ += '\n';
      indent(first_.size());
      out_ += c;
    }
  }
  std::string& out_;
  std::vector<unsigned char> first_;  // per open object or array: no member written yet
  std::optional<date::sys_days> last_day_;
  std::string last_day_text_;
};

void put_when(JsonWriter& w, const When& x) {
  w.open_object();
  w.field_or_null("text", x.text);
  w.field_or_null("value", x.value);
  w.key("earliest");
  w.day(x.earliest);
  w.key("latest");
  w.day(x.latest);
  w.field("granularity", granularity_name(x.granularity));
  w.key("approx");
  w.boolean(x.approx);
  w.close_object();
}

// What one report says of an event, in the YAML's field order: the fields an entry and
// each of its `versions` share.
void put_reading(JsonWriter& w, const Event& e) {
  w.field("type", e.type);
  w.field("status", status_name(e.status));
  w.key("when");
  put_when(w, e.when);
  w.field("summary", e.summary);
  w.key("participants");
  w.string_list(e.participants);
  w.field_or_null("location", e.location);
  w.field_or_null("country", e.country);
  w.field("plugin", e.plugin);
}

void put_source(JsonWriter& w, const Source& s) {
  const std::string_view published = w.day_text(s.published);
  if (w.source_object(s.id, published, s.title)) return;
  w.open_object();
  w.field("id", s.id);
  w.field("published", published);
  w.field_or_null("title", s.title);
  w.close_object();
}

void put_event(JsonWriter& w, const Event& e) {
  w.open_object();
  w.field("id", e.id);
  put_reading(w, e);
  if (e.reports() > 1) {
    w.key("reports");
    w.number(e.reports());
  }
  if (!e.conflicts.empty()) {
    w.key("conflicts");
    w.open_array();
    for (const auto& c : e.conflicts) {
      w.item();
      w.open_object();
      w.field("field", c.field);
      w.key("values");
      w.string_list(c.values);
      w.key("sources");
      w.open_array();
      for (const auto& s : c.sources) {
        w.item();
        w.string_list(s);
      }
      w.close_array();
      w.close_object();
    }
    w.close_array();
  }
  w.key("evidence");
  w.open_array();
  for (const auto& v : e.evidence) {
    w.item();
    w.open_object();
    w.field("source", v.source);
    w.field("sentence", v.sentence);
    w.key("start");
    w.number(v.start);
    w.key("end");
    w.number(v.end);
    w.close_object();
  }
  w.close_array();
  if (!e.versions.empty()) {
    w.key("versions");
    w.open_array();
    for (const auto& v : e.versions) {
      w.item();
      w.open_object();
      w.field("source", v.evidence.empty() ? std::string_view() : v.evidence.front().source);
      put_reading(w, v);
      w.close_object();
    }
    w.close_array();
  }
  w.close_object();
}

void put_error(JsonWriter& w, const ErrorEntry& e) {
  w.open_object();
  w.field("where", e.where);
  w.field("message", e.message);
  w.close_object();
}

// One top-level list, `"key": [...]`, its elements written one at a time and flushed to
// `out` in blocks (a corpus-sized timeline is not held twice).
template <typename T, typename F>
void put_list(std::ostream& out, std::string& buf, JsonWriter& w, std::string_view key,
              const std::vector<T>& items, F&& put) {
  w.key(key);
  if (items.empty()) {
    buf += "[]";
    return;
  }
  w.open_array();
  for (const auto& x : items) {
    w.item();
    put(w, x);
    if (buf.size() > (1u << 16)) {
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      buf.clear();
    }
  }
  w.close_array();
}

}  // namespace

void write_json(std::ostream& out, const Timeline& tl) {
  std::string buf;
  JsonWriter w(buf);
  w.open_object();
  w.key("chronicle");
  w.number(1);
  put_list(out, buf, w, "sources", tl.sources, put_source);
  put_list(out, buf, w, "events", tl.events, put_event);
  if (!tl.errors.empty()) put_list(out, buf, w, "errors", tl.errors, put_error);
  w.close_object();
  buf += '\n';
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

std::string to_json(const Timeline& tl) {
  std::ostringstream out;
  write_json(out, tl);
  return out.str();
}

const std::vector<std::string>& timeline_formats() {
  static const std::vector<std::string> formats{"yaml", "json", "ics", "timelinejs", "md", "html"};
  return formats;
}

std::string render_timeline(const Timeline& tl, std::string_view format) {
  if (format == "yaml") return to_yaml(tl);
  if (format == "json") return to_json(tl);
  if (format == "ics") return to_ics(tl);
  if (format == "timelinejs") return to_timelinejs(tl);
  if (format == "md") return to_markdown(tl);
  if (format == "html") return to_html(tl);
  throw std::invalid_argument("unknown timeline format \"" + std::string(format) + "\"");
}

void write_timeline(std::ostream& out, const Timeline& tl, std::string_view format) {
  if (format == "yaml")
    write_yaml(out, tl);
  else if (format == "json")
    write_json(out, tl);
  else
    out << render_timeline(tl, format);
}

namespace detail {
namespace {

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

std::string month_name(const date::year_month_day& d) {
  return kMonths[static_cast<unsigned>(d.month()) - 1];
}
std::string year_str(const date::year_month_day& d) {
  return std::to_string(static_cast<int>(d.year()));
}
std::string day_str(const date::year_month_day& d) {
  return std::to_string(static_cast<unsigned>(d.day()));
}
std::string long_day(date::sys_days d) {
  const date::year_month_day y{d};
  return day_str(y) + " " + month_name(y) + " " + year_str(y);
}

}  // namespace

std::string describe_when(const When& w) {
  if (!w.earliest && !w.latest) return "date unknown";
  if (!w.latest) return "on or after " + long_day(*w.earliest);
  if (!w.earliest) return "by " + long_day(*w.latest);
  const date::sys_days e = *w.earliest, l = *w.latest;
  const std::string about = w.approx ? "about " : "";
  if (l < e) return about + long_day(e);  // not expected; never lie about the order
  if (e == l) return about + long_day(e);
  const date::year_month_day E{e}, L{l};
  if (e == cal::year_start(e) && l == cal::year_end(e)) return (w.approx ? "around " : "") + year_str(E);
  if (E.year() == L.year() && E.month() == L.month()) {
    const std::string my = month_name(E) + " " + year_str(E);
    if (e == cal::month_start(e) && l == cal::month_end(e)) return (w.approx ? "around " : "") + my;
    if (w.approx && l == cal::month_end(e)) return "later in " + my;
    if (w.approx && e == cal::month_start(e)) return "earlier in " + my;
    return about + day_str(E) + "\u2013" + day_str(L) + " " + my;
  }
  if (E.year() == L.year()) {
    if (e == cal::month_start(e) && l == cal::month_end(l))
      return about + month_name(E) + "\u2013" + month_name(L) + " " + year_str(E);
    return about + day_str(E) + " " + month_name(E) + " \u2013 " + long_day(l);
  }
  return about + long_day(e) + " \u2013 " + long_day(l);
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

}  // namespace detail
}  // namespace chronicle
