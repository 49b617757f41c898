/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The profile loader: any bytes give a profile or one error; a profile that loads saves to
 * data that loads again, and plans and checks without a critical. */
#include "fuzz.h"

#include <string.h>

#include <lcsdns/check/check.h>
#include <lcsdns/export/export.h>
#include <lcsdns/profile/plan.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(LcsProfile) profile = NULL;
  g_autoptr(LcsProfile) again = NULL;
  g_autoptr(LcsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *text = NULL;
  gsize length;

  profile = lcs_profile_load_data ((const char *) data, size, &error);
  if (profile == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_null (strchr (error->message, '\n'));
      return 0;
    }
  saved = lcs_profile_to_data (profile, &length);
  again = lcs_profile_load_data (saved, length, &error);
  if (again == NULL)
    g_error ("a saved profile does not load again: %s\n%s", error->message, saved);
  if (!lcs_profile_validate (profile, NULL))
    return 0;
  report = lcs_check_plan (profile);
  text = lcs_export_report (report, LCS_FORMAT_TEXT, NULL);
  return 0;
}
