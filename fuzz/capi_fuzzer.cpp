// Fuzz harness for the C API's entry points that take caller arrays and lengths: the first
// byte picks the entry point, the next bytes its sizes (small, so arrays stay real) and
// which pointers are NULL, the rest the values (raw doubles, so NaN, infinities, denormals
// and huge values come up as often as small integers). Whatever comes in, each call must
// return CRM_OK or one of the documented failure codes with a message; CRM_ERROR (an
// exception the guard did not expect: a bug by the header's own definition) or any other
// value aborts, as does a crash or a sanitizer report.
#include <algorithm>
#include <bitset>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

#include "crmkit.h"

namespace {

// Reads the fuzz input front to back; past its end every read gives zeros.
class Bytes {
 public:
  Bytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
  std::size_t size_upto(std::size_t max) { return byte() % (max + 1); }
  bool flag() { return byte() & 1; }
  double number() {
    // One byte in four starts a raw 8-byte double; the others are small integers and halves,
    // the values real inputs hold and the checks must tell apart.
    const std::uint8_t b = byte();
    if (b % 4 != 0) return (b >> 2) / 2.0 - 8.0;
    // Little-endian, as a memcpy of the bytes on x86 (so the corpus keeps its meaning); a
    // byte array here drew a false -Wstringop-overflow from gcc 12 once inlined.
    std::uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) bits |= static_cast<std::uint64_t>(byte()) << (8 * i);
    double d = 0;
    std::memcpy(&d, &bits, sizeof d);
    return d;
  }
  std::vector<double> numbers(std::size_t n) {
    std::vector<double> v(n);
    for (double& d : v) d = number();
    return v;
  }
  std::vector<std::int64_t> codes(std::size_t n) {
    std::vector<std::int64_t> v(n);
    for (std::int64_t& c : v) c = static_cast<std::int8_t>(byte()) % 4;
    return v;
  }
  // 64 flags read at once, for the pointers of one call: a call's arguments are evaluated in
  // no set order (clang and gcc differ), so each argument takes its flag by position instead
  // of reading the input itself, and an input found under clang means the same under gcc.
  std::bitset<64> flags() {
    std::uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) bits = bits << 8 | byte();
    return bits;
  }
  // A rating on 1..top most of the time, else unanswered (NaN) or any number (off the scale).
  double rating(int top) {
    const std::uint8_t b = byte();
    if (b % 8 == 0) return number();
    if (b % 8 == 1) return std::nan("");
    return 1 + (b >> 3) % top;
  }
  std::vector<double> ratings(std::size_t n, int top) {
    std::vector<double> v(n);
    for (double& d : v) d = rating(top);
    return v;
  }
  // Small whole numbers mostly, any 64-bit value one time in eight.
  std::int64_t count() {
    const std::uint8_t b = byte();
    if (b % 8 != 0) return static_cast<std::int8_t>(b) / 8;
    std::int64_t c = 0;
    for (int i = 0; i < 8; ++i) c = (c << 8) | byte();
    return c;
  }
  // One of the strings, or NULL when the byte points past them.
  template <std::size_t N>
  const char* pick(const char* const (&choices)[N]) {
    const std::size_t i = byte() % (N + 1);
    return i < N ? choices[i] : nullptr;
  }
  std::string rest() {
    std::string s(reinterpret_cast<const char*>(data_) + pos_, size_ - pos_);
    pos_ = size_;
    return s;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_, pos_ = 0;
};

// A column or NULL (when the input says so): NULL with n > 0 must be refused, not read.
template <class T>
const T* maybe(const std::vector<T>& v, bool null) {
  return null ? nullptr : v.data();
}
// An output array or NULL: NULL asks the function not to write that result.
template <class T>
T* maybe(std::vector<T>& v, bool null) {
  return null ? nullptr : v.data();
}

void check(int status) {
  if (status > 0 || status < CRM_ENOMEM) std::abort();  // CRM_ERROR or an unknown code
  if (status != CRM_OK && crm_last_error()[0] == '\0') std::abort();  // a failure says why
}

// Feature column names for the k-means and churn tables; a flag gives a duplicate name.
const char* const kFeatures[] = {"recency", "frequency", "monetary", "tenure"};

std::vector<const char*> feature_names(Bytes& in, std::size_t p) {
  const std::size_t offset = in.byte() % 4;
  std::vector<const char*> names(p);
  for (std::size_t j = 0; j < p; ++j) names[j] = kFeatures[(j + offset) % 4];
  if (p > 1 && in.byte() % 8 == 0) names[p - 1] = names[0];
  return names;
}

void summarize(Bytes& in) {
  const std::size_t n = in.size_upto(32);
  const std::vector<std::int64_t> customers = in.codes(n);
  const std::vector<double> times = in.numbers(n), amounts = in.numbers(n);
  crm_summary* summary = nullptr;
  check(crm_summarize(&summary, maybe(customers, in.flag()), maybe(times, in.flag()),
                      maybe(amounts, in.flag()), n, nullptr));
  crm_summary_free(summary);
}

void rfm(Bytes& in) {
  const std::size_t n = in.size_upto(32);
  const std::vector<double> r = in.numbers(n), f = in.numbers(n), m = in.numbers(n);
  std::vector<std::uint8_t> rs(n), fs(n), ms(n), segment(n);
  std::vector<std::uint16_t> code(n);
  crm_rfm_result out = CRM_RFM_RESULT_INIT;
  out.recency_score = rs.data();
  out.frequency_score = fs.data();
  out.monetary_score = ms.data();
  out.code = code.data();
  out.segment = segment.data();
  check(crm_rfm_score(maybe(r, in.flag()), f.data(), m.data(), n, nullptr, &out));
}

void concentration(Bytes& in) {
  const std::size_t n = in.size_upto(64);
  const std::vector<double> values = in.numbers(n);
  crm_concentration_result out = CRM_CONCENTRATION_RESULT_INIT;
  check(crm_concentration(maybe(values, in.flag()), n, nullptr, &out));
  std::vector<std::uint8_t> tiers(n);
  check(crm_assign_tiers(maybe(values, in.flag()), n, nullptr, tiers.data(), nullptr));
}

void ahp(Bytes& in) {
  const std::size_t n = in.size_upto(12);
  const std::vector<double> matrix = in.numbers(n * n);
  std::vector<double> priorities(n);
  crm_ahp_result result = CRM_AHP_RESULT_INIT;
  check(crm_ahp(maybe(matrix, in.flag()), n, nullptr, nullptr, priorities.data(), &result));
}

void weights(Bytes& in) {
  const std::size_t alternatives = in.size_upto(8), criteria = in.size_upto(8);
  const std::vector<double> matrix = in.numbers(alternatives * criteria), ranks = in.numbers(criteria);
  std::vector<double> out(criteria);
  check(crm_direct_weights(maybe(ranks, in.flag()), criteria, out.data()));
  check(crm_rank_weights(ranks.data(), criteria, static_cast<int>(in.byte() % 5) - 1, out.data()));
  check(crm_entropy_weights(maybe(matrix, in.flag()), alternatives, criteria, out.data()));
  check(crm_critic_weights(matrix.data(), alternatives, criteria, nullptr, out.data()));
}

void group(Bytes& in) {
  crm_rankings rankings = CRM_RANKINGS_INIT;
  rankings.items = in.size_upto(10);
  rankings.members = in.size_upto(6);
  const std::vector<double> ranks = in.numbers(rankings.items * rankings.members);
  rankings.ranks = maybe(ranks, in.flag());
  crm_concordance w = CRM_CONCORDANCE_INIT;
  std::vector<double> sums(rankings.items);
  check(crm_kendall_w(&rankings, &w, sums.data()));
  std::vector<double> points(rankings.items);
  check(crm_borda(&rankings, points.data(), nullptr, nullptr, nullptr));
}

void staffing(Bytes& in) {
  const std::size_t n = in.size_upto(8);
  const std::vector<double> calls = in.numbers(n), length = in.numbers(n), aht = in.numbers(n);
  std::vector<std::int64_t> agents(n);
  crm_plan_columns columns = CRM_PLAN_COLUMNS_INIT;
  columns.agents = agents.data();
  crm_plan_totals totals = CRM_PLAN_TOTALS_INIT;
  check(crm_staffing_plan(maybe(calls, in.flag()), length.data(), aht.data(), n, nullptr, &columns, &totals));
}

