#include <chronicle/lexicon.h>
#include <chronicle/text.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace chronicle {
namespace {

// Length of the valid UTF-8 sequence at s[i], 0 when invalid. Decodes into cp.
std::size_t utf8_seq(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t n;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    n = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// std::isupper of the "C" locale, inline
bool upper_byte(char c) { return c >= 'A' && c <= 'Z'; }

// Does the text start with an upper-case letter? ASCII, and the Latin-1 and Latin
// Extended-A capitals that start names ("Álvaro", "Émile", "Łukasz", "Şahin").
bool starts_upper(std::string_view w) {
  if (w.empty()) return false;
  if (static_cast<unsigned char>(w[0]) < 0x80) return upper_byte(w[0]);
  char32_t cp = 0;
  if (utf8_seq(w, 0, cp) == 0) return false;
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;  // U+00D7 is the multiplication sign
  // Latin Extended-A pairs a capital with its small letter: even capitals, but odd ones
  // from U+0139 to U+0148 and from U+0179 to U+017E (U+0138 and U+0149 are small only)
  if (cp >= 0x100 && cp <= 0x17F) {
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return cp % 2 == 1;
    if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return false;
    return cp == 0x178 || cp % 2 == 0;
  }
  return false;
}

// ASCII classes as the "C" locale has them, without a call per character
bool ascii_alpha(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

bool is_space_cp(char32_t c) {
  if (c > ' ' && c < 0x80) return false;
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0x1680 || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF;
}

bool is_punct_cp(char32_t c) {
  if (c < 0x80) return !(ascii_alpha(c) || (c >= '0' && c <= '9'));
  return (c >= 0xA1 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2010 && c <= 0x2027) ||
         (c >= 0x2030 && c <= 0x205E) || (c >= 0x3001 && c <= 0x303F) || c == 0xFFFD ||
         (c >= 0x2190 && c <= 0x2BFF) ||
         // the other dashes: Armenian, Hebrew maqaf, two- and three-em, small, fullwidth
         c == 0x058A || c == 0x05BE || c == 0x2E3A || c == 0x2E3B || c == 0xFE58 || c == 0xFE63 ||
         c == 0xFF0D;
}

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x2018; }

bool is_letter_cp(char32_t c) {
  if (c < 0x80) return ascii_alpha(c);
  return !is_space_cp(c) && !is_punct_cp(c);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// std::isalpha of the "C" locale, inline
bool alpha_byte(char c) { return ascii_alpha(static_cast<unsigned char>(c)); }

// ASCII letters and digits: true at their byte values, false at every other byte
constexpr auto kAsciiAlnum = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return t;
}();

struct Cursor {
  std::string_view s;
  char32_t at(std::size_t i, std::size_t& len) const {
    if (const auto b = static_cast<unsigned char>(s[i]); b < 0x80) {  // ASCII: most text
      len = 1;
      return b;
    }
    char32_t cp = 0xFFFD;
    len = utf8_seq(s, i, cp);
    if (len == 0) len = 1;
    return cp;
  }
};

}  // namespace

std::size_t repair_utf8(std::string& text) {
  std::size_t bad = 0;
  std::string out;
  bool copy = false;
  for (std::size_t i = 0; i < text.size();) {
    if (!copy) {  // a run of ASCII other than NUL is valid as it is: skip it
      for (; i + 8 <= text.size(); i += 8) {  // eight bytes at a time: none NUL or >= 0x80
        std::uint64_t w;
        std::memcpy(&w, text.data() + i, 8);
        if (((w | (w - 0x0101010101010101ull)) & 0x8080808080808080ull) != 0) break;
      }
      while (i < text.size() && static_cast<unsigned char>(text[i]) - 1u < 0x7Fu) ++i;
      if (i >= text.size()) break;
    }
    char32_t cp;
    std::size_t n = utf8_seq(text, i, cp);
    if (n == 0 || cp == 0) {
      if (!copy) {
        out.assign(text, 0, i);
        copy = true;
      }
      out += n == 0 ? "\xEF\xBF\xBD" : " ";
      ++bad;
      i += 1;
      continue;
    }
    if (copy) out.append(text, i, n);
    i += n;
  }
  if (copy) text.swap(out);
  return bad;
}

namespace {

// Bytes of s[b, e) that start a code point (not 10xxxxxx), eight at a time.
std::size_t code_point_starts(std::string_view s, std::size_t b, std::size_t e) {
  std::size_t n = e - b;
  std::size_t i = b;
  for (; i + 8 <= e; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    // bit 7 set and bit 6 clear: a continuation byte
    const std::uint64_t cont = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;  // 0 or 1 a byte
    n -= static_cast<std::size_t>((cont * 0x0101010101010101ull) >> 56);      // their sum
  }
  for (; i < e; ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --n;
  return n;
}

}  // namespace

CodePointIndex::CodePointIndex(std::string_view text) : text_(text) {
  // text without continuation bytes (ASCII): code-point offsets are byte offsets
  if (code_point_starts(text, 0, text.size()) == text.size()) return;
  checkpoints_.reserve(text.size() / kStride + 1);
  std::size_t count = 0;
  for (std::size_t b = 0; b < text.size(); b += kStride) {
    checkpoints_.push_back(count);
    count += code_point_starts(text, b, std::min(text.size(), b + kStride));
  }
}

std::size_t CodePointIndex::operator()(std::size_t byte_offset) const {
  byte_offset = std::min(byte_offset, text_.size());
  if (checkpoints_.empty()) return byte_offset;  // no continuation bytes (or no text)
  std::size_t k = byte_offset / kStride;
  if (k >= checkpoints_.size()) k = checkpoints_.size() - 1;
  return checkpoints_[k] + code_point_starts(text_, k * kStride, byte_offset);
}

TokenList tokenize(std::string_view s) {
  struct Raw {
    std::size_t b, e;
    sdk::TokenKind kind;
    bool possessive;
  };
  static thread_local std::vector<Raw> raw;  // reused from call to call on this thread
  raw.clear();
  Cursor cur{s};
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len;
    char32_t c = cur.at(i, len);
    if (is_space_cp(c)) {
      i += len;
      continue;
    }
    const std::size_t start = i;
    if (c < 0x80 && is_digit(static_cast<char>(c))) {
      // number: digits, letters ("18th", "1990s", "100M"), inner , . : / and ISO dashes
      std::size_t j = i;
      while (j < s.size()) {
        char d = s[j];
        if (is_digit(d) || alpha_byte(d)) {
          ++j;
        } else if ((d == ',' || d == '.' || d == ':' || d == '/') && j + 1 < s.size() &&
                   is_digit(s[j + 1]) && j > start && is_digit(s[j - 1])) {
          ++j;
        } else if (d == '-' && j + 2 < s.size() && is_digit(s[j + 1]) && is_digit(s[j + 2]) &&
                   j - start == 4 && is_digit(s[start]) && is_digit(s[start + 3])) {
          ++j;  // 2025-02
        } else if (d == '-' && j + 2 < s.size() && is_digit(s[j + 1]) && is_digit(s[j + 2]) &&
                   j - start == 7 && s[start + 4] == '-') {
          ++j;  // 2025-02-18
        } else {
          break;
        }
      }
      raw.push_back({start, j, sdk::TokenKind::number, false});
      i = j;
      continue;
    }
    if (is_letter_cp(c)) {
      std::size_t j = i + len;
      // initialisms: U.S., a.m., U.N.
      if (j + 1 < s.size() && s[j] == '.' && alpha_byte(s[j + 1]) && j + 2 < s.size() &&
          s[j + 2] == '.' && len == 1) {
        std::size_t k = j;
        while (k + 2 < s.size() + 1 && k < s.size() && s[k] == '.' && k + 1 < s.size() &&
               alpha_byte(s[k + 1]) &&
               (k + 2 == s.size() || s[k + 2] == '.' || !alpha_byte(s[k + 2]))) {
          k += 2;
        }
        if (k < s.size() && s[k] == '.') ++k;
        raw.push_back({start, k, sdk::TokenKind::word, false});
        i = k;
        continue;
      }
      while (j < s.size()) {
        // ASCII letters and digits (most of a word's bytes) by table, without decoding
        while (j < s.size() && kAsciiAlnum[static_cast<unsigned char>(s[j])]) ++j;
        if (j == s.size()) break;
        std::size_t l2;
        char32_t d = cur.at(j, l2);
        if (is_letter_cp(d) || (d < 0x80 && is_digit(static_cast<char>(d)))) {
          j += l2;
          continue;
        }
        if (is_apostrophe(d) && j + l2 < s.size()) {
          std::size_t l3;
          char32_t e = cur.at(j + l2, l3);
          if (is_letter_cp(e)) {
            // possessive 's ends the word
            if ((e == 's' || e == 'S') &&
                (j + l2 + l3 >= s.size() || !is_letter_cp(cur.at(j + l2 + l3, l3)))) {
              break;
            }
            j += l2;
            continue;
          }
        }
        break;
      }
      raw.push_back({start, j, sdk::TokenKind::word, false});
      i = j;
      // possessive token
      if (i < s.size()) {
        std::size_t l2;
        char32_t d = cur.at(i, l2);
        if (is_apostrophe(d) && i + l2 < s.size() && (s[i + l2] == 's' || s[i + l2] == 'S')) {
          std::size_t l3;
          if (i + l2 + 1 >= s.size() || !is_letter_cp(cur.at(i + l2 + 1, l3))) {
            raw.push_back({i, i + l2 + 1, sdk::TokenKind::punct, true});
            i += l2 + 1;
          }
        } else if (is_apostrophe(d) && i > 0 && (s[i - 1] == 's' || s[i - 1] == 'S')) {
          std::size_t l3;
          if (i + l2 >= s.size() || !is_letter_cp(cur.at(i + l2, l3))) {
            raw.push_back({i, i + l2, sdk::TokenKind::punct, true});  // plural possessive
            i += l2;
          }
        }
      }
      continue;
    }
    raw.push_back({start, start + len, sdk::TokenKind::punct, false});
    i += len;
  }

