// Golden model files: archives written by a released format version, checked in under
// data/golden/clv/v<N>/ and loaded here, so that a change to the envelope, a
// BOOST_CLASS_VERSION or a serialize() body that breaks files already on the tills fails
// this test (DESIGN.md, "Persistence").
//
// Format v1 (envelope version 1, BOOST_CLASS_VERSION 1 for ModelState and every model), as
// written by commit 11b1c87 (vectors and the fit message through Boost's std::vector and
// std::string serialisation): each model fitted on its published data set (CDNOW for BG/NBD,
// Pareto/NBD, MBG/NBD and Gamma-Gamma, the donations data for BG/BB) plus a BG/NBD built from
// parameters (no fit), each saved as a text archive and as a binary one.
//
// Text archives are portable and are checked everywhere. Boost binary archives record the
// writer's type sizes and byte order and refuse others; the binary files here were written on
// x86-64 Linux (LP64, little-endian, Boost 1.74), so they are checked only on such a platform
// (elsewhere the text files still cover the format).
//
// Regenerate -- only when a NEW format version is introduced, into a NEW v<N> folder; never
// overwrite the files of a released version, they are the point of this test:
//   test_io "[.golden-write]"     (from the build tree; writes into the source tree's data/)
// after pointing kCurrentFormat at the new folder, then keep the printed table as the new
// folder's expected values next to kGolden and kGoldenV2, with its own TEST_CASE.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "crmkit/io/archive.hpp"
#include "crmkit/value/clv/bg_bb.hpp"
#include "crmkit/value/clv/bg_nbd.hpp"
#include "crmkit/value/clv/model.hpp"
#include "crmkit/value/clv/gamma_gamma.hpp"
#include "crmkit/value/clv/mbg_nbd.hpp"
#include "crmkit/value/clv/pareto_nbd.hpp"
#include "value/test_data.hpp"

using crmkit::io::ArchiveKind;
using crmkit::value::BetaGeo;
using crmkit::value::BetaGeoBetaBinom;
using crmkit::value::ClvModel;
using crmkit::value::ClvModelKind;
using crmkit::value::GammaGamma;
using crmkit::value::ModifiedBetaGeo;
using crmkit::value::ParetoNbd;

