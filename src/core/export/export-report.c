/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Report formats of docs/spec.md §6: a terminal table and a self-contained HTML page here, JSON
 * and CSV beside; lcs_export_report and its streamed forms, which pick one of them or the record
 * scripts of export.c.
 * Names and messages may come from hostile DNS data: every string is made valid UTF-8, and
 * control characters never reach a terminal. */
#include "config.h"

#include <string.h>

#include <lcsdns/check/check.h>
#include <lcsdns/check/entry.h>
#include <lcsdns/export/export.h>
#include <lcsdns/model/save.h>

#include "export-private.h"

/* For a terminal: C0 and C1 controls (escape sequences) shown as \xNN. */
static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

static void
append_terminal_text (GString    *out,
                      const char *text)
{
  g_autofree char *valid = lcs_export_valid_utf8 (text);
  const char *p;

  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_control (c))
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_unichar (out, c);
    }
}

static char *
terminal_text (const char *text)
{
  GString *out = g_string_new (NULL);

  append_terminal_text (out, text);
  return g_string_free (out, FALSE);
}

/* The characters append_terminal_text shows for @text. */
static guint
terminal_width (const char *text)
{
  g_autofree char *valid = lcs_export_valid_utf8 (text);
  const char *p;
  guint width = 0;

  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    width += is_control (g_utf8_get_char (p)) ? 4 : 1;
  return width;
}

