/* SPDX-License-Identifier: GPL-3.0-or-later */
/* c-ares in the GLib main loop. c-ares tells which sockets to watch (ARES_OPT_SOCK_STATE_CB);
 * one timer is re-armed from ares_timeout after every call into c-ares. Each resolver has one
 * server, so the fail-over between servers stays with the caller, and c-ares makes one try per
 * query: the resolver repeats a timed-out query itself, so a silent server costs exactly
 * timeout × tries (c-ares would double the timeout on every round). */
#include "config.h"

#include "lcs-resolver.h"

#include <string.h>
#include <ares.h>
#include <gio/gio.h>
#include <lcsdns/model/name.h>
#include <lcsdns/model/record.h>

#include "lcs-cares.h"
#include "lcs-watch.h"

#define DNS_HEADER_SIZE 12
#define SYSTEM_SERVER   "system"
#define STATUS_GIVEN_UP (-1)  /* not a c-ares status: the query was never sent */

typedef struct {
  LcsResolver     *resolver;  /* not a reference: the resolver outlives its queries */
  char            *name;
  guint16          type;
  LcsResolverFunc  func;
  gpointer         user_data;
  guint            tries;
  gboolean         junk_seen; /* the server sent a datagram that is no DNS reply meanwhile */
  gboolean         ended;     /* cancelled: the caller was told, c-ares still holds it */
} Query;

struct _LcsResolver {
  GObject       parent_instance;
  ares_channel  channel;
  gboolean      channel_ready;
  char         *server;
  guint         tries;
  guint         max_inflight;
  GHashTable   *watches;    /* socket → LcsWatch */
  GSource      *timer;
  GQueue        waiting;    /* Query*, not yet sent */
  GHashTable   *in_flight;  /* Query* set, not ended */
  guint         n_ended;    /* ended queries c-ares still holds */
  guint         in_cares;   /* depth of calls into c-ares that may call back */
  gboolean      cancelling;
  LcsAnswer     given_up;   /* UNKNOWN while the server is asked */
};

G_DEFINE_TYPE (LcsResolver, lcs_resolver, G_TYPE_OBJECT)

G_DEFINE_QUARK (lcs-resolver-error-quark, lcs_resolver_error)

static void pump_queries (LcsResolver *self);

static void
query_free (Query *query)
{
  g_free (query->name);
  g_free (query);
}

static void
rearm_timer (LcsResolver *self)
{
  gint64 next;

  if (!self->channel_ready)
    return;
  next = lcs_cares_timeout_us (self->channel);
  g_source_set_ready_time (self->timer, next < 0 ? -1 : g_get_monotonic_time () + next);
}

/* Lets c-ares drop the queries whose callers were told that they were cancelled. Never from
 * inside c-ares: in a completion callback the query being answered is still on c-ares' list,
 * and ares_cancel (or ares_destroy) there ends it a second time. While live queries are in
 * flight, the ended ones are left to finish on their own. */
static void
release_ended (LcsResolver *self)
{
  if (self->in_cares == 0 && self->n_ended > 0 && self->channel_ready
      && g_hash_table_size (self->in_flight) == 0)
    ares_cancel (self->channel);
}

/* Every entry from the main loop into c-ares holds a reference: a callback may drop the last
 * one, and ares_destroy inside c-ares would call the same query's callback twice. */
static void
process (LcsResolver   *self,
         ares_socket_t  read_fd,
         ares_socket_t  write_fd)
{
  g_object_ref (self);
  self->in_cares++;
  lcs_cares_process_fd (self->channel, read_fd, write_fd);
  self->in_cares--;
  release_ended (self);
  pump_queries (self);
  rearm_timer (self);
  g_object_unref (self);
}

static void
mark_junk (LcsResolver *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->in_flight);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    ((Query *) key)->junk_seen = TRUE;
}

