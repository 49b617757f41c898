/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where the installed data (the demo, and what else ships beside the programs) is found. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The installed data folder, share/lcsdns: on Windows found relative to the running executable
 * (wherever the zip was unpacked or the installer put it), elsewhere the configured datadir. */
char *lcs_data_dir (void);

G_END_DECLS
