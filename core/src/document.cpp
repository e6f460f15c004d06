#include <chronicle/calendar.h>
#include <chronicle/document.h>
#include <chronicle/errors.h>
#include <chronicle/text.h>
#include <simdjson.h>
#include <yaml-cpp/yaml.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <istream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

namespace chronicle {
namespace {

std::string date_fix() {
  return "give it as `published: YYYY-MM-DD` in the front matter (or \"published\" in JSONL), "
         "or pass --published YYYY-MM-DD";
}

date::sys_days parse_date_value(std::string_view value, const std::string& where) {
  date::sys_days d;
  if (!cal::parse_iso_day(value, d)) {
    throw DocumentError(where, "publication date \"" + std::string(value) +
                                   "\" is not a calendar date in the form YYYY-MM-DD; " +
                                   date_fix());
  }
  return d;
}

std::string stem_of(const std::string& path) { return std::filesystem::path(path).stem().string(); }

// Whether `s` is ASCII without NUL, the text repair_utf8 leaves as it is: 64 bytes at a
// time (then 8), a byte of 0 or >= 0x80 setting the high bit of its byte in `w | (w - 0x01..01)`
// (with SSE2, a byte >= 0x80 its sign bit, a NUL its comparison with zero).
bool clean_ascii(std::string_view s) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  const char* p = s.data();
  std::size_t n = s.size();
#if defined(__SSE2__)
  for (const __m128i zero = _mm_setzero_si128(); n >= 64; p += 64, n -= 64) {
    const auto* q = reinterpret_cast<const __m128i*>(p);
    const __m128i a = _mm_loadu_si128(q), b = _mm_loadu_si128(q + 1), c = _mm_loadu_si128(q + 2),
                  d = _mm_loadu_si128(q + 3);
    const __m128i nul =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(a, zero), _mm_cmpeq_epi8(b, zero)),
                     _mm_or_si128(_mm_cmpeq_epi8(c, zero), _mm_cmpeq_epi8(d, zero)));
    const __m128i high = _mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d));
    if (_mm_movemask_epi8(_mm_or_si128(high, nul)) != 0) return false;
  }
#endif
  for (; n >= 64; p += 64, n -= 64) {
    std::uint64_t w[8], any = 0;
    std::memcpy(w, p, sizeof w);
    for (const std::uint64_t x : w) any |= x | (x - kOnes);
    if (any & kHigh) return false;
  }
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t x;
    std::memcpy(&x, p, sizeof x);
    if ((x | (x - kOnes)) & kHigh) return false;
  }
  if (n > 0 && s.size() >= 8) {  // the last bytes, as the last 8 of `s`
    std::uint64_t x;
    std::memcpy(&x, s.data() + s.size() - 8, sizeof x);
    return ((x | (x - kOnes)) & kHigh) == 0;
  }
  for (; n > 0; ++p, --n)
    if (static_cast<unsigned char>(*p) - 1u >= 0x7Fu) return false;
  return true;
}

// repair_utf8, after a quicker look for the usual case of nothing to repair.
std::size_t repair(std::string& s) { return clean_ascii(s) ? 0 : repair_utf8(s); }

// `ascii`: the text, title and dateline are known to be ASCII without NUL, and the id
// too or repaired already (document_from).
void finish(Document& d, const ReadOptions& options, bool ascii = false) {
  if (options.published) d.published = options.published;
  // most text is plain ASCII, which needs no repair and keeps byte offsets
  d.ascii = ascii || clean_ascii(d.text);
  const std::size_t bad = d.ascii ? 0 : repair_utf8(d.text);
  if (bad > 0)
    d.warnings.push_back(std::to_string(bad) +
                         " byte(s) that were not UTF-8 (or NUL) were replaced with U+FFFD");
  if (!ascii) {
    repair(d.title);
    repair(d.dateline);
  }
  // a front-matter id (or a file name) is written into every output: valid UTF-8 too
  if (!ascii) repair(d.id);
  repair(d.origin);
  // an empty document is an empty timeline, with or without a date
  if (!d.published && d.text.find_first_not_of(" \t\r\n") != std::string::npos) {
    throw DocumentError(d.origin, "no publication date; " + date_fix());
  }
}

}  // namespace

