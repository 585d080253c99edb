#include "crmkit/value/clv/partition.hpp"

#include <cmath>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

#include "crmkit/error.hpp"
#include "crmkit/names.hpp"
#include "detail/format.hpp"
#include "value/clv/internal.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

struct ClvPartition::Rows {
  PartitionStatistics statistics;
  detail::RfmRows purchases;  // BG/NBD, MBG/NBD
  detail::SpendRows spend;    // Gamma-Gamma
};

namespace {

std::string kind_name(ClvModelKind kind) { return name_of(kind); }

void require_partitioned(ClvModelKind kind) {
  require_lazy(kind == ClvModelKind::bg_nbd || kind == ClvModelKind::mbg_nbd ||
                   kind == ClvModelKind::gamma_gamma,
               [&] {
                 return kind_name(kind) +
                        ": partitioned fits cover bg-nbd, mbg-nbd and gamma-gamma (the models "
                        "with an analytic gradient whose start depends on sums only)";
               });
}

std::size_t parameter_count(ClvModelKind kind) { return kind == ClvModelKind::gamma_gamma ? 3 : 4; }

// The optimiser only sends positive finite parameters; a caller may send anything.
void require_parameters(ClvModelKind kind, const Eigen::VectorXd& params) {
  require_lazy(static_cast<std::size_t>(params.size()) == parameter_count(kind), [&] {
    return kind_name(kind) + " partition log-likelihood: " + std::to_string(parameter_count(kind)) +
           " parameters needed, " + std::to_string(params.size()) + " given";
  });
  for (Eigen::Index i = 0; i < params.size(); ++i) {
    require_lazy(std::isfinite(params[i]) && params[i] > 0, [&] {
      return kind_name(kind) + " partition log-likelihood: parameter " + std::to_string(i) +
             " must be finite and > 0 (got " + ::crmkit::detail::format_number(params[i]) + ")";
    });
  }
}

template <class M>
constexpr bool is_partitioned = std::is_same_v<M, BetaGeo> || std::is_same_v<M, ModifiedBetaGeo> ||
                                std::is_same_v<M, GammaGamma>;

}  // namespace

PartitionStatistics& operator+=(PartitionStatistics& total, const PartitionStatistics& part) {
  require_lazy(total.kind == part.kind, [&] {
    return "partition statistics of " + kind_name(part.kind) + " cannot be added to " +
           kind_name(total.kind) + "'s";
  });
  total.customers += part.customers;
  total.repeat_customers += part.repeat_customers;
  total.frequency_sum += part.frequency_sum;
  total.age_sum += part.age_sum;
  total.spend_sum += part.spend_sum;
  total.unique_rows += part.unique_rows;
  return total;
}

ClvPartition::ClvPartition(std::unique_ptr<Rows> rows) : rows_(std::move(rows)) {}
ClvPartition::ClvPartition(ClvPartition&&) noexcept = default;
ClvPartition& ClvPartition::operator=(ClvPartition&&) noexcept = default;
ClvPartition::~ClvPartition() = default;

ClvPartition::ClvPartition(ClvModelKind kind, const double* frequency, const double* recency,
                           const double* T, std::size_t n, const double* weights)
    : rows_(std::make_unique<Rows>()) {
  require_partitioned(kind);
  require(kind != ClvModelKind::gamma_gamma,
          "gamma-gamma is a spend model: make its partition from frequency and monetary value");
  PartitionStatistics& s = rows_->statistics;
  s.kind = kind;
  if (n == 0) return;  // an empty partition adds nothing
  detail::RfmRows& r = rows_->purchases;
  r = detail::compress_rfm(frequency, recency, T, n, weights, detail::TimeKind::continuous,
                           /*for_fit=*/false);
  s.customers = r.total_weight;
  s.repeat_customers = r.repeat_weight;
  s.frequency_sum = (r.weight * r.x).sum();
  s.age_sum = (r.weight * r.T).sum();
  s.unique_rows = static_cast<std::size_t>(r.x.size());
}

