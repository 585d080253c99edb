// C API over crmkit::value summaries (include/crmkit/value/summary.hpp) and the
// transaction-log reader (include/crmkit/io/transaction_log.hpp).
#include <cmath>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "crmkit/io/transaction_log.hpp"
#include "crmkit/value/summary.hpp"
#include "guard.hpp"

using crmkit::Error;
using crmkit::ErrorCode;
using crmkit::capi::guarded;
using crmkit::capi::produce;
using crmkit::capi::require_pointer;
using crmkit::capi::enum_arg;
using crmkit::capi::require_version;
namespace value = crmkit::value;

struct crm_summary {
  crmkit::io::KeyedSummary keyed;  // keys: text keys (csv input); empty for numeric ids
};

struct crm_ledger {
  value::Ledger ledger;
};

namespace {

static_assert(CRM_UNIT_MONTH == static_cast<int>(value::TimeUnit::month), "crm_time_unit");

value::SummaryOptions summary_options(const crm_summary_options* opts) {
  value::SummaryOptions o;
  if (opts == nullptr) return o;
  require_version(opts->version, CRM_SUMMARY_OPTIONS_VERSION, "crm_summary_options");
  o.unit = enum_arg<value::TimeUnit>(opts->unit, "opts->unit");
  o.merge_same_day = opts->merge_same_day != 0;
  if (opts->has_end) o.end = opts->end;
  if (opts->has_holdout_end) o.holdout_end = opts->holdout_end;
  o.late = opts->drop_late ? value::LateSale::drop : value::LateSale::reject;
  if (opts->version >= 2) o.expected_customers = opts->expected_customers;
  return o;
}

crm_summary_options default_summary_options() {
  const value::SummaryOptions o;
  crm_summary_options c{};
  c.unit = static_cast<int>(o.unit);
  c.merge_same_day = o.merge_same_day;
  c.has_end = o.end.has_value();
  c.end = o.end.value_or(0.0);
  c.has_holdout_end = o.holdout_end.has_value();
  c.holdout_end = o.holdout_end.value_or(0.0);
  c.drop_late = o.late == value::LateSale::drop;
  c.expected_customers = o.expected_customers;
  return c;
}

std::size_t summary_options_bytes(unsigned int version) {
  return version == 1 ? offsetof(crm_summary_options, expected_customers) : sizeof(crm_summary_options);
}

crm_csv_options default_csv_options() {
  // Static: the C struct points at these strings for the life of the library.
  static const crmkit::io::TransactionColumns columns;
  const crmkit::io::CsvOptions reader;
  crm_csv_options c{};
  c.delimiter = reader.delimiter;
  c.has_header = reader.has_header;
  c.customer_column = columns.customer.c_str();
  c.time_column = columns.time.c_str();
  c.amount_column = columns.amount.c_str();
  c.time_format = columns.time_format.c_str();
  return c;
}

template <class T>
void copy_column(T* dst, const std::vector<value::CustomerSummary>& rows,
                 T value::CustomerSummary::*member) {
  if (dst == nullptr) return;
  for (std::size_t i = 0; i < rows.size(); ++i) dst[i] = rows[i].*member;
}

// rows into every column the caller asked for (a NULL column is skipped).
void copy_columns(const crm_summary_columns* columns,
                  const std::vector<value::CustomerSummary>& rows) {
  using S = value::CustomerSummary;
  static_assert(sizeof(int64_t) == sizeof(std::int64_t), "int64_t");
  copy_column(columns->customer_id, rows, &S::customer);
  copy_column(columns->first, rows, &S::first);
  copy_column(columns->last, rows, &S::last);
  copy_column(columns->purchases, rows, &S::purchases);
  copy_column(columns->frequency, rows, &S::frequency);
  copy_column(columns->recency, rows, &S::recency);
  copy_column(columns->T, rows, &S::T);
  copy_column(columns->total_value, rows, &S::total_value);
  copy_column(columns->monetary_value, rows, &S::monetary_value);
  copy_column(columns->holdout_frequency, rows, &S::holdout_frequency);
  copy_column(columns->holdout_value, rows, &S::holdout_value);
}

}  // namespace

