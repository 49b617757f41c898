/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The zone name of a file being imported (or replacing another): proposed from the file, shown,
 * and changeable before anything is read, as DNS Manager asks "Zone name:" for a new zone. */
#pragma once

#include <gtk/gtk.h>
#include <lcsdns/model/observe.h>
#include <lcsdns/zone/zone.h>

G_BEGIN_DECLS

#define LCS_TYPE_ZONE_NAME_DIALOG (lcs_zone_name_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LcsZoneNameDialog, lcs_zone_name_dialog, LCS, ZONE_NAME_DIALOG, GtkDialog)

/* @title "Import Zone File" or "Replace Zone File"; @proposed (NULL: none) and @source as
 * lcs_zone_peek_origin gave them, or @proposed taken from the file @path replaces (@replaced,
 * else NULL). A name the file fixes ($ORIGIN) is shown, not editable. OK responds
 * GTK_RESPONSE_OK and is insensitive while the name is not a zone name. */
GtkWidget  *lcs_zone_name_dialog_new      (GtkWindow           *parent,
                                           const char          *title,
                                           const char          *path,
                                           LcsView              view,
                                           const char          *proposed,
                                           LcsZoneOriginSource  source,
                                           const char          *replaced);
/* The zone name as typed. */
const char *lcs_zone_name_dialog_get_name (LcsZoneNameDialog   *self);

G_END_DECLS
