// k-means segmentation. References: scikit-learn 1.2.1 (numpy 1.24.2) through
// tests/value/reference/mining_sklearn.py, whose printed figures are quoted below; hand
// calculations for the tiny cases.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "cdnow_features.hpp"
#include "crmkit/io/archive.hpp"
#include "crmkit/value/segment.hpp"
#include "error_of.hpp"
#include "test_data.hpp"

using namespace crmkit::value;
using crmkit_test::error_of;

namespace {

// The blobs of mining_sklearn.py: three separated groups of 100 points, no RNG.
FeatureTable blobs(std::vector<int>* truth = nullptr) {
  const double cx[] = {0, 10, 0}, cy[] = {0, 0, 10};
  std::vector<double> values(600);
  for (int i = 0; i < 300; ++i) {
    const int c = i % 3;
    values[i] = cx[c] + ((i * 37) % 17 - 8) / 8.0;
    values[300 + i] = cy[c] + ((i * 53) % 19 - 9) / 9.0;
    if (truth) truth->push_back(c);
  }
  return make_feature_table(values.data(), 300, {"x", "y"});
}

KMeansOptions fixed_k(int k, Scaling scaling = Scaling::none) {
  KMeansOptions o;
  o.k_min = o.k_max = k;
  o.scaling.scaling = scaling;
  return o;
}

// The CDNOW k-means features of mining_sklearn.py: recency, log1p(frequency),
// log1p(monetary), z-scored.
FeatureTable cdnow_rfm() {
  return customer_features(crmkit_test::cdnow_split()).select({"recency", "frequency", "monetary"});
}
ScalingOptions cdnow_scaling() { return ScalingOptions{Scaling::zscore, {"frequency", "monetary"}}; }

bool same_partition(const std::vector<int>& a, const std::vector<int>& b) {
  std::set<std::pair<int, int>> pairs;
  std::set<int> la(a.begin(), a.end()), lb(b.begin(), b.end());
  for (std::size_t i = 0; i < a.size(); ++i) pairs.insert({a[i], b[i]});
  return pairs.size() == la.size() && la.size() == lb.size();
}

}  // namespace

TEST_CASE("k-means finds the construction's partition of separated blobs", "[segment]") {
  std::vector<int> truth;
  const SegmentResult r = segment(blobs(&truth), fixed_k(3));
  CHECK(r.model.k() == 3);
  CHECK(same_partition(r.labels, truth));
  // scikit-learn KMeans(3, n_init=10, random_state=0): the same partition, inertia
  // 223.8605671296 (the optimum: the blobs' own centres).
  CHECK(r.inertia == Approx(223.8605671296).epsilon(1e-10));
  CHECK(r.scores.size() == 1);
  CHECK(r.scores[0].converged);
  // Segments numbered by size: here all 100.
  for (const auto& p : r.profiles) CHECK(p.size == 100);
}

TEST_CASE("silhouette agrees with scikit-learn and the hand case", "[segment]") {
  std::vector<int> truth;
  const FeatureTable t = blobs(&truth);
  std::vector<double> rows(600);
  for (int i = 0; i < 300; ++i) rows[2 * i] = t.column(0)[i], rows[2 * i + 1] = t.column(1)[i];
  // sklearn.metrics.silhouette_score(blobs, truth) = 0.8877277768.
  CHECK(silhouette(rows.data(), 300, 2, truth.data()) == Approx(0.8877277768).epsilon(1e-9));
  // Hand case: 0, 1 | 5: a(0) = 1, b(0) = 5, s = 0.8; a(1) = 1, b(1) = 4, s = 0.75; the
  // lone point scores 0. Mean 1.55 / 3.
  const double line[] = {0, 1, 5};
  const int labels[] = {0, 0, 1};
  CHECK(silhouette(line, 3, 1, labels) == Approx(1.55 / 3));
  const int one[] = {0, 0, 0};
  CHECK(error_of([&] { silhouette(line, 3, 1, one); }).find("fewer than 2 clusters") != std::string::npos);
  // A sample of the rows is seeded: the same seed gives the same value.
  CHECK(silhouette(rows.data(), 300, 2, truth.data(), 50, 7) == silhouette(rows.data(), 300, 2, truth.data(), 50, 7));
}

TEST_CASE("k is chosen over a range by silhouette and by elbow", "[segment]") {
  KMeansOptions o;
  o.k_min = 2;
  o.k_max = 6;
  o.scaling.scaling = Scaling::none;
  const SegmentResult s = segment(blobs(), o);
  CHECK(s.model.k() == 3);
  REQUIRE(s.scores.size() == 5);
  for (std::size_t i = 1; i < s.scores.size(); ++i) CHECK(s.scores[i].inertia < s.scores[i - 1].inertia);
  o.selection = KSelection::elbow;
  CHECK(segment(blobs(), o).model.k() == 3);
}

