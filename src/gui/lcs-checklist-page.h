/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Deployment checklist page: the article's preparation steps, tickable. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LCS_TYPE_CHECKLIST_PAGE (lcs_checklist_page_get_type ())
G_DECLARE_FINAL_TYPE (LcsChecklistPage, lcs_checklist_page, LCS, CHECKLIST_PAGE, GtkScrolledWindow)

/* Ticks the steps whose ids are in @done (char*); emits nothing. */
void       lcs_checklist_page_set_done (LcsChecklistPage *page,
                                        GPtrArray        *done);
/* The ids of the ticked steps, in checklist order. */
GPtrArray *lcs_checklist_page_get_done (LcsChecklistPage *page);

G_END_DECLS