// A contact log and the columns it points into.
struct ContactLog {
  std::vector<std::int64_t> channel, agent;
  std::vector<double> arrival, answered, abandoned, end;
  crm_contact_log log = CRM_CONTACT_LOG_INIT;

  explicit ContactLog(Bytes& in) {
    log.n = in.size_upto(16);
    channel = in.codes(log.n);
    agent = in.codes(log.n);
    arrival = in.numbers(log.n);
    answered = in.numbers(log.n);
    abandoned = in.numbers(log.n);
    end = in.numbers(log.n);
    log.channel = maybe(channel, in.flag());
    log.agent = maybe(agent, in.flag());
    log.arrival = arrival.data();
    log.answered = maybe(answered, in.flag());
    log.abandoned = maybe(abandoned, in.flag());
    log.end = maybe(end, in.flag());
  }
  ContactLog(const ContactLog&) = delete;
  ContactLog& operator=(const ContactLog&) = delete;
};

void kpis(Bytes& in) {
  const ContactLog contacts(in);
  crm_kpi_figures figures{};
  figures.version = CRM_KPI_FIGURES_VERSION;
  check(crm_contact_kpis(&contacts.log, nullptr, &figures));
}

void kpis_by(Bytes& in) {
  const ContactLog contacts(in);
  const int grouping = in.byte() % 4;
  const std::size_t capacity = in.size_upto(16);
  std::vector<std::int64_t> keys(capacity);
  std::vector<double> starts(capacity);
  std::vector<crm_kpi_figures> figures(capacity);
  for (crm_kpi_figures& f : figures) f.version = CRM_KPI_FIGURES_VERSION;
  std::size_t count = 0;
  check(crm_contact_kpis_by(&contacts.log, grouping, nullptr, keys.data(), maybe(starts, in.flag()),
                            figures.data(), capacity, &count));
}

void reliability(Bytes& in) {
  const std::size_t respondents = in.size_upto(12), items = in.size_upto(6);
  const std::vector<double> answers = in.numbers(respondents * items);
  crm_reliability_result out = CRM_RELIABILITY_RESULT_INIT;
  check(crm_reliability(maybe(answers, in.flag()), respondents, items, nullptr, &out));
}

void kmeans(Bytes& in) {
  const std::size_t n = in.size_upto(24), p = in.size_upto(4);
  const std::vector<double> x = in.numbers(n * p);
  crm_kmeans_options opts;
  check(crm_kmeans_options_init(&opts, CRM_KMEANS_OPTIONS_VERSION));
  opts.threads = 1;
  std::vector<int> labels(n);
  crm_kmeans* model = nullptr;
  check(crm_kmeans_fit(&model, maybe(x, in.flag()), n, p, nullptr, &opts, labels.data()));
  if (model != nullptr) {
    // A second table, its columns named (in another order, or missing the model's).
    const std::size_t n2 = in.size_upto(8), p2 = in.size_upto(4);
    const std::vector<double> x2 = in.numbers(n2 * p2);
    const std::vector<const char*> names = feature_names(in, p2);
    std::vector<int> labels2(n2);
    check(crm_kmeans_assign(model, maybe(x2, in.flag()), n2, p2, maybe(names, in.flag()), labels2.data()));
    std::vector<double> centers(32);
    check(crm_kmeans_centers(model, centers.data(), in.size_upto(centers.size())));
  }
  crm_kmeans_free(model);
}

void buffers(Bytes& in) {
  // The loaders that take a caller buffer: its length is exactly the bytes given.
  const std::uint8_t which = in.byte() % 4;
  const std::string bytes = in.rest();
  if (which == 0) {
    crm_clv_model* model = nullptr;
    check(crm_clv_from_buffer(&model, bytes.data(), bytes.size(), -1));
    crm_clv_free(model);
  } else if (which == 1) {
    crm_kmeans* model = nullptr;
    check(crm_kmeans_from_buffer(&model, bytes.data(), bytes.size()));
    crm_kmeans_free(model);
  } else if (which == 2) {
    crm_churn* model = nullptr;
    check(crm_churn_from_buffer(&model, bytes.data(), bytes.size()));
    crm_churn_free(model);
  } else {
    crm_process_map* map = nullptr;
    check(crm_process_map_parse_csv(&map, bytes.data(), bytes.size(), "fuzz"));
    crm_process_map_free(map);
  }
}


// ---- value: CLV models ---------------------------------------------------------------------

// Customer histories (x, t_x, T) that are valid for every purchase model (whole numbers with
// x <= t_x <= T, so BG/BB takes them too) most of the time, and any numbers now and then.
struct Histories {
  std::vector<double> frequency, recency, T;
  Histories(Bytes& in, std::size_t n) : frequency(n), recency(n), T(n) {
    for (std::size_t i = 0; i < n; ++i) {
      if (in.byte() % 16 == 0) {
        frequency[i] = in.number();
        recency[i] = in.number();
        T[i] = in.number();
        continue;
      }
      const int periods = 1 + in.byte() % 12;
      const int x = in.byte() % (periods + 1);
      T[i] = periods;
      frequency[i] = x;
      recency[i] = x > 0 ? x + in.byte() % (periods - x + 1) : 0;
    }
  }
};

// Fit options that keep one execution fast: one start of at most 20 iterations.
crm_clv_fit_options clv_fit_options(Bytes& in) {
  crm_clv_fit_options opts;
  check(crm_clv_fit_options_init(&opts, CRM_CLV_FIT_OPTIONS_VERSION));
  opts.starts = 1;
  opts.max_iterations = 1 + in.byte() % 20;
  if (in.flag()) opts.penalty = in.number();
  opts.require_convergence = in.flag();
  return opts;
}

// Every prediction over caller arrays, on whatever model came out of a fit or the parameters.
void clv_predictions(const crm_clv_model* model, Bytes& in) {
  const std::bitset<64> null = in.flags();  // see Bytes::flags
  const std::size_t n = in.size_upto(8);
  const Histories h(in, n);
  const std::vector<double> t = in.numbers(n), spend = in.numbers(n);
  std::vector<double> out(n);
  const double horizon = in.number();
  check(crm_clv_expected_purchases(model, maybe(t, in.flag()), n, out.data()));
  check(crm_clv_probability_of_purchases(model, horizon, maybe(h.frequency, in.flag()), n, out.data()));
  check(crm_clv_conditional_expected_purchases(model, horizon, h.frequency.data(),
                                               maybe(h.recency, in.flag()), h.T.data(), n, out.data()));
  check(crm_clv_conditional_probability_of_purchases(model, horizon, t.data(), h.frequency.data(),
                                                     h.recency.data(), maybe(h.T, in.flag()), n,
                                                     out.data()));
  check(crm_clv_p_alive(model, h.frequency.data(), h.recency.data(), h.T.data(), n, out.data()));
  check(crm_clv_expected_spend(model, h.frequency.data(), maybe(spend, in.flag()), n, out.data()));
  crm_clv_options opts;
  check(crm_clv_options_init(&opts, CRM_CLV_OPTIONS_VERSION));
  opts.horizon = horizon;
  opts.discount_rate = in.number();
  opts.period = in.number();
  opts.discounting = in.byte() % 3;
  check(crm_clv_lifetime_value(model, h.frequency.data(), h.recency.data(), h.T.data(),
                               maybe(spend, in.flag()), n, &opts, out.data()));
  const std::size_t periods = in.size_upto(8);
  std::vector<double> curve(periods);
  check(crm_clv_tracking_curve(model, maybe(t, in.flag()), n, curve.data(), periods));
  const int max_frequency = in.byte() % 6 - 1;
  const std::size_t groups = max_frequency >= 0 ? max_frequency + 1 : 0;
  std::vector<double> predicted(n), customers(groups), actual_mean(groups), predicted_mean(groups);
  check(crm_clv_compare_holdout(model, in.number(), h.frequency.data(), h.recency.data(), h.T.data(),
                                maybe(spend, null[0]), n, maybe(predicted, null[1]), max_frequency,
                                customers.data(), actual_mean.data(), predicted_mean.data()));
  const std::size_t capacity = in.size_upto(5);
  std::vector<const char*> names(capacity);
  std::vector<double> values(capacity), errors(capacity);
  std::size_t count = 0;
  check(crm_clv_params(model, names.data(), values.data(), errors.data(), capacity, &count));
}

