// C API over escalation routing (include/crmkit/complaint/routing.hpp): conversion only.
#include <string>

#include "complaint/desk_handle.hpp"
#include "convert.hpp"
#include "crmkit/complaint/routing.hpp"

using namespace crmkit::capi;
namespace complaint = crmkit::complaint;

struct crm_organisation {
  complaint::Organisation org;
};

extern "C" {

CRM_API int crm_organisation_new(crm_organisation** out) {
  return guarded([&] { produce(out, [] { return complaint::Organisation(); }); });
}

CRM_API void crm_organisation_free(crm_organisation* org) { delete org; }

CRM_API int crm_organisation_add_unit(crm_organisation* org, const char* name, int authority) {
  return guarded([&] {
    require_pointer(org, "org");
    require_pointer(name, "name");
    org->org.unit(name, authority);
  });
}

CRM_API int crm_organisation_add_path(crm_organisation* org, const char* from, const char* to, double handover_cost) {
  return guarded([&] {
    require_pointer(org, "org");
    require_pointer(from, "from");
    require_pointer(to, "to");
    org->org.path(from, to, handover_cost);
  });
}

CRM_API int crm_organisation_route(const crm_organisation* org, const char* from, int authority, char* buf,
                                   size_t buf_len, size_t* out_len, double* cost) {
  return guarded([&] {
    require_pointer(org, "org");
    require_pointer(from, "from");
    const complaint::Route route = org->org.nearest_with_authority(from, authority);
    if (cost != nullptr) *cost = route.cost;
    std::string text;
    for (const std::string& unit : route.path) text += unit + "\n";
    copy_text(text, buf, buf_len, out_len);
  });
}

CRM_API int crm_desk_set_organisation(crm_desk* desk, const crm_organisation* org) {
  return guarded([&] {
    require_pointer(desk, "desk");
    complaint::DeskOptions o = desk->desk->options();
    o.organisation = org == nullptr ? std::nullopt : std::optional<complaint::Organisation>(org->org);
    desk->desk->set_options(std::move(o));
  });
}

}  // extern "C"
