/* A product generation (docs/spec.md §3) is one table entry: its profile id, its names, its SIP
 * services and the rows of records it needs. The plan, the profile, the live questions and the
 * GUI loop over the table, so a new generation is one entry and nothing else. */
#pragma once

#include <glib.h>
#include <lcsdns/model/record.h>
#include <lcsdns/profile/profile.h>

G_BEGIN_DECLS

/* Where a row's owner name comes from, for one SIP domain D. */
typedef enum {
  LCS_ROW_NAME_SRV,           /* label.D, label being "_service._proto" */
  LCS_ROW_NAME_HOST,          /* H(D): the pool, or the domain's own host */
  LCS_ROW_NAME_POOL,          /* the pool FQDN, when it lies under D and is not H(D) */
  LCS_ROW_NAME_MEMBERS,       /* each Front End's own FQDN */
  LCS_ROW_NAME_LABEL,         /* label.D ("lyncdiscoverinternal") */
  LCS_ROW_NAME_EDGE,          /* E(D) */
  LCS_ROW_NAME_WEB_INTERNAL,  /* the internal web services (web farm) FQDN */
  LCS_ROW_NAME_WEB_EXTERNAL,  /* the external web services FQDN */
  LCS_ROW_NAME_SIMPLE_URL,    /* the simple URL host named by label ("meet") */
  LCS_ROW_NAME_EDGE_WEBCONF,
  LCS_ROW_NAME_EDGE_AV,
} LcsRowName;

/* Where a row's data comes from: an SRV or CNAME target, or an A record's addresses (with the
 * name a CNAME may point at instead, where Microsoft allows "A or CNAME"). A row whose name or
 * data the profile does not give is not planned. */
typedef enum {
  LCS_ROW_DATA_HOST,          /* SRV → H(D); A → the pool's addresses */
  LCS_ROW_DATA_POOL,          /* A → the pool's addresses: its VIP, or each Front End (DNS) */
  LCS_ROW_DATA_MEMBER,        /* A → that Front End's address */
  LCS_ROW_DATA_EDGE,          /* SRV → E(D); A → the edge IP, or a CNAME to E(D) */
  LCS_ROW_DATA_FIXED,         /* SRV or CNAME → row->target */
  LCS_ROW_DATA_WEB_INTERNAL,  /* A → web-internal's IP or CNAME to it; the pool without one */
  LCS_ROW_DATA_WEB_FARM,      /* A → web-internal's IP (its own record) */
  LCS_ROW_DATA_WEB_EXTERNAL,  /* A → web-external's IP (reverse proxy) or CNAME to it */
  LCS_ROW_DATA_EDGE_WEBCONF,
  LCS_ROW_DATA_EDGE_AV,
} LcsRowData;

/* Every bit set must hold for the row to be planned. */
typedef enum {
  LCS_WHEN_TLS        = 1 << 0,  /* the TLS transport */
  LCS_WHEN_TCP        = 1 << 1,  /* the TCP transport */
  LCS_WHEN_MESSENGER  = 1 << 2,  /* Windows Messenger clients */
  LCS_WHEN_FEDERATION = 1 << 3,  /* federation (always in a hybrid deployment) */
  LCS_WHEN_XMPP       = 1 << 4,  /* XMPP federation */
  LCS_WHEN_ONLINE     = 1 << 5,  /* hosting=online only; rows without it need on-premises servers */
  LCS_WHEN_LEGACY     = 1 << 6,  /* required with legacy clients, else recommended (info) */
} LcsWhen;

typedef enum {
  LCS_ROW_PORT_FIXED,         /* row->port */
  LCS_ROW_PORT_TLS_LISTENER,  /* the profile's tls-port */
  LCS_ROW_PORT_TCP_LISTENER,  /* the profile's tcp-port */
} LcsRowPort;

typedef struct {
  LcsView     view;
  guint16     type;       /* LCS_TYPE_SRV, LCS_TYPE_A (A or AAAA by address) or LCS_TYPE_CNAME */
  LcsRowName  name;
  const char *label;      /* see LcsRowName */
  LcsRowData  data;
  const char *target;     /* LCS_ROW_DATA_FIXED */
  guint       when;       /* LcsWhen bits */
  LcsRowPort  port_from;
  guint16     port;
  guint16     priority;
  guint16     weight;
  gboolean    certificate; /* clients connect to the name over TLS: a SAN must cover it */
  const char *what;       /* the row in a few words, for the docs */
  const char *source;     /* the Microsoft page that gives the row */
} LcsPlanRow;

typedef struct {
  const char        *id;          /* the profile's product value: "lync" */
  const char        *display;     /* "Lync Server / Skype for Business Server" */
  const char *const *services;    /* SIP SRV services, "_service._proto", client order; NULL-ended */
  const LcsPlanRow  *rows;
  gsize              n_rows;
  gboolean           dns_balancing;  /* Microsoft's default balancing for an Enterprise pool */
  gboolean           messenger;      /* Windows Messenger signs in to this generation */
} LcsGeneration;

/* The generations, built in first, then registered ones; @product indexes them. */
guint                lcs_generations_count   (void);
const LcsGeneration *lcs_generation_get      (LcsProduct product);
/* The generation whose id is @id (any case); FALSE when none is. */
gboolean             lcs_generation_find     (const char *id,
                                              LcsProduct *product);
/* Adds @generation (kept, not copied) and returns its product value. For extensions and tests:
 * the built-in table is in generation-tables.c. */
LcsProduct           lcs_generation_register (const LcsGeneration *generation);

/* The generations' record tables as Markdown, each row with its source: part of docs/rules.md. */
char                *lcs_generations_to_markdown (void);
/* docs/rules.md: the rule reference, then the record tables. */
char                *lcs_reference_to_markdown   (void);

G_END_DECLS