  // Lower-case forms: most are the text as written and view it; the others are written
  // one after another into one store.
  static thread_local std::string low;
  // each token's form in `low` (offset, length); offset npos: as written
  static thread_local std::vector<std::pair<std::size_t, std::size_t>> low_at;
  low.clear();
  low_at.assign(raw.size(), {std::string_view::npos, 0});
  for (std::size_t q = 0; q < raw.size(); ++q) {
    const auto& r = raw[q];
    if (r.possessive) continue;  // "'s", a constant
    std::string_view t = s.substr(r.b, r.e - r.b);
    // ASCII without capitals (most tokens) lowers to itself
    if (std::none_of(t.begin(), t.end(), [](char ch) {
          return (ch >= 'A' && ch <= 'Z') || static_cast<unsigned char>(ch) >= 0x80;
        }))
      continue;
    const std::size_t at = low.size();
    for (std::size_t k = 0; k < t.size();) {
      std::size_t n;
      char32_t c = cur.at(r.b + k, n);
      if (is_apostrophe(c)) {
        low += '\'';
      } else if (c < 0x80) {
        const char ch = t[k];
        low += ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + ('a' - 'A')) : ch;
      } else if (c >= 0x2010 && c <= 0x2015) {
        low += '-';
      } else if (c == 0x201C || c == 0x201D) {
        low += '"';
      } else {
        low.append(t.substr(k, n));
      }
      k += n;
    }
    if (std::string_view(low).substr(at) == t)
      low.resize(at);
    else
      low_at[q] = {at, low.size() - at};
  }
  TokenList out;
  if (!low.empty()) out.lower_store = std::make_shared<const std::string>(low);
  out.tokens.reserve(raw.size());
  for (std::size_t k = 0; k < raw.size(); ++k) {
    const auto& r = raw[k];
    sdk::Token& t = out.tokens.emplace_back();
    t.span = {r.b, r.e};
    t.text = s.substr(r.b, r.e - r.b);
    if (r.possessive)
      t.lower = std::string_view("'s");
    else if (low_at[k].first == std::string_view::npos)
      t.lower = t.text;
    else
      t.lower = std::string_view(*out.lower_store).substr(low_at[k].first, low_at[k].second);
    t.kind = r.kind;
    t.capitalized = starts_upper(t.text);
  }
  return out;
}

