#!/usr/bin/env bash
# Writes the workbook fixtures of the e2e tests ("open a workbook") into
# e2e/fixtures/workbooks/: real spreadsheets written by LibreOffice, never by the
# project's own code. See e2e/fixtures/workbooks/README.md for what each file is.
#
# Run by hand, once (and again only when the example project or a fixture has to
# change); the outputs are committed, so CI needs no office suite. Needs:
#   - LibreOffice Calc: apt-get install libreoffice-calc-nogui
#   - for con-clave.xlsx, LibreOffice's Python bridge: apt-get install python3-uno
#   - cargo (the example's tables come from ui/examples/example_tables.rs) and python3.
#
# How: scripts/workbook_fixtures.py writes flat ODF spreadsheets (.fods, XML with typed
# cells) in a temporary directory; `soffice --convert-to` turns them into xlsx / ods /
# xls. Idempotent: a fixture whose content is unchanged (zip members compared one by
# one, LibreOffice's time stamps aside) is left as it is, so a second run changes no
# file; con-clave.xlsx (encrypted with a random salt) is remade only when
# ejemplo-es.xlsx changed or it is missing.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/e2e/fixtures/workbooks"
HELPER="$ROOT/scripts/workbook_fixtures.py"
PASSWORD="clave123"

command -v soffice >/dev/null || {
    echo "soffice not found: apt-get install libreoffice-calc-nogui" >&2
    exit 1
}

WORK=$(mktemp -d)
OFFICE_PID=""
cleanup() {
    # The office we started (oosplash) and its soffice.bin, should the helper fail.
    if [[ -n "$OFFICE_PID" ]] && kill -0 "$OFFICE_PID" 2>/dev/null; then
        pkill -P "$OFFICE_PID" 2>/dev/null || true
        kill "$OFFICE_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# A profile of our own: no clash with an office already open, no first-start dialogs.
PROFILE="file://$WORK/profile"
# Cells are typed, so the locale changes nothing in the files; C.UTF-8 exists everywhere.
export LC_ALL=C.UTF-8 LANG=C.UTF-8

convert() { # FORMAT FILE...
    local format=$1
    shift
    soffice -env:UserInstallation="$PROFILE" --headless --norestore \
        --convert-to "$format" --outdir "$WORK/new" "$@" >"$WORK/soffice.log" 2>&1 || {
        cat "$WORK/soffice.log" >&2
        exit 1
    }
}

CHANGED=()
place() { # NAME: moves $WORK/new/NAME to $OUT/NAME unless the same is already there
    local name=$1
    [[ -f "$WORK/new/$name" ]] || { echo "not written: $name" >&2; exit 1; }
    if [[ -f "$OUT/$name" ]] && python3 "$HELPER" same "$OUT/$name" "$WORK/new/$name"; then
        echo "unchanged  $name"
    else
        cp "$WORK/new/$name" "$OUT/$name"
        CHANGED+=("$name")
        echo "written    $name"
    fi
}

mkdir -p "$OUT" "$WORK/new"

(cd "$ROOT" && cargo run -q -p cluster-eval-ui --example example_tables) >"$WORK/tables.json"
python3 "$HELPER" fods "$WORK/tables.json" "$WORK/src" "$WORK/new"

convert xlsx "$WORK/src/ejemplo-es.fods" "$WORK/src/sin-tablas.fods" "$WORK/src/filas-vacias.fods" \
    "$WORK/src/ancho-combinado.fods"
convert ods "$WORK/src/exemplo-pt.fods"
convert xls "$WORK/src/sin-nombres.fods"

for name in ejemplo-es.xlsx ejemplo-es.tables.json exemplo-pt.ods exemplo-pt.tables.json \
    sin-nombres.xls sin-tablas.xlsx filas-vacias.xlsx ancho-combinado.xlsx texto.xlsx; do
    place "$name"
done

# A workbook cut short: the first 3000 bytes of the Spanish example.
head -c 3000 "$OUT/ejemplo-es.xlsx" >"$WORK/new/corrupto.xlsx"
place corrupto.xlsx

# The Spanish example protected by a password, through LibreOffice's UNO bridge.
if [[ ! -f "$OUT/con-clave.xlsx" || " ${CHANGED[*]} " == *" ejemplo-es.xlsx "* ]]; then
    UNO_PYTHON=""
    for py in /usr/bin/python3 python3; do
        if "$py" -c 'import uno' 2>/dev/null; then
            UNO_PYTHON=$py
            break
        fi
    done
    [[ -n "$UNO_PYTHON" ]] || {
        echo "no python3 with 'import uno': apt-get install python3-uno" >&2
        exit 1
    }
    UNO_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("localhost", 0)); print(s.getsockname()[1])')
    soffice -env:UserInstallation="$PROFILE" --headless --norestore --invisible --nologo \
        "--accept=socket,host=localhost,port=$UNO_PORT;urp;StarOffice.ComponentContext" \
        >"$WORK/office.log" 2>&1 &
    OFFICE_PID=$!
    UNO_PORT=$UNO_PORT "$UNO_PYTHON" "$HELPER" encrypt \
        "$OUT/ejemplo-es.xlsx" "$WORK/new/con-clave.xlsx" "$PASSWORD"
    # The helper asks the office to quit; give it a moment, then make sure.
    for _ in $(seq 50); do
        kill -0 "$OFFICE_PID" 2>/dev/null || break
        sleep 0.2
    done
    if kill -0 "$OFFICE_PID" 2>/dev/null; then
        pkill -P "$OFFICE_PID" 2>/dev/null || true
        kill "$OFFICE_PID" 2>/dev/null || true
    fi
    wait "$OFFICE_PID" 2>/dev/null || true
    OFFICE_PID=""
    cp "$WORK/new/con-clave.xlsx" "$OUT/con-clave.xlsx"
    echo "written    con-clave.xlsx (password: $PASSWORD)"
else
    echo "unchanged  con-clave.xlsx (ejemplo-es.xlsx unchanged)"
fi

ls -l "$OUT"
