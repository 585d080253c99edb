// Feature preparation for the data-mining models (segment.hpp: k-means, churn.hpp: logistic
// churn model): a named numeric table, the standard CRM features from a summary table, the
// churn label from a calibration/holdout split, and the scaler both models record so that
// scoring new rows applies exactly the transform the fit used.
//
// Shared by segment and churn (as ranking.hpp is by rfm and tiers), so it has no CLI command
// or C API section of its own: both reach it through their options.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>

#include "crmkit/names.hpp"
#include "crmkit/value/summary.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

// Named numeric columns, column-major: column j is values[j * rows .. j * rows + rows).
struct FeatureTable {
  std::vector<std::string> names;
  std::size_t rows = 0;
  std::vector<double> values;

  std::size_t cols() const noexcept { return names.size(); }
  const double* column(std::size_t j) const noexcept { return values.data() + j * rows; }
  // Index of the column called `name`; invalid_argument listing the columns there are.
  std::size_t index_of(std::string_view name) const;
  // The named columns in the order given (invalid_argument for an unknown or repeated name).
  FeatureTable select(const std::vector<std::string>& wanted) const;
};

// A checked table from column-major values (n rows, names.size() columns): names non-empty
// and distinct, at least one row, every value finite (invalid_argument naming the column and
// the 1-based row).
FeatureTable make_feature_table(const double* values, std::size_t rows,
                                std::vector<std::string> names);

// The standard features of each customer of a summary table, in days whatever table.unit is:
//   recency     days since the last purchase (table.end - last; small is good, as in RFM)
//   frequency   purchases in the calibration period
//   monetary    total calibration spend (first purchase included)
//   tenure      days since the first purchase (table.end - first)
//   regularity  mean days between purchases, (last - first) / (purchases - 1); for one-time
//               buyers the tenure (no repeat yet in that many days)
// invalid_argument for an empty table.
FeatureTable customer_features(const SummaryTable& table);
// The names above, in that order.
const std::vector<std::string>& customer_feature_names();

// Churn label from the data itself: 1 for a customer with no purchase in the holdout period
// (end, holdout_end], else 0. invalid_state when the table has no holdout period.
std::vector<double> churn_labels(const SummaryTable& table);

enum class Scaling : std::uint8_t {
  none,    // values as they are (after log1p where asked)
  zscore,  // (x - mean) / standard deviation (population, ddof = 0, as scikit-learn's StandardScaler)
  robust,  // (x - median) / interquartile range; the standard deviation when the IQR is 0
};
const NameTable& names(Scaling);

struct ScalingOptions {
  Scaling scaling = Scaling::zscore;
  // Columns taken as log(1 + x) before scaling (skewed money); values must be > -1.
  std::vector<std::string> log1p;
};

// The transform of a fitted model: per feature an optional log1p, then (x - center) / scale.
class FeatureScaler {
 public:
  static constexpr const char* archive_tag = "crmkit.value.FeatureScaler";

  FeatureScaler() = default;
  // Learns centre and scale of every column. invalid_argument for a constant column (after
  // log1p; naming it and its value), a log1p name not in the table, log1p of a value <= -1.
  static FeatureScaler fit(const FeatureTable& table, const ScalingOptions& options = {});

  const std::vector<std::string>& names() const noexcept { return names_; }
  std::size_t size() const noexcept { return names_.size(); }
  Scaling scaling() const noexcept { return scaling_; }
  bool log1p(std::size_t j) const { return log1p_.at(j) != 0; }
  const std::vector<double>& center() const noexcept { return center_; }
  const std::vector<double>& scale() const noexcept { return scale_; }

  // The table's columns named like the fitted features (any order, other columns ignored),
  // transformed, as a row-major rows x size() matrix. invalid_argument naming a missing
  // feature, a non-finite value (column and row) or log1p of a value <= -1.
  std::vector<double> transform(const FeatureTable& table) const;
  // One value of feature j from the fitted scale back to the data's units.
  double inverse(std::size_t j, double scaled) const;

  void check_invariants() const;
  template <class Archive>
  void serialize(Archive& ar, unsigned version);  // instantiated in src/value/features.cpp

 private:
  std::vector<std::string> names_;
  Scaling scaling_ = Scaling::none;
  std::vector<std::uint8_t> log1p_;
  std::vector<double> center_, scale_;
};

}  // namespace value
}  // namespace v0
}  // namespace crmkit

BOOST_CLASS_VERSION(crmkit::value::FeatureScaler, 1)
BOOST_CLASS_TRACKING(crmkit::value::FeatureScaler, boost::serialization::track_never)
