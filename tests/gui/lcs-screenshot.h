/* The documentation's screenshots, in lcsdns-screenshot only (never in the shipped lcsdns): with
 * LCS_SCREENSHOT=FILE.png the window (or the scene named by LCS_SCREENSHOT_SCENE: main,
 * checklist, srv-dialog, host-dialog, properties, help, live) is drawn, saved to FILE.png, and
 * the application quits. Without it, nothing happens. */
#pragma once

#include "lcs-window.h"

G_BEGIN_DECLS

void lcs_screenshot_schedule (LcsWindow *window);

G_END_DECLS
