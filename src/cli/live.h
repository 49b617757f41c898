/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lcsdns-check's live mode: the lookup run to its end in a main loop of its own. */
#pragma once

#include <glib.h>
#include <lcsdns/check/check.h>
#include <lcsdns/model/observe.h>
#include <lcsdns/profile/profile.h>

G_BEGIN_DECLS

typedef struct {
  char **servers;           /* internal view, "IP[:port]"; NULL: the profile's, else system */
  char **external_servers;  /* external view; likewise */
  int    timeout_ms;        /* 0: 1500 */
  int    tries;             /* 0: 2 */
  int    max_inflight;      /* per server; 0: 64 */
  guint  max_listed;        /* findings listed per rule and view; 0: all */
} LcsCliLiveArgs;

/* Asks every question of the live check, waits for the answers and checks them: the live
 * report, with the servers asked. Shows a progress line on stderr when stderr is a terminal.
 * *@obs (optional) receives the observations. NULL with @error for a bad server or a bad
 * argument. */
LcsReport *lcs_cli_run_live (const LcsProfile     *profile,
                             const LcsCliLiveArgs *args,
                             LcsObservations     **obs,
                             GError              **error);

G_END_DECLS
