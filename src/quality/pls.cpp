#include "crmkit/quality/pls.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include <Eigen/Dense>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>
#include <boost/math/distributions/normal.hpp>

#include "crmkit/error.hpp"
#include "crmkit/quality/reliability.hpp"
#include "detail/parallel.hpp"
#include "detail/quantile.hpp"
#include "detail/random.hpp"

namespace crmkit {
inline namespace v0 {
namespace quality {

const NameTable& names(PlsMode) {
  static constexpr const char* kNames[] = {"A", "B"};
  static constexpr NameTable table("PLS measurement mode", kNames);
  return table;
}

const NameTable& names(PlsScheme) {
  static constexpr const char* kNames[] = {"path", "centroid", "factorial"};
  static constexpr NameTable table("PLS inner weighting scheme", kNames);
  return table;
}

const NameTable& names(PlsIndexMethod) {
  static constexpr const char* kNames[] = {"fornell", "standardised"};
  static constexpr NameTable table("index method", kNames);
  return table;
}

namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

[[noreturn]] void invalid(const std::string& message) {
  throw Error(ErrorCode::invalid_argument, message);
}

std::vector<std::string> numbered(const std::string& prefix, int first, int last) {
  std::vector<std::string> out;
  for (int i = first; i <= last; ++i) out.push_back(prefix + std::to_string(i));
  return out;
}

// The ECSI blocks and paths without Image: the part ACSI shares.
PlsSpec index_core() {
  PlsSpec s;
  s.blocks = {{"Expectation", numbered("CUEX", 1, 3), PlsMode::reflective},
              {"Quality", numbered("PERQ", 1, 7), PlsMode::reflective},
              {"Value", numbered("PERV", 1, 2), PlsMode::reflective},
              {"Satisfaction", numbered("CUSA", 1, 3), PlsMode::reflective},
              {"Complaints", {"CUSCO"}, PlsMode::reflective},
              {"Loyalty", numbered("CUSL", 1, 3), PlsMode::reflective}};
  s.paths = {{"Expectation", "Quality"}, {"Expectation", "Value"}, {"Expectation", "Satisfaction"},
             {"Quality", "Value"},       {"Quality", "Satisfaction"}, {"Value", "Satisfaction"},
             {"Satisfaction", "Complaints"}, {"Satisfaction", "Loyalty"},
             {"Complaints", "Loyalty"}};
  return s;
}

// Internal form of a validated spec against a survey's columns.
struct Model {
  std::size_t blocks = 0, indicators = 0;
  std::vector<std::size_t> first;   // block b's indicators are [first[b], first[b + 1])
  std::vector<std::size_t> column;  // per indicator, the survey column
  std::vector<PlsMode> mode;
  std::vector<std::vector<std::size_t>> pred, succ;
  std::vector<std::pair<std::size_t, std::size_t>> path;  // spec order
  std::size_t size(std::size_t b) const { return first[b + 1] - first[b]; }
};

std::map<std::string, std::size_t> block_index(const PlsSpec& spec) {
  std::map<std::string, std::size_t> index;
  for (std::size_t b = 0; b < spec.blocks.size(); ++b) index.emplace(spec.blocks[b].name, b);
  return index;
}

Model make_model(const PlsSpec& spec, const std::vector<std::string>& columns) {
  validate_pls_spec(spec);
  Model m;
  m.blocks = spec.blocks.size();
  const auto index = block_index(spec);
  m.pred.resize(m.blocks);
  m.succ.resize(m.blocks);
  for (const PlsPath& p : spec.paths) {
    const std::size_t from = index.at(p.from), to = index.at(p.to);
    m.path.emplace_back(from, to);
    m.pred[to].push_back(from);
    m.succ[from].push_back(to);
  }
  for (auto& list : m.pred) std::sort(list.begin(), list.end());
  std::map<std::string, std::size_t> column_of;
  for (std::size_t c = 0; c < columns.size(); ++c) column_of.emplace(columns[c], c);
  m.first.push_back(0);
  for (const PlsBlock& b : spec.blocks) {
    for (const std::string& name : b.indicators) {
      const auto at = column_of.find(name);
      if (at == column_of.end())
        invalid("indicator " + name + " of block " + b.name + " is not a column of the survey");
      m.column.push_back(at->second);
    }
    m.mode.push_back(b.mode);
    m.first.push_back(m.column.size());
  }
  m.indicators = m.column.size();
  return m;
}

// Column sds (n - 1) of x.
VectorXd column_sd(const MatrixXd& x) {
  const VectorXd mean = x.colwise().mean();
  return ((x.rowwise() - mean.transpose()).colwise().squaredNorm() / double(x.rows() - 1))
      .cwiseSqrt()
      .transpose();
}

// x with each column centred and scaled to unit variance; `constant` is called with the
// first constant column.
template <class OnConstant>
MatrixXd standardise(const MatrixXd& x, OnConstant&& constant) {
  const VectorXd sd = column_sd(x);
  for (Eigen::Index c = 0; c < x.cols(); ++c)
    if (!(sd[c] > 1e-12 * (1 + x.col(c).cwiseAbs().maxCoeff()))) constant(std::size_t(c));
  const VectorXd mean = x.colwise().mean();
  return (x.rowwise() - mean.transpose()).array().rowwise() / sd.transpose().array();
}

double cor(const VectorXd& a, const VectorXd& b) { return a.dot(b) / double(a.size() - 1); }

// Latent scores X W per block, scaling each block's weights so its score has unit variance.
MatrixXd scores_of(const Model& m, const MatrixXd& x, VectorXd& w) {
  MatrixXd y(x.rows(), Eigen::Index(m.blocks));
  for (std::size_t b = 0; b < m.blocks; ++b) {
    const auto k = Eigen::Index(m.size(b)), at = Eigen::Index(m.first[b]);
    VectorXd s = x.middleCols(at, k) * w.segment(at, k);
    const double sd = std::sqrt(s.squaredNorm() / double(x.rows() - 1));
    if (!(sd > 0)) throw Error(ErrorCode::not_converged, "a latent variable's scores have no variance");
    w.segment(at, k) /= sd;
    y.col(Eigen::Index(b)) = s / sd;
  }
  return y;
}

// Inner weights E, Z = Y E: E(k, j) is the weight of variable k in variable j's proxy.
MatrixXd inner_weights(const Model& m, const MatrixXd& y, PlsScheme scheme) {
  const auto L = Eigen::Index(m.blocks);
  const MatrixXd r = y.transpose() * y / double(y.rows() - 1);
  MatrixXd e = MatrixXd::Zero(L, L);
  for (std::size_t j = 0; j < m.blocks; ++j) {
    const auto J = Eigen::Index(j);
    const auto adjacent = [&](std::size_t k) {
      const auto K = Eigen::Index(k);
      switch (scheme) {
        case PlsScheme::centroid: e(K, J) = r(K, J) < 0 ? -1.0 : 1.0; break;
        case PlsScheme::factorial:
        case PlsScheme::path: e(K, J) = r(K, J); break;
      }
    };
    for (std::size_t k : m.succ[j]) adjacent(k);
    if (scheme != PlsScheme::path) {
      for (std::size_t k : m.pred[j]) adjacent(k);
      continue;
    }
    const std::vector<std::size_t>& p = m.pred[j];
    if (p.empty()) continue;
    MatrixXd rpp(Eigen::Index(p.size()), Eigen::Index(p.size()));
    VectorXd rpj(Eigen::Index(p.size()));
    for (std::size_t a = 0; a < p.size(); ++a) {
      rpj[Eigen::Index(a)] = r(Eigen::Index(p[a]), J);
      for (std::size_t c = 0; c < p.size(); ++c)
        rpp(Eigen::Index(a), Eigen::Index(c)) = r(Eigen::Index(p[a]), Eigen::Index(p[c]));
    }
    const VectorXd beta = rpp.ldlt().solve(rpj);
    for (std::size_t a = 0; a < p.size(); ++a) e(Eigen::Index(p[a]), J) = beta[Eigen::Index(a)];
  }
  return e;
}

struct Fit {
  VectorXd w;
  MatrixXd y;
  std::size_t iterations = 0;
};

Fit estimate(const Model& m, const MatrixXd& x, const PlsOptions& o) {
  const double n1 = double(x.rows() - 1);
  Fit f;
  f.w = VectorXd::Ones(Eigen::Index(m.indicators));
  f.y = scores_of(m, x, f.w);
  double change = 0;
  for (std::size_t it = 1; it <= o.max_iterations; ++it) {
    const MatrixXd z = f.y * inner_weights(m, f.y, o.scheme);
    VectorXd w(f.w.size());
    for (std::size_t b = 0; b < m.blocks; ++b) {
      const auto k = Eigen::Index(m.size(b)), at = Eigen::Index(m.first[b]);
      const auto xb = x.middleCols(at, k);
      const VectorXd zb = z.col(Eigen::Index(b));
      w.segment(at, k) = m.mode[b] == PlsMode::reflective
                             ? VectorXd(xb.transpose() * zb / n1)
                             : VectorXd(MatrixXd(xb).colPivHouseholderQr().solve(zb));
    }
    f.y = scores_of(m, x, w);
    change = (w - f.w).cwiseAbs().maxCoeff();
    f.w = w;
    f.iterations = it;
    if (change < o.tolerance) return f;
  }
  std::ostringstream text;
  text << "PLS weights did not converge in " << o.max_iterations
       << " iterations: the last largest weight change was " << change << " (tolerance "
       << o.tolerance << "); raise the iteration limit or the tolerance";
  throw Error(ErrorCode::not_converged, text.str());
}

// Path coefficients B (L x L, [from][to]), R^2 and the inner VIFs from the latent scores.
struct Inner {
  MatrixXd b, vif;
  VectorXd r2;
};

Inner regress(const Model& m, const MatrixXd& y) {
  const auto L = Eigen::Index(m.blocks);
  const MatrixXd r = y.transpose() * y / double(y.rows() - 1);
  Inner in{MatrixXd::Zero(L, L), MatrixXd::Constant(L, L, NAN), VectorXd::Constant(L, NAN)};
  for (std::size_t j = 0; j < m.blocks; ++j) {
    const std::vector<std::size_t>& p = m.pred[j];
    if (p.empty()) continue;
    const auto P = Eigen::Index(p.size());
    MatrixXd rpp(P, P);
    VectorXd rpj(P);
    for (Eigen::Index a = 0; a < P; ++a) {
      rpj[a] = r(Eigen::Index(p[std::size_t(a)]), Eigen::Index(j));
      for (Eigen::Index c = 0; c < P; ++c)
        rpp(a, c) = r(Eigen::Index(p[std::size_t(a)]), Eigen::Index(p[std::size_t(c)]));
    }
    const VectorXd beta = rpp.ldlt().solve(rpj);
    const VectorXd vif = rpp.inverse().diagonal();
    for (Eigen::Index a = 0; a < P; ++a) {
      in.b(Eigen::Index(p[std::size_t(a)]), Eigen::Index(j)) = beta[a];
      in.vif(Eigen::Index(p[std::size_t(a)]), Eigen::Index(j)) = vif[a];
    }
    in.r2[Eigen::Index(j)] = beta.dot(rpj);
  }
  return in;
}

// The indicator columns of the survey, checked: complete and finite.
MatrixXd raw_indicators(const Model& m, const PlsData& data) {
  const Answers& a = data.answers;
  if (a.data == nullptr && a.respondents * a.items > 0) invalid("the survey's answers are a null pointer");
  if (a.items != data.columns.size())
    invalid("the survey has " + std::to_string(a.items) + " columns but " +
            std::to_string(data.columns.size()) + " column names");
  MatrixXd x(Eigen::Index(a.respondents), Eigen::Index(m.indicators));
  for (std::size_t r = 0; r < a.respondents; ++r)
    for (std::size_t i = 0; i < m.indicators; ++i) {
      const double v = a(r, m.column[i]);
      if (!std::isfinite(v))
        invalid("respondent " + std::to_string(r) + ", column " + data.columns[m.column[i]] + ": " +
                (std::isnan(v) ? "missing answer; PLS needs complete answers (drop or impute the respondent)"
                               : "infinite answer"));
      x(Eigen::Index(r), Eigen::Index(i)) = v;
    }
  return x;
}

// Statistics the bootstrap summarises, concatenated: spec paths, weights, loadings.
VectorXd statistics(const Model& m, const MatrixXd& x, const PlsOptions& o) {
  const Fit f = estimate(m, x, o);
  const Inner in = regress(m, f.y);
  const auto P = Eigen::Index(m.path.size()), K = Eigen::Index(m.indicators);
  VectorXd s(P + 2 * K);
  for (Eigen::Index p = 0; p < P; ++p)
    s[p] = in.b(Eigen::Index(m.path[std::size_t(p)].first), Eigen::Index(m.path[std::size_t(p)].second));
  s.segment(P, K) = f.w;
  for (std::size_t b = 0; b < m.blocks; ++b)
    for (std::size_t i = m.first[b]; i < m.first[b + 1]; ++i)
      s[P + K + Eigen::Index(i)] = cor(x.col(Eigen::Index(i)), f.y.col(Eigen::Index(b)));
  return s;
}

struct Prepared {
  Model model;
  MatrixXd raw, x;
  std::vector<std::string> names;  // per indicator
};

Prepared prepare(const PlsSpec& spec, const PlsData& data, const PlsOptions& o) {
  if (!(o.tolerance > 0) || !std::isfinite(o.tolerance)) invalid("the tolerance must be a positive number");
  if (o.max_iterations == 0) invalid("the iteration limit must be at least 1");
  Prepared p{make_model(spec, data.columns), {}, {}, {}};
  const Model& m = p.model;
  for (const PlsBlock& b : spec.blocks) p.names.insert(p.names.end(), b.indicators.begin(), b.indicators.end());
  std::size_t largest = 0;
  for (std::size_t b = 0; b < m.blocks; ++b) {
    largest = std::max(largest, m.pred[b].size());
    if (m.mode[b] == PlsMode::formative) largest = std::max(largest, m.size(b));
  }
  if (data.answers.respondents < std::max<std::size_t>(3, largest + 2))
    invalid("the model needs at least " + std::to_string(std::max<std::size_t>(3, largest + 2)) +
            " respondents; the survey has " + std::to_string(data.answers.respondents));
  p.raw = raw_indicators(m, data);
  p.x = standardise(p.raw, [&](std::size_t i) {
    invalid("indicator " + p.names[i] + " is constant (every respondent gave the same answer)");
  });
  for (std::size_t b = 0; b < m.blocks; ++b) {
    if (m.mode[b] != PlsMode::formative) continue;
    Eigen::ColPivHouseholderQR<MatrixXd> qr(p.x.middleCols(Eigen::Index(m.first[b]), Eigen::Index(m.size(b))));
    qr.setThreshold(1e-10);
    if (qr.rank() < Eigen::Index(m.size(b)))
      invalid("block " + spec.blocks[b].name +
              " (mode B) has perfectly collinear indicators; drop one or use mode A");
  }
  return p;
}

double sd_of(const VectorXd& v) { return std::sqrt((v.array() - v.mean()).square().sum() / double(v.size() - 1)); }

}  // namespace

PlsSpec pls_acsi() { return index_core(); }

PlsSpec pls_ecsi() {
  PlsSpec s = index_core();
  s.blocks.insert(s.blocks.begin(), {"Image", numbered("IMAG", 1, 5), PlsMode::reflective});
  s.paths.insert(s.paths.begin(), {{"Image", "Expectation"}, {"Image", "Satisfaction"}, {"Image", "Loyalty"}});
  return s;
}

std::vector<std::size_t> validate_pls_spec(const PlsSpec& spec) {
  if (spec.blocks.size() < 2) invalid("a PLS model needs at least two blocks joined by a path");
  std::set<std::string> indicators;
  for (const PlsBlock& b : spec.blocks) {
    if (b.name.empty()) invalid("a block has no name");
    if (b.indicators.empty()) invalid("block " + b.name + " has no indicators");
    for (const std::string& i : b.indicators)
      if (!indicators.insert(i).second) invalid("indicator " + i + " appears twice in the model");
  }
  const auto index = block_index(spec);
  if (index.size() != spec.blocks.size()) {
    std::set<std::string> seen;
    for (const PlsBlock& b : spec.blocks)
      if (!seen.insert(b.name).second) invalid("block " + b.name + " is defined twice");
  }
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  Graph g(spec.blocks.size());
  std::set<std::pair<std::size_t, std::size_t>> edges;
  std::vector<bool> touched(spec.blocks.size());
  for (const PlsPath& p : spec.paths) {
    const auto from = index.find(p.from), to = index.find(p.to);
    if (from == index.end()) invalid("path " + p.from + " -> " + p.to + ": no block named " + p.from);
    if (to == index.end()) invalid("path " + p.from + " -> " + p.to + ": no block named " + p.to);
    if (from->second == to->second) invalid("path " + p.from + " -> " + p.to + " is a self-loop");
    if (!edges.emplace(from->second, to->second).second)
      invalid("path " + p.from + " -> " + p.to + " is given twice");
    boost::add_edge(from->second, to->second, g);
    touched[from->second] = touched[to->second] = true;
  }
  for (std::size_t b = 0; b < spec.blocks.size(); ++b)
    if (!touched[b]) invalid("block " + spec.blocks[b].name + " is on no path");
  std::vector<std::size_t> reversed;
  try {
    boost::topological_sort(g, std::back_inserter(reversed));
  } catch (const boost::not_a_dag&) {
    // Name a block on a cycle: repeatedly strip blocks without predecessors; what remains
    // lies on or behind a cycle, and one with a remaining predecessor is on one.
    std::vector<std::size_t> indegree(spec.blocks.size());
    for (const auto& e : edges) ++indegree[e.second];
    std::vector<bool> gone(spec.blocks.size());
    for (bool progress = true; progress;) {
      progress = false;
      for (std::size_t b = 0; b < spec.blocks.size(); ++b)
        if (!gone[b] && indegree[b] == 0) {
          gone[b] = progress = true;
          for (const auto& e : edges)
            if (e.first == b) --indegree[e.second];
        }
    }
    const auto on = std::find(gone.begin(), gone.end(), false) - gone.begin();
    invalid("the paths form a cycle through block " + spec.blocks[std::size_t(on)].name +
            "; a PLS path model must be acyclic");
  }
  return {reversed.rbegin(), reversed.rend()};
}

PlsSpec parse_pls_spec(std::string_view text, std::string_view source) {
  PlsSpec spec;
  std::istringstream in{std::string(text)};
  std::string line;
  const auto fail = [&](std::size_t n, const std::string& what) {
    throw Error(ErrorCode::parse_error, std::string(source) + ":" + std::to_string(n) + ": " + what);
  };
  const auto trim = [](std::string s) {
    const auto a = s.find_first_not_of(" \t\r"), b = s.find_last_not_of(" \t\r");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
  };
  const auto list = [&](const std::string& s, std::size_t n, const char* what) {
    std::vector<std::string> out;
    std::istringstream items(s);
    for (std::string item; std::getline(items, item, ',');) {
      item = trim(item);
      if (item.empty() || item.find_first_of(" \t") != std::string::npos)
        fail(n, std::string("expected a comma-separated list of ") + what);
      out.push_back(item);
    }
    if (out.empty()) fail(n, std::string("expected a comma-separated list of ") + what);
    return out;
  };
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    std::istringstream words(line);
    std::string keyword;
    words >> keyword;
    std::string rest;
    std::getline(words, rest);
    rest = trim(rest);
    if (keyword == "block") {
      const auto colon = rest.find(':');
      if (colon == std::string::npos) fail(n, "expected 'block NAME [A|B]: COLUMN, ...'");
      std::istringstream head(rest.substr(0, colon));
      PlsBlock b;
      std::string mode, extra;
      head >> b.name >> mode >> extra;
      if (b.name.empty() || !extra.empty()) fail(n, "expected 'block NAME [A|B]: COLUMN, ...'");
      if (!mode.empty()) {
        if (mode == "A") b.mode = PlsMode::reflective;
        else if (mode == "B") b.mode = PlsMode::formative;
        else fail(n, "mode '" + mode + "' is neither A (reflective) nor B (formative)");
      }
      b.indicators = list(rest.substr(colon + 1), n, "columns");
      spec.blocks.push_back(std::move(b));
    } else if (keyword == "path") {
      const auto arrow = rest.find("->");
      if (arrow == std::string::npos) fail(n, "expected 'path FROM -> TO[, TO ...]'");
      const std::string from = trim(rest.substr(0, arrow));
      if (from.empty() || from.find_first_of(" \t,") != std::string::npos)
        fail(n, "expected 'path FROM -> TO[, TO ...]'");
      for (const std::string& to : list(rest.substr(arrow + 2), n, "blocks")) spec.paths.push_back({from, to});
    } else {
      fail(n, "unknown statement '" + keyword + "' (expected block or path)");
    }
  }
  try {
    validate_pls_spec(spec);
  } catch (const Error& e) {
    throw Error(ErrorCode::invalid_argument, std::string(source) + ": " + e.what());
  }
  return spec;
}

PlsSpec read_pls_spec(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io_error, path + ": cannot open the PLS model file");
  constexpr std::size_t kMaxBytes = std::size_t{1} << 20;
  std::string text(kMaxBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) throw Error(ErrorCode::io_error, path + ": read error");
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > kMaxBytes) throw Error(ErrorCode::parse_error, path + ": a PLS model file is at most 1 MiB");
  return parse_pls_spec(text, path);
}

