#include "crmkit/value/churn.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "crmkit/error.hpp"
#include "crmkit/io/archive.hpp"
#include "detail/archive_fields.hpp"
#include "detail/parallel.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {
namespace {

constexpr std::uint64_t kMaxArchivedCoefficients = 1025;
// Rows per block of the Newton sums (fixed, so their order and rounding are too).
constexpr std::size_t kBlock = 8192;
// Coefficients this large on scaled features mean the classes are separated.
constexpr double kDivergent = 1e6;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Above this many rows Newton first converges on an every-k-th-row subsample of about
// kSubsampleRows rows, then polishes on all of them.
constexpr std::size_t kSubsampleAbove = 200000;
constexpr std::size_t kSubsampleRows = 50000;

double sigmoid(double eta) {
  return eta >= 0 ? 1.0 / (1.0 + std::exp(-eta)) : std::exp(eta) / (1.0 + std::exp(eta));
}

std::string row_text(std::size_t i) { return "row " + std::to_string(i + 1); }

void check_labels(const double* label, std::size_t n) {
  require(label != nullptr, "churn label: null");
  std::size_t churners = 0;
  for (std::size_t i = 0; i < n; ++i) {
    require_lazy(label[i] == 0.0 || label[i] == 1.0, [&] {
      return "churn label " + row_text(i) + " is " + std::to_string(label[i]) + "; expected 0 or 1";
    });
    churners += label[i] == 1.0;
  }
  require(churners > 0 && churners < n,
          std::string("churn label has one class only (") + (churners ? "every" : "no") +
              " customer churned): a model needs churners and stayers");
}

// Sums of one Newton pass over row-major X (n x p) with an intercept column in front:
// penalised loss, gradient and (optionally) Hessian, in blocks combined in block order.
struct Pass {
  double loss = 0;
  Eigen::VectorXd gradient;
  Eigen::MatrixXd hessian;
};

Pass newton_pass(const double* X, std::size_t n, std::size_t p, const double* y, const double* w,
                 const Eigen::VectorXd& beta, double l2, unsigned threads) {
  using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  const Eigen::Index d = static_cast<Eigen::Index>(p + 1);
  const Eigen::VectorXd b = beta.tail(d - 1);
  const std::size_t blocks = (n + kBlock - 1) / kBlock;
  std::vector<Pass> part(blocks);
  detail::run_tasks(blocks, threads, [&](std::size_t k) {
    const std::size_t start = k * kBlock, rows = std::min(n, start + kBlock) - start;
    const Eigen::Index m = static_cast<Eigen::Index>(rows);
    const Eigen::Map<const RowMajor> Xb(X + start * p, m, static_cast<Eigen::Index>(p));
    const Eigen::Map<const Eigen::VectorXd> yb(y + start, m);
    const Eigen::ArrayXd eta = (Xb * b).array() + beta[0];
    // Whole-block array expressions (Eigen vectorises exp and log): e = exp(-|eta|) gives
    // both the probability and softplus(eta) = max(eta, 0) + log(1 + e).
    const Eigen::ArrayXd e = (-eta.abs()).exp();
    const Eigen::ArrayXd mu = (eta >= 0).select(1 / (1 + e), e / (1 + e));
    const Eigen::ArrayXd lossi = eta.max(0.0) + (1 + e).log() - yb.array() * eta;
    Eigen::VectorXd residual = (mu - yb.array()).matrix();
    Eigen::VectorXd curvature = (mu * (1 - mu)).matrix();
    double loss;
    if (w) {
      const Eigen::Map<const Eigen::ArrayXd> wb(w + start, m);
      loss = (wb * lossi).sum();
      residual.array() *= wb;
      curvature.array() *= wb;
    } else {
      loss = lossi.sum();
    }
    // Gradient and Hessian of the block with the intercept in front: one matrix product.
    Pass& s = part[k];
    s.loss = loss;
    s.gradient.resize(d);
    s.gradient[0] = residual.sum();
    s.gradient.tail(d - 1).noalias() = Xb.transpose() * residual;
    s.hessian.resize(d, d);
    s.hessian(0, 0) = curvature.sum();
    s.hessian.block(1, 0, d - 1, 1).noalias() = Xb.transpose() * curvature;
    s.hessian.block(0, 1, 1, d - 1) = s.hessian.block(1, 0, d - 1, 1).transpose();
    s.hessian.bottomRightCorner(d - 1, d - 1).noalias() = Xb.transpose() * curvature.asDiagonal() * Xb;
  });
  Pass total;
  total.gradient = Eigen::VectorXd::Zero(d);
  total.hessian = Eigen::MatrixXd::Zero(d, d);
  for (const Pass& s : part) {  // in block order: the same sums whatever the thread count
    total.loss += s.loss;
    total.gradient += s.gradient;
    total.hessian += s.hessian;
  }
  total.loss += 0.5 * l2 * b.squaredNorm();
  total.gradient.tail(d - 1) += l2 * b;
  total.hessian.diagonal().tail(d - 1).array() += l2;
  return total;
}

[[noreturn]] void separable() {
  throw Error(ErrorCode::not_converged,
              "churn model: the features separate churners from stayers perfectly, so the "
              "unpenalised coefficients grow without bound; set an L2 penalty (--l2 > 0)");
}

struct NewtonResult {
  Eigen::VectorXd beta;
  Pass pass;  // at beta
  int iterations = 0;
};

// Newton's method from beta, each step halved while the penalised loss rises.
NewtonResult newton(const double* X, std::size_t n, std::size_t p, const double* y, const double* w,
                    Eigen::VectorXd beta, const ChurnOptions& options, unsigned threads) {
  Pass pass = newton_pass(X, n, p, y, w, beta, options.l2, threads);
  int iterations = 0;
  bool converged = false;
  while (!converged && iterations < options.max_iterations) {
    ++iterations;
    Eigen::LDLT<Eigen::MatrixXd> ldlt(pass.hessian);
    if (ldlt.info() != Eigen::Success || !ldlt.isPositive()) separable();
    const Eigen::VectorXd step = ldlt.solve(pass.gradient);
    // The full step, halved while the penalised loss rises; the accepted pass brings the
    // derivatives for the next step.
    double t = 1;
    Eigen::VectorXd next = beta - step;
    Pass trial = newton_pass(X, n, p, y, w, next, options.l2, threads);
    // Rounding noise of the summed loss (relative 1e-12) is not a rise: near the optimum the
    // tiny last steps would otherwise be halved to nothing.
    const double slack = 1e-12 * std::abs(pass.loss);
    for (int halving = 0; halving < 40 && !(trial.loss <= pass.loss + slack); ++halving) {
      t /= 2;
      next = beta - t * step;
      trial = newton_pass(X, n, p, y, w, next, options.l2, threads);
    }
    converged = (t * step).cwiseAbs().maxCoeff() < options.tolerance * std::max(1.0, beta.cwiseAbs().maxCoeff());
    beta = next;
    pass = std::move(trial);
    if (beta.cwiseAbs().maxCoeff() > kDivergent) separable();
  }
  if (!converged) {
    if (options.l2 == 0) separable();
    throw Error(ErrorCode::not_converged, "churn model: Newton's method did not converge in " +
                                              std::to_string(options.max_iterations) + " steps");
  }
  return {std::move(beta), std::move(pass), iterations};
}

}  // namespace

