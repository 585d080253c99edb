// C API over the process pillar (include/crmkit/process/): maps, analysis, comparison,
// swim lanes, value chain.
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include "crmkit/process/analysis.hpp"
#include "crmkit/process/lanes.hpp"
#include "crmkit/process/value_chain.hpp"
#include "convert.hpp"

using namespace crmkit::capi;
namespace process = crmkit::process;
using crmkit::Error;
using crmkit::ErrorCode;

// A map and its analysis, made once: every accessor is a read.
struct crm_process_map {
  process::ProcessMap map;
  process::ProcessAnalysis analysis;
};

namespace {

static_assert(CRM_PROCESS_NO_VALUE_ADDED == process::no_value_added && CRM_PROCESS_UNNECESSARY == process::unnecessary &&
                  CRM_PROCESS_REWORK == process::rework_step && CRM_PROCESS_DUPLICATE == process::duplicate,
              "candidate flags");
static_assert(CRM_PROCESS_TEXT_REASONS == static_cast<int>(process::StepText::reasons), "crm_process_text");
static_assert(CRM_PROCESS_NONE == process::kNoJoin, "the none index");
static_assert(CRM_PROCUREMENT == static_cast<int>(process::Activity::procurement) &&
                  CRM_ACTIVITIES == process::kActivities,
              "crm_activity follows Activity");

crm_process_map make(process::ProcessMap map) {
  process::ProcessAnalysis analysis = process::analyze(map);
  return {std::move(map), std::move(analysis)};
}

const crm_process_map& live(const crm_process_map* map, const char* name) {
  require_pointer(map, name);
  return *map;
}

}  // namespace

