/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exports: commands and files an admin can paste, and the report formats of docs/spec.md §6. */
#pragma once

#include <gio/gio.h>
#include <lcsdns/check/check.h>
#include <lcsdns/profile/plan.h>

G_BEGIN_DECLS

typedef enum {
  LCS_FORMAT_TEXT,
  LCS_FORMAT_JSON,
  LCS_FORMAT_CSV,
  LCS_FORMAT_DNSCMD,
  LCS_FORMAT_POWERSHELL,
  LCS_FORMAT_BIND,
  LCS_FORMAT_HTML,
  LCS_FORMAT_NSUPDATE,   /* RFC 2136 update commands: the remediation after a check */
} LcsFormat;

#define LCS_EXPORT_ERROR (lcs_export_error_quark ())
GQuark lcs_export_error_quark (void);

typedef enum {
  LCS_EXPORT_ERROR_INVALID_NAME,   /* a name or value is not valid DNS: nothing is written */
} LcsExportError;

gboolean  lcs_format_from_string (const char *text,
                                  LcsFormat  *format);

/* dnscmd / PowerShell / BIND lines for @records (LcsPlannedRecord*). Every name and value is
 * validated first; one that is not valid DNS fails the whole export. */
char     *lcs_export_records     (GPtrArray   *records,
                                  LcsFormat    format,
                                  GError     **error);

/* The same for one record of a zone or one the admin added (SRV, A, AAAA, CNAME) in @view,
 * created in the zone @domain (NULL: the owner's parent). */
char     *lcs_export_record      (const LcsRecord *record,
                                  LcsView          view,
                                  const char      *domain,
                                  LcsFormat        format,
                                  GError         **error);

/* A whole report in @format. For dnscmd / PowerShell / BIND: the records still to create
 * (every record not "ok"; in plan mode, all). */
char     *lcs_export_report      (const LcsReport *report,
                                  LcsFormat        format,
                                  GError         **error);

/* What lcs_export_report gives, written to @out as it is made. Text, JSON and CSV go one record
 * and one finding at a time (one name at a time through a record's Found list), so memory does
 * not grow with the report; the other formats are made whole first, so that a name that is not
 * valid DNS writes nothing. FALSE with @error when a name is invalid or a write fails. */
gboolean  lcs_export_report_write (const LcsReport *report,
                                   LcsFormat        format,
                                   GOutputStream   *out,
                                   GError         **error);

/* The report as a file of @format holds it (lcs_export_for_file), saved whole or not at all
 * (lcs_save_stream); streamed as lcs_export_report_write streams it. */
gboolean  lcs_export_report_save  (const LcsReport *report,
                                   LcsFormat        format,
                                   const char      *path,
                                   GError         **error);

/* @text (from lcs_export_report) as a file of @format holds it: dnscmd and PowerShell scripts
 * run on Windows, so their lines end in CRLF; the other formats are returned as they are. */
char     *lcs_export_for_file    (const char      *text,
                                  LcsFormat        format);

/* The file extension of @format, with its dot: ".cmd", ".ps1", ".zone", ".csv", ".json",
 * ".html", ".txt". */
const char *lcs_format_extension (LcsFormat        format);

G_END_DECLS
