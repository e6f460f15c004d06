#include <chronicle/lexicon.h>
#include <chronicle/text.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <type_traits>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "word_index.h"

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
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0x1680 ||
         c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF;
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

// The tokenizer's byte classes: one table look-up a byte, and no decoding of the ASCII
// bytes that are most text; a byte of 0x80 or above is part of a multi-byte sequence (or
// invalid) and is decoded.
enum : std::uint8_t {
  kUpper = 1,   // A-Z (bit 0: `capitalized` without a shift)
  kLower = 2,   // a-z
  kSpace = 4,   // ' ', \t, \n, \v, \f, \r
  kDigit = 8,   // 0-9
  kPunct = 16,  // every other ASCII byte, NUL and the other controls included
  kHigh = 32,   // 0x80 and above
  kApos = 64,   // ' (punctuation too)
  kEnd = 128,   // . ! ? (punctuation too), which may end a sentence
};
constexpr std::uint8_t kAlnum = kLower | kUpper | kDigit;
constexpr auto kByteClass = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 0x80)
      t[c] = kHigh;
    else if (c >= 'a' && c <= 'z')
      t[c] = kLower;
    else if (c >= 'A' && c <= 'Z')
      t[c] = kUpper;
    else if (c >= '0' && c <= '9')
      t[c] = kDigit;
    else if (c == ' ' || (c >= '\t' && c <= '\r'))
      t[c] = kSpace;
    else
      t[c] = c == '\'' ? kPunct | kApos : c == '.' || c == '!' || c == '?' ? kPunct | kEnd : kPunct;
  }
  return t;
}();

std::uint8_t byte_class(char c) { return kByteClass[static_cast<unsigned char>(c)]; }

// The bytes of the run that most words are (small ASCII letters and digits), apart from
// kByteClass so that the loop over a run tests the table in memory without keeping the
// class it read.
constexpr auto kRunByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = (kByteClass[c] & (kLower | kDigit)) != 0;
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

namespace {

// Lower-case forms that differ from the text are written at `w`, which has room for as
// many bytes as the text has: a form is never longer than its text (ASCII and the bytes
// of other letters stay as long, apostrophes, dashes and curly quotes get shorter).

// ASCII capitals to small letters, every other byte as it is
constexpr auto kAsciiLower = [] {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  return t;
}();

// A token of ASCII bytes with a capital: its bytes lower-cased.
std::string_view lower_ascii(std::string_view t, char*& w) {
  char* const b = w;
  char* o = b;
  for (const char ch : t) *o++ = kAsciiLower[static_cast<unsigned char>(ch)];
  w = o;
  return {b, t.size()};
}

// Any token: apostrophes folded to ', dashes U+2010-U+2015 to -, curly double quotes to ",
// ASCII capitals lowered; the text itself when that changes nothing.
std::string_view lower_general(std::string_view t, char*& w) {
  char* const b = w;
  char* o = b;
  const Cursor cur{t};
  for (std::size_t k = 0; k < t.size();) {
    std::size_t n;
    const char32_t c = cur.at(k, n);
    if (is_apostrophe(c)) {
      *o++ = '\'';
    } else if (c < 0x80) {
      *o++ = kAsciiLower[static_cast<unsigned char>(t[k])];
    } else if (c >= 0x2010 && c <= 0x2015) {
      *o++ = '-';
    } else if (c == 0x201C || c == 0x201D) {
      *o++ = '"';
    } else {
      std::memcpy(o, t.data() + k, n);
      o += n;
    }
    k += n;
  }
  if (std::string_view(b, static_cast<std::size_t>(o - b)) == t) return t;
  w = o;
  return {b, static_cast<std::size_t>(o - b)};
}

// Eight bytes at a time (on little-endian machines, where the first byte is the lowest):
constexpr bool kEightAtATime = std::endian::native == std::endian::little;

std::uint64_t load8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// Bit 7 set in each byte of w that is an ASCII capital: the sums of a byte's low seven
// bits and a constant below 0x80 never carry into the next byte.
std::uint64_t ascii_capitals(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  const std::uint64_t low7 = w & ~kHigh;
  const std::uint64_t from_a = low7 + kOnes * (0x80 - 'A');   // bit 7: 'A' or above
  const std::uint64_t after_z = low7 + kOnes * (0x7F - 'Z');  // bit 7: above 'Z'
  return from_a & ~after_z & ~w & kHigh;
}

// The lower-case form of a token whose bytes' classes, or-ed, are `flags`.
std::string_view lower_form(std::string_view t, std::uint8_t flags, char*& w) {
  if (flags & kHigh) return lower_general(t, w);
  if (flags & kUpper) return lower_ascii(t, w);
  return t;  // ASCII without capitals (most tokens) lowers to itself
}

// The end of a word whose bytes [.., j) are read, `flags` their classes or-ed: letters and
// digits, a letter beyond ASCII, an apostrophe between letters ("didn't"); a possessive
// 's is left out.
std::size_t word_end(std::string_view s, std::size_t j, std::uint8_t& flags) {
  const std::size_t n = s.size();
  const char* const p = s.data();
  const Cursor cur{s};
  for (;;) {
    // ASCII letters and digits (most of a word's bytes) by table, without decoding
    std::uint8_t cd = kSpace;
    while (j < n && ((cd = byte_class(p[j])) & kAlnum)) {
      flags |= cd;
      ++j;
    }
    if (j == n || (p[j] != '\'' && !(cd & kHigh))) return j;
    std::size_t l2;
    const char32_t d = cur.at(j, l2);
    if (is_letter_cp(d)) {  // a letter beyond ASCII
      flags |= kHigh;
      j += l2;
      continue;
    }
    if (is_apostrophe(d) && j + l2 < n) {
      std::size_t l3;
      const char32_t e = cur.at(j + l2, l3);
      if (is_letter_cp(e)) {
        // possessive 's ends the word
        if ((e == 's' || e == 'S') && (j + l2 + l3 >= n || !is_letter_cp(cur.at(j + l2 + l3, l3))))
          return j;
        flags |= cd;
        j += l2;
        continue;
      }
    }
    return j;
  }
}

// A possessive after the word that ends at i, "'s" or the plural's "'" (ASCII or U+2018 /
// U+2019): its end, or i when there is none.
std::size_t possessive_end(std::string_view s, std::size_t i) {
  const std::size_t n = s.size();
  const Cursor cur{s};
  std::size_t l2, l3;
  const char32_t d = cur.at(i, l2);
  if (!is_apostrophe(d)) return i;
  if (i + l2 < n && (s[i + l2] == 's' || s[i + l2] == 'S'))
    return i + l2 + 1 >= n || !is_letter_cp(cur.at(i + l2 + 1, l3)) ? i + l2 + 1 : i;
  if (i > 0 && (s[i - 1] == 's' || s[i - 1] == 'S'))
    return i + l2 >= n || !is_letter_cp(cur.at(i + l2, l3)) ? i + l2 : i;  // plural
  return i;
}

// the hashes (detail::word_hash) of the one-byte words (ASCII punctuation), and of a
// possessive's "'s"
constexpr auto kByteHash = [] {
  std::array<std::uint64_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    const char b = static_cast<char>(c);
    t[c] = detail::word_hash(std::string_view(&b, 1));
  }
  return t;
}();
constexpr std::uint64_t kPossessiveHash = detail::word_hash("'s");

