// Engine-internal: TemporalGrammar::tag()'s first pass over a sentence, in a header of its
// own so that tests can compare its answers with a plain look-up of each token.
//
// For each token: its number among the start words (`absent`, the index's size, for a word
// not among them) and the classes of its word (none for a word not among them); and the
// list of the tokens tag()'s second pass reads again (`marked`, in token order): each of
// some class, each number, each apostrophe and, when not gated, each word (the others, a
// word or punctuation of no class, are neither a try, when gated, nor a head). The second
// pass reads them once the next token's number is known: a paired word's classes depend
// on it.
#pragma once

#include <chronicle/sdk/plugin_api.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "word_index.h"

namespace chronicle::detail {

// "'" or U+2019, the apostrophe before a short decade ("' 80s")
inline bool is_apostrophe_word(std::string_view w) noexcept {
  return w.size() == 1 ? w[0] == '\'' : w.size() == 3 && w == "\xE2\x80\x99";
}

// word_hash() of the apostrophes: a token of another hash is neither
inline const std::uint64_t kApostropheHash = word_hash("'");
inline const std::uint64_t kCurlyApostropheHash = word_hash("\xE2\x80\x99");

// The marked tokens (see above) from each token's classes, kind and hash (hashes[k], the
// word_hash() of its lower-case word); returns how many.
// No branch per token (whether a token has a class depends on whether it is a start word,
// as about 40% of the tokens of a text are: such a branch mispredicts often): each token's
// number is written at the end of the list, which the test's 0 or 1 lengthens. Only a
// token of an apostrophe's hash (rare) takes a branch.
template <bool kGated>
std::size_t mark_tokens(const sdk::Token* tokens, const std::uint64_t* hashes, std::size_t n,
                        const std::uint32_t* classes, std::uint32_t* marked) noexcept {
  std::size_t n_marked = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const sdk::TokenKind kind = tokens[k].kind;
    bool mark = (classes[k] != 0) | (kind == sdk::TokenKind::number) |
                (!kGated & (kind == sdk::TokenKind::word));
    const std::uint64_t h = hashes[k];
    if ((h == kApostropheHash) | (h == kCurlyApostropheHash)) [[unlikely]]
      mark |= kind == sdk::TokenKind::punct && is_apostrophe_word(tokens[k].lower);
    marked[n_marked] = static_cast<std::uint32_t>(k);
    n_marked += mark;
  }
  return n_marked;
}

// The first pass, each token looked up in `index` (the start words, of classes
// start_classes[id]; start_classes[index.size()] is 0). The index must hold a word.
// (Not inlined: in a function of its own the loops keep their values in registers.)
template <bool kGated>
[[gnu::noinline]] std::size_t look_up_tokens(const sdk::Token* tokens, const std::uint64_t* hashes,
                                             std::size_t n, const WordIndex& index,
                                             const std::uint32_t* start_classes, std::uint32_t* ids,
                                             std::uint32_t* classes, std::uint32_t* marked) {
  const auto absent = static_cast<std::uint32_t>(index.size());
  for (std::size_t k = 0; k < n; ++k) {
    ids[k] = absent;
    classes[k] = 0;
  }
  index.visit_found(
      tokens, hashes, n, [&](std::size_t k, std::uint32_t id) __attribute__((always_inline)) {
        ids[k] = id;
        classes[k] = start_classes[id];
      });
  return mark_tokens<kGated>(tokens, hashes, n, classes, marked);
}

// look_up_tokens<true>()'s answers from the tokens' numbers in another index holding the
// start words (word_ids[k]) and the start-word number by that number (start_id_by_word):
// an array read a token instead of a probe.
[[gnu::noinline]] inline std::size_t classify_tokens(
    const sdk::Token* tokens, const std::uint64_t* hashes, const std::uint32_t* word_ids,
    const std::uint32_t* start_id_by_word, std::size_t n, const std::uint32_t* start_classes,
    std::uint32_t* ids, std::uint32_t* classes, std::uint32_t* marked) {
  for (std::size_t k = 0; k < n; ++k) {
    const std::uint32_t id = start_id_by_word[word_ids[k]];
    ids[k] = id;
    classes[k] = start_classes[id];
  }
  return mark_tokens<true>(tokens, hashes, n, classes, marked);
}

}  // namespace chronicle::detail
