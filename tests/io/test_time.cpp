// Day numbers from calendar text; checked against dates computed by hand.
#include <catch2/catch.hpp>

#include "crmkit/error.hpp"
#include "crmkit/io/time.hpp"

using crmkit::io::days_from_civil;
using crmkit::io::format_date;
using crmkit::io::parse_time;

TEST_CASE("time: day numbers of known dates", "[time]") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(1969, 12, 31) == -1);
  // 2000-03-01: 30 years of 365 days + 7 leap days (1972..1996) + 31 + 29 (2000 is leap).
  CHECK(days_from_civil(2000, 3, 1) == 30 * 365 + 7 + 31 + 29);
  // 1997-01-01 .. 1997-09-30 is 272 days: the CDNOW calibration period (T max 38.86 weeks).
  CHECK(days_from_civil(1997, 9, 30) - days_from_civil(1997, 1, 1) == 272);
  CHECK(days_from_civil(1900, 3, 1) - days_from_civil(1900, 2, 28) == 1);  // 1900 not leap
}

TEST_CASE("time: formats", "[time]") {
  const double d = static_cast<double>(days_from_civil(1997, 1, 18));
  CHECK(parse_time("1997-01-18") == d);
  CHECK(parse_time("19970118", "%Y%m%d") == d);
  CHECK(parse_time("18/01/1997 18:00", "%d/%m/%Y %H:%M") == d + 0.75);
  CHECK(parse_time("1997-01-18T06:00:00") == d + 0.25);
  CHECK(parse_time("1997-01-18 12:00") == d + 0.5);
  CHECK(parse_time("10134.5", "days") == 10134.5);
  CHECK(parse_time("100%", "100%%") == 0.0);
}

TEST_CASE("time: bad text and bad formats", "[time]") {
  using Catch::Contains;
  CHECK_THROWS_WITH(parse_time("1997-02-29"), Contains("day out of range"));
  CHECK_THROWS_WITH(parse_time("1997-13-01"), Contains("month out of range"));
  CHECK_THROWS_WITH(parse_time("1997-01-01 25:00"), Contains("time of day out of range"));
  CHECK_THROWS_WITH(parse_time("97-01-01"), Contains("cannot read time '97-01-01'"));
  CHECK_THROWS_WITH(parse_time("1997-01-01x"), Contains("expected YYYY-MM-DD"));
  CHECK_THROWS_WITH(parse_time("1997011", "%Y%m%d"), Contains("format '%Y%m%d'"));
  CHECK_THROWS_WITH(parse_time("x", "%Y%q"), Contains("unsupported directive"));
  CHECK_THROWS_WITH(parse_time("nan", "days"), Contains("a number of days"));
  CHECK_THROWS_AS(parse_time("", "iso"), crmkit::Error);
}

TEST_CASE("time: format_date inverts days_from_civil", "[time]") {
  for (long long y : {1600LL, 1899LL, 1970LL, 1997LL, 2000LL, 2024LL, 2400LL})
    for (unsigned m = 1; m <= 12; ++m) {
      char expected[16];
      std::snprintf(expected, sizeof expected, "%04lld-%02u-15", y, m);
      CHECK(format_date(static_cast<double>(days_from_civil(y, m, 15))) == expected);
    }
  CHECK(crmkit::io::format_time(0.75) == "1970-01-01 18:00:00");
}
