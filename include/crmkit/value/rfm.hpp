// RFM: recency, frequency and monetary scores, the combined code and named segments.
//
// Recency here is *days since the last purchase* (`days_since_last`: small is good). It is
// not CustomerSummary::recency, which is the CLV models' t_x (last - first purchase, large
// is good); no function in this header takes a CustomerSummary field called "recency".
//
// Scores are quantile bins (ranking.hpp: equal values always share a score, decided by the
// share of customers strictly worse, so one-time buyers as a group score F = 1) or caller
// cut points. Segments are rules as data: an ordered list of score
// ranges, first match wins, unmatched customers are "other".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crmkit/value/ranking.hpp"
#include "crmkit/value/summary.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

// Inclusive score range; {1, 9} matches any score.
struct ScoreRange {
  int min = 1;
  int max = 9;
};

struct SegmentRule {
  std::string name;
  ScoreRange recency;    // score of days_since_last (5 = most recent)
  ScoreRange frequency;
  ScoreRange monetary;
};

// Name given to customers no rule matches; reserved (a rule may not use it).
inline constexpr const char* kOtherSegment = "other";

// The 11 standard segments on the 5 x 5 grid of recency and frequency scores (monetary not
// used; add monetary ranges to refine). The rules are disjoint and cover all 25 cells, so
// their order does not matter:
//   R \ F  1               2                   3                   4          5
//   5      new             potential_loyalist  potential_loyalist  champions  champions
//   4      promising       potential_loyalist  potential_loyalist  loyal      loyal
//   3      about_to_sleep  about_to_sleep      need_attention      loyal      loyal
//   2      hibernating     hibernating         at_risk             at_risk    cant_lose
//   1      lost            lost                at_risk             at_risk    cant_lose
// This is the widely used R x F segment map, with its "hibernating" corner split into
// hibernating (R = 2) and lost (R = 1). It assumes bins = 5.
std::vector<SegmentRule> standard_segment_rules();
// The standard rules named in `names`, in that order; unknown names throw invalid_argument.
std::vector<SegmentRule> standard_segment_rules(const std::vector<std::string>& names);
// Rules from text (for the CLI or a config file): rules separated by ';' or newlines, each
// "name: r=A-B f=A-B m=A-B" with any dimension optional (default any) and "A" short for
// "A-A", e.g. "vip: r=4-5 f=5; sleeping: r=1". Throws parse_error naming the rule.
std::vector<SegmentRule> parse_segment_rules(std::string_view text);
// Index of the rule called `name`; throws invalid_argument for an unknown name.
std::size_t find_segment(const std::vector<SegmentRule>& rules, std::string_view name);

// Scores are one digit: bins (or cuts + 1) must lie in kMinRfmBins..kMaxRfmBins, else
// score_rfm and segment_fit throw invalid_argument naming bins (or the cut list).
inline constexpr int kMinRfmBins = 2;
inline constexpr int kMaxRfmBins = 9;

// How segment rules fit a bins x bins x bins score grid: the score cells no rule matches
// (customers there become "other"; as RFM codes, 100 r + 10 f + m) and the rules that can
// never match (a range starting above bins: score_rfm refuses those). The standard rules
// fit bins = 5 only: with more bins some cells are unmatched, with fewer most rules are
// unreachable. A caller that changes bins but keeps the rules can warn with this.
struct SegmentFit {
  std::vector<std::uint16_t> unmatched;
  std::vector<std::string> unreachable;
  bool fits() const noexcept { return unmatched.empty() && unreachable.empty(); }
};
SegmentFit segment_fit(const std::vector<SegmentRule>& rules, int bins);

struct RfmOptions {
  int bins = 5;  // 2..9; ignored for a dimension with cuts (then bins = cuts + 1, all equal)
  // Caller cut points per dimension (ScoreCuts semantics: bins - 1 strictly increasing
  // values in the input's units); empty = quantile scores.
  std::vector<double> days_since_last_cuts;
  std::vector<double> purchases_cuts;
  std::vector<double> monetary_cuts;
  // Ordered rules, first match wins; empty = no segmentation (every customer "other").
  std::vector<SegmentRule> segments = standard_segment_rules();
};

struct RfmResult {
  int bins = 5;
  std::vector<std::uint8_t> recency_score;    // 1..bins, high = bought recently
  std::vector<std::uint8_t> frequency_score;  // 1..bins, high = many purchases
  std::vector<std::uint8_t> monetary_score;   // 1..bins, high = spends much
  std::vector<std::uint16_t> code;            // 100 R + 10 F + M, e.g. 545
  std::vector<std::uint8_t> segment;          // index into segment_names
  std::vector<std::string> segment_names;     // the rules' names, then "other"
  std::vector<std::size_t> segment_sizes;     // customers per segment_names entry
  // The cuts used per dimension; quantile cuts can be passed back as caller cuts to score
  // a later period on the same scale.
  ScoreCuts days_since_last_cuts, purchases_cuts, monetary_cuts;
};

// The 1..bins scale the options score on: `bins`, or cuts + 1 for dimensions with cuts
// (invalid_argument when the dimensions disagree).
int rfm_bins(const RfmOptions& options);

// Name of segment i of `rules` (0..rules.size(), the last being "other").
const std::string& segment_name(const std::vector<SegmentRule>& rules, std::size_t i);

// Scores n customers. days_since_last (>= 0, any time unit the caller likes, as long as the
// cuts use it too), purchases (>= 0: transactions in the period) and monetary (>= 0: total
// or mean spend, the caller's choice) are columns of n values. Throws invalid_argument for
// empty input, non-finite or negative values (naming the column and index), bad cuts or
// bins, and rules that are unnamed, duplicated, reserved, out of range or cannot match.
RfmResult score_rfm(const double* days_since_last, const double* purchases,
                    const double* monetary, std::size_t n, const RfmOptions& options = {});
RfmResult score_rfm(const std::vector<double>& days_since_last, const std::vector<double>& purchases,
                    const std::vector<double>& monetary, const RfmOptions& options = {});

// The three RFM columns of a summary table, the one place where the two recencies meet:
// days_since_last = table.end - last, in days whatever table.unit is (never the summary's
// t_x `recency`); purchases = purchases in the calibration period; monetary = total_value
// (all calibration spend, first purchase included). Throws invalid_argument for an empty
// table.
struct RfmColumns {
  std::vector<double> days_since_last;
  std::vector<double> purchases;
  std::vector<double> monetary;
};
RfmColumns rfm_columns(const SummaryTable& table);

// 100 r + 10 f + m.
inline std::uint16_t rfm_code(int r, int f, int m) {
  return static_cast<std::uint16_t>(100 * r + 10 * f + m);
}
// Index of the first rule matching the scores, or rules.size() ("other"). For one customer
// at a till whose scores come from frozen cuts.
std::size_t segment_of(int r, int f, int m, const std::vector<SegmentRule>& rules);

}  // namespace value
}  // namespace v0
}  // namespace crmkit
