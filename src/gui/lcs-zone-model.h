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

/* Takes @rows; the records they point at must outlive the model. */
LcsZoneModel     *lcs_zone_model_new     (GArray       *rows);
const LcsZoneRow *lcs_zone_model_get_row (LcsZoneModel *self,
                                          GtkTreeIter  *iter);

G_END_DECLS
