/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A live check's run: round one asks the questions of lcs-questions.c per view, round two the
 * addresses and aliases of the SRV targets round one found. All questions of a round are in
 * flight together, bounded per server by the resolver. A question that fails is asked of the
 * view's next server; a server that stays silent is given up. */
#include "config.h"

#include "lcs-lookup.h"

#include <lcsdns/model/name.h>
#include <lcsdns/model/record.h>
#include <lcsdns/profile/plan.h>

#include "lcs-questions.h"
#include "lcs-resolver.h"

#define N_VIEWS 2

/* A server that leaves this many questions in a row unanswered is taken for dead: c-ares has
 * no memory of dead servers, and each question would wait timeout × tries for it. */
#define DEAD_AFTER 8

typedef struct {
  LcsLookup *lookup;     /* not a reference: questions end before the lookup */
  LcsView    view;
  char      *name;
  guint16    type;
  guint      server;     /* index into the view's resolvers */
  char      *probe_for;  /* wildcard probe: the domain */
} Question;

struct _LcsLookup {
  GObject           parent_instance;
  LcsProfile       *profile;
  LcsLookupOptions  options;
  GPtrArray        *resolvers[N_VIEWS];  /* LcsResolver*, in the order named; empty: view off */
  GHashTable       *by_server;           /* server text → LcsResolver* */
  GHashTable       *silent;              /* LcsResolver* → questions unanswered in a row */
  LcsObservations  *obs;
  GHashTable       *asked;               /* "view type name" */
  GHashTable       *taken;               /* "view type owner rdata" */
  GTask            *task;
  GSource          *cancel_source;
  gboolean          external_separate;  /* the external view has servers of its own */
  gboolean          planning;            /* a round is being asked: it has not ended */
  guint             round;
  guint             pending;
  guint             answered;
  guint             n_asked;
};

