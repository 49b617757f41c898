/* Deployment properties: every profile field (docs/spec.md §2), validated as typed. */
#pragma once

#include <gtk/gtk.h>
#include <lcsdns/profile/profile.h>

G_BEGIN_DECLS

#define LCS_TYPE_PROPERTIES_DIALOG (lcs_properties_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LcsPropertiesDialog, lcs_properties_dialog, LCS, PROPERTIES_DIALOG, GtkDialog)

/* @profile NULL: a new deployment with the defaults. OK is insensitive while a field is
 * invalid or the profile is incomplete; responds GTK_RESPONSE_OK or GTK_RESPONSE_CANCEL. */
GtkWidget  *lcs_properties_dialog_new         (GtkWindow           *parent,
                                               const LcsProfile    *profile);
/* The profile as typed now (ticked checklist steps kept from the original); NULL while invalid. */
LcsProfile *lcs_properties_dialog_get_profile (LcsPropertiesDialog *self);

G_END_DECLS
