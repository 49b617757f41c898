/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Report formats of lcs_export_report and what they share; internal to the core. */
#pragma once

#include <glib.h>
#include <lcsdns/check/check.h>
#include <lcsdns/model/name.h>

G_BEGIN_DECLS

#define LCS_TOOL_NAME "lcsdns-check"

/* export-report.c */
char       *lcs_export_report_text (const LcsReport *report);
char       *lcs_export_report_csv  (const LcsReport *report);
char       *lcs_export_report_html (const LcsReport *report);

/* export-json.c */
char       *lcs_export_report_json (const LcsReport *report);

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

/* The finding's rule id, "" when it has none. */
const char *lcs_export_rule_id     (const LcsFinding *finding);

G_END_DECLS
