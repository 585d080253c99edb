#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

#include "crmkit/error.hpp"
#include "crmkit/io/archive.hpp"
#include "crmkit/value/clv/bg_bb.hpp"
#include "crmkit/value/clv/bg_nbd.hpp"
#include "crmkit/value/clv/gamma_gamma.hpp"
#include "crmkit/value/clv/mbg_nbd.hpp"
#include "crmkit/value/clv/pareto_nbd.hpp"

using crmkit::Error;
using crmkit::ErrorCode;
using crmkit::io::ArchiveKind;
using crmkit::value::BetaGeo;
using crmkit::value::ParetoNbd;

namespace {

BetaGeo fitted_bg() {
  // A small fitted model: customers (x, t_x, T).
  const std::vector<double> x{0, 1, 2, 5, 0, 3, 1, 7}, tx{0, 4, 10, 20, 0, 15, 2, 30},
      T{30, 30, 30, 30, 25, 28, 29, 31};
  BetaGeo m;
  crmkit::value::FitOptions o;
  o.require_convergence = false;
  m.fit(x.data(), tx.data(), T.data(), x.size(), o);
  return m;
}

std::string temp_path(const std::string& name) {
  return "/tmp/crmkit_test_archive_" + std::to_string(::getpid()) + "_" + name;
}

ErrorCode code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  FAIL("no crmkit::Error thrown");
  return ErrorCode::invalid_state;
}

}  // namespace

TEST_CASE("Archive round trip keeps parameters and fit diagnostics", "[io][archive]") {
  const BetaGeo m = fitted_bg();
  for (ArchiveKind kind : {ArchiveKind::text, ArchiveKind::binary}) {
    const std::string path = temp_path(kind == ArchiveKind::text ? "bg.txt" : "bg.bin");
    crmkit::io::save(path, m, kind);
    const BetaGeo back = crmkit::io::load<BetaGeo>(path);
    CHECK(back.parameter_vector() == m.parameter_vector());  // bit-exact, also in text
    CHECK(back.log_likelihood() == m.log_likelihood());
    CHECK(back.fit_result().iterations == m.fit_result().iterations);
    CHECK(back.fit_result().message == m.fit_result().message);
    CHECK(back.conditional_expected_purchases(39, 2, 20, 30) ==
          m.conditional_expected_purchases(39, 2, 20, 30));
    std::remove(path.c_str());
  }
  // Models built from parameters (no fit) round trip too, and stay "not fitted".
  const crmkit::value::GammaGamma gg(crmkit::value::GammaGamma::Params{6.25, 3.74, 15.44});
  const auto gg2 = crmkit::io::from_bytes<crmkit::value::GammaGamma>(crmkit::io::to_bytes(gg));
  CHECK(gg2.mean_spend() == gg.mean_spend());
  CHECK_THROWS_AS(gg2.fit_result(), Error);
  const crmkit::value::BetaGeoBetaBinom bb(crmkit::value::BetaGeoBetaBinom::Params{1.2, 0.75, 0.66, 2.8});
  CHECK(crmkit::io::from_bytes<crmkit::value::BetaGeoBetaBinom>(crmkit::io::to_bytes(bb, ArchiveKind::binary))
            .parameter_vector() == bb.parameter_vector());
  const crmkit::value::ModifiedBetaGeo mbg(crmkit::value::ModifiedBetaGeo::Params{0.5, 6, 0.9, 1.6});
  CHECK(crmkit::io::from_bytes<crmkit::value::ModifiedBetaGeo>(crmkit::io::to_bytes(mbg)).parameter_vector() ==
        mbg.parameter_vector());
}

TEST_CASE("Archive refuses another model type", "[io][archive][errors]") {
  const std::string bytes = crmkit::io::to_bytes(fitted_bg());
  CHECK(code_of([&] { crmkit::io::from_bytes<ParetoNbd>(bytes); }) == ErrorCode::invalid_argument);
  CHECK_THROWS_WITH(crmkit::io::from_bytes<ParetoNbd>(bytes),
                    Catch::Contains("crmkit.value.BetaGeo") && Catch::Contains("ParetoNbd"));
}