Document parse_text_document(std::string content, const std::string& origin,
                             const std::string& default_id, const ReadOptions& options) {
  Document d;
  d.origin = origin;
  d.id = default_id;
  // strip a UTF-8 byte order mark
  if (content.rfind("\xEF\xBB\xBF", 0) == 0) content.erase(0, 3);
  std::string_view v = content;
  std::size_t body = 0;
  if (v.rfind("---\n", 0) == 0 || v.rfind("---\r\n", 0) == 0) {
    const std::size_t start = v.find('\n') + 1;
    std::size_t end = v.find("\n---", start - 1);
    while (end != std::string_view::npos) {
      const std::size_t after = end + 4;
      if (after >= v.size() || v[after] == '\n' || v[after] == '\r') break;
      end = v.find("\n---", after);
    }
    if (end == std::string_view::npos) {
      throw DocumentError(origin + ":1:1",
                          "front matter opened with --- is never closed; add a line --- after it");
    }
    std::string fm(v.substr(start, end + 1 - start));
    body = v.find('\n', end + 1);
    body = body == std::string_view::npos ? v.size() : body + 1;
    YAML::Node n;
    try {
      n = YAML::Load(fm);
    } catch (const YAML::Exception& e) {
      throw DocumentError(
          origin + ":" + std::to_string(e.mark.line + 2) + ":" + std::to_string(e.mark.column + 1),
          "front matter is not valid YAML (" + e.msg + ")");
    }
    if (n && !n.IsNull()) {
      if (!n.IsMap())
        throw DocumentError(origin + ":2:1",
                            "front matter must be a map (published:, title:, id:, dateline:)");
      // the line of the key itself: a value that is an alias (*name) is marked where its
      // anchor stands
      auto line_of = [&](const char* key) {
        for (const auto& kv : n)
          if (kv.first.IsScalar() && kv.first.Scalar() == key) return kv.first.Mark().line + 2;
        return 2;
      };
      auto get = [&](const char* key) -> std::string {
        const YAML::Node x = n[key];
        if (!x || x.IsNull()) return {};
        if (!x.IsScalar())
          throw DocumentError(origin + ":" + std::to_string(line_of(key)) + ":1",
                              std::string("front matter `") + key + "` must be a single value");
        return x.Scalar();
      };
      const std::string pub = get("published");
      const std::string dct = get("dct");
      if ((!pub.empty() || !dct.empty()) && !options.published)  // --published overrides
        d.published = parse_date_value(
            pub.empty() ? dct : pub,
            origin + ":" + std::to_string(line_of(pub.empty() ? "dct" : "published")));
      if (auto t = get("title"); !t.empty()) d.title = t;
      if (auto i = get("id"); !i.empty()) d.id = i;
      if (auto l = get("dateline"); !l.empty()) d.dateline = l;
    }
  }
  d.text = content.substr(body);
  finish(d, options);
  return d;
}

namespace {

// The fields of a JSONL line that Chronicle reads; absent and null fields are nullopt. The
// views point into the line or the fast readers' buffers (valid until they read the next
// line).
struct JsonFields {
  std::optional<std::string_view> id, published, dct, title, dateline, text;
  bool ascii = false;  // the line is ASCII without NUL (known so, by the plain reader)
};

std::optional<std::string_view>* field_slot(JsonFields& f, std::string_view key) {
  if (key == "id") return &f.id;
  if (key == "published") return &f.published;
  if (key == "dct") return &f.dct;
  if (key == "title") return &f.title;
  if (key == "dateline") return &f.dateline;
  if (key == "text") return &f.text;
  return nullptr;
}

// A document from its JSONL fields, in the order the reference reader checks them (so a
// line with several faults reports the same one whichever reader read it): `field(key,
// required)` gives a field's string (or a view of it), "" when absent or null, or throws.
// `d` is empty (a fresh document, or one cleared to be filled again: its strings keep
// their storage).
// `ascii`: the fields are known to be ASCII without NUL.
template <class Field>
void document_from(const Field& field, const std::string& origin, const ReadOptions& options,
                   Document& d, bool ascii = false) {
  d.id = field("id", false);
  const bool id_of_line = !d.id.empty();
  if (!id_of_line) d.id = origin;
  // valid UTF-8 before it names the document in an error ("\u0000" in an id is a NUL); an
  // id of an ASCII line is so already
  if (!ascii || !id_of_line) repair(d.id);
  auto pub = field("published", false);
  if (pub.empty()) pub = field("dct", false);
  d.origin.assign(origin).append(std::string_view(" (id ")).append(d.id).append(1, ')');
  if (!pub.empty()) d.published = parse_date_value(pub, d.origin);
  d.title = field("title", false);
  d.dateline = field("dateline", false);
  d.text = field("text", true);
  finish(d, options, ascii);
}

// The reference reader: nlohmann::json, with the error messages users see.
Document parse_json_checked(std::string_view line, const std::string& origin,
                            const ReadOptions& options) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    // parse_error, and out_of_range for a number too large for a double ("-60e1929")
    throw DocumentError(origin, std::string("not valid JSON (") + e.what() +
                                    "); each line must be one JSON object");
  }
  if (!j.is_object())
    throw DocumentError(origin,
                        "a JSONL line must be a JSON object {\"id\", \"published\", \"text\"}");
  auto field = [&](const char* key, bool required) -> std::string {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
      if (required) throw DocumentError(origin, std::string("missing \"") + key + "\" (a string)");
      return {};
    }
    if (!it->is_string())
      throw DocumentError(origin,
                          std::string("\"") + key + "\" must be a string, got " + it->type_name());
    return it->get<std::string>();
  };
  Document d;
  document_from(field, origin, options, d);
  return d;
}