void clv_fit(Bytes& in) {
  const std::bitset<64> null = in.flags();  // see Bytes::flags
  const int kind = in.byte() % 6 - 1;  // -1 is no kind; 4 is Gamma-Gamma, fitted on spend
  const std::size_t n = in.size_upto(16);
  const Histories h(in, n);
  const std::vector<double> weights = in.numbers(n), spend = in.numbers(n);
  const crm_clv_fit_options opts = clv_fit_options(in);
  crm_clv_model* model = nullptr;
  if (kind == CRM_CLV_GAMMA_GAMMA)
    check(crm_clv_fit_spend(&model, maybe(h.frequency, null[0]), maybe(spend, null[1]),
                            null[2] ? weights.data() : nullptr, n, &opts));
  else
    check(crm_clv_fit(&model, kind, maybe(h.frequency, null[3]), maybe(h.recency, null[4]),
                      maybe(h.T, null[5]), null[6] ? weights.data() : nullptr, n, &opts));
  if (model == nullptr) return;
  crm_clv_fit_info info = CRM_CLV_FIT_INFO_INIT;
  check(crm_clv_fit_info_get(model, &info));
  clv_predictions(model, in);
  crm_clv_free(model);
}

// Parameters mostly positive (small multiples of 1/8), any number now and then.
std::vector<double> parameters(Bytes& in, std::size_t n) {
  std::vector<double> v(n);
  for (double& d : v) {
    const std::uint8_t b = in.byte();
    d = b % 4 != 0 ? (b >> 2) / 8.0 + 0.125 : in.number();
  }
  return v;
}

void clv_model(Bytes& in) {
  const int kind = in.byte() % 6 - 1;
  const std::size_t n_params = in.size_upto(5);
  const std::vector<double> params = parameters(in, n_params);
  crm_clv_model* model = nullptr;
  check(crm_clv_create(&model, kind, maybe(params, in.flag()), n_params));
  if (model != nullptr) clv_predictions(model, in);
  crm_clv_free(model);
}

void clv_partition(Bytes& in) {
  const std::bitset<64> null = in.flags();  // see Bytes::flags
  const int kind = in.byte() % 6 - 1;
  const std::size_t n = in.size_upto(16);
  const Histories h(in, n);
  const std::vector<double> weights = in.numbers(n), spend = in.numbers(n);
  crm_clv_partition* partition = nullptr;
  if (kind == CRM_CLV_GAMMA_GAMMA)
    check(crm_clv_partition_create_spend(&partition, maybe(h.frequency, null[0]), maybe(spend, null[1]),
                                         null[2] ? weights.data() : nullptr, n));
  else
    check(crm_clv_partition_create(&partition, kind, maybe(h.frequency, null[3]),
                                   maybe(h.recency, null[4]), maybe(h.T, null[5]),
                                   null[6] ? weights.data() : nullptr, n));
  if (partition == nullptr) return;
  crm_clv_partition_stats stats = CRM_CLV_PARTITION_STATS_INIT;
  check(crm_clv_partition_stats_get(partition, &stats));
  const std::size_t n_params = in.size_upto(5);
  const std::vector<double> params = parameters(in, n_params);
  std::vector<double> gradient(n_params);
  double log_likelihood = 0;
  check(crm_clv_partition_log_likelihood(partition, maybe(params, null[7]), n_params, &log_likelihood,
                                         maybe(gradient, null[8])));
  crm_clv_partition_free(partition);
}

// ---- value: loyalty, retention, status, tiers, segments, churn -----------------------------

template <class T>
std::vector<T> codes_upto(Bytes& in, std::size_t n, int top) {  // 0..top, top one past the enum
  std::vector<T> v(n);
  for (T& c : v) c = static_cast<T>(in.byte() % (top + 1));
  return v;
}

void loyalty(Bytes& in) {
  const std::bitset<64> null = in.flags();  // see Bytes::flags
  static const char* const kDrivers[] = {"repeat", "tenure", "satisfaction", ""};
  const std::size_t n = in.size_upto(12);
  crm_loyalty_options opts;
  check(crm_loyalty_options_init(&opts, CRM_LOYALTY_OPTIONS_VERSION));
  std::vector<const char*> names;
  std::vector<double> weights, lows, highs;
  std::vector<std::uint8_t> higher, saturate;
  if (in.flag()) {
    const std::size_t d = in.size_upto(5);
    for (std::size_t i = 0; i < d; ++i) {
      names.push_back(in.pick(kDrivers));
      weights.push_back(in.number());
      lows.push_back(in.number());
      highs.push_back(in.number());
      higher.push_back(in.byte() % 3);
      saturate.push_back(in.byte() % 3);
    }
    opts.driver_count = d;
    opts.driver_names = maybe(names, in.flag());
    opts.weights = weights.data();
    opts.lows = lows.data();
    opts.highs = maybe(highs, in.flag());
    opts.higher_is_loyal = higher.data();
    opts.saturate = saturate.data();
  }
  opts.missing = in.byte() % 3;
  const std::size_t column_count = in.size_upto(6);
  std::vector<std::vector<double>> columns(column_count);
  std::vector<const double*> pointers(column_count);
  for (std::size_t c = 0; c < column_count; ++c) {
    columns[c] = in.numbers(n);
    pointers[c] = maybe(columns[c], in.flag());
  }
  std::vector<double> index(n), info_weights(8);
  std::vector<std::uint32_t> used(n);
  std::vector<std::size_t> coverage(8);
  crm_loyalty_info info = CRM_LOYALTY_INFO_INIT;
  info.weights = maybe(info_weights, in.flag());
  info.coverage = maybe(coverage, in.flag());
  info.driver_capacity = in.size_upto(8);
  check(crm_loyalty_index(maybe(pointers, null[0]), column_count, n, &opts, index.data(),
                          maybe(used, null[1]), &info));
}

void retention(Bytes& in) {
  const std::bitset<64> null = in.flags();  // see Bytes::flags
  const std::size_t n = in.size_upto(16);
  const std::vector<double> values = in.numbers(n);
  const std::vector<std::uint8_t> status = codes_upto<std::uint8_t>(in, n, CRM_STATUS_COUNT);
  crm_value_at_risk_result risk = CRM_VALUE_AT_RISK_RESULT_INIT;
  check(crm_value_at_risk(maybe(values, null[0]), maybe(status, null[1]), n, &risk));
  crm_retention_campaign campaign;
  check(crm_retention_campaign_init(&campaign, CRM_RETENTION_CAMPAIGN_VERSION));
  campaign.customers = in.number();
  campaign.cost_per_customer = in.number();
  campaign.win_back_rate = in.number();
  campaign.value_per_customer = in.number();
  campaign.has_acquisition_cost = in.flag();
  campaign.acquisition_cost = in.number();
  campaign.acquisition_multiple = in.number();
  crm_campaign_payback_result payback = CRM_CAMPAIGN_PAYBACK_RESULT_INIT;
  check(crm_campaign_payback(&campaign, &payback));
  crm_retention_campaign aimed = CRM_RETENTION_CAMPAIGN_INIT;
  const double cost = in.number(), win_back = in.number();
  check(crm_at_risk_campaign(&risk, cost, win_back, &aimed));
}

void status(Bytes& in) {
  const std::bitset<64> null = in.flags();  // see Bytes::flags
  const std::size_t n = in.size_upto(16);
  const std::vector<double> first = in.numbers(n), last = in.numbers(n), gap = in.numbers(n);
  std::vector<std::int64_t> purchases(n);
  for (std::int64_t& p : purchases) p = in.count();
  const double as_of = in.number();
  crm_status_options opts;
  check(crm_status_options_init(&opts, CRM_STATUS_OPTIONS_VERSION));
  if (in.flag()) {
    opts.new_within_days = in.number();
    opts.at_risk_multiple = in.number();
    opts.lapsed_multiple = in.number();
    opts.min_interval_days = in.number();
    opts.has_typical_interval = in.flag();
    opts.typical_interval_days = in.number();
  }
  std::vector<std::uint8_t> statuses(n);
  std::vector<std::size_t> counts(CRM_STATUS_COUNT);
  double interval = 0;
  check(crm_classify_status(maybe(first, null[0]), maybe(last, null[1]), maybe(purchases, null[2]),
                            maybe(gap, null[3]), n, as_of, &opts, statuses.data(),
                            maybe(counts, null[4]), null[5] ? &interval : nullptr));
  std::uint8_t one = 0;
  const double first_day = in.number(), last_day = in.number();
  const std::int64_t bought = in.count();
  const double gap_before = in.number(), population = in.number();
  check(crm_status_of(first_day, last_day, bought, gap_before, as_of, population, &opts, &one));
  crm_stage_options stage_opts;
  check(crm_stage_options_init(&stage_opts, CRM_STAGE_OPTIONS_VERSION));
  if (in.flag()) {
    stage_opts.exploration_purchases = in.count();
    stage_opts.exploration_days = in.number();
    stage_opts.commitment_days = in.number();
    stage_opts.growth = in.number();
    stage_opts.decline = in.number();
  }
  const std::vector<double> tenure = in.numbers(n), trend = in.numbers(n);
  const std::vector<std::uint8_t> status_codes = codes_upto<std::uint8_t>(in, n, CRM_STATUS_COUNT);
  std::vector<std::uint8_t> stages(n);
  check(crm_relationship_stages(purchases.data(), maybe(tenure, null[6]), maybe(status_codes, null[7]),
                                maybe(trend, null[8]), n, &stage_opts, stages.data()));
}