extern "C" {

CRMKIT_CAPI_ENUM_NAMES(process_text, process::StepText)
CRMKIT_CAPI_ENUM_NAMES(activity, process::Activity)

CRM_API int crm_process_map_read_csv(crm_process_map** out, const char* path) {
  return guarded([&] {
    produce(out, [&] {
      require_pointer(path, "path");
      return make(process::read_process_map(path));
    });
  });
}

CRM_API int crm_process_map_parse_csv(crm_process_map** out, const char* text, size_t len, const char* name) {
  return guarded([&] {
    produce(out, [&] {
      if (len > 0) require_pointer(text, "text");
      std::istringstream in(std::string(text == nullptr ? "" : text, len));
      return make(process::read_process_map(in, name != nullptr ? name : "<text>"));
    });
  });
}

CRM_API void crm_process_map_free(crm_process_map* map) { delete map; }

CRM_API int crm_process_map_summary(const crm_process_map* map, crm_process_summary* out) {
  return guarded([&] {
    const process::ProcessAnalysis& r = live(map, "map").analysis;
    require_pointer(out, "out");
    require_version(out->version, CRM_PROCESS_SUMMARY_VERSION, "crm_process_summary");
    out->steps = r.steps.size();
    out->expected_cycle_time = r.expected_cycle_time;
    out->expected_work_time = r.expected_work_time;
    out->expected_cost = r.expected_cost;
    out->value_added_time = r.value_added_time;
    out->value_added_ratio = r.value_added_ratio;
    out->handoffs = r.handoffs;
    out->rework_probability = r.rework_probability;
    out->critical_path_length = r.critical_path_length;
    out->critical_path_count = r.critical_path.size();
  });
}

CRM_API int crm_process_map_steps(const crm_process_map* map, crm_process_step_figures* out, size_t capacity,
                                  size_t* out_count) {
  return guarded([&] {
    const process::ProcessAnalysis& r = live(map, "map").analysis;
    require_pointer(out_count, "out_count");
    *out_count = r.steps.size();
    require_pointer(out, "out");
    require_capacity(out, capacity, r.steps.size());
    for (size_t i = 0; i < r.steps.size(); ++i) {
      const process::StepFigures& f = r.steps[i];
      out[i] = {f.expected_visits, f.expected_time, f.expected_cost, f.candidate, f.critical ? 1 : 0};
    }
  });
}

CRM_API int crm_process_map_critical_path(const crm_process_map* map, size_t* out_steps, size_t capacity,
                                          size_t* out_count) {
  return guarded([&] {
    const process::ProcessAnalysis& r = live(map, "map").analysis;
    require_pointer(out_count, "out_count");
    *out_count = r.critical_path.size();
    require_pointer(out_steps, "out_steps");
    require_capacity(out_steps, capacity, r.critical_path.size());
    copy_if(r.critical_path, out_steps);
  });
}

CRM_API int crm_process_map_step_text(const crm_process_map* map, size_t step, int field, char* buf, size_t buf_len,
                                      size_t* out_len) {
  return guarded([&] {
    const crm_process_map& m = live(map, "map");
    const auto which = enum_arg<process::StepText>(field, "field");
    copy_text(process::step_text(m.map, m.analysis, step, which), buf, buf_len, out_len);
  });
}

CRM_API int crm_process_map_chart(const crm_process_map* map, const char* title, char* buf, size_t buf_len,
                                  size_t* out_len) {
  return guarded([&] {
    const crm_process_map& m = live(map, "map");
    process::LaneOptions options;
    if (title != nullptr) options.title = title;
    copy_text(process::swim_lanes(m.map, m.analysis, options), buf, buf_len, out_len);
  });
}

CRM_API int crm_process_compare(const crm_process_map* before, const crm_process_map* after, crm_process_change* out,
                                size_t capacity, size_t* out_count, char* text, size_t text_len,
                                size_t* out_text_len) {
  return guarded([&] {
    const crm_process_map& b = live(before, "before");
    const crm_process_map& a = live(after, "after");
    require_pointer(out_count, "out_count");
    const process::Comparison c = process::compare(b.map, a.map);
    std::string descriptions;
    for (const process::StepChange& x : c.changes) descriptions += x.what + "\n";
    *out_count = c.changes.size();
    if (out_text_len != nullptr) *out_text_len = descriptions.size();
    require_pointer(out, "out");
    require_capacity(out, capacity, c.changes.size());
    if (text != nullptr) {
      require_pointer(out_text_len, "out_text_len");
      if (text_len <= descriptions.size()) throw BufferTooSmall(descriptions.size() + 1, text_len);
    }
    const auto index = [](const process::ProcessMap& m, const std::string& name) {
      for (size_t i = 0; i < m.steps.size(); ++i)
        if (m.steps[i].name == name) return i;
      return static_cast<size_t>(CRM_PROCESS_NONE);
    };
    for (size_t k = 0; k < c.changes.size(); ++k) {
      const process::StepChange& x = c.changes[k];
      out[k] = {index(b.map, x.step), index(a.map, x.step), x.time, x.cost};
    }
    if (text != nullptr) std::memcpy(text, descriptions.c_str(), descriptions.size() + 1);
  });
}

CRM_API int crm_value_chain(const crm_activity_figures* figures, size_t count, crm_value_chain_result* result) {
  return guarded([&] {
    if (count > 0) require_pointer(figures, "figures");
    require_pointer(result, "result");
    require_version(result->version, CRM_VALUE_CHAIN_RESULT_VERSION, "crm_value_chain_result");
    std::vector<process::ActivityFigures> entries;
    for (size_t k = 0; k < count; ++k) {
      const std::string field = "figures[" + std::to_string(k) + "].activity";
      entries.push_back({enum_arg<process::Activity>(figures[k].activity, field.c_str()), figures[k].cost,
                         figures[k].value});
    }
    const process::ValueChain chain = process::value_chain(entries);
    result->cost = chain.cost;
    result->value = chain.value;
    result->margin = chain.margin;
    result->margin_ratio = chain.margin_ratio;
    if (result->activities != nullptr)
      for (size_t a = 0; a < chain.activities.size(); ++a) {
        const process::ActivityMargin& m = chain.activities[a];
        result->activities[a] = {static_cast<int>(m.activity), m.primary ? 1 : 0, m.cost, m.value, m.margin,
                                 m.cost_share};
      }
  });
}

}  // extern "C"
