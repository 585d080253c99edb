// Fuzz harness for model files: any bytes handed to the loader must give a model whose
// invariants hold or a crmkit::Error; never a crash, a hang, a huge allocation or another
// exception (Boost.Serialization alone promises none of this on damaged input).
#include <cstdint>
#include <string>

#include "crmkit/error.hpp"
#include "crmkit/io/archive.hpp"
#include "crmkit/value/clv/model.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  // Mutated files rarely keep a valid checksum, so half of the inputs are wrapped in a
  // correct envelope: the first byte picks the model type and archive kind, the rest is the
  // Boost payload. That way the fuzzer reaches the deserialisation behind the envelope.
  if (size > 0 && data[0] % 2 == 1) {
    static const char* const tags[] = {"crmkit.value.BetaGeo", "crmkit.value.ParetoNbd",
                                       "crmkit.value.ModifiedBetaGeo",
                                       "crmkit.value.BetaGeoBetaBinom", "crmkit.value.GammaGamma"};
    const auto kind = (data[0] >> 1) % 2 ? crmkit::io::ArchiveKind::binary
                                         : crmkit::io::ArchiveKind::text;
    bytes = crmkit::io::wrap_envelope(tags[(data[0] >> 2) % 5], kind, bytes.substr(1));
  }
  try {
    crmkit::value::ClvModel model = crmkit::value::ClvModel::from_bytes(bytes);
    // A model that loads must survive a round trip.
    (void)crmkit::value::ClvModel::from_bytes(model.to_bytes());
  } catch (const crmkit::Error&) {
  }
  return 0;
}