void tiers(Bytes& in) {
  const std::bitset<64> null = in.flags();  // see Bytes::flags
  const std::size_t before = in.size_upto(12), after = in.size_upto(12);
  std::vector<std::int64_t> ids_before(before), ids_after(after);
  for (std::int64_t& id : ids_before) id = in.count();
  for (std::int64_t& id : ids_after) id = in.count();
  const std::vector<std::uint8_t> tiers_before = codes_upto<std::uint8_t>(in, before, CRM_TIER_ABSENT),
                                  tiers_after = codes_upto<std::uint8_t>(in, after, CRM_TIER_ABSENT);
  std::vector<std::size_t> counts((CRM_TIER_COUNT + 1) * (CRM_TIER_COUNT + 1));
  crm_tier_migration_result migration = CRM_TIER_MIGRATION_RESULT_INIT;
  migration.counts = maybe(counts, in.flag());
  migration.count_capacity = in.flag() ? counts.size() : in.size_upto(counts.size());
  check(crm_tier_migration(maybe(ids_before, null[0]), maybe(tiers_before, null[1]), before,
                           maybe(ids_after, null[2]), tiers_after.data(), after, &migration));
  const std::vector<double> values = in.numbers(before);
  std::vector<std::size_t> tier_customers(CRM_TIER_COUNT + 1);
  std::vector<double> share(CRM_TIER_COUNT + 1), value(CRM_TIER_COUNT + 1), low(CRM_TIER_COUNT + 1);
  crm_tier_table table = CRM_TIER_TABLE_INIT;
  table.tier_capacity = in.size_upto(CRM_TIER_COUNT + 1);
  table.tier_customers = maybe(tier_customers, in.flag());
  table.customer_share = share.data();
  table.value_share = maybe(value, in.flag());
  table.min_value = low.data();
  check(crm_tier_table_of(maybe(values, in.flag()), tiers_before.data(), before, &table));
}

// Segment rules text: pieces of the grammar ("name: r=A-B f=A-B m=A-B; ...") in any order.
std::string rules_text(Bytes& in) {
  static const char* const kPieces[] = {"vip", ": ", "r=4-5", " f=5", " m=1-3", "; ", "\n", "r=9",
                                        "f=0-1", "m=3-2", "sleep: r=1", "=", "-", "x: ", " r=2"};
  std::string text;
  for (std::size_t k = in.size_upto(10); k > 0; --k) {
    const char* piece = in.pick(kPieces);
    text += piece != nullptr ? piece : "\x01";
  }
  return text;
}

void segment(Bytes& in) {
  static const char* const kSegments[] = {"champions", "lost", "new", "nobody", ""};
  crm_segment_rules* rules = nullptr;
  if (in.flag()) {
    const std::size_t n_names = in.size_upto(4);
    std::vector<const char*> names(n_names);
    for (const char*& name : names) name = in.pick(kSegments);
    check(crm_segment_rules_standard(&rules, in.flag() ? nullptr : names.data(), n_names));
  } else {
    check(crm_segment_rules_parse(&rules, rules_text(in).c_str()));
  }
  if (rules == nullptr) return;
  std::size_t count = 0, index = 0, length = 0;
  check(crm_segment_rules_count(rules, &count));
  char name[8];
  const std::size_t segment_index = in.size_upto(count + 1), name_length = in.size_upto(sizeof name);
  check(crm_segment_rules_name(rules, segment_index, name, name_length, &length));
  const int r_score = in.byte() % 11 - 1, f_score = in.byte() % 11 - 1, m_score = in.byte() % 11 - 1;
  check(crm_segment_of(rules, r_score, f_score, m_score, &index));
  // RFM scores under these rules, with caller cut points.
  const std::size_t n = in.size_upto(16);
  const std::vector<double> r = in.numbers(n), f = in.numbers(n), m = in.numbers(n);
  crm_rfm_options opts;
  check(crm_rfm_options_init(&opts, CRM_RFM_OPTIONS_VERSION));
  opts.bins = in.byte() % 11;
  opts.segments = rules;
  const std::vector<double> r_cuts = in.numbers(in.size_upto(9)), f_cuts = in.numbers(in.size_upto(9)),
                            m_cuts = in.numbers(in.size_upto(9));
  opts.days_since_last_cuts = maybe(r_cuts, in.flag());
  opts.days_since_last_cut_count = r_cuts.size();
  opts.purchases_cuts = maybe(f_cuts, in.flag());
  opts.purchases_cut_count = f_cuts.size();
  opts.monetary_cuts = maybe(m_cuts, in.flag());
  opts.monetary_cut_count = m_cuts.size();
  std::vector<std::uint8_t> segments(n);
  std::vector<std::size_t> sizes(16);
  std::vector<double> cuts(3 * (CRM_RFM_MAX_BINS - 1));
  crm_rfm_result out = CRM_RFM_RESULT_INIT;
  out.segment = segments.data();
  out.segment_sizes = maybe(sizes, in.flag());
  out.segment_capacity = in.size_upto(sizes.size());
  if (in.flag()) {
    out.days_since_last_cuts = cuts.data();
    out.purchases_cuts = cuts.data() + (CRM_RFM_MAX_BINS - 1);
    out.monetary_cuts = cuts.data() + 2 * (CRM_RFM_MAX_BINS - 1);
    out.cut_capacity = in.size_upto(CRM_RFM_MAX_BINS - 1);
  }
  check(crm_rfm_score(r.data(), f.data(), m.data(), n, &opts, &out));
  crm_segment_rules_free(rules);
}

void churn(Bytes& in) {
  const std::bitset<64> null = in.flags();  // see Bytes::flags
  const std::size_t n = in.size_upto(16), p = in.size_upto(4);
  const std::vector<double> x = in.numbers(n * p);
  std::vector<double> label(n);
  for (double& l : label) l = in.byte() % 8 == 0 ? in.number() : in.byte() % 2;
  const std::vector<const char*> names = feature_names(in, p);
  crm_churn_options opts;
  check(crm_churn_options_init(&opts, CRM_CHURN_OPTIONS_VERSION));
  opts.threads = 1;
  opts.max_iterations = 1 + in.byte() % 20;
  if (in.flag()) opts.l2 = in.number();
  opts.balanced = in.flag();
  opts.scaling = in.byte() % 4;
  if (in.flag()) opts.threshold = in.number();
  const char* log1p = kFeatures[in.byte() % 4];
  if (in.flag()) {
    opts.log1p = &log1p;
    opts.log1p_count = 1;
  }
  std::vector<double> probability(n);
  crm_churn* model = nullptr;
  check(crm_churn_fit(&model, maybe(x, null[0]), n, p, maybe(names, null[1]), maybe(label, null[2]),
                      &opts, maybe(probability, null[3])));
  const std::vector<double> scores = in.flag() ? probability : in.numbers(n);
  crm_churn_metrics metrics = CRM_CHURN_METRICS_INIT;
  std::vector<double> lift(10), cumulative(10), calibration_probability(10), observed(10);
  std::vector<std::size_t> calibration_customers(10);
  std::size_t deciles = 0;
  const double threshold = in.number();
  const std::size_t lift_capacity = in.size_upto(10);
  check(crm_churn_evaluate(maybe(scores, null[4]), label.data(), n, threshold, &metrics,
                           maybe(lift, null[5]), cumulative.data(), lift_capacity, &deciles,
                           maybe(calibration_customers, null[6]), calibration_probability.data(),
                           observed.data()));
  if (model == nullptr) return;
  // A second table, its columns in another order (or missing one of the model's).
  const std::size_t n2 = in.size_upto(8), p2 = in.size_upto(4);
  const std::vector<double> x2 = in.numbers(n2 * p2), value = in.numbers(n2);
  const std::vector<const char*> names2 = feature_names(in, p2);
  std::vector<double> before(n2), after(n2);
  check(crm_churn_predict(model, maybe(x2, in.flag()), n2, p2, names2.data(), before.data()));
  const std::size_t capacity = in.size_upto(6);
  std::vector<const char*> coefficient_names(capacity);
  std::vector<double> estimate(capacity), z(capacity);
  std::size_t count = 0;
  check(crm_churn_coefficients(model, coefficient_names.data(), estimate.data(), nullptr, z.data(), nullptr,
                               capacity, &count));
  double at_risk_before = 0, at_risk_after = 0;
  const char* feature = kFeatures[in.byte() % 4];
  const double delta = in.number();
  check(crm_churn_sensitivity(model, x2.data(), n2, p2, names2.data(), feature, delta, maybe(value, null[7]), maybe(before, null[8]), after.data(),
                              &at_risk_before, &at_risk_after));
  std::vector<int> groups(n2);
  for (int& g : groups) g = in.byte() % 5 - 1;
  std::vector<double> effects(24);
  std::size_t group_count = 0;
  check(crm_churn_drivers(model, x2.data(), n2, p2, names2.data(), maybe(groups, null[9]), effects.data(),
                          in.size_upto(effects.size()), &group_count));
  crm_churn_free(model);
}

