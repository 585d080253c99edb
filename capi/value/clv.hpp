// Private to the C files of the CLV models (clv.cpp, partition.cpp): the model handle and
// the conversion of the fit options, so a partitioned fit makes the same handle.
#pragma once

#include "crmkit.h"
#include "crmkit/value/clv/model.hpp"

struct crm_clv_model {
  crmkit::value::ClvModel model;
};

namespace crmkit {
inline namespace v0 {
namespace capi {

// NULL: the core's defaults; otherwise checks opts->version (in clv.cpp).
value::FitOptions fit_options(const crm_clv_fit_options* opts);

}  // namespace capi
}  // namespace v0
}  // namespace crmkit
