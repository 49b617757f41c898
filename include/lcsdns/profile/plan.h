/* The records a deployment needs (docs/spec.md §3), per SIP domain and per view. */
#pragma once

#include <glib.h>
#include <lcsdns/profile/profile.h>
#include <lcsdns/model/record.h>

G_BEGIN_DECLS

typedef struct {
  LcsView  view;
  char    *domain;    /* the SIP domain, without final dot */
  char    *name;      /* owner: absolute, lower case, final dot */
  guint16  type;      /* LCS_TYPE_SRV or LCS_TYPE_A */
  char    *service;   /* SRV: "_sipinternaltls" */
  char    *protocol;  /* SRV: "_tcp" */
  guint16  priority;
  guint16  weight;
  guint16  port;
  char    *target;    /* SRV, CNAME: absolute with final dot */
  char    *address;   /* A */
  char    *alias;     /* A: a CNAME to this name (absolute) is right too; NULL: only an A */
  gboolean recommended; /* missing is worth an info, not an error */
  gboolean certificate; /* A: clients connect to it over TLS (Autodiscover, simple URLs) */
} LcsPlannedRecord;

void              lcs_planned_record_free (LcsPlannedRecord *record);

LcsPlannedRecord *lcs_planned_record_copy (const LcsPlannedRecord *record);

/* Every required record, in a stable order: per domain, internal view first, SRV before A. */
GPtrArray        *lcs_plan_build          (const LcsProfile *profile);

/* Whether the profile needs any record in @view: the external view needs an edge, web services
 * published outside, or Online hosting. */
gboolean          lcs_plan_has_view       (const LcsProfile *profile,
                                           LcsView           view);

/* Expected data in presentation form: "0 0 5061 lcs.contoso.com." or "192.0.2.10". */
char             *lcs_planned_record_data (const LcsPlannedRecord *record);

/* The SIP services (SRV service/protocol pairs) that exist for @product, in client lookup order.
 * Each element is a static "service.protocol" string such as "_sipinternaltls._tcp". */
const char *const *lcs_plan_sip_services  (LcsProduct product);

/* TRUE when @service (with underscore, any case) is one of the SIP services of any generation. */
gboolean          lcs_plan_is_sip_service (const char *service);

/* The protocol a SIP service goes with ("_tcp" for _sipinternaltls); NULL for "_sip",
 * which goes with both _tls and _tcp. */
const char       *lcs_plan_protocol_for   (const char *service);

/* TRUE when the generation's table names @target for @service/@protocol (Online's
 * sipdir.online.lync.com for _sip._tls): right for the profile though outside its domains.
 * Hybrid deployments accept them too, though Microsoft wants on-premises targets there. */
gboolean          lcs_plan_hosted_target  (const LcsProfile *profile,
                                           const char       *service,
                                           const char       *protocol,
                                           const char       *target);

/* The ports (guint16) the table gives @service/@protocol for @profile's product in @view
 * (-1: either view), whatever the profile's options; empty when the product has no such record. */
GArray           *lcs_plan_ports_for      (const LcsProfile *profile,
                                           const char       *service,
                                           const char       *protocol,
                                           int               view);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsPlannedRecord, lcs_planned_record_free)

G_END_DECLS