PlsSpec pls_spec(const std::string& model) {
  if (model == "ecsi") return pls_ecsi();
  if (model == "acsi") return pls_acsi();
  return read_pls_spec(model);
}

PlsResult pls_fit(const PlsSpec& spec, const PlsData& data, const PlsOptions& o) {
  if (!(o.scale.min < o.scale.max) || !std::isfinite(o.scale.min) || !std::isfinite(o.scale.max))
    invalid("the index scale needs finite MIN < MAX");
  const Prepared pr = prepare(spec, data, o);
  const Model& m = pr.model;
  const MatrixXd& x = pr.x;
  const auto n = x.rows(), L = Eigen::Index(m.blocks);
  const Fit f = estimate(m, x, o);
  const Inner in = regress(m, f.y);

  PlsResult r;
  for (const PlsBlock& b : spec.blocks) r.latent.push_back(b.name);
  r.indicator = pr.names;
  for (std::size_t b = 0; b < m.blocks; ++b) r.block_of.insert(r.block_of.end(), m.size(b), b);
  r.respondents = std::size_t(n);
  r.iterations = f.iterations;
  r.weights.assign(f.w.data(), f.w.data() + f.w.size());
  for (std::size_t i = 0; i < m.indicators; ++i)
    r.loadings.push_back(cor(x.col(Eigen::Index(i)), f.y.col(Eigen::Index(r.block_of[i]))));
  for (const auto& p : m.path) r.path_coefficient.push_back(in.b(Eigen::Index(p.first), Eigen::Index(p.second)));
  const auto flat = [](const MatrixXd& a) {  // row-major [from][to]
    std::vector<double> v;
    for (Eigen::Index i = 0; i < a.rows(); ++i)
      for (Eigen::Index j = 0; j < a.cols(); ++j) v.push_back(a(i, j));
    return v;
  };
  r.paths = flat(in.b);
  const MatrixXd identity = MatrixXd::Identity(L, L);
  const MatrixXd total = (identity - in.b).inverse() - identity;  // B + B^2 + ...: B is nilpotent
  r.total_effects = flat(total);
  r.indirect_effects = flat(total - in.b);
  r.vif = flat(in.vif);
  for (std::size_t b = 0; b < m.blocks; ++b) {
    const double r2 = in.r2[Eigen::Index(b)];
    const double k = double(m.pred[b].size());
    r.r2.push_back(r2);
    r.r2_adjusted.push_back(1 - (1 - r2) * double(n - 1) / (double(n) - k - 1));
  }
  r.scores.reserve(std::size_t(n * L));
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index b = 0; b < L; ++b) r.scores.push_back(f.y(i, b));

  // Quality criteria.
  const MatrixXd c = x.transpose() * x / double(n - 1);
  std::vector<double> monotrait;
  double communality = 0, r2_sum = 0;
  std::size_t communal = 0, endogenous = 0;
  for (std::size_t b = 0; b < m.blocks; ++b) {
    const std::size_t k = m.size(b), at = m.first[b];
    double sum_l = 0, sum_l2 = 0;
    for (std::size_t i = at; i < at + k; ++i) {
      sum_l += r.loadings[i];
      sum_l2 += r.loadings[i] * r.loadings[i];
    }
    r.rho_c.push_back(sum_l * sum_l / (sum_l * sum_l + double(k) - sum_l2));
    r.ave.push_back(sum_l2 / double(k));
    if (k > 1) {
      communality += sum_l2;
      communal += k;
    }
    if (!m.pred[b].empty()) {
      r2_sum += in.r2[Eigen::Index(b)];
      ++endogenous;
    }
    const VectorXd w = f.w.segment(Eigen::Index(at), Eigen::Index(k));
    const MatrixXd s = c.block(Eigen::Index(at), Eigen::Index(at), Eigen::Index(k), Eigen::Index(k));
    const double ww = w.squaredNorm();
    const double off = w.dot(s * w) - w.dot(s.diagonal().cwiseProduct(w));
    const double cross = ww * ww - w.array().pow(4).sum();
    r.rho_a.push_back(k == 1 ? 1.0 : ww * ww * off / cross);
    double mono = 0;
    for (std::size_t i = at; i < at + k; ++i)
      for (std::size_t j = i + 1; j < at + k; ++j) mono += c(Eigen::Index(i), Eigen::Index(j));
    monotrait.push_back(k == 1 ? 1.0 : mono / double(k * (k - 1) / 2));
    if (k == 1) {
      r.alpha_raw.push_back(NAN);
      r.alpha_standardised.push_back(NAN);
    } else {
      std::vector<double> block(std::size_t(n) * k);
      for (Eigen::Index i = 0; i < n; ++i)
        for (std::size_t j = 0; j < k; ++j) block[std::size_t(i) * k + j] = pr.raw(i, Eigen::Index(at + j));
      const ReliabilityResult rel = reliability({block.data(), std::size_t(n), k});
      r.alpha_raw.push_back(rel.alpha_raw);
      r.alpha_standardised.push_back(rel.alpha_standardised);
    }
  }
  r.htmt.assign(std::size_t(L * L), NAN);
  for (std::size_t a = 0; a < m.blocks; ++a)
    for (std::size_t b = 0; b < m.blocks; ++b) {
      if (a == b) continue;
      double hetero = 0;
      for (std::size_t i = m.first[a]; i < m.first[a + 1]; ++i)
        for (std::size_t j = m.first[b]; j < m.first[b + 1]; ++j) hetero += c(Eigen::Index(i), Eigen::Index(j));
      hetero /= double(m.size(a) * m.size(b));
      r.htmt[a * m.blocks + b] = hetero / std::sqrt(monotrait[a] * monotrait[b]);
    }
  r.gof = std::sqrt((communal ? communality / double(communal) : NAN) * r2_sum / double(endogenous));

  // 0-100 index scores.
  const VectorXd raw_sd = column_sd(pr.raw);
  MatrixXd index(n, L);
  r.index_weights.resize(m.indicators);
  for (std::size_t b = 0; b < m.blocks; ++b) {
    double sum = 0;
    for (std::size_t i = m.first[b]; i < m.first[b + 1]; ++i) {
      const double w = f.w[Eigen::Index(i)];
      r.index_weights[i] = o.index == PlsIndexMethod::fornell ? w / raw_sd[Eigen::Index(i)] : w;
      sum += r.index_weights[i];
    }
    if (!(sum > 0))
      invalid("block " + spec.blocks[b].name + ": its " + name_of(o.index) +
              " index weights sum to " + std::to_string(sum) + "; a 0-100 index needs a positive sum");
    VectorXd s = VectorXd::Zero(n);
    for (std::size_t i = m.first[b]; i < m.first[b + 1]; ++i) {
      r.index_weights[i] /= sum;
      s += r.index_weights[i] * pr.raw.col(Eigen::Index(i));
    }
    index.col(Eigen::Index(b)) = (s.array() - o.scale.min) / o.scale.range() * 100;
    r.index_mean.push_back(index.col(Eigen::Index(b)).mean());
  }
  r.index_scores = flat(index);

  // Importance-performance map.
  r.ipma_target = m.blocks - 1;
  if (!o.ipma_target.empty()) {
    const auto at = std::find(r.latent.begin(), r.latent.end(), o.ipma_target);
    if (at == r.latent.end()) invalid("IPMA target " + o.ipma_target + " is not a block of the model");
    r.ipma_target = std::size_t(at - r.latent.begin());
  }
  const auto t = Eigen::Index(r.ipma_target);
  // The index score is an increasing linear function of the standardised score, so the
  // unstandardised total effect is the standardised one times the ratio of the index sds.
  for (Eigen::Index b = 0; b < L; ++b)
    r.ipma_importance.push_back(b == t ? NAN : total(b, t) * sd_of(index.col(t)) / sd_of(index.col(b)));
  return r;
}