namespace {

// What the v1 files hold, printed with %.17g by the regeneration case (exact round trip).
struct Golden {
  const char* file;                  // stem under data/golden/clv/v1/
  std::vector<double> params;
  bool fitted;
  double log_likelihood;             // only when fitted
  std::size_t unique_rows;           // only when fitted
  bool converged = true;             // only when fitted; false: NaN standard errors (v2)
};

const std::vector<Golden> kGolden = {
    {"bg_nbd",
     {0.24259291022841326, 4.4135315929335457, 0.792886081809965, 2.4257531331427593},
     true, -9582.4255605673607, 1016},
    {"bg_nbd_params_only",
     {0.24299999999999999, 4.4139999999999997, 0.79300000000000004, 2.4260000000000002},
     false, 0, 0},
    {"pareto_nbd",
     {0.55327547242149067, 10.577611604332386, 0.60621363039776199, 11.667913406182407},
     true, -9594.9739298268632, 1016},
    {"mbg_nbd",
     {0.5248379820797866, 6.1829919875369939, 0.89135615267373303, 1.6139993346164385},
     true, -9582.1326848999051, 1016},
    {"bg_bb",
     {1.2035224180779678, 0.74971635479405241, 0.65671809817463933, 2.7834413957143349},
     true, -33225.581274346994, 22},
    {"gamma_gamma",
     {6.2488025074052675, 3.7445884526541033, 15.447747957850861},
     true, -4055.9232435028634, 753},
};

// Format v2 (ModelState version 2: numbers with a class byte so that NaN round-trips, flags
// as checked bytes), written by the write case below on the commit that introduced it; the
// edge model has NaN standard errors.
const std::vector<Golden> kGoldenV2 = {
    {"bg_nbd", {0.24259291022841326, 4.4135315929335457, 0.792886081809965, 2.4257531331427593}, true, -9582.4255605673607, 1016, true},
    {"bg_nbd_params_only", {0.24299999999999999, 4.4139999999999997, 0.79300000000000004, 2.4260000000000002}, false, 0, 0},
    {"pareto_nbd", {0.55327547277702638, 10.577611587787869, 0.60621358182169449, 11.667911974835711}, true, -9594.9739298268578, 1016, true},
    {"mbg_nbd", {0.52483788014260924, 6.1829913035620105, 0.8913559313623669, 1.6139993121380536}, true, -9582.1326848999088, 1016, true},
    {"bg_bb", {1.2035223974123841, 0.7497163492948874, 0.65671813476343066, 2.7834416275748111}, true, -33225.581274347023, 22, true},
    {"gamma_gamma", {6.2488025074052675, 3.7445884526541033, 15.447747957850861}, true, -4055.9232435028634, 753, true},
    {"pareto_nbd_edge", {3796.0474876066864, 148045.85020844694, 2.1833429785359088e-07, 5086697.5129875615}, true, -9.3271233038103674, 2, false},
};

// The folder the write case writes into: the current format.
constexpr int kCurrentFormat = 2;

std::string golden_path(const std::string& stem, ArchiveKind kind, int format = 1) {
  return crmkit_test::data_path("golden/clv/v" + std::to_string(format) + "/" + stem +
                                (kind == ArchiveKind::text ? ".txt" : ".bin"));
}

// The platform the binary files were written on (see the header comment).
bool binary_files_readable_here() {
  const unsigned one = 1;
  unsigned char first = 0;
  std::memcpy(&first, &one, 1);
  return sizeof(long) == 8 && sizeof(int) == 4 && first == 1;
}

template <class Model>
void check_golden(const Golden& g, ArchiveKind kind, int format) {
  INFO(golden_path(g.file, kind, format));
  const Model m = crmkit::io::load<Model>(golden_path(g.file, kind, format));
  REQUIRE(m.has_params());
  const Eigen::VectorXd p = m.parameter_vector();
  REQUIRE(static_cast<std::size_t>(p.size()) == g.params.size());
  for (std::size_t i = 0; i < g.params.size(); ++i) {
    CHECK(p[static_cast<Eigen::Index>(i)] == g.params[i]);
  }
  if (!g.fitted) {
    CHECK_THROWS_AS(m.fit_result(), crmkit::Error);
    return;
  }
  const auto& fit = m.fit_result();
  CHECK(fit.log_likelihood == g.log_likelihood);
  CHECK(fit.unique_rows == g.unique_rows);
  CHECK(fit.converged == g.converged);
  CHECK(fit.params == p);
  CHECK(fit.standard_errors.size() == p.size());
  // A fit at the edge of identifiability has undefined standard errors, kept as NaN.
  CHECK(std::isnan(fit.standard_errors[0]) == !g.converged);
}

template <class Model>
void check_both(const std::vector<Golden>& table, const char* stem, int format) {
  for (const Golden& g : table) {
    if (std::string(g.file) != stem) continue;
    check_golden<Model>(g, ArchiveKind::text, format);
    if (binary_files_readable_here()) check_golden<Model>(g, ArchiveKind::binary, format);
    return;
  }
  FAIL("no golden entry " << stem);
}

}  // namespace

TEST_CASE("Format v1 model files still load with their parameters and fit",
          "[io][archive][golden]") {
  REQUIRE(kGolden.size() == 6);
  check_both<BetaGeo>(kGolden, "bg_nbd", 1);
  check_both<BetaGeo>(kGolden, "bg_nbd_params_only", 1);
  check_both<ParetoNbd>(kGolden, "pareto_nbd", 1);
  check_both<ModifiedBetaGeo>(kGolden, "mbg_nbd", 1);
  check_both<BetaGeoBetaBinom>(kGolden, "bg_bb", 1);
  check_both<GammaGamma>(kGolden, "gamma_gamma", 1);
}

