/* The Windows New Resource Record dialogs: what the admin types → what Windows creates,
 * and every docs/spec.md §4 rule that can be decided without DNS data. The SRV tab is checked in
 * srv-entry.c, the New Host dialog in host-entry.c. */
#pragma once

#include <glib.h>
#include <lcsdns/model/entry-fields.h>
#include <lcsdns/model/finding.h>
#include <lcsdns/profile/profile.h>

G_BEGIN_DECLS

typedef struct {
  char      *owner;     /* owner name Windows would create: <Service>.<Protocol>.<Domain>. */
  LcsRecord *record;    /* the SRV record as Windows would create it; NULL if Windows refuses */
  GPtrArray *findings;  /* LcsFinding* */
  guint      errors;
} LcsSrvResult;

/* @entry with every fix of @findings (LcsFinding*) applied: the fields each fix changes. */
LcsSrvEntry    *lcs_srv_entry_apply_fixes (const LcsSrvEntry *entry,
                                           GPtrArray         *findings);

/* @profile may be NULL: then no port and no target-domain checks. */
LcsSrvResult   *lcs_srv_entry_check (const LcsSrvEntry *entry,
                                     const LcsProfile  *profile);
/* The same for a record about to be created in @view (LcsView, or -1 when not known): the
 * ports and the target of that view's plan (E(D) outside), and a record the view does not
 * publish (an internal-only service outside) is a finding. */
LcsSrvResult *lcs_srv_entry_check_in_view (const LcsSrvEntry *entry,
                                             const LcsProfile  *profile,
                                             int                view);

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

typedef struct {
  char      *fqdn;      /* absolute */
  guint16    type;      /* LCS_TYPE_A or LCS_TYPE_AAAA; 0 when the address is not valid */
  char      *record;    /* as Windows would create it, errors and all; NULL where Windows refuses */
  GPtrArray *findings;
  guint      errors;
} LcsHostResult;

LcsHostResult  *lcs_host_entry_check (const LcsHostEntry *entry,
                                      const LcsProfile   *profile);

void            lcs_srv_result_free   (LcsSrvResult *result);
void            lcs_host_result_free  (LcsHostResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsSrvResult, lcs_srv_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsHostResult, lcs_host_result_free)

G_END_DECLS
