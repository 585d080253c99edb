// Fuzz harness for the CSV reader and the transaction-log summary behind it: any bytes
// must either parse or raise crmkit::Error; never crash, hang or throw anything else.
#include <cstdint>
#include <sstream>
#include <string>

#include "crmkit/error.hpp"
#include "crmkit/io/csv.hpp"
#include "crmkit/io/transaction_log.hpp"
#include "temp_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  // The first byte picks the dialect so the fuzzer explores all of them.
  const char delimiters[] = {crmkit::io::CsvOptions::kAuto, ',', ';', '\t',
                             crmkit::io::CsvOptions::kWhitespace};
  crmkit::io::CsvOptions options;
  options.delimiter = delimiters[size ? data[0] % 5 : 0];
  options.has_header = size < 2 || data[1] % 2 == 0;
  options.max_record_bytes = 4096;
  try {
    std::istringstream in(text);
    crmkit::io::CsvReader reader(in, "fuzz", options);
    while (reader.next())
      for (std::size_t i = 0; i < reader.size(); ++i) (void)reader.field(i);
  } catch (const crmkit::Error&) {
  }
  // The same bytes as a transaction log file (customer_id,date,amount).
  const crmkit_fuzz::TempFile file(data, size);
  if (!file.ok()) return 0;
  try {
    crmkit::value::SummaryOptions summary;
    summary.merge_same_day = size > 2 && data[2] % 2 == 0;
    crmkit::io::summarize_transaction_log(file.path(), options, {}, summary);
  } catch (const crmkit::Error&) {
  }
  return 0;
}
