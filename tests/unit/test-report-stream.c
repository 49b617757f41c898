/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report writers stream (issue 14): JSON exactly as json-glib's pretty printer writes the
 * same tree, text and CSV cells made name by name as the whole list would be, output written in
 * bounded pieces, and saved files whole. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <lcsdns/check/check.h>
#include <lcsdns/export/export.h>
#include <lcsdns/model/finding.h>

/* Strings a zone or a profile can put into a report: every control character, DEL, C1, quotes,
 * backslash, slash, non-ASCII, and invalid UTF-8 (which must never reach the output as is). */
static const char *const tricky[] = {
  "\"quoted\" and \\back\\slashed\\", "a/b</script>", "caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80",
  "\xc2\x85 next line, \xe2\x80\xa8 line separator", "tab\there\nnew line\rreturn\bback\fform",
  "\x01\x02\x1e\x1f\x7f", "\xff", "\xc3", "ab\xc3(", "\xc0\xaf overlong", "\xed\xa0\x80 surrogate",
  "\xf4\x90\x80\x80 too high", "", " ",
};

static LcsPlannedRecord *
planned_a (const char *name)
{
  LcsPlannedRecord *record = g_new0 (LcsPlannedRecord, 1);

  record->view = LCS_VIEW_INTERNAL;
  record->domain = g_strdup ("contoso.com");
  record->name = g_strdup (name);
  record->type = LCS_TYPE_A;
  record->address = g_strdup ("192.0.2.10");
  return record;
}

static void
add_result (LcsReport       *report,
            const char      *name,
            LcsRecordStatus  status,
            const char      *misplaced_at)
{
  g_autoptr(LcsPlannedRecord) planned = planned_a (name);
  LcsRecordResult *result = lcs_report_add_result (report, planned, status);

  result->misplaced_at = g_strdup (misplaced_at);
}

/* Every single byte 1..255, then the tricky strings, as names, messages, fixes, files, Found
 * lists and dialog fields; an empty Found list and a NULL protocol too. */
static LcsReport *
tricky_report (void)
{
  LcsReport *report = lcs_report_new (LCS_SOURCE_ZONE);
  LcsRecordResult *result;
  guint i;

  report->max_listed = 0;
  g_ptr_array_add (report->files, g_strdup ("C:\\dns\\contoso.com.dns"));
  add_result (report, "lcs.contoso.com.", LCS_STATUS_MISMATCH, NULL);
  add_result (report, "pool.contoso.com.", LCS_STATUS_MISPLACED, "pool.contoso.com.contoso.com.");
  add_result (report, "\x1f\xff.contoso.com.", LCS_STATUS_MISSING, NULL);
  result = g_ptr_array_index (report->results, 0);
  for (i = 1; i < 256; i++)
    g_ptr_array_add (result->found, g_strdup_printf ("%c", i));
  for (i = 0; i < G_N_ELEMENTS (tricky); i++)
    g_ptr_array_add (result->found, g_strdup (tricky[i]));
  for (i = 0; i < G_N_ELEMENTS (tricky); i++)
    {
      LcsFinding *finding = lcs_finding_new ("record-mismatch", LCS_VIEW_INTERNAL, tricky[i],
                                             "%s", tricky[i]);

      lcs_finding_set_fix (finding, "%s", tricky[(i + 1) % G_N_ELEMENTS (tricky)]);
      if (i % 3 == 0)
        {
          finding->file = g_strdup (tricky[i]);
          finding->line = i * 1000;
          finding->column = G_MAXUINT;
        }
      if (i % 4 == 1)
        {
          finding->fix_entry = g_new0 (LcsSrvEntry, 1);
          finding->fix_entry->domain = g_strdup (tricky[i]);
          finding->fix_entry->service = g_strdup ("_sip");
          finding->fix_entry->port = g_strdup ("5061");
        }
      if (i % 4 == 2)
        {
          finding->fix_host = g_new0 (LcsHostEntry, 1);
          finding->fix_host->name = g_strdup (tricky[i]);
        }
      lcs_report_add_finding (report, finding);
    }
  return report;
}