// The byte a two-byte escape \c stands for, by c; 0: no such escape (\u is none either).
constexpr auto kUnescaped = [] {
  std::array<char, 256> t{};
  t['"'] = '"';
  t['\\'] = '\\';
  t['/'] = '/';
  t['b'] = '\b';
  t['f'] = '\f';
  t['n'] = '\n';
  t['r'] = '\r';
  t['t'] = '\t';
  return t;
}();

// The plain reader, tried first: a line that is one object whose values are strings or
// null, whose keys have no escapes and whose strings have no \u escapes and no control
// bytes (what most JSONL writers write), read in one pass, the strings unescaped into
// `buf` (the fields are views of it). On anything else it gives nullopt and
// json_fields_fast asks simdjson, so it decides only lines that are valid JSON with the
// fields it reads (UTF-8 beyond ASCII checked by simdjson::validate_utf8).
class PlainJsonReader {
 public:
  PlainJsonReader(std::string_view line, std::string& buf)
      : p_(line.data()), start_(p_), end_(p_ + line.size()) {
    if (buf.size() < line.size()) buf.resize(line.size());  // no string unescaped is longer
    out_ = buf.data();
  }

  std::optional<JsonFields> read() {
    JsonFields f;
    skip_space();
    if (!take('{')) return std::nullopt;
    skip_space();
    if (p_ == end_ || *p_ != '}') {
      for (;;) {
        std::string_view key;
        if (!string(key) || escaped_) return std::nullopt;  // (an escaped key: simdjson's)
        skip_space();
        if (!take(':')) return std::nullopt;
        skip_space();
        std::optional<std::string_view>* slot = field_slot(f, key);
        if (p_ != end_ && *p_ == '"') {
          std::string_view value;
          if (!string(value)) return std::nullopt;
          if (slot) slot->emplace(value);
        } else if (end_ - p_ >= 4 && std::memcmp(p_, "null", 4) == 0) {
          p_ += 4;
          if (slot) slot->reset();
        } else {
          return std::nullopt;  // a number, true, false, an array, an object, an error
        }
        skip_space();
        if (take(',')) {
          skip_space();
          continue;
        }
        break;
      }
    }
    if (!take('}')) return std::nullopt;
    skip_space();
    if (p_ != end_ || !f.text) return std::nullopt;
    if (high_ && !simdjson::validate_utf8(start_, static_cast<std::size_t>(end_ - start_)))
      return std::nullopt;
    f.ascii = !high_;  // (a NUL or other control byte in a string is no JSON)
    return f;
  }

