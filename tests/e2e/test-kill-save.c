/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Atomicity under faults, the console itself (issue 14): a console window saves its profile
 * (File → Save) and exports a large report (Export, JSON and CSV) over and over, and is killed
 * (SIGKILL) at random moments, many times. Each time the profile and the export on disk are
 * each exactly what one uninterrupted save wrote, never a partial file; afterwards one more
 * save of each leaves the two files alone in their folder.
 *
 * The console is this program started again with --console: a real LcsWindow on the X server of
 * the test, whose save loop is a hook that only this test binary has (the shipped lcsdns has
 * none). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <lcsdns/model/save.h>
#include <lcsdns/profile/profile.h>

#include "e2e-util.h"
#include "test-files.h"

#define KILLS 30
/* A kill lands inside the writing of a file (its temporary file is left) about one time in four. */
#define MIN_MID_SAVE 5
/* SRV records at one owner: one row's Found list lists them all, so an export is some hundred
 * kilobytes (the console itself takes long to open ten times as many). */
#define ZONE_SRV 2000
/* Records the admin added: the profile file is some hundred kilobytes. */
#define PROFILE_RECORDS 3000

static const char *self_path;

/* The console side. */

typedef struct {
  LcsWindow  *window;
  const char *export_path;
  guint       round;
  guint       rounds;   /* 0: until killed */
} Loop;

/* Two profiles that differ in what the check does not read (a ticked checklist step), so that
 * a console started on either gives the same report. */
static void
set_variant (LcsWindow *window,
             guint      variant)
{
  LcsProfile *profile = lcs_window_get_document (window)->profile;

  g_ptr_array_set_size (profile->checklist_done, 0);
  if (variant)
    g_ptr_array_add (profile->checklist_done, g_strdup ("records"));
}

/* One save or export a turn of the main loop, as the admin would click them. */
static void
save_profile (LcsWindow *window,
              guint      variant)
{
  set_variant (window, variant);
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
}

static void
export_report (LcsWindow  *window,
               const char *path,
               guint       variant)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lcs_window_export_to (window, path, variant ? LCS_FORMAT_CSV : LCS_FORMAT_JSON,
                                       &error));
  g_assert_no_error (error);
}

static gboolean
on_turn (gpointer user_data)
{
  Loop *loop = user_data;
  guint variant = loop->round / 2 % 2;

  /* The test says when each save starts, so that it can kill the console inside one. */
  g_print ("turn\n");
  if (getchar () == EOF)
    {
      gtk_main_quit ();
      return G_SOURCE_REMOVE;
    }
  if (loop->round % 2 == 0)
    save_profile (loop->window, variant);
  else
    export_report (loop->window, loop->export_path, variant);
  loop->round++;
  if (loop->rounds > 0 && loop->round >= loop->rounds)
    {
      gtk_main_quit ();
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
copy_file (const char *from,
           const char *dir,
           const char *name)
{
  g_autofree char *to = g_build_filename (dir, name, NULL);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &data, &length, NULL));
  g_assert_true (g_file_set_contents (to, data, length, NULL));
}

/* What each uninterrupted save writes, kept in @refs for the test to compare with. */
static void
write_references (Loop       *loop,
                  const char *profile_path,
                  const char *refs)
{
  guint variant;

  for (variant = 0; variant < 2; variant++)
    {
      g_autofree char *profile_name = g_strdup_printf ("profile-%u", variant);
      g_autofree char *export_name = g_strdup_printf ("export-%u", variant);

      save_profile (loop->window, variant);
      copy_file (profile_path, refs, profile_name);
      export_report (loop->window, loop->export_path, variant);
      copy_file (loop->export_path, refs, export_name);
    }
}

