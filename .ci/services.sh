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
fi
exit 0
