// C API over the decision record (include/crmkit/decision/record.hpp).
#include <string>
#include <vector>

#include "crmkit/decision/record.hpp"
#include "crmkit/io/archive.hpp"
#include "decision/matrix.hpp"

using namespace crmkit::capi;
namespace decision = crmkit::decision;

static_assert(CRM_STEP_CHOICE == static_cast<int>(decision::DecisionStep::choice), "crm_decision_step follows DecisionStep");
static_assert(CRM_BIAS_GROUPTHINK == static_cast<int>(decision::Bias::groupthink), "crm_bias follows Bias");

struct crm_decision_record {
  decision::DecisionRecord record;
};

namespace {

constexpr std::size_t kMaxItems = std::size_t{1} << 16;

decision::DecisionRecord& record_of(crm_decision_record* r) {
  require_pointer(r, "record");
  return r->record;
}

const decision::DecisionRecord& record_of(const crm_decision_record* r) {
  require_pointer(r, "record");
  return r->record;
}

// An optional list of optional texts: NULL list or NULL entry -> "".
std::string text_at(const char* const* texts, std::size_t i) {
  return texts != nullptr && texts[i] != nullptr ? texts[i] : "";
}

}  // namespace

extern "C" {

CRMKIT_CAPI_ENUM_NAMES(decision_step, decision::DecisionStep)
CRMKIT_CAPI_ENUM_NAMES(bias, decision::Bias)

CRM_API int crm_decision_record_new(crm_decision_record** out) {
  return guarded([&] { produce(out, [] { return decision::DecisionRecord{}; }); });
}

CRM_API void crm_decision_record_free(crm_decision_record* record) { delete record; }

CRM_API int crm_decision_record_set_statement(crm_decision_record* record, const char* statement) {
  return guarded([&] {
    require_pointer(statement, "statement");
    record_of(record).set_statement(statement);
  });
}

CRM_API int crm_decision_record_set_criteria(crm_decision_record* record, const char* const* names,
                                             const uint8_t* directions, const char* const* units,
                                             const char* const* parents, size_t count) {
  return guarded([&] {
    decision::DecisionRecord& r = record_of(record);
    require_size(count, kMaxItems, "count");
    require_pointer(names, "names");
    const std::vector<std::string> criterion_names = strings_from(names, count, "names");
    const std::vector<decision::Direction> dirs =
        directions ? enums_from<decision::Direction>(directions, count, "directions") : std::vector<decision::Direction>(count);
    std::vector<decision::RecordCriterion> criteria;
    for (size_t j = 0; j < count; ++j) {
      decision::names(decision::Direction{}).check(static_cast<long long>(dirs[j]),
                                                ("directions[" + std::to_string(j) + "]").c_str());
      criteria.push_back({criterion_names[j], dirs[j], text_at(units, j), text_at(parents, j)});
    }
    r.set_criteria(std::move(criteria));
  });
}

CRM_API int crm_decision_record_set_weights(crm_decision_record* record, const double* weights, size_t count,
                                            const char* method) {
  return guarded([&] {
    decision::DecisionRecord& r = record_of(record);
    require_size(count, kMaxItems, "count");
    if (count > 0) require_pointer(weights, "weights");
    r.set_weights(std::vector<double>(weights, weights + count), method ? method : "");
  });
}

CRM_API int crm_decision_record_set_alternatives(crm_decision_record* record, const char* const* names,
                                                 size_t count) {
  return guarded([&] {
    decision::DecisionRecord& r = record_of(record);
    require_size(count, kMaxItems, "count");
    require_pointer(names, "names");
    r.set_alternatives(strings_from(names, count, "names"));
  });
}

CRM_API int crm_decision_record_set_evaluations(crm_decision_record* record, const double* values, size_t count) {
  return guarded([&] {
    decision::DecisionRecord& r = record_of(record);
    require_size(count, kMaxItems * kMaxItems, "count");
    if (count > 0) require_pointer(values, "values");
    r.set_evaluations(std::vector<double>(values, values + count));
  });
}

CRM_API int crm_decision_record_choose(crm_decision_record* record, size_t alternative, const char* rationale) {
  return guarded([&] { record_of(record).choose(alternative, rationale ? rationale : ""); });
}

CRM_API int crm_decision_record_note_bias(crm_decision_record* record, int bias, const char* note) {
  return guarded([&] {
    decision::DecisionRecord& r = record_of(record);
    r.note_bias(enum_arg<decision::Bias>(bias, "bias"), note ? note : "");
  });
}

CRM_API int crm_decision_record_missing_steps(const crm_decision_record* record, uint8_t* steps, size_t capacity,
                                              size_t* out_count) {
  return guarded([&] {
    require_pointer(out_count, "out_count");
    const std::vector<decision::DecisionStep> missing = record_of(record).missing_steps();
    *out_count = missing.size();
    require_capacity(steps, capacity, missing.size());
    enums_to(missing, steps);
  });
}

CRM_API int crm_decision_record_choice(const crm_decision_record* record, int* out_chosen, size_t* out_choice) {
  return guarded([&] {
    require_pointer(out_chosen, "out_chosen");
    const decision::DecisionRecord& r = record_of(record);
    *out_chosen = r.chosen();
    if (out_choice != nullptr) *out_choice = r.choice();
  });
}

CRM_API int crm_decision_record_describe(const crm_decision_record* record, char* buf, size_t buf_len,
                                         size_t* out_len) {
  return guarded([&] { copy_text(decision::describe(record_of(record)), buf, buf_len, out_len); });
}

CRM_API int crm_decision_record_save(const crm_decision_record* record, const char* path) {
  return guarded([&] {
    const decision::DecisionRecord& r = record_of(record);
    require_pointer(path, "path");
    crmkit::io::save(path, r);
  });
}

CRM_API int crm_decision_record_load(crm_decision_record** out, const char* path) {
  return guarded([&] {
    produce(out, [&] {
      require_pointer(path, "path");
      return crmkit::io::load<decision::DecisionRecord>(path);
    });
  });
}

}  // extern "C"