namespace {

// The stream of bootstrap resample b: its own SplitMix64, seeded from (seed, b).
crmkit::detail::SplitMix64 resample_stream(std::uint64_t seed, std::size_t b) {
  return crmkit::detail::SplitMix64(crmkit::detail::SplitMix64(seed ^ (0xD1B54A32D192ED03ull * (b + 1))).next());
}

PlsEstimate summarise(double estimate, std::vector<double> boot, const std::vector<double>& jack,
                      double level) {
  PlsEstimate e;
  e.estimate = estimate;
  const double B = double(boot.size());
  double mean = 0;
  for (double v : boot) mean += v;
  mean /= B;
  double ss = 0;
  for (double v : boot) ss += (v - mean) * (v - mean);
  e.mean = mean;
  e.std_error = std::sqrt(ss / (B - 1));
  e.t = estimate / e.std_error;
  std::sort(boot.begin(), boot.end());
  const double lo = (1 - level) / 2, hi = (1 + level) / 2;
  e.lower = crmkit::detail::quantile(boot, lo);
  e.upper = crmkit::detail::quantile(boot, hi);
  // BCa: bias correction z0 from the share of resamples below the estimate, acceleration
  // from the jackknife's skewness (Efron & Tibshirani 1993, ch. 14).
  const double below = double(std::lower_bound(boot.begin(), boot.end(), estimate) - boot.begin());
  e.bca_lower = e.bca_upper = NAN;
  if (below <= 0 || below >= B) return e;
  const boost::math::normal normal;
  const double z0 = boost::math::quantile(normal, below / B);
  double jmean = 0;
  for (double v : jack) jmean += v;
  jmean /= double(jack.size());
  double num = 0, den = 0;
  for (double v : jack) {
    const double d = jmean - v;
    num += d * d * d;
    den += d * d;
  }
  const double a = den > 0 ? num / (6 * std::pow(den, 1.5)) : 0;
  const auto adjusted = [&](double p) {
    const double z = z0 + boost::math::quantile(normal, p);
    return boost::math::cdf(normal, z0 + z / (1 - a * z));
  };
  e.bca_lower = crmkit::detail::quantile(boot, adjusted(lo));
  e.bca_upper = crmkit::detail::quantile(boot, adjusted(hi));
  return e;
}

}  // namespace

