/* The server's TLS certificate (docs/spec.md §4 cert rules): reading it from a file or from the server,
 * the names it must cover, and the findings about it. */
#pragma once

#include <gio/gio.h>
#include <lcsdns/check/check.h>
#include <lcsdns/model/observe.h>
#include <lcsdns/profile/profile.h>

G_BEGIN_DECLS

#define LCS_CERT_DEFAULT_PORT 5061

/* A Windows CA caps the SAN extension at 4,096 characters; warn from this length on. */
#define LCS_CERT_SAN_LIMIT 4096
#define LCS_CERT_SAN_NEAR  3900

#define LCS_CERT_ERROR (lcs_cert_error_quark ())
GQuark lcs_cert_error_quark (void);

typedef enum {
  LCS_CERT_ERROR_UNREADABLE,   /* not a certificate in any format we read; wrong password */
  LCS_CERT_ERROR_NO_TLS,       /* the port answered but no TLS handshake took place: not a TLS
                                * port, or no TLS version or cipher in common */
} LcsCertError;

typedef struct _LcsCertInfo LcsCertInfo;

struct _LcsCertInfo {
  char                 *source;        /* file path, or "host:port" when fetched */
  char                 *subject;       /* RFC 4514 text, as the TLS library prints it */
  char                 *subject_cn;    /* the (most specific) CN; NULL when the subject has none */
  char                 *issuer;        /* RFC 4514 text */
  GDateTime            *not_before;    /* NULL when unknown */
  GDateTime            *not_after;
  GPtrArray            *dns_names;     /* char*: SAN DNS names as written in the certificate */
  GPtrArray            *ip_addresses;  /* char*: SAN IP addresses */
  GPtrArray            *chain;         /* LcsCertInfo*: issuers the peer sent, leaf's issuer first */
  gboolean              fetched;       /* read from a server: @peer_errors is meaningful */
  GTlsCertificateFlags  peer_errors;   /* validation against the system trust store; 0 = trusted */
  GTlsCertificate      *certificate;   /* the certificate itself; NULL for a hand-built info */
};

LcsCertInfo *lcs_cert_info_new   (void);
void         lcs_cert_info_free  (LcsCertInfo *info);

/* Reads what the checks need from @certificate (and its issuers); @source is kept as is. */
LcsCertInfo *lcs_cert_info_new_from_certificate (GTlsCertificate *certificate,
                                                 const char      *source);

/* Loads a certificate from a PEM file (the first certificate; later ones are its chain),
 * a DER file, or a PKCS#12 file (.pfx/.p12, or any DER file that is not an X.509 certificate)
 * opened with @password (NULL: none; ignored for PEM and DER certificates). Errors are one line
 * and name the file. */
LcsCertInfo *lcs_cert_load       (const char  *path,
                                  const char  *password,
                                  GError     **error);

/* The SAN text whose length a Windows CA caps: the entries as a request attribute writes them,
 * "dns=a.contoso.com&dns=b.contoso.com&ipaddress=192.0.2.1". */
char        *lcs_cert_san_text   (const LcsCertInfo *info);

/* TLS name matching (RFC 6125): case-insensitive, final dot ignored; a "*" that is the whole
 * left-most label of @san matches exactly one label. */
gboolean     lcs_cert_san_matches (const char *san,
                                   const char *name);

/* "unknown CA, identity mismatch"; "trusted" for 0. */
char        *lcs_cert_flags_to_string (GTlsCertificateFlags flags);

typedef enum {
  LCS_CERT_NAME_POOL,        /* Enterprise pool FQDN */
  LCS_CERT_NAME_SERVER,      /* Standard server FQDN, or an Enterprise member server */
  LCS_CERT_NAME_SRV_TARGET,  /* target of an internal SRV record of the plan */
  LCS_CERT_NAME_SIP_HOST,    /* sip.<domain>, required under strict matching */
  LCS_CERT_NAME_FALLBACK,    /* sipinternal / sip / sipexternal.<domain>: its A record exists */
  LCS_CERT_NAME_WEB,         /* Autodiscover (lyncdiscover[internal].<domain>) or a simple URL */
} LcsCertNameKind;

/* One line of the coverage checklist. */
typedef struct {
  char            *name;        /* lower case, without final dot */
  LcsCertNameKind  kind;
  char            *reason;      /* one line: why clients connect to this name */
  gboolean         required;    /* FALSE: another member's FQDN in a per-server certificate */
  char            *covered_by;  /* the SAN entry that covers it, as written; NULL when none */
} LcsCertCoverage;

void         lcs_cert_coverage_free (LcsCertCoverage *coverage);

/* The names the front-end certificate must cover, first reason wins, in a stable order: pool or
 * server FQDN, member servers (Enterprise), each internal SRV target of the plan, sip.D per domain
 * under strict matching, then fallback names whose A (or AAAA) record @obs (nullable) holds in
 * either view. Every entry has covered_by NULL and required TRUE. */
GPtrArray   *lcs_cert_required_names (const LcsProfile      *profile,
                                      const LcsObservations *obs);

/* The checklist for @info: lcs_cert_required_names with covered_by filled in. For an Enterprise
 * pool, when the certificate covers one member server (it is that server's certificate) the other
 * members are listed with required FALSE. */
GPtrArray   *lcs_cert_coverage      (const LcsProfile      *profile,
                                     const LcsCertInfo     *info,
                                     const LcsObservations *obs);

/* Every cert finding (LcsFinding*): cert-san-missing per required name not covered, cert-subject,
 * cert-validity against @now, cert-san-length. Unsorted. */
GPtrArray   *lcs_cert_check         (const LcsProfile      *profile,
                                     const LcsCertInfo     *info,
                                     const LcsObservations *obs,
                                     GDateTime             *now);

/* The same as a report of kind LCS_SOURCE_CERT, files = [info->source], findings sorted. */
LcsReport   *lcs_cert_check_report  (const LcsProfile      *profile,
                                     const LcsCertInfo     *info,
                                     const LcsObservations *obs,
                                     GDateTime             *now);

/* Live fetch (cert-fetch.c). @host is a name or address, or "host:port" / "[v6]:port" when @port
 * is 0; then @port defaults to LCS_CERT_DEFAULT_PORT. The server's certificate is read even when
 * it is not trusted; info->peer_errors says whether it was. Every failure is a one-line GError
 * naming host and port: G_IO_ERROR_TIMED_OUT after @timeout_ms without a complete handshake,
 * G_IO_ERROR_CONNECTION_REFUSED, LCS_CERT_ERROR_NO_TLS, G_IO_ERROR_CANCELLED. */
void         lcs_cert_fetch_async   (const char          *host,
                                     guint16              port,
                                     guint                timeout_ms,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
LcsCertInfo *lcs_cert_fetch_finish  (GAsyncResult  *result,
                                     GError       **error);

/* Runs lcs_cert_fetch_async in a private main context until it ends (for the CLI). */
LcsCertInfo *lcs_cert_fetch_sync    (const char    *host,
                                     guint16        port,
                                     guint          timeout_ms,
                                     GCancellable  *cancellable,
                                     GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsCertInfo, lcs_cert_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsCertCoverage, lcs_cert_coverage_free)

G_END_DECLS
