/* Help: the rule reference of SPEC §4 as the console shows it. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LCS_TYPE_HELP_WINDOW (lcs_help_window_get_type ())
G_DECLARE_FINAL_TYPE (LcsHelpWindow, lcs_help_window, LCS, HELP_WINDOW, GtkWindow)

GtkWidget *lcs_help_window_new (GtkWindow *parent);

G_END_DECLS
