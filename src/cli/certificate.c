/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lcsdns-check's certificate mode: the certificate from a file or a server, checked now. */
#include "config.h"

#include "certificate.h"

#include <lcsdns/cert/cert.h>

#define DEFAULT_FETCH_TIMEOUT_MS 5000

LcsReport *
lcs_cli_cert_report (const LcsProfile      *profile,
                     const LcsCliCertArgs  *args,
                     const LcsObservations *obs,
                     GError               **error)
{
  g_autoptr(LcsCertInfo) info = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (args->path != NULL || args->from != NULL, NULL);

  if (args->path != NULL)
    info = lcs_cert_load (args->path, args->password, error);
  else
    info = lcs_cert_fetch_sync (args->from, 0,
                                args->timeout_ms > 0 ? (guint) args->timeout_ms
                                                     : DEFAULT_FETCH_TIMEOUT_MS,
                                NULL, error);
  if (info == NULL)
    return NULL;
  return lcs_cert_check_report (profile, info, obs, now);
}

gboolean
lcs_cli_cert_error_is_incomplete (const GError *error)
{
  if (g_error_matches (error, LCS_CERT_ERROR, LCS_CERT_ERROR_UNREADABLE)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
    return FALSE;
  return error->domain == LCS_CERT_ERROR || error->domain == G_IO_ERROR
         || error->domain == G_RESOLVER_ERROR || error->domain == G_TLS_ERROR;
}
