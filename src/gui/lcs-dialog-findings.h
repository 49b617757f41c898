/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the checking dialogs share: the style of our own area, the error icon on a field, the
 * rows of the findings list, and the question before creating a record that has errors. */
#pragma once

#include <gtk/gtk.h>
#include <lcsdns/model/finding.h>

G_BEGIN_DECLS

/* Loads ui/dialogs.css for the default screen, once. */
void        lcs_dialogs_load_style        (void);

const char *lcs_severity_icon_name        (LcsSeverity severity);

/* The secondary icon of @entry: @tooltip with the worst severity's icon; cleared when NULL. */
void        lcs_entry_show_findings       (GtkEntry    *entry,
                                           LcsSeverity  worst,
                                           const char  *tooltip);

void        lcs_findings_list_clear       (GtkListBox  *list);

/* A row named after the rule id: icon, message, and @fix_button, else the fix in words. */
GtkWidget  *lcs_finding_row_new           (const LcsFinding *finding,
                                           GtkWidget        *fix_button);

/* Shrinks @window's default size to the screen's work area: on a 1024×600 screen a dialog opens
 * whole, its buttons on screen. */
void        lcs_window_fit_default_size   (GtkWindow  *window);

/* A button labelled and named "Fix: @summary". */
GtkWidget  *lcs_fix_button_new            (const char *summary);

/* Where Windows refuses the values (no record to preview): the first error of @findings, which
 * names its field ("Port number is empty"); NULL when there is none. */
const char *lcs_findings_refusal          (GPtrArray  *findings);
/* The preview line: @record, or why Windows refuses the values. Free with g_free. */
char       *lcs_record_preview_text       (const char *record,
                                           GPtrArray  *findings);

/* For a dialog's "response" handler: OK while the entry has @errors stops there. When Windows
 * would create @record (not NULL) it asks whether to create it anyway ("Create Anyway" sets
 * *@confirmed and responds OK again); when Windows refuses the values (@record NULL) it says
 * which field, and the admin goes back to it. TRUE when the response goes on unchanged. */
gboolean    lcs_dialog_confirm_errors     (GtkDialog  *dialog,
                                           int         response_id,
                                           guint       errors,
                                           const char *record,
                                           GPtrArray  *findings,
                                           gboolean   *confirmed);

G_END_DECLS