static void
on_socket_ready (ares_socket_t fd,
                 gboolean      readable,
                 gboolean      writable,
                 gboolean      junk,
                 gpointer      user_data)
{
  LcsResolver *self = user_data;

  if (junk)
    mark_junk (self);
  process (self, readable ? fd : ARES_SOCKET_BAD, writable ? fd : ARES_SOCKET_BAD);
}

static gboolean
on_timer_dispatch (GSource     *source,
                   GSourceFunc  callback,
                   gpointer     user_data)
{
  g_source_set_ready_time (source, -1);
  process (user_data, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
  return G_SOURCE_CONTINUE;
}

static GSourceFuncs timer_funcs = {
  .dispatch = on_timer_dispatch,
};

static void
on_sock_state (void          *data,
               ares_socket_t  fd,
               int            readable,
               int            writable)
{
  LcsResolver *self = data;
  gpointer key = GSIZE_TO_POINTER ((gsize) fd);
  LcsWatch *watch = g_hash_table_lookup (self->watches, key);

  if (!readable && !writable)
    g_hash_table_remove (self->watches, key);
  else if (watch != NULL)
    lcs_watch_update (watch, readable, writable);
  else
    g_hash_table_insert (self->watches, key,
                         lcs_watch_new (fd, readable, writable, on_socket_ready, self));
}

static LcsAnswer
answer_from_status (int status)
{
  switch (status)
    {
    case ARES_SUCCESS:
      return LCS_ANSWER_DATA;
    case ARES_ENODATA:
      return LCS_ANSWER_NODATA;
    case ARES_ENOTFOUND:
      return LCS_ANSWER_NXDOMAIN;
    case ARES_ESERVFAIL:
      return LCS_ANSWER_SERVFAIL;
    case ARES_EREFUSED:
      return LCS_ANSWER_REFUSED;
    case ARES_ETIMEOUT:
      return LCS_ANSWER_TIMEOUT;
    case ARES_ECONNREFUSED:
      return LCS_ANSWER_UNREACHABLE;
    default:
      /* EFORMERR, ENOTIMP, EBADRESP, …: the server said something we cannot use. */
      return LCS_ANSWER_BAD_REPLY;
    }
}

static gboolean
has_type_at (GPtrArray  *records,
             guint16     type,
             const char *owner)
{
  guint i;

  for (i = 0; i < records->len; i++)
    {
      const LcsRecord *record = records->pdata[i];

      if (record->type == type && g_strcmp0 (record->owner, owner) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The answer section of a reply with rcode NOERROR or NXDOMAIN. */
static LcsAnswer
read_reply (Query         *query,
            LcsAnswer      answer,
            const guint8  *abuf,
            int            alen,
            GPtrArray     *records,
            char         **canonical)
{
  if (abuf == NULL || alen < DNS_HEADER_SIZE)
    return LCS_ANSWER_BAD_REPLY;
  /* ares_query leaves unknown rcodes as success. */
  if (answer == LCS_ANSWER_DATA && (abuf[3] & 0x0f) != 0)
    return LCS_ANSWER_BAD_REPLY;
  if (!lcs_cares_read_answer (abuf, alen, query->name, query->type, records, canonical))
    {
      g_ptr_array_set_size (records, 0);
      return LCS_ANSWER_BAD_REPLY;
    }
  /* As a zone holds it: data only at the name itself; an alias is a name without other data,
   * whatever its target holds (even when the target does not exist, rcode NXDOMAIN). */
  if (has_type_at (records, query->type, query->name))
    return LCS_ANSWER_DATA;
  if (has_type_at (records, LCS_TYPE_CNAME, query->name) || answer == LCS_ANSWER_DATA)
    return LCS_ANSWER_NODATA;
  return answer;
}

static void
finish_query (LcsResolver  *self,
              Query        *query,
              int           status,
              const guint8 *abuf,
              int           alen);

/* Ends the waiting queries with the answer the server was given up with. */
static void
drain_given_up (LcsResolver *self)
{
  Query *query;

  while (self->given_up != LCS_ANSWER_UNKNOWN
         && (query = g_queue_pop_head (&self->waiting)) != NULL)
    finish_query (self, query, STATUS_GIVEN_UP, NULL, 0);
}

/* Calls the caller back with the outcome of @query. */
static void
report_query (LcsResolver  *self,
              Query        *query,
              int           status,
              const guint8 *abuf,
              int           alen)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_record_free);
  g_autofree char *canonical = NULL;
  LcsResolverReply reply = { 0 };

  reply.name = query->name;
  reply.type = query->type;
  reply.records = records;
  reply.server = self->server;
  reply.tries = query->tries;
  if (status == ARES_ECANCELLED || status == ARES_EDESTRUCTION)
    {
      reply.cancelled = TRUE;
      reply.answer = LCS_ANSWER_UNKNOWN;
    }
  else if (status == STATUS_GIVEN_UP)
    {
      reply.answer = self->given_up;
    }
  else
    {
      reply.answer = answer_from_status (status);
      if (reply.answer == LCS_ANSWER_DATA || reply.answer == LCS_ANSWER_NODATA
          || reply.answer == LCS_ANSWER_NXDOMAIN)
        reply.answer = read_reply (query, reply.answer, abuf, alen, records, &canonical);
      /* Silence or a socket error after junk from the server: it did answer, badly. */
      if (query->junk_seen
          && (reply.answer == LCS_ANSWER_TIMEOUT || reply.answer == LCS_ANSWER_UNREACHABLE))
        reply.answer = LCS_ANSWER_BAD_REPLY;
    }
  reply.canonical = canonical;
  query->func (self, &reply, query->user_data);
}

static void
finish_query (LcsResolver  *self,
              Query        *query,
              int           status,
              const guint8 *abuf,
              int           alen)
{
  report_query (self, query, status, abuf, alen);
  query_free (query);
}

static void send_query (LcsResolver *self,
                        Query       *query);

static void
on_query_done (void          *arg,
               int            status,
               int            timeouts,
               unsigned char *abuf,
               int            alen)
{
  Query *query = arg;
  LcsResolver *self = query->resolver;

  if (query->ended)
    {
      self->n_ended--;
      query_free (query);
      return;
    }
  g_hash_table_remove (self->in_flight, query);
  if (status == ARES_ETIMEOUT && !query->junk_seen && query->tries < self->tries
      && !self->cancelling)
    {
      send_query (self, query);
      return;
    }
  finish_query (self, query, status, abuf, alen);
}

static void
send_query (LcsResolver *self,
            Query       *query)
{
  query->tries++;
  g_hash_table_add (self->in_flight, query);
  /* c-ares may call back from inside ares_query (a query it cannot send). */
  self->in_cares++;
  lcs_cares_query (self->channel, query->name, query->type, on_query_done, query);
  self->in_cares--;
}

static void
pump_queries (LcsResolver *self)
{
  drain_given_up (self);
  while (!self->cancelling && g_hash_table_size (self->in_flight) < self->max_inflight
         && !g_queue_is_empty (&self->waiting))
    send_query (self, g_queue_pop_head (&self->waiting));
}

/* Tells the caller of a query in flight that it was cancelled; c-ares lets go of it later. */
static void
end_in_flight (LcsResolver *self)
{
  GHashTableIter iter;
  gpointer key;
  Query *query;

  g_hash_table_iter_init (&iter, self->in_flight);
  if (!g_hash_table_iter_next (&iter, &key, NULL))
    return;
  query = key;
  g_hash_table_iter_remove (&iter);
  query->ended = TRUE;
  self->n_ended++;
  report_query (self, query, ARES_ECANCELLED, NULL, 0);
}

static void
cancel_all (LcsResolver *self)
{
  Query *query;

  self->cancelling = TRUE;
  while ((query = g_queue_pop_head (&self->waiting)) != NULL)
    finish_query (self, query, ARES_ECANCELLED, NULL, 0);
  /* One at a time: a callback may change the set. */
  while (g_hash_table_size (self->in_flight) > 0)
    end_in_flight (self);
  self->cancelling = FALSE;
  release_ended (self);
}

static void
lcs_resolver_dispose (GObject *object)
{
  LcsResolver *self = LCS_RESOLVER (object);

  cancel_all (self);
  if (self->channel_ready)
    {
      ares_destroy (self->channel);
      self->channel_ready = FALSE;
    }
  g_clear_pointer (&self->watches, g_hash_table_unref);
  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }
  G_OBJECT_CLASS (lcs_resolver_parent_class)->dispose (object);
}

static void
lcs_resolver_finalize (GObject *object)
{
  LcsResolver *self = LCS_RESOLVER (object);

  g_clear_pointer (&self->in_flight, g_hash_table_unref);
  g_free (self->server);
  G_OBJECT_CLASS (lcs_resolver_parent_class)->finalize (object);
}

static void
lcs_resolver_class_init (LcsResolverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lcs_resolver_dispose;
  object_class->finalize = lcs_resolver_finalize;
}

static void
lcs_resolver_init (LcsResolver *self)
{
  self->watches = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                         (GDestroyNotify) lcs_watch_free);
  self->in_flight = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_queue_init (&self->waiting);
}