SegmenterRules SegmenterRules::from_lexicon(const Lexicon& lex) {
  SegmenterRules r;
  r.abbreviations = lex.list("abbreviations");
  r.sentence_starters = lex.list("sentence_starters");
  r.boilerplate = lex.list("boilerplate.lines");
  r.boilerplate_prefixes = lex.list("boilerplate.prefixes");
  const std::string limit = lex.scalar("limits.sentence_tokens", "250");
  r.max_sentence_tokens = static_cast<std::size_t>(std::max(20L, std::atol(limit.c_str())));
  return r;
}

namespace {

bool contains(const std::vector<std::string>& v, std::string_view w) {
  return std::find(v.begin(), v.end(), w) != v.end();
}

// `line` lower-cased (ASCII, as the "C" locale's tolower), runs of blanks folded to one
// space, without trailing periods and colons; into `out`, whose buffer is reused. With a
// `cap`, folding stops once `out` holds more than `cap` characters: `out` then holds the
// first cap + 1 characters of the fold (trailing periods and colons not taken off) and
// the result is the offset in `line` after the last one; npos when the whole line is
// folded.
std::size_t fold_line(std::string_view line, std::string& out,
                      std::size_t cap = std::string_view::npos) {
  out.clear();
  bool space = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == ' ' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
    if (out.size() > cap) return i + 1;
  }
  while (!out.empty() && (out.back() == '.' || out.back() == ':')) out.pop_back();
  return std::string_view::npos;
}

