#include "crmkit/contact/erlang.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <string>

#include <boost/math/quadrature/gauss_kronrod.hpp>

#include "contact/queue.hpp"
#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace contact {

namespace {

constexpr const char* kQueueModelNames[] = {"erlang-c", "erlang-a"};
static_assert(std::size(kQueueModelNames) == kQueueModelCount, "queue model names");

void require_positive(double v, const char* name) {
  require(std::isfinite(v) && v > 0, std::string(name) + " = " + detail::number_text(v) + ": must be a finite number > 0");
}

void require_traffic(double traffic) {
  // The upper bound: found by fuzz/capi_fuzzer, 8e136 Erlangs overflowed the agent count
  // (undefined behaviour) and would have searched upward for ever.
  require(std::isfinite(traffic) && traffic > 0 && traffic <= kMaxTraffic,
          "traffic = " + detail::number_text(traffic) + " Erlangs: must be a finite number > 0 and at most " +
              detail::number_text(kMaxTraffic));
}

double log_sum_exp(double a, double b) {
  if (a == -std::numeric_limits<double>::infinity()) return b;
  if (b == -std::numeric_limits<double>::infinity()) return a;
  const double m = std::max(a, b);
  if (m == std::numeric_limits<double>::infinity()) return m;
  return m + std::log1p(std::exp(std::min(a, b) - m));
}

// Integral of f over [a, b] by adaptive Gauss-Kronrod (61 points a panel).
template <class F>
double integrate(F&& f, double a, double b) {
  if (!(b > a)) return 0.0;
  return boost::math::quadrature::gauss_kronrod<double, 61>::integrate(f, a, b, 15, 1e-13);
}

}  // namespace

namespace detail {

// Erlang A, relative to pi_N (the probability that all N agents are busy and nobody waits).
QueueMetrics erlang_a_metrics(std::int64_t agents, const Workload& w, const QueueOptions& o, double b) {
  const double n = static_cast<double>(agents);
  const double lambda = w.calls / w.length, mu = 1 / w.aht, theta = 1 / o.patience;
  const double service = n * mu;  // rate at which the queue's head reaches an agent

  // Queue states j = 0, 1, ... (j callers waiting): term_j = pi_{N+j} / pi_N, summed in log
  // space with a running scale (the terms rise while lambda > N mu + j theta, then fall).
  // Alongside: answered = sum term_j N mu / (N mu + (j + 1) theta) (a caller finding j ahead
  // is answered with that probability: the stages telescope), abandoned the rest, and
  // waiting = sum j term_j.
  double scale = 0, total = 0, answered = 0, abandoned = 0, waiting = 0;
  double log_term = 0;
  const double peak = (lambda - service) / theta;  // terms fall for j beyond it
  constexpr std::int64_t kMaxTerms = 100'000'000;
  for (std::int64_t j = 0;; ++j) {
    if (j > 0) log_term += std::log(lambda / (service + static_cast<double>(j) * theta));
    if (log_term > scale) {
      const double f = std::exp(scale - log_term);
      total *= f, answered *= f, abandoned *= f, waiting *= f;
      scale = log_term;
    }
    const double term = std::exp(log_term - scale);
    const double next = service + static_cast<double>(j + 1) * theta;
    total += term;
    answered += term * (service / next);
    abandoned += term * (static_cast<double>(j + 1) * theta / next);
    waiting += static_cast<double>(j) * term;
    if (static_cast<double>(j) > peak && term * static_cast<double>(j + 1) < 1e-17 * total) break;
    require(j < kMaxTerms, "erlang-a: patience " + detail::number_text(o.patience) + " s with " +
                               std::to_string(agents) + " agents for " + detail::number_text(w.traffic()) +
                               " Erlangs needs more than 1e8 queue states; use erlang-c or a "
                               "shorter patience");
  }
  // pi_N = 1 / (sum_{n<N} pi_n / pi_N + sum_j term_j), the first sum being 1/B - 1.
  const double log_below = b > 0 ? std::log1p(-b) - std::log(b) : std::numeric_limits<double>::infinity();
  const double log_pi_n = -log_sum_exp(log_below, scale + std::log(total));
  const auto share = [&](double sum) { return sum > 0 ? std::exp(log_pi_n + scale + std::log(sum)) : 0.0; };

  QueueMetrics m;
  m.agents = agents;
  m.traffic = w.traffic();
  m.p_wait = share(total);
  m.p_abandon = share(abandoned);
  m.queue_length = share(waiting);
  m.occupancy = m.traffic * (1 - m.p_abandon) / n;

  // Waits of the calls answered after waiting: density pi_N N mu h(v) with
  // log h(v) = -(N mu + theta) v + (lambda / theta)(1 - exp(-theta v)), log-concave, peak at
  // v* (0 unless lambda > N mu + theta). Integrated scaled by its maximum.
  const double x = lambda / theta, decay = service + theta;
  const auto log_h = [&](double v) { return -decay * v - x * std::expm1(-theta * v); };
  const double v_peak = lambda > decay ? std::log(lambda / decay) / theta : 0.0;
  const double top = log_h(v_peak);
  const auto h = [&](double v) { return std::exp(log_h(v) - top); };
  // Past the peak, the end of the support: where h has fallen below e^-60.
  double v_end = v_peak + 1 / decay;
  while (log_h(v_end) - top > -60) v_end = v_peak + 2 * (v_end - v_peak);
  const double mass = integrate(h, 0, v_peak) + integrate(h, v_peak, v_end);
  const double t = std::min(o.answer_within, v_end);
  const double within = integrate(h, 0, std::min(t, v_peak)) + integrate(h, std::min(t, v_peak), t);
  const auto vh = [&](double v) { return v * h(v); };
  const double first_moment = integrate(vh, 0, v_peak) + integrate(vh, v_peak, v_end);

  const double answered_after_wait = share(answered);
  m.service_level = (1 - m.p_wait) + answered_after_wait * (within / mass);
  m.asa_delayed = first_moment / mass;
  m.asa = m.p_abandon < 1 ? m.asa_delayed * answered_after_wait / (1 - m.p_abandon) : 0.0;
  return m;
}

}  // namespace detail

