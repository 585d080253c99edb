#include "quality/item_stats.hpp"

#include <cmath>
#include <string>

#include "crmkit/error.hpp"
#include "detail/format.hpp"

namespace crmkit {
inline namespace v0 {
namespace quality {
namespace detail {

void require_on_scale(const Answers& answers, const Scale& scale, const char* what) {
  require(std::isfinite(scale.min) && std::isfinite(scale.max) && scale.min < scale.max,
          std::string(what) + ": scale " + crmkit::detail::format_number(scale.min) + "-" + crmkit::detail::format_number(scale.max) +
              " needs finite bounds with min < max");
  require(answers.respondents == 0 || answers.data != nullptr,
          std::string(what) + ": null pointer for " + std::to_string(answers.respondents) +
              " respondents");
  if (const auto off = first_answer_off_scale(scale, answers))
    throw Error(ErrorCode::invalid_argument,
                std::string(what) + ": respondent " + std::to_string(off->respondent) +
                    ", item " + std::to_string(off->item) + " (0-based): answer " +
                    crmkit::detail::format_number(answers(off->respondent, off->item)) + " is outside the scale " +
                    crmkit::detail::format_number(scale.min) + "-" + crmkit::detail::format_number(scale.max));
}

std::vector<double> answered_means(const Answers& answers) {
  std::vector<double> sum(answers.items, 0.0);
  std::vector<std::size_t> count(answers.items, 0);
  for (std::size_t r = 0; r < answers.respondents; ++r)
    for (std::size_t i = 0; i < answers.items; ++i) {
      const double x = answers(r, i);
      if (!std::isnan(x)) sum[i] += x, ++count[i];
    }
  for (std::size_t i = 0; i < answers.items; ++i)
    sum[i] = count[i] > 0 ? sum[i] / static_cast<double>(count[i]) : NAN;
  return sum;
}

std::vector<double> item_means(const Answers& answers, const char* what) {
  std::vector<double> means = answered_means(answers);
  for (std::size_t i = 0; i < means.size(); ++i)
    require(!std::isnan(means[i]), std::string(what) + ": item " + std::to_string(i) +
                                       " (0-based) has no answer");
  return means;
}

}  // namespace detail
}  // namespace quality
}  // namespace v0
}  // namespace crmkit
