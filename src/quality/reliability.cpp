#include "crmkit/quality/reliability.hpp"

#include <cmath>
#include <string>

#include <Eigen/Dense>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace quality {
namespace {

using RowBlock = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Respondents copied into one cache-sized block before its cross-products are added with
// one matrix product: the data is read once, the products run at the speed of a matrix
// multiplication instead of a per-respondent loop, and nothing is allocated per respondent.
constexpr Eigen::Index kBlockRows = 256;

// Each item's first answer: subtracted from every answer so that the sums of products do
// not lose the covariance to cancellation when the answers are far from zero. Any constant
// per item gives the same covariances in exact arithmetic.
Eigen::VectorXd first_answers(const Answers& a) {
  Eigen::VectorXd shift = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(a.items));
  for (std::size_t i = 0; i < a.items; ++i)
    for (std::size_t r = 0; r < a.respondents; ++r)
      if (!std::isnan(a(r, i))) {
        shift(static_cast<Eigen::Index>(i)) = a(r, i);
        break;
      }
  return shift;
}

[[noreturn]] void infinite_answer(std::size_t r, std::size_t i) {
  throw Error(ErrorCode::invalid_argument, "respondent " + std::to_string(r) + ", item " +
                                               std::to_string(i) +
                                               " (0-based): the answer is infinite");
}

// Covariance matrix of complete rows only.
Eigen::MatrixXd listwise_covariance(const Answers& a, const Eigen::VectorXd& shift,
                                    Eigen::VectorXd& mean, std::size_t& used) {
  const auto k = static_cast<Eigen::Index>(a.items);
  Eigen::MatrixXd cross = Eigen::MatrixXd::Zero(k, k);
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(k);
  RowBlock block(kBlockRows, k);
  Eigen::Index filled = 0;
  used = 0;
  const auto flush = [&] {
    const auto z = block.topRows(filled);
    cross.selfadjointView<Eigen::Lower>().rankUpdate(z.transpose());
    sum += z.colwise().sum().transpose();
    filled = 0;
  };
  for (std::size_t r = 0; r < a.respondents; ++r) {
    const double* row = a.data + r * a.items;
    bool complete = true;
    for (Eigen::Index i = 0; i < k; ++i) {
      const double x = row[i];
      if (std::isinf(x)) infinite_answer(r, static_cast<std::size_t>(i));
      complete &= !std::isnan(x);
      block(filled, i) = x - shift(i);
    }
    if (!complete) continue;
    ++used;
    if (++filled == kBlockRows) flush();
  }
  flush();
  require(used >= 2, "reliability needs at least 2 respondents who answered every item "
                     "(listwise); " + std::to_string(used) + " did");
  const double n = static_cast<double>(used);
  mean = sum / n + shift;
  Eigen::MatrixXd cov = cross.selfadjointView<Eigen::Lower>();
  cov = (cov - sum * sum.transpose() / n) / (n - 1);
  return cov;
}

