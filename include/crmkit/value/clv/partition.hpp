// Fitting a CLV model on customers split across processes or machines (Dask, Spark, MPI):
// each partition holds its customers and answers, at parameters the caller sends, its
// log-likelihood and gradient; the caller sums them and runs the optimiser in one place.
// The log-likelihood of customers who are independent given the parameters is a sum over
// customers, so the sum over partitions is the whole table's, and the fit is the
// single-process fit (ClvModel::fit / fit_spend) up to the order of floating-point sums.
//
// Covered: BG/NBD, MBG/NBD (purchase histories x, t_x, T) and Gamma-Gamma (x and mean
// repeat spend), the models with an analytic gradient whose default start depends on the
// data only through sums (PartitionStatistics).
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <functional>
#include <memory>

#include "crmkit/value/clv/common.hpp"
#include "crmkit/value/clv/model.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

// What the client needs besides the likelihood: the sums that set the optimiser's start
// and scale, and the counts a fit reports. They add up over partitions (operator+=).
struct PartitionStatistics {
  ClvModelKind kind = ClvModelKind::bg_nbd;
  double customers = 0;         // sum of weights of the rows the likelihood uses
                                // (Gamma-Gamma: the customers with x > 0)
  double repeat_customers = 0;  // of those, the weight with x > 0
  double frequency_sum = 0;     // weighted sum of x
  double age_sum = 0;           // weighted sum of T (purchase models; 0 for Gamma-Gamma)
  double spend_sum = 0;         // weighted sum of the mean repeat spend (Gamma-Gamma; else 0)
  // Distinct histories per partition, summed: the whole table's count when partitions are
  // split by customer value, otherwise an upper bound (reported, not used by the fit).
  std::size_t unique_rows = 0;
};

// Adds `part` into `total`; invalid_argument when the kinds differ.
PartitionStatistics& operator+=(PartitionStatistics& total, const PartitionStatistics& part);

// One partition's customers, validated (bad rows named by their 0-based index within the
// partition) and compressed once, so that each evaluation is one pass over unique rows.
// A partition may be empty, or hold only customers without repeat purchases.
class ClvPartition {
 public:
  // Purchase models (kind bg_nbd or mbg_nbd): arrays of length n; weights may be null.
  ClvPartition(ClvModelKind kind, const double* frequency, const double* recency,
               const double* T, std::size_t n, const double* weights = nullptr);
  // Gamma-Gamma: frequency and mean repeat spend (rows with x = 0 are skipped).
  static ClvPartition spend(const double* frequency, const double* monetary_value,
                            std::size_t n, const double* weights = nullptr);
  ClvPartition(ClvPartition&&) noexcept;
  ClvPartition& operator=(ClvPartition&&) noexcept;
  ~ClvPartition();

  ClvModelKind kind() const noexcept;
  const PartitionStatistics& statistics() const noexcept;
  // Weighted log-likelihood at natural-scale params (the model's parameter_names() order,
  // in range: see check_params_in_range), and into *gradient (resized) its gradient with
  // respect to them when gradient is non-null. An empty partition gives 0.
  double log_likelihood(const Eigen::VectorXd& params, Eigen::VectorXd* gradient) const;

 private:
  struct Rows;
  explicit ClvPartition(std::unique_ptr<Rows> rows);
  std::unique_ptr<Rows> rows_;
};

// The sum over all partitions of ClvPartition::log_likelihood at the given parameters
// (gradient non-null: fill it too). Called once per optimiser step; may throw.
using PartitionedLogLikelihood =
    std::function<double(const Eigen::VectorXd& params, Eigen::VectorXd* gradient)>;

}  // namespace value
}  // namespace v0
}  // namespace crmkit