static int
run_console (const char *profile_path,
             const char *export_path,
             const char *refs,
             guint       rounds)
{
  g_autoptr(GError) error = NULL;
  Loop loop = { NULL, export_path, 0, rounds };
  LcsReport *report;

  gtk_init (NULL, NULL);
  loop.window = g_object_new (LCS_TYPE_WINDOW, NULL);
  g_assert_true (lcs_window_open_file (loop.window, profile_path, &error));
  g_assert_no_error (error);
  gtk_widget_show (GTK_WIDGET (loop.window));
  e2e_wait_loaded (loop.window);
  report = lcs_window_get_document (loop.window)->report;
  g_assert_nonnull (report);
  g_assert_cmpint (report->kind, ==, LCS_SOURCE_ZONE);
  if (refs != NULL)
    write_references (&loop, profile_path, refs);
  g_idle_add (on_turn, &loop);
  gtk_main ();
  gtk_widget_destroy (GTK_WIDGET (loop.window));
  return 0;
}

/* The test side. */

static void
write_zone (const char *path)
{
  GString *zone = g_string_new ("$ORIGIN contoso.com.\n$TTL 3600\n"
                                "@ IN SOA ns1 hostmaster 1 900 600 86400 3600\n@ IN NS ns1\n"
                                "ns1 IN A 10.0.0.2\nlcs IN A 10.0.0.50\n");
  guint i;

  for (i = 0; i < ZONE_SRV; i++)
    g_string_append_printf (zone, "%s SRV 0 0 5061 h%u\n", i == 0 ? "_sipinternaltls._tcp" : "",
                            i);
  g_assert_true (g_file_set_contents (path, zone->str, zone->len, NULL));
  g_string_free (zone, TRUE);
}

static void
write_profile (const char *path)
{
  GString *profile = g_string_new ("[deployment]\nproduct=lcs2005\nedition=standard\n"
                                   "domains=contoso.com\npool=lcs.contoso.com\n"
                                   "pool-ip=10.0.0.50\nclients=communicator\ntransports=tls\n"
                                   "zones-internal=zones/contoso.com.zone\n[records]\n");
  guint i;

  for (i = 0; i < PROFILE_RECORDS; i++)
    g_string_append_printf (profile, "record%u=added%u.contoso.com. A 192.0.2.%u\n", i + 1, i,
                            i % 250 + 1);
  g_assert_true (g_file_set_contents (path, profile->str, profile->len, NULL));
  g_string_free (profile, TRUE);
}

static char *
read_ref (const char *refs,
          const char *name)
{
  g_autofree char *path = g_build_filename (refs, name, NULL);
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

static void
assert_whole (const char *path,
              const char *refs,
              const char *kind)
{
  g_autofree char *name0 = g_strdup_printf ("%s-0", kind);
  g_autofree char *name1 = g_strdup_printf ("%s-1", kind);
  g_autofree char *one = read_ref (refs, name0);
  g_autofree char *other = read_ref (refs, name1);

  test_files_assert_one_of (path, one, other);
}

/* The regular files in @dir: the saved files, and the temporary ones of killed saves. */
static guint
count_files (const char *dir,
             guint      *leftovers,
             const char *profile_path,
             const char *export_path)
{
  g_autoptr(GPtrArray) names = test_files_list (dir);

  *leftovers = 0;
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (lcs_save_is_leftover (profile_path, name) || lcs_save_is_leftover (export_path, name))
        (*leftovers)++;
    }
  return names->len;
}

static gboolean
has_leftover (const char *dir,
              const char *profile_path,
              const char *export_path)
{
  guint leftovers;

  count_files (dir, &leftovers, profile_path, export_path);
  return leftovers > 0;
}

static GSubprocess *
start_console (const char *profile_path,
               const char *export_path,
               const char *refs,
               const char *rounds)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *console =
    g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                      self_path, "--console",
                      profile_path, export_path, refs, rounds, NULL);

  g_assert_no_error (error);
  return console;
}

/* Waits until the console's save loop is about to save or export. */
static void
wait_turn (GSubprocess *console)
{
  char turn[5];
  gsize got = 0;

  g_assert_true (g_input_stream_read_all (g_subprocess_get_stdout_pipe (console), turn,
                                          sizeof turn, &got, NULL, NULL));
  g_assert_cmpmem (turn, got, "turn\n", 5);
}

