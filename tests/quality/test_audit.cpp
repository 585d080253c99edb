// Category sums of the customer-orientation self-audit and of employee satisfaction (one
// code path), worked out by hand: scores, maxima, percentages, the weakest categories, and
// what an unanswered item does under each missing-answer policy.
#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "crmkit/quality/audit.hpp"

using namespace crmkit::quality;

namespace {

const double NA = NAN;

// One audit respondent answering every item of a category alike: categories 1..7 (7, 5, 4,
// 7, 4, 7, 6 items) answered 5, 3, 2, 4, 4, 3, 1.
std::vector<double> audit_row() {
  const int answer[] = {5, 3, 2, 4, 4, 3, 1};
  const Instrument audit = customer_orientation_audit();
  std::vector<double> row;
  for (std::size_t d = 0; d < audit.dimensions.size(); ++d)
    row.insert(row.end(), audit.dimensions[d].items.size(), answer[d]);
  return row;
}

}  // namespace

TEST_CASE("self-audit: category sums, maxima 35/25/20/35/20/35/30, weakest first", "[audit]") {
  const std::vector<double> row = audit_row();
  const CategoryScores s = category_scores(customer_orientation_audit(), {row.data(), 1, 40});
  CHECK(s.maximum == std::vector<double>{35, 25, 20, 35, 20, 35, 30});
  CHECK(s.total_maximum == 200);
  // 7 x 5, 5 x 3, 4 x 2, 7 x 4, 4 x 4, 7 x 3, 6 x 1.
  CHECK(s.score == std::vector<double>{35, 15, 8, 28, 16, 21, 6});
  // Percentages 100, 60, 40, 80, 80, 60, 20.
  const std::vector<double> expected_pct = {100, 60, 40, 80, 80, 60, 20};
  for (std::size_t d = 0; d < 7; ++d) CHECK(s.percentage[d] == Approx(expected_pct[d]));
  CHECK(s.total[0] == 129);
  CHECK(s.total_percentage[0] == Approx(64.5));
  // 20 (7th), 40 (3rd), 60 (2nd, then 6th: ties keep the instrument order), 80 (4th, 5th), 100.
  CHECK(s.weakest == std::vector<std::size_t>{6, 2, 1, 5, 3, 4, 0});
  CHECK(s.categories[6] == "process and product improvement");
}

TEST_CASE("self-audit: an unanswered item never counts as 0", "[audit]") {
  // Respondent 1 as respondent 0 but category 3 (items 13-16) answered blank, 3, 3, 4.
  std::vector<double> rows = audit_row();
  std::vector<double> second = audit_row();
  second[12] = NA;
  second[13] = 3;
  second[14] = 3;
  second[15] = 4;
  rows.insert(rows.end(), second.begin(), second.end());
  const Answers answers{rows.data(), 2, 40};
  const Instrument audit = customer_orientation_audit();

  // pairwise: category 3 has no score for respondent 1 (not 10, as if the blank were 0).
  const CategoryScores pw = category_scores(audit, answers, {MissingPolicy::pairwise, 1});
  CHECK(std::isnan(pw.score[1 * 7 + 2]));
  CHECK(pw.scored[2] == 1);
  CHECK(pw.mean_score[2] == 8);
  CHECK(pw.scored[0] == 2);
  CHECK(pw.score[1 * 7 + 0] == 35);  // the other categories are scored
  CHECK(std::isnan(pw.total[1]));
  CHECK(pw.scored_total == 1);
  CHECK(pw.mean_total == 129);

  // dimension_mean: the blank takes the mean of 3, 3, 4 -> 10 + 10/3 = 13.333...
  const CategoryScores dm = category_scores(audit, answers, {MissingPolicy::dimension_mean, 3});
  CHECK(dm.score[1 * 7 + 2] == Approx(10 + 10.0 / 3));
  CHECK(dm.mean_score[2] == Approx((8 + 10 + 10.0 / 3) / 2));
  CHECK(dm.mean_percentage[2] == Approx((8 + 10 + 10.0 / 3) / 2 / 20 * 100));
  // ... unless fewer than min_answered items are answered.
  const CategoryScores strict = category_scores(audit, answers, {MissingPolicy::dimension_mean, 4});
  CHECK(std::isnan(strict.score[1 * 7 + 2]));

  // listwise: respondent 1 is not scored at all.
  const CategoryScores lw = category_scores(audit, answers, {MissingPolicy::listwise, 1});
  CHECK(std::isnan(lw.score[1 * 7 + 0]));
  CHECK(lw.scored[0] == 1);
  CHECK(lw.score[0] == 35);
}

TEST_CASE("employee satisfaction is scored by dimension through the same path", "[audit]") {
  // Job: j1, j2 (reverse-coded); the other four dimensions one item each; scale 1-5.
  const Instrument es = employee_satisfaction_instrument(
      {{{"j1", "", false}, {"j2", "", true}}, {{"w1", "", false}}, {{"c1", "", false}},
       {{"o1", "", false}}, {{"i1", "", false}}});
  // Two employees. Job: 4 + (6 - 2) = 8 of 10 and 5 + (6 - 5) = 6 of 10 -> mean 7, 70%.
  const std::vector<double> answers = {4, 2, 3, 5, 1, 2, 5, 5, 4, 4, 2, 3};
  const CategoryScores s = category_scores(es, {answers.data(), 2, 6});
  CHECK(s.categories[0] == "job");
  CHECK(s.maximum == std::vector<double>{10, 5, 5, 5, 5});
  CHECK(s.score[0] == 8);
  CHECK(s.score[5] == 6);
  CHECK(s.mean_score[0] == 7);
  CHECK(s.mean_percentage[0] == Approx(70));
  // Means: workplace (3 + 4) / 2 = 3.5 -> 70%; working conditions (5 + 4) / 2 -> 90%;
  // organisation (1 + 2) / 2 -> 30%; image (2 + 3) / 2 -> 50%.
  CHECK(s.weakest == std::vector<std::size_t>{3, 4, 0, 1, 2});
}
