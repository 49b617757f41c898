/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A finding: one rule that fired, about one owner name, with its fix. */
#include "config.h"

#include <lcsdns/model/finding.h>

#include <string.h>

LcsFinding *
lcs_finding_new (const char *rule_id,
                 LcsView     view,
                 const char *name,
                 const char *format,
                 ...)
{
  LcsFinding *finding = g_new0 (LcsFinding, 1);
  va_list args;

  finding->rule = lcs_rule_lookup (rule_id);
  g_return_val_if_fail (finding->rule != NULL, finding);
  finding->severity = finding->rule->severity;
  /* The rule's subject says what record a finding is about; the few rules that can be about
   * another type say so where they are made. */
  finding->type = finding->rule->subject == LCS_SUBJECT_SRV ? LCS_TYPE_SRV
                  : finding->rule->subject == LCS_SUBJECT_HOST ? LCS_TYPE_A : 0;
  finding->view = view;
  finding->name = g_strdup (name);
  va_start (args, format);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);
  return finding;
}

void
lcs_finding_set_fix (LcsFinding *finding,
                     const char *format,
                     ...)
{
  va_list args;

  g_free (finding->fix);
  va_start (args, format);
  finding->fix = g_strdup_vprintf (format, args);
  va_end (args);
}

LcsFinding *
lcs_finding_copy (const LcsFinding *finding)
{
  LcsFinding *copy = g_new0 (LcsFinding, 1);

  *copy = *finding;
  copy->name = g_strdup (finding->name);
  copy->message = g_strdup (finding->message);
  copy->fix = g_strdup (finding->fix);
  copy->fix_entry = finding->fix_entry ? lcs_srv_entry_copy (finding->fix_entry) : NULL;
  copy->fix_host = finding->fix_host ? lcs_host_entry_copy (finding->fix_host) : NULL;
  copy->file = g_strdup (finding->file);
  return copy;
}

void
lcs_finding_free (LcsFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->name);
  g_free (finding->message);
  g_free (finding->fix);
  g_clear_pointer (&finding->fix_entry, lcs_srv_entry_free);
  g_clear_pointer (&finding->fix_host, lcs_host_entry_free);
  g_free (finding->file);
  g_free (finding);
}

gint
lcs_finding_compare (gconstpointer a,
                     gconstpointer b)
{
  const LcsFinding *x = *(LcsFinding * const *) a;
  const LcsFinding *y = *(LcsFinding * const *) b;

  if (x->severity != y->severity)
    return x->severity > y->severity ? -1 : 1;
  if (x->file && y->file && x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return g_strcmp0 (x->name, y->name);
}
