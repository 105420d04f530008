#!/usr/bin/env bash
# The tools, in seconds: ruff (pyflakes, pycodestyle, imports, bugbear, complexity ...), mypy on the
# pure domain, and the import contracts, all configured in pyproject.toml. Prints what they find and
# ends with one summary line, e.g. "lint: ruff ok, mypy ok, contracts 3 kept 0 broken, layout ok"; exits 1 on any
# finding. `make lint` runs it alone; tests/run_all.sh runs it first.
set -u
cd "$(dirname "$0")/.."
BIN=.venv/bin
PATHS=(portal tests bench wsgi.py)
status=0

if "$BIN/ruff" check --output-format concise "${PATHS[@]}"; then ruff="ruff ok"
else status=1; ruff="ruff $("$BIN/ruff" check --quiet --output-format concise "${PATHS[@]}" | grep -c .) errors"
fi

mypy_out=$("$BIN/mypy" 2>&1); mypy_rc=$?
echo "$mypy_out"
if [ $mypy_rc -eq 0 ]; then mypy="mypy ok"
else status=1; mypy="mypy $(grep -c ': error:' <<<"$mypy_out") errors"
fi

contracts_out=$("$BIN/lint-imports" --no-logo 2>&1); contracts_rc=$?
sed -n '/^Contracts/,$p' <<<"$contracts_out"
[ $contracts_rc -ne 0 ] && status=1
contracts=$(sed -nE 's/^Contracts: ([0-9]+) kept, ([0-9]+) broken\./contracts \1 kept \2 broken/p' <<<"$contracts_out")

# What no tool's rule says: the contracts name every module, one today(), one cache, one refusal helper.
if "$BIN/python" -m pytest -q -p no:cacheprovider tests/unit/test_import_contracts.py tests/unit/test_one_way.py; then
  layout="layout ok"
else status=1; layout="layout FAILED"
fi

echo "lint: $ruff, $mypy, ${contracts:-contracts did not run}, $layout"
exit $status
