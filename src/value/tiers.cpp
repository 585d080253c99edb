#include "crmkit/value/tiers.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <utility>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {
namespace {

constexpr const char* kTierNames[kTierCount] = {"key", "major", "ordinary", "small", "inferior"};
constexpr const char* kSchemeNames[2] = {"share", "rank"};

void validate(const TierOptions& options) {
  for (std::size_t j = 0; j < options.cuts.size(); ++j) {
    const double c = options.cuts[j];
    require(c > 0 && c < 1, "tier cuts[" + std::to_string(j) + "] = " + std::to_string(c) +
                                ": must be inside (0, 1)");
    require_lazy(j == 0 || c > options.cuts[j - 1], [&] {
      return "tier cuts[" + std::to_string(j) + "] = " + std::to_string(c) + " is not above cuts[" +
             std::to_string(j - 1) + "] = " + std::to_string(options.cuts[j - 1]) +
             ": cuts must be strictly increasing";
    });
  }
  require(!std::isnan(options.inferior_below), "inferior_below is NaN");
}

// stops[j]: the value of the first tie group (from the top) with at least cut j of the
// scale strictly above it, so "v > stops[j]" means "in tier j or above". -infinity when no
// group gets there.
std::array<double, 3> tier_stops(const std::vector<double>& desc, const TierOptions& options) {
  // Non-inferior customers are the sorted prefix with value >= inferior_below.
  const auto end = std::partition_point(desc.begin(), desc.end(),
                                        [&](double v) { return v >= options.inferior_below; });
  const auto m = static_cast<std::size_t>(end - desc.begin());
  const double total = std::accumulate(desc.begin(), end, 0.0);
  // Finite whenever the sorted values' total is, unless negative values cancelled part of
  // it there: then the shares of this sum cannot be formed.
  require(std::isfinite(total),
          "the total value of the non-inferior customers exceeds the largest representable "
          "number (1.8e308); rescale the values (e.g. to thousands)");
  const bool by_share = options.scheme == TierScheme::value_share;
  require(m == 0 || !by_share || total > 0,
          "value-share tiers need a positive total value among non-inferior customers (it is " +
              std::to_string(total) + ")");
  const double scale = by_share ? total : static_cast<double>(m);

  std::array<double, 3> stops;
  stops.fill(-std::numeric_limits<double>::infinity());
  std::size_t j = 0;  // next cut to place
  double above = 0;   // value (or count) of the customers before the current group
  for (std::size_t g = 0; g < m && j < stops.size();) {
    const double v = desc[g];
    std::size_t g_end = g + 1;
    while (g_end < m && desc[g_end] == v) ++g_end;
    while (j < stops.size() && above >= scale * options.cuts[j]) stops[j++] = v;
    above += by_share ? v * static_cast<double>(g_end - g) : static_cast<double>(g_end - g);
    g = g_end;
  }
  return stops;
}

// A row's min/max start at +-infinity so the first customer sets them; fixed to 0 for
// empty tiers at the end.
TierTable start_table() {
  TierTable table;
  for (std::size_t t = 0; t < kTierCount; ++t) {
    table.rows[t].tier = static_cast<Tier>(t);
    table.rows[t].min_value = std::numeric_limits<double>::infinity();
    table.rows[t].max_value = -std::numeric_limits<double>::infinity();
  }
  return table;
}

void add_to_table(TierTable& table, Tier tier, double v) {
  TierRow& row = table.rows[static_cast<std::size_t>(tier)];
  ++row.customers;
  row.value += v;
  row.min_value = std::min(row.min_value, v);
  row.max_value = std::max(row.max_value, v);
}

void finish_table(TierTable& table, std::size_t n) {
  table.customers = n;
  table.total_value = 0;
  for (const TierRow& row : table.rows) table.total_value += row.value;
  for (TierRow& row : table.rows) {
    row.customer_share = static_cast<double>(row.customers) / static_cast<double>(n);
    row.value_share = table.total_value > 0 ? row.value / table.total_value : 0.0;
    if (row.customers == 0) {
      row.min_value = row.max_value = 0;
    } else {
      row.mean_value = row.value / static_cast<double>(row.customers);
    }
  }
}

void require_tiers(const Tier* tiers, std::size_t n, const char* name) {
  require(n == 0 || tiers != nullptr, std::string(name) + " is null");
  for (std::size_t i = 0; i < n; ++i) {
    require_lazy(static_cast<std::size_t>(tiers[i]) < kTierCount, [&] {
      return std::string(name) + "[" + std::to_string(i) + "] = " +
             std::to_string(static_cast<int>(tiers[i])) + ": not a tier (0..4)";
    });
  }
}

// Indices of ids sorted by id; throws on a duplicate id.
std::vector<std::size_t> order_by_id(const std::int64_t* ids, std::size_t n, const char* name) {
  require(n == 0 || ids != nullptr, std::string(name) + " is null");
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return ids[a] != ids[b] ? ids[a] < ids[b] : a < b;
  });
  for (std::size_t k = 1; k < n; ++k) {
    require_lazy(ids[order[k]] != ids[order[k - 1]], [&] {
      return std::string(name) + "[" + std::to_string(order[k]) + "] = " +
             std::to_string(ids[order[k]]) + " repeats " + name + "[" + std::to_string(order[k - 1]) +
             "]: ids must be unique within a period";
    });
  }
  return order;
}

}  // namespace

