// Fuzz harness for the instrument text format: any bytes must either give a valid
// instrument or raise crmkit::Error; never crash, hang or throw anything else. A parsed
// instrument must pass validate() and be usable: two respondents answering at the scale's
// bounds are scored by SERVQUAL and as category sums.
#include <cstdint>
#include <string>
#include <vector>

#include "crmkit/error.hpp"
#include "crmkit/quality/audit.hpp"
#include "crmkit/quality/servqual.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace quality = crmkit::quality;
  quality::Instrument instrument;
  try {
    instrument = quality::parse_instrument(
        std::string(reinterpret_cast<const char*>(data), size), "fuzz");
  } catch (const crmkit::Error&) {
    return 0;
  }
  // What the parser accepts, the rest of the pillar must accept: an error here is a bug.
  quality::validate(instrument);
  const std::size_t k = instrument.item_count();
  std::vector<double> low(2 * k, instrument.scale.min), high(2 * k, instrument.scale.max);
  const quality::Answers e{low.data(), 2, k}, p{high.data(), 2, k};
  (void)quality::servqual(instrument, {e, p, e, nullptr});
  (void)quality::category_scores(instrument, p);
  return 0;
}
