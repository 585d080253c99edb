// Fuzz harness for the saved states other than the lifetime-value models (archive_fuzzer):
// the complaint desk's snapshot, k-means and churn models, feature scalers and decision
// records. Any bytes must load into an object whose invariants hold (and which survives a
// round trip) or raise crmkit::Error; never a crash, a hang, a huge allocation or another
// exception.
#include <cstdint>
#include <string>

#include "complaint/snapshot.hpp"
#include "crmkit/decision/record.hpp"
#include "crmkit/error.hpp"
#include "crmkit/io/archive.hpp"
#include "crmkit/value/churn.hpp"
#include "crmkit/value/features.hpp"
#include "crmkit/value/segment.hpp"

namespace {

template <class T>
void load(std::string bytes, std::uint8_t selector) {
  // As in archive_fuzzer: half of the inputs get a correct envelope around the rest of the
  // bytes, so that mutations reach the Boost payload behind the checksum.
  if (selector & 1) {
    const auto kind = (selector >> 1) & 1 ? crmkit::io::ArchiveKind::binary : crmkit::io::ArchiveKind::text;
    bytes = crmkit::io::wrap_envelope(T::archive_tag, kind, bytes);
  }
  try {
    const T object = crmkit::io::from_bytes<T>(bytes);
    (void)crmkit::io::from_bytes<T>(crmkit::io::to_bytes(object));
  } catch (const crmkit::Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch ((data[0] >> 2) % 5) {
    case 0: load<crmkit::complaint::DeskSnapshot>(rest, data[0]); break;
    case 1: load<crmkit::value::KMeansModel>(rest, data[0]); break;
    case 2: load<crmkit::value::ChurnModel>(rest, data[0]); break;
    case 3: load<crmkit::value::FeatureScaler>(rest, data[0]); break;
    default: load<crmkit::decision::DecisionRecord>(rest, data[0]); break;
  }
  return 0;
}