/* Lets it; when it started. */
static gint64
go (GSubprocess *console)
{
  GOutputStream *in = g_subprocess_get_stdin_pipe (console);

  g_assert_true (g_output_stream_write_all (in, "g", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_flush (in, NULL, NULL));
  return g_get_monotonic_time ();
}

/* Lets the console save and export whole a few times (which removes what earlier kills left),
 * then lets one more start; returns how long the longest whole one took, µs. */
static gint64
start_one_more (GSubprocess *console)
{
  guint turns = 2 + g_random_int_range (0, 4);
  gint64 started = 0;
  gint64 longest = 1;
  guint turn;

  for (turn = 0; turn <= turns; turn++)
    {
      wait_turn (console);
      if (started > 0)
        longest = MAX (longest, g_get_monotonic_time () - started);
      started = go (console);
    }
  return longest;
}

static void
test_kill_console_mid_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lcsdns-kill-console-XXXXXX", NULL);
  g_autofree char *zones = g_build_filename (dir, "zones", NULL);
  g_autofree char *zone_path = g_build_filename (zones, "contoso.com.zone", NULL);
  g_autofree char *refs = g_build_filename (dir, "refs", NULL);
  g_autofree char *profile_path = g_build_filename (dir, "deployment.lcsdns", NULL);
  g_autofree char *export_path = g_build_filename (dir, "report.out", NULL);
  g_autoptr(GSubprocess) last = NULL;
  g_autoptr(GError) error = NULL;
  guint kill, leftovers, mid_save = 0;

  g_assert_cmpint (g_mkdir (zones, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (refs, 0700), ==, 0);
  write_zone (zone_path);
  write_profile (profile_path);
  /* KILLS kills, and more (up to three times as many) until some landed inside a save. */
  for (kill = 0; kill < KILLS || (mid_save < MIN_MID_SAVE && kill < 3 * KILLS); kill++)
    {
      /* The first run also writes what each whole save gives. */
      g_autoptr(GSubprocess) console = start_console (profile_path, export_path,
                                                      kill == 0 ? refs : "-", "0");
      gint64 until = g_get_monotonic_time () + start_one_more (console);

      /* Once its temporary file is there (or once the longest whole one would have ended),
       * within a few milliseconds: inside the writing, most of the time. */
      while (!has_leftover (dir, profile_path, export_path) && g_get_monotonic_time () < until)
        g_usleep (100);
      g_usleep (g_random_int_range (0, 3000));
      g_subprocess_force_exit (console);
      g_assert_true (g_subprocess_wait (console, NULL, NULL));
      g_assert_true (g_subprocess_get_if_signaled (console));
      assert_whole (profile_path, refs, "profile");
      assert_whole (export_path, refs, "export");
      /* A temporary file beside them: this kill landed inside a save. */
      count_files (dir, &leftovers, profile_path, export_path);
      mid_save += leftovers > 0;
    }
  /* Kills that all missed every save would prove nothing. */
  g_test_message ("%u of %u kills landed inside a save", mid_save, kill);
  g_assert_cmpuint (mid_save, >, 0);

  /* One more whole save and export by the console removes what the killed ones left. */
  last = start_console (profile_path, export_path, "-", "2");
  wait_turn (last);
  go (last);
  wait_turn (last);
  go (last);
  g_assert_true (g_subprocess_wait_check (last, NULL, &error));
  g_assert_no_error (error);
  assert_whole (profile_path, refs, "profile");
  assert_whole (export_path, refs, "export");
  g_assert_cmpuint (count_files (dir, &leftovers, profile_path, export_path), ==, 2);
  g_assert_cmpuint (leftovers, ==, 0);
  test_files_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 6 && strcmp (argv[1], "--console") == 0)
    return run_console (argv[2], argv[3], strcmp (argv[4], "-") != 0 ? argv[4] : NULL,
                        (guint) g_ascii_strtoull (argv[5], NULL, 10));
  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kill-save/console", test_kill_console_mid_save);
  return g_test_run ();
}
