// Fuzz harness for the survey reader and the scores read from it: any bytes must either
// give answers or raise crmkit::Error; never crash, hang or throw anything else. Every
// column of the header is requested, then the answers are scored as one dimension of items
// named after the columns (SERVQUAL with E = P, and category sums).
#include <cstdint>
#include <set>
#include <sstream>
#include <string>

#include "crmkit/error.hpp"
#include "crmkit/io/survey.hpp"
#include "crmkit/quality/audit.hpp"
#include "crmkit/quality/servqual.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace quality = crmkit::quality;
  const std::string text(reinterpret_cast<const char*>(data), size);
  crmkit::io::CsvOptions options;
  options.max_record_bytes = 4096;
  // The first byte picks the missing-answer policy so the fuzzer explores all of them.
  const quality::MissingOptions missing{
      static_cast<quality::MissingPolicy>(size ? data[0] % 3 : 0), size > 1 ? 1u + data[1] % 3 : 1u};
  try {
    std::istringstream in(text);
    crmkit::io::CsvReader reader(in, "fuzz", options);
    std::vector<std::string> columns;
    std::set<std::string> seen;
    for (const std::string& c : reader.header())
      if (seen.insert(c).second && columns.size() < 64) columns.push_back(c);
    const crmkit::io::SurveyTable table = crmkit::io::read_survey(reader, columns);
    quality::Instrument instrument{"fuzz", {1, 7}, {{"all", {}}}};
    for (const std::string& c : columns) instrument.dimensions[0].items.push_back({c, "", false});
    const quality::Answers answers{table.values.data(), table.respondents, columns.size()};
    (void)quality::servqual(instrument, {answers, answers, answers, nullptr}, {missing, 0.95});
    (void)quality::category_scores(instrument, answers, missing);
  } catch (const crmkit::Error&) {
  }
  return 0;
}