enum {
  SIGNAL_PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_TYPE (LcsLookup, lcs_lookup, G_TYPE_OBJECT)

static void
question_free (Question *question)
{
  g_free (question->name);
  g_free (question->probe_for);
  g_free (question);
}

static void ask_next (LcsLookup *self);

static LcsResolver *
resolver_for (LcsLookup *self,
              Question  *question)
{
  return g_ptr_array_index (self->resolvers[question->view], question->server);
}

static void on_reply (LcsResolver      *resolver,
                      LcsResolverReply *reply,
                      gpointer          user_data);

static void
send_question (LcsLookup *self,
               Question  *question)
{
  while (question->server + 1 < self->resolvers[question->view]->len
         && lcs_resolver_gave_up (resolver_for (self, question)))
    question->server++;
  lcs_resolver_query (resolver_for (self, question), question->name, question->type, on_reply,
                      question);
}

/* Asks (@name, @type) in @view unless it was asked already. */
static void
on_question (LcsView     view,
             const char *name,
             guint16     type,
             const char *probe_for,
             gpointer    user_data)
{
  LcsLookup *self = user_data;
  g_autofree char *norm = lcs_name_normalize (name);
  char *key = g_strdup_printf ("%d %u %s", view, type, norm);
  Question *question;

  if (!g_hash_table_add (self->asked, key))
    return;
  question = g_new0 (Question, 1);
  question->lookup = self;
  question->view = view;
  question->name = g_steal_pointer (&norm);
  question->type = type;
  question->probe_for = g_strdup (probe_for);
  self->pending++;
  self->n_asked++;
  send_question (self, question);
}

static void
ask_first_round (LcsLookup *self)
{
  guint v;

  for (v = 0; v < N_VIEWS; v++)
    if (self->resolvers[v]->len > 0)
      lcs_questions_first_round (self->profile, v,
                                 v == LCS_VIEW_INTERNAL || self->external_separate,
                                 on_question, self);
}

typedef struct {
  LcsLookup *self;
  LcsView    view;
} ViewOf;

static void
ask_target (const LcsRecord *record,
            gpointer         user_data)
{
  ViewOf *of = user_data;

  lcs_questions_for_host (of->view, record->target, on_question, of->self);
}

static void
ask_second_round (LcsLookup *self)
{
  guint v;

  for (v = 0; v < N_VIEWS; v++)
    {
      ViewOf of = { self, v };

      if (self->resolvers[v]->len > 0)
        lcs_observations_foreach (self->obs, v, LCS_TYPE_SRV, ask_target, &of);
    }
}

static void
finish_run (LcsLookup *self,
            GError    *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (self->cancel_source != NULL)
    {
      g_source_destroy (self->cancel_source);
      g_clear_pointer (&self->cancel_source, g_source_unref);
    }
  if (error != NULL)
    {
      g_clear_pointer (&self->obs, lcs_observations_free);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, g_steal_pointer (&self->obs),
                           (GDestroyNotify) lcs_observations_free);
}

/* Called whenever a round may have ended. */
static void
ask_next (LcsLookup *self)
{
  if (self->planning)
    return;
  while (self->pending == 0 && self->task != NULL)
    {
      self->round++;
      self->planning = TRUE;
      if (self->round == 1)
        ask_first_round (self);
      else if (self->round == 2)
        ask_second_round (self);
      self->planning = FALSE;
      if (self->round > 2)
        finish_run (self, NULL);
    }
}

static void
take_records (LcsLookup *self,
              LcsView    view,
              GPtrArray *records)
{
  guint i;

  for (i = 0; i < records->len; i++)
    {
      LcsRecord *record = records->pdata[i];
      char *key = g_strdup_printf ("%d %u %s %s", view, record->type, record->owner,
                                   record->rdata);

      /* The same alias comes back with the A, AAAA and CNAME questions of a name. */
      if (g_hash_table_add (self->taken, key))
        lcs_observations_take_record (self->obs, view, g_steal_pointer (&records->pdata[i]));
    }
}

static void
note_silence (LcsLookup        *self,
              LcsResolver      *resolver,
              LcsResolverReply *reply)
{
  guint silent = GPOINTER_TO_UINT (g_hash_table_lookup (self->silent, resolver));

  if (reply->tries == 0)
    return;
  if (reply->answer == LCS_ANSWER_TIMEOUT || reply->answer == LCS_ANSWER_UNREACHABLE)
    silent++;
  else
    silent = 0;
  g_hash_table_insert (self->silent, resolver, GUINT_TO_POINTER (silent));
  if (silent >= DEAD_AFTER && !lcs_resolver_gave_up (resolver))
    lcs_resolver_give_up (resolver, reply->answer);
}

static void
on_reply (LcsResolver      *resolver,
          LcsResolverReply *reply,
          gpointer          user_data)
{
  Question *question = user_data;
  LcsLookup *self = question->lookup;

  if (reply->cancelled || self->task == NULL)
    {
      question_free (question);
      return;
    }
  note_silence (self, resolver, reply);
  if (lcs_answer_is_failure (reply->answer)
      && question->server + 1 < self->resolvers[question->view]->len)
    {
      question->server++;
      send_question (self, question);
      return;
    }
  lcs_observations_set_answer (self->obs, question->view, question->name, question->type,
                               reply->answer, reply->server);
  if (question->probe_for != NULL)
    {
      /* Records under a random name are the wildcard's, not the deployment's. */
      if (reply->answer == LCS_ANSWER_DATA || reply->answer == LCS_ANSWER_NODATA)
        lcs_observations_set_wildcard (self->obs, question->view, question->probe_for,
                                       question->name);
    }
  else
    take_records (self, question->view, reply->records);
  question_free (question);
  self->pending--;
  self->answered++;
  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_PROGRESS], 0, self->answered, self->n_asked);
  ask_next (self);
  g_object_unref (self);
}

static void
cancel_queries (LcsLookup *self)
{
  GHashTableIter iter;
  gpointer resolver;

  g_hash_table_iter_init (&iter, self->by_server);
  while (g_hash_table_iter_next (&iter, NULL, &resolver))
    lcs_resolver_cancel (resolver);
  self->pending = 0;
}

