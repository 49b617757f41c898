/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How the Certificates page words a certificate: dates, names, trust, checklist status. */
#pragma once

#include <lcsdns/cert/cert.h>

G_BEGIN_DECLS

/* "2030-01-01 00:00:00 UTC"; "unknown" for NULL. */
char *lcs_cert_format_date  (GDateTime         *when);

/* The SAN entries, comma-separated, IP addresses marked. */
char *lcs_cert_format_names (const LcsCertInfo *info);

/* "trusted: …" or "not trusted: unknown CA (@how)", and the icon that goes with it. */
char *lcs_cert_format_trust (GTlsCertificateFlags flags,
                             const char          *how,
                             const char         **icon_name);

/* The Covered by, Status icon and Status text of one checklist line; @have_cert FALSE before any
 * certificate is loaded. The icon is NULL when there is none; the text always says it. */
void  lcs_cert_coverage_status (const LcsCertCoverage *entry,
                                gboolean               have_cert,
                                const char           **covered_by,
                                const char           **icon_name,
                                const char           **status);

G_END_DECLS
