/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stdout through stdio rather than its descriptor or handle: the same on every platform, and
 * the same bytes as the fputs it replaces (on Windows the console's text mode included). */
#include "config.h"

#include "stdout-stream.h"

#include <errno.h>
#include <stdio.h>

struct _LcsStdoutStream {
  GOutputStream parent_instance;
};

G_DEFINE_FINAL_TYPE (LcsStdoutStream, lcs_stdout_stream, G_TYPE_OUTPUT_STREAM)

static gssize
lcs_stdout_stream_write (GOutputStream  *stream,
                         const void     *buffer,
                         gsize           count,
                         GCancellable   *cancellable,
                         GError        **error)
{
  gsize written = fwrite (buffer, 1, count, stdout);

  if (written == 0 && count > 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Writing to standard output: %s", g_strerror (saved));
      return -1;
    }
  return written;
}

static gboolean
lcs_stdout_stream_flush (GOutputStream  *stream,
                         GCancellable   *cancellable,
                         GError        **error)
{
  if (fflush (stdout) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Writing to standard output: %s", g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static void
lcs_stdout_stream_class_init (LcsStdoutStreamClass *klass)
{
  GOutputStreamClass *stream_class = G_OUTPUT_STREAM_CLASS (klass);

  stream_class->write_fn = lcs_stdout_stream_write;
  stream_class->flush = lcs_stdout_stream_flush;
}

static void
lcs_stdout_stream_init (LcsStdoutStream *self)
{
}

GOutputStream *
lcs_stdout_stream_new (void)
{
  return g_object_new (LCS_TYPE_STDOUT_STREAM, NULL);
}
