// Helpers shared by the tokenizer and sentence-token tests.
#pragma once

#include <chronicle/sdk/plugin_api.h>
#include <chronicle/text.h>

#include <cstddef>
#include <string>

#include "../core/src/word_hash.h"

namespace chronicle::testing {

// Every token of `tl`: its span, text, lower-case form, kind and capital, one string to
// compare whole.
inline std::string describe(const TokenList& tl) {
  std::string out;
  for (const auto& t : tl.tokens)
    out += std::to_string(t.span.begin) + "-" + std::to_string(t.span.end) + ":" +
           std::string(t.text) + "|" + std::string(t.lower) + "|" +
           std::to_string(static_cast<int>(t.kind)) + (t.capitalized ? "C" : "") + " ";
  return out;
}

// The tokenizer's hashes are those detail::word_hash() gives each token's lower-case form: "" when
// so, else the first token whose hash is missing or differs.
inline std::string hash_error(const TokenList& tl) {
  if (!tl.hashes && !tl.tokens.empty()) return "no hashes";
  for (std::size_t k = 0; k < tl.tokens.size(); ++k)
    if (tl.hashes[k] != detail::word_hash(tl.tokens[k].lower))
      return "hash of token " + std::to_string(k) + " \"" + std::string(tl.tokens[k].lower) + "\"";
  return {};
}

}  // namespace chronicle::testing