TEST_CASE("Format v1 model files load through ClvModel with the right kind",
          "[io][archive][golden]") {
  const std::pair<const char*, ClvModelKind> files[] = {
      {"bg_nbd", ClvModelKind::bg_nbd},   {"pareto_nbd", ClvModelKind::pareto_nbd},
      {"mbg_nbd", ClvModelKind::mbg_nbd}, {"bg_bb", ClvModelKind::bg_bb},
      {"gamma_gamma", ClvModelKind::gamma_gamma}};
  for (const auto& [stem, kind] : files) {
    INFO(stem);
    CHECK(ClvModel::load(golden_path(stem, ArchiveKind::text)).kind() == kind);
  }
}

TEST_CASE("Format v2 model files load, NaN standard errors included", "[io][archive][golden]") {
  REQUIRE(kGoldenV2.size() == 7);
  check_both<BetaGeo>(kGoldenV2, "bg_nbd", 2);
  check_both<BetaGeo>(kGoldenV2, "bg_nbd_params_only", 2);
  check_both<ParetoNbd>(kGoldenV2, "pareto_nbd", 2);
  check_both<ModifiedBetaGeo>(kGoldenV2, "mbg_nbd", 2);
  check_both<BetaGeoBetaBinom>(kGoldenV2, "bg_bb", 2);
  check_both<GammaGamma>(kGoldenV2, "gamma_gamma", 2);
  check_both<ParetoNbd>(kGoldenV2, "pareto_nbd_edge", 2);
}

// Hidden (not run by ctest): writes the files of the current format. See the header comment.
TEST_CASE("Write the golden model files of the current format", "[.golden-write]") {
  const auto cdnow =
      crmkit_test::read_numeric_csv("cdnow/cdnow_customers_summary_with_transactions.csv");
  const auto donations = crmkit_test::read_numeric_csv("donations/donations.csv");
  std::printf("const std::vector<Golden> kGolden = {\n");
  auto write = [](const auto& model, const char* stem, bool fitted) {
    crmkit::io::save(golden_path(stem, ArchiveKind::text, kCurrentFormat), model, ArchiveKind::text);
    crmkit::io::save(golden_path(stem, ArchiveKind::binary, kCurrentFormat), model,
                     ArchiveKind::binary);
    const Eigen::VectorXd p = model.parameter_vector();
    std::printf("    {\"%s\", {", stem);
    for (Eigen::Index i = 0; i < p.size(); ++i) std::printf("%s%.17g", i ? ", " : "", p[i]);
    if (fitted) {
      std::printf("}, true, %.17g, %zu, %s},\n", model.fit_result().log_likelihood,
                  model.fit_result().unique_rows, model.fit_result().converged ? "true" : "false");
    } else {
      std::printf("}, false, 0, 0},\n");
    }
  };
  BetaGeo bg;
  bg.fit(cdnow["x"], cdnow["t_x"], cdnow["T"]);
  write(bg, "bg_nbd", true);
  // FHL (2005) published parameters: a model shipped without its fit diagnostics.
  write(BetaGeo(BetaGeo::Params{0.243, 4.414, 0.793, 2.426}), "bg_nbd_params_only", false);
  ParetoNbd pnbd;
  pnbd.fit(cdnow["x"], cdnow["t_x"], cdnow["T"]);
  write(pnbd, "pareto_nbd", true);
  ModifiedBetaGeo mbg;
  mbg.fit(cdnow["x"], cdnow["t_x"], cdnow["T"]);
  write(mbg, "mbg_nbd", true);
  BetaGeoBetaBinom bb;
  bb.fit(donations["frequency"], donations["recency"], donations["periods"], donations["weights"]);
  write(bb, "bg_bb", true);
  GammaGamma gg;
  gg.fit(cdnow["x"], cdnow["zbar"]);
  write(gg, "gamma_gamma", true);
  // Format 2 keeps non-finite diagnostics: a Pareto/NBD fit on two histories stops at a
  // singular information matrix (NaN standard errors).
  ParetoNbd edge;
  crmkit::value::FitOptions lenient;
  lenient.require_convergence = false;
  const std::vector<double> x{2, 0}, tx{30, 0}, T{39, 39};
  edge.fit(x.data(), tx.data(), T.data(), 2, lenient);
  write(edge, "pareto_nbd_edge", true);
  std::printf("};\n");
}
