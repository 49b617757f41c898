/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The broken deployments the fix-script tests repair: every case of tests/zone-rules/cases.txt
 * and the bundled demo, with what their zones hold as zone-file text, and that text with a
 * remediation applied. Shared by the offline test and the BIND round trip. */
#pragma once

#include <lcsdns/check/check.h>
#include <lcsdns/export/remediation.h>

G_BEGIN_DECLS

typedef struct {
  char            *name;          /* the case's group, or "demo" */
  LcsProfile      *profile;
  LcsObservations *obs;           /* as read from the fixture files */
  guint            unfixable;     /* errors no DNS change fixes (zone-syntax lines, …) */
} FixCase;

void        fixcase_free          (FixCase *fixcase);
/* Every case (FixCase*), the demo last. @srcdir: the tests/ directory. */
GPtrArray  *fixcase_load_all      (const char *srcdir,
                                   const char *demo_dir);

/* The zones of @view in @obs as BIND zone-file text, origin (absolute) → text: a SOA and an NS
 * of their own, then every record the fixture holds, one "owner ttl IN TYPE data" a line, in
 * the order read. Every zone an operation of @fix (may be NULL) names is there, empty when
 * the fixture has none; with @apply, the operations of @fix for that view are applied to
 * the text (a deletion removes its exact line, an addition is appended). */
GHashTable *fixcase_zone_texts    (const LcsObservations *obs,
                                   LcsView                view,
                                   const LcsRemediation  *fix,
                                   gboolean               apply);

/* The text of a zone @origin (absolute) with nothing but its SOA and NS. */
char       *fixcase_empty_zone    (const char *origin);

/* Writes @internal and @external (from fixcase_zone_texts) as ZONE.db files under
 * @dir/internal and @dir/external (dnsfixture.py's layout) and reads them back. */
LcsObservations *fixcase_write_and_read (GHashTable *internal,
                                         GHashTable *external,
                                         const char *dir);


/* The errors of @report that a DNS change can fix (all but zone-syntax and the like). */
guint       fixcase_fixable_errors (const LcsReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FixCase, fixcase_free)

G_END_DECLS
