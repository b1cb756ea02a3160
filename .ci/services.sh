#!/usr/bin/env bash
# Services some suites use, started by hand (no systemd on CI machines). Each is optional
# for the suite that uses it: where one cannot start, that suite says so and skips.
set -uo pipefail

# CUPS with a cups-pdf queue named "Chumon_PDF": printing tests print for real into $HOME/PDF.
if command -v cupsd >/dev/null; then
  if ! lpstat -r 2>/dev/null | grep -q "is running"; then
    (cupsd -f >/tmp/cupsd.log 2>&1 &)
    for _ in $(seq 1 20); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.5; done
  fi
  if ! lpstat -p Chumon_PDF >/dev/null 2>&1; then
    lpadmin -p Chumon_PDF -E -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd 2>/dev/null \
      || lpadmin -p Chumon_PDF -E -v cups-pdf:/ -m everywhere 2>/dev/null \
      || echo "   (could not add the cups-pdf queue; printing tests will skip)"
  fi
  # PDF → PostScript through pdftocairo: the default (ghostscript) loses the Japanese text's
  # ToUnicode map on the way, so the PDF cups-pdf writes could not be read back by pdftotext.
  lpstat -p Chumon_PDF >/dev/null 2>&1 && lpadmin -p Chumon_PDF -o pdftops-renderer-default=pdftocairo 2>/dev/null
fi
# ---- PostgreSQL for the central server's suite (issue 6) -------------------------------
# A throwaway cluster in /tmp on 127.0.0.1:55432 (trust auth, loopback only). The suite
# creates and drops one database per test file; .ci/run exports DATABASE_URL when it is up.
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] && id postgres >/dev/null 2>&1; then
  if ! "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p 55432; then
    rm -rf /tmp/chumon-pg && mkdir -p /tmp/chumon-pg && chown postgres /tmp/chumon-pg
    su postgres -s /bin/sh -c "$PG_BIN/initdb -D /tmp/chumon-pg -A trust -U postgres >/tmp/chumon-pg-init.log 2>&1" \
      && su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D /tmp/chumon-pg -w -l /tmp/chumon-pg.log -o '-p 55432 -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off' start >/dev/null" \
      || echo "   (could not start PostgreSQL; the server suite runs on PGlite only)"
  fi
fi

exit 0
