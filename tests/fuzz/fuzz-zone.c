/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The zone reader on one file: as a Windows export (origin from the file name,
 * FUZZ_ZONE_WINDOWS) or as BIND text (origin given). $INCLUDE stays inside the temporary folder,
 * where two small files wait to be included. With FUZZ_ZONE_CHECK (target zone-check, a Windows
 * export) the check runs on what was read. The reader's targets stop at the records: the check
 * made an input cost 1.1 ms under ASan+UBSan, most of it libFuzzer's bookkeeping of the check's
 * coverage, and the reader's own bugs need many more inputs than that allows. The report is not
 * rendered: fuzz-export renders arbitrary findings. */
#include "fuzz.h"

#include <lcsdns/check/check.h>
#include <lcsdns/zone/zone.h>

#if defined(FUZZ_ZONE_WINDOWS) || defined(FUZZ_ZONE_CHECK)
#define ZONE_FILE "contoso.com.dns"
#define ZONE_ORIGIN NULL
#else
#define ZONE_FILE "contoso.com.zone"
#define ZONE_ORIGIN "contoso.com"
#endif

/* An input whose $INCLUDE could name a file outside the folder (absolute, "..", an escape that
 * spells one) is not run: the fuzzer must not read /dev/zero or the machine's files. */
static gboolean
include_may_escape (const uint8_t *data,
                    size_t         size)
{
  static const char directive[] = "$include";
  gboolean has_include = FALSE;
  gboolean has_path_char = FALSE;
  size_t i;

  for (i = 0; i < size; i++)
    {
      size_t j;

      if (data[i] == '/' || data[i] == '\\' || (data[i] == '.' && i + 1 < size && data[i + 1] == '.'))
        has_path_char = TRUE;
      for (j = 0; j < sizeof directive - 1 && i + j < size; j++)
        if (g_ascii_tolower (data[i + j]) != directive[j])
          break;
      if (j == sizeof directive - 1)
        has_include = TRUE;
    }
  return has_include && has_path_char;
}

static void
write_include_files (void)
{
  static gboolean written;
  static const char part[] =
    "$TTL 3600\n"
    "_sip._tls IN SRV 0 0 443 ap.contoso.com.\n"
    "ap IN A 203.0.113.10\n";
  static const char nested[] = "$INCLUDE part.inc\nsip IN CNAME lcspool\n";
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (written)
    return;
  a = fuzz_write_file ("part.inc", (const uint8_t *) part, sizeof part - 1);
  b = fuzz_write_file ("nested.inc", (const uint8_t *) nested, sizeof nested - 1);
  written = TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(LcsObservations) obs = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (include_may_escape (data, size))
    return 0;
  write_include_files ();
  path = fuzz_write_file (ZONE_FILE, data, size);
  obs = lcs_observations_new ();
  findings = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  if (!lcs_zone_load (obs, LCS_VIEW_INTERNAL, path, ZONE_ORIGIN, findings, &error))
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_null (error);
#ifdef FUZZ_ZONE_CHECK
  {
    g_autoptr(LcsReport) report = lcs_check_observations (fuzz_profile (), obs, LCS_SOURCE_ZONE);

    while (findings->len > 0)
      lcs_report_add_finding (report, g_ptr_array_steal_index (findings, findings->len - 1));
    lcs_report_sort (report);
  }
#endif
  return 0;
}
