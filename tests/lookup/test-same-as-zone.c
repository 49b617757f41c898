/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The same DNS data checked live and offline gives the same findings: the fixture zones served
 * by BIND 9 against the same files read by lcs_zone_load, and the bundled demo's Windows
 * exports against BIND 9 serving them. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <lcsdns/check/check.h>
#include <lcsdns/zone/zone.h>

#include "livecheck.h"
#include "test-files.h"

static Fixture *fixture;

static void
load_view (LcsObservations  *obs,
           const LcsProfile *profile,
           LcsView           view)
{
  guint i;

  for (i = 0; i < profile->domains->len; i++)
    {
      const char *domain = profile->domains->pdata[i];
      g_autofree char *file = g_strdup_printf ("%s.db", domain);
      g_autofree char *path = g_build_filename (g_getenv ("LCS_LOOKUP_ZONES"),
                                                lcs_view_to_string (view), file, NULL);
      g_autoptr(GPtrArray) syntax = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
      g_autoptr(GError) error = NULL;

      g_assert_true (lcs_zone_load (obs, view, path, domain, syntax, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (syntax->len, ==, 0);
    }
}

/* The fixture deployment checked live gives the findings of its zone files checked offline. */
static void
test_same_as_zone (gconstpointer data)
{
  const char *domains = data;
  gboolean edge = strstr (domains, "leak") != NULL;
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", domains, edge);
  g_autoptr(LcsReport) live = live_check (fixture, profile, "internal",
                                          edge ? "external" : NULL, 1000, 0, NULL);
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(LcsReport) offline = NULL;
  g_autofree char *live_text = NULL;
  g_autofree char *offline_text = NULL;

  load_view (obs, profile, LCS_VIEW_INTERNAL);
  if (edge)
    load_view (obs, profile, LCS_VIEW_EXTERNAL);
  offline = lcs_check_observations (profile, obs, LCS_SOURCE_ZONE);
  live_text = live_describe (live);
  offline_text = live_describe (offline);
  g_test_message ("offline:\n%s", offline_text);
  g_assert_cmpuint (live->findings->len, >, 0);
  g_assert_cmpstr (live_text, ==, offline_text);
}

/* The demo's zone files as BIND reads them: no aging tokens, no CRs. */
static void
convert_demo_zone (const char *from,
                   const char *to)
{
  g_autoptr(GRegex) windows = g_regex_new ("\\[AGE:[0-9]+\\]|\r", 0, 0, NULL);
  g_autofree char *text = NULL;
  g_autofree char *bind = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (from, &text, NULL, &error);
  g_assert_no_error (error);
  bind = g_regex_replace_literal (windows, text, -1, 0, "", 0, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, bind, -1, &error);
  g_assert_no_error (error);
}

static char *
convert_demo_zones (void)
{
  static const char *const views[] = { "internal", "external" };
  static const char *const zones[] = { "contoso.com", "fabrikam.com" };
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("lcsdns-demo-XXXXXX", &error);
  gsize v, z;

  g_assert_no_error (error);
  for (v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autofree char *view_dir = g_build_filename (dir, views[v], NULL);

      g_assert_cmpint (g_mkdir (view_dir, 0700), ==, 0);
      for (z = 0; z < G_N_ELEMENTS (zones); z++)
        {
          g_autofree char *name = g_strdup_printf ("%s.dns", zones[z]);
          g_autofree char *from = v == 0
            ? g_build_filename (g_getenv ("LCS_DEMO_DIR"), name, NULL)
            : g_build_filename (g_getenv ("LCS_DEMO_DIR"), "external", name, NULL);
          g_autofree char *db = g_strdup_printf ("%s.db", zones[z]);
          g_autofree char *to = g_build_filename (view_dir, db, NULL);

          convert_demo_zone (from, to);
        }
    }
  return dir;
}

static void
load_demo_view (LcsObservations *obs,
                LcsView          view,
                const char      *subdir)
{
  static const char *const files[] = { "contoso.com.dns", "fabrikam.com.dns" };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("LCS_DEMO_DIR"), subdir, files[i], NULL);
      g_autoptr(GPtrArray) syntax = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
      g_autoptr(GError) error = NULL;

      g_assert_true (lcs_zone_load (obs, view, path, NULL, syntax, &error));
      g_assert_no_error (error);
    }
}

/* The bundled demo: its Windows exports read offline, and the same zones served by BIND 9 and
 * checked live, give the same findings. */
static void
test_demo_same_as_zone (void)
{
  g_autofree char *profile_path = g_build_filename (g_getenv ("LCS_DEMO_DIR"), "demo.lcsdns",
                                                    NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LcsProfile) profile = lcs_profile_load (profile_path, &error);
  g_autofree char *zones = convert_demo_zones ();
  const char *const extra[] = { "--no-faults", NULL };
  Fixture *demo = fixture_start (zones, extra);
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(LcsReport) live = NULL;
  g_autoptr(LcsReport) offline = NULL;
  g_autofree char *live_text = NULL;
  g_autofree char *offline_text = NULL;

  g_assert_no_error (error);
  live = live_check (demo, profile, "internal", "external", 1000, 0, NULL);
  fixture_stop (demo);
  test_files_remove_tree (zones);

  load_demo_view (obs, LCS_VIEW_INTERNAL, "");
  load_demo_view (obs, LCS_VIEW_EXTERNAL, "external");
  offline = lcs_check_observations (profile, obs, LCS_SOURCE_ZONE);
  live_text = live_describe (live);
  offline_text = live_describe (offline);
  g_test_message ("offline:\n%s", offline_text);
  g_assert_cmpuint (live->errors, >, 0);
  g_assert_cmpstr (live_text, ==, offline_text);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  fixture = fixture_start (NULL, NULL);
  g_test_add_data_func ("/same-as-zone/mistakes",
                        "good.test,split.test,dominsvc.test,doubled.test,nounder.test,"
                        "joined.test,otherproto.test,cname.test", test_same_as_zone);
  g_test_add_data_func ("/same-as-zone/alias-pool", "aliaspool.test", test_same_as_zone);
  g_test_add_data_func ("/same-as-zone/views", "good.test,leak.test", test_same_as_zone);
  g_test_add_func ("/same-as-zone/demo", test_demo_same_as_zone);
  status = g_test_run ();
  fixture_stop (fixture);
  return status;
}