const NameTable& names(Tier) {
  static constexpr NameTable kTable("tier", kTierNames);
  return kTable;
}

const NameTable& names(TierScheme) {
  static constexpr NameTable kTable("tier scheme", kSchemeNames);
  return kTable;
}

std::array<double, 3> tier_cuts(const double* cuts, std::size_t count) {
  require(count == 3, "tier cuts: " + std::to_string(count) +
                          " values given; expected 3 (key | major | ordinary | small)");
  require(cuts != nullptr, "tier cuts is NULL");
  return {cuts[0], cuts[1], cuts[2]};
}

TierOptions default_tier_options(TierScheme scheme) {
  TierOptions options;
  options.scheme = scheme;
  if (scheme == TierScheme::rank) options.cuts = {0.01, 0.05, 0.20};
  return options;
}

TierAssignment assign_tiers(const double* values, std::size_t n, const TierOptions& options) {
  validate(options);  // before the sort, so a bad option fails fast
  return assign_tiers(values, n, SortedValues(values, n), options);
}

TierAssignment assign_tiers(const double* values, std::size_t n, const SortedValues& sorted,
                            const TierOptions& options) {
  validate(options);
  require_column(values, n, "values");
  require_size(sorted.size(), n, "sorted values");
  const std::array<double, 3> stops = tier_stops(sorted.descending(), options);

  TierAssignment result;
  result.tier.resize(n);
  result.table = start_table();
  for (std::size_t i = 0; i < n; ++i) {
    const double v = values[i];
    const Tier tier = v < options.inferior_below
                          ? Tier::inferior
                          : static_cast<Tier>((v <= stops[0]) + (v <= stops[1]) + (v <= stops[2]));
    result.tier[i] = tier;
    add_to_table(result.table, tier, v);
  }
  finish_table(result.table, n);
  return result;
}

TierTable tier_table(const double* values, const Tier* tiers, std::size_t n) {
  require_column(values, n, "values");
  require_tiers(tiers, n, "tiers");
  TierTable table = start_table();
  for (std::size_t i = 0; i < n; ++i) add_to_table(table, tiers[i], values[i]);
  finish_table(table, n);
  return table;
}

TierMigration tier_migration(const std::int64_t* ids_before, const Tier* tiers_before,
                             std::size_t n_before, const std::int64_t* ids_after,
                             const Tier* tiers_after, std::size_t n_after) {
  require_tiers(tiers_before, n_before, "tiers_before");
  require_tiers(tiers_after, n_after, "tiers_after");
  const std::vector<std::size_t> before = order_by_id(ids_before, n_before, "ids_before");
  const std::vector<std::size_t> after = order_by_id(ids_after, n_after, "ids_after");

  TierMigration m;
  const auto count = [&](std::size_t from, std::size_t to) {
    ++m.counts[from][to];
    if (from == kAbsent) {
      ++m.entered;
    } else if (to == kAbsent) {
      ++m.left;
    } else {
      (to < from ? m.upgraded : to > from ? m.downgraded : m.unchanged) += 1;
    }
  };
  // Merge the two id-sorted lists.
  std::size_t a = 0, b = 0;
  while (a < before.size() || b < after.size()) {
    const bool take_before =
        b == after.size() || (a < before.size() && ids_before[before[a]] <= ids_after[after[b]]);
    const bool take_after =
        a == before.size() || (b < after.size() && ids_after[after[b]] <= ids_before[before[a]]);
    const std::size_t from = take_before ? static_cast<std::size_t>(tiers_before[before[a++]]) : kAbsent;
    const std::size_t to = take_after ? static_cast<std::size_t>(tiers_after[after[b++]]) : kAbsent;
    count(from, to);
  }
  return m;
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
