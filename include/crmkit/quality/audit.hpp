// Scores that are sums of a category's answers: the customer-orientation self-audit (seven
// categories, maxima 35/25/20/35/20/35/30) and employee satisfaction by dimension, through
// one function, category_scores, for any instrument.
//
// A respondent's category score is the sum of their (reverse-coded-corrected) answers to the
// category's items; its maximum is scale.max x items (5 x items on the audit's 1-5 scale);
// the percentage is score / maximum x 100. The weakest categories are those with the lowest
// mean percentage.
//
// An unanswered item never counts as 0 (that would read as the worst answer). Under each
// missing-answer policy (instrument.hpp):
//   listwise        a respondent with any unanswered item has no scores at all;
//   pairwise        a category with an unanswered item has no score for that respondent
//                   (a sum over fewer items is not comparable with the maximum); the
//                   respondent's other categories are scored;
//   dimension_mean  unanswered items take the mean of the respondent's answered items in the
//                   category (at least min_answered of them), so the sum is pro-rated to the
//                   full category; with fewer answered the category has no score.
// "No score" is NaN; the means over respondents use the respondents who have a score.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "crmkit/quality/instrument.hpp"

namespace crmkit {
inline namespace v0 {
namespace quality {

struct CategoryScores {
  std::vector<std::string> categories;  // the instrument's dimension names, in order
  std::vector<std::size_t> items;       // items per category
  std::vector<double> maximum;          // per category: scale.max x items
  double total_maximum = 0;             // scale.max x all items (200 for the audit)
  std::size_t respondents = 0;          // rows given

  // Per input row (respondents x categories, row-major): sum and percentage; NaN = no score.
  std::vector<double> score;
  std::vector<double> percentage;
  // Per input row: the sum over all items and its percentage of total_maximum; NaN unless
  // every category has a score.
  std::vector<double> total;
  std::vector<double> total_percentage;

  // Over respondents, per category: mean score, its percentage of the maximum, and how many
  // respondents have a score.
  std::vector<double> mean_score;
  std::vector<double> mean_percentage;
  std::vector<std::size_t> scored;
  double mean_total = NAN;
  double mean_total_percentage = NAN;
  std::size_t scored_total = 0;

  // Category indexes, lowest mean percentage first (ties in instrument order; categories
  // nobody scored last).
  std::vector<std::size_t> weakest;
};

// Throws invalid_argument for an instrument or answers validate_answers rejects, or a bad
// min_answered.
CategoryScores category_scores(const Instrument& instrument, const Answers& answers,
                               const MissingOptions& missing = {});

}  // namespace quality
}  // namespace v0
}  // namespace crmkit
