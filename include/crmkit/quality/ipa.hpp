// Importance-performance analysis (Martilla & James 1977): each item placed by its
// importance (vertical axis) and performance (horizontal axis) into one of four quadrants
// around a crosshair:
//
//          importance
//              ^  concentrate here    |  keep up the good work
//              |  (important, weak)   |  (important, strong)
//              |  --------------------+--------------------- crosshair
//              |  low priority        |  possible overkill
//              |  (minor, weak)       |  (minor, strong)
//              +---------------------------------------------> performance
//
// Points on a crosshair line: importance equal to its crosshair counts as high, and
// performance equal to its crosshair counts as low. Both ties lean towards attention: an
// item that is as important as the average and performs only as well as the average is
// "concentrate here", never praised as "keep up the good work" or dismissed as "low
// priority".
//
// Performance of an item = the mean of its answers. Importance is either stated (the mean
// of the respondents' importance ratings of the item) or derived from how the item's
// answers go with an overall-satisfaction answer: the correlation of the item with overall
// satisfaction (Pearson), or the standardised coefficient of the item in the least-squares
// regression of overall satisfaction on all items (beta weights; they share the
// explanatory power among correlated items, so they may be negative).
#pragma once

#include <cstddef>
#include <vector>

#include "crmkit/names.hpp"
#include "crmkit/quality/instrument.hpp"

namespace crmkit {
inline namespace v0 {
namespace quality {

enum class IpaQuadrant : unsigned char {
  concentrate_here,       // high importance, low performance
  keep_up_the_good_work,  // high importance, high performance
  low_priority,           // low importance, low performance
  possible_overkill,      // low importance, high performance
};
const NameTable& names(IpaQuadrant);

enum class IpaImportance {
  stated,       // respondents' importance ratings, on the scale
  correlation,  // derived: correlation of the item with overall satisfaction
  regression,   // derived: standardised regression coefficient (beta weight)
};
const NameTable& names(IpaImportance);

enum class IpaCrosshair {
  data_means,      // the mean of the items' importances and of their performances
  scale_midpoint,  // the scale's midpoint on both axes (stated importance only: derived
                   // importance is not on the scale, so it has no midpoint)
};
const NameTable& names(IpaCrosshair);

struct IpaOptions {
  IpaImportance importance = IpaImportance::stated;
  IpaCrosshair crosshair = IpaCrosshair::data_means;
  Scale scale;  // of the performance (and stated importance) answers
};

struct IpaResult {
  std::vector<double> importance;   // per item: mean rating, correlation or beta weight
  std::vector<double> performance;  // per item: mean answer
  std::vector<IpaQuadrant> quadrant;
  double importance_crosshair = 0;
  double performance_crosshair = 0;
  // Respondents behind the derived importance: those who answered the item and overall
  // satisfaction (correlation: the fewest over the items), or every item and overall
  // satisfaction (regression). For stated importance, the rows given.
  std::size_t respondents = 0;
};

// Quadrant of one point (the tie rule above).
IpaQuadrant ipa_quadrant(double importance, double performance, double importance_crosshair,
                         double performance_crosshair) noexcept;

// Importance-performance analysis of `performance` (respondents x items, NaN =
// unanswered; item means over each item's answers).
//  - stated importance: `importance` holds the respondents' importance ratings, the same
//    shape as `performance` (any respondents: they may come from another survey);
//    `overall` is not read and may be null.
//  - derived importance: `overall` holds performance.respondents overall-satisfaction
//    answers (NaN = unanswered); `importance` is not read. Correlation uses, per item, the
//    respondents who answered the item and overall; regression those who answered all.
// Throws invalid_argument for answers off the scale or infinite (naming respondent and
// item, 0-based), an item nobody answered, mismatched shapes, null pointers, derived
// importance with fewer than 3 usable respondents (regression: more than items + 1), an
// item or overall satisfaction without variance (its correlation is undefined), items
// that are exact linear combinations of others (regression), or scale_midpoint with
// derived importance.
IpaResult ipa(const Answers& performance, const Answers& importance, const double* overall,
              const IpaOptions& options = {});

}  // namespace quality
}  // namespace v0
}  // namespace crmkit
