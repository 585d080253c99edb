// Checked fields for Boost.Serialization bodies of saved models (not installed). Boost's own
// string and vector loaders allocate whatever a damaged length asks for (found by
// fuzz/archive_fuzzer), and a text archive cannot read back the "nan" it writes; so lengths
// are bounded before anything is allocated, flags are checked bytes and numbers carry a class
// byte. Shared by the CLV models (src/value/clv/archive.cpp) and the mining models
// (src/value/features.cpp, segment.cpp, churn.cpp).
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace detail {

// Longest text (names, optimiser messages) accepted on load.
constexpr std::uint64_t kMaxArchivedText = 4096;

template <class Archive>
std::uint64_t bounded_length(Archive& ar, std::uint64_t length, std::uint64_t limit,
                             const char* what) {
  ar & length;
  if (Archive::is_loading::value && length > limit)
    throw Error(ErrorCode::corrupt_data, std::string("model file: ") + what + " length " +
                                             std::to_string(length) + " exceeds " +
                                             std::to_string(limit));
  return length;
}

// A flag is archived as one byte (the layout of a Boost bool in both archive kinds) and
// checked on load: reading any other byte into a bool is undefined behaviour, and a forged
// file with a recomputed checksum can hold any byte.
template <class Archive>
void flag_field(Archive& ar, bool& flag, const char* what) {
  std::uint8_t byte = flag ? 1 : 0;
  ar & byte;
  if (Archive::is_loading::value) {
    if (byte > 1) {
      throw Error(ErrorCode::corrupt_data, std::string("model file: flag ") + what + " is " +
                                               std::to_string(byte) + ", not 0 or 1");
    }
    flag = byte == 1;
  }
}

// A number as a class byte, then the value only when it is finite. `plain` archives the bare
// value (the CLV models' format version 1).
enum class NumberClass : std::uint8_t { finite = 0, nan = 1, plus_infinity = 2, minus_infinity = 3 };

template <class Archive>
void number_field(Archive& ar, double& v, bool plain = false) {
  if (plain) {
    ar & v;
    return;
  }
  std::uint8_t cls = static_cast<std::uint8_t>(
      std::isfinite(v) ? NumberClass::finite
                       : std::isnan(v) ? NumberClass::nan
                                       : v > 0 ? NumberClass::plus_infinity : NumberClass::minus_infinity);
  ar & cls;
  switch (static_cast<NumberClass>(cls)) {
    case NumberClass::finite: ar & v; return;
    case NumberClass::nan: v = std::numeric_limits<double>::quiet_NaN(); return;
    case NumberClass::plus_infinity: v = std::numeric_limits<double>::infinity(); return;
    case NumberClass::minus_infinity: v = -std::numeric_limits<double>::infinity(); return;
  }
  throw Error(ErrorCode::corrupt_data,
              "model file: number class " + std::to_string(cls) + " is not one of 0..3");
}

template <class Archive>
void numbers_field(Archive& ar, std::vector<double>& v, std::uint64_t limit, const char* what) {
  const std::uint64_t n = bounded_length(ar, v.size(), limit, what);
  if (Archive::is_loading::value) v.resize(static_cast<std::size_t>(n));
  for (double& x : v) number_field(ar, x);
}

template <class Archive>
void text_field(Archive& ar, std::string& s, const char* what) {
  const std::uint64_t n = bounded_length(ar, s.size(), kMaxArchivedText, what);
  if (Archive::is_loading::value) s.resize(static_cast<std::size_t>(n));
  for (char& c : s) ar & c;
}

template <class Archive>
void texts_field(Archive& ar, std::vector<std::string>& v, std::uint64_t limit, const char* what) {
  const std::uint64_t n = bounded_length(ar, v.size(), limit, what);
  if (Archive::is_loading::value) v.resize(static_cast<std::size_t>(n));
  for (std::string& s : v) text_field(ar, s, what);
}

}  // namespace detail
}  // namespace v0
}  // namespace crmkit

// Instantiates Type::serialize for the four archives io/archive.hpp uses (include the four
// boost/archive/*_?archive.hpp headers first).
#define CRMKIT_INSTANTIATE_SERIALIZE(Type)                                         \
  template void Type::serialize(boost::archive::text_oarchive&, unsigned);         \
  template void Type::serialize(boost::archive::text_iarchive&, unsigned);         \
  template void Type::serialize(boost::archive::binary_oarchive&, unsigned);       \
  template void Type::serialize(boost::archive::binary_iarchive&, unsigned);
