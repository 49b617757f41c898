/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The check: profile + plan + observations → per-record status and findings. Zone and live
 * checks both end here, so the same data gives the same findings whatever its source. */
#include "config.h"

#include <lcsdns/check/check.h>

#include <stdlib.h>

#include <gio/gio.h>
#include <lcsdns/model/name.h>
#include <string.h>

const char *
lcs_record_status_to_string (LcsRecordStatus status)
{
  static const char *const names[] = {
    "planned", "ok", "missing", "mismatch", "misplaced", "unresolved", "failed",
  };

  return names[status];
}

static void
record_result_free (LcsRecordResult *result)
{
  lcs_planned_record_free (result->planned);
  g_ptr_array_unref (result->found);
  g_free (result->misplaced_at);
  g_free (result);
}

/* Per rule and view, and per file for findings about a file (zone-syntax): how many were
 * added, and what the line about the unlisted ones says. */
typedef struct {
  const LcsRule *rule;
  LcsView        view;
  char          *file;
  guint          count;
  guint          unlisted[3];  /* by severity: counted in the summary, not in the findings */
  gboolean       line_added;   /* the uncounted line saying how many were not listed */
} Listed;

static void
listed_free (Listed *listed)
{
  g_free (listed->file);
  g_free (listed);
}

static char *
listed_key (LcsView     view,
            const char *rule_id,
            const char *file)
{
  return g_strdup_printf ("%d %s %s", view, rule_id, file ? file : "");
}

static gboolean
list_finding (LcsReport        *report,
              const LcsFinding *finding)
{
  g_autofree char *key = listed_key (finding->view, finding->rule->id, finding->file);
  Listed *listed = g_hash_table_lookup (report->listed, key);

  if (listed == NULL)
    {
      listed = g_new0 (Listed, 1);
      listed->rule = finding->rule;
      listed->view = finding->view;
      listed->file = g_strdup (finding->file);
      g_hash_table_insert (report->listed, g_steal_pointer (&key), listed);
    }
  if (++listed->count <= report->max_listed)
    return TRUE;
  listed->unlisted[finding->severity]++;
  return FALSE;
}

LcsReport *
lcs_report_new (LcsSourceKind kind)
{
  LcsReport *report = g_new0 (LcsReport, 1);

  report->kind = kind;
  report->files = g_ptr_array_new_with_free_func (g_free);
  report->servers = g_ptr_array_new_with_free_func (g_free);
  report->results = g_ptr_array_new_with_free_func ((GDestroyNotify) record_result_free);
  report->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  report->max_listed = LCS_REPORT_MAX_LISTED;
  report->listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) listed_free);
  return report;
}

void
lcs_report_free (LcsReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->files);
  g_ptr_array_unref (report->servers);
  g_ptr_array_unref (report->results);
  g_ptr_array_unref (report->findings);
  g_hash_table_unref (report->listed);
  g_free (report->entry_owner);
  g_free (report->entry_record);
  g_free (report);
}

/* The counter of @severity's findings. */
static guint *
severity_count (LcsReport   *report,
                LcsSeverity  severity)
{
  switch (severity)
    {
    case LCS_SEVERITY_ERROR:
      return &report->errors;
    case LCS_SEVERITY_WARNING:
      return &report->warnings;
    case LCS_SEVERITY_INFO:
    default:
      return &report->infos;
    }
}

void
lcs_report_add_finding (LcsReport  *report,
                        LcsFinding *finding)
{
  (*severity_count (report, finding->severity))++;
  if (report->max_listed > 0 && !list_finding (report, finding))
    {
      lcs_finding_free (finding);
      return;
    }
  g_ptr_array_add (report->findings, finding);
}

gboolean
lcs_report_count_unlisted (LcsReport  *report,
                           const char *rule_id,
                           LcsView     view)
{
  g_autofree char *key = listed_key (view, rule_id, NULL);
  Listed *listed = report->max_listed > 0 ? g_hash_table_lookup (report->listed, key) : NULL;

  if (listed == NULL || listed->count < report->max_listed)
    return FALSE;
  listed->count++;
  listed->unlisted[listed->rule->severity]++;
  (*severity_count (report, listed->rule->severity))++;
  return TRUE;
}

/* One line per rule, view (and file) whose findings were not all listed; not counted again. */
static void
add_unlisted_lines (LcsReport *report)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, report->listed);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Listed *listed = value;
      LcsFinding *finding;

      if (listed->count <= report->max_listed)
        continue;
      finding = lcs_finding_new (listed->rule->id, listed->view, NULL,
                                 "%u more %s findings in %s%s%s are not listed (--all-findings "
                                 "lists them)", listed->count - report->max_listed,
                                 listed->rule->id, listed->file ? "" : "the ",
                                 listed->file ? listed->file : lcs_view_to_string (listed->view),
                                 listed->file ? "" : " view");
      finding->file = g_strdup (listed->file);
      g_ptr_array_add (report->findings, finding);
      /* Said once: a second sort does not add the line again. */
      listed->count = report->max_listed;
      listed->line_added = TRUE;
    }
}

/* The findings of @subject that were counted but not listed go too, and their rules list
 * from zero again when they come back. */