static gboolean
on_cancelled (GCancellable *cancellable,
              gpointer      user_data)
{
  LcsLookup *self = g_object_ref (user_data);
  GError *error = NULL;

  g_cancellable_set_error_if_cancelled (cancellable, &error);
  cancel_queries (self);
  finish_run (self, error);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static gboolean
add_resolvers (LcsLookup          *self,
               LcsView             view,
               char              **named,
               GPtrArray          *from_profile,
               GError            **error)
{
  const LcsResolverOptions options = {
    self->options.timeout_ms, self->options.tries, self->options.max_inflight,
  };
  g_autoptr(GPtrArray) servers = g_ptr_array_new ();
  guint i;

  if (named != NULL && named[0] != NULL)
    for (i = 0; named[i] != NULL; i++)
      g_ptr_array_add (servers, named[i]);
  else if (from_profile != NULL)
    for (i = 0; i < from_profile->len; i++)
      g_ptr_array_add (servers, from_profile->pdata[i]);
  if (servers->len == 0)
    g_ptr_array_add (servers, NULL);
  for (i = 0; i < servers->len; i++)
    {
      const char *server = servers->pdata[i];
      const char *key = server != NULL ? server : "";
      LcsResolver *resolver = g_hash_table_lookup (self->by_server, key);

      if (resolver == NULL)
        {
          resolver = lcs_resolver_new (server, &options, error);
          if (resolver == NULL)
            return FALSE;
          g_hash_table_insert (self->by_server, g_strdup (key), resolver);
        }
      g_ptr_array_add (self->resolvers[view], g_object_ref (resolver));
    }
  return TRUE;
}

static gboolean
same_resolvers (GPtrArray *a,
                GPtrArray *b)
{
  guint i;

  if (a->len != b->len)
    return FALSE;
  for (i = 0; i < a->len; i++)
    if (a->pdata[i] != b->pdata[i])
      return FALSE;
  return TRUE;
}

static void
clear_run (LcsLookup *self)
{
  guint v;

  for (v = 0; v < N_VIEWS; v++)
    g_ptr_array_set_size (self->resolvers[v], 0);
  if (self->by_server != NULL)
    cancel_queries (self);
  g_hash_table_remove_all (self->silent);
  g_hash_table_remove_all (self->by_server);
  g_hash_table_remove_all (self->asked);
  g_hash_table_remove_all (self->taken);
  g_clear_pointer (&self->obs, lcs_observations_free);
  self->round = 0;
  self->planning = FALSE;
  self->pending = 0;
  self->answered = 0;
  self->n_asked = 0;
}

void
lcs_lookup_run_async (LcsLookup           *lookup,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GError *error = NULL;

  g_return_if_fail (LCS_IS_LOOKUP (lookup));
  g_return_if_fail (lookup->task == NULL);
  clear_run (lookup);
  lookup->task = g_task_new (lookup, cancellable, callback, user_data);
  g_task_set_source_tag (lookup->task, lcs_lookup_run_async);
  lookup->obs = lcs_observations_new ();
  if (!add_resolvers (lookup, LCS_VIEW_INTERNAL, lookup->options.internal_servers,
                      lookup->profile->internal_dns, &error)
      || (lcs_plan_has_view (lookup->profile, LCS_VIEW_EXTERNAL)
          && !add_resolvers (lookup, LCS_VIEW_EXTERNAL, lookup->options.external_servers,
                             lookup->profile->external_dns, &error)))
    {
      clear_run (lookup);
      finish_run (lookup, error);
      return;
    }
  /* Internal-only names asked of the same servers again would look like a leak. */
  lookup->external_separate = !same_resolvers (lookup->resolvers[LCS_VIEW_INTERNAL],
                                               lookup->resolvers[LCS_VIEW_EXTERNAL]);
  if (cancellable != NULL)
    {
      lookup->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (lookup->cancel_source, (GSourceFunc) (gpointer) on_cancelled,
                             lookup, NULL);
      g_source_attach (lookup->cancel_source, g_main_context_get_thread_default ());
    }
  g_object_ref (lookup);
  ask_next (lookup);
  g_object_unref (lookup);
}

LcsObservations *
lcs_lookup_run_finish (LcsLookup     *lookup,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, lookup), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

const LcsObservations *
lcs_lookup_peek_observations (LcsLookup *lookup)
{
  g_return_val_if_fail (LCS_IS_LOOKUP (lookup), NULL);
  return lookup->task != NULL ? lookup->obs : NULL;
}

guint
lcs_lookup_get_answered (LcsLookup *lookup)
{
  return lookup->answered;
}

guint
lcs_lookup_get_asked (LcsLookup *lookup)
{
  return lookup->n_asked;
}

GPtrArray *
lcs_lookup_get_servers (LcsLookup *lookup)
{
  GPtrArray *servers = g_ptr_array_new_with_free_func (g_free);
  guint v, i;

  for (v = 0; v < N_VIEWS; v++)
    for (i = 0; i < lookup->resolvers[v]->len; i++)
      g_ptr_array_add (servers, g_strdup_printf ("%s (%s)",
                                                 lcs_resolver_get_server (lookup->resolvers[v]->pdata[i]),
                                                 lcs_view_to_string (v)));
  return servers;
}

const LcsProfile *
lcs_lookup_get_profile (LcsLookup *lookup)
{
  return lookup->profile;
}

static void
lcs_lookup_dispose (GObject *object)
{
  LcsLookup *self = LCS_LOOKUP (object);
  guint v;

  /* The resolvers end every question at once (each once, even from inside a callback of
   * theirs), so no question outlives the lookup. */
  if (self->by_server != NULL)
    {
      cancel_queries (self);
      g_clear_pointer (&self->by_server, g_hash_table_unref);
    }
  for (v = 0; v < N_VIEWS; v++)
    g_clear_pointer (&self->resolvers[v], g_ptr_array_unref);
  /* A run holds the lookup: only g_object_run_dispose gets here during one. */
  if (self->task != NULL)
    finish_run (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                           "The lookup was disposed"));
  if (self->cancel_source != NULL)
    {
      g_source_destroy (self->cancel_source);
      g_clear_pointer (&self->cancel_source, g_source_unref);
    }
  G_OBJECT_CLASS (lcs_lookup_parent_class)->dispose (object);
}