// What a line's fold must be like to be boilerplate: its first two characters those of an
// entry, and a line whose fold is longer than `cap` (the longest entry) is none of the
// lines and starts with a prefix when the first `cap` characters of its fold do.
struct BoilerplateGate {
  std::size_t cap = 0;
  bool by_pair = true;           // every entry has two characters or more
  std::uint64_t pairs[64] = {};  // one bit per entry's first two characters (pair())
  static unsigned pair(unsigned char a, unsigned char b) { return (a * 31u + b) & 4095u; }
  explicit BoilerplateGate(const SegmenterRules& rules) {
    auto add = [&](const std::string& e) {
      cap = std::max(cap, e.size());
      if (e.size() < 2) {
        by_pair = false;
        return;
      }
      const unsigned p = pair(static_cast<unsigned char>(e[0]), static_cast<unsigned char>(e[1]));
      pairs[p >> 6] |= std::uint64_t{1} << (p & 63);
    };
    for (const auto& b : rules.boilerplate) add(b);
    for (const auto& p : rules.boilerplate_prefixes) add(p);
  }
  // False when the line's fold cannot be an entry nor start with one.
  bool may_match(std::string_view line) const {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    auto lower = [](char c) {
      return static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    };
    std::size_t k = 0;
    while (k < line.size() && blank(line[k])) ++k;
    if (k == line.size()) return false;  // an empty fold
    if (!by_pair) return true;
    const unsigned char c0 = lower(line[k]);
    // periods and colons may be taken off the fold's end: no test on them
    if (c0 == '.' || c0 == ':') return true;
    unsigned char c1;
    if (k + 1 < line.size() && !blank(line[k + 1])) {
      c1 = lower(line[k + 1]);
      if (c1 == '.' || c1 == ':') return true;
    } else {
      std::size_t j = k + 1;
      while (j < line.size() && blank(line[j])) ++j;
      if (j == line.size()) return false;  // a fold of one character
      c1 = ' ';
    }
    const unsigned p = pair(c0, c1);
    return pairs[p >> 6] & (std::uint64_t{1} << (p & 63));
  }
};