/* What json-glib's generator (pretty, indent 2) writes for the tree @text parses to. */
static char *
json_glib_text (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *generated = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  generated = json_generator_to_data (generator, NULL);
#if !JSON_CHECK_VERSION (1, 10, 8)
  /* Before 1.10.8 json-glib wrote U+001F raw, which RFC 8259 forbids; we escape it as it
   * does now. Nothing else differs. */
  {
    g_auto(GStrv) parts = g_strsplit (generated, "\x1f", -1);

    g_free (generated);
    generated = g_strjoinv ("\\u001f", parts);
  }
#endif
  return g_strconcat (generated, "\n", NULL);
}

static void
test_json_as_json_glib (void)
{
  g_autoptr(LcsReport) report = tricky_report ();
  g_autofree char *ours = lcs_export_report (report, LCS_FORMAT_JSON, NULL);
  g_autofree char *theirs = json_glib_text (ours);
  g_autoptr(LcsReport) empty = lcs_report_new (LCS_SOURCE_LIVE);
  g_autofree char *empty_ours = lcs_export_report (empty, LCS_FORMAT_JSON, NULL);
  g_autofree char *empty_theirs = json_glib_text (empty_ours);

  g_assert_cmpstr (ours, ==, theirs);
  g_assert_cmpstr (empty_ours, ==, empty_theirs);
  g_assert_nonnull (strstr (empty_ours, "\"records\" : [],\n"));
  /* The layout json-glib gives, spelt out once; '/' and non-ASCII as they are. */
  g_assert_nonnull (strstr (ours, "\n    {\n      \"name\" : \"lcs.contoso.com.\",\n"));
  g_assert_nonnull (strstr (ours, "\"found\" : [\n        \"\\u0001\",\n"));
  g_assert_nonnull (strstr (ours, "\"a/b</script>\""));
  g_assert_nonnull (strstr (ours, "\"caf\xc3\xa9 "));
  g_assert_nonnull (strstr (ours, "\"\\u0001\\u0002\\u001e\\u001f\\u007f\""));
  g_assert_nonnull (strstr (ours, "\"tab\\there\\nnew line\\rreturn\\bback\\fform\""));
  g_assert_nonnull (strstr (ours, "\"column\" : 4294967295"));
  g_assert_nonnull (strstr (ours, "\"protocol\" : null"));
  g_assert_true (g_utf8_validate (ours, -1, NULL));
}

/* Each string in the JSON is the valid-UTF-8 form of what the report held. */
static void
test_json_strings (void)
{
  g_autoptr(LcsReport) report = tricky_report ();
  g_autofree char *text = lcs_export_report (report, LCS_FORMAT_JSON, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *found, *findings;
  LcsRecordResult *result = g_ptr_array_index (report->results, 0);
  guint i;

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  found = json_object_get_array_member (json_array_get_object_element (
                                          json_object_get_array_member (root, "records"), 0),
                                        "found");
  g_assert_cmpuint (json_array_get_length (found), ==, result->found->len);
  for (i = 0; i < result->found->len; i++)
    {
      g_autofree char *valid = g_utf8_make_valid (g_ptr_array_index (result->found, i), -1);

      g_assert_cmpstr (json_array_get_string_element (found, i), ==, valid);
    }
  findings = json_object_get_array_member (root, "findings");
  for (i = 0; i < report->findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (report->findings, i);
      g_autofree char *valid = g_utf8_make_valid (finding->message, -1);
      JsonObject *object = json_array_get_object_element (findings, i);

      g_assert_cmpstr (json_object_get_string_member (object, "message"), ==, valid);
    }
}

/* An output stream that keeps what it is given and the largest single write; it fails once
 * @fail_after bytes have gone through (0: never). */
#define TEST_TYPE_STREAM (test_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestStream, test_stream, TEST, STREAM, GOutputStream)

struct _TestStream {
  GOutputStream parent_instance;
  GString      *data;
  gsize         largest;
  guint         writes;
  gsize         fail_after;
};

G_DEFINE_FINAL_TYPE (TestStream, test_stream, G_TYPE_OUTPUT_STREAM)

static gssize
test_stream_write (GOutputStream  *stream,
                   const void     *buffer,
                   gsize           count,
                   GCancellable   *cancellable,
                   GError        **error)
{
  TestStream *self = TEST_STREAM (stream);

  if (self->fail_after > 0 && self->data->len >= self->fail_after)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left");
      return -1;
    }
  g_string_append_len (self->data, buffer, count);
  self->largest = MAX (self->largest, count);
  self->writes++;
  return count;
}