extern "C" {

CRM_API int crm_summary_options_init(crm_summary_options* opts, unsigned int version) {
  return crmkit::capi::init_struct(opts, version, CRM_SUMMARY_OPTIONS_VERSION, "opts",
                                   default_summary_options, summary_options_bytes);
}

CRM_API int crm_csv_options_init(crm_csv_options* opts, unsigned int version) {
  return crmkit::capi::init_struct(opts, version, CRM_CSV_OPTIONS_VERSION, "opts",
                                   default_csv_options);
}

CRMKIT_CAPI_ENUM_NAMES(time_unit, value::TimeUnit)

CRM_API int crm_summarize(crm_summary** out, const int64_t* customers, const double* times,
                          const double* amounts, size_t n, const crm_summary_options* opts) {
  return guarded([&] {
    produce(out, [&] {
      if (n > 0) {
        require_pointer(customers, "customers");
        require_pointer(times, "times");
        require_pointer(amounts, "amounts");
      }
      return crmkit::io::KeyedSummary{
          value::summarize(customers, times, amounts, n, summary_options(opts)), {}};
    });
  });
}

CRM_API int crm_summarize_csv(crm_summary** out, const char* path, const crm_csv_options* csv,
                              const crm_summary_options* opts) {
  return guarded([&] {
    produce(out, [&] {
      require_pointer(path, "path");
      crmkit::io::CsvOptions reader;
      crmkit::io::TransactionColumns columns;
      if (csv != nullptr) {
        require_version(csv->version, CRM_CSV_OPTIONS_VERSION, "crm_csv_options");
        require_pointer(csv->customer_column, "csv->customer_column");
        require_pointer(csv->time_column, "csv->time_column");
        reader.delimiter = csv->delimiter;
        reader.has_header = csv->has_header != 0;
        columns.customer = csv->customer_column;
        columns.time = csv->time_column;
        columns.amount = csv->amount_column ? csv->amount_column : "";
        columns.time_format = csv->time_format ? csv->time_format : "iso";
      }
      return crmkit::io::summarize_transaction_log(path, reader, columns, summary_options(opts));
    });
  });
}

CRM_API void crm_summary_free(crm_summary* summary) { delete summary; }

CRM_API int crm_summary_count(const crm_summary* summary, size_t* out_count) {
  return guarded([&] {
    require_pointer(summary, "summary");
    require_pointer(out_count, "out_count");
    *out_count = summary->keyed.table.customers.size();
  });
}

CRM_API int crm_summary_get(const crm_summary* summary, const crm_summary_columns* columns,
                            size_t capacity, size_t* out_count) {
  return guarded([&] {
    require_pointer(summary, "summary");
    require_pointer(columns, "columns");
    require_version(columns->version, CRM_SUMMARY_COLUMNS_VERSION, "crm_summary_columns");
    const auto& rows = summary->keyed.table.customers;
    if (out_count != nullptr) *out_count = rows.size();
    if (capacity < rows.size())
      throw crmkit::capi::BufferTooSmall(rows.size(), capacity);
    copy_columns(columns, rows);
  });
}

CRM_API int crm_summary_get_info(const crm_summary* summary, crm_summary_info* info) {
  return guarded([&] {
    require_pointer(summary, "summary");
    require_pointer(info, "info");
    require_version(info->version, CRM_SUMMARY_INFO_VERSION, "crm_summary_info");
    const value::SummaryTable& t = summary->keyed.table;
    info->end = t.end;
    info->holdout_end = t.holdout_end ? *t.holdout_end : std::nan("");
    info->unit = static_cast<int>(t.unit);
    info->sales = t.sales;
    info->merged_sales = t.merged_sales;
    info->dropped_sales = t.dropped_sales;
    info->holdout_only_customers = t.holdout_only_customers;
  });
}

CRM_API int crm_summary_key(const crm_summary* summary, size_t i, char* buf, size_t buf_len,
                            size_t* out_len) {
  return guarded([&] {
    require_pointer(summary, "summary");
    require_pointer(out_len, "out_len");
    const auto& rows = summary->keyed.table.customers;
    if (i >= rows.size())
      throw Error(ErrorCode::invalid_argument, "row " + std::to_string(i) + " is out of range (" +
                                                   std::to_string(rows.size()) + " customers)");
    std::int64_t id = rows[i].customer;
    std::string key = summary->keyed.keys.empty() ? std::to_string(id)
                                            : summary->keyed.keys[static_cast<std::size_t>(id)];
    *out_len = key.size();
    if (buf == nullptr || buf_len <= key.size())
      throw crmkit::capi::BufferTooSmall(key.size() + 1, buf_len);
    std::memcpy(buf, key.c_str(), key.size() + 1);
  });
}

CRM_API int crm_ledger_create(crm_ledger** out, const crm_summary_options* opts) {
  return guarded([&] { produce(out, [&] { return value::Ledger(summary_options(opts)); }); });
}

CRM_API void crm_ledger_free(crm_ledger* ledger) { delete ledger; }

CRM_API int crm_ledger_add_sale(crm_ledger* ledger, int64_t customer, double time,
                                double amount) {
  return guarded([&] {
    require_pointer(ledger, "ledger");
    ledger->ledger.add_sale(customer, time, amount);
  });
}

CRM_API int crm_ledger_add_sales(crm_ledger* ledger, const int64_t* customers,
                                 const double* times, const double* amounts, size_t n,
                                 size_t* out_added) {
  size_t added = 0;
  int status = guarded([&] {
    require_pointer(ledger, "ledger");
    if (n > 0) {
      require_pointer(customers, "customers");
      require_pointer(times, "times");
      require_pointer(amounts, "amounts");
    }
    ledger->ledger.add_sales(customers, times, amounts, n, &added);
  });
  if (out_added != nullptr) *out_added = added;
  return status;
}

CRM_API int crm_ledger_count(const crm_ledger* ledger, size_t* out_count) {
  return guarded([&] {
    require_pointer(ledger, "ledger");
    require_pointer(out_count, "out_count");
    *out_count = ledger->ledger.customer_count();
  });
}

CRM_API int crm_ledger_customer(const crm_ledger* ledger, int64_t customer,
                                const crm_summary_columns* columns, int* out_found) {
  return guarded([&] {
    require_pointer(ledger, "ledger");
    require_pointer(columns, "columns");
    require_pointer(out_found, "out_found");
    require_version(columns->version, CRM_SUMMARY_COLUMNS_VERSION, "crm_summary_columns");
    const std::optional<value::CustomerSummary> row = ledger->ledger.customer(customer);
    *out_found = row ? 1 : 0;
    if (row) copy_columns(columns, {*row});
  });
}

CRM_API int crm_ledger_summary(const crm_ledger* ledger, crm_summary** out) {
  return guarded([&] {
    produce(out, [&] {
      require_pointer(ledger, "ledger");
      return crmkit::io::KeyedSummary{ledger->ledger.summary(), {}};
    });
  });
}

CRM_API int crm_cumulative_repeat_transactions(const int64_t* customers, const double* times,
                                               size_t n, double origin, int unit,
                                               int merge_same_day, int64_t* out,
                                               size_t periods) {
  return guarded([&] {
    if (n > 0) {
      require_pointer(customers, "customers");
      require_pointer(times, "times");
    }
    require_pointer(out, "out");
    std::vector<std::int64_t> curve = value::cumulative_repeat_transactions(
        customers, times, n, origin, enum_arg<value::TimeUnit>(unit, "unit"), periods,
        merge_same_day != 0);
    std::memcpy(out, curve.data(), curve.size() * sizeof(std::int64_t));
  });
}

}  // extern "C"
