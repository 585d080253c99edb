#include "crmkit/io/survey.hpp"

#include <cmath>
#include <set>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace io {

namespace {

bool is_unanswered(std::string_view field) {
  while (!field.empty() && (field.front() == ' ' || field.front() == '\t')) field.remove_prefix(1);
  while (!field.empty() && (field.back() == ' ' || field.back() == '\t')) field.remove_suffix(1);
  return field.empty() || field == "NA" || field == "N/A" || field == ".";
}

}  // namespace

SurveyTable read_survey(CsvReader& reader, const std::vector<std::string>& columns) {
  SurveyTable table;
  table.columns = columns;
  std::set<std::string> seen;
  std::vector<std::size_t> index;
  for (const std::string& c : columns) {
    if (!seen.insert(c).second)
      throw Error(ErrorCode::parse_error, reader.name() + ": column '" + c + "' requested twice");
    index.push_back(reader.column_ref(c));
  }
  while (reader.next()) {
    for (std::size_t k = 0; k < index.size(); ++k) {
      const std::size_t i = index[k];
      if (is_unanswered(reader.field(i))) {
        table.values.push_back(NAN);
        continue;
      }
      const double x = reader.number(i);
      if (!std::isfinite(x)) reader.fail(i, "answer " + std::string(reader.field(i)) + " is not finite");
      table.values.push_back(x);
    }
    table.line.push_back(reader.line());
  }
  table.respondents = table.line.size();
  return table;
}

}  // namespace io
}  // namespace v0
}  // namespace crmkit
