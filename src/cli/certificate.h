/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lcsdns-check's certificate mode (--cert FILE, --cert-from HOST[:PORT]). */
#pragma once

#include <glib.h>
#include <lcsdns/check/check.h>
#include <lcsdns/model/observe.h>
#include <lcsdns/profile/profile.h>

G_BEGIN_DECLS

typedef struct {
  const char *path;        /* --cert: PEM, DER or PKCS#12 file */
  const char *password;    /* PKCS#12 password; NULL: none */
  const char *from;        /* --cert-from: HOST[:PORT], port 5061 when omitted */
  int         timeout_ms;  /* for --cert-from; 0 or less: 5000 */
} LcsCliCertArgs;

/* Reads the certificate (file, else server) and checks it against @profile now: a report of kind
 * LCS_SOURCE_CERT whose files[0] is the file or "host:port". @obs (nullable) tells which fallback
 * names exist, e.g. from --zone. NULL with a one-line @error when the certificate cannot be had. */
LcsReport *lcs_cli_cert_report (const LcsProfile      *profile,
                                const LcsCliCertArgs  *args,
                                const LcsObservations *obs,
                                GError               **error);

/* For an error of lcs_cli_cert_report: TRUE when the server could not be reached or read (a
 * timeout, a refused connection, no TLS: exit 3, the check is incomplete); FALSE when the input
 * was bad (unreadable file, wrong password, malformed HOST[:PORT]: exit 2). */
gboolean   lcs_cli_cert_error_is_incomplete (const GError *error);

G_END_DECLS
