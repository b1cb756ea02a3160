#!/usr/bin/env bash
# Services some suites use, started by hand (no systemd on CI machines). On a developer's
# machine each is optional: where one cannot start, the suites that need it say so and skip
# (test/helpers/requirements.ts). Under CI=true every one must be up: this script exits
# non-zero naming what is missing, and the suites would fail rather than skip.
set -uo pipefail
missing=()

# CUPS with a cups-pdf queue named "Chumon_PDF": printing tests print for real into $HOME/PDF.
if command -v cupsd >/dev/null; then
  if ! lpstat -r 2>/dev/null | grep -q "is running"; then
    (cupsd -f >/tmp/cupsd.log 2>&1 &)
    for _ in $(seq 1 20); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.5; done
  fi
  # Two queues with different paper: Chumon_PDF (A4) and Chumon_PDF_A5, for documents that
  # each go to their own printer (設定 → 印刷・CSV).
  for queue_paper in Chumon_PDF:A4 Chumon_PDF_A5:A5; do
    queue=${queue_paper%%:*}
    paper=${queue_paper##*:}
    if ! lpstat -p "$queue" >/dev/null 2>&1; then
      lpadmin -p "$queue" -E -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd 2>/dev/null \
        || lpadmin -p "$queue" -E -v cups-pdf:/ -m everywhere 2>/dev/null \
        || echo "   (could not add the cups-pdf queue $queue)"
    fi
    # PDF → PostScript through pdftocairo: the default (ghostscript) loses the Japanese text's
    # ToUnicode map on the way, so the PDF cups-pdf writes could not be read back by pdftotext.
    lpstat -p "$queue" >/dev/null 2>&1 &&
      lpadmin -p "$queue" -o pdftops-renderer-default=pdftocairo -o "media-default=$paper" -o "PageSize=$paper" 2>/dev/null
  done
fi
for queue in Chumon_PDF Chumon_PDF_A5; do
  lpstat -p "$queue" >/dev/null 2>&1 || missing+=("the CUPS queue $queue")
done

# ---- PostgreSQL for the central server's suites ----------------------------------------
# A throwaway cluster in /tmp on 127.0.0.1:55432 (trust auth, loopback only). The suite
# creates and drops one database per test file; .ci/run exports DATABASE_URL.
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] && id postgres >/dev/null 2>&1; then
  if ! "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p 55432; then
    rm -rf /tmp/chumon-pg && mkdir -p /tmp/chumon-pg && chown postgres /tmp/chumon-pg
    su postgres -s /bin/sh -c "$PG_BIN/initdb -D /tmp/chumon-pg -A trust -U postgres >/tmp/chumon-pg-init.log 2>&1" \
      && su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D /tmp/chumon-pg -w -l /tmp/chumon-pg.log -o '-p 55432 -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off' start >/dev/null" \
      || echo "   (could not start PostgreSQL)"
  fi
fi
[ -n "$PG_BIN" ] && "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p 55432 || missing+=("PostgreSQL on 127.0.0.1:55432")

for tool in zbarimg pdftotext pdffonts pdftoppm; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done

if [ ${#missing[@]} -gt 0 ]; then
  printf '   missing: %s\n' "${missing[@]}"
  if [ "${CI:-}" = "true" ]; then
    echo "CI=true: every service and tool the suites use must be here; stopping." >&2
    exit 1
  fi
fi
exit 0