static void
init_library (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      ares_library_init (ARES_LIB_INIT_ALL);
      g_once_init_leave (&done, 1);
    }
}

static gboolean
split_server (const char  *server,
              char       **host,
              const char **port_text)
{
  const char *colon = strchr (server, ':');

  *port_text = NULL;
  if (server[0] == '[')
    {
      const char *close = strchr (server, ']');

      if (close == NULL || (close[1] != '\0' && close[1] != ':'))
        return FALSE;
      *host = g_strndup (server + 1, close - server - 1);
      if (close[1] == ':')
        *port_text = close + 2;
    }
  else if (colon != NULL && strchr (colon + 1, ':') == NULL)
    {
      *host = g_strndup (server, colon - server);
      *port_text = colon + 1;
    }
  else
    {
      /* No port, or a bare IPv6 address. */
      *host = g_strdup (server);
    }
  return TRUE;
}

char *
lcs_resolver_parse_server (const char  *server,
                           GError     **error)
{
  g_autofree char *host = NULL;
  g_autoptr(GInetAddress) address = NULL;
  const char *port_text = NULL;
  guint64 port = 53;

  if (!split_server (server, &host, &port_text)
      || (address = g_inet_address_new_from_string (host)) == NULL
      || (port_text != NULL
          && !g_ascii_string_to_unsigned (port_text, 10, 1, G_MAXUINT16, &port, NULL)))
    {
      g_set_error (error, LCS_RESOLVER_ERROR, LCS_RESOLVER_ERROR_SERVER,
                   "“%s” is not a DNS server address (IP or IP:port)", server);
      return NULL;
    }
  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6)
    return g_strdup_printf ("[%s]:%" G_GUINT64_FORMAT, host, port);
  return g_strdup_printf ("%s:%" G_GUINT64_FORMAT, host, port);
}

