/* lcsdns-check's live mode: the lookup run to its end in a main loop of its own. */
#pragma once

#include <glib.h>
#include <lcsdns/model/observe.h>
#include <lcsdns/profile/profile.h>

G_BEGIN_DECLS

typedef struct {
  char **servers;           /* internal view, "IP[:port]"; NULL: the profile's, else system */
  char **external_servers;  /* external view; likewise */
  int    timeout_ms;        /* 0: 1500 */
  int    tries;             /* 0: 2 */
  int    max_inflight;      /* per server; 0: 64 */
} LcsCliLiveArgs;

/* Asks every question of the live check and waits for the answers. Shows a progress line on
 * stderr when stderr is a terminal. NULL with @error for a bad server or a bad argument. */
/* @servers (optional) receives the servers asked, as "ADDR (view)", for the report. */
LcsObservations *lcs_cli_run_live (const LcsProfile     *profile,
                                   const LcsCliLiveArgs *args,
                                   GPtrArray          **servers,
                                   GError              **error);

G_END_DECLS
