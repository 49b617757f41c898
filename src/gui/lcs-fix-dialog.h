/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fix Script: the operations of a check's remediation before they are saved as a script, each
 * with a check box so that the admin can leave one out. */
#pragma once

#include <gtk/gtk.h>
#include <lcsdns/export/remediation.h>

G_BEGIN_DECLS

#define LCS_TYPE_FIX_DIALOG (lcs_fix_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LcsFixDialog, lcs_fix_dialog, LCS, FIX_DIALOG, GtkDialog)

/* Takes @fix. "Save" writes the script of the checked operations in @format to @path and
 * closes the dialog; a failure shows in the dialog and leaves no file behind. */
GtkWidget            *lcs_fix_dialog_new   (GtkWindow      *parent,
                                            LcsRemediation *fix,
                                            LcsFormat       format,
                                            const char     *path);
/* The remediation with the check boxes as they are now (LcsFixOp.enabled). */
const LcsRemediation *lcs_fix_dialog_get_remediation (LcsFixDialog *self);
/* Writes the script as "Save" does. */
gboolean              lcs_fix_dialog_save  (LcsFixDialog   *self,
                                            GError        **error);

G_END_DECLS