// ---- quality ---------------------------------------------------------------------------------

std::size_t instrument_items(const crm_instrument* instrument) {
  std::size_t items = 0;
  check(crm_instrument_item_count(instrument, &items));
  return items;
}

std::size_t instrument_dimensions(const crm_instrument* instrument) {
  std::size_t dimensions = 0;
  check(crm_instrument_dimension_count(instrument, &dimensions));
  return dimensions;
}

void servqual(Bytes& in) {
  const std::bitset<64> null = in.flags();  // see Bytes::flags
  crm_instrument* instrument = nullptr;
  const int version = in.byte() % 3;
  const double low = in.flag() ? in.number() : 1, high = in.flag() ? in.number() : 7;
  check(crm_instrument_servqual(&instrument, version, low, high));
  if (instrument == nullptr) return;
  const std::size_t items = instrument_items(instrument), dims = instrument_dimensions(instrument);
  const std::size_t respondents = in.size_upto(4);
  const std::vector<double> expected = in.ratings(respondents * items, 7),
                            perceived = in.ratings(respondents * items, 7),
                            adequate = in.ratings(respondents * items, 7);
  std::vector<double> weights(respondents * dims);
  for (double& w : weights) w = in.flag() ? in.number() : 100.0 / static_cast<double>(dims);
  crm_servqual_options opts;
  check(crm_servqual_options_init(&opts, CRM_SERVQUAL_OPTIONS_VERSION));
  opts.missing = in.byte() % 4;
  opts.min_answered = in.size_upto(3);
  if (in.flag()) opts.confidence = in.number();
  std::vector<crm_estimate> item_estimates(5 * items), dimension_estimates(5 * dims);
  std::vector<std::uint8_t> item_zone(items), dimension_zone(dims);
  std::vector<double> respondent_gap(respondents * dims), weighted_gap(respondents);
  crm_servqual_result out = CRM_SERVQUAL_RESULT_INIT;
  out.item_expected = item_estimates.data();
  out.item_gap = item_estimates.data() + items;
  out.item_msa = item_estimates.data() + 2 * items;
  out.item_zone = item_zone.data();
  out.dimension_perceived = dimension_estimates.data();
  out.dimension_gap = dimension_estimates.data() + dims;
  out.dimension_adequate = dimension_estimates.data() + 2 * dims;
  out.dimension_zone = dimension_zone.data();
  out.respondent_dimension_gap = respondent_gap.data();
  out.respondent_weighted_gap = weighted_gap.data();
  check(crm_servqual(instrument, maybe(expected, null[0]), maybe(perceived, null[1]),
                     null[2] ? adequate.data() : nullptr, null[3] ? weights.data() : nullptr,
                     respondents, &opts, &out));
  // The five-gap model's means from the same answers, sources of fewer respondents.
  crm_gap_surveys surveys;
  check(crm_gap_surveys_init(&surveys, CRM_GAP_SURVEYS_VERSION));
  surveys.expectations = maybe(expected, in.flag());
  surveys.expectations_respondents = in.size_upto(respondents);
  surveys.perceptions = maybe(perceived, in.flag());
  surveys.perceptions_respondents = in.size_upto(respondents);
  if (in.flag()) {
    surveys.management = adequate.data();
    surveys.management_respondents = in.size_upto(respondents);
  }
  surveys.missing = in.byte() % 4;
  surveys.min_answered = in.size_upto(3);
  std::vector<double> means(CRM_GAP_SOURCE_COUNT * dims);
  check(crm_gap_means_from_answers(instrument, &surveys, means.data()));
  crm_instrument_free(instrument);
}

void gaps(Bytes& in) {
  const std::size_t dims = in.size_upto(6);
  std::vector<double> sources[CRM_GAP_SOURCE_COUNT];
  const double* pointers[CRM_GAP_SOURCE_COUNT];
  for (std::size_t s = 0; s < CRM_GAP_SOURCE_COUNT; ++s) {
    sources[s] = in.numbers(dims);
    pointers[s] = maybe(sources[s], in.flag());
  }
  crm_gap_means means = CRM_GAP_MEANS_INIT;
  means.dimensions = dims;
  means.expectations = pointers[0];
  means.management = pointers[1];
  means.specifications = pointers[2];
  means.delivered = pointers[3];
  means.communicated = pointers[4];
  means.perceptions = pointers[5];
  std::vector<double> gap_table(dims * CRM_GAP_COUNT), overall(CRM_GAP_COUNT);
  std::vector<int> main_contributor(dims), ranked(dims * 4), overall_ranked(4);
  crm_gap_result out = CRM_GAP_RESULT_INIT;
  out.gaps = gap_table.data();
  out.main_contributor = maybe(main_contributor, in.flag());
  out.ranked = ranked.data();
  out.overall_gaps = maybe(overall, in.flag());
  out.overall_ranked = overall_ranked.data();
  check(crm_five_gaps(&means, &out));
  const int gap = in.byte() % 7 - 1;
  std::size_t count = 0;
  check(crm_gap_remedy_count(gap, &count));
  const char* text = nullptr;
  check(crm_gap_remedy(gap, in.size_upto(count + 1), &text));
}

void audit(Bytes& in) {
  const std::bitset<64> null = in.flags();  // see Bytes::flags
  static const char* const kIds[] = {"pay", "desk", "light", "team", "boss", "brand", ""};
  crm_instrument* instrument = nullptr;
  if (in.flag()) {
    check(crm_instrument_audit(&instrument));
  } else {
    const std::size_t n_dims = in.size_upto(6);
    std::vector<std::size_t> per_dimension(n_dims);
    std::size_t total = 0;
    for (std::size_t& k : per_dimension) total += k = in.size_upto(2);
    std::vector<const char*> ids(total);
    for (const char*& id : ids) id = in.pick(kIds);
    std::vector<int> reverse(total);
    for (int& r : reverse) r = in.byte() % 3;
    const double low = null[3] ? in.number() : 1;
    const double high = null[4] ? in.number() : 5;
    check(crm_instrument_employee(&instrument, maybe(ids, null[0]), nullptr, null[1] ? reverse.data() : nullptr,
                                  maybe(per_dimension, null[2]), n_dims, low, high));
  }
  if (instrument == nullptr) return;
  const std::size_t items = instrument_items(instrument), dims = instrument_dimensions(instrument);
  const std::size_t respondents = in.size_upto(3);
  const std::vector<double> answers = in.ratings(respondents * items, 5);
  crm_category_options opts;
  check(crm_category_options_init(&opts, CRM_CATEGORY_OPTIONS_VERSION));
  opts.missing = in.byte() % 4;
  opts.min_answered = in.size_upto(3);
  std::vector<double> score(respondents * dims), total(respondents), maximum(dims), mean(dims);
  std::vector<std::size_t> scored(dims), weakest(dims);
  crm_category_result out = CRM_CATEGORY_RESULT_INIT;
  out.score = score.data();
  out.percentage = score.data();
  out.total = total.data();
  out.maximum = maximum.data();
  out.mean_percentage = mean.data();
  out.scored = scored.data();
  out.weakest = weakest.data();
  check(crm_category_scores(instrument, maybe(answers, in.flag()), respondents, &opts, &out));
  crm_instrument_free(instrument);
}

