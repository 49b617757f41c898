/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report renderers on arbitrary findings and record results. The first byte picks the
 * report's kind; then one item a line, fields separated by tabs:
 *   f <rule#> <severity> <view> <name> <message> <fix> <file> <line>
 *   r <view> <name> <type> <service> <protocol> <port> <target> <address> <status> <found>…
 * Text is made valid UTF-8 first: the core's strings are UTF-8. Every format renders, or a
 * record export refuses with one error. */
#include "fuzz.h"

#include <stdlib.h>
#include <lcsdns/check/check.h>
#include <lcsdns/export/export.h>

static const char *
field (char **fields,
       guint  i)
{
  return g_strv_length (fields) > i ? fields[i] : "";
}

static const char *
nullable (const char *text)
{
  return *text != '\0' ? text : NULL;
}

static void
add_finding (LcsReport  *report,
             char      **fields)
{
  gsize n_rules;
  const LcsRule *rules = lcs_rules_all (&n_rules);
  const LcsRule *rule = &rules[strtoul (field (fields, 1), NULL, 10) % n_rules];
  LcsFinding *finding = lcs_finding_new (rule->id, atoi (field (fields, 3)) & 1,
                                         nullable (field (fields, 4)), "%s", field (fields, 5));

  finding->severity = strtoul (field (fields, 2), NULL, 10) % 3;
  if (*field (fields, 6) != '\0')
    lcs_finding_set_fix (finding, "%s", field (fields, 6));
  finding->file = g_strdup (nullable (field (fields, 7)));
  finding->line = strtoul (field (fields, 8), NULL, 10);
  lcs_report_add_finding (report, finding);
}

static void
add_result (LcsReport  *report,
            char      **fields)
{
  LcsPlannedRecord planned = {
    .view = atoi (field (fields, 1)) & 1,
    .domain = (char *) "contoso.com",
    .name = (char *) field (fields, 2),
    .type = atoi (field (fields, 3)) & 1 ? LCS_TYPE_A : LCS_TYPE_SRV,
    .service = (char *) field (fields, 4),
    .protocol = (char *) field (fields, 5),
    .port = (guint16) strtoul (field (fields, 6), NULL, 10),
    .target = (char *) field (fields, 7),
    .address = (char *) field (fields, 8),
  };
  LcsRecordResult *result = lcs_report_add_result (report, &planned,
                                                   strtoul (field (fields, 9), NULL, 10) % 7);
  guint i;

  for (i = 10; i < g_strv_length (fields); i++)
    g_ptr_array_add (result->found, g_strdup (fields[i]));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(LcsReport) report = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  LcsFormat format;
  guint i;

  if (size < 1)
    return 0;
  report = lcs_report_new (data[0] % 5);
  text = g_utf8_make_valid ((const char *) data + 1, (gssize) size - 1);
  lines = g_strsplit (text, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      if (lines[i][0] == 'f')
        add_finding (report, fields);
      else if (lines[i][0] == 'r')
        add_result (report, fields);
    }
  lcs_report_sort (report);
  for (format = LCS_FORMAT_TEXT; format <= LCS_FORMAT_HTML; format++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = lcs_export_report (report, format, &error);

      g_assert_true ((out == NULL) == (error != NULL));
      if (out != NULL && format == LCS_FORMAT_JSON)
        g_assert_true (g_utf8_validate (out, -1, NULL));
    }
  return 0;
}
