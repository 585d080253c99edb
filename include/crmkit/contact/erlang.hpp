// Queueing models of a contact centre's phone queue: Erlang B (blocked calls lost), Erlang C
// (M/M/N: callers wait as long as it takes) and Erlang A (M/M/N+M: callers hang up after an
// exponentially distributed patience).
//
// Units: times in seconds; traffic A in Erlangs = calls x handle time / interval length (the
// mean number of agents the calls keep busy). Calls arrive as a Poisson stream, handle times
// and (Erlang A) patience are exponential, calls are answered first come, first served.
//
// Computation (valid for thousands of Erlangs; the textbook A^N / N! overflows at N = 171):
// - Erlang B by its recurrence B(0) = 1, B(n) = A B(n-1) / (n + A B(n-1)), every step a
//   number in (0, 1];
// - Erlang C from B: C = N B / (N - A (1 - B));
// - Erlang A from the birth-death chain, written relative to the state "all N agents busy":
//   below it the chain is Erlang B's (sum of pi_n / pi_N for n < N = 1/B - 1); above it the
//   terms pi_{N+j} / pi_N = prod_{i=1..j} lambda / (N mu + i theta) are summed in log space.
//   The waits of answered calls have, summed over the queue a caller finds, the density
//   pi_N N mu exp(-(N mu + theta) v + (lambda / theta)(1 - exp(-theta v))) (Garnett,
//   Mandelbaum & Reiman 2002), integrated by Gauss-Kronrod quadrature, scaled by its maximum.
#pragma once

#include <cstdint>

#include "crmkit/names.hpp"

namespace crmkit {
inline namespace v0 {
namespace contact {

enum class QueueModel : std::uint8_t { erlang_c, erlang_a };
inline constexpr std::size_t kQueueModelCount = 2;
// "erlang-c", "erlang-a".
const NameTable& names(QueueModel);

// Calls offered in one interval.
struct Workload {
  double calls = 0;       // offered in the interval, > 0
  double length = 1800;   // interval length in seconds, > 0
  double aht = 0;         // average handle time (talk + hold + wrap-up) in seconds, > 0
  // Offered traffic A in Erlangs: calls x aht / length.
  double traffic() const noexcept { return calls * aht / length; }
};

// The largest offered traffic accepted, in Erlangs: far beyond any contact centre, and it
// keeps the recurrences and the staffing search (a few steps per Erlang) bounded in time.
inline constexpr double kMaxTraffic = 1e7;

// Throws invalid_argument naming the field for non-positive or non-finite calls, length or
// aht, and for a traffic above kMaxTraffic.
void validate(const Workload& workload);

// How a staffing level is evaluated: the model, Erlang A's mean patience, and the answer
// threshold of the service level ("20 s" of "80/20").
struct QueueOptions {
  QueueModel model = QueueModel::erlang_c;
  double patience = 120;      // mean patience in seconds, > 0 (erlang_a only)
  double answer_within = 20;  // seconds, >= 0
};

// What N agents achieve on a workload.
struct QueueMetrics {
  std::int64_t agents = 0;
  double traffic = 0;         // offered Erlangs
  double p_wait = 0;          // probability that a call waits (Erlang C's C(N, A))
  double p_abandon = 0;       // probability that a call hangs up before an answer (0 in Erlang C)
  double service_level = 0;   // share of all offered calls answered within answer_within
  double asa = 0;             // mean wait of answered calls, s (average speed of answer)
  double asa_delayed = 0;     // mean wait of the answered calls that waited, s
  double queue_length = 0;    // mean number of callers waiting
  double occupancy = 0;       // carried traffic / agents: A (1 - p_abandon) / N
};

// Erlang B: the share of calls blocked with `agents` lines and `traffic` Erlangs (agents >= 0,
// traffic > 0 and finite). B(2, 1) = 1/5.
double erlang_b(std::int64_t agents, double traffic);

// Erlang C: the probability of waiting. agents must exceed traffic (otherwise the queue
// grows without bound: invalid_argument saying so). C(2, 1) = 1/3; M/M/1: C = traffic.
double erlang_c(std::int64_t agents, double traffic);

// The metrics of `agents` agents under options.model. Erlang C refuses agents <= traffic;
// Erlang A accepts any agents >= 1 (callers abandon, the queue stays finite).
QueueMetrics evaluate(std::int64_t agents, const Workload& workload, const QueueOptions& options = {});

}  // namespace contact
}  // namespace v0
}  // namespace crmkit
