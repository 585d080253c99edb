#include "crmkit/value/status.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "crmkit/error.hpp"
#include "crmkit/value/ranking.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {
namespace {

constexpr const char* kStatusNames[kStatusCount] = {"new", "active", "at_risk", "lapsed", "won_back"};
constexpr const char* kStageNames[kStageCount] = {"awareness", "exploration", "expansion",
                                                  "commitment", "dissolution"};
constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);

std::string who(std::size_t index) {
  return index == kNoIndex ? std::string("customer") : "customer " + std::to_string(index);
}

void validate(const StatusOptions& o) {
  require(std::isfinite(o.new_within_days) && o.new_within_days >= 0, "new_within_days must be >= 0");
  require(std::isfinite(o.at_risk_multiple) && o.at_risk_multiple > 0, "at_risk_multiple must be > 0");
  require(std::isfinite(o.lapsed_multiple) && o.lapsed_multiple >= o.at_risk_multiple,
          "lapsed_multiple must be finite and >= at_risk_multiple");
  require(std::isfinite(o.min_interval_days) && o.min_interval_days > 0, "min_interval_days must be > 0");
  require(!o.typical_interval_days || (std::isfinite(*o.typical_interval_days) && *o.typical_interval_days > 0),
          "typical_interval_days must be > 0");
}

void check_customer(double first, double last, std::int64_t purchases, double gap_before_last,
                    double as_of, std::size_t index) {
  require_lazy(std::isfinite(first) && std::isfinite(last),
               [&] { return who(index) + ": first and last must be finite"; });
  require_lazy(last >= first, [&] {
    return who(index) + ": last (" + std::to_string(last) + ") is before first (" +
           std::to_string(first) + ")";
  });
  require_lazy(last <= as_of, [&] {
    return who(index) + ": last (" + std::to_string(last) + ") is after as_of (" +
           std::to_string(as_of) + ")";
  });
  require_lazy(purchases >= 1, [&] {
    return who(index) + ": purchases = " + std::to_string(purchases) + ", must be >= 1";
  });
  require_lazy(std::isnan(gap_before_last) || purchases < 2 ||
                   (gap_before_last >= 0 && gap_before_last <= last - first),
               [&] {
                 return who(index) + ": gap_before_last = " + std::to_string(gap_before_last) +
                        " must be in [0, last - first]";
               });
}

// Mean time between the purchases, floored; `fallback` for a customer with one purchase.
double rhythm(double span, std::int64_t purchases, double fallback, double floor) {
  const double own = purchases >= 2 ? span / static_cast<double>(purchases - 1) : fallback;
  return std::max(own, floor);
}

// The rules of the header, on checked input.
CustomerStatus classify(double first, double last, std::int64_t purchases, double gap_before_last,
                        double as_of, double population, const StatusOptions& o) {
  const double gap = as_of - last;
  const double own = rhythm(last - first, purchases, population, o.min_interval_days);
  if (gap > o.lapsed_multiple * own) return CustomerStatus::lapsed;
  if (gap > o.at_risk_multiple * own) return CustomerStatus::at_risk;
  if (as_of - first <= o.new_within_days) return CustomerStatus::new_customer;
  if (purchases >= 2 && !std::isnan(gap_before_last)) {
    // The rhythm before the return: purchases up to the one before the last.
    const double before = rhythm(last - gap_before_last - first, purchases - 1, population,
                                 o.min_interval_days);
    if (gap_before_last > o.lapsed_multiple * before) return CustomerStatus::won_back;
  }
  return CustomerStatus::active;
}

}  // namespace

const NameTable& names(CustomerStatus) {
  static constexpr NameTable kTable("customer status", kStatusNames);
  return kTable;
}

const NameTable& names(RelationshipStage) {
  static constexpr NameTable kTable("relationship stage", kStageNames);
  return kTable;
}

CustomerStatus status_of(double first, double last, std::int64_t purchases, double gap_before_last,
                         double as_of, double population_interval_days, const StatusOptions& options) {
  validate(options);
  require(std::isfinite(as_of), "as_of must be finite");
  require(std::isfinite(population_interval_days) && population_interval_days > 0,
          "population_interval_days must be > 0");
  check_customer(first, last, purchases, gap_before_last, as_of, kNoIndex);
  return classify(first, last, purchases, gap_before_last, as_of, population_interval_days, options);
}

