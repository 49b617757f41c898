/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every e2e test of the console needs: the main loop turned for a while, the demo window,
 * the dialog open over it, and a heartbeat that measures the longest main-loop stall. */
#pragma once

#include <gtk/gtk.h>

#include "lcs-application.h"
#include "lcs-window-private.h"

G_BEGIN_DECLS

/* A main loop that waited on a question would stall for the query timeout (1500 ms) or more; a
 * loaded 2-core machine stalls it a few hundred ms at worst. The bound lies between the two. */
#define E2E_MAX_STALL_US (1000 * 1000)

typedef struct {
  guint  source;
  gint64 last_beat;
  gint64 max_gap;   /* the longest time between two beats, µs */
} E2eHeartbeat;

/* Turns the default main context for @ms milliseconds without blocking in it. */
void       e2e_spin            (guint ms);

/* Zone files are read and checked in a thread: turns the main loop until @window has read and
 * checked them. */
void       e2e_wait_loaded     (LcsWindow *window);

/* The console's application, registered once per process (its start-up installs the accelerators
 * and the style sheets). */
LcsApplication *e2e_application (void);

/* A shown console window on the bundled demo, checked offline. */
LcsWindow *e2e_demo_window     (void);

/* The first visible toplevel of @type (a dialog open over the window), or NULL. */
GtkWidget *e2e_find_dialog     (GType type);

/* Beats every 10 ms in the default main context until stopped; @beat->max_gap is the longest
 * stall seen. */
void       e2e_heartbeat_start (E2eHeartbeat *beat);
void       e2e_heartbeat_stop  (E2eHeartbeat *beat);

G_END_DECLS
