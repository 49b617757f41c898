/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Details of the selected result row: its data, each finding with its explanation and fix. */
#pragma once

#include <gtk/gtk.h>
#include <lcsdns/check/check.h>

G_BEGIN_DECLS

#define LCS_TYPE_DETAILS_PANE (lcs_details_pane_get_type ())
G_DECLARE_FINAL_TYPE (LcsDetailsPane, lcs_details_pane, LCS, DETAILS_PANE, GtkBox)

void lcs_details_pane_clear        (LcsDetailsPane *pane,
                                    const char     *hint);
/* Starts a new page about @title. */
void lcs_details_pane_begin        (LcsDetailsPane *pane,
                                    const char     *title);
/* A labelled line such as "Expected: 0 0 5061 lcs.contoso.com.". */
void lcs_details_pane_add_fact     (LcsDetailsPane *pane,
                                    const char     *label,
                                    const char     *value);
/* One finding: severity and message, the rule's explanation, the fix. */
void lcs_details_pane_add_finding  (LcsDetailsPane   *pane,
                                    const LcsFinding *finding);
void lcs_details_pane_set_can_fix  (LcsDetailsPane *pane,
                                    gboolean        can_fix);

/* The text shown, for tests and screen readers that read the buffer. */
char *lcs_details_pane_get_text    (LcsDetailsPane *pane);

G_END_DECLS
