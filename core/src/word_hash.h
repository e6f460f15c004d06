// Engine-internal: the engine's word hash.
//
// The hash the engine's own tables of words are searched with (WordIndex, LineWordSet, the
// plugin host's gate, the clause rules) and that the tokenizer gives each token it reads
// (TokenList::hashes). It starts at a seed with the word's length xor-ed in; the word's
// bytes are taken as little-endian numbers of eight bytes (the last one padded with zero
// bytes); each is xor-ed into the hash, which one 64 x 64 -> 128-bit multiply then mixes
// (the product's two halves xor-ed). Most words of a text have
// eight bytes or fewer: one multiply, which the tokenizer makes from one 8-byte load of the
// word (FNV-1a, sdk::word_hash, makes one a byte, each waiting for the one before). Every
// bit of the word moves the low bits of the hash (a table's slot) and its top bits
// (WordIndex's filter). Never 0 (0 marks an empty slot): bit 32 is set (kWordHashMark), a
// bit that neither a table's slot (its low bits) nor a tag or filter (its top bits) takes,
// so that every slot of a table can be a word's first (with bit 0 set, only the odd ones
// were: half the table).
//
// Not sdk::word_hash, which plugins use for their own tables: no hash made here reaches a
// plugin (sdk::Sentence has no hashes), and the host compares the hashes it makes only
// with hashes made here.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

namespace chronicle::detail {

inline constexpr std::uint64_t kWordHashSeed = 0x243F6A8885A308D3ull;
inline constexpr std::uint64_t kWordHashMul = 0x9E3779B97F4A7C15ull;
// the bit every word's hash has set (see above)
inline constexpr std::uint64_t kWordHashMark = std::uint64_t{1} << 32;

// The hash h with the next eight bytes of a word, c (little-endian), mixed in.
constexpr std::uint64_t word_hash_step(std::uint64_t h, std::uint64_t c) noexcept {
  __extension__ typedef unsigned __int128 Wide;
  const Wide m = static_cast<Wide>(h ^ c) * kWordHashMul;
  return static_cast<std::uint64_t>(m) ^ static_cast<std::uint64_t>(m >> 64);
}

// The n bytes at p, n <= 8, as a little-endian number (two overlapping loads, not a call
// to memcpy of n bytes).
constexpr std::uint64_t word_bytes_le(const char* p, std::size_t n) noexcept {
  if (!std::is_constant_evaluated() && std::endian::native == std::endian::little) {
    if (n >= 4) {
      std::uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      return a | std::uint64_t{b} << (8 * (n - 4));
    }
    if (n == 0) return 0;
    return std::uint64_t{static_cast<unsigned char>(p[0])} |
           std::uint64_t{static_cast<unsigned char>(p[n / 2])} << (8 * (n / 2)) |
           std::uint64_t{static_cast<unsigned char>(p[n - 1])} << (8 * (n - 1));
  }
  std::uint64_t v = 0;
  for (std::size_t k = 0; k < n; ++k)
    v |= std::uint64_t{static_cast<unsigned char>(p[k])} << (8 * k);
  return v;
}

// The hash of the word w (see above).
constexpr std::uint64_t word_hash(std::string_view w) noexcept {
  const char* p = w.data();
  std::size_t n = w.size();
  std::uint64_t h = kWordHashSeed ^ n;
  for (; n > 8; n -= 8, p += 8) h = word_hash_step(h, word_bytes_le(p, 8));
  if (n > 0) h = word_hash_step(h, word_bytes_le(p, n));
  return h | kWordHashMark;
}

}  // namespace chronicle::detail
