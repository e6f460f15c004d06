// The JSON string escaper every JSON writer uses (the timex lines, the JSON timeline):
// its bytes pinned for the hard cases, and equal to nlohmann::json's dump everywhere.
#include <chronicle/json_string.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

using chronicle::append_json_string;
using chronicle::json_string_room;
using chronicle::write_json_string;

// What the escaper writes for `s` into a buffer of exactly json_string_room(s) bytes.
std::string written(std::string_view s) {
  std::string buffer(json_string_room(s), '\x7f');
  const char* end = write_json_string(buffer.data(), s);
  const auto size = static_cast<std::size_t>(end - buffer.data());
  EXPECT_LE(size, buffer.size());
  return buffer.substr(0, size);
}

// What it appends to a string that already holds something.
std::string appended(std::string_view s) {
  std::string out = "[";
  append_json_string(out, s);
  EXPECT_EQ(out.substr(0, 1), "[");
  return out.substr(1);
}

// The reference: nlohmann::json's dump, no ASCII escaping, invalid UTF-8 replaced.
std::string dumped(std::string_view s) {
  return nlohmann::json(std::string(s))
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

struct Case {
  std::string in, out;
};

const std::vector<Case>& hard_cases() {
  static const std::vector<Case> cases = {
      {"", R"("")"},
      {"plain ASCII text, longer than a word", R"("plain ASCII text, longer than a word")"},
      {R"(say "no")", R"("say \"no\"")"},
      {R"(C:\dir\file)", R"("C:\\dir\\file")"},
      {"\b\t\n\f\r", R"("\b\t\n\f\r")"},
      {std::string("a\0b", 3), R"("a\u0000b")"},
      {"\x01\x0b\x0e\x1a\x1f", R"("\u0001\u000b\u000e\u001a\u001f")"},
      {"DEL\x7f", "\"DEL\x7f\""},  // DEL is not escaped
      {"line\xE2\x80\xA8para\xE2\x80\xA9", "\"line\xE2\x80\xA8para\xE2\x80\xA9\""},  // as they are
      {"Caf\xC3\xA9 \xE2\x80\x94 \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80",
       "\"Caf\xC3\xA9 \xE2\x80\x94 \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80\""},
      {"\xE2\x80\x9Cquoted\xE2\x80\x9D\n\"again\"",
       "\"\xE2\x80\x9Cquoted\xE2\x80\x9D\\n\\\"again\\\"\""},
      // malformed UTF-8: each bad sequence U+FFFD, escapes as ever
      {"\xFF", "\"\xEF\xBF\xBD\""},
      {"\x80", "\"\xEF\xBF\xBD\""},
      {"a\xC3", "\"a\xEF\xBF\xBD\""},                                // cut short at the end
      {"\xE2\x82x", "\"\xEF\xBF\xBDx\""},                            // cut short before ASCII
      {"\xC0\xAF", "\"\xEF\xBF\xBD\xEF\xBF\xBD\""},                  // overlong
      {"\xE0\x80\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},  // overlong
      {"\xED\xA0\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},  // a surrogate
      {"\xF4\x90\x80\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},  // > U+10FFFF
      {"\n\xFF\"\\", "\"\\n\xEF\xBF\xBD\\\"\\\\\""},
      {std::string("\0\xC3\xA9\xFF", 4), "\"\\u0000\xC3\xA9\xEF\xBF\xBD\""},
      {"0123456789abcdef\"", R"("0123456789abcdef\"")"},  // past two clean words
  };
  return cases;
}

TEST(JsonString, HardCasesArePinned) {
  for (const auto& c : hard_cases()) {
    EXPECT_EQ(written(c.in), c.out) << c.in;
    EXPECT_EQ(appended(c.in), c.out) << c.in;
    EXPECT_EQ(dumped(c.in), c.out) << c.in;  // the reference agrees
  }
}

// A default-made view has no data at all (null): it is written as "" without touching it
// (the sanitizer build checks that no copy is made from the null pointer).
TEST(JsonString, EmptyViewWithoutData) {
  EXPECT_EQ(written(std::string_view{}), "\"\"");
  EXPECT_EQ(appended(std::string_view{}), "\"\"");
}

// A byte that needs work at every place of a string longer than a word, before and after
// the eight-byte checks.
TEST(JsonString, EveryPlaceOfEveryHardByte) {
  const std::vector<std::string> hard = {
      std::string(1, '\0'), "\x1f", "\"",   "\\",          "\n", "\x7f", "\xC3\xA9", "\xE2\x80\xA8",
      "\xF0\x9F\x98\x80",   "\xFF", "\xC3", "\xED\xA0\x80"};
  for (const auto& h : hard) {
    for (std::size_t at = 0; at <= 20; ++at) {
      std::string s(20, 'x');
      s.insert(at, h);
      EXPECT_EQ(written(s), dumped(s)) << at;
      EXPECT_EQ(appended(s), dumped(s)) << at;
    }
  }
}

TEST(JsonString, RandomStringsAsNlohmannWritesThem) {
  std::mt19937 rng(20);
  const std::string alphabet = std::string("ab \"\\\n\t\x01\x1f\x7f", 10) + std::string(1, '\0');
  const std::vector<std::string> pieces = {"\xC3\xA9", "\xE2\x80\x94", "\xE2\x80\xA8",
                                           "\xF0\x9F\x98\x80"};
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const std::size_t length = rng() % 40;
    while (s.size() < length) {
      const unsigned r = rng() % 16;
      if (r < 8)
        s += alphabet[rng() % alphabet.size()];
      else if (r < 12)
        s += pieces[rng() % pieces.size()];
      else if (r < 13 && n % 2 == 0)
        s += static_cast<char>(0x80 + rng() % 0x80);  // often malformed
      else
        s += static_cast<char>('c' + rng() % 20);
    }
    const std::string want = dumped(s);
    ASSERT_EQ(written(s), want);
    ASSERT_EQ(appended(s), want);
    ASSERT_LE(want.size(), json_string_room(s));
  }
}

}  // namespace
