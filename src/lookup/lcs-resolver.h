/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One DNS server (or the system's resolver configuration) asked through c-ares from the GLib
 * main loop: bounded queries in flight, explicit timeout and tries, every outcome classified. */
#pragma once

#include <glib-object.h>
#include <lcsdns/model/observe.h>

G_BEGIN_DECLS

#define LCS_TYPE_RESOLVER (lcs_resolver_get_type ())
G_DECLARE_FINAL_TYPE (LcsResolver, lcs_resolver, LCS, RESOLVER, GObject)

#define LCS_RESOLVER_ERROR (lcs_resolver_error_quark ())
GQuark lcs_resolver_error_quark (void);

typedef enum {
  LCS_RESOLVER_ERROR_SERVER,   /* not an IP[:port] */
  LCS_RESOLVER_ERROR_INIT,     /* c-ares could not start (e.g. no system configuration) */
} LcsResolverError;

#define LCS_RESOLVER_DEFAULT_TIMEOUT_MS   1500
#define LCS_RESOLVER_DEFAULT_TRIES        2
#define LCS_RESOLVER_DEFAULT_MAX_INFLIGHT 64

typedef struct {
  guint timeout_ms;    /* per try; 0: default */
  guint tries;         /* 0: default */
  guint max_inflight;  /* queries in flight at once; more wait in a queue. 0: default */
} LcsResolverOptions;

typedef struct {
  const char *name;       /* as asked, normalised */
  guint16     type;
  LcsAnswer   answer;     /* as a zone holds it: DATA only when @name itself has records of
                           * @type, NODATA at an alias; UNKNOWN when cancelled */
  gboolean    cancelled;
  GPtrArray  *records;    /* LcsRecord*: CNAMEs, then the records of @type; the callee may steal */
  const char *canonical;  /* end of the CNAME chain from @name; NULL unless answered */
  const char *server;     /* the server as named, or "system" */
  guint       tries;      /* tries made */
} LcsResolverReply;

/* Called exactly once per query, from the main context the resolver was created in. */
typedef void (*LcsResolverFunc) (LcsResolver      *resolver,
                                 LcsResolverReply *reply,
                                 gpointer          user_data);

/* @server: "IP", "IP:port", "[IPv6]:port"; NULL for the system resolver configuration. */
LcsResolver *lcs_resolver_new        (const char               *server,
                                      const LcsResolverOptions *options,
                                      GError                  **error);
const char  *lcs_resolver_get_server (LcsResolver *resolver);

void         lcs_resolver_query      (LcsResolver     *resolver,
                                      const char      *name,
                                      guint16          type,
                                      LcsResolverFunc  func,
                                      gpointer         user_data);

/* The server is taken for dead: queries not yet sent, and every later one, end at once with
 * @answer (tries 0) instead of waiting for it. Queries in flight run their course. */
void         lcs_resolver_give_up    (LcsResolver *resolver,
                                      LcsAnswer    answer);
gboolean     lcs_resolver_gave_up    (LcsResolver *resolver);

/* Ends every query at once; each callback is called with cancelled set. */
void         lcs_resolver_cancel     (LcsResolver *resolver);

/* Queries asked and not yet answered (in flight or waiting). */
guint        lcs_resolver_get_pending (LcsResolver *resolver);

/* Splits "IP[:port]" into a c-ares server string ("IP:port" or "[IPv6]:port"). */
char        *lcs_resolver_parse_server (const char  *server,
                                        GError     **error);

G_END_DECLS
