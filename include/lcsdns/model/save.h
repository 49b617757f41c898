/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving a file whole or not at all: the data goes to a temporary file beside it, which is then
 * renamed over it. A save killed half-way leaves the old file, and a temporary file that the
 * next save of the same file removes. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes the file's data to @out; FALSE with @error set stops the save. */
typedef gboolean (*LcsSaveFunc) (GOutputStream  *out,
                                 gpointer        user_data,
                                 GError        **error);

/* Replaces @path by what @func writes, as it writes it (nothing is built in memory first). */
gboolean lcs_save_stream (const char   *path,
                          LcsSaveFunc   func,
                          gpointer      user_data,
                          GError      **error);

/* Replaces @path by @length bytes of @data (-1: up to its NUL). */
gboolean lcs_save_contents (const char   *path,
                            const char   *data,
                            gssize        length,
                            GError      **error);

/* The temporary files a killed save of @path left beside it ("NAME.lcsdns-save-XXXXXX", only
 * names lcs_save_stream makes); lcs_save_stream removes them. */
gboolean lcs_save_is_leftover (const char *path,
                               const char *sibling);

G_END_DECLS