ChurnMetrics evaluate_churn(const double* probability, const double* label, std::size_t n,
                            double threshold) {
  require(probability != nullptr, "churn metrics: probabilities are null");
  require(n >= 2, "churn metrics: need at least 2 customers");
  require(threshold >= 0 && threshold <= 1, "churn metrics: threshold must lie in [0, 1]");
  check_labels(label, n);
  for (std::size_t i = 0; i < n; ++i)
    require_lazy(probability[i] >= 0 && probability[i] <= 1, [&] {
      return "churn probability " + row_text(i) + " is " + std::to_string(probability[i]) + "; expected 0..1";
    });
  ChurnMetrics m;
  m.customers = n;
  m.threshold = threshold;
  const double churners = std::accumulate(label, label + n, 0.0);
  m.churn_rate = churners / static_cast<double>(n);
  std::size_t tp = 0, fp = 0, fn = 0, correct = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double q = std::clamp(probability[i], 1e-15, 1 - 1e-15);
    m.log_loss -= label[i] == 1 ? std::log(q) : std::log1p(-q);
    const bool predicted = probability[i] >= threshold;
    tp += predicted && label[i] == 1;
    fp += predicted && label[i] == 0;
    fn += !predicted && label[i] == 1;
    correct += predicted == (label[i] == 1);
  }
  m.log_loss /= static_cast<double>(n);
  m.precision = tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : kNaN;
  m.recall = static_cast<double>(tp) / churners;
  m.accuracy = static_cast<double>(correct) / static_cast<double>(n);

  // One sort, highest predicted first, ties in row order (the lift's order). The AUC reads
  // it backwards: the rank sum of the churners, tied probabilities sharing their mean rank.
  // (probability, row) pairs sort faster than row numbers compared through the array.
  std::vector<std::pair<double, std::size_t>> ranked(n);
  for (std::size_t i = 0; i < n; ++i) ranked[i] = {-probability[i], i};
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = ranked[i].second;
  ranked = {};
  double rank_sum = 0;
  for (std::size_t i = 0; i < n;) {  // i counts from the lowest probability
    std::size_t j = i;
    while (j < n && probability[order[n - 1 - j]] == probability[order[n - 1 - i]]) ++j;
    const double mid = 0.5 * static_cast<double>(i + 1 + j);
    for (std::size_t t = i; t < j; ++t) rank_sum += label[order[n - 1 - t]] * mid;
    i = j;
  }
  const double stayers = static_cast<double>(n) - churners;
  m.auc = (rank_sum - churners * (churners + 1) / 2) / (churners * stayers);

  // Lift: tenths of that order, as equal as whole rows allow.
  const std::size_t groups = std::min<std::size_t>(10, n);
  double cum_churn = 0;
  std::size_t cum_rows = 0;
  for (std::size_t g = 0; g < groups; ++g) {
    LiftRow row;
    row.decile = static_cast<int>(g + 1);
    double churn = 0, prob = 0;
    for (std::size_t t = g * n / groups; t < (g + 1) * n / groups; ++t) {
      churn += label[order[t]];
      prob += probability[order[t]];
      ++row.customers;
    }
    cum_churn += churn;
    cum_rows += row.customers;
    row.mean_probability = prob / static_cast<double>(row.customers);
    row.churn_rate = churn / static_cast<double>(row.customers);
    row.lift = row.churn_rate / m.churn_rate;
    row.cumulative_lift = cum_churn / static_cast<double>(cum_rows) / m.churn_rate;
    m.lift.push_back(row);
  }

  m.calibration.resize(10);
  std::vector<double> prob_sum(10), churn_sum(10);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t bin = std::min<std::size_t>(9, static_cast<std::size_t>(probability[i] * 10));
    ++m.calibration[bin].customers;
    prob_sum[bin] += probability[i];
    churn_sum[bin] += label[i];
  }
  for (std::size_t b = 0; b < 10; ++b) {
    CalibrationRow& row = m.calibration[b];
    row.lower = static_cast<double>(b) / 10;
    row.upper = static_cast<double>(b + 1) / 10;
    const double c = static_cast<double>(row.customers);
    row.mean_probability = row.customers ? prob_sum[b] / c : kNaN;
    row.observed_rate = row.customers ? churn_sum[b] / c : kNaN;
  }
  return m;
}