void ipa(Bytes& in) {
  const std::bitset<64> null = in.flags();  // see Bytes::flags
  const std::size_t respondents = in.size_upto(8), items = in.size_upto(5), rated = in.size_upto(8);
  const std::vector<double> performance = in.ratings(respondents * items, 7),
                            importance = in.ratings(rated * items, 7), overall = in.ratings(respondents, 7);
  crm_ipa_options opts;
  check(crm_ipa_options_init(&opts, CRM_IPA_OPTIONS_VERSION));
  opts.importance = in.byte() % 4;
  opts.crosshair = in.byte() % 3;
  if (in.flag()) {
    opts.scale_min = in.number();
    opts.scale_max = in.number();
  }
  std::vector<double> importance_out(items), performance_out(items);
  std::vector<std::uint8_t> quadrant(items);
  crm_ipa_result out = CRM_IPA_RESULT_INIT;
  out.importance = importance_out.data();
  out.performance = maybe(performance_out, in.flag());
  out.quadrant = quadrant.data();
  check(crm_ipa(maybe(performance, null[0]), respondents, items, maybe(importance, null[1]), rated,
                maybe(overall, null[2]), &opts, &out));
}

void csi(Bytes& in) {
  const std::bitset<64> null = in.flags();  // see Bytes::flags
  const std::size_t respondents = in.size_upto(8), items = in.size_upto(5);
  const std::vector<double> answers = in.ratings(respondents * items, 7), weights = in.numbers(in.size_upto(6));
  crm_csi_options opts;
  check(crm_csi_options_init(&opts, CRM_CSI_OPTIONS_VERSION));
  if (in.flag()) {
    opts.scale_min = in.number();
    opts.scale_max = in.number();
  }
  opts.weights = maybe(weights, in.flag());
  opts.weight_count = weights.size();
  if (in.flag()) opts.level = in.number();
  opts.resamples = in.size_upto(20);  // a small bootstrap keeps one execution fast
  opts.seed = in.byte();
  std::vector<double> item_mean(items), normalised(items);
  crm_csi_result out = CRM_CSI_RESULT_INIT;
  out.item_mean = item_mean.data();
  out.weights = maybe(normalised, in.flag());
  check(crm_csi(maybe(answers, in.flag()), respondents, items, &opts, &out));
  const std::size_t n_waves = in.size_upto(3);
  std::vector<std::vector<double>> waves(n_waves);
  std::vector<const double*> pointers(n_waves);
  std::vector<std::size_t> counts(n_waves);
  for (std::size_t w = 0; w < n_waves; ++w) {
    counts[w] = in.size_upto(6);
    waves[w] = in.ratings(counts[w] * items, 7);
    pointers[w] = maybe(waves[w], in.flag());
  }
  std::vector<double> index(n_waves), lower(n_waves), upper(n_waves), change(n_waves);
  check(crm_csi_tracking(maybe(pointers, null[0]), maybe(counts, null[1]), n_waves, items, &opts,
                         index.data(), lower.data(), maybe(upper, null[2]), change.data(), nullptr,
                         nullptr));
}

// A PLS model of two or three blocks over the columns c0..c5, in the README's text format;
// a column one past the table, a path back (a cycle) and "ecsi" come up too.
std::string pls_model(Bytes& in, std::size_t columns) {
  if (in.byte() % 16 == 0) return "ecsi";
  const std::size_t blocks = 2 + in.byte() % 2;
  std::string model;
  for (std::size_t b = 0; b < blocks; ++b) {
    model += "block B" + std::to_string(b) + (in.flag() ? " B: " : ": ");
    for (std::size_t k = 1 + in.byte() % 2; k > 0; --k)
      model += "c" + std::to_string(in.byte() % (columns + 1)) + (k > 1 ? ", " : "\n");
  }
  model += "path B0 -> B1\n";
  if (blocks == 3) model += in.flag() ? "path B1 -> B2\n" : "path B0 -> B2\n";
  if (in.byte() % 8 == 0) model += "path B1 -> B0\n";
  return model;
}

void pls(Bytes& in) {
  const std::bitset<64> null = in.flags();  // see Bytes::flags
  static const char* const kColumns[] = {"c0", "c1", "c2", "c3", "c4", "c5"};
  static const char* const kTargets[] = {"B0", "B2", "nope"};
  const std::size_t columns = 1 + in.size_upto(5), respondents = in.size_upto(12);
  const std::string model = pls_model(in, columns);
  const std::vector<double> data = in.ratings(respondents * columns, 10);
  const std::vector<const char*> names(kColumns, kColumns + columns);
  crm_pls_options opts;
  check(crm_pls_options_init(&opts, CRM_PLS_OPTIONS_VERSION));
  opts.scheme = in.byte() % 4;
  opts.max_iterations = 1 + in.byte() % 50;
  opts.index_method = in.byte() % 3;
  opts.bootstrap = in.size_upto(4);
  opts.threads = 1;
  opts.ipma_target = in.pick(kTargets);
  if (in.flag()) opts.tolerance = in.number();
  if (in.flag()) opts.level = in.number();
  if (in.flag()) {
    opts.scale_min = in.number();
    opts.scale_max = in.number();
  }
  crm_pls* fit = nullptr;
  check(crm_pls_fit(&fit, model.c_str(), maybe(data, null[0]), respondents, columns, maybe(names, null[1]),
                    &opts));
  if (fit == nullptr) return;
  std::size_t blocks = 0, indicators = 0, paths = 0, rows = 0;
  check(crm_pls_counts(fit, &blocks, &indicators, &paths, &rows));
  std::vector<double> per_path(paths), per_indicator(3 * indicators), per_block(9 * blocks),
      square(4 * blocks * blocks);
  crm_pls_result out = CRM_PLS_RESULT_INIT;
  out.path_coefficient = per_path.data();
  out.weights = per_indicator.data();
  out.loadings = per_indicator.data() + indicators;
  out.index_weights = per_indicator.data() + 2 * indicators;
  double* b = per_block.data();
  for (double** field : {&out.r2, &out.r2_adjusted, &out.alpha_raw, &out.alpha_standardised, &out.rho_c,
                         &out.rho_a, &out.ave, &out.index_mean, &out.ipma_importance}) {
    *field = b;
    b += blocks;
  }
  double* s = square.data();
  for (double** field : {&out.total_effects, &out.indirect_effects, &out.htmt, &out.vif}) {
    *field = s;
    s += blocks * blocks;
  }
  check(crm_pls_results(fit, &out));
  std::vector<double> standardised(rows * blocks), index(rows * blocks);
  check(crm_pls_scores(fit, standardised.data(), maybe(index, in.flag())));
  std::vector<crm_pls_estimate> path_estimates(paths), weight_estimates(indicators);
  check(crm_pls_bootstrap(fit, path_estimates.data(), weight_estimates.data(), nullptr));
  std::size_t from = 0, to = 0, block = 0, length = 0;
  check(crm_pls_path_blocks(fit, in.size_upto(paths), &from, &to));
  check(crm_pls_indicator_block(fit, in.size_upto(indicators), &block));
  char name[4];
  const std::size_t block_index = in.size_upto(blocks), name_length = in.size_upto(sizeof name);
  check(crm_pls_block_name(fit, block_index, name, name_length, &length));
  crm_pls_free(fit);
}

// ---- decision --------------------------------------------------------------------------------

// A decision problem and rank options, with the arrays they point into.
struct Decision {
  std::vector<double> values, weights, q, p, s;
  std::vector<std::uint8_t> directions, functions;
  crm_decision_matrix matrix = CRM_DECISION_MATRIX_INIT;
  crm_rank_options options;

  explicit Decision(Bytes& in) {
    matrix.alternatives = in.size_upto(6);
    matrix.criteria = in.size_upto(4);
    values = in.numbers(matrix.alternatives * matrix.criteria);
    directions = codes_upto<std::uint8_t>(in, matrix.criteria, 2);
    weights.assign(matrix.criteria, matrix.criteria > 0 ? 1.0 / static_cast<double>(matrix.criteria) : 0.0);
    if (in.flag()) weights = in.numbers(matrix.criteria);
    matrix.values = maybe(values, in.byte() % 8 == 0);
    matrix.directions = in.flag() ? directions.data() : nullptr;
    check(crm_rank_options_init(&options, CRM_RANK_OPTIONS_VERSION));
    options.method = in.byte() % 7;
    options.normalization = in.byte() % 5;
    if (in.flag()) options.waspas_lambda = in.number();
    if (in.flag()) options.vikor_v = in.number();
    functions = codes_upto<std::uint8_t>(in, matrix.criteria, 6);
    q = in.numbers(matrix.criteria);
    p = in.numbers(matrix.criteria);
    s = in.numbers(matrix.criteria);
    options.preference_functions = maybe(functions, in.flag());
    options.q = maybe(q, in.flag());
    options.p = maybe(p, in.flag());
    options.s = maybe(s, in.flag());
  }
  Decision(const Decision&) = delete;
  Decision& operator=(const Decision&) = delete;
};

