// Engine-internal: a set of words read from a file of one word a line, viewing the file's
// bytes it keeps instead of copying each word (common_words.txt: some 60,000 words read at
// every start).
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "word_index.h"

namespace chronicle::detail {

// Answers as a WordSet given each word of the text: the lines that are not empty and do
// not start with '#' (a comment).
class LineWordSet {
 public:
  LineWordSet() = default;
  explicit LineWordSet(std::string text) : text_(std::move(text)) {
    if (text_.size() > 0xFFFFFFFFu) throw std::length_error("word file of 4 GiB or more");
    const std::string_view t = text_;
    // (room for a word of every kAverageLine bytes, without a pass to count the lines: the
    // table grows if there are more)
    std::size_t cap = 8;
    while (cap < t.size() / kAverageLine * 2) cap *= 2;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    // the words in batches: each batch's slots are fetched from memory together before
    // any is read (one word's slot after another's missed the cache for almost every word:
    // two thirds of the set's making, at every start of `extract`)
    constexpr std::size_t kBatch = 16;
    struct Pending {
      std::uint32_t at, size;
      std::uint64_t hash;
    } batch[kBatch];
    std::size_t pending = 0;
    auto add_batch = [&] {
      for (std::size_t i = 0; i < pending; ++i) add(batch[i].at, batch[i].size, batch[i].hash);
      pending = 0;
    };
    for (std::size_t pos = 0; pos < t.size();) {
      std::size_t end = t.find('\n', pos);
      if (end == std::string_view::npos) end = t.size();
      if (end > pos && t[pos] != '#') {
        const std::uint64_t h = word_hash(t.substr(pos, end - pos));
        __builtin_prefetch(&slots_[h & mask_], 1);
        batch[pending++] = {static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(end - pos), h};
        if (pending == kBatch) add_batch();
      }
      pos = end + 1;
    }
    add_batch();
  }

  bool contains(std::string_view w) const noexcept {
    // (a word's length, first and last byte reject most words before it is hashed)
    if (!shapes_.may_hold(w)) return false;
    const std::uint64_t h = word_hash(w);
    for (std::size_t k = h & mask_;; k = (k + 1) & mask_) {
      const Slot& x = slots_[k];
      if (x.hash == 0) return false;
      if (x.hash == h && word(x) == w) return true;
    }
  }
  std::size_t count(std::string_view w) const noexcept { return contains(w) ? 1 : 0; }
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }

 private:
  static constexpr std::size_t kAverageLine = 9;  // common_words.txt: 585,763 bytes, 62,724 words
  struct Slot {
    std::uint64_t hash = 0;          // 0: empty
    std::uint32_t at = 0, size = 0;  // the word: text_[at, at + size) (offsets: a move keeps them)
  };
  std::string_view word(const Slot& x) const noexcept { return {text_.data() + x.at, x.size}; }
  // the word text_[at, at + n) of hash `h`, unless it is in the set already
  void add(std::size_t at, std::size_t n, std::uint64_t h) {
    const std::string_view w(text_.data() + at, n);
    std::size_t k = h & mask_;
    for (; slots_[k].hash != 0; k = (k + 1) & mask_)
      if (slots_[k].hash == h && word(slots_[k]) == w) return;
    if ((size_ + 1) * 2 > slots_.size()) {  // more words than room was made for
      grow();
      for (k = h & mask_; slots_[k].hash != 0;) k = (k + 1) & mask_;
    }
    slots_[k] = {h, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(n)};
    shapes_.add(w);
    ++size_;
  }
  // twice the slots, each word placed again by the hash it keeps
  void grow() {
    std::vector<Slot> old(slots_.size() * 2, Slot{});
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    for (const Slot& x : old) {
      if (x.hash == 0) continue;
      std::size_t k = x.hash & mask_;
      while (slots_[k].hash != 0) k = (k + 1) & mask_;
      slots_[k] = x;
    }
  }
  std::string text_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
  sdk::WordShapes shapes_;  // of the words held
};

}  // namespace chronicle::detail
