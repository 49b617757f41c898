/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A report written as it is made (issue 14): the writers append to a small buffer that goes to
 * the stream whenever it fills, so memory does not grow with the number of findings or with one
 * record's Found list. Without a stream the buffer keeps everything: the same writer then gives
 * the string of lcs_export_report. */
#include "config.h"

#include "export-private.h"

/* Large enough that a write is rarely a system call per finding, small next to any report
 * that matters. */
#define SINK_CHUNK (64 * 1024)

void
lcs_export_sink_init (LcsExportSink *sink,
                      GOutputStream *stream)
{
  sink->buffer = g_string_sized_new (stream != NULL ? SINK_CHUNK + SINK_CHUNK / 4 : 1024);
  sink->stream = stream;
  sink->error = NULL;
}

static void
sink_write (LcsExportSink *sink)
{
  if (sink->error == NULL)
    g_output_stream_write_all (sink->stream, sink->buffer->str, sink->buffer->len, NULL, NULL,
                               &sink->error);
  /* After a failed write the rest is dropped: the caller reports the error. */
  g_string_truncate (sink->buffer, 0);
}

void
lcs_export_sink_pace (LcsExportSink *sink)
{
  if (sink->stream != NULL && sink->buffer->len >= SINK_CHUNK)
    sink_write (sink);
}

gboolean
lcs_export_sink_finish (LcsExportSink  *sink,
                        GError        **error)
{
  if (sink->stream != NULL && sink->buffer->len > 0)
    sink_write (sink);
  g_string_free (g_steal_pointer (&sink->buffer), TRUE);
  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  return TRUE;
}

char *
lcs_export_sink_steal (LcsExportSink *sink)
{
  g_return_val_if_fail (sink->stream == NULL, NULL);
  return g_string_free (g_steal_pointer (&sink->buffer), FALSE);
}
