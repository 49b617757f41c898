/* Report formats of docs/spec.md §6: a terminal table, JSON, CSV (RFC 4180) and a self-contained HTML page,
 * and lcs_export_report, which picks one of them or the record scripts of export.c.
 * Names and messages may come from hostile DNS data: every string is made valid UTF-8, and
 * control characters never reach a terminal. */
#include <string.h>

#include <lcsdns/check/check.h>
#include <lcsdns/check/entry.h>
#include <lcsdns/export/export.h>

#include "export-private.h"

/* For a terminal: C0 and C1 controls (escape sequences) shown as \xNN. */
static char *
terminal_text (const char *text)
{
  g_autofree char *valid = lcs_export_valid_utf8 (text);
  GString *out = g_string_new (NULL);
  const char *p;

  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

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

static GStrv
record_cells (const LcsRecordResult *result)
{
  const LcsPlannedRecord *planned = result->planned;
  g_autofree char *expected = lcs_planned_record_data (planned);
  g_autofree char *found = result_found (result, ", ");
  g_autofree char *status = NULL;
  GStrv cells = g_new0 (char *, N_RECORD_COLUMNS + 1);

  if (result->status == LCS_STATUS_MISPLACED && result->misplaced_at != NULL)
    status = g_strdup_printf ("%s at %s", lcs_record_status_to_string (result->status),
                              result->misplaced_at);
  else
    status = g_strdup (lcs_record_status_to_string (result->status));

  cells[0] = terminal_text (planned->name);
  cells[1] = terminal_text (lcs_type_to_string (planned->type));
  cells[2] = terminal_text (lcs_view_to_string (planned->view));
  cells[3] = terminal_text (expected);
  cells[4] = terminal_text (*found != '\0' ? found : "-");
  cells[5] = terminal_text (status);
  return cells;
}

static void
append_padded (GString    *out,
               const char *cell,
               guint       width)
{
  glong len = g_utf8_strlen (cell, -1);

  g_string_append (out, cell);
  for (; len < (glong) width + 2; len++)
    g_string_append_c (out, ' ');
}

static void
append_row (GString           *out,
            const char *const *cells,
            const guint       *widths)
{
  guint c;

  g_string_append (out, "  ");
  for (c = 0; c < N_RECORD_COLUMNS - 1; c++)
    append_padded (out, cells[c], widths[c]);
  g_string_append_printf (out, "%s\n", cells[N_RECORD_COLUMNS - 1]);
}

static void
append_text_records (GString         *out,
                     const LcsReport *report)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint widths[N_RECORD_COLUMNS];
  guint i, c;

  for (c = 0; c < N_RECORD_COLUMNS; c++)
    widths[c] = strlen (record_headings[c]);
  for (i = 0; i < report->results->len; i++)
    {
      GStrv cells = record_cells (g_ptr_array_index (report->results, i));

      for (c = 0; c < N_RECORD_COLUMNS; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (cells[c], -1));
      g_ptr_array_add (rows, cells);
    }

  g_string_append (out, "Records\n");
  if (rows->len == 0)
    {
      g_string_append (out, "  none\n");
      return;
    }
  append_row (out, record_headings, widths);
  for (i = 0; i < rows->len; i++)
    append_row (out, g_ptr_array_index (rows, i), widths);
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
append_text_findings (GString         *out,
                      const LcsReport *report)
{
  guint i;

  g_string_append (out, "Findings\n");
  if (report->findings->len == 0)
    g_string_append (out, "  none\n");
  for (i = 0; i < report->findings->len; i++)
    append_text_finding (out, g_ptr_array_index (report->findings, i));
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

char *
lcs_export_report_text (const LcsReport *report)
{
  GString *out = g_string_new (NULL);
  g_autofree char *source = source_description (report);
  g_autofree char *shown_source = terminal_text (source);
  g_autofree char *summary = summary_line (report);

  g_string_append_printf (out, "%s %s - %s\n\n", LCS_TOOL_NAME, LCS_VERSION, shown_source);
  if (report->kind == LCS_SOURCE_ENTRY)
    append_text_entry (out, report);
  else
    {
      append_text_records (out, report);
      g_string_append_c (out, '\n');
      if (report->kind == LCS_SOURCE_PLAN && report->results->len > 0)
        {
          append_text_dialog_fields (out, report);
          g_string_append_c (out, '\n');
        }
    }
  append_text_findings (out, report);
  g_string_append_printf (out, "\n%s\n", summary);
  return g_string_free (out, FALSE);
}

/* CSV (RFC 4180): CRLF line ends; a field holding a comma, quote or line break is quoted. */

static const char *const csv_headings[] = {
  "kind", "name", "type", "view", "expected", "found", "status",
  "severity", "rule", "message", "fix", "file", "line", "column",
};

static void
append_csv_field (GString    *out,
                  const char *value,
                  gboolean    first)
{
  g_autofree char *valid = lcs_export_valid_utf8 (value);
  const char *p;

  if (!first)
    g_string_append_c (out, ',');
  if (strpbrk (valid, ",\"\r\n") == NULL)
    {
      g_string_append (out, valid);
      return;
    }
  g_string_append_c (out, '"');
  for (p = valid; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_csv_row (GString           *out,
                const char *const *fields)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (csv_headings); i++)
    append_csv_field (out, fields[i], i == 0);
  g_string_append (out, "\r\n");
}

static void
append_csv_record (GString               *out,
                   const LcsRecordResult *result)
{
  const LcsPlannedRecord *planned = result->planned;
  g_autofree char *expected = lcs_planned_record_data (planned);
  g_autofree char *found = result_found (result, "; ");
  g_autofree char *status = NULL;
  const char *fields[G_N_ELEMENTS (csv_headings)] = { NULL };

  if (result->status == LCS_STATUS_MISPLACED && result->misplaced_at != NULL)
    status = g_strdup_printf ("%s at %s", lcs_record_status_to_string (result->status),
                              result->misplaced_at);
  else
    status = g_strdup (lcs_record_status_to_string (result->status));
  fields[0] = "record";
  fields[1] = planned->name;
  fields[2] = lcs_type_to_string (planned->type);
  fields[3] = lcs_view_to_string (planned->view);
  fields[4] = expected;
  fields[5] = found;
  fields[6] = status;
  append_csv_row (out, fields);
}

static void
append_csv_finding (GString          *out,
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
  append_csv_row (out, fields);
}

char *
lcs_export_report_csv (const LcsReport *report)
{
  GString *out = g_string_new (NULL);
  guint i;

  append_csv_row (out, csv_headings);
  if (report->kind == LCS_SOURCE_ENTRY)
    {
      const char *fields[G_N_ELEMENTS (csv_headings)] = { "entry", report->entry_owner, "SRV" };

      fields[4] = report->entry_record;
      append_csv_row (out, fields);
    }
  for (i = 0; i < report->results->len; i++)
    append_csv_record (out, g_ptr_array_index (report->results, i));
  for (i = 0; i < report->findings->len; i++)
    append_csv_finding (out, g_ptr_array_index (report->findings, i));
  return g_string_free (out, FALSE);
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
      g_auto(GStrv) cells = record_cells (result);

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

char *
lcs_export_report (const LcsReport *report,
                   LcsFormat        format,
                   GError         **error)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case LCS_FORMAT_TEXT:
      return lcs_export_report_text (report);
    case LCS_FORMAT_JSON:
      return lcs_export_report_json (report);
    case LCS_FORMAT_CSV:
      return lcs_export_report_csv (report);
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
