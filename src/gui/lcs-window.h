/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The console's main window. */
#pragma once

#include <gtk/gtk.h>

#include "lcs-application.h"
#include "lcs-document.h"

G_BEGIN_DECLS

#define LCS_TYPE_WINDOW (lcs_window_get_type ())
G_DECLARE_FINAL_TYPE (LcsWindow, lcs_window, LCS, WINDOW, GtkApplicationWindow)

LcsWindow *lcs_window_new            (LcsApplication *app);

/* Shows @doc (taken): offline check when it has a zone file, else its plan. */
void       lcs_window_set_document   (LcsWindow      *window,
                                      LcsDocument    *doc);
gboolean   lcs_window_open_file      (LcsWindow      *window,
                                      const char     *path,
                                      GError        **error);
gboolean   lcs_window_open_demo      (LcsWindow      *window,
                                      GError        **error);
LcsDocument *lcs_window_get_document (LcsWindow      *window);

/* F5, Check now (docs/spec.md §7): re-reads the zone files and checks again, or, when the deployment is
 * checked live, asks the DNS servers again. A live check runs only against servers the admin
 * chose; with none named it asks first. The "checking" property is TRUE while one runs. */
void       lcs_window_check_now      (LcsWindow      *window);
/* Ctrl+F5: a live check (after the question, when no server is named). */
void       lcs_window_live_check     (LcsWindow      *window);
void       lcs_window_cancel_check   (LcsWindow      *window);
gboolean   lcs_window_is_checking    (LcsWindow      *window);
/* Zone files are being read (File → Import, F5) or checked again after an edit: the "loading"
 * property. */
gboolean   lcs_window_is_loading     (LcsWindow      *window);

/* Selects the first result row of @kind (an LcsRowKind) named @name (NULL: any); FALSE if none. */
gboolean   lcs_window_select_row     (LcsWindow      *window,
                                      int             kind,
                                      const char     *name);

/* Opens the New Resource Record (SRV) / New Host dialog; returns it (owned by the window). */
/* The record goes to @view (LcsView). */
GtkWidget *lcs_window_open_srv_dialog  (LcsWindow         *window,
                                        const LcsSrvEntry *initial,
                                        int                view);
GtkWidget *lcs_window_open_host_dialog (LcsWindow          *window,
                                        const LcsHostEntry *initial,
                                        int                view);

/* A non-blocking error message over the window; @error may be NULL. */
void       lcs_window_show_error     (LcsWindow      *window,
                                      const char     *primary,
                                      const GError   *error);

/* Asks before unsaved changes are lost; calls @then when it may go on. Never blocks. */
typedef void (*LcsWindowContinueFunc) (LcsWindow *window,
                                       gpointer   user_data);
void       lcs_window_confirm_discard (LcsWindow            *window,
                                       LcsWindowContinueFunc then,
                                       gpointer              user_data);

G_END_DECLS
