/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The zone page: the records of the console tree's zone node, as DNS Manager lists them, with a
 * filter box. */
#pragma once

#include <gtk/gtk.h>

#include "lcs-zone-contents.h"

G_BEGIN_DECLS

#define LCS_TYPE_ZONE_VIEW (lcs_zone_view_get_type ())
G_DECLARE_FINAL_TYPE (LcsZoneView, lcs_zone_view, LCS, ZONE_VIEW, GtkBox)

/* Lists the records lcs_zone_contents_rows (@contents, @view, @zone, @folder) gives, filtered by
 * the filter box; the View column shows when @view is LCS_VIEW_ANY. @contents is borrowed: call
 * lcs_zone_view_clear before it goes. */
void   lcs_zone_view_show          (LcsZoneView           *self,
                                    const LcsZoneContents *contents,
                                    int                    view,
                                    int                    zone,
                                    const char            *folder);
/* The same node again, after more records were read. */
void   lcs_zone_view_reload        (LcsZoneView *self);
void   lcs_zone_view_clear         (LcsZoneView *self);
/* Types @text into the filter box; the rows come in as lcs_zone_view_is_filling says. */
void     lcs_zone_view_set_filter    (LcsZoneView *self,
                                      const char  *text);
/* The rows the filter has let through so far, every one listed or about to be. */
guint    lcs_zone_view_count_visible (LcsZoneView *self);
/* Whether the filter or the list is still at work, a batch per main-loop turn. */
gboolean lcs_zone_view_is_filling    (LcsZoneView *self);

G_END_DECLS
