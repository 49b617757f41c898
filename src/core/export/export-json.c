/* JSON report (docs/spec.md §6), built with json-glib: keys stable, names as the checks give them. */
#include <json-glib/json-glib.h>
#include <lcsdns/check/check.h>
#include <lcsdns/check/entry.h>

#include "export-private.h"

static void
add_string_member (JsonBuilder *builder,
                   const char  *key,
                   const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    {
      g_autofree char *valid = lcs_export_valid_utf8 (value);

      json_builder_add_string_value (builder, valid);
    }
}

static void
add_string_array (JsonBuilder *builder,
                  const char  *key,
                  GPtrArray   *values)
{
  guint i;

  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (i = 0; values != NULL && i < values->len; i++)
    {
      g_autofree char *valid = lcs_export_valid_utf8 (g_ptr_array_index (values, i));

      json_builder_add_string_value (builder, valid);
    }
  json_builder_end_array (builder);
}

static void
add_json_source (JsonBuilder     *builder,
                 const LcsReport *report)
{
  json_builder_set_member_name (builder, "source");
  json_builder_begin_object (builder);
  add_string_member (builder, "kind", lcs_export_source_kind (report->kind));
  if (report->kind == LCS_SOURCE_ZONE || report->kind == LCS_SOURCE_CERT)
    add_string_array (builder, "files", report->files);
  else if (report->kind == LCS_SOURCE_LIVE)
    add_string_array (builder, "servers", report->servers);
  json_builder_end_object (builder);
}

static void
add_json_record (JsonBuilder           *builder,
                 const LcsRecordResult *result)
{
  const LcsPlannedRecord *planned = result->planned;
  g_autofree char *expected = lcs_planned_record_data (planned);

  json_builder_begin_object (builder);
  add_string_member (builder, "name", planned->name);
  add_string_member (builder, "type", lcs_type_to_string (planned->type));
  add_string_member (builder, "view", lcs_view_to_string (planned->view));
  add_string_member (builder, "expected", expected);
  add_string_array (builder, "found", result->found);
  add_string_member (builder, "status", lcs_record_status_to_string (result->status));
  if (result->status == LCS_STATUS_MISPLACED && result->misplaced_at != NULL)
    add_string_member (builder, "misplaced_at", result->misplaced_at);
  json_builder_end_object (builder);
}

static void
add_json_fix_entry (JsonBuilder       *builder,
                    const LcsSrvEntry *entry)
{
  json_builder_set_member_name (builder, "fix_entry");
  json_builder_begin_object (builder);
  add_string_member (builder, "domain", entry->domain);
  add_string_member (builder, "service", entry->service);
  add_string_member (builder, "protocol", entry->protocol);
  add_string_member (builder, "priority", entry->priority);
  add_string_member (builder, "weight", entry->weight);
  add_string_member (builder, "port", entry->port);
  add_string_member (builder, "target", entry->target);
  json_builder_end_object (builder);
}

static void
add_json_fix_host (JsonBuilder        *builder,
                   const LcsHostEntry *entry)
{
  json_builder_set_member_name (builder, "fix_host");
  json_builder_begin_object (builder);
  add_string_member (builder, "domain", entry->domain);
  add_string_member (builder, "name", entry->name);
  add_string_member (builder, "address", entry->address);
  json_builder_end_object (builder);
}

static void
add_json_finding (JsonBuilder      *builder,
                  const LcsFinding *finding)
{
  json_builder_begin_object (builder);
  add_string_member (builder, "rule", lcs_export_rule_id (finding));
  add_string_member (builder, "severity", lcs_severity_to_string (finding->severity));
  add_string_member (builder, "name", finding->name);
  add_string_member (builder, "message", finding->message);
  add_string_member (builder, "fix", finding->fix);
  add_string_member (builder, "view", lcs_view_to_string (finding->view));
  if (finding->file != NULL)
    {
      add_string_member (builder, "file", finding->file);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, finding->line);
      json_builder_set_member_name (builder, "column");
      json_builder_add_int_value (builder, finding->column);
    }
  if (finding->fix_entry != NULL)
    add_json_fix_entry (builder, finding->fix_entry);
  if (finding->fix_host != NULL)
    add_json_fix_host (builder, finding->fix_host);
  json_builder_end_object (builder);
}

static void
add_json_summary (JsonBuilder     *builder,
                  const LcsReport *report)
{
  json_builder_set_member_name (builder, "summary");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "errors");
  json_builder_add_int_value (builder, report->errors);
  json_builder_set_member_name (builder, "warnings");
  json_builder_add_int_value (builder, report->warnings);
  json_builder_set_member_name (builder, "info");
  json_builder_add_int_value (builder, report->infos);
  json_builder_end_object (builder);
}

char *
lcs_export_report_json (const LcsReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  guint i;

  json_builder_begin_object (builder);
  add_string_member (builder, "tool", LCS_TOOL_NAME);
  add_string_member (builder, "version", LCS_VERSION);
  add_json_source (builder, report);
  if (report->kind == LCS_SOURCE_ENTRY)
    {
      json_builder_set_member_name (builder, "entry");
      json_builder_begin_object (builder);
      add_string_member (builder, "owner", report->entry_owner);
      add_string_member (builder, "record", report->entry_record);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "records");
  json_builder_begin_array (builder);
  for (i = 0; i < report->results->len; i++)
    add_json_record (builder, g_ptr_array_index (report->results, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (i = 0; i < report->findings->len; i++)
    add_json_finding (builder, g_ptr_array_index (report->findings, i));
  json_builder_end_array (builder);
  add_json_summary (builder, report);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}
