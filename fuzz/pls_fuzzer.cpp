// Fuzz harness for the PLS model text format: any bytes must either give a valid model or
// raise crmkit::Error; never crash, hang or throw anything else. A parsed model is fitted to
// 12 respondents whose answers to each of its columns follow a fixed pseudo-random pattern:
// the fit may refuse (a constant column, too few respondents) only with crmkit::Error.
#include <cstdint>
#include <string>
#include <vector>

#include "crmkit/error.hpp"
#include "crmkit/quality/pls.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace quality = crmkit::quality;
  quality::PlsSpec spec;
  try {
    spec = quality::parse_pls_spec(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
  } catch (const crmkit::Error&) {
    return 0;
  }
  std::vector<std::string> columns;
  for (const quality::PlsBlock& b : spec.blocks) columns.insert(columns.end(), b.indicators.begin(), b.indicators.end());
  if (columns.size() > 200) return 0;  // bounded work per input
  constexpr std::size_t kRespondents = 12;
  std::vector<double> answers(kRespondents * columns.size());
  std::uint32_t state = 2463534242u;
  for (double& a : answers) {
    state ^= state << 13, state ^= state >> 17, state ^= state << 5;
    a = 1 + state % 10;
  }
  try {
    (void)quality::pls_fit(spec, {{answers.data(), kRespondents, columns.size()}, columns});
  } catch (const crmkit::Error&) {
  }
  return 0;
}
