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

// A flag is archived as one byte (the layout of a Boost bool in both archive kinds, so version
// 1 files read the same) and checked on load: reading any other byte into a bool is undefined
// behaviour, and a forged file with a recomputed checksum can hold any byte.
template <class Archive>
void flag_field(Archive& ar, bool& flag, const char* what) {
  std::uint8_t byte = flag ? 1 : 0;
  ar & byte;
  if (Archive::is_loading::value) {
    if (byte > 1) {
      throw Error(ErrorCode::corrupt_data, std::string("model file: flag ") + what + " is " +
                                               std::to_string(byte) + ", not 0 or 1");
    }
    flag = byte == 1;
  }
}

// Version 2 archives a number as a class byte, then the value only when it is finite: a text
// archive writes NaN as "nan", which it cannot read back, and an unconverged fit has NaN
// standard errors. Version 1 archived the plain value.
enum class NumberClass : std::uint8_t { finite = 0, nan = 1, plus_infinity = 2, minus_infinity = 3 };

template <class Archive>
void number_field(Archive& ar, double& v, unsigned version) {
  if (version < 2) {
    ar & v;
    return;
  }
  std::uint8_t cls = static_cast<std::uint8_t>(
      std::isfinite(v) ? NumberClass::finite
                       : std::isnan(v) ? NumberClass::nan
                                       : v > 0 ? NumberClass::plus_infinity : NumberClass::minus_infinity);
  ar & cls;
  switch (static_cast<NumberClass>(cls)) {
    case NumberClass::finite: ar & v; return;
    case NumberClass::nan: v = std::numeric_limits<double>::quiet_NaN(); return;
    case NumberClass::plus_infinity: v = std::numeric_limits<double>::infinity(); return;
    case NumberClass::minus_infinity: v = -std::numeric_limits<double>::infinity(); return;
  }
  throw Error(ErrorCode::corrupt_data,
              "model file: number class " + std::to_string(cls) + " is not one of 0..3");
}

template <class Archive>
void vector_field(Archive& ar, Eigen::VectorXd& v, const char* what, unsigned version) {
  const std::uint64_t n = bounded_length(ar, static_cast<std::uint64_t>(v.size()),
                                         kMaxArchivedValues, what);
  if (Archive::is_loading::value) v.resize(static_cast<Eigen::Index>(n));
  for (Eigen::Index i = 0; i < v.size(); ++i) number_field(ar, v[i], version);
}

template <class Archive>
void text_field(Archive& ar, std::string& s, const char* what) {
  const std::uint64_t n = bounded_length(ar, s.size(), kMaxArchivedText, what);
  if (Archive::is_loading::value) s.resize(static_cast<std::size_t>(n));
  for (char& c : s) ar & c;
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
