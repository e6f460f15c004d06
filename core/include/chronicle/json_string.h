// Strings in JSON output, the one escaper of every JSON writer: a string is written as
// nlohmann::json's dump writes it (no ASCII escaping, invalid UTF-8 replaced).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace chronicle {

// The most bytes write_json_string writes for `s`: every byte escaped as \u00xx (a
// replaced byte takes 3), and the quotes.
constexpr std::size_t json_string_room(std::string_view s) { return 6 * s.size() + 2; }

// Writes `s` as a quoted JSON string at `out`, which has room for json_string_room(s)
// bytes, and returns the end of what it wrote. Well-formed UTF-8 and ASCII are copied,
// the quote and the backslash escaped, control characters written \b \t \n \f \r or
// \u00xx (DEL and U+2028/U+2029 as they are); a string with malformed UTF-8 is written
// as nlohmann::json writes it, each bad sequence replaced by U+FFFD.
char* write_json_string(char* out, std::string_view s);

// Appends `s` as a quoted JSON string (as write_json_string writes it) to `out`.
void append_json_string(std::string& out, std::string_view s);

}  // namespace chronicle