static void
test_stream_finalize (GObject *object)
{
  g_string_free (TEST_STREAM (object)->data, TRUE);
  G_OBJECT_CLASS (test_stream_parent_class)->finalize (object);
}

static void
test_stream_class_init (TestStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = test_stream_write;
  G_OBJECT_CLASS (klass)->finalize = test_stream_finalize;
}

static void
test_stream_init (TestStream *self)
{
  self->data = g_string_new (NULL);
}

/* A zone-sized report: one record whose Found list has 50,000 names (the one-owner shape) and
 * 20,000 findings. */
static LcsReport *
large_report (void)
{
  LcsReport *report = lcs_report_new (LCS_SOURCE_ZONE);
  LcsRecordResult *result;
  guint i;

  report->max_listed = 0;
  add_result (report, "sip.contoso.com.", LCS_STATUS_MISMATCH, NULL);
  add_result (report, "lcs.contoso.com.", LCS_STATUS_OK, NULL);
  result = g_ptr_array_index (report->results, 0);
  for (i = 0; i < 50000; i++)
    g_ptr_array_add (result->found, g_strdup_printf ("0 0 5061 h%u.contoso.com.", i));
  for (i = 0; i < 20000; i++)
    lcs_report_add_finding (report, lcs_finding_new ("record-mismatch", LCS_VIEW_INTERNAL,
                                                     "h.contoso.com.", "finding %u", i));
  return report;
}

static const LcsFormat streamed[] = { LCS_FORMAT_TEXT, LCS_FORMAT_JSON, LCS_FORMAT_CSV };

static void
test_bounded_writes (void)
{
  g_autoptr(LcsReport) report = large_report ();
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (streamed); i++)
    {
      g_autoptr(TestStream) out = g_object_new (TEST_TYPE_STREAM, NULL);
      g_autofree char *whole = lcs_export_report (report, streamed[i], NULL);
      g_autoptr(GError) error = NULL;

      g_assert_true (lcs_export_report_write (report, streamed[i], G_OUTPUT_STREAM (out), &error));
      g_assert_no_error (error);
      g_assert_cmpstr (out->data->str, ==, whole);
      /* Megabytes in pieces of about 64 KiB: the report is never held whole. */
      g_assert_cmpuint (strlen (whole), >, 1000000);
      g_assert_cmpuint (out->largest, <, 128 * 1024);
      g_assert_cmpuint (out->writes, >, strlen (whole) / (128 * 1024));
    }
}