StatusResult classify_status(const double* first, const double* last,
                             const std::int64_t* purchases, const double* gap_before_last,
                             std::size_t n, double as_of, const StatusOptions& options) {
  validate(options);
  require(n > 0, "status input is empty");
  require(first && last && purchases, "status input: first, last and purchases are required");
  require(std::isfinite(as_of), "as_of must be finite");
  const auto gap_of = [&](std::size_t i) { return gap_before_last ? gap_before_last[i] : NAN; };
  for (std::size_t i = 0; i < n; ++i) {
    check_customer(first[i], last[i], purchases[i], gap_of(i), as_of, i);
  }

  StatusResult result;
  if (options.typical_interval_days) {
    result.population_interval_days = *options.typical_interval_days;
  } else {
    std::vector<double> rhythms;
    for (std::size_t i = 0; i < n; ++i) {
      if (purchases[i] >= 2) {
        rhythms.push_back((last[i] - first[i]) / static_cast<double>(purchases[i] - 1));
      }
    }
    require(!rhythms.empty(),
            "no customer has two purchases, so no typical rhythm is known: set "
            "StatusOptions::typical_interval_days");
    // Upper median: one of the observed rhythms, no averaging needed.
    const auto mid = rhythms.begin() + static_cast<std::ptrdiff_t>(rhythms.size() / 2);
    std::nth_element(rhythms.begin(), mid, rhythms.end());
    result.population_interval_days = *mid;
  }

  result.status.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const CustomerStatus s = classify(first[i], last[i], purchases[i], gap_of(i), as_of,
                                      result.population_interval_days, options);
    result.status[i] = s;
    ++result.counts[static_cast<std::size_t>(s)];
  }
  return result;
}

RelationshipStage stage_of(std::int64_t purchases, double tenure_days, CustomerStatus status,
                           double spend_trend, const StageOptions& o) {
  require(o.exploration_purchases >= 1, "exploration_purchases must be >= 1");
  require(std::isfinite(o.exploration_days) && std::isfinite(o.commitment_days) &&
              o.exploration_days >= 0 && o.commitment_days >= o.exploration_days,
          "stage days must satisfy 0 <= exploration_days <= commitment_days");
  require(std::isfinite(o.growth) && std::isfinite(o.decline) && o.decline >= 0,
          "growth must be finite and decline finite and >= 0");
  require_lazy(purchases >= 0,
               [&] { return "purchases = " + std::to_string(purchases) + ", must be >= 0"; });
  if (purchases == 0) return RelationshipStage::awareness;
  require_lazy(std::isfinite(tenure_days) && tenure_days >= 0, [&] {
    return "tenure_days = " + std::to_string(tenure_days) + ", must be finite and >= 0";
  });
  require(static_cast<std::size_t>(status) < kStatusCount, "status is not a CustomerStatus");
  const bool known = !std::isnan(spend_trend);
  if (status == CustomerStatus::lapsed ||
      (status == CustomerStatus::at_risk && known && spend_trend <= -o.decline)) {
    return RelationshipStage::dissolution;
  }
  if (purchases < o.exploration_purchases || tenure_days < o.exploration_days) {
    return RelationshipStage::exploration;
  }
  if (known && spend_trend >= o.growth) return RelationshipStage::expansion;
  if (tenure_days >= o.commitment_days) return RelationshipStage::commitment;
  return RelationshipStage::expansion;
}

std::vector<RelationshipStage> relationship_stages(const std::int64_t* purchases,
                                                   const double* tenure_days,
                                                   const CustomerStatus* status,
                                                   const double* spend_trend, std::size_t n,
                                                   const StageOptions& options) {
  require(n > 0, "stage input is empty");
  require(purchases && tenure_days && status, "stage input: purchases, tenure_days and status are required");
  std::vector<RelationshipStage> stages(n);
  for (std::size_t i = 0; i < n; ++i) {
    try {
      stages[i] = stage_of(purchases[i], tenure_days[i], status[i],
                           spend_trend ? spend_trend[i] : NAN, options);
    } catch (const Error& e) {
      throw Error(e.code(), "customer " + std::to_string(i) + ": " + e.what());
    }
  }
  return stages;
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
