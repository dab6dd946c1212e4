#!/usr/bin/env bash
# Installer check for CI (Linux): build the PyInstaller bundle, run its selftest (a missing module or
# resource fails), then compile installer/jamsos.nsi with makensis against a placeholder tree.
# About 2-3 minutes on 2 cores. Exit status non-zero on any failure.
#
# Needs: Debian packages nsis (makensis) and binutils (objdump, objcopy: PyInstaller on Linux), plus
# Qt's runtime libraries that .ci/run already installs;
# PyPI package pyinstaller in the Python used (PYTHON=..., default .venv/bin/python, else python3).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-}"
if [ -z "$PYTHON" ]; then
  if [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

"$PYTHON" -c "import PyInstaller" 2>/dev/null || { echo "ci_check: PyInstaller is not installed in $PYTHON (pip install pyinstaller)" >&2; exit 1; }
command -v makensis >/dev/null || { echo "ci_check: makensis not found (apt-get install nsis)" >&2; exit 1; }
command -v objdump >/dev/null || { echo "ci_check: objdump not found (apt-get install binutils)" >&2; exit 1; }

started=$(date +%s)
echo "== installer: build the bundle and run its selftest ==" >&2
"$PYTHON" installer/build_bundle.py --selftest
echo "== installer: compile the NSIS script (placeholder tree) ==" >&2
"$PYTHON" installer/build_bundle.py --nsis-only --placeholder
echo "== installer check passed in $(( $(date +%s) - started )) s ==" >&2
