/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The C library's stdout as a GOutputStream, for reports written as they are made. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LCS_TYPE_STDOUT_STREAM (lcs_stdout_stream_get_type ())
G_DECLARE_FINAL_TYPE (LcsStdoutStream, lcs_stdout_stream, LCS, STDOUT_STREAM, GOutputStream)

GOutputStream *lcs_stdout_stream_new (void);

G_END_DECLS