/* The Found list as one string, for HTML (the text and CSV writers go name by name). */
static char *
result_found (const LcsRecordResult *result,
              const char            *separator)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint i;

  for (i = 0; result->found != NULL && i < result->found->len; i++)
    {
      if (i > 0)
        g_string_append (out, separator);
      g_string_append (out, g_ptr_array_index (result->found, i));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
source_description (const LcsReport *report)
{
  GPtrArray *list = NULL;
  const char *label = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint i;

  switch (report->kind)
    {
    case LCS_SOURCE_PLAN:
      return g_strdup ("Plan: the records the deployment needs");
    case LCS_SOURCE_ENTRY:
      return g_strdup ("New Resource Record entry");
    case LCS_SOURCE_ZONE:
      label = "Zone files";
      list = report->files;
      break;
    case LCS_SOURCE_CERT:
      label = "Certificate";
      list = report->files;
      break;
    case LCS_SOURCE_LIVE:
    default:
      label = "DNS servers";
      list = report->servers;
      break;
    }
  g_string_append_printf (out, "%s: ", label);
  if (list == NULL || list->len == 0)
    g_string_append (out, report->kind == LCS_SOURCE_LIVE ? "system resolver" : "none");
  for (i = 0; list != NULL && i < list->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", (const char *) g_ptr_array_index (list, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
summary_line (const LcsReport *report)
{
  return g_strdup_printf ("%u %s, %u %s, %u info",
                          report->errors, report->errors == 1 ? "error" : "errors",
                          report->warnings, report->warnings == 1 ? "warning" : "warnings",
                          report->infos);
}

/* The six cells of a record row, in column order. */
#define N_RECORD_COLUMNS 6
static const char *const record_headings[N_RECORD_COLUMNS] = {
  "Name", "Type", "View", "Expected", "Found", "Status",
};

/* The cells of a record row; the Found cell only @with_found (HTML): the text table writes
 * it name by name. */
static GStrv
record_cells (const LcsRecordResult *result,
              gboolean               with_found)
{
  const LcsPlannedRecord *planned = result->planned;
  g_autofree char *expected = lcs_planned_record_data (planned);
  g_autofree char *status = lcs_export_record_status (result);
  GStrv cells = g_new0 (char *, N_RECORD_COLUMNS + 1);

  cells[0] = terminal_text (planned->name);
  cells[1] = terminal_text (lcs_type_to_string (planned->type));
  cells[2] = terminal_text (lcs_view_to_string (planned->view));
  cells[3] = terminal_text (expected);
  if (with_found)
    {
      g_autofree char *found = result_found (result, ", ");

      cells[4] = terminal_text (*found != '\0' ? found : "-");
    }
  else
    cells[4] = g_strdup ("");
  cells[5] = terminal_text (status);
  return cells;
}

/* Spaces from column @at to @width + 2. Every row is padded to the widest Found list, which
 * can be as wide as a zone: paced like the list itself. */
static void
pad (LcsExportSink *sink,
     guint          at,
     guint          width)
{
  for (; at < width + 2; at++)
    {
      g_string_append_c (sink->buffer, ' ');
      if (at % 4096 == 0)
        lcs_export_sink_pace (sink);
    }
}

static void
write_padded (LcsExportSink *sink,
              const char    *cell,
              guint          width)
{
  g_string_append (sink->buffer, cell);
  pad (sink, g_utf8_strlen (cell, -1), width);
}

/* The text table's Found cell: the names joined by ", ", "-" when that is empty. Each name is
 * made valid and terminal-safe on its own, which gives what the joined string would: the
 * separator is ASCII, so no invalid sequence or character spans two names. */
static gboolean
found_is_empty (const LcsRecordResult *result)
{
  GPtrArray *found = result->found;

  return found == NULL || found->len == 0 ||
         (found->len == 1 && *(const char *) g_ptr_array_index (found, 0) == '\0');
}

static guint
found_width (const LcsRecordResult *result)
{
  guint width = 0;
  guint i;

  if (found_is_empty (result))
    return 1;
  for (i = 0; i < result->found->len; i++)
    width += (i > 0 ? 2 : 0) + terminal_width (g_ptr_array_index (result->found, i));
  return width;
}

static void
write_found (LcsExportSink         *sink,
             const LcsRecordResult *result,
             guint                  width)
{
  guint i;

  if (found_is_empty (result))
    g_string_append_c (sink->buffer, '-');
  for (i = 0; !found_is_empty (result) && i < result->found->len; i++)
    {
      if (i > 0)
        g_string_append (sink->buffer, ", ");
      append_terminal_text (sink->buffer, g_ptr_array_index (result->found, i));
      lcs_export_sink_pace (sink);
    }
  pad (sink, found_width (result), width);
}

static void
write_headings (LcsExportSink *sink,
                const guint   *widths)
{
  guint c;

  g_string_append (sink->buffer, "  ");
  for (c = 0; c < N_RECORD_COLUMNS - 1; c++)
    write_padded (sink, record_headings[c], widths[c]);
  g_string_append_printf (sink->buffer, "%s\n", record_headings[N_RECORD_COLUMNS - 1]);
}

static void
write_record_row (LcsExportSink         *sink,
                  const LcsRecordResult *result,
                  const guint           *widths)
{
  g_auto(GStrv) cells = record_cells (result, FALSE);
  guint c;

  g_string_append (sink->buffer, "  ");
  for (c = 0; c < N_RECORD_COLUMNS - 1; c++)
    if (c == 4)
      write_found (sink, result, widths[c]);
    else
      write_padded (sink, cells[c], widths[c]);
  g_string_append_printf (sink->buffer, "%s\n", cells[N_RECORD_COLUMNS - 1]);
}

/* Two passes over the records: the column widths first, then the rows, so that no row is kept. */
static void
write_text_records (LcsExportSink   *sink,
                    const LcsReport *report)
{
  guint widths[N_RECORD_COLUMNS];
  guint i, c;

  for (c = 0; c < N_RECORD_COLUMNS; c++)
    widths[c] = strlen (record_headings[c]);
  for (i = 0; i < report->results->len; i++)
    {
      const LcsRecordResult *result = g_ptr_array_index (report->results, i);
      g_auto(GStrv) cells = record_cells (result, FALSE);

      for (c = 0; c < N_RECORD_COLUMNS; c++)
        widths[c] = MAX (widths[c], c == 4 ? found_width (result)
                                           : (guint) g_utf8_strlen (cells[c], -1));
    }

  g_string_append (sink->buffer, "Records\n");
  if (report->results->len == 0)
    {
      g_string_append (sink->buffer, "  none\n");
      return;
    }
  write_headings (sink, widths);
  for (i = 0; i < report->results->len; i++)
    {
      write_record_row (sink, g_ptr_array_index (report->results, i), widths);
      lcs_export_sink_pace (sink);
    }
}

static const char *
shown_field (const char *value)
{
  return value != NULL && *value != '\0' ? value : "(empty)";
}

/* What to type into the dialog, field by field; an empty field is said so. */
static char *
fix_entry_text (const LcsSrvEntry *entry)
{
  return g_strdup_printf ("Domain %s, Service %s, Protocol %s, Priority %s, Weight %s, "
                          "Port number %s, Host offering this service %s",
                          shown_field (entry->domain), shown_field (entry->service),
                          shown_field (entry->protocol), shown_field (entry->priority),
                          shown_field (entry->weight), shown_field (entry->port),
                          shown_field (entry->target));
}

static void
append_text_finding (GString          *out,
                     const LcsFinding *finding)
{
  g_autofree char *rule = terminal_text (lcs_export_rule_id (finding));
  g_autofree char *message = terminal_text (finding->message);
  g_autofree char *where = NULL;
  g_autofree char *shown_where = NULL;

  /* A zone-syntax finding is about a place in a file rather than a name. */
  if (finding->file != NULL)
    where = g_strdup_printf ("%s:%u:%u", finding->file, finding->line, finding->column);
  shown_where = terminal_text (finding->name != NULL ? finding->name : where);
  g_string_append_printf (out, "  %-8s %-22s %s", lcs_severity_to_string (finding->severity),
                          rule, shown_where);
  if (finding->view == LCS_VIEW_EXTERNAL)
    g_string_append (out, " (external)");
  g_string_append_c (out, '\n');
  if (finding->name != NULL && where != NULL)
    {
      g_autofree char *shown = terminal_text (where);

      g_string_append_printf (out, "           %s\n", shown);
    }
  g_string_append_printf (out, "           %s\n", message);
  if (finding->fix != NULL)
    {
      g_autofree char *fix = terminal_text (finding->fix);

      g_string_append_printf (out, "           fix: %s\n", fix);
    }
  if (finding->fix_entry != NULL)
    {
      g_autofree char *entry = fix_entry_text (finding->fix_entry);
      g_autofree char *shown = terminal_text (entry);

      g_string_append_printf (out, "           type: %s\n", shown);
    }
  if (finding->fix_host != NULL)
    {
      g_autofree char *entry = g_strdup_printf ("Domain %s, Name %s, IP address %s",
                                                shown_field (finding->fix_host->domain),
                                                shown_field (finding->fix_host->name),
                                                shown_field (finding->fix_host->address));
      g_autofree char *shown = terminal_text (entry);

      g_string_append_printf (out, "           type: %s\n", shown);
    }
}

static void
write_text_findings (LcsExportSink   *sink,
                     const LcsReport *report)
{
  guint i;

  g_string_append (sink->buffer, "Findings\n");
  if (report->findings->len == 0)
    g_string_append (sink->buffer, "  none\n");
  for (i = 0; i < report->findings->len; i++)
    {
      append_text_finding (sink->buffer, g_ptr_array_index (report->findings, i));
      lcs_export_sink_pace (sink);
    }
}

/* Entry mode: the record to create, every fix applied ("name SRV data"). */
static char *
record_to_create (const LcsRecordResult *result)
{
  g_autofree char *data = lcs_planned_record_data (result->planned);

  return g_strdup_printf ("%s %s %s", result->planned->name,
                          lcs_type_to_string (result->planned->type), data);
}

static void
append_text_entry (GString         *out,
                   const LcsReport *report)
{
  g_autofree char *owner = terminal_text (report->entry_owner ? report->entry_owner : "-");
  g_autofree char *record = terminal_text (report->entry_record ? report->entry_record
                                                                : "(not valid)");
  guint i;

  g_string_append_printf (out, "Owner:  %s\nRecord: %s\n", owner, record);
  for (i = 0; i < report->results->len; i++)
    {
      g_autofree char *create = record_to_create (g_ptr_array_index (report->results, i));
      g_autofree char *shown = terminal_text (create);

      g_string_append_printf (out, "Create: %s\n", shown);
    }
  g_string_append_c (out, '\n');
}

/* The plan as the admin types it: the SRV dialog's and the New Host dialog's fields, per view. */
static void
append_text_dialog_fields (GString         *out,
                           const LcsReport *report)
{
  static const LcsView views[] = { LCS_VIEW_INTERNAL, LCS_VIEW_EXTERNAL };
  gsize v;
  guint i;

  g_string_append (out, "In the Windows DNS console (zone, Other New Records..., then "
                        "Service Location (SRV) or New Host)\n");
  for (v = 0; v < G_N_ELEMENTS (views); v++)
    {
      gboolean heading = FALSE;

      for (i = 0; i < report->results->len; i++)
        {
          const LcsPlannedRecord *r = ((LcsRecordResult *) g_ptr_array_index (report->results, i))->planned;
          g_autofree char *zone = NULL;
          g_autofree char *node = NULL;

          if (r->view != views[v] || !lcs_export_zone_and_node (r->name, r->domain, &zone, &node))
            continue;
          if (!heading)
            g_string_append_printf (out, "  %s DNS\n", views[v] == LCS_VIEW_INTERNAL ? "Internal"
                                                                                    : "External");
          heading = TRUE;
          if (r->type == LCS_TYPE_SRV)
            g_string_append_printf (out, "    SRV in %s: Service %s, Protocol %s, Priority %u, "
                                         "Weight %u, Port number %u, Host offering this service %s\n",
                                    zone, r->service, r->protocol, r->priority, r->weight, r->port,
                                    r->target);
          else if (r->type == LCS_TYPE_CNAME)
            g_string_append_printf (out, "    Alias (CNAME) in %s: Alias name %s, Fully qualified "
                                         "domain name (FQDN) for target host %s\n", zone, node,
                                    r->target);
          else
            g_string_append_printf (out, "    Host in %s: Name %s, IP address %s\n", zone,
                                    g_strcmp0 (node, "@") == 0 ? "(blank)" : node, r->address);
        }
    }
}

void
lcs_export_report_text (const LcsReport *report,
                        LcsExportSink   *sink)
{
  GString *out = sink->buffer;
  g_autofree char *source = source_description (report);
  g_autofree char *shown_source = terminal_text (source);
  g_autofree char *summary = summary_line (report);

  g_string_append_printf (out, "%s %s - %s\n\n", LCS_TOOL_NAME, LCS_VERSION, shown_source);
  if (report->kind == LCS_SOURCE_ENTRY)
    append_text_entry (out, report);
  else
    {
      write_text_records (sink, report);
      g_string_append_c (sink->buffer, '\n');
      if (report->kind == LCS_SOURCE_PLAN && report->results->len > 0)
        {
          append_text_dialog_fields (sink->buffer, report);
          g_string_append_c (sink->buffer, '\n');
        }
    }
  write_text_findings (sink, report);
  g_string_append_printf (sink->buffer, "\n%s\n", summary);
}

/* HTML: one file that opens anywhere; the status is a word, colour only repeats it. */

static const char html_head[] =
  "<!DOCTYPE html>\n"
  "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
  "<title>LCS DNS report</title>\n"
  "<style>\n"
  "body { font-family: Segoe UI, Tahoma, sans-serif; margin: 1.5em; color: #222; }\n"
  "table { border-collapse: collapse; margin-bottom: 1.5em; }\n"
  "th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; text-align: left;"
  " vertical-align: top; }\n"
  "th { background: #e8e8e8; }\n"
  "td.name, td.data { font-family: Consolas, monospace; }\n"
  ".bad { background: #fde2e1; font-weight: bold; }\n"
  ".warning { background: #fff4d6; font-weight: bold; }\n"
  ".good { background: #e3f4e1; }\n"
  ".fix { color: #0a4a8a; }\n"
  "</style>\n</head>\n<body>\n";

static void
append_html_text (GString    *out,
                  const char *text)
{
  g_autofree char *valid = lcs_export_valid_utf8 (text);
  g_autofree char *escaped = g_markup_escape_text (valid, -1);

  g_string_append (out, escaped);
}

static void
append_html_cell (GString    *out,
                  const char *css_class,
                  const char *text)
{
  if (css_class != NULL)
    g_string_append_printf (out, "<td class=\"%s\">", css_class);
  else
    g_string_append (out, "<td>");
  append_html_text (out, text);
  g_string_append (out, "</td>");
}

static const char *
status_class (LcsRecordStatus status)
{
  switch (status)
    {
    case LCS_STATUS_OK:
      return "good";
    case LCS_STATUS_PLANNED:
      return NULL;
    case LCS_STATUS_FAILED:
    case LCS_STATUS_UNRESOLVED:
      return "warning";
    default:
      return "bad";
    }
}

static const char *
severity_class (LcsSeverity severity)
{
  if (severity == LCS_SEVERITY_ERROR)
    return "bad";
  if (severity == LCS_SEVERITY_WARNING)
    return "warning";
  return NULL;
}

static void
append_html_records (GString         *out,
                     const LcsReport *report)
{
  guint i, c;

  g_string_append (out, "<h2>Records</h2>\n");
  if (report->results->len == 0)
    {
      g_string_append (out, "<p>None.</p>\n");
      return;
    }
  g_string_append (out, "<table>\n<tr>");
  for (c = 0; c < N_RECORD_COLUMNS; c++)
    g_string_append_printf (out, "<th>%s</th>", record_headings[c]);
  g_string_append (out, "</tr>\n");
  for (i = 0; i < report->results->len; i++)
    {
      const LcsRecordResult *result = g_ptr_array_index (report->results, i);
      g_auto(GStrv) cells = record_cells (result, TRUE);

      g_string_append (out, "<tr>");
      append_html_cell (out, "name", cells[0]);
      append_html_cell (out, NULL, cells[1]);
      append_html_cell (out, NULL, cells[2]);
      append_html_cell (out, "data", cells[3]);
      append_html_cell (out, "data", cells[4]);
      append_html_cell (out, status_class (result->status), cells[5]);
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</table>\n");
}

static void
append_html_finding (GString          *out,
                     const LcsFinding *finding)
{
  g_string_append (out, "<tr>");
  append_html_cell (out, severity_class (finding->severity),
                    lcs_severity_to_string (finding->severity));
  append_html_cell (out, NULL, lcs_export_rule_id (finding));
  append_html_cell (out, "name", finding->name != NULL ? finding->name : "");
  append_html_cell (out, NULL, lcs_view_to_string (finding->view));
  g_string_append (out, "<td>");
  append_html_text (out, finding->message);
  if (finding->file != NULL)
    {
      g_autofree char *where = g_strdup_printf (" (%s:%u:%u)", finding->file, finding->line,
                                                finding->column);

      append_html_text (out, where);
    }
  if (finding->fix != NULL)
    {
      g_string_append (out, "<br><span class=\"fix\">Fix: ");
      append_html_text (out, finding->fix);
      g_string_append (out, "</span>");
    }
  if (finding->fix_entry != NULL)
    {
      g_autofree char *entry = fix_entry_text (finding->fix_entry);

      g_string_append (out, "<br><span class=\"fix\">Type: ");
      append_html_text (out, entry);
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</td></tr>\n");
}

static void
append_html_findings (GString         *out,
                      const LcsReport *report)
{
  guint i;

  g_string_append (out, "<h2>Findings</h2>\n");
  if (report->findings->len == 0)
    {
      g_string_append (out, "<p>None.</p>\n");
      return;
    }
  g_string_append (out, "<table>\n<tr><th>Severity</th><th>Rule</th><th>Name</th>"
                        "<th>View</th><th>Message and fix</th></tr>\n");
  for (i = 0; i < report->findings->len; i++)
    append_html_finding (out, g_ptr_array_index (report->findings, i));
  g_string_append (out, "</table>\n");
}

static void
append_html_entry (GString         *out,
                   const LcsReport *report)
{
  guint i;

  g_string_append (out, "<table>\n<tr><th>Owner</th>");
  append_html_cell (out, "name", report->entry_owner ? report->entry_owner : "-");
  g_string_append (out, "</tr>\n<tr><th>Record</th>");
  append_html_cell (out, "name", report->entry_record ? report->entry_record : "(not valid)");
  g_string_append (out, "</tr>\n");
  for (i = 0; i < report->results->len; i++)
    {
      g_autofree char *create = record_to_create (g_ptr_array_index (report->results, i));

      g_string_append (out, "<tr><th>Create</th>");
      append_html_cell (out, "name", create);
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</table>\n");
}

char *
lcs_export_report_html (const LcsReport *report)
{
  GString *out = g_string_new (html_head);
  g_autofree char *source = source_description (report);
  g_autofree char *summary = summary_line (report);

  g_string_append (out, "<h1>LCS DNS report</h1>\n<p>");
  append_html_text (out, source);
  g_string_append (out, "</p>\n<p><strong>");
  append_html_text (out, summary);
  g_string_append (out, "</strong></p>\n");
  if (report->kind == LCS_SOURCE_ENTRY)
    append_html_entry (out, report);
  else
    append_html_records (out, report);
  append_html_findings (out, report);
  g_string_append_printf (out, "<p>Generated by %s %s.</p>\n</body>\n</html>\n",
                          LCS_TOOL_NAME, LCS_VERSION);
  return g_string_free (out, FALSE);
}

/* The records still to create: all of them in plan mode, else every one not found as planned. */
static char *
export_report_records (const LcsReport *report,
                       LcsFormat        format,
                       GError         **error)
{
  g_autoptr(GPtrArray) todo = g_ptr_array_new ();
  guint i;

  for (i = 0; i < report->results->len; i++)
    {
      const LcsRecordResult *result = g_ptr_array_index (report->results, i);

      if (report->kind == LCS_SOURCE_PLAN || result->status != LCS_STATUS_OK)
        g_ptr_array_add (todo, result->planned);
    }
  return lcs_export_records (todo, format, error);
}

typedef void (*StreamedWriter) (const LcsReport *report,
                                LcsExportSink   *sink);

/* The formats written one record and one finding at a time; NULL for those made whole. */
static StreamedWriter
streamed_writer (LcsFormat format)
{
  switch (format)
    {
    case LCS_FORMAT_TEXT:
      return lcs_export_report_text;
    case LCS_FORMAT_JSON:
      return lcs_export_report_json;
    case LCS_FORMAT_CSV:
      return lcs_export_report_csv;
    default:
      return NULL;
    }
}

char *
lcs_export_report (const LcsReport *report,
                   LcsFormat        format,
                   GError         **error)
{
  StreamedWriter writer = streamed_writer (format);

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (writer != NULL)
    {
      LcsExportSink sink;

      lcs_export_sink_init (&sink, NULL);
      writer (report, &sink);
      return lcs_export_sink_steal (&sink);
    }
  switch (format)
    {
    case LCS_FORMAT_HTML:
      return lcs_export_report_html (report);
    case LCS_FORMAT_DNSCMD:
    case LCS_FORMAT_POWERSHELL:
    case LCS_FORMAT_BIND:
      return export_report_records (report, format, error);
    case LCS_FORMAT_NSUPDATE:
      return lcs_export_report_nsupdate (report, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
lcs_export_report_write (const LcsReport *report,
                         LcsFormat        format,
                         GOutputStream   *out,
                         GError         **error)
{
  StreamedWriter writer = streamed_writer (format);
  g_autofree char *text = NULL;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (writer != NULL)
    {
      LcsExportSink sink;

      lcs_export_sink_init (&sink, out);
      writer (report, &sink);
      return lcs_export_sink_finish (&sink, error);
    }
  text = lcs_export_report (report, format, error);
  return text != NULL && g_output_stream_write_all (out, text, strlen (text), NULL, NULL, error);
}

typedef struct {
  const LcsReport *report;
  LcsFormat        format;
} SavedReport;

static gboolean
write_saved_report (GOutputStream  *out,
                    gpointer        user_data,
                    GError        **error)
{
  const SavedReport *saved = user_data;

  return lcs_export_report_write (saved->report, saved->format, out, error);
}

gboolean
lcs_export_report_save (const LcsReport *report,
                        LcsFormat        format,
                        const char      *path,
                        GError         **error)
{
  SavedReport saved = { report, format };
  g_autofree char *text = NULL;
  g_autofree char *file_text = NULL;

  g_return_val_if_fail (report != NULL, FALSE);

  if (streamed_writer (format) != NULL)
    return lcs_save_stream (path, write_saved_report, &saved, error);
  /* Made whole first: a name that is not valid DNS must leave the old file as it is. */
  text = lcs_export_report (report, format, error);
  if (text == NULL)
    return FALSE;
  file_text = lcs_export_for_file (text, format);
  return lcs_save_contents (path, file_text, -1, error);
}

char *
lcs_export_for_file (const char *text,
                     LcsFormat   format)
{
  g_autoptr(GString) out = NULL;

  if (format != LCS_FORMAT_DNSCMD && format != LCS_FORMAT_POWERSHELL)
    return g_strdup (text);
  out = g_string_sized_new (strlen (text) + strlen (text) / 32);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n' && (p == text || p[-1] != '\r'))
        g_string_append_c (out, '\r');
      g_string_append_c (out, *p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

const char *
lcs_format_extension (LcsFormat format)
{
  switch (format)
    {
    case LCS_FORMAT_JSON:
      return ".json";
    case LCS_FORMAT_CSV:
      return ".csv";
    case LCS_FORMAT_DNSCMD:
      return ".cmd";
    case LCS_FORMAT_POWERSHELL:
      return ".ps1";
    case LCS_FORMAT_BIND:
      return ".zone";
    case LCS_FORMAT_HTML:
      return ".html";
    case LCS_FORMAT_NSUPDATE:
      return ".nsupdate";
    case LCS_FORMAT_TEXT:
    default:
      return ".txt";
    }
}
