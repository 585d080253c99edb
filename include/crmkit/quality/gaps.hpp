// The five-gap model of service quality (Parasuraman, Zeithaml & Berry 1985), per
// dimension of an instrument, from up to six measurements on one scale:
//   E  customer expectations (customers answer the expectation items)
//   M  management's perception of E (managers answer the expectation items as they believe
//      customers would)
//   S  the service specifications/standards, rated on the items
//   D  the service delivered (audits, mystery shopping)
//   C  the service promised by external communication
//   P  customer perceptions (customers answer the perception items)
// and
//   gap 1 (knowledge)     = M - E   not knowing what customers expect
//   gap 2 (standards)     = S - M   wrong or missing standards
//   gap 3 (delivery)      = D - S   delivery falls short of the standards
//   gap 4 (communication) = D - C   delivery falls short of what was promised
//   gap 5 (customer)      = P - E   perceived vs expected service, the result of gaps 1-4
// Negative means falling short. A gap whose sources are not both measured is NaN ("not
// computable"), never 0.
//
// Contribution to gap 5: gaps 1-3 add up along the chain to D - E (M - E + S - M + D - S)
// and gap 4 measures the promise the customer's expectation was formed on, so each of
// gaps 1-4 is taken to contribute its shortfall, max(0, -gap). The main contributor is
// the gap with the largest shortfall (ties: the lower gap number); none when no
// computable gap of 1-4 falls short. Remedies are ranked by the same order: those of the
// main contributor first, each gap's remedies in the material's order (gap 3's are steps).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "crmkit/names.hpp"
#include "crmkit/quality/instrument.hpp"

namespace crmkit {
inline namespace v0 {
namespace quality {

enum class GapSource { expectations, management, specifications, delivered, communicated, perceptions };
const NameTable& names(GapSource);
inline constexpr std::size_t kGapSources = 6;

enum class Gap { gap1, gap2, gap3, gap4, gap5 };
const NameTable& names(Gap);  // "gap1".."gap5"
inline constexpr std::size_t kGaps = 5;

// "knowledge", "standards", "delivery", "communication", "customer".
const char* gap_title(Gap gap) noexcept;

// The remedies the course material lists for a gap (../shared/DOMAIN.md §2), in its
// order. Gap 4 and gap 5 have none of their own: the material lists no remedy for the
// communication gap, and gap 5 closes when gaps 1-4 do.
const std::vector<std::string>& gap_remedies(Gap gap);

// Per-dimension means of each source on a common scale: source[s] empty = source s not
// measured; a NaN entry = not measured for that dimension. Non-empty sources have one
// value per dimension.
struct GapMeans {
  std::vector<std::string> dimensions;
  std::array<std::vector<double>, kGapSources> source;
};

struct GapRemedy {
  Gap gap;
  std::string text;
};

struct DimensionGaps {
  std::array<double, kGaps> gap{};       // NaN: not computable
  std::optional<Gap> main_contributor;   // of gaps 1-4; none when none falls short
  std::vector<Gap> ranked;               // gaps 1-4 that fall short, largest shortfall first
  std::vector<GapRemedy> remedies;       // of `ranked`, in that order
};

struct GapReport {
  std::vector<std::string> dimensions;
  std::vector<DimensionGaps> per_dimension;
  // The same figures for the mean over dimensions of each source (a source with a
  // dimension not measured gives NaN here).
  DimensionGaps overall;
};

// Gaps from one dimension's six source values (NaN = not measured), with contribution and
// ranked remedies.
DimensionGaps dimension_gaps(const std::array<double, kGapSources>& source);

// The five gaps of every dimension. Throws invalid_argument when no dimension is named, a
// measured source has the wrong number of values, or a value is infinite (naming source
// and dimension).
GapReport five_gaps(const GapMeans& means);

// The answers each source gave to an instrument's items (respondents x items, NaN =
// unanswered); a source with data == nullptr and no respondents is not measured.
struct GapSurveys {
  std::array<Answers, kGapSources> source;
};

// Dimension means of each measured source: its answers scored (validated on the
// instrument's scale, reverse-coded, missing answers by `missing`), each item's mean over
// its answers, a dimension's mean = the mean of its item means. Throws invalid_argument
// naming the source for answers that do not fit the instrument, a source left with no
// respondents (listwise) and a dimension none of whose items has an answer.
GapMeans gap_means(const Instrument& instrument, const GapSurveys& surveys,
                   const MissingOptions& missing = {});

}  // namespace quality
}  // namespace v0
}  // namespace crmkit
