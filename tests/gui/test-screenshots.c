/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Renders each dialog with findings showing to PNG: into $LCS_SCREENSHOT_DIR when set (the
 * dialog-screenshots target points it at data/screenshots/), else into the build directory. */
#include "gui-test-util.h"
#include "lcs-host-dialog.h"
#include "lcs-properties-dialog.h"
#include "lcs-srv-dialog.h"

/* Adwaita fades colours in over 200 ms: let them finish before the picture. */
static void
wait_for_transitions (void)
{
  gint64 until = g_get_monotonic_time () + 500 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    {
      test_pump ();
      g_usleep (20 * G_TIME_SPAN_MILLISECOND);
    }
}

static void
save_window (GtkWidget  *dialog,
             const char *file_name)
{
  const char *dir = g_getenv ("LCS_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  GdkWindow *window;

  if (dir == NULL)
    dir = g_test_get_dir (G_TEST_BUILT);
  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  path = g_build_filename (dir, file_name, NULL);

  test_show_and_wait_draw (dialog);
  gtk_window_move (GTK_WINDOW (dialog), 0, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_transitions ();
  gdk_display_sync (gtk_widget_get_display (dialog));
  window = gtk_widget_get_window (dialog);
  pixbuf = gdk_pixbuf_get_from_window (window, 0, 0, gdk_window_get_width (window),
                                       gdk_window_get_height (window));
  g_assert_nonnull (pixbuf);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), >, 300);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), >, 300);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);
  g_test_message ("wrote %s", path);
}

static void
set_text (GtkWidget  *dialog,
          GType       type,
          const char *name,
          const char *text)
{
  gtk_entry_set_text (GTK_ENTRY (gtk_widget_get_template_child (dialog, type, name)), text);
}

static void
test_srv_dialog (void)
{
  g_autoptr(LcsProfile) profile = test_profile_new ();
  GtkWidget *dialog = lcs_srv_dialog_new (NULL, profile, NULL);

  set_text (dialog, LCS_TYPE_SRV_DIALOG, "service_entry", "_sipinternaltls._tcp");
  set_text (dialog, LCS_TYPE_SRV_DIALOG, "protocol_entry", "_tcp");
  set_text (dialog, LCS_TYPE_SRV_DIALOG, "port_entry", "5060");
  set_text (dialog, LCS_TYPE_SRV_DIALOG, "target_entry", "lcs.fabrikam.com");
  save_window (dialog, "srv-dialog.png");

  set_text (dialog, LCS_TYPE_SRV_DIALOG, "service_entry", "_sipinternaltls");
  set_text (dialog, LCS_TYPE_SRV_DIALOG, "port_entry", "5061");
  set_text (dialog, LCS_TYPE_SRV_DIALOG, "target_entry", "lcs.contoso.com.");
  g_assert_cmpuint (lcs_srv_dialog_get_result (LCS_SRV_DIALOG (dialog))->findings->len, ==, 0);
  save_window (dialog, "srv-dialog-correct.png");
  gtk_widget_destroy (dialog);
}

static void
test_host_dialog (void)
{
  g_autoptr(LcsProfile) profile = test_profile_new ();
  GtkWidget *dialog = lcs_host_dialog_new (NULL, profile, NULL);

  set_text (dialog, LCS_TYPE_HOST_DIALOG, "name_entry", "sip.contoso.com");
  set_text (dialog, LCS_TYPE_HOST_DIALOG, "address_entry", "192.0.2.300");
  save_window (dialog, "host-dialog.png");
  gtk_widget_destroy (dialog);
}

static void
test_properties_dialog (void)
{
  g_autoptr(LcsProfile) profile = test_profile_new ();
  GtkWidget *dialog = lcs_properties_dialog_new (NULL, profile);
  GtkNotebook *notebook = GTK_NOTEBOOK (test_find_widget (dialog, GTK_TYPE_NOTEBOOK, NULL, NULL));

  save_window (dialog, "properties-dialog-general.png");
  gtk_notebook_set_current_page (notebook, 1);
  set_text (dialog, LCS_TYPE_PROPERTIES_DIALOG, "pool_ip_entry", "192.0.2.300");
  save_window (dialog, "properties-dialog-servers.png");
  gtk_widget_destroy (dialog);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/screenshots/srv-dialog", test_srv_dialog);
  g_test_add_func ("/screenshots/host-dialog", test_host_dialog);
  g_test_add_func ("/screenshots/properties-dialog", test_properties_dialog);
  return g_test_run ();
}
