/* SPDX-License-Identifier: GPL-3.0-or-later */
/* JSON report (docs/spec.md §6), one finding at a time: keys stable, names as the checks give
 * them. The layout is json-glib's pretty printing, which the reports were made with before. */
#include "config.h"

#include <lcsdns/check/check.h>
#include <lcsdns/check/entry.h>

#include "export-private.h"

static void
write_string_array (LcsJsonWriter *json,
                    const char    *key,
                    GPtrArray     *values)
{
  guint i;

  lcs_json_begin_array (json, key);
  for (i = 0; values != NULL && i < values->len; i++)
    {
      lcs_json_string (json, NULL, g_ptr_array_index (values, i));
      /* One record's Found list can hold every record of a zone. */
      lcs_export_sink_pace (json->sink);
    }
  lcs_json_end_array (json);
}

static void
write_source (LcsJsonWriter   *json,
              const LcsReport *report)
{
  lcs_json_begin_object (json, "source");
  lcs_json_string (json, "kind", lcs_export_source_kind (report->kind));
  if (report->kind == LCS_SOURCE_ZONE || report->kind == LCS_SOURCE_CERT)
    write_string_array (json, "files", report->files);
  else if (report->kind == LCS_SOURCE_LIVE)
    write_string_array (json, "servers", report->servers);
  lcs_json_end_object (json);
}

static void
write_record (LcsJsonWriter         *json,
              const LcsRecordResult *result)
{
  const LcsPlannedRecord *planned = result->planned;
  g_autofree char *expected = lcs_planned_record_data (planned);

  lcs_json_begin_object (json, NULL);
  lcs_json_string (json, "name", planned->name);
  lcs_json_string (json, "type", lcs_type_to_string (planned->type));
  lcs_json_string (json, "view", lcs_view_to_string (planned->view));
  lcs_json_string (json, "expected", expected);
  write_string_array (json, "found", result->found);
  lcs_json_string (json, "status", lcs_record_status_to_string (result->status));
  if (result->status == LCS_STATUS_MISPLACED && result->misplaced_at != NULL)
    lcs_json_string (json, "misplaced_at", result->misplaced_at);
  lcs_json_end_object (json);
}

static void
write_fix_entry (LcsJsonWriter     *json,
                 const LcsSrvEntry *entry)
{
  lcs_json_begin_object (json, "fix_entry");
  lcs_json_string (json, "domain", entry->domain);
  lcs_json_string (json, "service", entry->service);
  lcs_json_string (json, "protocol", entry->protocol);
  lcs_json_string (json, "priority", entry->priority);
  lcs_json_string (json, "weight", entry->weight);
  lcs_json_string (json, "port", entry->port);
  lcs_json_string (json, "target", entry->target);
  lcs_json_end_object (json);
}

static void
write_fix_host (LcsJsonWriter      *json,
                const LcsHostEntry *entry)
{
  lcs_json_begin_object (json, "fix_host");
  lcs_json_string (json, "domain", entry->domain);
  lcs_json_string (json, "name", entry->name);
  lcs_json_string (json, "address", entry->address);
  lcs_json_end_object (json);
}

static void
write_finding (LcsJsonWriter    *json,
               const LcsFinding *finding)
{
  lcs_json_begin_object (json, NULL);
  lcs_json_string (json, "rule", lcs_export_rule_id (finding));
  lcs_json_string (json, "severity", lcs_severity_to_string (finding->severity));
  lcs_json_string (json, "name", finding->name);
  lcs_json_string (json, "message", finding->message);
  lcs_json_string (json, "fix", finding->fix);
  lcs_json_string (json, "view", lcs_view_to_string (finding->view));
  if (finding->file != NULL)
    {
      lcs_json_string (json, "file", finding->file);
      lcs_json_int (json, "line", finding->line);
      lcs_json_int (json, "column", finding->column);
    }
  if (finding->fix_entry != NULL)
    write_fix_entry (json, finding->fix_entry);
  if (finding->fix_host != NULL)
    write_fix_host (json, finding->fix_host);
  lcs_json_end_object (json);
}

static void
write_summary (LcsJsonWriter   *json,
               const LcsReport *report)
{
  lcs_json_begin_object (json, "summary");
  lcs_json_int (json, "errors", report->errors);
  lcs_json_int (json, "warnings", report->warnings);
  lcs_json_int (json, "info", report->infos);
  lcs_json_end_object (json);
}

void
lcs_export_report_json (const LcsReport *report,
                        LcsExportSink   *sink)
{
  LcsJsonWriter json;
  guint i;

  lcs_json_writer_init (&json, sink);
  lcs_json_begin_object (&json, NULL);
  lcs_json_string (&json, "tool", LCS_TOOL_NAME);
  lcs_json_string (&json, "version", LCS_VERSION);
  write_source (&json, report);
  if (report->kind == LCS_SOURCE_ENTRY)
    {
      lcs_json_begin_object (&json, "entry");
      lcs_json_string (&json, "owner", report->entry_owner);
      lcs_json_string (&json, "record", report->entry_record);
      lcs_json_end_object (&json);
    }
  lcs_json_begin_array (&json, "records");
  for (i = 0; i < report->results->len; i++)
    {
      write_record (&json, g_ptr_array_index (report->results, i));
      lcs_export_sink_pace (sink);
    }
  lcs_json_end_array (&json);
  lcs_json_begin_array (&json, "findings");
  for (i = 0; i < report->findings->len; i++)
    {
      write_finding (&json, g_ptr_array_index (report->findings, i));
      lcs_export_sink_pace (sink);
    }
  lcs_json_end_array (&json);
  write_summary (&json, report);
  lcs_json_end_object (&json);
  g_string_append_c (sink->buffer, '\n');
}
