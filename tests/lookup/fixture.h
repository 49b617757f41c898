/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The DNS servers of the live-lookup tests (dnsfixture.py): BIND 9 per view, and a responder
 * with one port per fault. */
#pragma once

#include <glib.h>
#include <lcsdns/profile/profile.h>

G_BEGIN_DECLS

typedef struct _Fixture Fixture;

/* Starts the servers for the zones in @zones (internal/ and external/ with NAME.db files; NULL:
 * tests/lookup/zones); aborts the test program when they cannot start. @extra_args: more
 * dnsfixture.py options, NULL-terminated, may be NULL. */
Fixture    *fixture_start      (const char        *zones,
                                const char *const *extra_args);
void        fixture_stop       (Fixture *fixture);

/* "127.0.0.1:PORT" of the named instance of @view ("internal", "external"), of the responder
 * in @mode ("timeout", "servfail", …), or of a port where nothing listens ("closed"). */
const char *fixture_server     (Fixture    *fixture,
                                const char *which);

/* A Standard Edition profile for @domains (comma-separated): pool lcs.<first domain> at
 * 192.0.2.10, TLS only; with @edge, the edge sip.<first domain> at 198.51.100.10. */
LcsProfile *fixture_profile    (const char *product,
                                const char *domains,
                                gboolean    edge);

/* Milliseconds since @start_us (g_get_monotonic_time). */
gint64      fixture_elapsed_ms (gint64 start_us);

G_END_DECLS
