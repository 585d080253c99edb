// CsvReader: dialects, quoting, line ends, BOM, header mapping, bounded memory, errors that
// name file, line and column.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "crmkit/error.hpp"
#include "crmkit/io/csv.hpp"

using crmkit::Error;
using crmkit::ErrorCode;
using crmkit::io::CsvOptions;
using crmkit::io::CsvReader;

namespace {

std::vector<std::vector<std::string>> read_all(const std::string& text, CsvOptions o = {}) {
  std::istringstream in(text);
  CsvReader r(in, "mem.csv", o);
  std::vector<std::vector<std::string>> rows;
  while (r.next()) {
    std::vector<std::string> row;
    for (std::size_t i = 0; i < r.size(); ++i) row.emplace_back(r.field(i));
    rows.push_back(row);
  }
  return rows;
}

// The message of the error `text` raises, checked to be a parse_error.
std::string parse_error_of(const std::string& text, CsvOptions o = {}) {
  try {
    read_all(text, o);
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::parse_error);
    return e.what();
  }
  FAIL("no error for: " << text);
  return "";
}

}  // namespace

TEST_CASE("csv: quoted fields, escaped quotes, embedded delimiters and newlines", "[csv]") {
  auto rows = read_all("a,b,c\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\n,,\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == std::vector<std::string>{"x,1", "say \"hi\"", "two\nlines"});
  CHECK(rows[1] == std::vector<std::string>{"", "", ""});
}

TEST_CASE("csv: CRLF, BOM, blank lines and a missing final newline", "[csv]") {
  std::istringstream in("\xEF\xBB\xBFid;value\r\n\r\n1;2\r\n3;4");
  CsvReader r(in, "mem.csv");
  CHECK(r.delimiter() == ';');
  CHECK(r.header() == std::vector<std::string>{"id", "value"});
  REQUIRE(r.next());
  CHECK(r.field(1) == "2");
  CHECK(r.line() == 3);  // line 2 was blank
  REQUIRE(r.next());
  CHECK(r.field(0) == "3");
  CHECK(r.field(1) == "4");
  CHECK_FALSE(r.next());
}

TEST_CASE("csv: whitespace-delimited records as in the CDNOW files", "[csv]") {
  CsvOptions o;
  o.delimiter = CsvOptions::kWhitespace;
  o.has_header = false;
  auto rows = read_all(" 00004 0001 19970101  2   29.33\r\n\t00004  0001 19970118 2 29.73  \r\n", o);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == std::vector<std::string>{"00004", "0001", "19970101", "2", "29.33"});
  CHECK(rows[1][4] == "29.73");
}

TEST_CASE("csv: the delimiter is detected from the first line", "[csv]") {
  CHECK(read_all("a\tb\n1\t2\n")[0][1] == "2");
  CHECK(read_all("a b\n1 2\n")[0][1] == "2");
  CHECK(read_all("a,b\n1,2\n")[0][1] == "2");
}

TEST_CASE("csv: header mapping by name and by number", "[csv]") {
  std::istringstream in("customer_id,date,amount\n1,2020-01-01,5\n");
  CsvReader r(in, "mem.csv");
  CHECK(r.column("amount") == 2);
  CHECK(r.column_ref("date") == 1);
  try {
    r.column("spend");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) ==
          "mem.csv:1: no column named 'spend' (columns: customer_id, date, amount)");
  }
  CsvOptions no_header;
  no_header.has_header = false;
  std::istringstream in2("1,2\n");
  CsvReader r2(in2, "mem.csv", no_header);
  CHECK(r2.column_ref("2") == 1);
  CHECK_THROWS_WITH(r2.column_ref("amount"), Catch::Contains("1-based number"));
}

