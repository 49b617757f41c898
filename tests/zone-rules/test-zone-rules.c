/* Every rule a zone check decides, driven through the real zone reader and check: each case of
 * tests/zone-rules/cases.txt loads fixture zones from tests/fixtures/zones/rules, checks them
 * against a profile, and compares the findings with the case's expectations.
 *
 * A case (one key-file group, merged over [defaults]):
 *   zones, external   zone files (relative to fixtures/zones/rules) of the internal / external view
 *   profile           docs/spec.md §2 key=value settings, applied after those of [defaults]
 *   expect            rule:count for every rule that must fire; any other rule firing fails
 *   about             rule:owner   some finding of that rule is about that owner name
 *   says              rule:text    some finding of that rule has the text in its message
 *   severity          rule:level   every finding of that rule has that severity
 *   at                rule:file:line   some finding of that rule is at that line of that zone file
 *   status, external-status
 *                     "name status [misplaced-at]" for a required record of that view
 *   known-bug         the case shows a bug in the checks: a failure is reported as incomplete,
 *                     and a pass fails so that the marker is removed once the bug is fixed */
#include <lcsdns/check/check.h>
#include <lcsdns/zone/zone.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULTS "defaults"

static GKeyFile *cases;

static char *
cases_path (void)
{
  return g_build_filename (g_test_get_dir (G_TEST_DIST), "zone-rules", "cases.txt", NULL);
}

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_test_get_dir (G_TEST_DIST), "fixtures", "zones", "rules", name, NULL);
}

/* The case's list for @key after the defaults' list for it. */
static GPtrArray *
merged_list (const char *group,
             const char *key)
{
  const char *groups[] = { DEFAULTS, group };
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  gsize g, i;

  for (g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_auto(GStrv) list = g_key_file_get_string_list (cases, groups[g], key, NULL, NULL);

      for (i = 0; list && list[i]; i++)
        {
          char *item = g_strstrip (g_strdup (list[i]));
          if (*item != '\0')
            g_ptr_array_add (items, item);
          else
            g_free (item);
        }
    }
  return items;
}

/* "left:right" at the first separator; both parts are required. */
static void
split_pair (const char  *item,
            char         separator,
            char       **left,
            char       **right)
{
  const char *at = strchr (item, separator);

  if (at == NULL || at == item || at[1] == '\0')
    g_error ("cases.txt: “%s” is not of the form left%cright", item, separator);
  *left = g_strndup (item, at - item);
  *right = g_strdup (at + 1);
}

static void
assert_rule_exists (const char *rule)
{
  if (lcs_rule_lookup (rule) == NULL)
    g_error ("cases.txt names an unknown rule “%s”", rule);
}

static LcsProfile *
build_profile (const char *group)
{
  g_autoptr(GPtrArray) settings = merged_list (group, "profile");
  g_autoptr(GError) error = NULL;
  LcsProfile *profile = lcs_profile_new ();
  guint i;

  for (i = 0; i < settings->len; i++)
    {
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      split_pair (g_ptr_array_index (settings, i), '=', &key, &value);
      if (!lcs_profile_set (profile, key, value, &error))
        g_error ("cases.txt [%s]: %s", group, error->message);
    }
  if (!lcs_profile_validate (profile, &error))
    g_error ("cases.txt [%s]: %s", group, error->message);
  return profile;
}

static void
load_zones (LcsObservations *obs,
            LcsView          view,
            const char      *group,
            const char      *key,
            GPtrArray       *findings)
{
  g_auto(GStrv) zones = g_key_file_get_string_list (cases, group, key, NULL, NULL);
  guint i;

  for (i = 0; zones && zones[i]; i++)
    {
      g_autofree char *path = fixture_path (g_strstrip (zones[i]));
      g_autoptr(GError) error = NULL;

      if (!lcs_zone_load (obs, view, path, NULL, findings, &error))
        g_error ("cases.txt [%s]: %s", group, error->message);
    }
}

/* Everything that fired: the zone reader's findings, then the check's. */
typedef struct {
  GPtrArray *findings;  /* LcsFinding*, borrowed */
  GString   *problems;  /* one line per unmet expectation */
} Outcome;