// Pairwise covariances from three block products: answers x answers, answers x answered
// and answered x answered give, per item pair, the sum of products, each item's sum over
// the pair's respondents, and the pair's count (z = shifted answer or 0, m = 1 if answered).
Eigen::MatrixXd pairwise_covariance(const Answers& a, const Eigen::VectorXd& shift,
                                    Eigen::VectorXd& mean, std::size_t& used) {
  const auto k = static_cast<Eigen::Index>(a.items);
  Eigen::MatrixXd zz = Eigen::MatrixXd::Zero(k, k), zm = zz, mm = zz;
  RowBlock z(kBlockRows, k), m(kBlockRows, k);
  Eigen::Index filled = 0;
  used = 0;
  const auto flush = [&] {
    const auto zb = z.topRows(filled), mb = m.topRows(filled);
    zz.selfadjointView<Eigen::Lower>().rankUpdate(zb.transpose());
    mm.selfadjointView<Eigen::Lower>().rankUpdate(mb.transpose());
    zm.noalias() += zb.transpose() * mb;
    filled = 0;
  };
  for (std::size_t r = 0; r < a.respondents; ++r) {
    const double* row = a.data + r * a.items;
    bool any = false;
    for (Eigen::Index i = 0; i < k; ++i) {
      const double x = row[i];
      if (std::isinf(x)) infinite_answer(r, static_cast<std::size_t>(i));
      const bool answered = !std::isnan(x);
      any |= answered;
      z(filled, i) = answered ? x - shift(i) : 0.0;
      m(filled, i) = answered ? 1.0 : 0.0;
    }
    if (!any) continue;
    ++used;
    if (++filled == kBlockRows) flush();
  }
  flush();
  zz = zz.selfadjointView<Eigen::Lower>();
  mm = mm.selfadjointView<Eigen::Lower>();
  Eigen::MatrixXd cov(k, k);
  mean.resize(k);
  for (Eigen::Index i = 0; i < k; ++i)
    for (Eigen::Index j = 0; j <= i; ++j) {
      const double n = mm(i, j);
      if (n < 2)
        throw Error(ErrorCode::invalid_argument,
                    (i == j ? "item " + std::to_string(i) + " is answered"
                            : "items " + std::to_string(j) + " and " + std::to_string(i) +
                                  " (0-based) are answered together") +
                        " by " + std::to_string(static_cast<long long>(n)) +
                        " respondent(s); pairwise covariances need 2");
      // zm(i, j): item i's sum over the respondents who answered j (and i, since z = 0
      // where i is unanswered).
      cov(i, j) = cov(j, i) = (zz(i, j) - zm(i, j) * zm(j, i) / n) / (n - 1);
    }
  for (Eigen::Index i = 0; i < k; ++i) mean(i) = zm(i, i) / mm(i, i) + shift(i);
  return cov;
}

// Raw alpha from the trace and total of a k x k covariance matrix.
double alpha_of(double k, double trace, double total) {
  return k / (k - 1) * (1 - trace / total);
}

}  // namespace

ReliabilityResult reliability(const Answers& answers, const ReliabilityOptions& options) {
  require(answers.items >= 2, "reliability needs at least 2 items; got " +
                                  std::to_string(answers.items));
  require(answers.respondents == 0 || answers.data != nullptr,
          "answers: null pointer for " + std::to_string(answers.respondents) + " respondents");
  require(options.missing != MissingPolicy::dimension_mean,
          "reliability takes the missing-answer policy listwise or pairwise; fill answers in "
          "by dimension mean with score_answers first");
  const Eigen::VectorXd shift = first_answers(answers);
  ReliabilityResult result;
  Eigen::VectorXd mean;
  const Eigen::MatrixXd cov =
      options.missing == MissingPolicy::listwise
          ? listwise_covariance(answers, shift, mean, result.respondents)
          : pairwise_covariance(answers, shift, mean, result.respondents);

  const auto k = cov.rows();
  const double kd = static_cast<double>(k);
  const Eigen::VectorXd row_sum = cov.rowwise().sum();
  const double total = row_sum.sum();
  const double trace = cov.trace();
  result.items = answers.items;
  result.alpha_raw = alpha_of(kd, trace, total);

  // Correlations: NaN for an item without variance, which then makes the standardised
  // figures NaN too (they are undefined, not zero).
  const Eigen::VectorXd sd = cov.diagonal().cwiseSqrt();
  const Eigen::MatrixXd corr = cov.cwiseQuotient(sd * sd.transpose());
  const double corr_total = corr.sum();
  result.alpha_standardised = alpha_of(kd, kd, corr_total);
  result.mean_correlation = (corr_total - kd) / (kd * (kd - 1));

  for (Eigen::Index i = 0; i < k; ++i) {
    const double rest_total = total - 2 * row_sum(i) + cov(i, i);
    result.alpha_if_deleted.push_back(
        k >= 3 ? alpha_of(kd - 1, trace - cov(i, i), rest_total) : NAN);
    result.item_total_correlation.push_back((row_sum(i) - cov(i, i)) /
                                            std::sqrt(cov(i, i) * rest_total));
    result.item_mean.push_back(mean(i));
    result.item_variance.push_back(cov(i, i));
  }
  return result;
}

}  // namespace quality
}  // namespace v0
}  // namespace crmkit
