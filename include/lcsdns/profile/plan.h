/* The records a deployment needs (SPEC §3), per SIP domain and per view. */
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
  char    *target;    /* SRV: absolute with final dot */
  char    *address;   /* A */
} LcsPlannedRecord;

void              lcs_planned_record_free (LcsPlannedRecord *record);

/* Every required record, in a stable order: per domain, internal view first, SRV before A. */
GPtrArray        *lcs_plan_build          (const LcsProfile *profile);

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

/* The ports (guint16) the table gives @service/@protocol for @profile's product in @view
 * (-1: either view), whatever the profile's options; empty when the product has no such record. */
GArray           *lcs_plan_ports_for      (const LcsProfile *profile,
                                           const char       *service,
                                           const char       *protocol,
                                           int               view);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsPlannedRecord, lcs_planned_record_free)

G_END_DECLS
