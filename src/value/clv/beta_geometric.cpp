// Bulk predictions of BG/NBD and MBG/NBD (see value/clv/beta_geometric.hpp).
//
// Per customer, E[Y(t) | x, t_x, T] = future(x, T) * P(alive). P(alive) is a closed form;
// future(x, T) is a Gaussian hypergeometric series of ~100 terms (clv/internal.hpp), nearly
// all of the time of a direct evaluation. For a fixed horizon t its parameters depend on x
// alone and T enters only through y = t/(alpha+T), so customers with the same x share one
// smooth function of y. For a frequency with many customers, that function is replaced by a
// piecewise polynomial built from a few direct evaluations and checked against further
// direct evaluations before use; rows it cannot serve are evaluated directly.

#include <algorithm>
#include <array>
#include <boost/math/quadrature/tanh_sinh.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "crmkit/error.hpp"
#include "value/clv/beta_geometric.hpp"
#include "value/clv/internal.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {
namespace detail {

namespace {

// Why these numbers. future(x, T) / y, as a function of y, is analytic except on
// y <= -1 (where z = y/(1+y) >= 1, the branch cut of 2F1) for every parameter value. A piece
// [1+y in 2^e (1 + j/8), 2^e (1 + (j+1)/8)) has its centre 17 half-widths from y = -1, so
// degree-8 Chebyshev interpolation converges like (17 + sqrt(17^2 - 1))^-9 ~ 2e-14 on it
// (Trefethen, "Approximation Theory and Approximation Practice", thm 8.2), at any scale of y.
// Dividing by y (future ~ y as y -> 0) keeps that error relative to the value, also for
// customers whose y is tiny. Each piece is then checked at 10 further points (its ends and the
// points halfway, in angle, between the nodes, where the interpolation error peaks) against
// direct evaluation to kTolerance relative, 100 times below the 1e-10 promised; a piece that
// fails is left to direct evaluation.
constexpr int kDegree = 8;
constexpr int kPieceBits = 3;  // 2^3 pieces per octave of 1 + y
constexpr double kTolerance = 1e-12;
constexpr int kEvaluationsPerPiece = 2 * kDegree + 3;  // nodes and check points
// A frequency gets an interpolant only if it has this many rows per direct evaluation spent
// on building it, so that building never costs more than a quarter of evaluating directly.
constexpr double kRowsPerEvaluation = 4;
// Frequencies are table indices; customers with more purchases (rare) are evaluated directly.
constexpr std::size_t kMaxTabulatedFrequency = std::size_t{1} << 16;

constexpr int kMantissaBits = 52;
constexpr double kPi = 3.14159265358979323846;

// The piece holding y: the exponent and the top kPieceBits mantissa bits of 1 + y (positive,
// so the bit pattern orders like the value).
std::uint64_t piece_key(double y) {
  const double v = 1.0 + y;
  std::uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  return bits >> (kMantissaBits - kPieceBits);
}

// Smallest 1 + y of the piece `key`.
double piece_start(std::uint64_t key) {
  const std::uint64_t bits = key << (kMantissaBits - kPieceBits);
  double v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

// Monomial coefficients of the Chebyshev polynomials: row k holds T_k(s) = sum_i row[i] s^i.
using Coefficients = std::array<double, kDegree + 1>;
const std::array<Coefficients, kDegree + 1>& chebyshev_monomials() {
  static const std::array<Coefficients, kDegree + 1> table = [] {
    std::array<Coefficients, kDegree + 1> t{};
    t[0][0] = 1;
    t[1][1] = 1;
    for (int k = 1; k < kDegree; ++k) {  // T_{k+1} = 2 s T_k - T_{k-1}
      for (int i = 0; i <= kDegree; ++i) {
        t[k + 1][i] = (i > 0 ? 2 * t[k][i - 1] : 0.0) - t[k - 1][i];
      }
    }
    return t;
  }();
  return table;
}

// A polynomial in s = (y - centre) * inv_half on one piece, in monomial form for Horner's
// rule (the Chebyshev coefficients decay fast, so the monomial ones stay small).
struct Piece {
  double centre = 0, inv_half = 0;
  Coefficients coef{};
  bool usable = false;

  double operator()(double y) const {
    const double s = (y - centre) * inv_half;
    double v = coef[kDegree];
    for (int i = kDegree - 1; i >= 0; --i) v = v * s + coef[i];
    return v;
  }
};

// future(x, T) / y as a piecewise polynomial of y = t/(alpha+T) over [y_min, y_max].
class FrequencyInterpolant {
 public:
  FrequencyInterpolant(const BetaGeometric& m, double t, double x, double y_min, double y_max)
      : first_key_(piece_key(y_min)) {
    // The function being interpolated: a customer with alpha + T = t / y.
    auto g = [&](double y) { return beta_geometric_future(m, t, x, t / y - m.alpha) / y; };
    pieces_.resize(piece_key(y_max) - first_key_ + 1);
    for (std::size_t k = 0; k < pieces_.size(); ++k) {
      const std::uint64_t key = first_key_ + k;
      const double lo = std::max(y_min, piece_start(key) - 1.0);
      const double hi = std::min(y_max, piece_start(key + 1) - 1.0);
      pieces_[k] = build(g, lo, hi);
    }
  }

  static std::size_t evaluations(double y_min, double y_max) {
    return (piece_key(y_max) - piece_key(y_min) + 1) * kEvaluationsPerPiece;
  }

  // The piece for y, or null when it failed its check.
  const Piece* piece(double y) const {
    const Piece& p = pieces_[piece_key(y) - first_key_];
    return p.usable ? &p : nullptr;
  }

 private:
  template <class G>
  static Piece build(const G& g, double lo, double hi) {
    Piece p;
    p.centre = 0.5 * (lo + hi);
    const double half = 0.5 * (hi - lo);
    p.inv_half = half > 0 ? 1 / half : 0.0;  // one point: the constant term serves it
    // Interpolate at the Chebyshev points of the first kind, s_j = cos(theta_j).
    constexpr int n = kDegree + 1;
    std::array<double, n> value{};
    for (int j = 0; j < n; ++j) {
      value[j] = g(p.centre + half * std::cos((j + 0.5) * kPi / n));
    }
    const auto& monomials = chebyshev_monomials();
    for (int k = 0; k < n; ++k) {
      double c = 0;
      for (int j = 0; j < n; ++j) c += value[j] * std::cos(k * (j + 0.5) * kPi / n);
      c *= (k == 0 ? 1.0 : 2.0) / n;
      for (int i = 0; i <= kDegree; ++i) p.coef[i] += c * monomials[k][i];
    }
    // Check at the ends and between the nodes: s = cos(j pi / n), j = 0..n.
    for (int j = 0; j <= n; ++j) {
      const double y = p.centre + half * std::cos(j * kPi / n);
      const double exact = g(y);
      if (!(std::fabs(p(y) - exact) <= kTolerance * std::fabs(exact))) return p;  // unusable
    }
    p.usable = true;
    return p;
  }

  std::uint64_t first_key_;
  std::vector<Piece> pieces_;
};

void require_arrays(std::size_t n, const double* x, const double* t_x, const double* T,
                    const double* out) {
  require(n == 0 || (x && t_x && T && out), "customer arrays must not be null");
}

// beta_geometric_log_odds(m, x) remembered per frequency: one logarithm per group instead
// of one per row.
class LogOddsCache {
 public:
  explicit LogOddsCache(const BetaGeometric& m) : m_(m) {}
  double operator()(double x) {
    if (x >= static_cast<double>(kMaxTabulatedFrequency)) return beta_geometric_log_odds(m_, x);
    const auto f = static_cast<std::size_t>(x);
    if (f >= table_.size()) table_.resize(f + 1, std::numeric_limits<double>::quiet_NaN());
    if (std::isnan(table_[f])) table_[f] = beta_geometric_log_odds(m_, x);
    return table_[f];
  }

 private:
  const BetaGeometric& m_;
  std::vector<double> table_;  // NaN: not computed yet
};

// Rows are processed in blocks that stay in the L1 cache, so that the passes over a block
// (future purchases, then P(alive)) read the input from memory only once.
constexpr std::size_t kBlock = 512;

}  // namespace

void beta_geometric_p_alive(const BetaGeometric& m, const double* x, const double* t_x,
                            const double* T, std::size_t n, double* out) {
  require_arrays(n, x, t_x, T, out);
  LogOddsCache log_odds(m);
  for (std::size_t i = 0; i < n; ++i) {
    check_customer(x[i], t_x[i], T[i], TimeKind::continuous, static_cast<long>(i));
    out[i] = beta_geometric_p_alive(m, x[i], t_x[i], T[i], log_odds);
  }
}

std::size_t beta_geometric_conditional_expected_purchases(const BetaGeometric& m, double t,
                                                          const double* x, const double* t_x,
                                                          const double* T, std::size_t n,
                                                          double* out) {
  require(std::isfinite(t) && t >= 0, std::string(m.model) +
                                          " conditional_expected_purchases: t must be finite and >= 0");
  require_arrays(n, x, t_x, T, out);
  // Validate, and find how many customers each frequency has and their range of ages.
  struct Group {
    std::size_t rows = 0;
    double T_min = 0, T_max = 0;
  };
  std::vector<Group> groups;
  for (std::size_t i = 0; i < n; ++i) {
    check_customer(x[i], t_x[i], T[i], TimeKind::continuous, static_cast<long>(i));
    if (x[i] >= static_cast<double>(kMaxTabulatedFrequency)) continue;
    const auto f = static_cast<std::size_t>(x[i]);
    if (f >= groups.size()) groups.resize(f + 1);
    Group& g = groups[f];
    g.T_min = g.rows == 0 ? T[i] : std::min(g.T_min, T[i]);
    g.T_max = g.rows == 0 ? T[i] : std::max(g.T_max, T[i]);
    ++g.rows;
  }
  // Interpolants for the frequencies with enough customers (none at t = 0, where y = 0).
  std::vector<std::unique_ptr<FrequencyInterpolant>> interpolants(groups.size());
  for (std::size_t f = 0; f < groups.size() && t > 0; ++f) {
    const Group& g = groups[f];
    const double y_min = t / (m.alpha + g.T_max), y_max = t / (m.alpha + g.T_min);
    if (g.rows == 0 || !std::isfinite(y_max) || y_min == 0) continue;
    const auto cost = static_cast<double>(FrequencyInterpolant::evaluations(y_min, y_max));
    if (static_cast<double>(g.rows) < kRowsPerEvaluation * cost) continue;
    interpolants[f] = std::make_unique<FrequencyInterpolant>(m, t, static_cast<double>(f), y_min,
                                                             y_max);
  }
  std::size_t interpolated = 0;
  LogOddsCache log_odds(m);
  for (std::size_t start = 0; start < n; start += kBlock) {
    const std::size_t end = std::min(n, start + kBlock);
    // Expected purchases if alive...
    for (std::size_t i = start; i < end; ++i) {
      const double xi = x[i];
      const FrequencyInterpolant* f = xi < static_cast<double>(interpolants.size())
                                          ? interpolants[static_cast<std::size_t>(xi)].get()
                                          : nullptr;
      const double y = t / (m.alpha + T[i]);  // the same expression as for y_min and y_max
      const Piece* piece = f ? f->piece(y) : nullptr;
      if (piece) {
        out[i] = y * (*piece)(y);
        ++interpolated;
      } else {
        out[i] = beta_geometric_future(m, t, xi, T[i]);
      }
    }
    // ... times P(alive).
    for (std::size_t i = start; i < end; ++i) {
      out[i] *= beta_geometric_p_alive(m, x[i], t_x[i], T[i], log_odds);
    }
  }
  return interpolated;
}

}  // namespace detail

// With p = exp(-v) the expectation is (1/B(a, b+x)) int_0^inf f(v) dv,
//   f(v) = exp((1-a) v) (1-p)^(b+x-1) [1 - (1 + kappa p)^-(r+x)],  kappa = t/(alpha+T).
// In p itself the mass of p^(a-1) near 0 (a = 0.001 puts 99.9% of it below 1/kappa) is where
// quadrature never looks; in v it is a slowly decaying tail. f changes character at v = L =
// log kappa (kappa p = 1), so [0, L] and [L, L + S] are integrated separately, and beyond
// L + S (kappa p < e^-S = 4e-18) the bracket is (r+x) kappa p and (1-p)^(b+x-1) = 1 to double
// precision, so that tail is (r+x) kappa exp(-a (L+S)) / a exactly.
double beta_geometric_future_integral(double r, double alpha, double a, double b, double x,
                                      double T, double t) {
  const double kappa = t / (alpha + T), n = r + x, bx = b + x;
  const double L = std::log(kappa), lb = ::crmkit::detail::log_beta(a, bx);
  constexpr double S = 40;
  auto f = [&](double v) {
    const double one_minus_p = -std::expm1(-v);
    const double bracket = -std::expm1(-n * std::log1p(kappa * std::exp(-v)));
    if (one_minus_p <= 0 || bracket <= 0) return 0.0;
    return std::exp((1 - a) * v + (bx - 1) * std::log(one_minus_p) - lb + std::log(bracket));
  };
  boost::math::quadrature::tanh_sinh<double> integrator;
  const double tail = std::exp(std::log(n) + L - a * (L + S) - std::log(a) - lb);
  // [L, L + S] as u = v - L on [0, S]: Boost's tanh-sinh evaluates the abscissas next to a
  // left end below 0.5 by their distance from it, but next to L = 12 it rounded one onto L
  // itself (its assertion failed: found by fuzz/capi_fuzzer at t = 1.1e6).
  const double value = integrator.integrate(f, 0.0, L, 1e-13) +
                       integrator.integrate([&](double u) { return f(L + u); }, 0.0, S, 1e-13) + tail;
  if (!std::isfinite(value)) {
    throw Error(ErrorCode::invalid_argument,
                "expected purchases over a horizon of " + std::to_string(t) +
                    " time units cannot be represented (the result overflows)");
  }
  return value;
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