void rank(Bytes& in) {
  const std::bitset<64> null = in.flags();  // see Bytes::flags
  const Decision d(in);
  const std::size_t a = d.matrix.alternatives;
  std::vector<double> scores(a), detail(8 * a);
  std::vector<std::size_t> ranks(a), order(a);
  std::vector<std::uint8_t> compromise(a);
  crm_rank_result out = CRM_RANK_RESULT_INIT;
  out.scores = scores.data();
  out.ranks = maybe(ranks, in.flag());
  out.order = order.data();
  double* field = detail.data();
  for (double** f : {&out.wsm, &out.wpm, &out.distance_best, &out.distance_worst, &out.vikor_s, &out.vikor_r,
                     &out.phi_plus, &out.phi_minus}) {
    *f = field;
    field += a;
  }
  out.compromise = compromise.data();
  check(crm_rank(&d.matrix, maybe(d.weights, null[0]), null[1] ? &d.options : nullptr, &out));
}

void sensitivity(Bytes& in) {
  const std::bitset<64> null = in.flags();  // see Bytes::flags
  const Decision d(in);
  const std::size_t a = d.matrix.alternatives, c = d.matrix.criteria;
  crm_sensitivity_options opts;
  check(crm_sensitivity_options_init(&opts, CRM_SENSITIVITY_OPTIONS_VERSION));
  if (in.flag()) opts.step = in.number();
  if (in.flag()) opts.tolerance = in.number();
  std::vector<double> intervals(4 * c);
  crm_weight_sensitivity_result result = CRM_WEIGHT_SENSITIVITY_RESULT_INIT;
  result.top_low = intervals.data();
  result.top_high = intervals.data() + c;
  result.ranking_low = intervals.data() + 2 * c;
  result.ranking_high = intervals.data() + 3 * c;
  check(crm_weight_sensitivity(&d.matrix, d.weights.data(), &d.options, &opts, &result));
  crm_monte_carlo_options mc;
  check(crm_monte_carlo_options_init(&mc, CRM_MONTE_CARLO_OPTIONS_VERSION));
  mc.draws = in.size_upto(50);
  mc.seed = in.count();
  mc.distribution = in.byte() % 3;
  if (in.flag()) mc.concentration = in.number();
  std::vector<double> acceptability(a * a), central(a * c);
  check(crm_rank_acceptability(&d.matrix, d.weights.data(), &d.options, &mc, maybe(acceptability, null[0]),
                               maybe(central, null[1])));
  std::vector<std::uint8_t> winner_changed(a);
  std::vector<std::size_t> reversed(a);
  check(crm_rank_reversal_on_removal(&d.matrix, d.weights.data(), &d.options, maybe(winner_changed, null[2]),
                                     maybe(reversed, null[3])));
  const std::vector<double> row = in.numbers(c);
  std::vector<std::size_t> pairs(2 * 16);
  int changed = 0;
  std::size_t pair_count = 0;
  check(crm_rank_reversal_on_addition(&d.matrix, d.weights.data(), maybe(row, null[4]), nullptr, &d.options,
                                      &changed, maybe(pairs, null[5]), in.size_upto(16), &pair_count));
}

// An n x n pairwise comparison matrix: reciprocal (positive judgments) most of the time,
// any numbers now and then.
std::vector<double> judgments(Bytes& in, std::size_t n) {
  if (in.byte() % 8 == 0) return in.numbers(n * n);
  std::vector<double> m(n * n, 1.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      const double v = 1 + in.byte() % 9;
      m[i * n + j] = in.flag() ? v : 1 / v;
      m[j * n + i] = 1 / m[i * n + j];
    }
  return m;
}

void swot(Bytes& in) {
  const std::bitset<64> null = in.flags();  // see Bytes::flags
  static const char* const kFactors[] = {"price", "brand", "staff", "rivals", "price"};
  static const char* const kNotes[] = {"why", ""};
  const std::size_t count = in.size_upto(8);
  std::vector<crm_swot_factor> factors(count);
  std::size_t per_group[4] = {0, 0, 0, 0};
  for (crm_swot_factor& f : factors) {
    f.group = in.byte() % 5;  // 4 is no group
    if (f.group < 4) ++per_group[f.group];
    f.name = in.pick(kFactors);
    f.weight = in.flag() ? in.number() : 0.5;
    f.rating = in.flag() ? in.number() : 1 + in.byte() % 4;
    f.note = in.pick(kNotes);
  }
  crm_swot_options opts;
  check(crm_swot_options_init(&opts, CRM_SWOT_OPTIONS_VERSION));
  opts.tows_per_group = in.size_upto(4);
  std::vector<double> scores(count);
  std::vector<crm_tows_pair> tows(16);
  crm_swot_result result = CRM_SWOT_RESULT_INIT;
  result.tows = maybe(tows, in.flag());
  result.tows_capacity = in.size_upto(tows.size());
  check(crm_swot(maybe(factors, null[0]), count, &opts, maybe(scores, null[1]), &result));
  const std::vector<double> group_matrix = judgments(in, 4);
  std::vector<double> factor_matrices;
  for (std::size_t g = 0; g < 4; ++g) {
    const std::vector<double> m = judgments(in, per_group[g]);
    factor_matrices.insert(factor_matrices.end(), m.begin(), m.end());
  }
  std::vector<double> group_priorities(4), local(count), global(count);
  check(crm_swot_ahp(factors.data(), count, maybe(group_matrix, null[2]), factor_matrices.data(), nullptr,
                     maybe(group_priorities, null[3]), local.data(), maybe(global, null[4])));
  std::vector<char> svg(in.flag() ? 1 << 16 : in.size_upto(64));
  std::size_t length = 0;
  check(crm_swot_chart(factors.data(), count, in.pick(kNotes), svg.data(), svg.size(), &length));
}

void group_ahp(Bytes& in) {
  const std::bitset<64> null = in.flags();  // see Bytes::flags
  // Small: completing blank judgments (lambda-optimal) took 0.2-0.4 s natively on 5 x 5
  // with extreme judgments, 10 s under the sanitizers (the power iteration's 1e-15 stop).
  const std::size_t members = in.size_upto(3), n = in.size_upto(4);
  std::vector<double> matrices;
  for (std::size_t k = 0; k < members; ++k) {
    const std::vector<double> m = judgments(in, n);
    matrices.insert(matrices.end(), m.begin(), m.end());
  }
  for (double& v : matrices)
    if (in.byte() % 32 == 0) v = std::nan("");  // a blank judgment
  const std::vector<double> member_weights = in.numbers(members);
  std::vector<double> priorities(n), member_cr(members);
  crm_ahp_result group = CRM_AHP_RESULT_INIT;
  check(crm_aggregate_judgments(maybe(matrices, null[0]), members, n,
                                null[1] ? member_weights.data() : nullptr, nullptr, priorities.data(),
                                &group, maybe(member_cr, null[2])));
  check(crm_aggregate_priorities(matrices.data(), members, n, null[3] ? member_weights.data() : nullptr,
                                 nullptr, priorities.data(), null[4] ? &group : nullptr, member_cr.data()));
  // Two rankings compared, and the team exercise.
  const std::size_t items = in.size_upto(8);
  const std::vector<double> a = in.numbers(items), b = in.numbers(items);
  double distance = 0;
  check(crm_kendall_tau(maybe(a, in.flag()), b.data(), items, &distance));
  check(crm_footrule(a.data(), maybe(b, in.flag()), items, &distance));
  crm_rankings rankings = CRM_RANKINGS_INIT;
  rankings.items = items;
  rankings.members = in.size_upto(4);
  const std::vector<double> ranks = in.numbers(items * rankings.members);
  rankings.ranks = maybe(ranks, in.flag());
  crm_team_exercise_result team = CRM_TEAM_EXERCISE_RESULT_INIT;
  std::vector<double> member_errors(rankings.members);
  check(crm_team_exercise(&rankings, maybe(a, null[5]), maybe(b, null[6]), &team,
                          maybe(member_errors, null[7])));
}

