/* The JSON report has exactly the shape of docs/spec.md §6, whatever the mode. */
#include <string.h>

#include <json-glib/json-glib.h>
#include <lcsdns/check/check.h>
#include <lcsdns/export/export.h>
#include <lcsdns/profile/profile.h>

static const char *const record_statuses[] = {
  "ok", "missing", "mismatch", "misplaced", "unresolved", "failed", "planned", NULL,
};
static const char *const severities[] = { "error", "warning", "info", NULL };
static const char *const views[] = { "internal", "external", NULL };
static const char *const types[] = { "SRV", "A", "AAAA", NULL };
static const char *const fix_entry_keys[] = {
  "domain", "service", "protocol", "priority", "weight", "port", "target", NULL,
};
static const char *const fix_host_keys[] = { "domain", "name", "address", NULL };

static LcsProfile *
contoso_profile (void)
{
  g_autoptr(LcsProfile) profile = lcs_profile_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (lcs_profile_set (profile, "domains", "contoso.com", &error));
  g_assert_true (lcs_profile_set (profile, "pool", "lcs.contoso.com", &error));
  g_assert_true (lcs_profile_set (profile, "pool-ip", "192.0.2.10", &error));
  g_assert_true (lcs_profile_set (profile, "transports", "tls,tcp", &error));
  g_assert_true (lcs_profile_set (profile, "clients", "communicator,messenger", &error));
  g_assert_no_error (error);
  return g_steal_pointer (&profile);
}