// The detail::word_hash of a word of `len` bytes, 0 < len <= 16, whose first sixteen bytes
// (and those after it when it is shorter) are `first` and `second` (little-endian), as in
// its lower-case form. From the bytes in registers, and without a branch on the length
// (the second multiply is made for every word, and left out of a word of eight bytes or
// fewer): no copy of the word to hash, no branch to mispredict.
[[gnu::always_inline]] inline std::uint64_t short_word_hash(std::uint64_t first,
                                                            std::uint64_t second, std::size_t len) {
  constexpr std::uint64_t kAll = ~std::uint64_t{0};
  const bool more = len > 8;
  const std::uint64_t h = detail::word_hash_step(detail::kWordHashSeed ^ len,
                                                 first & (kAll >> (64 - 8 * (more ? 8 : len))));
  const std::uint64_t h2 =
      detail::word_hash_step(h, second & (kAll >> (64 - 8 * (more ? len - 8 : 1))));
  return (more ? h2 : h) | detail::kWordHashMark;
}

// The tables the loop over words reads, in one object: their addresses are one base
// address and offsets, not one address each to hold or make again
struct WordTables {
  std::array<std::uint8_t, 256> byte_class;
  std::array<bool, 256> run_byte;
};
constexpr WordTables kWordTables{kByteClass, kRunByte};

// The end of the run of small ASCII letters and digits of a word whose first byte (a
// letter) is at i, the run ending before the end of the text: the first byte from i + 1 on
// that is none. Byte by byte, two a step...
[[gnu::always_inline]] inline std::size_t run_end_bytes(const char* p, std::size_t j) {
  for (;; j += 2) {
    if (!kWordTables.run_byte[static_cast<unsigned char>(p[j])]) return j;
    if (!kWordTables.run_byte[static_cast<unsigned char>(p[j + 1])]) return j + 1;
  }
}
// The runs of small ASCII letters and digits, and the spaces (kSpace), of the 64 bytes of a text
// from `base`: bit k of `run`, of `space`, for the byte at base + k. A word's end is found
// from them with a shift and a count of zero bits: no branch for each byte (mispredicted at
// the end of most words), and no load of the word's bytes between one word's start and the
// next one's (the loop's chain from token to token).
struct RunWindow {
  std::size_t base;  // (at first the end of the text: no offset of a word is in the window)
  std::uint64_t run = 0, space = 0;

  // The window of the 64 bytes from `at` (SSE2, which every x86-64 has).
  void fill(const char* p, std::size_t at) {
    base = at;
#if defined(__SSE2__)
    std::uint64_t r = 0, sp = 0;
    for (int k = 0; k < 4; ++k) {
      // a byte b is in 'a'..'z' when b - 'a', moved down by 128 as a signed byte, is below
      // -128 + 26 (one signed comparison); the same for '0'..'9'
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at + 16 * k));
      const __m128i in_run =
          _mm_or_si128(_mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - 'a'))),
                                      _mm_set1_epi8(static_cast<char>(-128 + 26))),
                       _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - '0'))),
                                      _mm_set1_epi8(static_cast<char>(-128 + 10))));
      r |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(in_run))} << (16 * k);
      // the spaces (kSpace): ' ', and \t to \r (9 to 13) as above
      const __m128i is_space = _mm_or_si128(
          _mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
          _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - '\t'))),
                         _mm_set1_epi8(static_cast<char>(-128 + 5))));
      sp |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(is_space))} << (16 * k);
    }
    run = r;
    space = sp;
#else
    run = space = 0;
    for (std::size_t k = 0; k < 64; ++k) {
      run |= std::uint64_t{kRunByte[static_cast<unsigned char>(p[at + k])]} << k;
      space |= std::uint64_t{(kByteClass[static_cast<unsigned char>(p[at + k])] & kSpace) != 0}
               << k;
    }
#endif
  }

  // The end of the run of small ASCII letters and digits of a word whose first byte (a
  // letter) is at i, the run ending before the end of the text, with `readable` bytes
  // readable from p: the first byte from i + 1 on that is none; `gap`: 1 when that byte
  // is a space, else 0. From the window, made again from i when it does not hold the end.
  [[gnu::always_inline]] std::size_t run_end(const char* p, std::size_t i, std::size_t readable,
                                             std::size_t& gap) {
    if (const std::size_t off = i - base; off < 63) {  // (i below base: a huge number)
      if (const std::uint64_t other = ~run >> (off + 1); other != 0) {
        const std::size_t j = i + 1 + static_cast<std::size_t>(std::countr_zero(other));
        gap = (space >> (j - base)) & 1;
        return j;
      }
    }
    std::size_t j;
    if (i + 64 <= readable) {
      fill(p, i);
      const std::uint64_t other = ~run >> 1;
      if (other != 0) {
        j = i + 1 + static_cast<std::size_t>(std::countr_zero(other));
        gap = (space >> (j - base)) & 1;
        return j;
      }
      j = run_end_bytes(p, i + 64);
    } else {
      j = run_end_bytes(p, i + 1);
    }
    gap = (kByteClass[static_cast<unsigned char>(p[j])] & kSpace) != 0;
    return j;
  }

  // Past the space at i and those after it that the window holds (made again from i when
  // it holds none after i), with `readable` bytes readable from p: an offset after i
  // where the spaces from i go on or end. (Runs of spaces, as the indentation of a
  // paragraph's lines, are passed at once, not with a step of the loop each.)
  [[gnu::always_inline]] std::size_t after_spaces(const char* p, std::size_t i,
                                                  std::size_t readable) {
    if (const std::size_t off = i - base; off < 64) {  // (i below base: a huge number)
      if (const std::uint64_t other = ~space >> off; other != 0)
        return i + static_cast<std::size_t>(std::countr_zero(other));
      return base + 64;
    }
    if (i + 64 > readable) return i + 1;
    fill(p, i);
    const std::uint64_t other = ~space;
    return other != 0 ? i + static_cast<std::size_t>(std::countr_zero(other)) : i + 64;
  }
};
std::uint8_t word_class(char c) { return kWordTables.byte_class[static_cast<unsigned char>(c)]; }

// 1 when the byte at j of a text of n bytes is a space (kSpace), else 0 (and 0 at j == n),
// the byte before j being no space: without a branch (the byte at j - 1 is read instead of
// the one at n), so that a token's loop skips the space most tokens are followed by in the
// step that reads the token, not in a step of its own (and a branch on the byte's class).
[[gnu::always_inline]] inline std::size_t space_at(const char* p, std::size_t j, std::size_t n) {
  return (word_class(p[j < n ? j : j - 1]) / kSpace) & 1;
}

