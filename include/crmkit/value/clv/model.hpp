// One of the five CLV models chosen at run time, for the callers that pick the model from
// data (the C API's one handle type, the CLI's --model, a model file of unknown type). The
// typed classes (BetaGeo, ...) stay the C++ interface; this only dispatches to them, so
// every rule and message is theirs.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "crmkit/names.hpp"
#include "crmkit/value/clv/bg_bb.hpp"
#include "crmkit/value/clv/bg_nbd.hpp"
#include "crmkit/value/clv/common.hpp"
#include "crmkit/value/clv/evaluation.hpp"
#include "crmkit/value/clv/gamma_gamma.hpp"
#include "crmkit/value/clv/mbg_nbd.hpp"
#include "crmkit/value/clv/pareto_nbd.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

struct PartitionStatistics;  // clv/partition.hpp

// The order is the C API's crm_clv_kind: do not reorder.
enum class ClvModelKind { bg_nbd, pareto_nbd, mbg_nbd, bg_bb, gamma_gamma };

// "bg-nbd", "pareto-nbd", "mbg-nbd", "bg-bb", "gamma-gamma" (the CLI's --model names).
const NameTable& names(ClvModelKind);

class ClvModel {
 public:
  using Variant = std::variant<BetaGeo, ParetoNbd, ModifiedBetaGeo, BetaGeoBetaBinom, GammaGamma>;

  explicit ClvModel(ClvModelKind kind);  // without parameters: fit it
  // Known parameters in parameter_names() order (e.g. published ones).
  ClvModel(ClvModelKind kind, const Eigen::VectorXd& params);

  ClvModelKind kind() const noexcept { return static_cast<ClvModelKind>(model_.index()); }
  bool is_spend_model() const noexcept { return kind() == ClvModelKind::gamma_gamma; }
  const Variant& variant() const noexcept { return model_; }

  const std::vector<std::string>& parameter_names() const;
  Eigen::VectorXd parameter_vector() const;  // invalid_state without parameters
  bool has_fit() const noexcept;             // fitted (not made from parameters)
  const FitResult& fit_result() const;       // invalid_state unless has_fit()

  // Purchase models: x, t_x, T (BG/BB: periods); invalid_argument for Gamma-Gamma.
  const FitResult& fit(const double* frequency, const double* recency, const double* T,
                       std::size_t n, const FitOptions& options, const double* weights);
  // Gamma-Gamma: x and mean repeat spend; invalid_argument for a purchase model.
  const FitResult& fit_spend(const double* frequency, const double* monetary_value,
                             std::size_t n, const FitOptions& options, const double* weights);

  // The same fit on customers split into partitions (clv/partition.hpp): `total` is the sum
  // of every partition's statistics (its kind must be this model's), `log_likelihood` sums
  // their log-likelihoods and gradients at the parameters it is given. The optimiser and
  // its starts are fit's and fit_spend's, so the result equals theirs on the whole table.
  const FitResult& fit_partitioned(const PartitionStatistics& total,
                                   const std::function<double(const Eigen::VectorXd&,
                                                              Eigen::VectorXd*)>& log_likelihood,
                                   const FitOptions& options);

  // Bulk predictions into out[0..n-1]; invalid_argument when the model has no such
  // prediction (BG/BB: conditional_probability_of_purchases; Gamma-Gamma: the purchase
  // predictions; purchase models: expected_spend).
  void expected_purchases(const double* t, std::size_t n, double* out) const;
  void probability_of_purchases(double t, const double* counts, std::size_t n, double* out) const;
  // P(counts[i] purchases in (T, T + t] | customer i's history): BG/NBD, MBG/NBD, Pareto/NBD.
  void conditional_probability_of_purchases(double t, const double* counts, const double* frequency,
                                            const double* recency, const double* T, std::size_t n,
                                            double* out) const;
  void conditional_expected_purchases(double t, const double* frequency, const double* recency,
                                      const double* T, std::size_t n, double* out) const;
  void p_alive(const double* frequency, const double* recency, const double* T, std::size_t n,
               double* out) const;
  void expected_spend(const double* frequency, const double* monetary_value, std::size_t n,
                      double* out) const;
  void lifetime_value(const double* frequency, const double* recency, const double* T,
                      const double* expected_spend, std::size_t n, const ClvOptions& options,
                      double* out) const;

  // See clv/evaluation.hpp.
  std::vector<double> expected_cumulative_repeat_transactions(const double* first_purchase,
                                                              std::size_t n, int periods) const;
  HoldoutComparison compare_holdout(double holdout_length, const double* frequency,
                                    const double* recency, const double* T, const double* actual,
                                    std::size_t n, int max_frequency) const;

  // Archive envelope (io/archive.hpp, text archive: portable). Loading reads the type from
  // the file; with `expected` set, a file of another model type is invalid_argument.
  std::string to_bytes() const;
  static ClvModel from_bytes(const std::string& bytes,
                             std::optional<ClvModelKind> expected = std::nullopt);
  void save(const std::string& path) const;
  static ClvModel load(const std::string& path,
                       std::optional<ClvModelKind> expected = std::nullopt);

 private:
  explicit ClvModel(Variant model) : model_(std::move(model)) {}
  Variant model_;
};

}  // namespace value
}  // namespace v0
}  // namespace crmkit