LcsResolver *
lcs_resolver_new (const char               *server,
                  const LcsResolverOptions *options,
                  GError                  **error)
{
  g_autoptr(LcsResolver) self = g_object_new (LCS_TYPE_RESOLVER, NULL);
  g_autofree char *csv = NULL;
  struct ares_options opts = { 0 };
  int status;

  if (server != NULL && (csv = lcs_resolver_parse_server (server, error)) == NULL)
    return NULL;
  init_library ();
  self->server = g_strdup (server != NULL ? server : SYSTEM_SERVER);
  self->tries = options != NULL && options->tries > 0 ? options->tries
                                                      : LCS_RESOLVER_DEFAULT_TRIES;
  self->max_inflight = options != NULL && options->max_inflight > 0
                       ? options->max_inflight : LCS_RESOLVER_DEFAULT_MAX_INFLIGHT;
  /* NOCHECKRESP keeps SERVFAIL and REFUSED apart; fail-over is the caller's. */
  opts.flags = ARES_FLAG_EDNS | ARES_FLAG_NOALIASES | ARES_FLAG_NOCHECKRESP;
  opts.timeout = options != NULL && options->timeout_ms > 0 ? (int) options->timeout_ms
                                                            : LCS_RESOLVER_DEFAULT_TIMEOUT_MS;
  opts.tries = 1;
  opts.sock_state_cb = on_sock_state;
  opts.sock_state_cb_data = self;
  status = ares_init_options (&self->channel, &opts,
                              ARES_OPT_FLAGS | ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES
                              | ARES_OPT_SOCK_STATE_CB);
  if (status != ARES_SUCCESS)
    {
      g_set_error (error, LCS_RESOLVER_ERROR, LCS_RESOLVER_ERROR_INIT,
                   "Cannot start the resolver: %s", ares_strerror (status));
      return NULL;
    }
  self->channel_ready = TRUE;
  if (csv != NULL && (status = lcs_cares_set_servers (self->channel, csv)) != ARES_SUCCESS)
    {
      g_set_error (error, LCS_RESOLVER_ERROR, LCS_RESOLVER_ERROR_SERVER,
                   "Cannot use DNS server “%s”: %s", server, ares_strerror (status));
      return NULL;
    }
  self->timer = g_source_new (&timer_funcs, sizeof (GSource));
  g_source_set_callback (self->timer, NULL, self, NULL);
  g_source_attach (self->timer, g_main_context_get_thread_default ());
  return g_steal_pointer (&self);
}