static void
test_write_fails (void)
{
  g_autoptr(LcsReport) report = large_report ();
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (streamed); i++)
    {
      g_autoptr(TestStream) out = g_object_new (TEST_TYPE_STREAM, NULL);
      g_autoptr(GError) error = NULL;

      out->fail_after = 200000;
      g_assert_false (lcs_export_report_write (report, streamed[i], G_OUTPUT_STREAM (out), &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      /* Nothing is written after the first failure. */
      g_assert_cmpuint (out->data->len, <, 200000 + 128 * 1024);
    }
}

/* The text table's Found cell, made name by name, is what the joined list shows: controls as
 * \xNN, invalid bytes as U+FFFD; the Status column stays aligned. */
static void
test_text_found_cell (void)
{
  g_autoptr(LcsReport) report = lcs_report_new (LCS_SOURCE_ZONE);
  LcsRecordResult *result;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  glong status_at = -1;
  guint rows = 0;
  gsize i;

  add_result (report, "a.contoso.com.", LCS_STATUS_MISMATCH, NULL);
  add_result (report, "b.contoso.com.", LCS_STATUS_MISSING, NULL);
  add_result (report, "c.contoso.com.", LCS_STATUS_MISMATCH, NULL);
  result = g_ptr_array_index (report->results, 0);
  g_ptr_array_add (result->found, g_strdup ("x\x01y"));
  g_ptr_array_add (result->found, g_strdup ("\xc3"));
  g_ptr_array_add (result->found, g_strdup ("\xc3\xa9\xc2\x9b"));
  result = g_ptr_array_index (report->results, 2);
  g_ptr_array_add (result->found, g_strdup (""));
  text = lcs_export_report (report, LCS_FORMAT_TEXT, NULL);
  g_assert_nonnull (strstr (text, "  x\\x01y, \xef\xbf\xbd, \xc3\xa9\\x9b  "));
  lines = g_strsplit (text, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    {
      const char *status = strstr (lines[i], g_str_has_prefix (lines[i], "  Name") ? "Status"
                                             : g_str_has_prefix (lines[i], "  a.") ||
                                               g_str_has_prefix (lines[i], "  c.") ? "mismatch"
                                             : g_str_has_prefix (lines[i], "  b.") ? "missing"
                                             : "\x01");

      if (status == NULL)
        continue;
      if (status_at < 0)
        status_at = g_utf8_pointer_to_offset (lines[i], status);
      g_assert_cmpint (g_utf8_pointer_to_offset (lines[i], status), ==, status_at);
      rows++;
    }
  g_assert_cmpuint (rows, ==, 4);
  /* An empty list and a list of one empty name both show "-". */
  g_assert_nonnull (strstr (text, "  b.contoso.com.  A     internal  192.0.2.10  -  "));
  g_assert_nonnull (strstr (text, "  c.contoso.com.  A     internal  192.0.2.10  -  "));
}

/* The CSV Found field is quoted when any one name needs it, as the joined list would be. */
static void
test_csv_found_field (void)
{
  g_autoptr(LcsReport) report = lcs_report_new (LCS_SOURCE_ZONE);
  LcsRecordResult *result;
  g_autofree char *csv = NULL;

  add_result (report, "a.contoso.com.", LCS_STATUS_MISMATCH, NULL);
  add_result (report, "b.contoso.com.", LCS_STATUS_MISMATCH, NULL);
  result = g_ptr_array_index (report->results, 0);
  g_ptr_array_add (result->found, g_strdup ("one"));
  g_ptr_array_add (result->found, g_strdup ("two \"2\", \xff"));
  result = g_ptr_array_index (report->results, 1);
  g_ptr_array_add (result->found, g_strdup ("one"));
  g_ptr_array_add (result->found, g_strdup ("two"));
  csv = lcs_export_report (report, LCS_FORMAT_CSV, NULL);
  g_assert_nonnull (strstr (csv, ",192.0.2.10,\"one; two \"\"2\"\", \xef\xbf\xbd\",mismatch,"));
  g_assert_nonnull (strstr (csv, ",192.0.2.10,one; two,mismatch,"));
}

/* A saved report is what lcs_export_for_file makes of the string form, for every format; a
 * failed save leaves the old file. */
static void
test_save (void)
{
  g_autoptr(LcsReport) report = large_report ();
  g_autoptr(LcsReport) small = tricky_report ();
  g_autofree char *dir = g_dir_make_tmp ("lcs-report-stream-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "report", NULL);
  static const LcsFormat all[] = {
    LCS_FORMAT_TEXT, LCS_FORMAT_JSON, LCS_FORMAT_CSV, LCS_FORMAT_HTML, LCS_FORMAT_DNSCMD,
    LCS_FORMAT_POWERSHELL, LCS_FORMAT_BIND,
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autofree char *text = lcs_export_report (report, all[i], NULL);
      g_autofree char *expected = lcs_export_for_file (text, all[i]);
      g_autofree char *saved = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (lcs_export_report_save (report, all[i], path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
      g_assert_cmpstr (saved, ==, expected);
    }
  for (i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) missing_error = NULL;

      g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
      /* The tricky names are not valid DNS: a record script refuses them, nothing is written. */
      if (lcs_export_report_save (small, all[i], path, &error))
        g_assert_true (all[i] == LCS_FORMAT_TEXT || all[i] == LCS_FORMAT_JSON ||
                       all[i] == LCS_FORMAT_CSV || all[i] == LCS_FORMAT_HTML);
      else
        {
          g_assert_error (error, LCS_EXPORT_ERROR, LCS_EXPORT_ERROR_INVALID_NAME);
          g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
          g_assert_cmpstr (after, ==, before);
        }
      g_assert_false (lcs_export_report_save (report, all[i], missing, &missing_error));
      g_assert_nonnull (missing_error);
    }
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-stream/json-as-json-glib", test_json_as_json_glib);
  g_test_add_func ("/report-stream/json-strings", test_json_strings);
  g_test_add_func ("/report-stream/bounded-writes", test_bounded_writes);
  g_test_add_func ("/report-stream/write-fails", test_write_fails);
  g_test_add_func ("/report-stream/text-found-cell", test_text_found_cell);
  g_test_add_func ("/report-stream/csv-found-field", test_csv_found_field);
  g_test_add_func ("/report-stream/save", test_save);
  return g_test_run ();
}
