/* Observations: what DNS holds, from zone files or from servers. */
#include <lcsdns/observe.h>

#include <lcsdns/name.h>
#include <string.h>

#define BLOCK_RECORDS 1024

typedef struct {
  GPtrArray    *blocks;    /* LcsRecord[BLOCK_RECORDS] each: pointers stay valid as the store grows */
  guint         n_records;
  GArray       *previous;  /* guint32 per record: the previous record at its owner, or G_MAXUINT32 */
  GStringChunk *strings;   /* every string of the stored records */
  GHashTable   *by_name;   /* owner (in strings) → GUINT_TO_POINTER (index of its last record + 1) */
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

      view->blocks = g_ptr_array_new_with_free_func (g_free);
      view->previous = g_array_new (FALSE, FALSE, sizeof (guint32));
      view->strings = g_string_chunk_new (64 * 1024);
      view->by_name = g_hash_table_new (g_str_hash, g_str_equal);
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
      g_ptr_array_unref (view->blocks);
      g_array_unref (view->previous);
      g_string_chunk_free (view->strings);
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

static LcsRecord *
record_at (const View *v,
           guint       index)
{
  return &((LcsRecord *) g_ptr_array_index (v->blocks, index / BLOCK_RECORDS))[index % BLOCK_RECORDS];
}

static guint32
previous_at (const View *v,
             guint32     index)
{
  return g_array_index (v->previous, guint32, index);
}

/* The index of the last record at @owner (normalised), or G_MAXUINT32. */
static guint32
last_at (const View *v,
         const char *owner)
{
  gpointer value = g_hash_table_lookup (v->by_name, owner);

  return value != NULL ? GPOINTER_TO_UINT (value) - 1 : G_MAXUINT32;
}

static char *
store_string (View       *v,
              const char *text)
{
  return text != NULL ? g_string_chunk_insert (v->strings, text) : NULL;
}

void
lcs_observations_take_record (LcsObservations *obs,
                              LcsView          view,
                              LcsRecord       *record)
{
  View *v = &obs->views[view];
  guint32 index = v->n_records;
  guint32 previous = G_MAXUINT32;
  gpointer key, value;
  LcsRecord *slot;

  if (index % BLOCK_RECORDS == 0)
    g_ptr_array_add (v->blocks, g_new (LcsRecord, BLOCK_RECORDS));
  slot = record_at (v, index);
  *slot = *record;
  if (g_hash_table_lookup_extended (v->by_name, record->owner, &key, &value))
    {
      slot->owner = key;
      previous = GPOINTER_TO_UINT (value) - 1;
    }
  else
    slot->owner = store_string (v, record->owner);
  g_hash_table_insert (v->by_name, slot->owner, GUINT_TO_POINTER (index + 1));
  slot->rdata = store_string (v, record->rdata);
  /* A, AAAA, CNAME, NS, PTR: the data is the address or the target itself. */
  slot->address = record->address != NULL && g_strcmp0 (record->address, record->rdata) == 0
                    ? slot->rdata : store_string (v, record->address);
  slot->target = record->target != NULL && g_strcmp0 (record->target, record->rdata) == 0
                   ? slot->rdata : store_string (v, record->target);
  g_array_append_val (v->previous, previous);
  v->n_records++;
  lcs_record_free (record);
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
  guint32 i;

  if (recorded)
    return recorded->answer;
  i = last_at (v, norm);
  if (i != G_MAXUINT32)
    {
      for (; i != G_MAXUINT32; i = previous_at (v, i))
        if (record_at (v, i)->type == type)
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
  const View *v = &obs->views[view];
  g_autofree char *norm = lcs_name_normalize (name);
  GPtrArray *result = g_ptr_array_new ();
  guint32 i;

  /* The chain runs from the last record back: insert at the front to keep the order added. */
  for (i = last_at (v, norm); i != G_MAXUINT32; i = previous_at (v, i))
    {
      LcsRecord *record = record_at (v, i);
      if (type == 0 || record->type == type)
        g_ptr_array_insert (result, 0, record);
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
  const View *v = &obs->views[view];
  guint i;

  for (i = 0; i < v->n_records; i++)
    {
      const LcsRecord *record = record_at (v, i);
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

  return v->zones->len > 0 || v->n_records > 0 || g_hash_table_size (v->answers) > 0;
}

guint
lcs_observations_count (const LcsObservations *obs)
{
  return obs->views[0].n_records + obs->views[1].n_records;
}
