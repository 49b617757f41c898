/* The deployment profile (SPEC §2): what is deployed, saved as a GKeyFile. */
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
  GPtrArray     *checklist_done; /* char* ids of ticked checklist steps */
  GPtrArray     *records;        /* LcsRecord*: records the admin added in the dialogs */
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
 * @key is the SPEC §2 key ("product", "pool-ip", "domains", …). Lists are comma-separated;
 * "domains", "members", "internal-dns", "external-dns" append. A bad value leaves the profile as is. */
gboolean    lcs_profile_set      (LcsProfile  *profile,
                                  const char  *key,
                                  const char  *value,
                                  GError     **error);

/* Domains, pool and pool-ip present; every name and address valid. */
gboolean    lcs_profile_validate (const LcsProfile *profile,
                                  GError          **error);

LcsProfile *lcs_profile_load     (const char  *path,
                                  GError     **error);
LcsProfile *lcs_profile_load_data (const char *data,
                                   gsize       length,
                                   GError    **error);
/* Written atomically: a failure leaves any existing file untouched. */
gboolean    lcs_profile_save     (const LcsProfile *profile,
                                  const char       *path,
                                  GError          **error);
char       *lcs_profile_to_data  (const LcsProfile *profile,
                                  gsize            *length);

/* H(D) of SPEC §3: the host offering the service in @domain, without final dot. */
char       *lcs_profile_host_for_domain (const LcsProfile *profile,
                                         const char       *domain);
/* E(D): the edge host for @domain; NULL without an edge. */
char       *lcs_profile_edge_for_domain (const LcsProfile *profile,
                                         const char       *domain);
/* Whether @target is acceptable for @domain under the profile's matching rule. */
gboolean    lcs_profile_target_matches  (const LcsProfile *profile,
                                         const char       *target,
                                         const char       *domain);

const char *lcs_product_to_string  (LcsProduct product);
const char *lcs_product_display_name (LcsProduct product);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsProfile, lcs_profile_free)

G_END_DECLS