const char *
lcs_resolver_get_server (LcsResolver *resolver)
{
  g_return_val_if_fail (LCS_IS_RESOLVER (resolver), NULL);
  return resolver->server;
}

void
lcs_resolver_query (LcsResolver     *resolver,
                    const char      *name,
                    guint16          type,
                    LcsResolverFunc  func,
                    gpointer         user_data)
{
  Query *query;

  g_return_if_fail (LCS_IS_RESOLVER (resolver));
  query = g_new0 (Query, 1);
  query->resolver = resolver;
  query->name = lcs_name_normalize (name);
  query->type = type;
  query->func = func;
  query->user_data = user_data;
  g_queue_push_tail (&resolver->waiting, query);
  g_object_ref (resolver);
  pump_queries (resolver);
  rearm_timer (resolver);
  g_object_unref (resolver);
}

void
lcs_resolver_give_up (LcsResolver *resolver,
                      LcsAnswer    answer)
{
  g_return_if_fail (LCS_IS_RESOLVER (resolver));
  g_return_if_fail (answer != LCS_ANSWER_UNKNOWN);
  resolver->given_up = answer;
  g_object_ref (resolver);
  drain_given_up (resolver);
  g_object_unref (resolver);
}

gboolean
lcs_resolver_gave_up (LcsResolver *resolver)
{
  g_return_val_if_fail (LCS_IS_RESOLVER (resolver), FALSE);
  return resolver->given_up != LCS_ANSWER_UNKNOWN;
}

void
lcs_resolver_cancel (LcsResolver *resolver)
{
  g_return_if_fail (LCS_IS_RESOLVER (resolver));
  g_object_ref (resolver);
  cancel_all (resolver);
  rearm_timer (resolver);
  g_object_unref (resolver);
}

guint
lcs_resolver_get_pending (LcsResolver *resolver)
{
  g_return_val_if_fail (LCS_IS_RESOLVER (resolver), 0);
  return g_hash_table_size (resolver->in_flight) + g_queue_get_length (&resolver->waiting);
}
