/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shows one dialog for the AT-SPI tests, and on OK prints what the dialog returns, one
 * key=value a line. Usage: dialog-runner srv|host|properties */
#include "gui-test-util.h"
#include "lcs-host-dialog.h"
#include "lcs-properties-dialog.h"
#include "lcs-srv-dialog.h"

static void
print_result (GtkWidget *dialog)
{
  if (LCS_IS_SRV_DIALOG (dialog))
    {
      g_autoptr(LcsSrvEntry) entry = lcs_srv_dialog_get_entry (LCS_SRV_DIALOG (dialog));

      g_print ("domain=%s\nservice=%s\nprotocol=%s\npriority=%s\nweight=%s\nport=%s\ntarget=%s\n",
               entry->domain, entry->service, entry->protocol, entry->priority, entry->weight,
               entry->port, entry->target);
    }
  else if (LCS_IS_HOST_DIALOG (dialog))
    {
      g_autoptr(LcsHostEntry) entry = lcs_host_dialog_get_entry (LCS_HOST_DIALOG (dialog));

      g_print ("domain=%s\nname=%s\naddress=%s\n", entry->domain, entry->name, entry->address);
    }
  else
    {
      g_autoptr(LcsProfile) profile = lcs_properties_dialog_get_profile (LCS_PROPERTIES_DIALOG (dialog));
      g_autofree char *data = profile != NULL ? lcs_profile_to_data (profile, NULL) : NULL;

      g_print ("%s", data != NULL ? data : "");
    }
}

static void
on_dialog_response (GtkDialog *dialog,
                    int        response_id,
                    int       *status)
{
  if (response_id == GTK_RESPONSE_OK)
    print_result (GTK_WIDGET (dialog));
  *status = response_id == GTK_RESPONSE_OK ? 0 : 1;
  gtk_main_quit ();
}

int
main (int argc, char *argv[])
{
  g_autoptr(LcsProfile) profile = NULL;
  const char *which = argc > 1 ? argv[1] : "";
  GtkWidget *dialog;
  int status = 1;

  gtk_init (&argc, &argv);
  profile = test_profile_new ();
  if (g_str_equal (which, "srv"))
    dialog = lcs_srv_dialog_new (NULL, profile, NULL);
  else if (g_str_equal (which, "host"))
    dialog = lcs_host_dialog_new (NULL, profile, NULL);
  else if (g_str_equal (which, "properties"))
    dialog = lcs_properties_dialog_new (NULL, profile);
  else
    {
      g_printerr ("usage: dialog-runner srv|host|properties\n");
      return 2;
    }
  g_signal_connect (dialog, "response", G_CALLBACK (on_dialog_response), &status);
  gtk_widget_show (dialog);
  gtk_main ();
  return status;
}