static void
problem (Outcome    *outcome,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
problem (Outcome    *outcome,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (outcome->problems, format, args);
  va_end (args);
  g_string_append_c (outcome->problems, '\n');
}

static guint
count_rule (const Outcome *outcome,
            const char    *rule)
{
  guint count = 0;
  guint i;

  for (i = 0; i < outcome->findings->len; i++)
    if (strcmp (((LcsFinding *) g_ptr_array_index (outcome->findings, i))->rule->id, rule) == 0)
      count++;
  return count;
}

static void
check_counts (Outcome    *outcome,
              const char *group)
{
  g_autoptr(GPtrArray) expect = merged_list (group, "expect");
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer rule, count;
  guint i;

  /* A later entry (the case's) overrides an earlier one (the defaults'). */
  for (i = 0; i < expect->len; i++)
    {
      char *name = NULL;
      g_autofree char *number = NULL;

      split_pair (g_ptr_array_index (expect, i), ':', &name, &number);
      assert_rule_exists (name);
      g_hash_table_replace (wanted, name, GUINT_TO_POINTER (atoi (number)));
    }
  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &rule, &count))
    if (count_rule (outcome, rule) != GPOINTER_TO_UINT (count))
      problem (outcome, "%s fired %u times, expected %u", (char *) rule,
               count_rule (outcome, rule), GPOINTER_TO_UINT (count));
  for (i = 0; i < outcome->findings->len; i++)
    {
      const char *id = ((LcsFinding *) g_ptr_array_index (outcome->findings, i))->rule->id;

      if (!g_hash_table_contains (wanted, id))
        {
          problem (outcome, "%s fired %u times, expected 0", id, count_rule (outcome, id));
          g_hash_table_insert (wanted, g_strdup (id), GUINT_TO_POINTER (0));
        }
    }
}

typedef enum {
  MATCH_NAME,
  MATCH_MESSAGE,
  MATCH_SEVERITY,
  MATCH_LOCATION,
} MatchKind;

static gboolean
finding_matches (const LcsFinding *finding,
                 MatchKind         kind,
                 const char       *value)
{
  switch (kind)
    {
    case MATCH_NAME:
      return g_strcmp0 (finding->name, value) == 0;
    case MATCH_MESSAGE:
      return strstr (finding->message, value) != NULL;
    case MATCH_LOCATION:
      {
        g_autofree char *file = finding->file ? g_path_get_basename (finding->file) : NULL;
        g_autofree char *location = g_strdup_printf ("%s:%u", file ? file : "", finding->line);

        return strcmp (location, value) == 0;
      }
    case MATCH_SEVERITY:
    default:
      return strcmp (lcs_severity_to_string (finding->severity), value) == 0;
    }
}

/* about/says/at: some finding of the rule matches; severity: every one does. */
static void
check_details (Outcome    *outcome,
               const char *group,
               const char *key,
               MatchKind   kind)
{
  g_autoptr(GPtrArray) items = merged_list (group, key);
  guint i, j;

  for (i = 0; i < items->len; i++)
    {
      g_autofree char *rule = NULL;
      g_autofree char *value = NULL;
      guint matching = 0, total = 0;

      split_pair (g_ptr_array_index (items, i), ':', &rule, &value);
      assert_rule_exists (rule);
      for (j = 0; j < outcome->findings->len; j++)
        {
          const LcsFinding *finding = g_ptr_array_index (outcome->findings, j);

          if (strcmp (finding->rule->id, rule) != 0)
            continue;
          total++;
          if (finding_matches (finding, kind, value))
            matching++;
        }
      if (kind == MATCH_SEVERITY ? matching != total || total == 0 : matching == 0)
        problem (outcome, "%s: no finding of %s matches “%s”", key, rule, value);
    }
}

static const LcsRecordResult *
find_result (const LcsReport *report,
             LcsView          view,
             const char      *name)
{
  guint i;

  for (i = 0; i < report->results->len; i++)
    {
      const LcsRecordResult *result = g_ptr_array_index (report->results, i);

      if (result->planned->view == view && strcmp (result->planned->name, name) == 0)
        return result;
    }
  return NULL;
}