// The tokens of a document's paragraphs, made in one thread's buffer that grows and is
// never given back, or in the document's.
using TokenBuffer = DocumentTokens;

// Writes the token [b, e) of the text at p at *o and its hash at *oh, and moves both on.
// (Inline for the tokenizer's loop, which keeps o and oh in its own registers.)
[[gnu::always_inline]] inline void put_token(sdk::Token*& o, std::uint64_t*& oh, std::size_t b,
                                             std::size_t e, const char* p, sdk::TokenKind kind,
                                             std::string_view lower, bool capitalized,
                                             std::uint64_t hash) {
  o->span = {b, e};
  o->text = std::string_view(p + b, e - b);
  o->lower = lower;
  o->kind = kind;
  o->capitalized = capitalized;
  ++o;
  *oh++ = hash;
}

// Where the tokens of a text are written while it is read: the next token, its hash (see
// DocumentTokens) and the next lower-case form that differs from the text.
struct TokenWriter {
  sdk::Token* o;
  std::uint64_t* oh;  // the hash of *o
  char* low;
  void push(std::size_t b, std::size_t e, const char* p, sdk::TokenKind kind,
            std::string_view lower, bool capitalized, std::uint64_t hash) {
    put_token(o, oh, b, e, p, kind, lower, capitalized, hash);
  }
  // the lower-case form of a token whose bytes' classes, or-ed, are `flags`
  std::string_view general_form(std::string_view t, std::uint8_t flags) {
    return lower_form(t, flags, low);
  }
};

// The end of the number of s that starts at i: digits, letters ("18th", "1990s", "100M"),
// inner , . : / and ISO dashes; `flags`: the classes of its letters and digits, or-ed.
// Out of line, as read_token().
[[gnu::noinline]] std::size_t number_end(std::string_view s, std::size_t i, std::uint8_t& flags) {
  const std::size_t n = s.size();
  const char* const p = s.data();
  const std::size_t start = i;
  std::size_t j = i;
  std::uint8_t f = 0;
  while (j < n) {
    const char d = p[j];
    if (const std::uint8_t cd = word_class(d); cd & kAlnum) {
      f |= cd;
      ++j;
    } else if ((d == ',' || d == '.' || d == ':' || d == '/') && j + 1 < n && is_digit(p[j + 1]) &&
               j > start && is_digit(p[j - 1])) {
      ++j;
    } else if (d == '-' && j + 2 < n && is_digit(p[j + 1]) && is_digit(p[j + 2]) &&
               j - start == 4 && is_digit(p[start]) && is_digit(p[start + 3])) {
      ++j;  // 2025-02
    } else if (d == '-' && j + 2 < n && is_digit(p[j + 1]) && is_digit(p[j + 2]) &&
               j - start == 7 && p[start + 4] == '-') {
      ++j;  // 2025-02-18
    } else {
      break;
    }
  }
  flags = f;
  return j;
}

// Reads the token of s that starts at i into `w`, for tokenize_into(): a word that starts
// with an ASCII letter (those the loop there leaves: capitals after the first letter,
// apostrophes, letters beyond ASCII, initialisms), or what starts with a byte of 0x80 or
// above (a space, a word, punctuation). Returns the offset after it (and after the space
// that follows a word). Out of line: the values the loop over the common tokens holds stay
// in its registers. Tokens that may end a sentence go to `out.ends`, by their number from
// token `first` of `out`.
[[gnu::noinline]] std::size_t read_token(std::string_view s, std::size_t i, TokenWriter& w,
                                         TokenBuffer& out, std::size_t first) {
  const std::size_t n = s.size();
  const char* const p = s.data();
  auto possessive = [&](std::size_t& i) {
    if (i < n && (p[i] == '\'' || static_cast<unsigned char>(p[i]) == 0xE2)) {
      if (const std::size_t e = possessive_end(s, i); e != i) {
        w.push(i, e, p, sdk::TokenKind::punct, std::string_view("'s"), false, kPossessiveHash);
        i = e;
      }
    }
  };
  const std::uint8_t c0 = word_class(p[i]);
  const std::size_t start = i;
  if (c0 & (kLower | kUpper)) {
    // a word that starts with an ASCII letter; its hash is made from its lower-case form
    // once the word is read
    std::uint8_t flags = c0;
    std::uint8_t cd = 0;  // the class of the byte after the word (0: none, at the end)
    std::size_t j = i + 1;
    while (j < n && word_class(p[j]) & (kLower | kDigit)) ++j;
    if (j < n) cd = word_class(p[j]);
    // a capital, an apostrophe, other letters, or punctuation (an initialism?)
    if (cd & (kUpper | kHigh | kApos | kPunct)) {
      if (cd & (kUpper | kHigh | kApos)) {
        if (cd & kUpper) {  // a capital after the first letter ("USA", "iPhone"): the rest
          flags |= kUpper;
          while (j < n && ((cd = word_class(p[j])) & kAlnum)) ++j;
        }
        if (cd & (kHigh | kApos)) {  // an apostrophe or a letter beyond ASCII after the word
          j = word_end(s, j, flags);
          const std::string_view t(p + start, j - start);
          const std::string_view f = w.general_form(t, flags);
          w.push(start, j, p, sdk::TokenKind::word, f, (c0 & kUpper) != 0, detail::word_hash(f));
          i = j;
          possessive(i);
          return i;
        }
      }
      if (j == i + 1 && j + 2 < n && p[j] == '.' && alpha_byte(p[j + 1]) && p[j + 2] == '.') {
        // initialisms: U.S., a.m., U.N.
        std::size_t k = j;
        while (k + 1 < n && p[k] == '.' && alpha_byte(p[k + 1]) &&
               (k + 2 == n || p[k + 2] == '.' || !alpha_byte(p[k + 2]))) {
          flags |= word_class(p[k + 1]);
          k += 2;
        }
        if (k < n && p[k] == '.') ++k;
        j = k;
        cd = j < n ? word_class(p[j]) : 0;
        if (p[j - 1] == '.')
          out.ends.push_back(static_cast<std::uint32_t>(w.o - out.data.get() - first));
      }
    }
    std::string_view lower(p + start, j - start);
    if (flags & kUpper) {
      const std::size_t len = j - start;
      for (std::size_t k = 0; k < len; ++k)
        w.low[k] = kAsciiLower[static_cast<unsigned char>(p[start + k])];
      lower = std::string_view(w.low, len);
      w.low += len;
    }
    w.push(start, j, p, sdk::TokenKind::word, lower, (c0 & kUpper) != 0, detail::word_hash(lower));
    return cd & kSpace ? j + 1 : j;  // (the space most words are followed by)
  }
  // a byte of 0x80 or above: space, a letter that starts a word, or punctuation
  std::size_t len;
  const char32_t c = Cursor{s}.at(i, len);
  if (is_space_cp(c)) return i + len;
  if (!is_letter_cp(c)) {
    const std::string_view t(p + i, len);
    const std::string_view f = w.general_form(t, kHigh);
    w.push(i, i + len, p, sdk::TokenKind::punct, f, starts_upper(t), detail::word_hash(f));
    return i + len;
  }
  std::uint8_t flags = kHigh;
  const std::size_t j = word_end(s, i + len, flags);
  const std::string_view t(p + start, j - start);
  const std::string_view f = w.general_form(t, kHigh);
  w.push(start, j, p, sdk::TokenKind::word, f, starts_upper(t), detail::word_hash(f));
  i = j;
  possessive(i);
  return i;
}

