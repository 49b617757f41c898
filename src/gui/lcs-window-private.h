/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's parts, shared by lcs-window.c (the panes, the View menu) and the files that add
 * its actions: lcs-window-files.c (the File menu), lcs-window-records.c (new records, Apply fix,
 * Properties) and lcs-window-check.c (the live check). */
#pragma once

#include <lcsdns/export/export.h>

#include "lcs-cert-page.h"
#include "lcs-checklist-page.h"
#include "lcs-details-pane.h"
#include "lcs-live-check.h"
#include "lcs-result-list.h"
#include "lcs-console-tree.h"
#include "lcs-window.h"
#include "lcs-zone-contents.h"
#include "lcs-zone-model.h"
#include "lcs-zone-view.h"

G_BEGIN_DECLS

struct _LcsWindow {
  GtkApplicationWindow parent_instance;

  GtkWidget        *toolbar;
  GtkTreeStore     *tree_store;
  GtkTreeView      *console_tree;
  GtkStack         *center_stack;
  LcsResultList    *result_list;
  LcsDetailsPane   *details_pane;
  LcsChecklistPage *checklist_page;
  LcsCertPage      *cert_page;
  GtkWidget        *actions_pane;
  GtkLabel         *actions_node_label;
  GtkWidget        *statusbar;
  GtkLabel         *status_label;
  GtkProgressBar   *progress_bar;
  GtkLabel         *elapsed_label;
  GtkWidget        *cancel_button;
  LcsZoneView      *zone_view;

  LcsDocument      *doc;
  LcsLiveCheck     *live;        /* NULL when no live check runs */
  gint64            live_start;
  guint             elapsed_id;
  guint             answered;
  guint             asked;
  guint             shown_answered;  /* answers the result rows last showed */

  LcsZoneContents  *zone_contents;   /* the zone files' records as read; NULL: none */
  LcsZoneSet       *zone_set;        /* the same files as the check reads them; NULL until read */
  GCancellable     *zone_load;       /* NULL when no zone file is being read */
  gboolean          zone_load_checks; /* its report is still to replace the document's */
  gint64            zone_load_start;
  guint             zone_records_read;
  GCancellable     *recheck;         /* NULL when no check of zone_set runs */
  gboolean          recheck_pending; /* a check of zone_set waits for the read to end */
  gint64            recheck_start;
};

/* Checks the document again and refreshes every pane: a live result stays (only the certificate
 * findings are redone), without zone files the plan is shown, and with them the offline check
 * runs in a thread (lcs_window_check_zones); the panes show the last report meanwhile, and the
 * newest check's report replaces it, never an older one's. */
void lcs_window_refresh          (LcsWindow *self);
void lcs_window_update_title     (LcsWindow *self);
void lcs_window_update_status    (LcsWindow *self);

void lcs_window_refresh_panes    (LcsWindow *self);
void lcs_window_set_action_enabled (LcsWindow  *self,
                                    const char *name,
                                    gboolean    enabled);

/* lcs-window-records.c: the fix a result row offers (NULL: none) and the view it is for, and
 * whether @finding explains the record row of @result. */
LcsSrvEntry *lcs_window_fix_entry_for_row (LcsWindow  *self,
                                           LcsRowKind  kind,
                                           int         index,
                                           LcsView    *view);
gboolean     lcs_window_finding_is_about  (const LcsFinding      *finding,
                                           const LcsRecordResult *result);

/* lcs-window-records.c: the deployment's Properties dialog. */
void lcs_window_edit_properties (LcsWindow *self);

/* lcs-window-files.c: @path with @format's extension (replacing another export format's, else
 * added); a new string. */
char    *lcs_window_export_path (const char *path,
                                 LcsFormat   format);
/* lcs-window-files.c: writes the current report as @format (no browser is opened). */
gboolean lcs_window_export_to (LcsWindow   *self,
                               const char  *path,
                               LcsFormat    format,
                               GError     **error);

/* lcs-window-check.c: during a live check, the required-record rows whose questions are all
 * answered in @obs (the answers so far) show their status; the others stay "Checking…". */
void lcs_window_show_partial (LcsWindow             *self,
                              const LcsObservations *obs);

/* After the document's profile was replaced (Properties, Undo, Redo): the console tree, the
 * checklist, the certificate page and a new check; the selected node stays selected. */
void lcs_window_profile_replaced   (LcsWindow *self);

/* lcs-window-edit.c: Undo, Redo, Delete and Copy follow the document and the selected row. */
void lcs_window_update_edit_actions (LcsWindow *self);
/* lcs-window-edit.c: the result list's tree view, which carries the row menu. */
GtkTreeView *lcs_window_result_view (LcsWindow   *self);
/* lcs-window-edit.c: whether View → Advanced is on (the record dialogs show TTL and aging). */
gboolean     lcs_window_advanced_view (LcsWindow *self);
/* lcs-window-zones.c: reads the document's zone files in a thread for the DNS zones branch and
 * the zone page; with @check, the offline check runs there too and its report replaces the
 * document's ("loading" is TRUE meanwhile). forget_zones cancels a read and drops the records. */
void lcs_window_load_zones     (LcsWindow     *self,
                                gboolean       check);
void lcs_window_forget_zones   (LcsWindow     *self);
/* lcs-window-zones.c: the offline check of the document as it is now, in a thread: on the zone
 * files read already when they are the profile's (after the read under way, if one is), else
 * read again. Supersedes every check started before it. */
void lcs_window_check_zones    (LcsWindow     *self);
/* lcs-window-zones.c: no check started before now may replace the document's report. */
void lcs_window_supersede_checks (LcsWindow   *self);
/* lcs-window-zones.c: after the profile was replaced (Undo, Redo, Properties): the zone files are
 * read again only when the list changed (the offline check has done so already); else the tree
 * gets its zone branch back. */
void lcs_window_follow_zones   (LcsWindow     *self);
/* lcs-window-zones.c: "Reading zone files…" or "Checking…" in the status bar, when either runs;
 * FALSE (nothing written) otherwise. */
gboolean lcs_window_show_zone_progress (LcsWindow *self);
void lcs_window_show_zone_node (LcsWindow     *self,
                                const LcsNode *node);
/* lcs-window-zones.c: Import (@index < 0) or Replace (the view's file @index) of @path asks the
 * zone name first, proposed from the file; OK makes the undoable change and reads the zones
 * again, Cancel changes nothing. An unreadable file is one error message. */
void lcs_window_ask_zone_name  (LcsWindow     *self,
                                LcsView        view,
                                int            index,
                                const char    *path);

/* The window's actions, by file. */
void lcs_window_add_file_actions   (LcsWindow *self);
void lcs_window_add_record_actions (LcsWindow *self);
void lcs_window_add_check_actions  (LcsWindow *self);
void lcs_window_add_edit_actions   (LcsWindow *self);

G_END_DECLS
