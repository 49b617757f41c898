/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fix Script dialog: the demo's remediation listed one row per operation, a cleared box leaves
 * its operation out of the saved script, a failed save says why and writes nothing. Saves a
 * screenshot (fix-dialog-WxH.png, the screen's size) into $LCS_SCREENSHOT_DIR or the build dir. */
#include <glib/gstdio.h>
#include <lcsdns/zone/zone.h>
#include <string.h>

#include "gui-test-util.h"
#include "lcs-fix-dialog.h"

static void
load_dir (LcsObservations *obs,
          LcsView          view,
          const char      *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".dns"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
        g_autoptr(GError) error = NULL;

        g_assert_true (lcs_zone_load (obs, view, path, NULL, findings, &error));
      }
}

/* The demo's zone check, as the console runs it, and its remediation. */
static LcsRemediation *
demo_remediation (void)
{
  g_autofree char *dir = g_build_filename (g_test_get_dir (G_TEST_DIST), "..", "..", "data",
                                           "demo", NULL);
  g_autofree char *profile_path = g_build_filename (dir, "demo.lcsdns", NULL);
  g_autofree char *external = g_build_filename (dir, "external", NULL);
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LcsProfile) profile = lcs_profile_load (profile_path, &error);
  g_autoptr(LcsReport) report = NULL;

  g_assert_no_error (error);
  load_dir (obs, LCS_VIEW_INTERNAL, dir);
  load_dir (obs, LCS_VIEW_EXTERNAL, external);
  report = lcs_check_observations (profile, obs, LCS_SOURCE_ZONE);
  g_ptr_array_add (report->files, g_strdup ("contoso.com.dns"));
  return lcs_remediation_build (report, obs, -1);
}

static guint
count_rows (GtkWidget *dialog)
{
  GtkTreeView *view = GTK_TREE_VIEW (test_find_widget (dialog, GTK_TYPE_TREE_VIEW, NULL, NULL));

  return gtk_tree_model_iter_n_children (gtk_tree_view_get_model (view), NULL);
}

static void
click_save (GtkWidget *dialog)
{
  GtkWidget *save = test_find_widget (dialog, GTK_TYPE_BUTTON, NULL, "Save");

  g_assert_nonnull (save);
  gtk_button_clicked (GTK_BUTTON (save));
  test_pump ();
}

static void
save_screenshot (GtkWidget *dialog)
{
  const char *dir = g_getenv ("LCS_SCREENSHOT_DIR");
  GdkScreen *screen = gtk_widget_get_screen (dialog);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  GdkWindow *window;
  gint64 until;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  name = g_strdup_printf ("fix-dialog-%dx%d.png", gdk_screen_get_width (screen),
                          gdk_screen_get_height (screen));
  G_GNUC_END_IGNORE_DEPRECATIONS
  path = g_build_filename (dir ? dir : g_test_get_dir (G_TEST_BUILT), name, NULL);
  test_show_and_wait_draw (dialog);
  gtk_window_move (GTK_WINDOW (dialog), 0, 0);
  /* Adwaita fades colours in over 200 ms: let them finish before the picture. */
  for (until = g_get_monotonic_time () + 500 * G_TIME_SPAN_MILLISECOND;
       g_get_monotonic_time () < until;)
    {
      test_pump ();
      g_usleep (20 * G_TIME_SPAN_MILLISECOND);
    }
  window = gtk_widget_get_window (dialog);
  /* The whole dialog fits on the screen: nothing the admin must see is cut off. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_cmpint (gdk_window_get_width (window), <=, gdk_screen_get_width (screen));
  g_assert_cmpint (gdk_window_get_height (window), <=, gdk_screen_get_height (screen));
  G_GNUC_END_IGNORE_DEPRECATIONS
  pixbuf = gdk_pixbuf_get_from_window (window, 0, 0, gdk_window_get_width (window),
                                       gdk_window_get_height (window));
  g_assert_nonnull (pixbuf);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  g_test_message ("wrote %s", path);
}

static void
test_leave_one_out (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lcs-fix-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "fix.nsupdate", NULL);
  LcsRemediation *fix = demo_remediation ();
  const LcsFixOp *first = g_ptr_array_index (fix->ops, 0);
  g_autofree char *left_out = g_strdup_printf ("update delete %s IN %s %s", first->record->owner,
                                               lcs_type_to_string (first->record->type),
                                               first->record->rdata);
  guint ops = fix->ops->len;
  GtkWidget *dialog = lcs_fix_dialog_new (NULL, fix, LCS_FORMAT_NSUPDATE, path);
  GtkCellRendererToggle *toggle = GTK_CELL_RENDERER_TOGGLE (
    gtk_widget_get_template_child (dialog, LCS_TYPE_FIX_DIALOG, "apply_renderer"));
  g_autofree char *script = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpuint (ops, >, 10);
  g_assert_cmpuint (count_rows (dialog), ==, ops);
  test_assert_accessible_names (dialog);
  save_screenshot (dialog);

  /* What a click on the first row's box does. */
  g_signal_emit_by_name (toggle, "toggled", "0");
  g_assert_cmpuint (lcs_remediation_count (lcs_fix_dialog_get_remediation (LCS_FIX_DIALOG (dialog))),
                    ==, ops - 1);
  click_save (dialog);
  g_assert_null (dialog);

  g_assert_true (g_file_get_contents (path, &script, NULL, NULL));
  g_assert_null (strstr (script, left_out));
  g_assert_nonnull (strstr (script, "update add lcspool.contoso.com. 3600 IN A 10.0.0.50"));
  g_remove (path);
  g_rmdir (dir);
}

static void
test_save_fails (void)
{
  const char *path = "/nonexistent-lcs-dir/fix.cmd";
  GtkWidget *dialog = lcs_fix_dialog_new (NULL, demo_remediation (), LCS_FORMAT_DNSCMD, path);
  GtkWidget *error_label = GTK_WIDGET (
    gtk_widget_get_template_child (dialog, LCS_TYPE_FIX_DIALOG, "error_label"));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  test_show_and_wait_draw (dialog);
  click_save (dialog);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_widget_destroy (dialog);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fix-dialog/leave-one-out", test_leave_one_out);
  g_test_add_func ("/fix-dialog/save-fails", test_save_fails);
  return g_test_run ();
}
