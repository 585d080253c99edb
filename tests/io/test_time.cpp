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

TEST_CASE("time: fields without zero padding, as strptime reads them", "[time]") {
  // Issue 19 item 18: the CFPB complaints file writes 8/30/2013.
  const double aug30 = static_cast<double>(days_from_civil(2013, 8, 30));
  CHECK(parse_time("8/30/2013", "%m/%d/%Y") == aug30);
  CHECK(parse_time("08/30/2013", "%m/%d/%Y") == aug30);
  CHECK(parse_time("1/2/2013", "%d/%m/%Y") == static_cast<double>(days_from_civil(2013, 2, 1)));
  // 9:05 and 9:5:7 in the day: (9 * 3600 + 5 * 60 [+ 7]) / 86400 of a day.
  CHECK(parse_time("8/30/2013 9:05", "%m/%d/%Y %H:%M") == aug30 + (9 * 3600 + 5 * 60) / 86400.0);
  CHECK(parse_time("8/30/2013 9:5:7", "%m/%d/%Y %H:%M:%S") ==
        aug30 + (9 * 3600 + 5 * 60 + 7) / 86400.0);
}

TEST_CASE("time: ISO's T separator and a trailing Z", "[time]") {
  const double aug30 = static_cast<double>(days_from_civil(2013, 8, 30));
  // 14:05 is (14 * 60 + 5) / 1440 of a day.
  CHECK(parse_time("2013-08-30T14:05:00") == aug30 + (14 * 60 + 5) / 1440.0);
  CHECK(parse_time("2013-08-30T14:05:00Z") == aug30 + (14 * 60 + 5) / 1440.0);
  CHECK(parse_time("2013-08-30T14:05Z") == aug30 + (14 * 60 + 5) / 1440.0);
  CHECK(parse_time("2013-08-30 14:05Z") == aug30 + (14 * 60 + 5) / 1440.0);
}

TEST_CASE("time: what is still refused", "[time]") {
  using Catch::Contains;
  // ISO fields are zero-padded; a date alone has no Z; other UTC offsets are not ignored.
  CHECK_THROWS_WITH(parse_time("2013-8-30"), Contains("cannot read time '2013-8-30'"));
  CHECK_THROWS_WITH(parse_time("2013-08-30Z"), Contains("expected YYYY-MM-DD"));
  CHECK_THROWS_WITH(parse_time("2013-08-30T"), Contains("expected YYYY-MM-DD"));
  CHECK_THROWS_WITH(parse_time("2013-08-30T14:05:00+02:00"), Contains("expected YYYY-MM-DD"));
  CHECK_THROWS_WITH(parse_time("2013-08-30T14:05:00ZZ"), Contains("expected YYYY-MM-DD"));
  CHECK_THROWS_WITH(parse_time("2013-08-30T14:5"), Contains("expected YYYY-MM-DD"));
  // Patterns: at most 2 digits a field, at least 1; years have 4 digits.
  CHECK_THROWS_WITH(parse_time("123/1/2013", "%m/%d/%Y"), Contains("format '%m/%d/%Y'"));
  CHECK_THROWS_WITH(parse_time("/30/2013", "%m/%d/%Y"), Contains("format '%m/%d/%Y'"));
  CHECK_THROWS_WITH(parse_time("8/30/13", "%m/%d/%Y"), Contains("format '%m/%d/%Y'"));
  CHECK_THROWS_WITH(parse_time("30/8/2013", "%m/%d/%Y"), Contains("month out of range"));
  // Fields next to each other with no separator need every digit: 1997-01-1 is not read
  // from 1997011 (strptime would), in either position.
  CHECK_THROWS_WITH(parse_time("1997011", "%Y%m%d"), Contains("format '%Y%m%d'"));
  CHECK_THROWS_WITH(parse_time("1/0119", "%d/%m%y"), Contains("unsupported directive"));
  CHECK_THROWS_WITH(parse_time("19971/01", "%Y%m/%d"), Contains("format '%Y%m/%d'"));
  // Years 0001-9999 and the matching day numbers (crmkit/io/time.hpp). Reference: Python's
  // date.toordinal(): 1970-01-01 is 719162 days after 0001-01-01, 9999-12-31 2932896 after
  // 1970-01-01.
  CHECK_THROWS_WITH(parse_time("0000-12-31"), Contains("year out of range (0001-9999)"));
  CHECK(parse_time("0001-01-01") == crmkit::io::kFirstDayNumber);
  CHECK(parse_time("9999-12-31") == crmkit::io::kEndDayNumber - 1);
  CHECK_THROWS_WITH(parse_time("1e308", "days"), Contains("a number of days from -719162"));
  CHECK_THROWS_WITH(parse_time("-1e308", "days"), Contains("a number of days from -719162"));
  CHECK_THROWS_WITH(parse_time("2932897", "days"), Contains("a number of days"));
  CHECK(parse_time("-719162", "days") == crmkit::io::kFirstDayNumber);
}
