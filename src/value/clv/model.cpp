#include "crmkit/value/clv/model.hpp"

#include <type_traits>

#include "crmkit/error.hpp"
#include "crmkit/io/archive.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

namespace {

constexpr const char* kNames[] = {"bg-nbd", "pareto-nbd", "mbg-nbd", "bg-bb", "gamma-gamma"};
constexpr int kKinds = 5;
static_assert(std::variant_size_v<ClvModel::Variant> == kKinds, "one name per model");

template <class M>
constexpr bool is_spend = std::is_same_v<M, GammaGamma>;

template <class M, class = void>
struct has_probability : std::false_type {};
template <class M>
struct has_probability<M, std::void_t<decltype(std::declval<const M&>().probability_of_purchases(0.0, 0.0))>>
    : std::true_type {};

template <class M, class = void>
struct has_conditional_probability : std::false_type {};
template <class M>
struct has_conditional_probability<
    M, std::void_t<decltype(std::declval<const M&>().conditional_probability_of_purchases(0.0, 0.0, 0.0, 0.0, 0.0))>>
    : std::true_type {};

[[noreturn]] void unsupported(ClvModelKind kind, const char* what) {
  throw Error(ErrorCode::invalid_argument,
              std::string(name_of(kind)) + " model has no " + what);
}

// The model as its own type with known parameters.
template <class M>
M with_params(const Eigen::VectorXd& v) {
  require(v.size() == static_cast<Eigen::Index>(M::parameter_names().size()),
          std::string("expected ") + std::to_string(M::parameter_names().size()) + " parameters, got " +
              std::to_string(v.size()));
  if constexpr (is_spend<M>) {
    return M(typename M::Params{v[0], v[1], v[2]});
  } else {
    return M(typename M::Params{v[0], v[1], v[2], v[3]});
  }
}

ClvModel::Variant make(ClvModelKind kind, const Eigen::VectorXd* params) {
  auto build = [params](auto tag) -> ClvModel::Variant {
    using M = decltype(tag);
    return params ? with_params<M>(*params) : M();
  };
  switch (kind) {
    case ClvModelKind::bg_nbd: return build(BetaGeo());
    case ClvModelKind::pareto_nbd: return build(ParetoNbd());
    case ClvModelKind::mbg_nbd: return build(ModifiedBetaGeo());
    case ClvModelKind::bg_bb: return build(BetaGeoBetaBinom());
    case ClvModelKind::gamma_gamma: return build(GammaGamma());
  }
  throw Error(ErrorCode::invalid_argument, "unknown CLV model kind");
}

template <class M>
ClvModel::Variant decode(const std::string& bytes) {
  return io::from_bytes<M>(bytes);
}

}  // namespace

const NameTable& names(ClvModelKind) {
  static constexpr NameTable kTable("CLV model", kNames);
  return kTable;
}


ClvModel::ClvModel(ClvModelKind kind) : model_(make(kind, nullptr)) {}

ClvModel::ClvModel(ClvModelKind kind, const Eigen::VectorXd& params)
    : model_(make(kind, &params)) {}

const std::vector<std::string>& ClvModel::parameter_names() const {
  return std::visit([](const auto& m) -> const std::vector<std::string>& { return m.parameter_names(); },
                    model_);
}

Eigen::VectorXd ClvModel::parameter_vector() const {
  return std::visit([](const auto& m) { return m.parameter_vector(); }, model_);
}

bool ClvModel::has_fit() const noexcept {
  return std::visit([](const auto& m) { return m.has_fit(); }, model_);
}

const FitResult& ClvModel::fit_result() const {
  return std::visit([](const auto& m) -> const FitResult& { return m.fit_result(); }, model_);
}

const FitResult& ClvModel::fit(const double* frequency, const double* recency, const double* T,
                               std::size_t n, const FitOptions& options, const double* weights) {
  return std::visit(
      [&](auto& m) -> const FitResult& {
        if constexpr (is_spend<std::decay_t<decltype(m)>>) {
          throw Error(ErrorCode::invalid_argument,
                      "gamma-gamma is a spend model: fit it on frequency and monetary value");
        } else {
          return m.fit(frequency, recency, T, n, options, weights);
        }
      },
      model_);
}

const FitResult& ClvModel::fit_spend(const double* frequency, const double* monetary_value,
                                     std::size_t n, const FitOptions& options,
                                     const double* weights) {
  return std::visit(
      [&](auto& m) -> const FitResult& {
        if constexpr (is_spend<std::decay_t<decltype(m)>>) {
          return m.fit(frequency, monetary_value, n, options, weights);
        } else {
          unsupported(kind(), "spend fit (it models purchases: fit it on frequency, recency and T)");
        }
      },
      model_);
}

void ClvModel::expected_purchases(const double* t, std::size_t n, double* out) const {
  require(n == 0 || (t && out), "expected_purchases: arrays must not be null");
  std::visit(
      [&](const auto& m) {
        if constexpr (is_spend<std::decay_t<decltype(m)>>) {
          unsupported(kind(), "expected_purchases");
        } else {
          for (std::size_t i = 0; i < n; ++i) out[i] = m.expected_purchases(t[i]);
        }
      },
      model_);
}

void ClvModel::probability_of_purchases(double t, const double* counts, std::size_t n,
                                        double* out) const {
  require(n == 0 || (counts && out), "probability_of_purchases: arrays must not be null");
  std::visit(
      [&](const auto& m) {
        if constexpr (has_probability<std::decay_t<decltype(m)>>::value) {
          for (std::size_t i = 0; i < n; ++i) out[i] = m.probability_of_purchases(counts[i], t);
        } else {
          unsupported(kind(), "probability_of_purchases");
        }
      },
      model_);
}

