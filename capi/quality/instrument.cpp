// C API over survey instruments (include/crmkit/quality/instrument.hpp).
#include <string>
#include <vector>

#include "quality/instrument.hpp"

using namespace crmkit::capi;
namespace quality = crmkit::quality;

namespace {

const quality::Item& item_at(const crm_instrument* instrument, std::size_t i) {
  const quality::Instrument& in = instrument_of(instrument);
  for (const quality::Dimension& d : in.dimensions) {
    if (i < d.items.size()) return d.items[i];
    i -= d.items.size();
  }
  throw crmkit::Error(crmkit::ErrorCode::invalid_argument,
                      "item index is past the " + std::to_string(in.item_count()) + " items");
}

const quality::Dimension& dimension_at(const crm_instrument* instrument, std::size_t d) {
  const quality::Instrument& in = instrument_of(instrument);
  if (d >= in.dimensions.size())
    throw crmkit::Error(crmkit::ErrorCode::invalid_argument,
                        "dimension index " + std::to_string(d) + " is past the " +
                            std::to_string(in.dimensions.size()) + " dimensions");
  return in.dimensions[d];
}

}  // namespace

extern "C" {

CRMKIT_CAPI_ENUM_NAMES(servqual_version, quality::ServqualVersion)
CRMKIT_CAPI_ENUM_NAMES(missing_policy, quality::MissingPolicy)

CRM_API int crm_instrument_servqual(crm_instrument** out, int version, double scale_min,
                                    double scale_max) {
  return guarded([&] {
    produce(out, [&] {
      return quality::servqual_instrument(enum_arg<quality::ServqualVersion>(version, "version"),
                                          {scale_min, scale_max});
    });
  });
}

CRM_API int crm_instrument_audit(crm_instrument** out) {
  return guarded([&] { produce(out, [] { return quality::customer_orientation_audit(); }); });
}

CRM_API int crm_instrument_employee(crm_instrument** out, const char* const* item_ids,
                                    const char* const* item_texts, const int* reverse_coded,
                                    const size_t* items_per_dimension, size_t n_dimensions,
                                    double scale_min, double scale_max) {
  return guarded([&] {
    produce(out, [&] {
      const std::size_t expected = quality::employee_satisfaction_dimensions().size();
      if (n_dimensions != expected)
        throw crmkit::Error(crmkit::ErrorCode::invalid_argument,
                            "n_dimensions is " + std::to_string(n_dimensions) +
                                "; employee satisfaction has " + std::to_string(expected));
      require_pointer(items_per_dimension, "items_per_dimension");
      std::vector<std::vector<quality::Item>> items(n_dimensions);
      std::size_t i = 0;
      for (std::size_t d = 0; d < n_dimensions; ++d) {
        if (items_per_dimension[d] > quality::kMaxInstrumentItems)
          throw crmkit::Error(crmkit::ErrorCode::invalid_argument,
                              "items_per_dimension[" + std::to_string(d) + "] is " +
                                  std::to_string(items_per_dimension[d]) + "; at most " +
                                  std::to_string(quality::kMaxInstrumentItems));
        if (items_per_dimension[d] > 0) require_pointer(item_ids, "item_ids");
        for (std::size_t k = 0; k < items_per_dimension[d]; ++k, ++i) {
          const std::string where = "[" + std::to_string(i) + "]";
          require_pointer(item_ids[i], ("item_ids" + where).c_str());
          quality::Item item{item_ids[i], "", reverse_coded != nullptr && reverse_coded[i] != 0};
          if (item_texts != nullptr) {
            require_pointer(item_texts[i], ("item_texts" + where).c_str());
            item.text = item_texts[i];
          }
          items[d].push_back(std::move(item));
        }
      }
      return quality::employee_satisfaction_instrument(items, {scale_min, scale_max});
    });
  });
}

CRM_API int crm_instrument_parse(crm_instrument** out, const char* text, const char* source) {
  return guarded([&] {
    produce(out, [&] {
      require_pointer(text, "text");
      return quality::parse_instrument(text, source ? source : "instrument");
    });
  });
}

CRM_API int crm_instrument_read(crm_instrument** out, const char* path) {
  return guarded([&] {
    produce(out, [&] {
      require_pointer(path, "path");
      return quality::read_instrument(path);
    });
  });
}

CRM_API void crm_instrument_free(crm_instrument* instrument) { delete instrument; }

CRM_API int crm_instrument_name(const crm_instrument* instrument, char* buf, size_t buf_len,
                                size_t* out_len) {
  return guarded([&] { copy_text(instrument_of(instrument).name, buf, buf_len, out_len); });
}

CRM_API int crm_instrument_dimension_name(const crm_instrument* instrument, size_t dimension,
                                          char* buf, size_t buf_len, size_t* out_len) {
  return guarded([&] { copy_text(dimension_at(instrument, dimension).name, buf, buf_len, out_len); });
}

CRM_API int crm_instrument_item_id(const crm_instrument* instrument, size_t item, char* buf,
                                   size_t buf_len, size_t* out_len) {
  return guarded([&] { copy_text(item_at(instrument, item).id, buf, buf_len, out_len); });
}

CRM_API int crm_instrument_item_text(const crm_instrument* instrument, size_t item, char* buf,
                                     size_t buf_len, size_t* out_len) {
  return guarded([&] { copy_text(item_at(instrument, item).text, buf, buf_len, out_len); });
}

CRM_API int crm_instrument_scale(const crm_instrument* instrument, double* out_min,
                                 double* out_max) {
  return guarded([&] {
    const quality::Scale& s = instrument_of(instrument).scale;
    require_pointer(out_min, "out_min");
    require_pointer(out_max, "out_max");
    *out_min = s.min;
    *out_max = s.max;
  });
}

CRM_API int crm_instrument_dimension_count(const crm_instrument* instrument, size_t* out_count) {
  return guarded([&] {
    const quality::Instrument& in = instrument_of(instrument);
    require_pointer(out_count, "out_count");
    *out_count = in.dimensions.size();
  });
}

CRM_API int crm_instrument_item_count(const crm_instrument* instrument, size_t* out_count) {
  return guarded([&] {
    const quality::Instrument& in = instrument_of(instrument);
    require_pointer(out_count, "out_count");
    *out_count = in.item_count();
  });
}

CRM_API int crm_instrument_dimension_items(const crm_instrument* instrument, size_t dimension,
                                           size_t* out_first, size_t* out_count) {
  return guarded([&] {
    const quality::Dimension& d = dimension_at(instrument, dimension);
    require_pointer(out_first, "out_first");
    require_pointer(out_count, "out_count");
    *out_first = instrument_of(instrument).first_item(dimension);
    *out_count = d.items.size();
  });
}

CRM_API int crm_instrument_item_reverse_coded(const crm_instrument* instrument, size_t item,
                                              int* out_reverse) {
  return guarded([&] {
    const quality::Item& it = item_at(instrument, item);
    require_pointer(out_reverse, "out_reverse");
    *out_reverse = it.reverse_coded ? 1 : 0;
  });
}

}  // extern "C"