PlsBootstrap pls_bootstrap(const PlsSpec& spec, const PlsData& data, const PlsOptions& o,
                           const PlsBootstrapOptions& bo) {
  if (bo.resamples == 0 || bo.resamples > 1000000) invalid("bootstrap resamples must be between 1 and 10^6");
  if (!(bo.level > 0 && bo.level < 1)) invalid("the confidence level must lie in (0, 1)");
  const Prepared pr = prepare(spec, data, o);
  const Model& m = pr.model;
  const VectorXd full = statistics(m, pr.x, o);
  const auto n = pr.raw.rows();
  const std::size_t S = std::size_t(full.size());
  const auto unusable = [](std::size_t) { throw Error(ErrorCode::invalid_argument, "constant column"); };

  // Resamples in fixed chunks (boundaries independent of the thread count).
  constexpr std::size_t kChunk = 25, kAttempts = 100;
  std::vector<double> boot(bo.resamples * S);
  std::atomic<std::size_t> done{0};
  const std::thread::id caller = std::this_thread::get_id();
  crmkit::detail::run_tasks((bo.resamples + kChunk - 1) / kChunk, crmkit::detail::thread_count(bo.threads), [&](std::size_t t) {
    MatrixXd x(n, pr.raw.cols());
    for (std::size_t b = t * kChunk; b < std::min(bo.resamples, (t + 1) * kChunk); ++b) {
      crmkit::detail::SplitMix64 rng = resample_stream(bo.seed, b);
      for (std::size_t attempt = 0;; ++attempt) {
        if (attempt == kAttempts)
          throw Error(ErrorCode::not_converged, "bootstrap resample " + std::to_string(b) + " could not be fitted in " +
                                                    std::to_string(kAttempts) + " draws");
        for (Eigen::Index i = 0; i < n; ++i)
          x.row(i) = pr.raw.row(Eigen::Index(rng.next() % std::uint64_t(n)));
        try {
          const VectorXd s = statistics(m, standardise(x, unusable), o);
          std::copy(s.data(), s.data() + s.size(), boot.begin() + std::ptrdiff_t(b * S));
          break;
        } catch (const Error&) {
        }
      }
      ++done;
    }
    if (bo.progress && std::this_thread::get_id() == caller) bo.progress(done.load(), bo.resamples);
  });

  // Jackknife (leave one respondent out) for the BCa acceleration.
  std::vector<double> jack(std::size_t(n) * S);
  crmkit::detail::run_tasks(std::size_t(n), crmkit::detail::thread_count(bo.threads), [&](std::size_t i) {
    MatrixXd x(n - 1, pr.raw.cols());
    x.topRows(Eigen::Index(i)) = pr.raw.topRows(Eigen::Index(i));
    x.bottomRows(n - 1 - Eigen::Index(i)) = pr.raw.bottomRows(n - 1 - Eigen::Index(i));
    try {
      const VectorXd s = statistics(m, standardise(x, unusable), o);
      std::copy(s.data(), s.data() + s.size(), jack.begin() + std::ptrdiff_t(i * S));
    } catch (const Error&) {
      std::fill_n(jack.begin() + std::ptrdiff_t(i * S), S, NAN);
    }
  });

  PlsBootstrap out;
  out.resamples = bo.resamples;
  const std::size_t P = m.path.size(), K = m.indicators;
  for (std::size_t s = 0; s < S; ++s) {
    std::vector<double> column(bo.resamples), jcol;
    for (std::size_t b = 0; b < bo.resamples; ++b) column[b] = boot[b * S + s];
    for (Eigen::Index i = 0; i < n; ++i)
      if (std::isfinite(jack[std::size_t(i) * S + s])) jcol.push_back(jack[std::size_t(i) * S + s]);
    PlsEstimate e = summarise(full[Eigen::Index(s)], std::move(column), jcol, bo.level);
    (s < P ? out.paths : s < P + K ? out.weights : out.loadings).push_back(e);
  }
  if (bo.progress) bo.progress(bo.resamples, bo.resamples);
  return out;
}

}  // namespace quality
}  // namespace v0
}  // namespace crmkit
