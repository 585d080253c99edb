// An open-addressing hash index from keys to dense ids 0..n-1, for the per-sale hot path
// (a std::unordered_map costs a node allocation and a pointer chase per customer).
// The keys themselves live with the caller (in a vector indexed by id, or a string arena):
// the index stores the full 64-bit hash and the id, 16 bytes a slot. For integer keys the
// hash is a bijection (hash_int), so equal hashes mean equal keys and a lookup never has to
// touch the caller's key storage: pass `same` = always true.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace detail {

// splitmix64's finaliser: a full-avalanche mix of an integer key.
inline std::uint64_t hash_int(std::uint64_t x) noexcept {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Hash of a byte string, 8 bytes a step (ids are short; this is not for hostile keys
// beyond the table's own bounded probing).
inline std::uint64_t hash_bytes(std::string_view s) noexcept {
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ s.size();
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = hash_int(h ^ w);
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  return hash_int(h ^ tail);
}

class FlatIndex {
 public:
  // Returns the id of the key with this hash for which `same(id)` is true; otherwise
  // assigns the next id (= size()) and sets `inserted`.
  template <class Same>
  std::uint32_t find_or_insert(std::uint64_t hash, Same same, bool& inserted) {
    if ((size_ + 1) * 2 > slots_.size()) {
      if (size_ >= kMaxKeys) throw Error(ErrorCode::out_of_memory, "more than 2^31 distinct keys");
      grow();
    }
    std::size_t mask = slots_.size() - 1;
    for (std::size_t pos = hash & mask;; pos = (pos + 1) & mask) {
      Slot& slot = slots_[pos];
      if (slot.id_plus_one == 0) {
        slot.hash = hash;
        slot.id_plus_one = static_cast<std::uint32_t>(size_ + 1);
        inserted = true;
        return static_cast<std::uint32_t>(size_++);
      }
      if (slot.hash == hash && same(slot.id_plus_one - 1)) {
        inserted = false;
        return slot.id_plus_one - 1;
      }
    }
  }

  // Like find_or_insert without inserting; returns size() when absent.
  template <class Same>
  std::uint32_t find(std::uint64_t hash, Same same) const {
    if (slots_.empty()) return static_cast<std::uint32_t>(size_);
    std::size_t mask = slots_.size() - 1;
    for (std::size_t pos = hash & mask;; pos = (pos + 1) & mask) {
      const Slot& slot = slots_[pos];
      if (slot.id_plus_one == 0) return static_cast<std::uint32_t>(size_);
      if (slot.hash == hash && same(slot.id_plus_one - 1)) return slot.id_plus_one - 1;
    }
  }

  static constexpr std::size_t kMaxKeys = std::size_t{1} << 31;

  // Makes room for `keys` keys without growing on the way (growth rehashes every entry).
  // Throws std::bad_alloc, leaving the index unchanged, when that much room cannot be had.
  void reserve(std::size_t keys) {
    std::size_t capacity = 64;
    while (capacity < std::min(keys, kMaxKeys) * 2) capacity *= 2;
    if (capacity > slots_.size()) rebuild(capacity);
  }

  // Hints the cache that a key with this hash will be looked up soon (no load is issued).
  // Always inlined: GCC deems a function that only prefetches pure and drops calls to it.
  __attribute__((always_inline)) void prefetch(std::uint64_t hash) const noexcept {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  }

  std::size_t size() const noexcept { return size_; }
  std::size_t memory_bytes() const noexcept { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t id_plus_one = 0;  // 0 marks an empty slot
  };

  void grow() { rebuild(slots_.empty() ? 64 : slots_.size() * 2); }

  // Moves every entry into a table of `capacity` slots (a power of two). If the new table
  // cannot be allocated this throws and the index is unchanged.
  void rebuild(std::size_t capacity) {
    std::vector<Slot> fresh(capacity);
    std::size_t mask = fresh.size() - 1;
    for (const Slot& s : slots_) {
      if (s.id_plus_one == 0) continue;
      std::size_t pos = s.hash & mask;
      while (fresh[pos].id_plus_one != 0) pos = (pos + 1) & mask;
      fresh[pos] = s;
    }
    slots_.swap(fresh);
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace detail
}  // namespace v0
}  // namespace crmkit