bool is_boilerplate(std::string_view line, const SegmenterRules& rules,
                    const BoilerplateGate& gate) {
  if (!gate.may_match(line)) return false;
  static thread_local std::string f;
  if (const std::size_t stop = fold_line(line, f, gate.cap); stop != std::string_view::npos) {
    // The fold is longer than `cap` unless the rest of the line is periods, colons and
    // blanks, which the fold takes off its end: then the whole line is folded.
    if (line.find_first_not_of(" \t\r.:", stop) == std::string_view::npos) {
      fold_line(line, f);
    } else {
      for (const auto& p : rules.boilerplate_prefixes)
        if (f.rfind(p, 0) == 0) return true;
      return false;
    }
  }
  if (f.empty()) return false;
  if (contains(rules.boilerplate, f)) return true;
  for (const auto& p : rules.boilerplate_prefixes)
    if (f.rfind(p, 0) == 0) return true;
  return false;
}

// The tokens [first, last) of a paragraph's list as a sentence's own list: offsets made
// relative to the sentence; the lower-case store is shared.
TokenList sentence_tokens(const TokenList& para, std::size_t first, std::size_t last) {
  TokenList out;
  const std::size_t base = para.tokens[first].span.begin;
  out.tokens.assign(para.tokens.begin() + static_cast<std::ptrdiff_t>(first),
                    para.tokens.begin() + static_cast<std::ptrdiff_t>(last));
  for (auto& t : out.tokens) t.span = {t.span.begin - base, t.span.end - base};
  out.lower_store = para.lower_store;
  return out;
}

