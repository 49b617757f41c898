/* Help: the rule reference of docs/spec.md §4 as the console shows it. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LCS_TYPE_HELP_WINDOW (lcs_help_window_get_type ())
G_DECLARE_FINAL_TYPE (LcsHelpWindow, lcs_help_window, LCS, HELP_WINDOW, GtkWindow)

GtkWidget *lcs_help_window_new (GtkWindow *parent);
/* Scrolls to @rule_id's entry and puts the cursor there; FALSE when there is no such rule. */
gboolean   lcs_help_window_show_rule (LcsHelpWindow *self,
                                      const char    *rule_id);

/* Scrolls to the help on @topic ("srv-dialog", "host-dialog", "properties-dialog"), the page
 * F1 opens in that dialog; FALSE when there is no such topic. */
gboolean   lcs_help_window_show_topic (LcsHelpWindow *self,
                                       const char    *topic);
/* F1 in @dialog opens the help on @topic (static), over the dialog. */
void       lcs_help_window_bind_f1    (GtkWidget     *dialog,
                                       const char    *topic);

G_END_DECLS