static void
lcs_lookup_finalize (GObject *object)
{
  LcsLookup *self = LCS_LOOKUP (object);

  g_clear_pointer (&self->profile, lcs_profile_free);
  g_strfreev (self->options.internal_servers);
  g_strfreev (self->options.external_servers);
  g_clear_pointer (&self->silent, g_hash_table_unref);
  g_clear_pointer (&self->asked, g_hash_table_unref);
  g_clear_pointer (&self->taken, g_hash_table_unref);
  g_clear_pointer (&self->obs, lcs_observations_free);
  G_OBJECT_CLASS (lcs_lookup_parent_class)->finalize (object);
}

static void
lcs_lookup_class_init (LcsLookupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lcs_lookup_dispose;
  object_class->finalize = lcs_lookup_finalize;

  /* (answered, asked): asked grows when the second round starts. */
  signals[SIGNAL_PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
lcs_lookup_init (LcsLookup *self)
{
  guint v;

  for (v = 0; v < N_VIEWS; v++)
    self->resolvers[v] = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_server = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->silent = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->asked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

LcsLookup *
lcs_lookup_new (const LcsProfile       *profile,
                const LcsLookupOptions *options)
{
  LcsLookup *self = g_object_new (LCS_TYPE_LOOKUP, NULL);

  self->profile = lcs_profile_copy (profile);
  if (options != NULL)
    {
      self->options = *options;
      self->options.internal_servers = g_strdupv (options->internal_servers);
      self->options.external_servers = g_strdupv (options->external_servers);
    }
  return self;
}
