// Boost.Serialization of the CLV models, instantiated once here for the text and binary
// archives so that headers stay free of Boost archive code. No pointers are archived (no
// tracking, no polymorphism). Vectors and text are written as a length and the elements,
// and a length read back is bounded before anything is allocated: Boost's own string and
// vector loaders allocate whatever a damaged length asks for (found by fuzz/archive_fuzzer).
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <cstdint>
#include <string>

#include "crmkit/error.hpp"

#include "crmkit/value/clv/bg_bb.hpp"
#include "crmkit/value/clv/bg_nbd.hpp"
#include "crmkit/value/clv/gamma_gamma.hpp"
#include "crmkit/value/clv/mbg_nbd.hpp"
#include "crmkit/value/clv/pareto_nbd.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

namespace {

// Longest vector (parameters, standard errors) and text (optimiser message) accepted.
constexpr std::uint64_t kMaxArchivedValues = 64;
constexpr std::uint64_t kMaxArchivedText = 4096;

template <class Archive>
std::uint64_t bounded_length(Archive& ar, std::uint64_t length, std::uint64_t limit,
                             const char* what) {
  ar & length;
  if (Archive::is_loading::value && length > limit)
    throw Error(ErrorCode::corrupt_data, std::string("model file: ") + what + " length " +
                                             std::to_string(length) + " exceeds " +
                                             std::to_string(limit));
  return length;
}

template <class Archive>
void vector_field(Archive& ar, Eigen::VectorXd& v, const char* what) {
  const std::uint64_t n = bounded_length(ar, static_cast<std::uint64_t>(v.size()),
                                         kMaxArchivedValues, what);
  if (Archive::is_loading::value) v.resize(static_cast<Eigen::Index>(n));
  for (Eigen::Index i = 0; i < v.size(); ++i) ar & v[i];
}

template <class Archive>
void text_field(Archive& ar, std::string& s, const char* what) {
  const std::uint64_t n = bounded_length(ar, s.size(), kMaxArchivedText, what);
  if (Archive::is_loading::value) s.resize(static_cast<std::size_t>(n));
  for (char& c : s) ar & c;
}

}  // namespace

template <class Archive>
void detail::ModelState::serialize(Archive& ar, unsigned /*version 1*/) {
  vector_field(ar, params, "parameters");
  ar & has_params & has_fit;
  vector_field(ar, fit.params, "fitted parameters");
  vector_field(ar, fit.standard_errors, "standard errors");
  ar & fit.log_likelihood & fit.aic & fit.bic & fit.gradient_norm & fit.iterations &
      fit.evaluations & fit.starts_run & fit.converged & fit.customers;
  std::uint64_t rows = fit.unique_rows;
  ar & rows;
  fit.unique_rows = static_cast<std::size_t>(rows);
  text_field(ar, fit.message, "fit message");
}

// Every model saves its ModelState and nothing else, under its own BOOST_CLASS_VERSION (1).
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
