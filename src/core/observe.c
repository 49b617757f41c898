/* Observations: what DNS holds, from zone files or from servers. */
#include <lcsdns/observe.h>

#include <lcsdns/name.h>
#include <string.h>

typedef struct {
  GPtrArray  *records;   /* LcsRecord*, owned, in order added */
  GHashTable *by_name;   /* owner → GPtrArray of borrowed LcsRecord* */
  GPtrArray  *zones;     /* char* origins */
  GHashTable *answers;   /* "type name" → Answer* */
  GHashTable *wildcards; /* domain → probe name */
} View;

typedef struct {
  LcsAnswer  answer;
  char      *name;
  guint16    type;
  char      *server;
} Answer;

struct _LcsObservations {
  View views[2];
};

static void
answer_free (Answer *answer)
{
  g_free (answer->name);
  g_free (answer->server);
  g_free (answer);
}

const char *
lcs_answer_to_string (LcsAnswer answer)
{
  static const char *const names[] = {
    "unknown", "data", "NODATA", "NXDOMAIN", "SERVFAIL", "REFUSED", "timeout", "unreachable",
    "bad reply",
  };

  return answer < G_N_ELEMENTS (names) ? names[answer] : "unknown";
}

gboolean
lcs_answer_is_failure (LcsAnswer answer)
{
  return answer >= LCS_ANSWER_SERVFAIL;
}

LcsObservations *
lcs_observations_new (void)
{
  LcsObservations *obs = g_new0 (LcsObservations, 1);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (obs->views); i++)
    {
      View *view = &obs->views[i];

      view->records = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_record_free);
      view->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) g_ptr_array_unref);
      view->zones = g_ptr_array_new_with_free_func (g_free);
      view->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) answer_free);
      view->wildcards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }
  return obs;
}

void
lcs_observations_free (LcsObservations *obs)
{
  guint i;

  if (obs == NULL)
    return;
  for (i = 0; i < G_N_ELEMENTS (obs->views); i++)
    {
      View *view = &obs->views[i];

      g_hash_table_unref (view->by_name);
      g_ptr_array_unref (view->records);
      g_ptr_array_unref (view->zones);
      g_hash_table_unref (view->answers);
      g_hash_table_unref (view->wildcards);
    }
  g_free (obs);
}

void
lcs_observations_add_zone (LcsObservations *obs,
                           LcsView          view,
                           const char      *origin)
{
  g_ptr_array_add (obs->views[view].zones, lcs_name_normalize (origin));
}

const char *
lcs_observations_zone_for (const LcsObservations *obs,
                           LcsView                view,
                           const char            *name)
{
  const GPtrArray *zones = obs->views[view].zones;
  const char *best = NULL;
  guint i;

  for (i = 0; i < zones->len; i++)
    {
      const char *origin = g_ptr_array_index (zones, i);
      if (lcs_name_ends_in (name, origin) && (best == NULL || strlen (origin) > strlen (best)))
        best = origin;
    }
  return best;
}

void
lcs_observations_take_record (LcsObservations *obs,
                              LcsView          view,
                              LcsRecord       *record)
{
  View *v = &obs->views[view];
  GPtrArray *at = g_hash_table_lookup (v->by_name, record->owner);

  if (at == NULL)
    {
      at = g_ptr_array_new ();
      g_hash_table_insert (v->by_name, record->owner, at);
    }
  g_ptr_array_add (at, record);
  g_ptr_array_add (v->records, record);
}

static char *
answer_key (const char *name,
            guint16     type)
{
  g_autofree char *norm = lcs_name_normalize (name);

  return g_strdup_printf ("%u %s", type, norm);
}

void
lcs_observations_set_answer (LcsObservations *obs,
                             LcsView          view,
                             const char      *name,
                             guint16          type,
                             LcsAnswer        answer,
                             const char      *server)
{
  Answer *a = g_new0 (Answer, 1);

  a->answer = answer;
  a->name = lcs_name_normalize (name);
  a->type = type;
  a->server = g_strdup (server);
  g_hash_table_insert (obs->views[view].answers, answer_key (name, type), a);
}

void
lcs_observations_set_wildcard (LcsObservations *obs,
                               LcsView          view,
                               const char      *domain,
                               const char      *probe_name)
{
  g_hash_table_insert (obs->views[view].wildcards, lcs_name_normalize (domain),
                       lcs_name_normalize (probe_name));
}

LcsAnswer
lcs_observations_answer (const LcsObservations *obs,
                         LcsView                view,
                         const char            *name,
                         guint16                type)
{
  const View *v = &obs->views[view];
  g_autofree char *key = answer_key (name, type);
  g_autofree char *norm = lcs_name_normalize (name);
  const Answer *recorded = g_hash_table_lookup (v->answers, key);
  GPtrArray *at;
  guint i;

  if (recorded)
    return recorded->answer;
  at = g_hash_table_lookup (v->by_name, norm);
  if (at != NULL)
    {
      for (i = 0; i < at->len; i++)
        if (((LcsRecord *) g_ptr_array_index (at, i))->type == type)
          return LCS_ANSWER_DATA;
      return LCS_ANSWER_NODATA;
    }
  if (lcs_observations_zone_for (obs, view, norm) != NULL)
    return LCS_ANSWER_NXDOMAIN;
  return LCS_ANSWER_UNKNOWN;
}

GPtrArray *
lcs_observations_lookup (const LcsObservations *obs,
                         LcsView                view,
                         const char            *name,
                         guint16                type)
{
  g_autofree char *norm = lcs_name_normalize (name);
  GPtrArray *at = g_hash_table_lookup (obs->views[view].by_name, norm);
  GPtrArray *result = g_ptr_array_new ();
  guint i;

  for (i = 0; at && i < at->len; i++)
    {
      LcsRecord *record = g_ptr_array_index (at, i);
      if (type == 0 || record->type == type)
        g_ptr_array_add (result, record);
    }
  return result;
}

void
lcs_observations_foreach (const LcsObservations *obs,
                          LcsView                view,
                          guint16                type,
                          LcsRecordFunc          func,
                          gpointer               user_data)
{
  const GPtrArray *records = obs->views[view].records;
  guint i;

  for (i = 0; i < records->len; i++)
    {
      const LcsRecord *record = g_ptr_array_index (records, i);
      if (type == 0 || record->type == type)
        func (record, user_data);
    }
}

void
lcs_observations_foreach_failure (const LcsObservations *obs,
                                  LcsView                view,
                                  LcsAnswerFunc          func,
                                  gpointer               user_data)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, obs->views[view].answers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Answer *answer = value;
      if (lcs_answer_is_failure (answer->answer))
        func (answer->name, answer->type, answer->answer, answer->server, user_data);
    }
}

GHashTable *
lcs_observations_wildcards (const LcsObservations *obs,
                            LcsView                view)
{
  return obs->views[view].wildcards;
}

gboolean
lcs_observations_has_view (const LcsObservations *obs,
                           LcsView                view)
{
  const View *v = &obs->views[view];

  return v->zones->len > 0 || v->records->len > 0 || g_hash_table_size (v->answers) > 0;
}

guint
lcs_observations_count (const LcsObservations *obs)
{
  return obs->views[0].records->len + obs->views[1].records->len;
}