TEST_CASE("Archive detects damage before Boost sees the payload", "[io][archive][errors]") {
  for (ArchiveKind kind : {ArchiveKind::text, ArchiveKind::binary}) {
    const std::string good = crmkit::io::to_bytes(fitted_bg(), kind);
    // Truncation anywhere (a text archive cut short would otherwise load silently).
    for (std::size_t cut : {std::size_t{0}, std::size_t{5}, std::size_t{30}, good.size() / 2, good.size() - 1}) {
      CHECK(code_of([&] { crmkit::io::from_bytes<BetaGeo>(good.substr(0, cut)); }) == ErrorCode::corrupt_data);
    }
    // Every single-byte flip is caught (magic, version, lengths, tag, checksum or payload).
    for (std::size_t i = 0; i < good.size(); ++i) {
      std::string bad = good;
      bad[i] = static_cast<char>(bad[i] ^ 0x20);
      const ErrorCode c = code_of([&] { crmkit::io::from_bytes<BetaGeo>(bad); });
      // A flipped tag byte reads as another (unknown) type: invalid_argument; all else corrupt.
      CHECK((c == ErrorCode::corrupt_data || c == ErrorCode::invalid_argument));
    }
    // A huge declared payload length is refused by the bound, not allocated.
    std::string big = good;
    const std::size_t len_at = 20 + std::string(BetaGeo::archive_tag).size();
    for (int k = 0; k < 8; ++k) big[len_at + static_cast<std::size_t>(k)] = '\x7f';
    CHECK_THROWS_WITH(crmkit::io::from_bytes<BetaGeo>(big), Catch::Contains("payload length"));
  }
  CHECK_THROWS_WITH(crmkit::io::from_bytes<BetaGeo>("hello"), Catch::Contains("magic"));
}

TEST_CASE("Archive validates invariants of a well-formed but bad payload", "[io][archive][errors]") {
  // Re-wrap a payload whose parameter was edited to a negative value: the envelope is valid,
  // the object is not.
  const BetaGeo m(BetaGeo::Params{0.25, 4.4, 0.8, 2.4});
  const std::string bytes = crmkit::io::to_bytes(m);
  const auto env = crmkit::io::unwrap_envelope(bytes, BetaGeo::archive_tag);
  std::string payload = env.payload;
  const auto pos = payload.find("4.4");
  REQUIRE(pos != std::string::npos);
  payload.replace(pos, 3, "-4.4");
  const std::string rewrapped = crmkit::io::wrap_envelope(BetaGeo::archive_tag, ArchiveKind::text, payload);
  CHECK(code_of([&] { crmkit::io::from_bytes<BetaGeo>(rewrapped); }) == ErrorCode::corrupt_data);
  // Garbage payload inside a valid envelope: archive_exception mapped to corrupt_data.
  const std::string junk = crmkit::io::wrap_envelope(BetaGeo::archive_tag, ArchiveKind::binary, "not boost");
  CHECK(code_of([&] { crmkit::io::from_bytes<BetaGeo>(junk); }) == ErrorCode::corrupt_data);
}

TEST_CASE("Atomic save replaces the file and reports I/O errors", "[io][archive]") {
  const std::string path = temp_path("replace.bin");
  crmkit::io::save(path, BetaGeo(BetaGeo::Params{1, 2, 3, 4}));
  crmkit::io::save(path, BetaGeo(BetaGeo::Params{5, 6, 7, 8}));
  CHECK(crmkit::io::load<BetaGeo>(path).params().r == 5);
  std::remove(path.c_str());
  CHECK(code_of([] { crmkit::io::save("/nonexistent-dir/x.bin", BetaGeo(BetaGeo::Params{1, 2, 3, 4})); }) ==
        ErrorCode::io_error);
  CHECK(code_of([] { crmkit::io::load<BetaGeo>("/nonexistent-dir/x.bin"); }) == ErrorCode::io_error);
}

TEST_CASE("Forged binary models with a recomputed checksum load safely", "[io][archive][errors]") {
  // Issue 19 item 9: a byte other than 0 or 1 where a flag is stored was read into a bool
  // (undefined behaviour, reported by UBSan). Set every byte holding 0 or 1 to 2 in turn and
  // re-wrap the payload with a valid envelope: each forged file loads into a valid model or
  // fails with corrupt_data, and at least the three flags are caught by name.
  const BetaGeo m = fitted_bg();
  const auto env =
      crmkit::io::unwrap_envelope(crmkit::io::to_bytes(m, ArchiveKind::binary), BetaGeo::archive_tag);
  int flags_caught = 0;
  for (std::size_t i = 0; i < env.payload.size(); ++i) {
    if (env.payload[i] != 0 && env.payload[i] != 1) continue;
    std::string payload = env.payload;
    payload[i] = 2;
    const std::string forged =
        crmkit::io::wrap_envelope(BetaGeo::archive_tag, ArchiveKind::binary, payload);
    try {
      const BetaGeo back = crmkit::io::from_bytes<BetaGeo>(forged);
      back.check_invariants();
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::corrupt_data);
      if (std::string(e.what()).find("not 0 or 1") != std::string::npos) ++flags_caught;
    }
  }
  // has_params, has_fit and converged, and misaligned reads after a forged number class.
  CHECK(flags_caught >= 3);
}
