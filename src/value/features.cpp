#include "crmkit/value/features.hpp"

#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_set>

#include "crmkit/error.hpp"
#include "detail/archive_fields.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {
namespace {

constexpr const char* kScalingNames[] = {"none", "zscore", "robust"};
// Most features a saved model may hold (a bound for damaged files).
constexpr std::uint64_t kMaxArchivedFeatures = 1024;

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// Linear-interpolation quantile of sorted values (numpy's default, as RobustScaler).
double quantile_sorted(const std::vector<double>& sorted, double q) {
  const double pos = q * static_cast<double>(sorted.size() - 1);
  const std::size_t lo = static_cast<std::size_t>(std::floor(pos));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (pos - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

double checked_log1p(double x, const std::string& name, std::size_t row) {
  require_lazy(x > -1.0, [&] {
    return "feature '" + name + "' row " + std::to_string(row + 1) + ": log1p needs a value above -1, got " +
           std::to_string(x);
  });
  return std::log1p(x);
}

}  // namespace

const NameTable& names(Scaling) {
  static constexpr NameTable kTable("scaling", kScalingNames);
  return kTable;
}

std::size_t FeatureTable::index_of(std::string_view name) const {
  for (std::size_t j = 0; j < names.size(); ++j)
    if (names[j] == name) return j;
  throw Error(ErrorCode::invalid_argument, "no feature column '" + std::string(name) +
                                               "' (the data has: " + joined(names) + ")");
}

FeatureTable FeatureTable::select(const std::vector<std::string>& wanted) const {
  require(!wanted.empty(), "feature list is empty");
  FeatureTable out;
  out.rows = rows;
  out.values.reserve(wanted.size() * rows);
  std::unordered_set<std::string> seen;
  for (const auto& name : wanted) {
    require(seen.insert(name).second, "feature '" + name + "' is listed twice");
    const double* c = column(index_of(name));
    out.values.insert(out.values.end(), c, c + rows);
    out.names.push_back(name);
  }
  return out;
}

FeatureTable make_feature_table(const double* values, std::size_t rows,
                                std::vector<std::string> names) {
  require(!names.empty(), "feature table: no columns");
  require(rows > 0, "feature table: no rows");
  require(values != nullptr, "feature table: values is null");
  std::unordered_set<std::string> seen;
  for (const auto& n : names) {
    require(!n.empty(), "feature table: a column has an empty name");
    require(seen.insert(n).second, "feature table: column '" + n + "' appears twice");
  }
  for (std::size_t j = 0; j < names.size(); ++j)
    for (std::size_t i = 0; i < rows; ++i)
      require_lazy(std::isfinite(values[j * rows + i]), [&] {
        return "feature '" + names[j] + "' row " + std::to_string(i + 1) + " is not a finite number";
      });
  FeatureTable t;
  t.rows = rows;
  t.values.assign(values, values + rows * names.size());
  t.names = std::move(names);
  return t;
}

const std::vector<std::string>& customer_feature_names() {
  static const std::vector<std::string> kNames = {"recency", "frequency", "monetary", "tenure",
                                                  "regularity"};
  return kNames;
}

FeatureTable customer_features(const SummaryTable& table) {
  const std::size_t n = table.customers.size();
  require(n > 0, "customer features: the summary table has no customers");
  FeatureTable t;
  t.names = customer_feature_names();
  t.rows = n;
  t.values.resize(5 * n);
  for (std::size_t i = 0; i < n; ++i) {
    const CustomerSummary& c = table.customers[i];
    const double tenure = table.end - c.first;
    t.values[i] = table.end - c.last;
    t.values[n + i] = static_cast<double>(c.purchases);
    t.values[2 * n + i] = c.total_value;
    t.values[3 * n + i] = tenure;
    t.values[4 * n + i] =
        c.purchases > 1 ? (c.last - c.first) / static_cast<double>(c.purchases - 1) : tenure;
  }
  return t;
}

std::vector<double> churn_labels(const SummaryTable& table) {
  if (!table.holdout_end)
    throw Error(ErrorCode::invalid_state,
                "churn labels need a holdout period: summarise with a holdout end (--holdout-end)");
  std::vector<double> y(table.customers.size());
  for (std::size_t i = 0; i < y.size(); ++i)
    y[i] = table.customers[i].holdout_frequency == 0 ? 1.0 : 0.0;
  return y;
}

FeatureScaler FeatureScaler::fit(const FeatureTable& table, const ScalingOptions& options) {
  require(table.cols() > 0 && table.rows > 0, "scaling: the feature table is empty");
  value::names(Scaling{}).check(static_cast<long long>(options.scaling), "scaling");
  for (const auto& name : options.log1p) table.index_of(name);
  FeatureScaler s;
  s.names_ = table.names;
  s.scaling_ = options.scaling;
  const std::size_t n = table.rows;
  std::vector<double> x(n);
  for (std::size_t j = 0; j < table.cols(); ++j) {
    const std::string& name = table.names[j];
    const bool log = std::find(options.log1p.begin(), options.log1p.end(), name) != options.log1p.end();
    s.log1p_.push_back(log ? 1 : 0);
    const double* c = table.column(j);
    for (std::size_t i = 0; i < n; ++i) {
      require_lazy(std::isfinite(c[i]), [&] {
        return "feature '" + name + "' row " + std::to_string(i + 1) + " is not a finite number";
      });
      x[i] = log ? checked_log1p(c[i], name, i) : c[i];
    }
    const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
    require_lazy(*lo < *hi, [&] {
      return "feature '" + name + "' is constant (every row is " + std::to_string(c[0]) +
             "): it cannot separate customers; leave it out";
    });
    const double mean = std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(n);
    double ss = 0;
    for (double v : x) ss += (v - mean) * (v - mean);
    const double sd = std::sqrt(ss / static_cast<double>(n));
    double center = 0, scale = 1;
    if (options.scaling == Scaling::zscore) {
      center = mean;
      scale = sd;
    } else if (options.scaling == Scaling::robust) {
      std::sort(x.begin(), x.end());
      center = quantile_sorted(x, 0.5);
      const double iqr = quantile_sorted(x, 0.75) - quantile_sorted(x, 0.25);
      scale = iqr > 0 ? iqr : sd;
    }
    s.center_.push_back(center);
    s.scale_.push_back(scale);
  }
  return s;
}

std::vector<double> FeatureScaler::transform(const FeatureTable& table) const {
  require(!names_.empty(), "scaling: the model has no features (not fitted)");
  require(table.rows > 0, "scaling: the table has no rows");
  const std::size_t n = table.rows, p = names_.size();
  std::vector<double> out(n * p);
  for (std::size_t j = 0; j < p; ++j) {
    const std::size_t at = [&] {
      for (std::size_t k = 0; k < table.cols(); ++k)
        if (table.names[k] == names_[j]) return k;
      throw Error(ErrorCode::invalid_argument,
                  "the model was fitted on feature '" + names_[j] + "', which the data lacks (model features: " +
                      joined(names_) + "; data columns: " + joined(table.names) + ")");
    }();
    const double* c = table.column(at);
    for (std::size_t i = 0; i < n; ++i) {
      require_lazy(std::isfinite(c[i]), [&] {
        return "feature '" + names_[j] + "' row " + std::to_string(i + 1) + " is not a finite number";
      });
      const double v = log1p_[j] ? checked_log1p(c[i], names_[j], i) : c[i];
      out[i * p + j] = (v - center_[j]) / scale_[j];
    }
  }
  return out;
}

double FeatureScaler::inverse(std::size_t j, double scaled) const {
  const double v = scaled * scale_.at(j) + center_.at(j);
  return log1p_[j] ? std::expm1(v) : v;
}

void FeatureScaler::check_invariants() const {
  const std::size_t p = names_.size();
  if (p == 0 || log1p_.size() != p || center_.size() != p || scale_.size() != p)
    throw Error(ErrorCode::corrupt_data, "feature scaler: feature lists of different lengths");
  value::names(Scaling{}).check(static_cast<long long>(scaling_), "scaling");
  for (std::size_t j = 0; j < p; ++j) {
    if (names_[j].empty() || log1p_[j] > 1 || !std::isfinite(center_[j]) ||
        !(std::isfinite(scale_[j]) && scale_[j] > 0))
      throw Error(ErrorCode::corrupt_data, "feature scaler: feature " + std::to_string(j + 1) + " is damaged");
  }
}

template <class Archive>
void FeatureScaler::serialize(Archive& ar, unsigned /*version 1*/) {
  detail::texts_field(ar, names_, kMaxArchivedFeatures, "feature names");
  std::uint8_t scaling = static_cast<std::uint8_t>(scaling_);
  ar & scaling;
  scaling_ = static_cast<Scaling>(scaling);  // checked by check_invariants
  const std::uint64_t p = detail::bounded_length(ar, log1p_.size(), kMaxArchivedFeatures, "log1p flags");
  if (Archive::is_loading::value) log1p_.resize(static_cast<std::size_t>(p));
  for (auto& f : log1p_) ar & f;
  detail::numbers_field(ar, center_, kMaxArchivedFeatures, "feature centres");
  detail::numbers_field(ar, scale_, kMaxArchivedFeatures, "feature scales");
}

CRMKIT_INSTANTIATE_SERIALIZE(FeatureScaler)

}  // namespace value
}  // namespace v0
}  // namespace crmkit