// A paragraph of a text, [begin, end), and where tokenize_into() put its tokens: the
// first and their number, and its entries of `ends` (see DocumentTokens).
struct Paragraph {
  std::size_t begin = 0, end = 0;
  std::size_t first_token = 0, token_count = 0;
  std::size_t first_end = 0, end_count = 0;
};

// Appends the tokens of each paragraph of `text` to `out`, offsets relative to the
// paragraph, and those of them that may end a sentence to `out.ends`, by their number from
// the paragraph's first; see tokenize(). kCheckRoom false: `out` has room for the
// paragraphs' sizes, and 2 for each, more tokens (a token has a byte at least).
// Lower-case forms that differ from the text go to `w`, which is no further into its
// buffer than a paragraph is into a text that ends at the buffer's end or before: the bytes
// from `w` to the buffer's end are at least as many as those from a token to the text's end.
// The common tokens (words of ASCII letters and digits, spaces, ASCII punctuation) are read
// here, the others by read_token(); the paragraphs in one call, which costs less than one
// call each.
template <bool kCheckRoom>
[[gnu::noinline]] void tokenize_into(std::string_view text, std::span<Paragraph> paragraphs,
                                     TokenBuffer& out, char*& w) {
  char* low = w;  // kept here, not behind the reference, while tokens are read
  sdk::Token* o = out.data.get() + out.count;
  sdk::Token* o_end = out.data.get() + out.capacity;
  std::uint64_t* oh = out.hashes.get() + out.count;  // the hash of *o
  for (Paragraph& para : paragraphs) {
    const std::string_view s = text.substr(para.begin, para.end - para.begin);
    const std::size_t n = s.size();
    const char* const p = s.data();
    // the bytes that may be read from p: to the end of the text (those after the paragraph
    // are read, and left out, by the loads of many bytes at once below)
    const std::size_t readable = static_cast<std::size_t>(text.data() + text.size() - p);
    const std::size_t first = static_cast<std::size_t>(o - out.data.get());
    para.first_token = first;
    para.first_end = out.ends.size();
    auto push = [&](std::size_t b, std::size_t e, sdk::TokenKind kind, std::string_view lower,
                    bool capitalized, std::uint64_t hash) {
      put_token(o, oh, b, e, p, kind, lower, capitalized, hash);
    };
    // one byte of ASCII punctuation at `at`, of class `cls`: its token (its own lower-case
    // form; . ! ? may end a sentence), read with the space after it. Returns the offset
    // after them.
    auto push_punct = [&](std::size_t at, std::uint8_t cls) {
      if (cls & kEnd) out.ends.push_back(static_cast<std::uint32_t>(o - out.data.get() - first));
      push(at, at + 1, sdk::TokenKind::punct, std::string_view(p + at, 1), false,
           kByteHash[static_cast<unsigned char>(p[at])]);
      return at + 1 + space_at(p, at + 1, n);
    };
    // The run of small letters and digits of a word that starts before `guarded` stops
    // before it (the byte before it is no ASCII letter or digit): that loop needs no test
    // for the end of s.
    std::size_t guarded = n;
    while (guarded > 0 && word_class(p[guarded - 1]) & kAlnum) --guarded;
    std::size_t i = 0;
    RunWindow window{n};  // (none yet)
    // the tokens that start before `guarded`, then the rest
    auto read = [&](auto before_guard, std::size_t stop) {
      while (i < stop) {
        const std::uint8_t c0 = word_class(p[i]);
        if constexpr (kCheckRoom) {
          // room for the two tokens a step may push: a word and its possessive
          if (o_end - o < 2) {
            out.count = static_cast<std::size_t>(o - out.data.get());
            out.grow();
            o = out.data.get() + out.count;
            o_end = out.data.get() + out.capacity;
            oh = out.hashes.get() + out.count;
          }
        }
        const std::size_t start = i;
        if (c0 & (kLower | kUpper)) {
          // a word that starts with an ASCII letter (most tokens): the run of small ASCII
          // letters and digits after its first letter
          std::size_t j;
          std::uint8_t cd = 0;  // the class of the byte after the word (0: none, at the end)
          std::size_t gap;      // the space after the word, skipped with it: 1 or 0
          if constexpr (decltype(before_guard)::value) {
            // a byte of the run is never the last of s (see `guarded`)
            j = window.run_end(p, i, readable, gap);
            cd = word_class(p[j]);
          } else {
            j = i + 1;
            while (j < n && word_class(p[j]) & (kLower | kDigit)) ++j;
            if (j < n) cd = word_class(p[j]);
            gap = cd & kSpace ? 1 : 0;
          }
          // (rare) a capital, an apostrophe or another letter after the run, or a letter and
          // punctuation, which may be an initialism ("U.S."): the word is read again by
          // read_token()
          if ((cd & (kUpper | kHigh | kApos)) || (j == i + 1 && cd & kPunct)) {
            TokenWriter tw{o, oh, low};
            i = read_token(s, i, tw, out, first);
            o = tw.o;
            oh = tw.oh;
            low = tw.low;
            continue;
          }
          // its lower-case form: the text, or (a capital first) the text with the first
          // letter lowered; and the hash of that form, from its first eight bytes in a
          // register (lowered: + 0x20 to the first, which small letters have already)
          const std::size_t len = j - start;
          std::string_view lower(p + start, len);
          std::uint64_t hash;
          if (kEightAtATime && start + 16 <= readable && len <= 16) {
            // (without a branch on the capital: one is mispredicted for many words) the
            // sixteen bytes from the word's start, lowered, written where the next form
            // goes (those after the word too, where the forms of the tokens after it go:
            // see above tokenize_into), and taken as its form when it has a capital
            const std::uint64_t w8 = load8(p + start) | 0x20;
            const std::uint64_t w8b = load8(p + start + 8);
            std::memcpy(low, &w8, 8);
            std::memcpy(low + 8, &w8b, 8);
            const bool capital = (c0 & kUpper) != 0;
            lower = std::string_view(capital ? low : p + start, len);
            low += capital ? len : 0;
            hash = short_word_hash(w8, w8b, len);
          } else {
            if (c0 & kUpper) {
              for (std::size_t k = 0; k < len; ++k)
                low[k] = kAsciiLower[static_cast<unsigned char>(p[start + k])];
              lower = std::string_view(low, len);
              low += len;
            }
            hash = detail::word_hash(lower);
          }
          push(start, j, sdk::TokenKind::word, lower, (c0 & kUpper) != 0, hash);
          i = j + gap;  // (the space most words are followed by)
          if constexpr (decltype(before_guard)::value) {
            // ASCII punctuation right after the word (",", "."; an apostrophe went to
            // read_token() above), and the space after it: read in this step rather than a
            // step of its own, whose branches on the next byte's class many words
            // mispredicted; the byte at j is in s (see `guarded`)
            if (cd & kPunct) i = push_punct(j, cd);  // (i was j: no space after the word)
          }
          continue;
        }
        if (c0 & kDigit) {  // (the most of the other tokens: numbers, then punctuation)
          std::uint8_t flags = 0;
          const std::size_t j = number_end(s, i, flags);
          // (its ASCII letters and digits: its own lower-case form unless it has capitals)
          const std::size_t len = j - start;
          const std::string_view t(p + start, len);
          std::string_view lower = t;
          std::uint64_t hash;
          if (flags & kUpper) {
            char* at = low;
            lower = lower_form(t, flags, at);
            low = at;
            hash = detail::word_hash(lower);
          } else if (kEightAtATime && start + 16 <= readable && len <= 16) {
            hash = short_word_hash(load8(p + start), load8(p + start + 8), len);
          } else {
            hash = detail::word_hash(lower);
          }
          push(start, j, sdk::TokenKind::number, lower, false, hash);
          i = j + space_at(p, j, n);  // (and the space after it, as after a word)
          continue;
        }
        if (c0 & kPunct) {  // ASCII punctuation
          i = push_punct(i, c0);
          continue;
        }
        if (c0 & kSpace) {  // (tested last: most spaces are skipped with the token before)
          if constexpr (decltype(before_guard)::value) {
            // (not past the paragraph's end, where spaces may go on)
            i = std::min(window.after_spaces(p, i, readable), n);
          } else {
            ++i;
          }
          continue;
        }
        // a byte of 0x80 or above
        TokenWriter tw{o, oh, low};
        i = read_token(s, i, tw, out, first);
        o = tw.o;
        oh = tw.oh;
        low = tw.low;
      }
    };
    read(std::true_type{}, guarded);
    read(std::false_type{}, n);
    para.token_count = static_cast<std::size_t>(o - out.data.get()) - first;
    para.end_count = out.ends.size() - para.first_end;
  }
  out.count = static_cast<std::size_t>(o - out.data.get());
  w = low;
}

