/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The deployment profile (docs/spec.md §2): what is deployed, saved as a GKeyFile. */
#pragma once

#include <glib.h>
#include <lcsdns/model/record.h>

G_BEGIN_DECLS

typedef enum {
  LCS_PRODUCT_LCS2005,
  LCS_PRODUCT_OCS2007R2,
  LCS_PRODUCT_LYNC,
} LcsProduct;

typedef enum {
  LCS_EDITION_STANDARD,
  LCS_EDITION_ENTERPRISE,
} LcsEdition;

typedef enum {
  LCS_CLIENT_COMMUNICATOR = 1 << 0,
  LCS_CLIENT_MESSENGER    = 1 << 1,
} LcsClients;

typedef enum {
  LCS_TRANSPORT_TLS = 1 << 0,
  LCS_TRANSPORT_TCP = 1 << 1,
} LcsTransports;

typedef enum {
  LCS_MATCHING_STRICT,
  LCS_MATCHING_SUFFIX,
} LcsMatching;

typedef enum {
  LCS_BALANCING_DEFAULT,   /* the generation's default: DNS from Lync 2010 on, else hardware */
  LCS_BALANCING_HARDWARE,  /* one virtual IP (pool-vip applies) */
  LCS_BALANCING_DNS,       /* one A per Front End */
} LcsBalancing;

typedef enum {
  LCS_HOSTING_ONPREM,
  LCS_HOSTING_ONLINE,      /* Skype for Business Online: records point at *.online.lync.com */
  LCS_HOSTING_HYBRID,      /* on-premises servers federated with Online */
} LcsHosting;

typedef enum {
  LCS_SIMPLE_URL_MEET,
  LCS_SIMPLE_URL_DIALIN,
  LCS_SIMPLE_URL_ADMIN,
  LCS_N_SIMPLE_URLS,
} LcsSimpleUrl;

/* A host and its address: a Front End (member), a web services name, an Edge service. */
typedef struct {
  char *fqdn;
  char *address;
} LcsMember;

typedef struct {
  LcsProduct     product;
  LcsEdition     edition;
  GPtrArray     *domains;        /* char*, normalised without final dot; first is primary */
  char          *pool;           /* FQDN without final dot */
  char          *pool_ip;
  GPtrArray     *members;        /* LcsMember* */
  GHashTable    *domain_hosts;   /* domain → host FQDN; absent means sip.<domain> */
  LcsClients     clients;
  LcsTransports  transports;
  guint16        tls_port;
  guint16        tcp_port;
  char          *edge;           /* NULL: no external view */
  char          *edge_ip;
  gboolean       federation;
  GPtrArray     *internal_dns;   /* char* "IP[:port]" */
  GPtrArray     *external_dns;
  LcsMatching    matching;
  LcsBalancing   balancing;
  LcsMember     *web_internal;   /* NULL: none (lyncdiscoverinternal points at the pool) */
  LcsMember     *web_external;   /* the reverse proxy's public name and IP */
  char          *simple_urls[LCS_N_SIMPLE_URLS];  /* meet, dialin, admin FQDN; NULL: none */
  LcsMember     *edge_webconf;
  LcsMember     *edge_av;
  gboolean       xmpp;
  gboolean       legacy_clients; /* clients older than Lync 2013 or desk phones sign in */
  LcsHosting     hosting;
  GPtrArray     *checklist_done; /* char* ids of ticked checklist steps */
  GPtrArray     *records;        /* LcsRecord*: records the admin added in the dialogs, internal view */
  GPtrArray     *external_records; /* LcsRecord*: the same, added to the external view */
  /* char*: the zone files checked offline, per LcsView; NULL-terminated, so that ->pdata is the
   * list lcs_check_zones reads. Absolute once loaded from a file; the file keeps them relative. */
  GPtrArray     *zones[2];
  /* char* path → char* zone name (absolute, lower case) the admin chose for that file on import;
   * a file without one is read as its $ORIGIN, else its file name, says. */
  GHashTable    *zone_origins;
} LcsProfile;

#define LCS_PROFILE_ERROR (lcs_profile_error_quark ())
GQuark lcs_profile_error_quark (void);

typedef enum {
  LCS_PROFILE_ERROR_INVALID,   /* a field's value is wrong; the message names key and value */
  LCS_PROFILE_ERROR_INCOMPLETE,
} LcsProfileError;

LcsProfile *lcs_profile_new      (void);
void        lcs_profile_free     (LcsProfile *profile);
LcsProfile *lcs_profile_copy     (const LcsProfile *profile);

/* Set one field from its text form, as in the key file and on the command line.
 * @key is the docs/spec.md §2 key ("product", "pool-ip", "domains", …). Lists are
 * comma-separated; "domains", "members", "internal-dns", "external-dns" append. "zones-internal"
 * and "zones-external" append one path each (a path may hold a comma), once.
 * A bad value leaves the profile as is. */
