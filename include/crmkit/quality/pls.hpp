// Satisfaction index models: PLS path modelling (Wold 1982; Lohmöller 1989) of a national-
// index-style structure (ECSI, ACSI), its quality criteria, bootstrap inference, 0-100 index
// scores and the importance-performance map.
//
// A model is a set of latent variables (blocks), each measured by indicator columns of the
// survey (mode A = reflective: outer weights are covariances with the inner proxy; mode B =
// formative: weights are the regression of the proxy on the block), and inner paths between
// them that must form a directed acyclic graph. Estimation follows the PLS algorithm on
// standardised data (n - 1 standard deviations), starting from unit weights:
//   1. latent scores Y = X W, each column scaled to unit variance;
//   2. inner weights by the scheme: path (regression weights from a variable's predecessors,
//      correlations with its successors), centroid (signs of the correlations of adjacent
//      variables) or factorial (the correlations themselves); inner proxies Z = Y E;
//   3. outer weights from Z by each block's mode;
// until the largest change of an outer weight is below `tolerance` (SmartPLS's stop
// criterion). Path coefficients are OLS regressions of each endogenous variable's scores on
// its predecessors' scores; loadings are the indicator-score correlations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "crmkit/names.hpp"
#include "crmkit/quality/instrument.hpp"

namespace crmkit {
inline namespace v0 {
namespace quality {

// How a block's indicators relate to its latent variable.
enum class PlsMode : std::uint8_t { reflective, formative };  // "A", "B"
const NameTable& names(PlsMode);

// Inner weighting scheme of the PLS algorithm.
enum class PlsScheme : std::uint8_t { path, centroid, factorial };
const NameTable& names(PlsScheme);

// How latent variables become 0-100 index scores (always named; never implicit):
//   fornell: unstandardised weights w_k / sd_k normalised to sum 1, applied to the raw
//            answers, rescaled (x - min) / (max - min) x 100 (the ACSI method, Fornell et al.
//            1996); the default.
//   standardised: the standardised weights normalised to sum 1, applied to the raw answers
//            and rescaled the same way.
enum class PlsIndexMethod : std::uint8_t { fornell, standardised };
const NameTable& names(PlsIndexMethod);

struct PlsBlock {
  std::string name;
  std::vector<std::string> indicators;  // survey columns
  PlsMode mode = PlsMode::reflective;
};

struct PlsPath {
  std::string from, to;
};

struct PlsSpec {
  std::vector<PlsBlock> blocks;
  std::vector<PlsPath> paths;
};

// The European index structure on the columns of data/ecsi_mobi (Tenenhaus et al. 2005):
// Image, Expectation, Quality, Value, Satisfaction, Complaints, Loyalty, 12 paths.
PlsSpec pls_ecsi();
// The American index structure on the same columns: the ECSI model without Image
// (Expectation, Quality, Value, Satisfaction, Complaints, Loyalty; 8 paths).
PlsSpec pls_acsi();

// A model from the spec text format (README, "PLS model files"): one statement per line,
//   block NAME [A|B]: COL, COL, ...       (mode A when omitted)
//   path FROM -> TO [, TO ...]
// with '#' comments and blank lines. parse_error "SOURCE:LINE: ..." on a malformed line;
// the model is then checked as validate_pls_spec does.
PlsSpec parse_pls_spec(std::string_view text, std::string_view source = "spec");

// The same from a file (io_error naming the path when it cannot be read, parse_error for a
// file larger than 1 MiB).
PlsSpec read_pls_spec(const std::string& path);
// A bundled model by name ("ecsi", "acsi") or else a spec file: what the CLI's --model takes.
PlsSpec pls_spec(const std::string& model);

// The blocks in an order in which every path goes forward (Boost.Graph's topological sort).
// invalid_argument naming the fault: no blocks, a block without indicators, duplicate block
// or indicator names, a path naming an unknown block, a self-loop or duplicate path, a cycle
// (naming a block on it), fewer than two blocks, or a block no path touches.
std::vector<std::size_t> validate_pls_spec(const PlsSpec& spec);

struct PlsOptions {
  PlsScheme scheme = PlsScheme::path;
  double tolerance = 1e-7;           // on the largest change of an outer weight
  std::size_t max_iterations = 300;
  PlsIndexMethod index = PlsIndexMethod::fornell;
  Scale scale{1, 10};                // of the answers, for the 0-100 index (ACSI uses 1-10)
  std::string ipma_target;           // target of the IPMA; empty = the last block of the spec
};

// The survey the model is fitted to: respondents x columns answers, their column names.
struct PlsData {
  Answers answers;
  std::vector<std::string> columns;
};

// Matrices over latent variables are L x L row-major, entry [from * L + to].
struct PlsResult {
  std::vector<std::string> latent;      // block names, spec order
  std::vector<std::string> indicator;   // indicators block after block
  std::vector<std::size_t> block_of;    // per indicator, its block
  std::size_t respondents = 0;
  std::size_t iterations = 0;
  std::vector<double> weights;          // outer weights (standardised data), per indicator
  std::vector<double> loadings;         // per indicator
  std::vector<double> path_coefficient; // per spec path, in spec order
  std::vector<double> paths;            // L x L (0 where there is no path)
  std::vector<double> total_effects;    // L x L
  std::vector<double> indirect_effects; // L x L
  std::vector<double> r2, r2_adjusted;  // per block; NaN for exogenous blocks
  std::vector<double> scores;           // respondents x L, standardised latent scores
  // Quality criteria per block (NaN where undefined: alpha of one indicator).
  std::vector<double> alpha_raw, alpha_standardised;  // Cronbach, from quality::reliability
  std::vector<double> rho_c;  // composite reliability (sum l)^2 / ((sum l)^2 + sum (1 - l^2))
  std::vector<double> rho_a;  // Dijkstra-Henseler (2015)
  std::vector<double> ave;    // mean squared loading
  // Heterotrait-monotrait ratio (Henseler, Ringle & Sarstedt 2015), L x L symmetric, NaN on
  // the diagonal; a one-indicator block's monotrait mean is taken as 1.
  std::vector<double> htmt;
  // Inner-model VIF of predictor `from` in the regression of `to`, L x L (NaN off paths).
  std::vector<double> vif;
  // sqrt(mean communality of the indicators of multi-indicator blocks x mean R^2).
  double gof = 0;
  // 0-100 index (options.index).
  std::vector<double> index_weights;    // per indicator; sum 1 within each block
  std::vector<double> index_mean;       // per block: mean index score
  std::vector<double> index_scores;     // respondents x L
  // Importance-performance map for the target: importance = unstandardised total effect of
  // each block on the target's 0-100 score (0 without a path; NaN for the target itself);
  // performance = index_mean.
  std::size_t ipma_target = 0;
  std::vector<double> ipma_importance;  // per block
};

// Fits `spec` to `data`. invalid_argument for an invalid spec, an indicator that is not a
// column, too few respondents (fewer than the largest regression needs + 2), a missing or
// infinite answer (naming respondent and column, 0-based respondent), a constant indicator,
// collinear indicators in a mode B block, index weights of a block that do not sum to a
// positive number (Fornell's method needs positive weights), or an unknown IPMA target;
// not_converged when the weights still change after max_iterations (naming the last change).
PlsResult pls_fit(const PlsSpec& spec, const PlsData& data, const PlsOptions& options = {});

struct PlsBootstrapOptions {
  std::size_t resamples = 5000;
  std::uint64_t seed = 1;
  double level = 0.95;  // of the percentile and BCa intervals
  int threads = 0;      // 0 = every core; the results do not depend on it
  // Called now and then from the calling thread with (done, total) resamples.
  std::function<void(std::size_t, std::size_t)> progress;
};

// One estimate with its bootstrap distribution's summary.
struct PlsEstimate {
  double estimate = 0;    // on the full sample
  double mean = 0;        // over the resamples
  double std_error = 0;   // their standard deviation (n - 1)
  double t = 0;           // estimate / std_error
  double lower = 0, upper = 0;          // percentile interval (R's quantile type 7)
  double bca_lower = 0, bca_upper = 0;  // bias-corrected and accelerated (Efron 1987;
                                        // acceleration from the jackknife)
};

struct PlsBootstrap {
  std::size_t resamples = 0;
  std::vector<PlsEstimate> paths;     // per spec path
  std::vector<PlsEstimate> weights;   // per indicator
  std::vector<PlsEstimate> loadings;  // per indicator
};

// Resamples respondents with replacement (resample b drawn by the project's SplitMix64 seeded
// from (seed, b), so the result is the same on any number of threads) and refits. A resample
// that cannot be fitted (a constant column, no convergence) is drawn again from the same
// stream. Runs on std::threads. Throws as pls_fit for the full sample, invalid_argument for
// zero or more than 10^6 resamples or a level outside (0, 1).
PlsBootstrap pls_bootstrap(const PlsSpec& spec, const PlsData& data, const PlsOptions& options,
                           const PlsBootstrapOptions& bootstrap);

}  // namespace quality
}  // namespace v0
}  // namespace crmkit