// Appends the tokens of the paragraphs of `text` to `out`: a text of up to 16 kB (most
// documents) with the room for all its tokens made first, a longer one with the room
// checked token by token (the room made first would be several times what it needs).
void tokenize_into(std::string_view text, std::span<Paragraph> paragraphs, TokenBuffer& out,
                   char*& w) {
  if (text.size() > 16384) return tokenize_into<true>(text, paragraphs, out, w);
  std::size_t room = 0;
  for (const Paragraph& para : paragraphs) room += para.end - para.begin + 2;
  while (out.capacity - out.count < room) out.grow();
  tokenize_into<false>(text, paragraphs, out, w);
}

}  // namespace

void DocumentTokens::grow() {
  const std::size_t cap = std::max<std::size_t>(256, capacity * 2);
  auto bigger = std::make_unique<sdk::Token[]>(cap);
  std::copy(data.get(), data.get() + count, bigger.get());
  data = std::move(bigger);
  auto more = std::make_unique_for_overwrite<std::uint64_t[]>(cap);
  std::copy(hashes.get(), hashes.get() + count, more.get());
  hashes = std::move(more);
  capacity = cap;
}

TokenList tokenize(std::string_view s) {
  // tokens and lower-case forms made in this thread's buffers, then copied at their size
  static thread_local TokenBuffer toks;
  static thread_local std::string low;
  toks.clear();
  if (low.size() < s.size()) low.resize(s.size());
  char* w = low.data();
  Paragraph all{0, s.size()};
  tokenize_into(s, std::span(&all, 1), toks, w);
  TokenList out;
  if (toks.empty()) return out;
  auto store = std::make_shared<DocumentTokens>();
  store->data = std::make_unique<sdk::Token[]>(toks.count);
  std::copy(toks.data.get(), toks.data.get() + toks.count, store->data.get());
  store->hashes = std::make_unique_for_overwrite<std::uint64_t[]>(toks.count);
  std::copy(toks.hashes.get(), toks.hashes.get() + toks.count, store->hashes.get());
  store->count = store->capacity = toks.count;
  if (const auto used = static_cast<std::size_t>(w - low.data()); used > 0) {
    store->lower = std::make_unique_for_overwrite<char[]>(used);
    store->lower_size = used;
    std::memcpy(store->lower.get(), low.data(), used);
    const char* const from = low.data();
    for (auto& t : std::span(store->data.get(), store->count))
      if (t.lower.data() >= from && t.lower.data() < w)
        t.lower = std::string_view(store->lower.get() + (t.lower.data() - from), t.lower.size());
  }
  out.tokens = {store->data.get(), store->count};
  out.hashes = store->hashes.get();
  out.lower_store = std::move(store);
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
  r.prepare();
  return r;
}

namespace {

bool contains(const std::vector<std::string>& v, std::string_view w) {
  return std::find(v.begin(), v.end(), w) != v.end();
}

// `line` lower-cased (ASCII, as the "C" locale's tolower), runs of blanks folded to one
// space, without trailing periods and colons; into `out`, whose buffer is reused. With a
// `cap`, folding stops once `out` holds more than `cap` characters: `out` then holds the
// first cap + 1 (or cap + 2) characters of the fold (trailing periods and colons not taken off) and
// the result is the offset in `line` after the last one; npos when the whole line is
// folded.
std::size_t fold_line(std::string_view line, std::string& out,
                      std::size_t cap = std::string_view::npos) {
  // the fold is never longer than the line, nor, with a cap, than cap + 2 characters (a
  // space and a character after cap of them): written into that room, then cut to size
  out.resize(cap >= line.size() ? line.size() : std::min(line.size(), cap + 2));
  char* const b = out.data();
  char* o = b;
  bool space = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == ' ' || c == '\t' || c == '\r') {
      space = o != b;
      continue;
    }
    if (space) *o++ = ' ';
    space = false;
    *o++ = c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
    if (static_cast<std::size_t>(o - b) > cap) {
      out.resize(static_cast<std::size_t>(o - b));
      return i + 1;
    }
  }
  while (o != b && (o[-1] == '.' || o[-1] == ':')) --o;
  out.resize(static_cast<std::size_t>(o - b));
  return std::string_view::npos;
}