 private:
  [[gnu::always_inline]] void skip_space() {
    if (p_ != end_ && *p_ == ' ') ++p_;  // (one space or none: most places)
    if (p_ != end_ && static_cast<unsigned char>(*p_) > ' ') return;
    skip_blanks();
  }
  [[gnu::noinline]] void skip_blanks() {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (p_ != end_ && static_cast<unsigned char>(*p_) <= ' ' && space(*p_)) ++p_;
  }
  bool take(char c) {
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  // Copies the bytes from q to o up to the first '"', '\\', control byte (< 0x20) or byte
  // >= 0x80, or to `end`; 32 or 16 at a time, written before they are looked at (`o` is never
  // further into the buffer than `q` into the line). The two-byte escapes other than \u
  // met on the way (a text's "\n") are unescaped, and `escaped` set.
  static void copy_run(const char*& q_ref, const char* const end, char*& o_ref, bool& escaped) {
    const char* q = q_ref;  // (in registers, not behind the references)
    char* o = o_ref;
#if defined(__SSE2__)
    const __m128i two = _mm_set1_epi8(2), below = _mm_set1_epi8(0x21), slash = _mm_set1_epi8('\\');
    // The bytes of v that stop a run, one bit each: with bit 1 flipped, '"' is 0x20 and
    // the bytes below 0x20 stay below it, the other bytes from 0x20 to 0x7F are above it,
    // and the bytes >= 0x80 are below it as signed bytes.
    const auto stops = [&](__m128i v) {
      return static_cast<unsigned>(_mm_movemask_epi8(
          _mm_or_si128(_mm_cmpgt_epi8(below, _mm_xor_si128(v, two)), _mm_cmpeq_epi8(v, slash))));
    };
    for (;;) {
      // 32 bytes a step while there are, else 16
      unsigned m;
      int step;
      if (end - q >= 32) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
        const __m128i v2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + 16));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(o), v);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(o + 16), v2);
        m = stops(v) | stops(v2) << 16;
        step = 32;
      } else if (end - q >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(o), v);
        m = stops(v);
        step = 16;
      } else {
        break;
      }
      if (m == 0) {
        q += step;
        o += step;
        continue;
      }
      const int k = std::countr_zero(m);
      q += k;
      o += k;
      if (*q != '\\' || end - q < 2 || kUnescaped[static_cast<unsigned char>(q[1])] == '\0') break;
      *o++ = kUnescaped[static_cast<unsigned char>(q[1])];
      q += 2;
      escaped = true;
    }
#endif
    while (q != end && *q != '"' && *q != '\\' && static_cast<unsigned char>(*q) - 0x20u < 0x60u)
      *o++ = *q++;
    q_ref = q;
    o_ref = o;
  }
  // A string at p_ (at its opening quote, else false): its value, unescaped into the buffer;
  // `escaped_` whether it had escapes.
  bool string(std::string_view& value) {
    const char* const end = end_;  // (in registers: the bytes written may alias the members)
    const char* q = p_;
    if (q == end || *q != '"') return false;
    ++q;
    char* const from = out_;
    char* o = from;
    bool escaped = false;
    for (;;) {
      copy_run(q, end, o, escaped);
      if (q == end) return false;
      const auto c = static_cast<unsigned char>(*q);
      if (c == '"') {
        value = std::string_view(from, static_cast<std::size_t>(o - from));
        out_ = o;
        p_ = q + 1;
        escaped_ = escaped;
        return true;
      }
      if (c >= 0x80) {  // UTF-8, checked at the end
        high_ = true;
        *o++ = *q++;
        continue;
      }
      if (c < 0x20 || end - q < 2) return false;
      const char e = kUnescaped[static_cast<unsigned char>(q[1])];
      if (e == '\0') return false;  // \u (and the errors): simdjson's
      escaped = true;
      *o++ = e;
      q += 2;
    }
  }

  const char* p_;
  const char* const start_;
  const char* const end_;
  char* out_;
  bool escaped_ = false, high_ = false;
};

// The fast reader: the plain reader for most lines, else simdjson, which validates the
// whole line (structure, UTF-8, escapes, numbers) without building a tree of every value.
// It answers only for a well-formed object whose fields are strings or null and which has
// a text; anything else (a syntax error, a field of another type, a byte-order mark, an
// integer beyond 64 bits) goes to the reference reader, which decides and words the error.
// The jsonl fuzz target checks that both readers agree on every line the fast one accepts.
std::optional<JsonFields> json_fields_fast(std::string_view line) {
  thread_local std::string unescaped;
  if (auto plain = PlainJsonReader(line, unescaped).read()) return plain;
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(line.data(), line.size()).get(root) != simdjson::SUCCESS) return std::nullopt;
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) return std::nullopt;
  JsonFields f;
  for (const auto field : object) {  // in order: a repeated key keeps its last value
    std::optional<std::string_view>* slot = field_slot(f, field.key);
    if (!slot) continue;
    if (field.value.is_null()) {
      slot->reset();
      continue;
    }
    std::string_view value;
    if (field.value.get_string().get(value) != simdjson::SUCCESS) return std::nullopt;
    slot->emplace(value);
  }
  if (!f.text) return std::nullopt;
  return f;
}

