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
// after pointing the write case at the new folder (golden_path() names v1), then keep the
// printed table as the new folder's expected values next to kGolden, with its own TEST_CASE.
#include <catch2/catch.hpp>
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

std::string golden_path(const std::string& stem, ArchiveKind kind) {
  return crmkit_test::data_path("golden/clv/v1/" + stem +
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
void check_golden(const Golden& g, ArchiveKind kind) {
  INFO(golden_path(g.file, kind));
  const Model m = crmkit::io::load<Model>(golden_path(g.file, kind));
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
  CHECK(fit.converged);
  CHECK(fit.params == p);
  CHECK(fit.standard_errors.size() == p.size());
}

template <class Model>
void check_both(const char* stem) {
  for (const Golden& g : kGolden) {
    if (std::string(g.file) != stem) continue;
    check_golden<Model>(g, ArchiveKind::text);
    if (binary_files_readable_here()) check_golden<Model>(g, ArchiveKind::binary);
    return;
  }
  FAIL("no golden entry " << stem);
}

}  // namespace

TEST_CASE("Format v1 model files still load with their parameters and fit",
          "[io][archive][golden]") {
  REQUIRE(kGolden.size() == 6);
  check_both<BetaGeo>("bg_nbd");
  check_both<BetaGeo>("bg_nbd_params_only");
  check_both<ParetoNbd>("pareto_nbd");
  check_both<ModifiedBetaGeo>("mbg_nbd");
  check_both<BetaGeoBetaBinom>("bg_bb");
  check_both<GammaGamma>("gamma_gamma");
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

// Hidden (not run by ctest): writes the files of the current format. See the header comment.
TEST_CASE("Write the golden model files of the current format", "[.golden-write]") {
  const auto cdnow =
      crmkit_test::read_numeric_csv("cdnow/cdnow_customers_summary_with_transactions.csv");
  const auto donations = crmkit_test::read_numeric_csv("donations/donations.csv");
  std::printf("const std::vector<Golden> kGolden = {\n");
  auto write = [](const auto& model, const char* stem, bool fitted) {
    crmkit::io::save(golden_path(stem, ArchiveKind::text), model, ArchiveKind::text);
    crmkit::io::save(golden_path(stem, ArchiveKind::binary), model, ArchiveKind::binary);
    const Eigen::VectorXd p = model.parameter_vector();
    std::printf("    {\"%s\", {", stem);
    for (Eigen::Index i = 0; i < p.size(); ++i) std::printf("%s%.17g", i ? ", " : "", p[i]);
    if (fitted) {
      std::printf("}, true, %.17g, %zu},\n", model.fit_result().log_likelihood,
                  model.fit_result().unique_rows);
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
  std::printf("};\n");
}
