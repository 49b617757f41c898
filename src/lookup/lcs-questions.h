/* The questions of a live check (docs/spec.md §§3, 5), named without being asked. */
#pragma once

#include <glib.h>
#include <lcsdns/profile/profile.h>
#include <lcsdns/model/observe.h>
#include <lcsdns/model/record.h>
#include <lcsdns/profile/plan.h>

G_BEGIN_DECLS

/* @probe_for: for the wildcard probe, the domain it tests; NULL otherwise. */
typedef void (*LcsQuestionFunc) (LcsView     view,
                                 const char *name,
                                 guint16     type,
                                 const char *probe_for,
                                 gpointer    user_data);

/* Round one in @view: the required records, every SIP service of every generation with its
 * mistyped names, one random name per domain (wildcard), the fallback host names, and the
 * addresses and aliases of the planned hosts. @internal_only: ask the internal-only services
 * (_sipinternaltls, _sipinternal) even in the external view, where they would be a leak.
 * Names may repeat: the caller asks each once. */
void lcs_questions_first_round (const LcsProfile *profile,
                                LcsView           view,
                                gboolean          internal_only,
                                LcsQuestionFunc   func,
                                gpointer          user_data);

/* A, AAAA and CNAME of @host, when it is a host name (not "." or an address). */
void lcs_questions_for_host    (LcsView           view,
                                const char       *host,
                                LcsQuestionFunc   func,
                                gpointer          user_data);

/* Whether the answers in @obs settle @planned's row: its own question, and the ones its status
 * reads (the target's addresses, the mistyped names an absent SRV record is looked for at). */
gboolean lcs_questions_settled (const LcsObservations  *obs,
                                const LcsPlannedRecord *planned);

G_END_DECLS
