// Customer segmentation by k-means: Lloyd's algorithm from greedy k-means++ seeds (Arthur &
// Vassilvitskii 2007, with 2 + ln k local trials per centre as scikit-learn does), n_init
// seeded restarts keeping the lowest inertia, the choice of k over a range by silhouette or
// elbow, segment profiles, and a saved model that assigns new customers at the till.
//
// Features are scaled by a FeatureScaler recorded in the model (features.hpp). Restarts and
// candidate k run on several threads, each from its own seed derived from options.seed, and
// the best is picked by (inertia, restart number): the result is the same on any number of
// threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>

#include "crmkit/names.hpp"
#include "crmkit/value/features.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {

// How k is chosen over [k_min, k_max].
enum class KSelection : std::uint8_t {
  silhouette,  // highest mean silhouette (ties: smaller k)
  elbow,       // inertia curve's point farthest below the chord from k_min to k_max
};
const NameTable& names(KSelection);

struct KMeansOptions {
  int k_min = 2;               // k_min == k_max fits that one k
  int k_max = 8;
  int n_init = 10;             // restarts per k (k-means++ seeds), best inertia kept
  int max_iterations = 300;    // Lloyd iterations per restart
  // Stop when the squared centre shift summed over centres is at most tolerance times the
  // mean feature variance (scikit-learn's relative tolerance).
  double tolerance = 1e-4;
  std::uint64_t seed = 0;
  // Rows drawn (seeded) for the silhouette; 0 = all rows (cost grows as rows squared).
  std::size_t silhouette_sample = 10000;
  KSelection selection = KSelection::silhouette;
  int threads = 0;             // 0 = every core; the result does not depend on it
  ScalingOptions scaling;
  // Column whose totals give each segment's value share (e.g. "monetary"); empty = none.
  // It need not be a feature (see `features`).
  std::string value_column;
  // Columns fitted on, in this order; empty = every column of the table.
  std::vector<std::string> features;
};

class KMeansModel {
 public:
  static constexpr const char* archive_tag = "crmkit.value.KMeans";

  KMeansModel() = default;
  int k() const noexcept { return k_; }
  const FeatureScaler& scaler() const noexcept { return scaler_; }
  const std::vector<std::string>& feature_names() const noexcept { return scaler_.names(); }
  // Centres on the scaled features, row-major k x features.
  const std::vector<double>& centers() const noexcept { return centers_; }
  // Centre of segment c, feature j, in the data's units.
  double center(int c, std::size_t j) const;
  // Segment (0..k-1) of each row: nearest centre after the model's scaling. The table needs
  // the model's feature names (other columns ignored); invalid_argument otherwise.
  std::vector<int> assign(const FeatureTable& table) const;

  std::string to_bytes() const;  // archive envelope, text archive (portable)
  static KMeansModel from_bytes(const std::string& bytes);
  void save(const std::string& path) const;
  static KMeansModel load(const std::string& path);

  void check_invariants() const;
  template <class Archive>
  void serialize(Archive& ar, unsigned version);  // instantiated in src/value/segment.cpp

  // The fit (segment()) and tests build models from parts; invalid_argument unless the
  // centres are k x scaler.size() finite values.
  KMeansModel(FeatureScaler scaler, int k, std::vector<double> centers);

 private:
  FeatureScaler scaler_;
  int k_ = 0;
  std::vector<double> centers_;
};

// One k of the search.
struct KScore {
  int k = 0;
  double inertia = 0;     // sum of squared distances to the nearest centre (scaled features)
  double silhouette = 0;  // mean silhouette (sampled per options.silhouette_sample)
  int iterations = 0;     // Lloyd iterations of the best restart
  bool converged = false; // best restart reached the tolerance before max_iterations
};

struct SegmentProfile {
  std::size_t size = 0;
  double share = 0;              // size / rows
  std::vector<double> mean;      // per feature, data units (model feature order)
  double value_share = 0;        // share of options.value_column's total; NaN without one
};

struct SegmentResult {
  KMeansModel model;             // the chosen k
  std::vector<int> labels;       // per row, 0..k-1; segments numbered by size, largest first
  double inertia = 0;
  double silhouette = 0;
  std::vector<KScore> scores;    // every k tried, k_min..k_max
  std::vector<SegmentProfile> profiles;
};

// Fits k-means on options.features (all columns when empty).
// invalid_argument for bad options, constant or non-finite features (naming column and row),
// and k above the number of distinct rows.
SegmentResult segment(const FeatureTable& table, const KMeansOptions& options = {});

// Mean silhouette of a labelling of row-major n x p points (Rousseeuw 1987; a point alone in
// its cluster scores 0, as in scikit-learn). sample > 0 and < n: over `sample` rows drawn
// with the seed. invalid_argument for fewer than 2 or more than n - 1 clusters.
double silhouette(const double* rows, std::size_t n, std::size_t p, const int* labels,
                  std::size_t sample = 0, std::uint64_t seed = 0, int threads = 0);

}  // namespace value
}  // namespace v0
}  // namespace crmkit

BOOST_CLASS_VERSION(crmkit::value::KMeansModel, 1)
BOOST_CLASS_TRACKING(crmkit::value::KMeansModel, boost::serialization::track_never)