ChurnModel::ChurnModel(FeatureScaler scaler, std::vector<Coefficient> coefficients, double l2,
                       bool balanced)
    : scaler_(std::move(scaler)), coefficients_(std::move(coefficients)), l2_(l2), balanced_(balanced) {
  require(coefficients_.size() == scaler_.size() + 1,
          "churn model: need the intercept and one coefficient per feature");
  for (const auto& c : coefficients_) require(std::isfinite(c.estimate), "churn model: coefficients must be finite");
}

std::vector<double> ChurnModel::linear(const FeatureTable& table) const {
  if (coefficients_.empty()) throw Error(ErrorCode::invalid_state, "churn model: not fitted");
  const std::vector<double> X = scaler_.transform(table);
  const std::size_t p = scaler_.size();
  std::vector<double> eta(table.rows, coefficients_[0].estimate);
  for (std::size_t i = 0; i < table.rows; ++i)
    for (std::size_t j = 0; j < p; ++j) eta[i] += coefficients_[j + 1].estimate * X[i * p + j];
  return eta;
}

std::vector<double> ChurnModel::predict(const FeatureTable& table) const {
  std::vector<double> eta = linear(table);
  for (double& e : eta) e = sigmoid(e);
  return eta;
}

ChurnSensitivity ChurnModel::sensitivity(const FeatureTable& table, const std::string& feature,
                                         double delta, const double* value) const {
  require(std::isfinite(delta), "sensitivity: the change must be a finite number");
  require(std::find(feature_names().begin(), feature_names().end(), feature) != feature_names().end(),
          "sensitivity: '" + feature + "' is not a feature of the model");
  ChurnSensitivity s;
  s.feature = feature;
  s.delta = delta;
  s.before = predict(table);
  FeatureTable moved = table;
  const std::size_t j = moved.index_of(feature);
  for (std::size_t i = 0; i < moved.rows; ++i) moved.values[j * moved.rows + i] += delta;
  s.after = predict(moved);
  const double n = static_cast<double>(table.rows);
  s.mean_before = std::accumulate(s.before.begin(), s.before.end(), 0.0) / n;
  s.mean_after = std::accumulate(s.after.begin(), s.after.end(), 0.0) / n;
  s.value_at_risk_before = s.value_at_risk_after = value ? 0.0 : kNaN;
  if (value) {
    for (std::size_t i = 0; i < table.rows; ++i) {
      require_lazy(std::isfinite(value[i]), [&] { return "sensitivity: value " + row_text(i) + " is not finite"; });
      s.value_at_risk_before += value[i] * s.before[i];
      s.value_at_risk_after += value[i] * s.after[i];
    }
  }
  return s;
}

