/* The check: profile + plan + observations → per-record status and findings. Zone and live
 * checks both end here, so the same data gives the same findings whatever its source. */
#include <lcsdns/check/check.h>

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

LcsReport *
lcs_report_new (LcsSourceKind kind)
{
  LcsReport *report = g_new0 (LcsReport, 1);

  report->kind = kind;
  report->files = g_ptr_array_new_with_free_func (g_free);
  report->servers = g_ptr_array_new_with_free_func (g_free);
  report->results = g_ptr_array_new_with_free_func ((GDestroyNotify) record_result_free);
  report->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
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
  g_free (report->entry_owner);
  g_free (report->entry_record);
  g_free (report);
}

void
lcs_report_add_finding (LcsReport  *report,
                        LcsFinding *finding)
{
  switch (finding->severity)
    {
    case LCS_SEVERITY_ERROR:
      report->errors++;
      break;
    case LCS_SEVERITY_WARNING:
      report->warnings++;
      break;
    case LCS_SEVERITY_INFO:
    default:
      report->infos++;
      break;
    }
  g_ptr_array_add (report->findings, finding);
}

void
lcs_report_sort (LcsReport *report)
{
  g_ptr_array_sort (report->findings, lcs_finding_compare);
}

static LcsPlannedRecord *
planned_copy (const LcsPlannedRecord *planned)
{
  LcsPlannedRecord *copy = g_new0 (LcsPlannedRecord, 1);

  *copy = *planned;
  copy->domain = g_strdup (planned->domain);
  copy->name = g_strdup (planned->name);
  copy->service = g_strdup (planned->service);
  copy->protocol = g_strdup (planned->protocol);
  copy->target = g_strdup (planned->target);
  copy->address = g_strdup (planned->address);
  return copy;
}

LcsRecordResult *
lcs_report_add_result (LcsReport              *report,
            const LcsPlannedRecord *planned,
            LcsRecordStatus         status)
{
  LcsRecordResult *result = g_new0 (LcsRecordResult, 1);

  result->planned = planned_copy (planned);
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

static guint16
entry_number (const char *text)
{
  guint64 value = 0;

  g_ascii_string_to_unsigned (text, 10, 0, 65535, &value, NULL);
  return (guint16) value;
}

static LcsPlannedRecord *
planned_from_entry (const LcsSrvEntry *entry,
                    const char        *owner)
{
  LcsPlannedRecord *planned = g_new0 (LcsPlannedRecord, 1);
  g_autofree char *domain = lcs_name_bare (entry->domain);

  planned->view = LCS_VIEW_INTERNAL;
  planned->domain = g_steal_pointer (&domain);
  planned->name = g_strdup (owner);
  planned->type = LCS_TYPE_SRV;
  planned->service = g_ascii_strdown (entry->service, -1);
  planned->protocol = g_ascii_strdown (entry->protocol, -1);
  planned->priority = entry_number (entry->priority);
  planned->weight = entry_number (entry->weight);
  planned->port = entry_number (entry->port);
  planned->target = lcs_name_normalize (entry->target);
  return planned;
}

LcsReport *
lcs_check_entry (const LcsProfile  *profile,
                 const LcsSrvEntry *entry)
{
  LcsReport *report = lcs_report_new (LCS_SOURCE_ENTRY);
  g_autoptr(LcsEntryResult) result = lcs_srv_entry_check (entry, profile);
  g_autoptr(LcsSrvEntry) fixed = lcs_srv_entry_apply_fixes (entry, result->findings);
  g_autoptr(LcsEntryResult) fixed_result = lcs_srv_entry_check (fixed, profile);
  guint i;

  report->entry_owner = g_strdup (result->owner);
  report->entry_record = g_strdup (result->record);
  for (i = 0; i < result->findings->len; i++)
    lcs_report_add_finding (report, lcs_finding_copy (g_ptr_array_index (result->findings, i)));
  /* The record to create: as typed when right, else with every fix applied. */
  if (fixed_result->errors == 0 && fixed_result->record != NULL)
    {
      g_autoptr(LcsPlannedRecord) planned = planned_from_entry (fixed, fixed_result->owner);
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
