#include "quality/gap_sources.hpp"

#include "common/input.hpp"
#include "common/options.hpp"
#include "crmkit/error.hpp"

namespace crmkit_cli {

namespace quality = crmkit::quality;

GapSources read_gap_sources(const std::vector<std::string>& paths,
                            const std::array<std::string, quality::kGapSources>& prefix,
                            const SurveyOptions& survey, const quality::Instrument& instrument) {
  std::vector<Prefix> prefixes;
  for (std::size_t k = 0; k < quality::kGapSources; ++k) {
    for (std::size_t j = 0; j < k; ++j)
      if (prefix[j] == prefix[k])
        throw UsageError(std::string("--") + crmkit::name_of(static_cast<quality::GapSource>(j)) +
                         "-prefix and --" + crmkit::name_of(static_cast<quality::GapSource>(k)) +
                         "-prefix are both '" + prefix[k] + "': each source needs its own");
    prefixes.push_back({prefix[k], false});
  }
  GapSources s;
  for (const std::string& path : paths) {
    Input input(path, survey.csv());
    const SurveyAnswers a = read_survey_answers(input.reader(), instrument, prefixes);
    bool any = false;
    for (std::size_t k = 0; k < quality::kGapSources; ++k) {
      if (!a.present[k]) continue;
      any = true;
      s.answers[k].insert(s.answers[k].end(), a.answers[k].begin(), a.answers[k].end());
      s.respondents[k] += a.respondents;
      s.files[k].push_back(a.source);
    }
    if (!any) {
      std::string known;
      for (std::size_t k = 0; k < quality::kGapSources; ++k)
        known += (k ? ", " : "") + prefix[k] + instrument.item_ids().front() + ".. (" +
                 crmkit::name_of(static_cast<quality::GapSource>(k)) + ")";
      throw crmkit::Error(crmkit::ErrorCode::invalid_argument,
                          input.name() + ": no answer columns of any source (" + known + ")");
    }
  }
  return s;
}


}  // namespace crmkit_cli