ClvPartition ClvPartition::spend(const double* frequency, const double* monetary_value,
                                 std::size_t n, const double* weights) {
  auto rows = std::make_unique<Rows>();
  PartitionStatistics& s = rows->statistics;
  s.kind = ClvModelKind::gamma_gamma;
  detail::SpendRows& r = rows->spend;
  r = detail::spend_rows(frequency, monetary_value, n, weights, /*for_fit=*/false);
  s.customers = s.repeat_customers = r.total_weight;
  // In the order GammaGamma::fit sums them for its start, so one partition gives its start.
  for (std::size_t i = 0; i < r.x.size(); ++i) {
    s.frequency_sum += r.w[i] * r.x[i];
    s.spend_sum += r.w[i] * r.z[i];
  }
  s.unique_rows = r.x.size();
  return ClvPartition(std::move(rows));
}

ClvModelKind ClvPartition::kind() const noexcept { return rows_->statistics.kind; }

const PartitionStatistics& ClvPartition::statistics() const noexcept { return rows_->statistics; }

double ClvPartition::log_likelihood(const Eigen::VectorXd& params, Eigen::VectorXd* gradient) const {
  const ClvModelKind k = kind();
  require_parameters(k, params);
  if (rows_->statistics.unique_rows == 0) {
    if (gradient) *gradient = Eigen::VectorXd::Zero(params.size());
    return 0.0;
  }
  if (k == ClvModelKind::gamma_gamma) {
    return detail::gamma_gamma_log_likelihood(rows_->spend, params, gradient);
  }
  return beta_geometric_log_likelihood(rows_->purchases, params, gradient,
                                       /*drop_out_at_start=*/k == ClvModelKind::mbg_nbd);
}

const FitResult& ClvModel::fit_partitioned(const PartitionStatistics& total,
                                           const PartitionedLogLikelihood& log_likelihood,
                                           const FitOptions& options) {
  const ClvModelKind k = kind();
  require_partitioned(k);
  require_lazy(total.kind == k, [&] {
    return kind_name(k) + " partitioned fit: the statistics are of " + kind_name(total.kind);
  });
  require(static_cast<bool>(log_likelihood), "partitioned fit: no log-likelihood function");
  require(total.customers > 0, kind_name(k) + " partitioned fit: no customers in any partition");
  detail::ModelSpec spec{nullptr, {}, true};
  // The same identifiability rules and start as fit / fit_spend, from the sums.
  if (k == ClvModelKind::gamma_gamma) {
    require(total.unique_rows > 1,
            "Gamma-Gamma partitioned fit: not identifiable: fewer than two distinct repeat "
            "customers (frequency, monetary value) in all partitions");
    spec.model = GammaGamma::model_name;
    spec.start = gamma_gamma_start(total.spend_sum / total.customers);
  } else {
    require(total.repeat_customers > 0,
            kind_name(k) + " partitioned fit: not identifiable: no customer has a repeat "
                           "purchase in any partition");
    spec.model = k == ClvModelKind::bg_nbd ? BetaGeo::model_name : ModifiedBetaGeo::model_name;
    spec.start = beta_geometric_start(observed_purchase_rate(total.frequency_sum, total.age_sum));
  }
  const std::size_t k_params = parameter_count(k);
  const detail::LogLikelihood checked = [&](const Eigen::VectorXd& p, Eigen::VectorXd* g) {
    const double value = log_likelihood(p, g);
    require_lazy(!g || static_cast<std::size_t>(g->size()) == k_params, [&] {
      return kind_name(k) + " partitioned fit: the log-likelihood returned a gradient of " +
             std::to_string(g->size()) + " values, " + std::to_string(k_params) + " needed";
    });
    return value;
  };
  FitResult result = detail::fit_maximum_likelihood(checked, nullptr, total.customers,
                                                    total.unique_rows, spec, options);
  return std::visit(
      [&](auto& m) -> const FitResult& {
        if constexpr (is_partitioned<std::decay_t<decltype(m)>>) {
          return m.store_fit(std::move(result));
        } else {
          throw Error(ErrorCode::invalid_argument, kind_name(k) + ": not a partitioned model");
        }
      },
      model_);
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