gboolean    lcs_profile_set      (LcsProfile  *profile,
                                  const char  *key,
                                  const char  *value,
                                  GError     **error);

/* The fields of later generations (docs/spec.md §2: "balancing", "web-internal", "web-external",
 * "simple-urls", "edge-webconf", "edge-av", "xmpp", "legacy-clients", "hosting") in the text
 * lcs_profile_set takes for them: "" for an unset host or the generation's balancing, "true" /
 * "false", "pool-web.contoso.com=10.0.0.60", "meet=meet.contoso.com,dialin=…". NULL for any other
 * key. A new string. */
char       *lcs_profile_get_text (const LcsProfile *profile,
                                  const char       *key);

/* Sets the field of @key back to its default (a list becomes empty), so that an editor that
 * starts from a copy can set it anew while every field it does not show is kept. FALSE for an
 * unknown key. */
gboolean    lcs_profile_unset    (LcsProfile  *profile,
                                  const char  *key);

/* Domains, and the servers the hosting needs: pool and its address (pool-ip, or the members
 * with DNS balancing) on premises, the edge in a hybrid deployment. */
gboolean    lcs_profile_validate (const LcsProfile *profile,
                                  GError          **error);

LcsProfile *lcs_profile_load     (const char  *path,
                                  GError     **error);
LcsProfile *lcs_profile_load_data (const char *data,
                                   gsize       length,
                                   GError    **error);
/* Appends the SIP domains of a text file, one a line; blank lines and "#" comments are skipped.
 * A bad domain names its line ("path:3: …") and stops there. */
gboolean    lcs_profile_add_domains_file (LcsProfile  *profile,
                                          const char  *path,
                                          GError     **error);
/* lcs_profile_load resolves relative zone paths against the profile's folder;
 * lcs_profile_load_data keeps them as written. */
/* Written atomically: a failure leaves any existing file untouched. Zone paths are written
 * relative to @path's folder ("../zones/contoso.dns"), absolute only where no relative path
 * exists (another drive). */
gboolean    lcs_profile_save     (const LcsProfile *profile,
                                  const char       *path,
                                  GError          **error);
char       *lcs_profile_to_data  (const LcsProfile *profile,
                                  gsize            *length);

/* H(D) of docs/spec.md §3: the host offering the service in @domain, without final dot. */
char       *lcs_profile_host_for_domain (const LcsProfile *profile,
                                         const char       *domain);
/* Adds @path to the zone files of @view, unless it is there already; FALSE when it was. */
gboolean    lcs_profile_add_zone (LcsProfile  *profile,
                                  LcsView      view,
                                  const char  *path);
/* The zone name @path is read as, or NULL: then its $ORIGIN, else its file name, decides. */
const char *lcs_profile_zone_origin     (const LcsProfile *profile,
                                         const char       *path);
/* Whether @origin can name an imported zone: a domain name other than the root, `_msdcs.` labels
 * allowed (Windows' own zone). @error says why not in one line, without naming a field. */
gboolean    lcs_profile_zone_origin_valid (const char  *origin,
                                           GError     **error);
/* Sets the zone name of @path (NULL or "" clears it); a bad name is refused with @error and
 * nothing changes. */
gboolean    lcs_profile_set_zone_origin (LcsProfile  *profile,
                                         const char  *path,
                                         const char  *origin,
                                         GError     **error);
/* The records the admin added to @view: profile->records or profile->external_records. */
GPtrArray  *lcs_profile_records (const LcsProfile *profile,
                                 LcsView           view);

/* E(D): the edge host for @domain; NULL without an edge. */
char       *lcs_profile_edge_for_domain (const LcsProfile *profile,
                                         const char       *domain);
/* Whether @target is acceptable for @domain under the profile's matching rule. */
gboolean    lcs_profile_target_matches  (const LcsProfile *profile,
                                         const char       *target,
                                         const char       *domain);

/* The pool's addresses: its VIP, or each Front End's with DNS balancing in an Enterprise pool.
 * A new array of strings the profile owns. */
GPtrArray  *lcs_profile_pool_addresses  (const LcsProfile *profile);
/* The balancing in force: the profile's, else the generation's default. */
LcsBalancing lcs_profile_balancing      (const LcsProfile *profile);
/* "onprem", "online", "hybrid": the profile's hosting values. */
const char *lcs_hosting_to_string       (LcsHosting hosting);
/* "meet", "dialin", "admin". */
const char *lcs_simple_url_to_string    (LcsSimpleUrl url);

const char *lcs_product_to_string  (LcsProduct product);
const char *lcs_product_display_name (LcsProduct product);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsProfile, lcs_profile_free)

G_END_DECLS
