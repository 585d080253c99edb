// Fuzz harness for the C API's entry points that take caller arrays and lengths: the first
// byte picks the entry point, the next bytes its sizes (small, so arrays stay real) and
// which pointers are NULL, the rest the values (raw doubles, so NaN, infinities, denormals
// and huge values come up as often as small integers). Whatever comes in, each call must
// return CRM_OK or one of the documented failure codes with a message; CRM_ERROR (an
// exception the guard did not expect: a bug by the header's own definition) or any other
// value aborts, as does a crash or a sanitizer report.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
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
    double d = 0;
    std::uint8_t raw[8];
    for (std::uint8_t& r : raw) r = byte();
    std::memcpy(&d, raw, sizeof d);
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

void check(int status) {
  if (status > 0 || status < CRM_ENOMEM) std::abort();  // CRM_ERROR or an unknown code
  if (status != CRM_OK && crm_last_error()[0] == '\0') std::abort();  // a failure says why
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

void kpis(Bytes& in) {
  crm_contact_log log = CRM_CONTACT_LOG_INIT;
  log.n = in.size_upto(16);
  const std::vector<std::int64_t> channel = in.codes(log.n), agent = in.codes(log.n);
  const std::vector<double> arrival = in.numbers(log.n), answered = in.numbers(log.n),
                            abandoned = in.numbers(log.n), end = in.numbers(log.n);
  log.channel = maybe(channel, in.flag());
  log.agent = maybe(agent, in.flag());
  log.arrival = arrival.data();
  log.answered = maybe(answered, in.flag());
  log.abandoned = maybe(abandoned, in.flag());
  log.end = maybe(end, in.flag());
  crm_kpi_figures figures{};
  figures.version = CRM_KPI_FIGURES_VERSION;
  check(crm_contact_kpis(&log, nullptr, &figures));
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Bytes in(data, size);
  using Entry = void (*)(Bytes&);
  static const Entry entries[] = {summarize, rfm,      concentration, ahp,    weights, group,
                                  staffing,  kpis,     reliability,   kmeans, buffers};
  entries[in.byte() % (sizeof entries / sizeof entries[0])](in);
  return 0;
}
