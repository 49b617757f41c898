/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Certificate loading through GIO: the first byte picks the file name's extension (.pem, .cer,
 * .pfx) and whether a password is given; the rest is the file. A certificate that loads is
 * checked against the demo profile and reported. */
#include "fuzz.h"

#include <lcsdns/cert/cert.h>
#include <lcsdns/export/export.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *const names[] = { "cert.pem", "cert.cer", "cert.pfx", "cert.p12" };
  g_autoptr(LcsCertInfo) info = NULL;
  g_autoptr(LcsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 1, 12, 0, 0);

  if (size < 1)
    return 0;
  path = fuzz_write_file (names[data[0] & 3], data + 1, size - 1);
  info = lcs_cert_load (path, data[0] & 4 ? "secret" : NULL, &error);
  if (info == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  report = lcs_cert_check_report (fuzz_profile (), info, NULL, now);
  text = lcs_export_report (report, LCS_FORMAT_TEXT, NULL);
  return 0;
}
