/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The console's Certificates page: the front-end certificate, from a file or fetched from the
 * pool, the names it must cover, and the cert findings. */
#pragma once

#include <gtk/gtk.h>
#include <lcsdns/cert/cert.h>

G_BEGIN_DECLS

#define LCS_TYPE_CERT_PAGE (lcs_cert_page_get_type ())
G_DECLARE_FINAL_TYPE (LcsCertPage, lcs_cert_page, LCS, CERT_PAGE, GtkBox)

GtkWidget *lcs_cert_page_new              (void);

/* Copies @profile and recomputes the checklist and findings. */
void       lcs_cert_page_set_profile      (LcsCertPage           *self,
                                           const LcsProfile      *profile);
/* Tells which fallback names (sip, sipinternal, sipexternal) have A records; kept by reference,
 * so @obs must outlive the page or be replaced. NULL: none known. */
void       lcs_cert_page_set_observations (LcsCertPage           *self,
                                           const LcsObservations *obs);

/* Loads a PEM, DER or PKCS#12 file (@password NULL: none). On failure the one-line error is shown
 * in the page too, and the previous certificate stays. */
gboolean   lcs_cert_page_load_file        (LcsCertPage           *self,
                                           const char            *path,
                                           const char            *password,
                                           GError               **error);

/* Reads the certificate from @host_port ("host", "host:port"; NULL: the profile's pool on 5061)
 * without blocking; a later fetch or load cancels it. The result or error shows in the page. */
void       lcs_cert_page_fetch            (LcsCertPage           *self,
                                           const char            *host_port);

/* The certificate shown; NULL before one is loaded. Owned by the page. */
const LcsCertInfo *lcs_cert_page_get_info (LcsCertPage           *self);

/* LcsFinding*, sorted; owned by the page, replaced whenever "findings-changed" is emitted. */
GPtrArray *lcs_cert_page_get_findings     (LcsCertPage           *self);

G_END_DECLS
