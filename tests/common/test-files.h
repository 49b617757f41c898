/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Files and folders as the tests look at them: what a killed save left, and cleaning up. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Fails the test unless @path holds exactly @one or exactly @other: a save killed mid-write must
 * leave the old file or the new one, never a piece of either. */
void       test_files_assert_one_of (const char *path,
                                     const char *one,
                                     const char *other);
/* The names of the regular files in @dir, in no order. */
GPtrArray *test_files_list          (const char *dir);
/* Removes @path and, if it is a folder (not a link to one), everything under it. */
void       test_files_remove_tree   (const char *path);

G_END_DECLS
