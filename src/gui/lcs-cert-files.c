/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lcs-cert-files.h"

static void
add_filter (GtkFileChooser     *chooser,
            const char         *title,
            const char *const  *patterns)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, title);
  for (gsize i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

GtkFileChooserNative *
lcs_cert_file_chooser_new (GtkWindow *parent)
{
  static const char *const all_certs[] = { "*.pem", "*.crt", "*.cer", "*.der", "*.pfx", "*.p12",
                                           NULL };
  static const char *const pem[] = { "*.pem", "*.crt", "*.cer", NULL };
  static const char *const der[] = { "*.der", "*.cer", "*.crt", NULL };
  static const char *const pkcs12[] = { "*.pfx", "*.p12", NULL };
  static const char *const any[] = { "*", NULL };
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new ("Load Certificate File", parent,
                                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               "_Load", "_Cancel");

  add_filter (GTK_FILE_CHOOSER (chooser), "Certificates (PEM, DER, PKCS#12)", all_certs);
  add_filter (GTK_FILE_CHOOSER (chooser), "PEM certificates", pem);
  add_filter (GTK_FILE_CHOOSER (chooser), "DER certificates", der);
  add_filter (GTK_FILE_CHOOSER (chooser), "PKCS#12 files (.pfx, .p12)", pkcs12);
  add_filter (GTK_FILE_CHOOSER (chooser), "All files", any);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}

gboolean
lcs_cert_file_needs_password (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return FALSE;
  certificate = g_tls_certificate_new_from_pkcs12 ((const guint8 *) data, length, NULL, &error);
  return g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE_PASSWORD);
}

GtkWidget *
lcs_cert_password_dialog_new (GtkWindow  *parent,
                              const char *path,
                              gboolean    again)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *text = g_strdup_printf (again ? "Wrong password for “%s”. Try again:"
                                                 : "“%s” is protected by a password.", base);
  GtkWidget *dialog = gtk_dialog_new_with_buttons ("Certificate File Password", parent,
                                                   GTK_DIALOG_MODAL
                                                   | GTK_DIALOG_DESTROY_WITH_PARENT,
                                                   "_Cancel", GTK_RESPONSE_CANCEL,
                                                   "_Open", GTK_RESPONSE_OK,
                                                   NULL);
  GtkWidget *area = gtk_dialog_get_content_area (GTK_DIALOG (dialog));
  GtkWidget *message = gtk_label_new (text);
  GtkWidget *caption = gtk_label_new_with_mnemonic ("_Password:");
  GtkWidget *entry = gtk_entry_new ();

  gtk_container_set_border_width (GTK_CONTAINER (area), 12);
  gtk_box_set_spacing (GTK_BOX (area), 6);
  gtk_label_set_xalign (GTK_LABEL (message), 0.0);
  gtk_label_set_xalign (GTK_LABEL (caption), 0.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), entry);
  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  atk_object_set_name (gtk_widget_get_accessible (entry), "Password");
  gtk_box_pack_start (GTK_BOX (area), message, FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (area), caption, FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (area), entry, FALSE, FALSE, 0);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  g_object_set_data_full (G_OBJECT (dialog), "lcs-path", g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (dialog), "lcs-entry", entry);
  gtk_widget_show_all (area);
  return dialog;
}

const char *
lcs_cert_password_dialog_get_path (GtkDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "lcs-path");
}

const char *
lcs_cert_password_dialog_get_password (GtkDialog *dialog)
{
  return gtk_entry_get_text (GTK_ENTRY (g_object_get_data (G_OBJECT (dialog), "lcs-entry")));
}
