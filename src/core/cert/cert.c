/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading a certificate into an LcsCertInfo, and TLS name matching. */
#include "config.h"

#include <lcsdns/cert/cert.h>
#include <lcsdns/model/name.h>

#include <string.h>

#define PEM_CERT_BEGIN "-----BEGIN CERTIFICATE-----"
#define PEM_CERT_END   "-----END CERTIFICATE-----"
/* A chain longer than this is a loop or garbage. */
#define MAX_CHAIN 16

G_DEFINE_QUARK (lcs-cert-error-quark, lcs_cert_error)

LcsCertInfo *
lcs_cert_info_new (void)
{
  LcsCertInfo *info = g_new0 (LcsCertInfo, 1);

  info->dns_names = g_ptr_array_new_with_free_func (g_free);
  info->ip_addresses = g_ptr_array_new_with_free_func (g_free);
  info->chain = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_cert_info_free);
  return info;
}

void
lcs_cert_info_free (LcsCertInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->source);
  g_free (info->subject);
  g_free (info->subject_cn);
  g_free (info->issuer);
  g_clear_pointer (&info->not_before, g_date_time_unref);
  g_clear_pointer (&info->not_after, g_date_time_unref);
  g_clear_pointer (&info->dns_names, g_ptr_array_unref);
  g_clear_pointer (&info->ip_addresses, g_ptr_array_unref);
  g_clear_pointer (&info->chain, g_ptr_array_unref);
  g_clear_object (&info->certificate);
  g_free (info);
}

/* The value of the first CN in an RFC 4514 string. TLS libraries print the most specific RDN
 * first, so the first CN is the one a client would show. Handles "\," and "\2C" escapes. */
static char *
extract_cn (const char *dn)
{
  const char *p = dn;

  while (p != NULL && *p != '\0')
    {
      GString *value = NULL;
      gboolean is_cn;

      while (*p == ' ')
        p++;
      is_cn = g_ascii_strncasecmp (p, "CN=", 3) == 0 || g_str_has_prefix (p, "2.5.4.3=");
      p = strchr (p, '=');
      if (p == NULL)
        return NULL;
      p++;
      if (is_cn)
        value = g_string_new (NULL);
      while (*p != '\0' && *p != ',' && *p != '+')
        {
          char c = *p++;

          if (c == '\\' && g_ascii_isxdigit (p[0]) && g_ascii_isxdigit (p[1]))
            {
              c = (char) (g_ascii_xdigit_value (p[0]) * 16 + g_ascii_xdigit_value (p[1]));
              p += 2;
            }
          else if (c == '\\' && *p != '\0')
            c = *p++;
          if (value != NULL)
            g_string_append_c (value, c);
        }
      if (value != NULL)
        return g_string_free (value, FALSE);
      if (*p != '\0')
        p++;
    }
  return NULL;
}

static LcsCertInfo *
info_from_one_certificate (GTlsCertificate *certificate,
                           const char      *source)
{
  LcsCertInfo *info = lcs_cert_info_new ();
  g_autoptr(GPtrArray) dns_names = g_tls_certificate_get_dns_names (certificate);
  g_autoptr(GPtrArray) addresses = g_tls_certificate_get_ip_addresses (certificate);

  info->source = g_strdup (source);
  info->certificate = g_object_ref (certificate);
  info->subject = g_tls_certificate_get_subject_name (certificate);
  info->issuer = g_tls_certificate_get_issuer_name (certificate);
  if (info->subject != NULL)
    info->subject_cn = extract_cn (info->subject);
  info->not_before = g_tls_certificate_get_not_valid_before (certificate);
  info->not_after = g_tls_certificate_get_not_valid_after (certificate);

  for (guint i = 0; dns_names != NULL && i < dns_names->len; i++)
    {
      gsize size;
      const char *data = g_bytes_get_data (dns_names->pdata[i], &size);

      g_ptr_array_add (info->dns_names, g_strndup (data, size));
    }
  for (guint i = 0; addresses != NULL && i < addresses->len; i++)
    g_ptr_array_add (info->ip_addresses, g_inet_address_to_string (addresses->pdata[i]));
  return info;
}

LcsCertInfo *
lcs_cert_info_new_from_certificate (GTlsCertificate *certificate,
                                    const char      *source)
{
  LcsCertInfo *info;
  GTlsCertificate *issuer;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  info = info_from_one_certificate (certificate, source);
  issuer = g_tls_certificate_get_issuer (certificate);
  while (issuer != NULL && issuer != certificate && info->chain->len < MAX_CHAIN)
    {
      g_ptr_array_add (info->chain, info_from_one_certificate (issuer, source));
      issuer = g_tls_certificate_get_issuer (issuer);
    }
  return info;
}

