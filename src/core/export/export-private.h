/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Report formats of lcs_export_report and what they share; internal to the core. */
#pragma once

#include <gio/gio.h>
#include <lcsdns/check/check.h>
#include <lcsdns/model/name.h>

G_BEGIN_DECLS

#define LCS_TOOL_NAME "lcsdns-check"

/* export-sink.c: where a streamed report goes. The writers append to @buffer and call
 * lcs_export_sink_pace between pieces (a finding, one name of a Found list); with a @stream the
 * buffer is written out whenever it fills, without one it keeps the whole report. */
typedef struct {
  GString       *buffer;
  GOutputStream *stream;   /* NULL: the report is kept, for lcs_export_sink_steal */
  GError        *error;    /* the first write that failed; nothing is written after it */
} LcsExportSink;

void        lcs_export_sink_init   (LcsExportSink *sink,
                                    GOutputStream *stream);
void        lcs_export_sink_pace   (LcsExportSink *sink);
/* Writes what is left and frees the buffer; FALSE with @error when a write failed. */
gboolean    lcs_export_sink_finish (LcsExportSink  *sink,
                                    GError        **error);
/* Without a stream: the whole report (free with g_free); the sink is done. */
char       *lcs_export_sink_steal  (LcsExportSink *sink);

/* json-writer.c: JSON as json-glib's pretty printer (indent 2) lays it out, one value at a time.
 * @key is the member name inside an object, NULL inside an array or at the top. */
typedef struct {
  LcsExportSink *sink;
  guint          level;   /* containers open */
  gboolean       first;   /* nothing written yet in the innermost one */
} LcsJsonWriter;

void        lcs_json_writer_init   (LcsJsonWriter *writer,
                                    LcsExportSink *sink);
void        lcs_json_begin_object  (LcsJsonWriter *writer,
                                    const char    *key);
void        lcs_json_end_object    (LcsJsonWriter *writer);
void        lcs_json_begin_array   (LcsJsonWriter *writer,
                                    const char    *key);
void        lcs_json_end_array     (LcsJsonWriter *writer);
/* @value made valid UTF-8 first; NULL is written as null. */
void        lcs_json_string        (LcsJsonWriter *writer,
                                    const char    *key,
                                    const char    *value);
void        lcs_json_int           (LcsJsonWriter *writer,
                                    const char    *key,
                                    gint64         value);
/* @text (valid UTF-8) with json-glib's escapes, without the quotes. */
void        lcs_json_append_escaped (GString    *out,
                                     const char *text);

/* The streamed report formats: export-text.c, export-csv.c, export-json.c. */
void        lcs_export_report_text (const LcsReport *report,
                                    LcsExportSink   *sink);
void        lcs_export_report_csv  (const LcsReport *report,
                                    LcsExportSink   *sink);
void        lcs_export_report_json (const LcsReport *report,
                                    LcsExportSink   *sink);

/* export-report.c */
char       *lcs_export_report_html (const LcsReport *report);

/* export-fix.c: the records of a plan or an entry as nsupdate additions. */
char       *lcs_export_report_nsupdate (const LcsReport *report,
                                        GError         **error);

/* export.c */
const char *lcs_export_source_kind (LcsSourceKind kind);
/* Valid UTF-8 (NULL gives ""); free with g_free. */
char       *lcs_export_valid_utf8  (const char *text);
/* Where Windows keeps @owner: the zone of SIP domain @domain when the name is under it, else
 * the name's parent (without final dot); the node relative to it, "@" for the apex. */
gboolean    lcs_export_zone_and_node (const char  *owner,
                                      const char  *domain,
                                      char       **zone,
                                      char       **node);

/* FALSE with a one-line "Nothing exported" error when @value is not a valid name of @kind
 * (@what names it, @owner the record it belongs to, or NULL). */
gboolean    lcs_export_check_name  (const char  *value,
                                    LcsNameKind  kind,
                                    const char  *what,
                                    const char  *owner,
                                    GError     **error);
/* @value as one PowerShell argument: bare when it is plainly a word, else single-quoted. */
void        lcs_export_append_powershell_value (GString    *out,
                                                const char *value);

/* A record row's status: "misplaced at NAME" where it was found, else the status's word. */
char       *lcs_export_record_status (const LcsRecordResult *result);

/* The finding's rule id, "" when it has none. */
const char *lcs_export_rule_id     (const LcsFinding *finding);

G_END_DECLS