std::vector<GroupDrivers> ChurnModel::drivers(const FeatureTable& table, const int* groups) const {
  const std::vector<double> eta = linear(table);
  int count = 1;
  if (groups) {
    for (std::size_t i = 0; i < table.rows; ++i) {
      require_lazy(groups[i] >= 0 && groups[i] < (1 << 20), [&] {
        return "drivers: group of " + row_text(i) + " is " + std::to_string(groups[i]) + "; expected >= 0";
      });
      count = std::max(count, groups[i] + 1);
    }
  }
  const std::size_t p = scaler_.size();
  std::vector<GroupDrivers> out(static_cast<std::size_t>(count));
  std::vector<std::vector<double>> effect(out.size(), std::vector<double>(p));
  for (std::size_t i = 0; i < table.rows; ++i) {
    const std::size_t g = groups ? static_cast<std::size_t>(groups[i]) : 0;
    ++out[g].customers;
    const double base = sigmoid(eta[i]);
    for (std::size_t j = 0; j < p; ++j) effect[g][j] += sigmoid(eta[i] + coefficients_[j + 1].estimate) - base;
  }
  for (std::size_t g = 0; g < out.size(); ++g) {
    out[g].group = static_cast<int>(g);
    for (std::size_t j = 0; j < p; ++j)
      out[g].drivers.push_back({feature_names()[j], out[g].customers ? effect[g][j] / static_cast<double>(out[g].customers) : kNaN});
    std::stable_sort(out[g].drivers.begin(), out[g].drivers.end(),
                     [](const ChurnDriver& a, const ChurnDriver& b) { return std::abs(a.effect) > std::abs(b.effect); });
  }
  return out;
}

std::string ChurnModel::to_bytes() const { return io::to_bytes(*this); }
ChurnModel ChurnModel::from_bytes(const std::string& bytes) { return io::from_bytes<ChurnModel>(bytes); }
void ChurnModel::save(const std::string& path) const { io::save(path, *this); }
ChurnModel ChurnModel::load(const std::string& path) { return io::load<ChurnModel>(path); }

void ChurnModel::check_invariants() const {
  scaler_.check_invariants();
  if (coefficients_.size() != scaler_.size() + 1)
    throw Error(ErrorCode::corrupt_data, "churn model: coefficients and features disagree");
  for (const auto& c : coefficients_)
    if (!std::isfinite(c.estimate) || c.name.empty())
      throw Error(ErrorCode::corrupt_data, "churn model: a coefficient is damaged");
  if (!(l2_ >= 0 && std::isfinite(l2_))) throw Error(ErrorCode::corrupt_data, "churn model: bad L2 penalty");
}

template <class Archive>
void ChurnModel::serialize(Archive& ar, unsigned /*version 1*/) {
  ar & scaler_;
  const std::uint64_t m = detail::bounded_length(ar, coefficients_.size(), kMaxArchivedCoefficients, "coefficients");
  if (Archive::is_loading::value) coefficients_.resize(static_cast<std::size_t>(m));
  for (Coefficient& c : coefficients_) {
    detail::text_field(ar, c.name, "coefficient name");
    for (double* v : {&c.estimate, &c.standard_error, &c.z, &c.odds_ratio}) detail::number_field(ar, *v);
  }
  detail::number_field(ar, l2_);
  detail::flag_field(ar, balanced_, "balanced");
}

CRMKIT_INSTANTIATE_SERIALIZE(ChurnModel)

