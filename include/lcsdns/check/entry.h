/* The Windows New Resource Record dialogs: what the admin types → what Windows creates,
 * and every SPEC §4 rule that can be decided without DNS data. */
#pragma once

#include <glib.h>
#include <lcsdns/model/finding.h>
#include <lcsdns/profile/profile.h>

G_BEGIN_DECLS

/* The seven fields of the Service Location (SRV) tab, exactly as typed. */
struct _LcsSrvEntry {
  char *domain;    /* read-only in the dialog: the zone */
  char *service;
  char *protocol;
  char *priority;
  char *weight;
  char *port;
  char *target;    /* Host offering this service */
};

typedef struct {
  char      *owner;     /* owner name Windows would create: <Service>.<Protocol>.<Domain>. */
  char      *record;    /* "owner SRV 0 0 5061 target." as it would be created; NULL if not valid */
  GPtrArray *findings;  /* LcsFinding* */
  guint      errors;
} LcsEntryResult;

LcsSrvEntry    *lcs_srv_entry_new   (const char *domain);
/* The seven fields as typed; NULL stands for an empty field. */
LcsSrvEntry    *lcs_srv_entry_new_full (const char *domain,
                                        const char *service,
                                        const char *protocol,
                                        const char *priority,
                                        const char *weight,
                                        const char *port,
                                        const char *target);
LcsSrvEntry    *lcs_srv_entry_copy  (const LcsSrvEntry *entry);
/* @entry with every fix of @findings (LcsFinding*) applied: the fields each fix changes. */
LcsSrvEntry    *lcs_srv_entry_apply_fixes (const LcsSrvEntry *entry,
                                           GPtrArray         *findings);
void            lcs_srv_entry_free  (LcsSrvEntry *entry);
gboolean        lcs_srv_entry_equal (const LcsSrvEntry *a,
                                     const LcsSrvEntry *b);

/* @profile may be NULL: then no port and no target-domain checks. */
LcsEntryResult *lcs_srv_entry_check (const LcsSrvEntry *entry,
                                     const LcsProfile  *profile);

/* The SRV-form findings for an observed record (zone or live) at @owner, as if it had been
 * typed into the dialog: used by the checks of every SIP SRV record found. *@intended_owner
 * (optional) receives what lcs_srv_intended_owner () gives, from the same reading. */
GPtrArray      *lcs_srv_record_check (const char       *owner,
                                      guint16           priority,
                                      guint16           weight,
                                      guint16           port,
                                      const char       *target,
                                      const char       *zone_origin,
                                      LcsView           view,
                                      const LcsProfile *profile,
                                      char            **intended_owner);

/* The dialog fields Windows shows for an SRV record at @owner in zone @domain: all labels but
 * the last in Service, the last in Protocol. NULL when @owner is not under @domain. */
LcsSrvEntry    *lcs_srv_entry_from_record (const char *owner,
                                           const char *domain,
                                           guint16     priority,
                                           guint16     weight,
                                           guint16     port,
                                           const char *target);

/* What a mistyped SIP SRV owner was meant to be ("_sipinternaltls._tcp.contoso.com."), or NULL
 * when @owner is not a SIP service record. Equal to @owner when it is already right. */
char           *lcs_srv_intended_owner (const char       *owner,
                                        const char       *zone_origin,
                                        const LcsProfile *profile);

/* New Host dialog: Name (blank = the zone itself), IP address. */
struct _LcsHostEntry {
  char *domain;
  char *name;
  char *address;
};

typedef struct {
  char      *fqdn;      /* absolute */
  guint16    type;      /* LCS_TYPE_A or LCS_TYPE_AAAA; 0 when the address is not valid */
  char      *record;    /* NULL if not valid */
  GPtrArray *findings;
  guint      errors;
} LcsHostResult;

LcsHostEntry   *lcs_host_entry_new   (const char *domain);
LcsHostEntry   *lcs_host_entry_copy  (const LcsHostEntry *entry);
void            lcs_host_entry_free  (LcsHostEntry *entry);
LcsHostResult  *lcs_host_entry_check (const LcsHostEntry *entry,
                                      const LcsProfile   *profile);

void            lcs_entry_result_free (LcsEntryResult *result);
void            lcs_host_result_free  (LcsHostResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsSrvEntry, lcs_srv_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsEntryResult, lcs_entry_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsHostEntry, lcs_host_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsHostResult, lcs_host_result_free)

G_END_DECLS