static gboolean
check_tls_backend (const char *path,
                   GError    **error)
{
  if (g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    return TRUE;
  g_set_error (error, LCS_CERT_ERROR, LCS_CERT_ERROR_UNREADABLE,
               "%s: cannot read certificates: GIO has no TLS backend (install glib-networking)",
               path);
  return FALSE;
}

/* Only the CERTIFICATE blocks: a PEM file may also hold a key we neither need nor can decrypt. */
static char *
pem_certificates_only (const char *data,
                       gsize       length)
{
  GString *out = g_string_new (NULL);
  const char *end = data + length;
  const char *p = data;

  while ((p = g_strstr_len (p, end - p, PEM_CERT_BEGIN)) != NULL)
    {
      const char *stop = g_strstr_len (p, end - p, PEM_CERT_END);

      if (stop == NULL)
        break;
      stop += strlen (PEM_CERT_END);
      g_string_append_len (out, p, stop - p);
      g_string_append_c (out, '\n');
      p = stop;
    }
  return g_string_free (out, FALSE);
}

static GTlsCertificate *
load_pem (const char *data,
          gsize       length,
          GError    **error)
{
  g_autofree char *pem = pem_certificates_only (data, length);
  GTlsCertificate *certificate = g_tls_certificate_new_from_pem (pem, -1, NULL);
  const char *second;

  if (certificate != NULL)
    return certificate;
  /* The certificates that follow do not form a chain: read the first alone. */
  second = strstr (pem, PEM_CERT_END);
  if (second != NULL)
    return g_tls_certificate_new_from_pem (pem, second + strlen (PEM_CERT_END) - pem, error);
  return g_tls_certificate_new_from_pem (pem, -1, error);
}

static GTlsCertificate *
load_der (const char *data,
          gsize       length,
          GError    **error)
{
  g_autoptr(GByteArray) der = g_byte_array_sized_new (length);
  GType type = g_tls_backend_get_certificate_type (g_tls_backend_get_default ());

  g_byte_array_append (der, (const guint8 *) data, length);
  return g_initable_new (type, NULL, error, "certificate", der, NULL);
}

static gboolean
has_pkcs12_suffix (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".pfx") || g_str_has_suffix (lower, ".p12");
}

/* A one-line message naming the file; @cause is GLib's reason, when it has one. */
static void
set_unreadable (GError    **error,
                const char *path,
                const char *what,
                GError     *cause)
{
  g_autofree char *detail = NULL;

  if (g_error_matches (cause, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE_PASSWORD))
    {
      g_set_error (error, LCS_CERT_ERROR, LCS_CERT_ERROR_UNREADABLE,
                   "%s: wrong or missing password for the PKCS#12 file", path);
      return;
    }
  if (cause != NULL)
    detail = g_strdelimit (g_strdup (cause->message), "\r\n", ' ');
  g_set_error (error, LCS_CERT_ERROR, LCS_CERT_ERROR_UNREADABLE, "%s: not a readable %s%s%s%s",
               path, what, detail ? " (" : "", detail ? detail : "", detail ? ")" : "");
}

static GTlsCertificate *
load_pkcs12 (const char *data,
             gsize       length,
             const char *password,
             GError    **error)
{
  return g_tls_certificate_new_from_pkcs12 ((const guint8 *) data, length, password, error);
}

LcsCertInfo *
lcs_cert_load (const char  *path,
               const char  *password,
               GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  const char *what = "certificate (expected PEM, DER or PKCS#12)";
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, LCS_CERT_ERROR, LCS_CERT_ERROR_UNREADABLE, "%s", local->message);
      return NULL;
    }
  if (!check_tls_backend (path, error))
    return NULL;

  if (has_pkcs12_suffix (path))
    {
      what = "PKCS#12 file";
      certificate = load_pkcs12 (data, length, password, &local);
    }
  else if (g_strstr_len (data, length, PEM_CERT_BEGIN) != NULL)
    {
      what = "PEM certificate";
      certificate = load_pem (data, length, &local);
    }
  else if (length > 0 && (guchar) data[0] == 0x30)
    {
      /* DER: an X.509 certificate, else perhaps a PKCS#12 file under another name. */
      what = "DER certificate or PKCS#12 file";
      certificate = load_der (data, length, NULL);
      if (certificate == NULL)
        certificate = load_pkcs12 (data, length, password, &local);
      if (certificate == NULL
          && !g_error_matches (local, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE_PASSWORD))
        g_clear_error (&local);
    }

  if (certificate == NULL)
    {
      set_unreadable (error, path, what, local);
      return NULL;
    }
  return lcs_cert_info_new_from_certificate (certificate, path);
}

char *
lcs_cert_san_text (const LcsCertInfo *info)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < info->dns_names->len; i++)
    g_string_append_printf (text, "%sdns=%s", text->len > 0 ? "&" : "",
                            (const char *) info->dns_names->pdata[i]);
  for (guint i = 0; i < info->ip_addresses->len; i++)
    g_string_append_printf (text, "%sipaddress=%s", text->len > 0 ? "&" : "",
                            (const char *) info->ip_addresses->pdata[i]);
  return g_string_free (text, FALSE);
}

gboolean
lcs_cert_san_matches (const char *san,
                      const char *name)
{
  g_autofree char *s = NULL;
  g_autofree char *n = NULL;
  const char *dot;

  g_return_val_if_fail (san != NULL && name != NULL, FALSE);

  s = lcs_name_bare (san);
  n = lcs_name_bare (name);
  if (!g_str_has_prefix (s, "*."))
    return *s != '\0' && strcmp (s, n) == 0;
  /* The wildcard stands for the whole first label, which is never empty. */
  dot = strchr (n, '.');
  return dot != NULL && dot != n && s[2] != '\0' && strcmp (dot + 1, s + 2) == 0;
}

char *
lcs_cert_flags_to_string (GTlsCertificateFlags flags)
{
  static const struct { GTlsCertificateFlags flag; const char *text; } names[] = {
    { G_TLS_CERTIFICATE_UNKNOWN_CA, "unknown CA" },
    { G_TLS_CERTIFICATE_BAD_IDENTITY, "identity mismatch" },
    { G_TLS_CERTIFICATE_NOT_ACTIVATED, "not yet valid" },
    { G_TLS_CERTIFICATE_EXPIRED, "expired" },
    { G_TLS_CERTIFICATE_REVOKED, "revoked" },
    { G_TLS_CERTIFICATE_INSECURE, "insecure algorithm" },
    { G_TLS_CERTIFICATE_GENERIC_ERROR, "invalid" },
  };
  GString *text = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (flags & names[i].flag)
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", names[i].text);
  if (text->len == 0)
    g_string_append (text, "trusted");
  return g_string_free (text, FALSE);
}
