// Internal to the contact pillar: the pieces of the queue models that the staffing search
// reuses while it carries Erlang B's recurrence from one staffing level to the next.
#pragma once

#include <cstdint>
#include <string>

#include "crmkit/contact/erlang.hpp"

namespace crmkit {
inline namespace v0 {
namespace contact {
namespace detail {

// A number in messages: the shortest of %.15g and %.17g that reads back as v.
std::string number_text(double v);

// invalid_argument naming the field for a bad model, answer threshold or patience.
void validate(const QueueOptions& options);
// B(agents) from B(agents - 1): one step of Erlang B's recurrence.
double erlang_b_step(std::int64_t agents, double traffic, double b_before);
// invalid_argument unless agents > traffic (Erlang C's stability).
void require_stable(std::int64_t agents, double traffic);
// The metrics of `agents` (> traffic) given b = Erlang B(agents, traffic).
QueueMetrics erlang_c_metrics(std::int64_t agents, const Workload& workload, double answer_within, double b);
// Erlang A's metrics given b = Erlang B(agents, traffic).
QueueMetrics erlang_a_metrics(std::int64_t agents, const Workload& workload, const QueueOptions& options,
                              double b);

}  // namespace detail
}  // namespace contact
}  // namespace v0
}  // namespace crmkit
