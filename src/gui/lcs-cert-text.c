/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lcs-cert-text.h"

char *
lcs_cert_format_date (GDateTime *when)
{
  g_autoptr(GDateTime) utc = NULL;

  if (when == NULL)
    return g_strdup ("unknown");
  utc = g_date_time_to_utc (when);
  return g_date_time_format (utc, "%Y-%m-%d %H:%M:%S UTC");
}

char *
lcs_cert_format_names (const LcsCertInfo *info)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < info->dns_names->len; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "",
                            (const char *) info->dns_names->pdata[i]);
  for (guint i = 0; i < info->ip_addresses->len; i++)
    g_string_append_printf (text, "%s%s (IP)", text->len > 0 ? ", " : "",
                            (const char *) info->ip_addresses->pdata[i]);
  if (text->len == 0)
    g_string_append (text, "none: the certificate has no subject alternative names");
  return g_string_free (text, FALSE);
}

char *
lcs_cert_format_trust (GTlsCertificateFlags flags,
                       const char          *how,
                       const char         **icon_name)
{
  g_autofree char *flags_text = lcs_cert_flags_to_string (flags);

  *icon_name = flags == 0 ? "object-select-symbolic" : "dialog-warning";
  if (flags == 0)
    return g_strdup_printf ("trusted: it chains to a CA in the system store (%s)", how);
  return g_strdup_printf ("not trusted: %s (%s)", flags_text, how);
}

void
lcs_cert_coverage_status (const LcsCertCoverage *entry,
                          gboolean               have_cert,
                          const char           **covered_by,
                          const char           **icon_name,
                          const char           **status)
{
  if (!have_cert)
    {
      *covered_by = "—";
      *icon_name = NULL;
      *status = "No certificate yet";
    }
  else if (entry->covered_by != NULL)
    {
      *covered_by = entry->covered_by;
      *icon_name = "object-select-symbolic";
      *status = "Covered";
    }
  else if (entry->required)
    {
      *covered_by = "missing";
      *icon_name = "dialog-error";
      *status = "Missing";
    }
  else
    {
      /* Another member's name on a per-server certificate: absent as it should be. */
      *covered_by = "missing";
      *icon_name = "dialog-information";
      *status = "Not required here";
    }
}