/* Parses the report's JSON; the caller frees the parser that owns the returned object. */
static JsonObject *
report_to_json (const LcsReport *report,
                JsonParser     **parser_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = lcs_export_report (report, LCS_FORMAT_JSON, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  *parser_out = g_steal_pointer (&parser);
  return json_node_get_object (root);
}

static const char *
get_string (JsonObject *object,
            const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    g_error ("key \"%s\" missing", key);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  return json_node_get_string (node);
}

/* A string, or null where docs/spec.md allows none (a finding without name or fix). */
static const char *
get_string_or_null (JsonObject *object,
                    const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    g_error ("key \"%s\" missing", key);
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return get_string (object, key);
}

static gint64
get_int (JsonObject *object,
         const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    g_error ("key \"%s\" missing", key);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  return json_node_get_int (node);
}

static JsonArray *
get_array (JsonObject *object,
           const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    g_error ("key \"%s\" missing", key);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_node_get_array (node);
}

static JsonObject *
get_object (JsonObject *object,
            const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    g_error ("key \"%s\" missing", key);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static void
assert_one_of (const char        *value,
               const char *const *allowed)
{
  if (!g_strv_contains (allowed, value))
    g_error ("\"%s\" is not an allowed value", value);
}

static void
assert_dns_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  g_assert_true (g_str_has_suffix (name, "."));
  g_assert_cmpstr (name, ==, lower);
  g_assert_null (strstr (name, ".."));
}

static void
assert_string_array (JsonArray *array)
{
  guint i;

  for (i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      g_assert_true (JSON_NODE_HOLDS_VALUE (node));
      g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
    }
}

static void
assert_record_shape (JsonObject *record)
{
  assert_dns_name (get_string (record, "name"));
  assert_one_of (get_string (record, "type"), types);
  assert_one_of (get_string (record, "view"), views);
  g_assert_cmpstr (get_string (record, "expected"), !=, "");
  assert_string_array (get_array (record, "found"));
  assert_one_of (get_string (record, "status"), record_statuses);
}

static void
assert_finding_shape (JsonObject *finding)
{
  const char *name;

  g_assert_nonnull (lcs_rule_lookup (get_string (finding, "rule")));
  assert_one_of (get_string (finding, "severity"), severities);
  name = get_string_or_null (finding, "name");
  if (name != NULL)
    assert_dns_name (name);
  g_assert_cmpstr (get_string (finding, "message"), !=, "");
  g_assert_null (strchr (get_string (finding, "message"), '\n'));
  get_string_or_null (finding, "fix");
  assert_one_of (get_string (finding, "view"), views);
  if (json_object_has_member (finding, "file"))
    {
      get_string (finding, "file");
      g_assert_cmpint (get_int (finding, "line"), >, 0);
      g_assert_cmpint (get_int (finding, "column"), >=, 0);
    }
  if (json_object_has_member (finding, "fix_entry"))
    {
      JsonObject *entry = get_object (finding, "fix_entry");
      guint k;

      for (k = 0; fix_entry_keys[k] != NULL; k++)
        get_string (entry, fix_entry_keys[k]);
      g_assert_cmpuint (json_object_get_size (entry), ==, g_strv_length ((GStrv) fix_entry_keys));
    }
  if (json_object_has_member (finding, "fix_host"))
    {
      JsonObject *host = get_object (finding, "fix_host");
      guint k;

      for (k = 0; fix_host_keys[k] != NULL; k++)
        get_string (host, fix_host_keys[k]);
      g_assert_cmpuint (json_object_get_size (host), ==, g_strv_length ((GStrv) fix_host_keys));
    }
}

/* Every key of docs/spec.md §6 with its JSON type; counts agree with the report. */
static void
assert_report_shape (JsonObject      *root,
                     const LcsReport *report,
                     const char      *kind)
{
  JsonObject *source = get_object (root, "source");
  JsonObject *summary = get_object (root, "summary");
  JsonArray *records = get_array (root, "records");
  JsonArray *findings = get_array (root, "findings");
  guint i;

  g_assert_cmpstr (get_string (root, "tool"), ==, "lcsdns-check");
  g_assert_cmpstr (get_string (root, "version"), ==, LCS_VERSION);
  g_assert_cmpstr (get_string (source, "kind"), ==, kind);

  g_assert_cmpuint (json_array_get_length (records), ==, report->results->len);
  for (i = 0; i < json_array_get_length (records); i++)
    {
      JsonNode *node = json_array_get_element (records, i);

      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      assert_record_shape (json_node_get_object (node));
    }
  g_assert_cmpuint (json_array_get_length (findings), ==, report->findings->len);
  for (i = 0; i < json_array_get_length (findings); i++)
    {
      JsonNode *node = json_array_get_element (findings, i);

      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      assert_finding_shape (json_node_get_object (node));
    }
  g_assert_cmpint (get_int (summary, "errors"), ==, report->errors);
  g_assert_cmpint (get_int (summary, "warnings"), ==, report->warnings);
  g_assert_cmpint (get_int (summary, "info"), ==, report->infos);
}

static void
test_plan_shape (void)
{
  g_autoptr(LcsProfile) profile = contoso_profile ();
  g_autoptr(LcsReport) report = lcs_check_plan (profile);
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root = report_to_json (report, &parser);
  JsonArray *records = get_array (root, "records");
  guint i, srv = 0, a = 0;

  assert_report_shape (root, report, "plan");
  g_assert_false (json_object_has_member (root, "entry"));
  /* communicator + messenger, tls + tcp on lcs2005: four SRV records and the pool's A record. */
  for (i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      g_assert_cmpstr (get_string (record, "status"), ==, "planned");
      g_assert_cmpuint (json_array_get_length (get_array (record, "found")), ==, 0);
      srv += g_str_equal (get_string (record, "type"), "SRV");
      a += g_str_equal (get_string (record, "type"), "A");
    }
  g_assert_cmpuint (srv, ==, 4);
  g_assert_cmpuint (a, ==, 1);
  records = get_array (root, "records");
  g_assert_cmpstr (get_string (json_array_get_object_element (records, 0), "name"), ==,
                   "_sipinternaltls._tcp.contoso.com.");
  g_assert_cmpstr (get_string (json_array_get_object_element (records, 0), "expected"), ==,
                   "0 0 5061 lcs.contoso.com.");
}

/* A zone report with a zone-syntax finding (file, line, column) and every record status. */
static void
test_zone_shape (void)
{
  g_autoptr(LcsProfile) profile = contoso_profile ();
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(LcsReport) report = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;
  JsonArray *files;
  LcsFinding *syntax;
  guint i;
  gboolean seen_syntax = FALSE, seen_misplaced = FALSE;

  lcs_observations_add_zone (obs, LCS_VIEW_INTERNAL, "contoso.com.");
  lcs_observations_take_record (obs, LCS_VIEW_INTERNAL,
                                lcs_record_new_srv ("_sipinternaltls._tcp._tcp.contoso.com.", 3600,
                                                    0, 0, 5061, "lcs.contoso.com."));
  lcs_observations_take_record (obs, LCS_VIEW_INTERNAL,
                                lcs_record_new_address ("lcs.contoso.com.", 3600, "192.0.2.99"));
  report = lcs_check_observations (profile, obs, LCS_SOURCE_ZONE);
  g_ptr_array_add (report->files, g_strdup ("contoso.com.dns"));
  syntax = lcs_finding_new ("zone-syntax", LCS_VIEW_INTERNAL, NULL, "unknown class \"XX\"");
  syntax->file = g_strdup ("contoso.com.dns");
  syntax->line = 12;
  syntax->column = 7;
  lcs_report_add_finding (report, syntax);
  lcs_report_sort (report);

  root = report_to_json (report, &parser);
  assert_report_shape (root, report, "zone");
  files = get_array (get_object (root, "source"), "files");
  assert_string_array (files);
  g_assert_cmpuint (json_array_get_length (files), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (files, 0), ==, "contoso.com.dns");

  for (i = 0; i < json_array_get_length (get_array (root, "findings")); i++)
    {
      JsonObject *finding = json_array_get_object_element (get_array (root, "findings"), i);
      const char *rule = get_string (finding, "rule");

      if (g_str_equal (rule, "zone-syntax"))
        {
          seen_syntax = TRUE;
          g_assert_cmpstr (get_string (finding, "file"), ==, "contoso.com.dns");
          g_assert_cmpint (get_int (finding, "line"), ==, 12);
          g_assert_cmpint (get_int (finding, "column"), ==, 7);
          g_assert_true (json_object_get_null_member (finding, "name"));
        }
      else
        g_assert_false (json_object_has_member (finding, "file"));
      seen_misplaced = seen_misplaced || g_str_equal (rule, "record-misplaced");
    }
  g_assert_true (seen_syntax);
  g_assert_true (seen_misplaced);
}

static void
test_live_shape (void)
{
  g_autoptr(LcsProfile) profile = contoso_profile ();
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(LcsReport) report = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root, *source;

  lcs_observations_set_answer (obs, LCS_VIEW_INTERNAL, "_sipinternaltls._tcp.contoso.com.",
                               LCS_TYPE_SRV, LCS_ANSWER_TIMEOUT, "192.0.2.53");
  report = lcs_check_observations (profile, obs, LCS_SOURCE_LIVE);
  g_ptr_array_add (report->servers, g_strdup ("192.0.2.53"));

  root = report_to_json (report, &parser);
  assert_report_shape (root, report, "live");
  source = get_object (root, "source");
  g_assert_cmpstr (json_array_get_string_element (get_array (source, "servers"), 0), ==,
                   "192.0.2.53");
  g_assert_false (json_object_has_member (source, "files"));
}

static void
test_entry_shape (void)
{
  g_autoptr(LcsProfile) profile = contoso_profile ();
  g_autoptr(LcsSrvEntry) entry = lcs_srv_entry_new ("contoso.com");
  g_autoptr(LcsReport) report = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root, *entry_object;
  JsonArray *findings;
  LcsFinding *with_entry;
  LcsFinding *with_host;
  guint i;
  gboolean seen_fix_entry = FALSE;
  gboolean seen_fix_host = FALSE;

  g_free (entry->service);
  entry->service = g_strdup ("_sipinternaltls._tcp");
  g_free (entry->protocol);
  entry->protocol = g_strdup ("_tcp");
  g_free (entry->port);
  entry->port = g_strdup ("5061");
  g_free (entry->target);
  entry->target = g_strdup ("lcs.contoso.com");
  report = lcs_check_entry (profile, entry);
  /* One finding whose fix is an entry, whatever the checks attach themselves. */
  with_entry = lcs_finding_new ("srv-split", LCS_VIEW_INTERNAL,
                                "_sipinternaltls._tcp._tcp.contoso.com.", "split test");
  with_entry->fix_entry = lcs_srv_entry_copy (entry);
  lcs_report_add_finding (report, with_entry);
  /* And one whose fix is a New Host entry. */
  with_host = lcs_finding_new ("host-name", LCS_VIEW_INTERNAL,
                               "sip.contoso.com.contoso.com.", "host test");
  with_host->fix_host = lcs_host_entry_new ("contoso.com");
  g_free (with_host->fix_host->name);
  with_host->fix_host->name = g_strdup ("sip");
  g_free (with_host->fix_host->address);
  with_host->fix_host->address = g_strdup ("192.0.2.10");
  lcs_report_add_finding (report, with_host);

  root = report_to_json (report, &parser);
  assert_report_shape (root, report, "entry");
  entry_object = get_object (root, "entry");
  g_assert_cmpstr (get_string (entry_object, "owner"), ==, report->entry_owner);
  if (report->entry_record != NULL)
    g_assert_cmpstr (get_string (entry_object, "record"), ==, report->entry_record);
  else
    g_assert_true (json_object_get_null_member (entry_object, "record"));
  g_assert_cmpstr (report->entry_owner, ==, "_sipinternaltls._tcp._tcp.contoso.com.");

  findings = get_array (root, "findings");
  for (i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);

      if (g_str_equal (get_string (finding, "message"), "split test"))
        {
          JsonObject *fix = get_object (finding, "fix_entry");

          g_assert_cmpstr (get_string (fix, "service"), ==, "_sipinternaltls._tcp");
          g_assert_cmpstr (get_string (fix, "protocol"), ==, "_tcp");
          g_assert_cmpstr (get_string (fix, "port"), ==, "5061");
          g_assert_cmpstr (get_string (fix, "target"), ==, "lcs.contoso.com");
          g_assert_false (json_object_has_member (finding, "fix_host"));
          seen_fix_entry = TRUE;
        }
      else if (g_str_equal (get_string (finding, "message"), "host test"))
        {
          JsonObject *fix = get_object (finding, "fix_host");

          g_assert_cmpstr (get_string (fix, "domain"), ==, "contoso.com");
          g_assert_cmpstr (get_string (fix, "name"), ==, "sip");
          g_assert_cmpstr (get_string (fix, "address"), ==, "192.0.2.10");
          g_assert_false (json_object_has_member (finding, "fix_entry"));
          seen_fix_host = TRUE;
        }
    }
  g_assert_true (seen_fix_entry);
  g_assert_true (seen_fix_host);
}

/* Bytes that are not UTF-8 (a hostile zone file) still give a report that parses. */
static void
test_invalid_utf8 (void)
{
  g_autoptr(LcsReport) report = lcs_report_new (LCS_SOURCE_ZONE);
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;

  lcs_report_add_finding (report, lcs_finding_new ("zone-syntax", LCS_VIEW_INTERNAL, NULL,
                                                   "bad bytes \xff\xfe \"quoted\" \t tab"));
  root = report_to_json (report, &parser);
  assert_report_shape (root, report, "zone");
  g_assert_true (g_utf8_validate (get_string (json_array_get_object_element (
                                      get_array (root, "findings"), 0), "message"), -1, NULL));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-shape/plan", test_plan_shape);
  g_test_add_func ("/json-shape/zone", test_zone_shape);
  g_test_add_func ("/json-shape/live", test_live_shape);
  g_test_add_func ("/json-shape/entry", test_entry_shape);
  g_test_add_func ("/json-shape/invalid-utf8", test_invalid_utf8);

  return g_test_run ();
}
