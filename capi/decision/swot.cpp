// C API over weighted SWOT (include/crmkit/decision/swot.hpp).
#include <string>
#include <vector>

#include "crmkit/decision/swot.hpp"
#include "decision/ahp.hpp"
#include "decision/matrix.hpp"

using namespace crmkit::capi;
namespace decision = crmkit::decision;

static_assert(CRM_SWOT_THREAT == static_cast<int>(decision::SwotGroup::threat), "crm_swot_group follows SwotGroup");
static_assert(CRM_IE_HARVEST_OR_DIVEST == static_cast<int>(decision::IeStrategy::harvest_or_divest),
              "crm_ie_strategy follows IeStrategy");
static_assert(CRM_SWOT_DEFENSIVE == static_cast<int>(decision::SwotQuadrant::defensive),
              "crm_swot_quadrant follows SwotQuadrant");
static_assert(CRM_TOWS_WT == static_cast<int>(decision::TowsType::wt), "crm_tows_type follows TowsType");

namespace {

std::vector<decision::SwotFactor> factors_from(const crm_swot_factor* factors, std::size_t count) {
  require_size(count, std::size_t{1} << 20, "count");
  if (count > 0) require_pointer(factors, "factors");
  std::vector<decision::SwotFactor> out;
  for (std::size_t i = 0; i < count; ++i) {
    const crm_swot_factor& f = factors[i];
    const std::string where = "factors[" + std::to_string(i) + "]";
    require_pointer(f.name, (where + ".name").c_str());
    out.push_back({enum_arg<decision::SwotGroup>(f.group, (where + ".group").c_str()), f.name, f.weight, f.rating,
                   f.note ? f.note : ""});
  }
  return out;
}

crm_swot_options default_swot_options() {
  crm_swot_options c{};
  c.tows_per_group = decision::SwotOptions{}.tows_per_group;
  return c;
}

}  // namespace

extern "C" {

CRMKIT_CAPI_ENUM_NAMES(swot_group, decision::SwotGroup)
CRMKIT_CAPI_ENUM_NAMES(ie_strategy, decision::IeStrategy)
CRMKIT_CAPI_ENUM_NAMES(swot_quadrant, decision::SwotQuadrant)
CRMKIT_CAPI_ENUM_NAMES(tows_type, decision::TowsType)

CRM_API int crm_swot_options_init(crm_swot_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_SWOT_OPTIONS_VERSION, "opts", default_swot_options);
}

CRM_API int crm_swot(const crm_swot_factor* factors, size_t count, const crm_swot_options* opts,
                     double* out_scores, crm_swot_result* result) {
  return guarded([&] {
    decision::SwotOptions options;
    if (opts != nullptr) {
      require_version(opts->version, CRM_SWOT_OPTIONS_VERSION, "crm_swot_options");
      options.tows_per_group = opts->tows_per_group;
    }
    if (result != nullptr) require_version(result->version, CRM_SWOT_RESULT_VERSION, "crm_swot_result");
    const decision::SwotResult r = decision::swot(factors_from(factors, count), options);
    if (result != nullptr) {
      result->tows_count = r.tows.size();
      require_capacity(result->tows, result->tows_capacity, r.tows.size());
    }
    copy_if(r.scores, out_scores);
    if (result == nullptr) return;
    result->ife = r.ife;
    result->efe = r.efe;
    result->internal_net = r.internal_net;
    result->external_net = r.external_net;
    result->ie_cell = r.ie_cell;
    result->strategy = static_cast<int>(r.strategy);
    result->quadrant = static_cast<int>(r.quadrant);
    if (result->tows != nullptr)
      for (size_t k = 0; k < r.tows.size(); ++k)
        result->tows[k] = {static_cast<int>(r.tows[k].type), r.tows[k].internal, r.tows[k].external, r.tows[k].score};
  });
}

CRM_API int crm_swot_ahp(const crm_swot_factor* factors, size_t count, const double* group_matrix,
                         const double* factor_matrices, const crm_ahp_options* opts,
                         double* out_group_priorities, double* out_local, double* out_global) {
  return guarded([&] {
    require_pointer(group_matrix, "group_matrix");
    require_pointer(factor_matrices, "factor_matrices");
    const std::vector<decision::SwotFactor> f = factors_from(factors, count);
    // The caller's concatenated matrices, cut by the groups' sizes.
    std::vector<std::vector<double>> within(4);
    std::size_t sizes[4] = {0, 0, 0, 0}, offset = 0;
    for (const decision::SwotFactor& x : f) ++sizes[static_cast<std::size_t>(x.group)];
    for (std::size_t g = 0; g < 4; ++g) {
      within[g].assign(factor_matrices + offset, factor_matrices + offset + sizes[g] * sizes[g]);
      offset += sizes[g] * sizes[g];
    }
    const decision::SwotAhpResult r =
        decision::swot_ahp(f, std::vector<double>(group_matrix, group_matrix + 16), within, ahp_options(opts));
    copy_if(r.groups.priorities, out_group_priorities);
    copy_if(r.local, out_local);
    copy_if(r.global, out_global);
  });
}

CRM_API int crm_swot_chart(const crm_swot_factor* factors, size_t count, const char* title, char* buf,
                           size_t buf_len, size_t* out_len) {
  return guarded([&] {
    const std::vector<decision::SwotFactor> f = factors_from(factors, count);
    copy_text(decision::swot_chart(f, decision::swot(f), title ? title : "SWOT matrix"), buf, buf_len, out_len);
  });
}

}  // extern "C"
