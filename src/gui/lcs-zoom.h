/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Zoom for a room: the text of every window of the console scaled by one CSS provider
 * (Ctrl+plus, Ctrl+minus, Ctrl+0), remembered in a keyfile under the user's config directory. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Installs the provider on the default screen with the saved zoom (1.0 when none). */
void    lcs_zoom_init  (void);
double  lcs_zoom_get   (void);
/* One step larger (+1) or smaller (-1), or back to 100 % (0); applied at once and saved. */
void    lcs_zoom_step  (int direction);
/* Where the zoom is saved: lcsdns/settings.ini in g_get_user_config_dir (). */
char   *lcs_zoom_settings_path (void);

G_END_DECLS
