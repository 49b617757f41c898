/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CSV report (RFC 4180, docs/spec.md §6), one row at a time: CRLF line ends; a field holding a
 * comma, quote or line break is quoted. Every field is made valid UTF-8. */
#include "config.h"

#include <string.h>

#include <lcsdns/check/check.h>

#include "export-private.h"

static const char *const csv_headings[] = {
  "kind", "name", "type", "view", "expected", "found", "status",
  "severity", "rule", "message", "fix", "file", "line", "column",
};
#define FOUND_COLUMN 5

static gboolean
needs_quotes (const char *value)
{
  return value != NULL && strpbrk (value, ",\"\r\n") != NULL;
}

/* @value (valid UTF-8) with its quotes doubled. */
static void
append_quoted_text (GString    *out,
                    const char *value)
{
  const char *p;

  for (p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
}

static void
append_field (GString    *out,
              const char *value,
              gboolean    first)
{
  g_autofree char *valid = lcs_export_valid_utf8 (value);

  if (!first)
    g_string_append_c (out, ',');
  if (!needs_quotes (valid))
    {
      g_string_append (out, valid);
      return;
    }
  g_string_append_c (out, '"');
  append_quoted_text (out, valid);
  g_string_append_c (out, '"');
}

/* The Found names joined by "; ", name by name: one list can hold every record of a zone.
 * Making each name valid on its own gives what the joined string would (the separator is
 * ASCII), and the field is quoted when any name needs it. */
static void
write_found_field (LcsExportSink *sink,
                   GPtrArray     *found)
{
  gboolean quoted = FALSE;
  guint i;

  for (i = 0; found != NULL && i < found->len && !quoted; i++)
    quoted = needs_quotes (g_ptr_array_index (found, i));
  g_string_append (sink->buffer, quoted ? ",\"" : ",");
  for (i = 0; found != NULL && i < found->len; i++)
    {
      g_autofree char *valid = lcs_export_valid_utf8 (g_ptr_array_index (found, i));

      if (i > 0)
        g_string_append (sink->buffer, "; ");
      if (quoted)
        append_quoted_text (sink->buffer, valid);
      else
        g_string_append (sink->buffer, valid);
      lcs_export_sink_pace (sink);
    }
  if (quoted)
    g_string_append_c (sink->buffer, '"');
}

/* One row; for a @record row, the Found column comes from its list. */
static void
write_row (LcsExportSink         *sink,
           const char *const     *fields,
           const LcsRecordResult *record)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (csv_headings); i++)
    if (i == FOUND_COLUMN && record != NULL)
      write_found_field (sink, record->found);
    else
      append_field (sink->buffer, fields[i], i == 0);
  g_string_append (sink->buffer, "\r\n");
  lcs_export_sink_pace (sink);
}

static void
write_record (LcsExportSink         *sink,
              const LcsRecordResult *result)
{
  const LcsPlannedRecord *planned = result->planned;
  g_autofree char *expected = lcs_planned_record_data (planned);
  g_autofree char *status = lcs_export_record_status (result);
  const char *fields[G_N_ELEMENTS (csv_headings)] = { NULL };

  fields[0] = "record";
  fields[1] = planned->name;
  fields[2] = lcs_type_to_string (planned->type);
  fields[3] = lcs_view_to_string (planned->view);
  fields[4] = expected;
  fields[6] = status;
  write_row (sink, fields, result);
}

static void
write_finding (LcsExportSink    *sink,
               const LcsFinding *finding)
{
  g_autofree char *line = NULL;
  g_autofree char *column = NULL;
  const char *fields[G_N_ELEMENTS (csv_headings)] = { NULL };

  if (finding->file != NULL)
    {
      line = g_strdup_printf ("%u", finding->line);
      column = g_strdup_printf ("%u", finding->column);
    }
  fields[0] = "finding";
  fields[1] = finding->name;
  fields[3] = lcs_view_to_string (finding->view);
  fields[7] = lcs_severity_to_string (finding->severity);
  fields[8] = lcs_export_rule_id (finding);
  fields[9] = finding->message;
  fields[10] = finding->fix;
  fields[11] = finding->file;
  fields[12] = line;
  fields[13] = column;
  write_row (sink, fields, NULL);
}

void
lcs_export_report_csv (const LcsReport *report,
                       LcsExportSink   *sink)
{
  guint i;

  write_row (sink, csv_headings, NULL);
  if (report->kind == LCS_SOURCE_ENTRY)
    {
      const char *fields[G_N_ELEMENTS (csv_headings)] = { "entry", report->entry_owner, "SRV" };

      fields[4] = report->entry_record;
      write_row (sink, fields, NULL);
    }
  for (i = 0; i < report->results->len; i++)
    write_record (sink, g_ptr_array_index (report->results, i));
  for (i = 0; i < report->findings->len; i++)
    write_finding (sink, g_ptr_array_index (report->findings, i));
}