TEST_CASE("k-means on CDNOW features is within 0.1% of scikit-learn's best", "[segment][cdnow]") {
  // scikit-learn KMeans(k, n_init=10), best of random_state 0..4 on the same features:
  //   k=3 20591.5046111020   k=4 15209.9907100569   k=5 12591.0735853886
  const double sklearn[] = {20591.5046111020, 15209.9907100569, 12591.0735853886};
  for (int k = 3; k <= 5; ++k) {
    KMeansOptions o = fixed_k(k);
    o.scaling = cdnow_scaling();
    const SegmentResult r = segment(cdnow_rfm(), o);
    INFO("k = " << k << ", inertia " << r.inertia);
    CHECK(r.inertia <= sklearn[k - 3] * 1.001);
    CHECK(r.inertia >= sklearn[k - 3] * 0.99);  // not below a sane optimum (same data)
  }
}

TEST_CASE("k-means gives the same result on one thread and two, and per seed", "[segment]") {
  KMeansOptions o = fixed_k(4);
  o.scaling = cdnow_scaling();
  o.threads = 1;
  const SegmentResult one = segment(cdnow_rfm(), o);
  o.threads = 2;
  const SegmentResult two = segment(cdnow_rfm(), o);
  CHECK(one.labels == two.labels);
  CHECK(one.model.centers() == two.model.centers());
  CHECK(one.inertia == two.inertia);
  o.seed = 99;
  const SegmentResult other = segment(cdnow_rfm(), o);
  CHECK(other.inertia == Approx(one.inertia).epsilon(0.01));
}

TEST_CASE("segment profiles: sizes, means in data units and value shares", "[segment]") {
  KMeansOptions o = fixed_k(4);
  o.scaling = cdnow_scaling();
  o.value_column = "monetary";
  const FeatureTable t = cdnow_rfm();
  const SegmentResult r = segment(t, o);
  std::size_t total = 0;
  double share = 0;
  for (std::size_t s = 0; s < r.profiles.size(); ++s) {
    total += r.profiles[s].size;
    share += r.profiles[s].value_share;
    if (s > 0) CHECK(r.profiles[s].size <= r.profiles[s - 1].size);
    // Recount segment s's mean monetary from the labels.
    double sum = 0;
    std::size_t n = 0;
    for (std::size_t i = 0; i < t.rows; ++i)
      if (r.labels[i] == static_cast<int>(s)) sum += t.column(2)[i], ++n;
    CHECK(n == r.profiles[s].size);
    CHECK(r.profiles[s].mean[2] == Approx(sum / static_cast<double>(n)));
  }
  CHECK(total == t.rows);
  CHECK(share == Approx(1.0));
}

TEST_CASE("a value column outside the fitted features only weighs the profiles", "[segment]") {
  // x: {0, 1} and {10, 11, 12}; spend is not fitted (it would split the groups otherwise).
  const double v[] = {0, 1, 10, 11, 12, /*spend*/ 100, 1, 1, 1, 7};
  const FeatureTable t = make_feature_table(v, 5, {"x", "spend"});
  KMeansOptions o = fixed_k(2);
  o.features = {"x"};
  o.value_column = "spend";
  const SegmentResult r = segment(t, o);
  CHECK(r.model.feature_names() == std::vector<std::string>{"x"});
  CHECK(r.labels == std::vector<int>{1, 1, 0, 0, 0});
  CHECK(r.profiles[0].value_share == Approx(9.0 / 110));
  CHECK(r.profiles[1].value_share == Approx(101.0 / 110));
}

TEST_CASE("hand cases: two points, k above the distinct rows", "[segment]") {
  const double two[] = {0, 2};
  const FeatureTable t = make_feature_table(two, 2, {"x"});
  // k = 1: centre 1, inertia 1 + 1 = 2. k = 2: each point its own centre, inertia 0.
  CHECK(segment(t, fixed_k(1)).inertia == 2.0);
  const SegmentResult r2 = segment(t, fixed_k(2));
  CHECK(r2.inertia == 0.0);
  CHECK(r2.labels[0] != r2.labels[1]);
  const double dup[] = {0, 0, 1, 1};
  const std::string e = error_of([&] { segment(make_feature_table(dup, 4, {"x"}), fixed_k(3)); });
  CHECK(e.find("k = 3 is more than the 2 distinct rows") != std::string::npos);
}

