// Boost.Serialization of the CLV models, instantiated once here for the text and binary
// archives so that headers stay free of Boost archive code. Eigen vectors are stored as
// std::vector<double>; no pointers are archived (no tracking, no polymorphism).
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>

#include "crmkit/value/bg_bb.hpp"
#include "crmkit/value/bg_nbd.hpp"
#include "crmkit/value/gamma_gamma.hpp"
#include "crmkit/value/mbg_nbd.hpp"
#include "crmkit/value/pareto_nbd.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

namespace {

template <class Archive>
void vector_field(Archive& ar, Eigen::VectorXd& v) {
  std::vector<double> tmp(v.data(), v.data() + v.size());
  ar & tmp;
  if (Archive::is_loading::value) {
    v = Eigen::Map<const Eigen::VectorXd>(tmp.data(), static_cast<Eigen::Index>(tmp.size()));
  }
}

}  // namespace

template <class Archive>
void detail::ModelState::serialize(Archive& ar, unsigned /*version 1*/) {
  vector_field(ar, params);
  ar & has_params & has_fit;
  vector_field(ar, fit.params);
  vector_field(ar, fit.standard_errors);
  ar & fit.log_likelihood & fit.aic & fit.bic & fit.gradient_norm & fit.iterations &
      fit.evaluations & fit.starts_run & fit.converged & fit.customers;
  std::uint64_t rows = fit.unique_rows;
  ar & rows;
  fit.unique_rows = static_cast<std::size_t>(rows);
  ar & fit.message;
}

#define CRMKIT_BTYD_SERIALIZE(Model)                          \
  template <class Archive>                                    \
  void Model::serialize(Archive& ar, unsigned /*version 1*/) { \
    ar & state_;                                              \
  }                                                           \
  template void Model::serialize(boost::archive::text_oarchive&, unsigned);   \
  template void Model::serialize(boost::archive::text_iarchive&, unsigned);   \
  template void Model::serialize(boost::archive::binary_oarchive&, unsigned); \
  template void Model::serialize(boost::archive::binary_iarchive&, unsigned);

CRMKIT_BTYD_SERIALIZE(BetaGeo)
CRMKIT_BTYD_SERIALIZE(ParetoNbd)
CRMKIT_BTYD_SERIALIZE(ModifiedBetaGeo)
CRMKIT_BTYD_SERIALIZE(BetaGeoBetaBinom)
CRMKIT_BTYD_SERIALIZE(GammaGamma)

#undef CRMKIT_BTYD_SERIALIZE

}  // namespace value
}  // namespace v0
}  // namespace crmkit
