/* Test helpers shared by the certificate tests: dates, profiles, findings by rule. */
#pragma once

#include <lcsdns/cert/cert.h>

G_BEGIN_DECLS

/* A valid window that no test date falls outside by accident. */
#define CERTTEST_VALID_FROM "2020-01-01T00:00:00Z"
#define CERTTEST_VALID_UNTIL "2030-01-01T00:00:00Z"
#define CERTTEST_INSIDE "2025-06-01T12:00:00Z"

GDateTime        *certtest_date             (const char *iso);

/* A profile from "key", "value" pairs, NULL-terminated; a bad value fails the test. */
LcsProfile       *certtest_profile_new      (const char *first_key,
                                             ...) G_GNUC_NULL_TERMINATED;

/* Standard Edition, two domains: lcs.contoso.com serves contoso.com itself, fabrikam.com through
 * its own host record sip.fabrikam.com (docs/spec.md §3). @matching: "strict" or "suffix". */
LcsProfile       *certtest_standard_profile (const char *matching);

guint             certtest_count_rule       (GPtrArray  *findings,
                                             const char *rule_id);
/* The first finding of @rule_id, or NULL. */
const LcsFinding *certtest_find_rule        (GPtrArray  *findings,
                                             const char *rule_id);

G_END_DECLS
