/* Checks of the DNS data itself, shared by the check on observations (check-observations.c) and
 * written in check-zone-data.c: targets written without their final dot, aliases beside other
 * data, SIP records of other domains, and an alias where an address record is required. */
#pragma once

#include <lcsdns/check/check.h>

/* srv-target-relative for every SRV, CNAME and NS record of @view. */
void      lcs_check_relative_targets    (const LcsObservations *obs,
                                         LcsView                view,
                                         const LcsProfile      *profile,
                                         LcsReport             *report);

/* zone-cname-other for every name of @view that is an alias and holds other data. */
void      lcs_check_cname_other         (const LcsObservations *obs,
                                         LcsView                view,
                                         LcsReport             *report);

/* The domain of a well-formed SIP SRV owner (_service._protocol.<domain>, the protocol the
 * service goes with, no docs/spec.md §5 mistake) whose domain is not in @profile; NULL otherwise. */
char     *lcs_check_other_sip_domain    (const LcsProfile      *profile,
                                         const char            *owner);

/* Collects the SIP records of other domains per zone for one sip-other-domain each. */
typedef struct _LcsOtherDomains LcsOtherDomains;

LcsOtherDomains *lcs_other_domains_new    (void);
void             lcs_other_domains_add    (LcsOtherDomains       *others,
                                           const char            *zone,
                                           const char            *domain);
void             lcs_other_domains_report (LcsOtherDomains       *others,
                                           LcsView                view,
                                           LcsReport             *report);
void             lcs_other_domains_free   (LcsOtherDomains       *others);

/* A required address record whose name is an alias that leads to no address: says so ("is a
 * CNAME to X") and sets @result's status to mismatch. FALSE when @planned's name is no alias. */
gboolean  lcs_check_alias_instead       (const LcsObservations  *obs,
                                         LcsView                 view,
                                         const LcsPlannedRecord *planned,
                                         LcsRecordResult        *result,
                                         LcsReport              *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsOtherDomains, lcs_other_domains_free)
