// Versioned, checksummed file envelope around a Boost.Serialization archive, for saving
// fitted models (and any other Boost-serialisable type) safely.
//
// Layout (all integers little-endian):
//   magic "\x89CRMKIT\n" (8)  envelope version u32 (= 1)  archive kind u8 (0 text, 1 binary)
//   reserved u8[3] = 0  tag length u32  tag bytes  payload length u64  CRC-32 u32 of
//   everything before it plus the payload  payload (the Boost archive).
// Text archives are portable; binary ones only between machines with the same type sizes and
// byte order (they are smaller and faster). Boost is never handed bytes that failed the
// envelope checks, and a load goes into a fresh object that replaces the caller's only after
// its invariants hold.
//
// A saved type T needs: `static constexpr const char* archive_tag` (distinct per type, so a
// BG/NBD file loaded as Pareto/NBD is refused), a Boost `serialize` member with
// BOOST_CLASS_VERSION set, and `void check_invariants() const` throwing on a bad object.
#pragma once

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <cstddef>
#include <cstdint>
#include <new>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace io {

enum class ArchiveKind : std::uint8_t { text = 0, binary = 1 };

// Largest payload accepted on load (also bounded by the file size).
constexpr std::uint64_t kMaxArchivePayload = 256u << 20;

struct Envelope {
  std::string tag;
  ArchiveKind kind = ArchiveKind::text;
  std::string payload;
};

// Envelope bytes for a payload.
std::string wrap_envelope(const std::string& tag, ArchiveKind kind, const std::string& payload);
// Checks magic, version, sizes, checksum and that the tag equals expected_tag; throws
// Error(corrupt_data) naming what failed (invalid_argument for a file of another type).
// An empty expected_tag accepts any type: the caller reads Envelope::tag to pick one.
Envelope unwrap_envelope(const std::string& bytes, const std::string& expected_tag);

// Whole file into memory, refusing files larger than max_bytes (io_error / corrupt_data).
std::string read_file(const std::string& path, std::uint64_t max_bytes);
// Atomic replace: temp file in the same directory, fsync, rename, fsync of the directory.
void write_file_atomic(const std::string& path, const std::string& bytes);

template <class T>
std::string to_bytes(const T& object, ArchiveKind kind = ArchiveKind::text) {
  std::ostringstream os(std::ios::binary);
  {
    if (kind == ArchiveKind::text) {
      boost::archive::text_oarchive ar(os, boost::archive::no_codecvt);
      ar << object;
    } else {
      boost::archive::binary_oarchive ar(os, boost::archive::no_codecvt);
      ar << object;
    }
  }
  return wrap_envelope(T::archive_tag, kind, os.str());
}

template <class T>
T from_bytes(const std::string& bytes) {
  const Envelope env = unwrap_envelope(bytes, T::archive_tag);
  T fresh;
  try {
    std::istringstream is(env.payload, std::ios::binary);
    if (env.kind == ArchiveKind::text) {
      boost::archive::text_iarchive ar(is, boost::archive::no_codecvt);
      ar >> fresh;
    } else {
      boost::archive::binary_iarchive ar(is, boost::archive::no_codecvt);
      ar >> fresh;
    }
  } catch (const Error& e) {
    throw Error(ErrorCode::corrupt_data, std::string("archive: ") + e.what());
  } catch (const boost::archive::archive_exception& e) {
    throw Error(ErrorCode::corrupt_data, std::string("archive: unreadable payload: ") + e.what());
  } catch (const std::bad_alloc&) {
    throw Error(ErrorCode::corrupt_data, "archive: payload asks for an impossible allocation");
  } catch (const std::length_error&) {
    throw Error(ErrorCode::corrupt_data, "archive: payload has an impossible length");
  } catch (...) {
    throw Error(ErrorCode::corrupt_data, "archive: payload could not be decoded");
  }
  fresh.check_invariants();
  return fresh;
}

template <class T>
void save(const std::string& path, const T& object, ArchiveKind kind = ArchiveKind::text) {
  write_file_atomic(path, to_bytes(object, kind));
}

// Loads into a new object, returned only once its invariants hold.
template <class T>
T load(const std::string& path) {
  return from_bytes<T>(read_file(path, kMaxArchivePayload + 4096));
}

}  // namespace io
}  // namespace v0
}  // namespace crmkit
