// Boost.Serialization of the CLV models, instantiated once here for the text and binary
// archives so that headers stay free of Boost archive code. No pointers are archived (no
// tracking, no polymorphism). Vectors and text are written as a length and the elements,
// and a length read back is bounded before anything is allocated: Boost's own string and
// vector loaders allocate whatever a damaged length asks for (found by fuzz/archive_fuzzer).
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "crmkit/error.hpp"
#include "detail/archive_fields.hpp"

#include "crmkit/value/clv/bg_bb.hpp"
#include "crmkit/value/clv/bg_nbd.hpp"
#include "crmkit/value/clv/gamma_gamma.hpp"
#include "crmkit/value/clv/mbg_nbd.hpp"
#include "crmkit/value/clv/pareto_nbd.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

namespace {

using ::crmkit::detail::bounded_length;
using ::crmkit::detail::flag_field;
using ::crmkit::detail::text_field;

// Longest vector (parameters, standard errors) accepted.
constexpr std::uint64_t kMaxArchivedValues = 64;

// Version 2 archives a number with a class byte, so that an unconverged fit's NaN standard
// errors round-trip (a text archive cannot read back "nan"); version 1 archived plain values.
template <class Archive>
void number_field(Archive& ar, double& v, unsigned version) {
  ::crmkit::detail::number_field(ar, v, version < 2);
}

template <class Archive>
void vector_field(Archive& ar, Eigen::VectorXd& v, const char* what, unsigned version) {
  const std::uint64_t n = bounded_length(ar, static_cast<std::uint64_t>(v.size()),
                                         kMaxArchivedValues, what);
  if (Archive::is_loading::value) v.resize(static_cast<Eigen::Index>(n));
  for (Eigen::Index i = 0; i < v.size(); ++i) number_field(ar, v[i], version);
}

}  // namespace

// Version 1: numbers as plain values. Version 2 (current): numbers with a class byte, so
// that non-finite diagnostics round-trip. Flags as checked bytes in both.
template <class Archive>
void detail::ModelState::serialize(Archive& ar, unsigned version) {
  vector_field(ar, params, "parameters", version);
  flag_field(ar, has_params, "has_params");
  flag_field(ar, has_fit, "has_fit");
  vector_field(ar, fit.params, "fitted parameters", version);
  vector_field(ar, fit.standard_errors, "standard errors", version);
  for (double* v : {&fit.log_likelihood, &fit.aic, &fit.bic, &fit.gradient_norm}) {
    number_field(ar, *v, version);
  }
  ar & fit.iterations & fit.evaluations & fit.starts_run;
  flag_field(ar, fit.converged, "converged");
  number_field(ar, fit.customers, version);
  std::uint64_t rows = fit.unique_rows;
  ar & rows;
  fit.unique_rows = static_cast<std::size_t>(rows);
  text_field(ar, fit.message, "fit message");
}

// Every model saves its ModelState and nothing else, under its own BOOST_CLASS_VERSION (1);
// format changes go into ModelState's version.
template <class Model>
template <class Archive>
void detail::ModelBase<Model>::serialize(Archive& ar, unsigned /*version 1*/) {
  ar & state_;
}

#define CRMKIT_BTYD_SERIALIZE(Model)                                                            \
  template void detail::ModelBase<Model>::serialize(boost::archive::text_oarchive&, unsigned);   \
  template void detail::ModelBase<Model>::serialize(boost::archive::text_iarchive&, unsigned);   \
  template void detail::ModelBase<Model>::serialize(boost::archive::binary_oarchive&, unsigned); \
  template void detail::ModelBase<Model>::serialize(boost::archive::binary_iarchive&, unsigned);

CRMKIT_BTYD_SERIALIZE(BetaGeo)
CRMKIT_BTYD_SERIALIZE(ParetoNbd)
CRMKIT_BTYD_SERIALIZE(ModifiedBetaGeo)
CRMKIT_BTYD_SERIALIZE(BetaGeoBetaBinom)
CRMKIT_BTYD_SERIALIZE(GammaGamma)

#undef CRMKIT_BTYD_SERIALIZE

}  // namespace value
}  // namespace v0
}  // namespace crmkit
