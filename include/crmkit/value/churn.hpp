// Churn prediction: L2-regularised logistic regression fitted by Newton's method (IRLS),
// its metrics (log-loss, ROC AUC, precision/recall at a threshold, lift by decile,
// calibration), and what moves it: the change in churn probability (and in the value at
// risk) when one driver moves, and the drivers ranked per segment.
//
// Penalty convention: the fit minimises
//     sum_i w_i * logloss_i + (l2 / 2) * ||beta||^2
// over the coefficients beta and an unpenalised intercept, so l2 = 1 / C of scikit-learn's
// LogisticRegression(C=...) (which also leaves the intercept out of the penalty). Features are
// scaled first by the model's FeatureScaler (z-score by default), so coefficients, standard
// errors and odds ratios are per unit of the *scaled* feature (per standard deviation under
// z-score) and the penalty treats the features alike.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>

#include "crmkit/value/features.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

struct ChurnOptions {
  double l2 = 1.0;            // >= 0; 0 = plain maximum likelihood (fails on separable data)
  // Weights n / (2 n_class) per class, scikit-learn's class_weight="balanced": for rare churn.
  bool balanced = false;
  int max_iterations = 100;   // Newton steps
  // Stop after a Newton step whose largest component is below this (relative to the
  // largest coefficient, at least 1): convergence is quadratic, so the coefficients are
  // then within about tolerance^2 of the optimum.
  double tolerance = 1e-7;
  double threshold = 0.5;     // probability at which a customer counts as predicted churn
  int threads = 0;            // 0 = every core; the result does not depend on it
  ScalingOptions scaling;
  // ChurnFit::metrics on the training rows (a sort of all rows for the AUC and lift); off,
  // they stay default (customers = 0). The C API leaves them to crm_churn_evaluate.
  bool training_metrics = true;
};

struct Coefficient {
  std::string name;           // "intercept" or the feature
  double estimate = 0;
  // From the inverse of the penalised Hessian at the optimum (the usual Wald standard error
  // when l2 = 0; with class weights, of the weighted fit).
  double standard_error = 0;
  double z = 0;               // estimate / standard_error
  double odds_ratio = 0;      // exp(estimate): odds multiplier per scaled unit
};

struct LiftRow {
  int decile = 0;             // 1 = the tenth with the highest predicted churn
  std::size_t customers = 0;
  double mean_probability = 0;
  double churn_rate = 0;      // observed
  double lift = 0;            // churn_rate / overall churn rate
  double cumulative_lift = 0; // deciles 1..decile together
};

struct CalibrationRow {
  double lower = 0, upper = 0;  // predicted-probability bin [lower, upper) (last bin closed)
  std::size_t customers = 0;
  double mean_probability = 0;  // NaN for an empty bin
  double observed_rate = 0;     // NaN for an empty bin
};

struct ChurnMetrics {
  std::size_t customers = 0;
  double churn_rate = 0;
  double log_loss = 0;        // mean, probabilities clipped to [1e-15, 1 - 1e-15]
  double auc = 0;             // ROC AUC, ties counted one half (Mann-Whitney)
  double threshold = 0.5;
  double precision = 0;       // NaN when nobody is predicted to churn
  double recall = 0;
  double accuracy = 0;
  std::vector<LiftRow> lift;                // 10 deciles (fewer for fewer than 10 rows)
  std::vector<CalibrationRow> calibration;  // 10 bins of width 0.1
};

// Metrics of predicted probabilities against 0/1 labels. invalid_argument for sizes, a
// probability outside [0, 1] or a label not 0/1 (naming the row), or one class only.
ChurnMetrics evaluate_churn(const double* probability, const double* label, std::size_t n,
                            double threshold = 0.5);

// One driver moved: per customer the probability before and after.
struct ChurnSensitivity {
  std::string feature;
  double delta = 0;                 // in the feature's data units
  std::vector<double> before, after;
  double mean_before = 0, mean_after = 0;
  // sum value_i * p_i before and after (expected value at risk); NaN without values.
  double value_at_risk_before = 0, value_at_risk_after = 0;
};

// A driver's pull on churn in one group of customers.
struct ChurnDriver {
  std::string feature;
  // Mean change in churn probability when the scaled feature rises by one unit (one
  // standard deviation under z-score), other features fixed.
  double effect = 0;
};
struct GroupDrivers {
  int group = 0;
  std::size_t customers = 0;
  std::vector<ChurnDriver> drivers;  // by |effect|, largest first
};

class ChurnModel {
 public:
  static constexpr const char* archive_tag = "crmkit.value.ChurnModel";

  ChurnModel() = default;
  const FeatureScaler& scaler() const noexcept { return scaler_; }
  const std::vector<std::string>& feature_names() const noexcept { return scaler_.names(); }
  // Intercept first, then one per feature in model order.
  const std::vector<Coefficient>& coefficients() const noexcept { return coefficients_; }
  double l2() const noexcept { return l2_; }
  bool balanced() const noexcept { return balanced_; }

  // Churn probability of each row; the table needs the model's features (invalid_argument).
  std::vector<double> predict(const FeatureTable& table) const;
  // Moves `feature` by `delta` data units in every row (log1p and scaling applied after);
  // value: n amounts at risk per customer (CLV, spend), or null.
  ChurnSensitivity sensitivity(const FeatureTable& table, const std::string& feature, double delta,
                               const double* value = nullptr) const;
  // Drivers ranked per group; groups: n labels >= 0 (e.g. k-means segments), or null for
  // one group 0 of every row.
  std::vector<GroupDrivers> drivers(const FeatureTable& table, const int* groups = nullptr) const;

  std::string to_bytes() const;  // archive envelope, text archive (portable)
  static ChurnModel from_bytes(const std::string& bytes);
  void save(const std::string& path) const;
  static ChurnModel load(const std::string& path);

  void check_invariants() const;
  template <class Archive>
  void serialize(Archive& ar, unsigned version);  // instantiated in src/value/churn.cpp

  // The fit and tests build models from parts; invalid_argument unless there is one
  // coefficient per feature plus the intercept, all finite.
  ChurnModel(FeatureScaler scaler, std::vector<Coefficient> coefficients, double l2, bool balanced);

 private:
  std::vector<double> linear(const FeatureTable& table) const;
  FeatureScaler scaler_;
  std::vector<Coefficient> coefficients_;
  double l2_ = 0;
  bool balanced_ = false;
};

struct ChurnFit {
  ChurnModel model;
  std::vector<double> probability;  // per training row
  ChurnMetrics metrics;             // on the training rows (if options.training_metrics)
  int iterations = 0;
};

// Fits on every column of the table (select() first to pick some); label: n values 0/1
// (1 = churned). invalid_argument for a label not 0/1 (row named), a single class, constant
// or non-finite features, bad options; not_converged when l2 = 0 and the classes are
// separable (the coefficients would grow without bound: set l2 > 0).
ChurnFit fit_churn(const FeatureTable& table, const double* label, const ChurnOptions& options = {});

}  // namespace value
}  // namespace v0
}  // namespace crmkit

BOOST_CLASS_VERSION(crmkit::value::ChurnModel, 1)
BOOST_CLASS_TRACKING(crmkit::value::ChurnModel, boost::serialization::track_never)
