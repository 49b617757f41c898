/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The New Resource Record dialogs: fields separated by newlines. The first byte picks the SRV
 * or the New Host dialog, with or without a profile. Every fix, applied, gives fields a second
 * check accepts without a critical; every report exports. */
#include "fuzz.h"

#include <lcsdns/check/check.h>
#include <lcsdns/check/entry.h>
#include <lcsdns/export/export.h>

#define FIELD(fields, i) ((fields)[0] != NULL && g_strv_length (fields) > (i) ? (fields)[i] : NULL)

static void
check_srv (char              **fields,
           const LcsProfile   *profile)
{
  g_autoptr(LcsSrvEntry) entry = lcs_srv_entry_new_full (FIELD (fields, 0), FIELD (fields, 1),
                                                         FIELD (fields, 2), FIELD (fields, 3),
                                                         FIELD (fields, 4), FIELD (fields, 5),
                                                         FIELD (fields, 6));
  g_autoptr(LcsSrvResult) result = lcs_srv_entry_check (entry, profile);
  g_autoptr(LcsSrvEntry) fixed = lcs_srv_entry_apply_fixes (entry, result->findings);
  g_autoptr(LcsSrvResult) second = lcs_srv_entry_check (fixed, profile);
  g_autoptr(LcsReport) report = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (result->owner);
  g_assert_nonnull (second->owner);
  g_assert_true (fixed->service != NULL && fixed->protocol != NULL && fixed->target != NULL);
  if (profile == NULL)
    return;
  report = lcs_check_entry (profile, entry);
  json = lcs_export_report (report, LCS_FORMAT_JSON, NULL);
  text = lcs_export_report (report, LCS_FORMAT_TEXT, NULL);
}

static void
check_host (char              **fields,
            const LcsProfile   *profile)
{
  g_autoptr(LcsHostEntry) entry = lcs_host_entry_new (FIELD (fields, 0));
  g_autoptr(LcsHostResult) result = NULL;

  g_free (entry->name);
  entry->name = g_strdup (FIELD (fields, 1) ? FIELD (fields, 1) : "");
  g_free (entry->address);
  entry->address = g_strdup (FIELD (fields, 2) ? FIELD (fields, 2) : "");
  result = lcs_host_entry_check (entry, profile);
  g_assert_nonnull (result->fqdn);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  const LcsProfile *profile;

  if (size < 1)
    return 0;
  text = g_strndup ((const char *) data + 1, size - 1);
  /* The dialogs and the command line hand the core UTF-8 (GTK and GOption convert). */
  if (!g_utf8_validate (text, -1, NULL))
    return 0;
  fields = g_strsplit (text, "\n", 8);
  profile = data[0] & 1 ? fuzz_profile () : NULL;
  if (data[0] & 2)
    check_host (fields, profile);
  else
    check_srv (fields, profile);
  return 0;
}
