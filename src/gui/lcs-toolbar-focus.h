/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tab through a GtkToolbar's buttons one by one. GTK 3 lets Tab into a toolbar's first button
 * and then out of the toolbar (the arrow keys move inside it); a console used from the keyboard
 * must reach every button with Tab, as Windows' MMC toolbar does. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void lcs_toolbar_focus_each_item (GtkToolbar *toolbar);

G_END_DECLS
