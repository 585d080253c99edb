#include "crmkit/io/archive.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/crc.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace crmkit {
inline namespace v0 {
namespace io {

namespace {

constexpr char kMagic[8] = {'\x89', 'C', 'R', 'M', 'K', 'I', 'T', '\n'};
constexpr std::uint32_t kEnvelopeVersion = 1;
constexpr std::uint32_t kMaxTag = 256;
// magic + version + kind + reserved + tag length
constexpr std::size_t kFixedHead = 8 + 4 + 1 + 3 + 4;

void put(std::string& out, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

std::uint64_t get(const std::string& in, std::size_t at, int bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) {
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[at + static_cast<std::size_t>(i)])) << (8 * i);
  }
  return v;
}

std::uint32_t crc32(const char* data, std::size_t n, const std::string& more) {
  boost::crc_32_type crc;
  crc.process_bytes(data, n);
  crc.process_bytes(more.data(), more.size());
  return crc.checksum();
}

[[noreturn]] void corrupt(const std::string& what) {
  throw Error(ErrorCode::corrupt_data, "archive: " + what);
}

[[noreturn]] void io_failure(const std::string& what, const std::string& path) {
  throw Error(ErrorCode::io_error, what + " " + path + ": " + std::strerror(errno));
}

}  // namespace

std::string wrap_envelope(const std::string& tag, ArchiveKind kind, const std::string& payload) {
  require(!tag.empty() && tag.size() <= kMaxTag, "archive: type tag must have 1 to 256 bytes");
  std::string out(kMagic, sizeof kMagic);
  put(out, kEnvelopeVersion, 4);
  put(out, static_cast<std::uint8_t>(kind), 1);
  put(out, 0, 3);
  put(out, tag.size(), 4);
  out += tag;
  put(out, payload.size(), 8);
  put(out, crc32(out.data(), out.size(), payload), 4);
  out += payload;
  return out;
}

namespace {

// Boost reads its archive signature as a length-prefixed string before any of our code
// runs, so a damaged length there would be allocated as asked (found by
// fuzz/archive_fuzzer). The payload must start with exactly what Boost 1.74 writes: the
// signature "serialization::archive" with its length 22, as text or as a 64-bit integer.
void require_boost_header(const Envelope& env) {
  static const std::string kSignature = "serialization::archive";
  std::string expected;
  if (env.kind == ArchiveKind::text) {
    expected = std::to_string(kSignature.size()) + " " + kSignature;
  } else {
    std::uint64_t length = kSignature.size();
    for (int b = 0; b < 8; ++b) expected += static_cast<char>((length >> (8 * b)) & 0xff);
    expected += kSignature;
  }
  if (env.payload.compare(0, expected.size(), expected) != 0)
    throw Error(ErrorCode::corrupt_data, "archive: payload does not start with a Boost archive header");
}

}  // namespace

Envelope unwrap_envelope(const std::string& bytes, const std::string& expected_tag) {
  if (bytes.size() < kFixedHead || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    corrupt("not a crmkit archive (bad magic)");
  }
  const auto version = get(bytes, 8, 4);
  if (version != kEnvelopeVersion) {
    corrupt("envelope version " + std::to_string(version) + " is not supported (this library reads version " +
            std::to_string(kEnvelopeVersion) + ")");
  }
  const auto kind = get(bytes, 12, 1);
  if (kind > 1 || get(bytes, 13, 3) != 0) corrupt("unknown archive kind");
  const auto tag_len = get(bytes, 16, 4);
  if (tag_len == 0 || tag_len > kMaxTag || bytes.size() < kFixedHead + tag_len + 12) corrupt("truncated header");
  const std::size_t tag_end = kFixedHead + static_cast<std::size_t>(tag_len);
  const auto payload_len = get(bytes, tag_end, 8);
  const std::size_t head = tag_end + 12;
  if (payload_len > kMaxArchivePayload || payload_len != bytes.size() - head) {
    corrupt("payload length " + std::to_string(payload_len) + " does not match the " +
            std::to_string(bytes.size() - head) + " bytes present (truncated or damaged file)");
  }
  Envelope env;
  env.payload = bytes.substr(head);
  const auto stored = get(bytes, tag_end + 8, 4);
  if (stored != crc32(bytes.data(), tag_end + 8, env.payload)) corrupt("checksum mismatch (damaged file)");
  env.tag = bytes.substr(kFixedHead, static_cast<std::size_t>(tag_len));
  if (!expected_tag.empty() && env.tag != expected_tag) {
    throw Error(ErrorCode::invalid_argument,
                "archive holds a " + env.tag + ", not a " + expected_tag + " (wrong model type)");
  }
  env.kind = static_cast<ArchiveKind>(kind);
  require_boost_header(env);
  return env;
}

std::string read_file(const std::string& path, std::uint64_t max_bytes) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) io_failure("cannot open", path);
  const std::streamoff size = in.tellg();
  if (size < 0) io_failure("cannot read", path);
  if (static_cast<std::uint64_t>(size) > max_bytes) {
    corrupt(path + " is " + std::to_string(size) + " bytes, above the " + std::to_string(max_bytes) + " byte limit");
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) io_failure("cannot read", path);
  return bytes;
}

void write_file_atomic(const std::string& path, const std::string& bytes) {
  const std::size_t slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  std::string tmp = path + ".tmp-XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) io_failure("cannot create a temporary file next to", path);
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int saved = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      errno = saved;
      io_failure("cannot write", tmp);
    }
    done += static_cast<std::size_t>(n);
  }
  // The data must be on disk before the rename makes it visible under the final name.
  if (::fsync(fd) != 0 || ::fchmod(fd, 0644) != 0) {
    const int saved = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    errno = saved;
    io_failure("cannot sync", tmp);
  }
  if (::close(fd) != 0) {
    ::unlink(tmp.c_str());
    io_failure("cannot close", tmp);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(tmp.c_str());
    errno = saved;
    io_failure("cannot rename the temporary file to", path);
  }
  // Persist the directory entry of the rename.
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd < 0) io_failure("cannot open directory", dir);
  const int rc = ::fsync(dfd);
  ::close(dfd);
  if (rc != 0) io_failure("cannot sync directory", dir);
}

}  // namespace io
}  // namespace v0
}  // namespace crmkit
