// The analysis commands' core errors in the user's terms: the core names items by their
// 0-based column in the answer matrix ("item 3 (0-based)", "items 0 and 4 (0-based)"); the
// user knows them as the survey's columns (P4, IMAG1, ...).
#pragma once

#include <string>
#include <vector>

#include "crmkit/error.hpp"

namespace crmkit_cli {

// How the user knows the items: survey columns ("column P4") or instrument items ("item 4").
struct ItemNames {
  const char* noun;                 // "column" or "item"
  std::vector<std::string> names;   // by 0-based index
};

// `e` with each 0-based item index replaced by its name, and `where` (a file, a scale) in
// front.
crmkit::Error in_item_terms(const crmkit::Error& e, const ItemNames& items,
                            const std::string& where);

// Runs `work`; its errors come out in the user's terms.
template <class Work>
auto with_item_terms(const ItemNames& items, const std::string& where, Work&& work)
    -> decltype(work()) {
  try {
    return work();
  } catch (const crmkit::Error& e) {
    throw in_item_terms(e, items, where);
  }
}

}  // namespace crmkit_cli