static void
remove_unlisted (LcsReport  *report,
                 LcsSubject  subject)
{
  GHashTableIter iter;
  gpointer value;
  guint s;

  g_hash_table_iter_init (&iter, report->listed);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Listed *listed = value;

      if (listed->rule->subject != subject)
        continue;
      for (s = 0; s < G_N_ELEMENTS (listed->unlisted); s++)
        *severity_count (report, s) -= listed->unlisted[s];
      /* The caller's loop took one off for the line, which was never counted. */
      if (listed->line_added)
        (*severity_count (report, listed->rule->severity))++;
      g_hash_table_iter_remove (&iter);
    }
}

void
lcs_report_remove_findings (LcsReport  *report,
                            LcsSubject  subject)
{
  for (guint i = report->findings->len; i > 0; i--)
    {
      const LcsFinding *finding = g_ptr_array_index (report->findings, i - 1);

      if (finding->rule == NULL || finding->rule->subject != subject)
        continue;
      (*severity_count (report, finding->severity))--;
      g_ptr_array_remove_index (report->findings, i - 1);
    }
  remove_unlisted (report, subject);
}

void
lcs_report_sort (LcsReport *report)
{
  if (report->max_listed > 0)
    add_unlisted_lines (report);
  g_ptr_array_sort (report->findings, lcs_finding_compare);
}

LcsRecordResult *
lcs_report_add_result (LcsReport              *report,
            const LcsPlannedRecord *planned,
            LcsRecordStatus         status)
{
  LcsRecordResult *result = g_new0 (LcsRecordResult, 1);

  result->planned = lcs_planned_record_copy (planned);
  result->found = g_ptr_array_new_with_free_func (g_free);
  result->status = status;
  g_ptr_array_add (report->results, result);
  return result;
}

LcsReport *
lcs_check_plan (const LcsProfile *profile)
{
  LcsReport *report = lcs_report_new (LCS_SOURCE_PLAN);
  g_autoptr(GPtrArray) plan = lcs_plan_build (profile);
  guint i;

  for (i = 0; i < plan->len; i++)
    lcs_report_add_result (report, g_ptr_array_index (plan, i), LCS_STATUS_PLANNED);
  return report;
}

static LcsPlannedRecord *
planned_from_entry (const LcsSrvEntry *entry,
                    const LcsRecord   *record)
{
  LcsPlannedRecord *planned = g_new0 (LcsPlannedRecord, 1);
  g_autofree char *domain = lcs_name_bare (entry->domain);

  planned->view = LCS_VIEW_INTERNAL;
  planned->domain = g_steal_pointer (&domain);
  planned->name = g_strdup (record->owner);
  planned->type = LCS_TYPE_SRV;
  planned->service = g_ascii_strdown (entry->service, -1);
  planned->protocol = g_ascii_strdown (entry->protocol, -1);
  planned->priority = record->priority;
  planned->weight = record->weight;
  planned->port = record->port;
  planned->target = g_strdup (record->target);
  return planned;
}

LcsReport *
lcs_check_entry (const LcsProfile  *profile,
                 const LcsSrvEntry *entry)
{
  LcsReport *report = lcs_report_new (LCS_SOURCE_ENTRY);
  g_autoptr(LcsSrvResult) result = lcs_srv_entry_check (entry, profile);
  g_autoptr(LcsSrvEntry) fixed = lcs_srv_entry_apply_fixes (entry, result->findings);
  g_autoptr(LcsSrvResult) fixed_result = lcs_srv_entry_check (fixed, profile);
  guint i;

  report->entry_owner = g_strdup (result->owner);
  report->entry_record = result->record ? lcs_record_to_zone_line (result->record) : NULL;
  for (i = 0; i < result->findings->len; i++)
    lcs_report_add_finding (report, lcs_finding_copy (g_ptr_array_index (result->findings, i)));
  /* The record to create: as typed when right, else with every fix applied. */
  if (fixed_result->errors == 0 && fixed_result->record != NULL)
    {
      g_autoptr(LcsPlannedRecord) planned = planned_from_entry (fixed, fixed_result->record);
      lcs_report_add_result (report, planned, LCS_STATUS_PLANNED);
    }
  lcs_report_sort (report);
  return report;
}

GPtrArray *
lcs_check_mistyped_names (const char *service,
                          const char *protocol,
                          const char *domain)
{
  static const char *const protocols[] = { "_tcp", "_udp", "_tls" };
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *d = lcs_name_bare (domain);
  const char *s = service, *p = protocol;
  gsize i;

  g_ptr_array_add (names, g_strdup_printf ("%s.%s.%s.%s.", s, p, p, d));          /* split */
  g_ptr_array_add (names, g_strdup_printf ("%s.%s.%s.%s.%s.", s, p, d, p, d));    /* domain typed */
  g_ptr_array_add (names, g_strdup_printf ("%s.%s.%s.%s.", s, p, d, d));          /* doubled */
  g_ptr_array_add (names, g_strdup_printf ("%s.%s.%s.", s + 1, p, d));            /* no underscore */
  g_ptr_array_add (names, g_strdup_printf ("%s.%s.%s.", s, p + 1, d));
  g_ptr_array_add (names, g_strdup_printf ("%s%s.%s.", s, p, d));                 /* joined */
  for (i = 0; i < G_N_ELEMENTS (protocols); i++)
    if (g_ascii_strcasecmp (protocols[i], p) != 0)
      g_ptr_array_add (names, g_strdup_printf ("%s.%s.%s.", s, protocols[i], d));
  for (i = 0; i < names->len; i++)
    {
      char *lower = g_ascii_strdown (g_ptr_array_index (names, i), -1);
      g_free (g_ptr_array_index (names, i));
      g_ptr_array_index (names, i) = lower;
    }
  return names;
}
