// Engine-internal: the words of a name made only of ASCII letters and digits, each word
// starting with a letter, split at single spaces ("New York", "G7", "McDonald"). tokenize()
// makes one word token of each of them (its text the word, its lower-case form the word's
// ASCII lower case): the gazetteer reads its thousands of place names at every start
// without tokenizing each.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chronicle::detail {

inline bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool ascii_alnum(char c) { return ascii_letter(c) || (c >= '0' && c <= '9'); }

// Whether `s` is one plain word: an ASCII letter, then ASCII letters and digits.
inline bool is_plain_word(std::string_view s) {
  if (s.empty() || !ascii_letter(s.front())) return false;
  for (const char c : s)
    if (!ascii_alnum(c)) return false;
  return true;
}

// The plain words of `s` into `out` (emptied first) when `s` is plain words joined by
// single spaces; false (and `out` not to be read) otherwise: tokenize() it then.
inline bool plain_words(std::string_view s, std::vector<std::string_view>& out) {
  out.clear();
  std::size_t at = 0;
  while (true) {
    std::size_t end = s.find(' ', at);
    if (end == std::string_view::npos) end = s.size();
    const std::string_view w = s.substr(at, end - at);
    if (!is_plain_word(w)) return false;
    out.push_back(w);
    if (end == s.size()) return true;
    at = end + 1;
  }
}

// A plain word's lower-case form as the tokenizer makes it (ASCII capitals lowered), into
// `out`.
inline void plain_lower(std::string_view w, std::string& out) {
  out.assign(w);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

}  // namespace chronicle::detail