// What a line's fold must be like to be boilerplate: its first characters (as many as the
// shortest entry has, up to four) those of an entry, and a line whose fold is longer than
// `cap` (the longest entry) is none of the lines and starts with a prefix when the first
// `cap` characters of its fold do.
struct BoilerplateGate {
  static constexpr std::size_t kWidth = 4;
  std::size_t cap = 0;
  std::size_t width = kWidth;     // characters of the fold the gate reads; < 2: no gate
  std::uint64_t starts[64] = {};  // one bit per entry's first `width` characters (hash())
  // The second look (eight()): the first eight characters of each entry that has eight or
  // more, as a little-endian word; `eights` false when a prefix has fewer (no second look).
  bool eights = kEightAtATime;
  std::vector<std::uint64_t> firsts;
  // 12 bits of the first n <= 4 characters, packed in the order written, bit 5 set in
  // each (kCase): a capital gives the key of its small letter, so that a line's first bytes
  // need not be lowered to be looked up
  static constexpr std::uint32_t kCase = 0x20202020u;
  static unsigned hash(const unsigned char* c, std::size_t n) {
    const std::uint32_t packed = n == 4 ? std::uint32_t{c[0]} | std::uint32_t{c[1]} << 8 |
                                              std::uint32_t{c[2]} << 16 | std::uint32_t{c[3]} << 24
                                        : std::uint32_t{c[0]} | std::uint32_t{c[1]} << 8 |
                                              (n > 2 ? std::uint32_t{c[2]} << 16 : 0u);
    return ((packed | (kCase >> (8 * (4 - n)))) * 0x9E3779B1u) >> 20;
  }
  explicit BoilerplateGate(const SegmenterRules& rules) {
    // one pass when every entry has `width` characters or more (the lexicon's do); else
    // again with the shortest entry's length
    auto add_all = [&] {
      for (const auto* list : {&rules.boilerplate, &rules.boilerplate_prefixes})
        for (const auto& e : *list) {
          if (e.size() < width) return false;
          cap = std::max(cap, e.size());
          const unsigned h = hash(reinterpret_cast<const unsigned char*>(e.data()), width);
          starts[h >> 6] |= std::uint64_t{1} << (h & 63);
        }
      return true;
    };
    for (const auto* list : {&rules.boilerplate, &rules.boilerplate_prefixes})
      for (const auto& e : *list)
        if (e.size() >= 8)
          firsts.push_back(load8(e.data()));
        else if (list == &rules.boilerplate_prefixes)
          eights = false;
    if (add_all()) return;
    for (const auto* list : {&rules.boilerplate, &rules.boilerplate_prefixes})
      for (const auto& e : *list) width = std::min(width, e.size());
    std::fill(std::begin(starts), std::end(starts), 0);
    cap = 0;
    if (width >= 2) {
      add_all();
    } else {
      for (const auto* list : {&rules.boilerplate, &rules.boilerplate_prefixes})
        for (const auto& e : *list) cap = std::max(cap, e.size());
    }
  }
  // False when the line's fold cannot be an entry nor start with one: its first `width`
  // characters are those of no entry, or it has fewer (periods and colons taken off its
  // end only make it shorter). `k`: the number of blanks the line starts with.
  [[gnu::always_inline]] bool may_match(std::string_view line, std::size_t k) const {
    const std::size_t n = line.size();
    if (k == n) return false;  // an empty fold
    if (width < 2) return true;
    if (width == 4 && n - k >= 4) {
      // (most lines) four bytes none of which is below '!' (no blank): they are the fold's
      // first four characters, but for the case of their capitals, which the key ignores
      std::uint32_t w;
      std::memcpy(&w, line.data() + k, 4);
      constexpr std::uint32_t kOnes = 0x01010101u, kHigh = 0x80808080u;
      if (std::endian::native == std::endian::little && ((w - kOnes * '!') & ~w & kHigh) == 0) {
        const unsigned h = (w | kCase) * 0x9E3779B1u >> 20;
        return starts[h >> 6] & (std::uint64_t{1} << (h & 63));
      }
      // the four bytes from the first that is not blank, a blank as the space
      // it folds to: the fold's first four characters, unless two blanks follow each other
      // (a line that ends in a blank may pass here and not below: the gate only has to
      // let every entry through)
      const auto* b = reinterpret_cast<const unsigned char*>(line.data() + k);
      const std::uint32_t f0 = kFoldChar[b[0]], f1 = kFoldChar[b[1]], f2 = kFoldChar[b[2]],
                          f3 = kFoldChar[b[3]];
      if (f2 != ' ' || (f1 != ' ' && f3 != ' ')) {
        const unsigned h = (f0 | f1 << 8 | f2 << 16 | f3 << 24 | kCase) * 0x9E3779B1u >> 20;
        return starts[h >> 6] & (std::uint64_t{1} << (h & 63));
      }
    }
    unsigned char f[kWidth];
    for (std::size_t q = 0; q < width; ++q) {
      if (k == n) return false;  // a fold shorter than every entry
      const std::uint16_t c = kFoldByte[static_cast<unsigned char>(line[k])];
      if (c == kBlank) {
        while (k < n && kFoldByte[static_cast<unsigned char>(line[k])] == kBlank) ++k;
        if (k == n) return false;  // blanks at the end are no part of the fold
        f[q] = ' ';
        continue;
      }
      f[q] = static_cast<unsigned char>(c);
      ++k;
    }
    const unsigned h = hash(f, width);
    return starts[h >> 6] & (std::uint64_t{1} << (h & 63));
  }
  // False when the line's fold (a line the gate let through) is sure to be no entry nor to
  // start with one: its eight bytes from k (the first that is not blank) are its fold's first
  // eight characters (no control byte, no tab or carriage return, no two spaces in a row,
  // the eighth no period, colon or space, which the fold could take off its end) and the first
  // eight of no entry of eight characters or more; an entry with fewer can be no fold of
  // eight or more, and start one only if it is a prefix (then `eights` is false).
  bool eight(std::string_view line, std::size_t k) const {
    if (!eights || line.size() - k < 8) return true;
    constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    const std::uint64_t w = load8(line.data() + k);
    if ((w - kOnes * ' ') & ~w & kHigh) return true;  // a byte below ' '
    // the spaces (a zero byte of x), and perhaps a '!' after one: two in a row
    const std::uint64_t x = w ^ (kOnes * ' ');
    const std::uint64_t spaces = (x - kOnes) & ~x & kHigh;
    if (spaces & (spaces << 8)) return true;
    if (const char last = line[k + 7]; last == '.' || last == ':' || last == ' ') return true;
    const std::uint64_t folded = w | ascii_capitals(w) >> 2;
    return std::find(firsts.begin(), firsts.end(), folded) != firsts.end();
  }
  // A byte of a line as the fold has it: ASCII capitals lowered, and kBlank for the blanks
  // (space, tab, carriage return) whose runs fold to one space
  static constexpr std::uint16_t kBlank = 0x100;
  static constexpr auto kFoldByte = [] {
    std::array<std::uint16_t, 256> t{};
    for (int c = 0; c < 256; ++c)
      t[c] = c == ' ' || c == '\t' || c == '\r'
                 ? kBlank
                 : static_cast<std::uint16_t>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    return t;
  }();
  // the same, a blank as a space
  static constexpr auto kFoldChar = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 0; c < 256; ++c)
      t[c] = kFoldByte[c] == kBlank ? ' ' : static_cast<unsigned char>(kFoldByte[c]);
    return t;
  }();
};

}  // namespace