// ---- contact, process --------------------------------------------------------------------------

void erlang(Bytes& in) {
  const std::int64_t agents = in.count();
  const double traffic = in.number();
  double p = 0;
  check(crm_erlang_b(agents, traffic, &p));
  check(crm_erlang_c(agents, traffic, &p));
  crm_staffing_options opts;
  check(crm_staffing_options_init(&opts, CRM_STAFFING_OPTIONS_VERSION));
  if (in.flag()) {
    opts.model = in.byte() % 3;
    opts.patience = in.number();
    opts.answer_within = in.number();
    opts.has_service_level = in.flag();
    opts.service_level = in.number();
    opts.has_asa = in.flag();
    opts.asa = in.number();
    opts.has_max_occupancy = in.flag();
    opts.max_occupancy = in.number();
    opts.shrinkage = in.number();
  }
  const double calls = in.number(), length = in.number(), aht = in.number();
  crm_staffing_result result = CRM_STAFFING_RESULT_INIT;
  check(crm_required_agents(calls, length, aht, &opts, &result));
  check(crm_evaluate_staffing(agents, calls, length, aht, &opts, &result));
  std::int64_t scheduled = 0;
  check(crm_scheduled_agents(agents, in.number(), &scheduled));
}

void value_chain(Bytes& in) {
  const std::size_t count = in.size_upto(12);
  std::vector<crm_activity_figures> figures(count);
  for (crm_activity_figures& f : figures) {
    f.activity = in.byte() % (CRM_ACTIVITIES + 2) - 1;
    f.cost = in.number();
    f.value = in.number();
  }
  crm_activity_margin margins[CRM_ACTIVITIES];
  crm_value_chain_result result = CRM_VALUE_CHAIN_RESULT_INIT;
  result.activities = in.flag() ? margins : nullptr;
  check(crm_value_chain(maybe(figures, in.flag()), count, &result));
}

// Two process maps (CSV text: the first `split` bytes of the rest, then the others) and the
// functions that write per-step arrays and the comparison.
void process(Bytes& in) {
  const std::size_t capacity = in.size_upto(16), text_capacity = in.size_upto(256);
  const std::size_t split_low = in.byte();
  const std::size_t split = split_low | static_cast<std::size_t>(in.byte()) << 8;
  const std::string rest = in.rest();
  const std::string first = rest.substr(0, split), second = rest.substr(std::min(split, rest.size()));
  crm_process_map* before = nullptr;
  crm_process_map* after = nullptr;
  check(crm_process_map_parse_csv(&before, first.data(), first.size(), "before"));
  check(crm_process_map_parse_csv(&after, second.data(), second.size(), "after"));
  std::vector<crm_process_step_figures> steps(capacity);
  std::vector<std::size_t> path(capacity);
  std::size_t count = 0;
  for (const crm_process_map* map : {before, after}) {
    if (map == nullptr) continue;
    check(crm_process_map_steps(map, steps.data(), capacity, &count));
    check(crm_process_map_critical_path(map, path.data(), capacity, &count));
  }
  if (before != nullptr && after != nullptr) {
    std::vector<crm_process_change> changes(capacity);
    std::vector<char> text(text_capacity);
    std::size_t text_length = 0;
    check(crm_process_compare(before, after, changes.data(), capacity, &count, text.data(), text.size(),
                              &text_length));
  }
  crm_process_map_free(before);
  crm_process_map_free(after);
}

// ---- complaint desk ---------------------------------------------------------------------------

// A batch of events on a few cases, submitted to a new desk in a temporary folder, then the
// reads that walk what was stored and the analytics over caller values.
void desk(Bytes& in) {
  const std::bitset<64> null = in.flags();  // see Bytes::flags
  static const char* const kCases[] = {"C-1", "C-2", ""};
  static const char* const kPeople[] = {"ann", "bob"};
  static const char* const kTexts[] = {"billing", "late delivery", "Sales"};
  const std::size_t count = in.size_upto(10);
  std::vector<crm_desk_event> events(count);
  std::uint64_t time = 1767225600;  // 2026-01-01
  for (crm_desk_event& e : events) {
    e = CRM_DESK_EVENT_INIT;
    const std::uint8_t step = in.byte();
    time = step % 16 == 0 ? static_cast<std::uint64_t>(in.count()) : time + step * 900u;
    e.time = static_cast<std::int64_t>(time);
    e.case_id = in.pick(kCases);
    e.event = in.byte() % 16;
    e.actor = in.pick(kPeople);
    e.channel = in.byte() % 7;
    e.customer = in.pick(kPeople);
    e.category = in.pick(kTexts);
    e.priority = in.byte() % 5;
    e.department = in.pick(kTexts);
    e.note = in.pick(kTexts);
    e.follows = in.byte() % 4 == 0 ? kCases[0] : nullptr;
    e.changes = in.byte() % 8;
  }
  // A version no layout has must be refused before the array is read at that stride.
  if (count > 0 && in.byte() % 16 == 0) events[0].version = in.flag() ? 0 : CRM_DESK_EVENT_VERSION + 1;
  const bool stop = in.flag();
  std::vector<int> statuses(count);
  const bool with_statuses = in.flag(), null_events = in.flag();
  // In memory where there is a tmpfs: SQLite's syncs on disk would slow every execution.
  char shm_name[] = "/dev/shm/crmkit-fuzz-capi-XXXXXX", tmp_name[] = "/tmp/crmkit-fuzz-capi-XXXXXX";
  const char* name = mkdtemp(shm_name) != nullptr ? shm_name : mkdtemp(tmp_name);
  if (name == nullptr) return;
  crm_desk* desk = nullptr;
  check(crm_desk_open(&desk, name, nullptr));
  if (desk != nullptr) {
    std::size_t applied = 0, length = 0;
    check(crm_desk_submit(desk, null_events ? nullptr : events.data(), count, stop, &applied,
                          with_statuses ? statuses.data() : nullptr));
    const std::int64_t now = static_cast<std::int64_t>(time + in.byte() * 3600u);
    std::vector<char> text(in.size_upto(64));
    check(crm_desk_list(desk, in.byte() % 16 - 1, null[0], now, text.data(), text.size(), &length));
    for (const char* id : kCases) {
      crm_case_info info{};
      info.version = CRM_CASE_INFO_VERSION;
      check(crm_desk_case_info(desk, id, now, &info));
      std::vector<crm_audit_entry> trail(in.size_upto(8));
      check(crm_desk_audit(desk, id, trail.data(), trail.size(), &length));
      check(crm_desk_escalation_reasons(desk, id, now, text.data(), text.size(), &length));
    }
    const std::size_t valued = in.size_upto(3);
    std::vector<const char*> customers(valued);
    for (const char*& c : customers) c = in.pick(kPeople);
    const std::vector<double> values = in.numbers(valued);
    crm_analytics_options opts;
    check(crm_analytics_options_init(&opts, CRM_ANALYTICS_OPTIONS_VERSION));
    opts.value_customers = maybe(customers, in.flag());
    opts.values = maybe(values, in.flag());
    opts.value_count = valued;
    if (in.flag()) opts.pareto_share = in.number();
    if (in.flag()) opts.word_of_mouth = in.number();
    crm_complaint_report* report = nullptr;
    check(crm_complaint_report_new(&report, desk, &opts));
    if (report != nullptr) {
      crm_complaint_summary summary{};
      summary.version = CRM_COMPLAINT_SUMMARY_VERSION;
      check(crm_complaint_report_summary(report, &summary));
    }
    crm_complaint_report_free(report);
  }
  crm_desk_free(desk);
  std::error_code ignored;
  std::filesystem::remove_all(name, ignored);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Bytes in(data, size);
  using Entry = void (*)(Bytes&);
  // New entries go at the end, so the corpus's first bytes keep their meaning.
  static const Entry entries[] = {summarize, rfm,       concentration, ahp,         weights,   group,
                                  staffing,  kpis,      reliability,   kmeans,      buffers,   clv_fit,
                                  clv_model, clv_partition, loyalty,   retention,   status,    tiers,
                                  segment,   churn,     servqual,      gaps,        audit,     ipa,
                                  csi,       pls,       rank,          sensitivity, swot,      group_ahp,
                                  erlang,    value_chain, process,     desk,        kpis_by};
  entries[in.byte() % (sizeof entries / sizeof entries[0])](in);
  return 0;
}