// The fast reader's fields hold only strings and always a text: nothing here throws but
// the date check, as in the reference reader.
void parse_json_fast(JsonFields f, const std::string& origin, const ReadOptions& options,
                     Document& d) {
  auto field = [&](std::string_view key, bool) -> std::string_view {
    std::optional<std::string_view>* slot = field_slot(f, key);
    return slot->value_or(std::string_view());
  };
  document_from(field, origin, options, d, f.ascii);
}

Document parse_json_fast(JsonFields f, const std::string& origin, const ReadOptions& options) {
  Document d;
  parse_json_fast(f, origin, options, d);
  return d;
}

// Like parse_json_document, into `d` (empty; see document_from).
void parse_json_into(std::string_view line, const std::string& origin, const ReadOptions& options,
                     Document& d) {
  if (auto fast = json_fields_fast(line))
    parse_json_fast(*fast, origin, options, d);
  else
    d = parse_json_checked(line, origin, options);
}

// Empties `d` for the next document, keeping the storage of its strings.
void clear(Document& d) {
  d.id.clear();
  d.published.reset();
  d.title.clear();
  d.dateline.clear();
  d.text.clear();
  d.origin.clear();
  d.warnings.clear();
  d.source_bytes = 0;
  d.ascii = false;
}

}  // namespace

Document parse_json_document(std::string_view line, const std::string& origin,
                             const ReadOptions& options) {
  Document d;
  parse_json_into(line, origin, options, d);
  return d;
}

namespace detail {
std::string json_readers_disagree(std::string_view line) {
  auto fast = json_fields_fast(line);
  if (!fast) return {};  // the reference reader decides alone
  auto read = [&](auto&& how) -> std::string {
    try {
      const Document d = how();
      return "id=" + d.id + "\norigin=" + d.origin + "\npublished=" +
             (d.published ? std::to_string(d.published->time_since_epoch().count()) : "-") +
             "\ntitle=" + d.title + "\ndateline=" + d.dateline + "\ntext=" + d.text;
    } catch (const DocumentError& e) {
      return std::string("error: ") + e.what();
    }
  };
  const std::string a = read([&] { return parse_json_fast(*fast, "line", {}); });
  const std::string b = read([&] { return parse_json_checked(line, "line", {}); });
  return a == b ? std::string{} : "fast reader: " + a + "\nreference reader: " + b;
}
}  // namespace detail

namespace {

// `bytes` 0: the size is not known (a pipe or a device), only that it is over the limit.
std::string too_large(std::size_t bytes, const ReadOptions& options) {
  const std::string limit = std::to_string(options.max_document_bytes);
  return (bytes ? "the document is " + std::to_string(bytes) + " bytes, more than the limit of "
                : "the document is longer than the limit of ") +
         limit +
         " bytes (limits.document_bytes in the config); raise the limit with --config "
         "or split the document";
}

// Lines of a stream, read in blocks: one line without its '\n' as `view`, at most `limit`
// bytes of it; `length` is the whole line's length, so a longer line is skipped to its end
// without being held. A line that lies in one block is viewed there (most lines: no copy),
// one across blocks is copied into `line`; either view is valid until the next call.
class LineReader {
 public:
  explicit LineReader(std::streambuf& sb) : sb_(sb) {}
  bool next(std::string& line, std::string_view& view, std::size_t limit, std::size_t& length) {
    if (pos_ == end_ && !refill()) {  // (asked once: a terminal would wait for more)
      line.clear();
      view = {};
      length = 0;
      return false;
    }
    const char* from = buf_ + pos_;
    if (const auto* nl = static_cast<const char*>(std::memchr(from, '\n', end_ - pos_))) {
      const auto n = static_cast<std::size_t>(nl - from);
      if (n <= limit) {
        length = n;
        view = std::string_view(from, n);
        pos_ += n + 1;
        return true;
      }
    }
    const bool any = read(line, limit, length);
    view = line;
    return any;
  }

