// Pareto/NBD (Schmittlein, Morrison & Colombo 1987, Management Science 33(1) 1-24): while
// alive a customer buys at Poisson rate lambda ~ Gamma(r, alpha) and has an exponential
// lifetime with rate mu ~ Gamma(s, beta). The likelihood (Fader & Hardie 2005, "A Note on
// Deriving the Pareto/NBD Model and Related Expressions") needs the Gaussian
// hypergeometric function, evaluated here in log space on its convergent side.
// Input as for BetaGeo: frequency x, recency t_x, age T, in one time unit.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <string>
#include <vector>

#include "crmkit/value/btyd_common.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

class ParetoNbd {
 public:
  struct Params {
    double r = 0, alpha = 0, s = 0, beta = 0;
  };
  static constexpr const char* archive_tag = "crmkit.value.ParetoNbd";
  static const std::vector<std::string>& parameter_names();  // r, alpha, s, beta

  ParetoNbd() = default;
  explicit ParetoNbd(const Params& params);

  const FitResult& fit(const double* frequency, const double* recency, const double* T,
                       std::size_t n, const FitOptions& options = {},
                       const double* weights = nullptr);
  const FitResult& fit(const Eigen::Ref<const Eigen::VectorXd>& frequency,
                       const Eigen::Ref<const Eigen::VectorXd>& recency,
                       const Eigen::Ref<const Eigen::VectorXd>& T, const FitOptions& options = {});

  bool has_params() const noexcept { return state_.has_params; }
  Params params() const;
  Eigen::VectorXd parameter_vector() const;
  const FitResult& fit_result() const;
  double log_likelihood() const { return fit_result().log_likelihood; }
  Eigen::VectorXd standard_errors() const { return fit_result().standard_errors; }
  double log_likelihood(const double* frequency, const double* recency, const double* T,
                        std::size_t n, const double* weights = nullptr) const;

  // E[X(t)] for a new customer: r beta / (alpha (s-1)) [1 - (beta/(beta+t))^(s-1)]
  // (the s -> 1 limit r beta/alpha log(1 + t/beta) included).
  double expected_purchases(double t) const;
  double conditional_expected_purchases(double t, double frequency, double recency, double T) const;
  double p_alive(double frequency, double recency, double T) const;

  void conditional_expected_purchases(double t, const double* frequency, const double* recency,
                                      const double* T, std::size_t n, double* out) const;
  void p_alive(const double* frequency, const double* recency, const double* T, std::size_t n,
               double* out) const;
  Eigen::VectorXd conditional_expected_purchases(double t,
                                                 const Eigen::Ref<const Eigen::VectorXd>& frequency,
                                                 const Eigen::Ref<const Eigen::VectorXd>& recency,
                                                 const Eigen::Ref<const Eigen::VectorXd>& T) const;
  Eigen::VectorXd p_alive(const Eigen::Ref<const Eigen::VectorXd>& frequency,
                          const Eigen::Ref<const Eigen::VectorXd>& recency,
                          const Eigen::Ref<const Eigen::VectorXd>& T) const;

  void check_invariants() const;
  template <class Archive>
  void serialize(Archive& ar, unsigned version);

 private:
  detail::ModelState state_;
};

}  // namespace value
}  // namespace v0
}  // namespace crmkit

// Saved-format version (see io/archive.hpp); must be visible wherever the type is archived.
BOOST_CLASS_VERSION(crmkit::value::ParetoNbd, 1)
BOOST_CLASS_TRACKING(crmkit::value::ParetoNbd, boost::serialization::track_never)
