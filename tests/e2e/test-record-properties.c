/* Properties on a record row opens the record's own dialog filled in, as in the Windows console:
 * a misplaced SRV record shows the owner it sits at (and so its mistake), an A record the New
 * Host dialog. With no row selected, Properties is the deployment's. Runs under Xvfb. */
#include <gtk/gtk.h>
#include <lcsdns/check/entry.h>

#include "lcs-host-dialog.h"
#include "lcs-properties-dialog.h"
#include "lcs-srv-dialog.h"
#include "e2e-util.h"

/* Properties with the record row of @owner selected (NULL: no row): the dialog of @type it
 * opened. */
static GtkWidget *
open_properties (LcsWindow  *window,
                 const char *owner,
                 GType       type)
{
  GtkWidget *dialog;

  if (owner != NULL)
    g_assert_true (lcs_result_list_select (window->result_list, LCS_ROW_RECORD, owner));
  else
    gtk_tree_selection_unselect_all (gtk_tree_view_get_selection (
      GTK_TREE_VIEW (gtk_bin_get_child (GTK_BIN (window->result_list)))));
  g_action_group_activate_action (G_ACTION_GROUP (window), "properties", NULL);
  e2e_spin (50);
  dialog = e2e_find_dialog (type);
  g_assert_nonnull (dialog);
  return dialog;
}

static void
test_misplaced_srv (void)
{
  LcsWindow *window = e2e_demo_window ();
  GtkWidget *dialog = open_properties (window, "_sipinternaltls._tcp.contoso.com.",
                                       LCS_TYPE_SRV_DIALOG);
  g_autoptr(LcsSrvEntry) entry = lcs_srv_dialog_get_entry (LCS_SRV_DIALOG (dialog));

  g_assert_cmpstr (entry->domain, ==, "contoso.com");
  g_assert_cmpstr (entry->service, ==, "_sipinternaltls._tcp");
  g_assert_cmpstr (entry->protocol, ==, "_tcp");
  g_assert_cmpstr (entry->port, ==, "5061");
  g_assert_cmpstr (entry->target, ==, "lcspool.contoso.com");
  gtk_widget_destroy (dialog);
  gtk_widget_destroy (GTK_WIDGET (window));
}

static void
test_host_record (void)
{
  LcsWindow *window = e2e_demo_window ();
  GtkWidget *dialog = open_properties (window, "lcspool.contoso.com.", LCS_TYPE_HOST_DIALOG);
  g_autoptr(LcsHostEntry) entry = lcs_host_dialog_get_entry (LCS_HOST_DIALOG (dialog));

  g_assert_cmpstr (entry->name, ==, "lcspool");
  /* What DNS holds: the member's address, which the dialog then flags as pool-vip. */
  g_assert_cmpstr (entry->address, ==, "10.0.0.51");
  gtk_widget_destroy (dialog);
  gtk_widget_destroy (GTK_WIDGET (window));
}

static void
test_deployment (void)
{
  LcsWindow *window = e2e_demo_window ();
  GtkWidget *dialog = open_properties (window, NULL, LCS_TYPE_PROPERTIES_DIALOG);

  g_assert_null (e2e_find_dialog (LCS_TYPE_SRV_DIALOG));
  gtk_widget_destroy (dialog);
  gtk_widget_destroy (GTK_WIDGET (window));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/record-properties/misplaced-srv", test_misplaced_srv);
  g_test_add_func ("/record-properties/host", test_host_record);
  g_test_add_func ("/record-properties/deployment", test_deployment);
  return g_test_run ();
}
