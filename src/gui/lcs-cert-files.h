/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening certificate files from the Certificates page: the file chooser with its filters, and
 * the password question a protected PKCS#12 file needs. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Open dialog for PEM, DER and PKCS#12 files, modal for @parent (nullable). */
GtkFileChooserNative *lcs_cert_file_chooser_new          (GtkWindow  *parent);

/* Whether @path is a PKCS#12 file that opens with a password but not without one. */
gboolean              lcs_cert_file_needs_password       (const char *path);

/* Modal question for the password of @path; @again after a wrong one. Responds GTK_RESPONSE_OK
 * to open the file with lcs_cert_password_dialog_get_password(). */
GtkWidget            *lcs_cert_password_dialog_new       (GtkWindow  *parent,
                                                          const char *path,
                                                          gboolean    again);
const char           *lcs_cert_password_dialog_get_path     (GtkDialog *dialog);
const char           *lcs_cert_password_dialog_get_password (GtkDialog *dialog);

G_END_DECLS
