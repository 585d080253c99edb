// The CDNOW summary the mining tests use: every line of data/cdnow/CDNOW_master.txt as a
// sale (no same-day merging), days, calibration to 1997-09-30, holdout to 1998-06-30 -- the
// split tests/value/reference/mining_sklearn.py rebuilds on its own for scikit-learn.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cdnow_master.hpp"
#include "crmkit/value/features.hpp"
#include "crmkit/value/summary.hpp"

namespace crmkit_test {

inline const crmkit::value::SummaryTable& cdnow_split() {
  static const crmkit::value::SummaryTable table = [] {
    const cdnow::SaleColumns sales = cdnow::load_master_columns();
    crmkit::value::SummaryOptions o;
    o.unit = crmkit::value::TimeUnit::day;
    o.end = static_cast<double>(cdnow::day_of(19970930));
    o.holdout_end = static_cast<double>(cdnow::end_day());
    return crmkit::value::summarize(sales.ids, sales.days, sales.dollars, o);
  }();
  return table;
}

}  // namespace crmkit_test
