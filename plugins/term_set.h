// The bundled plugins' own helper (no part of the SDK): a lexicon list asked, at many tokens,
// whether it holds a word.
#pragma once

#include <chronicle/sdk/plugin_api.h>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace plugin_terms {

// A list of terms (a lexicon's, which outlives it) with a table of them: contains(w) gives
// the answer of sdk::any_of_terms(w, terms) by one hashed look-up (a word's length, first and
// last byte reject most words before it is hashed) instead of a comparison with every term.
// It converts to the list itself for the SDK's helpers that read the terms in order.
class Terms {
 public:
  Terms() = default;
  explicit Terms(chronicle::sdk::View<std::string_view> terms) : terms_(terms) {
    std::size_t cap = 8;
    while (cap < terms.size * 2) cap *= 2;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    for (std::string_view t : terms) {
      const std::uint64_t h = chronicle::sdk::word_hash(t);
      std::size_t k = h & mask_;
      while (slots_[k].hash != 0 && !(slots_[k].hash == h && slots_[k].term == t))
        k = (k + 1) & mask_;
      slots_[k] = {h, t};
      shapes_.add(t);
    }
  }
  bool contains(std::string_view w) const noexcept { return shapes_.may_hold(w) && hashed(w); }
  operator chronicle::sdk::View<std::string_view>() const noexcept { return terms_; }
  bool empty() const noexcept { return terms_.size == 0; }

 private:
  struct Slot {
    std::uint64_t hash = 0;  // 0: empty (sdk::word_hash is never 0)
    std::string_view term;
  };
  // (out of line: the test before it stays small enough to be inlined at every call)
  [[gnu::noinline]] bool hashed(std::string_view w) const noexcept {
    const std::uint64_t h = chronicle::sdk::word_hash(w);
    for (std::size_t k = h & mask_;; k = (k + 1) & mask_) {
      const Slot& x = slots_[k];
      if (x.hash == 0) return false;
      if (x.hash == h && x.term == w) return true;
    }
  }
  chronicle::sdk::View<std::string_view> terms_{};
  std::vector<Slot> slots_ = std::vector<Slot>(1);  // (an empty table answers false)
  std::size_t mask_ = 0;
  chronicle::sdk::WordShapes shapes_;
};

// The same answer as sdk::any_of_terms(word, terms), by the table.
inline bool any_of_terms(std::string_view word, const Terms& terms) noexcept {
  return terms.contains(word);
}
using chronicle::sdk::any_of_terms;

}  // namespace plugin_terms
