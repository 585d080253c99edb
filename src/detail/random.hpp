// The one deterministic random number generator of crmkit: SplitMix64 (Steele, Lea & Flood
// 2014, "Fast splittable pseudorandom number generators"), seeded by the caller. The C++
// standard fixes the engines' sequences but not those of std::uniform_real_distribution and
// friends, so results drawn through them could differ between standard libraries; the
// conversions here are written out, so the same seed gives the same numbers everywhere.
// Used for the optimiser's starting points, and by bootstraps, k-means and test simulations.
#pragma once

#include <cmath>
#include <cstdint>

namespace crmkit {
inline namespace v0 {
namespace detail {

class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) noexcept : state_(seed) {}

  std::uint64_t next() noexcept {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1) with 53 random bits.
  double uniform() noexcept { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
  // Uniform in (0, 1): for logarithms.
  double uniform_open() noexcept {
    return (static_cast<double>(next() >> 11) + 0.5) * (1.0 / 9007199254740992.0);
  }
  // Standard normal (Box-Muller, one of the pair).
  double normal() noexcept {
    return std::sqrt(-2.0 * std::log(uniform_open())) * std::cos(6.283185307179586 * uniform());
  }
  // Exponential with rate 1.
  double exponential() noexcept { return -std::log(uniform_open()); }
  // Gamma(shape, 1), shape > 0 (Marsaglia & Tsang 2000; for shape < 1 their boost
  // Gamma(shape + 1) * U^(1/shape)).
  double gamma(double shape) noexcept {
    if (shape < 1) return gamma(shape + 1) * std::pow(uniform_open(), 1.0 / shape);
    const double d = shape - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
      double x, v;
      do {
        x = normal();
        v = 1.0 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const double u = uniform_open();
      if (std::log(u) < 0.5 * x * x + d - d * v + d * std::log(v)) return d * v;
    }
  }
  // Beta(a, b) from two gammas.
  double beta(double a, double b) noexcept {
    const double x = gamma(a);
    return x / (x + gamma(b));
  }

 private:
  std::uint64_t state_;
};

}  // namespace detail
}  // namespace v0
}  // namespace crmkit
