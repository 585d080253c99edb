// C API over Erlang B and C (include/crmkit/contact/erlang.hpp).
#include "crmkit/contact/erlang.hpp"
#include "guard.hpp"

using namespace crmkit::capi;
namespace contact = crmkit::contact;

static_assert(CRM_ERLANG_A == static_cast<int>(contact::QueueModel::erlang_a), "queue models");

extern "C" {

CRMKIT_CAPI_ENUM_NAMES(queue_model, contact::QueueModel)

CRM_API int crm_erlang_b(int64_t agents, double traffic, double* out) {
  return guarded([&] {
    require_pointer(out, "out");
    *out = contact::erlang_b(agents, traffic);
  });
}

CRM_API int crm_erlang_c(int64_t agents, double traffic, double* out) {
  return guarded([&] {
    require_pointer(out, "out");
    *out = contact::erlang_c(agents, traffic);
  });
}

}  // extern "C"
