#include "crmkit/contact/kpi.hpp"

#include <cmath>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "crmkit/error.hpp"
#include "crmkit/io/time.hpp"

namespace crmkit {
inline namespace v0 {
namespace contact {

namespace {

constexpr const char* kDefinitionNames[] = {"offered", "answered", "offered-less-short",
                                            "abandoned-within-met"};
static_assert(std::size(kDefinitionNames) == kServiceLevelDefinitionCount, "definition names");
constexpr const char* kGroupingNames[] = {"interval", "channel", "agent"};
static_assert(std::size(kGroupingNames) == kKpiGroupingCount, "grouping names");

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// One validated row, times turned into seconds.
struct Row {
  std::int64_t channel = 0, agent = -1, interval = 0;
  bool ivr = false, answered = false, abandoned = false, transferred = false, resolved = false;
  double wait = 0, handle = 0, satisfaction = kNaN;
};

double value_or(const double* column, std::size_t i, double otherwise) {
  return column ? column[i] : otherwise;
}

bool flag(const std::uint8_t* column, std::size_t i, const char* name) {
  if (column == nullptr) return false;
  require_lazy(column[i] <= 1, [&] {
    return "contact " + std::to_string(i) + ": " + name + " = " + std::to_string(column[i]) + ": must be 0 or 1";
  });
  return column[i] == 1;
}

// Seconds from day number `from` to `to`, rounded to the microsecond.
double seconds(double from, double to) { return std::round((to - from) * 86400e6) / 1e6; }

Row read_row(const ContactColumns& log, std::size_t i, double interval) {
  const std::string where = "contact " + std::to_string(i) + ": ";
  Row r;
  r.channel = log.channel[i];
  r.agent = log.agent ? log.agent[i] : -1;
  const double arrival = log.arrival[i];
  // Day numbers within the years 0001-9999 (io/time.hpp): beyond them the interval number
  // of a contact would not fit its integer (found by fuzz/capi_fuzzer).
  const auto in_years = [](double t) { return t >= io::kFirstDayNumber && t < io::kEndDayNumber; };
  const auto require_in_years = [&](double t, const char* field) {
    require_lazy(in_years(t), [&] { return where + field + " is not a day number within the years 0001-9999"; });
  };
  require_in_years(arrival, "arrival");
  const double answered = value_or(log.answered, i, kNaN);
  const double abandoned = value_or(log.abandoned, i, kNaN);
  const double end = value_or(log.end, i, kNaN);
  r.ivr = flag(log.ivr, i, "ivr");
  r.transferred = flag(log.transferred, i, "transferred");
  r.resolved = flag(log.resolved, i, "first_contact_resolved");
  r.satisfaction = value_or(log.satisfaction, i, kNaN);
  require_lazy(!std::isinf(r.satisfaction), [&] { return where + "satisfaction is infinite"; });
  r.answered = !std::isnan(answered);
  r.abandoned = !std::isnan(abandoned);
  const auto when = [](double t) { return io::format_time(t); };
  require_lazy(!(r.answered && r.abandoned), [&] { return where + "both answered and abandoned"; });
  require_lazy(!(r.ivr && (r.answered || r.abandoned)), [&] {
    return where + "contained in the voice system (ivr = 1) but also " +
           (r.answered ? "answered" : "abandoned");
  });
  require_lazy(r.ivr || r.answered || r.abandoned, [&] {
    return where + "offered to the agents (ivr = 0) but neither answered nor abandoned";
  });
  if (r.answered) {
    require_in_years(answered, "answered");
    require_lazy(answered >= arrival, [&] {
      return where + "answered " + when(answered) + " is before arrival " + when(arrival);
    });
    require_lazy(!std::isnan(end), [&] { return where + "answered but without an end time"; });
    require_in_years(end, "end");
    require_lazy(end >= answered, [&] {
      return where + "end " + when(end) + " is before answered " + when(answered);
    });
    r.wait = seconds(arrival, answered);
    r.handle = seconds(answered, end);
  }
  if (r.abandoned) {
    require_in_years(abandoned, "abandoned");
    require_lazy(abandoned >= arrival, [&] {
      return where + "abandoned " + when(abandoned) + " is before arrival " + when(arrival);
    });
    r.wait = seconds(arrival, abandoned);
  }
  r.interval = static_cast<std::int64_t>(std::floor(arrival * 86400 / interval));
  return r;
}

void validate(const ContactColumns& log, const KpiOptions& o) {
  require(std::isfinite(o.answer_within) && o.answer_within >= 0, "answer_within must be a finite number >= 0");
  require(std::isfinite(o.short_abandon) && o.short_abandon >= 0, "short_abandon must be a finite number >= 0");
  require(std::isfinite(o.interval) && o.interval > 0, "interval must be a finite number > 0");
  names(ServiceLevelDefinition{}).check(static_cast<long long>(o.definition), "definition");
  require(log.n == 0 || log.channel != nullptr, "channel column is null");
  require(log.n == 0 || log.arrival != nullptr, "arrival column is null");
}

double ratio(double a, double b) { return b > 0 ? a / b : kNaN; }

// Counts of a group as rows are added; finish() turns them into rates.
struct Accumulator {
  KpiFigures f;
  double satisfaction_sum = 0;
  std::set<std::pair<std::int64_t, std::int64_t>> staffed;  // (agent, interval)

  void add(const Row& r, const KpiOptions& o) {
    ++f.contacts;
    if (r.ivr) {
      ++f.ivr_contained;
    } else {
      ++f.offered;
      if (r.wait > 0) ++f.delayed;
    }
    if (r.answered) {
      ++f.answered;
      f.wait_seconds += r.wait;
      f.handle_seconds += r.handle;
      if (r.wait <= o.answer_within) ++f.answered_within;
      if (r.transferred) ++f.transferred;
      if (r.resolved) ++f.resolved;
      if (r.agent >= 0) staffed.emplace(r.agent, r.interval);
    }
    if (r.abandoned) {
      ++f.abandoned;
      if (r.wait < o.short_abandon) ++f.short_abandoned;
      if (r.wait <= o.answer_within) ++f.abandoned_within;
    }
    if (!std::isnan(r.satisfaction)) {
      ++f.satisfaction_responses;
      satisfaction_sum += r.satisfaction;
    }
  }

  KpiFigures finish(const KpiOptions& o) {
    const auto d = [](std::size_t v) { return static_cast<double>(v); };
    f.staffed_seconds = d(staffed.size()) * o.interval;
    f.abandonment_rate = ratio(d(f.abandoned), d(f.offered));
    f.abandonment_rate_excluding_short =
        ratio(d(f.abandoned - f.short_abandoned), d(f.offered - f.short_abandoned));
    switch (o.definition) {
      case ServiceLevelDefinition::offered:
        f.service_level = ratio(d(f.answered_within), d(f.offered));
        break;
      case ServiceLevelDefinition::answered:
        f.service_level = ratio(d(f.answered_within), d(f.answered));
        break;
      case ServiceLevelDefinition::offered_less_short:
        f.service_level = ratio(d(f.answered_within), d(f.offered - f.short_abandoned));
        break;
      case ServiceLevelDefinition::abandoned_within_met:
        f.service_level = ratio(d(f.answered_within + f.abandoned_within), d(f.offered));
        break;
    }
    f.asa = ratio(f.wait_seconds, d(f.answered));
    f.aht = ratio(f.handle_seconds, d(f.answered));
    f.busy_rate = ratio(d(f.delayed), d(f.offered));
    f.occupancy = ratio(f.handle_seconds, f.staffed_seconds);
    f.first_contact_resolution = ratio(d(f.resolved), d(f.answered));
    f.containment = ratio(d(f.ivr_contained), d(f.contacts));
    f.transfer_rate = ratio(d(f.transferred), d(f.answered));
    f.satisfaction = ratio(satisfaction_sum, d(f.satisfaction_responses));
    return f;
  }
};

template <class KeyOf>
std::map<std::int64_t, Accumulator> accumulate(const ContactColumns& log, const KpiOptions& o, KeyOf&& key_of) {
  validate(log, o);
  std::map<std::int64_t, Accumulator> groups;
  for (std::size_t i = 0; i < log.n; ++i) {
    const Row r = read_row(log, i, o.interval);
    groups[key_of(r)].add(r, o);
  }
  return groups;
}

}  // namespace

const NameTable& names(ServiceLevelDefinition) {
  static const NameTable table("service level definition", kDefinitionNames);
  return table;
}

const NameTable& names(KpiGrouping) {
  static const NameTable table("KPI grouping", kGroupingNames);
  return table;
}

KpiFigures contact_kpis(const ContactColumns& log, const KpiOptions& options) {
  auto groups = accumulate(log, options, [](const Row&) { return std::int64_t{0}; });
  return groups.empty() ? Accumulator{}.finish(options) : groups.begin()->second.finish(options);
}

std::vector<KpiGroup> contact_kpis_by(const ContactColumns& log, KpiGrouping grouping, const KpiOptions& options) {
  names(KpiGrouping{}).check(static_cast<long long>(grouping), "grouping");
  auto groups = accumulate(log, options, [grouping](const Row& r) {
    return grouping == KpiGrouping::interval ? r.interval
           : grouping == KpiGrouping::channel ? r.channel
                                              : r.agent;
  });
  std::vector<KpiGroup> out;
  out.reserve(groups.size());
  for (auto& [key, acc] : groups) {
    const double start = grouping == KpiGrouping::interval
                             ? static_cast<double>(key) * options.interval / 86400
                             : kNaN;
    out.push_back(KpiGroup{key, start, acc.finish(options)});
  }
  return out;
}

}  // namespace contact
}  // namespace v0
}  // namespace crmkit
