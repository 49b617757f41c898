/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bundled demo deployment: a profile and the zone exports of its two views. */
#pragma once

#include <glib.h>
#include <lcsdns/model/record.h>

G_BEGIN_DECLS

#define LCS_DEMO_PROFILE "demo.lcsdns"

/* $LCS_DEMO_DIR when set and not empty, else the source tree the program was built from when it
 * is still there, else the installed copy. */
char  *lcs_demo_dir   (void);
/* The demo's zone exports of @view: the *.dns files of @dir (internal) or of its external/
 * folder, in name order; empty when there are none. */
char **lcs_demo_zones (const char *dir,
                       LcsView     view);

G_END_DECLS