static void
check_statuses (Outcome         *outcome,
                const LcsReport *report,
                const char      *group,
                const char      *key,
                LcsView          view)
{
  g_autoptr(GPtrArray) items = merged_list (group, key);
  guint i;

  for (i = 0; i < items->len; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_ptr_array_index (items, i), " \t", -1);
      const LcsRecordResult *result;
      const char *status;

      if (g_strv_length (words) < 2)
        g_error ("cases.txt [%s]: %s wants “name status [misplaced-at]”", group, key);
      result = find_result (report, view, words[0]);
      if (result == NULL)
        {
          problem (outcome, "%s: %s is not a required record", key, words[0]);
          continue;
        }
      status = lcs_record_status_to_string (result->status);
      if (strcmp (status, words[1]) != 0)
        problem (outcome, "%s: %s is %s, expected %s", key, words[0], status, words[1]);
      if (words[2] != NULL && g_strcmp0 (result->misplaced_at, words[2]) != 0)
        problem (outcome, "%s: %s is misplaced at %s, expected %s", key, words[0],
                 result->misplaced_at ? result->misplaced_at : "(nothing)", words[2]);
    }
}

static char *
describe_findings (GPtrArray *findings)
{
  GString *text = g_string_new ("findings:\n");
  guint i;

  for (i = 0; i < findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (findings, i);

      g_string_append_printf (text, "  %s %s %s: %s\n", finding->rule->id,
                              lcs_severity_to_string (finding->severity),
                              finding->name ? finding->name : "-", finding->message);
    }
  return g_string_free (text, FALSE);
}

static void
test_case (gconstpointer data)
{
  const char *group = data;
  g_autoptr(LcsProfile) profile = build_profile (group);
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(GPtrArray) load_findings = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  g_autoptr(LcsReport) report = NULL;
  g_autofree char *known_bug = g_key_file_get_string (cases, group, "known-bug", NULL);
  g_autofree char *listing = NULL;
  Outcome outcome;
  guint i;

  load_zones (obs, LCS_VIEW_INTERNAL, group, "zones", load_findings);
  load_zones (obs, LCS_VIEW_EXTERNAL, group, "external", load_findings);
  report = lcs_check_observations (profile, obs, LCS_SOURCE_ZONE);

  outcome.findings = g_ptr_array_new ();
  outcome.problems = g_string_new (NULL);
  for (i = 0; i < load_findings->len; i++)
    g_ptr_array_add (outcome.findings, g_ptr_array_index (load_findings, i));
  for (i = 0; i < report->findings->len; i++)
    g_ptr_array_add (outcome.findings, g_ptr_array_index (report->findings, i));

  check_counts (&outcome, group);
  check_details (&outcome, group, "about", MATCH_NAME);
  check_details (&outcome, group, "says", MATCH_MESSAGE);
  check_details (&outcome, group, "severity", MATCH_SEVERITY);
  check_details (&outcome, group, "at", MATCH_LOCATION);
  check_statuses (&outcome, report, group, "status", LCS_VIEW_INTERNAL);
  check_statuses (&outcome, report, group, "external-status", LCS_VIEW_EXTERNAL);

  listing = g_strchomp (describe_findings (outcome.findings));
  g_test_message ("%s", listing);
  if (outcome.problems->len > 0 && known_bug != NULL)
    {
      g_test_message ("%s", outcome.problems->str);
      g_test_incomplete (known_bug);
    }
  else if (outcome.problems->len > 0)
    g_test_fail_printf ("[%s]\n%s%s", group, outcome.problems->str, listing);
  else if (known_bug != NULL)
    g_test_fail_printf ("[%s] passes: the known bug is fixed, drop its known-bug line", group);

  g_ptr_array_unref (outcome.findings);
  g_string_free (outcome.problems, TRUE);
}

int
main (int argc, char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) groups = NULL;
  guint i;
  int status;

  g_test_init (&argc, &argv, NULL);
  path = cases_path ();
  cases = g_key_file_new ();
  if (!g_key_file_load_from_file (cases, path, G_KEY_FILE_NONE, &error))
    g_error ("%s: %s", path, error->message);
  groups = g_key_file_get_groups (cases, NULL);
  for (i = 0; groups[i]; i++)
    if (strcmp (groups[i], DEFAULTS) != 0)
      {
        g_autofree char *test_path = g_strdup_printf ("/zone-rules/%s", groups[i]);
        g_test_add_data_func (test_path, groups[i], test_case);
      }
  status = g_test_run ();
  g_key_file_unref (cases);
  return status;
}