 private:
  bool read(std::string& line, std::size_t limit, std::size_t& length) {
    line.clear();
    length = 0;
    bool any = false;
    for (;;) {
      if (pos_ == end_ && !refill()) return any;
      any = true;
      const char* from = buf_ + pos_;
      const auto* nl = static_cast<const char*>(std::memchr(from, '\n', end_ - pos_));
      const std::size_t n = nl ? static_cast<std::size_t>(nl - from) : end_ - pos_;
      if (length < limit) line.append(from, std::min(n, limit - length));
      length += n;
      pos_ += n;
      if (nl) {
        ++pos_;
        return true;
      }
    }
  }
  bool refill() {
    pos_ = 0;
    end_ = static_cast<std::size_t>(sb_.sgetn(buf_, sizeof buf_));
    return end_ > 0;
  }
  std::streambuf& sb_;
  char buf_[1 << 16];
  std::size_t pos_ = 0, end_ = 0;
};

// The failure `e` tells of, its message made valid UTF-8 (a parser may quote the bad bytes).
DocumentFailure failure_of(const DocumentError& e) {
  std::string message = e.message();
  repair_utf8(message);
  return {e.where(), std::move(message)};
}

void report(const DocumentError& e, const std::function<void(DocumentFailure&&)>& on_failure) {
  on_failure(failure_of(e));
}

}  // namespace

void line_origin(const std::string& name, std::size_t line, std::string& origin) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, line).ptr;
  origin.assign(name).append(1, ':').append(digits, end);
}

JsonlLine read_jsonl_line(std::string_view line, std::size_t length, const std::string& origin,
                          const ReadOptions& options, Document& d, DocumentFailure& failure) {
  if (length > options.max_document_bytes) {
    failure = {origin, too_large(length, options)};
    return JsonlLine::failure;
  }
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.find_first_not_of(" \t") == std::string_view::npos) return JsonlLine::blank;
  try {
    clear(d);
    parse_json_into(line, origin, options, d);
    d.source_bytes = length + 1;  // the line and its newline, for the progress line's ETA
    return JsonlLine::document;
  } catch (const DocumentError& e) {
    failure = failure_of(e);
    return JsonlLine::failure;
  }
}

void read_jsonl(std::istream& in, const std::string& name, const ReadOptions& options,
                const std::function<void(Document&&)>& on_document,
                const std::function<void(DocumentFailure&&)>& on_failure, std::size_t first_line) {
  std::string copied, origin;
  std::string_view line;
  std::size_t n = first_line - 1, length = 0;
  std::streambuf* sb = in.rdbuf();
  if (!sb) return;
  auto reader = std::make_unique<LineReader>(*sb);
  // one document filled line after line: a consumer that does not move it away (one
  // thread) lets the next line reuse its strings' storage
  Document d;
  DocumentFailure failure;
  while (reader->next(copied, line, options.max_document_bytes, length)) {
    line_origin(name, ++n, origin);
    switch (read_jsonl_line(line, length, origin, options, d, failure)) {
      case JsonlLine::blank: break;
      case JsonlLine::failure: on_failure(std::move(failure)); break;
      case JsonlLine::document:
        try {
          on_document(std::move(d));
        } catch (const DocumentError& e) {
          report(e, on_failure);
        }
        break;
    }
  }
}

namespace {

// Reads up to `n` bytes at `offset`; `got` is how many (fewer at the end of the file).
bool pread_all(int fd, char* to, std::size_t n, std::size_t offset, std::size_t& got) {
  got = 0;
  while (got < n) {
    const ssize_t r = ::pread(fd, to + got, n - got, static_cast<off_t>(offset + got));
    if (r < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (r == 0) break;
    got += static_cast<std::size_t>(r);
  }
  return true;
}

}  // namespace

JsonlPieceReader::JsonlPieceReader(const std::filesystem::path& path, std::size_t piece_bytes,
                                   std::size_t max_line_bytes)
    : piece_bytes_(std::max<std::size_t>(1, piece_bytes)), max_line_bytes_(max_line_bytes) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) return;
  struct stat st {};
  if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd_);
    fd_ = -1;
    return;
  }
  size_ = static_cast<std::size_t>(st.st_size);
  pieces_ = (size_ + piece_bytes_ - 1) / piece_bytes_;
}

JsonlPieceReader::~JsonlPieceReader() {
  if (fd_ >= 0) ::close(fd_);
}