TEST_CASE("bad input is refused naming what and where", "[segment]") {
  const double nan_at_2[] = {1, NAN, 3};
  CHECK(error_of([&] { make_feature_table(nan_at_2, 3, {"spend"}); }) == "feature 'spend' row 2 is not a finite number");
  const double flat[] = {1, 2, 3, 5, 5, 5};
  CHECK(error_of([&] { segment(make_feature_table(flat, 3, {"a", "b"}), fixed_k(2)); })
            .find("feature 'b' is constant") != std::string::npos);
  KMeansOptions o;
  o.k_min = 5;
  o.k_max = 3;
  CHECK(error_of([&] { segment(blobs(), o); }).find("k range 5..3") != std::string::npos);
  const double neg[] = {-2, 1, 3};
  CHECK(error_of([&] { FeatureScaler::fit(make_feature_table(neg, 3, {"m"}), {Scaling::zscore, {"m"}}); })
            .find("feature 'm' row 1: log1p needs a value above -1") != std::string::npos);
}

TEST_CASE("robust and log1p scaling are recorded and inverted", "[segment]") {
  const double x[] = {1, 2, 3, 4, 100};
  const FeatureScaler s = FeatureScaler::fit(make_feature_table(x, 5, {"x"}), {Scaling::robust, {}});
  // Median 3, quartiles 2 and 4 (linear interpolation): (100 - 3) / 2 = 48.5.
  CHECK(s.center()[0] == 3.0);
  CHECK(s.scale()[0] == 2.0);
  CHECK(s.transform(make_feature_table(x, 5, {"x"}))[4] == 48.5);
  const FeatureScaler l = FeatureScaler::fit(make_feature_table(x, 5, {"x"}), {Scaling::none, {"x"}});
  CHECK(l.transform(make_feature_table(x, 5, {"x"}))[4] == std::log1p(100.0));
  CHECK(l.inverse(0, std::log1p(100.0)) == Approx(100.0));
}

TEST_CASE("a k-means model assigns new rows, checks names and survives save/load", "[segment]") {
  std::vector<int> truth;
  const SegmentResult r = segment(blobs(&truth), fixed_k(3, Scaling::zscore));
  // New rows near each blob centre, columns in another order plus an extra column.
  const double rows[] = {0.2, 9.8, 0.1, /*y*/ 0.1, 0.3, 9.9, /*extra*/ 7, 7, 7};
  const FeatureTable fresh = make_feature_table(rows, 3, {"x", "y", "extra"});
  const std::vector<int> a = r.model.assign(fresh);
  CHECK(a[0] == r.labels[0]);
  CHECK(a[1] == r.labels[1]);
  CHECK(a[2] == r.labels[2]);
  CHECK(error_of([&] { r.model.assign(make_feature_table(rows, 3, {"x", "z", "extra"})); })
            .find("fitted on feature 'y', which the data lacks") != std::string::npos);
  const KMeansModel back = KMeansModel::from_bytes(r.model.to_bytes());
  CHECK(back.centers() == r.model.centers());
  CHECK(back.assign(fresh) == a);
  CHECK(back.center(0, 0) == Approx(r.model.center(0, 0)));
  std::string damaged = r.model.to_bytes();
  damaged[damaged.size() / 2] ^= 1;
  CHECK_THROWS_AS(KMeansModel::from_bytes(damaged), crmkit::Error);
}

namespace {

// Golden files (format v1 of crmkit.value.KMeans, BOOST_CLASS_VERSION 1, FeatureScaler 1):
// written by the "[.golden-write]" case below from this hand-made model; never overwrite a
// released version's files, add a v<N> folder for a new format.
KMeansModel golden_kmeans() {
  const double x[] = {1, 2, 4, 10, 20, 40};
  const FeatureScaler s =
      FeatureScaler::fit(make_feature_table(x, 3, {"recency", "monetary"}), {Scaling::zscore, {"monetary"}});
  return KMeansModel(s, 2, {-1.0, -0.5, 1.25, 0.75});
}

std::string golden_file(const char* ext) {
  return crmkit_test::data_path("golden/mining/v1/kmeans") + ext;
}

}  // namespace

TEST_CASE("k-means golden files of format v1 load", "[segment][golden]") {
  const KMeansModel want = golden_kmeans();
  for (const char* ext : {".txt", ".bin"}) {
    INFO(golden_file(ext));
    const KMeansModel m = KMeansModel::load(golden_file(ext));
    CHECK(m.k() == 2);
    CHECK(m.centers() == want.centers());
    CHECK(m.feature_names() == want.feature_names());
    CHECK(m.scaler().center() == want.scaler().center());
    CHECK(m.scaler().scale() == want.scaler().scale());
    CHECK(m.scaler().log1p(1));
    CHECK(!m.scaler().log1p(0));
    CHECK(m.scaler().scaling() == Scaling::zscore);
  }
}

TEST_CASE("write k-means golden files", "[.golden-write]") {
  crmkit::io::save(golden_file(".txt"), golden_kmeans(), crmkit::io::ArchiveKind::text);
  crmkit::io::save(golden_file(".bin"), golden_kmeans(), crmkit::io::ArchiveKind::binary);
}
