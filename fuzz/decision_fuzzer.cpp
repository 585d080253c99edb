// Fuzz harness for the decision pillar's input files as the CLI reads them: the same bytes
// as a pairwise matrix (crmkit ahp), a decision matrix (crmkit rank), rankings (crmkit
// group) and SWOT factors (crmkit swot). Each read must give its values or raise
// crmkit::Error, and what is read is handed to the core (AHP, TOPSIS with equal weights,
// Kendall's W, SWOT), which may refuse it only with crmkit::Error.
#include <cstdint>
#include <vector>

#include "crmkit/decision/ahp.hpp"
#include "crmkit/decision/group.hpp"
#include "crmkit/decision/rank.hpp"
#include "crmkit/decision/swot.hpp"
#include "crmkit/error.hpp"
#include "decision/files.hpp"
#include "temp_file.hpp"

namespace {

template <class F>
void refused_or_done(F&& f) {
  try {
    f();
  } catch (const crmkit::Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace decision = crmkit::decision;
  const crmkit_fuzz::TempFile file(data, size);
  if (!file.ok()) return 0;
  refused_or_done([&] {
    const crmkit_cli::PairwiseFile m = crmkit_cli::read_pairwise(file.path(), crmkit::io::CsvOptions{});
    (void)decision::ahp(m.values.data(), m.names.size(), {}, m.names);
  });
  refused_or_done([&] {
    const crmkit_cli::DecisionFile f = crmkit_cli::read_decision(file.path());
    const std::size_t criteria = f.matrix.criteria;
    (void)decision::rank(f.matrix, std::vector<double>(criteria, criteria ? 1.0 / criteria : 0.0));
  });
  refused_or_done([&] {
    const crmkit_cli::RankingsFile r = crmkit_cli::read_rankings(file.path(), "", "");
    (void)decision::kendall_w(r.members);
  });
  refused_or_done([&] { (void)decision::swot(crmkit_cli::read_swot(file.path()).factors); });
  return 0;
}