void ClvModel::conditional_probability_of_purchases(double t, const double* counts,
                                                   const double* frequency, const double* recency,
                                                   const double* T, std::size_t n,
                                                   double* out) const {
  require(n == 0 || (counts && frequency && recency && T && out),
          "conditional_probability_of_purchases: arrays must not be null");
  std::visit(
      [&](const auto& m) {
        if constexpr (has_conditional_probability<std::decay_t<decltype(m)>>::value) {
          for (std::size_t i = 0; i < n; ++i) {
            try {
              out[i] = m.conditional_probability_of_purchases(counts[i], t, frequency[i], recency[i], T[i]);
            } catch (const Error& e) {
              throw Error(e.code(), "row " + std::to_string(i) + ": " + e.what());
            }
          }
        } else {
          unsupported(kind(), "conditional_probability_of_purchases (BG/NBD, MBG/NBD and Pareto/NBD have it)");
        }
      },
      model_);
}

void ClvModel::conditional_expected_purchases(double t, const double* frequency,
                                              const double* recency, const double* T,
                                              std::size_t n, double* out) const {
  std::visit(
      [&](const auto& m) {
        if constexpr (is_spend<std::decay_t<decltype(m)>>) {
          unsupported(kind(), "conditional_expected_purchases");
        } else {
          m.conditional_expected_purchases(t, frequency, recency, T, n, out);
        }
      },
      model_);
}

void ClvModel::p_alive(const double* frequency, const double* recency, const double* T,
                       std::size_t n, double* out) const {
  std::visit(
      [&](const auto& m) {
        if constexpr (is_spend<std::decay_t<decltype(m)>>) {
          unsupported(kind(), "p_alive");
        } else {
          m.p_alive(frequency, recency, T, n, out);
        }
      },
      model_);
}

void ClvModel::expected_spend(const double* frequency, const double* monetary_value,
                              std::size_t n, double* out) const {
  const auto* m = std::get_if<GammaGamma>(&model_);
  if (!m) unsupported(kind(), "expected_spend (use a gamma-gamma model)");
  m->expected_spend(frequency, monetary_value, n, out);
}

void ClvModel::lifetime_value(const double* frequency, const double* recency, const double* T,
                              const double* expected_spend, std::size_t n,
                              const ClvOptions& options, double* out) const {
  require(n == 0 || (frequency && recency && T && expected_spend && out),
          "lifetime_value: arrays must not be null");
  std::visit(
      [&](const auto& m) {
        if constexpr (is_spend<std::decay_t<decltype(m)>>) {
          unsupported(kind(), "lifetime_value (use a purchase model and its expected spend)");
        } else {
          customer_lifetime_value(m, frequency, recency, T, expected_spend, n, options, out);
        }
      },
      model_);
}

std::vector<double> ClvModel::expected_cumulative_repeat_transactions(const double* first_purchase,
                                                                      std::size_t n,
                                                                      int periods) const {
  return std::visit(
      [&](const auto& m) -> std::vector<double> {
        if constexpr (is_spend<std::decay_t<decltype(m)>>) {
          unsupported(kind(), "tracking curve");
        } else {
          return value::expected_cumulative_repeat_transactions(m, first_purchase, n, periods);
        }
      },
      model_);
}

HoldoutComparison ClvModel::compare_holdout(double holdout_length, const double* frequency,
                                            const double* recency, const double* T,
                                            const double* actual, std::size_t n,
                                            int max_frequency) const {
  return std::visit(
      [&](const auto& m) -> HoldoutComparison {
        if constexpr (is_spend<std::decay_t<decltype(m)>>) {
          unsupported(kind(), "holdout comparison");
        } else {
          return value::compare_holdout(m, holdout_length, frequency, recency, T, actual, n,
                                        max_frequency);
        }
      },
      model_);
}

std::string ClvModel::to_bytes() const {
  return std::visit([](const auto& m) { return io::to_bytes(m); }, model_);
}

ClvModel ClvModel::from_bytes(const std::string& bytes, std::optional<ClvModelKind> expected) {
  // The envelope names the type; checking it first gives the "wrong model type" message
  // before any payload is decoded.
  const std::string tag = io::unwrap_envelope(bytes, "").tag;
  using Decoder = Variant (*)(const std::string&);
  static constexpr std::pair<const char*, Decoder> kDecoders[] = {
      {BetaGeo::archive_tag, decode<BetaGeo>},
      {ParetoNbd::archive_tag, decode<ParetoNbd>},
      {ModifiedBetaGeo::archive_tag, decode<ModifiedBetaGeo>},
      {BetaGeoBetaBinom::archive_tag, decode<BetaGeoBetaBinom>},
      {GammaGamma::archive_tag, decode<GammaGamma>},
  };
  for (int i = 0; i < kKinds; ++i) {
    if (tag != kDecoders[i].first) continue;
    const auto kind = static_cast<ClvModelKind>(i);
    if (expected && *expected != kind) {
      throw Error(ErrorCode::invalid_argument, std::string("the file holds a ") +
                                                   name_of(kind) + " model, not a " +
                                                   name_of(*expected) + " model");
    }
    return ClvModel(kDecoders[i].second(bytes));
  }
  throw Error(ErrorCode::invalid_argument, "the file holds a " + tag + ", not a CLV model");
}

void ClvModel::save(const std::string& path) const { io::write_file_atomic(path, to_bytes()); }

ClvModel ClvModel::load(const std::string& path, std::optional<ClvModelKind> expected) {
  return from_bytes(io::read_file(path, io::kMaxArchivePayload + 4096), expected);
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
