#include "quality/item_terms.hpp"

#include <regex>

namespace crmkit_cli {

crmkit::Error in_item_terms(const crmkit::Error& e, const ItemNames& items,
                            const std::string& where) {
  static const std::regex item(R"(\bitem (\d+) \(0-based\))");
  static const std::regex pair(R"(\bitems (\d+) and (\d+) \(0-based\))");
  const auto column = [&](const std::string& digits) {
    const std::size_t i = std::stoul(digits);
    return i < items.names.size() ? items.names[i] : digits;
  };
  std::string text = e.what();
  std::smatch m;
  if (std::regex_search(text, m, pair))
    text = m.prefix().str() + items.noun + "s " + column(m[1]) + " and " + column(m[2]) +
           m.suffix().str();
  else if (std::regex_search(text, m, item))
    text = m.prefix().str() + items.noun + " " + column(m[1]) + m.suffix().str();
  return crmkit::Error(e.code(), where.empty() ? text : where + ": " + text);
}

}  // namespace crmkit_cli