TEST_CASE("csv: errors name file, line and column", "[csv]") {
  CHECK(parse_error_of("a,b\n1,2\n3\n") == "mem.csv:3:1: expected 2 fields, found 1");
  CHECK(parse_error_of("a,b\n1,2,3\n") == "mem.csv:2:3: expected 2 fields, found 3");
  CHECK(parse_error_of("a,b\n\"1\"x,2\n") == "mem.csv:2:4: unexpected character after a closing quote");
  CHECK_THAT(parse_error_of("a,b\n1,\"open\n"), Catch::Contains("mem.csv:2:") &&
                                                  Catch::Contains("not closed before the end"));
  CHECK(parse_error_of("") == "mem.csv: empty file (no header line)");
}

TEST_CASE("csv: numbers", "[csv]") {
  std::istringstream in("x\n 12.5 \nabc\n1e999\n");
  CsvReader r(in, "mem.csv");
  REQUIRE(r.next());
  CHECK(r.number(0) == 12.5);
  REQUIRE(r.next());
  CHECK_THROWS_WITH(r.number(0), "mem.csv:3:1: 'abc' is not a number");
  REQUIRE(r.next());
  CHECK_THROWS_WITH(r.number(0), "mem.csv:4:1: '1e999' is out of range");
}

TEST_CASE("csv: a record longer than the limit is an error, not an allocation", "[csv]") {
  CsvOptions o;
  o.max_record_bytes = 1000;
  std::string text = "a\n" + std::string(5000, 'x') + "\n";
  CHECK(parse_error_of(text, o) == "mem.csv:2:1: record longer than the limit of 1000 bytes");
  // A record just under the limit, spanning several buffer refills, is read whole.
  std::string ok = "a\n" + std::string(990, 'y') + "\n";
  CHECK(read_all(ok, o)[0][0].size() == 990);
}

TEST_CASE("csv: field and record counts have limits the caller can move", "[csv]") {
  // Defaults: 10,000 fields per record, 100 million records.
  CHECK(CsvOptions{}.max_fields == 10000);
  CHECK(CsvOptions{}.max_records == 100000000);
  CsvOptions o;
  o.max_fields = 3;
  CHECK(read_all("a,b,c\n1,2,3\n", o).size() == 1);  // rows after the header
  // The fourth field starts at byte 7 of line 1 ("a,b,c,d").
  CHECK(parse_error_of("a,b,c,d\n", o) == "mem.csv:1:7: more than 3 fields in one record (the max_fields limit)");
  // A line of 100,000 commas under the default limit stops at field 10,001 (byte 10,001).
  CHECK(parse_error_of(std::string(100000, ',') + "\n") ==
        "mem.csv:1:10001: more than 10000 fields in one record (the max_fields limit)");
  o = CsvOptions{};
  o.max_records = 3;  // the header and two rows
  CHECK(read_all("a\n1\n2\n", o).size() == 2);
  CHECK(parse_error_of("a\n1\n2\n3\n", o) == "mem.csv:4: more than 3 records (the max_records limit)");
  o.max_records = 0;
  CHECK_THROWS_AS(read_all("a\n", o), Error);
}

TEST_CASE("csv: a 2 GB line fails fast with bounded memory", "[csv]") {
  // A sparse 2 GiB file of one line: the reader must stop at its record limit (16 MiB by
  // default) instead of reading, or allocating, the whole line.
  namespace fs = std::filesystem;
  fs::path path = fs::temp_directory_path() / "crmkit_test_2gb_line.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "customer_id,date,amount\n";
  }
  fs::resize_file(path, (std::uintmax_t{2} << 30) + 24);
  try {
    CsvReader r(path.string());
    r.next();
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::parse_error);
    CHECK_THAT(e.what(), Catch::Contains(":2:1: record longer than the limit"));
  }
  fs::remove(path);
}

TEST_CASE("csv: a file that cannot be opened is an io_error naming it", "[csv]") {
  try {
    CsvReader r("/nonexistent/dir/x.csv");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::io_error);
    CHECK(std::string(e.what()) == "/nonexistent/dir/x.csv: cannot open file for reading");
  }
}
