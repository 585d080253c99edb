"""Python entries for k-means segments: the blobs of tests/value/reference/mining_sklearn.py,
a hand case, files, bad input; against scikit-learn when it is installed."""
import numpy as np
import pytest

import crmkit
from crmkit import value


def blobs():
    centres = [(0.0, 0.0), (10.0, 0.0), (0.0, 10.0)]
    pts = [[centres[i % 3][0] + ((i * 37) % 17 - 8) / 8.0, centres[i % 3][1] + ((i * 53) % 19 - 9) / 9.0]
           for i in range(300)]
    return np.array(pts), np.arange(300) % 3


def same_partition(a, b):
    return len(set(zip(a.tolist(), b.tolist()))) == len(set(a.tolist())) == len(set(b.tolist()))


def test_blobs_and_choice_of_k():
    X, truth = blobs()
    km = value.KMeans(k=(2, 6), scaling="none", seed=3).fit(X, feature_names=["x", "y"])
    assert km.k == 3
    assert same_partition(km.labels, truth)
    # scikit-learn's inertia on these blobs (mining_sklearn.py): 223.8605671296.
    assert km.inertia == pytest.approx(223.8605671296, rel=1e-10)
    assert [s["k"] for s in km.scores] == [2, 3, 4, 5, 6]
    assert max(km.scores, key=lambda s: s["silhouette"])["k"] == 3
    assert value.KMeans(k=(2, 6), scaling="none", selection="elbow").fit(X, ["x", "y"]).k == 3
    assert "robust" in value.SCALINGS and value.K_SELECTIONS == ("silhouette", "elbow")


def test_hand_case_profiles_assign_and_files(tmp_path):
    # {0, 1} and {10, 11, 12}: centres 0.5 and 11, inertia 2.5; the larger group is segment 0.
    data = {"x": [0, 1, 10, 11, 12], "spend": [1, 1, 2, 2, 4]}
    km = value.KMeans(k=2, scaling="none").fit({"x": data["x"]}, value_column=None)
    assert km.labels.tolist() == [1, 1, 0, 0, 0]
    assert km.inertia == pytest.approx(2.5)
    assert km.centers[:, 0].tolist() == pytest.approx([11, 0.5])
    prof = km.profiles
    assert [p["size"] for p in prof] == [3, 2]
    assert prof[1]["mean"]["x"] == pytest.approx(0.5)
    assert np.isnan(prof[0]["value_share"])
    both = value.KMeans(k=2, scaling="none").fit(data, value_column="spend")
    # spend is a feature too here; value shares: (2 + 2 + 4) / 10 and 2 / 10.
    assert [p["value_share"] for p in both.profiles] == pytest.approx([0.8, 0.2])
    assert km.assign({"x": [0.2, 11.5], "other": [5, 5]}).tolist() == [1, 0]
    path = tmp_path / "km.model"
    km.save(path)
    with value.KMeans.load(path) as back:
        assert back.feature_names == ["x"]
        assert back.assign({"x": [0.2, 11.5]}).tolist() == [1, 0]
        with pytest.raises(crmkit.InvalidState, match="loaded, not fitted"):
            back.scores
    again = value.KMeans.from_bytes(km.to_bytes())
    assert again.centers.tolist() == km.centers.tolist()


def test_bad_input():
    with pytest.raises(ValueError, match="feature names are needed"):
        value.KMeans(k=2).fit(np.zeros((3, 2)))
    with pytest.raises(ValueError, match="column 'b' has 2 rows"):
        value.KMeans(k=2).fit({"a": [1, 2, 3], "b": [1, 2]})
    with pytest.raises(crmkit.InvalidArgument, match="feature 'a' row 2 is not a finite number"):
        value.KMeans(k=2).fit({"a": [1, np.nan, 3]})
    with pytest.raises(crmkit.InvalidArgument, match="feature 'c' is constant"):
        value.KMeans(k=2).fit({"a": [1, 2, 3], "c": [4, 4, 4]})
    with pytest.raises(crmkit.InvalidArgument, match="more than the 2 distinct rows"):
        value.KMeans(k=3, scaling="none").fit({"a": [1, 1, 2, 2]})
    with pytest.raises(crmkit.InvalidArgument, match="unknown scaling 'log'"):
        value.KMeans(scaling="log")
    with pytest.raises(ValueError, match="k = 2147483648"):
        value.KMeans(k=2**31)
    km = value.KMeans(k=2, scaling="none").fit({"a": [0, 1, 10, 11]})
    with pytest.raises(crmkit.InvalidArgument, match="feature 'a', which the data lacks"):
        km.assign({"b": [1.0]})
    km.close()
    with pytest.raises(ValueError, match="not fitted"):
        km.assign({"a": [1.0]})


def test_against_scikit_learn():
    cluster = pytest.importorskip("sklearn.cluster")
    rng = np.random.default_rng(7)
    # Skewed, overlapping customer-like data: the restarts matter here.
    X = np.column_stack([rng.exponential(60, 5000), rng.poisson(2, 5000) + 1.0,
                         rng.lognormal(3, 1, 5000)])
    Z = (X - X.mean(axis=0)) / X.std(axis=0)
    best = min(cluster.KMeans(n_clusters=5, n_init=10, random_state=s).fit(Z).inertia_ for s in range(3))
    km = value.KMeans(k=5, n_init=10, scaling="zscore").fit(X, ["r", "f", "m"])
    assert km.inertia <= best * 1.001
    B, truth = blobs()
    sk = cluster.KMeans(n_clusters=3, n_init=10, random_state=0).fit(B)
    ours = value.KMeans(k=3, scaling="none").fit(B, ["x", "y"])
    assert same_partition(sk.labels_, ours.labels)
    assert ours.inertia == pytest.approx(sk.inertia_, rel=1e-12)
