/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The result pane: one row per required record, per finding about another name, and per
 * record the admin added; filtered by the console tree's node. */
#pragma once

#include <gtk/gtk.h>
#include <lcsdns/check/check.h>
#include <lcsdns/profile/profile.h>

G_BEGIN_DECLS

typedef enum {
  LCS_ROW_NONE = -1,
  LCS_ROW_RECORD,    /* index into report->results */
  LCS_ROW_FINDING,   /* index into report->findings */
  LCS_ROW_ADDED,     /* index into profile->records, then on into profile->external_records */
} LcsRowKind;

/* Any view: the filter's view when it shows both. */
#define LCS_VIEW_ANY (-1)

#define LCS_TYPE_RESULT_LIST (lcs_result_list_get_type ())
G_DECLARE_FINAL_TYPE (LcsResultList, lcs_result_list, LCS, RESULT_LIST, GtkScrolledWindow)

/* Replaces every row. @report may be NULL (no check yet); @checking marks required records
 * "Checking…" while a live check runs. */
void      lcs_result_list_show_report  (LcsResultList    *list,
                                        const LcsReport  *report,
                                        const LcsProfile *profile,
                                        gboolean          checking);

/* While a live check runs: the rows of @result's required record, if still "Checking…", show
 * its status now. FALSE when no such row was waiting. */
gboolean  lcs_result_list_settle         (LcsResultList         *list,
                                          const LcsRecordResult *result);
/* Rows still "Checking…". */
guint     lcs_result_list_count_checking (LcsResultList *list);
/* The status text of the first required-record row (@name, @type) in @view; NULL if none. */
char     *lcs_result_list_get_status     (LcsResultList *list,
                                          const char    *name,
                                          guint16        type,
                                          int            view);

/* @domain NULL: every domain; @view LCS_VIEW_ANY: both views. */
void      lcs_result_list_set_filter   (LcsResultList *list,
                                        const char    *domain,
                                        int            view);

gboolean  lcs_result_list_get_selected (LcsResultList *list,
                                        LcsRowKind    *kind,
                                        int           *index);
/* The name shown on the selected row, and its kind; NULL when no row is selected. */
char     *lcs_result_list_get_selected_name (LcsResultList *list,
                                             LcsRowKind    *kind);

guint     lcs_result_list_count_visible (LcsResultList *list);
/* The rows shown, by the severity they are drawn with (indexed by LcsSeverity). */
void      lcs_result_list_count_severities (LcsResultList *list,
                                            guint          counts[3]);

/* Selects the first visible row of @kind whose name is @name (NULL: any); FALSE when none. */
gboolean  lcs_result_list_select     (LcsResultList *list,
                                      LcsRowKind     kind,
                                      const char    *name);

/* The SIP domain of @profile that @name lies in (longest match), or NULL. */
const char *lcs_result_list_domain_of  (const LcsProfile *profile,
                                        const char       *name);

G_END_DECLS
