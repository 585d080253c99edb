// C API over RFM scores and segment rules (include/crmkit/value/rfm.hpp).
#include <string>
#include <vector>

#include "crmkit/value/rfm.hpp"
#include "convert.hpp"

using namespace crmkit::capi;
namespace value = crmkit::value;

struct crm_segment_rules {
  std::vector<value::SegmentRule> rules;
};

namespace {

static_assert(CRM_RFM_MAX_BINS == value::kMaxRfmBins, "the core's bins limit");

value::RfmOptions rfm_options(const crm_rfm_options* opts) {
  value::RfmOptions o;
  if (opts == nullptr) return o;
  require_version(opts->version, CRM_RFM_OPTIONS_VERSION, "crm_rfm_options");
  o.bins = opts->bins;
  o.days_since_last_cuts = doubles_from(opts->days_since_last_cuts, opts->days_since_last_cut_count,
                                        "opts->days_since_last_cuts");
  o.purchases_cuts = doubles_from(opts->purchases_cuts, opts->purchases_cut_count, "opts->purchases_cuts");
  o.monetary_cuts = doubles_from(opts->monetary_cuts, opts->monetary_cut_count, "opts->monetary_cuts");
  if (opts->segments != nullptr) o.segments = opts->segments->rules;
  return o;
}

// The core's defaults; segments NULL stands for the core's default rules.
crm_rfm_options default_rfm_options() {
  crm_rfm_options c{};
  c.bins = value::RfmOptions{}.bins;
  return c;
}

}  // namespace

extern "C" {

CRM_API int crm_rfm_options_init(crm_rfm_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_RFM_OPTIONS_VERSION, "opts", default_rfm_options);
}

CRM_API int crm_segment_rules_standard(crm_segment_rules** out, const char* const* names,
                                       size_t n_names) {
  return guarded([&] {
    produce(out, [&] {
      if (names == nullptr) return value::standard_segment_rules();
      std::vector<std::string> chosen;
      for (std::size_t i = 0; i < n_names; ++i) {
        require_pointer(names[i], ("names[" + std::to_string(i) + "]").c_str());
        chosen.emplace_back(names[i]);
      }
      return value::standard_segment_rules(chosen);
    });
  });
}

CRM_API int crm_segment_rules_parse(crm_segment_rules** out, const char* text) {
  return guarded([&] {
    produce(out, [&] {
      require_pointer(text, "text");
      return value::parse_segment_rules(text);
    });
  });
}

CRM_API void crm_segment_rules_free(crm_segment_rules* rules) { delete rules; }

CRM_API int crm_segment_rules_count(const crm_segment_rules* rules, size_t* out_count) {
  return guarded([&] {
    require_pointer(rules, "rules");
    require_pointer(out_count, "out_count");
    *out_count = rules->rules.size();
  });
}

CRM_API int crm_segment_rules_name(const crm_segment_rules* rules, size_t i, char* buf,
                                   size_t buf_len, size_t* out_len) {
  return guarded([&] {
    require_pointer(rules, "rules");
    require_pointer(out_len, "out_len");
    const std::string& name = value::segment_name(rules->rules, i);
    *out_len = name.size();
    if (buf == nullptr || buf_len <= name.size()) throw BufferTooSmall(name.size() + 1, buf_len);
    std::memcpy(buf, name.c_str(), name.size() + 1);
  });
}

CRM_API int crm_segment_rules_find(const crm_segment_rules* rules, const char* name,
                                   size_t* out_index) {
  return guarded([&] {
    require_pointer(rules, "rules");
    require_pointer(name, "name");
    require_pointer(out_index, "out_index");
    *out_index = value::find_segment(rules->rules, name);
  });
}

CRM_API int crm_segment_of(const crm_segment_rules* rules, int r, int f, int m,
                           size_t* out_index) {
  return guarded([&] {
    require_pointer(rules, "rules");
    require_pointer(out_index, "out_index");
    *out_index = value::segment_of(r, f, m, rules->rules);
  });
}

CRM_API int crm_rfm_score(const double* days_since_last, const double* purchases,
                          const double* monetary, size_t n, const crm_rfm_options* opts,
                          crm_rfm_result* out) {
  return guarded([&] {
    require_pointer(out, "out");
    require_version(out->version, CRM_RFM_RESULT_VERSION, "crm_rfm_result", 2);
    const value::RfmOptions options = rfm_options(opts);
    // The sizes are known before scoring: report them and check the caller's arrays first,
    // so that nothing else is written on CRM_EBUFS.
    out->segment_count = options.segments.size() + 1;
    out->bins = value::rfm_bins(options);
    const auto cuts = static_cast<std::size_t>(out->bins - 1);
    require_capacity(out->segment_sizes, out->segment_capacity, out->segment_count);
    for (const double* c : {out->days_since_last_cuts, out->purchases_cuts, out->monetary_cuts})
      require_capacity(c, out->cut_capacity, cuts);
    const value::RfmResult r = value::score_rfm(days_since_last, purchases, monetary, n, options);
    copy_if(r.recency_score, out->recency_score);
    copy_if(r.frequency_score, out->frequency_score);
    copy_if(r.monetary_score, out->monetary_score);
    copy_if(r.code, out->code);
    copy_if(r.segment, out->segment);
    copy_if(r.segment_sizes, out->segment_sizes);
    copy_if(r.days_since_last_cuts.cuts, out->days_since_last_cuts);
    copy_if(r.purchases_cuts.cuts, out->purchases_cuts);
    copy_if(r.monetary_cuts.cuts, out->monetary_cuts);
  });
}

}  // extern "C"
