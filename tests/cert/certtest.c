/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Test helpers shared by the certificate tests. */
#include "certtest.h"

#include <string.h>

GDateTime *
certtest_date (const char *iso)
{
  GDateTime *when = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (when);
  return when;
}

LcsProfile *
certtest_profile_new (const char *first_key,
                      ...)
{
  LcsProfile *profile = lcs_profile_new ();
  const char *key = first_key;
  va_list args;

  va_start (args, first_key);
  while (key != NULL)
    {
      g_autoptr(GError) error = NULL;
      const char *value = va_arg (args, const char *);

      lcs_profile_set (profile, key, value, &error);
      g_assert_no_error (error);
      key = va_arg (args, const char *);
    }
  va_end (args);
  return profile;
}

LcsProfile *
certtest_standard_profile (const char *matching)
{
  return certtest_profile_new ("product", "lcs2005", "edition", "standard",
                               "domains", "contoso.com,fabrikam.com", "pool", "lcs.contoso.com",
                               "pool-ip", "192.0.2.10", "matching", matching, NULL);
}

guint
certtest_count_rule (GPtrArray  *findings,
                     const char *rule_id)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (strcmp (((LcsFinding *) findings->pdata[i])->rule->id, rule_id) == 0)
      n++;
  return n;
}

const LcsFinding *
certtest_find_rule (GPtrArray  *findings,
                    const char *rule_id)
{
  for (guint i = 0; i < findings->len; i++)
    if (strcmp (((LcsFinding *) findings->pdata[i])->rule->id, rule_id) == 0)
      return findings->pdata[i];
  return NULL;
}