void split_paragraph(std::string_view text, std::size_t pb, std::size_t pe,
                     const SegmenterRules& rules, std::vector<SentenceSpan>& out,
                     std::vector<TokenList>* tokens_out) {
  std::string_view para = text.substr(pb, pe - pb);
  TokenList tl = tokenize(para);
  const auto& toks = tl.tokens;
  std::size_t sent_start = 0;  // token index
  auto emit = [&](std::size_t first, std::size_t last_excl, bool heading) {
    const std::size_t limit = rules.max_sentence_tokens;
    while (first < last_excl) {
      std::size_t cut = last_excl;
      if (last_excl - first > limit) {
        // the last comma or semicolon in the second half of the window, else the limit
        cut = first + limit;
        for (std::size_t k = first + limit; k > first + limit / 2; --k)
          if (toks[k - 1].lower == "," || toks[k - 1].lower == ";") {
            cut = k;
            break;
          }
        // a hard cut never parts a possessive "'s" from its word
        if (cut - first > 1 && toks[cut].lower == "'s" && toks[cut].kind == sdk::TokenKind::punct)
          --cut;
      }
      out.push_back({pb + toks[first].span.begin, pb + toks[cut - 1].span.end, heading});
      if (tokens_out) tokens_out->push_back(sentence_tokens(tl, first, cut));
      first = cut;
    }
  };
  bool has_terminal = false;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const auto& t = toks[i];
    bool boundary = false;
    std::size_t end_tok = i + 1;
    const bool term = t.lower == "." || t.lower == "!" || t.lower == "?";
    const bool abbrev_word = t.kind == sdk::TokenKind::word && t.lower.size() > 1 &&
                             t.lower.back() == '.';  // "u.s."
    if (term || abbrev_word) {
      has_terminal = has_terminal || term;
      // closing quotes and brackets stay with the sentence
      while (end_tok < toks.size() &&
             toks[end_tok].span.begin == toks[end_tok - 1].span.end &&
             toks[end_tok].text != "\xE2\x80\x9C" && toks[end_tok].text != "\xE2\x80\x98" &&
             (toks[end_tok].lower == "\"" || toks[end_tok].lower == "'" ||
              toks[end_tok].lower == ")" || toks[end_tok].text == "\xE2\x80\x9D" ||
              toks[end_tok].text == "\xE2\x80\x99"))
        ++end_tok;
      if (end_tok >= toks.size()) {
        boundary = true;
      } else {
        const auto& next = toks[end_tok];
        const bool next_upper = next.capitalized || next.kind == sdk::TokenKind::number ||
                                next.lower == "\"" || next.text == "\xE2\x80\x9C" ||
                                next.text == "\xE2\x80\x98" ||
                                next.text == "`";  // TimeBank's ``opening quote''

        if (!next_upper) {
          boundary = false;
        } else if (t.lower == "." && i > 0) {
          const auto& prev = toks[i - 1];
          const bool adjacent = prev.span.end == t.span.begin;
          const bool abbrev = adjacent && prev.kind == sdk::TokenKind::word &&
                              (contains(rules.abbreviations, prev.lower) ||
                               (prev.text.size() == 1 && upper_byte(prev.text[0])));
          boundary = !abbrev || contains(rules.sentence_starters, next.lower);
          if (abbrev && next.kind == sdk::TokenKind::number) boundary = false;
        } else if (abbrev_word) {
          boundary = contains(rules.sentence_starters, next.lower);
        } else {
          boundary = true;
        }
      }
    }
    if (boundary) {
      emit(sent_start, end_tok, false);
      sent_start = end_tok;
      i = end_tok - 1;
    }
  }
  if (sent_start < toks.size()) {
    // trailing text without closing punctuation: a heading when it is the whole paragraph,
    // unless it is an item of a dated list, a list mark, capitalised words and a number up
    // to a colon ("- December 2: Secretary Blinken's meeting with ..."; not "- Governor
    // Tim Walz (MN), Co-Chair of the Council of Governors", "- USA Today: ...")
    bool dated_item = !toks.empty() && (toks[0].text == "-" || toks[0].text == "*");
    bool number = false, colon = false;
    for (std::size_t k = 1; dated_item && !colon && k < toks.size() && k < 9; ++k) {
      const auto& tk = toks[k];
      colon = tk.text == ":";
      number = number || tk.kind == sdk::TokenKind::number;
      dated_item = colon || tk.kind == sdk::TokenKind::number || tk.capitalized || tk.text == "-" ||
                   tk.text == "," || tk.text == "\u2013";
    }
    dated_item = dated_item && colon && number;
    emit(sent_start, toks.size(), sent_start == 0 && !has_terminal && !dated_item);
  }
}

}  // namespace

std::vector<SentenceSpan> split_sentences(std::string_view text, const SegmenterRules& rules,
                                          std::vector<TokenList>* tokens) {
  if (tokens) tokens->clear();
  std::vector<SentenceSpan> out;
  const BoilerplateGate gate(rules);
  // Paragraphs: separated by blank lines, or by a new line that starts indented.
  std::size_t pos = 0;
  std::size_t para_begin = std::string_view::npos;
  auto flush = [&](std::size_t end) {
    if (para_begin == std::string_view::npos) return;
    split_paragraph(text, para_begin, end, rules, out, tokens);
    para_begin = std::string_view::npos;
  };
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    const bool blank = line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
    const bool indented = !line.empty() && (line[0] == ' ' || line[0] == '\t') && !blank;
    if (blank) {
      flush(pos);
    } else if (is_boilerplate(line, rules, gate)) {
      flush(pos);
    } else {
      if (indented) flush(pos);
      if (para_begin == std::string_view::npos) para_begin = pos;
    }
    if (nl >= text.size()) break;
    pos = nl + 1;
  }
  flush(text.size());
  return out;
}

}  // namespace chronicle
