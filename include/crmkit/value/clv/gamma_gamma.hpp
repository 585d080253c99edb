// Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV:
// Using Iso-Value Curves for Customer Base Analysis", JMR 42(4) 415-430; Colombo &
// Jiang 1999). A customer's transaction values are Gamma(p, nu) with nu ~ Gamma(q, gamma), so
// the mean spend per transaction is p gamma / (q - 1) across customers. Assumes spend is
// independent of the purchase process; fit on customers with at least one repeat purchase.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <string>
#include <vector>

#include "crmkit/value/clv/common.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

class GammaGamma : public detail::ModelBase<GammaGamma> {
 public:
  struct Params {
    double p = 0, q = 0, gamma = 0;
  };
  static constexpr const char* archive_tag = "crmkit.value.GammaGamma";
  static constexpr const char* model_name = "Gamma-Gamma";
  static const std::vector<std::string>& parameter_names();  // p, q, gamma
  // Bit i set: parameter i is a scale (see kMinScale in common.hpp); here gamma.
  static constexpr unsigned scale_parameters = 0b100;

  GammaGamma() = default;
  explicit GammaGamma(const Params& params);

  // frequency x = repeat transactions, monetary_value = mean value of those transactions
  // (zbar). Rows with x = 0 carry no spend information and are skipped (FitResult::customers
  // counts the rows used); rows with x > 0 need a finite monetary_value > 0.
  const FitResult& fit(const double* frequency, const double* monetary_value, std::size_t n,
                       const FitOptions& options = {}, const double* weights = nullptr);
  const FitResult& fit(const Eigen::Ref<const Eigen::VectorXd>& frequency,
                       const Eigen::Ref<const Eigen::VectorXd>& monetary_value,
                       const FitOptions& options = {});

  // Also from the base: parameter_vector, fit_result, standard_errors, check_invariants,
  // serialize.
  Params params() const;  // throws invalid_state before fit or construction
  using ModelBase::log_likelihood;  // of the fit
  // Weighted log-likelihood of a data set (x > 0 rows) at the current parameters.
  double log_likelihood(const double* frequency, const double* monetary_value, std::size_t n,
                        const double* weights = nullptr) const;

  // Population mean spend per transaction p gamma / (q - 1); invalid_state unless q > 1.
  double mean_spend() const;
  // E[Z | x, zbar]: a weighted average of the population mean and the customer's own mean,
  // weight p x / (p x + q - 1) on the latter (FHL 2005 "RFM and CLV", eq. 5). x = 0 gives the
  // population mean.
  double expected_spend(double frequency, double monetary_value) const;
  void expected_spend(const double* frequency, const double* monetary_value, std::size_t n,
                      double* out) const;
  Eigen::VectorXd expected_spend(const Eigen::Ref<const Eigen::VectorXd>& frequency,
                                 const Eigen::Ref<const Eigen::VectorXd>& monetary_value) const;
};

}  // namespace value
}  // namespace v0
}  // namespace crmkit

// Saved-format version (see io/archive.hpp); must be visible wherever the type is archived.
BOOST_CLASS_VERSION(crmkit::value::GammaGamma, 1)
BOOST_CLASS_TRACKING(crmkit::value::GammaGamma, boost::serialization::track_never)
