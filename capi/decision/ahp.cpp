// C API over AHP (include/crmkit/decision/ahp.hpp).
#include <string>
#include <vector>

#include "crmkit/decision/ahp.hpp"
#include "decision/ahp.hpp"
#include "decision/matrix.hpp"

using namespace crmkit::capi;
namespace decision = crmkit::decision;

namespace {

static_assert(CRM_PRIORITY_GEOMETRIC == static_cast<int>(decision::PriorityMethod::geometric),
              "crm_priority_method follows PriorityMethod");
static_assert(CRM_COMPLETION_HARKER == static_cast<int>(decision::Completion::harker),
              "crm_completion follows Completion");
static_assert(CRM_GOAL == decision::kGoal, "the goal's index");

crm_ahp_options default_ahp_options() {
  const decision::AhpOptions o;
  crm_ahp_options c{};
  c.method = static_cast<int>(o.method);
  c.completion = static_cast<int>(o.completion);
  // The bundled table's own (static) name string.
  c.random_index_table = decision::random_index_table(o.random_index.name).name.c_str();
  c.random_index_values = nullptr;
  c.random_index_count = 0;
  c.allow_outside_scale = o.allow_outside_scale;
  c.reciprocal_tolerance = o.reciprocal_tolerance;
  c.judgments_to_report = o.judgments_to_report;
  c.tolerance = o.tolerance;
  c.max_iterations = o.max_iterations;
  return c;
}

}  // namespace

namespace crmkit {
inline namespace v0 {
namespace capi {

decision::AhpOptions ahp_options(const crm_ahp_options* opts) {
  decision::AhpOptions o;
  if (opts == nullptr) return o;
  require_version(opts->version, CRM_AHP_OPTIONS_VERSION, "crm_ahp_options");
  o.method = enum_arg<decision::PriorityMethod>(opts->method, "opts->method");
  o.completion = enum_arg<decision::Completion>(opts->completion, "opts->completion");
  if (opts->random_index_values != nullptr) {
    require_pointer(opts->random_index_table, "opts->random_index_table (the table's name)");
    o.random_index = {opts->random_index_table,
                      doubles_from(opts->random_index_values, opts->random_index_count,
                                   "opts->random_index_values")};
  } else if (opts->random_index_table != nullptr) {
    o.random_index = decision::random_index_table(opts->random_index_table);
  }
  o.allow_outside_scale = opts->allow_outside_scale != 0;
  o.reciprocal_tolerance = opts->reciprocal_tolerance;
  o.judgments_to_report = opts->judgments_to_report;
  o.tolerance = opts->tolerance;
  o.max_iterations = opts->max_iterations;
  return o;
}

void ahp_result_to(const decision::AhpResult& r, crm_ahp_result* result) {
  if (result == nullptr) return;
  result->inconsistent_count = r.inconsistent.size();
  require_capacity(result->inconsistent, result->inconsistent_capacity, r.inconsistent.size());
  result->lambda_max = r.lambda_max;
  result->ci = r.ci;
  result->cr = r.cr;
  result->random_index = r.random_index;
  result->missing = r.missing;
  result->completion_iterations = r.completion_iterations;
  copy_if(r.matrix, result->matrix);
  if (result->inconsistent != nullptr)
    for (size_t k = 0; k < r.inconsistent.size(); ++k) {
      const decision::Judgment& j = r.inconsistent[k];
      result->inconsistent[k] = {j.row,   j.column,           j.value,        j.error,
                                 j.consistent_value, j.scale_value, j.cr_if_changed};
    }
}

}  // namespace capi
}  // namespace v0
}  // namespace crmkit

extern "C" {

CRMKIT_CAPI_ENUM_NAMES(priority_method, decision::PriorityMethod)
CRMKIT_CAPI_ENUM_NAMES(completion, decision::Completion)

CRM_API const char* crm_random_index_table_name(size_t index) {
  static const std::vector<std::string> kNames = decision::random_index_table_names();
  return index < kNames.size() ? kNames[index].c_str() : nullptr;
}

CRM_API int crm_random_index_table(const char* name, double* out_values, size_t capacity,
                                   size_t* out_count) {
  return guarded([&] {
    require_pointer(name, "name");
    require_pointer(out_count, "out_count");
    const decision::RandomIndexTable& t = decision::random_index_table(name);
    *out_count = t.values.size();
    require_pointer(out_values, "out_values");
    require_capacity(out_values, capacity, t.values.size());
    copy_if(t.values, out_values);
  });
}

CRM_API int crm_ahp_options_init(crm_ahp_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_AHP_OPTIONS_VERSION, "opts", default_ahp_options);
}

CRM_API int crm_ahp(const double* matrix, size_t n, const char* const* names,
                    const crm_ahp_options* opts, double* out_priorities, crm_ahp_result* result) {
  return guarded([&] {
    require_pointer(matrix, "matrix");
    require_pointer(out_priorities, "out_priorities");
    const std::vector<std::string> element_names = strings_from(names, n, "names");
    const decision::AhpOptions options = ahp_options(opts);
    if (result != nullptr) require_version(result->version, CRM_AHP_RESULT_VERSION, "crm_ahp_result");
    const decision::AhpResult r = decision::ahp(matrix, n, options, element_names);
    ahp_result_to(r, result);  // checks the judgments' capacity before anything is written
    copy_if(r.priorities, out_priorities);
  });
}

CRM_API int crm_synthesize_hierarchy(const crm_hierarchy_node* nodes, size_t count,
                                     const double* leaf_priorities, size_t alternatives,
                                     double* out_global_weights, double* out_scores) {
  return guarded([&] {
    require_pointer(nodes, "nodes");
    require_pointer(out_global_weights, "out_global_weights");
    if (alternatives > 0) require_pointer(out_scores, "out_scores");
    std::vector<decision::HierarchyNode> tree;
    for (size_t k = 0; k < count; ++k)
      tree.push_back({nodes[k].name ? nodes[k].name : "node " + std::to_string(k),
                      nodes[k].parent, nodes[k].local_weight});
    const decision::HierarchyResult r =
        decision::synthesize_hierarchy(tree, leaf_priorities, alternatives);
    copy_if(r.global_weights, out_global_weights);
    copy_if(r.scores, out_scores);
  });
}

}  // extern "C"