ChurnFit fit_churn(const FeatureTable& table, const double* label, const ChurnOptions& options) {
  require(std::isfinite(options.l2) && options.l2 >= 0, "churn model: l2 must be a finite number >= 0");
  require(options.max_iterations >= 1, "churn model: max_iterations must be at least 1");
  require(options.tolerance > 0, "churn model: tolerance must be > 0");
  require(options.threshold >= 0 && options.threshold <= 1, "churn model: threshold must lie in [0, 1]");
  require(options.threads >= 0, "churn model: threads must be >= 0 (0 = every core)");
  require(table.rows >= 2, "churn model: need at least 2 customers");
  check_labels(label, table.rows);
  FeatureScaler scaler = FeatureScaler::fit(table, options.scaling);
  const std::vector<double> X = scaler.transform(table);
  const std::size_t n = table.rows, p = scaler.size();
  const unsigned threads = detail::thread_count(options.threads);

  const double churners = std::accumulate(label, label + n, 0.0);
  std::vector<double> weight;
  if (options.balanced) {
    weight.resize(n);
    const double w1 = static_cast<double>(n) / (2 * churners), w0 = static_cast<double>(n) / (2 * (static_cast<double>(n) - churners));
    for (std::size_t i = 0; i < n; ++i) weight[i] = label[i] == 1 ? w1 : w0;
  }
  const double* w = weight.empty() ? nullptr : weight.data();
  const double rate = options.balanced ? 0.5 : churners / static_cast<double>(n);

  // Start from the intercept-only model; on large data first converge on an every-k-th-row
  // subsample (its penalty scaled to its size, so its optimum approximates the full one),
  // then polish on all rows: the same optimum in two or three full passes instead of six.
  Eigen::VectorXd beta = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(p + 1));
  beta[0] = std::log(rate / (1 - rate));
  if (n > kSubsampleAbove) {
    const std::size_t stride = n / kSubsampleRows;
    std::vector<double> Xs, ys, ws;
    for (std::size_t i = 0; i < n; i += stride) {
      Xs.insert(Xs.end(), X.begin() + static_cast<std::ptrdiff_t>(i * p), X.begin() + static_cast<std::ptrdiff_t>((i + 1) * p));
      ys.push_back(label[i]);
      if (w) ws.push_back(w[i]);
    }
    const double share = static_cast<double>(ys.size()) / static_cast<double>(n);
    ChurnOptions rough = options;
    rough.l2 = options.l2 * share;
    try {
      beta = newton(Xs.data(), ys.size(), p, ys.data(), w ? ws.data() : nullptr, beta, rough, threads).beta;
    } catch (const Error&) {
      // A subsample can be separable when the data is not: start from the intercept instead.
    }
  }
  const NewtonResult result = newton(X.data(), n, p, label, w, beta, options, threads);
  beta = result.beta;
  const Pass& pass = result.pass;
  const int iterations = result.iterations;

  Eigen::LDLT<Eigen::MatrixXd> ldlt(pass.hessian);
  const Eigen::MatrixXd covariance =
      ldlt.solve(Eigen::MatrixXd::Identity(pass.hessian.rows(), pass.hessian.cols()));
  std::vector<Coefficient> coefficients;
  for (std::size_t j = 0; j <= p; ++j) {
    Coefficient c;
    c.name = j == 0 ? "intercept" : scaler.names()[j - 1];
    c.estimate = beta[static_cast<Eigen::Index>(j)];
    c.standard_error = std::sqrt(covariance(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(j)));
    c.z = c.estimate / c.standard_error;
    c.odds_ratio = std::exp(c.estimate);
    coefficients.push_back(std::move(c));
  }
  ChurnFit fit;
  fit.model = ChurnModel(std::move(scaler), std::move(coefficients), options.l2, options.balanced);
  fit.iterations = iterations;
  {
    using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    const Eigen::Map<const RowMajor> all(X.data(), static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(p));
    const Eigen::ArrayXd eta = (all * beta.tail(static_cast<Eigen::Index>(p))).array() + beta[0];
    const Eigen::ArrayXd e = (-eta.abs()).exp();
    fit.probability.resize(n);
    Eigen::Map<Eigen::ArrayXd>(fit.probability.data(), static_cast<Eigen::Index>(n)) =
        (eta >= 0).select(1 / (1 + e), e / (1 + e));
  }
  if (options.training_metrics) fit.metrics = evaluate_churn(fit.probability.data(), label, n, options.threshold);
  return fit;
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