struct SegmenterIndex {
  BoilerplateGate gate;
  detail::WordIndex abbreviations;
  detail::WordIndex sentence_starters;
  // the lists it was made from: their entries' addresses and counts
  std::array<std::pair<const std::string*, std::size_t>, 4> made_from;

  static auto lists_of(const SegmenterRules& r) {
    return std::array<std::pair<const std::string*, std::size_t>, 4>{
        {{r.abbreviations.data(), r.abbreviations.size()},
         {r.sentence_starters.data(), r.sentence_starters.size()},
         {r.boilerplate.data(), r.boilerplate.size()},
         {r.boilerplate_prefixes.data(), r.boilerplate_prefixes.size()}}};
  }
  explicit SegmenterIndex(const SegmenterRules& r) : gate(r), made_from(lists_of(r)) {
    for (const auto& w : r.abbreviations) abbreviations.add(w);
    for (const auto& w : r.sentence_starters) sentence_starters.add(w);
  }
  bool fits(const SegmenterRules& r) const { return made_from == lists_of(r); }
};

void SegmenterRules::prepare() { index = std::make_shared<const SegmenterIndex>(*this); }

namespace {

// For a line the gate lets through (few lines): the caller asks gate.may_match() first.
// `blanks`: the number of blanks (space, tab, carriage return) the line starts with.
[[gnu::noinline]] bool is_boilerplate(std::string_view line, std::size_t blanks,
                                      const SegmenterRules& rules, const BoilerplateGate& gate) {
  if (!gate.eight(line, blanks)) return false;
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

// What split_paragraph() reads and where it puts what it makes: the buffer of the
// paragraphs' tokens (the document's when tokens are given, else this thread's) and, when
// tokens are given, the number of tokens of each sentence.
struct ParagraphWork {
  TokenBuffer& toks;
  bool keep;  // the document's buffer: the sentences' tokens are kept
  std::vector<std::size_t>& counts;
  const SegmenterIndex& index;
};

// The tokens of one paragraph in its buffer, and those that may end a sentence.
struct ParagraphTokens {
  const sdk::Token* data;
  const std::uint64_t* hashes;
  std::size_t count;
  const std::uint32_t* ends;
  std::size_t end_count;
  std::size_t size() const { return count; }
  bool empty() const { return count == 0; }
  const sdk::Token& operator[](std::size_t k) const { return data[k]; }
};

// The sentences of a paragraph whose tokens are made (see tokenize_into).
void split_paragraph(const Paragraph& para, const SegmenterRules& rules,
                     std::vector<SentenceSpan>& out, ParagraphWork& work) {
  const std::size_t pb = para.begin;
  auto& buf = work.toks;
  const std::size_t at = para.first_token;
  const ParagraphTokens toks{buf.data.get() + at, buf.hashes.get() + at, para.token_count,
                             buf.ends.data() + para.first_end, para.end_count};
  const std::size_t first_sentence = work.counts.size();
  std::size_t sent_start = 0;  // token index
  // the sentences of tokens [first, last_excl), at most max_sentence_tokens each (inlined at
  // both its calls: a call for each sentence cost more than its code)
  auto emit = [&](std::size_t first, std::size_t last_excl, bool heading)
      __attribute__((always_inline)) {
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
      if (work.keep) work.counts.push_back(cut - first);
      first = cut;
    }
  };
  bool has_terminal = false;
  const sdk::Token* const tk = toks.data;
  const std::size_t count = toks.size();
  const std::uint32_t* const ends = toks.ends;
  const std::size_t end_count = toks.end_count;
  std::size_t next_end = 0;
  for (std::size_t i = 0; i < count; ++i) {
    // only a token that ends in a period, "!" or "?" may end a sentence: on to the next
    while (next_end < end_count && ends[next_end] < i) ++next_end;
    if (next_end == end_count) break;
    i = ends[next_end];
    const auto& t = tk[i];
    bool boundary = false;
    std::size_t end_tok = i + 1;
    const bool term = t.lower == "." || t.lower == "!" || t.lower == "?";
    const bool abbrev_word =
        t.kind == sdk::TokenKind::word && t.lower.size() > 1 && t.lower.back() == '.';  // "u.s."
    if (term || abbrev_word) {
      has_terminal = has_terminal || term;
      // closing quotes and brackets stay with the sentence
      while (end_tok < toks.size() && toks[end_tok].span.begin == toks[end_tok - 1].span.end &&
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
                              (work.index.abbreviations.contains(prev.lower, toks.hashes[i - 1]) ||
                               (prev.text.size() == 1 && upper_byte(prev.text[0])));
          boundary =
              !abbrev || work.index.sentence_starters.contains(next.lower, toks.hashes[end_tok]);
          if (abbrev && next.kind == sdk::TokenKind::number) boundary = false;
        } else if (abbrev_word) {
          boundary = work.index.sentence_starters.contains(next.lower, toks.hashes[end_tok]);
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
  if (work.keep) {
    // each sentence's token offsets made relative to the sentence
    sdk::Token* t = buf.data.get() + at;
    for (std::size_t k = first_sentence; k < work.counts.size(); ++k) {
      const std::size_t n = work.counts[k];
      if (const std::size_t base = t[0].span.begin; base != 0)
        for (std::size_t j = 0; j < n; ++j)
          t[j].span = {t[j].span.begin - base, t[j].span.end - base};
      t += n;
    }
  }
}

}  // namespace

namespace {

// The newlines of a text, found 64 bytes at a time (one bit for each '\n' of a block,
// taken off as it is given), and in the last bytes, fewer than 64, one by one.
class NewlineFinder {
 public:
  explicit NewlineFinder(std::string_view s) : s_(s) {}
  // The offset of the first '\n' at or after `from`, else the text's size; `from` is 0,
  // then one past the offset given before.
  std::size_t next(std::size_t from) {
    while (mask_ == 0) {
      if (s_.size() - end_ < 64) {
        from = std::max(from, end_);
        const void* at =
            from < s_.size() ? std::memchr(s_.data() + from, '\n', s_.size() - from) : nullptr;
        return at ? static_cast<std::size_t>(static_cast<const char*>(at) - s_.data()) : s_.size();
      }
      start_ = end_;
      end_ = start_ + 64;
      mask_ = block(s_.data() + start_);
    }
    const std::size_t at = start_ + static_cast<std::size_t>(std::countr_zero(mask_));
    mask_ &= mask_ - 1;
    return at;
  }

 private:
  // (out of line: inlined into the splitter's loop, its vectors went through the stack)
  [[gnu::noinline]] static std::uint64_t block(const char* p) {
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n');
    const auto* q = reinterpret_cast<const __m128i*>(p);
    const __m128i a = _mm_cmpeq_epi8(nl, _mm_loadu_si128(q));
    const __m128i b = _mm_cmpeq_epi8(nl, _mm_loadu_si128(q + 1));
    const __m128i c = _mm_cmpeq_epi8(nl, _mm_loadu_si128(q + 2));
    const __m128i d = _mm_cmpeq_epi8(nl, _mm_loadu_si128(q + 3));
    // the four 16-bit masks in one word, the first lowest
    const auto bits = [](__m128i v) {
      return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(v)));
    };
    return bits(a) | bits(b) << 16 | bits(c) << 32 | bits(d) << 48;
#else
    std::uint64_t m = 0;
    for (int i = 0; i < 64; ++i) m |= std::uint64_t{p[i] == '\n'} << i;
    return m;
#endif
  }
  std::string_view s_;
  std::size_t start_ = 0, end_ = 0;  // the block [start_, end_) ...
  std::uint64_t mask_ = 0;           // ... and its newlines not given yet
};

std::vector<SentenceSpan> split_into(std::string_view text, const SegmenterRules& rules,
                                     DocumentTokens* doc, std::vector<TokenList>* tokens) {
  if (tokens) tokens->clear();
  std::vector<SentenceSpan> out;
  // news runs to about a sentence per hundred bytes: room for most documents' sentences
  out.reserve(text.size() / 96 + 4);
  if (tokens) tokens->reserve(text.size() / 96 + 4);
  // the rules' index, or one made for this call when they have none that fits them
  std::unique_ptr<const SegmenterIndex> own;
  if (!rules.index || !rules.index->fits(rules)) own = std::make_unique<SegmenterIndex>(rules);
  const SegmenterIndex& index = own ? *own : *rules.index;
  const BoilerplateGate& gate = index.gate;
  // Lower-case forms: with `doc`, in its store, which the sentences share; else in this
  // thread's buffer. Either has room for the whole text.
  static thread_local TokenBuffer toks;
  static thread_local std::string scratch;
  static thread_local std::vector<std::size_t> counts;
  counts.clear();
  char* low;
  if (doc) {
    doc->clear();
    if (doc->lower_size < text.size() || !doc->lower) {
      doc->lower = std::make_unique_for_overwrite<char[]>(std::max<std::size_t>(text.size(), 1));
      doc->lower_size = std::max<std::size_t>(text.size(), 1);
    }
    low = doc->lower.get();
  } else {
    if (scratch.size() < text.size()) scratch.resize(text.size());
    low = scratch.data();
  }
  TokenBuffer& buf = doc ? *doc : toks;
  if (!doc) buf.clear();
  ParagraphWork work{buf, doc != nullptr, counts, index};
  // Paragraphs: separated by blank lines, or by a new line that starts indented; each from
  // its first character that is not ASCII white space (the tokens are the same): its first
  // sentence then starts at offset 0 and keeps its tokens' offsets.
  static thread_local std::vector<Paragraph> paragraphs;
  paragraphs.clear();
  std::size_t pos = 0;
  std::size_t para_begin = std::string_view::npos;
  auto flush = [&](std::size_t end) {
    if (para_begin == std::string_view::npos) return;
    std::size_t pb = para_begin;
    while (pb < end && byte_class(text[pb]) & kSpace) ++pb;
    paragraphs.push_back({pb, end});
    para_begin = std::string_view::npos;
  };
  NewlineFinder newlines(text);
  while (pos <= text.size()) {
    const std::size_t nl = newlines.next(pos);
    const std::string_view line(text.data() + pos, nl - pos);
    if (!line.empty() && static_cast<unsigned char>(line[0]) > ' ') {
      // (most lines) no blank first: the line is neither blank nor indented
      if (gate.may_match(line, 0) && is_boilerplate(line, 0, rules, gate))
        flush(pos);
      else if (para_begin == std::string_view::npos)
        para_begin = pos;
      if (nl >= text.size()) break;
      pos = nl + 1;
      continue;
    }
    // (the four spaces a paragraph starts with in some corpora, at once)
    std::size_t k = line.size() >= 4 && std::memcmp(line.data(), "    ", 4) == 0 ? 4 : 0;
    while (k < line.size() && (line[k] == ' ' || line[k] == '\t' || line[k] == '\r')) ++k;
    const std::size_t blanks = k;  // (those the boilerplate fold skips)
    if (k < line.size() && (line[k] == '\v' || line[k] == '\f'))
      while (k < line.size() && (line[k] == ' ' || (line[k] >= '\t' && line[k] <= '\r'))) ++k;
    const bool blank = k == line.size();  // spaces, tabs, \r, \f and \v only
    const bool indented = blanks > 0 && (line[0] == ' ' || line[0] == '\t') && !blank;
    if (blank) {
      flush(pos);
    } else if (gate.may_match(line, blanks) && is_boilerplate(line, blanks, rules, gate)) {
      flush(pos);
    } else {
      if (indented) flush(pos);
      // (after the line's leading spaces, which split_paragraph would skip again)
      if (para_begin == std::string_view::npos) para_begin = pos + k;
    }
    if (nl >= text.size()) break;
    pos = nl + 1;
  }
  flush(text.size());
  tokenize_into(text, paragraphs, buf, low);
  for (const Paragraph& para : paragraphs) split_paragraph(para, rules, out, work);
  if (doc && tokens) {
    // the sentences' tokens are the document's, in order: each its run of the tokens and
    // of the hashes
    const sdk::Token* t = doc->data.get();
    const std::uint64_t* h = doc->hashes.get();
    tokens->resize(counts.size());
    for (std::size_t k = 0; k < counts.size(); ++k) {
      auto& tl = (*tokens)[k];
      tl.tokens = {t, counts[k]};
      tl.hashes = h;
      t += counts[k];
      h += counts[k];
    }
  }
  return out;
}

}  // namespace

std::vector<SentenceSpan> split_sentences(std::string_view text, const SegmenterRules& rules,
                                          std::vector<TokenList>* tokens) {
  if (!tokens) return split_into(text, rules, nullptr, nullptr);
  // a store of the sentences' own, which they share
  auto doc = std::make_shared<DocumentTokens>();
  auto out = split_into(text, rules, doc.get(), tokens);
  const std::shared_ptr<const void> store = std::move(doc);
  for (auto& tl : *tokens) tl.lower_store = store;
  return out;
}

std::vector<SentenceSpan> split_sentences(std::string_view text, const SegmenterRules& rules,
                                          DocumentTokens& doc, std::vector<TokenList>& tokens) {
  return split_into(text, rules, &doc, &tokens);
}

}  // namespace chronicle
