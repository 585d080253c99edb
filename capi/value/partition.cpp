// C API over CLV fits across partitions (include/crmkit/value/clv/partition.hpp): converts
// arguments and statistics, calls the core, copies results out.
#include <string>
#include <utility>

#include "crmkit/value/clv/partition.hpp"
#include "guard.hpp"
#include "value/clv.hpp"

using crmkit::capi::enum_arg;
using crmkit::capi::guarded;
using crmkit::capi::produce;
using crmkit::capi::require_pointer;
using crmkit::capi::require_version;
namespace value = crmkit::value;

struct crm_clv_partition {
  value::ClvPartition partition;
};

namespace {

value::PartitionStatistics statistics_from(const crm_clv_partition_stats* c, const char* name) {
  require_pointer(c, name);
  require_version(c->version, CRM_CLV_PARTITION_STATS_VERSION, "crm_clv_partition_stats");
  value::PartitionStatistics s;
  s.kind = enum_arg<value::ClvModelKind>(c->kind, (std::string(name) + "->kind").c_str());
  s.customers = c->customers;
  s.repeat_customers = c->repeat_customers;
  s.frequency_sum = c->frequency_sum;
  s.age_sum = c->age_sum;
  s.spend_sum = c->spend_sum;
  s.unique_rows = c->unique_rows;
  return s;
}

void statistics_to(const value::PartitionStatistics& s, crm_clv_partition_stats* c) {
  c->kind = static_cast<int>(s.kind);
  c->customers = s.customers;
  c->repeat_customers = s.repeat_customers;
  c->frequency_sum = s.frequency_sum;
  c->age_sum = s.age_sum;
  c->spend_sum = s.spend_sum;
  c->unique_rows = s.unique_rows;
}

// A callback's failure, carried through the optimiser to the entry point that returns it.
struct CallbackFailed {
  int status;
  std::string message;
};

}  // namespace

extern "C" {

CRM_API int crm_clv_partition_create(crm_clv_partition** out, int kind, const double* frequency,
                                     const double* recency, const double* T,
                                     const double* weights, size_t n) {
  return guarded([&] {
    produce(out, [&] {
      return value::ClvPartition(enum_arg<value::ClvModelKind>(kind, "kind"), frequency, recency,
                                 T, n, weights);
    });
  });
}

CRM_API int crm_clv_partition_create_spend(crm_clv_partition** out, const double* frequency,
                                           const double* monetary_value, const double* weights,
                                           size_t n) {
  return guarded([&] {
    produce(out, [&] { return value::ClvPartition::spend(frequency, monetary_value, n, weights); });
  });
}

CRM_API void crm_clv_partition_free(crm_clv_partition* partition) { delete partition; }

CRM_API int crm_clv_partition_stats_get(const crm_clv_partition* partition,
                                        crm_clv_partition_stats* out) {
  return guarded([&] {
    require_pointer(partition, "partition");
    require_pointer(out, "out");
    require_version(out->version, CRM_CLV_PARTITION_STATS_VERSION, "crm_clv_partition_stats");
    statistics_to(partition->partition.statistics(), out);
  });
}

CRM_API int crm_clv_partition_stats_add(crm_clv_partition_stats* total,
                                        const crm_clv_partition_stats* part) {
  return guarded([&] {
    value::PartitionStatistics sum = statistics_from(total, "total");
    sum += statistics_from(part, "part");
    statistics_to(sum, total);
  });
}

CRM_API int crm_clv_partition_log_likelihood(const crm_clv_partition* partition,
                                             const double* params, size_t n_params,
                                             double* out_log_likelihood, double* gradient) {
  return guarded([&] {
    require_pointer(partition, "partition");
    require_pointer(params, "params");
    require_pointer(out_log_likelihood, "out_log_likelihood");
    const Eigen::VectorXd p =
        Eigen::Map<const Eigen::VectorXd>(params, static_cast<Eigen::Index>(n_params));
    Eigen::VectorXd g;
    const double ll = partition->partition.log_likelihood(p, gradient ? &g : nullptr);
    *out_log_likelihood = ll;
    if (gradient) Eigen::Map<Eigen::VectorXd>(gradient, g.size()) = g;
  });
}

CRM_API int crm_clv_fit_partitioned(crm_clv_model** out, const crm_clv_partition_stats* total,
                                    crm_clv_log_likelihood_fn fn, void* user,
                                    const crm_clv_fit_options* opts) {
  CallbackFailed failed{CRM_OK, {}};
  const int status = guarded([&] {
    try {
      produce(out, [&] {
        const value::PartitionStatistics sum = statistics_from(total, "total");
        require_pointer(reinterpret_cast<const void*>(fn), "fn");
        value::ClvModel model(sum.kind);
        model.fit_partitioned(
            sum,
            [&](const Eigen::VectorXd& p, Eigen::VectorXd* g) {
              double ll = 0;
              if (g) g->setZero(p.size());
              const int st = fn(user, p.data(), static_cast<size_t>(p.size()), &ll,
                                g ? g->data() : nullptr);
              if (st != CRM_OK) throw CallbackFailed{st, crm_last_error()};
              return ll;
            },
            crmkit::capi::fit_options(opts));
        return model;
      });
    } catch (CallbackFailed& f) {
      failed = std::move(f);
    }
  });
  if (failed.status != CRM_OK) {
    const std::string message = "partitioned fit: the log-likelihood callback returned " +
                                std::string(crm_status_string(failed.status)) +
                                (failed.message.empty() ? "" : ": " + failed.message);
    return crmkit::capi::set_error(failed.status, message.c_str());
  }
  return status;
}

}  // extern "C"