const NameTable& names(QueueModel) {
  static const NameTable table("queue model", kQueueModelNames);
  return table;
}

void validate(const Workload& w) {
  require_positive(w.calls, "calls");
  require_positive(w.length, "interval length");
  require_positive(w.aht, "aht");
  require_traffic(w.traffic());
}

namespace detail {

std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  if (std::strtod(buf, nullptr) != v) std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

void validate(const QueueOptions& o) {
  names(QueueModel{}).check(static_cast<long long>(o.model), "model");
  require(std::isfinite(o.answer_within) && o.answer_within >= 0,
          "answer_within = " + detail::number_text(o.answer_within) + " s: must be a finite number >= 0");
  if (o.model == QueueModel::erlang_a) require_positive(o.patience, "patience");
}

double erlang_b_step(std::int64_t agents, double traffic, double b_before) {
  const double ab = traffic * b_before;
  return ab / (static_cast<double>(agents) + ab);
}

QueueMetrics erlang_c_metrics(std::int64_t agents, const Workload& w, double answer_within, double b) {
  const double n = static_cast<double>(agents), a = w.traffic();
  QueueMetrics m;
  m.agents = agents;
  m.traffic = a;
  const double spare = n - a;  // > 0, checked by the caller
  m.p_wait = n * b / (n - a * (1 - b));
  m.service_level = 1 - m.p_wait * std::exp(-spare * answer_within / w.aht);
  m.asa_delayed = w.aht / spare;
  m.asa = m.p_wait * m.asa_delayed;
  m.queue_length = m.p_wait * a / spare;
  m.occupancy = a / n;
  return m;
}

void require_stable(std::int64_t agents, double traffic) {
  require(static_cast<double>(agents) > traffic,
          "erlang-c: " + std::to_string(agents) + " agents for " + detail::number_text(traffic) +
              " Erlangs: the agents must exceed the traffic, or the queue grows without bound "
              "(use erlang-a, where callers abandon)");
}

}  // namespace detail

double erlang_b(std::int64_t agents, double traffic) {
  require(agents >= 0, "agents = " + std::to_string(agents) + ": must be >= 0");
  require_traffic(traffic);
  // Once B underflows to 0 every later step keeps it 0, so stop there: B falls faster than
  // a Poisson tail beyond the traffic and reaches 0 within 40 sqrt(A) agents above it, which
  // bounds the loop by kMaxTraffic. Found by fuzz/capi_fuzzer: 2^63 - 1 agents ran the
  // recurrence 9.2e18 times (a hang).
  double b = 1;
  for (std::int64_t n = 1; n <= agents && b > 0; ++n) b = detail::erlang_b_step(n, traffic, b);
  return b;
}

double erlang_c(std::int64_t agents, double traffic) {
  require_traffic(traffic);
  detail::require_stable(agents, traffic);
  const double b = erlang_b(agents, traffic);
  const double n = static_cast<double>(agents);
  return n * b / (n - traffic * (1 - b));
}

QueueMetrics evaluate(std::int64_t agents, const Workload& workload, const QueueOptions& options) {
  validate(workload);
  detail::validate(options);
  require(agents >= 1, "agents = " + std::to_string(agents) + ": must be >= 1");
  const double b = erlang_b(agents, workload.traffic());
  if (options.model == QueueModel::erlang_c) {
    detail::require_stable(agents, workload.traffic());
    return detail::erlang_c_metrics(agents, workload, options.answer_within, b);
  }
  return detail::erlang_a_metrics(agents, workload, options, b);
}

}  // namespace contact
}  // namespace v0
}  // namespace crmkit
