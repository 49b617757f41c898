/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A list model over zone rows (LcsZoneRow) whose columns are formatted when a row is drawn:
 * a 200,000-record zone costs no more to show than the rows on screen. */
#pragma once

#include <gtk/gtk.h>

#include "lcs-zone-contents.h"

G_BEGIN_DECLS

enum {
  LCS_ZONE_COL_NAME,
  LCS_ZONE_COL_TYPE,
  LCS_ZONE_COL_DATA,
  LCS_ZONE_COL_TIMESTAMP,
  LCS_ZONE_COL_VIEW,
  LCS_ZONE_N_COLUMNS,
};

#define LCS_TYPE_ZONE_MODEL (lcs_zone_model_get_type ())
G_DECLARE_FINAL_TYPE (LcsZoneModel, lcs_zone_model, LCS, ZONE_MODEL, GObject)

/* Takes @rows and lists the first @shown of them; the records they point at must outlive the
 * model. A tree view spends a few microseconds on each row it is given, so 200,000 at once would
 * stall the window: the rest come in with lcs_zone_model_show_more, a batch per main-loop turn. */
LcsZoneModel     *lcs_zone_model_new     (GArray       *rows,
                                          guint         shown);
/* Adds a copy of @row after the others, not listed yet. */
void              lcs_zone_model_append    (LcsZoneModel     *self,
                                            const LcsZoneRow *row);
/* Lists up to @n more rows; TRUE while some are still to come. */
gboolean          lcs_zone_model_show_more (LcsZoneModel *self,
                                            guint         n);
/* Every row, listed yet or not. */
guint             lcs_zone_model_get_total (LcsZoneModel *self);
const LcsZoneRow *lcs_zone_model_get_row (LcsZoneModel *self,
                                          GtkTreeIter  *iter);

G_END_DECLS