void JsonlPieceReader::read(std::size_t k, Piece& p) const {
  p.lines.clear();
  p.newlines = 0;
  p.newlines_before = 0;
  p.read_error = false;
  const std::size_t begin = k * piece_bytes_;
  if (fd_ < 0 || begin >= size_) return;
  const std::size_t end = std::min(size_, begin + piece_bytes_);
  // one byte before the piece too: whether a line starts at its first byte
  const std::size_t from = begin == 0 ? 0 : begin - 1, own = begin - from;
  // room for `n` bytes in all (grown, never shrunk: bytes past those read are not cleared)
  auto room_for = [&p](std::size_t n) {
    if (p.bytes.size() < n) p.bytes.resize(std::max(n, 2 * p.bytes.size()));
  };
  room_for(end - from);
  std::size_t got = 0;
  if (!pread_all(fd_, p.bytes.data(), end - from, from, got)) p.read_error = true;
  if (got <= own) return;  // (the file is shorter than it was)
  const char* const data = p.bytes.data();
  std::size_t s = 0;  // the first line's first byte
  if (begin > 0) {
    const auto* nl = static_cast<const char*>(std::memchr(data, '\n', got));
    if (!nl) return;  // the middle of a line that started before
    s = static_cast<std::size_t>(nl - data) + 1;
    p.newlines_before = s - 1 >= own ? 1 : 0;
  }
  // the piece's own newlines: the one before its first line if it is the piece's, and the
  // end of each line that ends in the piece (all the others: the lines start after it)
  p.newlines = p.newlines_before;
  while (s < got) {  // a line that starts in the piece
    if (const auto* nl = static_cast<const char*>(std::memchr(data + s, '\n', got - s))) {
      const auto n = static_cast<std::size_t>(nl - (data + s));
      p.lines.push_back({s, std::min(n, max_line_bytes_), n});
      ++p.newlines;
      s += n + 1;
      continue;
    }
    // the piece's last line goes on past it: read on to its end, keeping at most
    // max_line_bytes_ of it (a longer one is refused, its length is all that counts)
    Line line{s, 0, got - s};
    std::size_t kept = std::min(got, s + max_line_bytes_);  // the bytes of p.bytes in use
    std::size_t file_at = from + got;  // the file's next byte after those read
    char block[1 << 16];
    for (;;) {
      std::size_t g = 0;
      if (!pread_all(fd_, block, sizeof block, file_at, g)) {
        p.read_error = true;
        break;
      }
      if (g == 0) break;  // the end of the file ends the line
      file_at += g;
      const auto* nl = static_cast<const char*>(std::memchr(block, '\n', g));
      const std::size_t n = nl ? static_cast<std::size_t>(nl - block) : g;
      const std::size_t keep = std::min(n, s + max_line_bytes_ - kept);
      room_for(kept + keep);
      std::memcpy(p.bytes.data() + kept, block, keep);
      kept += keep;
      line.length += n;
      if (nl) break;
    }
    line.stored = std::min(line.length, max_line_bytes_);
    p.lines.push_back(line);
    break;
  }
}

void read_path(const std::filesystem::path& path, const ReadOptions& options,
               const std::function<void(Document&&)>& on_document,
               const std::function<void(DocumentFailure&&)>& on_failure,
               const std::string& given_name, std::size_t first_line) {
  const std::string name = given_name.empty() ? path.string() : given_name;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    on_failure({name, "cannot open the file; check the path and its permissions"});
    return;
  }
  if (path.extension() == ".jsonl") {
    read_jsonl(in, name, options, on_document, on_failure, first_line);
    return;
  }
  // at most one byte over the limit is read: a huge file (or /dev/zero) is refused
  // without being held
  std::string content;
  char buf[1 << 16];
  while (content.size() <= options.max_document_bytes &&
         (in.read(buf, sizeof buf) || in.gcount() > 0))
    content.append(buf, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    on_failure({name, "could not read the whole file; check the disk and its permissions"});
    return;
  }
  if (content.size() > options.max_document_bytes) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    on_failure({name, too_large(ec ? 0 : static_cast<std::size_t>(size), options)});
    return;
  }
  try {
    const std::size_t bytes = content.size();
    Document d = parse_text_document(std::move(content), name, stem_of(name), options);
    d.source_bytes = bytes;
    on_document(std::move(d));
  } catch (const DocumentError& e) {
    report(e, on_failure);
  }
}

}  // namespace chronicle
