#!/usr/bin/env bash
# `pip install ./bindings/python` offline (Debian's pip and setuptools, no index, no build
# isolation) into a folder, then the package from there against libcrmkit.so installed in a
# temporary prefix and found on the library path alone (no CRMKIT_LIBRARY, no source tree).
# Usage: pip_install.sh BUILD_DIR SOURCE_DIR PYTHON
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
python=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cmake --install "$build" --prefix "$tmp/prefix" > "$tmp/install.log"
libdir=$(dirname "$(find "$tmp/prefix" -name 'libcrmkit.so' | head -1)")

# pip builds in the folder it is given: build from a copy so the source tree stays clean.
cp -r "$src/bindings/python" "$tmp/python-src"
rm -rf "$tmp/python-src/crmkit/__pycache__"
PIP_ROOT_USER_ACTION=ignore "$python" -m pip install --quiet --no-index --no-build-isolation --no-deps --disable-pip-version-check \
  --target "$tmp/site" "$tmp/python-src"
test -f "$tmp/site/crmkit/value/summary.py"
ls -d "$tmp"/site/crmkit-*.dist-info > /dev/null

cd "$tmp"
env -u CRMKIT_LIBRARY PYTHONPATH="$tmp/site" LD_LIBRARY_PATH="$libdir" "$python" - "$tmp" <<'PY'
import os, sys
import crmkit
tmp = sys.argv[1]
# The package comes from pip's folder and the library from the installed prefix.
assert crmkit.__file__.startswith(os.path.join(tmp, "site")), crmkit.__file__
# crmkit.library_path is the soname the loader resolved; the mapped file tells where from.
mapped = {line.split()[-1] for line in open("/proc/self/maps") if "libcrmkit.so" in line}
prefix = os.path.realpath(os.path.join(tmp, "prefix"))
assert mapped and all(os.path.realpath(m).startswith(prefix) for m in mapped), mapped
assert crmkit.library_version() == crmkit.__version__
print("pip-installed crmkit", crmkit.__version__, "uses", crmkit.library_path)
PY
env -u CRMKIT_LIBRARY PYTHONPATH="$tmp/site" LD_LIBRARY_PATH="$libdir" \
  "$python" "$src/examples/python/erp_batch.py" "$src/data/cdnow/CDNOW_master.txt" "$tmp/customers.csv" > "$tmp/py.out"
grep -q "customers: 23570" "$tmp/py.out"  # as examples/python and the ERP example's test
echo "pip install test passed"
