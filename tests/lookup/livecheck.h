/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A live check of a profile against the fixture's servers, and what the tests read from its
 * report. */
#pragma once

#include <gio/gio.h>
#include <lcsdns/check/check.h>

#include "fixture.h"

G_BEGIN_DECLS

typedef struct {
  LcsReport       *report;   /* live_run: what the core made of the answers */
  LcsObservations *obs;
  GError          *error;
  gboolean         done;
  guint            progress_calls;
  guint            last_answered;
  guint            last_asked;
} LiveRun;

/* The fixture's servers named in @names ("servfail,internal"), as a NULL-terminated list. */
char             **live_servers   (Fixture          *fixture,
                                   const char       *names);

/* The GAsyncReadyCallback of lcs_lookup_run_async: fills the LiveRun in @user_data. */
void               live_on_done   (GObject          *source,
                                   GAsyncResult     *result,
                                   gpointer          user_data);

/* Runs the live check of @profile (lcs_lookup_check_async) against the servers named in
 * @internal and @external; checks the progress signal on the way. Returns the elapsed
 * milliseconds. */
gint64             live_run       (Fixture          *fixture,
                                   const LcsProfile *profile,
                                   const char       *internal,
                                   const char       *external,
                                   guint             timeout_ms,
                                   guint             tries,
                                   guint             max_inflight,
                                   LiveRun          *run);
void               live_run_clear (LiveRun          *run);

/* live_run with 2 tries: its report; logs the findings. */
LcsReport         *live_check     (Fixture          *fixture,
                                   const LcsProfile *profile,
                                   const char       *internal,
                                   const char       *external,
                                   guint             timeout_ms,
                                   guint             max_inflight,
                                   gint64           *elapsed_ms);

const LcsFinding  *live_find      (const LcsReport  *report,
                                   const char       *rule,
                                   const char       *name);
guint              live_count     (const LcsReport  *report,
                                   const char       *rule);

/* "rule view name: message" of every finding and "record view name type: status" of every
 * required record, sorted, one a line: two reports compare as text. */
char              *live_describe  (const LcsReport  *report);

G_END_DECLS
