// C API over the loyalty index (include/crmkit/value/loyalty.hpp).
#include <string>
#include <vector>

#include "crmkit/value/loyalty.hpp"
#include "convert.hpp"

using namespace crmkit::capi;
namespace value = crmkit::value;

namespace {

static_assert(CRM_LOYALTY_MAX_DRIVERS == 32, "the core's driver limit (a 32-bit mask)");
static_assert(CRM_MISSING_REJECT == static_cast<int>(value::MissingDrivers::reject), "missing");

// The core's default drivers as the parallel arrays crm_loyalty_options points at; built
// once, never written after.
struct DefaultDrivers {
  std::vector<value::LoyaltyDriver> drivers = value::default_loyalty_drivers();
  std::vector<const char*> names;
  std::vector<double> weights, lows, highs;
  std::vector<uint8_t> higher_is_loyal, saturate;
  DefaultDrivers() {
    for (const value::LoyaltyDriver& d : drivers) {
      names.push_back(d.name.c_str());
      weights.push_back(d.weight);
      lows.push_back(d.low);
      highs.push_back(d.high);
      higher_is_loyal.push_back(d.higher_is_loyal);
      saturate.push_back(d.saturate);
    }
  }
};

crm_loyalty_options default_loyalty_options() {
  static const DefaultDrivers d;
  crm_loyalty_options c{};
  c.driver_count = d.drivers.size();
  c.driver_names = d.names.data();
  c.weights = d.weights.data();
  c.lows = d.lows.data();
  c.highs = d.highs.data();
  c.higher_is_loyal = d.higher_is_loyal.data();
  c.saturate = d.saturate.data();
  c.missing = static_cast<int>(value::LoyaltyOptions{}.missing);
  return c;
}

value::LoyaltyOptions loyalty_options(const crm_loyalty_options* opts) {
  value::LoyaltyOptions o;
  if (opts == nullptr) return o;
  require_version(opts->version, CRM_LOYALTY_OPTIONS_VERSION, "crm_loyalty_options", 2);
  o.missing = enum_arg<value::MissingDrivers>(opts->missing, "opts->missing");
  if (opts->driver_count == 0 && opts->driver_names == nullptr) return o;  // the defaults
  require_pointer(opts->driver_names, "opts->driver_names");
  require_pointer(opts->weights, "opts->weights");
  require_pointer(opts->lows, "opts->lows");
  require_pointer(opts->highs, "opts->highs");
  require_pointer(opts->higher_is_loyal, "opts->higher_is_loyal");
  require_pointer(opts->saturate, "opts->saturate");
  o.drivers.clear();
  for (std::size_t d = 0; d < opts->driver_count; ++d) {
    require_pointer(opts->driver_names[d], ("opts->driver_names[" + std::to_string(d) + "]").c_str());
    o.drivers.push_back(value::LoyaltyDriver{opts->driver_names[d], opts->weights[d], opts->lows[d],
                                             opts->highs[d], opts->higher_is_loyal[d] != 0,
                                             opts->saturate[d] != 0});
  }
  return o;
}

}  // namespace

extern "C" {

CRMKIT_CAPI_ENUM_NAMES(missing_drivers, value::MissingDrivers)

CRM_API int crm_loyalty_options_init(crm_loyalty_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_LOYALTY_OPTIONS_VERSION, "opts", default_loyalty_options);
}

CRM_API int crm_loyalty_index(const double* const* columns, size_t column_count, size_t n,
                              const crm_loyalty_options* opts, double* out_index,
                              uint32_t* out_drivers_used, crm_loyalty_info* info) {
  return guarded([&] {
    require_pointer(out_index, "out_index");
    const value::LoyaltyOptions options = loyalty_options(opts);
    if (info != nullptr) {
      require_version(info->version, CRM_LOYALTY_INFO_VERSION, "crm_loyalty_info", 2);
      info->drivers = options.drivers.size();
      require_capacity(info->weights, info->driver_capacity, info->drivers);
      require_capacity(info->coverage, info->driver_capacity, info->drivers);
    }
    const value::LoyaltyResult r = value::loyalty_index(columns, column_count, n, options);
    copy_if(r.index, out_index);
    copy_if(r.drivers_used, out_drivers_used);
    if (info == nullptr) return;
    copy_if(r.weights, info->weights);
    copy_if(r.coverage, info->coverage);
    info->reweighted = r.reweighted;
    info->without_index = r.without_index;
  });
}

}  // extern "C"
